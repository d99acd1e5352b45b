//! The storage contract: the promises every backend keeps, run natively over the memory
//! backend and in the browser over localStorage (tests/browser_store.rs).
//!
//! `tabs()` must give two handles on the same, empty storage, as two tabs of one origin.

use std::cell::RefCell;
use std::rc::Rc;

use linli::domain::{Action, Points, Timestamp, VolunteerId, VolunteerProfile};
use linli::store::device::DeviceRecord;
use linli::store::seal::Signer;
use linli::store::{ActError, Backend, Change, CodecError, Namespace, Store, StoreError};

const WALL: Timestamp = Timestamp(1_795_222_800_000);

/// A tab of an organizer device: the first founds the community (one event), the
/// others find it and the device's key in storage.
fn open<B: Backend>(backend: B, ns: &str, nonce: u64) -> Store<B> {
    let mut store = Store::open(backend, Namespace::new(ns).unwrap(), move || nonce);
    if store.community().is_none() {
        let signer = Signer::from_seed([42; 32]);
        let record = DeviceRecord::plain(&signer);
        store.found("幸福社区", signer, record, WALL).unwrap();
    }
    store
}

fn register<B: Backend>(store: &mut Store<B>, name: &str) -> VolunteerId {
    let profile = VolunteerProfile {
        name: name.into(),
        ..VolunteerProfile::default()
    };
    VolunteerId(
        store
            .act(
                Action::RegisterVolunteer {
                    profile: Box::new(profile),
                },
                WALL,
            )
            .unwrap()
            .event
            .id,
    )
}

fn award(volunteer: VolunteerId, points: i64) -> Action {
    Action::AwardPoints {
        volunteer,
        points: Points::whole(points),
        reason: "扫雪除冰".into(),
    }
}

/// What a reload sees is what was written.
pub fn events_survive_a_reload<B: Backend>(tabs: impl Fn() -> (B, B)) {
    let (first, second) = tabs();
    let mut store = open(first, "t1", 1);
    let wang = register(&mut store, "王小明");
    store.act(award(wang, 5), WALL).unwrap();
    let reloaded = open(second, "t1", 2);
    assert_eq!(
        reloaded.journal().len(),
        4,
        "the founding, the registration and its personal details, the award"
    );
    assert!(reloaded.journal().kept_aside().is_empty());
    assert_eq!(reloaded.journal().state().balance(wang), Points::whole(5));
    assert!(reloaded.report().unreadable.is_empty());
}

/// Appending never rewrites other segments: after many events, an append writes one key.
pub fn appends_write_one_segment<B: Backend>(tabs: impl Fn() -> (B, B)) {
    let (first, second) = tabs();
    let mut store = open(first, "t2", 1);
    let wang = register(&mut store, "王小明");
    for _ in 0..600 {
        store.act(award(wang, 1), WALL).unwrap();
    }
    let keys = second.keys("t2/s/").unwrap();
    assert_eq!(
        keys.len(),
        3,
        "602 events fill three segments of 256: {keys:?}"
    );
    let reloaded = open(second, "t2", 2);
    assert_eq!(reloaded.journal().len(), 603, "and one of personal details");
    assert_eq!(reloaded.journal().state().balance(wang), Points::whole(600));
}

/// Another tab's writes arrive through `subscribe` and merge; the tab's own do not echo.
/// `announce(writer)` makes the writer's changes reach other tabs where the backend does
/// not do so by itself (a browser fires `storage` events only in *other* documents).
pub fn other_tabs_writes_arrive<B: Backend + Clone>(
    tabs: impl Fn() -> (B, B),
    announce: impl Fn(&B, &str),
) {
    let (first, second) = tabs();
    let mut a = open(first, "t3", 1);
    let b = Rc::new(RefCell::new(open(second, "t3", 2)));
    let heard = Rc::new(RefCell::new(Vec::<Change>::new()));
    let sink = Rc::clone(&heard);
    let _subscription = b
        .borrow()
        .backend()
        .subscribe(Rc::new(move |change| sink.borrow_mut().push(change)));
    let wang = register(&mut a, "王小明");
    a.act(award(wang, 3), WALL).unwrap();
    announce(a.backend(), "t3/");
    deliver(&heard, &b);
    assert_eq!(b.borrow().journal().state().balance(wang), Points::whole(3));
    // Both tabs act at once: each ends with every event, none twice.
    let li = register(&mut b.borrow_mut(), "李四");
    a.act(award(wang, 1), WALL).unwrap();
    announce(a.backend(), "t3/");
    deliver(&heard, &b);
    assert_eq!(b.borrow().journal().len(), 7);
    let reloaded = open(b.borrow().backend().clone(), "t3", 3);
    assert_eq!(reloaded.journal().len(), 7);
    assert!(reloaded.journal().state().volunteer(li).is_some());
    assert_eq!(
        reloaded.journal().state(),
        b.borrow().journal().state(),
        "the tab and a reload agree"
    );
}

fn deliver<B: Backend>(heard: &Rc<RefCell<Vec<Change>>>, store: &Rc<RefCell<Store<B>>>) {
    assert!(!heard.borrow().is_empty(), "the other tab heard nothing");
    for change in heard.borrow_mut().drain(..) {
        store.borrow_mut().receive(&change);
    }
}

/// A full storage refuses the action with a clear error; nothing is half-written, nothing
/// stored is lost, and after space is freed the same action succeeds.
pub fn quota_exceeded_loses_nothing<B: Backend>(
    tabs: impl Fn() -> (B, B),
    fill: impl Fn(&B) -> Box<dyn FnOnce()>,
) {
    let (first, second) = tabs();
    let mut store = open(first, "t4", 1);
    let wang = register(&mut store, "王小明");
    store.act(award(wang, 2), WALL).unwrap();
    let free = fill(store.backend());
    let result = store.act(award(wang, 7), WALL);
    assert_eq!(
        result.unwrap_err(),
        ActError::Store(StoreError::QuotaExceeded)
    );
    assert_eq!(store.journal().len(), 4, "nothing half-applied");
    assert_eq!(store.journal().state().balance(wang), Points::whole(2));
    free();
    store.act(award(wang, 7), WALL).unwrap();
    let reloaded = open(second, "t4", 2);
    assert_eq!(reloaded.journal().state().balance(wang), Points::whole(9));
    assert_eq!(reloaded.journal().len(), 5);
}

/// A corrupt segment is reported and left untouched; the rest loads, and new writes go
/// elsewhere.
pub fn corrupt_data_is_kept_and_reported<B: Backend>(tabs: impl Fn() -> (B, B)) {
    let (first, second) = tabs();
    let mut store = open(first, "t5", 1);
    let wang = register(&mut store, "王小明");
    store.act(award(wang, 4), WALL).unwrap();
    let broken = "{\"v\":1,\"r\":\"9\",\"e\":[[1,5,{\"t\":\"award_po";
    second.set("t5/log/9/0", broken).unwrap();
    second.set("t5/log/1/1", "not json at all").unwrap();
    second.set("t5/s/1/0", "3:not sealed at all").unwrap();
    let mut reloaded = open(second, "t5", 2);
    assert_eq!(reloaded.journal().state().balance(wang), Points::whole(4));
    let keys: Vec<_> = reloaded
        .report()
        .unreadable
        .iter()
        .map(|u| u.key.clone())
        .collect();
    assert_eq!(keys, ["t5/log/1/1", "t5/log/9/0", "t5/s/1/0"]);
    reloaded.act(award(wang, 1), WALL).unwrap();
    assert_eq!(
        reloaded.backend().get("t5/log/9/0").unwrap().as_deref(),
        Some(broken),
        "corrupt data is never written over"
    );
    assert_eq!(
        reloaded.backend().get("t5/log/1/1").unwrap().as_deref(),
        Some("not json at all")
    );
    assert_eq!(
        reloaded.backend().get("t5/s/1/0").unwrap().as_deref(),
        Some("3:not sealed at all")
    );
}

/// Data from a newer version makes this one read-only.
pub fn newer_data_is_read_only<B: Backend>(tabs: impl Fn() -> (B, B)) {
    let (first, second) = tabs();
    let mut store = open(first, "t6", 1);
    let wang = register(&mut store, "王小明");
    second.set("t6/meta", "{\"schema\":999}").unwrap();
    let mut reloaded = open(second, "t6", 2);
    assert_eq!(reloaded.read_only(), Some(999));
    assert_eq!(
        reloaded.act(award(wang, 1), WALL).unwrap_err(),
        ActError::Store(StoreError::ReadOnly(999))
    );
    assert_eq!(
        reloaded.journal().len(),
        3,
        "what it can read, it still shows"
    );
}

/// An unreadable schema record (`{ns}/meta`) is reported and kept as it is: the store
/// still reads and writes its events, and never writes over the record.
pub fn unreadable_meta_is_kept_and_reported<B: Backend>(tabs: impl Fn() -> (B, B)) {
    let (first, second) = tabs();
    let mut store = open(first, "t7", 1);
    let wang = register(&mut store, "王小明");
    let broken = "{\"schema\":";
    second.set("t7/meta", broken).unwrap();
    let mut reloaded = open(second, "t7", 2);
    let unreadable: Vec<(&str, bool)> = reloaded
        .report()
        .unreadable
        .iter()
        .map(|u| (u.key.as_str(), matches!(u.error, CodecError::Meta(_))))
        .collect();
    assert_eq!(unreadable, [("t7/meta", true)]);
    assert_eq!(reloaded.read_only(), None);
    reloaded.act(award(wang, 1), WALL).unwrap();
    assert_eq!(
        reloaded.backend().get("t7/meta").unwrap().as_deref(),
        Some(broken),
        "an unreadable schema record is never written over"
    );
    assert_eq!(reloaded.journal().state().balance(wang), Points::whole(1));
    assert_eq!(
        reloaded.backend().keys("t7/s/").unwrap().len(),
        2,
        "the event was written to the session's own segment"
    );
}

/// Two namespaces on one storage never see each other's data.
pub fn namespaces_are_separate<B: Backend>(tabs: impl Fn() -> (B, B)) {
    let (first, second) = tabs();
    let mut a = open(first, "ns", 1);
    register(&mut a, "王小明");
    let b = Store::open(second, Namespace::new("ns2").unwrap(), || 2);
    assert!(b.journal().is_empty());
    assert!(b.community().is_none());
    assert!(b.report().unreadable.is_empty());
}

/// Where nothing but the device's preferences is stored, an empty store is what opening
/// gives (the app's first module draws it before the engine is here); anything else
/// stored makes it not so; and reading storage into an empty store gives what opening
/// does.
pub fn an_empty_store_is_what_opening_nothing_gives<B: Backend>(tabs: impl Fn() -> (B, B)) {
    let (first, second) = tabs();
    let ns = Namespace::new("t9").unwrap();
    assert!(Store::nothing_stored(&first, &ns));
    first.set("t9/prefs", r#"{"lang":"en"}"#).unwrap();
    // Another namespace's data is not this one's.
    first.set("t9x/community", "{}").unwrap();
    assert!(Store::nothing_stored(&first, &ns));
    let opened = Store::open(second, ns.clone(), || 1);
    let empty = Store::empty(first, ns.clone(), || 1);
    assert_eq!(empty.journal().state(), opened.journal().state());
    assert_eq!(empty.journal().len(), 0);
    assert_eq!(empty.report(), opened.report());
    assert_eq!(empty.community(), opened.community());
    assert_eq!(empty.device(), opened.device());
    assert_eq!(empty.read_only(), opened.read_only());
    assert_eq!(empty.can_sign(), opened.can_sign());

    let (first, second) = tabs();
    let mut store = open(first, "t9", 1);
    let wang = register(&mut store, "王小明");
    store.act(award(wang, 5), WALL).unwrap();
    assert!(!Store::nothing_stored(&second, &ns));
    let mut read = Store::empty(second, ns, || 2);
    assert_eq!(read.journal().len(), 0);
    read.read_storage();
    assert_eq!(read.journal().len(), store.journal().len());
    assert_eq!(read.journal().state(), store.journal().state());
    assert_eq!(read.community(), store.community());
    assert!(
        read.can_sign(),
        "the device's plain key was read with its record"
    );
    assert_eq!(read.journal().state().balance(wang), Points::whole(5));
}
