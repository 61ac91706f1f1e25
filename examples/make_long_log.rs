//! Writes a generated multi-year log, as the benchmark uses it:
//! `cargo run --example make_long_log [-- OUT_DIR [YEARS]]` (default `long_log`, 5 years).
//!
//! `OUT_DIR` gets `strong.csv` (Strong v6) and `pain_diary.csv`, from
//! `strainscope::synth::simulate` with the planted pain model and seed 42, starting on Monday
//! 2021-01-04: about 6,000 sets and 100 pain entries a year. Used to time
//! `weekly --all-weeks` (docs/performance.md). A log that runs past today (more than 5 years)
//! is read with `--today` set after its last day, or its last sets are rejected as future dates.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use anyhow::{Context, Result};
use strainscope::synth::{self, PainModel, SimOptions};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "long_log".into()));
    let years: u32 = match args.next() {
        Some(y) => y.parse().context("YEARS is a whole number")?,
        None => 5,
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let log = synth::simulate(&SimOptions {
        seed: 42,
        start: chrono::NaiveDate::from_ymd_opt(2021, 1, 4).context("start date")?,
        weeks: 52 * years,
        pain: PainModel::Planted,
    });
    let workouts = dir.join("strong.csv");
    let diary = dir.join("pain_diary.csv");
    synth::write_strong_v6(&log.workouts, BufWriter::new(File::create(&workouts)?))?;
    synth::write_diary(&log.pain, BufWriter::new(File::create(&diary)?))?;
    println!(
        "wrote {} ({} sets) and {} ({} entries)",
        workouts.display(),
        log.set_count(),
        diary.display(),
        log.pain.len()
    );
    Ok(())
}
