//! Every rule of units (单位): their profiles, names, unit points, and the volunteers who
//! report from them. One data-driven table per rule family.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Replica, id, profile, unit_profile};
use linli::domain::{
    Account, Action, DomainError, EntryId, EntryKind, Field, Journal, Participant, Points, UnitId,
    UnitKind, UnitProfile, VolunteerProfile, mask_name, mask_phone,
};

#[test]
fn unit_profiles_are_validated() {
    type Edit = fn(&mut UnitProfile);
    let cases: Vec<(Edit, Result<(), DomainError>)> = vec![
        (|_| {}, Ok(())),
        (
            |p| {
                p.contact = "李经理".into();
                p.phone = "029-83812345".into();
                p.address = "临潼区东城街道人民路 8 号".into();
                p.grid = "第三网格".into();
            },
            Ok(()),
        ),
        (
            |p| p.name = " ".into(),
            Err(DomainError::Required(Field::UnitName)),
        ),
        (
            |p| p.name = "单".repeat(41),
            Err(DomainError::TooLong {
                field: Field::UnitName,
                max: 40,
            }),
        ),
        (
            |p| p.contact = "联".repeat(21),
            Err(DomainError::TooLong {
                field: Field::Contact,
                max: 20,
            }),
        ),
        (
            |p| p.address = "址".repeat(61),
            Err(DomainError::TooLong {
                field: Field::Address,
                max: 60,
            }),
        ),
        (
            |p| p.grid = "格".repeat(31),
            Err(DomainError::TooLong {
                field: Field::Grid,
                max: 30,
            }),
        ),
        (|p| p.phone = "1234".into(), Err(DomainError::InvalidPhone)),
    ];
    for (edit, expected) in cases {
        let mut profile = unit_profile("临潼区人民医院", UnitKind::CoBuilding);
        edit(&mut profile);
        let mut r = Replica::new(1);
        let result = r.act(Action::RegisterUnit {
            profile: Box::new(profile.clone()),
        });
        assert_eq!(result.map(|_| ()), expected, "{profile:?}");
    }
}

#[test]
fn units_are_registered_and_corrected_and_names_are_unique_when_written() {
    let mut r = Replica::new(1);
    let shop = r.register_unit("老王理发店", UnitKind::Merchant);
    let bank = r.register_unit("农业银行东城支行", UnitKind::DualRegistered);
    let corrected = UnitProfile {
        contact: "王师傅".into(),
        phone: "13812341234".into(),
        ..unit_profile("老王理发店（人民路）", UnitKind::Merchant)
    };
    r.act(Action::UpdateUnit {
        unit: shop,
        profile: Box::new(corrected.clone()),
    })
    .unwrap();
    let state = r.journal.state();
    assert_eq!(state.unit(shop).unwrap().profile, corrected);
    assert_eq!(state.units().count(), 2);

    let stranger = UnitId(id(9, 9));
    let cases: Vec<(Action, Result<(), DomainError>)> = vec![
        (
            Action::RegisterUnit {
                profile: Box::new(unit_profile(" 农业银行东城支行 ", UnitKind::Company)),
            },
            Err(DomainError::DuplicateUnitName("农业银行东城支行".into())),
        ),
        (
            Action::UpdateUnit {
                unit: shop,
                profile: Box::new(unit_profile("农业银行东城支行", UnitKind::Merchant)),
            },
            Err(DomainError::DuplicateUnitName("农业银行东城支行".into())),
        ),
        (
            // Keeping its own name is fine.
            Action::UpdateUnit {
                unit: bank,
                profile: Box::new(unit_profile("农业银行东城支行", UnitKind::CoBuilding)),
            },
            Ok(()),
        ),
        (
            Action::UpdateUnit {
                unit: stranger,
                profile: Box::new(unit_profile("某单位", UnitKind::Company)),
            },
            Err(DomainError::UnknownUnit(stranger)),
        ),
    ];
    for (action, expected) in cases {
        assert_eq!(r.act(action.clone()).map(|_| ()), expected, "{action:?}");
    }
}

#[test]
fn the_same_unit_name_from_two_devices_is_kept_not_refused() {
    let mut a = Replica::new(0xa);
    let mut b = Replica::new(0xb);
    a.register_unit("东城社区卫生服务站", UnitKind::CoBuilding);
    b.register_unit("东城社区卫生服务站", UnitKind::CoBuilding);
    a.sync_from(&b);
    assert_eq!(a.journal.state().units().count(), 2);
    assert!(a.journal.state().rejected().is_empty());
}

fn unit_points(unit: UnitId, points: i64, reason: &str, award: bool) -> Action {
    let points = Points::whole(points);
    let reason = reason.to_owned();
    if award {
        Action::AwardUnitPoints {
            unit,
            points,
            reason,
        }
    } else {
        Action::DeductUnitPoints {
            unit,
            points,
            reason,
        }
    }
}

#[test]
fn unit_points_are_awarded_and_deducted_by_hand() {
    let stranger = UnitId(id(9, 9));
    type Case = (fn(UnitId) -> Action, Result<(), DomainError>);
    let cases: Vec<Case> = vec![
        (|u| unit_points(u, 5, "共建环境整治", true), Ok(())),
        (|u| unit_points(u, 20, "年度考评调整", false), Ok(())),
        (
            |u| unit_points(u, 21, "年度考评调整", false),
            Err(DomainError::InsufficientPoints {
                balance: Points::whole(20),
                needed: Points::whole(21),
            }),
        ),
        (
            |u| unit_points(u, 0, "共建", true),
            Err(DomainError::PointsOutOfRange {
                max: Points::MANUAL_MAX,
            }),
        ),
        (
            |u| unit_points(u, 10_001, "共建", true),
            Err(DomainError::PointsOutOfRange {
                max: Points::MANUAL_MAX,
            }),
        ),
        (
            |u| unit_points(u, 5, " ", true),
            Err(DomainError::Required(Field::Reason)),
        ),
        (
            |_| unit_points(UnitId(id(9, 9)), 5, "共建", true),
            Err(DomainError::UnknownUnit(stranger)),
        ),
        (
            |_| unit_points(UnitId(id(9, 9)), 5, "共建", false),
            Err(DomainError::UnknownUnit(stranger)),
        ),
    ];
    for (action, expected) in cases {
        let mut r = Replica::new(1);
        let unit = r.register_unit("农业银行东城支行", UnitKind::DualRegistered);
        r.act(unit_points(unit, 20, "双报到服务", true)).unwrap();
        let action = action(unit);
        assert_eq!(r.act(action.clone()).map(|_| ()), expected, "{action:?}");
    }
}

#[test]
fn unit_points_have_their_own_account_statement_and_reversal() {
    let mut r = Replica::new(1);
    let unit = r.register_unit("农业银行东城支行", UnitKind::DualRegistered);
    let wang = r.register("王小明");
    r.act(common::award(wang, 3, "扫雪")).unwrap();
    let award = EntryId(r.act(unit_points(unit, 8, "双报到服务", true)).unwrap().id);
    r.act(unit_points(unit, 2, "考评调整", false)).unwrap();
    r.act(Action::ReverseEntry {
        entry: award,
        reason: "录错单位".into(),
    })
    .unwrap();
    let state = r.journal.state();
    let ledger = state.ledger();
    assert_eq!(state.unit_balance(unit), Points::whole(-2));
    assert_eq!(state.balance(wang), Points::whole(3));
    assert_eq!(ledger.balance(Account::Pool), Points::whole(-1));
    let kinds: Vec<_> = ledger
        .statement(Account::Unit(unit))
        .iter()
        .map(|l| (l.entry.kind.clone(), l.change, l.balance))
        .collect();
    assert_eq!(
        kinds,
        [
            (EntryKind::Award, Points::whole(8), Points::whole(8)),
            (EntryKind::Deduction, Points::whole(-2), Points::whole(6)),
            (
                EntryKind::Reversal { of: award },
                Points::whole(-8),
                Points::whole(-2)
            ),
        ]
    );
}

#[test]
fn a_volunteer_may_report_from_a_known_unit() {
    let mut r = Replica::new(1);
    let bank = r.register_unit("农业银行东城支行", UnitKind::DualRegistered);
    let stranger = UnitId(id(9, 9));
    let with_unit = |unit| VolunteerProfile {
        unit: Some(unit),
        party_member: true,
        ..profile("王小明")
    };
    let wang = r
        .act(Action::RegisterVolunteer {
            profile: Box::new(with_unit(bank)),
        })
        .map(|e| linli::domain::VolunteerId(e.id))
        .unwrap();
    assert_eq!(
        r.journal.state().volunteer(wang).unwrap().profile.unit,
        Some(bank)
    );
    assert_eq!(
        r.act(Action::RegisterVolunteer {
            profile: Box::new(with_unit(stranger))
        })
        .map(|_| ()),
        Err(DomainError::UnknownUnit(stranger))
    );
    assert_eq!(
        r.act(Action::UpdateVolunteer {
            volunteer: wang,
            profile: Box::new(with_unit(stranger))
        })
        .map(|_| ()),
        Err(DomainError::UnknownUnit(stranger))
    );
}

#[test]
fn a_unit_and_its_volunteers_are_stored_with_readable_tags() {
    let unit: UnitId = "a-1".parse().unwrap();
    let action = Action::RegisterUnit {
        profile: Box::new(UnitProfile {
            phone: "13812341234".into(),
            ..unit_profile("老王理发店", UnitKind::Merchant)
        }),
    };
    assert_eq!(
        serde_json::to_string(&linli::store::tagged::Tagged(&action)).unwrap(),
        r#"{"t":"register_unit","profile":{"kind":"merchant","name":"老王理发店","phone":"13812341234"}}"#
    );
    let volunteer = VolunteerProfile {
        unit: Some(unit),
        ..profile("王小明")
    };
    let json = serde_json::to_string(&volunteer).unwrap();
    assert!(json.ends_with(r#""unit":"a-1"}"#), "{json}");
    // Profiles stored before units existed still read, without a unit.
    let old: VolunteerProfile = serde_json::from_str(r#"{"name":"王小明"}"#).unwrap();
    assert_eq!(old.unit, None);
}

#[test]
fn public_lists_mask_a_units_contact() {
    let profile = UnitProfile {
        contact: "王建国".into(),
        phone: "13812341234".into(),
        ..unit_profile("老王理发店", UnitKind::Merchant)
    };
    assert_eq!(mask_name(&profile.contact), "王*国");
    assert_eq!(mask_phone(&profile.phone), "138****1234");
}

#[test]
fn units_fold_the_same_in_any_order() {
    let mut a = Replica::new(0xa);
    let unit = a.register_unit("农业银行东城支行", UnitKind::DualRegistered);
    a.act(unit_points(unit, 8, "双报到服务", true)).unwrap();
    let mut b = Replica::new(0xb);
    b.sync_from(&a);
    b.act(unit_points(unit, 8, "考评调整", false)).unwrap();
    a.act(unit_points(unit, 1, "共建", true)).unwrap();
    let events: Vec<_> = a
        .journal
        .events()
        .chain(b.journal.events())
        .cloned()
        .collect();
    let mut forward = Journal::default();
    forward.merge(events.iter().cloned());
    let mut backward = Journal::default();
    for event in events.iter().rev() {
        backward.merge([event.clone()]);
    }
    assert_eq!(forward.state(), backward.state());
    assert_eq!(forward.state().unit_balance(unit), Points::whole(1));
}

#[test]
fn a_participant_is_named_in_full_whether_a_volunteer_or_a_unit() {
    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    let shop = r.register_unit("老王理发店", UnitKind::Merchant);
    let state = r.journal.state();
    assert_eq!(
        state.participant_name(Participant::Volunteer(wang)),
        Some("王小明")
    );
    assert_eq!(
        state.participant_name(Participant::Unit(shop)),
        Some("老王理发店")
    );
    assert_eq!(
        state.participant_name(Participant::Unit(UnitId(id(9, 9)))),
        None
    );
}
