//! How wishes are named on screen: phases, categories, beneficiary kinds and the reasons
//! a suggestion gives.

use crate::domain::{BeneficiaryKind, Reason, WishCategory, WishPhase};
use crate::ui::i18n::{Lang, T};

pub fn phase_text(phase: WishPhase) -> T {
    match phase {
        WishPhase::Pending => T::PhasePending,
        WishPhase::Open => T::PhaseOpenWish,
        WishPhase::Reopened => T::PhaseReopened,
        WishPhase::Claimed => T::PhaseClaimed,
        WishPhase::Fulfilled => T::PhaseFulfilled,
        WishPhase::Confirmed => T::PhaseConfirmed,
        WishPhase::Rejected => T::PhaseRejected,
        WishPhase::Cancelled => T::PhaseCancelledWish,
        WishPhase::Closed => T::WishPhaseClosed,
    }
}

pub fn category_text(category: WishCategory) -> T {
    match category {
        WishCategory::Goods => T::CatGoods,
        WishCategory::Service => T::CatService,
        WishCategory::Companionship => T::CatCompanionship,
        WishCategory::Learning => T::CatLearning,
    }
}

pub fn kind_text(kind: BeneficiaryKind) -> T {
    match kind {
        BeneficiaryKind::ElderlyAlone => T::KindElderly,
        BeneficiaryKind::Child => T::KindChild,
        BeneficiaryKind::Disabled => T::KindDisabled,
        BeneficiaryKind::FamilyInDifficulty => T::KindFamily,
        BeneficiaryKind::Other => T::KindOther,
    }
}

pub fn reason_text(lang: Lang, reason: &Reason) -> String {
    match reason {
        Reason::SameBuilding => lang.t(T::ReasonSameBuilding).to_owned(),
        Reason::SameGrid => lang.t(T::ReasonSameGrid).to_owned(),
        Reason::HasSkill(skill) => lang.f(T::ReasonHasSkill, &[skill]),
        Reason::MissingSkill(skill) => lang.f(T::ReasonMissingSkill, &[skill]),
        Reason::SuitsCategory { skill, category } => {
            lang.f(T::ReasonSuits, &[skill, &lang.t(category_text(*category))])
        }
        Reason::DoneBefore { category, times } => lang.f(
            T::ReasonDoneBefore,
            &[times, &lang.t(category_text(*category))],
        ),
        Reason::Urgent { days: 0 } => lang.t(T::ReasonUrgentToday).to_owned(),
        Reason::Urgent { days } => lang.f(T::ReasonUrgent, &[days]),
        Reason::OpenAgain => lang.t(T::ReasonOpenAgain).to_owned(),
        Reason::HoldsClaims { count } => lang.f(T::ReasonHoldsClaims, &[count]),
        Reason::RecentlyLit { count } => lang.f(T::ReasonRecentlyLit, &[count]),
    }
}
