#![no_main]
//! Any bytes read as a `strainscope.toml`: parsed, then every value validated.

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let path = common::file_with("config", "toml", data);
    let _ = strainscope::config::load(Some(&path));
});
