//! Convergence of live sync (issue 15): devices that share a community's log through
//! one sync server, each through its own [`LogDoc`], end with the same state whatever
//! the network did; nothing is lost, nothing counts twice, and the authority rules hold
//! on every device.
//!
//! The model: one server document that only merges and relays (as y-sweet does: it
//! answers a greeting with what the device lacks and passes every update on to the
//! devices online), and four devices, each with its own store (the truth) and its own
//! document. The organizer's device founded the community; 王小明's phone was bound
//! without asking (the organizer read its key), 李四's asked first (申请绑定), and
//! 张三's is bound during the run, in person (the organizer's device hands it the log
//! directly). Random steps, as in `trust_properties.rs`: the organizer's work, each
//! phone's own actions for its volunteer and the organizer's on their behalf, each done
//! only if the device's store allows it on what that device knows; the organizer
//! revokes 王小明's phone, which goes on writing until it hears of it. After an action
//! a device puts its own segments into its document and sends the update. Frames wait
//! in a queue per connection and direction, as on a websocket: each connection keeps
//! its order, but the frames of different devices interleave in any order (a phone's
//! segment may reach a device before the enrolment that names its key); a frame may
//! come again later (duplicated); a frame lost is the connection lost, and a partition
//! cuts a device off for a while: what was in flight is gone, and the device
//! reconnects with a greeting each way. A device takes in whatever its document
//! reports changed (`import_sealed`, under its namespace) and puts its own segments
//! again if the document held something else at their places. (Frames of one
//! connection reordered or lost alone: see the ignored tests at the end.)
//!
//! Mixed in: a phone's forged organizer award (sealed by the phone in a replica of its
//! own, as an altered app would write it) and, put into the server's document
//! directly, an unknown key's award, an unsigned award, and honest segments with a
//! character changed at another place, or at their own place by another client (the
//! writer, taking it in, puts its own copy back; a longer text there has its own test).
//!
//! At the end every device reconnects once (one greeting each way, then the frames
//! that exchange causes) and: every document holds the server's entries; every device's
//! state is the state of a device that got every device's segments directly (nothing
//! lost), with the same events and the same events kept aside (nothing doubled; the
//! authority rules hold everywhere), which is also the state of the honest segments
//! alone (what was forged or injected changes no balance and no status).
//!
//! Plain tests after it: the two bugs the property found, each as its smallest case (a
//! segment that arrives before its signer's enrolment; a grown segment whose text takes
//! fewer bytes), a device offline for many events catching up with one greeting each
//! way, and, ignored, the known gaps.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::cell::Cell;
use std::collections::{BTreeSet, VecDeque};

use common::devices::{Device, WALL, blank, enrol, founder, joining, key};
use common::{award, offer, plan, profile, project_plan};
use linli::domain::trust::{DeviceKey, Role};
use linli::domain::{
    Action, ActivityPlan, Claimant, Event, EventId, Need, NeedUnit, PerkOffer, Points, ProjectPlan,
    ProjectRole, ReplicaId, State, Timestamp, VolunteerId, WishPlan,
};
use linli::store::device::{Community, DeviceRecord};
use linli::store::seal::{self, Log, SealKey, derive_replica};
use linli::store::{ImportReport, SealRefusal};
use linli::sync::LogDoc;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use yrs::sync::{Message, MessageReader, SyncMessage};
use yrs::updates::decoder::DecoderV1;
use yrs::updates::encoder::Encode;

/// Cases by default; `SYNC_CASES=n` runs n.
const CASES: u32 = 128;

/// Every device's namespace (the default one).
const NS: &str = "linli/";

const ORGANIZER: usize = 0;
const PHONES: usize = 3;
/// Device `1 + i` is the phone of volunteer `i`; this one is bound during the run.
const LATE: usize = 3;
/// The phone the organizer may revoke.
const REVOCABLE: usize = 1;

fn seed(device: usize) -> u8 {
    [1, 11, 12, 13][device]
}

// ---------------------------------------------------------------------------------
// The network

/// A device on the network: its store (the truth) and its copy of the document.
struct Node {
    store: Device,
    doc: LogDoc,
    key: DeviceKey,
}

impl Node {
    fn new(store: Device) -> Node {
        let key = store.device_key().unwrap();
        Node {
            store,
            doc: LogDoc::new(),
            key,
        }
    }

    /// Puts the segments this device sealed into its document (their places are their
    /// keys without the namespace): the update to send, if anything changed.
    fn put_own(&mut self) -> Option<Vec<u8>> {
        let (segments, _) = self.store.sealed_segments(true, Some(self.key));
        let places: Vec<(String, String)> = segments
            .into_iter()
            .map(|(name, text)| (name.strip_prefix(NS).unwrap().to_owned(), text))
            .collect();
        self.doc.put(&places, true)
    }

    /// Takes in what the document reported changed, each place under the namespace.
    fn take_in(&mut self, changed: Vec<(String, String)>) -> ImportReport {
        if changed.is_empty() {
            return ImportReport::default();
        }
        let segments = changed
            .into_iter()
            .map(|(place, text)| (format!("{NS}{place}"), text))
            .collect();
        self.store.import_sealed(segments).unwrap()
    }

    fn state(&self) -> &State {
        self.store.journal().state()
    }
}

/// The updates a frame carries (an update or a step 2), as update messages: what the
/// server passes on.
fn as_updates(frame: &[u8]) -> Vec<Vec<u8>> {
    let mut decoder = DecoderV1::from(frame);
    MessageReader::new(&mut decoder)
        .filter_map(|message| match message.unwrap() {
            Message::Sync(SyncMessage::Update(u) | SyncMessage::SyncStep2(u)) => {
                Some(Message::Sync(SyncMessage::Update(u)).encode_v1())
            }
            _ => None,
        })
        .collect()
}

/// The server's document and one link to each device: frames up (device → server)
/// and down (server → device), queued.
struct Net {
    server: LogDoc,
    up: Vec<VecDeque<Vec<u8>>>,
    down: Vec<VecDeque<Vec<u8>>>,
    online: Vec<bool>,
    /// Whether each connection delivers its frames in the order they were sent, as a
    /// websocket does (a frame lost is the connection lost). Otherwise any queued frame
    /// may come next, and one may be lost alone.
    in_order: bool,
    /// Greetings sent, by either side.
    greetings: usize,
    /// Frames delivered, delivered and kept for a second time, dropped.
    delivered: usize,
    twice: usize,
    dropped: usize,
    /// Places some device refused for an unknown key (it may become known later).
    unknown: BTreeSet<String>,
}

impl Net {
    fn new(devices: usize, in_order: bool) -> Net {
        Net {
            server: LogDoc::new(),
            in_order,
            up: vec![VecDeque::new(); devices],
            down: vec![VecDeque::new(); devices],
            online: vec![false; devices],
            greetings: 0,
            delivered: 0,
            twice: 0,
            dropped: 0,
            unknown: BTreeSet::new(),
        }
    }

    fn send_up(&mut self, from: usize, frame: Option<Vec<u8>>) {
        if let Some(frame) = frame
            && self.online[from]
        {
            self.up[from].push_back(frame);
        }
    }

    /// Passes an update on to every device online but `from`.
    fn relay(&mut self, from: Option<usize>, update: &[u8]) {
        for to in 0..self.down.len() {
            if Some(to) != from && self.online[to] {
                self.down[to].push_back(update.to_vec());
            }
        }
    }

    /// The server takes a frame from device `from`: it answers it, and passes every
    /// update on to the other devices online.
    fn server_takes(&mut self, from: usize, frame: &[u8]) {
        let received = self.server.receive(frame).unwrap();
        self.down[from].extend(received.replies);
        for update in as_updates(frame) {
            self.relay(Some(from), &update);
        }
    }

    /// Device `to` takes a frame from the server: it answers, takes in what changed and
    /// puts its own segments again (the document may have held other text there).
    fn device_takes(&mut self, nodes: &mut [Node], to: usize, frame: &[u8]) -> ImportReport {
        let node = &mut nodes[to];
        let received = node.doc.receive(frame).unwrap();
        for reply in received.replies {
            self.send_up(to, Some(reply));
        }
        let report = node.take_in(received.changed);
        self.unknown.extend(
            report
                .refused
                .iter()
                .filter(|r| r.reason == SealRefusal::UnknownKey)
                .map(|r| r.key.strip_prefix(NS).unwrap().to_owned()),
        );
        let update = node.put_own();
        self.send_up(to, update);
        report
    }

    /// Delivers a frame of a queue: the first, on a connection that keeps its order;
    /// else the one at `index`. `twice`: a copy of it comes again later.
    fn deliver(&mut self, nodes: &mut [Node], device: usize, up: bool, index: usize, twice: bool) {
        let in_order = self.in_order;
        let queue = if up {
            &mut self.up[device]
        } else {
            &mut self.down[device]
        };
        if queue.is_empty() {
            return;
        }
        let index = if in_order { 0 } else { index % queue.len() };
        let frame = queue.remove(index).unwrap();
        if twice {
            queue.push_back(frame.clone());
        }
        self.delivered += 1;
        self.twice += usize::from(twice);
        if up {
            self.server_takes(device, &frame);
        } else {
            self.device_takes(nodes, device, &frame);
        }
    }

    /// Everything queued, delivered in order, until nothing is left.
    fn drain(&mut self, nodes: &mut [Node]) {
        loop {
            let mut moved = false;
            for i in 0..nodes.len() {
                if let Some(frame) = self.up[i].pop_front() {
                    self.server_takes(i, &frame);
                    moved = true;
                }
                if let Some(frame) = self.down[i].pop_front() {
                    self.device_takes(nodes, i, &frame);
                    moved = true;
                }
            }
            if !moved {
                return;
            }
        }
    }

    /// A device (re)connects: what was in flight on its link is gone, and each side
    /// greets the other.
    fn connect(&mut self, nodes: &[Node], device: usize) {
        self.online[device] = true;
        self.up[device].clear();
        self.down[device].clear();
        self.up[device].push_back(nodes[device].doc.greeting());
        self.down[device].push_back(self.server.greeting());
        self.greetings += 2;
    }

    fn cut(&mut self, device: usize) {
        self.online[device] = false;
        self.up[device].clear();
        self.down[device].clear();
    }
}

// ---------------------------------------------------------------------------------
// The community

/// A volunteer's action, done by their phone or by the organizer on their behalf.
#[derive(Clone, Copy, Debug)]
enum Own {
    SignUp,
    Waitlist,
    Cancel,
    JoinRole,
    Withdraw,
    Claim,
    Release,
    Fulfil,
    Redeem,
    CancelVoucher,
}

/// An organizer's own work.
#[derive(Clone, Copy, Debug)]
enum Work {
    Activity,
    Project,
    Wish,
    Perk,
    Award,
    ConfirmWish,
}

/// What is put into the server's document directly.
#[derive(Clone, Copy, Debug)]
enum Injected {
    /// An award sealed by a key nobody enrolled.
    UnknownKey,
    /// An honest segment with a character changed and the last one cut, at its own
    /// place, by another client of the server (so it may win over the honest text
    /// there): its sealer puts its own text back. (A longer text there: see
    /// `a_longer_text_at_a_devices_place_does_not_hide_its_segment`.)
    ShorterInPlace,
    /// An honest segment with a character changed, at a place no one wrote.
    TamperedElsewhere,
    /// An award of 10,000 points in an unsigned segment (as versions before signing
    /// wrote them), at a place no one wrote.
    Unsigned,
}

/// One random step. `pick` chooses among what there is to choose from.
#[derive(Clone, Debug)]
enum Step {
    Organizer(Work, u8),
    /// A phone does one of its volunteer's actions (if it is bound).
    Phone {
        volunteer: u8,
        what: Own,
        pick: u8,
    },
    /// The organizer does it on the volunteer's behalf.
    OnBehalf {
        volunteer: u8,
        what: Own,
        pick: u8,
    },
    /// The organizer revokes 王小明's phone (once).
    Revoke,
    /// The organizer binds 张三's phone in person (once).
    Bind,
    /// A phone seals an organizer's award.
    Forge {
        volunteer: u8,
        pick: u8,
    },
    Inject(Injected, u8),
    /// The next frame of a connection, one way (kept to come again later: `twice`).
    Deliver {
        device: u8,
        up: bool,
        pick: u8,
        twice: bool,
    },
    /// A frame of a connection is lost: the connection with it.
    Drop {
        device: u8,
        up: bool,
        pick: u8,
    },
    /// A device is cut off, until it reconnects.
    Cut(u8),
    Reconnect(u8),
}

fn own() -> impl Strategy<Value = Own> {
    prop::sample::select(vec![
        Own::SignUp,
        Own::Waitlist,
        Own::Cancel,
        Own::JoinRole,
        Own::Withdraw,
        Own::Claim,
        Own::Release,
        Own::Fulfil,
        Own::Redeem,
        Own::CancelVoucher,
    ])
}

fn step() -> impl Strategy<Value = Step> {
    let work = prop::sample::select(vec![
        Work::Activity,
        Work::Project,
        Work::Wish,
        Work::Perk,
        Work::Award,
        Work::ConfirmWish,
    ]);
    let injected = prop::sample::select(vec![
        Injected::UnknownKey,
        Injected::ShorterInPlace,
        Injected::TamperedElsewhere,
        Injected::Unsigned,
    ]);
    let volunteer = 0..PHONES as u8;
    let device = 0..=PHONES as u8;
    prop_oneof![
        4 => (work, any::<u8>()).prop_map(|(w, p)| Step::Organizer(w, p)),
        10 => (volunteer.clone(), own(), any::<u8>())
            .prop_map(|(volunteer, what, pick)| Step::Phone { volunteer, what, pick }),
        2 => (volunteer.clone(), own(), any::<u8>())
            .prop_map(|(volunteer, what, pick)| Step::OnBehalf { volunteer, what, pick }),
        1 => Just(Step::Revoke),
        1 => Just(Step::Bind),
        1 => (volunteer, any::<u8>()).prop_map(|(volunteer, pick)| Step::Forge { volunteer, pick }),
        2 => (injected, any::<u8>()).prop_map(|(what, pick)| Step::Inject(what, pick)),
        16 => (device.clone(), any::<bool>(), any::<u8>(), prop::bool::weighted(0.2))
            .prop_map(|(device, up, pick, twice)| Step::Deliver { device, up, pick, twice }),
        3 => (device.clone(), any::<bool>(), any::<u8>())
            .prop_map(|(device, up, pick)| Step::Drop { device, up, pick }),
        1 => device.clone().prop_map(Step::Cut),
        2 => device.prop_map(Step::Reconnect),
    ]
}

/// A phone the organizer enrols without a request (it shows its key; the organizer's
/// device reads it): a store of the community with its key, nothing written yet.
fn unbound_phone(community: &Community, seed: u8) -> Device {
    let mut phone = blank(u64::from(seed) << 8);
    phone.join(community.clone()).unwrap();
    phone.set_device(DeviceRecord::plain(&key(seed))).unwrap();
    phone
}

/// Enrols `phone` for `volunteer` on the organizer's device.
fn enrolment(phone: usize, volunteer: VolunteerId) -> Action {
    Action::EnrolDevice {
        key: key(seed(phone)).public(),
        role: Role::Volunteer(volunteer),
        label: "手机".into(),
    }
}

/// A recruiting project's plan with two roles of `slots` slots, no skill needed.
fn project_with_room(slots: u32) -> ProjectPlan {
    ProjectPlan {
        roles: ["宣传员", "清洁员"]
            .map(|name| ProjectRole {
                name: name.into(),
                slots,
                skills: Vec::new(),
                points: None,
            })
            .into(),
        needs: vec![Need {
            name: "油漆".into(),
            quantity: 20,
            unit: NeedUnit::Custom("桶".into()),
        }],
        ..project_plan("老旧小区改造")
    }
}

/// The community, its devices and the network, as played so far.
struct Play {
    community: Community,
    nodes: Vec<Node>,
    net: Net,
    wall: Timestamp,
    volunteers: Vec<VolunteerId>,
    /// Whether device `i` belongs to the network yet (张三's phone only once bound).
    bound: Vec<bool>,
    revoked: bool,
    /// Activities created so far (each on its own day, so sign-ups never collide).
    activities: u32,
    /// Places of the forged segments, and the forged events.
    forged_places: BTreeSet<String>,
    forged: BTreeSet<EventId>,
    /// Places of the unknown key's awards put into the server's document.
    unknown_places: BTreeSet<String>,
    /// Nonces for sealing dishonest segments.
    nonce: u32,
    /// Actions done (each device's store allowed them), and segments injected.
    acted: usize,
    injected: usize,
}

impl Play {
    /// The organizer founds the community, registers three volunteers with 30 points
    /// each, binds two phones (李四's asks first) and sets up something of each job;
    /// every device bound holds everything, then all connect to the server.
    fn new(in_order: bool) -> Play {
        let mut organizer = founder(seed(ORGANIZER));
        let community = organizer.community().unwrap().clone();
        let mut volunteers = Vec::new();
        for name in ["王小明", "李四", "张三"] {
            let v = VolunteerId(
                organizer
                    .act(
                        Action::RegisterVolunteer {
                            profile: Box::new(profile(name)),
                        },
                        WALL,
                    )
                    .unwrap()
                    .event
                    .id,
            );
            organizer.act(award(v, 30, "扫雪"), WALL).unwrap();
            volunteers.push(v);
        }
        let wangs = unbound_phone(&community, seed(1));
        organizer.act(enrolment(1, volunteers[0]), WALL).unwrap();
        let mut lis = joining(community.id, seed(2), Role::Volunteer(volunteers[1]));
        enrol(&mut organizer, &mut lis, Role::Volunteer(volunteers[1]));
        let zhangs = unbound_phone(&community, seed(LATE));
        let nodes = vec![
            Node::new(organizer),
            Node::new(wangs),
            Node::new(lis),
            Node::new(zhangs),
        ];
        let mut play = Play {
            community,
            nodes,
            net: Net::new(PHONES + 1, in_order),
            wall: WALL,
            volunteers,
            bound: vec![true, true, true, false],
            revoked: false,
            activities: 0,
            forged_places: BTreeSet::new(),
            forged: BTreeSet::new(),
            unknown_places: BTreeSet::new(),
            nonce: 0xf000,
            acted: 0,
            injected: 0,
        };
        for (work, pick) in [
            (Work::Activity, 1),
            (Work::Activity, 2),
            (Work::Project, 1),
            (Work::Wish, 0),
            (Work::Wish, 0),
            (Work::Perk, 3),
        ] {
            play.work(work, pick).unwrap();
        }
        // Bound before sync began: each phone got the organizer's log directly.
        for phone in [1, 2] {
            play.hand_log(phone);
        }
        play.acted = 0;
        for device in 0..=PHONES {
            if play.bound[device] {
                play.nodes[device].put_own();
                play.net.connect(&play.nodes, device);
            }
        }
        play
    }

    /// The organizer's log handed to `phone` directly (in person, or before sync).
    fn hand_log(&mut self, phone: usize) {
        let (segments, _) = self.nodes[ORGANIZER].store.sealed_segments(false, None);
        let report = self.nodes[phone].store.import_sealed(segments).unwrap();
        assert!(report.refused.is_empty(), "{report:?}");
    }

    fn tick(&mut self) -> Timestamp {
        self.wall = self.wall.plus_minutes(1);
        self.wall
    }

    /// `device` does `action` if its store allows it, and sends what changed.
    fn act(&mut self, device: usize, action: Action) -> Option<Event> {
        let wall = self.tick();
        let event = self.nodes[device].store.act(action, wall).ok()?.event;
        self.acted += 1;
        let update = self.nodes[device].put_own();
        self.net.send_up(device, update);
        Some(event)
    }

    fn pick<T: Copy>(items: &[T], pick: u8) -> Option<T> {
        (!items.is_empty()).then(|| items[usize::from(pick) % items.len()])
    }

    /// A volunteer's own actions of kind `what`, one for each thing `device` knows that
    /// it could be done on, starting at `pick`.
    fn own_actions(&self, device: usize, volunteer: usize, what: Own, pick: u8) -> Vec<Action> {
        let state = self.nodes[device].state();
        let v = self.volunteers[volunteer];
        let me = Claimant::Volunteer(v);
        let role = if pick.is_multiple_of(2) {
            "宣传员"
        } else {
            "清洁员"
        };
        let mut actions: Vec<Action> = match what {
            Own::SignUp | Own::Waitlist | Own::Cancel => state
                .activities()
                .map(|a| {
                    let activity = a.id;
                    match what {
                        Own::SignUp => Action::SignUp {
                            activity,
                            volunteer: v,
                        },
                        Own::Waitlist => Action::JoinWaitlist {
                            activity,
                            volunteer: v,
                        },
                        _ => Action::CancelSignup {
                            activity,
                            volunteer: v,
                        },
                    }
                })
                .collect(),
            Own::JoinRole | Own::Withdraw => state
                .projects()
                .map(|p| {
                    let (project, role) = (p.id, role.into());
                    match what {
                        Own::JoinRole => Action::JoinRole {
                            project,
                            role,
                            who: me,
                        },
                        _ => Action::WithdrawFromRole {
                            project,
                            role,
                            who: me,
                        },
                    }
                })
                .collect(),
            Own::Claim | Own::Release | Own::Fulfil => state
                .wishes()
                .map(|w| {
                    let wish = w.id;
                    match what {
                        Own::Claim => Action::ClaimWish { wish, claimant: me },
                        Own::Release => Action::ReleaseWish { wish, claimant: me },
                        _ => Action::FulfilWish { wish, claimant: me },
                    }
                })
                .collect(),
            Own::Redeem => state
                .perks()
                .map(|p| Action::Redeem {
                    perk: p.id,
                    volunteer: v,
                })
                .collect(),
            Own::CancelVoucher => state
                .vouchers_of(v)
                .map(|x| Action::CancelVoucher { voucher: x.id })
                .collect(),
        };
        if !actions.is_empty() {
            let start = usize::from(pick) % actions.len();
            actions.rotate_left(start);
        }
        actions
    }

    /// The first of `actions` `device`'s store allows now.
    fn first_allowed(&mut self, device: usize, actions: Vec<Action>) {
        for action in actions {
            if self.act(device, action).is_some() {
                return;
            }
        }
    }

    fn work(&mut self, work: Work, pick: u8) -> Option<Event> {
        let action = match work {
            Work::Activity => {
                // Each activity on its own day, a few days ahead.
                let first = plan("敬老院探访");
                let days = u64::from(self.activities);
                self.activities += 1;
                Action::CreateActivity {
                    plan: Box::new(ActivityPlan {
                        capacity: 1 + u32::from(pick % 3),
                        start: first.start.plus_days(days),
                        end: first.end.plus_days(days),
                        signup_closes: first.signup_closes.plus_days(days),
                        cancel_deadline: first.cancel_deadline.plus_days(days),
                        ..first
                    }),
                }
            }
            Work::Project => {
                let event = self.act(
                    ORGANIZER,
                    Action::CreateProject {
                        plan: Box::new(project_with_room(1 + u32::from(pick % 2))),
                    },
                )?;
                let project = linli::domain::ProjectId(event.id);
                return self.act(ORGANIZER, Action::PublishProject { project });
            }
            Work::Wish => {
                let event = self.act(
                    ORGANIZER,
                    Action::PostWish {
                        plan: Box::new(WishPlan {
                            alias: "独居老人 王奶奶".into(),
                            title: "修电风扇".into(),
                            value_yuan: 50,
                            wanted_by: WALL.plus_days(10),
                            ..WishPlan::default()
                        }),
                        resident_of: None,
                    },
                )?;
                let wish = linli::domain::WishId(event.id);
                return self.act(ORGANIZER, Action::PublishWish { wish });
            }
            Work::Perk => Action::CreatePerk {
                offer: Box::new(PerkOffer {
                    cost: Points::whole(1 + i64::from(pick % 10)),
                    stock: 1 + u32::from(pick % 3),
                    valid_from: WALL,
                    valid_until: WALL.plus_days(30),
                    ..offer("理发券")
                }),
            },
            Work::Award => award(
                Self::pick(&self.volunteers, pick)?,
                1 + i64::from(pick % 7),
                "巡逻",
            ),
            Work::ConfirmWish => {
                let wishes: Vec<_> = self.nodes[ORGANIZER]
                    .state()
                    .wishes()
                    .map(|w| w.id)
                    .collect();
                Action::ConfirmWish {
                    wish: Self::pick(&wishes, pick)?,
                    thanks: "谢谢".into(),
                }
            }
        };
        self.act(ORGANIZER, action)
    }

    fn next_nonce(&mut self) -> u32 {
        self.nonce += 1;
        self.nonce
    }

    /// An award of 10,000 points to `volunteer`, sealed by `seed`'s key in a replica of
    /// its own for this community: (place, text, event).
    fn sealed_award(&mut self, seed: u8, volunteer: VolunteerId) -> (String, String, EventId) {
        let signer = key(seed);
        let nonce = self.next_nonce();
        let replica = derive_replica(&signer.public(), nonce);
        let at = SealKey {
            log: Log::Public,
            replica,
            index: 0,
        };
        let event = Event {
            id: EventId::new(replica, 1),
            at: self.tick(),
            action: award(volunteer, 10_000, "奖励"),
        };
        let text = seal::seal(
            &signer,
            self.community.id,
            at,
            nonce,
            std::slice::from_ref(&event),
        )
        .unwrap();
        (format!("s/{replica}/0"), text, event.id)
    }

    /// Something put into the server's document directly, and passed on.
    fn inject(&mut self, what: Injected, pick: u8) {
        let honest: Vec<(String, String)> = self
            .net
            .server
            .entries()
            .into_iter()
            .filter(|(place, text)| {
                !self.forged_places.contains(place) && text.starts_with(seal::PREFIX)
            })
            .collect();
        let picked = Self::pick(&(0..honest.len()).collect::<Vec<_>>(), pick).map(|i| &honest[i]);
        let (place, text) = match (what, picked) {
            (Injected::UnknownKey, _) => {
                let v = Self::pick(&self.volunteers, pick).unwrap();
                let (place, text, _) = self.sealed_award(66, v);
                self.unknown_places.insert(place.clone());
                (place, text)
            }
            (Injected::ShorterInPlace, Some((place, text))) => {
                let mut changed = changed_char(text, pick);
                changed.pop();
                let update = LogDoc::new()
                    .put(&[(place.clone(), changed)], true)
                    .unwrap();
                self.net.server.receive(&update).unwrap();
                self.net.relay(None, &update);
                self.injected += 1;
                return;
            }
            (Injected::TamperedElsewhere, Some((place, text))) => {
                let (dir_replica, index) = place.rsplit_once('/').unwrap();
                let index: u32 = index.parse().unwrap();
                (
                    format!("{dir_replica}/{}", index + 1_000),
                    changed_char(text, pick),
                )
            }
            (Injected::Unsigned, _) => {
                let replica = ReplicaId(0xdead);
                let event = Event {
                    id: EventId::new(replica, self.next_nonce()),
                    at: self.tick(),
                    action: award(Self::pick(&self.volunteers, pick).unwrap(), 10_000, "奖励"),
                };
                let text = linli::store::codec::encode_segment(replica, &[event]).unwrap();
                (format!("s/{replica}/{}", self.next_nonce()), text)
            }
            (_, None) => return,
        };
        if let Some(update) = self.net.server.put(&[(place, text)], true) {
            self.injected += 1;
            self.net.relay(None, &update);
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
                let phone = usize::from(volunteer) + 1;
                if self.bound[phone] {
                    let actions = self.own_actions(phone, phone - 1, what, pick);
                    self.first_allowed(phone, actions);
                }
            }
            Step::OnBehalf {
                volunteer,
                what,
                pick,
            } => {
                let actions = self.own_actions(ORGANIZER, usize::from(volunteer), what, pick);
                self.first_allowed(ORGANIZER, actions);
            }
            Step::Revoke => {
                if self.revoked {
                    return;
                }
                // As the app revokes: the line, and the content of what it accepts, as
                // far as the organizer's device knows.
                let phone = key(seed(REVOCABLE)).public();
                let (accepted, digests) =
                    self.nodes[ORGANIZER].store.journal().accepted_from(&phone);
                let revocation = Action::RevokeDevice {
                    key: phone,
                    accepted,
                    reason: "手机丢失".into(),
                    digests,
                };
                self.revoked = self.act(ORGANIZER, revocation).is_some();
            }
            Step::Bind => {
                if self.bound[LATE] {
                    return;
                }
                // In person: the organizer's device enrols the phone and hands it the
                // log; the enrolment goes to the server when that device is online.
                let volunteer = self.volunteers[LATE - 1];
                if self.act(ORGANIZER, enrolment(LATE, volunteer)).is_some() {
                    self.hand_log(LATE);
                    self.bound[LATE] = true;
                    self.net.connect(&self.nodes, LATE);
                }
            }
            Step::Forge { volunteer, pick } => {
                let phone = usize::from(volunteer) + 1;
                if !self.bound[phone] {
                    return;
                }
                let beneficiary = Self::pick(&self.volunteers, pick).unwrap();
                let (place, text, id) = self.sealed_award(seed(phone), beneficiary);
                // As an altered app would: stored on the phone, and put like the rest.
                let node = &mut self.nodes[phone];
                node.store
                    .import_sealed(vec![(format!("{NS}{place}"), text)])
                    .unwrap();
                let update = node.put_own();
                self.net.send_up(phone, update);
                self.forged_places.insert(place);
                self.forged.insert(id);
            }
            Step::Inject(what, pick) => self.inject(what, pick),
            Step::Deliver {
                device,
                up,
                pick,
                twice,
            } => {
                let device = usize::from(device);
                self.net
                    .deliver(&mut self.nodes, device, up, usize::from(pick), twice);
            }
            Step::Drop { device, up, pick } => {
                let device = usize::from(device);
                let queue = if up {
                    &mut self.net.up[device]
                } else {
                    &mut self.net.down[device]
                };
                if queue.is_empty() {
                    return;
                }
                self.net.dropped += 1;
                if self.net.in_order {
                    self.net.cut(device);
                } else {
                    let index = usize::from(pick) % queue.len();
                    queue.remove(index);
                }
            }
            Step::Cut(device) => self.net.cut(usize::from(device)),
            Step::Reconnect(device) => {
                let device = usize::from(device);
                if self.bound[device] && !self.net.online[device] {
                    self.net.connect(&self.nodes, device);
                }
            }
        }
    }

    /// Every device bound reconnects once, and the frames that causes are delivered.
    fn settle(&mut self) {
        for device in 0..=PHONES {
            if self.bound[device] {
                self.net.connect(&self.nodes, device);
            }
        }
        self.net.drain(&mut self.nodes);
    }

    /// Every segment each device sealed, as it holds them (keys with the namespace).
    fn all_segments(&self) -> Vec<(String, String)> {
        (0..=PHONES)
            .filter(|d| self.bound[*d])
            .flat_map(|d| {
                let node = &self.nodes[d];
                node.store.sealed_segments(true, Some(node.key)).0
            })
            .collect()
    }

    /// A device that gets `segments` directly: the organizer's key on a fresh storage
    /// (another browser of the organizer's), or a device with no key, which takes in
    /// the community's log only.
    fn direct(&self, organizer: bool, segments: Vec<(String, String)>) -> Device {
        let mut device = blank(0xd000);
        device.join(self.community.clone()).unwrap();
        if organizer {
            device
                .set_device(DeviceRecord::plain(&key(seed(ORGANIZER))))
                .unwrap();
        }
        device.import_sealed(segments).unwrap();
        device
    }
}

/// `text` with one character after the seal's prefix changed (chosen by `pick`).
fn changed_char(text: &str, pick: u8) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let first = seal::PREFIX.len();
    let at = first + usize::from(pick) % (chars.len() - first);
    let c = u32::from(chars[at]) - 0x20;
    chars[at] = char::from_u32((c + 1) % 0x8000 + 0x20).unwrap();
    chars.into_iter().collect()
}

/// What any device shows of the state, whatever log it holds: balances, the ledger,
/// every activity's sign-ups and waitlist, projects, wishes, perks and vouchers, and
/// what was rejected.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    balances: Vec<(VolunteerId, Points)>,
    entries: usize,
    ledger: String,
    activities: String,
    projects: String,
    wishes: String,
    perks: String,
    vouchers: String,
    rejected: String,
}

fn shown(state: &State) -> Shown {
    Shown {
        balances: state
            .volunteers()
            .map(|v| (v.id, state.balance(v.id)))
            .collect(),
        entries: state.ledger().entries().len(),
        ledger: format!("{:?}", state.ledger().entries()),
        activities: format!("{:?}", state.activities().collect::<Vec<_>>()),
        projects: format!("{:?}", state.projects().collect::<Vec<_>>()),
        wishes: format!("{:?}", state.wishes().collect::<Vec<_>>()),
        perks: format!("{:?}", state.perks().collect::<Vec<_>>()),
        vouchers: format!("{:?}", state.vouchers().collect::<Vec<_>>()),
        rejected: format!("{:?}", state.rejected()),
    }
}

fn ids(device: &Device) -> BTreeSet<EventId> {
    device.journal().events().map(|e| e.id).collect()
}

fn kept_aside(device: &Device) -> BTreeSet<EventId> {
    device
        .journal()
        .kept_aside()
        .iter()
        .map(|k| k.event)
        .collect()
}

/// What the cases of one run did, to show that they reach what they are meant to.
#[derive(Default)]
struct Stats {
    cases: Cell<usize>,
    /// Cases where the devices did not all show the same before the last reconnection.
    diverged: Cell<usize>,
    acted: Cell<usize>,
    forged: Cell<usize>,
    injected: Cell<usize>,
    revoked: Cell<usize>,
    bound_late: Cell<usize>,
    delivered: Cell<usize>,
    twice: Cell<usize>,
    dropped: Cell<usize>,
    greetings: Cell<usize>,
    /// Honest segments that reached a device before their signer's enrolment did.
    early: Cell<usize>,
}

impl Stats {
    fn add(cell: &Cell<usize>, n: usize) {
        cell.set(cell.get() + n);
    }
}

/// Plays `steps`, settles, and checks every device against the direct ones.
fn check(steps: &[Step], in_order: bool, stats: &Stats) -> Result<(), TestCaseError> {
    let mut play = Play::new(in_order);
    for step in steps {
        play.run(step);
    }
    let greetings = play.net.greetings;
    let before: Vec<Shown> = (0..=PHONES)
        .filter(|d| play.bound[*d])
        .map(|d| shown(play.nodes[d].state()))
        .collect();
    Stats::add(
        &stats.diverged,
        usize::from(before.iter().any(|s| *s != before[0])),
    );
    play.settle();
    let bound: Vec<usize> = (0..=PHONES).filter(|d| play.bound[*d]).collect();
    prop_assert_eq!(
        play.net.greetings - greetings,
        2 * bound.len(),
        "one greeting each way"
    );
    Stats::add(&stats.cases, 1);
    Stats::add(&stats.acted, play.acted);
    Stats::add(&stats.forged, play.forged.len());
    Stats::add(&stats.injected, play.injected);
    Stats::add(&stats.revoked, usize::from(play.revoked));
    Stats::add(&stats.bound_late, usize::from(play.bound[LATE]));
    Stats::add(&stats.greetings, play.net.greetings);
    Stats::add(&stats.delivered, play.net.delivered);
    Stats::add(&stats.twice, play.net.twice);
    Stats::add(&stats.dropped, play.net.dropped);
    Stats::add(
        &stats.early,
        play.net.unknown.difference(&play.unknown_places).count(),
    );

    let server = play.net.server.entries();
    for &d in &bound {
        let doc = play.nodes[d].doc.entries();
        prop_assert!(doc == server, "device {}'s document is not the server's", d);
    }
    let all = play.all_segments();
    let honest: Vec<(String, String)> = all
        .iter()
        .filter(|(name, _)| !play.forged_places.contains(name.strip_prefix(NS).unwrap()))
        .cloned()
        .collect();
    // [the organizer's other browser, a device without a key]: what they show.
    let everything = [play.direct(true, all.clone()), play.direct(false, all)];
    let honest = [
        play.direct(true, honest.clone()),
        play.direct(false, honest),
    ];
    for class in 0..2 {
        // What was forged or injected changes no balance and no status.
        prop_assert_eq!(
            shown(everything[class].journal().state()),
            shown(honest[class].journal().state())
        );
        prop_assert!(everything[class].journal().state() == honest[class].journal().state());
        prop_assert_eq!(
            everything[class].journal().len(),
            honest[class].journal().len() + play.forged.len()
        );
    }
    // The forged awards verify (the phones' keys are known) and are kept aside.
    prop_assert!(play.forged.is_subset(&kept_aside(&everything[0])));
    let reference = shown(honest[1].journal().state());
    prop_assert_eq!(shown(everything[0].journal().state()), reference.clone());
    for &d in &bound {
        let node = &play.nodes[d];
        let direct = &everything[usize::from(d != ORGANIZER)];
        // Nothing lost, nothing doubled: the same events, each once.
        let (held, all) = (ids(&node.store), ids(direct));
        prop_assert!(
            held == all,
            "device {}: lacks {:?}, has more {:?}",
            d,
            all.difference(&held).collect::<Vec<_>>(),
            held.difference(&all).collect::<Vec<_>>()
        );
        prop_assert_eq!(node.store.journal().len(), direct.journal().len());
        // The authority rules hold here as on the direct device.
        prop_assert_eq!(kept_aside(&node.store), kept_aside(direct), "device {}", d);
        prop_assert!(play.forged.is_subset(&kept_aside(&node.store)));
        // Identical state: what every device shows, and all of it within a class.
        prop_assert_eq!(shown(node.state()), reference.clone(), "device {}", d);
        prop_assert!(node.state() == direct.journal().state(), "device {}", d);
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("SYNC_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES)
}

/// Connections as websockets: each keeps its frames in order, a frame lost is the
/// connection lost (it reconnects later with a greeting each way), a frame may come
/// again later; frames of different devices interleave in any order.
#[test]
fn every_device_ends_with_the_state_of_all_honest_events_whatever_the_network_did() {
    let started = std::time::Instant::now();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    });
    let stats = Stats::default();
    runner
        .run(&prop::collection::vec(step(), 1..200), |steps| {
            check(&steps, true, &stats)
        })
        .unwrap();
    let said = format!(
        "sync convergence: {} cases in {:.1} s, {} of them diverged before the last \
         reconnection; {} actions, {} forged awards kept aside, {} segments injected into \
         the server's document; a phone revoked in {} cases, bound during the run in {}; \
         {} frames delivered ({} of them again later), {} lost, {} greetings; {} honest \
         segments arrived before their signer's enrolment",
        stats.cases.get(),
        started.elapsed().as_secs_f64(),
        stats.diverged.get(),
        stats.acted.get(),
        stats.forged.get(),
        stats.injected.get(),
        stats.revoked.get(),
        stats.bound_late.get(),
        stats.delivered.get(),
        stats.twice.get(),
        stats.dropped.get(),
        stats.greetings.get(),
        stats.early.get(),
    );
    #[allow(clippy::print_stdout)]
    {
        println!("{said}");
    }
}

/// Frames of one connection reordered, and lost one by one while the connection stays
/// up (a case the random steps found, shrunk): yrs (0.28.1) integrates some updates of
/// a device before that device's earlier ones, and after the last reconnection the
/// server's document shows another text at a place than the devices' documents do
/// (the root of it: `a_documents_state_holds_every_entry_it_shows`).
#[test]
#[ignore = "known gap in yrs 0.28.1: updates of one device applied out of order can leave \
            a document showing an entry its own state does not hold; documents then differ"]
fn every_device_ends_with_the_same_document_even_with_frames_of_a_connection_reordered() {
    use Step::*;
    let steps = vec![
        Deliver {
            device: 2,
            up: true,
            pick: 0,
            twice: false,
        },
        Deliver {
            device: 1,
            up: false,
            pick: 0,
            twice: false,
        },
        Inject(Injected::Unsigned, 0),
        Deliver {
            device: 2,
            up: false,
            pick: 159,
            twice: false,
        },
        OnBehalf {
            volunteer: 0,
            what: Own::Claim,
            pick: 0,
        },
        Phone {
            volunteer: 1,
            what: Own::Claim,
            pick: 0,
        },
        Deliver {
            device: 1,
            up: true,
            pick: 2,
            twice: true,
        },
        Drop {
            device: 1,
            up: false,
            pick: 0,
        },
        Deliver {
            device: 2,
            up: true,
            pick: 61,
            twice: false,
        },
        Deliver {
            device: 1,
            up: true,
            pick: 0,
            twice: false,
        },
        Phone {
            volunteer: 1,
            what: Own::SignUp,
            pick: 0,
        },
        Deliver {
            device: 1,
            up: true,
            pick: 0,
            twice: false,
        },
        Forge {
            volunteer: 1,
            pick: 0,
        },
        Organizer(Work::Activity, 0),
        Deliver {
            device: 2,
            up: true,
            pick: 45,
            twice: false,
        },
        Deliver {
            device: 2,
            up: true,
            pick: 32,
            twice: false,
        },
        Deliver {
            device: 2,
            up: true,
            pick: 0,
            twice: false,
        },
        Inject(Injected::UnknownKey, 0),
        Organizer(Work::Project, 0),
        Inject(Injected::UnknownKey, 0),
        Deliver {
            device: 0,
            up: false,
            pick: 0,
            twice: false,
        },
        Deliver {
            device: 1,
            up: false,
            pick: 101,
            twice: true,
        },
        Deliver {
            device: 1,
            up: false,
            pick: 25,
            twice: false,
        },
        OnBehalf {
            volunteer: 0,
            what: Own::SignUp,
            pick: 0,
        },
        Inject(Injected::UnknownKey, 0),
        Phone {
            volunteer: 1,
            what: Own::SignUp,
            pick: 4,
        },
        Bind,
        Deliver {
            device: 2,
            up: true,
            pick: 21,
            twice: false,
        },
        Deliver {
            device: 3,
            up: false,
            pick: 59,
            twice: false,
        },
        Cut(2),
        Phone {
            volunteer: 2,
            what: Own::JoinRole,
            pick: 175,
        },
        Drop {
            device: 1,
            up: false,
            pick: 230,
        },
        Cut(0),
        Phone {
            volunteer: 2,
            what: Own::Claim,
            pick: 95,
        },
        Phone {
            volunteer: 2,
            what: Own::Waitlist,
            pick: 43,
        },
        Phone {
            volunteer: 0,
            what: Own::Claim,
            pick: 86,
        },
        Deliver {
            device: 3,
            up: false,
            pick: 19,
            twice: true,
        },
        Phone {
            volunteer: 0,
            what: Own::Release,
            pick: 32,
        },
        Deliver {
            device: 3,
            up: true,
            pick: 164,
            twice: true,
        },
        Phone {
            volunteer: 0,
            what: Own::JoinRole,
            pick: 49,
        },
        Deliver {
            device: 3,
            up: true,
            pick: 101,
            twice: false,
        },
        Inject(Injected::UnknownKey, 43),
        Deliver {
            device: 1,
            up: false,
            pick: 84,
            twice: false,
        },
        Phone {
            volunteer: 1,
            what: Own::Claim,
            pick: 137,
        },
    ];
    check(&steps, false, &Stats::default()).unwrap();
}

/// A sealed text packs 15 bits into each character, whose UTF-8 width is one to three
/// bytes: a segment one event longer, sealed anew, can take fewer bytes. Its sealer
/// must still put it into the document, or that event reaches no other device.
#[test]
fn a_segment_that_grew_is_put_even_when_its_text_takes_fewer_bytes() {
    let mut organizer = founder(seed(ORGANIZER));
    let wang = VolunteerId(
        organizer
            .act(
                Action::RegisterVolunteer {
                    profile: Box::new(profile("王小明")),
                },
                WALL,
            )
            .unwrap()
            .event
            .id,
    );
    let mut node = Node::new(organizer);
    // The open segment's place and text.
    let open = |node: &Node| {
        let (name, text, _) = node.store.own_segments().pop().unwrap();
        (name.strip_prefix(NS).unwrap().to_owned(), text)
    };
    let mut wall = WALL;
    let (place, grown) = loop {
        node.put_own();
        let (place, before) = open(&node);
        wall = wall.plus_minutes(1);
        let n = (wall.0 - WALL.0) / 60_000;
        let action = match n % 3 {
            0 => award(wang, 1 + (n % 7) as i64, "巡逻"),
            1 => Action::CreatePerk {
                offer: Box::new(offer("理发券")),
            },
            _ => Action::CreateActivity {
                plan: Box::new(plan("敬老院探访")),
            },
        };
        node.store.act(action, wall).unwrap();
        let (now, after) = open(&node);
        if now == place && after.len() < before.len() {
            assert!(after.chars().count() > before.chars().count());
            break (place, after);
        }
        assert!(
            wall < WALL.plus_days(1),
            "no text took fewer bytes in a day of awards"
        );
    };
    // The server holds what the organizer's device put before.
    let (mut server, _) = LogDoc::load(&node.doc.state()).unwrap();
    let update = node.put_own();
    assert!(update.is_some(), "the grown segment was not put");
    let received = server.receive(&update.unwrap()).unwrap();
    assert_eq!(received.changed, vec![(place, grown)]);
}

/// The organizer's device, offline, binds 张三's phone in person and hands it the log;
/// the phone signs up at once, online. Its segment reaches the other phones before the
/// enrolment that names its key: they cannot verify it yet, and their documents report
/// it only this once. When the organizer's device is back, the sign-up counts there too.
#[test]
fn a_segment_that_arrives_before_its_signers_enrolment_counts_once_the_enrolment_does() {
    let mut play = Play::new(true);
    play.net.drain(&mut play.nodes);
    play.net.cut(ORGANIZER);
    play.run(&Step::Bind);
    assert!(play.bound[LATE]);
    play.run(&Step::Phone {
        volunteer: 2,
        what: Own::SignUp,
        pick: 0,
    });
    play.net.drain(&mut play.nodes);
    let signup = play.nodes[LATE]
        .store
        .journal()
        .events()
        .last()
        .unwrap()
        .clone();
    assert!(matches!(signup.action, Action::SignUp { .. }));
    assert!(
        !play.net.unknown.is_empty(),
        "no phone refused it for its key"
    );
    assert!(play.nodes[1].store.journal().event(signup.id).is_none());

    play.net.connect(&play.nodes, ORGANIZER);
    play.net.drain(&mut play.nodes);
    for phone in 1..=PHONES {
        let journal = play.nodes[phone].store.journal();
        assert_eq!(journal.event(signup.id), Some(&signup), "phone {phone}");
        assert!(journal.kept_aside().is_empty(), "phone {phone}");
        assert!(play.nodes[phone].state() == play.nodes[1].state());
    }
}

/// 王小明's phone is offline while the organizer and 李四's phone write many events, and
/// writes some of its own. Back online, one greeting each way is all it takes: the
/// server's step 2 brings it everything it lacks, its own brings the server what it
/// wrote.
#[test]
fn a_device_offline_for_many_events_catches_up_with_one_greeting_each_way() {
    let mut play = Play::new(true);
    play.net.drain(&mut play.nodes);
    let wangs = 1;
    play.net.cut(wangs);
    for i in 0..40u8 {
        for step in [
            Step::Organizer(Work::Award, i),
            Step::Organizer(
                [Work::Activity, Work::Perk, Work::Wish][usize::from(i % 3)],
                i,
            ),
            Step::Phone {
                volunteer: 1,
                what: [Own::SignUp, Own::Claim, Own::JoinRole][usize::from(i % 3)],
                pick: i,
            },
            Step::Phone {
                volunteer: 0,
                what: [Own::SignUp, Own::Redeem][usize::from(i % 2)],
                pick: i,
            },
        ] {
            play.run(&step);
            play.net.drain(&mut play.nodes);
        }
    }
    let all = play.direct(false, play.all_segments());
    let before = play.nodes[wangs].store.journal().len();
    assert!(all.journal().len() >= before + 100, "it missed few events");
    let node = &play.nodes[wangs];
    let server_lacks = node
        .store
        .sealed_segments(false, Some(node.key))
        .0
        .iter()
        .filter(|(name, text)| play.net.server.get(&name[NS.len()..]) != Some(text.as_str()))
        .count();
    assert!(server_lacks > 0, "it wrote nothing offline");

    // Its greeting; the server's step 2.
    let hello = play.nodes[wangs].doc.greeting();
    let answer = play.net.server.receive(&hello).unwrap();
    assert_eq!(answer.replies.len(), 1);
    let got = play.nodes[wangs].doc.receive(&answer.replies[0]).unwrap();
    assert!(got.caught_up && got.replies.is_empty());
    let report = play.nodes[wangs].take_in(got.changed);
    assert_eq!(report.added, all.journal().len() - before, "{report:?}");
    assert!(
        report
            .refused
            .iter()
            .all(|r| r.reason == SealRefusal::OrganizersOnly),
        "{report:?}"
    );
    // The server's greeting; the phone's step 2.
    let ask = play.net.server.greeting();
    let reply = play.nodes[wangs].doc.receive(&ask).unwrap();
    assert!(reply.changed.is_empty());
    assert_eq!(reply.replies.len(), 1);
    let received = play.net.server.receive(&reply.replies[0]).unwrap();
    assert_eq!(received.changed.len(), server_lacks);

    assert_eq!(play.nodes[wangs].doc.entries(), play.net.server.entries());
    assert!(play.nodes[wangs].state() == all.journal().state());
    assert_eq!(ids(&play.nodes[wangs].store), ids(&all));
}

/// Anyone with a token for the document can put any text at any place. A longer text
/// at the place of the organizer's segment (the segment with a character changed and
/// much added) is refused by every store, and the organizer's device, which takes it
/// in and finds it is not its own, puts its own segment back (a device's own copy
/// replaces whatever the document holds): a device that did not hold that segment
/// still gets its events.
#[test]
fn a_longer_text_at_a_devices_place_does_not_hide_its_segment() {
    let mut play = Play::new(true);
    play.net.drain(&mut play.nodes);
    let (place, text) = play.nodes[ORGANIZER]
        .doc
        .entries()
        .into_iter()
        .find(|(place, _)| place.starts_with("s/"))
        .unwrap();
    let mut longer = changed_char(&text, 7);
    longer.push_str(&"!".repeat(2_000));
    let update = play.net.server.put(&[(place, longer)], true).unwrap();
    play.net.relay(None, &update);
    play.net.drain(&mut play.nodes);
    // The organizer goes on writing; 张三's new phone opens the log through the server.
    play.run(&Step::Organizer(Work::Award, 1));
    play.net.drain(&mut play.nodes);
    play.net.connect(&play.nodes, LATE);
    play.net.drain(&mut play.nodes);
    let all = play.direct(false, play.all_segments());
    let held = ids(&play.nodes[LATE].store);
    assert!(
        held == ids(&all),
        "the new phone lacks {} of {} events",
        ids(&all).difference(&held).count(),
        all.journal().len()
    );
}

/// A document sends a device that greets it everything it holds, as its own state: what
/// it shows must be in that state. Here a device's third update (a new place) reaches
/// one document before its first two, its second reaches the server before its first,
/// and that document answers the server's greeting. yrs (0.28.1) then shows the entry
/// on the server, but the server's state does not hold it: a document loaded from that
/// state lacks it. (A full exchange with the device repairs this case; in longer runs
/// with frames of a connection reordered, documents stay different.)
#[test]
#[ignore = "known gap in yrs 0.28.1: updates of one device applied out of order can leave \
            a document showing an entry its own state does not hold"]
fn a_documents_state_holds_every_entry_it_shows() {
    let entry = |place: &str, text: &str| vec![(place.to_owned(), text.to_owned())];
    let mut device = LogDoc::new();
    let mut other = LogDoc::new();
    let mut server = LogDoc::new();
    let _first = device.put(&entry("s/1/0", "xxx"), true).unwrap();
    let second = device.put(&entry("s/1/0", "xxxx"), true).unwrap();
    let third = device.put(&entry("s/2/0", "yyy"), true).unwrap();
    other.receive(&third).unwrap();
    server.receive(&second).unwrap();
    for reply in other.receive(&server.greeting()).unwrap().replies {
        server.receive(&reply).unwrap();
    }
    assert_eq!(server.get("s/2/0"), Some("yyy"));
    let (loaded, _) = LogDoc::load(&server.state()).unwrap();
    assert_eq!(loaded.entries(), server.entries());
}
