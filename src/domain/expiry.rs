//! Points expiry (积分有效期): which of a volunteer's points can still be spent.
//!
//! A community may let points expire, say three years after they are earned (黄山), and
//! then the soonest-expiring points are spent first. Expiry is derived, not posted: the
//! ledger keeps only what happened (credits, spending, refunds, reversals), so every
//! balance still equals the sum of its entries, and no entry depends on when some device
//! happened to look at the clock. What can be spent is computed from the same entries
//! in their total order, split into lots (one per credit):
//!
//! - A credit opens a lot that expires the policy's number of days after the credit's
//!   time, by the policy in force when it was posted: a new or changed policy never
//!   shortens points already earned. A credit first pays off any debt (see below).
//! - Spending (a deduction or a redemption) at time `t` takes from lots still live at
//!   `t`, soonest expiry first (never-expiring last, then oldest first), and records
//!   which lots it took from.
//! - Giving spent points back (a refund of a voucher, a reversal of a deduction) puts
//!   them back into the lots they came from, with their original expiry: cancelling a
//!   voucher cannot renew points, and points that expired meanwhile stay expired.
//! - Reversing a credit takes its own lot's remainder first (expired or not: a mistaken
//!   award should not cost the volunteer other points), then other live lots.
//! - Whatever spending or a reversal cannot cover becomes debt, paid by the next credits.
//!
//! So for every volunteer and every `now` after the last event:
//! `balance == available(now) + expired(now)`, where the balance is the ledger's.
//! Only volunteers' points expire; units' points do not.

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::error::DomainError;
use super::id::{EntryId, Timestamp};
use super::ledger::Points;

/// The longest expiry a community may set: ten years.
pub const EXPIRY_DAYS_MAX: u32 = 3_650;

/// The community's rules for points that are not set per activity or per perk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PointsPolicy {
    /// Credits expire this many days (of 24 hours) after they are posted; `None`: never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_days: Option<u32>,
}

impl PointsPolicy {
    pub fn validate(&self) -> Result<(), DomainError> {
        match self.expiry_days {
            Some(days) if days == 0 || days > EXPIRY_DAYS_MAX => {
                Err(DomainError::ExpiryDaysOutOfRange {
                    max: EXPIRY_DAYS_MAX,
                })
            }
            _ => Ok(()),
        }
    }

    /// When a credit posted at `credited` expires under this policy.
    pub fn expiry_of(&self, credited: Timestamp) -> Option<Timestamp> {
        self.expiry_days
            .map(|days| credited.plus_days(u64::from(days)))
    }
}

/// The points of one credit, and how many of them are left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lot {
    /// The credit that opened the lot.
    pub entry: EntryId,
    pub credited: Timestamp,
    /// From this time on the points left are expired; `None`: never.
    pub expires: Option<Timestamp>,
    pub left: Points,
}

impl Lot {
    /// Whether the lot can still be spent at `now`.
    pub fn is_live(&self, now: Timestamp) -> bool {
        self.expires.is_none_or(|expires| now < expires)
    }
}

/// Where one debit's points came from, so giving them back restores the same lots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Spending {
    parts: Vec<(usize, i64)>,
    debt: i64,
}

/// One volunteer's lots, kept as the ledger's entries are folded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Purse {
    lots: Vec<Lot>,
    debt: i64,
    by_credit: HashMap<EntryId, usize>,
    spent: HashMap<EntryId, Spending>,
}

impl Purse {
    /// Every lot, in the order the credits were posted, used-up ones included.
    pub fn lots(&self) -> &[Lot] {
        &self.lots
    }

    /// Points owed: spent or reversed beyond what the lots held, paid by the next credit.
    pub fn debt(&self) -> Points {
        Points(self.debt)
    }

    /// The points that can be spent at `now`: live lots less debt (negative when a
    /// reversal took more than was left).
    pub fn available(&self, now: Timestamp) -> Points {
        let live: i64 = self
            .lots
            .iter()
            .filter(|lot| lot.is_live(now))
            .map(|lot| lot.left.0)
            .sum();
        Points(live - self.debt)
    }

    /// The points that expired unspent by `now`.
    pub fn expired(&self, now: Timestamp) -> Points {
        Points(
            self.lots
                .iter()
                .filter(|lot| !lot.is_live(now))
                .map(|lot| lot.left.0)
                .sum(),
        )
    }

    /// Live points that will expire, soonest first, those expiring at the same time
    /// added up.
    pub fn expiring(&self, now: Timestamp) -> Vec<(Timestamp, Points)> {
        let mut by_time: Vec<(Timestamp, Points)> = Vec::new();
        let mut lots: Vec<&Lot> = self
            .lots
            .iter()
            .filter(|lot| lot.left > Points::ZERO && lot.is_live(now))
            .collect();
        lots.sort_by_key(|lot| lot.expires);
        for lot in lots {
            let Some(expires) = lot.expires else { continue };
            match by_time.last_mut() {
                Some((at, points)) if *at == expires => points.0 += lot.left.0,
                _ => by_time.push((expires, lot.left)),
            }
        }
        by_time
    }

    /// Takes in a credit of `amount` (> 0). `restores` names the debit it gives back
    /// (a refund or a reversal), whose lots get their points back.
    pub(crate) fn credit(
        &mut self,
        entry: EntryId,
        at: Timestamp,
        amount: i64,
        expires: Option<Timestamp>,
        restores: Option<EntryId>,
    ) {
        let mut amount = amount;
        if let Some(spending) = restores.and_then(|debit| self.spent.remove(&debit)) {
            for (index, part) in spending.parts {
                if let Some(lot) = self.lots.get_mut(index) {
                    let back = part.min(amount);
                    lot.left.0 += back;
                    amount -= back;
                }
            }
        }
        let pay = amount.min(self.debt).max(0);
        self.debt -= pay;
        amount -= pay;
        if restores.is_some() && amount <= 0 {
            return;
        }
        self.by_credit.insert(entry, self.lots.len());
        self.lots.push(Lot {
            entry,
            credited: at,
            expires,
            left: Points(amount.max(0)),
        });
    }

    /// Takes out a debit of `amount` (> 0) at `at`. `prefer` names the credit a reversal
    /// cancels, whose lot is taken from first.
    pub(crate) fn debit(
        &mut self,
        entry: EntryId,
        at: Timestamp,
        amount: i64,
        prefer: Option<EntryId>,
    ) {
        let mut wanted = amount;
        let mut parts = Vec::new();
        let mut order: Vec<usize> = Vec::new();
        if let Some(&own) = prefer.and_then(|credit| self.by_credit.get(&credit)) {
            order.push(own);
        }
        let mut live: Vec<usize> = (0..self.lots.len())
            .filter(|&i| Some(&i) != order.first())
            .filter(|&i| self.lots[i].left > Points::ZERO && self.lots[i].is_live(at))
            .collect();
        live.sort_by_key(|&i| (self.lots[i].expires.map_or(u64::MAX, |t| t.0), i));
        order.extend(live);
        for index in order {
            if wanted == 0 {
                break;
            }
            if let Some(lot) = self.lots.get_mut(index) {
                let take = lot.left.0.min(wanted).max(0);
                if take > 0 {
                    lot.left.0 -= take;
                    wanted -= take;
                    parts.push((index, take));
                }
            }
        }
        self.debt += wanted;
        self.spent.insert(
            entry,
            Spending {
                parts,
                debt: wanted,
            },
        );
    }
}

/// What a volunteer's points look like at a moment, for 我的 and the volunteer page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PointsSummary {
    /// The ledger balance: every entry summed, expired points included.
    pub balance: Points,
    /// What can be spent now (积分余额 as the volunteer sees it).
    pub available: Points,
    /// Points that expired unspent.
    pub expired: Points,
    /// Live points that will expire, soonest first, with the time they expire.
    pub expiring: Vec<(Timestamp, Points)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::{EventId, ReplicaId};

    fn e(seq: u32) -> EntryId {
        EntryId(EventId::new(ReplicaId(1), seq))
    }

    #[test]
    fn spending_takes_the_soonest_expiring_lot_first() {
        let mut purse = Purse::default();
        purse.credit(e(1), Timestamp(0), 500, Some(Timestamp(300)), None);
        purse.credit(e(2), Timestamp(10), 500, None, None);
        purse.credit(e(3), Timestamp(20), 500, Some(Timestamp(200)), None);
        purse.debit(e(4), Timestamp(30), 700, None);
        let left: Vec<i64> = purse.lots().iter().map(|l| l.left.0).collect();
        assert_eq!(left, [300, 500, 0]);
        assert_eq!(purse.available(Timestamp(250)), Points(800));
        assert_eq!(purse.available(Timestamp(300)), Points(500));
        assert_eq!(purse.expired(Timestamp(300)), Points(300));
    }

    #[test]
    fn debt_is_paid_by_the_next_credit() {
        let mut purse = Purse::default();
        purse.debit(e(1), Timestamp(0), 200, None);
        assert_eq!(purse.available(Timestamp(0)), Points(-200));
        purse.credit(e(2), Timestamp(1), 500, None, None);
        assert_eq!(purse.debt(), Points::ZERO);
        assert_eq!(purse.available(Timestamp(1)), Points(300));
    }

    #[test]
    fn policies_out_of_range_are_refused() {
        for (days, ok) in [
            (None, true),
            (Some(1), true),
            (Some(3650), true),
            (Some(0), false),
            (Some(3651), false),
        ] {
            let policy = PointsPolicy { expiry_days: days };
            assert_eq!(policy.validate().is_ok(), ok, "{days:?}");
        }
    }
}
