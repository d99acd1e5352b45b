//! 我的: who uses this device, their balance and statement.

use yew::prelude::*;

use crate::domain::card::card_text;
use crate::domain::{VolunteerId, mask_name, mask_phone};
use crate::ui::components::field::Select;
use crate::ui::components::qr::Qr;
use crate::ui::components::statement::Statement;
use crate::ui::i18n::T;
use crate::ui::session::use_app;

#[component]
pub fn Me() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let me = session
        .prefs
        .prefs
        .me
        .filter(|id| state.volunteer(*id).is_some());
    // The picker is seen by anyone holding the phone: masked names and phones only.
    let mut options = vec![(AttrValue::Static(""), AttrValue::from(lang.t(T::NotChosen)))];
    options.extend(state.volunteers().map(|v| {
        let label = format!(
            "{} {}",
            mask_name(&v.profile.name),
            mask_phone(&v.profile.phone)
        );
        (
            AttrValue::from(v.id.to_string()),
            AttrValue::from(label.trim().to_owned()),
        )
    }));
    let choose = {
        let app = app.clone();
        Callback::from(move |value: String| app.set_me(value.parse::<VolunteerId>().ok()))
    };
    let selected = me.map(|id| id.to_string()).unwrap_or_default();
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::WhoAmI) }</h2>
            <p class="ll-hint">{ lang.t(T::WhoAmIHint) }</p>
            <Select id="me-select" label={lang.t(T::ChooseMe)} options={options}
                selected={AttrValue::from(selected)} onchange={choose} />
            if let Some(id) = me {
                <div class="ll-card ll-balance" aria-live="polite">
                    <span class="ll-label">{ lang.t(T::Balance) }</span>
                    <strong class="ll-big" data-testid="my-balance">{ state.balance(id).to_string() }</strong>
                </div>
                <h3>{ lang.t(T::Statement) }</h3>
                <Statement volunteer={id} />
                <section class="ll-card ll-member-card" aria-label={lang.t(T::MyCard)}>
                    <h3>{ lang.t(T::MyCard) }</h3>
                    <Qr text={card_text(id)} label={lang.t(T::CardQr)} />
                    if let Some(v) = state.volunteer(id) {
                        <p class="ll-card-name">
                            { mask_name(&v.profile.name) }
                            if !v.profile.number.is_empty() { { " · " }{ v.profile.number.clone() } }
                        </p>
                    }
                    <p class="ll-hint">{ lang.t(T::MyCardHint) }</p>
                </section>
            }
        </section>
    }
}
