//! `strainscope weekly`: the weekly PDF for one ISO week (by default the last complete one in
//! the data), or one per week with `--all-weeks`. Each week is analysed with the data up to
//! its Sunday, so a PDF shows what was known at the end of that week.

use std::path::Path;

use anyhow::Context;
use chrono::{Duration, NaiveDate};

use crate::analysis::digest::{self, WeekDigest};
use crate::chart::ChartKind;
use crate::cli::WeeklyArgs;
use crate::config::Settings;
use crate::error::AppError;
use crate::error::exit;
use crate::model::IsoWeek;
use crate::report::Figure;
use crate::report::document::charts::ChartData;
use crate::report::document::weekly::WeeklyDocument;
use crate::report::pdf::{self, WeeklyInput};

use super::{print, write_output};
use crate::pipeline::{Loaded, read_inputs};
use crate::progress::Progress;

pub fn run(args: &WeeklyArgs, settings: &Settings, quiet: bool) -> Result<u8, AppError> {
    let progress = Progress::new(quiet, 3);
    let loaded = read_inputs(settings, &progress)?;
    progress.step("analysing");
    let whole = loaded.analyse(args.input.from, args.input.to)?;
    let (Some(first_day), Some(last_day)) = (whole.period.from, whole.period.to) else {
        return Err(AppError::Usage(
            "no training or pain in the period: nothing to report".into(),
        ));
    };
    let mondays: Vec<NaiveDate> = if args.all_weeks {
        whole
            .weekly
            .iter()
            .map(|w| {
                w.first_day
                    - Duration::days(i64::from(
                        chrono::Datelike::weekday(&w.first_day).num_days_from_monday(),
                    ))
            })
            .collect()
    } else {
        let monday = match &args.week {
            Some(w) => digest::parse_week(w).map_err(AppError::Usage)?,
            None => digest::last_complete_week(last_day),
        };
        if monday + Duration::days(6) < first_day || monday > last_day {
            return Err(AppError::Usage(format!(
                "{} is outside the data, which runs from {first_day} ({}) to {last_day} ({})",
                IsoWeek::of(monday),
                IsoWeek::of(first_day),
                IsoWeek::of(last_day)
            )));
        }
        vec![monday]
    };
    if args.all_weeks {
        let dir = args.out_dir.as_deref().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    }
    progress.add_steps(mondays.len() as u64);
    for monday in mondays {
        let label = IsoWeek::of(monday);
        progress.step(&format!("week {label}"));
        let pdf = week_pdf(&loaded, args.input.from, args.input.to, monday)?;
        let path = match (&args.out_dir, args.all_weeks) {
            (Some(dir), true) => dir.join(format!("week-{label}.pdf")),
            _ => args.out.clone(),
        };
        write_output(&path, &pdf)?;
        if !quiet {
            progress.suspend(|| print(&format!("wrote {} ({label})\n", path.display())))?;
        }
    }
    progress.finish();
    Ok(exit::OK)
}

/// One week's PDF, from an analysis that ends with the week (or `to`, if earlier).
pub fn week_pdf(
    loaded: &Loaded,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    monday: NaiveDate,
) -> Result<Vec<u8>, AppError> {
    let sunday = monday + Duration::days(6);
    let to = to.map_or(sunday, |t| t.min(sunday));
    let analysis = loaded.analyse(from, Some(to))?;
    let digest = digest::digest(&analysis, monday).ok_or_else(|| {
        AppError::Usage(format!(
            "{} has no days in the analysed period",
            IsoWeek::of(monday)
        ))
    })?;
    let charts = ChartData::new(&analysis);
    let (load_chart, associations_chart) = figures(&charts, &digest)?;
    let document = WeeklyDocument::build(&digest, &analysis, &charts, &loaded.sources);
    let pdf = pdf::render(&WeeklyInput {
        document: &document,
        load_chart: &load_chart,
        associations_chart: &associations_chart,
    })?;
    Ok(pdf)
}

/// The two charts the PDF embeds: load and pain over the five weeks, and the forest plot of
/// the associations to date.
fn figures(a: &ChartData, d: &WeekDigest) -> anyhow::Result<(Figure, Figure)> {
    crate::chart::register_fonts()?;
    let load = ChartKind::Load;
    let forest = ChartKind::Associations;
    Ok((
        Figure {
            title: load.title().into(),
            svg: crate::chart::svg(load, a, Some(d.chart), WEEKLY_LOAD_SIZE)?,
        },
        Figure {
            title: forest.title().into(),
            svg: crate::chart::svg(forest, a, None, WEEKLY_FOREST_SIZE)?,
        },
    ))
}

/// Sized so the charts' smallest text (13 px, written as 10.5 in the SVG) prints at 7 pt or
/// more where the PDF places them (230 pt high; the A4 text width): wide and short for the
/// load chart under page 1's warnings, taller for the forest plot. tests/cli/weekly.rs
/// measures every word of the PDF.
pub const WEEKLY_LOAD_SIZE: (u32, u32) = (700, 340);
pub const WEEKLY_FOREST_SIZE: (u32, u32) = (740, 620);
