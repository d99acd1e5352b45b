//! Calendar periods in China's time: UTC+8 all year, with no daylight saving, so a
//! month or a year starts at the same offset everywhere and every device computes the
//! same boundaries whatever its own time zone.

use super::id::Timestamp;

/// China's offset from UTC.
pub const CHINA_OFFSET_MS: u64 = 8 * Timestamp::HOUR;

/// The calendar date (year, month 1–12, day 1–31) of a stamp in China's time.
pub fn china_date(at: Timestamp) -> (i32, u32, u32) {
    let days = at.0.saturating_add(CHINA_OFFSET_MS) / Timestamp::DAY;
    civil_from_days(i64::try_from(days).unwrap_or(i64::MAX))
}

/// A span of time `[from, to)`: a month, a year, or all time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub from: Timestamp,
    /// The first moment after the period.
    pub to: Timestamp,
}

/// The years a period may be asked for.
const YEARS: std::ops::RangeInclusive<i32> = 1970..=9999;

impl Period {
    pub const ALL_TIME: Period = Period {
        from: Timestamp(0),
        to: Timestamp(u64::MAX),
    };

    pub fn contains(&self, at: Timestamp) -> bool {
        self.from <= at && at < self.to
    }

    /// The calendar month `month` (1–12) of `year`, in China's time.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        if !YEARS.contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let (next_year, next_month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        Some(Period {
            from: midnight(year, month),
            to: midnight(next_year, next_month),
        })
    }

    /// The calendar year, in China's time.
    pub fn year(year: i32) -> Option<Period> {
        if !YEARS.contains(&year) {
            return None;
        }
        Some(Period {
            from: midnight(year, 1),
            to: midnight(year + 1, 1),
        })
    }

    /// The calendar month that `at` falls in, in China's time.
    pub fn month_of(at: Timestamp) -> Period {
        let (year, month, _) = china_date(at);
        Period::month(year, month).unwrap_or(Period::ALL_TIME)
    }

    /// The calendar year that `at` falls in, in China's time.
    pub fn year_of(at: Timestamp) -> Period {
        let (year, _, _) = china_date(at);
        Period::year(year).unwrap_or(Period::ALL_TIME)
    }
}

/// The first moment of day 1 of the month, in China's time, as a stamp.
fn midnight(year: i32, month: u32) -> Timestamp {
    let days = u64::try_from(days_from_civil(year, month, 1)).unwrap_or(0);
    Timestamp(
        days.saturating_mul(Timestamp::DAY)
            .saturating_sub(CHINA_OFFSET_MS),
    )
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from 1970-01-01 (the inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_convert_both_ways() {
        for (date, days) in [
            ((1970, 1, 1), 0),
            ((2000, 2, 29), 11_016),
            ((2000, 3, 1), 11_017),
            ((2026, 11, 21), 20_778),
            ((2100, 3, 1), 47_541),
        ] {
            assert_eq!(days_from_civil(date.0, date.1, date.2), days, "{date:?}");
            assert_eq!(civil_from_days(days), date);
        }
        for days in 0..200_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
