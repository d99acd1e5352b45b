//! Volunteer numbers (志愿者编号): given out by registration order when none is typed,
//! picked by the device that registers and stored in its event; a number two devices
//! gave out at the same time is listed for the organizer, not silently accepted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Replica, profile};
use linli::domain::{Action, DomainError, VolunteerId, VolunteerProfile};

/// Registers as the app does: with the typed number, or the next free one.
fn register(replica: &mut Replica, name: &str, typed: &str) -> VolunteerId {
    let number = if typed.is_empty() {
        replica.journal.state().next_volunteer_number()
    } else {
        typed.to_owned()
    };
    let event = replica
        .act(Action::RegisterVolunteer {
            profile: Box::new(VolunteerProfile {
                number,
                ..profile(name)
            }),
        })
        .unwrap();
    VolunteerId(event.id)
}

fn number_of(replica: &Replica, id: VolunteerId) -> String {
    replica
        .journal
        .state()
        .volunteer(id)
        .unwrap()
        .profile
        .number
        .clone()
}

#[test]
fn numbers_follow_registration_order_and_skip_taken_ones() {
    let mut office = Replica::new(1);
    assert_eq!(office.journal.state().next_volunteer_number(), "0001");
    let a = register(&mut office, "王小明", "");
    let b = register(&mut office, "李四", "");
    // A number typed by hand that the sequence would reach next is skipped.
    let c = register(&mut office, "赵六", "0004");
    let d = register(&mut office, "钱七", "");
    let e = register(&mut office, "孙八", "V-77");
    let f = register(&mut office, "周九", "");
    let numbers: Vec<String> = [a, b, c, d, e, f]
        .iter()
        .map(|id| number_of(&office, *id))
        .collect();
    assert_eq!(numbers, ["0001", "0002", "0004", "0005", "V-77", "0006"]);
    assert!(office.journal.state().duplicate_numbers().is_empty());
}

#[test]
fn a_number_is_stored_in_the_event_so_every_device_shows_it() {
    let mut office = Replica::new(1);
    let a = register(&mut office, "王小明", "");
    let mut phone = Replica::new(2);
    phone.sync_from(&office);
    assert_eq!(number_of(&phone, a), "0001");
}

#[test]
fn the_same_number_from_two_devices_is_listed_not_accepted_silently() {
    let mut office = Replica::new(1);
    let mut hall = Replica::new(2);
    register(&mut office, "王小明", "");
    hall.sync_from(&office);
    // Both devices register someone before they sync again: both pick 0002.
    let li = register(&mut office, "李四", "");
    let zhao = register(&mut hall, "赵六", "");
    assert_eq!(number_of(&office, li), "0002");
    assert_eq!(number_of(&hall, zhao), "0002");
    office.sync_from(&hall);
    hall.sync_from(&office);
    for replica in [&office, &hall] {
        let state = replica.journal.state();
        // Both registrations stand: nobody is lost.
        assert!(state.volunteer(li).is_some() && state.volunteer(zhao).is_some());
        let duplicates = state.duplicate_numbers();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(duplicates[0].0, "0002");
        let mut holders = duplicates[0].1.clone();
        holders.sort();
        let mut expected = vec![li, zhao];
        expected.sort();
        assert_eq!(holders, expected);
        // The next one registered gets a free number.
        assert_eq!(state.next_volunteer_number(), "0004");
    }
    // Typing the duplicate by hand is refused on this device, as before.
    let refused = office.act(Action::RegisterVolunteer {
        profile: Box::new(VolunteerProfile {
            number: "0002".into(),
            ..profile("吴十")
        }),
    });
    assert_eq!(
        refused.unwrap_err(),
        DomainError::DuplicateNumber("0002".into())
    );
    // The organizer corrects one of them, and the list is empty again.
    let fixed = office.journal.state().next_volunteer_number();
    office
        .act(Action::UpdateVolunteer {
            volunteer: zhao,
            profile: Box::new(VolunteerProfile {
                number: fixed,
                ..profile("赵六")
            }),
        })
        .unwrap();
    assert!(office.journal.state().duplicate_numbers().is_empty());
}
