//! The wish book: every wish and the wish policy, and the fold of wish events.

use std::collections::BTreeMap;

use super::{
    Claim, ClaimStatus, Claimant, Reward, Wish, WishConfirmation, WishEnding, WishPolicy,
    WishStatus,
};
use crate::domain::area::WishAction;
use crate::domain::event::Event;
use crate::domain::id::Participant;
use crate::domain::id::{EntryId, Timestamp, WishId};
use crate::domain::ledger::{Account, Entry, EntryKind, Points};

/// Every wish, and the policy in force.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wishes {
    pub(super) by_id: BTreeMap<WishId, Wish>,
    pub(super) policy: WishPolicy,
}

impl Wishes {
    pub fn get(&self, id: WishId) -> Option<&Wish> {
        self.by_id.get(&id)
    }

    /// Every wish, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Wish> {
        self.by_id.values()
    }

    pub fn policy(&self) -> WishPolicy {
        self.policy
    }

    /// A wish's plan, to lay its private note back over it (organizer devices).
    pub(crate) fn plan_mut(&mut self, id: WishId) -> Option<&mut super::WishPlan> {
        self.by_id.get_mut(&id).map(|wish| &mut wish.plan)
    }

    /// The wishes the claimant holds at `now` (claimed, not lapsed, not yet lit).
    pub fn held_by(&self, claimant: Claimant, now: Timestamp) -> usize {
        self.by_id
            .values()
            .filter(|w| w.status == WishStatus::Claimed)
            .filter_map(|w| w.holder(now))
            .filter(|c| c.claimant == claimant)
            .count()
    }

    /// Folds in an event that passed the rules, given as its wish `action`. Returns the
    /// ledger credit a confirmation makes.
    pub(crate) fn apply(&mut self, event: &Event, action: WishAction<'_>) -> Option<Entry> {
        let at = event.at;
        match action {
            WishAction::SetWishPolicy { policy } => {
                self.policy = *policy;
                None
            }
            WishAction::PostWish { plan, resident_of } => {
                let id = WishId(event.id);
                self.by_id.insert(
                    id,
                    Wish {
                        id,
                        plan: plan.clone(),
                        posted: at,
                        resident_of: *resident_of,
                        status: WishStatus::Pending,
                        published: None,
                        reward: Reward::default(),
                        fulfilled: None,
                        confirmed: None,
                        ended: None,
                        claims: Vec::new(),
                        current: None,
                    },
                );
                None
            }
            WishAction::UpdateWish { wish, plan } => {
                let wish = self.by_id.get_mut(wish)?;
                wish.plan = plan.clone();
                None
            }
            WishAction::PublishWish { wish } => {
                let policy = self.policy;
                let wish = self.by_id.get_mut(wish)?;
                wish.status = WishStatus::Published;
                wish.published = Some(at);
                wish.reward = Reward {
                    volunteer: policy.volunteer_points,
                    unit: policy.unit_points,
                };
                None
            }
            WishAction::RejectWish { wish, reason } => {
                let wish = self.by_id.get_mut(wish)?;
                wish.status = WishStatus::Rejected;
                wish.ended = Some(WishEnding {
                    at,
                    reason: reason.clone(),
                });
                None
            }
            WishAction::ClaimWish { wish, claimant } => {
                let days = u64::from(self.policy.claim_days);
                let wish = self.by_id.get_mut(wish)?;
                let claim = |status| Claim {
                    id: event.id,
                    claimant: *claimant,
                    at,
                    due: at.plus_days(days),
                    status,
                };
                if let Some(winner) = wish.holder(at).map(|c| c.claimant) {
                    // The rules let a claim of a wish someone else holds through only in
                    // a merge: it lost to an earlier one.
                    wish.claims.push(claim(ClaimStatus::Lost { winner }));
                } else {
                    settle_lapsed(wish, at);
                    wish.claims.push(claim(ClaimStatus::Holding));
                    wish.current = Some(wish.claims.len() - 1);
                    wish.status = WishStatus::Claimed;
                }
                None
            }
            WishAction::ReleaseWish { wish, .. } => {
                let wish = self.by_id.get_mut(wish)?;
                set_current(wish, ClaimStatus::Released { at });
                wish.current = None;
                wish.status = WishStatus::Published;
                None
            }
            WishAction::FulfilWish { wish, .. } => {
                let wish = self.by_id.get_mut(wish)?;
                set_current(wish, ClaimStatus::Fulfilled { at });
                wish.status = WishStatus::Fulfilled;
                wish.fulfilled = Some(at);
                None
            }
            WishAction::ConfirmWish { wish, thanks } => {
                let wish = self.by_id.get_mut(wish)?;
                let claimant = wish.current_claim()?.claimant;
                let points = wish.reward.for_claimant(claimant);
                let id = EntryId(event.id);
                let entry = (points > Points::ZERO).then(|| Entry {
                    id,
                    at,
                    from: Account::Pool,
                    to: match claimant {
                        Participant::Volunteer(v) => Account::Volunteer(v),
                        Participant::Unit(u) => Account::Unit(u),
                    },
                    points,
                    kind: EntryKind::WishCredit { wish: wish.id },
                    reason: wish.plan.title.clone(),
                });
                wish.status = WishStatus::Confirmed;
                wish.confirmed = Some(WishConfirmation {
                    at,
                    thanks: thanks.clone(),
                    entry: entry.as_ref().map(|e| e.id),
                });
                entry
            }
            WishAction::CancelWish { wish, reason } => {
                let wish = self.by_id.get_mut(wish)?;
                settle_lapsed(wish, at);
                if wish.holder(at).is_some() {
                    set_current(wish, ClaimStatus::WishCancelled { at });
                }
                wish.current = None;
                wish.status = WishStatus::Cancelled;
                wish.ended = Some(WishEnding {
                    at,
                    reason: reason.clone(),
                });
                None
            }
            WishAction::CloseWish { wish } => {
                let wish = self.by_id.get_mut(wish)?;
                settle_lapsed(wish, at);
                wish.current = None;
                wish.status = WishStatus::Closed;
                wish.ended = Some(WishEnding {
                    at,
                    reason: String::new(),
                });
                None
            }
        }
    }
}

/// Records a claim that lapsed before `at` as lapsed, and lets go of it.
fn settle_lapsed(wish: &mut Wish, at: Timestamp) {
    if wish.status != WishStatus::Claimed {
        return;
    }
    if let Some(i) = wish.current
        && let Some(claim) = wish.claims.get_mut(i)
        && claim.status(at) == ClaimStatus::Lapsed
    {
        claim.status = ClaimStatus::Lapsed;
        wish.current = None;
    }
}

fn set_current(wish: &mut Wish, status: ClaimStatus) {
    if let Some(claim) = wish.current.and_then(|i| wish.claims.get_mut(i)) {
        claim.status = status;
    }
}
