//! Keeps the linker's relocations in the shipped wasm (the `linli` bin on wasm32):
//! wasm-split-cli reads them to cut the split points of `src/ui/parts.rs` into modules of
//! their own (`.ci/post-build`). Nothing else is linked differently.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
    {
        println!("cargo:rustc-link-arg-bin=linli=--emit-relocs");
    }
}
