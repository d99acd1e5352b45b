//! A QR code drawn as inline SVG (the `qrcode` crate), with its text for screen readers.

use qrcode::QrCode;
use qrcode::render::svg;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub text: AttrValue,
    /// What the code is, for people who cannot see it.
    pub label: AttrValue,
}

#[component]
pub fn Qr(props: &QrProps) -> Html {
    let svg = match QrCode::new(props.text.as_bytes()) {
        Ok(code) => code
            .render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
        Err(_) => return html! {},
    };
    // The SVG is made here from our own text, never from user-supplied markup.
    html! {
        <div class="ll-qr" role="img" aria-label={props.label.clone()}>
            { Html::from_html_unchecked(AttrValue::from(svg)) }
        </div>
    }
}
