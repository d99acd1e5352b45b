//! The rules of each perk and voucher action: what [`Perks::check`] refuses whenever an
//! action is written or folded. The sponsor, the volunteer, their service hours and
//! their points are checked by [`crate::domain::State`], which knows them.

use super::book::Perks;
use super::{Perk, Voucher, VoucherStatus};
use crate::domain::area::{Named, PerkAction};
use crate::domain::error::DomainError;
use crate::domain::id::{PerkId, Timestamp, VolunteerId, VoucherId};
use crate::domain::text::reason_text;

impl Perks {
    fn known(&self, id: PerkId) -> Result<&Perk, DomainError> {
        self.by_id.get(&id).ok_or(DomainError::UnknownPerk(id))
    }

    /// A known perk that has not been withdrawn.
    fn offered(&self, id: PerkId) -> Result<&Perk, DomainError> {
        let perk = self.known(id)?;
        if perk.is_withdrawn() {
            return Err(DomainError::PerkWithdrawn);
        }
        Ok(perk)
    }

    fn known_voucher(&self, id: VoucherId) -> Result<&Voucher, DomainError> {
        self.vouchers
            .get(&id)
            .ok_or(DomainError::UnknownVoucher(id))
    }

    /// The rules of the perk and voucher actions, both when written and when folded.
    pub(crate) fn check(&self, action: PerkAction<'_>, at: Timestamp) -> Result<(), DomainError> {
        match action {
            PerkAction::CreatePerk { offer } => offer.validate(),
            PerkAction::UpdatePerk { perk, offer } => {
                let current = self.offered(*perk)?;
                offer.validate()?;
                let issued = current.issued();
                if offer.stock < issued {
                    return Err(DomainError::StockBelowIssued { issued });
                }
                Ok(())
            }
            PerkAction::WithdrawPerk { perk, reason } => {
                self.offered(*perk)?;
                reason_text(reason)
            }
            PerkAction::Redeem { perk, volunteer } => {
                self.redeemable(*perk, *volunteer, at).map(|_| ())
            }
            PerkAction::VerifyVoucher { voucher } => {
                let voucher = self.known_voucher(*voucher)?;
                match voucher.status(at) {
                    VoucherStatus::Open => Ok(()),
                    VoucherStatus::Expired => Err(DomainError::VoucherExpired {
                        at: voucher.expires,
                    }),
                    VoucherStatus::Used | VoucherStatus::Cancelled => final_status(voucher),
                }
            }
            PerkAction::CancelVoucher { voucher } => {
                let voucher = self.known_voucher(*voucher)?;
                match voucher.status(at) {
                    VoucherStatus::Open | VoucherStatus::Expired => Ok(()),
                    VoucherStatus::Used | VoucherStatus::Cancelled => final_status(voucher),
                }
            }
        }
    }

    /// The perk, if `volunteer` may redeem it at `at` as far as the perk goes: offered,
    /// valid, in stock, and under the per-person limit.
    pub(crate) fn redeemable(
        &self,
        perk: PerkId,
        volunteer: VolunteerId,
        at: Timestamp,
    ) -> Result<&Perk, DomainError> {
        let perk = self.offered(perk)?;
        let offer = &perk.offer;
        if at < offer.valid_from {
            return Err(DomainError::PerkNotYetValid {
                from: offer.valid_from,
            });
        }
        if at >= offer.valid_until {
            return Err(DomainError::PerkEnded);
        }
        if perk.left() == 0 {
            return Err(DomainError::OutOfStock);
        }
        if let Some(limit) = offer.per_person {
            let held = self
                .vouchers_of(volunteer)
                .filter(|v| v.perk == perk.id && v.cancelled.is_none())
                .count();
            if held >= usize::try_from(limit).unwrap_or(usize::MAX) {
                return Err(DomainError::PerPersonLimit { limit });
            }
        }
        Ok(perk)
    }
}

/// Why a used or cancelled voucher can change no more.
fn final_status(voucher: &Voucher) -> Result<(), DomainError> {
    match (voucher.used, voucher.cancelled) {
        (Some(at), _) => Err(DomainError::VoucherAlreadyUsed { at }),
        _ => Err(DomainError::VoucherCancelled),
    }
}

impl<'a> PerkAction<'a> {
    /// The sponsor or the volunteer the action names, which [`crate::domain::State`]
    /// checks is known before these rules run.
    pub(crate) fn named(self) -> Named<'a> {
        match self {
            PerkAction::CreatePerk { offer } | PerkAction::UpdatePerk { offer, .. } => {
                offer.sponsor.map_or(Named::Nobody, Named::Unit)
            }
            PerkAction::Redeem { volunteer, .. } => Named::Volunteer(*volunteer),
            PerkAction::WithdrawPerk { .. }
            | PerkAction::VerifyVoucher { .. }
            | PerkAction::CancelVoucher { .. } => Named::Nobody,
        }
    }
}
