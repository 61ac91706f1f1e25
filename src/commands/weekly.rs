//! `strainscope weekly`: the weekly PDF for one ISO week (by default the last complete one in
//! the data), or one per week with `--all-weeks`. The log is analysed once; each week's PDF is
//! cut from that analysis (analysis/digest.rs says what is as of the week's Sunday).

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{Duration, NaiveDate};

use crate::analysis::Analysis;
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

use super::{Inputs, print, write_output};
use crate::pipeline::{Loaded, read_inputs};
use crate::progress::Progress;

pub fn run(args: &WeeklyArgs, settings: &Settings, quiet: bool) -> Result<u8, AppError> {
    let inputs = Inputs::of(settings);
    if !args.all_weeks {
        // Refused before the log is read; the PDFs of --all-weeks are named after the weeks.
        inputs.refuse("--out", &args.out)?;
    }
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
        // A week whose PDF would compare nothing with nothing (no training and no pain in it
        // or the 4 weeks before) is left out: a long layoff costs no PDFs, and a short break
        // still gets its pages.
        let kept = weeks_with_data(&whole.weekly);
        whole
            .weekly
            .iter()
            .zip(kept)
            .filter_map(|(w, keep)| keep.then_some(w))
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
    let paths: Vec<PathBuf> = mondays
        .iter()
        .map(|&monday| match (&args.out_dir, args.all_weeks) {
            (Some(dir), true) => dir.join(format!("week-{}.pdf", IsoWeek::of(monday))),
            _ => args.out.clone(),
        })
        .collect();
    let option = if args.all_weeks { "--out-dir" } else { "--out" };
    for path in &paths {
        inputs.refuse(option, path)?;
    }
    if args.all_weeks {
        let dir = args.out_dir.as_deref().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    }
    progress.add_steps(mondays.len() as u64);
    // One week is analysed with the data up to its Sunday, so its PDF shows exactly what was
    // known then (routine findings are about the four weeks up to it). Every week at once is
    // cut from the one analysis of the whole period (digest.rs says how).
    let single;
    let analysis = match mondays.as_slice() {
        [monday] if !args.all_weeks => {
            single = week_analysis(&loaded, args.input.from, args.input.to, *monday)?;
            &single
        }
        _ => &whole,
    };
    let weeks = Weeks::new(&loaded, analysis)?;
    let pdfs = render_weeks(&weeks, &mondays, &progress);
    // Every PDF is written before the first line is printed: a stdout closed early
    // (`| head -1`) ends the run quietly, and must not end it with weeks left unwritten.
    let mut said = String::new();
    for ((monday, path), pdf) in mondays.into_iter().zip(paths).zip(pdfs) {
        write_output(&path, &pdf?)?;
        said.push_str(&format!(
            "wrote {} ({})\n",
            super::shown_path(&path),
            IsoWeek::of(monday)
        ));
    }
    progress.finish();
    if !quiet {
        print(&said)?;
    }
    Ok(exit::OK)
}

/// Which weeks of `--all-weeks` get a PDF: those with training or pain in them or in the
/// [`WEEKLY_ACWR_WEEKS`] weeks before (what the PDF compares the week with). Weeks are
/// consecutive, so "before" is by position.
fn weeks_with_data(weeks: &[crate::analysis::weekly::Week]) -> Vec<bool> {
    use crate::analysis::weekly::WEEKLY_ACWR_WEEKS;
    let has_data: Vec<bool> = weeks
        .iter()
        .map(|w| w.training.sessions > 0 || w.pain.peak.is_some())
        .collect();
    (0..weeks.len())
        .map(|i| has_data[i.saturating_sub(WEEKLY_ACWR_WEEKS)..=i].contains(&true))
        .collect()
}

/// Every week's PDF, in the order of `mondays`. The weeks are independent, so they are
/// rendered on every core, each thread taking a run of consecutive weeks.
fn render_weeks(
    weeks: &Weeks,
    mondays: &[NaiveDate],
    progress: &Progress,
) -> Vec<Result<Vec<u8>, AppError>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = mondays.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let runs: Vec<_> = mondays
            .chunks(per_thread)
            .map(|run| {
                s.spawn(move || {
                    run.iter()
                        .map(|&monday| {
                            let pdf = weeks.pdf(monday);
                            progress.step(&format!("week {}", IsoWeek::of(monday)));
                            pdf
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        runs.into_iter()
            .flat_map(|run| {
                run.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// One week's PDF, from an analysis that ends with the week (or `to`, if earlier).
pub fn week_pdf(
    loaded: &Loaded,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    monday: NaiveDate,
) -> Result<Vec<u8>, AppError> {
    let analysis = week_analysis(loaded, from, to, monday)?;
    Weeks::new(loaded, &analysis)?.pdf(monday)
}

fn week_analysis(
    loaded: &Loaded,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    monday: NaiveDate,
) -> Result<Analysis, AppError> {
    let sunday = monday + Duration::days(6);
    loaded.analyse(from, Some(to.map_or(sunday, |t| t.min(sunday))))
}

/// What every week's PDF shares: the one analysis and its chart data.
pub struct Weeks<'a> {
    loaded: &'a Loaded<'a>,
    analysis: &'a Analysis,
    charts: ChartData<'a>,
}

impl<'a> Weeks<'a> {
    pub fn new(loaded: &'a Loaded<'a>, analysis: &'a Analysis) -> Result<Self, AppError> {
        crate::chart::register_fonts()?;
        Ok(Weeks {
            loaded,
            analysis,
            charts: ChartData::new(analysis),
        })
    }

    /// The PDF of the week starting `monday`.
    pub fn pdf(&self, monday: NaiveDate) -> Result<Vec<u8>, AppError> {
        let (document, load_chart) = self.content(monday)?;
        Ok(pdf::render(&WeeklyInput {
            document: &document,
            load_chart: &load_chart,
        })?)
    }

    /// The elements of the week's PDF as placed on its pages, for the layout tests.
    pub fn layout(&self, monday: NaiveDate) -> Result<pdf::layout::Pages, AppError> {
        let (document, load_chart) = self.content(monday)?;
        Ok(pdf::layout(&WeeklyInput {
            document: &document,
            load_chart: &load_chart,
        })?)
    }

    fn content(&self, monday: NaiveDate) -> Result<(WeeklyDocument, Figure), AppError> {
        let digest =
            digest::digest(self.analysis, monday, self.loaded.catalog).ok_or_else(|| {
                AppError::Usage(format!(
                    "{} has no days in the analysed period",
                    IsoWeek::of(monday)
                ))
            })?;
        let load_chart = load_figure(&self.charts, &digest)?;
        let document =
            WeeklyDocument::build(&digest, self.analysis, &self.charts, &self.loaded.sources);
        Ok((document, load_chart))
    }
}

/// Load and pain over the week and the four before it.
fn load_figure(a: &ChartData, d: &WeekDigest) -> anyhow::Result<Figure> {
    let load = ChartKind::Load;
    Ok(Figure {
        title: load.title().into(),
        svg: crate::chart::svg(load, a, Some(d.chart), crate::chart::WEEKLY_LOAD_SIZE)?,
    })
}
