//! `strainscope report`: import, analyse, render. [`load`] is shared with `charts` and
//! `weekly`: every command that analyses reads its inputs the same way.

use std::path::PathBuf;

use anyhow::Context;

use crate::analysis::{Analysis, Input, analyse, notes::pain_from_notes};
use crate::app::AppError;
use crate::cli::{AnalysisArgs, ColorWhen, ReportArgs, ReportFormat};
use crate::config::LoadedConfig;
use crate::diary::read_diary;
use crate::error::exit;
use crate::model::{PainEntry, WorkoutSet};
use crate::report;

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

/// Imports the workouts and the diary and runs the analysis.
pub fn load(
    args: &AnalysisArgs,
    config: &LoadedConfig,
    progress: &Progress,
) -> Result<(Analysis, Sources), AppError> {
    let (workout_paths, diary_path, inferred) = inputs(args, config);
    if workout_paths.is_empty() {
        return Err(AppError::Usage(
            "no workout files: pass --workouts FILE... (exports from Strong, Hevy, FitNotes, \
             Fitbod), or name them under [inputs] in strainscope.toml"
                .into(),
        ));
    }
    let catalog = config.catalog()?;
    let thresholds = config.thresholds()?;
    let conditions = config.conditions()?;
    let opts = options(&args.read, config)?;
    progress.step("reading the exports");
    let files = import_all(&workout_paths, &opts, &catalog)?;
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
    }
    pain.sort_by_key(|p| p.at);

    progress.step("analysing");
    let analysis = analyse(&Input {
        sets: &sets,
        pain: &pain,
        catalog: &catalog,
        thresholds: &thresholds,
        conditions: &conditions,
        from: args.from,
        to: args.to,
    })
    .context("the analysis failed")?;
    let sources = Sources {
        workout_files: files.iter().map(|f| f.path.clone()).collect(),
        diary: diary_path.as_ref().map(|p| p.display().to_string()),
        inferred_from_notes: inferred,
        rejected_rows: rejected,
    };
    Ok((analysis, sources))
}

pub fn run(args: &ReportArgs, config: &LoadedConfig, quiet: bool) -> Result<u8, AppError> {
    let progress = Progress::new(quiet, 3);
    let (analysis, sources) = load(&args.input, config, &progress)?;
    progress.step("rendering");
    // Colour only ever goes to a terminal: never into --out files or other formats.
    let color = args.format == ReportFormat::Text
        && args.out.is_none()
        && use_color(args.color, &std::io::stdout());
    let text = render(&analysis, &sources, args.format, color)?;
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

pub fn render(
    analysis: &Analysis,
    sources: &Sources,
    format: ReportFormat,
    color: bool,
) -> anyhow::Result<String> {
    Ok(match format {
        ReportFormat::Json => report::json::render(analysis, sources)?,
        ReportFormat::Text => report::text::render(analysis, sources, color),
        ReportFormat::Md => report::markdown::render(analysis, sources),
        ReportFormat::Html => report::html::render(analysis, sources, &[])?,
    })
}
