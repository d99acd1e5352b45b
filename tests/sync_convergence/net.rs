//! The network of the model: each device's [`Node`] (its store, the truth, and its copy
//! of the document) and the sync server's document with a queue of frames per
//! connection and direction ([`Net`]), delivering, duplicating, losing frames and
//! reconnecting devices as a websocket and y-sweet do.

use std::collections::{BTreeSet, VecDeque};

use linli::domain::State;
use linli::domain::trust::DeviceKey;
use linli::store::{ImportReport, SealRefusal};
use linli::sync::LogDoc;
use yrs::sync::{Message, MessageReader, SyncMessage};
use yrs::updates::decoder::DecoderV1;
use yrs::updates::encoder::Encode;

use crate::NS;
use crate::common::devices::Device;

/// A device on the network: its store (the truth) and its copy of the document.
pub struct Node {
    pub store: Device,
    pub doc: LogDoc,
    pub key: DeviceKey,
}

impl Node {
    pub fn new(store: Device) -> Node {
        let key = store.device_key().unwrap();
        Node {
            store,
            doc: LogDoc::new(),
            key,
        }
    }

    /// Puts the segments this device sealed into its document (their places are their
    /// keys without the namespace): the update to send, if anything changed.
    pub fn put_own(&mut self) -> Option<Vec<u8>> {
        let (segments, _) = self.store.sealed_segments(true, Some(self.key));
        let places: Vec<(String, String)> = segments
            .into_iter()
            .map(|(name, text)| (name.strip_prefix(NS).unwrap().to_owned(), text))
            .collect();
        self.doc.put(&places, true)
    }

    /// Takes in what the document reported changed, each place under the namespace.
    pub fn take_in(&mut self, changed: Vec<(String, String)>) -> ImportReport {
        if changed.is_empty() {
            return ImportReport::default();
        }
        let segments = changed
            .into_iter()
            .map(|(place, text)| (format!("{NS}{place}"), text))
            .collect();
        self.store.import_sealed(segments).unwrap()
    }

    pub fn state(&self) -> &State {
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
pub struct Net {
    pub server: LogDoc,
    pub up: Vec<VecDeque<Vec<u8>>>,
    pub down: Vec<VecDeque<Vec<u8>>>,
    pub online: Vec<bool>,
    /// Whether each connection delivers its frames in the order they were sent, as a
    /// websocket does (a frame lost is the connection lost). Otherwise any queued frame
    /// may come next, and one may be lost alone.
    pub in_order: bool,
    /// Greetings sent, by either side.
    pub greetings: usize,
    /// Frames delivered, delivered and kept for a second time, dropped.
    pub delivered: usize,
    pub twice: usize,
    pub dropped: usize,
    /// Places some device refused for an unknown key (it may become known later).
    pub unknown: BTreeSet<String>,
}

impl Net {
    pub fn new(devices: usize, in_order: bool) -> Net {
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

    pub fn send_up(&mut self, from: usize, frame: Option<Vec<u8>>) {
        if let Some(frame) = frame
            && self.online[from]
        {
            self.up[from].push_back(frame);
        }
    }

    /// Passes an update on to every device online but `from`.
    pub fn relay(&mut self, from: Option<usize>, update: &[u8]) {
        for to in 0..self.down.len() {
            if Some(to) != from && self.online[to] {
                self.down[to].push_back(update.to_vec());
            }
        }
    }

    /// The server takes a frame from device `from`: it answers it, and passes every
    /// update on to the other devices online.
    pub fn server_takes(&mut self, from: usize, frame: &[u8]) {
        let received = self.server.receive(frame).unwrap();
        self.down[from].extend(received.replies);
        for update in as_updates(frame) {
            self.relay(Some(from), &update);
        }
    }

    /// Device `to` takes a frame from the server: it answers, takes in what changed and
    /// puts its own segments again (the document may have held other text there).
    pub fn device_takes(&mut self, nodes: &mut [Node], to: usize, frame: &[u8]) -> ImportReport {
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
    pub fn deliver(
        &mut self,
        nodes: &mut [Node],
        device: usize,
        up: bool,
        index: usize,
        twice: bool,
    ) {
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
    pub fn drain(&mut self, nodes: &mut [Node]) {
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
    pub fn connect(&mut self, nodes: &[Node], device: usize) {
        self.online[device] = true;
        self.up[device].clear();
        self.down[device].clear();
        self.up[device].push_back(nodes[device].doc.greeting());
        self.down[device].push_back(self.server.greeting());
        self.greetings += 2;
    }

    pub fn cut(&mut self, device: usize) {
        self.online[device] = false;
        self.up[device].clear();
        self.down[device].clear();
    }
}
