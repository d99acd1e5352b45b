//! The points shop (积分超市): merchants' perks put on the shelf every few weeks,
//! volunteers redeeming points every day, vouchers verified at the merchant (核销) or
//! now and then cancelled for a refund.

use super::text;
use super::world::{Task, World};
use crate::domain::{Action, PerkId, PerkOffer, PerkPhase, Points, Timestamp, VoucherId};

/// Redemptions as a share of the ledger's entries, in percent.
const REDEMPTIONS: u64 = 7;

pub(super) fn schedule(world: &mut World) {
    let count = world.plan.perks;
    let days = world.days();
    for i in 0..count {
        // A few on the shelf from the first weeks, the rest spread over the years.
        let day = if i < 3 {
            world.rng.between(2, 20)
        } else {
            i * days / count
        };
        let when = world.moment(day, 10, 16);
        world.at(when, Task::CreatePerk);
    }
}

impl World {
    pub(super) fn create_perk(&mut self) {
        let kind = &text::PERKS[self.rng.index(text::PERKS.len())];
        let sponsor = if self.rng.percent(80) {
            self.rng.pick(&self.merchants).copied()
        } else {
            None
        };
        let valid_from = self.now - self.now % Timestamp::DAY;
        let offer = PerkOffer {
            sponsor,
            title: kind.title.to_owned(),
            description: kind.description.to_owned(),
            cost: Points::whole(kind.cost),
            stock: u32::try_from(self.rng.between(3, 30) * 10).unwrap_or(30),
            per_person: self
                .rng
                .percent(60)
                .then(|| u32::try_from(self.rng.between(1, 3)).unwrap_or(1)),
            valid_from: Timestamp(valid_from),
            valid_until: Timestamp(valid_from + self.rng.between(120, 365) * Timestamp::DAY),
            min_service_minutes: if self.rng.percent(30) { 300 } else { 0 },
        };
        let Some(id) = self.act(Action::CreatePerk {
            offer: Box::new(offer),
        }) else {
            return;
        };
        let id = PerkId(id);
        self.perks.push(id);
        if self.rng.percent(10) {
            let when = self.now + self.rng.between(20, 60) * Timestamp::DAY;
            self.at(when, Task::UpdatePerk(id));
        } else if self.rng.percent(5) {
            let when = self.now + self.rng.between(30, 90) * Timestamp::DAY;
            self.at(when, Task::WithdrawPerk(id));
        }
    }

    /// More stock for a popular perk.
    pub(super) fn update_perk(&mut self, perk: PerkId) {
        let Some(mut offer) = self.state.perk(perk).map(|p| p.offer.clone()) else {
            return;
        };
        offer.stock += 50;
        self.act(Action::UpdatePerk {
            perk,
            offer: Box::new(offer),
        });
    }

    pub(super) fn withdraw_perk(&mut self, perk: PerkId) {
        self.act(Action::WithdrawPerk {
            perk,
            reason: "商户暂停合作".to_owned(),
        });
    }

    /// A day's redemptions; each voucher is later verified, cancelled, or left.
    pub(super) fn shop(&mut self, day: u64) {
        let total = self.plan.entries as u64 * REDEMPTIONS / 100;
        let count = World::share(total, day, self.days());
        let now = Timestamp(self.now);
        let open: Vec<PerkId> = self
            .state
            .perks()
            .filter(|p| p.phase(now) == PerkPhase::Open)
            .map(|p| p.id)
            .collect();
        for _ in 0..count {
            for _ in 0..6 {
                let (Some(&perk), Some(volunteer)) = (self.rng.pick(&open), self.some_volunteer())
                else {
                    return;
                };
                let Some(id) = self.act(Action::Redeem { perk, volunteer }) else {
                    continue;
                };
                let voucher = VoucherId(id);
                match self.rng.below(100) {
                    0..=84 => {
                        let when = self.now + self.rng.between(2, 240) * Timestamp::HOUR;
                        self.at(when, Task::Verify(voucher));
                    }
                    85..=88 => {
                        let when = self.now + self.rng.between(2, 120) * Timestamp::HOUR;
                        self.at(when, Task::CancelVoucher(voucher));
                    }
                    _ => {}
                }
                break;
            }
        }
    }
}
