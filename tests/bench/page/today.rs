//! Today's part of the dataset, written at the real time through the real store (on
//! the organizer's device, whose key signs without a PIN): a volunteer who is "me" on
//! this device, activities open for sign-up and published wishes, one of each for
//! every append to be timed.

use js_sys::{Array, Object, Reflect};
use linli::domain::{
    Action, ActivityPlan, BeneficiaryKind, Points, PointsRule, Timestamp, VolunteerProfile,
    WishCategory, WishPlan, WishPolicy,
};
use linli::store::local::LocalStorageBackend;
use linli::store::prefs::{self, LoadedPrefs, Prefs};
use linli::store::{Namespace, Store, random};
use wasm_bindgen::prelude::*;

fn error(text: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&text.to_string()).into()
}

fn wall() -> Timestamp {
    Timestamp(js_sys::Date::now().max(0.0) as u64)
}

/// Writes today's events under `ns` and chooses "me": returns `{me, activities,
/// wishes}` (ids as text), `count` of each.
#[wasm_bindgen(js_name = prepareToday)]
pub fn prepare_today(ns: &str, count: u32) -> Result<JsValue, JsValue> {
    let namespace = Namespace::new(ns).ok_or_else(|| error("bad namespace"))?;
    let backend = LocalStorageBackend::open().map_err(error)?;
    let mut store = Store::open(backend.clone(), namespace, random);
    if !store.can_sign() {
        return Err(error("the device cannot sign: write the dataset first"));
    }
    let mut act = |action: Action| {
        store
            .act(action, wall())
            .map(|acted| acted.event.id)
            .map_err(error)
    };
    let me = act(Action::RegisterVolunteer {
        profile: Box::new(VolunteerProfile {
            name: "测试员".to_owned(),
            number: "BENCH-0001".to_owned(),
            ..VolunteerProfile::default()
        }),
    })?;
    // Room for every claim the bench makes.
    act(Action::SetWishPolicy {
        policy: WishPolicy {
            open_claims_per_volunteer: 99,
            ..WishPolicy::default()
        },
    })?;
    let now = wall().0;
    let activities = Array::new();
    let wishes = Array::new();
    for k in 0..u64::from(count) {
        // 10:00 China time (02:00 UTC) on a day of its own from the day after tomorrow.
        let start = (now / Timestamp::DAY + 2 + k) * Timestamp::DAY + 2 * Timestamp::HOUR;
        let plan = ActivityPlan {
            title: format!("基准测试活动{k}"),
            category: "测试".to_owned(),
            place: "社区活动室".to_owned(),
            details: String::new(),
            start: Timestamp(start),
            end: Timestamp(start + 2 * Timestamp::HOUR),
            capacity: 50,
            signup_opens: Timestamp(now - Timestamp::HOUR),
            signup_closes: Timestamp(start - 12 * Timestamp::HOUR),
            cancel_deadline: Timestamp(start - Timestamp::DAY),
            rule: PointsRule::PerHour {
                points_per_hour: Points::whole(1),
                cap_minutes: None,
            },
            roles: Vec::new(),
            presence_percent: 60,
            no_show_limit: 3,
        };
        activities.push(
            &act(Action::CreateActivity {
                plan: Box::new(plan),
            })?
            .to_string()
            .into(),
        );
        let plan = WishPlan {
            alias: "独居老人 王奶奶".to_owned(),
            beneficiary: BeneficiaryKind::ElderlyAlone,
            category: WishCategory::Goods,
            title: format!("基准测试心愿{k}"),
            value_yuan: 50,
            wanted_by: Timestamp(now + 30 * Timestamp::DAY),
            ..WishPlan::default()
        };
        let wish = act(Action::PostWish {
            plan: Box::new(plan),
            resident_of: None,
        })?;
        act(Action::PublishWish {
            wish: linli::domain::WishId(wish),
        })?;
        wishes.push(&wish.to_string().into());
    }
    let loaded = LoadedPrefs {
        prefs: Prefs {
            me: Some(linli::domain::VolunteerId(me)),
            lang: Some("zh-CN".to_owned()),
            ..Prefs::default()
        },
        unreadable: false,
    };
    prefs::save(&backend, ns, &loaded).map_err(error)?;
    let out = Object::new();
    let _ = Reflect::set(&out, &"me".into(), &me.to_string().into());
    let _ = Reflect::set(&out, &"activities".into(), &activities);
    let _ = Reflect::set(&out, &"wishes".into(), &wishes);
    Ok(out.into())
}
