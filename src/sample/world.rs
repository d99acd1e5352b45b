//! The simulation behind the sample data: a street's organizers and volunteers acting
//! over the years, one task at a time in time order.
//!
//! Every action is checked with [`State::check_new`] at its own time, exactly as the app
//! checks it before writing, and folded in at once; an action the rules refuse (a full
//! activity, a volunteer with too few points) is simply not taken. So the events come
//! out in their total order and every one of them passes [`State::check`] when the list
//! is folded again.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

use super::Plan;
use super::rng::Rng;
use crate::domain::trust::DeviceKey;
use crate::domain::{
    Action, ActivityId, EntryId, Event, EventId, PerkId, ProjectId, ReplicaId, State, Timestamp,
    UnitId, VolunteerId, VoucherId, WishId,
};
use crate::domain::{Claimant, Participant};
use crate::store::seal::{self, Log};

/// A new day or a pause longer than this usually ends a session: the next action
/// comes from a new tab or device, with its own replica id.
const SESSION_GAP: u64 = 3 * Timestamp::HOUR;
const CHINA: u64 = 8 * Timestamp::HOUR;

/// Something someone will do at a given time.
#[derive(Clone, Debug)]
pub(super) enum Task {
    Policies,
    RegisterVolunteer,
    RegisterUnit,
    Office { day: u64 },
    UnitMonth { month: u64 },
    Shop { day: u64 },
    CreateActivity { index: u64 },
    SignUp(ActivityId),
    CancelSignup(ActivityId, VolunteerId),
    Enlarge(ActivityId),
    CancelActivity(ActivityId),
    AssignRoles(ActivityId),
    Attendance(ActivityId),
    CheckIn(ActivityId, VolunteerId),
    CheckOut(ActivityId, VolunteerId),
    NoShow(ActivityId, VolunteerId),
    Confirm(ActivityId),
    CreatePerk,
    UpdatePerk(PerkId),
    WithdrawPerk(PerkId),
    Verify(VoucherId),
    CancelVoucher(VoucherId),
    CreateProject,
    PublishProject(ProjectId),
    JoinProject(ProjectId),
    Decide(ProjectId, String, Participant),
    Withdraw(ProjectId, String, Participant),
    Pledge(ProjectId),
    ProjectUpdate(ProjectId),
    StartProject(ProjectId),
    CompleteProject(ProjectId),
    ConfirmProject(ProjectId),
    ArchiveProject(ProjectId),
    CancelProject(ProjectId),
    PostWish,
    ReviewWish(WishId),
    ClaimWish(WishId),
    Fulfil(WishId, Claimant),
    Release(WishId, Claimant),
    ConfirmWish(WishId),
    CloseWish(WishId),
}

struct Scheduled {
    at: u64,
    order: u64,
    task: Task,
}

impl PartialEq for Scheduled {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.order) == (other.at, other.order)
    }
}

impl Eq for Scheduled {}

impl PartialOrd for Scheduled {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Scheduled {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.at, self.order).cmp(&(other.at, other.order))
    }
}

/// The street being simulated: the state so far, the events written, who is who.
pub(super) struct World {
    pub rng: Rng,
    pub state: State,
    pub plan: Plan,
    /// The first and the last moment of the simulated years (ms, China midnights).
    pub start: u64,
    pub end: u64,
    /// When the next action happens, at the earliest.
    pub now: u64,
    events: Vec<Event>,
    last: u64,
    /// The replicas of the organizer's key, which every session writes under.
    sessions: Sessions,
    /// The current session's writers: its community log and, once it wrote personal
    /// details, its organizer-only log.
    public: Option<Writer>,
    private: Option<Writer>,
    queue: BinaryHeap<Reverse<Scheduled>>,
    order: u64,
    /// Volunteers who do most of the work (about a third), and the others.
    pub active: Vec<VolunteerId>,
    pub occasional: Vec<VolunteerId>,
    /// Volunteers by skill.
    pub skilled: BTreeMap<String, Vec<VolunteerId>>,
    /// Dual-registered and co-building units, which earn unit points and join projects.
    pub member_units: Vec<UnitId>,
    pub merchants: Vec<UnitId>,
    pub units: Vec<UnitId>,
    pub unit_names: BTreeSet<String>,
    pub perks: Vec<PerkId>,
    /// Manual awards, for the odd reversal of a mistyped one.
    pub awards: Vec<EntryId>,
    pub wishes: Vec<WishId>,
    pub registered: u32,
    pub activities_created: u64,
}

impl World {
    pub fn new(plan: Plan, seed: u64, start: u64, end: u64, key: DeviceKey) -> World {
        World {
            rng: Rng::new(seed),
            state: State::default(),
            plan,
            start,
            end,
            now: start,
            events: Vec::new(),
            last: 0,
            sessions: Sessions::new(key, seed),
            public: None,
            private: None,
            queue: BinaryHeap::new(),
            order: 0,
            active: Vec::new(),
            occasional: Vec::new(),
            skilled: BTreeMap::new(),
            member_units: Vec::new(),
            merchants: Vec::new(),
            units: Vec::new(),
            unit_names: BTreeSet::new(),
            perks: Vec::new(),
            awards: Vec::new(),
            wishes: Vec::new(),
            registered: 0,
            activities_created: 0,
        }
    }

    /// Takes the action now if the rules allow it, as a session's store would
    /// (`Store::act`): checked, given the next name of the current session's replica
    /// and a stamp, split into its public form and the personal details it carried
    /// (the details go to the session's organizer-only log, stamped a millisecond
    /// later), and folded in. Returns the id of the public event.
    pub fn act(&mut self, action: Action) -> Option<EventId> {
        let at = self.now.max(self.last + 1);
        self.state.check_new(&action, Timestamp(at)).ok()?;
        let new_day = (at + CHINA) / Timestamp::DAY != (self.last + CHINA) / Timestamp::DAY;
        let pause = at > self.last + SESSION_GAP;
        if self.public.is_none() || ((new_day || pause) && self.rng.percent(85)) {
            self.public = Some(self.sessions.writer(Log::Public));
            self.private = None;
        }
        let public = self.public.as_mut()?;
        let id = EventId::new(public.replica, public.seq + 1);
        let (action, details) = action.split_personal(id);
        let details = details.map(|(subject, details)| Action::RecordDetails { subject, details });
        if let Some(details) = &details {
            self.state.check_new(details, Timestamp(at + 1)).ok()?;
        }
        public.seq += 1;
        let event = Event {
            id,
            at: Timestamp(at),
            action,
        };
        self.state.apply(&event);
        self.events.push(event);
        self.last = at;
        if let Some(action) = details {
            let writer = match &mut self.private {
                Some(writer) => writer,
                None => self.private.insert(self.sessions.writer(Log::Private)),
            };
            writer.seq += 1;
            let details = Event {
                id: EventId::new(writer.replica, writer.seq),
                at: Timestamp(at + 1),
                action,
            };
            self.state.apply(&details);
            self.events.push(details);
            self.last = at + 1;
        }
        // The next action is typed or tapped a little later.
        self.now = at + self.rng.between(15, 90) * 1_000;
        Some(id)
    }

    /// The community's first event, the founding (`Store::found`), by the organizer's
    /// key in the first session: before everything else.
    pub fn found(&mut self, name: &str) {
        let key = self.sessions.key;
        self.act(Action::FoundCommunity {
            key,
            name: name.to_owned(),
        });
    }

    /// Plans a task; tasks after the close of the simulated years never happen.
    pub fn at(&mut self, when: u64, task: Task) {
        if when <= self.close() {
            self.order += 1;
            self.queue.push(Reverse(Scheduled {
                at: when,
                order: self.order,
                task,
            }));
        }
    }

    /// A moment on `day` (counted from the start) between the two hours of the day.
    pub fn moment(&mut self, day: u64, from_hour: u64, to_hour: u64) -> u64 {
        let from = self.start + day * Timestamp::DAY + from_hour * Timestamp::HOUR;
        from + self
            .rng
            .below((to_hour - from_hour).max(1) * Timestamp::HOUR)
    }

    pub fn days(&self) -> u64 {
        (self.end - self.start) / Timestamp::DAY
    }

    /// The last two hours are kept for the year-end awards.
    fn close(&self) -> u64 {
        self.end - 2 * Timestamp::HOUR
    }

    /// Runs every task in time order, then tops the ledger up to the planned size with
    /// the year-end awards (年度表彰), spread over the last two hours.
    pub fn run(mut self) -> (Vec<Event>, Vec<(ReplicaId, Log, u32)>) {
        while let Some(Reverse(next)) = self.queue.pop() {
            self.now = next.at.max(self.last + 1);
            self.perform(next.task);
        }
        let missing = self.plan.entries.saturating_sub(self.entries());
        let from = self.close().max(self.last + 1);
        let step = (self.end - from) / (missing as u64 + 1);
        for k in 0..missing as u64 {
            self.now = from + k * step;
            self.year_end_award();
        }
        (self.events, self.sessions.replicas)
    }

    pub fn entries(&self) -> usize {
        self.state.ledger().entries().len()
    }

    fn perform(&mut self, task: Task) {
        match task {
            Task::Policies => self.policies(),
            Task::RegisterVolunteer => self.register_volunteer(),
            Task::RegisterUnit => self.register_unit(),
            Task::Office { day } => self.office(day),
            Task::UnitMonth { month } => self.unit_month(month),
            Task::Shop { day } => self.shop(day),
            Task::CreateActivity { index } => self.create_activity(index),
            Task::SignUp(a) => self.sign_up(a),
            Task::CancelSignup(a, v) => {
                self.act(Action::CancelSignup {
                    activity: a,
                    volunteer: v,
                });
            }
            Task::Enlarge(a) => self.enlarge(a),
            Task::CancelActivity(a) => self.cancel_activity(a),
            Task::AssignRoles(a) => self.assign_roles(a),
            Task::Attendance(a) => self.attendance(a),
            Task::CheckIn(a, v) => {
                self.act(Action::CheckIn {
                    activity: a,
                    volunteer: v,
                });
            }
            Task::CheckOut(a, v) => {
                self.act(Action::CheckOut {
                    activity: a,
                    volunteer: v,
                });
            }
            Task::NoShow(a, v) => {
                self.act(Action::MarkNoShow {
                    activity: a,
                    volunteer: v,
                });
            }
            Task::Confirm(a) => self.confirm(a),
            Task::CreatePerk => self.create_perk(),
            Task::UpdatePerk(p) => self.update_perk(p),
            Task::WithdrawPerk(p) => self.withdraw_perk(p),
            Task::Verify(voucher) => {
                self.act(Action::VerifyVoucher { voucher });
            }
            Task::CancelVoucher(voucher) => {
                self.act(Action::CancelVoucher { voucher });
            }
            Task::CreateProject => self.create_project(),
            Task::PublishProject(p) => self.publish_project(p),
            Task::JoinProject(p) => self.join_project(p),
            Task::Decide(p, role, who) => self.decide(p, role, who),
            Task::Withdraw(project, role, who) => {
                self.act(Action::WithdrawFromRole { project, role, who });
            }
            Task::Pledge(p) => self.pledge(p),
            Task::ProjectUpdate(p) => self.project_update(p),
            Task::StartProject(p) => self.start_project(p),
            Task::CompleteProject(p) => self.complete_project(p),
            Task::ConfirmProject(p) => self.confirm_project(p),
            Task::ArchiveProject(project) => {
                self.act(Action::ArchiveProject { project });
            }
            Task::CancelProject(p) => self.cancel_project(p),
            Task::PostWish => self.post_wish(),
            Task::ReviewWish(w) => self.review_wish(w),
            Task::ClaimWish(w) => self.claim_wish(w),
            Task::Fulfil(w, c) => self.fulfil(w, c),
            Task::Release(w, c) => self.release(w, c),
            Task::ConfirmWish(w) => self.confirm_wish(w),
            Task::CloseWish(wish) => {
                self.act(Action::CloseWish { wish });
            }
        }
    }

    /// A volunteer: usually one of the active third.
    pub fn some_volunteer(&mut self) -> Option<VolunteerId> {
        if self.occasional.is_empty() || (!self.active.is_empty() && self.rng.percent(75)) {
            self.rng.pick(&self.active).copied()
        } else {
            self.rng.pick(&self.occasional).copied()
        }
    }

    /// The share of `total` that falls on step `step` of `steps`, spreading it evenly
    /// (the shares add up to `total` exactly).
    pub fn share(total: u64, step: u64, steps: u64) -> u64 {
        let steps = steps.max(1);
        total * (step + 1) / steps - total * step / steps
    }
}

/// The replicas of one organizer key: each writer a new nonce, as the store makes them
/// (`seal::derive_replica`), never a replica used before.
pub(super) struct Sessions {
    pub key: DeviceKey,
    /// Every replica, with its log and nonce, in the order the sessions opened them.
    pub replicas: Vec<(ReplicaId, Log, u32)>,
    used: BTreeSet<ReplicaId>,
    /// The nonces' own stream, so the street's decisions do not depend on them.
    nonces: Rng,
}

impl Sessions {
    fn new(key: DeviceKey, seed: u64) -> Sessions {
        Sessions {
            key,
            replicas: Vec::new(),
            used: BTreeSet::new(),
            nonces: Rng::new(seed ^ 0x6e6f_6e63_6573),
        }
    }

    /// A writer on a new replica of the key: a fresh nonce, or the next unused one.
    fn writer(&mut self, log: Log) -> Writer {
        let mut nonce = self.nonces.next_u64() as u32;
        let mut replica = seal::derive_replica(&self.key, nonce);
        while self.used.contains(&replica) {
            nonce = nonce.wrapping_add(1);
            replica = seal::derive_replica(&self.key, nonce);
        }
        self.used.insert(replica);
        self.replicas.push((replica, log, nonce));
        Writer { replica, seq: 0 }
    }
}

/// One log of a session: its replica and the last sequence number it gave.
struct Writer {
    replica: ReplicaId,
    seq: u32,
}
