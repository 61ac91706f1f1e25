//! Per-file counts for `strainscope import`: workouts, sets, warm-ups, tonnage, date range.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::model::WorkoutSet;

use super::frame::sets_frame;

/// Counts over one set of sets (one file, or everything).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Totals {
    /// Distinct workout ids: start timestamps, or calendar days for FitNotes and Fitbod.
    pub workouts: u64,
    pub sets: u64,
    pub warmup_sets: u64,
    /// Σ reps × weight over non-warm-up sets, weights as logged.
    pub volume_kg: f64,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

impl Totals {
    pub const EMPTY: Totals = Totals {
        workouts: 0,
        sets: 0,
        warmup_sets: 0,
        volume_kg: 0.0,
        first_day: None,
        last_day: None,
    };

    /// Adds another file's counts. Workouts are counted per file: the same timestamp in two
    /// different exports is two logged workouts.
    pub fn add(&self, other: &Totals) -> Totals {
        Totals {
            workouts: self.workouts + other.workouts,
            sets: self.sets + other.sets,
            warmup_sets: self.warmup_sets + other.warmup_sets,
            volume_kg: self.volume_kg + other.volume_kg,
            first_day: min_opt(self.first_day, other.first_day),
            last_day: max_opt(self.last_day, other.last_day),
        }
    }
}

fn min_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

/// Counts the sets of one file.
pub fn file_totals(sets: &[WorkoutSet]) -> PolarsResult<Totals> {
    if sets.is_empty() {
        return Ok(Totals::EMPTY);
    }
    let out = sets_frame(sets.iter())?
        .lazy()
        .select([
            col("workout_id")
                .n_unique()
                .cast(DataType::UInt64)
                .alias("workouts"),
            len().cast(DataType::UInt64).alias("sets"),
            col("warmup")
                .cast(DataType::UInt64)
                .sum()
                .alias("warmup_sets"),
            col("volume_kg").sum().alias("volume_kg"),
            col("day").min().alias("first_day"),
            col("day").max().alias("last_day"),
        ])
        .collect()?;
    let u = |name: &str| -> PolarsResult<u64> { Ok(out.column(name)?.u64()?.get(0).unwrap_or(0)) };
    let d = |name: &str| -> PolarsResult<Option<NaiveDate>> {
        Ok(out.column(name)?.date()?.as_date_iter().next().flatten())
    };
    Ok(Totals {
        workouts: u("workouts")?,
        sets: u("sets")?,
        warmup_sets: u("warmup_sets")?,
        volume_kg: out.column("volume_kg")?.f64()?.get(0).unwrap_or(0.0),
        first_day: d("first_day")?,
        last_day: d("last_day")?,
    })
}
