//! A screen with nothing on it yet, saying so plainly.

use yew::prelude::*;

use crate::ui::i18n::T;
use crate::ui::session::use_app;

#[derive(Properties, PartialEq)]
pub struct EmptyProps {
    pub title: T,
    pub text: T,
}

#[component]
pub fn Empty(props: &EmptyProps) -> Html {
    let lang = use_app().lang();
    html! {
        <section class="ll-page">
            <h2>{ lang.t(props.title) }</h2>
            <p class="ll-empty">{ lang.t(props.text) }</p>
        </section>
    }
}

/// The screen of an address the app has no screen for.
pub fn not_found() -> Html {
    html! { <Empty title={T::AppName} text={T::NotFound} /> }
}
