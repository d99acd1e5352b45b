//! The wish wall (心愿墙): what the app reads about wishes, from [`State`].

use std::collections::BTreeSet;

use super::book::Wishes;
use super::{Claim, Claimant, Wish, WishPhase, WishPolicy, WishStatus};
use crate::domain::calendar::Period;
use crate::domain::id::{Timestamp, WishId};
use crate::domain::state::State;

/// What the wall counts over a period (this year: [`Period::year_of`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WallCounts {
    /// Wishes lit within the period: confirmed by staff (a volunteer's 我已圆梦 alone
    /// does not light a wish), counted when confirmed.
    pub lit: u32,
    /// Distinct residents those wishes were for (see [`State::resident_key`]).
    pub residents: u32,
}

impl State {
    pub fn wish(&self, id: WishId) -> Option<&Wish> {
        self.wish_book().get(id)
    }

    /// Every wish, by id, pending, rejected and cancelled ones included.
    pub fn wishes(&self) -> impl Iterator<Item = &Wish> {
        self.wish_book().iter()
    }

    /// The community's wish policy in force.
    pub fn wish_policy(&self) -> WishPolicy {
        self.wish_book().policy()
    }

    /// Wishes awaiting review (organizers only), oldest first.
    pub fn pending_wishes(&self) -> Vec<&Wish> {
        let mut found: Vec<&Wish> = self
            .wishes()
            .filter(|w| w.status == WishStatus::Pending)
            .collect();
        found.sort_by_key(|w| (w.posted, w.id));
        found
    }

    /// Wishes anyone may claim at `now`, those whose claim lapsed included: the
    /// soonest wanted-by first.
    pub fn open_wishes(&self, now: Timestamp) -> Vec<&Wish> {
        let mut found: Vec<&Wish> = self.wishes().filter(|w| w.phase(now).is_open()).collect();
        found.sort_by_key(|w| (w.plan.wanted_by, w.id));
        found
    }

    /// Wishes held by a claimant at `now`, the latest claimed first.
    pub fn claimed_wishes(&self, now: Timestamp) -> Vec<&Wish> {
        let mut found: Vec<(&Wish, Timestamp)> = self
            .wishes()
            .filter(|w| w.phase(now) == WishPhase::Claimed)
            .filter_map(|w| w.holder(now).map(|c| (w, c.at)))
            .collect();
        found.sort_by_key(|(w, at)| (std::cmp::Reverse(*at), w.id));
        found.into_iter().map(|(w, _)| w).collect()
    }

    /// Lit wishes (点亮): confirmed by staff, the latest confirmed first.
    pub fn lit_wishes(&self) -> Vec<&Wish> {
        let mut found: Vec<&Wish> = self.wishes().filter(|w| is_lit(w)).collect();
        found.sort_by_key(|w| (std::cmp::Reverse(w.confirmed.as_ref().map(|c| c.at)), w.id));
        found
    }

    /// Wishes the claimant marked fulfilled (我已圆梦) that staff have not confirmed
    /// yet, the latest fulfilled first. Not lit until confirmed.
    pub fn awaiting_confirmation(&self) -> Vec<&Wish> {
        let mut found: Vec<&Wish> = self
            .wishes()
            .filter(|w| w.status == WishStatus::Fulfilled)
            .collect();
        found.sort_by_key(|w| (std::cmp::Reverse(w.fulfilled), w.id));
        found
    }

    /// Wishes lit (confirmed) within `period`, and the distinct residents they were for.
    pub fn wall_counts(&self, period: Period) -> WallCounts {
        let lit: Vec<&Wish> = self
            .wishes()
            .filter(|w| is_lit(w) && w.confirmed.as_ref().is_some_and(|c| period.contains(c.at)))
            .collect();
        let residents: BTreeSet<String> = lit.iter().map(|w| self.resident_key(w)).collect();
        WallCounts {
            lit: u32::try_from(lit.len()).unwrap_or(u32::MAX),
            residents: u32::try_from(residents.len()).unwrap_or(u32::MAX),
        }
    }

    /// Who a wish is for, as the wall counts residents: the wish it names as the same
    /// resident's (and so on back to the first), by its alias, grid and building with
    /// spaces, punctuation and letter case ignored. So “独居老人 王奶奶” of 3号楼 counts
    /// once however many wishes she has, and once more only under another alias.
    pub fn resident_key(&self, wish: &Wish) -> String {
        let book: &Wishes = self.wish_book();
        let mut root = wish;
        // Each wish names an earlier one, so this ends; the bound guards bad data.
        for _ in 0..book.by_id.len() {
            match root.resident_of.and_then(|id| book.get(id)) {
                Some(earlier) if earlier.id != root.id => root = earlier,
                _ => break,
            }
        }
        let plan = &root.plan;
        [&plan.alias, &plan.grid, &plan.building]
            .iter()
            .map(|text| {
                text.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    /// Every claim the volunteer or unit made, the latest first, each with its wish:
    /// holding, lapsed, released, fulfilled, and lost to someone else
    /// ([`super::ClaimStatus::Lost`]: “claimed by someone else”).
    pub fn claims_of(&self, claimant: Claimant) -> Vec<(&Wish, &Claim)> {
        let mut found: Vec<(&Wish, &Claim)> = self
            .wishes()
            .flat_map(|w| w.claims().iter().map(move |c| (w, c)))
            .filter(|(_, c)| c.claimant == claimant)
            .collect();
        found.sort_by_key(|(w, c)| (std::cmp::Reverse(c.at), w.id));
        found
    }

    /// How many wishes the volunteer or unit holds at `now` (claimed, not lapsed, not
    /// yet lit).
    pub fn open_claims(&self, claimant: Claimant, now: Timestamp) -> usize {
        self.wish_book().held_by(claimant, now)
    }
}

/// Lit: confirmed by staff on the resident's behalf.
fn is_lit(wish: &Wish) -> bool {
    wish.status == WishStatus::Confirmed
}
