//! The keyring: which device keys the community enrolled, with which role, and which
//! were revoked, derived from the trust actions in their total order.
//!
//! Trust actions are judged here, each at its place in the order: a founding must be
//! signed by the key the community is named after, an enrolment or a revocation by a
//! key that is an organizer at that point, a binding request by the key it asks for.
//! Every other action is judged against the keyring as it stands after all of them
//! ([`Keyring::authorize`]): a phone's sign-up written while it waited for approval
//! counts once the approval arrives, while a revocation says exactly which of the
//! device's events stay valid (by replica and sequence number), so a revoked device
//! cannot backdate new ones.

use std::collections::BTreeMap;

use super::authority::{Refusal, Role, permits};
use super::key::{CommunityId, DeviceKey, content_digest};
use crate::domain::error::{DomainError, Field};
use crate::domain::event::{Action, Event};
use crate::domain::id::{EventId, ReplicaId, Timestamp};
use crate::domain::state::State;
use crate::domain::text::{limit, require};

/// An enrolled device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    pub key: DeviceKey,
    pub role: Role,
    /// What the organizer called it (张*的手机, 办公室电脑).
    pub label: String,
    /// The event that enrolled it (or founded the community).
    pub enrolled: EventId,
    pub at: Timestamp,
    pub revoked: Option<Revocation>,
}

/// Where a revocation drew the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revocation {
    pub event: EventId,
    pub at: Timestamp,
    pub reason: String,
    /// The device's events that stay valid: up to this sequence number in each replica.
    pub accepted: Vec<(ReplicaId, u32)>,
    /// When given, each accepted event's content digest: a changed copy does not count.
    pub digests: Vec<(EventId, u64)>,
}

/// A device that asked to be bound (申请绑定), awaiting an organizer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub key: DeviceKey,
    pub role: Role,
    pub label: String,
    pub event: EventId,
    pub at: Timestamp,
    pub declined: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Keyring {
    community: Option<CommunityId>,
    /// The community's name, from its founding.
    name: String,
    devices: BTreeMap<DeviceKey, Device>,
    requests: BTreeMap<DeviceKey, Request>,
    /// Trust events that did not count, and why.
    refused: Vec<(EventId, Refusal)>,
}

impl Keyring {
    /// The keyring of `community`, before any event.
    pub fn new(community: CommunityId) -> Keyring {
        Keyring {
            community: Some(community),
            ..Keyring::default()
        }
    }

    pub fn community(&self) -> Option<CommunityId> {
        self.community
    }

    /// The name given at the founding; empty before it arrives.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn is_founded(&self) -> bool {
        !self.devices.is_empty()
    }

    pub fn device(&self, key: &DeviceKey) -> Option<&Device> {
        self.devices.get(key)
    }

    /// Every enrolled device, revoked ones included, by key.
    pub fn devices(&self) -> impl Iterator<Item = &Device> {
        self.devices.values()
    }

    /// Requests not yet answered, oldest first.
    pub fn pending(&self) -> Vec<&Request> {
        let mut pending: Vec<&Request> = self
            .requests
            .values()
            .filter(|r| !r.declined && !self.devices.contains_key(&r.key))
            .collect();
        pending.sort_by_key(|r| (r.at, r.event));
        pending
    }

    pub fn request(&self, key: &DeviceKey) -> Option<&Request> {
        self.requests.get(key)
    }

    /// Trust events that did not count, with the reason.
    pub fn refused(&self) -> &[(EventId, Refusal)] {
        &self.refused
    }

    /// The same community's keyring before any event, for a refold.
    pub fn restarted(&self) -> Keyring {
        Keyring {
            community: self.community,
            ..Keyring::default()
        }
    }

    /// Whether the keyring judges `action` (the others it leaves to [`permits`]).
    pub fn is_trust_action(action: &Action) -> bool {
        matches!(
            action,
            Action::FoundCommunity { .. }
                | Action::RequestBinding { .. }
                | Action::EnrolDevice { .. }
                | Action::DeclineBinding { .. }
                | Action::RevokeDevice { .. }
        )
    }

    /// Whether the trust action `id` counted when it was observed.
    pub fn verdict(&self, id: EventId) -> Result<(), Refusal> {
        match self.refused.iter().find(|(refused, _)| *refused == id) {
            Some((_, refusal)) => Err(refusal.clone()),
            None => Ok(()),
        }
    }

    /// The key a trust action names: a key a segment's signature may be from.
    pub fn named_key(action: &Action) -> Option<DeviceKey> {
        match action {
            Action::FoundCommunity { key, .. }
            | Action::RequestBinding { key, .. }
            | Action::EnrolDevice { key, .. } => Some(*key),
            _ => None,
        }
    }

    /// The role `key` has for `event`, which it signed: as [`Keyring::role_for`], and
    /// when its revocation binds content, with the content it had then.
    pub fn role_for_event(&self, key: &DeviceKey, event: &Event) -> Result<Role, Refusal> {
        let role = self.role_for(key, event.id)?;
        match self.devices.get(key).and_then(|d| d.revoked.as_ref()) {
            Some(revocation) if !revocation.digests.is_empty() => {
                let digest = content_digest(event);
                if revocation.digests.contains(&(event.id, digest)) {
                    Ok(role)
                } else {
                    Err(Refusal::Revoked)
                }
            }
            _ => Ok(role),
        }
    }

    /// The role `key` has for the event `id` it signed: enrolled, and not revoked, or
    /// revoked after this event was accepted.
    pub fn role_for(&self, key: &DeviceKey, id: EventId) -> Result<Role, Refusal> {
        let device = self.devices.get(key).ok_or(Refusal::UnknownKey)?;
        match &device.revoked {
            None => Ok(device.role),
            Some(revocation) => {
                let accepted = revocation
                    .accepted
                    .iter()
                    .any(|&(replica, last)| replica == id.replica && id.seq <= last);
                if accepted {
                    Ok(device.role)
                } else {
                    Err(Refusal::Revoked)
                }
            }
        }
    }

    fn is_organizer(&self, signers: &[DeviceKey], event: &Event) -> Result<(), Refusal> {
        let mut refusal = Refusal::Unsigned;
        for key in signers {
            match self.role_for_event(key, event) {
                Ok(Role::Organizer) => return Ok(()),
                Ok(role) => refusal = Refusal::NotAllowed(role),
                Err(why) => refusal = why,
            }
        }
        Err(refusal)
    }

    /// Folds in a trust action, signed by `signers` (the keys whose signatures over it
    /// verified). Returns `false` for any other action, which the keyring ignores.
    pub fn observe(&mut self, event: &Event, signers: &[DeviceKey]) -> bool {
        if !Keyring::is_trust_action(&event.action) {
            return false;
        }
        if let Err(error) = trust_text(&event.action) {
            self.refused.push((event.id, Refusal::Invalid(error)));
            return true;
        }
        let verdict = match &event.action {
            Action::FoundCommunity { key, name } => self.found(event, signers, *key, name),
            Action::RequestBinding { key, role, label } => {
                if !signers.contains(key) {
                    Err(Refusal::Unsigned)
                } else if self.devices.contains_key(key) || self.requests.contains_key(key) {
                    Err(Refusal::AlreadyEnrolled)
                } else {
                    self.requests.insert(
                        *key,
                        Request {
                            key: *key,
                            role: *role,
                            label: label.clone(),
                            event: event.id,
                            at: event.at,
                            declined: false,
                        },
                    );
                    Ok(())
                }
            }
            Action::EnrolDevice { key, role, label } => {
                self.is_organizer(signers, event).and_then(|()| {
                    if self.devices.contains_key(key) {
                        return Err(Refusal::AlreadyEnrolled);
                    }
                    self.devices.insert(
                        *key,
                        Device {
                            key: *key,
                            role: *role,
                            label: label.clone(),
                            enrolled: event.id,
                            at: event.at,
                            revoked: None,
                        },
                    );
                    Ok(())
                })
            }
            Action::RevokeDevice {
                key,
                accepted,
                reason,
                digests,
            } => self.is_organizer(signers, event).and_then(|()| {
                match self.devices.get_mut(key) {
                    Some(device) if device.revoked.is_none() => {
                        device.revoked = Some(Revocation {
                            event: event.id,
                            at: event.at,
                            reason: reason.clone(),
                            accepted: accepted.clone(),
                            digests: digests.clone(),
                        });
                        Ok(())
                    }
                    // Revoked already: the first revocation's line stands.
                    Some(_) => Ok(()),
                    None => Err(Refusal::UnknownKey),
                }
            }),
            Action::DeclineBinding { key } => self.is_organizer(signers, event).map(|()| {
                if let Some(request) = self.requests.get_mut(key) {
                    request.declined = true;
                }
            }),
            _ => return false,
        };
        if let Err(refusal) = verdict {
            self.refused.push((event.id, refusal));
        }
        true
    }

    fn found(
        &mut self,
        event: &Event,
        signers: &[DeviceKey],
        key: DeviceKey,
        name: &str,
    ) -> Result<(), Refusal> {
        if !signers.contains(&key) {
            return Err(Refusal::Unsigned);
        }
        if self.community != Some(CommunityId::founded_by(&key)) || self.is_founded() {
            return Err(Refusal::NotTheFounder);
        }
        self.name = name.to_owned();
        self.devices.insert(
            key,
            Device {
                key,
                role: Role::Organizer,
                label: String::new(),
                enrolled: event.id,
                at: event.at,
                revoked: None,
            },
        );
        Ok(())
    }

    /// Whether an event that is not a trust action counts: one of its signers must be
    /// enrolled (and not revoked for it) with a role that may do the action.
    pub fn authorize(
        &self,
        signers: &[DeviceKey],
        event: &Event,
        state: &State,
    ) -> Result<(), Refusal> {
        let mut refusal = Refusal::Unsigned;
        for key in signers {
            match self
                .role_for_event(key, event)
                .and_then(|role| permits(role, &event.action, state))
            {
                Ok(()) => return Ok(()),
                Err(why) => refusal = why,
            }
        }
        Err(refusal)
    }
}

/// The longest community name, device label and revocation reason.
pub const COMMUNITY_NAME_MAX: usize = 40;
pub const LABEL_MAX: usize = 30;

/// The texts of a trust action are within their limits.
pub fn trust_text(action: &Action) -> Result<(), DomainError> {
    match action {
        Action::FoundCommunity { name, .. } => {
            require(Field::CommunityName, name)?;
            limit(Field::CommunityName, name, COMMUNITY_NAME_MAX)
        }
        Action::RequestBinding { label, .. } | Action::EnrolDevice { label, .. } => {
            limit(Field::DeviceLabel, label, LABEL_MAX)
        }
        Action::RevokeDevice { reason, .. } => {
            limit(Field::Reason, reason, crate::domain::text::REASON_MAX)
        }
        _ => Ok(()),
    }
}
