//! The points shop (积分超市): courtesy perks (礼遇) that merchants or the community
//! offer, and the vouchers (兑换券) volunteers redeem points for.
//!
//! Redeeming moves the perk's cost from the volunteer to the pool and issues a voucher
//! with a short code ([`VoucherCode`]). The merchant or an organizer verifies it (核销)
//! by code; a voucher is used at most once. An unused voucher may be cancelled, which
//! refunds its points and gives its place in the stock back; after its expiry it can
//! still be cancelled, which is how points of an expired voucher come back (an explicit
//! action, so the ledger never changes by itself as time passes).
//!
//! Stock and the per-person limit are decided in the fold, in the events' total order:
//! when redemptions written on two devices meet in a merge and only one fits, the later
//! one is rejected (kept, listed in [`crate::domain::State::rejected`]) and its points
//! are never spent. Two verifications of one voucher: the later is rejected the same way.
//!
//! The fold is in `book.rs`, the rules in `rules.rs`, the offer in `offer.rs`, codes in
//! `code.rs`; this module holds what the app reads.

mod book;
mod code;
mod offer;
mod rules;

pub use book::Perks;
pub use code::{ALPHABET, VoucherCode, VoucherCodeError};
pub use offer::{
    DESCRIPTION_MAX, MIN_SERVICE_MAX_HOURS, PERK_COST_MAX, PERK_TITLE_MAX, PerkOffer, STOCK_MAX,
};

use super::id::{EntryId, PerkId, Timestamp, VolunteerId, VoucherId};
use super::ledger::Points;

/// A perk as derived from its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Perk {
    pub id: PerkId,
    pub offer: PerkOffer,
    pub created: Timestamp,
    pub withdrawn: Option<Withdrawal>,
    /// Vouchers issued and not cancelled (used and expired ones included).
    issued: u32,
}

/// Why and when a perk was taken off the shelf. Its vouchers stay valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withdrawal {
    pub at: Timestamp,
    pub reason: String,
}

/// Where a perk stands at a given time, for the shop's list and its button.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PerkPhase {
    Withdrawn,
    /// Not valid yet.
    NotYet,
    Open,
    SoldOut,
    /// Past its valid-until.
    Ended,
}

impl Perk {
    /// Vouchers issued and not cancelled.
    pub fn issued(&self) -> u32 {
        self.issued
    }

    /// Vouchers that can still be issued.
    pub fn left(&self) -> u32 {
        self.offer.stock.saturating_sub(self.issued)
    }

    pub fn is_withdrawn(&self) -> bool {
        self.withdrawn.is_some()
    }

    pub fn phase(&self, now: Timestamp) -> PerkPhase {
        if self.is_withdrawn() {
            PerkPhase::Withdrawn
        } else if now < self.offer.valid_from {
            PerkPhase::NotYet
        } else if now >= self.offer.valid_until {
            PerkPhase::Ended
        } else if self.left() == 0 {
            PerkPhase::SoldOut
        } else {
            PerkPhase::Open
        }
    }
}

/// A voucher (兑换券), issued by a redemption and named by it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voucher {
    pub id: VoucherId,
    pub code: VoucherCode,
    pub perk: PerkId,
    pub volunteer: VolunteerId,
    pub issued: Timestamp,
    /// The perk's valid-until when the voucher was issued: later changes to the perk do
    /// not shorten (or lengthen) a voucher already held.
    pub expires: Timestamp,
    /// The points paid, refunded in full on cancellation.
    pub points: Points,
    /// When it was verified (核销).
    pub used: Option<Timestamp>,
    pub cancelled: Option<Timestamp>,
    /// The refund entry of a cancellation.
    pub refund: Option<EntryId>,
}

/// A voucher's status at a given time (as Cyclos names them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VoucherStatus {
    /// Can be verified, or cancelled for a refund.
    Open,
    /// Verified (已核销); final.
    Used,
    /// Past its expiry unused; can still be cancelled for a refund.
    Expired,
    /// Cancelled and refunded; final.
    Cancelled,
}

impl Voucher {
    /// The ledger entry that paid for the voucher (it has the voucher's name).
    pub fn entry(&self) -> EntryId {
        EntryId(self.id.0)
    }

    /// The status at `now`, which may also be a past moment of the voucher's history.
    pub fn status(&self, now: Timestamp) -> VoucherStatus {
        if self.used.is_some_and(|at| at <= now) {
            VoucherStatus::Used
        } else if self.cancelled.is_some_and(|at| at <= now) {
            VoucherStatus::Cancelled
        } else if now >= self.expires {
            VoucherStatus::Expired
        } else {
            VoucherStatus::Open
        }
    }
}
