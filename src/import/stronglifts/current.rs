//! The current export: one row per exercise per workout, `Set N (Reps)` / `Set N (KG)` pairs.

use chrono::NaiveTime;

use crate::error::RowError;
use crate::model::{WeightUnit, WorkoutSet};

use super::super::dates::{self};
use super::super::fields::{Row, parse_number};
use super::super::source::Header;
use super::super::{DetectContext, Dialect, RowContext, RowOutcome};
use super::{drop_trailing_empty, is_timed, set_from_cell};

/// The `Set N (Reps)` and `Set N (KG)` columns of one set.
#[derive(Debug, Clone, Copy)]
struct SetPair {
    number: u32,
    reps: usize,
    weight: Option<usize>,
}

pub(super) struct Current {
    date: usize,
    workout: Option<usize>,
    workout_name: Option<usize>,
    exercise: usize,
    start: Option<usize>,
    end: Option<usize>,
    notes: Option<usize>,
    unit: WeightUnit,
    pairs: Vec<SetPair>,
}

/// `Set 3 (Reps)` → (3, "reps").
pub(super) fn set_column(name: &str) -> Option<(u32, String)> {
    let key = name.trim().to_ascii_lowercase();
    let rest = key.strip_prefix("set ")?;
    let (n, what) = rest.split_once('(')?;
    let what = what.strip_suffix(')')?.trim().to_string();
    Some((n.trim().parse().ok()?, what))
}

impl Current {
    pub(super) fn detect(header: &Header, _ctx: &DetectContext) -> Option<Current> {
        let date = header.find(&["Date (yyyy/mm/dd)", "Date"])?;
        let exercise = header.find(&["Exercise"])?;
        let mut pairs: Vec<SetPair> = Vec::new();
        let mut unit = None;
        for c in 0..header.len() {
            let Some((number, what)) = set_column(header.name(c)) else {
                continue;
            };
            match what.as_str() {
                "reps" => pairs.push(SetPair {
                    number,
                    reps: c,
                    weight: None,
                }),
                u => {
                    let Ok(u) = u.parse::<WeightUnit>() else {
                        continue;
                    };
                    unit = Some(u);
                    if let Some(p) = pairs.iter_mut().find(|p| p.number == number) {
                        p.weight = Some(c);
                    }
                }
            }
        }
        if pairs.is_empty() {
            return None;
        }
        Some(Current {
            date,
            workout: header.find(&["Workout"]),
            workout_name: header.find(&["Workout Name"]),
            exercise,
            start: header.find(&["Start Time (h:mm)", "Start Time"]),
            end: header.find(&["End Time (h:mm)", "End Time"]),
            notes: header.find(&["Notes", "Note"]),
            // Set weights without a unit column are weights in the unit of the header's body
            // weight; StrongLifts always names one, kg when it names none is not reached.
            unit: unit.unwrap_or(WeightUnit::Kg),
            pairs,
        })
    }

    fn time(&self, row: &Row, column: Option<usize>) -> Result<Option<NaiveTime>, RowError> {
        let Some(c) = column else {
            return Ok(None);
        };
        let raw = row.text(c);
        if raw.is_empty() {
            return Ok(None);
        }
        dates::parse_time_of_day(raw)
            .map(Some)
            .ok_or_else(|| row.error(c, raw, "a time of day such as 10:56 PM"))
    }
}

impl Dialect for Current {
    fn name(&self) -> &'static str {
        "stronglifts"
    }

    fn repair(&self, fields: &mut Vec<String>, header: &Header) -> bool {
        drop_trailing_empty(fields, header)
    }

    fn read_row(&mut self, row: &Row, ctx: &RowContext) -> Result<RowOutcome, RowError> {
        let raw_date = row.text(self.date);
        let day = dates::parse_stamp(raw_date, None)
            .ok_or_else(|| row.error(self.date, raw_date, "a date such as 2026/08/11"))?
            .wall
            .date();
        let exercise = row.text(self.exercise);
        if exercise.is_empty() {
            return Err(row.error(self.exercise, exercise, "an exercise name"));
        }
        let start_time = self.time(row, self.start)?;
        let end_time = self.time(row, self.end)?;
        let start = day.and_time(start_time.unwrap_or(NaiveTime::MIN));
        // End before start is a workout that went past midnight; a zero length is a clock
        // with minute resolution, not a duration.
        let workout_duration_s = match (start_time, end_time) {
            (Some(s), Some(e)) => {
                let mut secs = (e - s).num_seconds();
                if secs < 0 {
                    secs += 24 * 3600;
                }
                (secs > 0).then_some(secs as f64)
            }
            _ => None,
        };
        let workout = row.opt_text(self.workout);
        let workout_id = if workout.is_empty() {
            start.format("%Y-%m-%d %H:%M:%S").to_string()
        } else {
            format!("{} #{workout}", day.format("%Y-%m-%d"))
        };
        let timed = is_timed(exercise);
        let mut sets = Vec::new();
        for pair in &self.pairs {
            let raw_reps = row.text(pair.reps);
            let raw_weight = row.opt_text(pair.weight);
            // `-` and `0` are failed sets: sets done with no rep when a weight says the bar was
            // loaded; without one, the slot was never reached.
            let failed = raw_reps == "-" || parse_number(raw_reps, false) == Some(0.0);
            if raw_reps.is_empty() || (failed && raw_weight.is_empty()) {
                continue;
            }
            let measures = if failed {
                set_from_cell(0.0, false)
            } else if timed {
                set_from_cell(row.seconds(Some(pair.reps))?.unwrap_or(0.0), true)
            } else {
                set_from_cell(row.reps(Some(pair.reps))?.unwrap_or(0.0), false)
            };
            sets.push(WorkoutSet {
                workout_name: row.opt_text(self.workout_name).to_string(),
                set_index: Some(pair.number),
                weight_kg: row.weight_kg(pair.weight, self.unit)?,
                measures,
                notes: row.opt_text(self.notes).to_string(),
                workout_duration_s,
                ..ctx.new_set(row, workout_id.clone(), start, exercise)
            });
        }
        if sets.is_empty() {
            return Ok(RowOutcome::Pseudo("exercise with no sets"));
        }
        Ok(RowOutcome::Sets(sets))
    }
}
