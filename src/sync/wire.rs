//! What the app and the sync worker say to each other: JSON text through
//! `postMessage`, so neither side shares memory or types beyond these.

use serde::{Deserialize, Serialize};

/// Which log a document carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogName {
    /// The community's log: every device.
    Public,
    /// Personal details: organizer devices only.
    Private,
}

/// One document the worker keeps in sync.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channel {
    pub log: LogName,
    /// The WebSocket address, with the document's token if the server asks for one.
    pub url: String,
    /// Where the worker keeps the document between visits (a Cache API key).
    pub keep: String,
}

/// From the app to the worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToWorker {
    /// Sync these documents (replacing any before).
    Start { channels: Vec<Channel> },
    /// Segments new or grown since last handed over: (place, sealed text); `own` when
    /// this device wrote them (they replace the document's copy; others only fill).
    Put {
        log: LogName,
        entries: Vec<(String, String)>,
        own: bool,
    },
    /// The device went on or off line (the page's `online`/`offline` events).
    Online { online: bool },
}

/// How one document's link stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// Opening the connection, or waiting to try again.
    Connecting,
    /// Connected and caught up: both sides hold the same.
    Synced,
    /// The device is off line: waiting for the network.
    Offline,
}

/// From the worker to the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FromWorker {
    /// The worker runs and listens (messages sent before this are lost).
    Ready,
    /// Entries that arrived or that the kept document holds: (place, sealed text).
    Got {
        log: LogName,
        entries: Vec<(String, String)>,
    },
    /// A link's state, with the bytes received and sent so far on it.
    Status {
        log: LogName,
        state: LinkState,
        received: u64,
        sent: u64,
    },
    /// Something the worker could not do (a kept document unreadable, a bad message).
    Trouble { log: Option<LogName>, what: String },
}

impl ToWorker {
    pub fn text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl FromWorker {
    pub fn text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A log's place names (`s/…`, `p/…`) under a namespace, and back.
pub fn place(ns: &str, key: &str) -> Option<String> {
    key.strip_prefix(ns)?.strip_prefix('/').map(str::to_owned)
}

pub fn key(ns: &str, place: &str) -> String {
    format!("{ns}/{place}")
}

/// The y-sweet document of a community's log.
pub fn doc_id(community: &str, log: LogName) -> String {
    match log {
        LogName::Public => format!("linli-{community}"),
        LogName::Private => format!("linli-{community}-p"),
    }
}

/// The WebSocket address of a document on a y-sweet server at `server` (`ws://`,
/// `wss://`, `http://` or `https://`, with or without a path prefix).
pub fn socket_url(server: &str, doc: &str, token: Option<&str>) -> String {
    let server = server.trim().trim_end_matches('/');
    let server = if let Some(rest) = server.strip_prefix("https://") {
        format!("wss://{rest}")
    } else if let Some(rest) = server.strip_prefix("http://") {
        format!("ws://{rest}")
    } else {
        server.to_owned()
    };
    let mut url = format!("{server}/d/{doc}/ws/{doc}");
    if let Some(token) = token {
        url.push_str("?token=");
        url.push_str(token);
    }
    url
}

/// Whether `text` is an address a device can sync through.
pub fn is_server(text: &str) -> bool {
    let text = text.trim();
    ["ws://", "wss://", "http://", "https://"]
        .iter()
        .any(|scheme| {
            text.strip_prefix(scheme)
                .is_some_and(|rest| !rest.is_empty())
        })
        && !text.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_and_addresses_become_socket_urls() {
        let put = ToWorker::Put {
            log: LogName::Public,
            entries: vec![("s/1/0".into(), "x".into())],
            own: true,
        };
        assert_eq!(serde_json::from_str::<ToWorker>(&put.text()).unwrap(), put);
        assert_eq!(
            socket_url("https://sync.example.org/", "d1", Some("tok")),
            "wss://sync.example.org/d/d1/ws/d1?token=tok"
        );
        assert_eq!(
            socket_url("ws://127.0.0.1:9", "d", None),
            "ws://127.0.0.1:9/d/d/ws/d"
        );
        assert!(is_server("ws://127.0.0.1:9") && !is_server("ftp://x") && !is_server("https://"));
        assert_eq!(place("ns", "ns/s/1/0").as_deref(), Some("s/1/0"));
        assert_eq!(key("ns", "s/1/0"), "ns/s/1/0");
    }
}
