//! Micro-wishes (微心愿): small wishes of residents in difficulty, posted by staff on
//! their behalf and lit (点亮心愿) by volunteers and units.
//!
//! ## Lifecycle
//! Staff post a wish (pending, 待审核); an organizer publishes it (待认领) or rejects it
//! with a reason. A volunteer or a unit claims it (已认领): the claim is exclusive.
//! The claimant releases it (back to published) or marks it fulfilled (已圆梦); staff
//! confirm on the resident's behalf (已确认), which credits the claimant's points on the
//! ledger ([`crate::domain::EntryKind::WishCredit`]), with an optional thank-you note.
//! An organizer may cancel a wish with a reason until it is fulfilled, and close one
//! that nobody lit by its wanted-by date. Each step is its own action, and a step from
//! the wrong status is refused with its own reason.
//!
//! ## Overdue claims
//! A claim holds for the policy's `claim_days` (7 unless set) from the moment it was
//! made, by the policy in force then: its `due` moment. A claim not fulfilled by then
//! lapses: not by an event, but by time, so every query takes `now`
//! ([`Wish::phase`]) and shows the wish as [`WishPhase::Reopened`] (认领超期，重新开放),
//! open to anyone. Rules are checked at each event's own time, so every replica decides
//! alike: at or after `due`, a fulfilment or release by the old claimant is refused
//! with [`crate::domain::DomainError::ClaimLapsed`], and anyone, the old claimant
//! included, may claim the wish again (a new claim with a new `due`). Before `due`, the
//! claim holds, however late the event arrives in a merge.
//!
//! ## Claims from merged data
//! Claims are decided in the fold, in the events' total order: the earliest claim wins
//! everywhere. A later claim of a wish someone else holds is refused when written
//! ([`crate::domain::DomainError::ClaimedBySomeoneElse`]); when it was written offline
//! and meets the winner in a merge, it is kept as a losing claim
//! ([`ClaimStatus::Lost`], naming the winner), so the loser sees “claimed by someone
//! else”. A losing claim changes nothing else and costs nothing.
//!
//! ## Points
//! When a wish is published it takes the points of the policy in force (one amount for
//! volunteers, one in unit points for units); confirmation credits them to the
//! claimant, pool to volunteer or pool to unit. The credit is an ordinary ledger entry:
//! reversible like any credit, and the wish stays confirmed.
//!
//! The plan and policy are in `plan.rs`, the privacy check in `privacy.rs`, the fold in
//! `book.rs`, the rules in `rules.rs`, the wish wall's queries in `wall.rs`, and
//! suggestions in `matching.rs`; this module holds what the app reads.

mod book;
mod matching;
mod plan;
pub mod privacy;
mod rules;
mod wall;

pub use book::Wishes;
pub use matching::{
    ClaimantSuggestion, RECENT_DAYS, Reason, Suggestion, suggest_claimants, suggest_wishes,
};
pub use plan::{
    ALIAS_MAX, CLAIM_DAYS_MAX, DEFAULT_CLAIM_DAYS, DEFAULT_OPEN_CLAIMS, DEFAULT_VALUE_CAP_YUAN,
    DEFAULT_WISH_POINTS, NOTE_MAX, OPEN_CLAIMS_MAX, VALUE_CAP_MAX_YUAN, WANTED_BY_MAX_DAYS,
    WISH_DESCRIPTION_MAX, WISH_POINTS_MAX, WISH_SKILLS_MAX, WISH_TITLE_MAX, WishCategory, WishPlan,
    WishPolicy,
};
pub use privacy::BeneficiaryKind;
pub use wall::WallCounts;

use super::id::Participant;
use super::id::{EntryId, EventId, Timestamp, WishId};
use super::ledger::Points;

/// Who claims a wish: one volunteer or one unit (the same pair as a project's
/// participant, so one picker serves both).
pub type Claimant = Participant;

/// Where a wish stands as of its last event. What it shows at a given time, overdue
/// claims counted, is [`Wish::phase`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WishStatus {
    Pending,
    Published,
    Claimed,
    Fulfilled,
    Confirmed,
    Rejected,
    Cancelled,
    Closed,
}

/// What a wish shows at a given time: its status, with an overdue claim counted as
/// released.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WishPhase {
    /// Posted, awaiting review (待审核).
    Pending,
    /// Published, nobody holds it (待认领).
    Open,
    /// Claimed, but the claim lapsed unfulfilled: open again (认领超期，重新开放).
    Reopened,
    /// Held by a claimant (已认领).
    Claimed,
    /// Lit, awaiting confirmation (已圆梦).
    Fulfilled,
    /// Confirmed by staff (已确认); points credited.
    Confirmed,
    /// Not published, with the reason (未通过).
    Rejected,
    /// Called off by an organizer, with the reason (已取消).
    Cancelled,
    /// Nobody lit it by its wanted-by date (已关闭).
    Closed,
}

impl WishPhase {
    /// Anyone may claim it.
    pub fn is_open(self) -> bool {
        matches!(self, WishPhase::Open | WishPhase::Reopened)
    }

    /// Lit (点亮): confirmed by staff. A wish only marked fulfilled by its claimant is
    /// not lit yet.
    pub fn is_lit(self) -> bool {
        self == WishPhase::Confirmed
    }
}

/// Where one claim stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimStatus {
    /// Holds the wish until `due`.
    Holding,
    /// Not fulfilled by `due`: counts as released (认领超期).
    Lapsed,
    /// Given back by the claimant at this time.
    Released { at: Timestamp },
    /// The claimant marked the wish fulfilled at this time (我已圆梦); it is lit once
    /// staff confirm it, which may have happened since.
    Fulfilled { at: Timestamp },
    /// Came after another claim in the total order: claimed by someone else.
    Lost { winner: Claimant },
    /// The wish was cancelled while the claim held it.
    WishCancelled { at: Timestamp },
}

/// One claim (认领) of a wish, named by the event that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub id: EventId,
    pub claimant: Claimant,
    pub at: Timestamp,
    /// When the claim lapses unless fulfilled.
    pub due: Timestamp,
    /// As of the last event: a holding claim may have lapsed since (see
    /// [`Claim::status`]).
    status: ClaimStatus,
}

impl Claim {
    /// The claim's status at `now`: a holding claim at or after its `due` has lapsed.
    pub fn status(&self, now: Timestamp) -> ClaimStatus {
        match self.status {
            ClaimStatus::Holding if now >= self.due => ClaimStatus::Lapsed,
            status => status,
        }
    }

    /// Holds the wish at `now`.
    pub fn holds(&self, now: Timestamp) -> bool {
        self.status(now) == ClaimStatus::Holding
    }
}

/// The confirmation of a lit wish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WishConfirmation {
    pub at: Timestamp,
    /// The resident's thank-you note, as staff wrote it (may be empty). Public.
    pub thanks: String,
    /// The ledger credit, when the wish earned points.
    pub entry: Option<EntryId>,
}

/// Why and when a wish ended unlit: rejected, cancelled (with the reason) or closed
/// (without one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WishEnding {
    pub at: Timestamp,
    pub reason: String,
}

/// The points a wish earns when confirmed, fixed when it was published.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reward {
    pub volunteer: Points,
    /// Unit points (双报到积分).
    pub unit: Points,
}

impl Reward {
    pub fn for_claimant(&self, claimant: Claimant) -> Points {
        match claimant {
            Participant::Volunteer(_) => self.volunteer,
            Participant::Unit(_) => self.unit,
        }
    }
}

/// A wish as derived from its events.
///
/// `plan.private_note` is for organizers only: screens the public sees must not show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wish {
    pub id: WishId,
    pub plan: WishPlan,
    pub posted: Timestamp,
    /// An earlier wish for the same resident, named when this one was posted: the
    /// residents reached are counted once across such wishes.
    pub resident_of: Option<WishId>,
    pub status: WishStatus,
    pub published: Option<Timestamp>,
    /// Set when published.
    pub reward: Reward,
    pub fulfilled: Option<Timestamp>,
    pub confirmed: Option<WishConfirmation>,
    pub ended: Option<WishEnding>,
    /// Every claim ever made, in the total order, losing and lapsed ones included.
    claims: Vec<Claim>,
    /// The claim that holds the wish or lit it, as of the last event.
    current: Option<usize>,
}

impl Wish {
    /// Every claim ever made, in the total order.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The claim that holds the wish or lit it, as of the last event; it may have
    /// lapsed since (see [`Wish::holder`]).
    pub fn current_claim(&self) -> Option<&Claim> {
        self.current.and_then(|i| self.claims.get(i))
    }

    /// The claim that holds or lit the wish at `now`: none when it lapsed.
    pub fn holder(&self, now: Timestamp) -> Option<&Claim> {
        let claim = self.current_claim()?;
        match self.status {
            WishStatus::Claimed if !claim.holds(now) => None,
            WishStatus::Claimed | WishStatus::Fulfilled | WishStatus::Confirmed => Some(claim),
            _ => None,
        }
    }

    /// The claimant's latest claim of this wish, if any.
    pub fn claim_of(&self, claimant: Claimant) -> Option<&Claim> {
        self.claims.iter().rev().find(|c| c.claimant == claimant)
    }

    /// What the wish shows at `now`.
    pub fn phase(&self, now: Timestamp) -> WishPhase {
        match self.status {
            WishStatus::Pending => WishPhase::Pending,
            WishStatus::Published => WishPhase::Open,
            WishStatus::Claimed if self.holder(now).is_none() => WishPhase::Reopened,
            WishStatus::Claimed => WishPhase::Claimed,
            WishStatus::Fulfilled => WishPhase::Fulfilled,
            WishStatus::Confirmed => WishPhase::Confirmed,
            WishStatus::Rejected => WishPhase::Rejected,
            WishStatus::Cancelled => WishPhase::Cancelled,
            WishStatus::Closed => WishPhase::Closed,
        }
    }

    /// Whole days from `now` to the wanted-by date, rounded down; 0 when it is today
    /// or has passed.
    pub fn days_left(&self, now: Timestamp) -> u32 {
        let days = self.plan.wanted_by.0.saturating_sub(now.0) / Timestamp::DAY;
        u32::try_from(days).unwrap_or(u32::MAX)
    }
}
