//! A long proptest of the import path: what a person may pick as a "backup file" goes
//! through `Store::import_file`, as the app does, on a second organizer device of the
//! community that already holds data of its own. Five kinds of file: random bytes,
//! random JSON-ish values (often in a backup's envelope, version 1 or 2), a real backup
//! with characters flipped, inserted or deleted, a real backup with values changed
//! inside it (extreme numbers, segments moved or swapped, fields removed), and a real
//! backup with some segments or records replaced by junk. The real backup is a full
//! export (version 2: sealed segments) of an organizer device that did a bit of
//! everything, a volunteer's phone and an adoption included, or its version-1 form
//! (unsigned events, read but never counted unless an organizer adopts them). A sixth
//! kind damages stored segments instead, as a crash or a bad disk would.
//!
//! For every input: nothing panics (parsing, importing, folding, reloading); the counts
//! of the import add up; nothing stored before is changed (a stored copy of another
//! device's sealed segment may only be replaced by a longer copy of itself); what was
//! stored reads back the same after a reload; the device can still act. A segment with
//! any character changed, inserted or deleted, or moved to another place, never changes
//! a balance or status: the state is exactly the state the file's intact segments give.
//! Junk segments are refused (or kept aside, for a forgery by an enrolled key) and every
//! good segment imports; junk records of a version-1 file are rejected by their place.
//!
//! The number of inputs run is printed (`cargo test --test import_fuzz -- --nocapture`)
//! for the README's "What we guarantee".

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::devices::{Device, WALL, enrol, founder, joining, key, sync};
use common::{T0, VALID_FROM, at, award, offer, plan, profile, project_plan, unit_profile};
use linli::domain::journal::KeptAside;
use linli::domain::trust::{CommunityId, Role};
use linli::domain::{
    Action, Claimant, EntryId, Event, EventId, Points, State, UnitKind, VolunteerId,
    VolunteerProfile, WishCategory, WishId, WishPlan,
};
use linli::store::backup::{self, Parsed, Scope};
use linli::store::exchange::{FileImport, ImportError};
use linli::store::seal::{self, Log, SealKey};
use linli::store::{ActError, Backend, MemoryBackend, Namespace, SealRefusal, Store, StoreError};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};
use serde_json::{Map, Number, Value};

/// Inputs per kind. Six kinds: 6,000 inputs in all.
const CASES: u32 = 1_000;

static RAN: AtomicUsize = AtomicUsize::new(0);
/// Inputs that were read as a backup, and what they held: to show that the fuzz reaches
/// past the parser into verification, import, fold and reload.
static SEALED_FILES: AtomicUsize = AtomicUsize::new(0);
static SEGMENTS: AtomicUsize = AtomicUsize::new(0);
static REFUSED: AtomicUsize = AtomicUsize::new(0);
static UNREADABLE_SEGMENTS: AtomicUsize = AtomicUsize::new(0);
static KEPT_ASIDE: AtomicUsize = AtomicUsize::new(0);
static UNSIGNED_FILES: AtomicUsize = AtomicUsize::new(0);
static RECORDS: AtomicUsize = AtomicUsize::new(0);
static REJECTED: AtomicUsize = AtomicUsize::new(0);
static UNREADABLE_STORED: AtomicUsize = AtomicUsize::new(0);
/// The kind of input running, and per kind: files read as sealed backups, and segments
/// refused by their seal.
static KIND: AtomicUsize = AtomicUsize::new(0);
static SEALED_BY_KIND: [AtomicUsize; 6] = [const { AtomicUsize::new(0) }; 6];
static REFUSED_BY_KIND: [AtomicUsize; 6] = [const { AtomicUsize::new(0) }; 6];

/// The nonces the importing device's sessions draw from.
const IMPORTER: u64 = 0xc300;

/// A session on `backend` whose nonces are `nonce + 1`, `nonce + 2`, …
fn store(backend: MemoryBackend, nonce: u64) -> Device {
    let mut next = nonce;
    Store::open(backend, Namespace::default(), move || {
        next += 1;
        next
    })
}

fn snapshot(backend: &MemoryBackend) -> Vec<(String, String)> {
    backend
        .keys("")
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = backend.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

fn backend_of(items: &[(String, String)]) -> MemoryBackend {
    let backend = MemoryBackend::default();
    for (key, value) in items {
        backend.set(key, value).unwrap();
    }
    backend
}

/// The events a stored sealed segment holds, or `None` if it does not read.
fn sealed_events(name: &str, text: &str) -> Option<Vec<Event>> {
    let key = SealKey::parse("linli", name)?;
    let read = seal::read(key, text.strip_prefix(seal::PREFIX)?).ok()?;
    Some(read.decoded.events)
}

/// Everything the fuzz starts from, made once.
struct World {
    community: CommunityId,
    /// The rich organizer device's full backup (version 2), and the same events as a
    /// version-1 file.
    file: String,
    v1: String,
    /// What the rich device holds in storage, by key.
    rich: BTreeMap<String, String>,
    /// The importing device's storage before any import: a second organizer device,
    /// enrolled, that knows the community's first events and wrote some of its own.
    seeded: Vec<(String, String)>,
    /// A volunteer the importing device registered.
    importers_volunteer: VolunteerId,
    /// The importing device's storage after importing the real backup.
    union: Vec<(String, String)>,
    /// Segments that are junk by construction, made with real keys: (name without the
    /// namespace, text).
    forgeries: Vec<(String, String)>,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(make_world)
}

fn make_world() -> World {
    let mut rich = founder(1);
    let community = rich.community().unwrap().id;
    // A second organizer device: it asks, the rich device enrols it, and it learns so
    // from the rich device's log as it stands then (no full sync later).
    let mut importer = joining(community, 2, Role::Organizer);
    let (request, _) = importer.sealed_segments(false, None);
    rich.import_sealed(request).unwrap();
    rich.act(
        Action::EnrolDevice {
            key: key(2).public(),
            role: Role::Organizer,
            label: "办公室电脑".into(),
        },
        WALL,
    )
    .unwrap();
    sync(&rich, &mut importer);
    assert_eq!(importer.role(), Some(Role::Organizer));
    let mut importers_volunteer = None;
    for name in ["赵六", "钱七"] {
        let v = VolunteerId(
            importer
                .act(
                    Action::RegisterVolunteer {
                        profile: Box::new(VolunteerProfile {
                            phone: "13900000000".into(),
                            ..profile(name)
                        }),
                    },
                    T0,
                )
                .unwrap()
                .event
                .id,
        );
        importer.act(award(v, 3, "巡逻"), T0).unwrap();
        importers_volunteer.get_or_insert(v);
    }
    let seeded = snapshot(importer.backend());

    let (wang, perk) = rich_actions(&mut rich);
    // Wang's own phone redeems a voucher and cancels it.
    let mut phone = joining(community, 3, Role::Volunteer(wang));
    enrol(&mut rich, &mut phone, Role::Volunteer(wang));
    let voucher = linli::domain::VoucherId(
        phone
            .act(
                Action::Redeem {
                    perk,
                    volunteer: wang,
                },
                at(140),
            )
            .unwrap()
            .event
            .id,
    );
    phone
        .act(Action::CancelVoucher { voucher }, at(141))
        .unwrap();
    sync(&phone, &mut rich);
    // Data from before signing, adopted: a segment that vouches for others' events.
    let fixture = std::fs::read_to_string(format!(
        "{}/tests/fixtures/backup-1.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let unsigned = rich.import_file(&fixture).unwrap().unsigned;
    assert_eq!(rich.adopt_events(unsigned, at(150)).unwrap().events, 4);
    assert!(
        rich.journal().state().rejected().is_empty(),
        "the rich device's own events all apply: {:?}",
        rich.journal().state().rejected()
    );
    assert!(rich.journal().kept_aside().is_empty());

    let (file, events) = rich.export_file(Scope::Full, at(200)).unwrap();
    assert_eq!(events, rich.journal().len());
    let v1 = backup::export_v1(rich.journal().events(), "linli", at(200));
    let rich_items: BTreeMap<String, String> = snapshot(rich.backend()).into_iter().collect();
    assert!(
        rich_items
            .keys()
            .filter(|k| k.starts_with("linli/s/"))
            .count()
            >= 4
            && rich_items.keys().any(|k| k.starts_with("linli/p/")),
        "{:?}",
        rich_items.keys().collect::<Vec<_>>()
    );

    let mut union = store(backend_of(&seeded), IMPORTER);
    let imported = union.import_file(&file).unwrap();
    assert!(imported.report.refused.is_empty(), "{imported:?}");
    assert!(union.journal().kept_aside().is_empty());
    assert_eq!(
        union.journal().state().volunteers().count(),
        rich.journal().state().volunteers().count() + 2
    );

    World {
        community,
        file,
        v1,
        rich: rich_items,
        seeded,
        importers_volunteer: importers_volunteer.unwrap(),
        union: snapshot(union.backend()),
        forgeries: forgeries(community, wang),
    }
}

/// Everything an organizer device does: volunteers, awards, a deduction and a reversal;
/// a unit with unit points; an activity signed up for, with a waitlist that moves,
/// check-in, check-out and confirmed service; a project joined, pledged to, completed
/// and confirmed; a perk redeemed, verified, and a voucher cancelled; a micro-wish
/// posted, claimed, fulfilled and confirmed; and the points policy set. Returns wang and
/// the perk.
fn rich_actions(s: &mut Device) -> (VolunteerId, linli::domain::PerkId) {
    let mut act = |when: linli::domain::Timestamp, action: Action| {
        s.act(action.clone(), when)
            .unwrap_or_else(|e| panic!("{action:?}: {e:?}"))
            .event
    };
    let register = |act: &mut dyn FnMut(linli::domain::Timestamp, Action) -> Event,
                    name: &str,
                    skills: &[&str]| {
        VolunteerId(
            act(
                T0,
                Action::RegisterVolunteer {
                    profile: Box::new(VolunteerProfile {
                        skills: skills.iter().map(|s| (*s).to_owned()).collect(),
                        phone: "13812341234".into(),
                        ..profile(name)
                    }),
                },
            )
            .id,
        )
    };
    let wang = register(&mut act, "王小明", &["电工", "家电维修"]);
    let li = register(&mut act, "李四", &[]);
    let zhang = register(&mut act, "张三", &[]);
    let unit = linli::domain::UnitId(
        act(
            T0,
            Action::RegisterUnit {
                profile: Box::new(unit_profile("东城供电所", UnitKind::CoBuilding)),
            },
        )
        .id,
    );
    act(T0, award(wang, 10, "扫雪"));
    act(T0, award(zhang, 3, "扫雪"));
    let li_award = EntryId(act(T0, award(li, 5, "巡逻")).id);
    act(
        T0,
        Action::ReverseEntry {
            entry: li_award,
            reason: "录错".into(),
        },
    );
    act(
        T0,
        Action::DeductPoints {
            volunteer: wang,
            points: Points::whole(2),
            reason: "兑换错误".into(),
        },
    );
    act(
        T0,
        Action::AwardUnitPoints {
            unit,
            points: Points::whole(10),
            reason: "共建".into(),
        },
    );
    act(
        T0,
        Action::SetPointsPolicy {
            policy: linli::domain::PointsPolicy {
                expiry_days: Some(365),
            },
        },
    );

    // A project, from recruiting to confirmed participation.
    let project = linli::domain::ProjectId(
        act(
            at(-2800),
            Action::CreateProject {
                plan: Box::new(project_plan("老旧小区改造")),
            },
        )
        .id,
    );
    act(at(-2799), Action::PublishProject { project });
    act(
        at(-2798),
        Action::JoinRole {
            project,
            role: "电工".into(),
            who: Claimant::Volunteer(wang),
        },
    );
    act(
        at(-2797),
        Action::PledgeToNeed {
            project,
            need: "资金".into(),
            unit,
            quantity: 2000,
        },
    );
    act(
        at(-2796),
        Action::PostProjectUpdate {
            project,
            text: "楼道已粉刷一半".into(),
        },
    );
    act(at(-2795), Action::StartProject { project });
    act(at(-2794), Action::CompleteProject { project });
    act(
        at(-2793),
        Action::ConfirmParticipation {
            project,
            participants: vec![Claimant::Volunteer(wang), Claimant::Unit(unit)],
        },
    );

    // A micro-wish, from posting to confirmation.
    let wish = WishId(
        act(
            at(-2700),
            Action::PostWish {
                plan: Box::new(WishPlan {
                    alias: "独居老人 王奶奶".into(),
                    private_note: "3号楼2单元301室".into(),
                    category: WishCategory::Service,
                    title: "修电风扇".into(),
                    value_yuan: 50,
                    grid: "一网格".into(),
                    building: "3号楼".into(),
                    wanted_by: T0.plus_days(10),
                    skills: vec!["家电维修".into()],
                    ..WishPlan::default()
                }),
                resident_of: None,
            },
        )
        .id,
    );
    act(at(-2699), Action::PublishWish { wish });
    let claimant = Claimant::Volunteer(wang);
    act(at(-2698), Action::ClaimWish { wish, claimant });
    act(at(-2697), Action::FulfilWish { wish, claimant });
    act(
        at(-2696),
        Action::ConfirmWish {
            wish,
            thanks: "谢谢！".into(),
        },
    );

    // An activity: two seats, a waitlist that moves up, attendance and confirmation.
    let activity = linli::domain::ActivityId(
        act(
            at(-2600),
            Action::CreateActivity {
                plan: Box::new(plan("敬老院探访")),
            },
        )
        .id,
    );
    for (minutes, volunteer) in [(-2599, wang), (-2598, li)] {
        act(
            at(minutes),
            Action::SignUp {
                activity,
                volunteer,
            },
        );
    }
    act(
        at(-2597),
        Action::JoinWaitlist {
            activity,
            volunteer: zhang,
        },
    );
    act(
        at(-2596),
        Action::CancelSignup {
            activity,
            volunteer: li,
        },
    );
    act(
        at(-2595),
        Action::AssignRole {
            activity,
            volunteer: wang,
            role: Some("队长".into()),
        },
    );
    for volunteer in [wang, zhang] {
        act(
            at(0),
            Action::CheckIn {
                activity,
                volunteer,
            },
        );
        act(
            at(120),
            Action::CheckOut {
                activity,
                volunteer,
            },
        );
    }
    act(
        at(121),
        Action::ConfirmService {
            activity,
            volunteer: wang,
            minutes: Some(110),
        },
    );
    act(at(122), Action::ConfirmAll { activity });

    // The points shop: a voucher used, another cancelled.
    let perk = linli::domain::PerkId(
        act(
            VALID_FROM,
            Action::CreatePerk {
                offer: Box::new(linli::domain::PerkOffer {
                    stock: 10,
                    per_person: None,
                    cost: Points::whole(1),
                    ..offer("理发券")
                }),
            },
        )
        .id,
    );
    let voucher = linli::domain::VoucherId(
        act(
            at(130),
            Action::Redeem {
                perk,
                volunteer: wang,
            },
        )
        .id,
    );
    act(at(131), Action::VerifyVoucher { voucher });
    let refunded = linli::domain::VoucherId(
        act(
            at(132),
            Action::Redeem {
                perk,
                volunteer: zhang,
            },
        )
        .id,
    );
    act(at(133), Action::CancelVoucher { voucher: refunded });
    (wang, perk)
}

/// Segments sealed with real keys that must never count: an unknown key's award, the
/// founding of another community, and an award sealed by wang's own phone (enrolled,
/// but no volunteer may award points: kept aside).
fn forgeries(community: CommunityId, wang: VolunteerId) -> Vec<(String, String)> {
    let sealed = |signer: &linli::store::seal::Signer,
                  community: CommunityId,
                  nonce: u32,
                  action: Action| {
        let replica = seal::derive_replica(&signer.public(), nonce);
        let key = SealKey {
            log: Log::Public,
            replica,
            index: 0,
        };
        let event = Event {
            id: EventId::new(replica, 1),
            at: at(160),
            action,
        };
        (
            format!("s/{replica}/0"),
            seal::seal(signer, community, key, nonce, &[event]).unwrap(),
        )
    };
    let other = key(9);
    vec![
        sealed(&key(66), community, 1, award(wang, 10_000, "奖励")),
        sealed(
            &other,
            CommunityId::founded_by(&other.public()),
            1,
            Action::FoundCommunity {
                key: other.public(),
                name: "别的社区".into(),
            },
        ),
        sealed(&key(3), community, 999, award(wang, 10_000, "奖励")),
    ]
}

fn real_value() -> Value {
    serde_json::from_str(&world().file).unwrap()
}

fn real_v1_value() -> Value {
    serde_json::from_str(&world().v1).unwrap()
}

/// Every `id` and every action tag of the version-1 file, every segment name and text
/// of the real backup: to build plausible records.
struct Vocabulary {
    ids: Vec<String>,
    tags: Vec<String>,
    names: Vec<String>,
    texts: Vec<String>,
}

fn vocabulary() -> &'static Vocabulary {
    static WORDS: OnceLock<Vocabulary> = OnceLock::new();
    WORDS.get_or_init(|| {
        let value = real_v1_value();
        let events = value["events"].as_array().unwrap();
        let ids = events
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_owned())
            .collect();
        let tags: BTreeSet<String> = events
            .iter()
            .map(|e| e["action"]["t"].as_str().unwrap().to_owned())
            .collect();
        let segments = real_value()["segments"].as_object().unwrap().clone();
        let mut names: Vec<String> = segments.keys().cloned().collect();
        names.extend(world().forgeries.iter().map(|(n, _)| n.clone()));
        let mut texts: Vec<String> = segments
            .values()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        texts.extend(world().forgeries.iter().map(|(_, t)| t.clone()));
        Vocabulary {
            ids,
            tags: tags.into_iter().collect(),
            names,
            texts,
        }
    })
}

/// What a device holds after importing exactly the intact segments named, from the
/// seeded storage: the state, and the events kept aside.
type Expected = (State, Vec<KeptAside>);

fn expected(intact: &[String]) -> Expected {
    thread_local! {
        static CACHE: RefCell<HashMap<Vec<String>, Expected>> = RefCell::new(HashMap::new());
    }
    CACHE.with(|cache| {
        if let Some(known) = cache.borrow().get(intact) {
            return known.clone();
        }
        let mut device = store(backend_of(&world().seeded), IMPORTER);
        let segments = intact
            .iter()
            .map(|name| (name.clone(), world().rich[name].clone()))
            .collect();
        let report = device.import_sealed(segments).unwrap();
        assert!(report.refused.is_empty(), "{report:?}");
        let known = (
            device.journal().state().clone(),
            device.journal().kept_aside().to_vec(),
        );
        cache.borrow_mut().insert(intact.to_vec(), known.clone());
        known
    })
}

/// Checks that nothing stored in `before` was changed, except a copy of another
/// device's sealed segment by a longer copy of itself.
fn check_kept(before: &[(String, String)], backend: &MemoryBackend, community: CommunityId) {
    for (name, value) in before {
        let now = backend
            .get(name)
            .unwrap()
            .unwrap_or_else(|| panic!("{name} removed"));
        if now == *value {
            continue;
        }
        let key = SealKey::parse("linli", name).unwrap_or_else(|| panic!("{name} changed"));
        let held = seal::read(key, &value[seal::PREFIX.len()..]).unwrap();
        assert!(
            !held.verify(community, key, &key_of_importer()),
            "{name}: the device's own segment was overwritten"
        );
        let old = held.decoded.events;
        let new = sealed_events(name, &now).unwrap_or_else(|| panic!("{name} unreadable now"));
        assert!(
            new.len() > old.len() && new.starts_with(&old),
            "{name} was replaced by other than a longer copy of itself"
        );
    }
}

fn key_of_importer() -> linli::domain::trust::DeviceKey {
    key(2).public()
}

/// Imports `text` as the app does into the seeded organizer device, under `quota`
/// characters of free storage if given, and checks what every import must keep,
/// whatever the file. Returns what the import said, if the file was taken at all.
fn import_checked(text: &str, quota: Option<usize>) -> Option<FileImport> {
    RAN.fetch_add(1, Ordering::Relaxed);
    let world = world();
    let backend = backend_of(&world.seeded);
    let before = snapshot(&backend);
    backend.set_quota(quota.map(|q| backend.used() + q));
    let mut device = store(backend.clone(), IMPORTER);
    let state_before = device.journal().state().clone();
    let len_before = device.journal().len();
    let result = device.import_file(text);
    check_kept(&before, &backend, world.community);
    let parsed = backup::parse(text, "linli");
    let file = match result {
        Err(error) => {
            match &error {
                ImportError::Backup(e) => assert_eq!(parsed.as_ref().err(), Some(e)),
                ImportError::OtherCommunity(c) => assert_ne!(c.id, world.community),
                other => panic!("a writable organizer device cannot fail so: {other:?}"),
            }
            assert_eq!(device.journal().len(), len_before);
            assert_eq!(device.journal().state(), &state_before);
            assert_eq!(snapshot(&backend), before, "a refused file wrote something");
            return None;
        }
        Ok(file) => file,
    };
    let report = &file.report;
    assert_eq!(device.journal().len(), len_before + report.added);
    assert_eq!(report.ids.len(), report.added);
    match parsed.unwrap() {
        Parsed::Unsigned(parsed) => {
            UNSIGNED_FILES.fetch_add(1, Ordering::Relaxed);
            RECORDS.fetch_add(parsed.events.len(), Ordering::Relaxed);
            REJECTED.fetch_add(parsed.rejected.len(), Ordering::Relaxed);
            // Read, and not counted: nothing is imported without a signature.
            assert_eq!(report.unsigned, parsed.events.len());
            assert_eq!(file.unsigned, parsed.events);
            assert_eq!(file.rejected, parsed.rejected);
            assert_eq!(report.added, 0);
            assert_eq!(device.journal().state(), &state_before);
            assert_eq!(snapshot(&backend), before);
        }
        Parsed::Sealed { segments, .. } => {
            SEALED_FILES.fetch_add(1, Ordering::Relaxed);
            SEGMENTS.fetch_add(segments.len(), Ordering::Relaxed);
            REFUSED.fetch_add(report.refused.len(), Ordering::Relaxed);
            let kind = KIND.load(Ordering::Relaxed);
            SEALED_BY_KIND[kind].fetch_add(1, Ordering::Relaxed);
            REFUSED_BY_KIND[kind].fetch_add(report.refused.len(), Ordering::Relaxed);
            check_sealed(&device, report, &segments, quota);
        }
    }
    KEPT_ASIDE.fetch_add(device.journal().kept_aside().len(), Ordering::Relaxed);

    // The device can still act: no file makes it read-only or takes its authority.
    if quota.is_none() {
        let done = device.act(award(world.importers_volunteer, 1, "巡逻"), at(300));
        assert!(done.is_ok(), "{done:?}");
    }

    // What was stored reads back as it is in memory: nothing half-written, nothing
    // unreadable, the same events, the same state and the same events kept aside.
    backend.set_quota(None);
    let reloaded = store(backend, IMPORTER + 0x10);
    assert!(
        reloaded.report().unreadable.is_empty(),
        "the import stored what cannot be read back: {:?}",
        reloaded.report().unreadable
    );
    assert!(reloaded.report().conflicts.is_empty());
    // One difference is allowed: a segment sealed by a key that only a segment refused
    // in the same import names (a forgery by an enrolled key whose enrolment came in
    // changed) is taken and kept aside, and refused unread after a reload, when no
    // stored segment names its key any more. Either way it does not count.
    let gone: BTreeSet<EventId> = device
        .journal()
        .events()
        .filter(|e| !reloaded.journal().contains(e.id))
        .map(|e| e.id)
        .collect();
    if !gone.is_empty() {
        assert!(
            gone.iter()
                .all(|id| device.journal().kept_aside().iter().any(|k| k.event == *id)),
            "a reload lost events that counted: {gone:?}"
        );
        assert!(
            reloaded
                .report()
                .refused
                .iter()
                .any(|r| r.reason == SealRefusal::UnknownKey),
            "{:?}",
            reloaded.report().refused
        );
    }
    assert!(
        reloaded
            .journal()
            .events()
            .eq(device.journal().events().filter(|e| !gone.contains(&e.id))),
        "a reload gives other events than the device holds"
    );
    assert_eq!(reloaded.journal().state(), device.journal().state());
    assert!(
        reloaded.journal().kept_aside().iter().eq(device
            .journal()
            .kept_aside()
            .iter()
            .filter(|k| !gone.contains(&k.event)))
    );
    Some(file)
}

/// The checks of a version-2 file's import.
fn check_sealed(
    device: &Device,
    report: &linli::store::ImportReport,
    segments: &[(String, String)],
    quota: Option<usize>,
) {
    let world = world();
    let mut readable = 0;
    let mut bad_names = 0;
    let mut intact = Vec::new();
    for (name, text) in segments {
        if SealKey::parse("linli", name).is_none() {
            bad_names += 1;
            continue;
        }
        let Some(events) = sealed_events(name, text) else {
            UNREADABLE_SEGMENTS.fetch_add(1, Ordering::Relaxed);
            // The file's text, not the device's storage: reported by the import.
            assert!(
                report.unreadable.iter().any(|u| u.key == *name),
                "{name} unreadable and not reported"
            );
            assert!(
                !device.report().unreadable.iter().any(|u| u.key == *name),
                "{name}: a file's unreadable text reported as the device's storage"
            );
            continue;
        };
        readable += events.len();
        if world.rich.get(name) == Some(text) {
            intact.push(name.clone());
            // Every good segment imports.
            assert!(
                !report.refused.iter().any(|r| r.key == *name),
                "{name} is intact but refused: {:?}",
                report.refused
            );
            if quota.is_none() {
                for event in &events {
                    assert_eq!(device.journal().event(event.id), Some(event), "{name}");
                }
            }
        } else if !report.refused.iter().any(|r| r.key == *name) {
            // Junk that verified: only a forgery by an enrolled key, kept aside.
            for event in &events {
                assert!(
                    device
                        .journal()
                        .kept_aside()
                        .iter()
                        .any(|k| k.event == event.id),
                    "{name}: {event:?} of a changed segment counts"
                );
            }
        }
    }
    // The counts add up: each event of a segment that reads is added, known, in
    // conflict, not stored, or in a refused segment.
    let refused: usize = report.refused.iter().map(|r| r.events).sum();
    assert_eq!(
        report.added + report.known + report.conflicts.len() + report.not_stored + refused,
        readable,
        "{report:?}"
    );
    if quota.is_none() {
        assert_eq!(report.not_stored, 0);
        match &report.failure {
            None => assert_eq!(bad_names, 0),
            Some(failure) => assert!(
                bad_names > 0 && matches!(failure, StoreError::Failed(_)),
                "{failure:?}"
            ),
        }
        // Changed segments change nothing: the state is the one the intact segments give.
        let (state, kept) = expected(&intact);
        assert_eq!(device.journal().state(), &state);
        let ids: BTreeSet<EventId> = kept.iter().map(|k| k.event).collect();
        assert!(
            ids.iter()
                .all(|id| device.journal().kept_aside().iter().any(|k| k.event == *id))
        );
    }
}

// --- strategies -----------------------------------------------------------------------

/// Numbers at the edges of every integer type the format uses, and beyond.
fn extreme_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![
            Value::from(0),
            Value::from(1),
            Value::from(2),
            Value::from(-1),
            Value::from(i64::MIN),
            Value::from(i64::MAX),
            Value::from(u64::MAX),
            Value::from(u64::from(u32::MAX)),
            Value::from(u64::from(u32::MAX) + 1),
            Value::from(9_007_199_254_740_993_u64),
            Value::from(i64::from(i32::MIN)),
            Value::from(1.5),
            Value::from(-0.0),
            Value::from(1e300),
        ]),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| Number::from_f64(f).map(Value::Number)),
    ]
}

/// Strings: ids, tags, segment names of the real backup, ids of every shape, and any
/// text.
fn any_string() -> impl Strategy<Value = String> {
    let words = vocabulary();
    prop_oneof![
        prop::sample::select(words.ids.clone()),
        prop::sample::select(words.tags.clone()),
        prop::sample::select(words.names.clone()),
        "[0-9a-fA-F+]{0,18}-[0-9+-]{0,11}",
        prop::sample::select(vec![
            String::new(),
            "linli-backup".into(),
            "full".into(),
            "0-0".into(),
            "a1-0".into(),
            "ffffffffffffffff-4294967295".into(),
            "10000000000000000-1".into(),
            "-".into(),
            "长".repeat(300),
        ]),
        "\\PC{0,16}",
        ".{0,8}",
    ]
}

const KEYS: [&str; 28] = [
    "format",
    "version",
    "events",
    "segments",
    "community",
    "scope",
    "id",
    "at",
    "action",
    "t",
    "profile",
    "name",
    "volunteer",
    "points",
    "reason",
    "entry",
    "activity",
    "plan",
    "unit",
    "perk",
    "project",
    "wish",
    "who",
    "role",
    "claimant",
    "minutes",
    "quantity",
    "key",
];

fn key_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS.to_vec()).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        extreme_number(),
        any_string().prop_map(Value::String),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key_name(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A record that looks like an event: an id, a time, an action with a known tag (or a
/// real action of the version-1 file) and random fields.
fn record() -> impl Strategy<Value = Value> {
    let real_actions: Vec<Value> = real_v1_value()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].clone())
        .collect();
    let made_up = (
        prop::sample::select(vocabulary().tags.clone()),
        prop::collection::vec((key_name(), json()), 0..5),
    )
        .prop_map(|(t, fields)| {
            let mut action: Map<String, Value> = fields.into_iter().collect();
            action.insert("t".into(), Value::String(t));
            Value::Object(action)
        });
    let action = prop_oneof![prop::sample::select(real_actions), made_up, json()];
    (any_string(), extreme_number(), action)
        .prop_map(|(id, at, action)| serde_json::json!({ "id": id, "at": at, "action": action }))
}

/// Characters of the compact range, as sealed segments are written.
fn compact_text() -> impl Strategy<Value = String> {
    prop::collection::vec(0x20u32..0x8020, 0..120)
        .prop_map(|cs| cs.into_iter().filter_map(char::from_u32).collect())
}

/// A segment name: a real one, a forgery's, another place of a real replica (the
/// other log, another index), or made up in every shape.
fn segment_name() -> impl Strategy<Value = String> {
    let elsewhere = (
        prop::sample::select(vocabulary().names.clone()),
        any::<bool>(),
        0u32..3,
    )
        .prop_map(|(name, private, index)| {
            let replica = name.split('/').nth(1).unwrap_or_default().to_owned();
            format!("{}/{replica}/{index}", if private { "p" } else { "s" })
        });
    prop_oneof![
        3 => prop::sample::select(vocabulary().names.clone()),
        2 => elsewhere,
        2 => "[sp]/[0-9a-f]{1,12}/[0-9]{1,3}",
        1 => prop::sample::select(vec![
            "log/a1/0".to_owned(),
            "s/zz/0".into(),
            "s/a1".into(),
            "prefs".into(),
            "community".into(),
            "device".into(),
            "meta".into(),
            "p/ffffffffffffffff/4294967295".into(),
            "s/10000000000000000/0".into(),
        ]),
        1 => any_string(),
    ]
}

/// A segment's text: a real one (often at another place), a forgery, or junk.
fn segment_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vocabulary().texts.clone()),
        2 => compact_text().prop_map(|t| format!("3:{t}")),
        1 => (0u32..20, compact_text()).prop_map(|(v, t)| format!("{v}:{t}")),
        1 => any_string(),
    ]
}

/// Random JSON: often a backup's envelope (version 1 around event-like records, version
/// 2 around segments), sometimes anything.
fn json_file() -> impl Strategy<Value = String> {
    let version = |usual: u32| {
        prop_oneof![
            3 => Just(Value::from(usual)),
            1 => extreme_number(),
            1 => leaf(),
        ]
    };
    let v1 = (
        version(1),
        prop::collection::vec(prop_oneof![3 => record(), 1 => json()], 0..12),
        prop::collection::vec((key_name(), json()), 0..3),
    )
        .prop_map(|(version, events, extra)| {
            let mut file: Map<String, Value> = extra.into_iter().collect();
            file.insert("format".into(), "linli-backup".into());
            file.insert("version".into(), version);
            file.insert("events".into(), Value::Array(events));
            Value::Object(file).to_string()
        });
    let real_community = real_value()["community"].clone();
    let community = prop_oneof![
        4 => Just(real_community),
        1 => json(),
    ];
    let scope = prop_oneof![
        prop::sample::select(vec!["full", "public", "own"]).prop_map(Value::from),
        leaf(),
    ];
    let segment_value = prop_oneof![
        6 => segment_text().prop_map(Value::String),
        1 => json(),
    ];
    let v2 = (
        version(2),
        community,
        scope,
        prop::collection::vec((segment_name(), segment_value), 0..7),
        prop::collection::vec((key_name(), json()), 0..2),
    )
        .prop_map(|(version, community, scope, segments, extra)| {
            let mut file: Map<String, Value> = extra.into_iter().collect();
            file.insert("format".into(), "linli-backup".into());
            file.insert("version".into(), version);
            file.insert("community".into(), community);
            file.insert("scope".into(), scope);
            file.insert(
                "segments".into(),
                Value::Object(segments.into_iter().collect()),
            );
            Value::Object(file).to_string()
        });
    prop_oneof![3 => v2, 2 => v1, 1 => json().prop_map(|v| v.to_string())]
}

/// One change to a text: flip, insert or delete a character.
#[derive(Clone, Debug)]
enum Edit {
    Flip(Index, char),
    Insert(Index, char),
    Delete(Index),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let ch = prop_oneof![
        prop::sample::select(
            "{}[]\",:0123456789-.aeflnrstux\\ 长\u{0} !\u{7fff}\u{801f}\u{8020}"
                .chars()
                .collect::<Vec<_>>()
        ),
        (0x20u32..0x8020).prop_filter_map("a char", char::from_u32),
        any::<char>(),
    ];
    let edit = prop_oneof![
        (any::<Index>(), ch.clone()).prop_map(|(i, c)| Edit::Flip(i, c)),
        (any::<Index>(), ch).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<Index>().prop_map(Edit::Delete),
    ];
    prop::collection::vec(edit, 1..8)
}

fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        match *edit {
            Edit::Flip(i, c) if !chars.is_empty() => {
                let i = i.index(chars.len());
                chars[i] = c;
            }
            Edit::Insert(i, c) => {
                let i = i.index(chars.len() + 1);
                chars.insert(i, c);
            }
            Edit::Delete(i) if !chars.is_empty() => {
                let i = i.index(chars.len());
                chars.remove(i);
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// One change inside the real backup: a value replaced (by an extreme number, another
/// id, a segment's text, any JSON) or removed; a segment moved to another name; two
/// segments' texts swapped.
#[derive(Clone, Debug)]
enum Change {
    Replace(Index, Value),
    Remove(Index),
    Rename(Index, String),
    Swap(Index, Index),
}

fn changes() -> impl Strategy<Value = Vec<Change>> {
    let words = vocabulary();
    let value = prop_oneof![
        3 => extreme_number(),
        2 => prop::sample::select(words.ids.clone()).prop_map(Value::String),
        2 => prop::sample::select(words.texts.clone()).prop_map(Value::String),
        2 => leaf(),
        1 => json(),
    ];
    let change = prop_oneof![
        4 => (any::<Index>(), value).prop_map(|(i, v)| Change::Replace(i, v)),
        1 => any::<Index>().prop_map(Change::Remove),
        3 => (any::<Index>(), segment_name()).prop_map(|(i, n)| Change::Rename(i, n)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Change::Swap(i, j)),
    ];
    prop::collection::vec(change, 1..6)
}

/// The path of every value inside `value` (objects' fields and array items, at any
/// depth), as JSON pointers.
fn paths(value: &Value, path: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{path}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                paths(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let p = format!("{path}/{i}");
                out.push(p.clone());
                paths(v, p, out);
            }
        }
        _ => {}
    }
}

/// Applies `changes` to the real backup: to its segments and envelope (version 2) or
/// to the records of its version-1 form.
fn apply_changes(mut file: Value, changes: &[Change]) -> String {
    let records = if file.get("events").is_some() {
        "/events"
    } else {
        ""
    };
    for change in changes {
        let mut all = Vec::new();
        paths(file.pointer(records).unwrap(), records.into(), &mut all);
        if all.is_empty() {
            break;
        }
        match change {
            Change::Replace(i, value) => {
                let at = &all[i.index(all.len())];
                *file.pointer_mut(at).unwrap() = value.clone();
            }
            Change::Remove(i) => {
                let at = &all[i.index(all.len())];
                let (parent, last) = at.rsplit_once('/').unwrap();
                match file.pointer_mut(parent).unwrap() {
                    Value::Object(map) => {
                        map.remove(&last.replace("~1", "/").replace("~0", "~"));
                    }
                    Value::Array(items) => {
                        items.remove(last.parse::<usize>().unwrap());
                    }
                    _ => {}
                }
            }
            Change::Rename(i, name) => {
                if let Some(Value::Object(segments)) = file.get_mut("segments")
                    && !segments.is_empty()
                {
                    let old = segments
                        .keys()
                        .nth(i.index(segments.len()))
                        .unwrap()
                        .clone();
                    let text = segments.remove(&old).unwrap();
                    segments.insert(name.clone(), text);
                }
            }
            Change::Swap(i, j) => {
                if let Some(Value::Object(segments)) = file.get_mut("segments")
                    && !segments.is_empty()
                {
                    let names: Vec<String> = segments.keys().cloned().collect();
                    let a = &names[i.index(names.len())];
                    let b = &names[j.index(names.len())];
                    let (ta, tb) = (segments[a].clone(), segments[b].clone());
                    segments.insert(a.clone(), tb);
                    segments.insert(b.clone(), ta);
                }
            }
        }
    }
    file.to_string()
}

/// Junk that can never be read as an event, for a version-1 file.
fn junk_record() -> impl Strategy<Value = Value> {
    let ids = vocabulary().ids.clone();
    prop_oneof![
        // Not an object at all.
        leaf(),
        prop::collection::vec(leaf(), 0..4).prop_map(Value::Array),
        // An event whose action is unknown, or whose time is not a number.
        (prop::sample::select(ids.clone()), "[a-z_]{1,12}").prop_map(|(id, t)| {
            serde_json::json!({ "id": id, "at": 1, "action": { "t": format!("no_such_{t}") } })
        }),
        (prop::sample::select(ids.clone()), any_string()).prop_map(|(id, at)| {
            serde_json::json!({ "id": id, "at": at, "action": { "t": "close_wish" } })
        }),
        // An event without its action, or without its id.
        prop::sample::select(ids).prop_map(|id| serde_json::json!({ "id": id, "at": 1 })),
        Just(serde_json::json!({ "at": 1, "action": { "t": "close_wish", "wish": "a1-1" } })),
    ]
}

/// Junk for a segment, with the name it goes under (`None`: in place of a segment of
/// the file): text that is not a sealed segment, a forgery under its own name (sealed
/// by an unknown key, for another community, or by a key without the authority), or a
/// real segment damaged or cut short in its own place.
fn junk_segment() -> impl Strategy<Value = (Option<String>, String)> {
    let real: Vec<(String, String)> = real_value()["segments"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
        .collect();
    let named = |name: String, text: String| (Some(name), text);
    prop_oneof![
        (prop::option::of(segment_name()), any_string()),
        (
            prop::option::of(segment_name()),
            compact_text().prop_map(|t| format!("3:{t}"))
        ),
        (
            prop::option::of(segment_name()),
            (0u32..20, compact_text()).prop_map(|(v, t)| format!("{v}:{t}"))
        ),
        prop::sample::select(world().forgeries.clone()).prop_map(move |(n, t)| named(n, t)),
        (prop::sample::select(real.clone()), edits())
            .prop_map(move |((n, t), e)| named(n, apply_edits(&t, &e))),
        (prop::sample::select(real), any::<Index>()).prop_map(move |((n, t), cut)| {
            let chars: Vec<char> = t.chars().collect();
            named(n, chars[..cut.index(chars.len())].iter().collect())
        }),
    ]
}

/// Opens storage where the sealed segment `key` was damaged: nothing panics; the damage
/// counts exactly as if the segment were not there (or changes nothing, if the edits
/// undid themselves); the damaged text is reported if unreadable, refused if it reads,
/// and left as it is, even after this session writes; a second opening reads the same.
fn load_damaged(key: &str, edits: &[Edit], cut: Option<Index>) {
    RAN.fetch_add(1, Ordering::Relaxed);
    let items = &world().union;
    let original = &items.iter().find(|(k, _)| k == key).unwrap().1;
    let mut damaged = apply_edits(original, edits);
    if let Some(cut) = cut {
        let chars: Vec<char> = damaged.chars().collect();
        damaged = chars[..cut.index(chars.len() + 1)].iter().collect();
    }
    let backend = backend_of(items);
    backend.set(key, &damaged).unwrap();
    let mut device = store(backend.clone(), 0xf600);
    UNREADABLE_STORED.fetch_add(device.report().unreadable.len(), Ordering::Relaxed);

    // The same storage with the segment as it was, or without it.
    let without = backend_of(items);
    if damaged != *original {
        without.remove(key).unwrap();
    }
    let reference = store(without, 0xf700);
    assert_eq!(device.journal().state(), reference.journal().state());
    // Keys named inside a damaged segment that still reads are tried on the others, so
    // their events may be read and then kept aside rather than refused unread: either
    // way they do not count.
    for event in device.journal().events() {
        if !reference.journal().contains(event.id) {
            assert!(
                device
                    .journal()
                    .kept_aside()
                    .iter()
                    .any(|k| k.event == event.id),
                "{event:?} counts only because {key} was damaged"
            );
        }
    }
    for unreadable in &device.report().unreadable {
        assert_eq!(unreadable.key, key, "only the damaged segment is reported");
    }
    let reference_refused: BTreeSet<&str> = reference
        .report()
        .refused
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    for refused in &device.report().refused {
        assert!(
            refused.key == key || reference_refused.contains(refused.key.as_str()),
            "{} refused only because {key} was damaged",
            refused.key
        );
    }
    if damaged != *original && device.report().unreadable.is_empty() {
        assert!(
            device.report().refused.iter().any(|r| r.key == key),
            "{key} reads after damage and is neither refused nor reported"
        );
    }

    // A volunteer the loaded log knows (the damage may have taken the importer's).
    let volunteer = device.journal().state().volunteers().next().map(|v| v.id);
    let done = device.act(
        award(volunteer.unwrap_or(world().importers_volunteer), 1, "巡逻"),
        at(300),
    );
    match (device.read_only(), volunteer, device.role()) {
        // The damage made it look written by a newer version: this one only reads.
        (Some(schema), _, _) => {
            assert_eq!(done.unwrap_err(), StoreError::ReadOnly(schema).into());
        }
        // The damaged segment held every volunteer that counts.
        (None, None, _) => assert!(matches!(done, Err(ActError::Domain(_))), "{done:?}"),
        (None, Some(_), Some(Role::Organizer)) => assert!(done.is_ok(), "{done:?}"),
        // The damaged segment held this device's enrolment.
        (None, Some(_), _) => assert!(matches!(done, Err(ActError::Refused(_))), "{done:?}"),
    }
    assert_eq!(backend.get(key).unwrap().as_deref(), Some(damaged.as_str()));
    let again = store(backend, 0xf800);
    assert!(again.journal().events().eq(device.journal().events()));
    assert_eq!(again.journal().state(), device.journal().state());
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: CASES,
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    })
}

/// The real backup, version 2 three times in four, else its version-1 form.
fn real_file() -> impl Strategy<Value = bool> {
    prop::bool::weighted(0.75)
}

#[test]
fn import_fuzz() {
    let started = std::time::Instant::now();
    let world = world();

    KIND.store(0, Ordering::Relaxed);
    // 1. Random bytes, read as the browser reads a file: as UTF-8, lossily.
    runner()
        .run(&prop::collection::vec(any::<u8>(), 0..600), |bytes| {
            import_checked(&String::from_utf8_lossy(&bytes), None);
            Ok(())
        })
        .unwrap();

    KIND.store(1, Ordering::Relaxed);
    // 2. Random JSON-ish files.
    runner()
        .run(&json_file(), |text| {
            import_checked(&text, None);
            Ok(())
        })
        .unwrap();

    KIND.store(2, Ordering::Relaxed);
    // 3. A real backup with characters flipped, inserted or deleted, imported under a
    // random amount of free storage one time in four.
    let quota = prop_oneof![3 => Just(None), 1 => (0..40_000usize).prop_map(Some)];
    runner()
        .run(
            &(real_file(), edits(), quota.clone()),
            |(v2, edits, quota)| {
                let real = if v2 { &world.file } else { &world.v1 };
                import_checked(&apply_edits(real, &edits), quota);
                Ok(())
            },
        )
        .unwrap();

    KIND.store(3, Ordering::Relaxed);
    // 4. A real backup with values changed inside it.
    runner()
        .run(&(real_file(), changes(), quota), |(v2, changes, quota)| {
            let real = if v2 { real_value() } else { real_v1_value() };
            import_checked(&apply_changes(real, &changes), quota);
            Ok(())
        })
        .unwrap();

    KIND.store(4, Ordering::Relaxed);
    // 5. A real backup with some segments (version 2) or records (version 1) replaced
    // by junk, or junk segments added: the junk is refused, every good segment imports
    // (the checks of `import_checked`); in a version-1 file exactly the junk records
    // are rejected, each by its place, and the others are read unchanged.
    let corrupted = (
        real_file(),
        prop::collection::vec((any::<Index>(), junk_record()), 0..6),
        prop::collection::vec((any::<Index>(), junk_segment()), 0..5),
    );
    runner()
        .run(&corrupted, |(v2, junk_records, junk_segments)| {
            if v2 {
                let mut file = real_value();
                let segments = file["segments"].as_object_mut().unwrap();
                for (i, (name, junk)) in junk_segments {
                    let name = name.unwrap_or_else(|| {
                        segments
                            .keys()
                            .nth(i.index(segments.len()))
                            .unwrap()
                            .clone()
                    });
                    segments.insert(name, Value::String(junk));
                }
                import_checked(&file.to_string(), None);
                return Ok(());
            }
            let mut file = real_v1_value();
            let events = file["events"].as_array_mut().unwrap();
            let original: Vec<Value> = events.clone();
            let mut bad = BTreeSet::new();
            for (i, j) in junk_records {
                let i = i.index(events.len());
                events[i] = j;
                bad.insert(i);
            }
            let imported = import_checked(&file.to_string(), None).expect("still a backup");
            let rejected: BTreeSet<usize> = imported.rejected.iter().map(|r| r.index).collect();
            prop_assert_eq!(&rejected, &bad);
            let good: Vec<Event> = original
                .iter()
                .enumerate()
                .filter(|(i, _)| !bad.contains(i))
                .map(|(_, e)| event_from_json(e))
                .collect();
            prop_assert_eq!(&imported.unsigned, &good);
            prop_assert_eq!(imported.report.added, 0);
            Ok(())
        })
        .unwrap();

    KIND.store(5, Ordering::Relaxed);
    // 6. Stored data: one sealed segment of a device's storage with characters flipped,
    // inserted or deleted, or cut short, as a crash or a bad disk would leave it.
    let sealed_keys: Vec<String> = world
        .union
        .iter()
        .filter(|(k, _)| SealKey::parse("linli", k).is_some())
        .map(|(k, _)| k.clone())
        .collect();
    assert!(sealed_keys.len() >= 6, "{sealed_keys:?}");
    let damage = (any::<Index>(), edits(), prop::option::of(any::<Index>()));
    runner()
        .run(&damage, |(which, edits, cut)| {
            let key = &sealed_keys[which.index(sealed_keys.len())];
            load_damaged(key, &edits, cut);
            Ok(())
        })
        .unwrap();

    let ran = RAN.load(Ordering::Relaxed);
    assert!(ran >= 6 * CASES as usize, "only {ran} inputs ran");
    #[allow(clippy::print_stdout)]
    {
        println!(
            "import fuzz: {ran} inputs (6 kinds × {CASES}) in {:.1} s; {} read as sealed \
             backups holding {} segments ({} refused, {} unreadable; {} events kept aside \
             by the fold), {} as version-1 files holding {} readable records (none \
             counted) and {} rejected records; {} unreadable parts reported in damaged \
             storage; no panic, every invariant held; sealed backups by kind {:?}, \
             refused segments by kind {:?}",
            started.elapsed().as_secs_f64(),
            SEALED_FILES.load(Ordering::Relaxed),
            SEGMENTS.load(Ordering::Relaxed),
            REFUSED.load(Ordering::Relaxed),
            UNREADABLE_SEGMENTS.load(Ordering::Relaxed),
            KEPT_ASIDE.load(Ordering::Relaxed),
            UNSIGNED_FILES.load(Ordering::Relaxed),
            RECORDS.load(Ordering::Relaxed),
            REJECTED.load(Ordering::Relaxed),
            UNREADABLE_STORED.load(Ordering::Relaxed),
            SEALED_BY_KIND.each_ref().map(|n| n.load(Ordering::Relaxed)),
            REFUSED_BY_KIND
                .each_ref()
                .map(|n| n.load(Ordering::Relaxed)),
        );
    }
}

/// A file may name the very replica this session is about to write under, and its next
/// ids (a crafted file: the session's key is public, and a nonce can be guessed). It
/// cannot take them: a replica id is derived from its writer's key, so no other key's
/// seal verifies there, a segment that vouches for others' events counts only when an
/// organizer sealed it, and unsigned events are not imported at all. The session's next
/// actions are written, applied and kept under those ids.
#[test]
fn a_file_naming_this_sessions_next_ids_cannot_take_them() {
    let world = world();
    let community = world.community;
    let backend = backend_of(&world.seeded);
    let mut device = store(backend.clone(), IMPORTER);
    // The device knows the whole community, the volunteer's phone included.
    device.import_file(&world.file).unwrap();
    let wang = world.importers_volunteer;
    // The replica this session will write under: the importer's key with its next nonce.
    let next = seal::derive_replica(&key(2).public(), (IMPORTER + 1) as u32);
    let events: Vec<Event> = (1..=2)
        .map(|seq| Event {
            id: EventId::new(next, seq),
            at: at(seq.into()),
            action: award(wang, 100, "文件里的"),
        })
        .collect();
    let at_next = SealKey {
        log: Log::Public,
        replica: next,
        index: 0,
    };
    let mut segments = serde_json::Map::new();
    // Sealed under the session's replica by an unknown key, and by the volunteer phone's
    // enrolled key.
    for (signer, nonce) in [(key(66), 1), (key(3), (IMPORTER + 1) as u32)] {
        let text = seal::seal(&signer, community, at_next, nonce, &events).unwrap();
        segments.insert(format!("s/{next}/0"), Value::String(text));
        let file = serde_json::json!({
            "format": "linli-backup", "version": 2,
            "community": { "id": community.to_string(), "name": "幸福社区" },
            "scope": "full", "segments": segments,
        });
        let imported = device.import_file(&file.to_string()).unwrap();
        assert_eq!(imported.report.added, 0, "{imported:?}");
        assert_eq!(imported.report.refused.len(), 1, "{imported:?}");
    }
    // Sealed by the phone in its own replica, vouching for the session's ids.
    let phones = seal::derive_replica(&key(3).public(), 5);
    let own = SealKey {
        log: Log::Public,
        replica: phones,
        index: 0,
    };
    let vouching = seal::seal(&key(3), community, own, 5, &events).unwrap();
    let report = device
        .import_sealed(vec![(own.to_key("linli"), vouching)])
        .unwrap();
    assert_eq!(
        report.refused.iter().map(|r| r.reason).collect::<Vec<_>>(),
        [SealRefusal::NotAnOrganizer],
        "the import says why its events were not taken: {report:?}"
    );
    // And the same events in a version-1 file.
    let v1 = backup::export_v1(events.iter(), "linli", at(3));
    assert_eq!(device.import_file(&v1).unwrap().report.unsigned, 2);
    for event in &events {
        assert!(!device.journal().contains(event.id), "{:?} taken", event.id);
    }

    let balance = device.journal().state().balance(wang);
    let done = device.act(award(wang, 7, "扫雪"), at(10)).unwrap();
    assert_eq!(done.event.id, EventId::new(next, 1), "the session's own id");
    let expected = Points(balance.0 + Points::whole(7).0);
    assert_eq!(device.journal().state().balance(wang), expected);
    let reloaded = store(backend, IMPORTER + 0x10);
    assert_eq!(reloaded.journal().state().balance(wang), expected);
    assert_eq!(
        reloaded.journal().event(done.event.id),
        Some(&done.event),
        "the session's event is what was kept"
    );
    assert!(reloaded.report().conflicts.is_empty());
}

/// Found by this suite: a file holding a segment whose text starts like a newer format
/// (`9:…`) was noted as unreadable *stored* data, and the device became read-only for
/// the rest of the visit: any file could stop an organizer from working.
#[test]
fn a_files_segment_of_a_newer_format_does_not_make_the_device_read_only() {
    let world = world();
    let mut device = store(backend_of(&world.seeded), IMPORTER);
    let mut file = real_value();
    file["segments"]["s/abc/0"] = Value::String("9:新格式".into());
    let imported = device.import_file(&file.to_string()).unwrap();
    assert!(imported.report.added > 0);
    assert_eq!(device.read_only(), None);
    device
        .act(award(world.importers_volunteer, 1, "巡逻"), at(300))
        .unwrap();
}

/// An organizer device that revoked 王小明's phone after it signed up (everything up to
/// the sign-up accepted), and what a thief holding the phone makes of its first
/// segment: the same request, a redemption in place of the sign-up (inside the line),
/// and one event more so that it is longer.
struct Rewrite {
    organizer: Device,
    wang: VolunteerId,
    /// The phone's first segment: its name, the text the organizer holds, the thief's.
    name: String,
    text: String,
    thief: String,
    /// The organizer's state before the thief's segment arrives.
    before: State,
}

fn rewrite() -> Rewrite {
    let mut organizer = founder(1);
    let community = organizer.community().unwrap().id;
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
    organizer.act(award(wang, 20, "扫雪"), WALL).unwrap();
    let perk = linli::domain::PerkId(
        organizer
            .act(
                Action::CreatePerk {
                    offer: Box::new(offer("理发券")),
                },
                WALL,
            )
            .unwrap()
            .event
            .id,
    );
    let activity = linli::domain::ActivityId(
        organizer
            .act(
                Action::CreateActivity {
                    plan: Box::new(plan("敬老院探访")),
                },
                WALL,
            )
            .unwrap()
            .event
            .id,
    );
    let mut phone = joining(community, 7, Role::Volunteer(wang));
    enrol(&mut organizer, &mut phone, Role::Volunteer(wang));
    let signup = phone
        .act(
            Action::SignUp {
                activity,
                volunteer: wang,
            },
            WALL,
        )
        .unwrap()
        .event;
    sync(&phone, &mut organizer);
    // As the app revokes (管理 → 设备): the line, and the content of what it accepts.
    let (accepted, digests) = organizer.journal().accepted_from(&key(7).public());
    assert_eq!(accepted, vec![(signup.id.replica, signup.id.seq)]);
    organizer
        .act(
            Action::RevokeDevice {
                key: key(7).public(),
                accepted,
                reason: "手机丢失".into(),
                digests,
            },
            WALL,
        )
        .unwrap();
    let before = organizer.journal().state().clone();
    assert!(before.vouchers_of(wang).next().is_none());

    let (segments, _) = phone.sealed_segments(false, Some(key(7).public()));
    let (name, text) = segments
        .into_iter()
        .find(|(n, _)| n.contains(&signup.id.replica.to_string()))
        .unwrap();
    let at_phone = SealKey::parse("linli", &name).unwrap();
    // The phone's first nonce (see `common::devices::blank`).
    let nonce = (7u32 << 8) + 1;
    assert_eq!(
        seal::derive_replica(&key(7).public(), nonce),
        at_phone.replica
    );
    let held = sealed_events(&name, &text).unwrap();
    assert_eq!(held.last(), Some(&signup));
    let mut rewritten = held.clone();
    *rewritten.last_mut().unwrap() = Event {
        at: VALID_FROM.plus_minutes(1),
        action: Action::Redeem {
            perk,
            volunteer: wang,
        },
        ..signup.clone()
    };
    rewritten.push(Event {
        id: EventId::new(at_phone.replica, signup.id.seq + 1),
        at: VALID_FROM.plus_minutes(2),
        action: award(wang, 1, "巡逻"),
    });
    let thief = seal::seal(&key(7), community, at_phone, nonce, &rewritten).unwrap();
    Rewrite {
        organizer,
        wang,
        name,
        text,
        thief,
        before,
    }
}

/// A stored copy of another device's segment may be replaced only by a longer copy of
/// itself: the organizer device must keep what it stored, or a reload would count the
/// thief's backdated redemption.
#[test]
fn a_revoked_phone_cannot_rewrite_what_its_revocation_accepted() {
    let Rewrite {
        mut organizer,
        wang,
        name,
        text,
        thief,
        before,
    } = rewrite();
    let report = organizer
        .import_sealed(vec![(name.clone(), thief)])
        .unwrap();
    assert_eq!(
        report.refused.iter().map(|r| r.reason).collect::<Vec<_>>(),
        [SealRefusal::Rewritten],
        "{report:?}"
    );
    assert_eq!(organizer.journal().state(), &before);
    assert_eq!(
        organizer.backend().get(&name).unwrap().as_deref(),
        Some(text.as_str()),
        "the stored copy was replaced by a copy that is not its continuation"
    );
    let reloaded = store(organizer.backend().clone(), 0x900);
    assert_eq!(
        reloaded.journal().state().balance(wang),
        before.balance(wang)
    );
    assert_eq!(
        reloaded.journal().state(),
        &before,
        "the backdated redemption counts after a reload"
    );
}

/// A device that never held the phone's first segment takes in the thief's rewrite:
/// its seal verifies, but the revocation names the content of each event it accepted
/// (`digests`), so the backdated redemption counts there no more than on the organizer's
/// device, and the two agree. (Before the digests this was a known gap.)
#[test]
fn a_revoked_phones_rewrite_counts_nowhere_even_where_the_original_never_arrived() {
    let Rewrite {
        organizer,
        wang,
        name,
        thief,
        before,
        ..
    } = rewrite();
    let mut other = store(MemoryBackend::default(), 0xa00);
    other.join(organizer.community().unwrap().clone()).unwrap();
    let (mut segments, _) = organizer.sealed_segments(false, None);
    segments.retain(|(n, _)| *n != name);
    segments.push((name, thief));
    other.import_sealed(segments).unwrap();
    assert_eq!(other.journal().state().balance(wang), before.balance(wang));
}

/// One record of a version-1 file, read the way the backup reader reads it.
fn event_from_json(record: &Value) -> Event {
    Event {
        id: record["id"].as_str().unwrap().parse().unwrap(),
        at: serde_json::from_value(record["at"].clone()).unwrap(),
        action: linli::store::tagged::from_value(record["action"].clone()).unwrap(),
    }
}
