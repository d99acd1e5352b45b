//! The QR decoder worker: a separate wasm module that the camera scanner
//! (`src/ui/components/scanner.rs`) starts where the browser has no `BarcodeDetector`
//! (iPhone Safari, the WeChat browser, Chromium on Linux), and only when the camera
//! opens. It takes a video frame (width, height, RGBA bytes) and answers with the text
//! of the first QR code it finds in it (`rqrr`), or an empty string.

#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("linli_qr runs in the browser, as the camera scanner's decoder.");
}
