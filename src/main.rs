//! The shipped wasm: Trunk builds this binary (so link-time optimization applies). It
//! mounts every `data-linli` element when it starts, and exports the JavaScript API a
//! host page imports (`linli.js`, see README "Embedding"). The exports live here, not in
//! the library: a library's `#[wasm_bindgen]` exports do not reach a binary's wasm.

#[cfg(target_arch = "wasm32")]
fn main() {
    linli::embed::mount_declared();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Linli runs in the browser: see README.md for the command that serves it.");
}

#[cfg(target_arch = "wasm32")]
mod api {
    use linli::embed;
    use wasm_bindgen::prelude::*;
    use web_sys::Element;

    /// A mounted Linli, as the host holds it.
    #[wasm_bindgen]
    pub struct Handle {
        id: u32,
    }

    #[wasm_bindgen]
    impl Handle {
        /// Removes everything the mount added: its DOM, listeners and timers. Later
        /// calls do nothing.
        pub fn unmount(&self) {
            embed::unmount(self.id);
        }

        /// A promise that resolves once `exportData` and `importData` work: the mount
        /// has its engine and has read its storage (on a first visit, a moment after
        /// the first screen). Rejects if the engine could not be downloaded.
        pub fn ready(&self) -> js_sys::Promise {
            let id = self.id;
            wasm_bindgen_futures::future_to_promise(async move {
                embed::ready(id).await?;
                Ok(JsValue::UNDEFINED)
            })
        }

        /// Joins the community an invitation code (or link) names; for the community
        /// joined already, takes its sync address and token. Resolves to whether
        /// anything changed.
        pub fn join(&self, code: JsValue) -> js_sys::Promise {
            let id = self.id;
            wasm_bindgen_futures::future_to_promise(async move {
                Ok(embed::join(id, &code).await?.into())
            })
        }

        /// The backup file's text: every event, in the backup format.
        #[wasm_bindgen(js_name = exportData)]
        pub fn export_data(&self) -> Result<String, JsValue> {
            Ok(embed::export_data(self.id)?)
        }

        /// Imports a backup file's text and says what it did; throws if the text is not
        /// a backup this version reads.
        #[wasm_bindgen(js_name = importData)]
        pub fn import_data(&self, text: JsValue) -> Result<JsValue, JsValue> {
            embed::import_data(self.id, &text)
        }
    }

    /// Mounts Linli into `element` with `options` (`linli::api::MountOptions`:
    /// `namespace`, `locale`, `community`, `theme`, `routing`); throws on a wrong option.
    #[wasm_bindgen]
    pub fn mount(element: &Element, options: JsValue) -> Result<Handle, JsValue> {
        let options = embed::Options::from_object(options)?;
        Ok(embed::mount(element, options).map(|id| Handle { id })?)
    }

    /// The handle of the Linli mounted in `element` (for instance by `data-linli`).
    #[wasm_bindgen(js_name = handleOf)]
    pub fn handle_of(element: &Element) -> Option<Handle> {
        embed::handle_of(element).map(|id| Handle { id })
    }
}
