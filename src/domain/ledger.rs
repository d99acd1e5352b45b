//! The points ledger (积分台账): append-only double entry.
//!
//! Points move between accounts: the community's pool and each member's account. An
//! award moves points from the pool to a volunteer; a deduction moves them back. A
//! correction is a reversal: a new entry that moves the same points the other way and
//! names the entry it cancels. Nothing is ever edited or removed, so the sum of all
//! balances is always zero and every balance equals the sum of its entries.
//!
//! Redeeming a perk moves the perk's cost from the volunteer back to the pool, not to
//! the sponsoring merchant: perks are sponsorship (DOMAIN.md: no payment is taken), and
//! a unit's account holds unit points (双报到积分), a different thing that volunteers'
//! spending must not inflate. Cancelling an unused voucher refunds the same points.
//! Points that expire (see [`crate::domain::expiry`]) are not moved at all: the ledger
//! records what happened, and what is still spendable is derived from it.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::id::{
    ActivityId, EntryId, PerkId, ProjectId, Timestamp, UnitId, VolunteerId, VoucherId, WishId,
};

/// An amount of points, kept in hundredths so rules such as “×1.4 per hour” stay exact
/// to two decimals without floating point in the ledger.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Points(pub i64);

impl Points {
    pub const ZERO: Points = Points(0);
    /// The most one manual award or deduction may move: guards against a typo of zeros.
    pub const MANUAL_MAX: Points = Points(10_000 * 100);

    pub fn whole(points: i64) -> Points {
        Points(points.saturating_mul(100))
    }
}

impl std::ops::Neg for Points {
    type Output = Points;
    fn neg(self) -> Points {
        Points(-self.0)
    }
}

impl fmt::Display for Points {
    /// 1250 → "12.5", 300 → "3", -225 → "-2.25".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, cents) = (abs / 100, abs % 100);
        match cents {
            0 => write!(f, "{sign}{whole}"),
            c if c % 10 == 0 => write!(f, "{sign}{whole}.{}", c / 10),
            c => write!(f, "{sign}{whole}.{c:02}"),
        }
    }
}

/// Text that is not an amount of points with at most two decimals.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not an amount of points")]
pub struct PointsParseError(pub String);

impl FromStr for Points {
    type Err = PointsParseError;
    /// Reads what a person types: "12", "12.5", "0.25" (no sign, at most two decimals).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || PointsParseError(text.to_owned());
        let text = text.trim();
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || whole.len() > 9 || frac.len() > 2 || !digits(whole) || !digits(frac)
        {
            return Err(bad());
        }
        let whole: i64 = whole.parse().map_err(|_| bad())?;
        let frac: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().map_err(|_| bad())? * 10,
            _ => frac.parse().map_err(|_| bad())?,
        };
        Ok(Points(whole * 100 + frac))
    }
}

/// Who holds points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Account {
    /// The community's pool, from which every credit comes.
    Pool,
    Volunteer(VolunteerId),
    /// A unit's unit points (双报到积分).
    Unit(UnitId),
}

/// Why points moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryKind {
    Award,
    Deduction,
    Reversal {
        of: EntryId,
    },
    /// Points for confirmed service at an activity, by the activity's rule. The entry's
    /// reason is the activity's title at the time of confirmation.
    ActivityCredit {
        activity: ActivityId,
    },
    /// Points spent on a perk (兑换), volunteer to pool. The entry has the voucher's name;
    /// its reason is the perk's title at the time.
    Redemption {
        perk: PerkId,
        voucher: VoucherId,
    },
    /// Points given back when an unused voucher is cancelled (退还), pool to volunteer.
    VoucherRefund {
        voucher: VoucherId,
    },
    /// Points for taking part in a co-construction project, by the project's rule:
    /// pool to a volunteer, or unit points (双报到积分) pool to a unit. The entry's
    /// reason is the project's title at the time of confirmation.
    ProjectCredit {
        project: ProjectId,
    },
    /// Points for a lit micro-wish, confirmed by staff: pool to the volunteer, or unit
    /// points pool to the unit, who claimed it. The entry is named by the confirmation;
    /// its reason is the wish's title at the time.
    WishCredit {
        wish: WishId,
    },
}

impl EntryKind {
    /// Whether [`crate::domain::Action::ReverseEntry`] may cancel an entry of this kind.
    /// A reversal is final, and a redemption or refund changes only with its voucher
    /// ([`crate::domain::Action::CancelVoucher`]), so the voucher and the points agree.
    pub fn is_reversible(&self) -> bool {
        !matches!(
            self,
            EntryKind::Reversal { .. }
                | EntryKind::Redemption { .. }
                | EntryKind::VoucherRefund { .. }
        )
    }

    /// Whether points of this kind were earned (for leaderboards): awards, service
    /// credits, project credits and wish credits, not refunds or reversed deductions,
    /// which only give back.
    pub fn is_earning(&self) -> bool {
        matches!(
            self,
            EntryKind::Award
                | EntryKind::ActivityCredit { .. }
                | EntryKind::ProjectCredit { .. }
                | EntryKind::WishCredit { .. }
        )
    }
}

/// One movement of points from one account to another. Immutable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: EntryId,
    pub at: Timestamp,
    pub from: Account,
    pub to: Account,
    pub points: Points,
    pub kind: EntryKind,
    pub reason: String,
}

impl Entry {
    /// The change this entry makes to `account`'s balance.
    pub fn effect_on(&self, account: Account) -> Points {
        match (self.to == account, self.from == account) {
            (true, false) => self.points,
            (false, true) => -self.points,
            _ => Points::ZERO,
        }
    }
}

/// A line of a statement (积分明细): the entry and the balance right after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementLine<'a> {
    pub entry: &'a Entry,
    pub change: Points,
    pub balance: Points,
    /// The reversal that cancelled this entry, if any.
    pub reversed_by: Option<EntryId>,
}

/// All entries in their total order, with balances derived as they are posted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    entries: Vec<Entry>,
    index: HashMap<EntryId, usize>,
    balances: HashMap<Account, i64>,
    by_account: HashMap<Account, Vec<usize>>,
    reversed_by: HashMap<EntryId, EntryId>,
}

impl Ledger {
    pub fn entry(&self, id: EntryId) -> Option<&Entry> {
        self.index.get(&id).map(|&i| &self.entries[i])
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn balance(&self, account: Account) -> Points {
        Points(self.balances.get(&account).copied().unwrap_or(0))
    }

    pub fn reversed_by(&self, id: EntryId) -> Option<EntryId> {
        self.reversed_by.get(&id).copied()
    }

    /// Records an entry. The caller (the fold) has already checked it.
    pub(super) fn post(&mut self, entry: Entry) {
        let i = self.entries.len();
        *self.balances.entry(entry.from).or_default() -= entry.points.0;
        *self.balances.entry(entry.to).or_default() += entry.points.0;
        self.by_account.entry(entry.from).or_default().push(i);
        self.by_account.entry(entry.to).or_default().push(i);
        if let EntryKind::Reversal { of } = entry.kind {
            self.reversed_by.insert(of, entry.id);
        }
        self.index.insert(entry.id, i);
        self.entries.push(entry);
    }

    /// The account's entries, oldest first, each with the running balance after it.
    pub fn statement(&self, account: Account) -> Vec<StatementLine<'_>> {
        let mut balance = Points::ZERO;
        self.by_account
            .get(&account)
            .map(|lines| lines.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|&i| {
                let entry = &self.entries[i];
                let change = entry.effect_on(account);
                balance = Points(balance.0 + change.0);
                StatementLine {
                    entry,
                    change,
                    balance,
                    reversed_by: self.reversed_by(entry.id),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_print_with_at_most_two_decimals() {
        for (points, text) in [
            (Points(1250), "12.5"),
            (Points(300), "3"),
            (Points(-225), "-2.25"),
            (Points(5), "0.05"),
            (Points(0), "0"),
        ] {
            assert_eq!(points.to_string(), text);
        }
    }

    #[test]
    fn points_are_read_as_typed() {
        for (text, points) in [
            ("12", Ok(Points(1200))),
            ("12.5", Ok(Points(1250))),
            (" 0.25 ", Ok(Points(25))),
            ("0.05", Ok(Points(5))),
        ] {
            assert_eq!(text.parse::<Points>(), points, "{text}");
        }
        for text in ["", "-1", "1.234", "abc", ".5", "1e3", "１２", "9999999999"] {
            assert!(text.parse::<Points>().is_err(), "{text}");
        }
    }
}
