//! What an organizer plans for an activity (志愿活动): when and where, how many seats,
//! the sign-up window, and how service turns into points.

use serde::{Deserialize, Serialize};

use crate::domain::error::{DomainError, Field};
use crate::domain::id::Timestamp;
use crate::domain::ledger::Points;
use crate::domain::text::{limit, require};

pub const TITLE_MAX: usize = 40;
pub const CATEGORY_MAX: usize = 20;
pub const PLACE_MAX: usize = 60;
pub const DETAILS_MAX: usize = 500;
pub const ROLE_NAME_MAX: usize = 20;
pub const ROLES_MAX: usize = 8;
/// Seats of one activity: a street's largest events stay well below this.
pub const CAPACITY_MAX: u32 = 10_000;
/// The longest an activity may last. Longer service is recorded as several activities.
pub const DURATION_MAX_DAYS: u32 = 7;
pub const DURATION_MAX_MINUTES: u32 = DURATION_MAX_DAYS * 24 * 60;
/// Hours count only if present for this share of the activity, unless the organizer
/// sets another (the 60% rule of several provinces).
pub const DEFAULT_PRESENCE_PERCENT: u8 = 60;
/// Volunteers with this many no-shows cannot sign up, unless the organizer sets another.
pub const DEFAULT_NO_SHOW_LIMIT: u32 = 3;
pub const NO_SHOW_LIMIT_MAX: u32 = 99;
/// The largest role multiplier, in hundredths (×5.0).
pub const MULTIPLIER_MAX: u32 = 500;
/// The most points one activity's rule may give per hour or as a fixed amount.
pub const RULE_POINTS_MAX: Points = Points(1_000 * 100);

/// How confirmed service turns into points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointsRule {
    /// Points for every hour served, counted to the minute; `cap_minutes` limits the
    /// minutes that earn points (some schemes cap one activity at 2 hours). The cap
    /// never limits the hours recorded.
    PerHour {
        points_per_hour: Points,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cap_minutes: Option<u32>,
    },
    /// The same points for everyone whose service counts, however long.
    Fixed(Points),
}

/// A role with a points multiplier, such as 队长 (leader) ×1.4. Volunteers without a role
/// earn ×1.0.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub name: String,
    /// In hundredths: 140 is ×1.4.
    pub multiplier: u32,
}

/// Everything an organizer enters for an activity. Checked by [`ActivityPlan::validate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPlan {
    pub title: String,
    pub category: String,
    pub place: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub details: String,
    pub start: Timestamp,
    pub end: Timestamp,
    pub capacity: u32,
    pub signup_opens: Timestamp,
    /// Sign-ups are taken while `signup_opens <= at < signup_closes`.
    pub signup_closes: Timestamp,
    /// A seat may be given back while `at < cancel_deadline`.
    pub cancel_deadline: Timestamp,
    pub rule: PointsRule,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(default = "default_presence")]
    pub presence_percent: u8,
    #[serde(default = "default_no_show_limit")]
    pub no_show_limit: u32,
}

fn default_presence() -> u8 {
    DEFAULT_PRESENCE_PERCENT
}

fn default_no_show_limit() -> u32 {
    DEFAULT_NO_SHOW_LIMIT
}

impl ActivityPlan {
    /// Refuses blank or over-long texts, times out of order, impossible capacities,
    /// rules and roles, each with its own reason.
    pub fn validate(&self) -> Result<(), DomainError> {
        require(Field::Title, &self.title)?;
        limit(Field::Title, &self.title, TITLE_MAX)?;
        require(Field::Category, &self.category)?;
        limit(Field::Category, &self.category, CATEGORY_MAX)?;
        require(Field::Place, &self.place)?;
        limit(Field::Place, &self.place, PLACE_MAX)?;
        limit(Field::Details, &self.details, DETAILS_MAX)?;
        // Service is counted in whole minutes, so an activity lasts at least one.
        if self.duration_minutes() == 0 {
            return Err(DomainError::EndNotAfterStart);
        }
        if self.duration_minutes() > DURATION_MAX_MINUTES {
            return Err(DomainError::ActivityTooLong {
                max_days: DURATION_MAX_DAYS,
            });
        }
        if self.capacity == 0 || self.capacity > CAPACITY_MAX {
            return Err(DomainError::CapacityOutOfRange { max: CAPACITY_MAX });
        }
        if self.signup_closes <= self.signup_opens {
            return Err(DomainError::SignupClosesBeforeOpens);
        }
        if self.signup_closes > self.start {
            return Err(DomainError::SignupClosesAfterStart);
        }
        if self.cancel_deadline > self.start {
            return Err(DomainError::CancelDeadlineAfterStart);
        }
        self.validate_rule()?;
        self.validate_roles()?;
        if !(1..=100).contains(&self.presence_percent) {
            return Err(DomainError::PresenceOutOfRange);
        }
        if !(1..=NO_SHOW_LIMIT_MAX).contains(&self.no_show_limit) {
            return Err(DomainError::NoShowLimitOutOfRange {
                max: NO_SHOW_LIMIT_MAX,
            });
        }
        Ok(())
    }

    fn validate_rule(&self) -> Result<(), DomainError> {
        let (points, cap) = match &self.rule {
            PointsRule::PerHour {
                points_per_hour,
                cap_minutes,
            } => (*points_per_hour, *cap_minutes),
            PointsRule::Fixed(points) => (*points, None),
        };
        // Zero is allowed: an activity may record hours without giving points.
        if points < Points::ZERO || points > RULE_POINTS_MAX {
            return Err(DomainError::RulePointsOutOfRange {
                max: RULE_POINTS_MAX,
            });
        }
        if cap.is_some_and(|cap| cap == 0 || cap > DURATION_MAX_MINUTES) {
            return Err(DomainError::CapOutOfRange {
                max: DURATION_MAX_MINUTES,
            });
        }
        Ok(())
    }

    fn validate_roles(&self) -> Result<(), DomainError> {
        if self.roles.len() > ROLES_MAX {
            return Err(DomainError::TooMany {
                field: Field::Role,
                max: ROLES_MAX,
            });
        }
        for (i, role) in self.roles.iter().enumerate() {
            require(Field::Role, &role.name)?;
            limit(Field::Role, &role.name, ROLE_NAME_MAX)?;
            if role.multiplier == 0 || role.multiplier > MULTIPLIER_MAX {
                return Err(DomainError::MultiplierOutOfRange {
                    max: MULTIPLIER_MAX,
                });
            }
            if self.roles[..i]
                .iter()
                .any(|r| r.name.trim() == role.name.trim())
            {
                return Err(DomainError::DuplicateRole(role.name.clone()));
            }
        }
        Ok(())
    }

    /// The activity's length in whole minutes.
    pub fn duration_minutes(&self) -> u32 {
        minutes_between(self.start, self.end)
    }

    /// The fewest minutes present for service to count: the presence share of the
    /// duration, rounded up.
    pub fn presence_needed_minutes(&self) -> u32 {
        let needed =
            (u64::from(self.duration_minutes()) * u64::from(self.presence_percent)).div_ceil(100);
        u32::try_from(needed).unwrap_or(u32::MAX)
    }

    /// The minutes between two stamps that fall within the activity, rounded down.
    pub fn minutes_within(&self, from: Timestamp, to: Timestamp) -> u32 {
        minutes_between(from.max(self.start), to.min(self.end))
    }

    /// The multiplier of a role, in hundredths; ×1.0 without a role, or for a role the
    /// plan no longer has.
    pub fn multiplier(&self, role: Option<&str>) -> u32 {
        role.and_then(|name| self.roles.iter().find(|r| r.name == name))
            .map_or(100, |r| r.multiplier)
    }

    /// The points that `minutes` of counted service earn in `role`, rounded to the
    /// nearest hundredth. Zero minutes earn nothing, whatever the rule.
    pub fn points_for(&self, minutes: u32, role: Option<&str>) -> Points {
        if minutes == 0 {
            return Points::ZERO;
        }
        let multiplier = i128::from(self.multiplier(role));
        let (numerator, denominator) = match &self.rule {
            PointsRule::PerHour {
                points_per_hour,
                cap_minutes,
            } => {
                let paid = cap_minutes.map_or(minutes, |cap| minutes.min(cap));
                (
                    i128::from(points_per_hour.0) * i128::from(paid) * multiplier,
                    60 * 100,
                )
            }
            PointsRule::Fixed(points) => (i128::from(points.0) * multiplier, 100),
        };
        let rounded = (numerator + denominator / 2) / denominator;
        Points(i64::try_from(rounded).unwrap_or(i64::MAX))
    }

    /// The same activity `weeks` weeks later (weekly recurrence). China keeps one
    /// offset all year (UTC+8, no daylight saving), so adding whole weeks keeps every
    /// time of day.
    pub fn shifted_by_weeks(&self, weeks: u32) -> ActivityPlan {
        self.shifted_by(u64::from(weeks).saturating_mul(7 * Timestamp::DAY))
    }

    /// A copy (a template) whose start is `start`, every other time moved with it.
    pub fn copied_to_start(&self, start: Timestamp) -> ActivityPlan {
        if start >= self.start {
            self.shifted_by(start.0 - self.start.0)
        } else {
            self.shifted_back(self.start.0 - start.0)
        }
    }

    fn shifted_by(&self, ms: u64) -> ActivityPlan {
        let move_on = |t: Timestamp| Timestamp(t.0.saturating_add(ms));
        self.moved(move_on)
    }

    fn shifted_back(&self, ms: u64) -> ActivityPlan {
        let move_back = |t: Timestamp| Timestamp(t.0.saturating_sub(ms));
        self.moved(move_back)
    }

    fn moved(&self, f: impl Fn(Timestamp) -> Timestamp) -> ActivityPlan {
        ActivityPlan {
            start: f(self.start),
            end: f(self.end),
            signup_opens: f(self.signup_opens),
            signup_closes: f(self.signup_closes),
            cancel_deadline: f(self.cancel_deadline),
            ..self.clone()
        }
    }
}

/// Whole minutes from `from` to `to`; zero when `to` is not after `from`.
pub fn minutes_between(from: Timestamp, to: Timestamp) -> u32 {
    let minutes = to.0.saturating_sub(from.0) / Timestamp::MINUTE;
    u32::try_from(minutes).unwrap_or(u32::MAX)
}
