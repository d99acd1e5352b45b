//! What an organizer enters for a co-construction project (共建项目): who started it,
//! when and where, its cover, how people join, the roles with their slots and skills,
//! the resources it needs, and the points that taking part earns.

use serde::{Deserialize, Serialize};

use crate::domain::error::{DomainError, Field};
use crate::domain::id::{Timestamp, UnitId};
use crate::domain::ledger::Points;
use crate::domain::text::{SHORT_TEXT_MAX, limit, require};

pub const PROJECT_TITLE_MAX: usize = 40;
pub const PROJECT_CATEGORY_MAX: usize = 20;
pub const PROJECT_PLACE_MAX: usize = 60;
pub const PROJECT_DESCRIPTION_MAX: usize = 1_000;
/// The longest a project may run: several months is common, three years is a typo.
pub const PROJECT_MAX_DAYS: u32 = 3 * 366;
pub const PROJECT_ROLE_NAME_MAX: usize = 20;
pub const PROJECT_ROLES_MAX: usize = 12;
/// Slots of one role: a street's largest projects stay well below this.
pub const SLOTS_MAX: u32 = 1_000;
/// Skills one role may ask for.
pub const ROLE_SKILLS_MAX: usize = 6;
pub const NEED_NAME_MAX: usize = 20;
pub const NEEDS_MAX: usize = 12;
/// The label of a custom quantity unit, such as 箱 or 桌.
pub const NEED_UNIT_MAX: usize = 6;
/// The largest quantity a need may ask for (¥100 million, or as many items).
pub const QUANTITY_MAX: u64 = 100_000_000;
/// The most points taking part in one project may earn, per person or per unit.
pub const PROJECT_POINTS_MAX: Points = Points(1_000 * 100);
/// An icon name: lowercase letters, digits and hyphens.
pub const ICON_NAME_MAX: usize = 32;

/// Who started the project: the community itself or a unit (a co-building unit, a
/// company…). Display only; it gives no rights in the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Initiator {
    #[default]
    Community,
    Unit(UnitId),
}

/// A project's cover: a colour or the name of an icon the app draws. Never an image, so
/// a project costs a few bytes of storage.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cover {
    /// `#rrggbb`.
    Colour(String),
    /// Such as `tree`, `paint-roller`: lowercase letters, digits and hyphens.
    Icon(String),
}

impl Default for Cover {
    /// The community's red.
    fn default() -> Self {
        Cover::Colour("#c0392b".to_owned())
    }
}

impl Cover {
    pub fn validate(&self) -> Result<(), DomainError> {
        match self {
            Cover::Colour(text) => {
                let hex = text.strip_prefix('#').unwrap_or_default();
                if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                    Ok(())
                } else {
                    Err(DomainError::InvalidCoverColour(text.clone()))
                }
            }
            Cover::Icon(name) => {
                let ok = !name.is_empty()
                    && name.len() <= ICON_NAME_MAX
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if ok {
                    Ok(())
                } else {
                    Err(DomainError::InvalidCoverIcon(name.clone()))
                }
            }
        }
    }
}

/// How people join the project's roles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JoinMode {
    /// Anyone may join (自由报名): a free slot is taken at once.
    #[default]
    Open,
    /// The organizer approves each request (审核报名): a request waits until approved.
    Approval,
}

/// A role (岗位) with its slots (名额) and the skills it asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectRole {
    /// The role's name; sign-ups name their role by it.
    pub name: String,
    pub slots: u32,
    /// Every skill a volunteer must have to take the role (a unit vouches for the
    /// people it sends, so units are not checked). Matched ignoring case and spaces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// Points for a volunteer confirmed in this role, instead of the project's rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Points>,
}

/// The unit a need is counted in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedUnit {
    /// Yuan (¥), whole.
    Yuan,
    /// Square metres (m²), of a venue for instance.
    SquareMetres,
    /// Items (件), of materials for instance.
    Items,
    /// Any other counting word, such as 箱 or 桌.
    Custom(String),
}

/// A resource the project needs (资源需求), which units pledge against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    /// What is needed, such as 资金 (funding), 场地 (a venue), 油漆 (paint); pledges
    /// name their need by it.
    pub name: String,
    pub quantity: u64,
    pub unit: NeedUnit,
}

/// The points that a confirmed participant earns, once per project.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectRule {
    /// For each volunteer, unless their role sets its own.
    pub volunteer_points: Points,
    /// Unit points (双报到积分) for each unit, whatever roles it filled or pledges it
    /// made.
    pub unit_points: Points,
}

/// Everything an organizer enters for a project. Checked by [`ProjectPlan::validate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectPlan {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub initiator: Initiator,
    pub start: Timestamp,
    pub end: Timestamp,
    pub place: String,
    pub category: String,
    #[serde(default)]
    pub cover: Cover,
    #[serde(default)]
    pub join: JoinMode,
    /// A seat may be given back, or a pledge withdrawn, while `at < withdraw_deadline`.
    pub withdraw_deadline: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<ProjectRole>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Need>,
    #[serde(default)]
    pub rule: ProjectRule,
}

impl ProjectPlan {
    /// Refuses blank or over-long texts, a period out of order, a bad cover, and
    /// impossible roles, needs and points, each with its own reason. A draft may have
    /// no roles and no needs yet; publishing asks for one (see
    /// [`DomainError::NothingToRecruit`]).
    pub fn validate(&self) -> Result<(), DomainError> {
        require(Field::ProjectTitle, &self.title)?;
        limit(Field::ProjectTitle, &self.title, PROJECT_TITLE_MAX)?;
        limit(
            Field::ProjectDescription,
            &self.description,
            PROJECT_DESCRIPTION_MAX,
        )?;
        require(Field::ProjectPlace, &self.place)?;
        limit(Field::ProjectPlace, &self.place, PROJECT_PLACE_MAX)?;
        require(Field::ProjectCategory, &self.category)?;
        limit(Field::ProjectCategory, &self.category, PROJECT_CATEGORY_MAX)?;
        if self.end <= self.start {
            return Err(DomainError::EndNotAfterStart);
        }
        if self.end.0 - self.start.0 > u64::from(PROJECT_MAX_DAYS) * Timestamp::DAY {
            return Err(DomainError::ProjectTooLong {
                max_days: PROJECT_MAX_DAYS,
            });
        }
        if self.withdraw_deadline > self.end {
            return Err(DomainError::WithdrawDeadlineAfterEnd);
        }
        self.cover.validate()?;
        self.validate_roles()?;
        self.validate_needs()?;
        rule_points(self.rule.volunteer_points)?;
        rule_points(self.rule.unit_points)
    }

    fn validate_roles(&self) -> Result<(), DomainError> {
        if self.roles.len() > PROJECT_ROLES_MAX {
            return Err(DomainError::TooMany {
                field: Field::Role,
                max: PROJECT_ROLES_MAX,
            });
        }
        for (i, role) in self.roles.iter().enumerate() {
            require(Field::Role, &role.name)?;
            limit(Field::Role, &role.name, PROJECT_ROLE_NAME_MAX)?;
            if self.roles[..i]
                .iter()
                .any(|r| same_name(&r.name, &role.name))
            {
                return Err(DomainError::DuplicateRole(role.name.clone()));
            }
            if role.slots == 0 || role.slots > SLOTS_MAX {
                return Err(DomainError::SlotsOutOfRange { max: SLOTS_MAX });
            }
            if role.skills.len() > ROLE_SKILLS_MAX {
                return Err(DomainError::TooMany {
                    field: Field::Skills,
                    max: ROLE_SKILLS_MAX,
                });
            }
            for skill in &role.skills {
                require(Field::Skills, skill)?;
                limit(Field::Skills, skill, SHORT_TEXT_MAX)?;
            }
            if let Some(points) = role.points {
                rule_points(points)?;
            }
        }
        Ok(())
    }

    fn validate_needs(&self) -> Result<(), DomainError> {
        if self.needs.len() > NEEDS_MAX {
            return Err(DomainError::TooMany {
                field: Field::Need,
                max: NEEDS_MAX,
            });
        }
        for (i, need) in self.needs.iter().enumerate() {
            require(Field::Need, &need.name)?;
            limit(Field::Need, &need.name, NEED_NAME_MAX)?;
            if self.needs[..i]
                .iter()
                .any(|n| same_name(&n.name, &need.name))
            {
                return Err(DomainError::DuplicateNeed(need.name.clone()));
            }
            if need.quantity == 0 || need.quantity > QUANTITY_MAX {
                return Err(DomainError::QuantityOutOfRange { max: QUANTITY_MAX });
            }
            if let NeedUnit::Custom(label) = &need.unit {
                require(Field::NeedUnit, label)?;
                limit(Field::NeedUnit, label, NEED_UNIT_MAX)?;
            }
        }
        Ok(())
    }

    pub fn role(&self, name: &str) -> Option<&ProjectRole> {
        self.roles.iter().find(|r| r.name == name)
    }

    pub fn need(&self, name: &str) -> Option<&Need> {
        self.needs.iter().find(|n| n.name == name)
    }

    /// The points a volunteer confirmed in `role` earns.
    pub fn volunteer_points(&self, role: &str) -> Points {
        self.role(role)
            .and_then(|r| r.points)
            .unwrap_or(self.rule.volunteer_points)
    }
}

impl ProjectRole {
    /// The role's skills that `skills` (a volunteer's) lack, in the role's order.
    pub fn missing_skills<'a>(&'a self, skills: &[String]) -> impl Iterator<Item = &'a String> {
        self.skills
            .iter()
            .filter(move |wanted| !skills.iter().any(|had| same_skill(had, wanted)))
    }

    /// Whether any of the role's skills is among `skills`.
    pub fn wants_any_of(&self, skills: &[String]) -> bool {
        self.skills
            .iter()
            .any(|wanted| skills.iter().any(|had| same_skill(had, wanted)))
    }
}

/// Two names for the same role or need: spaces around them do not count.
fn same_name(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

/// Two tags for the same skill: spaces around them and letter case do not count
/// (电工 = 电工, First aid = first aid).
pub fn same_skill(a: &str, b: &str) -> bool {
    let a = a.trim();
    let b = b.trim();
    a == b || a.to_lowercase() == b.to_lowercase()
}

fn rule_points(points: Points) -> Result<(), DomainError> {
    if points < Points::ZERO || points > PROJECT_POINTS_MAX {
        Err(DomainError::RulePointsOutOfRange {
            max: PROJECT_POINTS_MAX,
        })
    } else {
        Ok(())
    }
}
