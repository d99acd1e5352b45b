//! What staff enter for a micro-wish (微心愿) on a resident's behalf, and the
//! community's wish policy (微心愿规则).

use serde::{Deserialize, Serialize};

use super::privacy::{BeneficiaryKind, check_public_text, names_in_note, public_text_problems};
use crate::domain::error::{DomainError, Field};
use crate::domain::id::Timestamp;
use crate::domain::ledger::Points;
use crate::domain::text::{SHORT_TEXT_MAX, limit, require};

/// The public alias (“独居老人 王奶奶”): short, so it fits a card on a phone.
pub const ALIAS_MAX: usize = 30;
pub const WISH_TITLE_MAX: usize = 40;
pub const WISH_DESCRIPTION_MAX: usize = 500;
/// The organizer-only note and the thank-you note.
pub const NOTE_MAX: usize = 200;
pub const WISH_SKILLS_MAX: usize = 8;
/// How far ahead a wanted-by date may be: a micro-wish is small and near.
pub const WANTED_BY_MAX_DAYS: u32 = 366;
/// The highest value cap a policy may set, in yuan.
pub const VALUE_CAP_MAX_YUAN: u32 = 100_000;
/// The longest a claim may hold before it lapses.
pub const CLAIM_DAYS_MAX: u32 = 90;
/// The most points a lit wish may earn.
pub const WISH_POINTS_MAX: Points = Points(1_000 * 100);
/// The highest limit of open claims per volunteer a policy may set.
pub const OPEN_CLAIMS_MAX: u32 = 99;

/// What kind of help is wished for.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum WishCategory {
    /// 物品: a school bag, a fan, a winter coat.
    #[default]
    Goods,
    /// 服务: a repair, a haircut, help with paperwork.
    Service,
    /// 陪伴: an hour of company, a walk, a visit.
    Companionship,
    /// 学习: tutoring, learning to use a phone.
    Learning,
}

impl WishCategory {
    pub const ALL: [WishCategory; 4] = [
        WishCategory::Goods,
        WishCategory::Service,
        WishCategory::Companionship,
        WishCategory::Learning,
    ];
}

/// Everything staff enter for a wish. Checked by [`WishPlan::validate`].
///
/// Every field is public (the wish wall shows it) except `private_note`, which only
/// organizer screens may show: the resident's real name, flat and phone belong there.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishPlan {
    /// The de-identified name the wall shows, such as “独居老人 王奶奶”.
    pub alias: String,
    pub beneficiary: BeneficiaryKind,
    /// For organizers only (never shown on the wall): how to reach the resident.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub private_note: String,
    pub category: WishCategory,
    /// The wish in a few words, such as “一个新书包”.
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The estimated value in whole yuan; 0 for help that costs nothing.
    #[serde(default)]
    pub value_yuan: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub grid: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub building: String,
    /// The wish should be fulfilled before this moment.
    pub wanted_by: Timestamp,
    /// Skills the helper needs (tags such as 家电维修), if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
}

impl WishPlan {
    /// Refuses blank or over-long texts, a value over the policy's cap, and public
    /// texts that identify the resident (see [`check_public_text`]), each with its own
    /// reason. The wanted-by date is checked by the rules, which know the time.
    pub fn validate(&self, policy: &WishPolicy) -> Result<(), DomainError> {
        require(Field::Alias, &self.alias)?;
        limit(Field::Alias, &self.alias, ALIAS_MAX)?;
        limit(Field::PrivateNote, &self.private_note, NOTE_MAX)?;
        require(Field::WishTitle, &self.title)?;
        limit(Field::WishTitle, &self.title, WISH_TITLE_MAX)?;
        limit(
            Field::WishDescription,
            &self.description,
            WISH_DESCRIPTION_MAX,
        )?;
        limit(Field::Grid, &self.grid, SHORT_TEXT_MAX)?;
        limit(Field::Building, &self.building, SHORT_TEXT_MAX)?;
        if self.skills.len() > WISH_SKILLS_MAX {
            return Err(DomainError::TooMany {
                field: Field::Skills,
                max: WISH_SKILLS_MAX,
            });
        }
        for skill in &self.skills {
            require(Field::Skills, skill)?;
            limit(Field::Skills, skill, SHORT_TEXT_MAX)?;
        }
        if self.value_yuan > policy.value_cap_yuan {
            return Err(DomainError::WishValueOverCap {
                cap_yuan: policy.value_cap_yuan,
            });
        }
        for text in self.public_texts() {
            check_public_text(self.beneficiary, text)?;
        }
        Ok(())
    }

    /// Every privacy problem of the public texts, each with its field, in the order a
    /// form lists the fields (see [`public_text_problems`]; for a child, the names the
    /// private note gives are refused too).
    ///
    /// This is what the form lists as staff type and what a new wish must pass when it
    /// is written ([`crate::domain::State::check_new`]); wishes stored before these
    /// patterns existed are still folded by [`check_public_text`] alone, so none is
    /// rejected after the fact.
    pub fn privacy_problems(&self) -> Vec<(Field, DomainError)> {
        let names = if self.beneficiary == BeneficiaryKind::Child {
            names_in_note(&self.private_note)
        } else {
            Vec::new()
        };
        let fields = [
            Field::Alias,
            Field::WishTitle,
            Field::WishDescription,
            Field::Grid,
            Field::Building,
        ];
        let mut found = Vec::new();
        for (field, text) in fields.into_iter().zip(self.public_texts()) {
            for problem in public_text_problems(self.beneficiary, text, &names) {
                found.push((field, problem));
            }
        }
        found
    }

    /// The texts the wall shows, in the order a form lists them.
    pub fn public_texts(&self) -> [&str; 5] {
        [
            &self.alias,
            &self.title,
            &self.description,
            &self.grid,
            &self.building,
        ]
    }
}

/// The community's rules for micro-wishes, set by [`crate::domain::Action::SetWishPolicy`].
/// A change applies from then on: a wish keeps the points of the policy in force when
/// it was published, and a claim the lapse time of the policy in force when it was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishPolicy {
    /// The most a wish's estimated value may be, in yuan (¥500 unless set).
    #[serde(default = "default_value_cap")]
    pub value_cap_yuan: u32,
    /// Days a claim holds without fulfilment before it lapses and the wish is open
    /// again (7 unless set).
    #[serde(default = "default_claim_days")]
    pub claim_days: u32,
    /// Points a volunteer earns when a wish they lit is confirmed.
    #[serde(default = "default_points")]
    pub volunteer_points: Points,
    /// Unit points (双报到积分) a unit earns when a wish it lit is confirmed.
    #[serde(default = "default_points")]
    pub unit_points: Points,
    /// Claims one volunteer may hold open at once (3 unless set), so the same few
    /// people do not take every wish. Units, which often adopt several wishes at once,
    /// have no limit.
    #[serde(default = "default_open_claims")]
    pub open_claims_per_volunteer: u32,
}

pub const DEFAULT_VALUE_CAP_YUAN: u32 = 500;
pub const DEFAULT_CLAIM_DAYS: u32 = 7;
pub const DEFAULT_WISH_POINTS: Points = Points(5 * 100);
pub const DEFAULT_OPEN_CLAIMS: u32 = 3;

fn default_value_cap() -> u32 {
    DEFAULT_VALUE_CAP_YUAN
}

fn default_claim_days() -> u32 {
    DEFAULT_CLAIM_DAYS
}

fn default_points() -> Points {
    DEFAULT_WISH_POINTS
}

fn default_open_claims() -> u32 {
    DEFAULT_OPEN_CLAIMS
}

impl Default for WishPolicy {
    fn default() -> Self {
        WishPolicy {
            value_cap_yuan: DEFAULT_VALUE_CAP_YUAN,
            claim_days: DEFAULT_CLAIM_DAYS,
            volunteer_points: DEFAULT_WISH_POINTS,
            unit_points: DEFAULT_WISH_POINTS,
            open_claims_per_volunteer: DEFAULT_OPEN_CLAIMS,
        }
    }
}

impl WishPolicy {
    /// Refuses settings out of range, each with its own reason.
    pub fn validate(&self) -> Result<(), DomainError> {
        if !(1..=VALUE_CAP_MAX_YUAN).contains(&self.value_cap_yuan) {
            return Err(DomainError::WishCapOutOfRange {
                max_yuan: VALUE_CAP_MAX_YUAN,
            });
        }
        if !(1..=CLAIM_DAYS_MAX).contains(&self.claim_days) {
            return Err(DomainError::ClaimDaysOutOfRange {
                max: CLAIM_DAYS_MAX,
            });
        }
        for points in [self.volunteer_points, self.unit_points] {
            if points < Points::ZERO || points > WISH_POINTS_MAX {
                return Err(DomainError::WishPointsOutOfRange {
                    max: WISH_POINTS_MAX,
                });
            }
        }
        if !(1..=OPEN_CLAIMS_MAX).contains(&self.open_claims_per_volunteer) {
            return Err(DomainError::OpenClaimsLimitOutOfRange {
                max: OPEN_CLAIMS_MAX,
            });
        }
        Ok(())
    }
}
