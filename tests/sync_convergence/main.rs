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
//!
//! The files: `net.rs` (the devices' documents, the server and the frames between
//! them), `community.rs` (the devices, their actions and the random steps),
//! `forgery.rs` (what is forged or injected), `check.rs` (the property's check) and
//! `found.rs` (cases the random runs found); the tests are here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../common/mod.rs"]
mod common;

mod check;
mod community;
mod forgery;
mod found;
mod net;

use common::devices::{WALL, founder};
use common::jobs::{Own, Work};
use common::{award, offer, plan, profile};
use linli::domain::{Action, VolunteerId};
use linli::store::SealRefusal;
use linli::sync::LogDoc;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};

use check::{Stats, check, ids};
use community::{Play, Step, step};
use forgery::changed_char;
use net::Node;

/// Cases by default; `SYNC_CASES=n` runs n.
const CASES: u32 = 128;

/// Every device's namespace (the default one).
pub const NS: &str = "linli/";

pub const ORGANIZER: usize = 0;
pub const PHONES: usize = 3;
/// Device `1 + i` is the phone of volunteer `i`; this one is bound during the run.
pub const LATE: usize = 3;
/// The phone the organizer may revoke.
pub const REVOCABLE: usize = 1;

pub fn seed(device: usize) -> u8 {
    [1, 11, 12, 13][device]
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
    let steps = found::frames_of_a_connection_reordered();
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
