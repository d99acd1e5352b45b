//! Property tests of trust: random honest logs mixed with dishonest events, folded in
//! random orders and random batch splits, give exactly the state of the honest events
//! alone, and every dishonest event is kept aside (or refused before the fold).
//!
//! The honest log: an organizer founds the community, registers three volunteers and
//! enrols each one's phone (one of them asks first); then random steps of the three
//! jobs (activities, co-construction projects, micro-wishes) and the points shop, by
//! the organizer (on anyone's behalf) and by each phone for its own volunteer, each
//! step only if the app allows it (the rules at that moment, and the device's
//! authority). A phone may be revoked on the way, with everything it wrote so far
//! accepted; it goes on writing, unaware.
//!
//! Mixed in: forged events (an unknown key), tampered ones (an honest event's content
//! changed under its signer's seal: refused before the fold, as the store refuses a
//! segment whose seal does not verify, and delivered unsigned as well: they never take
//! the honest event's place), replayed ones (an honest event re-batched
//! under another key without the authority for it, with its own id or moved into that
//! key's replica), unsigned ones (`signer: None`), a revoked phone's events beyond its
//! line (or in a replica the revocation does not name), and a phone's events for
//! another volunteer, sealed in its own log among its honest ones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use common::jobs::{Organizer, Own, Work, choose, own, own_actions, work};
use common::{T0, award, profile};
use linli::domain::journal::Batch;
use linli::domain::trust::{CommunityId, DeviceKey, Role, content_digest};
use linli::domain::{
    Action, Claimant, Event, EventId, Journal, Points, ReplicaId, State, Timestamp, VolunteerId,
};
use linli::store::seal::{self, Log, SealKey, Signer, derive_replica};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};

/// Cases: 4 to 15 s in a debug build, on 2 cores idle or shared.
const CASES: u32 = 1_200;

const PHONES: usize = 3;
const ORGANIZER: usize = 0;
/// Devices 1..=3 are the phones of volunteers 0..=2; device 4 is a key nobody enrolled.
const UNKNOWN: usize = 4;

#[derive(Clone, Debug)]
enum Step {
    Organizer(Work, u8),
    Phone {
        volunteer: u8,
        what: Own,
        pick: u8,
    },
    OnBehalf {
        volunteer: u8,
        what: Own,
        pick: u8,
    },
    /// The organizer revokes a phone, accepting what it wrote so far; from then on the
    /// phone writes in the same replica or, after a reinstall, a new one.
    Revoke {
        volunteer: u8,
        reinstalled: bool,
    },
    Forge {
        kind: u8,
        pick: u8,
    },
    Tamper {
        which: u8,
    },
    Replay {
        which: u8,
        under: u8,
        moved: bool,
    },
    Unsigned {
        kind: u8,
        pick: u8,
    },
    ForAnother {
        volunteer: u8,
        other: u8,
        what: Own,
        pick: u8,
    },
}

fn step() -> impl Strategy<Value = Step> {
    let work = work();
    let volunteer = 0..PHONES as u8;
    prop_oneof![
        4 => (work, any::<u8>()).prop_map(|(w, p)| Step::Organizer(w, p)),
        10 => (volunteer.clone(), own(), any::<u8>())
            .prop_map(|(volunteer, what, pick)| Step::Phone { volunteer, what, pick }),
        2 => (volunteer.clone(), own(), any::<u8>())
            .prop_map(|(volunteer, what, pick)| Step::OnBehalf { volunteer, what, pick }),
        // Only the first phone is ever revoked, so that the others write honestly.
        1 => any::<bool>().prop_map(|reinstalled| Step::Revoke { volunteer: 0, reinstalled }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(kind, pick)| Step::Forge { kind, pick }),
        1 => any::<u8>().prop_map(|which| Step::Tamper { which }),
        2 => (any::<u8>(), any::<u8>(), any::<bool>())
            .prop_map(|(which, under, moved)| Step::Replay { which, under, moved }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(kind, pick)| Step::Unsigned { kind, pick }),
        2 => (volunteer.clone(), 1..PHONES as u8, own(), any::<u8>()).prop_map(
            |(volunteer, other, what, pick)| Step::ForAnother {
                volunteer,
                other: (volunteer + other) % PHONES as u8,
                what,
                pick,
            }
        ),
    ]
}

/// A device: its key and the replica it writes in now.
struct Device {
    signer: Signer,
    nonce: u32,
    replica: ReplicaId,
    next_seq: u32,
    revoked: bool,
}

impl Device {
    fn new(seed: u8) -> Device {
        let signer = Signer::from_seed([seed; 32]);
        let replica = derive_replica(&signer.public(), 1);
        Device {
            signer,
            nonce: 1,
            replica,
            next_seq: 1,
            revoked: false,
        }
    }

    fn key(&self) -> DeviceKey {
        self.signer.public()
    }
}

/// One event as delivered: in its signer's log, or loose (a replay under its own id,
/// an unsigned event).
struct Delivered {
    signer: Option<DeviceKey>,
    event: Event,
    honest: bool,
}

/// The honest world as it was played, and everything delivered.
struct Play {
    community: CommunityId,
    /// Every honest event, merged as the devices wrote them: what the app saw.
    world: Journal,
    wall: Timestamp,
    devices: Vec<Device>,
    volunteers: Vec<VolunteerId>,
    /// Each signer's log, by replica, in sequence order: honest and dishonest events as
    /// the device sealed them.
    logs: BTreeMap<(usize, ReplicaId), Vec<Delivered>>,
    /// Delivered on their own.
    loose: Vec<Delivered>,
    /// Honest events: who wrote them, for replays and tampering.
    honest: Vec<(usize, Event)>,
    /// Tampered events, each refused by the seal.
    tampered: usize,
    /// The same changed copies, delivered as if the seal had not been checked (no
    /// signer): they must never take the honest events' place.
    displaced: Vec<Event>,
    /// Activities created so far (each on its own day, so sign-ups never collide).
    activities: u32,
    unsigned_replica: ReplicaId,
}

impl Play {
    fn new() -> Play {
        let devices: Vec<Device> = [1, 11, 12, 13, 66].into_iter().map(Device::new).collect();
        let community = CommunityId::founded_by(&devices[ORGANIZER].key());
        let mut play = Play {
            community,
            world: Journal::of_community(Some(community)),
            wall: T0,
            devices,
            volunteers: Vec::new(),
            logs: BTreeMap::new(),
            loose: Vec::new(),
            honest: Vec::new(),
            tampered: 0,
            displaced: Vec::new(),
            activities: 0,
            unsigned_replica: ReplicaId(0xdead),
        };
        let founder = play.devices[ORGANIZER].key();
        play.honest(
            ORGANIZER,
            Action::FoundCommunity {
                key: founder,
                name: "幸福社区".into(),
            },
        )
        .unwrap();
        for name in ["王小明", "李四", "张三"] {
            let v = play
                .honest(
                    ORGANIZER,
                    Action::RegisterVolunteer {
                        profile: Box::new(profile(name)),
                    },
                )
                .unwrap();
            play.volunteers.push(VolunteerId(v.id));
        }
        for i in 0..PHONES {
            let v = play.volunteers[i];
            play.honest(ORGANIZER, award(v, 30, "扫雪")).unwrap();
            let phone = i + 1;
            let key = play.devices[phone].key();
            if i == PHONES - 1 {
                // This one asks first (申请绑定), signed by itself.
                play.honest(
                    phone,
                    Action::RequestBinding {
                        key,
                        role: Role::Volunteer(v),
                        label: "手机".into(),
                    },
                )
                .unwrap();
            }
            play.honest(
                ORGANIZER,
                Action::EnrolDevice {
                    key,
                    role: Role::Volunteer(v),
                    label: "手机".into(),
                },
            )
            .unwrap();
        }
        play.set_up();
        play
    }

    fn tick(&mut self) -> Timestamp {
        self.wall = self.wall.plus_minutes(1);
        self.wall
    }

    /// Writes `action` as `device` would: only if the rules and its authority allow it
    /// now. The event is merged into the world and delivered in the device's log.
    fn honest(&mut self, device: usize, action: Action) -> Option<Event> {
        let wall = self.tick();
        let d = &self.devices[device];
        let (key, replica, seq) = (d.key(), d.replica, d.next_seq);
        let event = self.world.prepare(replica, seq, wall, action).ok()?;
        self.world.authorize_new(&key, &event).ok()?;
        self.devices[device].next_seq += 1;
        let merged = self.world.merge_batches(vec![Batch {
            signer: Some(key),
            events: vec![event.clone()],
        }]);
        assert_eq!(merged.added, 1);
        self.deliver_in_log(device, event.clone(), true);
        self.honest.push((device, event.clone()));
        Some(event)
    }

    /// Writes `action` in `device`'s log as a device that does not ask would (a phone
    /// whose app was changed, or revoked without knowing it): valid by the rules now,
    /// never merged into the world.
    fn dishonest(&mut self, device: usize, action: Action) -> Option<Event> {
        let wall = self.tick();
        let d = &self.devices[device];
        let event = self
            .world
            .prepare(d.replica, d.next_seq, wall, action)
            .ok()?;
        self.devices[device].next_seq += 1;
        self.deliver_in_log(device, event.clone(), false);
        Some(event)
    }

    fn deliver_in_log(&mut self, device: usize, event: Event, honest: bool) {
        let d = &self.devices[device];
        self.logs
            .entry((device, d.replica))
            .or_default()
            .push(Delivered {
                signer: Some(d.key()),
                event,
                honest,
            });
    }

    /// An event in `device`'s log with any content, stamped now.
    fn forged(&mut self, device: usize, action: Action) {
        let at = self.tick();
        let d = &self.devices[device];
        let event = Event {
            id: EventId::new(d.replica, d.next_seq),
            at,
            action,
        };
        self.devices[device].next_seq += 1;
        self.deliver_in_log(device, event, false);
    }

    /// Volunteer `volunteer`'s own actions of kind `what` on the world, from `pick`.
    fn own_actions(&self, volunteer: usize, what: Own, pick: u8) -> Vec<Action> {
        own_actions(self.world.state(), self.volunteers[volunteer], what, pick)
    }

    /// The first of `actions` the rules (and, for an honest device, its authority)
    /// allow now, written by `device`.
    fn first_allowed(&mut self, device: usize, actions: Vec<Action>, honest: bool) {
        for action in actions {
            let done = if honest {
                self.honest(device, action)
            } else {
                self.dishonest(device, action)
            };
            if done.is_some() {
                return;
            }
        }
    }

    fn run(&mut self, step: &Step) {
        match *step {
            Step::Organizer(work, pick) => {
                self.work(work, pick);
            }
            Step::Phone {
                volunteer,
                what,
                pick,
            } => {
                let i = usize::from(volunteer);
                let actions = self.own_actions(i, what, pick);
                let honest = !self.devices[i + 1].revoked;
                self.first_allowed(i + 1, actions, honest);
            }
            Step::OnBehalf {
                volunteer,
                what,
                pick,
            } => {
                let actions = self.own_actions(usize::from(volunteer), what, pick);
                self.first_allowed(ORGANIZER, actions, true);
            }
            Step::Revoke {
                volunteer,
                reinstalled,
            } => {
                let phone = usize::from(volunteer) + 1;
                if self.devices[phone].revoked {
                    return;
                }
                let d = &self.devices[phone];
                let accepted: Vec<(ReplicaId, u32)> = self
                    .logs
                    .iter()
                    .filter(|((device, _), _)| *device == phone)
                    .filter_map(|((_, replica), log)| Some((*replica, log.last()?.event.id.seq)))
                    .collect();
                // Half the revocations bind the accepted events' content too.
                let digests: Vec<(EventId, u64)> = if reinstalled {
                    self.logs
                        .iter()
                        .filter(|((device, _), _)| *device == phone)
                        .flat_map(|(_, log)| log.iter())
                        .map(|entry| (entry.event.id, content_digest(&entry.event)))
                        .collect()
                } else {
                    Vec::new()
                };
                let key = d.key();
                if self
                    .honest(
                        ORGANIZER,
                        Action::RevokeDevice {
                            key,
                            accepted,
                            reason: "手机丢失".into(),
                            digests,
                        },
                    )
                    .is_some()
                {
                    let d = &mut self.devices[phone];
                    d.revoked = true;
                    if reinstalled {
                        d.nonce += 1;
                        d.replica = derive_replica(&d.key(), d.nonce);
                        d.next_seq = 1;
                    }
                }
            }
            Step::Forge { kind, pick } => {
                let unknown = self.devices[UNKNOWN].key();
                let v = choose(&self.volunteers, pick).unwrap();
                let action = match kind % 5 {
                    0 => award(v, 10_000, "奖励"),
                    1 => self
                        .own_actions(usize::from(pick) % PHONES, Own::SignUp, pick)
                        .pop()
                        .unwrap_or_else(|| award(v, 1, "巡逻")),
                    2 => Action::EnrolDevice {
                        key: unknown,
                        role: Role::Organizer,
                        label: "我的电脑".into(),
                    },
                    3 => Action::RevokeDevice {
                        key: self.devices[ORGANIZER].key(),
                        accepted: Vec::new(),
                        reason: String::new(),
                        digests: Vec::new(),
                    },
                    _ => Action::FoundCommunity {
                        key: unknown,
                        name: "别的社区".into(),
                    },
                };
                self.forged(UNKNOWN, action);
            }
            Step::Tamper { which } => {
                if let Some((device, event)) = Self::pick_honest(&self.honest, which) {
                    self.tamper(device, &event);
                }
            }
            Step::Replay {
                which,
                under,
                moved,
            } => {
                if let Some((device, event)) = Self::pick_honest(&self.honest, which) {
                    self.replay(device, event, under, moved);
                }
            }
            Step::Unsigned { kind, pick } => {
                let v = choose(&self.volunteers, pick).unwrap();
                let action = match kind % 4 {
                    0 => award(v, 10_000, "奖励"),
                    1 => Action::FoundCommunity {
                        key: self.devices[ORGANIZER].key(),
                        name: "幸福社区".into(),
                    },
                    2 => Action::EnrolDevice {
                        key: self.devices[UNKNOWN].key(),
                        role: Role::Organizer,
                        label: "我的电脑".into(),
                    },
                    _ => self
                        .own_actions(usize::from(pick) % PHONES, Own::Redeem, pick)
                        .pop()
                        .unwrap_or_else(|| award(v, 1, "巡逻")),
                };
                let at = self.tick();
                let seq = u32::try_from(self.loose.len()).unwrap() + 1;
                self.loose.push(Delivered {
                    signer: None,
                    event: Event {
                        id: EventId::new(self.unsigned_replica, seq),
                        at,
                        action,
                    },
                    honest: false,
                });
            }
            Step::ForAnother {
                volunteer,
                other,
                what,
                pick,
            } => {
                let actions = self.own_actions(usize::from(other), what, pick);
                self.first_allowed(usize::from(volunteer) + 1, actions, false);
            }
        }
    }

    fn pick_honest(honest: &[(usize, Event)], which: u8) -> Option<(usize, Event)> {
        choose(&(0..honest.len()).collect::<Vec<_>>(), which).map(|i| honest[i].clone())
    }

    /// The volunteer an action is done for, when it is a volunteer's own action.
    fn volunteer_of(&self, action: &Action) -> Option<VolunteerId> {
        match action {
            Action::SignUp { volunteer, .. }
            | Action::JoinWaitlist { volunteer, .. }
            | Action::CancelSignup { volunteer, .. }
            | Action::Redeem { volunteer, .. } => Some(*volunteer),
            Action::JoinRole {
                who: Claimant::Volunteer(v),
                ..
            }
            | Action::WithdrawFromRole {
                who: Claimant::Volunteer(v),
                ..
            }
            | Action::ClaimWish {
                claimant: Claimant::Volunteer(v),
                ..
            }
            | Action::ReleaseWish {
                claimant: Claimant::Volunteer(v),
                ..
            }
            | Action::FulfilWish {
                claimant: Claimant::Volunteer(v),
                ..
            } => Some(*v),
            Action::CancelVoucher { voucher } => {
                self.world.state().voucher(*voucher).map(|x| x.volunteer)
            }
            _ => None,
        }
    }

    /// Re-batches an honest event under a key that has no authority for it: the key of
    /// nobody, a revoked phone, or a phone of another volunteer (any phone, for an
    /// organizer's work). With its own id, it is the same event and adds nothing; moved
    /// into that key's log, it is a new event the key may not write.
    fn replay(&mut self, author: usize, event: Event, under: u8, moved: bool) {
        let under = [1, 2, 3, UNKNOWN][usize::from(under) % 4];
        if under == author {
            return;
        }
        let may = under != UNKNOWN
            && !self.devices[under].revoked
            && self
                .volunteer_of(&event.action)
                .is_some_and(|v| v == self.volunteers[under - 1]);
        if may {
            return;
        }
        if moved {
            self.forged(under, event.action);
        } else {
            self.loose.push(Delivered {
                signer: Some(self.devices[under].key()),
                event,
                honest: true,
            });
        }
    }

    /// Changes an honest event's content and keeps its signer's seal: the seal must
    /// not verify for any key, so the store refuses the segment before the fold.
    fn tamper(&mut self, author: usize, event: &Event) {
        let d = &self.devices[author];
        // The log the event was sealed in, and the nonce of its replica.
        let nonce = (1..=d.nonce)
            .find(|n| derive_replica(&d.key(), *n) == event.id.replica)
            .unwrap();
        let at = SealKey {
            log: Log::Public,
            replica: event.id.replica,
            index: 0,
        };
        let honest = seal::seal(
            &d.signer,
            self.community,
            at,
            nonce,
            std::slice::from_ref(event),
        )
        .unwrap();
        let action = match &event.action {
            Action::AwardPoints {
                volunteer, reason, ..
            } => Action::AwardPoints {
                volunteer: *volunteer,
                points: Points::whole(10_000),
                reason: reason.clone(),
            },
            _ => award(self.volunteers[0], 10_000, "奖励"),
        };
        let changed = Event {
            action,
            ..event.clone()
        };
        let mut bytes = unpack(&honest[seal::PREFIX.len()..]);
        bytes.truncate(72);
        bytes.extend(
            linli::store::compact::sealed_payload(event.id.replica, std::slice::from_ref(&changed))
                .unwrap(),
        );
        let tampered = format!("{}{}", seal::PREFIX, pack(&bytes));
        let read = seal::read(at, &tampered[seal::PREFIX.len()..]).unwrap();
        assert_eq!(
            read.decoded.events,
            std::slice::from_ref(&changed),
            "the splice carries the change"
        );
        for device in &self.devices {
            assert!(
                !read.verify(self.community, at, &device.key()),
                "a changed event verified under {:?}",
                device.key()
            );
        }
        self.tampered += 1;
        self.displaced.push(changed);
    }
}

impl Organizer for Play {
    fn organizer_does(&mut self, action: Action) -> Option<Event> {
        self.honest(ORGANIZER, action)
    }

    fn organizer_knows(&self) -> &State {
        self.world.state()
    }

    fn volunteers(&self) -> &[VolunteerId] {
        &self.volunteers
    }

    fn next_activity_day(&mut self) -> u64 {
        self.activities += 1;
        u64::from(self.activities - 1)
    }
}

/// Bytes as the compact text of sealed segments (15 bits to a character from U+0020),
/// as `store::compact::pack` writes them: the test splices a seal onto other content.
fn pack(bytes: &[u8]) -> String {
    let mut text = String::new();
    let (mut acc, mut bits) = (0u32, 0);
    let mut push = |value: u32| text.push(char::from_u32(value + 0x20).unwrap());
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push((acc >> bits) & 0x7fff);
        }
    }
    if bits > 0 {
        push((acc << (15 - bits)) & 0x7fff);
    }
    text
}

fn unpack(text: &str) -> Vec<u8> {
    let (mut bytes, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for c in text.chars() {
        acc = (acc << 15) | (u32::from(c) - 0x20);
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    bytes
}

/// A small deterministic source of random numbers for shuffles and splits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Splits each log into runs of random lengths, shuffles every batch, duplicates some
/// and hands them over in merges of one to four batches.
fn deliveries(play: &Play, honest_only: bool, rng: &mut Rng) -> Vec<Vec<Batch>> {
    let mut batches = Vec::new();
    for log in play.logs.values() {
        let events: Vec<&Delivered> = log.iter().filter(|d| d.honest || !honest_only).collect();
        let mut rest = &events[..];
        while !rest.is_empty() {
            let take = 1 + rng.below(rest.len().min(6));
            let (run, more) = rest.split_at(take);
            batches.push(Batch {
                signer: run[0].signer,
                events: run.iter().map(|d| d.event.clone()).collect(),
            });
            rest = more;
        }
    }
    if !honest_only {
        for loose in &play.loose {
            batches.push(Batch {
                signer: loose.signer,
                events: vec![loose.event.clone()],
            });
        }
        for changed in &play.displaced {
            batches.push(Batch {
                signer: None,
                events: vec![changed.clone()],
            });
        }
        for i in 0..batches.len() / 4 {
            let again = batches[i * 3 % batches.len()].clone();
            batches.push(again);
        }
    }
    for i in (1..batches.len()).rev() {
        batches.swap(i, rng.below(i + 1));
    }
    let mut merges = Vec::new();
    while !batches.is_empty() {
        let take = (1 + rng.below(4)).min(batches.len());
        merges.push(batches.drain(..take).collect());
    }
    merges
}

fn fold(merges: Vec<Vec<Batch>>, community: CommunityId) -> Journal {
    let mut journal = Journal::of_community(Some(community));
    for merge in merges {
        journal.merge_batches(merge);
    }
    journal
}

static CASES_RUN: AtomicUsize = AtomicUsize::new(0);
static HONEST: AtomicUsize = AtomicUsize::new(0);
static BY_PHONES: AtomicUsize = AtomicUsize::new(0);
static DISHONEST: AtomicUsize = AtomicUsize::new(0);
static TAMPERED: AtomicUsize = AtomicUsize::new(0);
static REVOKED: AtomicUsize = AtomicUsize::new(0);
static MERGES: AtomicUsize = AtomicUsize::new(0);

/// Plays `steps`, then folds the honest events alone and everything in two random
/// orders and splits: the same state, the same keyring, every honest event held as
/// written, and exactly the dishonest events kept aside.
fn check(steps: &[Step], seed: u64) -> Result<(), TestCaseError> {
    let mut play = Play::new();
    for step in steps {
        play.run(step);
    }
    let mut rng = Rng(seed);
    CASES_RUN.fetch_add(1, Ordering::Relaxed);
    HONEST.fetch_add(play.honest.len(), Ordering::Relaxed);
    BY_PHONES.fetch_add(
        play.honest.iter().filter(|(d, _)| *d != ORGANIZER).count(),
        Ordering::Relaxed,
    );
    TAMPERED.fetch_add(play.tampered, Ordering::Relaxed);
    REVOKED.fetch_add(
        usize::from(play.devices.iter().any(|d| d.revoked)),
        Ordering::Relaxed,
    );

    // The honest events alone, in one order and one split.
    let honest = fold(deliveries(&play, true, &mut rng), play.community);
    prop_assert_eq!(honest.state(), play.world.state());
    prop_assert!(honest.kept_aside().is_empty(), "{:?}", honest.kept_aside());

    let dishonest: BTreeSet<EventId> = play
        .logs
        .values()
        .flatten()
        .chain(&play.loose)
        .filter(|d| !d.honest)
        .map(|d| d.event.id)
        .collect();
    DISHONEST.fetch_add(dishonest.len(), Ordering::Relaxed);
    // Everything, in two other orders and splits.
    for _ in 0..2 {
        let merges = deliveries(&play, false, &mut rng);
        MERGES.fetch_add(merges.len(), Ordering::Relaxed);
        let mixed = fold(merges, play.community);
        prop_assert_eq!(mixed.state(), honest.state());
        prop_assert_eq!(
            mixed.keyring().unwrap().devices().collect::<Vec<_>>(),
            honest.keyring().unwrap().devices().collect::<Vec<_>>()
        );
        for event in honest.events() {
            prop_assert_eq!(mixed.event(event.id), Some(event));
        }
        // Exactly the dishonest events are kept aside.
        let kept: BTreeSet<EventId> = mixed.kept_aside().iter().map(|k| k.event).collect();
        prop_assert_eq!(&kept, &dishonest);
        prop_assert_eq!(mixed.len(), honest.len() + mixed.kept_aside().len());
    }
    Ok(())
}

#[test]
fn dishonest_events_never_change_a_balance_or_status() {
    let started = std::time::Instant::now();
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    });
    runner
        .run(
            &(prop::collection::vec(step(), 1..80), any::<u64>()),
            |(steps, seed)| check(&steps, seed),
        )
        .unwrap();
    let cases = CASES_RUN.load(Ordering::Relaxed);
    assert!(cases >= CASES as usize);
    #[allow(clippy::print_stdout)]
    {
        println!(
            "trust properties: {cases} cases in {:.1} s; {} honest events ({} by phones), \
             {} dishonest ones kept aside, {} tampered ones refused by the seal; a phone \
             revoked in {} cases; {} merges",
            started.elapsed().as_secs_f64(),
            HONEST.load(Ordering::Relaxed),
            BY_PHONES.load(Ordering::Relaxed),
            DISHONEST.load(Ordering::Relaxed),
            TAMPERED.load(Ordering::Relaxed),
            REVOKED.load(Ordering::Relaxed),
            MERGES.load(Ordering::Relaxed),
        );
    }
}

/// The journal's side of tampering: a copy of an honest event with its content changed
/// and no valid seal (a `Batch` without a signer) arrives before the honest one. It
/// must not take the honest event's place, and the honest signature must not make it
/// count.
#[test]
fn an_unsigned_changed_copy_cannot_take_an_honest_events_place() {
    let mut play = Play::new();
    let wang = play.volunteers[0];
    let honest = play.honest(ORGANIZER, award(wang, 5, "巡逻")).unwrap();
    let changed = Event {
        action: award(wang, 10_000, "巡逻"),
        ..honest.clone()
    };
    let organizer = play.devices[ORGANIZER].key();
    let all: Vec<Batch> = play
        .logs
        .values()
        .map(|log| Batch {
            signer: log[0].signer,
            events: log.iter().map(|d| d.event.clone()).collect(),
        })
        .collect();
    // (A copy sealed by some key in another key's replica never reaches the journal:
    // the store takes such a segment only from an organizer.)
    let mut journal = Journal::of_community(Some(play.community));
    journal.merge_batches(vec![Batch {
        signer: None,
        events: vec![changed],
    }]);
    let merged = journal.merge_batches(all);
    assert_eq!(
        journal.state().balance(wang),
        play.world.state().balance(wang),
        "an unsigned copy, then the honest event signed by {organizer:?}"
    );
    assert_eq!(journal.event(honest.id), Some(&honest));
    assert_eq!(journal.state(), play.world.state());
    assert_eq!(merged.conflicts.len(), 1, "the changed copy is reported");
}
