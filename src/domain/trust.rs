//! Trust (DEVICES.md): who may write what, and who may read what.
//!
//! A community is founded on its first organizer's device; every device holds a key
//! with one role in it: organizer, one volunteer's phone, a merchant's counter or a
//! unit's contact. Every event is signed (the store signs each written segment, see
//! `store::seal`), and the fold applies an event only when one of the keys that signed
//! it has the authority for its action: [`permits`] is the one table of which role may
//! do what, the [`Keyring`] the enrolled keys. Events without that authority are kept
//! aside with their [`Refusal`], never applied. Personal data is split off into an
//! organizer-only log ([`personal`]).

mod authority;
mod key;
mod keyring;
pub mod personal;

pub use authority::{Refusal, Role, permits};
pub use key::{CommunityId, DeviceKey, Fingerprint, KeyError, content_digest};
pub use keyring::{
    COMMUNITY_NAME_MAX, Device, Keyring, LABEL_MAX, Request, Revocation, trust_text,
};
pub use personal::{PersonalDetails, Subject};
