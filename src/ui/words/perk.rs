//! How perks are named on screen: their phase and who sponsors them.

use crate::domain::perk::PerkPhase;
use crate::domain::{State, UnitId};
use crate::ui::i18n::{Lang, T};

pub fn phase_text(phase: PerkPhase) -> T {
    match phase {
        PerkPhase::Open => T::PerkOpen,
        PerkPhase::NotYet => T::PerkNotYet,
        PerkPhase::SoldOut => T::PerkSoldOut,
        PerkPhase::Ended => T::PerkEnded,
        PerkPhase::Withdrawn => T::PerkWithdrawnTag,
    }
}

pub fn sponsor_name(lang: Lang, state: &State, sponsor: Option<UnitId>) -> String {
    sponsor.and_then(|id| state.unit(id)).map_or_else(
        || lang.t(T::CommunitySponsor).to_owned(),
        |u| u.profile.name.clone(),
    )
}
