//! Property tests of the data core's invariants, over random action sequences played by
//! three replicas that sync now and then, as tabs and devices do.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::Replica;
use common::arrival::{all_events, any_order_folds_alike, deliver};
use linli::domain::{Account, Action, EntryId, Journal, Points, ReplicaId, VolunteerId};
use linli::store::codec::{SegmentKey, decode_segment, encode_segment};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Step {
    Register(u8),
    Award { replica: u8, who: u8, points: u16 },
    Deduct { replica: u8, who: u8, points: u16 },
    Reverse { replica: u8, which: u8 },
    Sync { from: u8, to: u8 },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3u8).prop_map(Step::Register),
        (0..3u8, any::<u8>(), 1..2_000u16).prop_map(|(replica, who, points)| Step::Award {
            replica,
            who,
            points
        }),
        (0..3u8, any::<u8>(), 1..2_000u16).prop_map(|(replica, who, points)| Step::Deduct {
            replica,
            who,
            points
        }),
        (0..3u8, any::<u8>()).prop_map(|(replica, which)| Step::Reverse { replica, which }),
        (0..3u8, 0..3u8).prop_map(|(from, to)| Step::Sync { from, to }),
    ]
}

/// Plays the steps; actions a replica's own view refuses are skipped, as the app would.
fn play(steps: &[Step]) -> Vec<Replica> {
    let mut replicas: Vec<Replica> = (1..=3).map(Replica::new).collect();
    for (n, step) in steps.iter().enumerate() {
        let pick = |r: &Replica, who: u8| -> Option<VolunteerId> {
            let all: Vec<_> = r.journal.state().volunteers().map(|v| v.id).collect();
            (!all.is_empty()).then(|| all[usize::from(who) % all.len()])
        };
        match *step {
            Step::Register(r) => {
                let name = format!("志愿者{n}");
                replicas[usize::from(r)].register(&name);
            }
            Step::Award {
                replica,
                who,
                points,
            } => {
                let r = &mut replicas[usize::from(replica)];
                if let Some(v) = pick(r, who) {
                    let _ = r.act(Action::AwardPoints {
                        volunteer: v,
                        points: Points(i64::from(points)),
                        reason: "服务".into(),
                    });
                }
            }
            Step::Deduct {
                replica,
                who,
                points,
            } => {
                let r = &mut replicas[usize::from(replica)];
                if let Some(v) = pick(r, who) {
                    let _ = r.act(Action::DeductPoints {
                        volunteer: v,
                        points: Points(i64::from(points)),
                        reason: "兑换".into(),
                    });
                }
            }
            Step::Reverse { replica, which } => {
                let r = &mut replicas[usize::from(replica)];
                let entries: Vec<EntryId> = r
                    .journal
                    .state()
                    .ledger()
                    .entries()
                    .iter()
                    .map(|e| e.id)
                    .collect();
                if !entries.is_empty() {
                    let entry = entries[usize::from(which) % entries.len()];
                    let _ = r.act(Action::ReverseEntry {
                        entry,
                        reason: "更正".into(),
                    });
                }
            }
            Step::Sync { from, to } => deliver(&mut replicas, from, to),
        }
    }
    replicas
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_fold_does_not_depend_on_arrival_order(
        steps in prop::collection::vec(step(), 1..60),
        seed in any::<u64>(),
    ) {
        // The same events shuffled, in small batches, as tabs and imports would deliver
        // them; every replica that then syncs with all the others agrees too.
        any_order_folds_alike(play(&steps), seed, 3)?;
    }

    #[test]
    fn merging_twice_changes_nothing(steps in prop::collection::vec(step(), 1..60)) {
        let replicas = play(&steps);
        let events = all_events(&replicas);
        let mut journal = Journal::default();
        journal.merge(events.clone());
        let before = journal.state().clone();
        let again = journal.merge(events.clone());
        prop_assert_eq!(again.added, 0);
        prop_assert_eq!(again.known, events.len());
        prop_assert_eq!(journal.state(), &before);
    }

    #[test]
    fn balances_equal_the_sum_of_their_entries(steps in prop::collection::vec(step(), 1..80)) {
        let replicas = play(&steps);
        let mut journal = Journal::default();
        journal.merge(all_events(&replicas));
        let state = journal.state();
        let ledger = state.ledger();
        let mut total = 0;
        for account in state.volunteers().map(|v| Account::Volunteer(v.id)).chain([Account::Pool]) {
            let sum: i64 = ledger.entries().iter().map(|e| e.effect_on(account).0).sum();
            prop_assert_eq!(ledger.balance(account), Points(sum));
            let statement = ledger.statement(account);
            let last = statement.last().map_or(Points::ZERO, |l| l.balance);
            prop_assert_eq!(last, Points(sum));
            total += sum;
        }
        prop_assert_eq!(total, 0, "double entry: all balances sum to zero");
        // An entry is reversed at most once.
        let mut reversed = std::collections::HashSet::new();
        for entry in ledger.entries() {
            if let linli::domain::EntryKind::Reversal { of } = entry.kind {
                prop_assert!(reversed.insert(of));
            }
        }
    }

    #[test]
    fn segments_round_trip(steps in prop::collection::vec(step(), 1..40), writer in any::<u64>()) {
        let replicas = play(&steps);
        let events = all_events(&replicas);
        let replica = ReplicaId(writer);
        let text = encode_segment(replica, &events).unwrap();
        let decoded = decode_segment(SegmentKey { replica, index: 0 }, &text).unwrap();
        prop_assert!(decoded.errors.is_empty());
        prop_assert_eq!(decoded.events, events);
    }

    #[test]
    fn decoding_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = decode_segment(SegmentKey { replica: ReplicaId(1), index: 0 }, &text);
    }

    /// Compact text from the packing's own range, so the decoder gets past the
    /// characters and meets random tables, counts, indexes and rows.
    #[test]
    fn decoding_arbitrary_compact_text_never_panics(
        body in prop::collection::vec(0x20u32..0x8020, 0..300),
    ) {
        let text: String = "2:".chars().chain(body.into_iter().filter_map(char::from_u32)).collect();
        let _ = decode_segment(SegmentKey { replica: ReplicaId(1), index: 0 }, &text);
    }

    /// A real segment with characters changed: never a panic, and the damage is always
    /// reported. (The last character is left alone: some of its bits are padding.)
    #[test]
    fn a_damaged_compact_segment_reports_the_damage(
        steps in prop::collection::vec(step(), 5..40),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0x20u32..0x8020), 1..4),
    ) {
        let replicas = play(&steps);
        let events = all_events(&replicas);
        prop_assume!(!events.is_empty());
        let replica = ReplicaId(1);
        let text = encode_segment(replica, &events).unwrap();
        let mut chars: Vec<char> = text.chars().collect();
        let mut changed = false;
        for (at, c) in edits {
            let at = 2 + at.index(chars.len() - 3);
            let c = char::from_u32(c).unwrap();
            changed |= chars[at] != c;
            chars[at] = c;
        }
        prop_assume!(changed);
        let damaged: String = chars.into_iter().collect();
        // Err: the segment is unreadable as a whole, which is reported too.
        if let Ok(decoded) = decode_segment(SegmentKey { replica, index: 0 }, &damaged) {
            prop_assert!(!decoded.errors.is_empty(), "damage went unreported");
        }
    }
}
