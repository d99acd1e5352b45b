//! Property tests of activities over random sign-ups, waitlist joins, cancellations,
//! check-ins and capacity changes, played by three replicas that sync now and then:
//! capacity is never exceeded, nobody waits while a seat is free, no sign-up is dropped,
//! and the fold does not depend on the order events arrive in.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use common::arrival::{all_events, any_order_folds_alike, deliver};
use common::{Replica, at, plan};
use linli::domain::{Action, ActivityId, Event, Journal, ReplicaId, State, VolunteerId};
use linli::store::codec::{SegmentKey, decode_segment, encode_segment};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Step {
    SignUp {
        replica: u8,
        who: u8,
        which: u8,
    },
    Waitlist {
        replica: u8,
        who: u8,
        which: u8,
    },
    Cancel {
        replica: u8,
        who: u8,
        which: u8,
    },
    CheckIn {
        replica: u8,
        who: u8,
        which: u8,
    },
    Capacity {
        replica: u8,
        which: u8,
        capacity: u32,
    },
    Sync {
        from: u8,
        to: u8,
    },
}

fn step() -> impl Strategy<Value = Step> {
    let person = || (0..3u8, 0..6u8, 0..2u8);
    prop_oneof![
        4 => person().prop_map(|(replica, who, which)| Step::SignUp { replica, who, which }),
        2 => person().prop_map(|(replica, who, which)| Step::Waitlist { replica, who, which }),
        3 => person().prop_map(|(replica, who, which)| Step::Cancel { replica, who, which }),
        1 => person().prop_map(|(replica, who, which)| Step::CheckIn { replica, who, which }),
        1 => (0..3u8, 0..2u8, 1..5u32)
            .prop_map(|(replica, which, capacity)| Step::Capacity { replica, which, capacity }),
        3 => (0..3u8, 0..3u8).prop_map(|(from, to)| Step::Sync { from, to }),
    ]
}

/// The scene every run starts from: six volunteers and two activities, the second
/// overlapping the first in time or not, known to all three replicas.
struct World {
    replicas: Vec<Replica>,
    volunteers: Vec<VolunteerId>,
    activities: [ActivityId; 2],
}

fn world(capacity: u32, overlapping: bool) -> World {
    let mut first = Replica::new(1);
    let volunteers = (0..6)
        .map(|i| first.register(&format!("志愿者{i}")))
        .collect();
    let mut a = plan("敬老院探访");
    a.capacity = capacity;
    let b = plan("垃圾分类宣传").copied_to_start(if overlapping { at(60) } else { at(240) });
    let activities = [first.create(a), first.create(b)];
    let mut replicas = vec![first, Replica::new(2), Replica::new(3)];
    let events: Vec<Event> = replicas[0].journal.events().cloned().collect();
    for r in &mut replicas[1..] {
        r.journal.merge(events.iter().cloned());
    }
    World {
        replicas,
        volunteers,
        activities,
    }
}

/// Plays the steps; actions a replica's own view refuses are skipped, as the app would.
fn play(capacity: u32, overlapping: bool, steps: &[Step]) -> World {
    let mut w = world(capacity, overlapping);
    for step in steps {
        let person = |who: u8, which: u8| {
            (
                w.activities[usize::from(which)],
                w.volunteers[usize::from(who)],
            )
        };
        let (replica, action) = match *step {
            Step::SignUp {
                replica,
                who,
                which,
            } => {
                let (activity, volunteer) = person(who, which);
                (
                    replica,
                    Action::SignUp {
                        activity,
                        volunteer,
                    },
                )
            }
            Step::Waitlist {
                replica,
                who,
                which,
            } => {
                let (activity, volunteer) = person(who, which);
                (
                    replica,
                    Action::JoinWaitlist {
                        activity,
                        volunteer,
                    },
                )
            }
            Step::Cancel {
                replica,
                who,
                which,
            } => {
                let (activity, volunteer) = person(who, which);
                (
                    replica,
                    Action::CancelSignup {
                        activity,
                        volunteer,
                    },
                )
            }
            Step::CheckIn {
                replica,
                who,
                which,
            } => {
                let (activity, volunteer) = person(who, which);
                (
                    replica,
                    Action::CheckIn {
                        activity,
                        volunteer,
                    },
                )
            }
            Step::Capacity {
                replica,
                which,
                capacity,
            } => {
                let activity = w.activities[usize::from(which)];
                let r = &w.replicas[usize::from(replica)];
                let mut plan = r.journal.state().activity(activity).unwrap().plan.clone();
                plan.capacity = capacity;
                (
                    replica,
                    Action::UpdateActivity {
                        activity,
                        plan: Box::new(plan),
                    },
                )
            }
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
fn assert_invariants(state: &State, volunteers: &[VolunteerId]) -> Result<(), TestCaseError> {
    for activity in state.activities() {
        let counts = activity.counts();
        prop_assert!(
            counts.seated <= activity.plan.capacity,
            "capacity exceeded: {counts:?}"
        );
        prop_assert!(
            counts.waitlisted == 0 || counts.free == 0,
            "someone waits while a seat is free: {counts:?}"
        );
        // The fold keeps a count of seats and an index of active sign-ups: both must
        // agree with the sign-ups themselves.
        let seated = activity.signups().iter().filter(|s| s.is_seated()).count();
        prop_assert_eq!(activity.seats_taken() as usize, seated);
        prop_assert_eq!(counts.seated as usize, seated);
        for v in volunteers {
            let active: Vec<_> = activity
                .signups()
                .iter()
                .filter(|s| s.volunteer == *v && s.is_active())
                .collect();
            prop_assert!(active.len() <= 1, "two active sign-ups of one volunteer");
            prop_assert_eq!(activity.signup_of(*v), active.first().copied());
        }
    }
    // Nobody holds places at two activities that overlap in time.
    for v in volunteers {
        let held: Vec<_> = state.signups_of(*v).map(|(a, _)| a).collect();
        for (i, a) in held.iter().enumerate() {
            for b in &held[i + 1..] {
                prop_assert!(!a.overlaps(&b.plan), "overlapping places held");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn capacity_holds_on_every_replica_and_after_any_merge(
        capacity in 1..4u32,
        overlapping in any::<bool>(),
        steps in prop::collection::vec(step(), 1..80),
    ) {
        let w = play(capacity, overlapping, &steps);
        for r in &w.replicas {
            assert_invariants(r.journal.state(), &w.volunteers)?;
        }
        let mut union = Journal::default();
        union.merge(all_events(&w.replicas));
        assert_invariants(union.state(), &w.volunteers)?;
    }

    #[test]
    fn the_activity_fold_does_not_depend_on_arrival_order(
        capacity in 1..4u32,
        overlapping in any::<bool>(),
        steps in prop::collection::vec(step(), 1..80),
        seed in any::<u64>(),
    ) {
        let w = play(capacity, overlapping, &steps);
        any_order_folds_alike(w.replicas, seed, 4)?;
    }

    #[test]
    fn no_sign_up_is_silently_dropped(
        capacity in 1..4u32,
        overlapping in any::<bool>(),
        steps in prop::collection::vec(step(), 1..80),
    ) {
        let w = play(capacity, overlapping, &steps);
        let mut union = Journal::default();
        union.merge(all_events(&w.replicas));
        let state = union.state();
        let asked: BTreeSet<_> = union
            .events()
            .filter(|e| matches!(e.action, Action::SignUp { .. } | Action::JoinWaitlist { .. }))
            .map(|e| e.id)
            .collect();
        let placed: BTreeSet<_> = state
            .activities()
            .flat_map(|a| a.signups().iter().map(|s| s.id))
            .collect();
        let rejected: BTreeSet<_> = state.rejected().iter().map(|r| r.event).collect();
        for id in &asked {
            prop_assert!(
                placed.contains(id) != rejected.contains(id),
                "sign-up {} is either placed (seat or waitlist) or listed as rejected", id
            );
        }
    }

    #[test]
    fn activity_events_round_trip_through_segments(
        capacity in 1..4u32,
        steps in prop::collection::vec(step(), 1..40),
        writer in any::<u64>(),
    ) {
        let w = play(capacity, false, &steps);
        let events = all_events(&w.replicas);
        let replica = ReplicaId(writer);
        let text = encode_segment(replica, &events).unwrap();
        let decoded = decode_segment(SegmentKey { replica, index: 0 }, &text).unwrap();
        prop_assert!(decoded.errors.is_empty());
        prop_assert_eq!(decoded.events, events);
    }
}
