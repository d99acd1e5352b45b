//! Typed routes. Links are built from these, never with `format!`.

use yew_router::prelude::*;

use crate::domain::VolunteerId;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/activities")]
    Activities,
    #[at("/projects")]
    Projects,
    #[at("/wishes")]
    Wishes,
    #[at("/me")]
    Me,
    #[at("/organizer")]
    Organizer,
    #[at("/volunteers")]
    Volunteers,
    #[at("/volunteers/:id")]
    Volunteer { id: VolunteerId },
    #[not_found]
    #[at("/404")]
    NotFound,
}
