#![no_main]
//! Any bytes read as a pain diary (strainscope's own or a Bearable export).

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let path = common::file_with("diary", "csv", data);
    let dates = strainscope::model::PlausibleDates::default();
    if let Ok(diary) = strainscope::diary::read_diary_within(&path, &dates) {
        for entry in &diary.entries {
            common::plausible(&dates, entry.at.date(), "diary entry");
        }
    }
});
