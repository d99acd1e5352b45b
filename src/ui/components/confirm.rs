//! Asking before a tap that spends points or undoes something (兑换, 取消报名, 退还, 退出
//! 岗位, 放弃认领, 扣减…): the question names the person and the amount, and the answer
//! buttons sit below the question, so a second quick tap on the same spot lands on the
//! question's text, never on 确认.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::field::TextField;
use crate::domain::{Action, DomainError, Field};
use crate::ui::form::{self, Problems};
use crate::ui::i18n::T;
use crate::ui::session::use_app;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// What is being confirmed, as the dialog's name (the asking button's label).
    pub title: AttrValue,
    /// The question, naming who and how much.
    pub question: AttrValue,
    /// The button that does it.
    pub yes: AttrValue,
    pub on_yes: Callback<()>,
    pub on_no: Callback<()>,
    /// The thing cannot be undone or gives something up: the yes button is dark red.
    #[prop_or_default]
    pub danger: bool,
}

/// The question and its two answers; focused when it appears.
#[component]
pub fn ConfirmPanel(props: &PanelProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with((), move |_| {
            if let Some(element) = panel.cast::<HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let yes = {
        let on_yes = props.on_yes.clone();
        Callback::from(move |_| on_yes.emit(()))
    };
    let no = {
        let on_no = props.on_no.clone();
        Callback::from(move |_| on_no.emit(()))
    };
    html! {
        <div class="ll-confirm" role="alertdialog" aria-label={props.title.clone()} tabindex="-1" ref={panel}>
            <p class="ll-confirm-question">{ props.question.clone() }</p>
            <div class="ll-row">
                <button type="button" class="ll-button ll-secondary" onclick={no}>{ lang.t(T::Cancel) }</button>
                <button type="button" class={classes!("ll-button", props.danger.then_some("ll-danger"))} onclick={yes}>
                    { props.yes.clone() }
                </button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// The button's label.
    pub label: AttrValue,
    pub question: AttrValue,
    pub yes: AttrValue,
    pub on_yes: Callback<()>,
    /// The asking button's classes (`ll-secondary`, `ll-big-button`…).
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub danger: bool,
}

/// A button that asks first: tapped, it gives way to the question.
#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    let asking = use_state(|| false);
    if *asking {
        let (done, no) = (asking.clone(), asking.clone());
        let on_yes = props.on_yes.clone();
        return html! {
            <ConfirmPanel title={props.label.clone()} question={props.question.clone()} yes={props.yes.clone()}
                danger={props.danger}
                on_yes={Callback::from(move |()| { done.set(false); on_yes.emit(()); })}
                on_no={Callback::from(move |()| no.set(false))} />
        };
    }
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(true))
    };
    html! {
        <button type="button" class={classes!("ll-button", props.class.clone())} onclick={ask}>{ props.label.clone() }</button>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReasonFormProps {
    /// The reason input's id.
    pub id: AttrValue,
    /// The form's name and its button's label (取消活动, 下架…).
    pub title: AttrValue,
    /// The reason field's label.
    pub field: AttrValue,
    /// The action, from the reason typed.
    pub make: Callback<String, Action>,
    /// Asked before the action is done (naming what is given up); `None` does it at once.
    #[prop_or_default]
    pub question: Option<AttrValue>,
    #[prop_or_default]
    pub yes: Option<AttrValue>,
    /// Told once the action is done.
    #[prop_or_default]
    pub on_done: Callback<()>,
    #[prop_or_default]
    pub class: Classes,
}

/// An action that needs a reason (cancelling an activity or a wish, withdrawing a perk,
/// rejecting a wish): a missing or over-long reason is shown beside the field; a
/// destructive one asks first.
#[component]
pub fn ReasonForm(props: &ReasonFormProps) -> Html {
    let app = use_app();
    let reason = use_state(String::new);
    let problems = use_state(Problems::default);
    let asking = use_state(|| None::<Action>);
    let field = props.id.to_string();
    let run = {
        let (app, reason, asking, on_done) = (
            app.clone(),
            reason.clone(),
            asking.clone(),
            props.on_done.clone(),
        );
        Callback::from(move |action: Action| {
            asking.set(None);
            if app.act(action).is_some() {
                reason.set(String::new());
                on_done.emit(());
            }
        })
    };
    let submit = {
        let (app, reason, problems, asking, run, make) = (
            app.clone(),
            reason.clone(),
            problems.clone(),
            asking.clone(),
            run.clone(),
            props.make.clone(),
        );
        let (field, ask) = (field.clone(), props.question.is_some());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let action = make.emit(reason.trim().to_owned());
            let field_of = |error: &DomainError| {
                matches!(
                    error,
                    DomainError::Required(Field::Reason)
                        | DomainError::TooLong {
                            field: Field::Reason,
                            ..
                        }
                )
                .then(|| field.clone())
            };
            if !form::allowed(&app, &problems, e.target(), &action, field_of) {
                return;
            }
            problems.set(Problems::default());
            if ask {
                asking.set(Some(action));
            } else {
                run.emit(action);
            }
        })
    };
    let panel = (*asking).clone().map(|action| {
        let run = run.clone();
        let asking = asking.clone();
        html! {
            <ConfirmPanel title={props.title.clone()} question={props.question.clone().unwrap_or_default()}
                yes={props.yes.clone().unwrap_or_else(|| props.title.clone())} danger=true
                on_yes={Callback::from(move |()| run.emit(action.clone()))}
                on_no={Callback::from(move |()| asking.set(None))} />
        }
    });
    html! {
        <form class={classes!("ll-card", props.class.clone())} onsubmit={submit} aria-label={props.title.clone()} novalidate=true>
            <TextField id={props.id.clone()} label={props.field.clone()} value={(*reason).clone()} required=true
                error={problems.of(&field)}
                oninput={{ let reason = reason.clone(); Callback::from(move |v| reason.set(v)) }} />
            if let Some(panel) = panel {
                { panel }
            } else {
                <button type="submit" class="ll-button ll-secondary">{ props.title.clone() }</button>
            }
        </form>
    }
}
