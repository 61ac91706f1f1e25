//! Strong (iOS and Android), all five dialects seen in real exports:
//!
//! | dialect          | delimiter | weight unit                         | extras                    |
//! |------------------|-----------|-------------------------------------|---------------------------|
//! | `strong-2016`    | `,` / `;` | the column name (`kg`, `lbs`)       | 0-based `Set Order`       |
//! | `strong-2018`    | `;`       | per row, `Weight Unit`              | `Distance Unit` (`mi.`)   |
//! | `strong-ios`     | `,`       | none: `--unit` is required          | `Duration`, `RPE`         |
//! | `strong-android` | `;`       | per row, `Weight Unit`              | `RPE`, `Workout Duration` |
//! | `strong-v6`      | `;`       | the column name (`Weight (kg)`)     | `Workout #`, all quoted   |
//!
//! `Set Order` holds the set number, or `W`/`D`/`F` for warm-up, drop and failure sets, or
//! `Rest Timer`/`Note` on pseudo-rows that are not sets.

use crate::error::{FileError, RowError};
use crate::model::{DistanceUnit, SetKind, WeightUnit, WorkoutSet};

use super::dates::parse_duration_s;
use super::fields::{MeasureColumns, Row, WorkoutIds};
use super::source::Header;
use super::{DetectContext, Dialect, Format, RowContext, RowOutcome};

pub(crate) const FORMAT: Format = Format::table("Strong", detect);

/// Where a row's unit comes from.
#[derive(Debug, Clone, Copy)]
enum WeightSource {
    Fixed(WeightUnit),
    /// A per-row unit column; empty cells fall back to `--unit` when given.
    PerRow(usize, Option<WeightUnit>),
}

#[derive(Debug, Clone, Copy)]
enum DistanceSource {
    Fixed(DistanceUnit),
    PerRow(usize, DistanceUnit),
}

struct Strong {
    ids: WorkoutIds,
    name: &'static str,
    date: usize,
    workout_name: Option<usize>,
    exercise: usize,
    set_order: usize,
    weight: Option<usize>,
    weight_unit: WeightSource,
    /// Reps, RPE and `Seconds`, read as every format reads them; the distance is read apart,
    /// as its unit may be given per row.
    measures: MeasureColumns,
    distance: Option<usize>,
    distance_unit: DistanceSource,
    notes: Option<usize>,
    workout_notes: Option<usize>,
    duration: Option<usize>,
    /// A `Note` pseudo-row's text waits for the next set of its exercise.
    pending_note: Option<(String, String, String)>,
    /// The last workout duration text read, and its value.
    last_duration: Option<(String, Option<f64>)>,
}

fn detect(header: &Header, ctx: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    let Some([date, exercise, set_order]) = header.find_all(["Date", "Exercise Name", "Set Order"])
    else {
        return Ok(None);
    };
    let name = if header.has("Workout #") {
        "strong-v6"
    } else if header.has("Workout Duration") {
        "strong-android"
    } else if header.has("Weight Unit") {
        "strong-2018"
    } else if header.find(&["kg", "lbs", "lb"]).is_some() {
        "strong-2016"
    } else {
        "strong-ios"
    };

    let (weight, weight_unit) = if let Some(c) = header.find(&["Weight (kg)", "kg"]) {
        (Some(c), WeightSource::Fixed(WeightUnit::Kg))
    } else if let Some(c) = header.find(&["Weight (lbs)", "Weight (lb)", "lbs", "lb"]) {
        (Some(c), WeightSource::Fixed(WeightUnit::Lb))
    } else if let Some(c) = header.find(&["Weight"]) {
        match header.find(&["Weight Unit"]) {
            Some(u) => (Some(c), WeightSource::PerRow(u, ctx.opts.unit)),
            None => (
                Some(c),
                WeightSource::Fixed(ctx.fallback_unit(header, c, name)?),
            ),
        }
    } else {
        return Err(FileError::BadHeader {
            path: ctx.path.to_string(),
            column: header.len() as u64 + 1,
            message: "this Strong export has no weight column (expected \"Weight\", \"Weight (kg)\", \"Weight (lbs)\", \"kg\" or \"lbs\")".into(),
        });
    };

    // A file that states no unit for distance is read in the unit family of its weights:
    // miles for lb users, km for kg users (Strong's own defaults).
    let family = |w: WeightSource| match w {
        WeightSource::Fixed(WeightUnit::Lb) | WeightSource::PerRow(_, Some(WeightUnit::Lb)) => {
            DistanceUnit::Mi
        }
        _ => DistanceUnit::Km,
    };
    let (distance, distance_unit) =
        if let Some(c) = header.find(&["Distance (meters)", "Distance (m)"]) {
            (Some(c), DistanceSource::Fixed(DistanceUnit::M))
        } else if let Some(c) = header.find(&["Distance (miles)", "mi.", "mi", "miles"]) {
            (Some(c), DistanceSource::Fixed(DistanceUnit::Mi))
        } else if let Some(c) = header.find(&["Distance (km)", "km"]) {
            (Some(c), DistanceSource::Fixed(DistanceUnit::Km))
        } else if let Some(c) = header.find(&["Distance"]) {
            match header.find(&["Distance Unit"]) {
                Some(u) => (Some(c), DistanceSource::PerRow(u, family(weight_unit))),
                None => (Some(c), DistanceSource::Fixed(family(weight_unit))),
            }
        } else {
            (None, DistanceSource::Fixed(DistanceUnit::Km))
        };

    Ok(Some(Box::new(Strong {
        ids: WorkoutIds::default(),
        name,
        date,
        workout_name: header.find(&["Workout Name"]),
        exercise,
        set_order,
        weight,
        weight_unit,
        measures: MeasureColumns {
            duration: header.find(&["Seconds"]),
            ..MeasureColumns::reps_and_rpe(header)
        },
        distance,
        distance_unit,
        notes: header.find(&["Notes"]),
        workout_notes: header.find(&["Workout Notes"]),
        duration: header.find(&["Duration (sec)", "Workout Duration", "Duration"]),
        pending_note: None,
        last_duration: None,
    })))
}

impl Dialect for Strong {
    fn name(&self) -> &'static str {
        self.name
    }

    fn read_row(&mut self, row: &Row, ctx: &RowContext) -> Result<RowOutcome, RowError> {
        let order = row.text(self.set_order);
        let kind = match order.to_ascii_lowercase().as_str() {
            "rest timer" => return Ok(RowOutcome::Pseudo("Rest Timer")),
            "note" => {
                let note = row.opt_text(self.notes);
                if !note.is_empty() {
                    self.pending_note = Some((
                        row.text(self.date).to_string(),
                        row.text(self.exercise).to_string(),
                        note.to_string(),
                    ));
                }
                return Ok(RowOutcome::Pseudo("Note"));
            }
            "w" => SetKind::Warmup,
            "d" => SetKind::Drop,
            "f" => SetKind::Failure,
            n if n.parse::<u32>().is_ok() => SetKind::Working,
            // Spreadsheet re-saves write set numbers as decimals ("1.0").
            n if n.parse::<f64>().is_ok_and(|v| v >= 0.0 && v.fract() == 0.0) => SetKind::Working,
            _ => {
                return Err(row.error(
                    self.set_order,
                    order,
                    "a set number, or W, D or F for warm-up, drop and failure sets",
                ));
            }
        };
        // Strong writes ISO dates (`2024-05-29 06:45:21`), read byte by byte in dates.rs; a
        // spreadsheet re-save may write another form, which the general reader takes too.
        let raw_date = row.text(self.date);
        let start = super::dates::parse_stamp(raw_date, None)
            .map(|s| s.wall)
            .ok_or_else(|| row.error(self.date, raw_date, "a date such as 2024-05-29 06:45:21"))?;
        let exercise = row.text(self.exercise);
        if exercise.is_empty() {
            return Err(row.error(self.exercise, exercise, "an exercise name"));
        }

        let weight_unit = match self.weight_unit {
            WeightSource::Fixed(u) => u,
            WeightSource::PerRow(c, fallback) => {
                let raw = row.text(c);
                match (raw.is_empty(), fallback) {
                    (false, _) => raw.parse().map_err(|_| row.error(c, raw, "kg or lbs"))?,
                    (true, Some(u)) => u,
                    // A weight with no unit and no --unit: only an error if there is a weight.
                    (true, None) if row.opt_text(self.weight).is_empty() => WeightUnit::Kg,
                    (true, None) => {
                        return Err(row.error(
                            c,
                            raw,
                            "kg or lbs for the weight in this row (or pass --unit)",
                        ));
                    }
                }
            }
        };
        let distance_unit = match self.distance_unit {
            DistanceSource::Fixed(u) => u,
            DistanceSource::PerRow(c, fallback) => {
                let raw = row.text(c);
                if raw.is_empty() {
                    fallback
                } else {
                    raw.parse().map_err(|_| row.error(c, raw, "m, km or mi."))?
                }
            }
        };

        let mut notes = row.opt_text(self.notes).to_string();
        if let Some((date, ex, note)) = self.pending_note.take() {
            if date == row.text(self.date) && ex == exercise && notes.is_empty() {
                notes = note;
            } else if date == row.text(self.date) {
                self.pending_note = Some((date, ex, note));
            }
        }

        // Every row of a workout repeats its duration: parse each text once.
        let workout_duration_s = self.duration.and_then(|c| {
            let raw = row.text(c);
            match &self.last_duration {
                Some((r, d)) if r == raw => *d,
                _ => {
                    let d = parse_duration_s(raw);
                    self.last_duration = Some((raw.to_string(), d));
                    d
                }
            }
        });
        if let Some(c) = self.duration {
            let raw = row.text(c);
            if !raw.is_empty() && workout_duration_s.is_none() {
                return Err(row.error(c, raw, "a duration such as 1h 5m, 58m or 3900"));
            }
        }

        let mut set = WorkoutSet {
            workout_name: row.opt_text(self.workout_name).to_string(),
            set_index: order
                .parse::<f64>()
                .ok()
                .filter(|v| *v >= 0.0 && v.fract() == 0.0)
                .map(|v| v as u32),
            kind,
            weight_kg: row.weight_kg(self.weight, weight_unit)?,
            notes,
            workout_notes: row.opt_text(self.workout_notes).to_string(),
            workout_duration_s,
            ..ctx.new_set(row, self.ids.id(start), start, exercise)
        };
        set.measures = row.measures(&self.measures)?;
        set.measures.distance_m = row.distance_m(self.distance, distance_unit)?;
        Ok(RowOutcome::Set(set))
    }
}
