//! Where a project stands, on its own so that [`crate::domain::error`] can name it
//! without importing the project area.

use serde::{Deserialize, Serialize};

/// Where a project stands in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// Being prepared (草稿); only the organizer sees it.
    Draft,
    /// Taking sign-ups and pledges (招募中).
    Recruiting,
    /// Under way (进行中): no new sign-ups; the organizer may still assign people.
    InProgress,
    /// Done (已完成): the organizer confirms who took part.
    Completed,
    /// Filed away (已归档): read only.
    Archived,
    /// Called off (已取消), with the reason. Sign-ups and pledges are kept.
    Cancelled,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 6] = [
        ProjectStatus::Draft,
        ProjectStatus::Recruiting,
        ProjectStatus::InProgress,
        ProjectStatus::Completed,
        ProjectStatus::Archived,
        ProjectStatus::Cancelled,
    ];
}
