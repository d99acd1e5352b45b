//! Units (单位): the dual-registered units (双报到单位) whose members report to the
//! community, co-building units (共建单位), companies, and merchants (商户, also called
//! red partners, 红色合伙人) who sponsor perks and accept vouchers.
//!
//! A unit has its own ledger account ([`crate::domain::Account::Unit`]) for unit points
//! (双报到积分), separate from any volunteer's points. Public lists mask the contact
//! person's name and phone with [`crate::domain::mask_name`] and
//! [`crate::domain::mask_phone`], as for volunteers.

use serde::{Deserialize, Serialize};

use super::error::{DomainError, Field};
use super::id::{Timestamp, UnitId};
use super::member::is_phone_or_masked;
use super::text::{NAME_MAX, SHORT_TEXT_MAX, limit, require};

/// The longest unit name: full registered names such as
/// “西安市临潼区某某街道社区卫生服务中心” stay well within it.
pub const UNIT_NAME_MAX: usize = 40;
pub const ADDRESS_MAX: usize = 60;

/// What kind of unit it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 双报到单位: an employer whose party members report to the community.
    #[default]
    DualRegistered,
    /// 共建单位: a unit that builds the community together with it.
    CoBuilding,
    /// A company (企业) without either role.
    Company,
    /// 商户 / 红色合伙人: a merchant that sponsors perks and accepts vouchers.
    Merchant,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [
        UnitKind::DualRegistered,
        UnitKind::CoBuilding,
        UnitKind::Company,
        UnitKind::Merchant,
    ];
}

/// What an organizer records about a unit. Checked by [`UnitProfile::validate`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitProfile {
    pub kind: UnitKind,
    pub name: String,
    /// The contact person (联系人).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub grid: String,
}

impl UnitProfile {
    /// Refuses a blank name, over-long texts and a phone that is not a phone number.
    pub fn validate(&self) -> Result<(), DomainError> {
        require(Field::UnitName, &self.name)?;
        limit(Field::UnitName, &self.name, UNIT_NAME_MAX)?;
        limit(Field::Contact, &self.contact, NAME_MAX)?;
        limit(Field::Address, &self.address, ADDRESS_MAX)?;
        limit(Field::Grid, &self.grid, SHORT_TEXT_MAX)?;
        if !is_phone_or_masked(&self.phone) {
            return Err(DomainError::InvalidPhone);
        }
        Ok(())
    }
}

/// A registered unit, as derived from the events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: UnitId,
    pub profile: UnitProfile,
    pub joined: Timestamp,
}
