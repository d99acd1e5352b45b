//! Suggestions (推荐): wishes ranked for a volunteer, and volunteers and units ranked
//! for a wish, each with the reasons that explain the score.
//!
//! The score is the sum of the reasons' weights ([`Reason::weight`]):
//!
//! | reason | weight |
//! |---|---|
//! | same building (楼栋) | +40 |
//! | same grid (网格), when not the same building | +20 |
//! | has a skill the wish needs | +30 each |
//! | lacks a skill the wish needs | −20 each |
//! | a skill that suits the wish's category (维修 for a service…) | +15 once |
//! | lit wishes of that category before | +10 |
//! | wanted within 3 days (for a volunteer's list only) | +5 to +20 |
//! | open again after a lapsed claim (for a volunteer's list only) | +5 |
//! | fairness: holds open claims | −15 each |
//! | fairness: lit wishes in the last 30 days | −5 each |
//!
//! Skill reasons are for volunteers: a unit vouches for the people it sends, so it
//! neither gains nor loses by the wish's skills.
//!
//! Ties are broken by the soonest wanted-by date, then by id (wishes), or by claimant
//! (volunteers before units, then by id), so the same state always gives the same
//! order. Pure: the time is passed in.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use super::{ClaimStatus, Claimant, Wish, WishCategory, WishPhase};
use crate::domain::id::Participant;
use crate::domain::id::{Timestamp, VolunteerId, WishId};
use crate::domain::state::State;

/// Lit wishes within this many days count against a claimant's fairness.
pub const RECENT_DAYS: u64 = 30;

/// Why a suggestion ranks where it does. The UI says each in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The volunteer lives in the wish's building (同楼栋).
    SameBuilding,
    /// The volunteer or unit is in the wish's grid (同网格).
    SameGrid,
    /// The wish needs this skill (the wish's tag) and the volunteer has it.
    HasSkill(String),
    /// The wish needs this skill and the volunteer does not have it.
    MissingSkill(String),
    /// One of the volunteer's skills suits this category of wish (维修 for a service).
    SuitsCategory {
        skill: String,
        category: WishCategory,
    },
    /// Lit `times` wishes of this category before.
    DoneBefore { category: WishCategory, times: u32 },
    /// Wanted within `days` days (0: today, or already past).
    Urgent { days: u32 },
    /// Someone's claim lapsed: the wish is waiting again.
    OpenAgain,
    /// Fairness: already holds `count` open claims.
    HoldsClaims { count: u32 },
    /// Fairness: lit `count` wishes in the last [`RECENT_DAYS`] days.
    RecentlyLit { count: u32 },
}

impl Reason {
    /// What the reason adds to (or takes from) the score.
    pub fn weight(&self) -> i32 {
        let count = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
        match self {
            Reason::SameBuilding => 40,
            Reason::SameGrid => 20,
            Reason::HasSkill(_) => 30,
            Reason::MissingSkill(_) => -20,
            Reason::SuitsCategory { .. } => 15,
            Reason::DoneBefore { .. } => 10,
            Reason::Urgent { days } => (4 - count(*days).min(4)) * 5,
            Reason::OpenAgain => 5,
            Reason::HoldsClaims { count: n } => count(*n).saturating_mul(-15),
            Reason::RecentlyLit { count: n } => count(*n).saturating_mul(-5),
        }
    }

    /// Speaks for the match (as opposed to fairness and missing skills).
    pub fn is_positive(&self) -> bool {
        self.weight() > 0
    }
}

/// A wish suggested to a volunteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub wish: WishId,
    pub score: i32,
    /// In a fixed order: place, skills, experience, urgency, fairness.
    pub reasons: Vec<Reason>,
}

/// A volunteer or unit suggested for a wish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimantSuggestion {
    pub claimant: Claimant,
    pub score: i32,
    pub reasons: Vec<Reason>,
}

/// The wishes open at `now` (those whose claim lapsed included), best match for the
/// volunteer first. Empty for an unknown volunteer.
pub fn suggest_wishes(state: &State, volunteer: VolunteerId, now: Timestamp) -> Vec<Suggestion> {
    let Some(v) = state.volunteer(volunteer) else {
        return Vec::new();
    };
    let me = Participant::Volunteer(volunteer);
    let record = records(state, now).remove(&me).unwrap_or_default();
    let who = Profile {
        grid: &v.profile.grid,
        building: &v.profile.building,
        skills: Some(&v.profile.skills),
        record: &record,
    };
    let mut found: Vec<(Suggestion, Timestamp)> = state
        .wishes()
        .filter(|w| w.phase(now).is_open())
        .map(|wish| {
            let reasons = reasons(wish, &who, now, true);
            let suggestion = Suggestion {
                wish: wish.id,
                score: score(&reasons),
                reasons,
            };
            (suggestion, wish.plan.wanted_by)
        })
        .collect();
    found.sort_by_key(|(s, wanted_by)| (Reverse(s.score), *wanted_by, s.wish));
    found.into_iter().map(|(s, _)| s).collect()
}

/// Every volunteer and unit, best match for the wish first, except whoever holds it
/// at `now`. The wish's urgency is the same for everyone, so it is left out of these
/// reasons. Empty for an unknown wish; a screen shows the first few.
pub fn suggest_claimants(state: &State, wish: WishId, now: Timestamp) -> Vec<ClaimantSuggestion> {
    let Some(wish) = state.wish(wish) else {
        return Vec::new();
    };
    let holder = wish.holder(now).map(|c| c.claimant);
    let records = records(state, now);
    let none = Record::default();
    let volunteers = state.volunteers().map(|v| {
        let claimant = Participant::Volunteer(v.id);
        let who = Profile {
            grid: &v.profile.grid,
            building: &v.profile.building,
            skills: Some(&v.profile.skills),
            record: records.get(&claimant).unwrap_or(&none),
        };
        (claimant, reasons(wish, &who, now, false))
    });
    let units = state.units().map(|u| {
        let claimant = Participant::Unit(u.id);
        let who = Profile {
            grid: &u.profile.grid,
            building: "",
            skills: None,
            record: records.get(&claimant).unwrap_or(&none),
        };
        (claimant, reasons(wish, &who, now, false))
    });
    let mut found: Vec<ClaimantSuggestion> = volunteers
        .chain(units)
        .filter(|(claimant, _)| Some(*claimant) != holder)
        .map(|(claimant, reasons)| ClaimantSuggestion {
            claimant,
            score: score(&reasons),
            reasons,
        })
        .collect();
    found.sort_by_key(|s| (Reverse(s.score), s.claimant));
    found
}

/// What a claimant has done, for experience and fairness.
#[derive(Clone, Debug, Default)]
struct Record {
    /// Wishes held at `now`.
    open: u32,
    /// Wishes lit in the last [`RECENT_DAYS`] days.
    recent: u32,
    /// Wishes lit, by category.
    lit: BTreeMap<WishCategory, u32>,
}

/// Every claimant's record at `now`, in one pass over the wishes.
fn records(state: &State, now: Timestamp) -> BTreeMap<Claimant, Record> {
    let mut records: BTreeMap<Claimant, Record> = BTreeMap::new();
    let since = Timestamp(now.0.saturating_sub(RECENT_DAYS * Timestamp::DAY));
    for wish in state.wishes() {
        if wish.phase(now) == WishPhase::Claimed
            && let Some(holder) = wish.holder(now)
        {
            records.entry(holder.claimant).or_default().open += 1;
        }
        for claim in wish.claims() {
            if let ClaimStatus::Fulfilled { at } = claim.status(now) {
                let record = records.entry(claim.claimant).or_default();
                *record.lit.entry(wish.plan.category).or_default() += 1;
                if since <= at && at <= now {
                    record.recent += 1;
                }
            }
        }
    }
    records
}

/// A claimant as matching sees them.
struct Profile<'a> {
    grid: &'a str,
    building: &'a str,
    /// None for a unit, which vouches for the people it sends: no skill reasons.
    skills: Option<&'a [String]>,
    record: &'a Record,
}

fn score(reasons: &[Reason]) -> i32 {
    reasons.iter().map(Reason::weight).sum()
}

/// The reasons for one claimant and one wish, in a fixed order. `for_volunteer`
/// includes what only ranks wishes against each other (urgency, open again).
fn reasons(wish: &Wish, who: &Profile<'_>, now: Timestamp, for_volunteer: bool) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let plan = &wish.plan;
    let grids = (place(who.grid), place(&plan.grid));
    let same_grid = !grids.0.is_empty() && grids.0 == grids.1;
    let grids_agree = same_grid || grids.0.is_empty() || grids.1.is_empty();
    let buildings = (place(who.building), place(&plan.building));
    if grids_agree && !buildings.0.is_empty() && buildings.0 == buildings.1 {
        reasons.push(Reason::SameBuilding);
    } else if same_grid {
        reasons.push(Reason::SameGrid);
    }
    if let Some(skills) = who.skills {
        for needed in &plan.skills {
            if skills.iter().any(|s| same_skill(s, needed)) {
                reasons.push(Reason::HasSkill(needed.trim().to_owned()));
            }
        }
        for needed in &plan.skills {
            if !skills.iter().any(|s| same_skill(s, needed)) {
                reasons.push(Reason::MissingSkill(needed.trim().to_owned()));
            }
        }
        if let Some(skill) = skills.iter().find(|s| suits(s, plan.category)) {
            reasons.push(Reason::SuitsCategory {
                skill: skill.trim().to_owned(),
                category: plan.category,
            });
        }
    }
    if let Some(&times) = who.record.lit.get(&plan.category) {
        reasons.push(Reason::DoneBefore {
            category: plan.category,
            times,
        });
    }
    if for_volunteer {
        let days = wish.days_left(now);
        if days <= 3 {
            reasons.push(Reason::Urgent { days });
        }
        if wish.phase(now) == WishPhase::Reopened {
            reasons.push(Reason::OpenAgain);
        }
    }
    if who.record.open > 0 {
        reasons.push(Reason::HoldsClaims {
            count: who.record.open,
        });
    }
    if who.record.recent > 0 {
        reasons.push(Reason::RecentlyLit {
            count: who.record.recent,
        });
    }
    reasons
}

/// A grid or building as compared: without spaces, in lower case, with full-width
/// digits and letters as ASCII (３号楼 = 3号楼).
fn place(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Two skill tags for the same skill: equal without spaces and letter case, or one
/// containing the other when the shorter has at least two characters (电工 and
/// 水电工, 维修 and 家电维修).
fn same_skill(a: &str, b: &str) -> bool {
    let (a, b) = (place(a), place(b));
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    !short.is_empty() && (short == long || (short.chars().count() >= 2 && long.contains(&short)))
}

/// Words that make a skill suit a category of wish.
fn keywords(category: WishCategory) -> &'static [&'static str] {
    match category {
        WishCategory::Goods => &[
            "采购", "购物", "跑腿", "配送", "搬运", "驾驶", "开车", "shopping", "driving",
        ],
        WishCategory::Service => &[
            "维修", "修理", "电工", "水电", "家电", "理发", "保洁", "家政", "电脑", "护理", "医疗",
            "法律", "repair", "electric", "plumb", "haircut", "cleaning", "nursing",
        ],
        WishCategory::Companionship => &[
            "陪伴",
            "陪护",
            "聊天",
            "心理",
            "探访",
            "助老",
            "读报",
            "companion",
            "visit",
            "elderly",
        ],
        WishCategory::Learning => &[
            "辅导", "教育", "教学", "家教", "作业", "英语", "数学", "语文", "书法", "绘画", "美术",
            "音乐", "阅读", "编程", "手机", "tutor", "teach", "english", "math", "reading",
        ],
    }
}

fn suits(skill: &str, category: WishCategory) -> bool {
    let skill = place(skill);
    keywords(category).iter().any(|k| skill.contains(k))
}
