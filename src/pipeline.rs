//! The one path from the command line to an analysis: which files to read, how to read them,
//! importing them (overlapping exports counted once), the diary and the pain inferred from
//! notes, and the analysis. Every command that analyses goes through here; the renderers only
//! see its results ([`Sources`], [`crate::analysis::Analysis`]).

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;

use crate::analysis::settings::Thresholds;
use crate::analysis::{Analysis, Input, analyse, notes::pain_from_notes};
use crate::catalog::Catalog;
use crate::cli::{AnalysisArgs, ReadArgs, UnitArg};
use crate::config::LoadedConfig;
use crate::diary::read_diary;
use crate::error::{AppError, FileError};
use crate::import::{ImportOptions, ImportedFile, Overlap, import_file, merge_overlaps};
use crate::model::{Condition, PainEntry, WeightUnit, WorkoutSet};
use crate::progress::Progress;

/// Flags win over the config file; the config file wins over defaults.
pub fn options(read: &ReadArgs, config: &LoadedConfig) -> Result<ImportOptions, AppError> {
    let unit = match read.unit {
        Some(UnitArg::Kg) => Some(WeightUnit::Kg),
        Some(UnitArg::Lb) => Some(WeightUnit::Lb),
        None => config.unit()?,
    };
    let map = match &read.map {
        Some(m) => Some(m.clone()),
        None => config.map()?,
    };
    Ok(ImportOptions {
        unit,
        tz: read.tz.or(config.tz()?).unwrap_or(chrono_tz::Tz::UTC),
        map,
        date_order: match read.date_order {
            Some(o) => Some(o),
            None => config.date_order()?,
        },
        keep_duplicates: read.keep_duplicates,
    })
}

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

/// The files to read: the command line wins, then the config's `[inputs]`.
fn inputs(args: &AnalysisArgs, config: &LoadedConfig) -> (Vec<PathBuf>, Option<PathBuf>, bool) {
    let (workouts, pain) = if args.workouts.is_empty() {
        (
            config.workouts(),
            args.pain.clone().or_else(|| config.pain()),
        )
    } else {
        (args.workouts.clone(), args.pain.clone())
    };
    let from_notes = args.pain_from_notes || config.pain_from_notes() || pain.is_none();
    (workouts, pain, from_notes)
}

/// The imported inputs, ready to analyse over any period.
pub struct Loaded {
    pub sets: Vec<WorkoutSet>,
    pub pain: Vec<PainEntry>,
    pub catalog: Catalog,
    pub thresholds: Thresholds,
    pub conditions: Vec<Condition>,
    pub sources: Sources,
}

impl Loaded {
    pub fn analyse(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Analysis, AppError> {
        Ok(analyse(&Input {
            sets: &self.sets,
            pain: &self.pain,
            catalog: &self.catalog,
            thresholds: &self.thresholds,
            conditions: &self.conditions,
            from,
            to,
        })
        .context("the analysis failed")?)
    }
}

/// Imports the workouts and the diary (command line first, then the config's `[inputs]`).
pub fn read_inputs(
    args: &AnalysisArgs,
    config: &LoadedConfig,
    progress: &Progress,
) -> Result<Loaded, AppError> {
    let (workout_paths, diary_path, inferred) = inputs(args, config);
    if workout_paths.is_empty() {
        return Err(AppError::Usage(
            "no workout files: pass --workouts FILE... (exports from Strong, Hevy, FitNotes, \
             Fitbod, StrongLifts, JEFIT, GymBook, Fit Notes for iOS), or name them under [inputs] in strainscope.toml"
                .into(),
        ));
    }
    let catalog = config.catalog()?;
    let thresholds = config.thresholds()?;
    let conditions = config.conditions()?;
    let opts = options(&args.read, config)?;
    progress.step("reading the exports");
    let (files, overlap) = import_all(&workout_paths, &opts, &catalog)?;
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
    if let Some(path) = &diary_path {
        progress.step("reading the pain diary");
        let diary = read_pain_diary(path)?;
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
        catalog,
        thresholds,
        conditions,
        sources,
    })
}

/// Imports the inputs and analyses the period `--from`/`--to` asks for.
pub fn load(
    args: &AnalysisArgs,
    config: &LoadedConfig,
    progress: &Progress,
) -> Result<(Analysis, Sources), AppError> {
    let loaded = read_inputs(args, config, progress)?;
    progress.step("analysing");
    let analysis = loaded.analyse(args.from, args.to)?;
    Ok((analysis, loaded.sources))
}

/// Reads a pain diary; a workout export passed as the diary says which option it belongs to.
pub fn read_pain_diary(path: &std::path::Path) -> Result<crate::diary::Diary, AppError> {
    read_diary(path).map_err(|e| AppError::Files(vec![right_option(e, path)]))
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
