//! Volunteer activities over the years: published one to three weeks ahead, signed up
//! for (with a waitlist and the odd cancellation), run with check-in and check-out
//! (some come late, leave early, forget to check out, or do not come), and confirmed
//! by the organizer, mostly all at once, which credits the points.
//!
//! Activities never overlap (at most one in the morning and one in the afternoon of a
//! day), so no sign-up is refused for a clash.

use super::text;
use super::world::{Task, World};
use crate::domain::{
    Action, ActivityId, ActivityPlan, Points, PointsRule, Role, SignupStatus, Timestamp,
    VolunteerId,
};

/// The activities' share of the ledger's entries, in percent.
const CREDIT_SHARE: u64 = 42;
/// Of those with a seat: who comes, who checks out on time (percent).
const ATTEND: u64 = 91;

pub(super) fn schedule(world: &mut World) {
    let count = world.plan.activities;
    let span = world.days().saturating_sub(17).max(1);
    let mut last_day = u64::MAX;
    for i in 0..count {
        let day = 14 + i * span / count;
        let afternoon = day == last_day;
        last_day = day;
        let lead = world.rng.between(7, 21).min(day - 1);
        let when = world.moment(day - lead, 9, 11);
        let index = i * 2 + u64::from(afternoon);
        world.at(when, Task::CreateActivity { index });
    }
}

impl World {
    /// How many seats an activity offers, so that the activities earn their share.
    fn capacity(&mut self) -> u32 {
        let entries = self.plan.entries as u64;
        let credits = entries * CREDIT_SHARE / 100 / self.plan.activities.max(1);
        let base = credits * 100 / 87;
        let seats = base * self.rng.between(80, 120) / 100;
        u32::try_from(seats.clamp(4, 10_000)).unwrap_or(4)
    }

    pub(super) fn create_activity(&mut self, index: u64) {
        // `index` says which day (from the schedule) and which half of it.
        let count = self.plan.activities;
        let span = self.days().saturating_sub(17).max(1);
        let day = 14 + (index / 2) * span / count;
        let start = self.start
            + day * Timestamp::DAY
            + if index % 2 == 1 {
                14 * Timestamp::HOUR + 30 * Timestamp::MINUTE
            } else {
                9 * Timestamp::HOUR
            };
        let minutes = self.rng.between(4, 6) * 30;
        let end = start + minutes * Timestamp::MINUTE;
        let theme = &text::THEMES[self.rng.index(text::THEMES.len())];
        let home = text::home(&mut self.rng);
        let place = text::ACTIVITY_PLACES[self.rng.index(text::ACTIVITY_PLACES.len())];
        let rule = if self.rng.percent(70) {
            PointsRule::PerHour {
                points_per_hour: Points::whole(i64::try_from(self.rng.between(1, 2)).unwrap_or(1)),
                cap_minutes: self.rng.percent(50).then_some(120),
            }
        } else {
            PointsRule::Fixed(Points::whole(
                i64::try_from(self.rng.between(1, 4) * 5).unwrap_or(5),
            ))
        };
        let roles = if self.rng.percent(40) {
            vec![
                Role {
                    name: "组长".to_owned(),
                    multiplier: 140,
                },
                Role {
                    name: "记录员".to_owned(),
                    multiplier: 120,
                },
            ]
        } else {
            Vec::new()
        };
        let opens = self.now - self.now % Timestamp::DAY;
        let plan = ActivityPlan {
            title: format!("{}{}", home.community, theme.title),
            category: theme.category.to_owned(),
            place: format!("{}社区{place}", home.community),
            details: theme.details.to_owned(),
            start: Timestamp(start),
            end: Timestamp(end),
            capacity: self.capacity(),
            signup_opens: Timestamp(opens),
            signup_closes: Timestamp(start - 12 * Timestamp::HOUR),
            cancel_deadline: Timestamp(start - Timestamp::DAY),
            rule,
            roles,
            presence_percent: 60,
            no_show_limit: 3,
        };
        let capacity = u64::from(plan.capacity);
        let closes = plan.signup_closes.0;
        let Some(id) = self.act(Action::CreateActivity {
            plan: Box::new(plan),
        }) else {
            return;
        };
        let id = ActivityId(id);
        self.activities_created += 1;
        let first = self.now + Timestamp::HOUR;
        let last = closes.saturating_sub(30 * Timestamp::MINUTE).max(first + 1);
        for _ in 0..capacity + capacity * 6 / 100 {
            let when = self.rng.between(first, last);
            self.at(when, Task::SignUp(id));
        }
        if self.rng.percent(1) {
            self.at(start - 2 * Timestamp::DAY, Task::CancelActivity(id));
        } else if self.rng.percent(5) {
            self.at(start - 2 * Timestamp::DAY, Task::Enlarge(id));
        }
        self.at(closes + 30 * Timestamp::MINUTE, Task::AssignRoles(id));
        self.at(start - 20 * Timestamp::MINUTE, Task::Attendance(id));
        let confirm = end + self.rng.between(1, 20) * Timestamp::HOUR;
        self.at(confirm, Task::Confirm(id));
    }

    pub(super) fn sign_up(&mut self, activity: ActivityId) {
        let Some(current) = self.state.activity(activity) else {
            return;
        };
        let full = current.free_seats() == 0;
        let deadline = current.plan.cancel_deadline.0;
        if full && !self.rng.percent(40) {
            return;
        }
        for _ in 0..6 {
            let Some(volunteer) = self.some_volunteer() else {
                return;
            };
            let action = if full {
                Action::JoinWaitlist {
                    activity,
                    volunteer,
                }
            } else {
                Action::SignUp {
                    activity,
                    volunteer,
                }
            };
            if self.act(action).is_some() {
                if self.rng.percent(4) && deadline > self.now + 2 * Timestamp::HOUR {
                    let when = self.rng.between(self.now + Timestamp::HOUR, deadline - 1);
                    self.at(when, Task::CancelSignup(activity, volunteer));
                }
                return;
            }
        }
    }

    /// More seats: the waitlist moves up.
    pub(super) fn enlarge(&mut self, activity: ActivityId) {
        let Some(mut plan) = self.state.activity(activity).map(|a| a.plan.clone()) else {
            return;
        };
        plan.capacity += 5;
        self.act(Action::UpdateActivity {
            activity,
            plan: Box::new(plan),
        });
    }

    pub(super) fn cancel_activity(&mut self, activity: ActivityId) {
        let reason = text::CANCEL_REASONS[self.rng.index(text::CANCEL_REASONS.len())];
        self.act(Action::CancelActivity {
            activity,
            reason: reason.to_owned(),
        });
    }

    fn seated(&self, activity: ActivityId) -> Vec<VolunteerId> {
        self.state.activity(activity).map_or_else(Vec::new, |a| {
            a.roster()
                .filter(|s| s.is_seated())
                .map(|s| s.volunteer)
                .collect()
        })
    }

    pub(super) fn assign_roles(&mut self, activity: ActivityId) {
        let roles: Vec<String> = self
            .state
            .activity(activity)
            .map(|a| a.plan.roles.iter().map(|r| r.name.clone()).collect())
            .unwrap_or_default();
        let seated = self.seated(activity);
        for role in roles {
            if let Some(&volunteer) = self.rng.pick(&seated) {
                self.act(Action::AssignRole {
                    activity,
                    volunteer,
                    role: Some(role),
                });
            }
        }
    }

    /// Plans who comes when, who leaves early, forgets to check out, or stays away.
    pub(super) fn attendance(&mut self, activity: ActivityId) {
        let Some(a) = self.state.activity(activity) else {
            return;
        };
        if a.is_cancelled() {
            return;
        }
        let (start, end) = (a.plan.start.0, a.plan.end.0);
        for volunteer in self.seated(activity) {
            if !self.rng.percent(ATTEND) {
                if self.rng.percent(60) {
                    let when = start + self.rng.between(30, 45) * Timestamp::MINUTE;
                    self.at(when, Task::NoShow(activity, volunteer));
                }
                continue;
            }
            let arrive = start - 15 * Timestamp::MINUTE + self.rng.below(25 * Timestamp::MINUTE);
            self.at(arrive, Task::CheckIn(activity, volunteer));
            match self.rng.below(100) {
                0..=85 => {
                    let leave =
                        end - 10 * Timestamp::MINUTE + self.rng.below(30 * Timestamp::MINUTE);
                    self.at(leave, Task::CheckOut(activity, volunteer));
                }
                86..=90 => {
                    let leave = start + (end - start) * 2 / 5;
                    self.at(leave, Task::CheckOut(activity, volunteer));
                }
                // Forgot to check out: the organizer counts the time by hand.
                _ => {}
            }
        }
    }

    /// The organizer confirms hours: those who forgot to check out one by one with
    /// the time counted by hand, then everyone else, mostly at once (一键确认).
    pub(super) fn confirm(&mut self, activity: ActivityId) {
        let Some(a) = self.state.activity(activity) else {
            return;
        };
        let duration = u64::from(a.plan.duration_minutes());
        let (forgot, waiting): (Vec<_>, Vec<_>) = a
            .roster()
            .filter(|s| {
                s.status() == SignupStatus::CheckedIn || s.status() == SignupStatus::CheckedOut
            })
            .map(|s| (s.volunteer, s.status() == SignupStatus::CheckedIn))
            .partition(|(_, forgot)| *forgot);
        for (volunteer, _) in forgot {
            let minutes = duration * self.rng.between(80, 100) / 100;
            self.act(Action::ConfirmService {
                activity,
                volunteer,
                minutes: u32::try_from(minutes).ok(),
            });
        }
        if self.rng.percent(25) {
            for (volunteer, _) in waiting {
                self.act(Action::ConfirmService {
                    activity,
                    volunteer,
                    minutes: None,
                });
            }
        } else {
            self.act(Action::ConfirmAll { activity });
        }
    }
}
