//! 积分超市: perks that merchants sponsor. A volunteer redeems one for points and gets a
//! voucher; when they cannot, the page says why. Organizers add and withdraw perks.

use yew::prelude::*;

use crate::domain::perk::{Perk, PerkOffer, PerkPhase};
use crate::domain::{Action, PerkId, Points, State, Timestamp, VolunteerId};
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::format::{date_time, datetime_local, parse_datetime_local};
use crate::ui::i18n::{Lang, T, domain_error_text};
use crate::ui::session::{App, now, use_app};
use crate::ui::words::perk::{phase_text, sponsor_name};

#[component]
pub fn Shop() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let wall = now();
    let me = session
        .prefs
        .prefs
        .me
        .filter(|v| state.volunteer(*v).is_some());
    let mut perks: Vec<&Perk> = state.perks().collect();
    perks.sort_by_key(|p| (p.phase(wall) != PerkPhase::Open, p.offer.cost, p.id));
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Shop) }</h2>
            <p class="ll-hint">{ lang.t(T::ShopHint) }</p>
            if let Some(me) = me {
                <p class="ll-card ll-balance">
                    <span class="ll-label">{ lang.t(T::Available) }</span>
                    <strong class="ll-big" data-testid="shop-available">{ state.available(me, wall).to_string() }</strong>
                </p>
            }
            if session.organizer {
                <PerkForm />
            }
            if perks.is_empty() {
                <p class="ll-empty">{ lang.t(T::NoPerks) }</p>
            } else {
                <ul class="ll-list" aria-label={lang.t(T::Shop)}>
                    { for perks.into_iter().map(|perk| perk_card(&app, lang, state, perk, me, wall, session.organizer)) }
                </ul>
            }
        </section>
    }
}

fn perk_card(
    app: &App,
    lang: Lang,
    state: &State,
    perk: &Perk,
    me: Option<VolunteerId>,
    wall: Timestamp,
    organizer: bool,
) -> Html {
    let offer = &perk.offer;
    let action = me.map(|volunteer| {
        let redeem = Action::Redeem {
            perk: perk.id,
            volunteer,
        };
        match state.check_new(&redeem, wall) {
            Ok(()) => {
                let app = app.clone();
                let onclick = Callback::from(move |_| redeem_now(&app, redeem.clone()));
                html! { <button class="ll-button" {onclick}>{ lang.t(T::Redeem) }</button> }
            }
            Err(why) => {
                html! { <p class="ll-reason-why" role="note">{ domain_error_text(lang, &why) }</p> }
            }
        }
    });
    html! {
        <li class="ll-line" key={perk.id.to_string()} aria-label={offer.title.clone()}>
            <div class="ll-line-main">
                <strong class="ll-reason">{ offer.title.clone() }</strong>
                <span class="ll-change">{ lang.f(T::PerkCost, &[&offer.cost]) }</span>
            </div>
            if !offer.description.is_empty() { <p>{ offer.description.clone() }</p> }
            <div class="ll-line-meta">
                <span class="ll-tag">{ lang.t(phase_text(perk.phase(wall))) }</span>
                <span>{ sponsor_name(lang, state, offer.sponsor) }</span>
                <span>{ lang.f(T::PerkLeft, &[&perk.left(), &offer.stock]) }</span>
                <span>{ lang.t(T::ValidUntil) }{ " " }{ date_time(offer.valid_until) }</span>
            </div>
            { for action }
            if organizer && !perk.is_withdrawn() {
                <WithdrawPerk perk={perk.id} />
            }
        </li>
    }
}

fn redeem_now(app: &App, redeem: Action) {
    let Some(event) = app.act(redeem) else {
        return;
    };
    let code = {
        let session = app.session();
        session
            .store
            .journal()
            .state()
            .voucher(crate::domain::VoucherId(event.id))
            .map(|v| v.code.to_string())
    };
    if let Some(code) = code {
        app.notify(false, app.lang().f(T::Redeemed, &[&code]));
    }
}

#[derive(Properties, PartialEq)]
struct WithdrawProps {
    perk: PerkId,
}

#[component]
fn WithdrawPerk(props: &WithdrawProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let reason = use_state(String::new);
    let submit = {
        let (app, reason, perk) = (app.clone(), reason.clone(), props.perk);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            app.act(Action::WithdrawPerk {
                perk,
                reason: reason.trim().to_owned(),
            });
        })
    };
    html! {
        <form class="ll-inline-form" onsubmit={submit}>
            <TextField id={format!("withdraw-{}", props.perk)} label={lang.t(T::WithdrawReason)} value={(*reason).clone()}
                oninput={{ let reason = reason.clone(); Callback::from(move |v| reason.set(v)) }} />
            <button type="submit" class="ll-button ll-secondary">{ lang.t(T::WithdrawPerk) }</button>
        </form>
    }
}

#[derive(Clone, Default, PartialEq)]
struct PerkDraft {
    sponsor: String,
    title: String,
    description: String,
    cost: String,
    stock: String,
    per_person: String,
    from: String,
    until: String,
    min_hours: String,
}

impl PerkDraft {
    fn offer(&self, lang: Lang) -> Result<PerkOffer, String> {
        let number = |text: &str, label: T| {
            text.trim()
                .parse::<u32>()
                .map_err(|_| lang.f(T::BadNumber, &[&lang.t(label)]))
        };
        let time = |text: &str, label: T| {
            parse_datetime_local(text).ok_or_else(|| lang.f(T::BadTime, &[&lang.t(label)]))
        };
        let hours: Points = match self.min_hours.trim() {
            "" => Points::ZERO,
            text => text
                .parse()
                .map_err(|_| lang.f(T::BadNumber, &[&lang.t(T::MinHours)]))?,
        };
        Ok(PerkOffer {
            sponsor: self.sponsor.parse().ok(),
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            cost: self
                .cost
                .parse()
                .map_err(|_| lang.t(T::InvalidPoints).to_owned())?,
            stock: number(&self.stock, T::Stock)?,
            per_person: match self.per_person.trim() {
                "" => None,
                text => Some(number(text, T::PerPerson)?),
            },
            valid_from: time(&self.from, T::ValidFrom)?,
            valid_until: time(&self.until, T::ValidUntil)?,
            min_service_minutes: u32::try_from(hours.0 * 60 / 100).unwrap_or(u32::MAX),
        })
    }
}

/// 上架礼遇: the organizer's form, kept open under the list.
#[component]
fn PerkForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let draft = use_state(|| {
        let wall = now();
        PerkDraft {
            stock: "10".into(),
            from: datetime_local(Timestamp(wall.0 / 60_000 * 60_000)),
            until: datetime_local(Timestamp(wall.0 / 60_000 * 60_000 + 90 * Timestamp::DAY)),
            min_hours: "0".into(),
            ..PerkDraft::default()
        }
    });
    let set = |update: fn(&mut PerkDraft, String)| draft_setter(&draft, update);
    let submit = {
        let (app, draft) = (app.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            match draft.offer(lang) {
                Err(why) => app.notify(true, why),
                Ok(offer) => {
                    let title = offer.title.clone();
                    if app
                        .act(Action::CreatePerk {
                            offer: Box::new(offer),
                        })
                        .is_some()
                    {
                        app.notify(false, lang.f(T::PerkAdded, &[&title]));
                        draft.set(PerkDraft {
                            title: String::new(),
                            description: String::new(),
                            ..(*draft).clone()
                        });
                    }
                }
            }
        })
    };
    let sponsors = {
        let session = app.session();
        let mut options = vec![(
            AttrValue::Static(""),
            AttrValue::from(lang.t(T::CommunitySponsor)),
        )];
        options.extend(session.store.journal().state().units().map(|u| {
            (
                AttrValue::from(u.id.to_string()),
                AttrValue::from(u.profile.name.clone()),
            )
        }));
        options
    };
    let d = &*draft;
    html! {
        <Disclosure label={lang.t(T::NewPerk)}>
            <form class="ll-inline-form" onsubmit={submit} aria-label={lang.t(T::NewPerk)}>
                <Select id="perk-sponsor" label={lang.t(T::Sponsor)} options={sponsors} selected={AttrValue::from(d.sponsor.clone())} onchange={set(|d, v| d.sponsor = v)} />
                <TextField id="perk-title" label={lang.t(T::PerkTitle)} value={d.title.clone()} oninput={set(|d, v| d.title = v)} />
                <TextField id="perk-description" label={lang.t(T::PerkDescription)} value={d.description.clone()} oninput={set(|d, v| d.description = v)} />
                <div class="ll-row">
                    <TextField id="perk-cost" inputmode="decimal" label={lang.t(T::Cost)} value={d.cost.clone()} oninput={set(|d, v| d.cost = v)} />
                    <TextField id="perk-stock" inputmode="numeric" label={lang.t(T::Stock)} value={d.stock.clone()} oninput={set(|d, v| d.stock = v)} />
                </div>
                <TextField id="perk-per-person" inputmode="numeric" label={lang.t(T::PerPerson)} value={d.per_person.clone()} oninput={set(|d, v| d.per_person = v)} />
                <TextField id="perk-from" kind="datetime-local" label={lang.t(T::ValidFrom)} value={d.from.clone()} oninput={set(|d, v| d.from = v)} />
                <TextField id="perk-until" kind="datetime-local" label={lang.t(T::ValidUntil)} value={d.until.clone()} oninput={set(|d, v| d.until = v)} />
                <TextField id="perk-min-hours" inputmode="decimal" label={lang.t(T::MinHours)} value={d.min_hours.clone()} oninput={set(|d, v| d.min_hours = v)} />
                <button type="submit" class="ll-button">{ lang.t(T::NewPerk) }</button>
            </form>
        </Disclosure>
    }
}
