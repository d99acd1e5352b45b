//! One file per screen.

pub mod activities;
pub mod activity;
pub mod activity_form;
pub mod backup;
pub mod empty;
pub mod home;
pub mod me;
pub mod my_signups;
pub mod organizer;
pub mod volunteer;
pub mod volunteers;
