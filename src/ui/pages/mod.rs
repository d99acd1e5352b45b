//! One file per screen.

pub mod backup;
pub mod empty;
pub mod home;
pub mod me;
pub mod organizer;
pub mod volunteer;
pub mod volunteers;
