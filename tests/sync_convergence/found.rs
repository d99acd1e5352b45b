//! Step sequences the random runs found (shrunk), kept as the cases of plain tests.

use crate::common::jobs::{Own, Work};
use crate::community::Step;
use crate::forgery::Injected;

/// Frames of one connection reordered, and lost one by one while the connection stays
/// up: the case of the ignored test
/// `every_device_ends_with_the_same_document_even_with_frames_of_a_connection_reordered`.
pub fn frames_of_a_connection_reordered() -> Vec<Step> {
    use Step::*;
    vec![
        Deliver {
            device: 2,
            up: true,
            pick: 0,
            twice: false,
        },
        Deliver {
            device: 1,
            up: false,
            pick: 0,
            twice: false,
        },
        Inject(Injected::Unsigned, 0),
        Deliver {
            device: 2,
            up: false,
            pick: 159,
            twice: false,
        },
        OnBehalf {
            volunteer: 0,
            what: Own::Claim,
            pick: 0,
        },
        Phone {
            volunteer: 1,
            what: Own::Claim,
            pick: 0,
        },
        Deliver {
            device: 1,
            up: true,
            pick: 2,
            twice: true,
        },
        Drop {
            device: 1,
            up: false,
            pick: 0,
        },
        Deliver {
            device: 2,
            up: true,
            pick: 61,
            twice: false,
        },
        Deliver {
            device: 1,
            up: true,
            pick: 0,
            twice: false,
        },
        Phone {
            volunteer: 1,
            what: Own::SignUp,
            pick: 0,
        },
        Deliver {
            device: 1,
            up: true,
            pick: 0,
            twice: false,
        },
        Forge {
            volunteer: 1,
            pick: 0,
        },
        Organizer(Work::Activity, 0),
        Deliver {
            device: 2,
            up: true,
            pick: 45,
            twice: false,
        },
        Deliver {
            device: 2,
            up: true,
            pick: 32,
            twice: false,
        },
        Deliver {
            device: 2,
            up: true,
            pick: 0,
            twice: false,
        },
        Inject(Injected::UnknownKey, 0),
        Organizer(Work::Project, 0),
        Inject(Injected::UnknownKey, 0),
        Deliver {
            device: 0,
            up: false,
            pick: 0,
            twice: false,
        },
        Deliver {
            device: 1,
            up: false,
            pick: 101,
            twice: true,
        },
        Deliver {
            device: 1,
            up: false,
            pick: 25,
            twice: false,
        },
        OnBehalf {
            volunteer: 0,
            what: Own::SignUp,
            pick: 0,
        },
        Inject(Injected::UnknownKey, 0),
        Phone {
            volunteer: 1,
            what: Own::SignUp,
            pick: 4,
        },
        Bind,
        Deliver {
            device: 2,
            up: true,
            pick: 21,
            twice: false,
        },
        Deliver {
            device: 3,
            up: false,
            pick: 59,
            twice: false,
        },
        Cut(2),
        Phone {
            volunteer: 2,
            what: Own::JoinRole,
            pick: 175,
        },
        Drop {
            device: 1,
            up: false,
            pick: 230,
        },
        Cut(0),
        Phone {
            volunteer: 2,
            what: Own::Claim,
            pick: 95,
        },
        Phone {
            volunteer: 2,
            what: Own::Waitlist,
            pick: 43,
        },
        Phone {
            volunteer: 0,
            what: Own::Claim,
            pick: 86,
        },
        Deliver {
            device: 3,
            up: false,
            pick: 19,
            twice: true,
        },
        Phone {
            volunteer: 0,
            what: Own::Release,
            pick: 32,
        },
        Deliver {
            device: 3,
            up: true,
            pick: 164,
            twice: true,
        },
        Phone {
            volunteer: 0,
            what: Own::JoinRole,
            pick: 49,
        },
        Deliver {
            device: 3,
            up: true,
            pick: 101,
            twice: false,
        },
        Inject(Injected::UnknownKey, 43),
        Deliver {
            device: 1,
            up: false,
            pick: 84,
            twice: false,
        },
        Phone {
            volunteer: 1,
            what: Own::Claim,
            pick: 137,
        },
    ]
}
