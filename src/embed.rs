//! Mounting Linli into a page: the host's options, a shadow root that keeps the two
//! pages' styles apart, the DOM events the host hears, and unmounting.
//!
//! The JavaScript API (`mount`, `handleOf` and the handle's `unmount`, `exportData`,
//! `importData`) is declared in `src/main.rs`, on the binary Trunk ships (exports of a
//! library crate would not reach its wasm), and calls in here. The standalone page mounts
//! through the same path: its `<div data-linli data-routing="hash">` is found by
//! [`mount_declared`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, HtmlElement, ShadowRoot,
    ShadowRootInit, ShadowRootMode,
};
use yew::{AppHandle, Callback};

use crate::api::{
    ChangeDetail, ErrorDetail, HostDetail, ImportSummary, MountOptions, PointsDetail,
    RecordedEvent, RejectedRecord, points_number,
};
use crate::store::Namespace;
use crate::store::backup::Scope;
use crate::ui::host::HostEvent;
use crate::ui::i18n::{Dev, Lang, fill};
use crate::ui::session::{Failure, ImportOutcome, Instance, Setup};
use crate::ui::{AppProps, LinliApp, Routing};

/// The stylesheet, placed inside each mount's shadow root (see [`add_style`]).
const STYLE: &str = include_str!("../www/style.css");
/// The element Linli adds to the host's element; its shadow root holds everything else.
const SHELL: &str = "linli-app";
const COMMUNITY_MAX: usize = 40;

/// An error for the host's developer: a stable code and a text. JavaScript receives it
/// as an `Error` whose `code` property is the code (`From<ApiError> for JsValue`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    /// The error with a text in both languages.
    pub fn new(code: &'static str, key: Dev, args: &[&dyn std::fmt::Display]) -> ApiError {
        let message = format!("{} / {}", fill(key.zh(), args), fill(key.en(), args));
        ApiError { code, message }
    }
}

impl From<Failure> for ApiError {
    fn from(failure: Failure) -> ApiError {
        match failure.code {
            // The screen's words say "opening"; a host's developer needs what to do.
            "loading" => ApiError::new("loading", Dev::ApiLoading, &[]),
            code => ApiError {
                code,
                message: failure.message,
            },
        }
    }
}

impl From<ApiError> for JsValue {
    /// A JS `Error` with a `code`: the one object built by hand at the boundary, since
    /// serde-wasm-bindgen makes plain objects, and a host's `catch` expects an `Error`.
    fn from(error: ApiError) -> JsValue {
        let thrown = js_sys::Error::new(&error.message);
        let _ = Reflect::set(&thrown, &"code".into(), &error.code.into());
        thrown.into()
    }
}

fn bad_option(key: Dev, value: &str) -> ApiError {
    ApiError::new("bad-option", key, &[&value])
}

/// A value for JavaScript: structs as plain objects, sequences as arrays, numbers as
/// numbers, `None` as `null` (as JSON would have them).
fn to_js(value: &impl Serialize) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
}

/// What the host asked for.
pub struct Options {
    setup: Setup,
    routing: Routing,
    /// The accent colour as `#rrggbb`.
    accent: Option<String>,
}

impl Options {
    /// From `mount(element, options)` ([`MountOptions`]); a missing or `undefined`
    /// options object means every default.
    pub fn from_object(value: JsValue) -> Result<Options, ApiError> {
        if value.is_undefined() || value.is_null() {
            return Options::new(MountOptions::default());
        }
        Options::from_js(value)
    }

    /// From `data-namespace`, `data-locale`, `data-community`, `data-theme` and
    /// `data-routing` on a `data-linli` element: its `dataset` holds them under the
    /// same names as the options object.
    pub fn from_element(element: &Element) -> Result<Options, ApiError> {
        match element.dyn_ref::<HtmlElement>() {
            Some(html) => Options::from_js(html.dataset().into()),
            None => Options::new(MountOptions::default()),
        }
    }

    fn from_js(value: JsValue) -> Result<Options, ApiError> {
        let not_object = || ApiError::new("bad-option", Dev::ApiNotObject, &[]);
        if !value.is_object() {
            return Err(not_object());
        }
        // Every property is accepted as some `Given`, so this fails only if the
        // object cannot be read at all.
        let given: MountOptions =
            serde_wasm_bindgen::from_value(value).map_err(|_| not_object())?;
        let texts = given
            .texts()
            .map_err(|name| ApiError::new("bad-option", Dev::ApiNotText, &[&name]))?;
        Options::new(texts)
    }

    /// From options already known to be text (the Rust side's own mounts).
    pub fn new(given: MountOptions<String>) -> Result<Options, ApiError> {
        let namespace = match given.namespace {
            None => Namespace::default(),
            Some(name) => {
                Namespace::new(&name).ok_or_else(|| bad_option(Dev::ApiBadNamespace, &name))?
            }
        };
        let locale = match given.locale {
            None => None,
            Some(code) => {
                Some(Lang::from_code(&code).ok_or_else(|| bad_option(Dev::ApiBadLocale, &code))?)
            }
        };
        let community = given
            .community
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty());
        if let Some(name) = &community
            && name.chars().count() > COMMUNITY_MAX
        {
            return Err(bad_option(Dev::ApiBadCommunity, name));
        }
        let accent = match given.theme {
            None => None,
            Some(colour) => {
                Some(hex_colour(&colour).ok_or_else(|| bad_option(Dev::ApiBadTheme, &colour))?)
            }
        };
        let routing = match given.routing.as_deref() {
            None | Some("memory") => Routing::Memory,
            Some("hash") => Routing::Hash,
            Some(other) => return Err(bad_option(Dev::ApiBadRouting, other)),
        };
        Ok(Options {
            setup: Setup {
                namespace,
                locale,
                community,
            },
            routing,
            accent,
        })
    }
}

/// `#rgb` or `#rrggbb` as `#rrggbb`: nothing else reaches the style attribute.
fn hex_colour(text: &str) -> Option<String> {
    let digits = text.trim().strip_prefix('#')?;
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let long: String = match digits.len() {
        3 => digits.chars().flat_map(|c| [c, c]).collect(),
        6 => digits.to_owned(),
        _ => return None,
    };
    Some(format!("#{}", long.to_ascii_lowercase()))
}

/// The stylesheet, with the accent colour (`#rrggbb`) and a text colour that reads on it
/// (dark on a light accent, white on a dark one) when the host chose one.
fn stylesheet(accent: Option<&str>) -> String {
    let Some(accent) = accent else {
        return STYLE.to_owned();
    };
    let channel = |i: usize| {
        accent
            .get(i..i + 2)
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .map_or(0.0, |v| f64::from(v) / 255.0)
    };
    let luma = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    let ink = if luma > 0.55 { "#1f2328" } else { "#ffffff" };
    format!("{STYLE}\n:host {{ --linli-accent: {accent}; --linli-accent-ink: {ink}; }}\n")
}

/// Puts the stylesheet into the shadow root: as a constructed stylesheet, which a host
/// page's Content-Security-Policy does not block, or, where the browser has none (Safari
/// before 16.4), as a `<style>` element.
fn add_style(document: &Document, shadow: &ShadowRoot, text: &str) -> Result<(), JsValue> {
    let constructed = CssStyleSheet::new().and_then(|sheet| {
        sheet.replace_sync(text)?;
        shadow.set_adopted_style_sheets(&Array::of1(&sheet));
        Ok(())
    });
    if constructed.is_ok() {
        return Ok(());
    }
    let style = document.create_element("style")?;
    style.set_text_content(Some(text));
    shadow.append_child(&style)?;
    Ok(())
}

struct Mounted {
    id: u32,
    /// The host's element.
    element: Element,
    /// Linli's element inside it, holding the shadow root.
    shell: Element,
    app: AppHandle<LinliApp>,
    /// With hash routing: keeps `location.hash` a route's (see [`guard_hash`]).
    hash_guard: Option<gloo_events::EventListener>,
    instance: Rc<Instance>,
    /// Cleared on unmount: events still queued then are not sent.
    alive: Rc<Cell<bool>>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn failed(error: JsValue) -> ApiError {
    let why = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default();
    ApiError::new("mount-failed", Dev::ApiMountFailed, &[&why])
}

/// Mounts the app into `element`, replacing a Linli already mounted there. Returns the
/// mount's id for the handle.
pub fn mount(element: &Element, options: Options) -> Result<u32, ApiError> {
    if let Some(id) = handle_of(element) {
        unmount(id);
    }
    let document = element
        .owner_document()
        .ok_or_else(|| failed("no document".into()))?;
    let shell = document.create_element(SHELL).map_err(failed)?;
    let shadow = shell
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(failed)?;
    add_style(&document, &shadow, &stylesheet(options.accent.as_deref())).map_err(failed)?;
    let root = document.create_element("div").map_err(failed)?;
    shadow.append_child(&root).map_err(failed)?;
    element.append_child(&shell).map_err(failed)?;

    let hash_guard = match options.routing {
        Routing::Hash => guard_hash(),
        Routing::Memory => None,
    };
    let alive = Rc::new(Cell::new(true));
    let instance = Instance::open(options.setup, sender(element, &alive));
    let app = yew::Renderer::<LinliApp>::with_root_and_props(
        root,
        AppProps {
            instance: Rc::clone(&instance),
            routing: options.routing,
        },
    )
    .render();
    let id = NEXT_ID.with(|next| next.replace(next.get().wrapping_add(1)));
    MOUNTED.with(|mounted| {
        mounted.borrow_mut().push(Mounted {
            id,
            element: element.clone(),
            shell,
            app,
            hash_guard,
            instance,
            alive,
        });
    });
    Ok(id)
}

/// yew-router's hash history panics on a hash that is not a path (`#top`, a bare `#`),
/// which a link or a host page can leave there. Such a hash is replaced by home's, now
/// and on every navigation, by a listener that runs before the router's (capture
/// listeners on the window run first).
fn guard_hash() -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    route_hash(&window);
    let options = gloo_events::EventListenerOptions::run_in_capture_phase();
    let target = window.clone();
    Some(gloo_events::EventListener::new_with_options(
        &target,
        "popstate",
        options,
        move |_| route_hash(&window),
    ))
}

fn route_hash(window: &web_sys::Window) {
    let off_route = window
        .location()
        .hash()
        .is_ok_and(|hash| !hash.starts_with("#/"))
        || window
            .location()
            .href()
            .is_ok_and(|href| href.ends_with('#'));
    if off_route && let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("#/"));
    }
}

/// Sends the app's news to the host as DOM events on its element, each after the code
/// that caused it has run (so a listener added right after `mount` hears the first).
fn sender(element: &Element, alive: &Rc<Cell<bool>>) -> Callback<HostEvent> {
    let (element, alive) = (element.clone(), Rc::clone(alive));
    Callback::from(move |event: HostEvent| {
        let (element, alive) = (element.clone(), Rc::clone(&alive));
        wasm_bindgen_futures::spawn_local(async move {
            if alive.get() {
                dispatch(&element, &event);
            }
        });
    })
}

/// Removes the mount: its DOM, its listeners and timers (the app's effects are cleaned
/// up as it is destroyed). Returns whether there was one.
pub fn unmount(id: u32) -> bool {
    let Some(gone) = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let at = mounted.iter().position(|m| m.id == id)?;
        Some(mounted.remove(at))
    }) else {
        return false;
    };
    gone.alive.set(false);
    drop(gone.hash_guard);
    gone.app.destroy();
    gone.shell.remove();
    true
}

/// The id of the mount in `element`, if there is one.
pub fn handle_of(element: &Element) -> Option<u32> {
    MOUNTED.with(|mounted| {
        mounted
            .borrow()
            .iter()
            .find(|m| &m.element == element)
            .map(|m| m.id)
    })
}

fn instance(id: u32) -> Result<Rc<Instance>, ApiError> {
    MOUNTED
        .with(|mounted| {
            mounted
                .borrow()
                .iter()
                .find(|m| m.id == id)
                .map(|m| Rc::clone(&m.instance))
        })
        .ok_or_else(|| ApiError::new("unmounted", Dev::ApiUnmounted, &[]))
}

/// Resolves once the mount has its engine and has read its storage: from then on
/// [`export_data`] and [`import_data`] work (before, they throw `loading`). On a first
/// visit the engine comes with the app's `rest` part, a moment after the first screen.
pub async fn ready(id: u32) -> Result<(), ApiError> {
    instance(id)?
        .ready()
        .await
        .map_err(|_| ApiError::new("part-failed", Dev::ApiPartFailed, &[]))
}

/// Joins the community an invitation code names, or, for the community the namespace
/// belongs to already, takes the invitation's sync address and token: a portal with a
/// backend hands each visit a fresh, short-lived token this way. Says whether anything
/// changed.
pub async fn join(id: u32, code: &JsValue) -> Result<bool, ApiError> {
    let code = code
        .as_string()
        .ok_or_else(|| ApiError::new("bad-invitation", Dev::ApiNotText, &[&"join"]))?;
    Ok(instance(id)?.join(&code).await?)
}

/// The full backup file's text; counts as a backup for the reminder. Only an organizer
/// device with its PIN entered may write it: otherwise it throws `not-allowed`, so a
/// host page gets no one's personal data from a device that does not hold the key.
pub fn export_data(id: u32) -> Result<String, ApiError> {
    Ok(instance(id)?.export_backup(Scope::Full)?.0)
}

/// Imports a backup file's text; returns what it did ([`ImportSummary`]), or throws why
/// nothing could be.
pub fn import_data(id: u32, text: &JsValue) -> Result<JsValue, JsValue> {
    let instance = instance(id)?;
    let text = text
        .as_string()
        .ok_or_else(|| ApiError::new("bad-backup", Dev::ApiNotText, &[&"importData"]))?;
    let outcome = instance.import_for_host(&text).map_err(ApiError::from)?;
    Ok(to_js(&summary(&outcome))?)
}

/// What an import did, for the host.
fn summary(outcome: &ImportOutcome) -> ImportSummary {
    let report = &outcome.report;
    ImportSummary {
        added: report.added,
        known: report.known,
        refused: outcome.not_imported() + report.unsigned,
        not_stored: report.not_stored,
        rejected: outcome
            .rejected
            .iter()
            .map(|r| RejectedRecord {
                index: r.index,
                id: r.id.clone(),
                reason: r.reason.clone(),
            })
            .collect(),
        conflicts: report
            .conflicts
            .iter()
            .map(|c| c.refused.id.to_string())
            .collect(),
    }
}

/// The host's view of a piece of news.
fn detail(event: &HostEvent) -> HostDetail {
    match event {
        HostEvent::Change { source, events } => HostDetail::Change(ChangeDetail {
            source: *source,
            events: events
                .iter()
                .map(|e| RecordedEvent {
                    kind: e.kind.clone(),
                    id: e.id.to_string(),
                    at: e.at.0 as f64,
                })
                .collect(),
        }),
        HostEvent::Points {
            event,
            volunteer,
            who,
            points,
            balance,
        } => HostDetail::Points(PointsDetail {
            event: event.to_string(),
            volunteer: volunteer.clone(),
            who: who.clone(),
            points: points_number(*points),
            balance: points_number(*balance),
        }),
        HostEvent::Error { code, message } => HostDetail::Error(ErrorDetail {
            code: (*code).to_owned(),
            message: message.clone(),
        }),
    }
}

/// The DOM event for a piece of news: `linli:change`, `linli:points` or `linli:error`,
/// bubbling, with the detail documented in the README.
fn dispatch(element: &Element, event: &HostEvent) {
    let detail = detail(event);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    match to_js(&detail) {
        Ok(value) => init.set_detail(&value),
        Err(error) => {
            // Not expected (the details are strings and numbers), but not silent.
            web_sys::console::error_2(
                &"linli: an event's detail could not be made".into(),
                &error.into(),
            );
            return;
        }
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(detail.name(), &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// Mounts every `data-linli` element of the page, now or once the page is parsed. An
/// element whose options are wrong gets a `linli:error` event and stays empty.
pub fn mount_declared() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.ready_state() == "loading" {
        gloo_events::EventListener::once(&document, "DOMContentLoaded", |_| mount_declared())
            .forget();
        return;
    }
    let Ok(found) = document.query_selector_all("[data-linli]") else {
        return;
    };
    for element in (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
    {
        if handle_of(&element).is_some() {
            continue;
        }
        if let Err(error) = Options::from_element(&element).and_then(|o| mount(&element, o)) {
            web_sys::console::error_1(&JsValue::from(error.clone()));
            let ApiError { code, message } = error;
            dispatch(&element, &HostEvent::Error { code, message });
        }
    }
}
