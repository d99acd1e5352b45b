//! Suggestions for micro-wishes: wishes ranked for a volunteer and volunteers and
//! units ranked for a wish, each with its reasons; fairness; deterministic ties.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod wish_support;

use linli::domain::{
    Action, Claimant, Reason, VolunteerId, VolunteerProfile, WishCategory, suggest_claimants,
    suggest_wishes,
};
use wish_support::{Act, Do, Scene, Who, day, hour, same};

use Act::*;
use Who::{U, V};

fn register(
    scene: &mut Scene,
    name: &str,
    grid: &str,
    building: &str,
    skills: &[&str],
) -> VolunteerId {
    let profile = VolunteerProfile {
        name: name.into(),
        grid: grid.into(),
        building: building.into(),
        skills: skills.iter().map(|s| (*s).to_owned()).collect(),
        ..VolunteerProfile::default()
    };
    VolunteerId(
        scene
            .r
            .act(Action::RegisterVolunteer {
                profile: Box::new(profile),
            })
            .unwrap()
            .id,
    )
}

fn service() -> Reason {
    Reason::SuitsCategory {
        skill: "家电维修".into(),
        category: WishCategory::Service,
    }
}

#[test]
fn a_wish_in_the_volunteers_building_with_their_skill_ranks_above_one_across_the_community() {
    let scene = Scene::with(&[
        // Across the community, and more urgent: wanted within two days.
        Do(
            1,
            Post(|p| {
                p.grid = "三网格".into();
                p.building = "8号楼".into();
                p.skills = Vec::new();
                p.wanted_by = day(2);
            }),
        ),
        // In 王小明's building (一网格 3号楼), needing his skill 家电维修.
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
    ]);
    let found = suggest_wishes(scene.state(), scene.volunteers[0], hour(3));
    let order: Vec<_> = found.iter().map(|s| s.wish).collect();
    assert_eq!(order, vec![scene.wishes[1], scene.wishes[0]]);
    assert_eq!(
        found[0].reasons,
        vec![
            Reason::SameBuilding,
            Reason::HasSkill("家电维修".into()),
            service()
        ]
    );
    assert_eq!(found[0].score, 40 + 30 + 15);
    assert_eq!(
        found[1].reasons,
        vec![service(), Reason::Urgent { days: 1 }]
    );
    assert_eq!(found[1].score, 15 + 15);

    // For 李四 (same grid, other building, no repair skill) the near wish loses its
    // lead: the grid is outweighed by the missing skill, and the urgent wish comes first.
    let found = suggest_wishes(scene.state(), scene.volunteers[1], hour(3));
    assert_eq!(found[0].wish, scene.wishes[0]);
    assert_eq!(found[0].reasons, vec![Reason::Urgent { days: 1 }]);
    assert_eq!(
        found[1].reasons,
        vec![Reason::SameGrid, Reason::MissingSkill("家电维修".into())]
    );
    assert_eq!(found[1].score, 0);
}

#[test]
fn only_open_wishes_are_suggested_and_a_lapsed_claim_reopens_one() {
    let scene = Scene::with(&[
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
        Do(2, Publish(2)),
        // 3 stays pending; 1 is claimed; 2 is claimed and lapses at hour 171.
        Do(3, Claim(1, V(1))),
        Do(3, Claim(2, V(2))),
        Do(100, Release(1, V(1))),
    ]);
    let now = hour(172);
    let found = suggest_wishes(scene.state(), scene.volunteers[0], now);
    let order: Vec<_> = found.iter().map(|s| s.wish).collect();
    // 1 was released by 李四 at hour 100 (see the setup), so three wishes are open.
    assert!(order.contains(&scene.wishes[0]));
    assert!(order.contains(&scene.wishes[2]));
    assert!(!order.contains(&scene.wishes[3]));
    let reopened = found.iter().find(|s| s.wish == scene.wishes[2]).unwrap();
    assert!(reopened.reasons.contains(&Reason::OpenAgain));
    let fresh = found.iter().find(|s| s.wish == scene.wishes[0]).unwrap();
    assert!(!fresh.reasons.contains(&Reason::OpenAgain));
    assert_eq!(fresh.score + Reason::OpenAgain.weight(), reopened.score);
}

#[test]
fn urgency_grows_as_the_wanted_by_date_nears() {
    let scene = Scene::with(&[Do(1, Post(same)), Do(2, Publish(0))]);
    let urgent = |now| {
        suggest_wishes(scene.state(), scene.volunteers[2], now)[0]
            .reasons
            .iter()
            .find_map(|r| match r {
                Reason::Urgent { days } => Some(*days),
                _ => None,
            })
    };
    // Wanted by day 10 at 09:00.
    assert_eq!(urgent(day(6)), None);
    assert_eq!(urgent(day(7)), Some(3));
    assert_eq!(urgent(day(9)), Some(1));
    assert_eq!(urgent(hour(10 * 24 - 1)), Some(0));
    assert_eq!(urgent(day(12)), Some(0));
    for (days, weight) in [(0, 20), (1, 15), (2, 10), (3, 5)] {
        assert_eq!(Reason::Urgent { days }.weight(), weight);
    }
}

#[test]
fn fairness_lowers_a_volunteer_who_already_holds_many_claims() {
    let mut scene = Scene::with(&[
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
        Do(2, Publish(2)),
    ]);
    let busy = register(&mut scene, "赵六", "一网格", "3号楼", &["家电维修"]);
    let free = register(&mut scene, "孙七", "一网格", "3号楼", &["家电维修"]);
    scene
        .r
        .act_at(
            hour(3),
            Action::ClaimWish {
                wish: scene.wishes[1],
                claimant: Claimant::Volunteer(busy),
            },
        )
        .unwrap();
    scene
        .r
        .act_at(
            hour(4),
            Action::ClaimWish {
                wish: scene.wishes[2],
                claimant: Claimant::Volunteer(busy),
            },
        )
        .unwrap();
    let found = suggest_claimants(scene.state(), scene.wishes[0], hour(5));
    let rank = |v: VolunteerId| {
        found
            .iter()
            .position(|s| s.claimant == Claimant::Volunteer(v))
            .unwrap()
    };
    assert!(rank(free) < rank(busy));
    let busy_line = &found[rank(busy)];
    assert_eq!(
        busy_line.reasons.last(),
        Some(&Reason::HoldsClaims { count: 2 })
    );
    assert_eq!(found[rank(free)].score - busy_line.score, 30);
    // 王小明 and 孙七 tie: the earlier registered first.
    assert_eq!(found[0].claimant, scene.who(V(0)));
    assert_eq!(found[1].claimant, Claimant::Volunteer(free));
    assert_eq!(found[0].score, found[1].score);
}

#[test]
fn experience_counts_and_recent_lighting_is_weighed_for_fairness() {
    let scene = Scene::with(&[
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
        Do(3, Claim(0, V(2))),
        Do(4, Fulfil(0, V(2))),
    ]);
    let reasons = |now| {
        suggest_claimants(scene.state(), scene.wishes[1], now)
            .into_iter()
            .find(|s| s.claimant == scene.who(V(2)))
            .unwrap()
            .reasons
    };
    let done = Reason::DoneBefore {
        category: WishCategory::Service,
        times: 1,
    };
    assert_eq!(
        reasons(hour(5)),
        vec![
            Reason::MissingSkill("家电维修".into()),
            done.clone(),
            Reason::RecentlyLit { count: 1 },
        ]
    );
    // Thirty days on, only the experience remains.
    assert_eq!(
        reasons(hour(4).plus_days(31)),
        vec![Reason::MissingSkill("家电维修".into()), done]
    );
}

#[test]
fn units_are_suggested_by_grid_and_experience_without_skill_reasons() {
    let scene = Scene::with(&[Do(1, Post(same)), Do(2, Publish(0))]);
    let found = suggest_claimants(scene.state(), scene.wishes[0], hour(3));
    let unit = |i| {
        found
            .iter()
            .find(|s| s.claimant == scene.who(U(i)))
            .unwrap()
    };
    assert_eq!(unit(0).reasons, vec![Reason::SameGrid]);
    assert!(unit(1).reasons.is_empty());
    // Everyone is listed: three volunteers and two units.
    assert_eq!(found.len(), 5);
    // Ties between a volunteer and a unit: volunteers first.
    assert_eq!(unit(1).score, 0);
    let zero: Vec<_> = found
        .iter()
        .filter(|s| s.score == 0)
        .map(|s| s.claimant)
        .collect();
    assert_eq!(zero.last(), Some(&scene.who(U(1))));
}

#[test]
fn whoever_holds_the_wish_is_not_suggested_for_it() {
    let scene = Scene::with(&[Do(1, Post(same)), Do(2, Publish(0)), Do(3, Claim(0, V(0)))]);
    let found = suggest_claimants(scene.state(), scene.wishes[0], hour(4));
    assert!(found.iter().all(|s| s.claimant != scene.who(V(0))));
    assert_eq!(found.len(), 4);
    // Once the claim lapses, the old claimant is a candidate again.
    let found = suggest_claimants(scene.state(), scene.wishes[0], hour(3 + 7 * 24));
    assert_eq!(found.len(), 5);
}

#[test]
fn ties_are_broken_by_date_then_id_and_the_ranking_is_repeatable() {
    let scene = Scene::with(&[
        Do(1, Post(|p| p.wanted_by = day(30))),
        Do(1, Post(|p| p.wanted_by = day(20))),
        Do(1, Post(|p| p.wanted_by = day(20))),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
        Do(2, Publish(2)),
    ]);
    let first = suggest_wishes(scene.state(), scene.volunteers[2], hour(3));
    assert!(first.iter().all(|s| s.score == first[0].score));
    let order: Vec<_> = first.iter().map(|s| s.wish).collect();
    let (a, b) = if scene.wishes[1] < scene.wishes[2] {
        (scene.wishes[1], scene.wishes[2])
    } else {
        (scene.wishes[2], scene.wishes[1])
    };
    assert_eq!(order, vec![a, b, scene.wishes[0]]);
    assert_eq!(
        suggest_wishes(scene.state(), scene.volunteers[2], hour(3)),
        first
    );
    assert_eq!(
        suggest_claimants(scene.state(), scene.wishes[0], hour(3)),
        suggest_claimants(scene.state(), scene.wishes[0], hour(3))
    );
}

#[test]
fn the_score_is_the_sum_of_the_reasons_weights() {
    let scene = Scene::with(&[
        Do(1, Post(same)),
        Do(1, Post(|p| p.category = WishCategory::Learning)),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
        Do(3, Claim(0, V(1))),
        Do(4, Fulfil(0, V(1))),
    ]);
    for v in &scene.volunteers {
        for s in suggest_wishes(scene.state(), *v, hour(5)) {
            assert_eq!(s.score, s.reasons.iter().map(Reason::weight).sum::<i32>());
        }
    }
    for s in suggest_claimants(scene.state(), scene.wishes[1], hour(5)) {
        assert_eq!(s.score, s.reasons.iter().map(Reason::weight).sum::<i32>());
    }
    // 李四's 辅导作业 suits a learning wish.
    let li = suggest_wishes(scene.state(), scene.volunteers[1], hour(5));
    assert!(li[0].reasons.contains(&Reason::SuitsCategory {
        skill: "辅导作业".into(),
        category: WishCategory::Learning,
    }));
    assert!(Reason::SameBuilding.is_positive());
    assert!(!Reason::HoldsClaims { count: 1 }.is_positive());
}

#[test]
fn nothing_is_suggested_for_an_unknown_volunteer_or_wish() {
    let scene = Scene::with(&[Do(1, Post(same)), Do(2, Publish(0))]);
    let ghost = match scene.who(Who::Ghost) {
        Claimant::Volunteer(v) => v,
        Claimant::Unit(_) => unreachable!(),
    };
    assert!(suggest_wishes(scene.state(), ghost, hour(3)).is_empty());
    assert!(suggest_claimants(scene.state(), linli::domain::WishId(ghost.0), hour(3)).is_empty());
}

#[test]
fn skills_match_without_spaces_or_case_and_by_containment() {
    let mut scene = Scene::with(&[
        Do(
            1,
            Post(|p| p.skills = vec!["电工".into(), "First Aid".into()]),
        ),
        Do(2, Publish(0)),
    ]);
    let v = register(&mut scene, "周八", "", "", &["水电工", "first aid"]);
    let found = suggest_wishes(scene.state(), v, hour(3));
    assert_eq!(
        found[0].reasons[..2],
        [
            Reason::HasSkill("电工".into()),
            Reason::HasSkill("First Aid".into())
        ]
    );
    // Full-width digits in a building count as the same building.
    let mut scene = Scene::with(&[Do(1, Post(same)), Do(2, Publish(0))]);
    let v = register(&mut scene, "吴九", "一网格", "３号楼", &[]);
    let found = suggest_wishes(scene.state(), v, hour(3));
    assert_eq!(found[0].reasons[0], Reason::SameBuilding);
}
