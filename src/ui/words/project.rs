//! How projects are named on screen: the unit a need is counted in, and where a
//! sign-up for a role stands.

use crate::domain::project::{NeedUnit, Participant, Project, RoleStanding};
use crate::ui::i18n::{Lang, T};

pub fn need_unit_text(lang: Lang, unit: &NeedUnit) -> String {
    match unit {
        NeedUnit::Yuan => lang.t(T::UnitYuan).to_owned(),
        NeedUnit::SquareMetres => lang.t(T::UnitSquareMetres).to_owned(),
        NeedUnit::Items => lang.t(T::UnitItems).to_owned(),
        NeedUnit::Custom(word) => word.clone(),
    }
}

pub fn standing_text(
    lang: Lang,
    project: &Project,
    who: Participant,
    role: &str,
    standing: &RoleStanding,
) -> String {
    match standing {
        RoleStanding::Seated => lang.t(T::RoleSeated).to_owned(),
        RoleStanding::Waitlisted => {
            let place = project.waitlist_position(who, role).unwrap_or(0);
            lang.f(T::RoleWaitlisted, &[&place])
        }
        RoleStanding::Pending => lang.t(T::RolePending).to_owned(),
        RoleStanding::Declined { .. } => lang.t(T::RoleDeclined).to_owned(),
        RoleStanding::Withdrawn { .. } => lang.t(T::Withdrawn).to_owned(),
        RoleStanding::Removed { .. } => lang.t(T::Remove).to_owned(),
    }
}
