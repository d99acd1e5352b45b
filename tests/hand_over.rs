//! Exchange without a network: a bound phone hands what it wrote since it last did to
//! an organizer's device as a code (shown as a QR code), and only that.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;

use common::devices::{WALL, enrol, founder, joining};
use common::{plan, profile};
use linli::domain::trust::Role;
use linli::domain::{Action, ActivityId, ActivityPlan, Timestamp, VolunteerId};

#[test]
fn a_phone_hands_over_only_what_the_organizer_has_not_had() {
    let mut organizer = founder(1);
    let id = organizer.community().unwrap().id;
    let wang = VolunteerId(
        organizer
            .act(
                Action::RegisterVolunteer {
                    profile: Box::new(profile("王小明")),
                },
                WALL,
            )
            .unwrap()
            .event
            .id,
    );
    let activity = ActivityId(
        organizer
            .act(
                Action::CreateActivity {
                    plan: Box::new(plan("社区清扫")),
                },
                WALL,
            )
            .unwrap()
            .event
            .id,
    );
    let later = plan("敬老院探访");
    let second = ActivityId(
        organizer
            .act(
                Action::CreateActivity {
                    // The next day: a volunteer's sign-ups may not overlap.
                    plan: Box::new(ActivityPlan {
                        start: Timestamp(later.start.0 + Timestamp::DAY),
                        end: Timestamp(later.end.0 + Timestamp::DAY),
                        ..later
                    }),
                },
                WALL,
            )
            .unwrap()
            .event
            .id,
    );
    let mut phone = joining(id, 7, Role::Volunteer(wang));
    enrol(&mut organizer, &mut phone, Role::Volunteer(wang));
    let mut handed = BTreeMap::new();
    // The binding request reached the organizer by the enrolment's exchange; nothing
    // tells the phone so, so it is offered once more (the organizer knows it already).
    let first = phone.hand_over(&handed, WALL).unwrap().unwrap();
    let report = organizer.import_file(&first.text).unwrap().report;
    assert_eq!(report.added, 0);
    handed.extend(first.marks);
    assert_eq!(phone.hand_over(&handed, WALL).unwrap(), None, "nothing new");

    // A day without network: the phone signs up; the code holds that, and the
    // organizer's device takes it in.
    phone
        .act(
            Action::SignUp {
                activity,
                volunteer: wang,
            },
            WALL,
        )
        .unwrap();
    let new = phone.hand_over(&handed, WALL).unwrap().unwrap();
    assert_eq!(new.marks.len(), 1, "one segment changed");
    let report = organizer.import_file(&new.text).unwrap().report;
    assert_eq!(report.added, 1, "{report:?}");
    assert!(report.refused.is_empty() && report.unreadable.is_empty());
    assert!(
        organizer
            .journal()
            .state()
            .activity(activity)
            .unwrap()
            .signup_of(wang)
            .is_some_and(|s| s.is_seated())
    );
    handed.extend(new.marks);

    // Another sign-up: handed over again, the organizer adds only the new one.
    phone
        .act(
            Action::SignUp {
                activity: second,
                volunteer: wang,
            },
            WALL,
        )
        .unwrap();
    let next = phone.hand_over(&handed, WALL).unwrap().unwrap();
    let report = organizer.import_file(&next.text).unwrap().report;
    assert_eq!((report.added, report.refused.len()), (1, 0), "{report:?}");
}
