//! What the app's split points share (issue 17): the screens of `parts` and the English
//! texts of `i18n` are modules of their own in the shipped build (feature `split`),
//! fetched when first needed.

/// A split-off module could not be fetched (off line before it was ever kept, or the
/// server is gone); the browser's console has the details. The next try fetches again.
#[derive(Debug)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for Unloaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Unloaded {
        Unloaded
    }
}
