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

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::{AppHandle, Callback};

use crate::store::Namespace;
use crate::store::backup::Scope;
use crate::ui::host::HostEvent;
use crate::ui::i18n::{Lang, T};
use crate::ui::session::{ImportOutcome, Instance, Setup};
use crate::ui::{AppProps, LinliApp, Routing};

/// The stylesheet, placed inside each mount's shadow root (see [`add_style`]).
const STYLE: &str = include_str!("../www/style.css");
/// The element Linli adds to the host's element; its shadow root holds everything else.
const SHELL: &str = "linli-app";
const COMMUNITY_MAX: usize = 40;

/// An error for the host's developer: a code and a text in both languages.
pub fn api_error(code: &str, key: T, args: &[&dyn std::fmt::Display]) -> JsValue {
    let message = format!("{} / {}", Lang::Zh.f(key, args), Lang::En.f(key, args));
    let error = js_sys::Error::new(&message);
    let _ = Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}

fn bad_option(key: T, value: &str) -> JsValue {
    api_error("bad-option", key, &[&value])
}

/// What the host asked for.
pub struct Options {
    setup: Setup,
    routing: Routing,
    /// The accent colour as `#rrggbb`.
    accent: Option<String>,
}

impl Options {
    /// From `mount(element, { namespace, locale, community, theme, routing })`; a missing
    /// or `undefined` options object means every default.
    pub fn from_object(value: &JsValue) -> Result<Options, JsValue> {
        let none = value.is_undefined() || value.is_null();
        if !none && !value.is_object() {
            return Err(api_error("bad-option", T::ApiNotObject, &[]));
        }
        Options::read(|name| {
            if none {
                return Ok(None);
            }
            let field = Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED);
            if field.is_undefined() || field.is_null() {
                return Ok(None);
            }
            field
                .as_string()
                .map(Some)
                .ok_or_else(|| api_error("bad-option", T::ApiNotText, &[&name]))
        })
    }

    /// From `data-namespace`, `data-locale`, `data-community`, `data-theme` and
    /// `data-routing` on a `data-linli` element.
    pub fn from_element(element: &Element) -> Result<Options, JsValue> {
        Options::read(|name| Ok(element.get_attribute(&format!("data-{name}"))))
    }

    fn read(get: impl Fn(&str) -> Result<Option<String>, JsValue>) -> Result<Options, JsValue> {
        let namespace = match get("namespace")? {
            None => Namespace::default(),
            Some(name) => {
                Namespace::new(&name).ok_or_else(|| bad_option(T::ApiBadNamespace, &name))?
            }
        };
        let locale = match get("locale")? {
            None => None,
            Some(code) => {
                Some(Lang::from_code(&code).ok_or_else(|| bad_option(T::ApiBadLocale, &code))?)
            }
        };
        let community = get("community")?
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty());
        if let Some(name) = &community
            && name.chars().count() > COMMUNITY_MAX
        {
            return Err(bad_option(T::ApiBadCommunity, name));
        }
        let accent = match get("theme")? {
            None => None,
            Some(colour) => {
                Some(hex_colour(&colour).ok_or_else(|| bad_option(T::ApiBadTheme, &colour))?)
            }
        };
        let routing = match get("routing")?.as_deref() {
            None | Some("memory") => Routing::Memory,
            Some("hash") => Routing::Hash,
            Some(other) => return Err(bad_option(T::ApiBadRouting, other)),
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

fn failed(error: JsValue) -> JsValue {
    let why = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default();
    api_error("mount-failed", T::ApiMountFailed, &[&why])
}

/// Mounts the app into `element`, replacing a Linli already mounted there. Returns the
/// mount's id for the handle.
pub fn mount(element: &Element, options: Options) -> Result<u32, JsValue> {
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

fn instance(id: u32) -> Result<Rc<Instance>, JsValue> {
    MOUNTED
        .with(|mounted| {
            mounted
                .borrow()
                .iter()
                .find(|m| m.id == id)
                .map(|m| Rc::clone(&m.instance))
        })
        .ok_or_else(|| api_error("unmounted", T::ApiUnmounted, &[]))
}

/// The full backup file's text; counts as a backup for the reminder. Only an organizer
/// device with its PIN entered may write it: otherwise it throws `not-allowed`, so a
/// host page gets no one's personal data from a device that does not hold the key.
pub fn export_data(id: u32) -> Result<String, JsValue> {
    instance(id)?
        .export_backup(Scope::Full)
        .map(|(text, _)| text)
        .map_err(|failure| {
            let error = js_sys::Error::new(&failure.message);
            let _ = Reflect::set(&error, &"code".into(), &failure.code.into());
            error.into()
        })
}

/// Imports a backup file's text; returns what it did, or throws why nothing could be.
pub fn import_data(id: u32, text: &JsValue) -> Result<JsValue, JsValue> {
    let instance = instance(id)?;
    let text = text
        .as_string()
        .ok_or_else(|| api_error("bad-backup", T::ApiNotText, &[&"importData"]))?;
    instance
        .import_backup(&text)
        .map(|outcome| summary(&outcome))
        .map_err(|failure| {
            let error = js_sys::Error::new(&failure.message);
            let _ = Reflect::set(&error, &"code".into(), &failure.code.into());
            error.into()
        })
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &key.into(), &value.into());
}

/// What an import did, for the host: `{added, known, refused, notStored, rejected,
/// conflicts}`.
fn summary(outcome: &ImportOutcome) -> JsValue {
    let report = &outcome.report;
    let out = Object::new();
    let refused = outcome.not_imported() + report.unsigned;
    set(&out, "added", report.added as f64);
    set(&out, "known", report.known as f64);
    set(&out, "refused", refused as f64);
    set(&out, "notStored", report.not_stored as f64);
    let rejected: Array = outcome
        .rejected
        .iter()
        .map(|r| {
            let record = Object::new();
            set(&record, "index", r.index as f64);
            set(
                &record,
                "id",
                r.id.clone().map_or(JsValue::NULL, JsValue::from),
            );
            set(&record, "reason", r.reason.as_str());
            JsValue::from(record)
        })
        .collect();
    set(&out, "rejected", rejected);
    let conflicts: Array = report
        .conflicts
        .iter()
        .map(|c| JsValue::from(c.refused.id.to_string()))
        .collect();
    set(&out, "conflicts", conflicts);
    out.into()
}

fn points(p: crate::domain::Points) -> f64 {
    p.0 as f64 / 100.0
}

/// The DOM event for a piece of news: `linli:change`, `linli:points` or `linli:error`,
/// bubbling, with the detail documented in the README.
fn dispatch(element: &Element, event: &HostEvent) {
    let detail = Object::new();
    let name = match event {
        HostEvent::Change { source, events } => {
            set(&detail, "source", source.code());
            let list: Array = events
                .iter()
                .map(|e| {
                    let item = Object::new();
                    set(&item, "kind", e.kind.as_str());
                    set(&item, "id", e.id.to_string());
                    set(&item, "at", e.at.0 as f64);
                    JsValue::from(item)
                })
                .collect();
            set(&detail, "events", list);
            "linli:change"
        }
        HostEvent::Points {
            event,
            volunteer,
            who,
            points: credited,
            balance,
        } => {
            set(&detail, "event", event.to_string());
            set(&detail, "volunteer", volunteer.as_str());
            set(&detail, "who", who.as_str());
            set(&detail, "points", points(*credited));
            set(&detail, "balance", points(*balance));
            "linli:points"
        }
        HostEvent::Error { code, message } => {
            set(&detail, "code", *code);
            set(&detail, "message", message.as_str());
            "linli:error"
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
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
            let message = error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default();
            let code = match Reflect::get(&error, &"code".into())
                .ok()
                .and_then(|c| c.as_string())
            {
                Some(code) if code == "mount-failed" => "mount-failed",
                _ => "bad-option",
            };
            web_sys::console::error_1(&error);
            dispatch(&element, &HostEvent::Error { code, message });
        }
    }
}
