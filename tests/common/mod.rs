//! Helpers shared by the native test files.
#![allow(dead_code)]

use linli::domain::{
    Action, DomainError, Event, EventId, Journal, Points, ReplicaId, Timestamp, VolunteerId,
    VolunteerProfile,
};

pub mod contract;

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

    pub fn register(&mut self, name: &str) -> VolunteerId {
        let event = self
            .act(Action::RegisterVolunteer {
                profile: profile(name),
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
