//! One file per screen.

pub mod activities;
pub mod activity;
pub mod activity_form;
pub mod backup;
pub mod empty;
pub mod exports;
pub mod home;
pub mod me;
pub mod my_signups;
pub mod organizer;
pub mod record;
pub mod volunteer;
pub mod volunteers;
