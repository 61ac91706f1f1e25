//! What every target shares: the bytes go to a file of their own, as a user's export would,
//! and are read through the same entry points as the binary's.

use std::path::PathBuf;

use chrono::NaiveDate;

use strainscope::catalog::Catalog;
use strainscope::import::{DateOrder, ImportOptions, import_file};
use strainscope::model::{PlausibleDates, WeightUnit};

/// A file in the temp dir, one per target and process, rewritten for every input.
pub fn file_with(target: &str, ext: &str, data: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "strainscope-fuzz-{target}-{}.{ext}",
        std::process::id()
    ));
    std::fs::write(&path, data).expect("the temp dir is writable");
    path
}

/// Reads the bytes as an export. The first byte picks the options a user may pass (unit,
/// day/month order), so the readers that need them get past detection.
#[allow(dead_code)]
pub fn import(target: &str, data: &[u8]) {
    let Some((&choice, body)) = data.split_first() else {
        return;
    };
    let mut opts = ImportOptions {
        unit: [None, Some(WeightUnit::Kg), Some(WeightUnit::Lb)][usize::from(choice % 3)],
        ..ImportOptions::default()
    };
    opts.dates.order =
        [None, Some(DateOrder::Dmy), Some(DateOrder::Mdy)][usize::from(choice / 3 % 3)];
    let path = file_with(target, "csv", body);
    if let Ok(file) = import_file(&path, &opts, Catalog::embedded()) {
        let dates = &opts.dates.plausible;
        for set in &file.sets {
            plausible(dates, set.start.date(), "set");
        }
        for entry in &file.pain {
            plausible(dates, entry.at.date(), "pain entry");
        }
        let _ = strainscope::analysis::notes::pain_from_notes(&file.sets);
    }
}

/// What the analysis relies on: nothing dated outside the plausible dates gets past a reader,
/// since one far-off date stretches every per-day series to its span. The fuzzer times only
/// the reading, so without this check such an input passes here and is slow only in `report`
/// (the campaign's one slow input: a JEFIT injury note dated 9999-12-31, 8.4 s and 1.9 GB).
pub fn plausible(dates: &PlausibleDates, day: NaiveDate, what: &str) {
    assert!(
        dates.contains(day),
        "a {what} dated {day} got past the reader ({})",
        dates.expected()
    );
}
