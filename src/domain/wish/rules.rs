//! The rules of each wish action: what [`Wishes::check`] refuses whenever an action is
//! written or folded, and what [`Wishes::check_new`] refuses only when it is written.
//! The claimant named by an action is checked by [`crate::domain::State`], which
//! knows the volunteers and units.

use super::book::Wishes;
use super::plan::{NOTE_MAX, WANTED_BY_MAX_DAYS};
use super::privacy::check_public_text;
use super::{Claimant, Wish, WishPhase};
use crate::domain::area::{Named, WishAction};
use crate::domain::error::{DomainError, Field};
use crate::domain::id::Participant;
use crate::domain::id::{Timestamp, WishId};
use crate::domain::text::{limit, reason_text};

impl Wishes {
    fn known(&self, id: WishId) -> Result<&Wish, DomainError> {
        self.by_id.get(&id).ok_or(DomainError::UnknownWish(id))
    }

    /// The rules of the wish actions, both when written and when folded.
    pub(crate) fn check(&self, action: WishAction<'_>, at: Timestamp) -> Result<(), DomainError> {
        match action {
            WishAction::SetWishPolicy { policy } => policy.validate(),
            WishAction::PostWish { plan, resident_of } => {
                plan.validate(&self.policy)?;
                wanted_by_window(plan.wanted_by, at)?;
                if let Some(earlier) = resident_of {
                    self.known(*earlier)?;
                }
                Ok(())
            }
            WishAction::UpdateWish { wish, plan } => {
                let current = self.known(*wish)?;
                match current.phase(at) {
                    WishPhase::Pending | WishPhase::Open | WishPhase::Reopened => {}
                    phase => return Err(refusal(phase)),
                }
                plan.validate(&self.policy)?;
                // A wish past its date may still be corrected without moving the date.
                if plan.wanted_by != current.plan.wanted_by {
                    wanted_by_window(plan.wanted_by, at)?;
                }
                Ok(())
            }
            WishAction::PublishWish { wish } => pending(self.known(*wish)?, at),
            WishAction::RejectWish { wish, reason } => {
                pending(self.known(*wish)?, at)?;
                reason_text(reason)
            }
            WishAction::ClaimWish { wish, claimant } => {
                let wish = self.known(*wish)?;
                match wish.phase(at) {
                    WishPhase::Open | WishPhase::Reopened => Ok(()),
                    WishPhase::Claimed | WishPhase::Fulfilled | WishPhase::Confirmed => {
                        match wish.holder(at) {
                            Some(holder) if holder.claimant == *claimant => {
                                Err(DomainError::AlreadyYourClaim)
                            }
                            // Someone else holds it: refused when written (check_new);
                            // from a merge, kept as a losing claim.
                            _ => Ok(()),
                        }
                    }
                    phase => Err(refusal(phase)),
                }
            }
            WishAction::ReleaseWish { wish, claimant }
            | WishAction::FulfilWish { wish, claimant } => {
                held_by(self.known(*wish)?, *claimant, at)
            }
            WishAction::ConfirmWish { wish, thanks } => {
                let wish = self.known(*wish)?;
                match wish.phase(at) {
                    WishPhase::Fulfilled => {}
                    WishPhase::Pending
                    | WishPhase::Open
                    | WishPhase::Reopened
                    | WishPhase::Claimed => return Err(DomainError::WishNotFulfilled),
                    phase => return Err(refusal(phase)),
                }
                limit(Field::ThankYou, thanks, NOTE_MAX)?;
                check_public_text(wish.plan.beneficiary, thanks)
            }
            WishAction::CancelWish { wish, reason } => {
                match self.known(*wish)?.phase(at) {
                    WishPhase::Pending
                    | WishPhase::Open
                    | WishPhase::Reopened
                    | WishPhase::Claimed => {}
                    phase => return Err(refusal(phase)),
                }
                reason_text(reason)
            }
            WishAction::CloseWish { wish } => {
                let wish = self.known(*wish)?;
                match wish.phase(at) {
                    WishPhase::Open | WishPhase::Reopened if at < wish.plan.wanted_by => {
                        Err(DomainError::WishNotDue {
                            wanted_by: wish.plan.wanted_by,
                        })
                    }
                    WishPhase::Open | WishPhase::Reopened => Ok(()),
                    phase => Err(refusal(phase)),
                }
            }
        }
    }

    /// The rules that hold only when an action is first written: a claim written
    /// offline may meet an earlier one in a merge (it then loses, and is kept), and
    /// claims merged from several devices may exceed a volunteer's limit.
    pub(crate) fn check_new(
        &self,
        action: WishAction<'_>,
        at: Timestamp,
    ) -> Result<(), DomainError> {
        // A new or changed wish passes every privacy pattern (the fold, for wishes
        // stored before the newer patterns, uses only `check_public_text`).
        if let WishAction::PostWish { plan, .. } | WishAction::UpdateWish { plan, .. } = action {
            if let Some((_, problem)) = plan.privacy_problems().into_iter().next() {
                return Err(problem);
            }
            return Ok(());
        }
        let WishAction::ClaimWish { wish, claimant } = action else {
            return Ok(());
        };
        if let Some(holder) = self.known(*wish)?.holder(at)
            && holder.claimant != *claimant
        {
            return Err(DomainError::ClaimedBySomeoneElse {
                by: holder.claimant,
            });
        }
        if let Participant::Volunteer(_) = claimant {
            let limit = self.policy.open_claims_per_volunteer;
            let held = self.held_by(*claimant, at);
            if held >= usize::try_from(limit).unwrap_or(usize::MAX) {
                return Err(DomainError::TooManyOpenClaims { limit });
            }
        }
        Ok(())
    }
}

impl<'a> WishAction<'a> {
    /// The claimant the action names, which [`crate::domain::State`] checks is known
    /// before these rules run.
    pub(crate) fn named(self) -> Named<'a> {
        match self {
            WishAction::ClaimWish { claimant, .. }
            | WishAction::ReleaseWish { claimant, .. }
            | WishAction::FulfilWish { claimant, .. } => Named::Participant(*claimant),
            WishAction::SetWishPolicy { .. }
            | WishAction::PostWish { .. }
            | WishAction::UpdateWish { .. }
            | WishAction::PublishWish { .. }
            | WishAction::RejectWish { .. }
            | WishAction::ConfirmWish { .. }
            | WishAction::CancelWish { .. }
            | WishAction::CloseWish { .. } => Named::Nobody,
        }
    }
}

/// Why a wish in `phase` cannot take the action, when the action has no more
/// particular reason.
fn refusal(phase: WishPhase) -> DomainError {
    match phase {
        WishPhase::Pending => DomainError::WishNotPublished,
        WishPhase::Open | WishPhase::Reopened => DomainError::WishNotClaimed,
        WishPhase::Claimed => DomainError::WishInProgress,
        WishPhase::Fulfilled => DomainError::WishAlreadyFulfilled,
        WishPhase::Confirmed => DomainError::WishAlreadyConfirmed,
        WishPhase::Rejected => DomainError::WishRejected,
        WishPhase::Cancelled => DomainError::WishCancelled,
        WishPhase::Closed => DomainError::WishClosed,
    }
}

/// Only a pending wish is reviewed (published or rejected).
fn pending(wish: &Wish, at: Timestamp) -> Result<(), DomainError> {
    if wish.phase(at) == WishPhase::Pending {
        Ok(())
    } else {
        Err(DomainError::WishNotPending)
    }
}

/// The claimant holds the wish at `at`: what a release or a fulfilment needs.
fn held_by(wish: &Wish, claimant: Claimant, at: Timestamp) -> Result<(), DomainError> {
    let phase = wish.phase(at);
    if let Some(holder) = wish.holder(at) {
        return match phase {
            _ if holder.claimant != claimant => Err(DomainError::ClaimedBySomeoneElse {
                by: holder.claimant,
            }),
            WishPhase::Claimed => Ok(()),
            phase => Err(refusal(phase)),
        };
    }
    match (phase, wish.current_claim()) {
        (WishPhase::Reopened, Some(lapsed)) if lapsed.claimant == claimant => {
            Err(DomainError::ClaimLapsed { due: lapsed.due })
        }
        (phase, _) => Err(refusal(phase)),
    }
}

/// A wanted-by date after `at`, and within [`WANTED_BY_MAX_DAYS`] of it.
fn wanted_by_window(wanted_by: Timestamp, at: Timestamp) -> Result<(), DomainError> {
    if wanted_by <= at {
        return Err(DomainError::WantedByPassed);
    }
    if wanted_by > at.plus_days(u64::from(WANTED_BY_MAX_DAYS)) {
        return Err(DomainError::WantedByTooFar {
            max_days: WANTED_BY_MAX_DAYS,
        });
    }
    Ok(())
}
