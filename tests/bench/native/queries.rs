//! The main queries on a folded dataset: the busiest volunteer's statement and points,
//! the leaderboards, the members list and a search, and wish suggestions.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group};
use linli::domain::{
    Account, Period, RankBy, State, Timestamp, VolunteerId, mask_name, mask_phone, suggest_wishes,
};

use super::data::{Dataset, sizes, tune};

/// The volunteer with the longest statement: the worst case of the 我的 screen.
fn busiest(state: &State) -> Option<VolunteerId> {
    state
        .volunteers()
        .max_by_key(|v| state.ledger().statement(Account::Volunteer(v.id)).len())
        .map(|v| v.id)
}

/// The organizer's volunteer list: every volunteer matching the search (by name,
/// phone, number, grid, building or skill), with the balance.
fn members(state: &State, query: &str) -> Vec<(String, String, String)> {
    state
        .volunteers()
        .filter(|v| {
            let p = &v.profile;
            query.is_empty()
                || [&p.name, &p.phone, &p.number, &p.grid, &p.building]
                    .iter()
                    .any(|text| text.contains(query))
                || p.skills.iter().any(|s| s.contains(query))
        })
        .map(|v| {
            (
                mask_name(&v.profile.name),
                mask_phone(&v.profile.phone),
                state.balance(v.id).to_string(),
            )
        })
        .collect()
}

fn queries(c: &mut Criterion) {
    for size in sizes() {
        let data = Dataset::new(size);
        let state = data.journal.state();
        let now = data.now();
        let Some(volunteer) = busiest(state) else {
            continue;
        };
        let mut group = c.benchmark_group("query");
        tune(&mut group, size);
        let label = data.label();
        group.bench_function(BenchmarkId::new("statement", &label), |b| {
            b.iter(|| {
                let lines = state.ledger().statement(Account::Volunteer(volunteer));
                black_box((lines.len(), state.points(volunteer, now)))
            });
        });
        group.bench_function(BenchmarkId::new("leaderboard", &label), |b| {
            b.iter(|| {
                let year = state.volunteer_leaderboard(RankBy::Points, Period::year_of(now));
                let all = state.volunteer_leaderboard(RankBy::Hours, Period::ALL_TIME);
                black_box((year.len(), all.len()))
            });
        });
        group.bench_function(BenchmarkId::new("members", &label), |b| {
            b.iter(|| black_box(members(state, "").len()));
        });
        group.bench_function(BenchmarkId::new("search", &label), |b| {
            b.iter(|| black_box(members(state, "王").len()));
        });
        group.bench_function(BenchmarkId::new("wish_suggestions", &label), |b| {
            b.iter(|| black_box(suggest_wishes(state, volunteer, Timestamp(now.0)).len()));
        });
        group.finish();
    }
}

criterion_group!(benches, queries);
