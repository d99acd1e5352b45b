//! The fold: state derived from events, one at a time, in their total order.
//!
//! [`State::check`] holds every rule an action must pass. It runs twice: before an
//! action is written (so the user hears why it was refused) and again when the event is
//! folded, because events merged from another tab or device may no longer fit (two tabs
//! reversed the same entry at once, say). An event that no longer fits is kept and
//! listed in [`State::rejected`] with its reason, never silently dropped.

use std::collections::BTreeMap;

use super::activity::{Activities, Activity, Signup, StarLevel};
use super::area::{
    AreaAction, Named, PeopleAction, PerkAction, PointsAction, TrustAction, WishAction,
};
use super::error::{DomainError, Field};
use super::event::{Action, Event};
use super::expiry::{PointsPolicy, PointsSummary, Purse};
use super::id::{
    ActivityId, EntryId, EventId, PerkId, ProjectId, Timestamp, UnitId, VolunteerId, VoucherId,
    WishId,
};
use super::ledger::{Account, Entry, EntryKind, Ledger, Points};
use super::member::{Volunteer, VolunteerProfile};
use super::perk::{Perk, Perks, Voucher, VoucherCode};
use super::project::{Participant, Project, ProjectQuery, Projects};
use super::text::{is_phone, limit, reason_text};
use super::trust::{PersonalDetails, Subject};
use super::unit::{Unit, UnitProfile};
use super::wish::{NOTE_MAX, Wishes};

pub use super::text::REASON_MAX;

/// An event that was stored but could not be applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub event: EventId,
    pub error: DomainError,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    volunteers: BTreeMap<VolunteerId, Volunteer>,
    units: BTreeMap<UnitId, Unit>,
    ledger: Ledger,
    activities: Activities,
    perks: Perks,
    projects: Projects,
    wishes: Wishes,
    policy: PointsPolicy,
    /// Each volunteer's points split into lots by expiry (see [`super::expiry`]).
    purses: BTreeMap<VolunteerId, Purse>,
    /// Personal details from the organizer-only log, by whose they are: laid over the
    /// public (masked) profiles (see [`super::trust::personal`]).
    details: BTreeMap<Subject, PersonalDetails>,
    rejected: Vec<Rejected>,
}

impl State {
    pub fn volunteer(&self, id: VolunteerId) -> Option<&Volunteer> {
        self.volunteers.get(&id)
    }

    /// Every volunteer, in the order they were registered.
    pub fn volunteers(&self) -> impl Iterator<Item = &Volunteer> {
        self.volunteers.values()
    }

    /// The micro-wishes; the wall's queries are in [`super::wish`].
    pub(crate) fn wish_book(&self) -> &Wishes {
        &self.wishes
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    pub fn rejected(&self) -> &[Rejected] {
        &self.rejected
    }

    /// A volunteer's points balance in the ledger: the sum of their entries, points
    /// that expired included. What they can spend is [`State::available`].
    pub fn balance(&self, volunteer: VolunteerId) -> Points {
        self.ledger.balance(Account::Volunteer(volunteer))
    }

    /// The points a volunteer can spend at `now` (积分余额 as they see it): the balance
    /// less expired points. The same as [`State::balance`] while nothing has expired.
    /// `now` should be no earlier than the latest event.
    pub fn available(&self, volunteer: VolunteerId, now: Timestamp) -> Points {
        self.purses
            .get(&volunteer)
            .map_or(Points::ZERO, |purse| purse.available(now))
    }

    /// A volunteer's points at `now`: balance, available, expired and expiring soon.
    pub fn points(&self, volunteer: VolunteerId, now: Timestamp) -> PointsSummary {
        let purse = self.purses.get(&volunteer);
        PointsSummary {
            balance: self.balance(volunteer),
            available: purse.map_or(Points::ZERO, |p| p.available(now)),
            expired: purse.map_or(Points::ZERO, |p| p.expired(now)),
            expiring: purse.map(|p| p.expiring(now)).unwrap_or_default(),
        }
    }

    /// A volunteer's points, lot by lot (one per credit), for a detailed view.
    pub fn purse(&self, volunteer: VolunteerId) -> Option<&Purse> {
        self.purses.get(&volunteer)
    }

    /// The community's points policy in force.
    pub fn points_policy(&self) -> PointsPolicy {
        self.policy
    }

    pub fn unit(&self, id: UnitId) -> Option<&Unit> {
        self.units.get(&id)
    }

    /// A volunteer's or a unit's name, in full (public lists mask a volunteer's with
    /// [`super::mask_name`]).
    pub fn participant_name(&self, who: Participant) -> Option<&str> {
        match who {
            Participant::Volunteer(id) => self.volunteer(id).map(|v| v.profile.name.as_str()),
            Participant::Unit(id) => self.unit(id).map(|u| u.profile.name.as_str()),
        }
    }

    /// Every unit, by id (sort by name or `joined` to list them).
    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.units.values()
    }

    /// A unit's unit points (双报到积分).
    pub fn unit_balance(&self, unit: UnitId) -> Points {
        self.ledger.balance(Account::Unit(unit))
    }

    pub fn perk(&self, id: PerkId) -> Option<&Perk> {
        self.perks.get(id)
    }

    /// Every perk, by id (sort by `created` or filter by `phase(now)` to list them).
    pub fn perks(&self) -> impl Iterator<Item = &Perk> {
        self.perks.iter()
    }

    pub fn voucher(&self, id: VoucherId) -> Option<&Voucher> {
        self.perks.voucher(id)
    }

    /// Every voucher, by id.
    pub fn vouchers(&self) -> impl Iterator<Item = &Voucher> {
        self.perks.vouchers()
    }

    /// The volunteer's vouchers, oldest first, cancelled and used ones included.
    pub fn vouchers_of(&self, volunteer: VolunteerId) -> impl Iterator<Item = &Voucher> {
        self.perks.vouchers_of(volunteer)
    }

    /// Finds a voucher by what the merchant typed or scanned (any case, spaces and
    /// hyphens ignored). Verify it with [`Action::VerifyVoucher`] naming its id.
    pub fn voucher_by_code(&self, input: &str) -> Result<&Voucher, DomainError> {
        let code = VoucherCode::parse(input)
            .ok_or_else(|| DomainError::InvalidVoucherCode(input.trim().to_owned()))?;
        self.perks
            .by_code(code)
            .ok_or_else(|| DomainError::UnknownVoucherCode(code.to_string()))
    }

    pub fn activity(&self, id: ActivityId) -> Option<&Activity> {
        self.activities.get(id)
    }

    /// Every activity, by id (sort by `plan.start` to list them by date).
    pub fn activities(&self) -> impl Iterator<Item = &Activity> {
        self.activities.iter()
    }

    /// The volunteer's sign-ups that hold a seat or a waitlist place, confirmed ones
    /// included, each with its activity.
    pub fn signups_of(&self, volunteer: VolunteerId) -> impl Iterator<Item = (&Activity, &Signup)> {
        self.activities.held_by(volunteer)
    }

    /// The volunteer's confirmed service minutes (服务时长). Points spent or deducted
    /// never change them.
    pub fn service_minutes(&self, volunteer: VolunteerId) -> u64 {
        self.activities.service_minutes(volunteer)
    }

    pub fn star_level(&self, volunteer: VolunteerId) -> StarLevel {
        StarLevel::from_minutes(self.service_minutes(volunteer))
    }

    /// How often the volunteer was marked absent (and not corrected).
    pub fn no_shows(&self, volunteer: VolunteerId) -> u32 {
        self.activities.no_shows(volunteer)
    }

    pub fn project(&self, id: ProjectId) -> Option<&Project> {
        self.projects.get(id)
    }

    /// Every project, by id, drafts included.
    pub fn projects(&self) -> impl Iterator<Item = &Project> {
        self.projects.iter()
    }

    /// The projects that `query` finds, recruiting first, then under way, drafts,
    /// completed, archived and cancelled; within each, the soonest start first.
    pub fn find_projects(&self, query: &ProjectQuery) -> Vec<&Project> {
        let mut found: Vec<&Project> = self.projects.iter().filter(|p| query.matches(p)).collect();
        found.sort_by_cached_key(|p| super::project::list_order(p));
        found
    }

    /// "Needs my skills": projects recruiting for a role with a free slot that wants
    /// any of the volunteer's skills (none for a volunteer without skills), in list
    /// order. Which roles: [`Project::roles_wanting`].
    pub fn projects_needing(&self, volunteer: VolunteerId) -> Vec<&Project> {
        let skills = self
            .volunteer(volunteer)
            .map(|v| v.profile.skills.clone())
            .unwrap_or_default();
        self.find_projects(&ProjectQuery {
            skills: Some(skills),
            ..ProjectQuery::default()
        })
    }

    /// "My projects": every project the volunteer or unit takes part in or asked to,
    /// or (a unit) started, drafts included, in list order.
    pub fn projects_of(&self, who: Participant) -> Vec<&Project> {
        self.find_projects(&ProjectQuery {
            involving: Some(who),
            ..ProjectQuery::default()
        })
    }

    /// The categories of the projects, each once, sorted: for a filter's choices.
    pub fn project_categories(&self) -> Vec<&str> {
        let mut categories: Vec<&str> = self
            .projects
            .iter()
            .map(|p| p.plan.category.trim())
            .collect();
        categories.sort_unstable();
        categories.dedup();
        categories
    }

    /// The rules an action must pass against the current state at time `at`, both when
    /// it is written and when it is folded.
    pub fn check(&self, action: &Action, at: Timestamp) -> Result<(), DomainError> {
        self.check_area(action.area(), at)
    }

    /// [`State::check`], by area: the people and points rules are the state's own; an
    /// area's rules run after the people the action names are found known.
    fn check_area(&self, action: AreaAction<'_>, at: Timestamp) -> Result<(), DomainError> {
        match action {
            AreaAction::People(action) => self.check_people(action),
            AreaAction::Points(action) => self.check_points(action, at),
            AreaAction::Activity(action) => {
                self.known(action.named())?;
                self.activities.check(action, at)
            }
            // A redemption also needs the volunteer's service hours and points.
            AreaAction::Perk(PerkAction::Redeem { perk, volunteer }) => {
                self.known_volunteer(*volunteer)?;
                let perk = self.perks.redeemable(*perk, *volunteer, at)?;
                let minutes = self.service_minutes(*volunteer);
                let needed = perk.offer.min_service_minutes;
                if minutes < u64::from(needed) {
                    return Err(DomainError::NotEnoughService { minutes, needed });
                }
                enough(self.available(*volunteer, at), perk.offer.cost)
            }
            AreaAction::Perk(action) => {
                self.known(action.named())?;
                self.perks.check(action, at)
            }
            AreaAction::Project(action) => {
                let skills = self.known(action.named())?;
                self.projects.check(action, at, skills)
            }
            AreaAction::Wish(action) => {
                self.known(action.named())?;
                self.wishes.check(action, at)
            }
            // The keyring judged the others before the fold (`super::trust::Keyring`).
            AreaAction::Trust(TrustAction::RecordDetails { details, .. }) => details_text(details),
            AreaAction::Trust(_) => Ok(()),
        }
    }

    fn check_people(&self, action: PeopleAction<'_>) -> Result<(), DomainError> {
        match action {
            PeopleAction::RegisterVolunteer { profile } => self.volunteer_profile(profile),
            PeopleAction::UpdateVolunteer { volunteer, profile } => {
                self.known_volunteer(*volunteer)?;
                self.volunteer_profile(profile)
            }
            PeopleAction::RegisterUnit { profile } => profile.validate(),
            PeopleAction::UpdateUnit { unit, profile } => {
                self.known_unit(*unit)?;
                profile.validate()
            }
        }
    }

    fn check_points(&self, action: PointsAction<'_>, at: Timestamp) -> Result<(), DomainError> {
        match action {
            PointsAction::AwardPoints {
                volunteer,
                points,
                reason,
            } => {
                self.known_volunteer(*volunteer)?;
                manual_points(*points)?;
                reason_text(reason)
            }
            PointsAction::DeductPoints {
                volunteer,
                points,
                reason,
            } => {
                self.known_volunteer(*volunteer)?;
                manual_points(*points)?;
                reason_text(reason)?;
                enough(self.available(*volunteer, at), *points)
            }
            PointsAction::ReverseEntry { entry, reason } => {
                reason_text(reason)?;
                let original = self
                    .ledger
                    .entry(*entry)
                    .ok_or(DomainError::UnknownEntry(*entry))?;
                match original.kind {
                    EntryKind::Reversal { .. } => return Err(DomainError::CannotReverseReversal),
                    _ if !original.kind.is_reversible() => {
                        return Err(DomainError::RedemptionNotReversible);
                    }
                    _ => {}
                }
                if self.ledger.reversed_by(*entry).is_some() {
                    return Err(DomainError::AlreadyReversed(*entry));
                }
                Ok(())
            }
            PointsAction::AwardUnitPoints {
                unit,
                points,
                reason,
            } => {
                self.known_unit(*unit)?;
                manual_points(*points)?;
                reason_text(reason)
            }
            PointsAction::DeductUnitPoints {
                unit,
                points,
                reason,
            } => {
                self.known_unit(*unit)?;
                manual_points(*points)?;
                reason_text(reason)?;
                enough(self.unit_balance(*unit), *points)
            }
            PointsAction::SetPointsPolicy { policy } => policy.validate(),
        }
    }

    /// The rules that hold only when an action is first written, on top of
    /// [`State::check`]: a merge may later bring a duplicate, which is shown, not refused.
    /// This is also what the app asks before offering a button: a sign-up refused with
    /// [`DomainError::ActivityFull`] offers [`Action::JoinWaitlist`] instead.
    pub fn check_new(&self, action: &Action, at: Timestamp) -> Result<(), DomainError> {
        let whole = action;
        let action = action.area();
        self.check_area(action, at)?;
        match action {
            AreaAction::People(action) => self.check_new_people(action),
            AreaAction::Activity(action) => self.activities.check_new(action),
            AreaAction::Project(action) => self.projects.check_new(action),
            AreaAction::Wish(action) => self.wishes.check_new(action, at),
            AreaAction::Trust(_) => super::trust::trust_text(whole),
            AreaAction::Points(_) | AreaAction::Perk(_) => Ok(()),
        }
    }

    /// A volunteer's number and a unit's name are unique when written.
    fn check_new_people(&self, action: PeopleAction<'_>) -> Result<(), DomainError> {
        let number_taken = |id: Option<VolunteerId>, profile: &VolunteerProfile| {
            let number = profile.number.trim();
            !number.is_empty()
                && self
                    .volunteers
                    .values()
                    .any(|v| Some(v.id) != id && v.profile.number.trim() == number)
        };
        let unit_name_taken = |id: Option<UnitId>, profile: &UnitProfile| {
            let name = profile.name.trim();
            self.units
                .values()
                .any(|u| Some(u.id) != id && u.profile.name.trim() == name)
        };
        match action {
            PeopleAction::RegisterUnit { profile } if unit_name_taken(None, profile) => Err(
                DomainError::DuplicateUnitName(profile.name.trim().to_owned()),
            ),
            PeopleAction::UpdateUnit { unit, profile } if unit_name_taken(Some(*unit), profile) => {
                Err(DomainError::DuplicateUnitName(
                    profile.name.trim().to_owned(),
                ))
            }
            PeopleAction::RegisterVolunteer { profile } if number_taken(None, profile) => {
                Err(DomainError::DuplicateNumber(profile.number.clone()))
            }
            PeopleAction::UpdateVolunteer { volunteer, profile }
                if number_taken(Some(*volunteer), profile) =>
            {
                Err(DomainError::DuplicateNumber(profile.number.clone()))
            }
            _ => Ok(()),
        }
    }

    /// Folds one event in. An event that breaks a rule is recorded as rejected.
    pub fn apply(&mut self, event: &Event) {
        let action = event.action.area();
        match self.check_area(action, event.at) {
            Ok(()) => self.apply_area(event, action),
            Err(error) => self.rejected.push(Rejected {
                event: event.id,
                error,
            }),
        }
    }

    /// Folds in an event that passed [`State::check`], given as its `action`'s area view;
    /// what an area's book returns for the ledger is posted here.
    fn apply_area(&mut self, event: &Event, action: AreaAction<'_>) {
        match action {
            AreaAction::People(action) => self.apply_people(event, action),
            AreaAction::Points(action) => self.apply_points(event, action),
            AreaAction::Activity(action) => {
                for credit in self.activities.apply(event, action) {
                    self.post(Entry {
                        id: credit.id,
                        at: event.at,
                        from: Account::Pool,
                        to: Account::Volunteer(credit.volunteer),
                        points: credit.points,
                        kind: EntryKind::ActivityCredit {
                            activity: credit.activity,
                        },
                        reason: credit.reason,
                    });
                }
            }
            AreaAction::Perk(action) => {
                if let Some(entry) = self.perks.apply(event, action) {
                    self.post(entry);
                }
            }
            AreaAction::Project(action) => {
                for credit in self.projects.apply(event, action) {
                    let to = match credit.to {
                        Participant::Volunteer(v) => Account::Volunteer(v),
                        Participant::Unit(u) => Account::Unit(u),
                    };
                    self.post(Entry {
                        id: credit.id,
                        at: event.at,
                        from: Account::Pool,
                        to,
                        points: credit.points,
                        kind: EntryKind::ProjectCredit {
                            project: credit.project,
                        },
                        reason: credit.reason,
                    });
                }
            }
            AreaAction::Wish(action) => {
                if let Some(entry) = self.wishes.apply(event, action) {
                    self.post(entry);
                }
                match action {
                    WishAction::PostWish { .. } => self.overlay(Subject::Wish(WishId(event.id))),
                    WishAction::UpdateWish { wish, .. } => self.overlay(Subject::Wish(*wish)),
                    _ => {}
                }
            }
            AreaAction::Trust(TrustAction::RecordDetails { subject, details }) => {
                self.details.insert(*subject, details.clone());
                self.overlay(*subject);
            }
            AreaAction::Trust(_) => {}
        }
    }

    fn apply_people(&mut self, event: &Event, action: PeopleAction<'_>) {
        match action {
            PeopleAction::RegisterVolunteer { profile } => {
                let id = VolunteerId(event.id);
                self.volunteers.insert(
                    id,
                    Volunteer {
                        id,
                        profile: profile.clone(),
                        joined: event.at,
                    },
                );
                self.overlay(Subject::Volunteer(id));
            }
            PeopleAction::UpdateVolunteer { volunteer, profile } => {
                if let Some(v) = self.volunteers.get_mut(volunteer) {
                    v.profile = profile.clone();
                }
                self.overlay(Subject::Volunteer(*volunteer));
            }
            PeopleAction::RegisterUnit { profile } => {
                let id = UnitId(event.id);
                self.units.insert(
                    id,
                    Unit {
                        id,
                        profile: profile.clone(),
                        joined: event.at,
                    },
                );
                self.overlay(Subject::Unit(id));
            }
            PeopleAction::UpdateUnit { unit, profile } => {
                if let Some(u) = self.units.get_mut(unit) {
                    u.profile = profile.clone();
                }
                self.overlay(Subject::Unit(*unit));
            }
        }
    }

    /// Posts the entry a points action makes: by hand from the pool or back to it, or
    /// the reversal of an earlier entry, which moves its points the other way.
    fn apply_points(&mut self, event: &Event, action: PointsAction<'_>) {
        let (from, to, points, kind, reason) = match action {
            PointsAction::AwardPoints {
                volunteer,
                points,
                reason,
            } => (
                Account::Pool,
                Account::Volunteer(*volunteer),
                *points,
                EntryKind::Award,
                reason,
            ),
            PointsAction::DeductPoints {
                volunteer,
                points,
                reason,
            } => (
                Account::Volunteer(*volunteer),
                Account::Pool,
                *points,
                EntryKind::Deduction,
                reason,
            ),
            PointsAction::AwardUnitPoints {
                unit,
                points,
                reason,
            } => (
                Account::Pool,
                Account::Unit(*unit),
                *points,
                EntryKind::Award,
                reason,
            ),
            PointsAction::DeductUnitPoints {
                unit,
                points,
                reason,
            } => (
                Account::Unit(*unit),
                Account::Pool,
                *points,
                EntryKind::Deduction,
                reason,
            ),
            PointsAction::ReverseEntry { entry, reason } => {
                let Some(original) = self.ledger.entry(*entry) else {
                    return;
                };
                let kind = EntryKind::Reversal { of: *entry };
                (original.to, original.from, original.points, kind, reason)
            }
            PointsAction::SetPointsPolicy { policy } => {
                self.policy = *policy;
                return;
            }
        };
        self.post(Entry {
            id: EntryId(event.id),
            at: event.at,
            from,
            to,
            points,
            kind,
            reason: reason.clone(),
        });
    }

    /// Lays the personal details recorded for `subject`, if any, over its public
    /// profile: on an organizer device the state shows full names and phones.
    fn overlay(&mut self, subject: Subject) {
        let Some(details) = self.details.get(&subject) else {
            return;
        };
        match subject {
            Subject::Volunteer(id) => {
                if let Some(v) = self.volunteers.get_mut(&id) {
                    details.overlay_volunteer(&mut v.profile);
                }
            }
            Subject::Unit(id) => {
                if let Some(u) = self.units.get_mut(&id) {
                    details.overlay_unit(&mut u.profile);
                }
            }
            Subject::Wish(id) => {
                if let Some(plan) = self.wishes.plan_mut(id) {
                    details.overlay_wish(plan);
                }
            }
        }
    }

    /// Posts an entry to the ledger and keeps the volunteers' lots (see
    /// [`super::expiry`]) in step with it.
    fn post(&mut self, entry: Entry) {
        let expires = self.policy.expiry_of(entry.at);
        for account in [entry.from, entry.to] {
            let Account::Volunteer(volunteer) = account else {
                continue;
            };
            let change = entry.effect_on(account).0;
            let purse = self.purses.entry(volunteer).or_default();
            if change > 0 {
                // Points given back return to the lots they were spent from.
                let restores = match entry.kind {
                    EntryKind::Reversal { of } => Some(of),
                    EntryKind::VoucherRefund { voucher } => Some(EntryId(voucher.0)),
                    _ => None,
                };
                purse.credit(entry.id, entry.at, change, expires, restores);
            } else if change < 0 {
                // A reversal of a credit takes back that credit's own points first.
                let prefer = match entry.kind {
                    EntryKind::Reversal { of } => Some(of),
                    _ => None,
                };
                purse.debit(entry.id, entry.at, -change, prefer);
            }
        }
        self.ledger.post(entry);
    }

    /// Checks that the people an action names are known; returns the skills of the
    /// volunteer or unit it names as a participant (see [`State::known_participant`]).
    fn known(&self, named: Named<'_>) -> Result<&[String], DomainError> {
        match named {
            Named::Nobody => Ok(&[]),
            Named::Volunteer(id) => self.known_volunteer(id).map(|_| &[][..]),
            Named::Unit(id) => self.known_unit(id).map(|_| &[][..]),
            Named::Participant(who) => self.known_participant(who),
            Named::Participants(all) => {
                for who in all {
                    self.known_participant(*who)?;
                }
                Ok(&[])
            }
        }
    }

    fn known_volunteer(&self, id: VolunteerId) -> Result<&Volunteer, DomainError> {
        self.volunteers
            .get(&id)
            .ok_or(DomainError::UnknownVolunteer(id))
    }

    fn known_unit(&self, id: UnitId) -> Result<&Unit, DomainError> {
        self.units.get(&id).ok_or(DomainError::UnknownUnit(id))
    }

    /// A known volunteer or unit, with the skills a project role checks: a
    /// volunteer's own, none for a unit (which vouches for the people it sends).
    fn known_participant(&self, who: Participant) -> Result<&[String], DomainError> {
        match who {
            Participant::Volunteer(v) => Ok(&self.known_volunteer(v)?.profile.skills),
            Participant::Unit(u) => self.known_unit(u).map(|_| &[][..]),
        }
    }

    /// A volunteer's profile is valid and names a known unit, if any.
    fn volunteer_profile(&self, profile: &VolunteerProfile) -> Result<(), DomainError> {
        profile.validate()?;
        if let Some(unit) = profile.unit {
            self.known_unit(unit)?;
        }
        Ok(())
    }
}

/// Spending `needed` from `available` points.
fn enough(available: Points, needed: Points) -> Result<(), DomainError> {
    if available < needed {
        Err(DomainError::InsufficientPoints {
            balance: available,
            needed,
        })
    } else {
        Ok(())
    }
}

fn manual_points(points: Points) -> Result<(), DomainError> {
    if points <= Points::ZERO || points > Points::MANUAL_MAX {
        Err(DomainError::PointsOutOfRange {
            max: Points::MANUAL_MAX,
        })
    } else {
        Ok(())
    }
}

/// Personal details hold what the forms they come from allow.
fn details_text(details: &PersonalDetails) -> Result<(), DomainError> {
    limit(Field::Name, &details.name, super::text::NAME_MAX)?;
    if !details.phone.is_empty() && !is_phone(&details.phone) {
        return Err(DomainError::InvalidPhone);
    }
    limit(Field::PrivateNote, &details.note, NOTE_MAX)
}
