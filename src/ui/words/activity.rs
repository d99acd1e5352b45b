//! How activities are named on screen.

use crate::domain::activity::Phase;
use crate::ui::i18n::T;

pub fn phase_text(phase: Phase) -> T {
    match phase {
        Phase::Cancelled => T::PhaseCancelled,
        Phase::NotOpen => T::PhaseNotOpen,
        Phase::Open => T::PhaseOpen,
        Phase::Closed => T::PhaseClosed,
        Phase::Underway => T::PhaseUnderway,
        Phase::Ended => T::PhaseEnded,
    }
}
