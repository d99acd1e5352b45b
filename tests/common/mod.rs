//! Helpers shared by the native test files.
#![allow(dead_code)]

use linli::domain::{
    Action, ActivityId, ActivityPlan, Cover, DomainError, Event, EventId, Initiator, JoinMode,
    Journal, Need, NeedUnit, PerkId, PerkOffer, Points, PointsRule, ProjectId, ProjectPlan,
    ProjectRole, ProjectRule, ReplicaId, Role, Timestamp, UnitId, UnitKind, UnitProfile,
    VolunteerId, VolunteerProfile, VoucherId,
};

pub mod arrival;
pub mod contract;
pub mod devices;
pub mod jobs;

/// 2026-11-21 09:00 in China, as a stamp.
pub const T0: Timestamp = Timestamp(1_795_222_800_000);

/// A journal acting as one replica, with a wall clock the test moves by hand.
pub struct Replica {
    pub journal: Journal,
    pub id: ReplicaId,
    pub next_seq: u32,
    pub wall: Timestamp,
}

impl Replica {
    pub fn new(id: u64) -> Self {
        Replica {
            journal: Journal::default(),
            id: ReplicaId(id),
            next_seq: 1,
            wall: T0,
        }
    }

    /// Does `action` as a user of this replica would: checked, stamped, merged.
    pub fn act(&mut self, action: Action) -> Result<Event, DomainError> {
        self.wall = self.wall.plus_minutes(1);
        let event = self
            .journal
            .prepare(self.id, self.next_seq, self.wall, action)?;
        self.next_seq += 1;
        self.journal.merge([event.clone()]);
        Ok(event)
    }

    /// Does `action` at exactly `at` (which must be later than every stamp this replica
    /// has seen, so the stamp is `at` itself).
    pub fn act_at(&mut self, at: Timestamp, action: Action) -> Result<Event, DomainError> {
        self.wall = at;
        let event = self.journal.prepare(self.id, self.next_seq, at, action)?;
        assert_eq!(event.at, at, "the test's times must increase");
        self.next_seq += 1;
        self.journal.merge([event.clone()]);
        Ok(event)
    }

    pub fn create(&mut self, plan: ActivityPlan) -> ActivityId {
        let event = self
            .act(Action::CreateActivity {
                plan: Box::new(plan),
            })
            .unwrap();
        ActivityId(event.id)
    }

    pub fn register(&mut self, name: &str) -> VolunteerId {
        let event = self
            .act(Action::RegisterVolunteer {
                profile: Box::new(profile(name)),
            })
            .unwrap();
        VolunteerId(event.id)
    }

    pub fn register_unit(&mut self, name: &str, kind: UnitKind) -> UnitId {
        let event = self
            .act(Action::RegisterUnit {
                profile: Box::new(unit_profile(name, kind)),
            })
            .unwrap();
        UnitId(event.id)
    }

    pub fn create_perk(&mut self, offer: PerkOffer) -> PerkId {
        let event = self
            .act(Action::CreatePerk {
                offer: Box::new(offer),
            })
            .unwrap();
        PerkId(event.id)
    }

    /// Redeems `perk` for `volunteer` at `at`; the voucher is named by the event.
    pub fn redeem_at(
        &mut self,
        at: Timestamp,
        perk: PerkId,
        volunteer: VolunteerId,
    ) -> Result<VoucherId, DomainError> {
        self.act_at(at, Action::Redeem { perk, volunteer })
            .map(|e| VoucherId(e.id))
    }

    pub fn create_project(&mut self, plan: ProjectPlan) -> ProjectId {
        let event = self
            .act(Action::CreateProject {
                plan: Box::new(plan),
            })
            .unwrap();
        ProjectId(event.id)
    }

    /// Registers a volunteer with skills.
    pub fn register_skilled(&mut self, name: &str, skills: &[&str]) -> VolunteerId {
        let event = self
            .act(Action::RegisterVolunteer {
                profile: Box::new(VolunteerProfile {
                    skills: skills.iter().map(|s| (*s).to_owned()).collect(),
                    ..profile(name)
                }),
            })
            .unwrap();
        VolunteerId(event.id)
    }

    /// Takes in everything `other` knows.
    pub fn sync_from(&mut self, other: &Replica) {
        self.journal.merge(other.journal.events().cloned());
    }
}

pub fn profile(name: &str) -> VolunteerProfile {
    VolunteerProfile {
        name: name.into(),
        ..VolunteerProfile::default()
    }
}

pub fn award(volunteer: VolunteerId, points: i64, reason: &str) -> Action {
    Action::AwardPoints {
        volunteer,
        points: Points::whole(points),
        reason: reason.into(),
    }
}

pub fn id(replica: u64, seq: u32) -> EventId {
    EventId::new(ReplicaId(replica), seq)
}

/// The start of the standard test activity: two days after [`T0`], 2026-11-23 09:00.
pub const START: Timestamp = Timestamp(T0.0 + 2 * Timestamp::DAY);

/// `minutes` after [`START`] (before it when negative).
pub fn at(minutes: i64) -> Timestamp {
    Timestamp(START.0.saturating_add_signed(minutes * 60_000))
}

/// The standard test activity: 09:00–11:00 on [`START`]'s day, 2 seats, sign-up from
/// [`T0`] until an hour before the start, cancellation until a day before, 1 point an
/// hour, a 队长 (leader) role at ×1.4, the 60% rule and the default no-show limit of 3.
pub fn plan(title: &str) -> ActivityPlan {
    ActivityPlan {
        title: title.into(),
        category: "助老".into(),
        place: "社区服务中心".into(),
        details: String::new(),
        start: START,
        end: at(120),
        capacity: 2,
        signup_opens: T0,
        signup_closes: at(-60),
        cancel_deadline: at(-24 * 60),
        rule: PointsRule::PerHour {
            points_per_hour: Points::whole(1),
            cap_minutes: None,
        },
        roles: vec![Role {
            name: "队长".into(),
            multiplier: 140,
        }],
        presence_percent: 60,
        no_show_limit: 3,
    }
}

pub fn unit_profile(name: &str, kind: UnitKind) -> UnitProfile {
    UnitProfile {
        kind,
        name: name.into(),
        ..UnitProfile::default()
    }
}

/// When the standard test perk can first be redeemed: a day after [`T0`].
pub const VALID_FROM: Timestamp = Timestamp(T0.0 + Timestamp::DAY);
/// When the standard test perk ends and its vouchers expire: 30 days after [`VALID_FROM`].
pub const VALID_UNTIL: Timestamp = Timestamp(VALID_FROM.0 + 30 * Timestamp::DAY);

/// `minutes` after [`VALID_FROM`] (before it when negative).
pub fn shop_at(minutes: i64) -> Timestamp {
    Timestamp(VALID_FROM.0.saturating_add_signed(minutes * 60_000))
}

/// The standard test perk: 理发券 (a haircut) offered by the community for 10 points,
/// 3 in stock, 1 per person, valid for 30 days from [`VALID_FROM`], no hours needed.
pub fn offer(title: &str) -> PerkOffer {
    PerkOffer {
        sponsor: None,
        title: title.into(),
        description: "社区理发店，凭券免费理发一次".into(),
        cost: Points::whole(10),
        stock: 3,
        per_person: Some(1),
        valid_from: VALID_FROM,
        valid_until: VALID_UNTIL,
        min_service_minutes: 0,
    }
}

/// The standard test project: 老旧小区改造 (a renovation of old blocks), a month from
/// [`START`], open to anyone, withdrawal until a day before the start. Roles: 电工
/// (electrician, 2 slots, needs the skill 电工, 8 points) and 宣传员 (publicity, 1 slot,
/// no skill, the rule's 5 points). Needs: 资金 ¥5000 and 油漆 20 桶 (paint, in tins).
/// Units earn 20 unit points.
pub fn project_plan(title: &str) -> ProjectPlan {
    ProjectPlan {
        title: title.into(),
        description: "粉刷楼道、更换照明".into(),
        initiator: Initiator::Community,
        start: START,
        end: START.plus_days(30),
        place: "东城街道幸福小区".into(),
        category: "环境整治".into(),
        cover: Cover::Icon("paint-roller".into()),
        join: JoinMode::Open,
        withdraw_deadline: at(-24 * 60),
        roles: vec![
            ProjectRole {
                name: "电工".into(),
                slots: 2,
                skills: vec!["电工".into()],
                points: Some(Points::whole(8)),
            },
            ProjectRole {
                name: "宣传员".into(),
                slots: 1,
                skills: Vec::new(),
                points: None,
            },
        ],
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
        rule: ProjectRule {
            volunteer_points: Points::whole(5),
            unit_points: Points::whole(20),
        },
    }
}
