//! A QR code drawn as inline SVG (the `qrcode` crate), with its text for screen readers.

use qrcode::QrCode;
use qrcode::render::svg;
use yew::prelude::*;

use crate::ui::i18n::T;
use crate::ui::session::use_app;

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub text: AttrValue,
    /// What the code is, for people who cannot see it.
    pub label: AttrValue,
}

#[component]
pub fn Qr(props: &QrProps) -> Html {
    let lang = use_app().lang();
    let svg = match QrCode::new(props.text.as_bytes()) {
        Ok(code) => code
            .render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
        // Too long for the largest code: say so, never draw nothing without a word.
        Err(_) => {
            return html! { <p class="ll-hint" role="note">{ lang.t(T::QrTooLong) }</p> };
        }
    };
    // The SVG is made here from our own text, never from user-supplied markup.
    html! {
        <div class="ll-qr" role="img" aria-label={props.label.clone()}>
            { Html::from_html_unchecked(AttrValue::from(svg)) }
        </div>
    }
}
