//! What a sponsor offers in the points shop: a perk's title, cost, stock, limits and
//! dates.

use serde::{Deserialize, Serialize};

use crate::domain::error::{DomainError, Field};
use crate::domain::id::{Timestamp, UnitId};
use crate::domain::ledger::Points;
use crate::domain::text::{limit, require};

pub const PERK_TITLE_MAX: usize = 40;
pub const DESCRIPTION_MAX: usize = 500;
/// The most one perk may cost: guards against a typo of zeros.
pub const PERK_COST_MAX: Points = Points(100_000 * 100);
/// The most vouchers one perk may issue.
pub const STOCK_MAX: u32 = 100_000;
/// The most service a perk may ask for: five stars' worth.
pub const MIN_SERVICE_MAX_HOURS: u32 = 1_500;

/// Everything an organizer enters for a perk (礼遇). Checked by [`PerkOffer::validate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerkOffer {
    /// The unit that sponsors the perk; `None` when the community itself offers it.
    /// Usually a merchant (商户 / 红色合伙人), but any registered unit may sponsor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsor: Option<UnitId>,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The points one voucher costs.
    pub cost: Points,
    /// How many vouchers may be out at once: cancelled ones give their place back.
    pub stock: u32,
    /// How many vouchers one volunteer may hold (used ones included, cancelled ones
    /// not); `None`: no limit beyond the stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_person: Option<u32>,
    /// Redemption is open while `valid_from <= at < valid_until`; a voucher expires
    /// at the `valid_until` in force when it was issued.
    pub valid_from: Timestamp,
    pub valid_until: Timestamp,
    /// Confirmed service minutes a volunteer needs to redeem (长沙: 5 h before the first
    /// redemption). Service minutes never go down, so “before the first redemption”
    /// and “at every redemption” are the same rule.
    #[serde(default)]
    pub min_service_minutes: u32,
}

impl PerkOffer {
    /// Refuses blank or over-long texts, impossible costs, stock and limits, and dates
    /// out of order, each with its own reason.
    pub fn validate(&self) -> Result<(), DomainError> {
        require(Field::PerkTitle, &self.title)?;
        limit(Field::PerkTitle, &self.title, PERK_TITLE_MAX)?;
        limit(Field::Description, &self.description, DESCRIPTION_MAX)?;
        if self.cost <= Points::ZERO || self.cost > PERK_COST_MAX {
            return Err(DomainError::PerkCostOutOfRange { max: PERK_COST_MAX });
        }
        if self.stock == 0 || self.stock > STOCK_MAX {
            return Err(DomainError::StockOutOfRange { max: STOCK_MAX });
        }
        if let Some(n) = self.per_person
            && (n == 0 || n > STOCK_MAX)
        {
            return Err(DomainError::PerPersonOutOfRange { max: STOCK_MAX });
        }
        if self.valid_until <= self.valid_from {
            return Err(DomainError::ValidUntilNotAfterFrom);
        }
        if self.min_service_minutes > MIN_SERVICE_MAX_HOURS * 60 {
            return Err(DomainError::MinServiceOutOfRange {
                max_hours: MIN_SERVICE_MAX_HOURS,
            });
        }
        Ok(())
    }
}
