//! Reading a form, the one way every form does it: each field's text is parsed into what
//! its action needs (times in China's time, whole numbers, points, lists), every problem
//! is kept beside its field at once (not only the first, not in a banner off screen),
//! and on submit the first field with a problem is focused, which scrolls it into view.
//!
//! A form's draft reads itself through a [`Reader`]; the submit handler gives the result
//! to [`submit`], which also checks the action against the state as the domain will and
//! puts a refusal beside the field it is about.

use std::str::FromStr;

use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement};
use yew::prelude::*;

use crate::domain::{Action, DomainError, Event, Points, Timestamp};
use crate::ui::format::parse_datetime_local;
use crate::ui::i18n::{Lang, T, domain_error_text};
use crate::ui::session::{App, now};

/// A field, by the id of its input.
pub type FieldId = &'static str;

/// What is wrong with a form: at most one message per field, in the order found (the
/// order of the fields on screen, as a draft reads them top to bottom).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problems(Vec<(String, String)>);

impl Problems {
    /// Notes a problem with `field`, unless it already has one.
    pub fn add(&mut self, field: impl Into<String>, text: impl Into<String>) {
        let field = field.into();
        if !self.0.iter().any(|(f, _)| *f == field) {
            self.0.push((field, text.into()));
        }
    }

    /// The message beside `field`, if it has one.
    pub fn of(&self, field: &str) -> Option<AttrValue> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, text)| AttrValue::from(text.clone()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn first(&self) -> Option<&str> {
        self.0.first().map(|(f, _)| f.as_str())
    }

    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, text)| text.as_str())
    }
}

/// Reads a draft's fields, collecting every problem. A field that cannot be read gives
/// a placeholder value; [`Reader::finish`] then returns the problems instead.
pub struct Reader {
    lang: Lang,
    problems: Problems,
}

impl Reader {
    pub fn new(lang: Lang) -> Reader {
        Reader {
            lang,
            problems: Problems::default(),
        }
    }

    pub fn problem(&mut self, field: impl Into<String>, text: impl Into<String>) {
        self.problems.add(field, text);
    }

    /// The text, trimmed.
    pub fn text(&mut self, text: &str) -> String {
        text.trim().to_owned()
    }

    /// The text, trimmed; blank is a problem.
    pub fn required(&mut self, field: impl Into<String>, label: T, text: &str) -> String {
        let text = text.trim();
        if text.is_empty() {
            let lang = self.lang;
            self.problem(field, lang.f(T::ErrRequired, &[&bare(lang, label)]));
        }
        text.to_owned()
    }

    /// A date and time in China's time; blank or unreadable is a problem.
    pub fn time(&mut self, field: impl Into<String>, label: T, text: &str) -> Timestamp {
        parse_datetime_local(text).unwrap_or_else(|| {
            let lang = self.lang;
            self.problem(field, lang.f(T::BadTime, &[&bare(lang, label)]));
            Timestamp(0)
        })
    }

    /// A whole number (digits only; full-width digits are read too).
    pub fn number<N: FromStr + Default>(
        &mut self,
        field: impl Into<String>,
        label: T,
        text: &str,
    ) -> N {
        half_width(text).parse().unwrap_or_else(|_| {
            let lang = self.lang;
            let key = if text.trim().is_empty() {
                T::ErrRequired
            } else {
                T::BadNumber
            };
            self.problem(field, lang.f(key, &[&bare(lang, label)]));
            N::default()
        })
    }

    /// A whole number, or `None` when left blank.
    pub fn optional_number<N: FromStr + Default>(
        &mut self,
        field: impl Into<String>,
        label: T,
        text: &str,
    ) -> Option<N> {
        if text.trim().is_empty() {
            None
        } else {
            Some(self.number(field, label, text))
        }
    }

    /// Points (or hours), with up to two decimals: 5, 2.5, 1.25.
    pub fn points(&mut self, field: impl Into<String>, label: T, text: &str) -> Points {
        half_width(text).parse().unwrap_or_else(|_| {
            let lang = self.lang;
            let key = if text.trim().is_empty() {
                T::ErrRequired
            } else {
                T::BadDecimal
            };
            self.problem(field, lang.f(key, &[&bare(lang, label)]));
            Points::ZERO
        })
    }

    /// Points (or hours), or `None` when left blank.
    pub fn optional_points(
        &mut self,
        field: impl Into<String>,
        label: T,
        text: &str,
    ) -> Option<Points> {
        if text.trim().is_empty() {
            None
        } else {
            Some(self.points(field, label, text))
        }
    }

    /// `later` must come after `earlier` (both already read).
    pub fn after(
        &mut self,
        field: impl Into<String>,
        earlier: Timestamp,
        later: Timestamp,
        why: T,
    ) {
        if earlier.0 > 0 && later.0 > 0 && later <= earlier {
            let lang = self.lang;
            self.problem(field, lang.t(why));
        }
    }

    /// The value, or every problem found.
    pub fn finish<V>(self, value: V) -> Result<V, Problems> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }
}

/// "电工, 急救、维修" → the items, trimmed, blanks dropped.
pub fn list(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A label as it reads inside a sentence: without what is in brackets ("技能（用逗号分隔）"
/// → "技能") and without a trailing colon.
pub fn bare(lang: Lang, label: T) -> String {
    let text = lang.t(label);
    let cut = text.find(['（', '(']).unwrap_or(text.len());
    let text = text[..cut].trim_end_matches(['：', ':', ' ']);
    match lang {
        // "Title" reads as "the title" inside a sentence.
        Lang::En => {
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
        Lang::Zh => text.to_owned(),
    }
}

fn half_width(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            '．' | '。' => '.',
            other => other,
        })
        .collect()
}

/// Focuses the input of `field` inside the element the event came from (the form): the
/// browser scrolls it into view. Works inside the shadow root the app is mounted in.
pub fn focus(target: Option<EventTarget>, field: &str) {
    let input = target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|form| {
            form.query_selector(&format!("[id='{field}']"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
    }
}

/// Submits a form's action: with problems, shows them beside their fields and focuses the
/// first; otherwise checks the action against the state (a refusal goes beside the field
/// `field_of` names, or to the banner when it names none), then does it.
pub fn submit<K: Into<String>>(
    app: &App,
    shown: &UseStateHandle<Problems>,
    target: Option<EventTarget>,
    action: Result<Action, Problems>,
    field_of: impl Fn(&DomainError) -> Option<K>,
) -> Option<Event> {
    let action = match action {
        Ok(action) => action,
        Err(problems) => {
            show(app, shown, target, problems);
            return None;
        }
    };
    if !allowed(app, shown, target.clone(), &action, field_of) {
        return None;
    }
    let event = app.act(action);
    if event.is_some() {
        shown.set(Problems::default());
    }
    event
}

/// Checks `action` against the state: `true` when it may be done. A refusal is shown
/// beside its field (and the field focused), or in the banner.
pub fn allowed<K: Into<String>>(
    app: &App,
    shown: &UseStateHandle<Problems>,
    target: Option<EventTarget>,
    action: &Action,
    field_of: impl Fn(&DomainError) -> Option<K>,
) -> bool {
    let lang = app.lang();
    let checked = {
        let session = app.session();
        session.store.journal().state().check_new(action, now())
    };
    match checked {
        Ok(()) => true,
        Err(why) => {
            // The refusal still goes through the session, so the host page hears it
            // (linli:error) as for any refused action; the field shows it instead of
            // the banner. (The session refuses it as this check did: same state.)
            let _ = app.act(action.clone());
            let text = domain_error_text(lang, &why);
            match field_of(&why) {
                Some(field) => {
                    let mut problems = Problems::default();
                    problems.add(field, text);
                    show(app, shown, target, problems);
                }
                None => shown.set(Problems::default()),
            }
            false
        }
    }
}

/// Shows `problems` beside their fields and focuses the first.
pub fn show(
    app: &App,
    shown: &UseStateHandle<Problems>,
    target: Option<EventTarget>,
    problems: Problems,
) {
    app.dismiss();
    let first = problems.first().map(str::to_owned);
    shown.set(problems);
    if let Some(first) = first {
        focus(target, &first);
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub problems: Problems,
}

/// Above a form's submit button: how many fields still need changing, and what, so the
/// person who tapped the button at the bottom sees why nothing happened.
#[component]
pub fn ProblemSummary(props: &SummaryProps) -> Html {
    let app = crate::ui::session::use_app();
    let lang = app.lang();
    if props.problems.is_empty() {
        return html! {};
    }
    let count = props.problems.0.len();
    html! {
        <div class="ll-form-problems" role="alert">
            <p>{ lang.f(T::FixProblems, &[&count]) }</p>
            <ul>{ for props.problems.messages().map(|m| html! { <li>{ m.to_owned() }</li> }) }</ul>
        </div>
    }
}
