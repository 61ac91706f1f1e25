//! Fitbod: timestamps in UTC with an explicit offset (`2025-08-20 01:49:39 +0000`), weights
//! always in kg (even for lb users), `isWarmup` true/false, leading spaces in numbers, blank
//! lines mid-file. Workouts are counted per calendar day in `--tz` (default UTC).

use chrono::Datelike;

use crate::error::{FileError, RowError};
use crate::model::{DistanceUnit, SetKind, WeightUnit, WorkoutSet};

use super::dates::parse_offset_datetime;
use super::fields::{MeasureColumns, Row};
use super::source::Header;
use super::{DetectContext, Dialect, Format, RowContext, RowOutcome};

pub(crate) const FORMAT: Format = Format::table("Fitbod", detect);

struct Fitbod {
    date: usize,
    exercise: usize,
    weight: Option<usize>,
    measures: MeasureColumns,
    warmup: Option<usize>,
    note: Option<usize>,
    /// The last timestamp read, its local time and its workout id: every set of a workout
    /// repeats the timestamp, so each is parsed and formatted once.
    last: Option<(String, chrono::NaiveDateTime, String)>,
}

fn detect(header: &Header, _ctx: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    let Some([date, exercise, warmup]) = header.find_all(["Date", "Exercise", "isWarmup"]) else {
        return Ok(None);
    };
    Ok(Some(Box::new(Fitbod {
        date,
        exercise,
        weight: header.find(&["Weight(kg)", "Weight (kg)"]),
        measures: MeasureColumns {
            reps: header.find(&["Reps"]),
            rpe: None,
            distance: header
                .find(&["Distance(m)", "Distance (m)"])
                .map(|c| (c, DistanceUnit::M)),
            duration: header.find(&["Duration(s)", "Duration (s)"]),
        },
        warmup: Some(warmup),
        note: header.find(&["Note"]),
        last: None,
    })))
}

impl Dialect for Fitbod {
    fn name(&self) -> &'static str {
        "fitbod"
    }

    fn read_row(&mut self, row: &Row, ctx: &RowContext) -> Result<RowOutcome, RowError> {
        let raw = row.text(self.date);
        let (cached_raw, start, workout_id) = match self.last.take() {
            Some(last) if last.0 == raw => last,
            _ => {
                let at = parse_offset_datetime(raw, "%Y-%m-%d %H:%M:%S %z").ok_or_else(|| {
                    row.error(
                        self.date,
                        raw,
                        "a timestamp with offset such as 2025-08-20 01:49:39 +0000",
                    )
                })?;
                let start = at.with_timezone(&ctx.opts.dates.tz).naive_local();
                let day = start.date();
                // Fitbod sets carry no workout key; a workout is a calendar day in --tz.
                let id = format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
                (raw.to_string(), start, id)
            }
        };
        self.last = Some((cached_raw, start, workout_id.clone()));
        let exercise = row.text(self.exercise);
        if exercise.is_empty() {
            return Err(row.error(self.exercise, exercise, "an exercise name"));
        }
        let kind = match self.warmup.map(|c| (c, row.text(c).to_ascii_lowercase())) {
            Some((_, v)) if v == "true" => SetKind::Warmup,
            Some((_, v)) if v == "false" || v.is_empty() => SetKind::Working,
            Some((c, v)) => return Err(row.error(c, &v, "true or false")),
            None => SetKind::Working,
        };
        Ok(RowOutcome::Set(WorkoutSet {
            kind,
            weight_kg: row.weight_kg(self.weight, WeightUnit::Kg)?,
            measures: row.measures(&self.measures)?,
            notes: row.opt_text(self.note).to_string(),
            ..ctx.new_set(row, workout_id, start, exercise)
        }))
    }
}
