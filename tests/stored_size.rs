//! Issue 14, point 3 (cheap authenticity): the stress dataset, signed, fits in
//! 2,500,000 UTF-16 code units of localStorage (half of Chrome's quota, old Safari's
//! whole quota), counting every key and value the organizer's device holds: the
//! schema, the community and device records and every sealed segment. A size rule,
//! not a time, so it is asserted. `cargo test --test stored_size -- --nocapture`
//! prints the numbers, with the same events in the unsigned format 2 beside them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::print_stdout)]

use linli::sample::{DEFAULT_SEED, Size, Street};
use linli::store::Namespace;
use linli::store::codec::{self, SegmentKey};

/// Half of Chrome's localStorage quota (issue 8, `tests/bench/page/bench.js`).
const BUDGET: usize = 2_500_000;

fn utf16(text: &str) -> usize {
    text.encode_utf16().count()
}

#[test]
fn the_signed_stress_dataset_fits_in_the_budget() {
    let street = Street::new(Size::Stress, DEFAULT_SEED);
    let ns = Namespace::default();
    let stored = street.stored(&ns).unwrap();
    let total: usize = stored.iter().map(|(k, v)| utf16(k) + utf16(v)).sum();
    let private: usize = street
        .segments
        .iter()
        .zip(&stored[3..])
        .filter(|(s, _)| s.key.log == linli::store::seal::Log::Private)
        .map(|(_, (k, v))| utf16(k) + utf16(v))
        .sum();
    // The same events unsigned (format 2, `{ns}/log/…`), segment for segment.
    let unsigned: usize = street
        .segments
        .iter()
        .map(|s| {
            let key = SegmentKey {
                replica: s.key.replica,
                index: s.key.index,
            };
            let text = codec::encode_segment(s.key.replica, &street.events_of(s)).unwrap();
            utf16(&key.to_key(ns.as_str())) + utf16(&text)
        })
        .sum::<usize>()
        + utf16(&stored[0].0)
        + utf16(&stored[0].1);
    println!(
        "stress dataset ({} events, {} segments): signed {total} UTF-16 units \
         ({private} in the organizer-only log), unsigned format 2 {unsigned}; budget {BUDGET}",
        street.events.len(),
        street.segments.len(),
    );
    assert!(total <= BUDGET, "{total} UTF-16 units > {BUDGET}");
}
