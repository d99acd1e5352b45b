//! Finding projects: by status, by category, the ones that need a volunteer's skills,
//! and a volunteer's or a unit's own ("my projects").

use super::{Initiator, Participant, Project, ProjectStatus};

/// What to look for. Every condition given must hold; `ProjectQuery::default()` finds
/// every project, drafts included.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectQuery {
    /// Only projects in one of these statuses; empty: any status.
    pub statuses: Vec<ProjectStatus>,
    /// Only projects of this category (compared without surrounding spaces).
    pub category: Option<String>,
    /// "Needs my skills": only recruiting projects with a role that has a free slot
    /// and wants any of these skills (a volunteer's `profile.skills`).
    pub skills: Option<Vec<String>>,
    /// "My projects": only projects this volunteer or unit takes part in (an active
    /// sign-up, pending and waitlisted included, an active pledge, or a
    /// confirmation), or, for a unit, started.
    pub involving: Option<Participant>,
}

impl ProjectQuery {
    /// What volunteers and units browse: every status but Draft.
    pub fn public() -> ProjectQuery {
        ProjectQuery {
            statuses: ProjectStatus::ALL
                .into_iter()
                .filter(|s| *s != ProjectStatus::Draft)
                .collect(),
            ..ProjectQuery::default()
        }
    }

    pub fn matches(&self, project: &Project) -> bool {
        if !self.statuses.is_empty() && !self.statuses.contains(&project.status) {
            return false;
        }
        if let Some(category) = &self.category
            && project.plan.category.trim() != category.trim()
        {
            return false;
        }
        if let Some(skills) = &self.skills
            && project.roles_wanting(skills).next().is_none()
        {
            return false;
        }
        if let Some(who) = self.involving {
            let started = match who {
                Participant::Unit(unit) => project.plan.initiator == Initiator::Unit(unit),
                Participant::Volunteer(_) => false,
            };
            if !started && !project.involves(who) {
                return false;
            }
        }
        true
    }
}

/// The order lists show projects in: recruiting first, then under way, drafts,
/// completed, archived and cancelled; within each, the soonest start first.
pub(crate) fn list_order(project: &Project) -> impl Ord {
    let rank = match project.status {
        ProjectStatus::Recruiting => 0,
        ProjectStatus::InProgress => 1,
        ProjectStatus::Draft => 2,
        ProjectStatus::Completed => 3,
        ProjectStatus::Archived => 4,
        ProjectStatus::Cancelled => 5,
    };
    (rank, project.plan.start, project.id)
}
