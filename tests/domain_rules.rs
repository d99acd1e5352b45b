//! Every rule of the points core, one data-driven table per rule family.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Replica, award, id, profile};
use linli::domain::{
    Account, Action, DomainError, EntryId, EntryKind, Event, Field, Journal, Points, Timestamp,
    VolunteerId, VolunteerProfile,
};

/// Runs `setup` on a fresh replica that has 王小明 with 10 points (award entry returned),
/// then checks that `action` gives `expected`.
fn check(action: impl Fn(VolunteerId, EntryId) -> Action, expected: Result<(), DomainError>) {
    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    let entry = EntryId(r.act(award(wang, 10, "扫雪")).unwrap().id);
    let result = r.act(action(wang, entry)).map(|_| ());
    assert_eq!(result, expected);
}

/// An action made from the test volunteer and their first entry.
type ActionFor = Box<dyn Fn(VolunteerId, EntryId) -> Action>;

#[test]
fn manual_awards_and_deductions() {
    let stranger = VolunteerId(id(99, 1));
    let cases: Vec<(ActionFor, Result<(), DomainError>)> = vec![
        (Box::new(|v, _| award(v, 5, "助老")), Ok(())),
        (
            Box::new(move |_, _| award(stranger, 5, "助老")),
            Err(DomainError::UnknownVolunteer(stranger)),
        ),
        (
            Box::new(|v, _| award(v, 0, "助老")),
            Err(DomainError::PointsOutOfRange {
                max: Points::MANUAL_MAX,
            }),
        ),
        (
            Box::new(|v, _| award(v, 10_001, "助老")),
            Err(DomainError::PointsOutOfRange {
                max: Points::MANUAL_MAX,
            }),
        ),
        (
            Box::new(|v, _| award(v, 5, "  ")),
            Err(DomainError::Required(Field::Reason)),
        ),
        (
            Box::new(|v, _| award(v, 5, &"长".repeat(201))),
            Err(DomainError::TooLong {
                field: Field::Reason,
                max: 200,
            }),
        ),
        (Box::new(|v, _| deduct(v, 10)), Ok(())),
        (
            Box::new(|v, _| deduct(v, 11)),
            Err(DomainError::InsufficientPoints {
                balance: Points::whole(10),
                needed: Points::whole(11),
            }),
        ),
    ];
    for (action, expected) in cases {
        check(action, expected);
    }
}

fn deduct(volunteer: VolunteerId, points: i64) -> Action {
    Action::DeductPoints {
        volunteer,
        points: Points::whole(points),
        reason: "兑换错误".into(),
    }
}

fn reverse(entry: EntryId) -> Action {
    Action::ReverseEntry {
        entry,
        reason: "录错了".into(),
    }
}

#[test]
fn reversals() {
    check(|_, e| reverse(e), Ok(()));
    let unknown = EntryId(id(5, 5));
    check(
        move |_, _| reverse(unknown),
        Err(DomainError::UnknownEntry(unknown)),
    );
    check(
        |_, e| Action::ReverseEntry {
            entry: e,
            reason: String::new(),
        },
        Err(DomainError::Required(Field::Reason)),
    );

    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    let entry = EntryId(r.act(award(wang, 10, "扫雪")).unwrap().id);
    let reversal = EntryId(r.act(reverse(entry)).unwrap().id);
    assert_eq!(
        r.act(reverse(entry)),
        Err(DomainError::AlreadyReversed(entry))
    );
    assert_eq!(
        r.act(reverse(reversal)),
        Err(DomainError::CannotReverseReversal)
    );
}

#[test]
fn a_reversal_cancels_the_entry_and_both_stay_on_the_statement() {
    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    r.act(award(wang, 3, "站岗")).unwrap();
    let wrong = EntryId(r.act(award(wang, 50, "录入错误")).unwrap().id);
    let reversal = EntryId(r.act(reverse(wrong)).unwrap().id);
    let state = r.journal.state();
    assert_eq!(state.balance(wang), Points::whole(3));
    let lines = state.ledger().statement(Account::Volunteer(wang));
    let summary: Vec<_> = lines
        .iter()
        .map(|l| (l.change, l.balance, l.reversed_by))
        .collect();
    assert_eq!(
        summary,
        [
            (Points::whole(3), Points::whole(3), None),
            (Points::whole(50), Points::whole(53), Some(reversal)),
            (Points::whole(-50), Points::whole(3), None),
        ]
    );
    assert_eq!(lines[2].entry.kind, EntryKind::Reversal { of: wrong });
    assert_eq!(lines[2].entry.reason, "录错了");
}

#[test]
fn the_pool_balances_every_member_account() {
    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    let li = r.register("李四");
    r.act(award(wang, 8, "a")).unwrap();
    r.act(award(li, 2, "b")).unwrap();
    r.act(deduct(wang, 3)).unwrap();
    let ledger = r.journal.state().ledger();
    assert_eq!(ledger.balance(Account::Pool), Points::whole(-7));
    assert_eq!(ledger.balance(Account::Volunteer(wang)), Points::whole(5));
    assert_eq!(ledger.balance(Account::Volunteer(li)), Points::whole(2));
}

#[test]
fn volunteers_are_registered_and_corrected() {
    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    let corrected = VolunteerProfile {
        phone: "13812341234".into(),
        number: "V001".into(),
        skills: vec!["电工".into()],
        party_member: true,
        ..profile("王晓明")
    };
    r.act(Action::UpdateVolunteer {
        volunteer: wang,
        profile: Box::new(corrected.clone()),
    })
    .unwrap();
    let volunteer = r.journal.state().volunteer(wang).unwrap();
    assert_eq!(volunteer.profile, corrected);
    assert_eq!(volunteer.joined, Timestamp(common::T0.0 + 60_000));

    let taken = VolunteerProfile {
        number: "V001".into(),
        ..profile("李四")
    };
    assert_eq!(
        r.act(Action::RegisterVolunteer {
            profile: Box::new(taken)
        }),
        Err(DomainError::DuplicateNumber("V001".into()))
    );
    let li = r.register("李四");
    assert_eq!(
        r.act(Action::UpdateVolunteer {
            volunteer: li,
            profile: Box::new(VolunteerProfile {
                number: " V001 ".into(),
                ..profile("李四")
            }),
        }),
        Err(DomainError::DuplicateNumber(" V001 ".into()))
    );
    // Keeping one's own number is fine.
    let same = VolunteerProfile {
        number: "V001".into(),
        ..profile("王晓明")
    };
    assert_eq!(
        r.act(Action::UpdateVolunteer {
            volunteer: wang,
            profile: Box::new(same)
        })
        .map(|_| ()),
        Ok(())
    );
}

#[test]
fn two_devices_reversing_the_same_entry_keep_the_earliest_in_either_order() {
    let mut a = Replica::new(0xa);
    let wang = a.register("王小明");
    let entry = EntryId(a.act(award(wang, 10, "扫雪")).unwrap().id);
    let mut b = Replica::new(0xb);
    b.sync_from(&a);
    let first = a.act(reverse(entry)).unwrap();
    b.wall = a.wall.plus_minutes(5);
    let second = b.act(reverse(entry)).unwrap();

    for order in [[&first, &second], [&second, &first]] {
        let mut journal = Journal::default();
        journal.merge(a.journal.events().filter(|e| e.id != first.id).cloned());
        journal.merge(order.into_iter().cloned());
        let state = journal.state();
        assert_eq!(
            state.balance(wang),
            Points::ZERO,
            "reversed once, not twice"
        );
        assert_eq!(state.ledger().reversed_by(entry), Some(EntryId(first.id)));
        let rejected: Vec<_> = state
            .rejected()
            .iter()
            .map(|r| (r.event, r.error.clone()))
            .collect();
        assert_eq!(rejected, [(second.id, DomainError::AlreadyReversed(entry))]);
    }
}

#[test]
fn a_duplicate_number_from_a_merge_is_kept_not_refused() {
    let mut a = Replica::new(0xa);
    let mut b = Replica::new(0xb);
    let numbered = |name: &str| Action::RegisterVolunteer {
        profile: Box::new(VolunteerProfile {
            number: "V9".into(),
            ..profile(name)
        }),
    };
    a.act(numbered("王小明")).unwrap();
    b.act(numbered("李四")).unwrap();
    a.sync_from(&b);
    assert_eq!(a.journal.state().volunteers().count(), 2);
    assert!(a.journal.state().rejected().is_empty());
}

#[test]
fn merging_is_set_union_and_reports_conflicting_ids() {
    let mut a = Replica::new(1);
    let wang = a.register("王小明");
    a.act(award(wang, 2, "x")).unwrap();
    let events: Vec<Event> = a.journal.events().cloned().collect();
    let mut journal = Journal::default();
    let first = journal.merge(events.clone());
    assert_eq!((first.added, first.known), (2, 0));
    let again = journal.merge(events.clone());
    assert_eq!((again.added, again.known), (0, 2));

    let mut forged = events[1].clone();
    forged.action = award(wang, 9_999, "x");
    let conflict = journal.merge([forged.clone()]);
    assert_eq!(conflict.added, 0);
    assert_eq!(conflict.conflicts.len(), 1);
    assert_eq!(conflict.conflicts[0].refused, forged);
    assert_eq!(journal.state().balance(wang), Points::whole(2));
}

#[test]
fn one_batch_holding_an_event_twice_adds_it_once_and_reports_a_forged_copy() {
    let mut a = Replica::new(1);
    let wang = a.register("王小明");
    a.act(award(wang, 2, "x")).unwrap();
    let events: Vec<Event> = a.journal.events().cloned().collect();
    let mut forged = events[1].clone();
    forged.action = award(wang, 9_999, "x");
    // Out of order too: the copies come before the events they repeat.
    let batch = [
        events[1].clone(),
        forged.clone(),
        events[0].clone(),
        events[1].clone(),
    ];
    let mut journal = Journal::default();
    let merged = journal.merge(batch);
    assert_eq!((merged.added, merged.known), (2, 1));
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].kept, events[1]);
    assert_eq!(merged.conflicts[0].refused, forged);
    assert!(journal.events().eq(events.iter()));
    assert_eq!(
        journal.state().balance(wang),
        a.journal.state().balance(wang)
    );
}

#[test]
fn an_event_for_an_unknown_volunteer_is_rejected_and_listed() {
    let stray = Event {
        id: id(3, 1),
        at: common::T0,
        action: award(VolunteerId(id(4, 1)), 5, "孤立记录"),
    };
    let mut journal = Journal::default();
    journal.merge([stray.clone()]);
    assert_eq!(journal.state().rejected().len(), 1);
    assert_eq!(journal.state().rejected()[0].event, stray.id);
    assert_eq!(journal.len(), 1, "the event itself is kept");
}

#[test]
fn a_clock_that_jumps_back_still_orders_new_events_last() {
    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    r.wall = Timestamp(r.wall.0 - 86_400_000);
    let late = r.act(award(wang, 1, "时钟回拨后")).unwrap();
    let last = r.journal.events().last().unwrap();
    assert_eq!(last.id, late.id);
}
