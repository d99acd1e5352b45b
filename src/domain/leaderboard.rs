//! Leaderboards (排行榜): volunteers and units by points earned or by service hours,
//! within a [`Period`] (a month, a year, all time; see [`crate::domain::calendar`]).
//!
//! Points earned are credits, not the balance: awards and service credits posted within
//! the period, leaving out any that were reversed (whenever the reversal came), and
//! never reduced by spending or deductions. Refunds only give back, so they do not
//! count. Hours are confirmed service minutes of activities that started within the
//! period. A unit's points are the credits to its own account (双报到积分); its hours are
//! those of the volunteers who report from it (by their current profile).
//!
//! Only those with something to show are listed. Equal scores share a rank (1, 1, 3);
//! within a tie the list is ordered by the other measure (more first), then by earlier
//! registration, then by id, so every device shows the same order.

use std::collections::BTreeMap;

use super::calendar::Period;
use super::id::{Timestamp, UnitId, VolunteerId};
use super::ledger::{Account, Points};
use super::state::State;

/// What a leaderboard ranks by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RankBy {
    /// Points earned in the period.
    Points,
    /// Service minutes in the period.
    Hours,
}

/// One line of a leaderboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked<K> {
    pub who: K,
    /// 1 for the first; equal scores share a rank.
    pub rank: u32,
    pub points: Points,
    pub minutes: u64,
}

#[derive(Clone, Copy, Debug, Default)]
struct Score {
    points: i64,
    minutes: u64,
}

impl State {
    /// Volunteers by points earned or by hours within `period`, first place first.
    pub fn volunteer_leaderboard(&self, by: RankBy, period: Period) -> Vec<Ranked<VolunteerId>> {
        let mut scores = self.volunteer_minutes(period);
        for (account, points) in self.earned(period) {
            if let Account::Volunteer(v) = account {
                scores.entry(v).or_default().points += points;
            }
        }
        let joined = |v: VolunteerId| self.volunteer(v).map_or(Timestamp(u64::MAX), |v| v.joined);
        rank(
            scores
                .into_iter()
                .filter(|(v, _)| self.volunteer(*v).is_some())
                .map(|(v, score)| (v, score, joined(v)))
                .collect(),
            by,
        )
    }

    /// Units by their own points earned, or by their volunteers' hours, within `period`.
    pub fn unit_leaderboard(&self, by: RankBy, period: Period) -> Vec<Ranked<UnitId>> {
        let mut scores: BTreeMap<UnitId, Score> = BTreeMap::new();
        for (v, score) in self.volunteer_minutes(period) {
            if let Some(unit) = self.volunteer(v).and_then(|v| v.profile.unit) {
                scores.entry(unit).or_default().minutes += score.minutes;
            }
        }
        for (account, points) in self.earned(period) {
            if let Account::Unit(u) = account {
                scores.entry(u).or_default().points += points;
            }
        }
        rank(
            scores
                .into_iter()
                .filter_map(|(u, score)| Some((u, score, self.unit(u)?.joined)))
                .collect(),
            by,
        )
    }

    /// Points earned per account within the period.
    fn earned(&self, period: Period) -> BTreeMap<Account, i64> {
        let ledger = self.ledger();
        let mut earned = BTreeMap::new();
        for entry in ledger.entries() {
            if period.contains(entry.at)
                && entry.kind.is_earning()
                && ledger.reversed_by(entry.id).is_none()
            {
                *earned.entry(entry.to).or_default() += entry.points.0;
            }
        }
        earned
    }

    /// Confirmed service minutes per volunteer at activities that started in the period.
    fn volunteer_minutes(&self, period: Period) -> BTreeMap<VolunteerId, Score> {
        let mut scores: BTreeMap<VolunteerId, Score> = BTreeMap::new();
        for activity in self.activities() {
            if !period.contains(activity.plan.start) {
                continue;
            }
            for signup in activity.signups() {
                if let Some(service) = &signup.service {
                    scores.entry(signup.volunteer).or_default().minutes +=
                        u64::from(service.minutes);
                }
            }
        }
        scores
    }
}

fn rank<K: Copy + Ord>(scores: Vec<(K, Score, Timestamp)>, by: RankBy) -> Vec<Ranked<K>> {
    let primary = |s: &Score| match by {
        RankBy::Points => (s.points, i64::try_from(s.minutes).unwrap_or(i64::MAX)),
        RankBy::Hours => (i64::try_from(s.minutes).unwrap_or(i64::MAX), s.points),
    };
    let mut listed: Vec<(K, Score, Timestamp)> = scores
        .into_iter()
        .filter(|(_, score, _)| primary(score).0 > 0)
        .collect();
    listed.sort_by(|(a, sa, ja), (b, sb, jb)| {
        primary(sb)
            .cmp(&primary(sa))
            .then(ja.cmp(jb))
            .then(a.cmp(b))
    });
    let mut ranked: Vec<Ranked<K>> = Vec::with_capacity(listed.len());
    for (i, (who, score, _)) in listed.iter().enumerate() {
        let rank = match ranked.last() {
            Some(last) if primary(score).0 == primary(&listed[i - 1].1).0 => last.rank,
            _ => u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        ranked.push(Ranked {
            who: *who,
            rank,
            points: Points(score.points),
            minutes: score.minutes,
        });
    }
    ranked
}
