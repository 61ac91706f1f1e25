//! Writes the synthetic sample logs: `cargo run --example make_sample_logs [-- OUT_DIR]`.
//!
//! `OUT_DIR` (default `sample_logs`) gets `strong.csv` (weeks 1–13, logged in Strong),
//! `hevy.csv` (weeks 14–26, after the switch to Hevy) and `pain_diary.csv`. The output is
//! deterministic: running it twice gives byte-identical files. A summary of the planted facts
//! goes to stdout.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use strainscope::synth::{self, STORY_HEVY_FROM, SynthWorkout};

fn main() -> Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "sample_logs".into()),
    );
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;

    let log = synth::sample_story();
    let (strong, hevy): (Vec<SynthWorkout>, Vec<SynthWorkout>) = log
        .workouts
        .iter()
        .cloned()
        .partition(|w| w.date() < STORY_HEVY_FROM);

    write(&dir.join("strong.csv"), |f| {
        synth::write_strong_v6(&strong, f)
    })?;
    write(&dir.join("hevy.csv"), |f| synth::write_hevy(&hevy, f))?;
    write(&dir.join("pain_diary.csv"), |f| {
        synth::write_diary(&log.pain, f)
    })?;

    let mut summary = String::new();
    for (file, part) in [("strong.csv", &strong), ("hevy.csv", &hevy)] {
        let sets: usize = part.iter().map(SynthWorkout::set_count).sum();
        let warmups = part
            .iter()
            .flat_map(|w| &w.exercises)
            .flat_map(|e| &e.sets)
            .filter(|s| s.kind == strainscope::model::SetKind::Warmup)
            .count();
        writeln!(
            summary,
            "{file}: {} workouts ({} to {}), {sets} sets ({warmups} warm-ups)",
            part.len(),
            part.first()
                .map(|w| w.date().to_string())
                .unwrap_or_default(),
            part.last()
                .map(|w| w.date().to_string())
                .unwrap_or_default(),
        )?;
    }
    let (rest, notes) = strong_pseudo_rows(&dir.join("strong.csv"))?;
    writeln!(
        summary,
        "strong.csv pseudo-rows: {rest} Rest Timer, {notes} Note"
    )?;
    writeln!(summary, "pain_diary.csv: {} entries", log.pain.len())?;
    writeln!(summary)?;
    write!(summary, "{}", synth::story_facts(&log))?;
    // A closed pipe (`| head`) is not an error.
    let _ = std::io::stdout().lock().write_all(summary.as_bytes());
    Ok(())
}

fn write(path: &Path, f: impl FnOnce(BufWriter<File>) -> csv::Result<()>) -> Result<()> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    f(BufWriter::new(file)).with_context(|| format!("writing {}", path.display()))
}

/// Counts the `Rest Timer` and `Note` rows, reading the file back as an importer would.
fn strong_pseudo_rows(path: &Path) -> Result<(usize, usize)> {
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_path(path)?;
    let (mut rest, mut notes) = (0, 0);
    for record in reader.records() {
        match record?.get(5) {
            Some("Rest Timer") => rest += 1,
            Some("Note") => notes += 1,
            _ => {}
        }
    }
    Ok((rest, notes))
}
