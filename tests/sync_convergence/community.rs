//! The community of the model: the random [`Step`]s, and [`Play`], the organizer's
//! device and three phones (王小明's bound without asking, 李四's after asking, 张三's
//! during the run, in person) acting on what each knows and sending what changed. What
//! is forged or injected is in `forgery.rs`.

use std::collections::BTreeSet;

use linli::domain::trust::Role;
use linli::domain::{Action, Event, EventId, State, Timestamp, VolunteerId};
use linli::store::device::{Community, DeviceRecord};
use proptest::prelude::*;

use crate::common::award;
use crate::common::devices::{Device, WALL, blank, enrol, founder, joining, key};
use crate::common::jobs::{Organizer, Own, Work, choose, own, own_actions, work};
use crate::common::profile;
use crate::forgery::Injected;
use crate::net::{Net, Node};
use crate::{LATE, NS, ORGANIZER, PHONES, REVOCABLE, seed};

/// One random step. `pick` chooses among what there is to choose from.
#[derive(Clone, Debug)]
pub enum Step {
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

pub fn step() -> impl Strategy<Value = Step> {
    let work = work();
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

/// The community, its devices and the network, as played so far.
pub struct Play {
    pub community: Community,
    pub nodes: Vec<Node>,
    pub net: Net,
    pub wall: Timestamp,
    pub volunteers: Vec<VolunteerId>,
    /// Whether device `i` belongs to the network yet (张三's phone only once bound).
    pub bound: Vec<bool>,
    pub revoked: bool,
    /// Activities created so far (each on its own day, so sign-ups never collide).
    pub activities: u32,
    /// Places of the forged segments, and the forged events.
    pub forged_places: BTreeSet<String>,
    pub forged: BTreeSet<EventId>,
    /// Places of the unknown key's awards put into the server's document.
    pub unknown_places: BTreeSet<String>,
    /// Nonces for sealing dishonest segments.
    pub nonce: u32,
    /// Actions done (each device's store allowed them), and segments injected.
    pub acted: usize,
    pub injected: usize,
}

impl Play {
    /// The organizer founds the community, registers three volunteers with 30 points
    /// each, binds two phones (李四's asks first) and sets up something of each job;
    /// every device bound holds everything, then all connect to the server.
    pub fn new(in_order: bool) -> Play {
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
        play.set_up();
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
    pub fn hand_log(&mut self, phone: usize) {
        let (segments, _) = self.nodes[ORGANIZER].store.sealed_segments(false, None);
        let report = self.nodes[phone].store.import_sealed(segments).unwrap();
        assert!(report.refused.is_empty(), "{report:?}");
    }

    pub fn tick(&mut self) -> Timestamp {
        self.wall = self.wall.plus_minutes(1);
        self.wall
    }

    /// `device` does `action` if its store allows it, and sends what changed.
    pub fn act(&mut self, device: usize, action: Action) -> Option<Event> {
        let wall = self.tick();
        let event = self.nodes[device].store.act(action, wall).ok()?.event;
        self.acted += 1;
        let update = self.nodes[device].put_own();
        self.net.send_up(device, update);
        Some(event)
    }

    /// Volunteer `volunteer`'s own actions of kind `what` on what `device` knows,
    /// from `pick`.
    fn own_actions(&self, device: usize, volunteer: usize, what: Own, pick: u8) -> Vec<Action> {
        own_actions(
            self.nodes[device].state(),
            self.volunteers[volunteer],
            what,
            pick,
        )
    }

    /// The first of `actions` `device`'s store allows now.
    fn first_allowed(&mut self, device: usize, actions: Vec<Action>) {
        for action in actions {
            if self.act(device, action).is_some() {
                return;
            }
        }
    }

    pub fn run(&mut self, step: &Step) {
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
                let beneficiary = choose(&self.volunteers, pick).unwrap();
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
    pub fn settle(&mut self) {
        for device in 0..=PHONES {
            if self.bound[device] {
                self.net.connect(&self.nodes, device);
            }
        }
        self.net.drain(&mut self.nodes);
    }

    /// Every segment each device sealed, as it holds them (keys with the namespace).
    pub fn all_segments(&self) -> Vec<(String, String)> {
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
    pub fn direct(&self, organizer: bool, segments: Vec<(String, String)>) -> Device {
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

impl Organizer for Play {
    fn organizer_does(&mut self, action: Action) -> Option<Event> {
        self.act(ORGANIZER, action)
    }

    fn organizer_knows(&self) -> &State {
        self.nodes[ORGANIZER].state()
    }

    fn volunteers(&self) -> &[VolunteerId] {
        &self.volunteers
    }

    fn next_activity_day(&mut self) -> u64 {
        self.activities += 1;
        u64::from(self.activities - 1)
    }
}
