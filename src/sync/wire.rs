//! What the app and the sync worker say to each other: text through `postMessage`,
//! so neither side shares memory or types beyond these. A message is lines: a head
//! line of tab-separated fields, then, for entries, one line each, `place<TAB>text`.
//! Hand-written rather than JSON through serde: the app's side of sync stays a few kB
//! (a sealed text's characters are all at or above U+0020, the earlier formats' JSON
//! escapes its control characters, and a place is `s/…` or `p/…`: no tab, no newline).

/// Which log a document carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogName {
    /// The community's log: every device.
    Public,
    /// Personal details: organizer devices only.
    Private,
}

impl LogName {
    fn word(self) -> &'static str {
        match self {
            LogName::Public => "public",
            LogName::Private => "private",
        }
    }

    fn read(word: &str) -> Option<LogName> {
        match word {
            "public" => Some(LogName::Public),
            "private" => Some(LogName::Private),
            _ => None,
        }
    }
}

/// One document the worker keeps in sync.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channel {
    pub log: LogName,
    /// The WebSocket address, with the document's token if the server asks for one.
    pub url: String,
    /// Where the worker keeps the document between visits (a Cache API key).
    pub keep: String,
}

/// From the app to the worker.
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// Opening the connection, or waiting to try again.
    Connecting,
    /// Connected and caught up: both sides hold the same.
    Synced,
    /// The device is off line: waiting for the network.
    Offline,
}

impl LinkState {
    fn word(self) -> &'static str {
        match self {
            LinkState::Connecting => "connecting",
            LinkState::Synced => "synced",
            LinkState::Offline => "offline",
        }
    }

    fn read(word: &str) -> Option<LinkState> {
        match word {
            "connecting" => Some(LinkState::Connecting),
            "synced" => Some(LinkState::Synced),
            "offline" => Some(LinkState::Offline),
            _ => None,
        }
    }
}

/// From the worker to the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FromWorker {
    /// The worker runs and listens (messages sent before this are lost).
    Ready,
    /// Entries that arrived or that the kept document holds: (place, sealed text).
    Got {
        log: LogName,
        entries: Vec<(String, String)>,
    },
    /// A link's state.
    Status { log: LogName, state: LinkState },
    /// Something the worker could not do (a kept document unreadable, a bad message).
    Trouble { log: Option<LogName>, what: String },
}

/// A head line and entry lines.
fn lines(head: &[&str], entries: &[(String, String)]) -> String {
    let mut text = head.join("\t");
    for (place, value) in entries {
        text.push('\n');
        text.push_str(place);
        text.push('\t');
        text.push_str(value);
    }
    text
}

/// The head line's fields and the entry lines of a message.
fn fields(text: &str) -> (Vec<&str>, impl Iterator<Item = &str>) {
    let mut lines = text.split('\n');
    let head = lines.next().unwrap_or_default().split('\t').collect();
    (head, lines)
}

fn entries<'a>(lines: impl Iterator<Item = &'a str>) -> Option<Vec<(String, String)>> {
    lines
        .map(|line| {
            let (place, value) = line.split_once('\t')?;
            Some((place.to_owned(), value.to_owned()))
        })
        .collect()
}

impl ToWorker {
    pub fn text(&self) -> String {
        match self {
            ToWorker::Start { channels } => {
                let rows: Vec<(String, String)> = channels
                    .iter()
                    .map(|c| (c.log.word().to_owned(), format!("{}\t{}", c.url, c.keep)))
                    .collect();
                lines(&["start"], &rows)
            }
            ToWorker::Put { log, entries, own } => lines(
                &["put", log.word(), if *own { "own" } else { "other" }],
                entries,
            ),
            ToWorker::Online { online } => lines(&["online", if *online { "1" } else { "0" }], &[]),
        }
    }

    pub fn parse(text: &str) -> Option<ToWorker> {
        let (head, rest) = fields(text);
        match head.as_slice() {
            ["start"] => {
                let channels = entries(rest)?
                    .into_iter()
                    .map(|(log, rest)| {
                        let (url, keep) = rest.split_once('\t')?;
                        Some(Channel {
                            log: LogName::read(&log)?,
                            url: url.to_owned(),
                            keep: keep.to_owned(),
                        })
                    })
                    .collect::<Option<_>>()?;
                Some(ToWorker::Start { channels })
            }
            ["put", log, own] => Some(ToWorker::Put {
                log: LogName::read(log)?,
                own: *own == "own",
                entries: entries(rest)?,
            }),
            ["online", online] => Some(ToWorker::Online {
                online: *online == "1",
            }),
            _ => None,
        }
    }
}

impl FromWorker {
    pub fn text(&self) -> String {
        match self {
            FromWorker::Ready => "ready".to_owned(),
            FromWorker::Got { log, entries } => lines(&["got", log.word()], entries),
            FromWorker::Status { log, state } => lines(&["status", log.word(), state.word()], &[]),
            FromWorker::Trouble { log, what } => {
                let what = what.replace(['\t', '\n'], " ");
                lines(&["trouble", log.map_or("-", LogName::word), &what], &[])
            }
        }
    }

    pub fn parse(text: &str) -> Option<FromWorker> {
        let (head, rest) = fields(text);
        match head.as_slice() {
            ["ready"] => Some(FromWorker::Ready),
            ["got", log] => Some(FromWorker::Got {
                log: LogName::read(log)?,
                entries: entries(rest)?,
            }),
            ["status", log, state] => Some(FromWorker::Status {
                log: LogName::read(log)?,
                state: LinkState::read(state)?,
            }),
            ["trouble", log, what] => Some(FromWorker::Trouble {
                log: LogName::read(log),
                what: (*what).to_owned(),
            }),
            _ => None,
        }
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
        let entries = vec![
            ("s/1/0".into(), "x y".into()),
            ("p/2/1".into(), "中".into()),
        ];
        let to = [
            ToWorker::Start {
                channels: vec![Channel {
                    log: LogName::Private,
                    url: "wss://h/d/x/ws/x?token=a.b".into(),
                    keep: "ll-sync/linli/x".into(),
                }],
            },
            ToWorker::Put {
                log: LogName::Public,
                entries: entries.clone(),
                own: true,
            },
            ToWorker::Online { online: false },
        ];
        for message in to {
            assert_eq!(ToWorker::parse(&message.text()), Some(message));
        }
        let from = [
            FromWorker::Ready,
            FromWorker::Got {
                log: LogName::Public,
                entries,
            },
            FromWorker::Status {
                log: LogName::Private,
                state: LinkState::Synced,
            },
            FromWorker::Trouble {
                log: None,
                what: "bad".into(),
            },
        ];
        for message in from {
            assert_eq!(FromWorker::parse(&message.text()), Some(message));
        }
        assert_eq!(FromWorker::parse("got\tpublic\nno-tab-here"), None);
        assert_eq!(ToWorker::parse("nonsense"), None);
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
