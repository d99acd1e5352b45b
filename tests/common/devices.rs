//! Devices of one community for the store-level tests: the founder's organizer device,
//! more organizer devices, volunteers' phones, and moving logs between them.

use linli::domain::trust::{CommunityId, Role};
use linli::domain::{Action, Timestamp};
use linli::store::device::{Community, DeviceRecord};
use linli::store::seal::Signer;
use linli::store::{Acted, MemoryBackend, Namespace, Store};

pub type Device = Store<MemoryBackend>;

/// 2026-11-21 09:00 in China.
pub const WALL: Timestamp = Timestamp(1_795_222_800_000);

/// A key from a fixed seed, so every run signs alike.
pub fn key(seed: u8) -> Signer {
    Signer::from_seed([seed; 32])
}

/// A store on a fresh storage with nonces `nonce`, `nonce + 1`, …
pub fn blank(nonce: u64) -> Device {
    let mut next = nonce;
    Store::open(MemoryBackend::default(), Namespace::default(), move || {
        next += 1;
        next
    })
}

/// The device that founds 幸福社区 with key `seed` (kept plain: no PIN in these tests).
pub fn founder(seed: u8) -> Device {
    let mut device = blank(u64::from(seed) << 8);
    let signer = key(seed);
    let record = DeviceRecord::plain(&signer);
    device.found("幸福社区", signer, record, WALL).unwrap();
    device
}

/// Another device of `community` with key `seed`, which has asked to be bound as
/// `role` (the request is in its log, not yet answered).
pub fn joining(community: CommunityId, seed: u8, role: Role) -> Device {
    let mut device = blank(u64::from(seed) << 8);
    device
        .join(Community {
            id: community,
            name: "幸福社区".into(),
            sync: None,
            sync_token: None,
            private_token: None,
        })
        .unwrap();
    let signer = key(seed);
    device.set_device(DeviceRecord::plain(&signer)).unwrap();
    device
        .act(
            Action::RequestBinding {
                key: signer.public(),
                role,
                label: "手机".into(),
            },
            WALL,
        )
        .unwrap();
    device
}

/// Every sealed segment `from` holds, taken in by `to`.
pub fn sync(from: &Device, to: &mut Device) {
    let (segments, _) = from.sealed_segments(true, None);
    to.import_sealed(segments).unwrap();
}

/// Both ways.
pub fn exchange(a: &mut Device, b: &mut Device) {
    sync(a, b);
    sync(b, a);
}

/// The organizer device `organizer` enrols `device` with `role`, and both exchange
/// logs.
pub fn enrol(organizer: &mut Device, device: &mut Device, role: Role) -> Acted {
    sync(device, organizer);
    let acted = organizer
        .act(
            Action::EnrolDevice {
                key: device.device_key().unwrap(),
                role,
                label: "手机".into(),
            },
            WALL,
        )
        .unwrap();
    exchange(organizer, device);
    acted
}
