//! Which role may do which action: the one table every device applies, in the fold
//! and before the app offers a button.

use serde::{Deserialize, Serialize};

use super::super::error::DomainError;
use super::super::event::Action;
use super::super::id::{UnitId, VolunteerId};
use super::super::project::Participant;
use super::super::state::State;

/// What a device key may do in its community (DEVICES.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A staff device (社区工作者): every action, on anyone's behalf.
    Organizer,
    /// One volunteer's own phone: that volunteer's sign-ups, claims and redemptions.
    Volunteer(VolunteerId),
    /// A merchant's counter: 核销 of vouchers for that merchant's perks.
    Merchant(UnitId),
    /// A unit's contact: that unit's pledges, role joins and claims.
    Unit(UnitId),
}

/// Why an event does not count: kept aside with this reason, never applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No signature at all (data from before signing, or written by hand).
    Unsigned,
    /// A signature that does not match what it signs: changed or damaged text.
    BadSignature,
    /// Signed by a key the community never enrolled.
    UnknownKey,
    /// Signed by a revoked key, after what the revocation accepted.
    Revoked,
    /// The key's role may not do this action at all.
    NotAllowed(Role),
    /// The key's role may do this action only for its own person or unit.
    ForSomeoneElse(Role),
    /// The founding of another community, or a second founding.
    NotTheFounder,
    /// A key that is already enrolled, or a request for one.
    AlreadyEnrolled,
    /// A trust action whose texts break a rule (too long, say).
    Invalid(DomainError),
}

/// Whether `role` may do `action` in `state` (the state at the action's place in the
/// fold). The trust actions themselves are judged by the keyring; an organizer may do
/// everything else, on anyone's behalf.
pub fn permits(role: Role, action: &Action, state: &State) -> Result<(), Refusal> {
    let own = |allowed: bool| {
        if allowed {
            Ok(())
        } else {
            Err(Refusal::ForSomeoneElse(role))
        }
    };
    let participant = |who: &Participant| match (role, who) {
        (Role::Volunteer(me), Participant::Volunteer(v)) => Some(me == *v),
        (Role::Unit(me), Participant::Unit(u)) => Some(me == *u),
        (Role::Volunteer(_) | Role::Unit(_), _) => Some(false),
        _ => None,
    };
    match (role, action) {
        (Role::Organizer, _) => Ok(()),
        (
            Role::Volunteer(me),
            Action::SignUp { volunteer, .. }
            | Action::JoinWaitlist { volunteer, .. }
            | Action::CancelSignup { volunteer, .. }
            | Action::Redeem { volunteer, .. },
        ) => own(me == *volunteer),
        (Role::Volunteer(me), Action::CancelVoucher { voucher }) => {
            own(state.voucher(*voucher).is_some_and(|v| v.volunteer == me))
        }
        (Role::Merchant(me), Action::VerifyVoucher { voucher }) => own(state
            .voucher(*voucher)
            .and_then(|v| state.perk(v.perk))
            .is_some_and(|perk| perk.offer.sponsor == Some(me))),
        (
            Role::Volunteer(_) | Role::Unit(_),
            Action::JoinRole { who, .. }
            | Action::JoinRoleWaitlist { who, .. }
            | Action::WithdrawFromRole { who, .. }
            | Action::ClaimWish { claimant: who, .. }
            | Action::ReleaseWish { claimant: who, .. }
            | Action::FulfilWish { claimant: who, .. },
        ) => own(participant(who) == Some(true)),
        (
            Role::Unit(me),
            Action::PledgeToNeed { unit, .. } | Action::WithdrawPledge { unit, .. },
        ) => own(me == *unit),
        _ => Err(Refusal::NotAllowed(role)),
    }
}
