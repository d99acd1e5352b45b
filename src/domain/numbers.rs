//! Volunteer numbers (志愿者编号), as the community gives them out: a sequence of four
//! or more digits by registration order (`0001`, `0002`…). The writer of a registration
//! with no number typed picks the next free one and stores it in the event, so every
//! device shows the same number. Two devices that register at the same time may pick the
//! same one; the merge keeps both, and [`State::duplicate_numbers`] lists them for the
//! organizer to correct, instead of accepting them silently.
//!
//! A file of its own (not member.rs, which state.rs imports), so no two domain files
//! import each other.

use std::collections::{BTreeMap, HashSet};

use super::id::VolunteerId;
use super::state::State;

impl State {
    /// The number a new registration gets when none is typed: the count of volunteers
    /// plus one, or the next after it that no one holds.
    pub fn next_volunteer_number(&self) -> String {
        let taken: HashSet<&str> = self
            .volunteers()
            .map(|v| v.profile.number.trim())
            .filter(|n| !n.is_empty())
            .collect();
        let mut next = self.volunteers().count() + 1;
        loop {
            let number = format!("{next:04}");
            if !taken.contains(number.as_str()) {
                return number;
            }
            next += 1;
        }
    }

    /// Numbers that more than one volunteer holds (a merge brought them together), each
    /// with its holders in registration order; sorted by number.
    pub fn duplicate_numbers(&self) -> Vec<(String, Vec<VolunteerId>)> {
        let mut by_number: BTreeMap<&str, Vec<VolunteerId>> = BTreeMap::new();
        for v in self.volunteers() {
            let number = v.profile.number.trim();
            if !number.is_empty() {
                by_number.entry(number).or_default().push(v.id);
            }
        }
        by_number
            .into_iter()
            .filter(|(_, holders)| holders.len() > 1)
            .map(|(number, holders)| (number.to_owned(), holders))
            .collect()
    }
}
