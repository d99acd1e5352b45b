//! 积分超市: perks that merchants sponsor. A volunteer redeems one for points and gets a
//! voucher; when they cannot, the page says why. Organizers add and withdraw perks.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::calendar::{china_clock, from_china_clock};
use crate::domain::perk::{Perk, PerkOffer, PerkPhase};
use crate::domain::{Action, DomainError, Field, Points, State, Timestamp, VolunteerId, mask_name};
use crate::ui::components::confirm::{Confirm, ReasonForm};
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::form::{self, FieldId, ProblemSummary, Problems, Reader};
use crate::ui::format::{date_time, datetime_local};
use crate::ui::i18n::{Lang, T, domain_error_text};
use crate::ui::routes::Route;
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
    let my_name = me
        .and_then(|id| state.volunteer(id))
        .map(|v| mask_name(&v.profile.name))
        .unwrap_or_default();
    let mut perks: Vec<&Perk> = state.perks().collect();
    perks.sort_by_key(|p| (p.phase(wall) != PerkPhase::Open, p.offer.cost, p.id));
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Shop) }</h2>
            <p class="ll-hint">{ lang.t(T::ShopHint) }</p>
            if let Some(me) = me {
                <p class="ll-card ll-balance">
                    <span class="ll-label" data-testid="shop-whose">{ lang.f(T::WhosePoints, &[&my_name]) }</span>
                    <strong class="ll-big" data-testid="shop-available">{ state.available(me, wall).to_string() }</strong>
                </p>
            } else {
                <p class="ll-card">
                    { lang.t(T::ChooseMeToRedeem) }{ " " }
                    <Link<Route> to={Route::Me} classes="ll-link">{ lang.t(T::TabMe) }</Link<Route>>
                </p>
            }
            if session.organizer() {
                <PerkForm />
            }
            if perks.is_empty() {
                <p class="ll-empty">{ lang.t(T::NoPerks) }</p>
            } else {
                <ul class="ll-list" aria-label={lang.t(T::Shop)}>
                    { for perks.into_iter().map(|perk| perk_card(&app, lang, state, perk, me, wall, session.organizer())) }
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
                let on_yes = Callback::from(move |()| redeem_now(&app, redeem.clone()));
                let name = state
                    .volunteer(volunteer)
                    .map(|v| mask_name(&v.profile.name))
                    .unwrap_or_default();
                let left = Points(state.available(volunteer, wall).0 - offer.cost.0);
                let question = lang.f(T::RedeemQuestion, &[&name, &offer.cost, &offer.title, &left]);
                html! {
                    <Confirm label={lang.t(T::Redeem)} {question} yes={lang.t(T::ConfirmRedeem)} {on_yes} />
                }
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
                <ReasonForm id={format!("withdraw-{}", perk.id)} title={lang.t(T::WithdrawPerk)} field={lang.t(T::WithdrawReason)}
                    class="ll-inline-form"
                    question={lang.f(T::WithdrawPerkQuestion, &[&offer.title, &perk.left()])} yes={lang.t(T::ConfirmWithdrawPerk)}
                    make={{ let perk = perk.id; Callback::from(move |reason| Action::WithdrawPerk { perk, reason }) }} />
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
    fn offer(&self, lang: Lang) -> Result<PerkOffer, Problems> {
        let mut r = Reader::new(lang);
        let title = r.required(PERK_TITLE, T::PerkTitle, &self.title);
        let description = r.text(&self.description);
        let cost = r.points(PERK_COST, T::Cost, &self.cost);
        let stock = r.number(PERK_STOCK, T::Stock, &self.stock);
        let per_person = r.optional_number(PERK_PER_PERSON, T::PerPerson, &self.per_person);
        let valid_from = r.time(PERK_FROM, T::ValidFrom, &self.from);
        let valid_until = r.time(PERK_UNTIL, T::ValidUntil, &self.until);
        r.after(
            PERK_UNTIL,
            valid_from,
            valid_until,
            T::ErrValidUntilNotAfterFrom,
        );
        let hours = r
            .optional_points(PERK_MIN_HOURS, T::MinHours, &self.min_hours)
            .unwrap_or(Points::ZERO);
        r.finish(PerkOffer {
            sponsor: self.sponsor.parse().ok(),
            title,
            description,
            cost,
            stock,
            per_person,
            valid_from,
            valid_until,
            min_service_minutes: u32::try_from(hours.0 * 60 / 100).unwrap_or(u32::MAX),
        })
    }
}

const PERK_TITLE: FieldId = "perk-title";
const PERK_DESCRIPTION: FieldId = "perk-description";
const PERK_COST: FieldId = "perk-cost";
const PERK_STOCK: FieldId = "perk-stock";
const PERK_PER_PERSON: FieldId = "perk-per-person";
const PERK_FROM: FieldId = "perk-from";
const PERK_UNTIL: FieldId = "perk-until";
const PERK_MIN_HOURS: FieldId = "perk-min-hours";

/// Where the domain's refusal of an offer belongs.
fn field_of(error: &DomainError) -> Option<FieldId> {
    Some(match error {
        DomainError::Required(Field::PerkTitle)
        | DomainError::TooLong {
            field: Field::PerkTitle,
            ..
        } => PERK_TITLE,
        DomainError::TooLong {
            field: Field::Description,
            ..
        } => PERK_DESCRIPTION,
        DomainError::PerkCostOutOfRange { .. } => PERK_COST,
        DomainError::StockOutOfRange { .. } => PERK_STOCK,
        DomainError::PerPersonOutOfRange { .. } => PERK_PER_PERSON,
        DomainError::ValidUntilNotAfterFrom => PERK_UNTIL,
        DomainError::MinServiceOutOfRange { .. } => PERK_MIN_HOURS,
        _ => return None,
    })
}

/// 上架礼遇: the organizer's form, kept open under the list.
#[component]
fn PerkForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let draft = use_state(|| {
        let wall = now();
        // Valid from now for three months, to the end of that day.
        let (y, m, d, _, _) = china_clock(Timestamp(wall.0 + 90 * Timestamp::DAY));
        let until =
            from_china_clock(y, m, d, 23, 59).unwrap_or(Timestamp(wall.0 + 90 * Timestamp::DAY));
        PerkDraft {
            stock: "10".into(),
            from: datetime_local(Timestamp(wall.0 / 60_000 * 60_000)),
            until: datetime_local(until),
            min_hours: "0".into(),
            ..PerkDraft::default()
        }
    });
    let problems = use_state(Problems::default);
    let set = |update: fn(&mut PerkDraft, String)| draft_setter(&draft, update);
    let submit = {
        let (app, draft, problems) = (app.clone(), draft.clone(), problems.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let offer = draft.offer(lang);
            let title = offer.as_ref().map(|o| o.title.clone()).unwrap_or_default();
            let action = offer.map(|offer| Action::CreatePerk {
                offer: Box::new(offer),
            });
            if form::submit(&app, &problems, e.target(), action, field_of).is_some() {
                app.notify(false, lang.f(T::PerkAdded, &[&title]));
                draft.set(PerkDraft {
                    title: String::new(),
                    description: String::new(),
                    ..(*draft).clone()
                });
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
    let p = &*problems;
    html! {
        <Disclosure label={lang.t(T::NewPerk)}>
            <form class="ll-inline-form" onsubmit={submit} aria-label={lang.t(T::NewPerk)} novalidate=true>
                <p class="ll-hint">{ lang.t(T::RequiredHint) }</p>
                <Select id="perk-sponsor" label={lang.t(T::Sponsor)} options={sponsors} selected={AttrValue::from(d.sponsor.clone())} onchange={set(|d, v| d.sponsor = v)} />
                <TextField id={PERK_TITLE} required=true label={lang.t(T::PerkTitle)} value={d.title.clone()} error={p.of(PERK_TITLE)} oninput={set(|d, v| d.title = v)} />
                <TextField id={PERK_DESCRIPTION} multiline=true label={lang.t(T::PerkDescription)} value={d.description.clone()} error={p.of(PERK_DESCRIPTION)} oninput={set(|d, v| d.description = v)} />
                <div class="ll-row">
                    <TextField id={PERK_COST} required=true inputmode="decimal" label={lang.t(T::Cost)} value={d.cost.clone()} error={p.of(PERK_COST)} oninput={set(|d, v| d.cost = v)} />
                    <TextField id={PERK_STOCK} required=true inputmode="numeric" label={lang.t(T::Stock)} value={d.stock.clone()} error={p.of(PERK_STOCK)} oninput={set(|d, v| d.stock = v)} />
                </div>
                <TextField id={PERK_PER_PERSON} inputmode="numeric" label={lang.t(T::PerPerson)} value={d.per_person.clone()} error={p.of(PERK_PER_PERSON)} oninput={set(|d, v| d.per_person = v)} />
                <TextField id={PERK_FROM} required=true kind="datetime-local" label={lang.t(T::ValidFrom)} value={d.from.clone()} error={p.of(PERK_FROM)} oninput={set(|d, v| d.from = v)} />
                <TextField id={PERK_UNTIL} required=true kind="datetime-local" label={lang.t(T::ValidUntil)} value={d.until.clone()} error={p.of(PERK_UNTIL)} oninput={set(|d, v| d.until = v)} />
                <TextField id={PERK_MIN_HOURS} inputmode="decimal" label={lang.t(T::MinHours)} value={d.min_hours.clone()} error={p.of(PERK_MIN_HOURS)} oninput={set(|d, v| d.min_hours = v)} />
                <ProblemSummary problems={p.clone()} />
                <button type="submit" class="ll-button">{ lang.t(T::NewPerk) }</button>
            </form>
        </Disclosure>
    }
}
