//! Typed routes. Links are built from these, never with `format!`.

use yew_router::prelude::*;

use crate::domain::{ActivityId, ProjectId, VolunteerId, WishId};

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/activities")]
    Activities,
    #[at("/activities/new")]
    NewActivity,
    #[at("/activities/:id")]
    Activity { id: ActivityId },
    #[at("/activities/:id/copy")]
    CopyActivity { id: ActivityId },
    #[at("/projects")]
    Projects,
    #[at("/projects/new")]
    NewProject,
    #[at("/projects/:id")]
    Project { id: ProjectId },
    #[at("/wishes")]
    Wishes,
    #[at("/wishes/new")]
    NewWish,
    #[at("/wishes/:id")]
    Wish { id: WishId },
    #[at("/me")]
    Me,
    #[at("/me/record")]
    ServiceRecord,
    #[at("/organizer")]
    Organizer,
    #[at("/shop")]
    Shop,
    #[at("/verify")]
    Verify,
    #[at("/units")]
    Units,
    #[at("/recovery")]
    Recovery,
    #[at("/ranking")]
    Ranking,
    #[at("/volunteers")]
    Volunteers,
    #[at("/volunteers/:id")]
    Volunteer { id: VolunteerId },
    #[at("/join/:code")]
    Join { code: String },
    #[at("/devices")]
    Devices,
    #[at("/kept-aside")]
    KeptAside,
    #[not_found]
    #[at("/404")]
    NotFound,
}
