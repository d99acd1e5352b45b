//! Events: the only way state changes.
//!
//! An event is immutable once written. The set of events is the truth; every balance,
//! count and status is derived from it by [`crate::domain::State`]. Events are totally
//! ordered by their own fields (stamp, replica, sequence), so every tab and device that
//! holds the same set derives the same state, whatever order the events arrived in.

use serde::{Deserialize, Serialize};

use super::activity::ActivityPlan;
use super::expiry::PointsPolicy;
use super::id::{
    ActivityId, EntryId, EventId, PerkId, ProjectId, ReplicaId, Timestamp, UnitId, VolunteerId,
    VoucherId, WishId,
};
use super::ledger::Points;
use super::member::VolunteerProfile;
use super::perk::PerkOffer;
use super::project::{Participant, ProjectPlan};
use super::trust::{DeviceKey, PersonalDetails, Role, Subject};
use super::unit::UnitProfile;
use super::wish::{Claimant, WishPlan, WishPolicy};

/// One immutable change, with its identity and time.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: EventId,
    pub at: Timestamp,
    pub action: Action,
}

/// Where an event stands in the total order every replica agrees on.
pub type OrderKey = (Timestamp, ReplicaId, u32);

impl Event {
    pub fn order_key(&self) -> OrderKey {
        (self.at, self.id.replica, self.id.seq)
    }
}

/// What happened. Variants are named by intent; each is checked against the state by
/// [`crate::domain::State::check`] before it is written and again when it is folded.
///
/// Stored data names variants by their place in this list (the compact form) and by
/// their snake_case name (JSON): add new variants at the end, and never rename one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// An organizer registers a volunteer (登记志愿者).
    RegisterVolunteer { profile: Box<VolunteerProfile> },
    /// An organizer corrects a volunteer's details.
    UpdateVolunteer {
        volunteer: VolunteerId,
        profile: Box<VolunteerProfile>,
    },
    /// Points given by hand, with the reason (手工奖励).
    AwardPoints {
        volunteer: VolunteerId,
        points: Points,
        reason: String,
    },
    /// Points taken by hand, with the reason (手工扣减).
    DeductPoints {
        volunteer: VolunteerId,
        points: Points,
        reason: String,
    },
    /// A correction (冲正): a new entry that cancels an earlier one. Nothing is edited.
    ReverseEntry { entry: EntryId, reason: String },

    /// An organizer publishes an activity (发布志愿活动).
    CreateActivity { plan: Box<ActivityPlan> },
    /// An organizer changes an activity. Sign-ups stay; more seats move the waitlist up.
    UpdateActivity {
        activity: ActivityId,
        plan: Box<ActivityPlan>,
    },
    /// An organizer calls an activity off, with the reason. Its sign-ups are kept.
    CancelActivity {
        activity: ActivityId,
        reason: String,
    },
    /// A volunteer asks for a seat (报名). Refused when full at the time it is written;
    /// when sign-ups from two devices meet in a merge, the later one in the total order
    /// goes to the waitlist.
    SignUp {
        activity: ActivityId,
        volunteer: VolunteerId,
    },
    /// A volunteer asks for a seat or, when there is none, a place on the waitlist (候补).
    JoinWaitlist {
        activity: ActivityId,
        volunteer: VolunteerId,
    },
    /// A volunteer gives back a seat before the cancel deadline, or leaves the waitlist
    /// at any time (取消报名). A freed seat goes to the first on the waitlist.
    CancelSignup {
        activity: ActivityId,
        volunteer: VolunteerId,
    },
    /// An organizer gives a volunteer a role of the activity (or none), which sets the
    /// points multiplier at confirmation.
    AssignRole {
        activity: ActivityId,
        volunteer: VolunteerId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
    },
    /// An organizer checks a volunteer in (签到) at the event's time. Also corrects a
    /// no-show mark made by mistake.
    CheckIn {
        activity: ActivityId,
        volunteer: VolunteerId,
    },
    /// An organizer checks a volunteer out (签退) at the event's time.
    CheckOut {
        activity: ActivityId,
        volunteer: VolunteerId,
    },
    /// An organizer marks a volunteer with a seat as absent (缺席).
    MarkNoShow {
        activity: ActivityId,
        volunteer: VolunteerId,
    },
    /// An organizer confirms one volunteer's service (确认时长), crediting points by the
    /// activity's rule. `minutes` is the organizer's own count of the time present, for
    /// a missed check-in or check-out; without it, check-in to check-out is counted.
    ConfirmService {
        activity: ActivityId,
        volunteer: VolunteerId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minutes: Option<u32>,
    },
    /// An organizer confirms everyone checked out and not yet confirmed, at once.
    ConfirmAll { activity: ActivityId },

    /// An organizer registers a unit (登记单位): a dual-registered or co-building unit,
    /// a company or a merchant.
    RegisterUnit { profile: Box<UnitProfile> },
    /// An organizer corrects a unit's details.
    UpdateUnit {
        unit: UnitId,
        profile: Box<UnitProfile>,
    },
    /// Unit points given by hand, with the reason (双报到积分).
    AwardUnitPoints {
        unit: UnitId,
        points: Points,
        reason: String,
    },
    /// Unit points taken by hand, with the reason.
    DeductUnitPoints {
        unit: UnitId,
        points: Points,
        reason: String,
    },

    /// An organizer sets the community's points policy: from now on, credits expire
    /// after the policy's days. Points already earned keep the expiry they had.
    SetPointsPolicy { policy: PointsPolicy },

    /// An organizer puts a perk in the points shop (上架礼遇).
    CreatePerk { offer: Box<PerkOffer> },
    /// An organizer changes a perk. Vouchers already issued keep their cost and expiry.
    UpdatePerk { perk: PerkId, offer: Box<PerkOffer> },
    /// An organizer takes a perk off the shelf (下架), with the reason. Vouchers already
    /// issued stay valid.
    WithdrawPerk { perk: PerkId, reason: String },
    /// A volunteer spends points on a perk (兑换), which issues a voucher named by this
    /// event. When redemptions from two devices meet in a merge and only one fits the
    /// stock or the per-person limit, the later one in the total order is rejected.
    Redeem {
        perk: PerkId,
        volunteer: VolunteerId,
    },
    /// The merchant or an organizer marks a voucher used (核销), after finding it by its
    /// code with [`crate::domain::State::voucher_by_code`]. A voucher is used once: of two
    /// verifications the later in the total order is rejected.
    VerifyVoucher { voucher: VoucherId },
    /// The volunteer or an organizer cancels an unused voucher, open or expired, and its
    /// points are refunded (退还).
    CancelVoucher { voucher: VoucherId },

    /// An organizer drafts a co-construction project (共建项目). It stays a draft until
    /// published.
    CreateProject { plan: Box<ProjectPlan> },
    /// An organizer changes a project that is not completed, archived or cancelled.
    /// Sign-ups and pledges stay; more slots move the waitlists up.
    UpdateProject {
        project: ProjectId,
        plan: Box<ProjectPlan>,
    },
    /// Draft → Recruiting (发布招募): sign-ups and pledges open.
    PublishProject { project: ProjectId },
    /// Recruiting → InProgress (开始实施): sign-ups and pledges close; the organizer may
    /// still assign people.
    StartProject { project: ProjectId },
    /// InProgress → Completed (项目完成): the organizer may now confirm who took part.
    CompleteProject { project: ProjectId },
    /// Completed → Archived (归档): read only from now on.
    ArchiveProject { project: ProjectId },
    /// Draft, Recruiting or InProgress → Cancelled (取消项目), with the reason.
    /// Sign-ups and pledges are kept.
    CancelProject { project: ProjectId, reason: String },
    /// A volunteer or a unit joins a role (报名岗位). In an open project it takes a free
    /// slot; in one that needs approval it asks for one. Refused when the role is full
    /// at the time it is written; when joins from two devices meet in a merge, the
    /// later one in the total order goes to the waitlist.
    JoinRole {
        project: ProjectId,
        role: String,
        who: Participant,
    },
    /// Joins a role, or its waitlist (候补) when it is full.
    JoinRoleWaitlist {
        project: ProjectId,
        role: String,
        who: Participant,
    },
    /// An organizer approves a request (通过): it takes a free slot, or a waitlist place.
    ApproveJoin {
        project: ProjectId,
        role: String,
        who: Participant,
    },
    /// An organizer declines a request (不通过), with a reason that may be empty. The
    /// request is kept, marked declined.
    DeclineJoin {
        project: ProjectId,
        role: String,
        who: Participant,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    /// An organizer places a volunteer or a unit in a role (指派), without a request or
    /// approval. Refused when the role is full at the time it is written; in a merge,
    /// the later one waits, as for [`Action::JoinRole`].
    AssignToRole {
        project: ProjectId,
        role: String,
        who: Participant,
    },
    /// A participant gives back a slot before the withdraw deadline, or leaves the
    /// waitlist or takes back a request at any time (退出). A freed slot goes to the
    /// first on the waitlist.
    WithdrawFromRole {
        project: ProjectId,
        role: String,
        who: Participant,
    },
    /// An organizer takes someone off a role (移出), with the reason. A freed slot goes
    /// to the first on the waitlist. Who was removed cannot join that role again by
    /// themselves; an organizer may assign them.
    RemoveFromRole {
        project: ProjectId,
        role: String,
        who: Participant,
        reason: String,
    },
    /// A unit pledges a quantity to a need (认捐), all of what is lacking or part of it.
    PledgeToNeed {
        project: ProjectId,
        need: String,
        unit: UnitId,
        quantity: u64,
    },
    /// A unit takes back its pledge to a need before the withdraw deadline.
    WithdrawPledge {
        project: ProjectId,
        need: String,
        unit: UnitId,
    },
    /// An organizer posts a short progress update (项目进展).
    PostProjectUpdate { project: ProjectId, text: String },
    /// An organizer confirms who took part in a completed project (确认参与), crediting
    /// points to each volunteer and unit points (双报到积分) to each unit by the
    /// project's rule. Each participant is confirmed once.
    ConfirmParticipation {
        project: ProjectId,
        participants: Vec<Participant>,
    },

    /// An organizer sets the micro-wish policy (微心愿规则): the value cap, how long a
    /// claim holds, the points a lit wish earns, and the open claims per volunteer.
    /// Wishes already published keep their points; claims already made keep their due
    /// time.
    SetWishPolicy { policy: WishPolicy },
    /// Staff post a micro-wish (发布微心愿) on a resident's behalf. It awaits review.
    /// `resident_of` names an earlier wish for the same resident, so the wall counts
    /// the resident once.
    PostWish {
        plan: Box<WishPlan>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        resident_of: Option<WishId>,
    },
    /// An organizer changes a wish that nobody holds (pending or open).
    UpdateWish { wish: WishId, plan: Box<WishPlan> },
    /// Pending → published (审核通过): open to claims, with the policy's points.
    PublishWish { wish: WishId },
    /// Pending → rejected (审核不通过), with the reason.
    RejectWish { wish: WishId, reason: String },
    /// A volunteer or a unit claims an open wish (认领); the claim is exclusive. When
    /// claims written on two devices meet in a merge, the earlier in the total order
    /// wins and the later is kept as a losing claim.
    ClaimWish { wish: WishId, claimant: Claimant },
    /// The claimant gives the wish back (放弃认领): it is open again.
    ReleaseWish { wish: WishId, claimant: Claimant },
    /// The claimant marks the wish fulfilled (圆梦).
    FulfilWish { wish: WishId, claimant: Claimant },
    /// Staff confirm a fulfilled wish on the resident's behalf (确认), crediting the
    /// claimant's points, with an optional thank-you note (感谢留言).
    ConfirmWish {
        wish: WishId,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        thanks: String,
    },
    /// An organizer calls off a wish that is not yet fulfilled (取消), with the reason.
    CancelWish { wish: WishId, reason: String },
    /// An organizer closes an open wish that nobody lit by its wanted-by date (关闭).
    CloseWish { wish: WishId },

    /// The first organizer device founds the community (建立社区). It counts only when
    /// signed by `key`, the key the community's id is made from.
    FoundCommunity { key: DeviceKey, name: String },
    /// A device asks to be bound to the community with a role (申请绑定), signed by
    /// the new key itself; an organizer answers with [`Action::EnrolDevice`].
    RequestBinding {
        key: DeviceKey,
        role: Role,
        label: String,
    },
    /// An organizer enrols a device key with a role (绑定设备): another organizer
    /// device, a volunteer's phone, a merchant's counter. A key is enrolled once.
    EnrolDevice {
        key: DeviceKey,
        role: Role,
        label: String,
    },
    /// An organizer declines a binding request (拒绝绑定).
    DeclineBinding { key: DeviceKey },
    /// An organizer revokes a device (撤销设备). Of its events, those up to the
    /// sequence number given for each listed replica stay valid; no other counts.
    /// `digests` binds the line to content: when given, an event below the line counts
    /// only with the digest ([`crate::domain::trust::content_digest`]) it had when the
    /// organizer revoked, so the device's key cannot rewrite what was accepted.
    RevokeDevice {
        key: DeviceKey,
        accepted: Vec<(ReplicaId, u32)>,
        reason: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        digests: Vec<(EventId, u64)>,
    },
    /// Personal details (full name, phone, a wish's private note), written only to
    /// the organizer-only log: see [`crate::domain::trust::personal`].
    RecordDetails {
        subject: Subject,
        details: PersonalDetails,
    },
}

/// A hybrid logical clock: stamps follow the wall clock, never go backwards, and are
/// always later than any stamp seen, so a device whose clock jumps back still orders
/// its new events after its old ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    last: Timestamp,
}

impl Clock {
    /// Takes note of a stamp from a stored or merged event.
    pub fn observe(&mut self, at: Timestamp) {
        self.last = self.last.max(at);
    }

    /// The stamp the next event would get, without taking it: an action is checked
    /// at the time it would carry before it is stamped.
    pub fn peek(&self, wall: Timestamp) -> Timestamp {
        wall.max(Timestamp(self.last.0.saturating_add(1)))
    }

    /// The stamp for a new event, given the wall clock's reading.
    pub fn stamp(&mut self, wall: Timestamp) -> Timestamp {
        let next = self.peek(wall);
        self.last = next;
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_never_goes_backwards() {
        let mut clock = Clock::default();
        let noon = 1_795_240_800_000;
        assert_eq!(clock.stamp(Timestamp(noon)), Timestamp(noon));
        // The wall clock jumps back an hour: stamps keep increasing.
        assert_eq!(
            clock.stamp(Timestamp(noon - 3_600_000)),
            Timestamp(noon + 1)
        );
        assert_eq!(clock.stamp(Timestamp(noon + 1)), Timestamp(noon + 2));
        // Once the wall clock is ahead again, it is followed.
        assert_eq!(
            clock.stamp(Timestamp(noon + 5_000)),
            Timestamp(noon + 5_000)
        );
    }

    #[test]
    fn the_clock_stamps_after_everything_it_has_seen() {
        let mut clock = Clock::default();
        clock.observe(Timestamp(9_000));
        clock.observe(Timestamp(3_000));
        assert_eq!(clock.stamp(Timestamp(2_000)), Timestamp(9_001));
    }
}
