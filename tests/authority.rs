//! The authority table, one row per role and action: who may write what (DEVICES.md).
//!
//! Each row is checked three ways through one helper, [`check`]: against the table
//! itself ([`permits`], with the role the keyring gives the key for that event), as
//! the app asks before writing ([`Journal::authorize_new`]), and through the fold (a
//! community's journal whose keyring was set up by real trust events, the row's event
//! merged in a [`Batch`] signed by the row's key): an allowed event applies, a refused
//! one is kept aside with the same reason and changes neither the state nor the
//! keyring. Every allowed row's action is valid by the rules at its time (the check
//! asserts it applies), so authority is the only thing that tells the rows apart.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::OnceLock;

use common::{T0, VALID_FROM, award, offer, plan, profile, project_plan, unit_profile};
use linli::domain::journal::Batch;
use linli::domain::trust::{DeviceKey, Keyring, Refusal, Role, permits};
use linli::domain::{
    Action, ActivityId, Claimant, Event, EventId, Journal, Need, NeedUnit, PerkId, PerkOffer,
    Points, ProjectId, ProjectPlan, ProjectRole, ReplicaId, Timestamp, UnitId, UnitKind,
    VolunteerId, VoucherId, WishId, WishPlan,
};
use linli::store::seal::{Signer, derive_replica};

/// Who signs a row's event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// The founder's organizer device.
    Organizer,
    /// 王小明's own phone.
    Phone,
    /// The counter of 老王理发店, a merchant.
    Merchant,
    /// The contact of 东城供电所, a co-building unit.
    Unit,
    /// A key the community never enrolled.
    Unknown,
    /// 王小明's old phone, revoked with its events up to sequence number 5 accepted: an
    /// event it wrote within that line.
    RevokedWithin,
    /// The same revoked phone: an event after the line.
    RevokedBeyond,
    /// The same revoked phone, in a replica the revocation does not name.
    RevokedElsewhere,
}

impl Who {
    fn seed(self) -> u8 {
        match self {
            Who::Organizer => 1,
            Who::Phone => 11,
            Who::RevokedWithin | Who::RevokedBeyond | Who::RevokedElsewhere => 12,
            Who::Merchant => 13,
            Who::Unit => 14,
            Who::Unknown => 66,
        }
    }

    fn signer(self) -> Signer {
        Signer::from_seed([self.seed(); 32])
    }

    fn key(self) -> DeviceKey {
        self.signer().public()
    }

    /// The id of the row's event: in a replica of the key (the organizer's second, so
    /// that it never meets the setup's ids), at the sequence number the row needs.
    fn id(self) -> EventId {
        let (nonce, seq) = match self {
            Who::Organizer | Who::RevokedElsewhere => (2, 1),
            Who::RevokedWithin => (1, LINE),
            Who::RevokedBeyond => (1, LINE + 1),
            _ => (1, 1),
        };
        EventId::new(derive_replica(&self.key(), nonce), seq)
    }
}

/// The last sequence number the old phone's revocation accepted.
const LINE: u32 = 5;

/// The community every row is judged in, and the names of what is in it.
struct Scene {
    journal: Journal,
    /// 王小明, whose phone it is, and 李四, someone else.
    me: VolunteerId,
    other: VolunteerId,
    /// 东城供电所 (the unit device's) and 西城中学.
    unit: UnitId,
    other_unit: UnitId,
    merchant: UnitId,
    /// Two seats, both taken by 王小明 and 李四; and one with room.
    full: ActivityId,
    open: ActivityId,
    /// Recruiting: 宣传员 holds 王小明, 李四 and both units; the units pledged to 资金.
    project: ProjectId,
    /// Recruiting, and nobody has joined it.
    empty: ProjectId,
    /// Claimed by 王小明, 李四, the unit and the other unit; two open ones.
    mine: WishId,
    theirs: WishId,
    units: WishId,
    other_units: WishId,
    open_wish: WishId,
    open_wish_2: WishId,
    /// The community's perk; 老王理发店's vouchers for 王小明 and for 李四, and 便民超市's
    /// for 王小明.
    perk: PerkId,
    my_voucher: VoucherId,
    their_voucher: VoucherId,
    other_merchants_voucher: VoucherId,
}

fn minutes(n: u64) -> Timestamp {
    Timestamp(T0.0 + n * 60_000)
}

/// When a row's event is written: sign-ups, claims and pledges three hours after
/// [`T0`]; anything about vouchers three hours after the perks open.
fn row_time(action: &Action) -> Timestamp {
    match action {
        Action::Redeem { .. } | Action::CancelVoucher { .. } | Action::VerifyVoucher { .. } => {
            VALID_FROM.plus_minutes(180)
        }
        _ => minutes(180),
    }
}

fn scene() -> &'static Scene {
    static SCENE: OnceLock<Scene> = OnceLock::new();
    SCENE.get_or_init(make_scene)
}

/// A recruiting project's plan: 宣传员 and 清洁员, ten slots each and no skill needed;
/// needs 资金 and 油漆.
fn project_with_room(title: &str) -> ProjectPlan {
    ProjectPlan {
        roles: ["宣传员", "清洁员"]
            .map(|name| ProjectRole {
                name: name.into(),
                slots: 10,
                skills: Vec::new(),
                points: None,
            })
            .into(),
        needs: vec![
            Need {
                name: "资金".into(),
                quantity: 5_000,
                unit: NeedUnit::Yuan,
            },
            Need {
                name: "油漆".into(),
                quantity: 20,
                unit: NeedUnit::Custom("桶".into()),
            },
        ],
        ..project_plan(title)
    }
}

/// The organizer device sets the community up, every event signed by its key.
fn make_scene() -> Scene {
    let organizer = Who::Organizer.key();
    let replica = derive_replica(&organizer, 1);
    let mut journal = Journal::of_community(Some(linli::domain::trust::CommunityId::founded_by(
        &organizer,
    )));
    let mut seq = 0;
    let mut act = |wall: Timestamp, action: Action| -> EventId {
        seq += 1;
        let event = journal
            .prepare(replica, seq, wall, action.clone())
            .unwrap_or_else(|e| panic!("{action:?}: {e:?}"));
        journal.merge_batches(vec![Batch {
            signer: Some(organizer),
            events: vec![event.clone()],
        }]);
        assert!(
            journal.kept_aside().is_empty() && journal.state().rejected().is_empty(),
            "{action:?}: {:?} {:?}",
            journal.kept_aside(),
            journal.state().rejected()
        );
        event.id
    };
    act(
        minutes(0),
        Action::FoundCommunity {
            key: organizer,
            name: "幸福社区".into(),
        },
    );
    let volunteer = |act: &mut dyn FnMut(Timestamp, Action) -> EventId, name: &str| {
        VolunteerId(act(
            minutes(1),
            Action::RegisterVolunteer {
                profile: Box::new(profile(name)),
            },
        ))
    };
    let me = volunteer(&mut act, "王小明");
    let other = volunteer(&mut act, "李四");
    let mut register_unit = |name: &str, kind: UnitKind| {
        UnitId(act(
            minutes(2),
            Action::RegisterUnit {
                profile: Box::new(unit_profile(name, kind)),
            },
        ))
    };
    let unit = register_unit("东城供电所", UnitKind::CoBuilding);
    let other_unit = register_unit("西城中学", UnitKind::CoBuilding);
    let merchant = register_unit("老王理发店", UnitKind::Merchant);
    let other_merchant = register_unit("便民超市", UnitKind::Merchant);
    for (who, role) in [
        (Who::Phone, Role::Volunteer(me)),
        (Who::RevokedWithin, Role::Volunteer(me)),
        (Who::Merchant, Role::Merchant(merchant)),
        (Who::Unit, Role::Unit(unit)),
    ] {
        act(
            minutes(3),
            Action::EnrolDevice {
                key: who.key(),
                role,
                label: "手机".into(),
            },
        );
    }
    for v in [me, other] {
        act(minutes(4), award(v, 50, "扫雪"));
    }

    let full = ActivityId(act(
        minutes(5),
        Action::CreateActivity {
            plan: Box::new(plan("敬老院探访")),
        },
    ));
    for volunteer in [me, other] {
        act(
            minutes(6),
            Action::SignUp {
                activity: full,
                volunteer,
            },
        );
    }
    let open = ActivityId(act(
        minutes(7),
        Action::CreateActivity {
            plan: Box::new({
                // The next day, so that its sign-ups do not collide with the first's.
                let first = plan("社区清扫");
                linli::domain::ActivityPlan {
                    capacity: 10,
                    start: first.start.plus_days(1),
                    end: first.end.plus_days(1),
                    signup_closes: first.signup_closes.plus_days(1),
                    cancel_deadline: first.cancel_deadline.plus_days(1),
                    ..first
                }
            }),
        },
    ));

    let project = |act: &mut dyn FnMut(Timestamp, Action) -> EventId, title: &str| {
        let project = ProjectId(act(
            minutes(8),
            Action::CreateProject {
                plan: Box::new(project_with_room(title)),
            },
        ));
        act(minutes(9), Action::PublishProject { project });
        project
    };
    let joined = project(&mut act, "老旧小区改造");
    let empty = project(&mut act, "楼道清理");
    let project = joined;
    for who in [
        Claimant::Volunteer(me),
        Claimant::Volunteer(other),
        Claimant::Unit(unit),
        Claimant::Unit(other_unit),
    ] {
        act(
            minutes(10),
            Action::JoinRole {
                project,
                role: "宣传员".into(),
                who,
            },
        );
    }
    for unit in [unit, other_unit] {
        act(
            minutes(11),
            Action::PledgeToNeed {
                project,
                need: "资金".into(),
                unit,
                quantity: 1_000,
            },
        );
    }

    let mut wish = |claimant: Option<Claimant>| {
        let wish = WishId(act(
            minutes(12),
            Action::PostWish {
                plan: Box::new(WishPlan {
                    alias: "独居老人 王奶奶".into(),
                    title: "修电风扇".into(),
                    value_yuan: 50,
                    wanted_by: T0.plus_days(10),
                    ..WishPlan::default()
                }),
                resident_of: None,
            },
        ));
        act(minutes(13), Action::PublishWish { wish });
        if let Some(claimant) = claimant {
            act(minutes(14), Action::ClaimWish { wish, claimant });
        }
        wish
    };
    let mine = wish(Some(Claimant::Volunteer(me)));
    let theirs = wish(Some(Claimant::Volunteer(other)));
    let units = wish(Some(Claimant::Unit(unit)));
    let other_units = wish(Some(Claimant::Unit(other_unit)));
    let open_wish = wish(None);
    let open_wish_2 = wish(None);

    // The old phone is revoked: what it wrote up to sequence number 5 stays valid.
    act(
        minutes(15),
        Action::RevokeDevice {
            key: Who::RevokedWithin.key(),
            accepted: vec![(Who::RevokedWithin.id().replica, LINE)],
            reason: "手机丢失".into(),
            digests: Vec::new(),
        },
    );

    let mut perk = |sponsor: Option<UnitId>| {
        PerkId(act(
            minutes(16),
            Action::CreatePerk {
                offer: Box::new(PerkOffer {
                    sponsor,
                    cost: Points::whole(5),
                    ..offer("理发券")
                }),
            },
        ))
    };
    let community_perk = perk(None);
    let merchants = perk(Some(merchant));
    let other_merchants = perk(Some(other_merchant));
    let mut redeem = |n: u64, perk: PerkId, volunteer: VolunteerId| {
        VoucherId(act(
            VALID_FROM.plus_minutes(60 + n),
            Action::Redeem { perk, volunteer },
        ))
    };
    let my_voucher = redeem(0, merchants, me);
    let their_voucher = redeem(1, merchants, other);
    let other_merchants_voucher = redeem(2, other_merchants, me);

    Scene {
        journal,
        me,
        other,
        unit,
        other_unit,
        merchant,
        full,
        open,
        project,
        empty,
        mine,
        theirs,
        units,
        other_units,
        open_wish,
        open_wish_2,
        perk: community_perk,
        my_voucher,
        their_voucher,
        other_merchants_voucher,
    }
}

/// Checks one row: `who` writes `action`, and `expected` is what the community says.
fn check(who: Who, action: Action, expected: Result<(), Refusal>) {
    let scene = scene();
    let key = who.key();
    let event = Event {
        id: who.id(),
        at: row_time(&action),
        action,
    };
    let row = format!("{who:?} {:?}", event.action);
    let state = scene.journal.state();
    let keyring = scene.journal.keyring().unwrap();

    // The table: the key's role for this event, and what that role may do.
    if !Keyring::is_trust_action(&event.action) {
        let judged = keyring
            .role_for(&key, event.id)
            .and_then(|role| permits(role, &event.action, state));
        assert_eq!(judged, expected, "the table: {row}");
    }

    // The app, before it writes.
    assert_eq!(
        scene.journal.authorize_new(&key, &event),
        expected,
        "before writing: {row}"
    );

    // The fold.
    let mut journal = scene.journal.clone();
    journal.merge_batches(vec![Batch {
        signer: Some(key),
        events: vec![event.clone()],
    }]);
    let kept = journal
        .kept_aside()
        .iter()
        .find(|k| k.event == event.id)
        .map(|k| k.refusal.clone());
    assert_eq!(kept.map_or(Ok(()), Err), expected, "the fold: {row}");
    assert_eq!(journal.kept_aside().len(), usize::from(expected.is_err()));
    assert!(
        journal.state().rejected().is_empty(),
        "the row's action must be valid by the rules, so that only authority judges it: \
         {row}: {:?}",
        journal.state().rejected()
    );
    if expected.is_err() {
        assert_eq!(
            journal.state(),
            state,
            "a refused event changed the state: {row}"
        );
        assert_eq!(
            journal.keyring().unwrap().devices().collect::<Vec<_>>(),
            keyring.devices().collect::<Vec<_>>(),
            "a refused event changed the keyring: {row}"
        );
    }
}

fn own(who: Who) -> Result<(), Refusal> {
    let role = scene()
        .journal
        .keyring()
        .unwrap()
        .device(&who.key())
        .unwrap()
        .role;
    Err(Refusal::ForSomeoneElse(role))
}

fn not_allowed(who: Who) -> Result<(), Refusal> {
    let role = scene()
        .journal
        .keyring()
        .unwrap()
        .device(&who.key())
        .unwrap()
        .role;
    Err(Refusal::NotAllowed(role))
}

const OK: Result<(), Refusal> = Ok(());

fn sign_up(volunteer: VolunteerId) -> Action {
    Action::SignUp {
        activity: scene().open,
        volunteer,
    }
}

fn join_role(role: &str, who: Claimant) -> Action {
    Action::JoinRole {
        project: scene().empty,
        role: role.into(),
        who,
    }
}

fn pledge(unit: UnitId) -> Action {
    Action::PledgeToNeed {
        project: scene().project,
        need: "油漆".into(),
        unit,
        quantity: 5,
    }
}

#[test]
fn an_organizer_may_do_everything_on_anyones_behalf() {
    let s = scene();
    check(Who::Organizer, award(s.me, 5, "巡逻"), OK);
    check(Who::Organizer, sign_up(s.other), OK);
    check(
        Who::Organizer,
        Action::CreateActivity {
            plan: Box::new(plan("义诊")),
        },
        OK,
    );
    check(
        Who::Organizer,
        Action::VerifyVoucher {
            voucher: s.my_voucher,
        },
        OK,
    );
    check(Who::Organizer, pledge(s.unit), OK);
    check(
        Who::Organizer,
        Action::ClaimWish {
            wish: s.open_wish,
            claimant: Claimant::Volunteer(s.other),
        },
        OK,
    );
    check(
        Who::Organizer,
        Action::EnrolDevice {
            key: Who::Unknown.key(),
            role: Role::Volunteer(s.other),
            label: "李四的手机".into(),
        },
        OK,
    );
    check(
        Who::Organizer,
        Action::RevokeDevice {
            key: Who::Phone.key(),
            accepted: Vec::new(),
            reason: "换手机".into(),
            digests: Vec::new(),
        },
        OK,
    );
    // The community is founded once.
    check(
        Who::Organizer,
        Action::FoundCommunity {
            key: Who::Organizer.key(),
            name: "幸福社区".into(),
        },
        Err(Refusal::NotTheFounder),
    );
}

#[test]
fn a_volunteers_phone_acts_for_that_volunteer_only() {
    let s = scene();
    let phone = Who::Phone;
    let (me, other) = (Claimant::Volunteer(s.me), Claimant::Volunteer(s.other));
    let rows: Vec<(Action, Action)> = vec![
        (sign_up(s.me), sign_up(s.other)),
        (
            Action::JoinWaitlist {
                activity: s.open,
                volunteer: s.me,
            },
            Action::JoinWaitlist {
                activity: s.open,
                volunteer: s.other,
            },
        ),
        (
            Action::CancelSignup {
                activity: s.full,
                volunteer: s.me,
            },
            Action::CancelSignup {
                activity: s.full,
                volunteer: s.other,
            },
        ),
        (join_role("清洁员", me), join_role("清洁员", other)),
        (
            Action::JoinRoleWaitlist {
                project: s.empty,
                role: "清洁员".into(),
                who: me,
            },
            Action::JoinRoleWaitlist {
                project: s.empty,
                role: "清洁员".into(),
                who: other,
            },
        ),
        (
            Action::WithdrawFromRole {
                project: s.project,
                role: "宣传员".into(),
                who: me,
            },
            Action::WithdrawFromRole {
                project: s.project,
                role: "宣传员".into(),
                who: other,
            },
        ),
        (
            Action::ClaimWish {
                wish: s.open_wish,
                claimant: me,
            },
            Action::ClaimWish {
                wish: s.open_wish,
                claimant: other,
            },
        ),
        (
            Action::ReleaseWish {
                wish: s.mine,
                claimant: me,
            },
            Action::ReleaseWish {
                wish: s.theirs,
                claimant: other,
            },
        ),
        (
            Action::FulfilWish {
                wish: s.mine,
                claimant: me,
            },
            Action::FulfilWish {
                wish: s.theirs,
                claimant: other,
            },
        ),
        (
            Action::Redeem {
                perk: s.perk,
                volunteer: s.me,
            },
            Action::Redeem {
                perk: s.perk,
                volunteer: s.other,
            },
        ),
        (
            Action::CancelVoucher {
                voucher: s.my_voucher,
            },
            Action::CancelVoucher {
                voucher: s.their_voucher,
            },
        ),
    ];
    for (for_self, for_another) in rows {
        check(phone, for_self, OK);
        check(phone, for_another, own(phone));
    }
    // A unit's place is not the volunteer's either.
    check(
        phone,
        join_role("清洁员", Claimant::Unit(s.unit)),
        own(phone),
    );
}

#[test]
fn a_volunteers_phone_may_not_do_an_organizers_work() {
    let s = scene();
    let phone = Who::Phone;
    for action in [
        award(s.me, 10_000, "奖励"),
        Action::DeductPoints {
            volunteer: s.other,
            points: Points::whole(5),
            reason: "扣".into(),
        },
        Action::CheckIn {
            activity: s.full,
            volunteer: s.me,
        },
        Action::CreateActivity {
            plan: Box::new(plan("义诊")),
        },
        Action::VerifyVoucher {
            voucher: s.my_voucher,
        },
        pledge(s.unit),
        Action::ConfirmWish {
            wish: s.mine,
            thanks: String::new(),
        },
        Action::EnrolDevice {
            key: Who::Unknown.key(),
            role: Role::Organizer,
            label: "我的电脑".into(),
        },
        Action::RevokeDevice {
            key: Who::Organizer.key(),
            accepted: Vec::new(),
            reason: String::new(),
            digests: Vec::new(),
        },
    ] {
        check(phone, action, not_allowed(phone));
    }
}

#[test]
fn a_merchants_counter_verifies_vouchers_for_its_own_perks_only() {
    let s = scene();
    let counter = Who::Merchant;
    check(
        counter,
        Action::VerifyVoucher {
            voucher: s.my_voucher,
        },
        OK,
    );
    check(
        counter,
        Action::VerifyVoucher {
            voucher: s.their_voucher,
        },
        OK,
    );
    check(
        counter,
        Action::VerifyVoucher {
            voucher: s.other_merchants_voucher,
        },
        own(counter),
    );
    for action in [
        Action::Redeem {
            perk: s.perk,
            volunteer: s.me,
        },
        Action::CancelVoucher {
            voucher: s.my_voucher,
        },
        award(s.me, 5, "巡逻"),
        // A merchant's counter is not the unit's contact.
        pledge(s.merchant),
    ] {
        check(counter, action, not_allowed(counter));
    }
}

#[test]
fn a_units_contact_acts_for_that_unit_only() {
    let s = scene();
    let contact = Who::Unit;
    let (unit, other) = (Claimant::Unit(s.unit), Claimant::Unit(s.other_unit));
    let rows: Vec<(Action, Action)> = vec![
        (pledge(s.unit), pledge(s.other_unit)),
        (
            Action::WithdrawPledge {
                project: s.project,
                need: "资金".into(),
                unit: s.unit,
            },
            Action::WithdrawPledge {
                project: s.project,
                need: "资金".into(),
                unit: s.other_unit,
            },
        ),
        (join_role("清洁员", unit), join_role("清洁员", other)),
        (
            Action::WithdrawFromRole {
                project: s.project,
                role: "宣传员".into(),
                who: unit,
            },
            Action::WithdrawFromRole {
                project: s.project,
                role: "宣传员".into(),
                who: other,
            },
        ),
        (
            Action::ClaimWish {
                wish: s.open_wish_2,
                claimant: unit,
            },
            Action::ClaimWish {
                wish: s.open_wish_2,
                claimant: other,
            },
        ),
        (
            Action::ReleaseWish {
                wish: s.units,
                claimant: unit,
            },
            Action::ReleaseWish {
                wish: s.other_units,
                claimant: other,
            },
        ),
    ];
    for (for_itself, for_another) in rows {
        check(contact, for_itself, OK);
        check(contact, for_another, own(contact));
    }
    check(
        contact,
        join_role("清洁员", Claimant::Volunteer(s.me)),
        own(contact),
    );
    for action in [
        sign_up(s.me),
        Action::AwardUnitPoints {
            unit: s.unit,
            points: Points::whole(10),
            reason: "共建".into(),
        },
    ] {
        check(contact, action, not_allowed(contact));
    }
}

#[test]
fn a_key_the_community_never_enrolled_may_only_ask_to_be() {
    let s = scene();
    for action in [
        sign_up(s.me),
        award(s.me, 10_000, "奖励"),
        Action::EnrolDevice {
            key: Who::Unknown.key(),
            role: Role::Organizer,
            label: "我的电脑".into(),
        },
    ] {
        check(Who::Unknown, action, Err(Refusal::UnknownKey));
    }
    check(
        Who::Unknown,
        Action::RequestBinding {
            key: Who::Unknown.key(),
            role: Role::Volunteer(s.other),
            label: "李四的手机".into(),
        },
        OK,
    );
    // A request speaks for the key that signs it, never for another.
    check(
        Who::Unknown,
        Action::RequestBinding {
            key: Signer::from_seed([77; 32]).public(),
            role: Role::Organizer,
            label: "别人的电脑".into(),
        },
        Err(Refusal::Unsigned),
    );
}

#[test]
fn a_revoked_key_counts_up_to_its_line_and_no_further() {
    let s = scene();
    // Within the line it keeps its role, and its role's limits.
    check(Who::RevokedWithin, sign_up(s.me), OK);
    check(
        Who::RevokedWithin,
        sign_up(s.other),
        own(Who::RevokedWithin),
    );
    check(
        Who::RevokedWithin,
        award(s.me, 10_000, "奖励"),
        not_allowed(Who::RevokedWithin),
    );
    // Beyond it, or in a replica the revocation does not name, nothing counts.
    for who in [Who::RevokedBeyond, Who::RevokedElsewhere] {
        for action in [
            sign_up(s.me),
            Action::ClaimWish {
                wish: s.open_wish,
                claimant: Claimant::Volunteer(s.me),
            },
            award(s.me, 10_000, "奖励"),
            Action::EnrolDevice {
                key: Who::Unknown.key(),
                role: Role::Organizer,
                label: "我的电脑".into(),
            },
        ] {
            check(who, action, Err(Refusal::Revoked));
        }
    }
}

#[test]
fn the_scene_is_what_the_rows_assume() {
    let s = scene();
    let keyring = s.journal.keyring().unwrap();
    assert_eq!(keyring.devices().count(), 5);
    assert!(keyring.refused().is_empty());
    assert_eq!(
        keyring
            .role_for(&Who::RevokedWithin.key(), Who::RevokedWithin.id())
            .unwrap(),
        Role::Volunteer(s.me)
    );
    assert_ne!(Who::RevokedElsewhere.id().replica, ReplicaId(0));
    assert_eq!(s.journal.state().balance(s.me), Points::whole(40));
}
