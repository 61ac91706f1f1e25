//! `strainscope import`: validate exports and summarise them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::Context;
use serde::Serialize;

use crate::analysis::totals::{Totals, file_totals};
use crate::cli::ImportArgs;
use crate::config::Settings;
use crate::error::AppError;
use crate::error::{Position, RowError, exit};
use crate::import::{ImportedFile, Overlap, unknown_exercises, write_generic};

use super::{Inputs, print, write_output};
use crate::pipeline::import_all;

pub const SCHEMA_VERSION: u32 = 1;

/// The `--json` document.
#[derive(Debug, Serialize)]
pub struct ImportReport {
    pub schema_version: u32,
    #[serde(flatten)]
    pub totals: Totals,
    #[serde(flatten)]
    pub skipped: Skipped<usize>,
    pub rejected: Vec<RejectedRow>,
    /// Workouts found in more than one file (overlapping exports), counted once.
    pub merged: Overlap,
    pub files: Vec<FileReport>,
    pub unknown_exercises: Vec<UnknownExercise>,
    pub notices: Vec<String>,
}

/// The lines skipped as no sets: pseudo-rows (rest timers, notes, …) and blank lines.
#[derive(Debug, Serialize)]
pub struct Skipped<P> {
    /// By kind for one file; in all for the whole import.
    pub pseudo_rows: P,
    pub blank_lines: usize,
}

#[derive(Debug, Serialize)]
pub struct RejectedRow {
    #[serde(flatten)]
    pub at: Position,
    pub reason: String,
}

impl From<&RowError> for RejectedRow {
    fn from(e: &RowError) -> Self {
        RejectedRow {
            at: e.at.clone(),
            reason: e.reason(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct FileReport {
    pub path: String,
    pub format: &'static str,
    #[serde(flatten)]
    pub totals: Totals,
    #[serde(flatten)]
    pub skipped: Skipped<BTreeMap<&'static str, usize>>,
    pub rejected: usize,
    pub unknown_exercises: usize,
    /// Share of the file's sets whose exercise the catalog knows, in percent (one decimal).
    pub known_exercise_pct: f64,
}

#[derive(Debug, Serialize)]
pub struct UnknownExercise {
    pub name: String,
    pub sets: usize,
}

pub fn run(args: &ImportArgs, settings: &Settings) -> Result<u8, AppError> {
    if let Some(out) = &args.out {
        Inputs::of_import(&args.files, settings).refuse("--out", out)?;
    }
    let (files, overlap) = import_all(&args.files, &settings.import, &settings.catalog)?;
    let report = build_report(&files, overlap)?;

    if let Some(out) = &args.out {
        let sets: Vec<_> = files.iter().flat_map(|f| f.sets.iter().cloned()).collect();
        let mut bytes = Vec::new();
        write_generic(&sets, &mut bytes).context("cannot format the sets as CSV")?;
        write_output(out, &bytes)?;
    }
    let to_stdout = args.out.as_deref().is_some_and(|p| p.as_os_str() == "-");
    if args.json {
        let json = serde_json::to_string_pretty(&report).context("cannot format JSON")?;
        if to_stdout {
            crate::output::err_line(&json);
        } else {
            print(&(json + "\n"))?;
        }
    } else {
        // File names, exercise names and values are the user's: controls shown as escapes.
        let text = render_text(&report, &files);
        let text = crate::text::visible(&text, crate::text::Breaks::Keep);
        if to_stdout {
            crate::output::err(&text);
        } else {
            print(&text)?;
        }
    }
    if args.strict && !report.rejected.is_empty() {
        crate::output::err(&strict_error(&files));
        return Ok(exit::BAD_DATA);
    }
    Ok(exit::OK)
}

/// How many bad rows `--strict` shows on stderr.
const STRICT_SHOWN: usize = 5;

/// The `--strict` failure: the count, then the first bad rows themselves.
fn strict_error(files: &[ImportedFile]) -> String {
    let all: Vec<&RowError> = files.iter().flat_map(|f| &f.rejected).collect();
    let mut s = format!(
        "error: {} bad row{} (--strict); the first:\n",
        all.len(),
        if all.len() == 1 { "" } else { "s" }
    );
    for e in all.iter().take(STRICT_SHOWN) {
        let _ = writeln!(s, "  {e}");
    }
    if all.len() > STRICT_SHOWN {
        let _ = writeln!(
            s,
            "  … and {} more (import --json lists them all)",
            all.len() - STRICT_SHOWN
        );
    }
    s
}

pub fn build_report(files: &[ImportedFile], merged: Overlap) -> anyhow::Result<ImportReport> {
    let mut totals = Totals::EMPTY;
    let mut reports = Vec::new();
    let mut all_unknown: BTreeMap<String, usize> = BTreeMap::new();
    for f in files {
        let t = file_totals(&f.sets).context("cannot summarise the sets")?;
        totals = totals.add(&t);
        let unknown = unknown_exercises(&f.sets);
        reports.push(FileReport {
            path: f.path.clone(),
            format: f.format,
            totals: t,
            skipped: Skipped {
                pseudo_rows: f.pseudo_rows.clone(),
                blank_lines: f.blank_lines,
            },
            rejected: f.rejected.len(),
            unknown_exercises: unknown.len(),
            known_exercise_pct: known_pct(&f.sets),
        });
        for (name, n) in unknown {
            *all_unknown.entry(name).or_default() += n;
        }
    }
    Ok(ImportReport {
        schema_version: SCHEMA_VERSION,
        totals,
        skipped: Skipped {
            pseudo_rows: files.iter().flat_map(|f| f.pseudo_rows.values()).sum(),
            blank_lines: files.iter().map(|f| f.blank_lines).sum(),
        },
        rejected: files
            .iter()
            .flat_map(|f| f.rejected.iter().map(RejectedRow::from))
            .collect(),
        merged,
        files: reports,
        unknown_exercises: all_unknown
            .into_iter()
            .map(|(name, sets)| UnknownExercise { name, sets })
            .collect(),
        notices: files
            .iter()
            .flat_map(|f| f.notices.iter().cloned())
            .collect(),
    })
}

/// The share of sets whose exercise the catalog knows, in percent, to one decimal.
fn known_pct(sets: &[crate::model::WorkoutSet]) -> f64 {
    if sets.is_empty() {
        return 0.0;
    }
    let known = sets.iter().filter(|s| s.canonical.is_some()).count();
    (1000.0 * known as f64 / sets.len() as f64).round() / 10.0
}

/// How many rejected rows the text summary lists per file before saying "and N more".
const REJECTED_SHOWN: usize = 20;

fn render_text(report: &ImportReport, files: &[ImportedFile]) -> String {
    let mut s = String::new();
    for (f, file) in report.files.iter().zip(files) {
        let _ = writeln!(s, "{}  ({})", f.path, f.format);
        write_totals(&mut s, &f.totals);
        let skipped = &f.skipped;
        if !skipped.pseudo_rows.is_empty() || skipped.blank_lines > 0 {
            let mut parts: Vec<String> = skipped
                .pseudo_rows
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            if skipped.blank_lines > 0 {
                parts.push(format!("{} blank lines", skipped.blank_lines));
            }
            let _ = writeln!(s, "  skipped    {} (not sets)", parts.join(", "));
        }
        if file.rejected.is_empty() {
            let _ = writeln!(s, "  rejected   0 rows");
        } else {
            let _ = writeln!(s, "  rejected   {} rows:", file.rejected.len());
            for e in file.rejected.iter().take(REJECTED_SHOWN) {
                let _ = writeln!(s, "    {e}");
            }
            if file.rejected.len() > REJECTED_SHOWN {
                let _ = writeln!(
                    s,
                    "    … and {} more (--json lists them all)",
                    file.rejected.len() - REJECTED_SHOWN
                );
            }
        }
        let unknown = unknown_exercises(&file.sets);
        if !unknown.is_empty() {
            let _ = writeln!(
                s,
                "  unknown    {} exercise names the catalog does not know ({:.1} % of sets known; map the rest in strainscope.toml):",
                unknown.len(),
                f.known_exercise_pct
            );
            for (name, n) in &unknown {
                let _ = writeln!(s, "    {name:?} ({n} sets)");
            }
        }
        for n in &file.notices {
            let _ = writeln!(s, "  note       {n}");
        }
        s.push('\n');
    }
    if report.files.len() > 1 {
        let _ = writeln!(s, "All {} files", report.files.len());
        write_totals(&mut s, &report.totals);
        let _ = writeln!(s, "  rejected   {} rows", report.rejected.len());
        let _ = writeln!(
            s,
            "  merged     {} workouts ({} sets) were in more than one file and are counted once",
            report.merged.workouts, report.merged.sets
        );
    }
    s
}

fn write_totals(s: &mut String, t: &Totals) {
    let _ = writeln!(
        s,
        "  workouts   {}\n  sets       {} ({} warm-up)\n  volume     {:.1} kg (working sets, reps × weight)",
        t.workouts, t.sets, t.warmup_sets, t.volume_kg
    );
    match (t.days.first_day, t.days.last_day) {
        (Some(a), Some(b)) => {
            let _ = writeln!(s, "  dates      {a} to {b}");
        }
        _ => {
            let _ = writeln!(s, "  dates      (no sets)");
        }
    }
}
