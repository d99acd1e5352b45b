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

/// The wall-clock time of a stamp in China's time: (year, month, day, hour, minute).
pub fn china_clock(at: Timestamp) -> (i32, u32, u32, u32, u32) {
    let (year, month, day) = china_date(at);
    let minutes = at.0.saturating_add(CHINA_OFFSET_MS) / Timestamp::MINUTE % 1_440;
    let minutes = u32::try_from(minutes).unwrap_or(0);
    (year, month, day, minutes / 60, minutes % 60)
}

/// The stamp of a wall-clock time in China's time, or `None` for a date or time that
/// does not exist (2026-02-30, 24:00) or falls before 1970.
pub fn from_china_clock(
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
) -> Option<Timestamp> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    if !YEARS.contains(&year) || !(1..=days_in_month).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    let days = u64::try_from(days_from_civil(year, month, day)).ok()?;
    let local = days * Timestamp::DAY
        + u64::from(hour) * Timestamp::HOUR
        + u64::from(minute) * Timestamp::MINUTE;
    local.checked_sub(CHINA_OFFSET_MS).map(Timestamp)
}

/// `2026-12-02T09:00` (an `<input type="datetime-local">`'s value; a space in place of
/// the `T` and seconds are also read), as China's time, whatever the device's zone.
pub fn parse_china_date_time(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    let (date, time) = text.split_once(['T', ' '])?;
    let mut date = date.split('-');
    let year = date.next()?.parse().ok()?;
    let month = date.next()?.parse().ok()?;
    let day = date.next()?.parse().ok()?;
    let mut time = time.trim().split(':');
    let hour = time.next()?.parse().ok()?;
    let minute = time.next()?.parse().ok()?;
    if date.next().is_some() || time.next().is_some_and(|s| s.parse::<f64>().is_err()) {
        return None;
    }
    from_china_clock(year, month, day, hour, minute)
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
    fn china_clock_times_read_back_whatever_the_text() {
        // 2026-12-02 09:00 in Beijing is 01:00 UTC.
        let nine = Timestamp(1_796_173_200_000);
        assert_eq!(china_clock(nine), (2026, 12, 2, 9, 0));
        for text in [
            "2026-12-02T09:00",
            "2026-12-02 09:00",
            " 2026-12-02T09:00:00 ",
        ] {
            assert_eq!(parse_china_date_time(text), Some(nine), "{text}");
        }
        // Just before midnight in China is still the same day there.
        assert_eq!(
            china_clock(Timestamp(
                nine.0 + 14 * Timestamp::HOUR + 59 * Timestamp::MINUTE
            )),
            (2026, 12, 2, 23, 59)
        );
        for bad in [
            "",
            "2026-12-02",
            "2026-02-30T09:00",
            "2026-12-02T24:00",
            "2026-13-01T09:00",
            "1969-12-31T23:00",
            "tomorrow",
            "2026-12-02T09:00:xx",
            "2026-12-02-1T09:00",
        ] {
            assert_eq!(parse_china_date_time(bad), None, "{bad}");
        }
        assert!(parse_china_date_time("2024-02-29T00:00").is_some());
        assert!(parse_china_date_time("2100-02-29T00:00").is_none());
        for minutes in (0..3_000_000u64).step_by(7_919) {
            let at = Timestamp(minutes * Timestamp::MINUTE);
            let (y, m, d, h, min) = china_clock(at);
            assert_eq!(from_china_clock(y, m, d, h, min), Some(at));
        }
    }

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
