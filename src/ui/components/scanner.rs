//! Scanning a QR code with the phone's camera, where the browser has `BarcodeDetector`
//! (Chrome on Android, Safari 17+…). Where it does not, no button is shown: typing the
//! number always works. The camera is stopped as soon as a code is read, on cancel,
//! and when the component goes away.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{HtmlVideoElement, MediaStream, MediaStreamConstraints, MediaStreamTrack};
use yew::prelude::*;

/// The browser's `BarcodeDetector` constructor, if it has one.
fn detector_class() -> Option<Function> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str("BarcodeDetector"))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// What a running scan holds, released by [`stop`].
#[derive(Default)]
struct Running {
    stream: Option<MediaStream>,
    poll: Option<Interval>,
}

fn stop(running: &RefCell<Running>) {
    let mut running = running.borrow_mut();
    running.poll = None;
    if let Some(stream) = running.stream.take() {
        for track in stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

/// The first code the detector sees in the video, if any.
async fn detect(detector: &JsValue, video: &HtmlVideoElement) -> Option<String> {
    let detect = Reflect::get(detector, &JsValue::from_str("detect"))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let promise = detect
        .call1(detector, video)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let found = JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into::<Array>()
        .ok()?;
    let first = found.get(0);
    if first.is_undefined() {
        return None;
    }
    Reflect::get(&first, &JsValue::from_str("rawValue"))
        .ok()?
        .as_string()
}

#[derive(Properties, PartialEq)]
pub struct ScannerProps {
    pub label: AttrValue,
    pub cancel: AttrValue,
    pub on_code: Callback<String>,
    pub on_error: Callback<String>,
}

#[component]
pub fn Scanner(props: &ScannerProps) -> Html {
    let scanning = use_state(|| false);
    let running = use_mut_ref(Running::default);
    let video = use_node_ref();
    {
        let running = running.clone();
        use_effect_with((), move |_| move || stop(&running));
    }
    let Some(class) = detector_class() else {
        return html! {};
    };
    let start = {
        let (scanning, running, video) = (scanning.clone(), running.clone(), video.clone());
        let (on_code, on_error) = (props.on_code.clone(), props.on_error.clone());
        Callback::from(move |_| {
            let (scanning, running, video, class) = (
                scanning.clone(),
                running.clone(),
                video.clone(),
                class.clone(),
            );
            let (on_code, on_error) = (on_code.clone(), on_error.clone());
            scanning.set(true);
            spawn_local(async move {
                let fail = |why: JsValue| {
                    scanning.set(false);
                    on_error.emit(format!("{why:?}"));
                };
                let Some(devices) =
                    web_sys::window().and_then(|w| w.navigator().media_devices().ok())
                else {
                    return fail(JsValue::from_str("no camera"));
                };
                let constraints = MediaStreamConstraints::new();
                let facing = Object::new();
                let _ = Reflect::set(
                    &facing,
                    &JsValue::from_str("facingMode"),
                    &JsValue::from_str("environment"),
                );
                constraints.set_video(&facing);
                let stream = match devices
                    .get_user_media_with_constraints(&constraints)
                    .map(JsFuture::from)
                {
                    Ok(future) => match future.await {
                        Ok(stream) => stream.unchecked_into::<MediaStream>(),
                        Err(why) => return fail(why),
                    },
                    Err(why) => return fail(why),
                };
                let Some(element) = video.cast::<HtmlVideoElement>() else {
                    return fail(JsValue::from_str("no video element"));
                };
                element.set_src_object(Some(&stream));
                let _ = element.play();
                running.borrow_mut().stream = Some(stream);
                let options = Object::new();
                let _ = Reflect::set(
                    &options,
                    &JsValue::from_str("formats"),
                    &Array::of1(&JsValue::from_str("qr_code")),
                );
                let detector = match Reflect::construct(&class, &Array::of1(&options)) {
                    Ok(detector) => detector,
                    Err(why) => {
                        stop(&running);
                        return fail(why);
                    }
                };
                let busy = Rc::new(RefCell::new(false));
                let poll = {
                    let running = running.clone();
                    Interval::new(300, move || {
                        if *busy.borrow() {
                            return;
                        }
                        *busy.borrow_mut() = true;
                        let (detector, element, busy) =
                            (detector.clone(), element.clone(), busy.clone());
                        let (running, scanning, on_code) =
                            (running.clone(), scanning.clone(), on_code.clone());
                        spawn_local(async move {
                            if let Some(code) = detect(&detector, &element).await {
                                stop(&running);
                                scanning.set(false);
                                on_code.emit(code);
                            }
                            *busy.borrow_mut() = false;
                        });
                    })
                };
                running.borrow_mut().poll = Some(poll);
            });
        })
    };
    let cancel = {
        let (scanning, running) = (scanning.clone(), running.clone());
        Callback::from(move |_| {
            stop(&running);
            scanning.set(false);
        })
    };
    html! {
        <div class="ll-scanner">
            if *scanning {
                <video ref={video} class="ll-scan-video" muted=true autoplay=true playsinline=true></video>
                <button type="button" class="ll-button ll-secondary" onclick={cancel}>{ props.cancel.clone() }</button>
            } else {
                <button type="button" class="ll-button ll-secondary" onclick={start}>{ "📷 " }{ props.label.clone() }</button>
            }
        </div>
    }
}
