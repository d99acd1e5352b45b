//! Labelled form fields: a visible label tied to its input, large enough to tap.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
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

/// A callback that sets a text state from what was typed (a form of a few fields,
/// each in its own `use_state`).
pub fn setter(state: &UseStateHandle<String>) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |value: String| state.set(value))
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
    /// Marked with * and `aria-required`. Not the browser's own `required`: the form
    /// lists every problem itself, beside each field, in the person's language.
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// What is wrong with the value, shown under the field and read with it.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Several lines (a `<textarea>`).
    #[prop_or_default]
    pub multiline: bool,
    /// A hint under the label, read with the field.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A label with the required mark.
pub fn label_text(label: &AttrValue, required: bool) -> Html {
    html! { <>
        { label.clone() }
        if required { <span class="ll-required" aria-hidden="true">{ " *" }</span> }
    </> }
}

/// One line (or several) of text, with its label above it and any problem below it.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            let target = e.target();
            if let Some(input) = target
                .clone()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                cb.emit(input.value());
            } else if let Some(area) = target.and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                cb.emit(area.value());
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described: Vec<&str> = [
        props.hint.is_some().then_some(hint_id.as_str()),
        props.error.is_some().then_some(error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| AttrValue::from(described.join(" ")));
    let invalid = props.error.is_some().then_some(AttrValue::Static("true"));
    let required = props.required.then_some(AttrValue::Static("true"));
    let autocomplete = props
        .autocomplete
        .clone()
        .unwrap_or(AttrValue::Static("off"));
    html! {
        <div class={classes!("ll-field", props.error.is_some().then_some("ll-invalid"))}>
            <label for={props.id.clone()}>{ label_text(&props.label, props.required) }</label>
            if let Some(hint) = &props.hint {
                <span class="ll-field-hint" id={hint_id.clone()}>{ hint.clone() }</span>
            }
            if props.multiline {
                <textarea
                    id={props.id.clone()}
                    rows="3"
                    aria-required={required}
                    aria-invalid={invalid}
                    aria-describedby={described}
                    value={props.value.clone()}
                    {oninput}
                />
            } else {
                <input
                    id={props.id.clone()}
                    type={props.kind.clone()}
                    inputmode={props.inputmode.clone()}
                    {autocomplete}
                    aria-required={required}
                    aria-invalid={invalid}
                    aria-describedby={described}
                    value={props.value.clone()}
                    {oninput}
                />
            }
            if let Some(error) = &props.error {
                <p class="ll-field-error" id={error_id}>{ error.clone() }</p>
            }
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
