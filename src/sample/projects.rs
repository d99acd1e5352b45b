//! Co-construction projects (共建项目): drafted, published, joined by volunteers and
//! units (some with the organizer's approval, a few withdrawing), pledged to by units,
//! started, completed, their participants confirmed (which credits points), archived;
//! a few are cancelled.

use super::text;
use super::world::{Task, World};
use crate::domain::{
    Action, Cover, Initiator, JoinMode, Need, NeedUnit, Participant, Points, ProjectId,
    ProjectPlan, ProjectRole, ProjectRule, ProjectStatus, Timestamp,
};

/// Roles: name, the skill it asks for, and its fewest and most slots.
const ROLES: [(&str, Option<&str>, u64, u64); 8] = [
    ("施工协助", None, 4, 12),
    ("宣传员", None, 2, 5),
    ("后勤保障", None, 2, 6),
    ("值守志愿者", None, 3, 10),
    ("电工", Some("电工"), 1, 3),
    ("摄影记录", Some("摄影"), 1, 2),
    ("设计", Some("计算机"), 1, 2),
    ("送餐员", Some("驾驶"), 2, 5),
];

const COLOURS: [&str; 4] = ["#c0392b", "#2e86c1", "#28b463", "#d68910"];

pub(super) fn schedule(world: &mut World) {
    let count = world.plan.projects;
    let span = world.days().saturating_sub(40).max(1);
    for i in 0..count {
        let day = 7 + i * span / count + world.rng.below(5);
        let when = world.moment(day, 9, 17);
        world.at(when, Task::CreateProject);
    }
}

fn need(rng: &mut super::rng::Rng, which: u64) -> Need {
    let (name, unit, from, to) = match which {
        0 => ("资金", NeedUnit::Yuan, 2_000, 50_000),
        1 => ("场地", NeedUnit::SquareMetres, 50, 300),
        2 => ("油漆", NeedUnit::Custom("桶".to_owned()), 10, 50),
        3 => ("绿植", NeedUnit::Items, 20, 200),
        4 => ("桌椅", NeedUnit::Custom("套".to_owned()), 5, 30),
        _ => ("建材", NeedUnit::Items, 50, 500),
    };
    Need {
        name: name.to_owned(),
        quantity: rng.between(from, to),
        unit,
    }
}

impl World {
    pub(super) fn create_project(&mut self) {
        let kind = &text::PROJECTS[self.rng.index(text::PROJECTS.len())];
        let home = text::home(&mut self.rng);
        let publish = self.now + self.rng.between(1, 3) * Timestamp::DAY;
        let start = publish + self.rng.between(14, 28) * Timestamp::DAY;
        let end = start + self.rng.between(20, 60) * Timestamp::DAY;
        let mut roles: Vec<ProjectRole> = Vec::new();
        for _ in 0..self.rng.between(2, 4) {
            let (name, skill, fewest, most) = ROLES[self.rng.index(ROLES.len())];
            if roles.iter().any(|r| r.name == name) {
                continue;
            }
            roles.push(ProjectRole {
                name: name.to_owned(),
                slots: u32::try_from(self.rng.between(fewest, most)).unwrap_or(1),
                skills: skill.map(str::to_owned).into_iter().collect(),
                points: skill.map(|_| Points::whole(40)),
            });
        }
        let mut needs: Vec<Need> = Vec::new();
        for _ in 0..self.rng.below(4) {
            let which = self.rng.below(6);
            let need = need(&mut self.rng, which);
            if !needs.iter().any(|n| n.name == need.name) {
                needs.push(need);
            }
        }
        let initiator = match self.rng.pick(&self.member_units) {
            Some(&unit) if self.rng.percent(30) => Initiator::Unit(unit),
            _ => Initiator::Community,
        };
        let cover = if self.rng.percent(60) {
            Cover::Icon(kind.icon.to_owned())
        } else {
            Cover::Colour(COLOURS[self.rng.index(COLOURS.len())].to_owned())
        };
        let plan = ProjectPlan {
            title: format!("{}{}", home.estate, kind.title),
            description: kind.description.to_owned(),
            initiator,
            start: Timestamp(start),
            end: Timestamp(end),
            place: format!("{}社区{}", home.community, home.estate),
            category: kind.category.to_owned(),
            cover,
            join: if self.rng.percent(30) {
                JoinMode::Approval
            } else {
                JoinMode::Open
            },
            withdraw_deadline: Timestamp(start),
            rule: ProjectRule {
                volunteer_points: Points::whole(
                    i64::try_from(self.rng.between(2, 6) * 5).unwrap_or(10),
                ),
                unit_points: Points::whole(
                    i64::try_from(self.rng.between(4, 16) * 5).unwrap_or(20),
                ),
            },
            roles,
            needs,
        };
        let slots: u32 = plan.roles.iter().map(|r| r.slots).sum();
        let needs = plan.needs.len() as u64;
        let Some(id) = self.act(Action::CreateProject {
            plan: Box::new(plan),
        }) else {
            return;
        };
        let id = ProjectId(id);
        self.at(publish, Task::PublishProject(id));
        let (first, last) = (publish + 2 * Timestamp::HOUR, start - Timestamp::DAY);
        for _ in 0..u64::from(slots) * 115 / 100 {
            let when = self.rng.between(first, last);
            self.at(when, Task::JoinProject(id));
        }
        for _ in 0..needs * 2 {
            let when = self.rng.between(first, last);
            self.at(when, Task::Pledge(id));
        }
        self.at((first + last) / 2, Task::ProjectUpdate(id));
        if self.rng.percent(4) {
            let when = self.rng.between(first, last);
            self.at(when, Task::CancelProject(id));
        }
        self.at(start, Task::StartProject(id));
        self.at(start + 10 * Timestamp::DAY, Task::ProjectUpdate(id));
        self.at(end, Task::CompleteProject(id));
        let confirm = end + self.rng.between(1, 5) * Timestamp::DAY;
        self.at(confirm, Task::ConfirmProject(id));
        let archive = confirm + self.rng.between(7, 30) * Timestamp::DAY;
        self.at(archive, Task::ArchiveProject(id));
    }

    pub(super) fn publish_project(&mut self, project: ProjectId) {
        self.act(Action::PublishProject { project });
    }

    pub(super) fn join_project(&mut self, project: ProjectId) {
        let Some(p) = self.state.project(project) else {
            return;
        };
        if p.status != ProjectStatus::Recruiting {
            return;
        }
        let approval = p.plan.join == JoinMode::Approval;
        let free: Vec<(String, Option<String>)> = p
            .plan
            .roles
            .iter()
            .filter(|r| p.free_slots(&r.name) > 0)
            .map(|r| (r.name.clone(), r.skills.first().cloned()))
            .collect();
        for _ in 0..5 {
            let Some((role, skill)) = self.rng.pick(&free).cloned() else {
                return;
            };
            let who = if skill.is_none() && self.rng.percent(15) {
                match self.rng.pick(&self.member_units) {
                    Some(&unit) => Participant::Unit(unit),
                    None => continue,
                }
            } else {
                let candidate = match &skill {
                    Some(skill) => self
                        .skilled
                        .get(skill)
                        .and_then(|holders| holders.get(self.rng.index(holders.len())))
                        .copied(),
                    None => self.some_volunteer(),
                };
                match candidate {
                    Some(v) => Participant::Volunteer(v),
                    None => continue,
                }
            };
            let assigned = self.rng.percent(10);
            let action = if assigned {
                Action::AssignToRole {
                    project,
                    role: role.clone(),
                    who,
                }
            } else {
                Action::JoinRole {
                    project,
                    role: role.clone(),
                    who,
                }
            };
            if self.act(action).is_none() {
                continue;
            }
            if approval && !assigned {
                let when = self.now + self.rng.between(4, 30) * Timestamp::HOUR;
                self.at(when, Task::Decide(project, role.clone(), who));
            }
            if self.rng.percent(5) {
                let when = self.now + self.rng.between(1, 5) * Timestamp::DAY;
                self.at(when, Task::Withdraw(project, role, who));
            }
            return;
        }
    }

    /// The organizer approves a request (通过), or now and then declines it.
    pub(super) fn decide(&mut self, project: ProjectId, role: String, who: Participant) {
        if self.rng.percent(90) {
            self.act(Action::ApproveJoin { project, role, who });
        } else {
            self.act(Action::DeclineJoin {
                project,
                role,
                who,
                reason: "名额已满，感谢支持".to_owned(),
            });
        }
    }

    pub(super) fn pledge(&mut self, project: ProjectId) {
        let Some(p) = self.state.project(project) else {
            return;
        };
        let Some(need) = self.rng.pick(&p.plan.needs) else {
            return;
        };
        let remaining = need.quantity.saturating_sub(p.pledged(&need.name));
        let name = need.name.clone();
        if remaining == 0 {
            return;
        }
        let Some(&unit) = self.rng.pick(&self.units) else {
            return;
        };
        let quantity = if self.rng.percent(40) {
            remaining
        } else {
            self.rng.between(1, remaining)
        };
        self.act(Action::PledgeToNeed {
            project,
            need: name,
            unit,
            quantity,
        });
    }

    pub(super) fn project_update(&mut self, project: ProjectId) {
        let text = text::PROJECT_UPDATES[self.rng.index(text::PROJECT_UPDATES.len())];
        self.act(Action::PostProjectUpdate {
            project,
            text: text.to_owned(),
        });
    }

    pub(super) fn start_project(&mut self, project: ProjectId) {
        self.act(Action::StartProject { project });
    }

    pub(super) fn complete_project(&mut self, project: ProjectId) {
        self.act(Action::CompleteProject { project });
    }

    /// Everyone who took part is confirmed at once (确认参与).
    pub(super) fn confirm_project(&mut self, project: ProjectId) {
        let Some(p) = self.state.project(project) else {
            return;
        };
        let participants: Vec<Participant> = p
            .participants()
            .into_iter()
            .filter(|line| line.confirmed.is_none())
            .map(|line| line.who)
            .collect();
        if !participants.is_empty() {
            self.act(Action::ConfirmParticipation {
                project,
                participants,
            });
        }
    }

    pub(super) fn cancel_project(&mut self, project: ProjectId) {
        self.act(Action::CancelProject {
            project,
            reason: "选址未获居民同意，暂缓实施".to_owned(),
        });
    }
}
