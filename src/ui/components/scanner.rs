//! Scanning a QR code with the phone's camera. Where the browser has `BarcodeDetector`
//! (Chrome on Android) it reads the video; where it has none (iPhone Safari, the WeChat
//! browser, Chromium on Linux), frames go to the QR decoder worker (`rqrr`, its own
//! wasm module, `src/bin/linli_qr/`), started only when the camera opens. Without a
//! camera API (an insecure page) no button is shown: typing the number always works.
//! The camera and the decoder stop as soon as a code is read, on cancel, and when the
//! component goes away.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints, MediaStreamTrack, MessageEvent, Worker,
};
use yew::prelude::*;

/// The decoder worker's stable entry (`.ci/post-build`).
const DECODER_SCRIPT: &str = "qr-worker.js";
/// Frames go to the decoder at most this wide: enough for a card held up to the camera.
const FRAME_MAX: u32 = 640;

/// The browser's `BarcodeDetector` constructor, if it has one.
fn detector_class() -> Option<Function> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str("BarcodeDetector"))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// The decoder worker, with the canvas that frames are read through.
struct Decoder {
    worker: Worker,
    canvas: HtmlCanvasElement,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

/// What a running scan holds, released by [`stop`].
#[derive(Default)]
struct Running {
    stream: Option<MediaStream>,
    poll: Option<Interval>,
    decoder: Option<Decoder>,
}

fn stop(running: &RefCell<Running>) {
    let mut running = running.borrow_mut();
    running.poll = None;
    if let Some(decoder) = running.decoder.take() {
        decoder.worker.set_onmessage(None);
        decoder.worker.terminate();
    }
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

/// Sends the video's current frame to the decoder; false if there is none yet.
fn send_frame(decoder: &Decoder, video: &HtmlVideoElement) -> bool {
    let (width, height) = (video.video_width(), video.video_height());
    if width == 0 || height == 0 {
        return false;
    }
    let scale = f64::from(FRAME_MAX.min(width)) / f64::from(width);
    let (w, h) = (
        (f64::from(width) * scale) as u32,
        (f64::from(height) * scale) as u32,
    );
    decoder.canvas.set_width(w);
    decoder.canvas.set_height(h);
    let Some(context) = decoder
        .canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return false;
    };
    let (fw, fh) = (f64::from(w), f64::from(h));
    if context
        .draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, fw, fh)
        .is_err()
    {
        return false;
    }
    let Ok(image) = context.get_image_data(0.0, 0.0, fw, fh) else {
        return false;
    };
    let buffer = Uint8Array::from(&image.data()[..]).buffer();
    let frame = Array::of3(&w.into(), &h.into(), &buffer);
    decoder
        .worker
        .post_message_with_transfer(&frame, &Array::of1(&buffer))
        .is_ok()
}

/// Reads the video with the browser's detector, every 300 ms.
fn detect_by(
    detector: JsValue,
    element: HtmlVideoElement,
    running: &Rc<RefCell<Running>>,
    scanning: &UseStateHandle<bool>,
    on_code: &Callback<String>,
) -> Interval {
    let busy = Rc::new(RefCell::new(false));
    let (running, scanning, on_code) = (running.clone(), scanning.clone(), on_code.clone());
    Interval::new(300, move || {
        if *busy.borrow() {
            return;
        }
        *busy.borrow_mut() = true;
        let (detector, element, busy) = (detector.clone(), element.clone(), busy.clone());
        let (running, scanning, on_code) = (running.clone(), scanning.clone(), on_code.clone());
        spawn_local(async move {
            if let Some(code) = detect(&detector, &element).await {
                stop(&running);
                scanning.set(false);
                on_code.emit(code);
            }
            *busy.borrow_mut() = false;
        });
    })
}

/// Starts the decoder worker and sends it a frame every 300 ms while it is idle.
fn decode_by(
    element: HtmlVideoElement,
    running: &Rc<RefCell<Running>>,
    scanning: &UseStateHandle<bool>,
    on_code: &Callback<String>,
) -> Option<Interval> {
    let worker = crate::ui::workers::start(DECODER_SCRIPT)?;
    let canvas = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into::<HtmlCanvasElement>()
        .ok()?;
    let busy = Rc::new(RefCell::new(false));
    let on_message = {
        let (busy, running, scanning, on_code) = (
            busy.clone(),
            running.clone(),
            scanning.clone(),
            on_code.clone(),
        );
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            *busy.borrow_mut() = false;
            let Some(code) = event.data().as_string().filter(|c| !c.is_empty()) else {
                return;
            };
            // Stopped after this message is handled: stopping drops this very callback.
            let (running, scanning, on_code) = (running.clone(), scanning.clone(), on_code.clone());
            spawn_local(async move {
                stop(&running);
                scanning.set(false);
                on_code.emit(code);
            });
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    running.borrow_mut().decoder = Some(Decoder {
        worker,
        canvas,
        _on_message: on_message,
    });
    let running = running.clone();
    Some(Interval::new(300, move || {
        if *busy.borrow() {
            return;
        }
        let sent = running
            .borrow()
            .decoder
            .as_ref()
            .is_some_and(|decoder| send_frame(decoder, &element));
        *busy.borrow_mut() = sent;
    }))
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
    let has_camera = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .is_some();
    if !has_camera {
        return html! {};
    }
    let start = {
        let (scanning, running, video) = (scanning.clone(), running.clone(), video.clone());
        let (on_code, on_error) = (props.on_code.clone(), props.on_error.clone());
        Callback::from(move |_| {
            let (scanning, running, video) = (scanning.clone(), running.clone(), video.clone());
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
                let poll = match detector_class() {
                    Some(class) => {
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
                        detect_by(detector, element, &running, &scanning, &on_code)
                    }
                    None => match decode_by(element, &running, &scanning, &on_code) {
                        Some(poll) => poll,
                        None => {
                            stop(&running);
                            return fail(JsValue::from_str("no QR decoder"));
                        }
                    },
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
