//! Volunteers and units registering, and the office's daily work on the ledger: manual
//! awards with reasons (which also fill the ledger up to the planned size), the odd
//! deduction, reversal and profile correction, and monthly unit points.

use super::text;
use super::world::World;
use crate::domain::{
    Action, EntryId, Points, PointsPolicy, Timestamp, UnitId, UnitKind, UnitProfile, VolunteerId,
    VolunteerProfile, WishPolicy,
};

/// Share of the ledger's entries that are deductions, reversals, and unit points (in
/// thousandths).
const DEDUCTIONS: u64 = 4;
const REVERSALS: u64 = 5;
const UNIT_AWARDS: u64 = 20;

impl World {
    /// The community's policies, set once at the start: points expire after three
    /// years (黄山), wishes follow the usual rules.
    pub(super) fn policies(&mut self) {
        self.act(Action::SetPointsPolicy {
            policy: PointsPolicy {
                expiry_days: Some(3 * 365),
            },
        });
        self.act(Action::SetWishPolicy {
            policy: WishPolicy::default(),
        });
    }

    pub(super) fn register_volunteer(&mut self) {
        let home = text::home(&mut self.rng);
        let year = crate::domain::china_date(Timestamp(self.now)).0;
        self.registered += 1;
        let number = if self.rng.percent(85) {
            format!("LT{year}{:05}", self.registered)
        } else {
            String::new()
        };
        let unit = if self.rng.percent(25) {
            self.rng.pick(&self.member_units).copied()
        } else {
            None
        };
        let profile = VolunteerProfile {
            name: text::person(&mut self.rng),
            phone: if self.rng.percent(95) {
                text::mobile(&mut self.rng)
            } else {
                String::new()
            },
            number,
            grid: home.grid,
            building: home.building,
            skills: text::skills(&mut self.rng, 3),
            party_member: self.rng.percent(30),
            unit,
        };
        let skills = profile.skills.clone();
        let Some(id) = self.act(Action::RegisterVolunteer {
            profile: Box::new(profile),
        }) else {
            return;
        };
        let id = VolunteerId(id);
        for skill in skills {
            self.skilled.entry(skill).or_default().push(id);
        }
        if self.rng.percent(35) {
            self.active.push(id);
        } else {
            self.occasional.push(id);
        }
    }

    pub(super) fn register_unit(&mut self) {
        let kind = match self.rng.below(20) {
            0..=6 => UnitKind::DualRegistered,
            7..=10 => UnitKind::CoBuilding,
            11..=13 => UnitKind::Company,
            _ => UnitKind::Merchant,
        };
        // A name already taken is drawn again, then as a branch (东城分店), as a street's
        // registry would tell two units apart.
        let mut name = text::unit_name(&mut self.rng, kind);
        for tries in 0..40 {
            if !self.unit_names.contains(&name) {
                break;
            }
            name = text::unit_name(&mut self.rng, kind);
            if tries >= 4 {
                name = text::branch(&mut self.rng, &name, kind);
            }
        }
        if self.unit_names.contains(&name) {
            name = format!("{name}{}", self.units.len());
        }
        let home = text::home(&mut self.rng);
        let profile = UnitProfile {
            kind,
            name: name.clone(),
            contact: text::person(&mut self.rng),
            phone: if self.rng.percent(50) {
                text::landline(&mut self.rng)
            } else {
                text::mobile(&mut self.rng)
            },
            address: text::address(&mut self.rng),
            grid: home.grid,
        };
        let Some(id) = self.act(Action::RegisterUnit {
            profile: Box::new(profile),
        }) else {
            return;
        };
        let id = UnitId(id);
        self.unit_names.insert(name);
        self.units.push(id);
        match kind {
            UnitKind::DualRegistered | UnitKind::CoBuilding => self.member_units.push(id),
            UnitKind::Merchant => self.merchants.push(id),
            UnitKind::Company => {}
        }
    }

    /// A day at the office: corrections, then the manual awards that keep the ledger
    /// on course for its planned size.
    pub(super) fn office(&mut self, day: u64) {
        let days = self.days();
        let total = self.plan.entries as u64;
        for _ in 0..World::share(total * DEDUCTIONS / 1_000, day, days) {
            self.deduct();
        }
        for _ in 0..World::share(total * REVERSALS / 1_000, day, days) {
            self.reverse();
        }
        let corrections = World::share(self.plan.volunteers / 10, day, days);
        for _ in 0..corrections {
            self.correct_profile();
        }
        // The ledger should have reached this many entries by the end of the day; the
        // last hundredth is left for the year-end awards.
        let due = total * (day + 1) / days * 99 / 100;
        let missing = usize::try_from(due)
            .unwrap_or(0)
            .saturating_sub(self.entries());
        self.award_many(missing);
    }

    /// Manual awards (手工奖励), with reasons.
    pub(super) fn award_many(&mut self, count: usize) {
        let mut tries = 0;
        let mut done = 0;
        while done < count && tries < count * 2 + 10 {
            tries += 1;
            let Some(volunteer) = self.some_volunteer() else {
                return;
            };
            let whole = i64::try_from(self.rng.between(1, 10)).unwrap_or(1);
            let points = if self.rng.percent(10) {
                Points(whole * 100 + 50)
            } else {
                Points::whole(whole)
            };
            let reason = text::AWARD_REASONS[self.rng.index(text::AWARD_REASONS.len())];
            let action = Action::AwardPoints {
                volunteer,
                points,
                reason: reason.to_owned(),
            };
            if let Some(id) = self.act(action) {
                done += 1;
                self.awards.push(EntryId(id));
            }
        }
    }

    /// One of the year-end awards that bring the ledger to its planned size.
    pub(super) fn year_end_award(&mut self) {
        for _ in 0..10 {
            let Some(volunteer) = self.some_volunteer() else {
                return;
            };
            let action = Action::AwardPoints {
                volunteer,
                points: Points::whole(10),
                reason: "年度优秀志愿者表彰".to_owned(),
            };
            if self.act(action).is_some() {
                return;
            }
        }
    }

    fn deduct(&mut self) {
        let Some(volunteer) = self.some_volunteer() else {
            return;
        };
        let reason = text::DEDUCT_REASONS[self.rng.index(text::DEDUCT_REASONS.len())];
        let points = Points::whole(i64::try_from(self.rng.between(1, 5)).unwrap_or(1));
        self.act(Action::DeductPoints {
            volunteer,
            points,
            reason: reason.to_owned(),
        });
    }

    /// A recent award typed wrong is reversed (冲正), and often typed again right.
    fn reverse(&mut self) {
        let recent = self.awards.len().saturating_sub(200);
        let Some(&entry) = self.rng.pick(&self.awards[recent..]) else {
            return;
        };
        let reason = text::REVERSE_REASONS[self.rng.index(text::REVERSE_REASONS.len())];
        let reversed = self.act(Action::ReverseEntry {
            entry,
            reason: reason.to_owned(),
        });
        if reversed.is_some() && self.rng.percent(60) {
            self.award_many(1);
        }
    }

    /// A volunteer's new phone number or building.
    fn correct_profile(&mut self) {
        let Some(id) = self.some_volunteer() else {
            return;
        };
        let Some(mut profile) = self.state.volunteer(id).map(|v| v.profile.clone()) else {
            return;
        };
        if self.rng.percent(50) {
            profile.phone = text::mobile(&mut self.rng);
        } else {
            let home = text::home(&mut self.rng);
            profile.grid = home.grid;
            profile.building = home.building;
        }
        self.act(Action::UpdateVolunteer {
            volunteer: id,
            profile: Box::new(profile),
        });
    }

    /// Month-end unit points (双报到积分) for units whose members served.
    pub(super) fn unit_month(&mut self, month: u64) {
        let months = (self.days() / 30).max(1);
        let total = self.plan.entries as u64 * UNIT_AWARDS / 1_000;
        for _ in 0..World::share(total, month, months) {
            let Some(&unit) = self.rng.pick(&self.member_units) else {
                return;
            };
            let reason = text::UNIT_REASONS[self.rng.index(text::UNIT_REASONS.len())];
            let points = Points::whole(i64::try_from(self.rng.between(1, 10)).unwrap_or(1) * 5);
            self.act(Action::AwardUnitPoints {
                unit,
                points,
                reason: reason.to_owned(),
            });
        }
        if self.rng.percent(10)
            && let Some(&unit) = self.rng.pick(&self.member_units)
        {
            self.act(Action::DeductUnitPoints {
                unit,
                points: Points::whole(5),
                reason: "当月双报到服务未完成".to_owned(),
            });
        }
    }
}
