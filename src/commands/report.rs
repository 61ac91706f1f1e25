//! `strainscope report`: import, analyse, render. [`load`] is shared with `charts` and
//! `weekly`: every command that analyses reads its inputs the same way.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;

use crate::analysis::settings::Thresholds;
use crate::analysis::{Analysis, Input, analyse, notes::pain_from_notes};
use crate::app::AppError;
use crate::catalog::Catalog;
use crate::chart::ChartKind;
use crate::cli::{AnalysisArgs, ColorWhen, ReportArgs, ReportFormat};
use crate::config::LoadedConfig;
use crate::diary::read_diary;
use crate::error::exit;
use crate::model::{Condition, PainEntry, WorkoutSet};
use crate::report::{self, Figure};

use super::import::{import_all, options};
use super::progress::Progress;
use super::{print, write_output};

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
        let diary = read_diary(path).map_err(|e| AppError::Files(vec![e]))?;
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

pub fn run(args: &ReportArgs, config: &LoadedConfig, quiet: bool) -> Result<u8, AppError> {
    let progress = Progress::new(quiet, 5);
    let (analysis, sources) = load(&args.input, config, &progress)?;
    progress.step("rendering");
    // Colour only ever goes to a terminal: never into --out files or other formats.
    let color = args.format == ReportFormat::Text
        && args.out.is_none()
        && use_color(args.color, &std::io::stdout());
    let figs = if args.format == ReportFormat::Html {
        progress.step("drawing the charts");
        figures(&analysis)?
    } else {
        Vec::new()
    };
    let text = render(&analysis, &sources, args.format, color, &figs)?;
    progress.finish();
    match &args.out {
        Some(path) => write_output(path, text.as_bytes())?,
        None => print(&text)?,
    }
    Ok(exit::OK)
}

/// `--color` first; under `auto`, anstream's rules: NO_COLOR and CLICOLOR=0 turn colour off,
/// CLICOLOR_FORCE turns it on, otherwise colour only when the stream is a terminal.
pub fn use_color(when: ColorWhen, stream: &std::io::Stdout) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => !matches!(
            anstream::AutoStream::choice(stream),
            anstream::ColorChoice::Never
        ),
    }
}

/// Every chart as SVG, for the HTML report.
pub fn figures(a: &Analysis) -> anyhow::Result<Vec<Figure>> {
    crate::chart::register_fonts()?;
    ChartKind::ALL
        .iter()
        .map(|&kind| {
            Ok(Figure {
                title: kind.title().to_string(),
                svg: crate::chart::svg(kind, a, None, kind.default_size())?,
            })
        })
        .collect()
}

pub fn render(
    analysis: &Analysis,
    sources: &Sources,
    format: ReportFormat,
    color: bool,
    figures: &[Figure],
) -> anyhow::Result<String> {
    Ok(match format {
        ReportFormat::Json => report::json::render(analysis, sources)?,
        ReportFormat::Text => report::text::render(analysis, sources, color),
        ReportFormat::Md => report::markdown::render(analysis, sources),
        ReportFormat::Html => report::html::render(analysis, sources, figures)?,
    })
}
