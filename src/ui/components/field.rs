//! Labelled form fields: a visible label tied to its input, large enough to tap.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A callback that sets one field of a form's draft from what was typed: every form
/// keeps its fields in one `use_state` and updates them through this.
pub fn draft_setter<D: Clone + 'static>(
    draft: &UseStateHandle<D>,
    update: fn(&mut D, String),
) -> Callback<String> {
    let draft = draft.clone();
    Callback::from(move |value: String| {
        let mut next = (*draft).clone();
        update(&mut next, value);
        draft.set(next);
    })
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
}

/// One line of text, with its label above it.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                cb.emit(input.value());
            }
        })
    };
    html! {
        <div class="ll-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type={props.kind.clone()}
                inputmode={props.inputmode.clone()}
                autocomplete={props.autocomplete.clone().unwrap_or(AttrValue::Static("off"))}
                required={props.required}
                value={props.value.clone()}
                {oninput}
            />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub onchange: Callback<bool>,
}

#[component]
pub fn Checkbox(props: &CheckboxProps) -> Html {
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                cb.emit(input.checked());
            }
        })
    };
    html! {
        <div class="ll-field ll-check">
            <input id={props.id.clone()} type="checkbox" checked={props.checked} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, text) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub selected: AttrValue,
    pub onchange: Callback<String>,
}

#[component]
pub fn Select(props: &SelectProps) -> Html {
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            {
                cb.emit(select.value());
            }
        })
    };
    html! {
        <div class="ll-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange}>
                { for props.options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == props.selected}>{ text.clone() }</option>
                }) }
            </select>
        </div>
    }
}
