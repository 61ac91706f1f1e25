//! ISO-week figures: total load and its change, monotony and strain, rest days and streaks;
//! per exercise (tonnage or distance, e1RM) and per body region (science.md §1–2).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use polars::prelude::*;
use serde::Serialize;

use crate::model::{IsoWeek, PainEntry, Region, SetKind, WorkoutSet};

use super::calendar::Day;
use super::frame::{counts, floats};
use super::settings::Thresholds;

/// The ISO week as a sortable number, `2026 * 100 + 7`.
pub fn week_key(d: NaiveDate) -> i32 {
    IsoWeek::of(d).key()
}

/// Epley: w·(1 + r/30); r = 1 gives w.
pub fn e1rm_epley(weight: f64, reps: f64) -> f64 {
    if reps <= 1.0 {
        weight
    } else {
        weight * (1.0 + reps / 30.0)
    }
}

/// Brzycki: w·36/(37 − r); r = 1 gives w.
pub fn e1rm_brzycki(weight: f64, reps: f64) -> f64 {
    if reps <= 1.0 {
        weight
    } else {
        weight * 36.0 / (37.0 - reps)
    }
}

/// 100 × (this − previous) / previous; null when the previous value is 0.
pub fn change_pct(this: f64, previous: f64) -> Option<f64> {
    (previous > 0.0).then(|| 100.0 * (this - previous) / previous)
}

#[derive(Debug, Clone, Serialize)]
pub struct Week {
    pub week: IsoWeek,
    pub first_day: NaiveDate,
    /// Calendar days of this week inside the analysed period.
    pub days: u32,
    #[serde(flatten)]
    pub load: WeeklyLoad,
    #[serde(flatten)]
    pub training: Training,
    #[serde(flatten)]
    pub pain: PainDays,
    #[serde(flatten)]
    pub acwr: WeeklyAcwr,
}

/// The week's tonnage, its change from the week before, and Foster's monotony and strain.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeeklyLoad {
    #[serde(rename = "load_kg")]
    pub kg: f64,
    pub change_pct: Option<f64>,
    pub monotony: Option<f64>,
    pub strain: Option<f64>,
}

/// How much of the week was training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Training {
    pub sessions: u32,
    /// Working sets.
    pub sets: u32,
    pub rest_days: u32,
    /// The longest run of consecutive training days ending in this week.
    pub longest_streak: u32,
}

/// The week's daily EWMA ACWR and its weekly ratio (heuristics).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeeklyAcwr {
    #[serde(flatten)]
    pub daily: DailyRatio,
    /// This week's load ÷ the mean load of the 4 weeks up to and including it (coupled, as
    /// science.md's rolling ACWR): the scale the bands were made for. A regular routine sits
    /// at 1 every week, where the daily ratio dips on rest days and peaks on training days.
    #[serde(rename = "acwr_weekly")]
    pub weekly: Option<f64>,
}

/// The daily EWMA ratio over the week's days: its mean and its highest.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DailyRatio {
    #[serde(rename = "acwr_ewma_mean")]
    pub mean: Option<f64>,
    #[serde(rename = "acwr_ewma_max")]
    pub max: Option<f64>,
}

/// Weeks in the chronic window of the weekly ratio.
pub const WEEKLY_ACWR_WEEKS: usize = 4;

/// The weekly ACWR of each week: its load ÷ the mean load of the [`WEEKLY_ACWR_WEEKS`] weeks
/// ending with it. Null unless those weeks are consecutive and each lies wholly inside the
/// calendar (a partial week's load is not a week's load: like the daily ratio, which is null
/// on days 1–27), and where the chronic load is 0.
fn weekly_ratios(weeks: &mut [Week]) {
    for i in 0..weeks.len() {
        let Some(first) = (i + 1).checked_sub(WEEKLY_ACWR_WEEKS) else {
            continue;
        };
        let window = &weeks[first..=i];
        let whole = window.iter().all(|w| w.days == 7)
            && window
                .windows(2)
                .all(|p| prev_key(p[1].week.key()) == p[0].week.key());
        let chronic = window.iter().map(|w| w.load.kg).sum::<f64>() / WEEKLY_ACWR_WEEKS as f64;
        weeks[i].acwr.weekly = (whole && chronic > 0.0).then(|| weeks[i].load.kg / chronic);
    }
}

/// Days of the week with pain above 0, and the highest intensity among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PainDays {
    #[serde(rename = "pain_days")]
    pub days: u32,
    #[serde(rename = "peak_pain")]
    pub peak: Option<u8>,
}

/// Weekly totals from the daily calendar. Monotony = mean / population SD of the 7 daily
/// loads, only for weeks whose 7 days all lie inside the calendar and outside a layoff; an SD
/// of 0 leaves it undefined (null). Strain = weekly load × monotony.
pub fn weeks(days: &[Day], pain: &[PainEntry]) -> PolarsResult<Vec<Week>> {
    if days.is_empty() {
        return Ok(Vec::new());
    }
    let keys: Vec<i32> = days.iter().map(|d| week_key(d.date)).collect();
    let frame = df!(
        "week" => &keys,
        "date" => days.iter().map(|d| d.date).collect::<Vec<_>>(),
        "load_kg" => days.iter().map(|d| d.load_kg).collect::<Vec<_>>(),
        "sessions" => days.iter().map(|d| d.sessions).collect::<Vec<_>>(),
        "sets" => days.iter().map(|d| d.sets).collect::<Vec<_>>(),
        "layoff" => days.iter().map(|d| d.layoff).collect::<Vec<_>>(),
        "streak" => days.iter().map(|d| d.streak).collect::<Vec<_>>(),
        "acwr" => days.iter().map(|d| d.acwr.ewma).collect::<Vec<_>>(),
    )?;
    let out = frame
        .lazy()
        .group_by([col("week")])
        .agg([
            col("date").min().alias("first_day"),
            len().cast(DataType::UInt32).alias("days"),
            col("load_kg").sum().alias("load_kg"),
            col("load_kg").mean().alias("mean"),
            col("load_kg").std(0).alias("sd"),
            col("sessions")
                .sum()
                .cast(DataType::UInt32)
                .alias("sessions"),
            col("sets").sum().cast(DataType::UInt32).alias("sets"),
            col("sessions")
                .eq(lit(0u32))
                .cast(DataType::UInt32)
                .sum()
                .alias("rest_days"),
            col("layoff").any(true).alias("any_layoff"),
            col("streak").max().alias("longest_streak"),
            col("acwr").mean().alias("acwr_mean"),
            col("acwr").max().alias("acwr_max"),
        ])
        .sort(["week"], SortMultipleOptions::default())
        .collect()?;

    let mut pain_by_week: BTreeMap<i32, (BTreeSet<NaiveDate>, u8)> = BTreeMap::new();
    for p in pain.iter().filter(|p| p.intensity > 0) {
        let e = pain_by_week.entry(week_key(p.at.date())).or_default();
        e.0.insert(p.at.date());
        e.1 = e.1.max(p.intensity);
    }

    let week = out.column("week")?.i32()?;
    let first: Vec<Option<NaiveDate>> = out.column("first_day")?.date()?.as_date_iter().collect();
    let any_layoff = out.column("any_layoff")?.bool()?;
    let [n_days, sessions, sets, rest, streak] = counts(
        &out,
        ["days", "sessions", "sets", "rest_days", "longest_streak"],
    )?;
    let [load, mean, sd, acwr_mean, acwr_max] =
        floats(&out, ["load_kg", "mean", "sd", "acwr_mean", "acwr_max"])?;

    let mut weeks: Vec<Week> = Vec::with_capacity(out.height());
    for i in 0..out.height() {
        let key = week.get(i).unwrap_or(0);
        let days_in = n_days[i];
        let kg = load[i].unwrap_or(0.0);
        let full = days_in == 7 && !any_layoff.get(i).unwrap_or(false);
        let monotony = match (full, mean[i], sd[i]) {
            (true, Some(m), Some(s)) if s > 0.0 => Some(m / s),
            _ => None,
        };
        let previous = weeks
            .last()
            .filter(|w| week_key(w.first_day) == prev_key(key));
        let pain = pain_by_week
            .get(&key)
            .map_or(PainDays::default(), |(d, p)| PainDays {
                days: d.len() as u32,
                peak: Some(*p),
            });
        weeks.push(Week {
            week: IsoWeek::from_key(key),
            first_day: first[i].unwrap_or(days[0].date),
            days: days_in,
            load: WeeklyLoad {
                kg,
                change_pct: previous.and_then(|p| change_pct(kg, p.load.kg)),
                monotony,
                strain: monotony.map(|m| m * kg),
            },
            training: Training {
                sessions: sessions[i],
                sets: sets[i],
                rest_days: rest[i],
                longest_streak: streak[i],
            },
            pain,
            acwr: WeeklyAcwr {
                daily: DailyRatio {
                    mean: acwr_mean[i],
                    max: acwr_max[i],
                },
                weekly: None,
            },
        });
    }
    weekly_ratios(&mut weeks);
    Ok(weeks)
}

/// The key of the ISO week before `key`.
fn prev_key(key: i32) -> i32 {
    week_key(IsoWeek::from_key(key).monday() - chrono::Days::new(7))
}

/// What an exercise's weekly change is measured on: tonnage when it is lifted with weight,
/// otherwise distance, duration or working sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    LoadKg,
    DistanceM,
    DurationS,
    Sets,
}

impl Measure {
    pub fn noun(self) -> &'static str {
        match self {
            Measure::LoadKg => "tonnage",
            Measure::DistanceM => "distance",
            Measure::DurationS => "time",
            Measure::Sets => "working sets",
        }
    }
}

/// One exercise in one ISO week.
#[derive(Debug, Clone, Serialize)]
pub struct ExerciseWeek {
    pub week: IsoWeek,
    pub exercise: String,
    pub measure: Measure,
    pub value: f64,
    #[serde(flatten)]
    pub volume: Volume,
    pub change_pct: Option<f64>,
    /// A week-over-week rise above the warning threshold, or from a zero week to above the
    /// mean of the 4 weeks before (when the exercise was done in those weeks).
    pub jump: bool,
    #[serde(flatten)]
    pub e1rm: E1rm,
}

/// What an exercise's working sets of one week moved.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Volume {
    pub load_kg: f64,
    pub sets: u32,
    pub distance_m: f64,
    pub duration_s: f64,
}

impl Volume {
    /// The value the exercise's weekly change is measured on.
    fn of(&self, measure: Measure) -> f64 {
        match measure {
            Measure::LoadKg => self.load_kg,
            Measure::DistanceM => self.distance_m,
            Measure::DurationS => self.duration_s,
            Measure::Sets => f64::from(self.sets),
        }
    }
}

/// The week's highest one-rep max estimates (science.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct E1rm {
    #[serde(rename = "e1rm_epley_kg")]
    pub epley_kg: Option<f64>,
    #[serde(rename = "e1rm_brzycki_kg")]
    pub brzycki_kg: Option<f64>,
}

/// Per-exercise weekly figures for every calendar week in which the exercise was done or the
/// week after (so a drop to zero shows). Exercises are catalog ids.
pub fn exercise_weeks(
    sets: &[WorkoutSet],
    weeks: &[Week],
    t: &Thresholds,
) -> PolarsResult<Vec<ExerciseWeek>> {
    let working: Vec<&WorkoutSet> = sets
        .iter()
        .filter(|s| s.kind != SetKind::Warmup && s.canonical.is_some())
        .collect();
    if working.is_empty() || weeks.is_empty() {
        return Ok(Vec::new());
    }
    // Only the columns the weekly sums need.
    let frame = df!(
        "canonical" => working.iter().map(|s| s.canonical.as_deref()).collect::<Vec<_>>(),
        "week" => working.iter().map(|s| week_key(s.day())).collect::<Vec<_>>(),
        "volume_kg" => working.iter().map(|s| s.volume_kg()).collect::<Vec<_>>(),
        "distance_m" => working.iter().map(|s| s.measures.distance_m).collect::<Vec<_>>(),
        "duration_s" => working.iter().map(|s| s.measures.duration_s).collect::<Vec<_>>(),
        "epley" => working
            .iter()
            .map(|s| e1rm_input(s).map(|(w, r)| e1rm_epley(w, r)))
            .collect::<Vec<_>>(),
        "brzycki" => working
            .iter()
            .map(|s| e1rm_input(s).map(|(w, r)| e1rm_brzycki(w, r)))
            .collect::<Vec<_>>(),
    )?;
    let out = frame
        .lazy()
        .group_by([col("canonical"), col("week")])
        .agg([
            col("volume_kg").sum().alias("load_kg"),
            len().cast(DataType::UInt32).alias("sets"),
            col("distance_m").sum().alias("distance_m"),
            col("duration_s").sum().alias("duration_s"),
            col("epley").max().alias("epley"),
            col("brzycki").max().alias("brzycki"),
        ])
        .collect()?;

    let ex = out.column("canonical")?.str()?;
    let wk = out.column("week")?.i32()?;
    let [load, dist, dur, ep, bz] = floats(
        &out,
        ["load_kg", "distance_m", "duration_s", "epley", "brzycki"],
    )?;
    let [n] = counts(&out, ["sets"])?;
    let mut by_exercise: BTreeMap<String, BTreeMap<i32, (Volume, E1rm)>> = BTreeMap::new();
    for i in 0..out.height() {
        let (Some(e), Some(w)) = (ex.get(i), wk.get(i)) else {
            continue;
        };
        let volume = Volume {
            load_kg: load[i].unwrap_or(0.0),
            sets: n[i],
            distance_m: dist[i].unwrap_or(0.0),
            duration_s: dur[i].unwrap_or(0.0),
        };
        let e1rm = E1rm {
            epley_kg: ep[i],
            brzycki_kg: bz[i],
        };
        by_exercise
            .entry(e.to_string())
            .or_default()
            .insert(w, (volume, e1rm));
    }

    let calendar: Vec<i32> = weeks.iter().map(|w| week_key(w.first_day)).collect();
    let mut rows = Vec::new();
    for (exercise, cells) in &by_exercise {
        let done = |f: fn(&Volume) -> f64| cells.values().any(|(v, _)| f(v) > 0.0);
        let measure = if done(|v| v.load_kg) {
            Measure::LoadKg
        } else if done(|v| v.distance_m) {
            Measure::DistanceM
        } else if done(|v| v.duration_s) {
            Measure::DurationS
        } else {
            Measure::Sets
        };
        let series: Vec<f64> = calendar
            .iter()
            .map(|k| cells.get(k).map_or(0.0, |(v, _)| v.of(measure)))
            .collect();
        for (i, &key) in calendar.iter().enumerate() {
            let value = series[i];
            let previous = if i > 0 { series[i - 1] } else { 0.0 };
            let done_before = i > 0 && series[i - 1] > 0.0;
            if value == 0.0 && !done_before {
                continue;
            }
            let prior: Vec<f64> = series[i.saturating_sub(4)..i].to_vec();
            let mean4 = if prior.is_empty() {
                0.0
            } else {
                prior.iter().sum::<f64>() / prior.len() as f64
            };
            let change = if i > 0 {
                change_pct(value, previous)
            } else {
                None
            };
            let jump = change.is_some_and(|c| c > t.change_warning_pct)
                || (i > 0 && previous == 0.0 && mean4 > 0.0 && value > mean4);
            let (volume, e1rm) = cells.get(&key).copied().unwrap_or_default();
            rows.push(ExerciseWeek {
                week: IsoWeek::from_key(key),
                exercise: exercise.clone(),
                measure,
                value,
                volume,
                change_pct: change,
                jump,
                e1rm,
            });
        }
    }
    Ok(rows)
}

/// e1RM uses working sets of 1–10 reps with a weight.
fn e1rm_input(s: &WorkoutSet) -> Option<(f64, f64)> {
    match (s.weight_kg, s.measures.reps) {
        (Some(w), Some(r)) if w > 0.0 && (1.0..=10.0).contains(&r) => Some((w, r)),
        _ => None,
    }
}

/// One body region in one ISO week: working sets of exercises that load it.
#[derive(Debug, Clone, Serialize)]
pub struct RegionWeek {
    pub week: IsoWeek,
    pub region: Region,
    pub sets: u32,
    pub days: u32,
    pub change_pct: Option<f64>,
}

pub fn region_weeks(days: &[Day], weeks: &[Week]) -> Vec<RegionWeek> {
    let mut cells: BTreeMap<(Region, i32), (u32, u32)> = BTreeMap::new();
    for d in days {
        for (r, n) in &d.sets_by.region {
            let c = cells.entry((*r, week_key(d.date))).or_default();
            c.0 += n;
            c.1 += 1;
        }
    }
    let regions: BTreeSet<Region> = cells.keys().map(|(r, _)| *r).collect();
    let mut out = Vec::new();
    for region in regions {
        let mut previous = 0u32;
        for w in weeks {
            let (sets, days_n) = cells
                .get(&(region, week_key(w.first_day)))
                .copied()
                .unwrap_or((0, 0));
            if sets > 0 || previous > 0 {
                out.push(RegionWeek {
                    week: w.week,
                    region,
                    sets,
                    days: days_n,
                    change_pct: change_pct(f64::from(sets), f64::from(previous)),
                });
            }
            previous = sets;
        }
    }
    out
}

#[cfg(test)]
mod tests;
