//! "Fit Notes" for iOS (a different app from FitNotes for Android, see `fitnotes.rs`): one row
//! per set, the workout's `Name`, `StartTime` and `EndTime` repeated on every row.
//!
//! - Times are UTC (`2025-05-06T09:40:00Z`); the calendar day is the lifter's (`--tz`).
//! - Numbers are written with a decimal comma and quoted (`"72,5"`) inside a comma-delimited
//!   file.
//! - `Status`: `Done` and `Failed` are sets done; `NotStarted` is a planned set never done.
//! - No unit anywhere: `--unit` is required.
//! - No set number: identical consecutive rows are real repeated sets.

use crate::error::{FileError, RowError};
use crate::model::{DistanceUnit, SetKind, WeightUnit, WorkoutSet};

use super::dates::parse_clock;
use super::fields::{MeasureColumns, Row, WorkoutIds};
use super::source::Header;
use super::{DetectContext, Dialect, Format, RowContext, RowOutcome};

pub(crate) const FORMAT: Format = Format::table("Fit Notes (iOS)", detect);

struct FitNotesIos {
    ids: WorkoutIds,
    name: Option<usize>,
    start: usize,
    end: Option<usize>,
    exercise: usize,
    weight: Option<usize>,
    unit: WeightUnit,
    /// Reps, RPE and distance, read as every format reads them; no duration column here:
    /// `Time` is a clock (`00:00:30`), read apart.
    measures: MeasureColumns,
    time: Option<usize>,
    status: usize,
    warmup: Option<usize>,
    note: Option<usize>,
}

const EXPECTED_STAMP: &str = "a UTC time such as 2025-05-06T09:40:00Z";

fn detect(header: &Header, ctx: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    // `StartTime` and `Status` tell it from FitNotes for Android (`Date`, `Category`).
    let Some([start, exercise, status]) = header.find_all(["StartTime", "Exercise", "Status"])
    else {
        return Ok(None);
    };
    let weight = header.find(&["Weight"]);
    let unit = match weight {
        Some(c) => ctx.fallback_unit(header, c, "fitnotes-ios")?,
        None => WeightUnit::Kg,
    };
    // The app names no distance unit; it follows the weight unit's family.
    let distance_unit = match unit {
        WeightUnit::Kg => DistanceUnit::Km,
        WeightUnit::Lb => DistanceUnit::Mi,
    };
    Ok(Some(Box::new(FitNotesIos {
        ids: WorkoutIds::default(),
        name: header.find(&["Name"]),
        start,
        end: header.find(&["EndTime"]),
        exercise,
        weight,
        unit,
        measures: MeasureColumns {
            distance: header.find(&["Distance"]).map(|c| (c, distance_unit)),
            ..MeasureColumns::reps_and_rpe(header)
        },
        time: header.find(&["Time"]),
        status,
        warmup: header.find(&["IsWarmup"]),
        note: header.find(&["Note", "Notes"]),
    })))
}

impl FitNotesIos {
    fn is_warmup(&self, row: &Row) -> Result<bool, RowError> {
        let Some(c) = self.warmup else {
            return Ok(false);
        };
        let raw = row.text(c);
        match raw.to_ascii_lowercase().as_str() {
            "" | "false" | "0" | "no" => Ok(false),
            "true" | "1" | "yes" => Ok(true),
            _ => Err(row.error(c, raw, "true or false")),
        }
    }
}

impl Dialect for FitNotesIos {
    fn name(&self) -> &'static str {
        "fitnotes-ios"
    }

    fn read_row(&mut self, row: &Row, ctx: &RowContext) -> Result<RowOutcome, RowError> {
        let raw_status = row.text(self.status);
        let kind = match raw_status.to_ascii_lowercase().as_str() {
            // An export without a status (older app versions) logs only what was done.
            "done" | "" => SetKind::Working,
            // A set attempted and not completed: done, to failure.
            "failed" => SetKind::Failure,
            "notstarted" | "not started" => return Ok(RowOutcome::Pseudo("not started")),
            "skipped" => return Ok(RowOutcome::Pseudo("skipped")),
            _ => {
                return Err(row.error(
                    self.status,
                    raw_status,
                    "Done, Failed, NotStarted or Skipped",
                ));
            }
        };
        let kind = if self.is_warmup(row)? {
            SetKind::Warmup
        } else {
            kind
        };
        let start = row.stamp(self.start, None, ctx.opts.dates.tz, EXPECTED_STAMP)?;
        let workout_duration_s = match self.end.filter(|&c| !row.text(c).is_empty()) {
            Some(c) => {
                let end = row.stamp(c, None, ctx.opts.dates.tz, EXPECTED_STAMP)?;
                let secs = (end - start).num_seconds();
                (secs > 0).then_some(secs as f64)
            }
            None => None,
        };
        let exercise = row.text(self.exercise);
        if exercise.is_empty() {
            return Err(row.error(self.exercise, exercise, "an exercise name"));
        }
        // Numbers are quoted with a decimal comma although `,` is the delimiter.
        let numbers = row.with_decimal_comma();
        let duration_s = match self.time.map(|c| (c, row.text(c))) {
            Some((c, raw)) if !raw.is_empty() => Some(
                parse_clock(raw)
                    .ok_or_else(|| row.error(c, raw, "a time such as 00:00:30 (hh:mm:ss)"))?,
            ),
            _ => None,
        };
        let mut set = WorkoutSet {
            workout_name: row.opt_text(self.name).to_string(),
            kind,
            weight_kg: numbers.weight_kg(self.weight, self.unit)?,
            notes: row.opt_text(self.note).to_string(),
            workout_duration_s,
            ..ctx.new_set(row, self.ids.id(start), start, exercise)
        };
        set.measures = numbers.measures(&self.measures)?;
        set.measures.duration_s = duration_s;
        // A timed set writes 0 (or nothing) in Reps: it has no reps.
        if set.measures.duration_s.is_some() && set.measures.reps == Some(0.0) {
            set.measures.reps = None;
        }
        Ok(RowOutcome::Set(set))
    }
}
