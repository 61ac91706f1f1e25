//! What the charts draw: the series they plot and the rows they show, chosen here so that a
//! chart only draws. The forest plot's rows are the same rows the weekly PDF's table lists.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::analysis::Analysis;
use crate::analysis::associations::{Association, RiskRatio, group_label, inseparable_groups};
use crate::analysis::calendar::Day;
use crate::analysis::episodes::{Episode, soreness_only};
use crate::analysis::implicated::{Implicated, PainDay};
use crate::analysis::settings::Thresholds;
use crate::analysis::weekly::{ExerciseWeek, Week};
use crate::catalog::Catalog;
use crate::model::Region;

/// The forest plot shows at most this many rows, the highest RR first.
pub const FOREST_ROWS: usize = 12;
/// Of which at most this many are ordinary soreness, after the rest.
pub const SORENESS_ROWS: usize = 3;
/// The progress chart shows at most this many of the exercises the warnings name ...
pub const MAX_IMPLICATED: usize = 4;
/// ... or, when none is named, this many of the most trained ones.
pub const FALLBACK: usize = 3;

/// The series and rows of every chart.
pub struct ChartData<'a> {
    /// The analysed period (first and last day), None when nothing was analysed.
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub thresholds: &'a Thresholds,
    pub daily: &'a [Day],
    pub pain_days: &'a [PainDay],
    pub weekly: &'a [Week],
    pub episodes: &'a [Episode],
    pub forest: Forest,
    weekly_exercises: &'a [ExerciseWeek],
    implicated: &'a [Implicated],
}

/// The forest plot's rows: primary window, enough data, with an RR and its interval; one row
/// per exposure or group the log cannot tell apart; those whose interval lies above 1 first,
/// then by adjusted q and RR; at most [`FOREST_ROWS`]. Regions whose every episode was
/// soreness-like come after all the others, at most [`SORENESS_ROWS`] of their rows.
pub struct Forest {
    pub rows: Vec<ForestRow>,
    /// How many rows qualified before the cut.
    pub total: usize,
}

/// An estimate with its 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub rr: f64,
    pub low: f64,
    pub high: f64,
}

/// One row of the forest plot (and of the weekly PDF's association table).
#[derive(Debug, Clone, PartialEq)]
pub struct ForestRow {
    pub region: Region,
    /// The exposure, or the group's labels joined with " + ".
    pub label: String,
    /// Exposed sessions followed by an onset / exposed sessions, against the same for the
    /// others: "7/25 vs 0/86".
    pub counts: String,
    pub with: (u64, u64),
    pub without: (u64, u64),
    pub crude: Estimate,
    pub q: Option<f64>,
    /// The estimate stratified by the exposures that explain the region's pain; None when
    /// there was nothing to adjust for (it equals the crude one).
    pub adjusted: Option<Estimate>,
    pub q_adjusted: Option<f64>,
    /// The label of the selected exposure that explains this row's crude signal.
    pub explained_by: Option<String>,
    /// The region's every episode was soreness-like: ordinary training soreness.
    pub soreness: bool,
    /// The estimate the row is read by needed 0.5 added to every cell (a count was 0).
    pub haldane: bool,
}

impl ForestRow {
    /// The estimate the row is read by: adjusted when there was something to adjust for.
    pub fn estimate(&self) -> Estimate {
        self.adjusted.unwrap_or(self.crude)
    }
}

/// One exercise's weekly points: (week start, e1RM if any, tonnage).
pub struct ProgressLine {
    pub name: String,
    pub points: Vec<(NaiveDate, Option<f64>, f64)>,
}

/// The progress chart's lines for a span of days.
pub struct Progress {
    pub lines: Vec<ProgressLine>,
    /// True when no warning names a weighted exercise and the most trained ones are shown.
    pub fallback: bool,
    /// Named exercises left out for having no weighted sets.
    pub skipped: Vec<String>,
    /// The first week start with a point (it may lie before the span's first day).
    pub first_week: Option<NaiveDate>,
}

impl<'a> ChartData<'a> {
    pub fn new(a: &'a Analysis) -> Self {
        ChartData {
            period: a.period.from.zip(a.period.to),
            thresholds: &a.thresholds,
            daily: &a.daily,
            pain_days: &a.pain_days,
            weekly: &a.weekly,
            episodes: &a.pain.episodes,
            forest: forest(a),
            weekly_exercises: &a.per_week.exercises,
            implicated: &a.implicated,
        }
    }

    /// The regions the load chart colours in `first..=last`: those with pain or an episode
    /// there, the `max` with the most pain days (in region order), and the rest, left out.
    pub fn pain_regions(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        max: usize,
    ) -> (Vec<Region>, Vec<Region>) {
        let inside = |d: NaiveDate| d >= first && d <= last;
        let pain: Vec<&PainDay> = self.pain_days.iter().filter(|p| inside(p.date)).collect();
        let regions: std::collections::BTreeSet<Region> = pain
            .iter()
            .map(|p| p.region)
            .chain(
                self.episodes
                    .iter()
                    .filter(|e| e.onset.date() <= last && e.end >= first)
                    .map(|e| e.region),
            )
            .collect();
        let mut counted: Vec<(Region, usize)> = regions
            .into_iter()
            .map(|r| (r, pain.iter().filter(|p| p.region == r).count()))
            .collect();
        counted.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let hidden = counted.iter().skip(max).map(|x| x.0).collect();
        counted.truncate(max);
        let mut shown: Vec<Region> = counted.into_iter().map(|x| x.0).collect();
        shown.sort();
        (shown, hidden)
    }

    /// The weekly e1RM and tonnage of the exercises the warnings name (those with weighted
    /// sets, at most [`MAX_IMPLICATED`]), or else of the [`FALLBACK`] exercises with the most
    /// working sets, over the weeks that touch `first..=last`.
    pub fn progress(&self, first: NaiveDate, last: NaiveDate) -> Progress {
        let week_start: HashMap<crate::model::IsoWeek, NaiveDate> =
            self.weekly.iter().map(|w| (w.week, w.first_day)).collect();
        let rows: Vec<(&ExerciseWeek, NaiveDate)> = self
            .weekly_exercises
            .iter()
            .filter_map(|r| week_start.get(&r.week).map(|d| (r, *d)))
            .filter(|(_, d)| *d <= last && *d + Duration::days(6) >= first)
            .collect();
        let (chosen, fallback, skipped) = pick(self.implicated, &rows);
        let lines = chosen
            .into_iter()
            .map(|(id, name)| ProgressLine {
                name,
                points: rows
                    .iter()
                    .filter(|(r, _)| r.exercise == id)
                    .map(|(r, d)| (*d, r.e1rm.epley_kg, r.volume.load_kg))
                    .collect(),
            })
            .collect();
        Progress {
            lines,
            fallback,
            skipped,
            first_week: rows.iter().map(|(_, d)| *d).min(),
        }
    }
}

fn forest(a: &Analysis) -> Forest {
    let tested: Vec<&Association> = a
        .associations
        .iter()
        .filter(|r| r.window_h == a.thresholds.window_h && r.enough_data)
        .filter(|r| r.crude.rr.is_some())
        .collect();
    let label_of = |r: &Association, id: &str| {
        tested
            .iter()
            .find(|x| x.region == r.region && x.exposure == id)
            .map_or_else(|| id.replace('-', " "), |x| x.label.clone())
    };
    let estimate = |ratio: &RiskRatio| {
        ratio.rr.map(|r| Estimate {
            rr: r.rr,
            low: r.low,
            high: r.high,
        })
    };
    let rows: Vec<ForestRow> = inseparable_groups(&tested)
        .into_iter()
        .filter_map(|group| {
            let r = group[0];
            let adjusted = if r.adjusted_for.is_empty() {
                None
            } else {
                estimate(&r.adjusted)
            };
            // The correction the drawn estimate needed: the adjusted one's when there is one.
            let read_by = if adjusted.is_some() {
                &r.adjusted
            } else {
                &r.crude
            };
            Some(ForestRow {
                region: r.region,
                label: group_label(&group),
                counts: format!(
                    "{}/{} vs {}/{}",
                    r.table.a,
                    r.table.a + r.table.b,
                    r.table.c,
                    r.table.c + r.table.d
                ),
                with: (r.table.a, r.table.a + r.table.b),
                without: (r.table.c, r.table.c + r.table.d),
                crude: estimate(&r.crude)?,
                q: r.crude.q,
                adjusted,
                q_adjusted: r.adjusted.q,
                explained_by: r.explained_by.as_deref().map(|id| label_of(r, id)),
                soreness: soreness_only(&a.pain.episodes, r.region),
                haldane: read_by.rr.is_some_and(|e| e.haldane),
            })
        })
        .collect();
    let total = rows.len();
    let (mut sore, mut rows): (Vec<ForestRow>, Vec<ForestRow>) =
        rows.into_iter().partition(|r| r.soreness);
    // What the report acts on first: intervals above 1, then the adjusted q, then the RR.
    let order = |x: &ForestRow, y: &ForestRow| {
        (y.estimate().low > 1.0)
            .cmp(&(x.estimate().low > 1.0))
            .then(
                x.q_adjusted
                    .unwrap_or(1.0)
                    .total_cmp(&y.q_adjusted.unwrap_or(1.0)),
            )
            .then(y.estimate().rr.total_cmp(&x.estimate().rr))
    };
    rows.sort_by(order);
    sore.sort_by(order);
    // Soreness keeps at most SORENESS_ROWS places at the bottom, so it shows what it is
    // without filling the plot; the pain that matters has the rest.
    sore.truncate(SORENESS_ROWS);
    rows.truncate(FOREST_ROWS - sore.len());
    rows.extend(sore);
    Forest { rows, total }
}

/// The exercises drawn (id, name), whether they are the fallback, and the named exercises
/// left out for having no weighted sets.
fn pick(
    implicated: &[Implicated],
    rows: &[(&ExerciseWeek, NaiveDate)],
) -> (Vec<(String, String)>, bool, Vec<String>) {
    let weighted = |id: &str| {
        rows.iter()
            .any(|(r, _)| r.exercise == id && (r.e1rm.epley_kg.is_some() || r.volume.load_kg > 0.0))
    };
    let mut chosen = Vec::new();
    let mut skipped = Vec::new();
    for i in implicated {
        if weighted(&i.exercise) {
            if chosen.len() < MAX_IMPLICATED {
                chosen.push((i.exercise.clone(), i.name.clone()));
            }
        } else {
            skipped.push(i.name.clone());
        }
    }
    if !chosen.is_empty() {
        return (chosen, false, skipped);
    }
    let mut sets: HashMap<&str, u64> = HashMap::new();
    for (r, _) in rows.iter().filter(|(r, _)| weighted(&r.exercise)) {
        *sets.entry(r.exercise.as_str()).or_default() += u64::from(r.volume.sets);
    }
    let mut by_sets: Vec<(&str, u64)> = sets.into_iter().collect();
    by_sets.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    // The names of catalog ids are the embedded catalog's: user mappings only add spellings.
    let catalog = Catalog::embedded();
    let chosen = by_sets
        .into_iter()
        .take(FALLBACK)
        .map(|(id, _)| {
            let name = catalog
                .get(id)
                .map_or_else(|| id.replace('-', " "), |e| e.name.clone());
            (id.to_string(), name)
        })
        .collect();
    (chosen, true, Vec::new())
}
