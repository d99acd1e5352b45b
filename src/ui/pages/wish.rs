//! One wish: what is wished and for whom (an alias only), its phase; for me the button
//! that applies (claim, fulfilled, give up) or why none does; for organizers the private
//! note, review, confirmation with a thank-you note, cancelling, and suggested helpers
//! with their reasons.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::{
    Action, ClaimStatus, Claimant, State, VolunteerId, Wish, WishId, WishPhase, mask_name,
    suggest_claimants,
};
use crate::ui::components::confirm::{Confirm, ReasonForm};
use crate::ui::components::field::TextField;
use crate::ui::format::date_time;
use crate::ui::i18n::{Lang, T, domain_error_text};
use crate::ui::routes::Route;
use crate::ui::session::{App, now, use_app};
use crate::ui::words::wish::{category_text, kind_text, phase_text, reason_text};

/// A unit's name in full; a volunteer's masked unless `full`.
fn claimant_name(state: &State, who: Claimant, full: bool) -> String {
    let name = state.participant_name(who).unwrap_or_default();
    match who {
        Claimant::Volunteer(_) if !full => mask_name(name),
        _ => name.to_owned(),
    }
}

#[derive(Properties, PartialEq)]
pub struct WishProps {
    pub id: WishId,
}

#[component]
pub fn WishPage(props: &WishProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let Some(wish) = state.wish(props.id) else {
        return html! { <section class="ll-page"><p class="ll-empty">{ lang.t(T::NotFound) }</p></section> };
    };
    let wall = now();
    let plan = &wish.plan;
    let phase = wish.phase(wall);
    let organizer = session.organizer();
    let me = session
        .prefs
        .prefs
        .me
        .filter(|v| state.volunteer(*v).is_some());
    // The alias usually starts with the kind (独居老人 王奶奶): say the kind only when
    // it does not.
    let kind = kind_text(plan.beneficiary);
    let beneficiary = if plan.alias.contains(kind.zh()) || plan.alias.contains(lang.t(kind)) {
        plan.alias.clone()
    } else {
        format!("{} · {}", plan.alias, lang.t(kind))
    };
    let holder = wish
        .holder(wall)
        .map(|c| claimant_name(state, c.claimant, organizer));
    html! {
        <section class="ll-page">
            <Link<Route> to={Route::Wishes} classes="ll-link">{ "‹ " }{ lang.t(T::Back) }</Link<Route>>
            <h2>{ plan.title.clone() }</h2>
            <p><span class="ll-tag">{ lang.t(phase_text(phase)) }</span>{ " " }
                if phase.is_open() { <span class="ll-muted">{ lang.f(T::DaysLeft, &[&wish.days_left(wall)]) }</span> }</p>
            <dl class="ll-details">
                <dt>{ lang.t(T::Beneficiary) }</dt><dd>{ beneficiary }</dd>
                <dt>{ lang.t(T::WishCategoryLabel) }</dt><dd>{ lang.t(category_text(plan.category)) }</dd>
                <dt>{ lang.t(T::WishValue) }</dt><dd>{ plan.value_yuan }</dd>
                <dt>{ lang.t(T::Grid) }</dt><dd>{ plan.grid.clone() }{ " " }{ plan.building.clone() }</dd>
                <dt>{ lang.t(T::WantedBy) }</dt><dd>{ date_time(plan.wanted_by) }</dd>
                if organizer {
                    <dt>{ lang.t(T::PrivateNote) }</dt><dd>{ plan.private_note.clone() }</dd>
                }
            </dl>
            if !plan.description.is_empty() { <p>{ plan.description.clone() }</p> }
            if let Some(name) = holder { <p>{ lang.f(T::ClaimedBy, &[&name]) }</p> }
            if let Some(thanks) = wish.confirmed.as_ref().map(|c| c.thanks.clone()).filter(|t| !t.is_empty()) {
                <p class="ll-card">{ lang.f(T::ThanksShown, &[&thanks]) }</p>
            }
            if let Some(me) = me {
                { my_part(&app, lang, state, wish, me) }
            }
            if organizer {
                { staff_part(&app, lang, state, wish, phase) }
            }
        </section>
    }
}

fn act_button(
    app: &App,
    lang: Lang,
    label: T,
    action: Action,
    done: T,
    style: &'static str,
) -> Html {
    let app = app.clone();
    let onclick = Callback::from(move |_| {
        if app.act(action.clone()).is_some() {
            app.notify(false, app.lang().t(done).to_owned());
        }
    });
    html! { <button class={classes!("ll-button", style)} {onclick}>{ lang.t(label) }</button> }
}

fn my_part(app: &App, lang: Lang, state: &State, wish: &Wish, me: VolunteerId) -> Html {
    let wall = now();
    let who = Claimant::Volunteer(me);
    let id = wish.id;
    if let Some(claim) = wish.claim_of(who) {
        match claim.status(wall) {
            ClaimStatus::Holding => {
                let fulfil = Action::FulfilWish {
                    wish: id,
                    claimant: who,
                };
                let release = Action::ReleaseWish {
                    wish: id,
                    claimant: who,
                };
                let my_name = state
                    .volunteer(me)
                    .map(|v| mask_name(&v.profile.name))
                    .unwrap_or_default();
                let on_release = {
                    let app = app.clone();
                    Callback::from(move |()| {
                        if app.act(release.clone()).is_some() {
                            app.notify(false, app.lang().t(T::Released).to_owned());
                        }
                    })
                };
                return html! {
                    <div class="ll-card">
                        <p>{ lang.f(T::Claimed, &[&date_time(claim.due)]) }</p>
                        { act_button(app, lang, T::FulfilWish, fulfil, T::Fulfilled, "ll-big-button") }
                        <Confirm label={lang.t(T::ReleaseWish)} class="ll-secondary" danger=true
                            question={lang.f(T::ReleaseQuestion, &[&my_name, &wish.plan.title])}
                            yes={lang.t(T::ConfirmRelease)} on_yes={on_release} />
                    </div>
                };
            }
            ClaimStatus::Lost { .. } => {
                return html! { <p class="ll-reason-why" role="note">{ lang.t(T::ClaimedByOther) }</p> };
            }
            ClaimStatus::Fulfilled { at } => {
                let text = if wish.confirmed.is_some() {
                    lang.t(T::YouLitIt).to_owned()
                } else {
                    lang.f(T::YouFulfilledIt, &[&date_time(at)])
                };
                return html! { <p class="ll-card" role="note">{ text }</p> };
            }
            _ => {}
        }
    }
    let claim = Action::ClaimWish {
        wish: id,
        claimant: who,
    };
    match state.check_new(&claim, wall) {
        Ok(()) => {
            let app = app.clone();
            let onclick = Callback::from(move |_| {
                if app.act(claim.clone()).is_some() {
                    let due = {
                        let session = app.session();
                        session
                            .store
                            .journal()
                            .state()
                            .wish(id)
                            .and_then(|w| w.claim_of(who))
                            .map(|c| c.due)
                    };
                    app.notify(
                        false,
                        app.lang()
                            .f(T::Claimed, &[&due.map(date_time).unwrap_or_default()]),
                    );
                }
            });
            html! { <button class="ll-button ll-big-button" {onclick}>{ lang.t(T::ClaimWish) }</button> }
        }
        Err(why) if wish.phase(wall) != WishPhase::Pending => {
            html! { <p class="ll-reason-why" role="note">{ domain_error_text(lang, &why) }</p> }
        }
        Err(_) => html! {},
    }
}

fn staff_part(app: &App, lang: Lang, state: &State, wish: &Wish, phase: WishPhase) -> Html {
    let id = wish.id;
    let wall = now();
    let can = |action: &Action| state.check_new(action, wall).is_ok();
    let publish = Action::PublishWish { wish: id };
    let close = Action::CloseWish { wish: id };
    let suggested: Vec<Html> = if phase.is_open() {
        suggest_claimants(state, id, wall)
            .into_iter()
            .take(5)
            .map(|s| html! {
                <li class="ll-row-item">
                    <strong>{ claimant_name(state, s.claimant, true) }</strong>
                    { for s.reasons.iter().map(|r| html! { <span class="ll-progress-chip">{ reason_text(lang, r) }</span> }) }
                </li>
            })
            .collect()
    } else {
        Vec::new()
    };
    html! {
        <>
            if can(&publish) { { act_button(app, lang, T::PublishWish, publish, T::PublishWish, "") } }
            if phase == WishPhase::Pending {
                <ReasonForm id="wish-reject-reason" title={lang.t(T::RejectWish)} field={lang.t(T::RejectReason)}
                    make={Callback::from(move |reason| Action::RejectWish { wish: id, reason })} />
            }
            if phase == WishPhase::Fulfilled { <ConfirmForm wish={id} /> }
            if !suggested.is_empty() {
                <h3>{ lang.t(T::SuggestedClaimants) }</h3>
                <ul class="ll-list" aria-label={lang.t(T::SuggestedClaimants)}>{ for suggested }</ul>
            }
            if can(&close) { { act_button(app, lang, T::CloseWish, close, T::WishPhaseClosed, "ll-secondary") } }
            if matches!(phase, WishPhase::Open | WishPhase::Reopened | WishPhase::Claimed) {
                <ReasonForm id="wish-cancel-reason" title={lang.t(T::CancelWish)} field={lang.t(T::CancelWishReason)}
                    question={lang.f(T::CancelWishQuestion, &[&wish.plan.title])} yes={lang.t(T::ConfirmCancelWish)}
                    make={Callback::from(move |reason| Action::CancelWish { wish: id, reason })} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ConfirmProps {
    wish: WishId,
}

/// Staff confirm on the resident's behalf, with an optional thank-you note.
#[component]
fn ConfirmForm(props: &ConfirmProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let thanks = use_state(String::new);
    let submit = {
        let (app, thanks, wish) = (app.clone(), thanks.clone(), props.wish);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if app
                .act(Action::ConfirmWish {
                    wish,
                    thanks: thanks.trim().to_owned(),
                })
                .is_some()
            {
                app.notify(false, app.lang().t(T::WishConfirmed).to_owned());
            }
        })
    };
    html! {
        <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::ConfirmWish)}>
            <TextField id="wish-thanks" label={lang.t(T::ThanksNote)} value={(*thanks).clone()}
                oninput={{ let thanks = thanks.clone(); Callback::from(move |v| thanks.set(v)) }} />
            <button type="submit" class="ll-button">{ lang.t(T::ConfirmWish) }</button>
        </form>
    }
}
