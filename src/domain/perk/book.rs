//! The perk book: every perk and voucher, the indexes the rules need, and the fold of
//! perk events.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::{Perk, Voucher, VoucherCode, Withdrawal};
use crate::domain::area::PerkAction;
use crate::domain::event::Event;
use crate::domain::id::{EntryId, PerkId, VolunteerId, VoucherId};
use crate::domain::ledger::{Account, Entry, EntryKind};

/// Every perk and voucher, with indexes kept as the events are folded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Perks {
    pub(super) by_id: BTreeMap<PerkId, Perk>,
    pub(super) vouchers: BTreeMap<VoucherId, Voucher>,
    by_code: HashMap<VoucherCode, VoucherId>,
    /// Each volunteer's vouchers, in the order they were issued.
    pub(super) held: BTreeMap<VolunteerId, Vec<VoucherId>>,
}

impl Perks {
    pub fn get(&self, id: PerkId) -> Option<&Perk> {
        self.by_id.get(&id)
    }

    /// Every perk, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Perk> {
        self.by_id.values()
    }

    pub fn voucher(&self, id: VoucherId) -> Option<&Voucher> {
        self.vouchers.get(&id)
    }

    /// Every voucher, by id.
    pub fn vouchers(&self) -> impl Iterator<Item = &Voucher> {
        self.vouchers.values()
    }

    /// The volunteer's vouchers, oldest first, cancelled ones included.
    pub fn vouchers_of(&self, volunteer: VolunteerId) -> impl Iterator<Item = &Voucher> {
        self.held
            .get(&volunteer)
            .into_iter()
            .flatten()
            .filter_map(|id| self.vouchers.get(id))
    }

    pub fn by_code(&self, code: VoucherCode) -> Option<&Voucher> {
        self.by_code.get(&code).and_then(|id| self.vouchers.get(id))
    }

    /// Folds in an event that passed the rules, given as its perk `action`. Returns the
    /// ledger entry a redemption or a cancellation makes.
    pub(crate) fn apply(&mut self, event: &Event, action: PerkAction<'_>) -> Option<Entry> {
        let at = event.at;
        match action {
            PerkAction::CreatePerk { offer } => {
                let id = PerkId(event.id);
                self.by_id.insert(
                    id,
                    Perk {
                        id,
                        offer: offer.clone(),
                        created: at,
                        withdrawn: None,
                        issued: 0,
                    },
                );
                None
            }
            PerkAction::UpdatePerk { perk, offer } => {
                if let Some(current) = self.by_id.get_mut(perk) {
                    current.offer = offer.clone();
                }
                None
            }
            PerkAction::WithdrawPerk { perk, reason } => {
                if let Some(current) = self.by_id.get_mut(perk) {
                    current.withdrawn = Some(Withdrawal {
                        at,
                        reason: reason.clone(),
                    });
                }
                None
            }
            PerkAction::Redeem { perk, volunteer } => {
                let id = VoucherId(event.id);
                let code = self.free_code(id);
                let current = self.by_id.get_mut(perk)?;
                current.issued += 1;
                let voucher = Voucher {
                    id,
                    code,
                    perk: *perk,
                    volunteer: *volunteer,
                    issued: at,
                    expires: current.offer.valid_until,
                    points: current.offer.cost,
                    used: None,
                    cancelled: None,
                    refund: None,
                };
                let entry = Entry {
                    id: voucher.entry(),
                    at,
                    from: Account::Volunteer(*volunteer),
                    to: Account::Pool,
                    points: voucher.points,
                    kind: EntryKind::Redemption {
                        perk: *perk,
                        voucher: id,
                    },
                    reason: current.offer.title.clone(),
                };
                self.by_code.insert(code, id);
                self.held.entry(*volunteer).or_default().push(id);
                self.vouchers.insert(id, voucher);
                Some(entry)
            }
            PerkAction::VerifyVoucher { voucher } => {
                if let Some(current) = self.vouchers.get_mut(voucher) {
                    current.used = Some(at);
                }
                None
            }
            PerkAction::CancelVoucher { voucher } => {
                let current = self.vouchers.get_mut(voucher)?;
                let refund = EntryId(event.id);
                current.cancelled = Some(at);
                current.refund = Some(refund);
                let mut reason = String::new();
                if let Some(perk) = self.by_id.get_mut(&current.perk) {
                    perk.issued = perk.issued.saturating_sub(1);
                    reason.clone_from(&perk.offer.title);
                }
                Some(Entry {
                    id: refund,
                    at,
                    from: Account::Pool,
                    to: Account::Volunteer(current.volunteer),
                    points: current.points,
                    kind: EntryKind::VoucherRefund { voucher: *voucher },
                    reason,
                })
            }
        }
    }

    /// The first code drawn for the redemption that no voucher has yet (see `code.rs`).
    fn free_code(&self, id: VoucherId) -> VoucherCode {
        (0..=u32::MAX)
            .map(|attempt| VoucherCode::derive(id.0, attempt))
            .find(|code| !self.by_code.contains_key(code))
            // Unreachable: it would take 8.5 × 10¹¹ vouchers to use every code.
            .unwrap_or_else(|| VoucherCode::derive(id.0, 0))
    }
}
