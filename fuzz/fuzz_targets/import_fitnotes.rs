#![no_main]
//! Any bytes read as a fitnotes export: detection, every row, then pain read from the notes.
//! Seeds: the fitnotes fixtures (fuzz/seed.sh).

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::import("import_fitnotes", data));
