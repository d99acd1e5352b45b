//! Property tests of projects over random joins, waitlist joins, approvals, declines,
//! assignments, withdrawals, removals, slot changes and pledges, played by three
//! replicas that sync now and then, in open and approval projects: no role ever holds
//! more than its slots, nobody waits while a slot is free, nobody holds two places
//! where one is allowed, no join is silently dropped, the fold does not depend on the
//! order events arrive in, and completion credits each participant once with the
//! ledger still balanced.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use common::arrival::{all_events, any_order_folds_alike, deliver};
use common::{Replica, project_plan};
use linli::domain::{
    Account, Action, Event, JoinMode, Journal, Participant, Points, ProjectId, ProjectStatus,
    ReplicaId, State, UnitId, UnitKind,
};
use linli::store::codec::{SegmentKey, decode_segment, encode_segment};
use proptest::prelude::*;

const ROLES: [&str; 2] = ["电工", "宣传员"];
const NEEDS: [&str; 2] = ["资金", "油漆"];

#[derive(Clone, Debug)]
enum Step {
    Join {
        replica: u8,
        who: u8,
        role: u8,
    },
    Wait {
        replica: u8,
        who: u8,
        role: u8,
    },
    Assign {
        replica: u8,
        who: u8,
        role: u8,
    },
    Approve {
        replica: u8,
        who: u8,
        role: u8,
    },
    Decline {
        replica: u8,
        who: u8,
        role: u8,
    },
    Withdraw {
        replica: u8,
        who: u8,
        role: u8,
    },
    Remove {
        replica: u8,
        who: u8,
        role: u8,
    },
    Slots {
        replica: u8,
        role: u8,
        slots: u32,
    },
    Pledge {
        replica: u8,
        unit: u8,
        need: u8,
        quantity: u64,
    },
    Unpledge {
        replica: u8,
        unit: u8,
        need: u8,
    },
    Sync {
        from: u8,
        to: u8,
    },
}

/// `who` below 5 is a volunteer, from 5 a unit.
const PEOPLE: u8 = 8;

fn step() -> impl Strategy<Value = Step> {
    let place = || (0..3u8, 0..PEOPLE, 0..2u8);
    prop_oneof![
        4 => place().prop_map(|(replica, who, role)| Step::Join { replica, who, role }),
        2 => place().prop_map(|(replica, who, role)| Step::Wait { replica, who, role }),
        1 => place().prop_map(|(replica, who, role)| Step::Assign { replica, who, role }),
        2 => place().prop_map(|(replica, who, role)| Step::Approve { replica, who, role }),
        1 => place().prop_map(|(replica, who, role)| Step::Decline { replica, who, role }),
        3 => place().prop_map(|(replica, who, role)| Step::Withdraw { replica, who, role }),
        1 => place().prop_map(|(replica, who, role)| Step::Remove { replica, who, role }),
        1 => (0..3u8, 0..2u8, 1..5u32)
            .prop_map(|(replica, role, slots)| Step::Slots { replica, role, slots }),
        2 => (0..3u8, 0..3u8, 0..2u8, 1..25u64).prop_map(|(replica, unit, need, quantity)| {
            Step::Pledge { replica, unit, need, quantity }
        }),
        1 => (0..3u8, 0..3u8, 0..2u8)
            .prop_map(|(replica, unit, need)| Step::Unpledge { replica, unit, need }),
        3 => (0..3u8, 0..3u8).prop_map(|(from, to)| Step::Sync { from, to }),
    ]
}

/// Five volunteers (all with the 电工 skill but the last) and three units, one
/// published project known to all three replicas.
struct World {
    replicas: Vec<Replica>,
    people: Vec<Participant>,
    units: Vec<UnitId>,
    project: ProjectId,
}

fn world(approval: bool, slots: u32) -> World {
    let mut first = Replica::new(1);
    let mut people: Vec<Participant> = (0..5)
        .map(|i| {
            let skills: &[&str] = if i < 4 { &["电工"] } else { &[] };
            Participant::Volunteer(first.register_skilled(&format!("志愿者{i}"), skills))
        })
        .collect::<Vec<_>>();
    let units: Vec<UnitId> = (0..3)
        .map(|i| first.register_unit(&format!("单位{i}"), UnitKind::CoBuilding))
        .collect();
    people.extend(units.iter().map(|u| Participant::Unit(*u)));
    let mut plan = project_plan("老旧小区改造");
    plan.join = if approval {
        JoinMode::Approval
    } else {
        JoinMode::Open
    };
    plan.roles[0].slots = slots;
    plan.needs[0].quantity = 30;
    let project = first.create_project(plan);
    first.act(Action::PublishProject { project }).unwrap();
    let mut replicas = vec![first, Replica::new(2), Replica::new(3)];
    let events: Vec<Event> = replicas[0].journal.events().cloned().collect();
    for r in &mut replicas[1..] {
        r.journal.merge(events.iter().cloned());
    }
    World {
        replicas,
        people,
        units,
        project,
    }
}

/// Plays the steps; actions a replica's own view refuses are skipped, as the app would.
fn play(approval: bool, slots: u32, steps: &[Step]) -> World {
    let mut w = world(approval, slots);
    let project = w.project;
    for step in steps {
        let role = |r: u8| ROLES[usize::from(r)].to_owned();
        let who = |i: u8| w.people[usize::from(i)];
        let (replica, action) = match *step {
            Step::Join {
                replica,
                who: i,
                role: r,
            } => (
                replica,
                Action::JoinRole {
                    project,
                    role: role(r),
                    who: who(i),
                },
            ),
            Step::Wait {
                replica,
                who: i,
                role: r,
            } => (
                replica,
                Action::JoinRoleWaitlist {
                    project,
                    role: role(r),
                    who: who(i),
                },
            ),
            Step::Assign {
                replica,
                who: i,
                role: r,
            } => (
                replica,
                Action::AssignToRole {
                    project,
                    role: role(r),
                    who: who(i),
                },
            ),
            Step::Approve {
                replica,
                who: i,
                role: r,
            } => (
                replica,
                Action::ApproveJoin {
                    project,
                    role: role(r),
                    who: who(i),
                },
            ),
            Step::Decline {
                replica,
                who: i,
                role: r,
            } => (
                replica,
                Action::DeclineJoin {
                    project,
                    role: role(r),
                    who: who(i),
                    reason: String::new(),
                },
            ),
            Step::Withdraw {
                replica,
                who: i,
                role: r,
            } => (
                replica,
                Action::WithdrawFromRole {
                    project,
                    role: role(r),
                    who: who(i),
                },
            ),
            Step::Remove {
                replica,
                who: i,
                role: r,
            } => (
                replica,
                Action::RemoveFromRole {
                    project,
                    role: role(r),
                    who: who(i),
                    reason: "调整".into(),
                },
            ),
            Step::Slots {
                replica,
                role: r,
                slots,
            } => {
                let state = w.replicas[usize::from(replica)].journal.state();
                let mut plan = state.project(project).unwrap().plan.clone();
                plan.roles[usize::from(r)].slots = slots;
                (
                    replica,
                    Action::UpdateProject {
                        project,
                        plan: Box::new(plan),
                    },
                )
            }
            Step::Pledge {
                replica,
                unit,
                need,
                quantity,
            } => (
                replica,
                Action::PledgeToNeed {
                    project,
                    need: NEEDS[usize::from(need)].into(),
                    unit: w.units[usize::from(unit)],
                    quantity,
                },
            ),
            Step::Unpledge {
                replica,
                unit,
                need,
            } => (
                replica,
                Action::WithdrawPledge {
                    project,
                    need: NEEDS[usize::from(need)].into(),
                    unit: w.units[usize::from(unit)],
                },
            ),
            Step::Sync { from, to } => {
                deliver(&mut w.replicas, from, to);
                continue;
            }
        };
        let _ = w.replicas[usize::from(replica)].act(action);
    }
    w
}

/// The invariants every state must keep, whatever it was merged from.
fn assert_invariants(
    state: &State,
    project: ProjectId,
    people: &[Participant],
) -> Result<(), TestCaseError> {
    let p = state.project(project).unwrap();
    for role in &p.plan.roles {
        let seated = p.filled(&role.name);
        let waiting = p.waitlist(&role.name).count();
        prop_assert!(seated <= role.slots, "{} exceeds its slots", role.name);
        prop_assert!(
            waiting == 0 || seated == role.slots,
            "someone waits for {} while a slot is free",
            role.name
        );
    }
    if p.plan.join == JoinMode::Open {
        prop_assert_eq!(p.pending().count(), 0, "no requests in an open project");
    }
    for who in people {
        let active: Vec<_> = p.signups_of(*who).collect();
        match who {
            Participant::Volunteer(_) => {
                prop_assert!(active.len() <= 1, "a volunteer holds two roles")
            }
            Participant::Unit(unit) => {
                for role in ROLES {
                    prop_assert!(
                        active.iter().filter(|s| s.role == role).count() <= 1,
                        "a unit holds two places in one role"
                    );
                }
                for need in NEEDS {
                    let pledges = p
                        .pledges()
                        .iter()
                        .filter(|x| x.unit == *unit && x.need == need && x.is_active())
                        .count();
                    prop_assert!(pledges <= 1, "a unit has two pledges to one need");
                }
            }
        }
    }
    // The volunteer without the skill never holds an 电工 place.
    let unskilled = people[4];
    prop_assert!(p.signup_of(unskilled, "电工").is_none());
    Ok(())
}

/// Completes the merged project and confirms everyone taking part, as one replica.
fn complete_and_confirm(events: Vec<Event>, project: ProjectId) -> Journal {
    let mut r = Replica::new(9);
    r.journal.merge(events);
    r.act(Action::StartProject { project }).unwrap();
    r.act(Action::CompleteProject { project }).unwrap();
    let state = r.journal.state();
    let participants: Vec<Participant> = state
        .project(project)
        .unwrap()
        .participants()
        .iter()
        .map(|p| p.who)
        .collect();
    if !participants.is_empty() {
        r.act(Action::ConfirmParticipation {
            project,
            participants,
        })
        .unwrap();
    }
    r.journal
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn slots_hold_on_every_replica_and_after_any_merge(
        approval in any::<bool>(),
        slots in 1..4u32,
        steps in prop::collection::vec(step(), 1..80),
    ) {
        let w = play(approval, slots, &steps);
        for r in &w.replicas {
            assert_invariants(r.journal.state(), w.project, &w.people)?;
        }
        let mut union = Journal::default();
        union.merge(all_events(&w.replicas));
        assert_invariants(union.state(), w.project, &w.people)?;
    }

    #[test]
    fn the_project_fold_does_not_depend_on_arrival_order(
        approval in any::<bool>(),
        slots in 1..4u32,
        steps in prop::collection::vec(step(), 1..80),
        seed in any::<u64>(),
    ) {
        let w = play(approval, slots, &steps);
        any_order_folds_alike(w.replicas, seed, 4)?;
    }

    #[test]
    fn no_join_or_pledge_is_silently_dropped(
        approval in any::<bool>(),
        slots in 1..4u32,
        steps in prop::collection::vec(step(), 1..80),
    ) {
        let w = play(approval, slots, &steps);
        let mut union = Journal::default();
        union.merge(all_events(&w.replicas));
        let state = union.state();
        let asked: BTreeSet<_> = union
            .events()
            .filter(|e| matches!(
                e.action,
                Action::JoinRole { .. }
                    | Action::JoinRoleWaitlist { .. }
                    | Action::AssignToRole { .. }
                    | Action::PledgeToNeed { .. }
            ))
            .map(|e| e.id)
            .collect();
        let project = state.project(w.project).unwrap();
        let placed: BTreeSet<_> = project
            .signups()
            .iter()
            .map(|s| s.id)
            .chain(project.pledges().iter().map(|p| p.id))
            .collect();
        let rejected: BTreeSet<_> = state.rejected().iter().map(|r| r.event).collect();
        for id in &asked {
            prop_assert!(
                placed.contains(id) != rejected.contains(id),
                "{} is either placed or listed as rejected", id
            );
        }
    }

    #[test]
    fn completion_credits_each_participant_once_and_the_ledger_balances(
        approval in any::<bool>(),
        slots in 1..4u32,
        steps in prop::collection::vec(step(), 1..60),
    ) {
        let w = play(approval, slots, &steps);
        let journal = complete_and_confirm(all_events(&w.replicas), w.project);
        let state = journal.state();
        let project = state.project(w.project).unwrap();
        prop_assert_eq!(project.status, ProjectStatus::Completed);
        let mut total = 0i64;
        for who in &w.people {
            let credited = match who {
                Participant::Volunteer(v) => state.balance(*v),
                Participant::Unit(u) => state.unit_balance(*u),
            };
            let expected = if project.takes_part(*who) {
                prop_assert!(project.confirmation(*who).is_some());
                match who {
                    Participant::Volunteer(_) => {
                        let role = &project.signups_of(*who).next().unwrap().role;
                        project.plan.volunteer_points(role)
                    }
                    Participant::Unit(_) => project.plan.rule.unit_points,
                }
            } else {
                prop_assert!(project.confirmation(*who).is_none());
                Points::ZERO
            };
            prop_assert_eq!(credited, expected);
            total += credited.0;
        }
        prop_assert_eq!(state.ledger().balance(Account::Pool), Points(-total));
        let ids: BTreeSet<_> = state.ledger().entries().iter().map(|e| e.id).collect();
        prop_assert_eq!(ids.len(), state.ledger().entries().len(), "credit names are distinct");
        // Confirming anyone again is refused.
        let mut again = journal.clone();
        if let Some(who) = project.confirmations().keys().next() {
            let refused = again.prepare(
                ReplicaId(9),
                99,
                linli::domain::Timestamp(u64::MAX / 2),
                Action::ConfirmParticipation { project: w.project, participants: vec![*who] },
            );
            prop_assert!(refused.is_err());
        }
    }

    #[test]
    fn project_events_round_trip_through_segments(
        approval in any::<bool>(),
        steps in prop::collection::vec(step(), 1..40),
        writer in any::<u64>(),
    ) {
        let w = play(approval, 2, &steps);
        let events = all_events(&w.replicas);
        let replica = ReplicaId(writer);
        let text = encode_segment(replica, &events).unwrap();
        let decoded = decode_segment(SegmentKey { replica, index: 0 }, &text).unwrap();
        prop_assert!(decoded.errors.is_empty());
        prop_assert_eq!(decoded.events, events);
    }
}
