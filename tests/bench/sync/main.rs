//! Live sync's costs on the sample street (issue 15), printed as a table:
//!
//! ```sh
//! cargo run --release --example sync_bench                 # 1k, 10k and 100k entries
//! cargo run --release --example sync_bench -- --keep DIR   # and keep the 100k documents
//! ```
//!
//! For each size: the community log's Yjs document as a server holds it (what y-sweet
//! keeps on disk, before its own few bytes), and a catch-up: a phone that synced, then
//! missed the street's last 1,000 events, written one at a time as devices write them
//! (each grows its segment, which is sealed again), comes back and exchanges state
//! vectors once. The bytes are the y-sync messages themselves (WebSocket framing adds
//! 2–14 bytes a message). `--keep DIR` writes the stress dataset's documents (public and
//! organizer-only) as Yjs updates, which the sync tier loads into a real y-sweet to
//! measure its memory and disk.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use linli::sample::{DEFAULT_SEED, Size, Street};
use linli::store::seal::Log;
use linli::sync::LogDoc;

/// The events a phone misses.
const MISSED: usize = 1_000;

fn place(segment: &linli::sample::Segment) -> String {
    segment.key.to_key("").trim_start_matches('/').to_owned()
}

/// The documents of the street's public and organizer-only logs, whole.
fn whole(street: &Street, log: Log) -> LogDoc {
    let mut doc = LogDoc::new();
    let entries: Vec<(String, String)> = street
        .segments
        .iter()
        .filter(|s| s.key.log == log)
        .map(|s| (place(s), street.seal(s).unwrap()))
        .collect();
    doc.put(&entries, true);
    doc
}

fn main() {
    let keep = std::env::args()
        .skip_while(|a| a != "--keep")
        .nth(1)
        .map(std::path::PathBuf::from);
    println!(
        "| entries | events | public log: segments, Yjs document | catch-up after {MISSED} missed events: phone → server, server → phone | exchange and apply |"
    );
    println!("|---|---|---|---|---|");
    for (label, size) in [
        ("1k", Size::Small),
        ("10k", Size::Medium),
        ("100k", Size::Stress),
    ] {
        let street = Street::new(size, DEFAULT_SEED);
        let public: Vec<&linli::sample::Segment> = street
            .segments
            .iter()
            .filter(|s| s.key.log == Log::Public)
            .collect();
        let events: usize = public.iter().map(|s| s.positions.len()).sum();
        // The last MISSED events of the public log, by their place in the street.
        let mut all: Vec<usize> = public
            .iter()
            .flat_map(|s| s.positions.iter().copied())
            .collect();
        all.sort_unstable();
        let line = all[all.len().saturating_sub(MISSED)];

        // The server as the phone last saw it: every segment up to the line.
        let mut server = LogDoc::new();
        let before: Vec<(String, String)> = public
            .iter()
            .filter_map(|s| {
                let kept: Vec<usize> = s.positions.iter().copied().filter(|p| *p < line).collect();
                (!kept.is_empty()).then(|| {
                    let prefix = linli::sample::Segment {
                        positions: kept,
                        ..(*s).clone()
                    };
                    (place(s), street.seal(&prefix).unwrap())
                })
            })
            .collect();
        server.put(&before, true);
        let (mut phone, _) = LogDoc::load(&server.state()).unwrap();

        // The missed events reach the server one at a time.
        let mut missed: Vec<(usize, &linli::sample::Segment)> = public
            .iter()
            .flat_map(|s| {
                s.positions
                    .iter()
                    .filter(|p| **p >= line)
                    .map(move |p| (*p, *s))
            })
            .collect();
        missed.sort_unstable_by_key(|(p, _)| *p);
        for (position, segment) in &missed {
            let prefix = linli::sample::Segment {
                positions: segment
                    .positions
                    .iter()
                    .copied()
                    .filter(|p| p <= position)
                    .collect(),
                ..(*segment).clone()
            };
            server.put(&[(place(segment), street.seal(&prefix).unwrap())], true);
        }

        // The phone comes back: one exchange of state vectors.
        let started = Instant::now();
        let greeting = phone.greeting();
        let reply = server.receive(&greeting).unwrap();
        let down: usize = reply.replies.iter().map(Vec::len).sum();
        for message in &reply.replies {
            phone.receive(message).unwrap();
        }
        let elapsed = started.elapsed();
        assert_eq!(phone.entries(), server.entries(), "the phone caught up");
        let state = server.state();
        println!(
            "| {label} | {events} | {} segments, {:.1} kB | {} B, {:.1} kB | {:.1} ms |",
            public.len(),
            state.len() as f64 / 1000.0,
            greeting.len(),
            down as f64 / 1000.0,
            elapsed.as_secs_f64() * 1000.0,
        );
        if let (Some(dir), Size::Stress) = (&keep, size) {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(
                dir.join("public.update"),
                whole(&street, Log::Public).state(),
            )
            .unwrap();
            std::fs::write(
                dir.join("private.update"),
                whole(&street, Log::Private).state(),
            )
            .unwrap();
        }
    }
}
