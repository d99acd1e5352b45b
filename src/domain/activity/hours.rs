//! Star volunteers (星级志愿者): levels by cumulative service hours.

/// A star level, 0 (none yet) to 5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StarLevel(pub u8);

impl StarLevel {
    /// The hours each level needs: 1 star at 100 h, 2 at 300 h, 3 at 600 h, 4 at 1000 h,
    /// 5 at 1500 h.
    pub const HOURS: [u64; 5] = [100, 300, 600, 1000, 1500];
    pub const MAX: StarLevel = StarLevel(5);

    /// The level that `minutes` of confirmed service reach.
    pub fn from_minutes(minutes: u64) -> StarLevel {
        let reached = Self::HOURS
            .iter()
            .take_while(|&&hours| minutes >= hours * 60)
            .count();
        StarLevel(u8::try_from(reached).unwrap_or(5))
    }

    /// The minutes of service the next level needs, or `None` at five stars.
    pub fn next_at_minutes(self) -> Option<u64> {
        Self::HOURS.get(usize::from(self.0)).map(|hours| hours * 60)
    }
}
