//! `strainscope report`: import, analyse, render.

use anyhow::Context;

use crate::analysis::{Analysis, Input, analyse, notes::pain_from_notes};
use crate::app::AppError;
use crate::cli::{ReportArgs, ReportFormat};
use crate::config::LoadedConfig;
use crate::diary::read_diary;
use crate::error::exit;
use crate::model::{PainEntry, WorkoutSet};
use crate::report;

use super::import::{import_all, options};
use super::{print, write_output};

/// Everything the report was made from, for the renderers' header.
pub struct Sources {
    pub workout_files: Vec<String>,
    pub diary: Option<String>,
    pub inferred_from_notes: bool,
    pub rejected_rows: usize,
}

pub fn run(args: &ReportArgs, config: &LoadedConfig) -> Result<u8, AppError> {
    if args.workouts.is_empty() {
        return Err(AppError::Usage(
            "no workout files: pass --workouts FILE... (exports from Strong, Hevy, FitNotes, Fitbod)"
                .into(),
        ));
    }
    let catalog = config.catalog()?;
    let thresholds = config.thresholds()?;
    let opts = options(&args.read, config)?;
    let files = import_all(&args.workouts, &opts, &catalog)?;
    let mut rejected = 0;
    for f in &files {
        for e in &f.rejected {
            eprintln!("warning: skipped {e}");
        }
        rejected += f.rejected.len();
    }
    let sets: Vec<WorkoutSet> = files.iter().flat_map(|f| f.sets.iter().cloned()).collect();

    let mut pain: Vec<PainEntry> = Vec::new();
    if let Some(path) = &args.pain {
        let diary = read_diary(path).map_err(|e| AppError::Files(vec![e]))?;
        for e in &diary.rejected {
            eprintln!("warning: skipped {e}");
        }
        rejected += diary.rejected.len();
        pain.extend(diary.entries);
    }
    let inferred = args.pain_from_notes || args.pain.is_none();
    if inferred {
        pain.extend(pain_from_notes(&sets));
    }
    pain.sort_by_key(|p| p.at);

    let analysis = analyse(&Input {
        sets: &sets,
        pain: &pain,
        catalog: &catalog,
        thresholds: &thresholds,
        from: args.from,
        to: args.to,
    })
    .context("the analysis failed")?;
    let sources = Sources {
        workout_files: files.iter().map(|f| f.path.clone()).collect(),
        diary: args.pain.as_ref().map(|p| p.display().to_string()),
        inferred_from_notes: inferred,
        rejected_rows: rejected,
    };
    let text = render(&analysis, &sources, args.format)?;
    match &args.out {
        Some(path) => write_output(path, text.as_bytes())?,
        None => print(&text)?,
    }
    Ok(exit::OK)
}

pub fn render(
    analysis: &Analysis,
    sources: &Sources,
    format: ReportFormat,
) -> anyhow::Result<String> {
    Ok(match format {
        ReportFormat::Json => report::json::render(analysis, sources)?,
        ReportFormat::Text => report::text::render(analysis, sources),
    })
}
