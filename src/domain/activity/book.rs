//! The activity book: every activity with its sign-ups, the indexes the rules need, and
//! the fold of activity events. The rules themselves are in `rules.rs`;
//! [`crate::domain::State`] checks the volunteer and dispatches to both.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::{Activity, Cancellation, Service, Signup, Standing};
use crate::domain::area::ActivityAction;
use crate::domain::event::Event;
use crate::domain::id::{ActivityId, EntryId, Timestamp, VolunteerId};
use crate::domain::ledger::Points;

/// Points that confirmed service earned, for the ledger to post from the pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Credit {
    pub id: EntryId,
    pub activity: ActivityId,
    pub volunteer: VolunteerId,
    pub points: Points,
    pub reason: String,
}

/// Every activity, with indexes kept as the events are folded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Activities {
    pub(super) by_id: BTreeMap<ActivityId, Activity>,
    /// The activities where a volunteer holds a seat or a waitlist place, with each
    /// one's time (start, end), so the collision rule looks up only the activities
    /// whose time overlaps.
    pub(super) held: BTreeMap<VolunteerId, BTreeMap<ActivityId, (Timestamp, Timestamp)>>,
    /// Confirmed service minutes per volunteer. Only confirmations add to them; no
    /// points movement ever takes them away.
    minutes: BTreeMap<VolunteerId, u64>,
    no_shows: BTreeMap<VolunteerId, u32>,
}

impl Activities {
    pub fn get(&self, id: ActivityId) -> Option<&Activity> {
        self.by_id.get(&id)
    }

    /// Every activity, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Activity> {
        self.by_id.values()
    }

    /// The activities where the volunteer holds a seat or a waitlist place (confirmed
    /// service included), each with that sign-up, by activity id.
    pub fn held_by(&self, volunteer: VolunteerId) -> impl Iterator<Item = (&Activity, &Signup)> {
        self.held
            .get(&volunteer)
            .into_iter()
            .flat_map(BTreeMap::keys)
            .filter_map(move |id| {
                let activity = self.by_id.get(id)?;
                Some((activity, activity.signup_of(volunteer)?))
            })
    }

    /// The volunteer's total confirmed service minutes.
    pub fn service_minutes(&self, volunteer: VolunteerId) -> u64 {
        self.minutes.get(&volunteer).copied().unwrap_or(0)
    }

    /// How many times the volunteer was marked as a no-show (and not corrected).
    pub fn no_shows(&self, volunteer: VolunteerId) -> u32 {
        self.no_shows.get(&volunteer).copied().unwrap_or(0)
    }

    /// Folds in an event that passed [`Activities::check`], given as its activity
    /// `action`. Returns the points that confirmed service earned, for the ledger.
    pub(crate) fn apply(&mut self, event: &Event, action: ActivityAction<'_>) -> Vec<Credit> {
        let at = event.at;
        match action {
            ActivityAction::CreateActivity { plan } => {
                let id = ActivityId(event.id);
                let activity = Activity {
                    id,
                    plan: plan.clone(),
                    created: at,
                    cancelled: None,
                    signups: Vec::new(),
                    active: FxHashMap::default(),
                    seated: 0,
                };
                self.by_id.insert(id, activity);
            }
            ActivityAction::UpdateActivity { activity, plan } => {
                if let Some(current) = self.by_id.get_mut(activity) {
                    current.plan = plan.clone();
                    fill_seats(current);
                    for signup in current.signups.iter().filter(|s| s.is_active()) {
                        if let Some(span) = self
                            .held
                            .get_mut(&signup.volunteer)
                            .and_then(|held| held.get_mut(activity))
                        {
                            *span = (plan.start, plan.end);
                        }
                    }
                }
            }
            ActivityAction::CancelActivity { activity, reason } => {
                if let Some(current) = self.by_id.get_mut(activity) {
                    current.cancelled = Some(Cancellation {
                        at,
                        reason: reason.clone(),
                    });
                }
            }
            ActivityAction::SignUp {
                activity,
                volunteer,
            }
            | ActivityAction::JoinWaitlist {
                activity,
                volunteer,
            } => {
                if let Some(current) = self.by_id.get_mut(activity) {
                    let standing = if current.free_seats() > 0 {
                        current.seated += 1;
                        Standing::Seated
                    } else {
                        Standing::Waitlisted
                    };
                    current.active.insert(*volunteer, current.signups.len());
                    current.signups.push(Signup {
                        id: event.id,
                        volunteer: *volunteer,
                        at,
                        standing,
                        role: None,
                        checked_in: None,
                        checked_out: None,
                        no_show: false,
                        service: None,
                    });
                    let span = (current.plan.start, current.plan.end);
                    self.held
                        .entry(*volunteer)
                        .or_default()
                        .insert(*activity, span);
                }
            }
            ActivityAction::CancelSignup {
                activity,
                volunteer,
            } => {
                if let Some(current) = self.by_id.get_mut(activity) {
                    let left = current.active.remove(volunteer);
                    if let Some(signup) = left.and_then(|i| current.signups.get_mut(i)) {
                        if signup.is_seated() {
                            current.seated -= 1;
                        }
                        signup.standing = Standing::Cancelled { at };
                    }
                    fill_seats(current);
                }
                if let Some(held) = self.held.get_mut(volunteer) {
                    held.remove(activity);
                }
            }
            ActivityAction::AssignRole {
                activity,
                volunteer,
                role,
            } => {
                if let Some(signup) = self.signup_mut(*activity, *volunteer) {
                    signup.role.clone_from(role);
                }
            }
            ActivityAction::CheckIn {
                activity,
                volunteer,
            } => {
                let mut corrected = false;
                if let Some(signup) = self.signup_mut(*activity, *volunteer) {
                    signup.checked_in = Some(at);
                    corrected = std::mem::take(&mut signup.no_show);
                }
                if corrected && let Some(count) = self.no_shows.get_mut(volunteer) {
                    *count = count.saturating_sub(1);
                }
            }
            ActivityAction::CheckOut {
                activity,
                volunteer,
            } => {
                if let Some(signup) = self.signup_mut(*activity, *volunteer) {
                    signup.checked_out = Some(at);
                }
            }
            ActivityAction::MarkNoShow {
                activity,
                volunteer,
            } => {
                if let Some(signup) = self.signup_mut(*activity, *volunteer) {
                    signup.no_show = true;
                    *self.no_shows.entry(*volunteer).or_default() += 1;
                }
            }
            ActivityAction::ConfirmService {
                activity,
                volunteer,
                minutes,
            } => {
                return self.confirm(*activity, at, |s| s.volunteer == *volunteer, *minutes);
            }
            ActivityAction::ConfirmAll { activity } => {
                return self.confirm(*activity, at, awaits_confirmation, None);
            }
        }
        Vec::new()
    }

    fn signup_mut(&mut self, activity: ActivityId, volunteer: VolunteerId) -> Option<&mut Signup> {
        active_mut(self.by_id.get_mut(&activity)?, volunteer)
    }

    /// Confirms the seated, unconfirmed sign-ups that `which` picks, counting
    /// `minutes` when the organizer gave them, else check-in to check-out.
    fn confirm(
        &mut self,
        id: ActivityId,
        at: Timestamp,
        which: impl Fn(&Signup) -> bool,
        minutes: Option<u32>,
    ) -> Vec<Credit> {
        let Some(activity) = self.by_id.get_mut(&id) else {
            return Vec::new();
        };
        let plan = &activity.plan;
        let mut credits = Vec::new();
        for signup in activity.signups.iter_mut() {
            if !signup.is_seated() || signup.service.is_some() || !which(signup) {
                continue;
            }
            let present = match (minutes, signup.checked_in, signup.checked_out) {
                (Some(minutes), ..) => minutes,
                (None, Some(checked_in), Some(checked_out)) => {
                    plan.minutes_within(checked_in, checked_out)
                }
                (None, ..) => continue,
            };
            let counted = if present >= plan.presence_needed_minutes() {
                present
            } else {
                0
            };
            let points = plan.points_for(counted, signup.role.as_deref());
            let entry = (points > Points::ZERO).then_some(EntryId(signup.id));
            if let Some(entry) = entry {
                credits.push(Credit {
                    id: entry,
                    activity: id,
                    volunteer: signup.volunteer,
                    points,
                    reason: plan.title.clone(),
                });
            }
            *self.minutes.entry(signup.volunteer).or_default() += u64::from(counted);
            signup.service = Some(Service {
                at,
                present_minutes: present,
                minutes: counted,
                points,
                entry,
            });
        }
        credits
    }
}

/// Checked out, not confirmed, not marked absent: what a batch confirmation takes.
pub(super) fn awaits_confirmation(signup: &Signup) -> bool {
    signup.is_seated()
        && signup.service.is_none()
        && !signup.no_show
        && signup.checked_in.is_some()
        && signup.checked_out.is_some()
}

fn active_mut(activity: &mut Activity, volunteer: VolunteerId) -> Option<&mut Signup> {
    let i = *activity.active.get(&volunteer)?;
    activity.signups.get_mut(i)
}

/// Moves the waitlist up, first in line first, while there are free seats.
fn fill_seats(activity: &mut Activity) {
    let mut free = activity.free_seats();
    for signup in activity.signups.iter_mut() {
        if free == 0 {
            break;
        }
        if signup.standing == Standing::Waitlisted {
            signup.standing = Standing::Seated;
            activity.seated += 1;
            free -= 1;
        }
    }
}
