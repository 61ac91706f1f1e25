//! The one path from the [`Settings`] to an analysis: importing the files they name, read as
//! they say (overlapping exports counted once), the diary and the pain inferred from notes,
//! and the analysis. Every command that analyses goes through here; the renderers only
//! see its results ([`Sources`], [`crate::analysis::Analysis`]).

use anyhow::Context;
use chrono::NaiveDate;

use crate::analysis::settings::AnalysisOptions;
use crate::analysis::{Analysis, Input, analyse, notes::pain_from_notes};
use crate::catalog::Catalog;
use crate::config::Settings;
use crate::diary::read_diary_within;
use crate::error::{AppError, FileError};
use crate::import::{ImportOptions, ImportedFile, Overlap, import_file, merge_overlaps};
use crate::model::{PainEntry, WorkoutSet};
use crate::progress::Progress;

/// Imports every file; files that cannot be read at all are collected and returned together.
/// Workouts that several files hold are counted once (unless `--keep-duplicates`).
pub fn import_all(
    paths: &[std::path::PathBuf],
    opts: &ImportOptions,
    catalog: &Catalog,
) -> Result<(Vec<ImportedFile>, Overlap), AppError> {
    let mut imported = Vec::new();
    let mut failed: Vec<FileError> = Vec::new();
    for path in paths {
        match import_file(path, opts, catalog) {
            Ok(f) => imported.push(f),
            Err(e) => failed.push(right_option(e, path)),
        }
    }
    if failed.is_empty() {
        let overlap = if opts.keep_duplicates {
            Overlap::default()
        } else {
            merge_overlaps(&mut imported)
        };
        Ok((imported, overlap))
    } else {
        Err(AppError::Files(failed))
    }
}

/// Everything the report was made from, for the renderers' header.
pub struct Sources {
    pub workout_files: Vec<String>,
    pub diary: Option<String>,
    pub inferred_from_notes: bool,
    pub rejected_rows: usize,
}

/// The imported inputs, ready to analyse over any period, with the settings they were read with.
pub struct Loaded<'s> {
    pub sets: Vec<WorkoutSet>,
    pub pain: Vec<PainEntry>,
    pub catalog: &'s Catalog,
    pub options: &'s AnalysisOptions,
    pub sources: Sources,
}

impl Loaded<'_> {
    pub fn analyse(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Analysis, AppError> {
        Ok(analyse(&Input {
            sets: &self.sets,
            pain: &self.pain,
            catalog: self.catalog,
            thresholds: &self.options.thresholds,
            conditions: &self.options.conditions,
            from,
            to,
            focus_weeks: self.options.focus_weeks(),
        })
        .context("the analysis failed")?)
    }
}

/// Imports the workouts and the diary the settings name.
pub fn read_inputs<'s>(
    settings: &'s Settings,
    progress: &Progress,
) -> Result<Loaded<'s>, AppError> {
    let inputs = &settings.inputs;
    let diary_path = &inputs.pain;
    // Without a diary, the notes are the only source of pain.
    let inferred = inputs.pain_from_notes || diary_path.is_none();
    if inputs.workouts.is_empty() {
        return Err(AppError::Usage(
            "no workout files: pass --workouts FILE... (exports from Strong, Hevy, FitNotes, \
             Fitbod, StrongLifts, JEFIT, GymBook, Fit Notes for iOS), or name them under [inputs] in strainscope.toml"
                .into(),
        ));
    }
    progress.step("reading the exports");
    let (files, overlap) = import_all(&inputs.workouts, &settings.import, &settings.catalog)?;
    if overlap.workouts > 0 {
        progress.warn(&format!(
            "{} workouts ({} sets) were in more than one file; each is counted once, from the latest export",
            overlap.workouts, overlap.sets
        ));
    }
    for f in &files {
        for n in &f.notices {
            progress.warn(&format!("{}: {n}", f.path));
        }
    }
    let mut rejected = 0;
    for f in &files {
        for e in &f.rejected {
            progress.warn(&format!("skipped {e}"));
        }
        rejected += f.rejected.len();
    }
    let sets: Vec<WorkoutSet> = files.iter().flat_map(|f| f.sets.iter().cloned()).collect();

    let mut pain: Vec<PainEntry> = Vec::new();
    if let Some(path) = diary_path {
        progress.step("reading the pain diary");
        let diary = read_pain_diary(path, &settings.import.dates.plausible)?;
        for e in &diary.rejected {
            progress.warn(&format!("skipped {e}"));
        }
        rejected += diary.rejected.len();
        pain.extend(diary.entries);
    }
    if inferred {
        pain.extend(pain_from_notes(&sets));
        pain.extend(files.iter().flat_map(|f| f.pain.iter().cloned()));
    }
    pain.sort_by_key(|p| p.at);
    let sources = Sources {
        workout_files: files.iter().map(|f| f.path.clone()).collect(),
        diary: diary_path.as_ref().map(|p| p.display().to_string()),
        inferred_from_notes: inferred,
        rejected_rows: rejected,
    };
    Ok(Loaded {
        sets,
        pain,
        catalog: &settings.catalog,
        options: &settings.analysis,
        sources,
    })
}

/// Imports the inputs and analyses the period from `from` to `to` (`--from`, `--to`).
pub fn load(
    settings: &Settings,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    progress: &Progress,
) -> Result<(Analysis, Sources), AppError> {
    let loaded = read_inputs(settings, progress)?;
    progress.step("analysing");
    let analysis = loaded.analyse(from, to)?;
    Ok((analysis, loaded.sources))
}

/// Reads a pain diary; a workout export passed as the diary says which option it belongs to.
pub fn read_pain_diary(
    path: &std::path::Path,
    dates: &crate::model::PlausibleDates,
) -> Result<crate::diary::Diary, AppError> {
    read_diary_within(path, dates).map_err(|e| AppError::Files(vec![right_option(e, path)]))
}

/// A file the reader for one option does not know may be one for the other option: a diary
/// passed to `--workouts`, a workout export passed to `--pain`. Then the error says so.
fn right_option(e: FileError, path: &std::path::Path) -> FileError {
    match &e {
        FileError::UnknownHeader { path: shown, .. } => match crate::diary::diary_kind_of(path) {
            Some(what) => FileError::WrongOption {
                path: shown.clone(),
                what: what.to_string(),
                option: "--pain",
                other: "--workouts",
            },
            None => e,
        },
        FileError::UnknownDiaryHeader { path: shown, .. } => {
            match crate::import::workout_app_of(path) {
                Some(app) => FileError::WrongOption {
                    path: shown.clone(),
                    what: format!("a {app} workout export"),
                    option: "--workouts",
                    other: "--pain",
                },
                None => e,
            }
        }
        _ => e,
    }
}
