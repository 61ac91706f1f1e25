//! Hevy: comma-separated, every header quoted, newest workout first. The units live in the
//! column names and vary independently (`weight_kg`/`weight_lbs`, `distance_km`/
//! `distance_miles`). `start_time` is written in the phone's language and locale when the file
//! is exported: `1 Dec 2025, 10:53`, `Apr 12, 2026, 12:29 PM` (US), `1 déc. 2025, 10:53`; some
//! tools write ISO 8601. [`super::dates::parse_stamp`] reads them all. `description` and
//! `exercise_notes` repeat on every row of their workout or exercise.

use crate::error::{FileError, RowError};
use crate::model::{DistanceUnit, SetKind, WeightUnit, WorkoutSet};

use super::fields::{MeasureColumns, Row, WorkoutIds};
use super::source::Header;
use super::{DetectContext, Dialect, Format, RowContext, RowOutcome};

pub(crate) const FORMAT: Format = Format::table("Hevy", detect);

struct Hevy {
    ids: WorkoutIds,
    title: Option<usize>,
    start: usize,
    end: Option<usize>,
    description: Option<usize>,
    exercise: usize,
    exercise_notes: Option<usize>,
    set_index: Option<usize>,
    set_type: Option<usize>,
    weight: Option<(usize, WeightUnit)>,
    measures: MeasureColumns,
    /// The day/month order of numeric dates (a spreadsheet re-save turns Hevy's
    /// `1 Dec 2025, 10:53` into `01/12/2025 10:53`).
    order: Option<super::dates::DateOrder>,
}

fn detect(header: &Header, ctx: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    let Some([start, exercise]) = header.find_all(["start_time", "exercise_title"]) else {
        return Ok(None);
    };
    let weight = if let Some(c) = header.find(&["weight_kg"]) {
        Some((c, WeightUnit::Kg))
    } else if let Some(c) = header.find(&["weight_lbs", "weight_lb"]) {
        Some((c, WeightUnit::Lb))
    } else if let Some(c) = header.find(&["weight"]) {
        Some((c, ctx.fallback_unit(header, c, "hevy")?))
    } else {
        None
    };
    let distance = if let Some(c) = header.find(&["distance_km"]) {
        Some((c, DistanceUnit::Km))
    } else if let Some(c) = header.find(&["distance_miles", "distance_mi"]) {
        Some((c, DistanceUnit::Mi))
    } else {
        header
            .find(&["distance_meters", "distance_m"])
            .map(|c| (c, DistanceUnit::M))
    };
    Ok(Some(Box::new(Hevy {
        ids: WorkoutIds::default(),
        title: header.find(&["title"]),
        start,
        end: header.find(&["end_time"]),
        description: header.find(&["description"]),
        exercise,
        exercise_notes: header.find(&["exercise_notes"]),
        set_index: header.find(&["set_index"]),
        set_type: header.find(&["set_type"]),
        weight,
        measures: MeasureColumns {
            distance,
            duration: header.find(&["duration_seconds"]),
            ..MeasureColumns::reps_and_rpe(header)
        },
        order: None,
    })))
}

impl Dialect for Hevy {
    fn name(&self) -> &'static str {
        "hevy"
    }

    fn prepare(
        &mut self,
        records: &[super::source::Record],
        ctx: &DetectContext,
    ) -> Result<(), FileError> {
        let column = self.start;
        self.order = super::dates::settle_order(
            ctx.path,
            "start_time",
            records
                .iter()
                .map(|r| r.fields.get(column).unwrap_or_default()),
            ctx.opts.dates.order,
            None,
        )?;
        Ok(())
    }

    fn read_row(&mut self, row: &Row, ctx: &RowContext) -> Result<RowOutcome, RowError> {
        const EXPECTED_DATE: &str =
            "a start time such as \"1 Dec 2025, 10:53\" or \"Apr 12, 2026, 12:29 PM\"";
        let tz = ctx.opts.dates.tz;
        let start = row.stamp(self.start, self.order, tz, EXPECTED_DATE)?;
        let exercise = row.text(self.exercise);
        if exercise.is_empty() {
            return Err(row.error(self.exercise, exercise, "an exercise name"));
        }
        let kind = match self.set_type {
            None => SetKind::Working,
            Some(c) => match row.text(c).to_ascii_lowercase().as_str() {
                "" | "normal" => SetKind::Working,
                "warmup" => SetKind::Warmup,
                "dropset" => SetKind::Drop,
                "failure" => SetKind::Failure,
                other => {
                    return Err(row.error(c, other, "normal, warmup, failure or dropset"));
                }
            },
        };
        let workout_duration_s = match self.end.map(|c| row.text(c)) {
            Some(raw) if !raw.is_empty() => {
                let end = row.stamp(self.end.unwrap_or(0), self.order, tz, EXPECTED_DATE)?;
                Some((end - start).num_seconds().max(0) as f64)
            }
            _ => None,
        };
        let (weight_col, weight_unit) = self
            .weight
            .map_or((None, WeightUnit::Kg), |(c, u)| (Some(c), u));
        Ok(RowOutcome::Set(WorkoutSet {
            workout_name: row.opt_text(self.title).to_string(),
            set_index: row
                .number(self.set_index, "a set number such as 0")?
                .filter(|v| *v >= 0.0 && v.fract() == 0.0)
                .map(|v| v as u32),
            kind,
            weight_kg: row.weight_kg(weight_col, weight_unit)?,
            measures: row.measures(&self.measures)?,
            notes: row.opt_text(self.exercise_notes).to_string(),
            workout_notes: row.opt_text(self.description).to_string(),
            workout_duration_s,
            ..ctx.new_set(row, self.ids.id(start), start, exercise)
        }))
    }
}
