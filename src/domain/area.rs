//! Which area of the domain each action belongs to: the one place that lists every
//! [`Action`] variant by area.
//!
//! [`Action::area`] gives an action as a borrowed view in its area's own enum
//! ([`ActivityAction`], [`ProjectAction`], …), so each area's book and rules match their
//! own variants only, exhaustively, and never name another area's. [`crate::domain::State`]
//! dispatches on [`AreaAction`].
//!
//! A new action: add the variant at the end of [`Action`] (stored data names variants by
//! their place), add it with the same fields to its area below, then handle it where the
//! compiler points (that area's book and rules). A new area: a block below, its book,
//! and an arm in `State::check_area` and `State::apply_area`.

use super::activity::ActivityPlan;
use super::event::Action;
use super::expiry::PointsPolicy;
use super::id::{
    ActivityId, EntryId, PerkId, ProjectId, ReplicaId, UnitId, VolunteerId, VoucherId, WishId,
};
use super::ledger::Points;
use super::member::VolunteerProfile;
use super::perk::PerkOffer;
use super::project::{Participant, ProjectPlan};
use super::trust::{DeviceKey, PersonalDetails, Role, Subject};
use super::unit::UnitProfile;
use super::wish::{Claimant, WishPlan, WishPolicy};

/// Declares [`AreaAction`], one view enum per area whose variants borrow the fields of
/// the [`Action`] variant of the same name (a boxed field is borrowed unboxed), and
/// [`Action::area`]. Every variant must be listed here with all its fields: the match
/// in `area` is exhaustive, so a variant left out does not compile.
macro_rules! areas {
    ($(
        $(#[$doc:meta])*
        $area:ident($view:ident) {
            $($variant:ident { $($field:ident: $ty:ty),* $(,)? }),* $(,)?
        }
    )*) => {
        /// An action seen from the area it belongs to.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum AreaAction<'a> {
            $($(#[$doc])* $area($view<'a>),)*
        }

        $(
            $(#[$doc])*
            ///
            /// Each variant borrows the fields of the [`Action`] variant of the same name.
            #[derive(Clone, Copy, Debug, PartialEq)]
            pub enum $view<'a> {
                $($variant { $($field: &'a $ty),* },)*
            }
        )*

        impl Action {
            /// The action as a view in its area's own enum.
            pub fn area(&self) -> AreaAction<'_> {
                match self {
                    $($(
                        Action::$variant { $($field),* } => {
                            AreaAction::$area($view::$variant { $($field),* })
                        }
                    )*)*
                }
            }
        }
    };
}

areas! {
    /// Volunteers and units registering and correcting their details.
    People(PeopleAction) {
        RegisterVolunteer { profile: VolunteerProfile },
        UpdateVolunteer { volunteer: VolunteerId, profile: VolunteerProfile },
        RegisterUnit { profile: UnitProfile },
        UpdateUnit { unit: UnitId, profile: UnitProfile },
    }

    /// Points given, taken and corrected by hand, and the points policy.
    Points(PointsAction) {
        AwardPoints { volunteer: VolunteerId, points: Points, reason: String },
        DeductPoints { volunteer: VolunteerId, points: Points, reason: String },
        ReverseEntry { entry: EntryId, reason: String },
        AwardUnitPoints { unit: UnitId, points: Points, reason: String },
        DeductUnitPoints { unit: UnitId, points: Points, reason: String },
        SetPointsPolicy { policy: PointsPolicy },
    }

    /// Volunteer activities: sign-ups, the waitlist, attendance and confirmed service.
    Activity(ActivityAction) {
        CreateActivity { plan: ActivityPlan },
        UpdateActivity { activity: ActivityId, plan: ActivityPlan },
        CancelActivity { activity: ActivityId, reason: String },
        SignUp { activity: ActivityId, volunteer: VolunteerId },
        JoinWaitlist { activity: ActivityId, volunteer: VolunteerId },
        CancelSignup { activity: ActivityId, volunteer: VolunteerId },
        AssignRole { activity: ActivityId, volunteer: VolunteerId, role: Option<String> },
        CheckIn { activity: ActivityId, volunteer: VolunteerId },
        CheckOut { activity: ActivityId, volunteer: VolunteerId },
        MarkNoShow { activity: ActivityId, volunteer: VolunteerId },
        ConfirmService { activity: ActivityId, volunteer: VolunteerId, minutes: Option<u32> },
        ConfirmAll { activity: ActivityId },
    }

    /// The points shop: perks, redemptions and vouchers.
    Perk(PerkAction) {
        CreatePerk { offer: PerkOffer },
        UpdatePerk { perk: PerkId, offer: PerkOffer },
        WithdrawPerk { perk: PerkId, reason: String },
        Redeem { perk: PerkId, volunteer: VolunteerId },
        VerifyVoucher { voucher: VoucherId },
        CancelVoucher { voucher: VoucherId },
    }

    /// Co-construction projects: their lifecycle, roles, pledges and confirmation.
    Project(ProjectAction) {
        CreateProject { plan: ProjectPlan },
        UpdateProject { project: ProjectId, plan: ProjectPlan },
        PublishProject { project: ProjectId },
        StartProject { project: ProjectId },
        CompleteProject { project: ProjectId },
        ArchiveProject { project: ProjectId },
        CancelProject { project: ProjectId, reason: String },
        JoinRole { project: ProjectId, role: String, who: Participant },
        JoinRoleWaitlist { project: ProjectId, role: String, who: Participant },
        ApproveJoin { project: ProjectId, role: String, who: Participant },
        DeclineJoin { project: ProjectId, role: String, who: Participant, reason: String },
        AssignToRole { project: ProjectId, role: String, who: Participant },
        WithdrawFromRole { project: ProjectId, role: String, who: Participant },
        RemoveFromRole { project: ProjectId, role: String, who: Participant, reason: String },
        PledgeToNeed { project: ProjectId, need: String, unit: UnitId, quantity: u64 },
        WithdrawPledge { project: ProjectId, need: String, unit: UnitId },
        PostProjectUpdate { project: ProjectId, text: String },
        ConfirmParticipation { project: ProjectId, participants: [Participant] },
    }

    /// Micro-wishes: the policy, review, claims, fulfilment and confirmation.
    Wish(WishAction) {
        SetWishPolicy { policy: WishPolicy },
        PostWish { plan: WishPlan, resident_of: Option<WishId> },
        UpdateWish { wish: WishId, plan: WishPlan },
        PublishWish { wish: WishId },
        RejectWish { wish: WishId, reason: String },
        ClaimWish { wish: WishId, claimant: Claimant },
        ReleaseWish { wish: WishId, claimant: Claimant },
        FulfilWish { wish: WishId, claimant: Claimant },
        ConfirmWish { wish: WishId, thanks: String },
        CancelWish { wish: WishId, reason: String },
        CloseWish { wish: WishId },
    }

    /// The community's device keys (judged by the keyring before the fold) and the
    /// organizer-only personal details.
    Trust(TrustAction) {
        FoundCommunity { key: DeviceKey, name: String },
        RequestBinding { key: DeviceKey, role: Role, label: String },
        EnrolDevice { key: DeviceKey, role: Role, label: String },
        DeclineBinding { key: DeviceKey },
        RevokeDevice { key: DeviceKey, accepted: [(ReplicaId, u32)], reason: String, digests: [(crate::domain::id::EventId, u64)] },
        RecordDetails { subject: Subject, details: PersonalDetails },
    }
}

/// The volunteers and units an action names. [`crate::domain::State`] checks that they
/// are known, since only it knows them, before the area's own rules run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named<'a> {
    Nobody,
    Volunteer(VolunteerId),
    Unit(UnitId),
    /// A volunteer or a unit; a volunteer's skills go to the project role rules.
    Participant(Participant),
    /// Each of them, in order.
    Participants(&'a [Participant]),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::{EventId, ReplicaId};

    fn id(seq: u32) -> EventId {
        EventId::new(ReplicaId(7), seq)
    }

    #[test]
    fn a_view_borrows_the_fields_of_the_action() {
        let action = Action::CheckIn {
            activity: ActivityId(id(1)),
            volunteer: VolunteerId(id(2)),
        };
        assert_eq!(
            action.area(),
            AreaAction::Activity(ActivityAction::CheckIn {
                activity: &ActivityId(id(1)),
                volunteer: &VolunteerId(id(2)),
            })
        );
    }

    #[test]
    fn a_boxed_field_is_borrowed_where_it_is_stored() {
        let action = Action::RegisterUnit {
            profile: Box::default(),
        };
        let (
            Action::RegisterUnit { profile },
            AreaAction::People(PeopleAction::RegisterUnit { profile: view }),
        ) = (&action, action.area())
        else {
            panic!("a new unit is a people action");
        };
        assert!(std::ptr::eq(profile.as_ref(), view));
    }
}
