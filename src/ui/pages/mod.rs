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
pub mod policy;
pub mod project;
pub mod project_admin;
pub mod project_form;
pub mod projects;
pub mod ranking;
pub mod record;
pub mod recovery;
pub mod shop;
pub mod units;
pub mod verify;
pub mod volunteer;
pub mod volunteers;
pub mod wish;
pub mod wish_form;
pub mod wishes;
