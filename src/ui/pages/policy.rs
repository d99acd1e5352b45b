//! 积分有效期: how long credited points stay spendable (黄山: 3 years), or forever.
//! A change applies to points credited after it; points already earned keep theirs.

use yew::prelude::*;

use crate::domain::Action;
use crate::domain::expiry::PointsPolicy;
use crate::ui::components::field::TextField;
use crate::ui::i18n::T;
use crate::ui::session::use_app;

#[component]
pub fn PolicyPanel() -> Html {
    let app = use_app();
    let lang = app.lang();
    let current: PointsPolicy = app.session().store.journal().state().points_policy();
    let days = use_state(|| {
        current
            .expiry_days
            .map(|d| d.to_string())
            .unwrap_or_default()
    });
    let submit = {
        let (app, days) = (app.clone(), days.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let expiry_days = match days.trim() {
                "" => None,
                text => match text.parse::<u32>() {
                    Ok(d) => Some(d),
                    Err(_) => {
                        return app.notify(true, lang.f(T::BadNumber, &[&lang.t(T::ExpiryDays)]));
                    }
                },
            };
            let policy = PointsPolicy { expiry_days };
            if app.act(Action::SetPointsPolicy { policy }).is_some() {
                app.notify(false, lang.t(T::PolicySaved).to_owned());
            }
        })
    };
    html! {
        <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::PointsPolicy)}>
            <h3>{ lang.t(T::PointsPolicy) }</h3>
            <TextField id="policy-days" inputmode="numeric" label={lang.t(T::ExpiryDays)} value={(*days).clone()}
                oninput={{ let days = days.clone(); Callback::from(move |v| days.set(v)) }} />
            <button type="submit" class="ll-button ll-secondary">{ lang.t(T::SavePolicy) }</button>
        </form>
    }
}
