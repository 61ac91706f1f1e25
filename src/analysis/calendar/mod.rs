//! Sessions and the daily calendar: tonnage, working sets and sessions per day, session-RPE
//! load, layoffs, training streaks and the acute:chronic workload ratios (science.md §1–2).

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};
use polars::prelude::*;
use serde::Serialize;

use crate::catalog::{Catalog, Exercise};
use crate::model::{MovementPattern, Region, RiskTag, SetKind, WorkoutSet};

use super::frame::{counts, floats, session_ids};
use super::settings::Thresholds;

/// One workout, with what it loaded.
#[derive(Debug, Clone, Serialize)]
pub struct Session {
    pub start: NaiveDateTime,
    pub day: NaiveDate,
    pub name: String,
    #[serde(flatten)]
    pub volume: SessionVolume,
    #[serde(flatten)]
    pub trained: Trained,
    /// Mean working-set RPE × workout minutes, where the export has both (Foster's
    /// session-RPE, with the set RPEs standing in for the session rating).
    pub srpe_load: Option<f64>,
    pub duration_s: Option<f64>,
}

/// How much a session did: its sets, and the tonnage of the working ones.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SessionVolume {
    pub working_sets: u32,
    pub warmup_sets: u32,
    /// reps × weight over the working sets (science.md §1).
    pub load_kg: f64,
}

/// The exercises of a session's working sets, and what the catalog says they load.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Trained {
    /// Catalog ids.
    pub exercises: BTreeSet<String>,
    /// Exported names the catalog does not know.
    pub unknown_exercises: BTreeSet<String>,
    pub regions: BTreeSet<Region>,
    pub tags: BTreeSet<RiskTag>,
    pub patterns: BTreeSet<MovementPattern>,
}

impl Trained {
    /// Adds the exercise of one working set: its catalog entry when there is one, else the
    /// name as exported.
    fn add(&mut self, entry: Option<&Exercise>, exported: &str) {
        match entry {
            Some(e) => {
                if !self.exercises.contains(&e.id) {
                    self.exercises.insert(e.id.clone());
                    self.regions.extend(e.regions.iter().copied());
                    self.tags.extend(e.risks.iter().copied());
                    self.patterns.insert(e.pattern);
                }
            }
            None => {
                if !self.unknown_exercises.contains(exported) {
                    self.unknown_exercises.insert(exported.to_string());
                }
            }
        }
    }
}

/// Groups sets into sessions (a workout of one file), in order of start.
pub fn sessions(sets: &[WorkoutSet], catalog: &Catalog) -> Vec<Session> {
    let ids = session_ids(sets.iter());
    let mut out: Vec<Session> = Vec::new();
    let mut rpe: Vec<(f64, u32)> = Vec::new();
    for (s, &id) in sets.iter().zip(&ids) {
        let i = id as usize;
        if i == out.len() {
            out.push(Session {
                start: s.start,
                day: s.day(),
                name: s.workout_name.clone(),
                volume: SessionVolume::default(),
                trained: Trained::default(),
                srpe_load: None,
                duration_s: s.workout_duration_s,
            });
            rpe.push((0.0, 0));
        }
        let session = &mut out[i];
        if s.kind == SetKind::Warmup {
            session.volume.warmup_sets += 1;
            continue;
        }
        session.volume.working_sets += 1;
        session.volume.load_kg += s.volume_kg();
        if let Some(r) = s.measures.rpe {
            rpe[i].0 += r;
            rpe[i].1 += 1;
        }
        let entry = s.canonical.as_deref().and_then(|id| catalog.get(id));
        session.trained.add(entry, &s.exercise);
    }
    for (session, (sum, n)) in out.iter_mut().zip(rpe) {
        if let (Some(d), true) = (session.duration_s, n > 0) {
            session.srpe_load = Some(sum / f64::from(n) * d / 60.0);
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

/// Where an ACWR value lies (Gabbett 2016; heuristic, contested).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AcwrBand {
    Low,
    SweetSpot,
    Caution,
    Danger,
}

impl AcwrBand {
    pub fn of(ratio: f64, t: &Thresholds) -> AcwrBand {
        if ratio < t.acwr_low {
            AcwrBand::Low
        } else if ratio < t.acwr_caution {
            AcwrBand::SweetSpot
        } else if ratio < t.acwr_danger {
            AcwrBand::Caution
        } else {
            AcwrBand::Danger
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AcwrBand::Low => "low",
            AcwrBand::SweetSpot => "sweet spot",
            AcwrBand::Caution => "caution",
            AcwrBand::Danger => "danger",
        }
    }
}

/// One calendar day.
#[derive(Debug, Clone, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    /// Tonnage of the day's working sets.
    pub load_kg: f64,
    /// Working sets.
    pub sets: u32,
    pub sessions: u32,
    pub srpe_load: Option<f64>,
    #[serde(flatten)]
    pub acwr: Acwr,
    /// Inside a run of `layoff_days` or more days without a session.
    pub layoff: bool,
    /// Consecutive training days ending on this day (0 on a rest day).
    pub streak: u32,
    #[serde(flatten)]
    pub sets_by: SetsBy,
}

/// The acute and chronic loads of a day and their ratios (science.md §2; heuristic).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Acwr {
    pub acute_ewma: f64,
    pub chronic_ewma: f64,
    #[serde(rename = "acwr_ewma")]
    pub ewma: Option<f64>,
    #[serde(rename = "acwr_coupled")]
    pub coupled: Option<f64>,
    #[serde(rename = "acwr_uncoupled")]
    pub uncoupled: Option<f64>,
    /// The band of the EWMA ratio.
    #[serde(rename = "acwr_band")]
    pub band: Option<AcwrBand>,
}

/// A day's working sets of catalog exercises, counted per region, pattern and risk tag.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SetsBy {
    #[serde(rename = "sets_by_region")]
    pub region: BTreeMap<Region, u32>,
    #[serde(rename = "sets_by_pattern")]
    pub pattern: BTreeMap<MovementPattern, u32>,
    #[serde(rename = "sets_by_tag")]
    pub tag: BTreeMap<RiskTag, u32>,
}

/// The calendar's days: from the first session day to the last day seen in either log,
/// narrowed by `from`/`to`.
pub fn calendar_days(
    sessions: &[Session],
    last_pain: Option<NaiveDate>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<NaiveDate> {
    let first = from.or(sessions.first().map(|s| s.day));
    let last_seen = [sessions.last().map(|s| s.day), last_pain]
        .into_iter()
        .flatten()
        .max();
    let last = to.or(last_seen);
    match (first, last) {
        (Some(a), Some(b)) if a <= b => a.iter_days().take_while(|d| *d <= b).collect(),
        _ => Vec::new(),
    }
}

/// The daily calendar with loads and ratios. `sets` must already lie inside `days`.
pub fn daily(
    sets: &[WorkoutSet],
    sessions: &[Session],
    days: &[NaiveDate],
    catalog: &Catalog,
    t: &Thresholds,
) -> PolarsResult<Vec<Day>> {
    if days.is_empty() {
        return Ok(Vec::new());
    }
    let frame = daily_frame(sets, days, t)?;
    let [load, acute, chronic, ewma, coupled, uncoupled] = floats(
        &frame,
        [
            "load_kg",
            "acute",
            "chronic",
            "acwr_ewma",
            "acwr_coupled",
            "acwr_uncoupled",
        ],
    )?;
    let [sets_n, sessions_n] = counts(&frame, ["sets", "sessions"])?;

    let mut srpe: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for s in sessions {
        if let Some(l) = s.srpe_load {
            *srpe.entry(s.day).or_default() += l;
        }
    }
    let mut sets_by_day: BTreeMap<NaiveDate, SetsBy> = BTreeMap::new();
    for s in sets.iter().filter(|s| s.kind != SetKind::Warmup) {
        if let Some(e) = s.canonical.as_deref().and_then(|id| catalog.get(id)) {
            let c = sets_by_day.entry(s.day()).or_default();
            for r in &e.regions {
                *c.region.entry(*r).or_default() += 1;
            }
            for tag in &e.risks {
                *c.tag.entry(*tag).or_default() += 1;
            }
            *c.pattern.entry(e.pattern).or_default() += 1;
        }
    }

    let trained: Vec<bool> = sessions_n.iter().map(|&n| n > 0).collect();
    let layoff = layoff_mask(&trained, t.layoff_days as usize);
    let mut streak = 0;
    let mut out = Vec::with_capacity(days.len());
    for (i, &date) in days.iter().enumerate() {
        streak = if trained[i] { streak + 1 } else { 0 };
        out.push(Day {
            date,
            load_kg: load[i].unwrap_or(0.0),
            sets: sets_n[i],
            sessions: sessions_n[i],
            srpe_load: srpe.get(&date).copied(),
            acwr: Acwr {
                acute_ewma: acute[i].unwrap_or(0.0),
                chronic_ewma: chronic[i].unwrap_or(0.0),
                ewma: ewma[i],
                coupled: coupled[i],
                uncoupled: uncoupled[i],
                band: ewma[i].map(|r| AcwrBand::of(r, t)),
            },
            layoff: layoff[i],
            streak,
            sets_by: sets_by_day.remove(&date).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Daily tonnage, sets and sessions on every calendar day, with EWMA and rolling ACWR.
///
/// EWMA: λ = 2/(N+1), seeded with the first day's load (pandas `ewm(span=N, adjust=False)`);
/// rolling: coupled = 7-day sum / (28-day sum / 4), uncoupled = 7-day sum / (days 8–28 sum / 3).
/// Ratios are null before day N_chronic and wherever their denominator is 0.
pub fn daily_frame(
    sets: &[WorkoutSet],
    days: &[NaiveDate],
    t: &Thresholds,
) -> PolarsResult<DataFrame> {
    let acute_n = t.acwr_acute_days as usize;
    let chronic_n = t.acwr_chronic_days as usize;
    // Only the columns the daily sums need: building string columns costs more than the sums.
    let per_day = df!(
        "day" => sets.iter().map(WorkoutSet::day).collect::<Vec<_>>(),
        "warmup" => sets.iter().map(|s| s.kind == SetKind::Warmup).collect::<Vec<_>>(),
        "volume_kg" => sets.iter().map(WorkoutSet::volume_kg).collect::<Vec<_>>(),
        "session" => session_ids(sets.iter()),
    )?
    .lazy()
    .group_by([col("day")])
    .agg([
        col("volume_kg")
            .filter(col("warmup").not())
            .sum()
            .alias("load_kg"),
        col("warmup")
            .not()
            .cast(DataType::UInt32)
            .sum()
            .alias("sets"),
        col("session")
            .n_unique()
            .cast(DataType::UInt32)
            .alias("sessions"),
    ]);
    let ewm = |n: usize| EWMOptions {
        alpha: 2.0 / (n as f64 + 1.0),
        adjust: false,
        bias: false,
        min_periods: 1,
        ignore_nulls: false,
    };
    let window = |n: usize| RollingOptionsFixedWindow {
        window_size: n,
        min_periods: n,
        ..Default::default()
    };
    let ready = col("i").gt_eq(lit((chronic_n - 1) as u32));
    let ratio = |num: Expr, den: Expr| {
        when(ready.clone().and(den.clone().gt(lit(0.0))))
            .then(num / den)
            .otherwise(lit(Null {}))
    };
    df!("date" => days)?
        .lazy()
        .join(
            per_day,
            [col("date")],
            [col("day")],
            JoinArgs::new(JoinType::Left),
        )
        .sort(["date"], SortMultipleOptions::default())
        .with_row_index("i", None)
        .with_columns([
            col("load_kg").fill_null(lit(0.0)),
            col("sets").fill_null(lit(0u32)),
            col("sessions").fill_null(lit(0u32)),
        ])
        .with_columns([
            col("load_kg").ewm_mean(ewm(acute_n)).alias("acute"),
            col("load_kg").ewm_mean(ewm(chronic_n)).alias("chronic"),
            col("load_kg")
                .rolling_sum(window(acute_n))
                .alias("sum_acute"),
            col("load_kg")
                .rolling_sum(window(chronic_n))
                .alias("sum_chronic"),
        ])
        .with_columns([
            ratio(col("acute"), col("chronic")).alias("acwr_ewma"),
            ratio(
                col("sum_acute"),
                col("sum_chronic") / lit(chronic_n as f64 / acute_n as f64),
            )
            .alias("acwr_coupled"),
            ratio(
                col("sum_acute"),
                (col("sum_chronic") - col("sum_acute"))
                    / lit((chronic_n - acute_n) as f64 / acute_n as f64),
            )
            .alias("acwr_uncoupled"),
        ])
        .collect()
}

/// Marks days inside runs of at least `min_days` consecutive days without a session.
fn layoff_mask(trained: &[bool], min_days: usize) -> Vec<bool> {
    let mut mask = vec![false; trained.len()];
    let mut i = 0;
    while i < trained.len() {
        if trained[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < trained.len() && !trained[i] {
            i += 1;
        }
        if i - start >= min_days {
            mask[start..i].iter_mut().for_each(|m| *m = true);
        }
    }
    mask
}

/// A layoff and what came after it.
#[derive(Debug, Clone, Serialize)]
pub struct Layoff {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub days: u32,
    /// The first training day after it, if any.
    pub return_day: Option<NaiveDate>,
}

pub fn layoffs(days: &[Day]) -> Vec<Layoff> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < days.len() {
        if !days[i].layoff {
            i += 1;
            continue;
        }
        let start = i;
        while i < days.len() && days[i].layoff {
            i += 1;
        }
        out.push(Layoff {
            first_day: days[start].date,
            last_day: days[i - 1].date,
            days: (i - start) as u32,
            return_day: days.get(i).map(|d| d.date),
        });
    }
    out
}
