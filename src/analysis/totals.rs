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
    #[serde(flatten)]
    pub days: DayRange,
}

impl Totals {
    pub const EMPTY: Totals = Totals {
        workouts: 0,
        sets: 0,
        warmup_sets: 0,
        volume_kg: 0.0,
        days: DayRange::NONE,
    };

    /// Adds another file's counts. Workouts are counted per file: the same timestamp in two
    /// different exports is two logged workouts.
    pub fn add(&self, other: &Totals) -> Totals {
        Totals {
            workouts: self.workouts + other.workouts,
            sets: self.sets + other.sets,
            warmup_sets: self.warmup_sets + other.warmup_sets,
            volume_kg: self.volume_kg + other.volume_kg,
            days: self.days.union(other.days),
        }
    }
}

/// The first and last calendar day something was logged on; both null when nothing was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DayRange {
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

impl DayRange {
    pub const NONE: DayRange = DayRange {
        first_day: None,
        last_day: None,
    };

    /// The first and the last of `days` (a log's, in time order).
    pub fn first_and_last(mut days: impl DoubleEndedIterator<Item = NaiveDate>) -> DayRange {
        let first_day = days.next();
        DayRange {
            first_day,
            last_day: days.next_back().or(first_day),
        }
    }

    /// The range covering both.
    pub fn union(self, other: DayRange) -> DayRange {
        DayRange {
            first_day: [self.first_day, other.first_day]
                .into_iter()
                .flatten()
                .min(),
            last_day: [self.last_day, other.last_day].into_iter().flatten().max(),
        }
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
        days: DayRange {
            first_day: d("first_day")?,
            last_day: d("last_day")?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_ranges_take_the_ends_and_cover_each_other() {
        let [a, b, c, earlier]: [NaiveDate; 4] =
            ["2026-03-02", "2026-03-05", "2026-03-09", "2026-01-10"].map(|s| s.parse().unwrap());
        let log = DayRange::first_and_last([a, b, c].into_iter());
        assert_eq!((log.first_day, log.last_day), (Some(a), Some(c)));
        let one = DayRange::first_and_last([earlier].into_iter());
        assert_eq!(
            (one.first_day, one.last_day),
            (Some(earlier), Some(earlier))
        );
        assert_eq!(DayRange::first_and_last(std::iter::empty()), DayRange::NONE);
        let both = log.union(one);
        assert_eq!((both.first_day, both.last_day), (Some(earlier), Some(c)));
        assert_eq!(log.union(DayRange::NONE), log);
    }
}
