//! A micro-wish scene shared by the wish test files: three volunteers and two units
//! in known grids and buildings, wishes posted and acted on at given hours after
//! [`T0`], through one replica that checks every action as a user's device would.
#![allow(dead_code)]

use linli::domain::{
    Action, BeneficiaryKind, Claimant, DomainError, Event, EventId, ReplicaId, State, Timestamp,
    UnitId, UnitKind, UnitProfile, VolunteerId, VolunteerProfile, WishCategory, WishId, WishPlan,
    WishPolicy,
};

use super::common::{Replica, T0};

/// `hours` after [`T0`].
pub fn hour(hours: i64) -> Timestamp {
    Timestamp(T0.0.saturating_add_signed(hours * 3_600_000))
}

/// `days` after [`T0`].
pub fn day(days: i64) -> Timestamp {
    hour(days * 24)
}

/// The standard wish, posted at hour 1: 独居老人 王奶奶 of 一网格 3号楼 wants her electric
/// fan repaired (a service, ¥50, needs 家电维修) within ten days of [`T0`]. Her real
/// name, flat and phone are in the organizer-only note, where they are allowed.
pub fn wish_plan(title: &str) -> WishPlan {
    WishPlan {
        alias: "独居老人 王奶奶".into(),
        beneficiary: BeneficiaryKind::ElderlyAlone,
        private_note: "王桂兰，3号楼2单元301室，电话13812345678".into(),
        category: WishCategory::Service,
        title: title.into(),
        description: "家里的电风扇坏了，想请人修一修".into(),
        value_yuan: 50,
        grid: "一网格".into(),
        building: "3号楼".into(),
        wanted_by: day(10),
        skills: vec!["家电维修".into()],
    }
}

/// A child's wish: 小雨同学 (张小明 in the private note) of 二网格 1号楼 wants a school
/// bag (goods, ¥120).
pub fn child_plan(title: &str) -> WishPlan {
    WishPlan {
        alias: "小雨同学".into(),
        beneficiary: BeneficiaryKind::Child,
        private_note: "张小明，东城小学三年级，1号楼2单元502室".into(),
        category: WishCategory::Goods,
        title: title.into(),
        description: "上小学三年级，想要一个新书包".into(),
        value_yuan: 120,
        grid: "二网格".into(),
        building: "1号楼".into(),
        wanted_by: day(20),
        skills: Vec::new(),
    }
}

/// Who acts: a volunteer or a unit by index, or someone never registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    V(usize),
    U(usize),
    Ghost,
}

/// What a step does; wishes are named by their index, in the order they were posted.
#[derive(Clone, Copy, Debug)]
pub enum Act {
    Policy(fn(&mut WishPolicy)),
    Post(fn(&mut WishPlan)),
    PostChild(fn(&mut WishPlan)),
    /// Posts the standard wish for the same resident as wish `.0`.
    PostFor(usize),
    Update(usize, fn(&mut WishPlan)),
    Publish(usize),
    Reject(usize, &'static str),
    Claim(usize, Who),
    Release(usize, Who),
    Fulfil(usize, Who),
    Confirm(usize, &'static str),
    Cancel(usize, &'static str),
    Close(usize),
    /// Any action on a wish that was never posted.
    ClaimUnknown(Who),
}

/// A step: at `.0` hours after [`T0`], do `.1`.
#[derive(Clone, Copy, Debug)]
pub struct Do(pub i64, pub Act);

pub fn same(_: &mut WishPlan) {}

pub fn keep(_: &mut WishPolicy) {}

/// The people of every scene.
pub const VOLUNTEERS: [(&str, &str, &str, &[&str]); 3] = [
    ("王小明", "一网格", "3号楼", &["家电维修"]),
    ("李四", "一网格", "5号楼", &["辅导作业"]),
    ("张三", "二网格", "1号楼", &[]),
];
pub const UNITS: [(&str, &str); 2] = [("东城供电所", "一网格"), ("幸福超市", "二网格")];

pub struct Scene {
    pub r: Replica,
    pub volunteers: Vec<VolunteerId>,
    pub units: Vec<UnitId>,
    pub wishes: Vec<WishId>,
}

impl Scene {
    /// The people, registered on replica `replica` before [`T0`] and hour 1.
    pub fn new() -> Scene {
        Scene::on(1)
    }

    pub fn on(replica: u64) -> Scene {
        let mut r = Replica::new(replica);
        let volunteers = VOLUNTEERS
            .iter()
            .map(|(name, grid, building, skills)| {
                let profile = VolunteerProfile {
                    name: (*name).into(),
                    grid: (*grid).into(),
                    building: (*building).into(),
                    skills: skills.iter().map(|s| (*s).to_owned()).collect(),
                    ..VolunteerProfile::default()
                };
                VolunteerId(
                    r.act(Action::RegisterVolunteer {
                        profile: Box::new(profile),
                    })
                    .unwrap()
                    .id,
                )
            })
            .collect();
        let units = UNITS
            .iter()
            .map(|(name, grid)| {
                let profile = UnitProfile {
                    kind: UnitKind::DualRegistered,
                    name: (*name).into(),
                    grid: (*grid).into(),
                    ..UnitProfile::default()
                };
                UnitId(
                    r.act(Action::RegisterUnit {
                        profile: Box::new(profile),
                    })
                    .unwrap()
                    .id,
                )
            })
            .collect();
        Scene {
            r,
            volunteers,
            units,
            wishes: Vec::new(),
        }
    }

    /// A scene with `steps` done, each of which must pass.
    pub fn with(steps: &[Do]) -> Scene {
        let mut scene = Scene::new();
        scene.play(steps);
        scene
    }

    pub fn play(&mut self, steps: &[Do]) {
        for step in steps {
            self.run(*step)
                .unwrap_or_else(|e| panic!("setup step {step:?}: {e:?}"));
        }
    }

    pub fn who(&self, who: Who) -> Claimant {
        match who {
            Who::V(i) => Claimant::Volunteer(self.volunteers[i]),
            Who::U(i) => Claimant::Unit(self.units[i]),
            Who::Ghost => Claimant::Volunteer(VolunteerId(EventId::new(ReplicaId(0xdead), 1))),
        }
    }

    pub fn action(&self, act: Act) -> Action {
        let w = |i: usize| self.wishes[i];
        let edited = |base: WishPlan, edit: fn(&mut WishPlan)| {
            let mut plan = base;
            edit(&mut plan);
            plan
        };
        match act {
            Act::Policy(edit) => {
                let mut policy = self.state().wish_policy();
                edit(&mut policy);
                Action::SetWishPolicy { policy }
            }
            Act::Post(edit) => Action::PostWish {
                plan: Box::new(edited(wish_plan("修电风扇"), edit)),
                resident_of: None,
            },
            Act::PostChild(edit) => Action::PostWish {
                plan: Box::new(edited(child_plan("一个新书包"), edit)),
                resident_of: None,
            },
            Act::PostFor(i) => Action::PostWish {
                plan: Box::new(wish_plan("陪聊天")),
                resident_of: Some(w(i)),
            },
            Act::Update(i, edit) => Action::UpdateWish {
                wish: w(i),
                plan: Box::new(edited(self.state().wish(w(i)).unwrap().plan.clone(), edit)),
            },
            Act::Publish(i) => Action::PublishWish { wish: w(i) },
            Act::Reject(i, reason) => Action::RejectWish {
                wish: w(i),
                reason: reason.into(),
            },
            Act::Claim(i, who) => Action::ClaimWish {
                wish: w(i),
                claimant: self.who(who),
            },
            Act::Release(i, who) => Action::ReleaseWish {
                wish: w(i),
                claimant: self.who(who),
            },
            Act::Fulfil(i, who) => Action::FulfilWish {
                wish: w(i),
                claimant: self.who(who),
            },
            Act::Confirm(i, thanks) => Action::ConfirmWish {
                wish: w(i),
                thanks: thanks.into(),
            },
            Act::Cancel(i, reason) => Action::CancelWish {
                wish: w(i),
                reason: reason.into(),
            },
            Act::Close(i) => Action::CloseWish { wish: w(i) },
            Act::ClaimUnknown(who) => Action::ClaimWish {
                wish: WishId(EventId::new(ReplicaId(0xdead), 2)),
                claimant: self.who(who),
            },
        }
    }

    /// Does the step at its hour, or a minute after the previous step when that was
    /// at the same hour (or later), so steps at one hour keep their order.
    pub fn run(&mut self, Do(hours, act): Do) -> Result<Event, DomainError> {
        let action = self.action(act);
        let at = hour(hours).max(self.r.wall.plus_minutes(1));
        let event = self.r.act_at(at, action)?;
        if matches!(act, Act::Post(_) | Act::PostChild(_) | Act::PostFor(_)) {
            self.wishes.push(WishId(event.id));
        }
        Ok(event)
    }

    pub fn state(&self) -> &State {
        self.r.journal.state()
    }
}

impl Default for Scene {
    fn default() -> Self {
        Scene::new()
    }
}

/// The standard wish posted at hour 1 and published at hour 2.
pub const PUBLISHED: [Do; 2] = [Do(1, Act::Post(same)), Do(2, Act::Publish(0))];

/// Runs each case: a fresh scene with the setup done, then the step, whose result
/// must be as expected.
pub fn check_all(cases: Vec<(Vec<Do>, Do, Result<(), DomainError>)>) {
    for (setup, then, expected) in cases {
        let mut scene = Scene::with(&setup);
        let result = scene.run(then).map(|_| ());
        assert_eq!(result, expected, "after {setup:?}, {then:?}");
    }
}
