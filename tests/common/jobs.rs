//! The random steps' actions over the three jobs (activities, co-construction projects,
//! micro-wishes) and the points shop, shared by the property tests that play a whole
//! community (`trust_properties.rs`, `sync_convergence/`): a volunteer's own actions
//! ([`Own`], [`own_actions`]) and an organizer's work ([`Work`], done through
//! [`Organizer::work`] by whatever writes the organizer's events in that test).

use linli::domain::{
    Action, ActivityPlan, Claimant, Event, Need, NeedUnit, PerkOffer, Points, ProjectId,
    ProjectPlan, ProjectRole, State, VolunteerId, WishId, WishPlan,
};
use proptest::prelude::*;

use super::{T0, award, offer, plan, project_plan};

/// A volunteer's action, done by their phone or by the organizer on their behalf.
#[derive(Clone, Copy, Debug)]
pub enum Own {
    SignUp,
    Waitlist,
    Cancel,
    JoinRole,
    Withdraw,
    Claim,
    Release,
    Fulfil,
    Redeem,
    CancelVoucher,
}

/// An organizer's own work.
#[derive(Clone, Copy, Debug)]
pub enum Work {
    Activity,
    Project,
    Wish,
    Perk,
    Award,
    ConfirmWish,
}

pub fn own() -> impl Strategy<Value = Own> {
    prop::sample::select(vec![
        Own::SignUp,
        Own::Waitlist,
        Own::Cancel,
        Own::JoinRole,
        Own::Withdraw,
        Own::Claim,
        Own::Release,
        Own::Fulfil,
        Own::Redeem,
        Own::CancelVoucher,
    ])
}

pub fn work() -> impl Strategy<Value = Work> {
    prop::sample::select(vec![
        Work::Activity,
        Work::Project,
        Work::Wish,
        Work::Perk,
        Work::Award,
        Work::ConfirmWish,
    ])
}

/// One of `items`, chosen by `pick`; none if there are none.
pub fn choose<T: Copy>(items: &[T], pick: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[usize::from(pick) % items.len()])
}

/// A recruiting project's plan with two roles of `slots` slots, no skill needed.
pub fn project_with_room(slots: u32) -> ProjectPlan {
    ProjectPlan {
        roles: ["宣传员", "清洁员"]
            .map(|name| ProjectRole {
                name: name.into(),
                slots,
                skills: Vec::new(),
                points: None,
            })
            .into(),
        needs: vec![Need {
            name: "油漆".into(),
            quantity: 20,
            unit: NeedUnit::Custom("桶".into()),
        }],
        ..project_plan("老旧小区改造")
    }
}

/// `volunteer`'s own actions of kind `what`, one for each thing in `state` it could be
/// done on, starting at `pick`: the app offers only those the rules allow, so the
/// first allowed one is done.
pub fn own_actions(state: &State, volunteer: VolunteerId, what: Own, pick: u8) -> Vec<Action> {
    let v = volunteer;
    let me = Claimant::Volunteer(v);
    let role = if pick.is_multiple_of(2) {
        "宣传员"
    } else {
        "清洁员"
    };
    let mut actions: Vec<Action> = match what {
        Own::SignUp | Own::Waitlist | Own::Cancel => state
            .activities()
            .map(|a| {
                let activity = a.id;
                match what {
                    Own::SignUp => Action::SignUp {
                        activity,
                        volunteer: v,
                    },
                    Own::Waitlist => Action::JoinWaitlist {
                        activity,
                        volunteer: v,
                    },
                    _ => Action::CancelSignup {
                        activity,
                        volunteer: v,
                    },
                }
            })
            .collect(),
        Own::JoinRole | Own::Withdraw => state
            .projects()
            .map(|p| {
                let (project, role) = (p.id, role.into());
                match what {
                    Own::JoinRole => Action::JoinRole {
                        project,
                        role,
                        who: me,
                    },
                    _ => Action::WithdrawFromRole {
                        project,
                        role,
                        who: me,
                    },
                }
            })
            .collect(),
        Own::Claim | Own::Release | Own::Fulfil => state
            .wishes()
            .map(|w| {
                let wish = w.id;
                match what {
                    Own::Claim => Action::ClaimWish { wish, claimant: me },
                    Own::Release => Action::ReleaseWish { wish, claimant: me },
                    _ => Action::FulfilWish { wish, claimant: me },
                }
            })
            .collect(),
        Own::Redeem => state
            .perks()
            .map(|p| Action::Redeem {
                perk: p.id,
                volunteer: v,
            })
            .collect(),
        Own::CancelVoucher => state
            .vouchers_of(v)
            .map(|x| Action::CancelVoucher { voucher: x.id })
            .collect(),
    };
    if !actions.is_empty() {
        let start = usize::from(pick) % actions.len();
        actions.rotate_left(start);
    }
    actions
}

/// A played community whose organizer works: how its events are written, and what the
/// organizer's device knows.
pub trait Organizer {
    /// The organizer's device writes `action` if it may now: the event.
    fn organizer_does(&mut self, action: Action) -> Option<Event>;

    /// The state as the organizer's device knows it.
    fn organizer_knows(&self) -> &State;

    /// The community's volunteers.
    fn volunteers(&self) -> &[VolunteerId];

    /// Activities created so far, counted up by one: the next activity's day, from the
    /// standard test activity's (each on its own day, so sign-ups never collide).
    fn next_activity_day(&mut self) -> u64;

    /// Does `work`, chosen by `pick`, if the organizer's device may: the last event.
    fn work(&mut self, work: Work, pick: u8) -> Option<Event> {
        let action = match work {
            Work::Activity => {
                // Each activity on its own day, a few days ahead.
                let first = plan("敬老院探访");
                let days = self.next_activity_day();
                Action::CreateActivity {
                    plan: Box::new(ActivityPlan {
                        capacity: 1 + u32::from(pick % 3),
                        start: first.start.plus_days(days),
                        end: first.end.plus_days(days),
                        signup_closes: first.signup_closes.plus_days(days),
                        cancel_deadline: first.cancel_deadline.plus_days(days),
                        ..first
                    }),
                }
            }
            Work::Project => {
                let event = self.organizer_does(Action::CreateProject {
                    plan: Box::new(project_with_room(1 + u32::from(pick % 2))),
                })?;
                let project = ProjectId(event.id);
                return self.organizer_does(Action::PublishProject { project });
            }
            Work::Wish => {
                let event = self.organizer_does(Action::PostWish {
                    plan: Box::new(WishPlan {
                        alias: "独居老人 王奶奶".into(),
                        title: "修电风扇".into(),
                        value_yuan: 50,
                        wanted_by: T0.plus_days(10),
                        ..WishPlan::default()
                    }),
                    resident_of: None,
                })?;
                let wish = WishId(event.id);
                return self.organizer_does(Action::PublishWish { wish });
            }
            Work::Perk => Action::CreatePerk {
                offer: Box::new(PerkOffer {
                    cost: Points::whole(1 + i64::from(pick % 10)),
                    stock: 1 + u32::from(pick % 3),
                    valid_from: T0,
                    valid_until: T0.plus_days(30),
                    ..offer("理发券")
                }),
            },
            Work::Award => award(
                choose(self.volunteers(), pick)?,
                1 + i64::from(pick % 7),
                "巡逻",
            ),
            Work::ConfirmWish => {
                let wishes: Vec<_> = self.organizer_knows().wishes().map(|w| w.id).collect();
                Action::ConfirmWish {
                    wish: choose(&wishes, pick)?,
                    thanks: "谢谢".into(),
                }
            }
        };
        self.organizer_does(action)
    }

    /// Something of each job to act on from the first step: two activities, a project,
    /// two wishes and a perk.
    fn set_up(&mut self) {
        for (work, pick) in [
            (Work::Activity, 1),
            (Work::Activity, 2),
            (Work::Project, 1),
            (Work::Wish, 0),
            (Work::Wish, 0),
            (Work::Perk, 3),
        ] {
            self.work(work, pick).unwrap();
        }
    }
}
