//! Personal data (个人信息): full names, phone numbers and wish private notes reach
//! organizer devices only.
//!
//! An action that carries personal data is split before it is written: its public
//! form, with the name and phone masked and the private note left out, goes to the
//! community's log that every device holds; the details go to an organizer-only log as
//! [`crate::domain::Action::RecordDetails`], which the fold lays back over the public
//! profile ([`PersonalDetails::overlay_volunteer`] and its siblings). So an organizer
//! device sees what it always saw, and a volunteer's device never holds another
//! person's details in any form it can read.

use serde::{Deserialize, Serialize};

use crate::domain::event::Action;
use crate::domain::id::{EventId, UnitId, VolunteerId, WishId};
use crate::domain::member::{VolunteerProfile, mask_name, mask_phone};
use crate::domain::unit::UnitProfile;
use crate::domain::wish::WishPlan;

/// Whose details they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Volunteer(VolunteerId),
    /// A unit's contact person.
    Unit(UnitId),
    /// The resident a wish is for (the wish's private note).
    Wish(WishId),
}

/// What only organizers may read. Empty fields are not recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalDetails {
    /// A volunteer's full name, or a unit's contact person.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// A wish's private note: the resident's real name, flat and phone.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl PersonalDetails {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.phone.is_empty() && self.note.is_empty()
    }

    /// Lays the details over a volunteer's public (masked) profile.
    pub fn overlay_volunteer(&self, profile: &mut VolunteerProfile) {
        if !self.name.is_empty() {
            profile.name.clone_from(&self.name);
        }
        if !self.phone.is_empty() {
            profile.phone.clone_from(&self.phone);
        }
    }

    /// Lays the details over a unit's public profile (its contact masked).
    pub fn overlay_unit(&self, profile: &mut UnitProfile) {
        if !self.name.is_empty() {
            profile.contact.clone_from(&self.name);
        }
        if !self.phone.is_empty() {
            profile.phone.clone_from(&self.phone);
        }
    }

    /// Gives a wish back its private note.
    pub fn overlay_wish(&self, plan: &mut WishPlan) {
        if !self.note.is_empty() {
            plan.private_note.clone_from(&self.note);
        }
    }
}

/// Masks what public lists mask; returns the details the masking took away.
fn split_person(name: &mut String, phone: &mut String) -> PersonalDetails {
    let masked_name = mask_name(name);
    let masked_phone = mask_phone(phone);
    let details = PersonalDetails {
        name: if masked_name == *name {
            String::new()
        } else {
            name.trim().to_owned()
        },
        phone: if masked_phone == *phone {
            String::new()
        } else {
            phone.clone()
        },
        note: String::new(),
    };
    *name = masked_name;
    *phone = masked_phone;
    details
}

impl Action {
    /// The action's public form, and the personal details it carried, if any, with
    /// whose they are (`id` is the event's own id, which names what it registers).
    /// Applying the public form and then the details gives the state the whole action
    /// gives.
    pub fn split_personal(mut self, id: EventId) -> (Action, Option<(Subject, PersonalDetails)>) {
        let found = match &mut self {
            Action::RegisterVolunteer { profile } => Some((
                Subject::Volunteer(VolunteerId(id)),
                split_person(&mut profile.name, &mut profile.phone),
            )),
            Action::UpdateVolunteer { volunteer, profile } => Some((
                Subject::Volunteer(*volunteer),
                split_person(&mut profile.name, &mut profile.phone),
            )),
            Action::RegisterUnit { profile } => Some((
                Subject::Unit(UnitId(id)),
                split_person(&mut profile.contact, &mut profile.phone),
            )),
            Action::UpdateUnit { unit, profile } => Some((
                Subject::Unit(*unit),
                split_person(&mut profile.contact, &mut profile.phone),
            )),
            Action::PostWish { plan, .. } => Some((
                Subject::Wish(WishId(id)),
                PersonalDetails {
                    note: std::mem::take(&mut plan.private_note),
                    ..PersonalDetails::default()
                },
            )),
            Action::UpdateWish { wish, plan } => Some((
                Subject::Wish(*wish),
                PersonalDetails {
                    note: std::mem::take(&mut plan.private_note),
                    ..PersonalDetails::default()
                },
            )),
            _ => None,
        };
        (self, found.filter(|(_, details)| !details.is_empty()))
    }

    /// Whether the action may travel in the community's public log as it is: it holds
    /// no personal data that public lists would mask.
    pub fn is_public(&self) -> bool {
        match self {
            Action::RecordDetails { .. } => false,
            Action::RegisterVolunteer { profile } | Action::UpdateVolunteer { profile, .. } => {
                mask_name(&profile.name) == profile.name
                    && mask_phone(&profile.phone) == profile.phone
            }
            Action::RegisterUnit { profile } | Action::UpdateUnit { profile, .. } => {
                mask_name(&profile.contact) == profile.contact
                    && mask_phone(&profile.phone) == profile.phone
            }
            Action::PostWish { plan, .. } | Action::UpdateWish { plan, .. } => {
                plan.private_note.is_empty()
            }
            _ => true,
        }
    }
}
