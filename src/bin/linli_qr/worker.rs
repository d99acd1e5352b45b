//! Frames in, QR texts out.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// The text of the first QR code in an RGBA frame, if any.
fn decode(width: usize, height: usize, rgba: &[u8]) -> Option<String> {
    if width == 0 || height == 0 || rgba.len() < width * height * 4 {
        return None;
    }
    let luma = |x: usize, y: usize| {
        let at = (y * width + x) * 4;
        let (r, g, b) = (
            u32::from(rgba[at]),
            u32::from(rgba[at + 1]),
            u32::from(rgba[at + 2]),
        );
        // ITU-R BT.601 weights, in 8 bits.
        ((r * 77 + g * 150 + b * 29) >> 8) as u8
    };
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
    image
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

pub fn run() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let frame: Array = event.data().unchecked_into();
        let width = frame.get(0).as_f64().unwrap_or_default() as usize;
        let height = frame.get(1).as_f64().unwrap_or_default() as usize;
        let text = match frame.get(2).dyn_into::<ArrayBuffer>() {
            Ok(buffer) => decode(width, height, &Uint8Array::new(&buffer).to_vec()),
            Err(_) => None,
        };
        let _ = scope().post_message(&JsValue::from_str(&text.unwrap_or_default()));
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the scanner keeps it: so does its listener.
    on_message.forget();
}
