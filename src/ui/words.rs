//! Domain values in words, beside [`super::i18n`]: how a phase, a standing, a unit of
//! measure or a sponsor is named on screen. Pages and components call these; a page
//! never imports another page for them.

pub mod activity;
pub mod perk;
pub mod project;
pub mod wish;
