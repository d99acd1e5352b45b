//! Micro-wishes (微心愿): posted by staff for residents (a de-identified alias in
//! public, the real name and flat in the organizer's note), reviewed, claimed by
//! volunteers and units, fulfilled and confirmed with a thank-you note (which credits
//! points); some claims are given back or lapse, and wishes nobody lit are closed.

use super::text;
use super::world::{Task, World};
use crate::domain::{
    Action, BeneficiaryKind, Claimant, Participant, Timestamp, WishCategory, WishId, WishPlan,
};

pub(super) fn schedule(world: &mut World) {
    let count = world.plan.wishes;
    let span = world.days().saturating_sub(40).max(1);
    for i in 0..count {
        let day = 5 + i * span / count + world.rng.below(3);
        let when = world.moment(day, 9, 18);
        world.at(when, Task::PostWish);
    }
}

/// Which wishes suit whom (indexes into [`text::WISHES`]).
fn kinds(beneficiary: BeneficiaryKind) -> &'static [usize] {
    match beneficiary {
        BeneficiaryKind::Child => &[0, 1, 2, 12],
        BeneficiaryKind::ElderlyAlone => &[3, 4, 5, 6, 7, 8, 9, 10, 11, 13],
        BeneficiaryKind::Disabled => &[3, 5, 6, 7, 8, 10],
        BeneficiaryKind::FamilyInDifficulty => &[0, 1, 2, 3, 8, 12],
        BeneficiaryKind::Other => &[1, 3, 5, 8, 11],
    }
}

impl World {
    fn alias(&mut self, beneficiary: BeneficiaryKind) -> String {
        let surname = text::surname(&mut self.rng);
        let pair = |rng: &mut super::rng::Rng, a: &'static str, b: &'static str| {
            if rng.percent(50) { a } else { b }
        };
        match beneficiary {
            BeneficiaryKind::ElderlyAlone => {
                format!("独居老人 {surname}{}", pair(&mut self.rng, "奶奶", "爷爷"))
            }
            BeneficiaryKind::Child => {
                let nick = text::NICKNAMES[self.rng.index(text::NICKNAMES.len())];
                format!("{} 小{nick}", pair(&mut self.rng, "留守儿童", "困境儿童"))
            }
            BeneficiaryKind::Disabled => {
                format!("残障居民 {surname}{}", pair(&mut self.rng, "叔叔", "阿姨"))
            }
            BeneficiaryKind::FamilyInDifficulty => {
                format!("困难家庭 {surname}{}", pair(&mut self.rng, "阿姨", "大哥"))
            }
            BeneficiaryKind::Other => format!("居民 {surname}师傅"),
        }
    }

    pub(super) fn post_wish(&mut self) {
        let beneficiary = match self.rng.below(20) {
            0..=8 => BeneficiaryKind::ElderlyAlone,
            9..=13 => BeneficiaryKind::Child,
            14..=15 => BeneficiaryKind::Disabled,
            16..=18 => BeneficiaryKind::FamilyInDifficulty,
            _ => BeneficiaryKind::Other,
        };
        let choices = kinds(beneficiary);
        let kind = &text::WISHES[choices[self.rng.index(choices.len())]];
        let home = text::home(&mut self.rng);
        let note = format!(
            "{} {}{} {}",
            text::person(&mut self.rng),
            home.building,
            text::flat(&mut self.rng),
            text::mobile(&mut self.rng)
        );
        let wanted_by = self.now + self.rng.between(30, 90) * Timestamp::DAY;
        let plan = WishPlan {
            alias: self.alias(beneficiary),
            beneficiary,
            private_note: note,
            category: WishCategory::ALL[usize::from(kind.category)],
            title: kind.title.to_owned(),
            description: kind.description.to_owned(),
            value_yuan: kind.value_yuan,
            grid: home.grid,
            building: home.building,
            wanted_by: Timestamp(wanted_by),
            skills: kind.skill.map(str::to_owned).into_iter().collect(),
        };
        let resident_of = if self.rng.percent(10) {
            self.rng.pick(&self.wishes).copied()
        } else {
            None
        };
        let Some(id) = self.act(Action::PostWish {
            plan: Box::new(plan),
            resident_of,
        }) else {
            return;
        };
        let id = WishId(id);
        self.wishes.push(id);
        let review = self.now + self.rng.between(4, 48) * Timestamp::HOUR;
        self.at(review, Task::ReviewWish(id));
        self.at(wanted_by + Timestamp::DAY, Task::CloseWish(id));
    }

    /// Published (审核通过), now and then rejected or called off.
    pub(super) fn review_wish(&mut self, wish: WishId) {
        match self.rng.below(100) {
            0..=92 => {
                if self.act(Action::PublishWish { wish }).is_some() && self.rng.percent(90) {
                    let when = self.now + self.rng.between(2, 240) * Timestamp::HOUR;
                    self.at(when, Task::ClaimWish(wish));
                }
            }
            93..=96 => {
                self.act(Action::RejectWish {
                    wish,
                    reason: "描述不够具体，请补充后重新提交".to_owned(),
                });
            }
            _ => {
                self.act(Action::CancelWish {
                    wish,
                    reason: "居民已不需要".to_owned(),
                });
            }
        }
    }

    pub(super) fn claim_wish(&mut self, wish: WishId) {
        let skill = self
            .state
            .wish(wish)
            .and_then(|w| w.plan.skills.first().cloned());
        for _ in 0..5 {
            let claimant = if self.rng.percent(20) {
                match self.rng.pick(&self.units) {
                    Some(&unit) => Participant::Unit(unit),
                    None => continue,
                }
            } else {
                let skilled = skill.as_ref().and_then(|s| self.skilled.get(s));
                let volunteer = match skilled {
                    Some(holders) if self.rng.percent(60) => {
                        holders.get(self.rng.index(holders.len())).copied()
                    }
                    _ => self.some_volunteer(),
                };
                match volunteer {
                    Some(v) => Participant::Volunteer(v),
                    None => continue,
                }
            };
            if self.act(Action::ClaimWish { wish, claimant }).is_none() {
                continue;
            }
            let days = match self.rng.below(100) {
                0..=83 => {
                    let when = self.now + self.rng.between(1, 6) * Timestamp::DAY;
                    self.at(when, Task::Fulfil(wish, claimant));
                    return;
                }
                84..=91 => {
                    let when = self.now + self.rng.between(1, 3) * Timestamp::DAY;
                    self.at(when, Task::Release(wish, claimant));
                    return;
                }
                // The claim lapses after its 7 days; someone else claims the wish later.
                _ => self.rng.between(8, 10),
            };
            let when = self.now + days * Timestamp::DAY;
            self.at(when, Task::ClaimWish(wish));
            return;
        }
    }

    pub(super) fn fulfil(&mut self, wish: WishId, claimant: Claimant) {
        if self.act(Action::FulfilWish { wish, claimant }).is_some() && self.rng.percent(96) {
            let when = self.now + self.rng.between(1, 3) * Timestamp::DAY;
            self.at(when, Task::ConfirmWish(wish));
        }
    }

    pub(super) fn release(&mut self, wish: WishId, claimant: Claimant) {
        if self.act(Action::ReleaseWish { wish, claimant }).is_some() {
            let when = self.now + self.rng.between(1, 5) * Timestamp::DAY;
            self.at(when, Task::ClaimWish(wish));
        }
    }

    pub(super) fn confirm_wish(&mut self, wish: WishId) {
        let thanks = text::THANKS[self.rng.index(text::THANKS.len())];
        self.act(Action::ConfirmWish {
            wish,
            thanks: thanks.to_owned(),
        });
    }
}
