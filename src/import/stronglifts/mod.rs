//! StrongLifts 5×5, both exports:
//!
//! | dialect             | one row per          | dates                         | weight unit                   |
//! |---------------------|----------------------|-------------------------------|-------------------------------|
//! | `stronglifts-wide`  | workout              | `mm/dd/yy` or `dd/mm/yy(yy)`  | `Weight (KG)` / `Weight (LB)` |
//! | `stronglifts`       | exercise per workout | `yyyy/mm/dd`, 12-hour times   | `Set N (KG)` / `Set N (LB)`   |
//!
//! The wide ("spreadsheet") export repeats the same column names in every exercise block
//! (`Exercise N, Weight (KG), Weight (LB), Set 1 … Set 5`), so columns are looked up inside a
//! block, from one `Exercise N` to the next. Its numeric dates come in either day/month order
//! under the same header: the file settles the order ([`Dialect::prepare`]), or `--date-order`
//! does, and a file that settles nothing is refused rather than guessed.
//!
//! In both exports a set cell holds the reps done (`0`, or `-` in the current export, is a
//! failed set), except for timed exercises (planks), whose cells hold seconds.

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};

use crate::error::{FileError, RowError};
use crate::model::{SetKind, WeightUnit, WorkoutSet};

use super::dates::{self, DateOrder};
use super::fields::{Row, parse_number};
use super::source::{Header, Record};
use super::{DetectContext, Dialect, Format, RowContext, RowOutcome};

pub(crate) const FORMAT: Format = Format::table("StrongLifts", detect);

fn detect(header: &Header, ctx: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    if let Some(wide) = Wide::detect(header, ctx) {
        return Ok(Some(Box::new(wide)));
    }
    Ok(Current::detect(header, ctx).map(|c| Box::new(c) as Box<dyn Dialect>))
}

/// Whether an exercise is held for time, so its set cells hold seconds instead of reps.
/// StrongLifts exports no set type, so this is decided from the name: planks, holds, hangs and
/// wall sits; plank variations done for reps (shoulder taps, plank jacks) are not timed.
fn is_timed(exercise: &str) -> bool {
    let name = crate::text::fold(exercise);
    let timed = ["plank", "hold", "dead hang", "wall sit", "l-sit", "l sit"]
        .iter()
        .any(|w| name.contains(w));
    let for_reps = ["tap", "jack", "walk", "up"].iter().any(|w| {
        name.split(|c: char| !c.is_alphanumeric())
            .any(|t| t.starts_with(w))
    });
    timed && !for_reps
}

/// Drops empty fields past the header's end: a row written with a trailing comma under a header
/// written without one (or a shorter header) loses nothing.
fn drop_trailing_empty(fields: &mut Vec<String>, header: &Header) -> bool {
    if fields[header.len()..].iter().all(|f| f.trim().is_empty()) {
        fields.truncate(header.len());
        true
    } else {
        false
    }
}

/// A set cell: reps for most exercises, seconds for timed ones.
fn set_from_cell(value: f64, timed: bool) -> (Option<f64>, Option<f64>) {
    if timed {
        (None, Some(value))
    } else {
        (Some(value), None)
    }
}

// ---------------------------------------------------------------------------------------------
// The legacy wide "spreadsheet" export
// ---------------------------------------------------------------------------------------------

/// One `Exercise N` block of the wide export.
#[derive(Debug, Clone)]
struct Block {
    exercise: usize,
    kg: Option<usize>,
    lb: Option<usize>,
    /// (set number from the header, column)
    sets: Vec<(u32, usize)>,
}

struct Wide {
    date: usize,
    /// The date column's name as written, for messages.
    date_name: String,
    note: Option<usize>,
    workout: Option<usize>,
    body_kg: Option<usize>,
    body_lb: Option<usize>,
    /// `Body Weight` with its unit inside the value (`95.5KG`, `183lb`).
    body: Option<usize>,
    blocks: Vec<Block>,
    /// The day/month order, settled in `prepare`.
    order: Option<DateOrder>,
    /// The lifter's unit where a row's own body weight does not say it: from the other rows'
    /// body weights, else `--unit`.
    file_unit: Option<WeightUnit>,
    /// Workouts per day so far, to keep ids distinct when two rows share a date.
    days: HashMap<NaiveDate, u32>,
}

/// `Exercise 3` → 3.
fn numbered(name: &str, prefix: &str) -> Option<u32> {
    let key = name.trim().to_ascii_lowercase();
    key.strip_prefix(prefix)?.trim().parse().ok()
}

impl Wide {
    fn detect(header: &Header, ctx: &DetectContext) -> Option<Wide> {
        let date = header.find(&["Date"])?;
        let starts: Vec<usize> = (0..header.len())
            .filter(|&c| numbered(header.name(c), "exercise").is_some())
            .collect();
        let first = *starts.first()?;
        let mut blocks = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(header.len());
            let mut block = Block {
                exercise: start,
                kg: None,
                lb: None,
                sets: Vec::new(),
            };
            for c in start + 1..end {
                let name = header.name(c).trim().to_ascii_lowercase();
                match name.as_str() {
                    "weight (kg)" | "weight (kgs)" => block.kg = Some(c),
                    "weight (lb)" | "weight (lbs)" => block.lb = Some(c),
                    _ => {
                        if let Some(n) = numbered(&name, "set") {
                            block.sets.push((n, c));
                        }
                    }
                }
            }
            blocks.push(block);
        }
        // Both the weight columns and set columns make it StrongLifts, not any file with an
        // `Exercise 1` column.
        if !blocks
            .iter()
            .any(|b| (b.kg.is_some() || b.lb.is_some()) && !b.sets.is_empty())
        {
            return None;
        }
        let lead = |names: &[&str]| header.find(names).filter(|&c| c < first);
        Some(Wide {
            date,
            date_name: header.name(date).to_string(),
            note: lead(&["Note", "Notes"]),
            workout: lead(&["Workout"]),
            body_kg: lead(&["Body Weight (KG)"]),
            body_lb: lead(&["Body Weight (LB)", "Body Weight (LBS)"]),
            body: lead(&["Body Weight", "Bodyweight"]),
            blocks,
            order: ctx.opts.date_order,
            file_unit: None,
            days: HashMap::new(),
        })
    }

    /// The lifter's unit as a row's body weight shows it: the suffix inside the cell, or which
    /// of the two body-weight columns is filled.
    fn body_unit(&self, fields: &csv::StringRecord) -> Option<WeightUnit> {
        let cell = |c: Option<usize>| c.and_then(|c| fields.get(c)).map_or("", str::trim);
        let body = cell(self.body).to_ascii_lowercase();
        if body.ends_with("kg") || body.ends_with("kgs") {
            return Some(WeightUnit::Kg);
        }
        if body.ends_with("lb") || body.ends_with("lbs") {
            return Some(WeightUnit::Lb);
        }
        match (cell(self.body_kg).is_empty(), cell(self.body_lb).is_empty()) {
            (false, true) => Some(WeightUnit::Kg),
            (true, false) => Some(WeightUnit::Lb),
            _ => None,
        }
    }

    /// The unit of the lifter's body weights across the file, when every row that shows one
    /// agrees.
    fn settle_unit(&mut self, records: &[Record], ctx: &DetectContext) -> Result<(), FileError> {
        let mut units = records.iter().filter_map(|r| self.body_unit(&r.fields));
        let first = units.next();
        self.file_unit = match first {
            Some(u) if units.all(|v| v == u) => Some(u),
            _ => None,
        }
        .or(ctx.opts.unit);
        // Rows with both weights filled and nothing that says which one the lifter uses: fine
        // when the two agree within the app's rounding (then kg is as good as lb), otherwise
        // the unit must be given.
        for record in records {
            if self.body_unit(&record.fields).or(self.file_unit).is_some() {
                continue;
            }
            for block in &self.blocks {
                let (Some(kg_col), Some(lb_col)) = (block.kg, block.lb) else {
                    continue;
                };
                let cell = |c: usize| record.fields.get(c).map_or("", str::trim);
                let (kg, lb) = (cell(kg_col), cell(lb_col));
                if let (Some(k), Some(l)) = (parse_number(kg, false), parse_number(lb, false))
                    && !agree_within_rounding(k, l)
                {
                    return Err(FileError::TwoWeights {
                        path: ctx.path.to_string(),
                        line: record.line,
                        column: kg_col as u64 + 1,
                        kg: kg.to_string(),
                        lb: lb.to_string(),
                    });
                }
            }
        }
        Ok(())
    }

    /// The weight of one block in kg: the one filled column, or the lifter's unit when the app
    /// filled both (one is its rounded conversion of the other).
    fn block_weight(
        &self,
        row: &Row,
        block: &Block,
        lifter: Option<WeightUnit>,
    ) -> Result<Option<f64>, RowError> {
        let kg = block.kg.filter(|&c| !row.text(c).is_empty());
        let lb = block.lb.filter(|&c| !row.text(c).is_empty());
        match (kg, lb) {
            (Some(c), None) => row.weight_kg(Some(c), WeightUnit::Kg),
            (None, Some(c)) => row.weight_kg(Some(c), WeightUnit::Lb),
            (None, None) => Ok(None),
            (Some(k), Some(l)) => match lifter {
                Some(WeightUnit::Lb) => row.weight_kg(Some(l), WeightUnit::Lb),
                // The lifter's unit is kg, or unknown and the two agree (checked in prepare).
                _ => row.weight_kg(Some(k), WeightUnit::Kg),
            },
        }
    }
}

/// Whether `kg` and `lb` are one weight, one of them the app's rounded conversion of the other.
/// Plates come in 2.5 kg and 5 lb steps, so a rounded conversion is off by at most 1.25 kg.
fn agree_within_rounding(kg: f64, lb: f64) -> bool {
    (kg - WeightUnit::Lb.to_kg(lb)).abs() <= 1.25 + 1e-9
}

impl Dialect for Wide {
    fn name(&self) -> &'static str {
        "stronglifts-wide"
    }

    fn repair(&self, fields: &mut Vec<String>, header: &Header) -> bool {
        drop_trailing_empty(fields, header)
    }

    fn prepare(&mut self, records: &[Record], ctx: &DetectContext) -> Result<(), FileError> {
        // The one rule for numeric dates (dates.rs): `--date-order`, else what the dates show;
        // a file whose dates never show it, or mix both orders, is refused.
        self.order = dates::settle_order(
            ctx.path,
            &self.date_name,
            records
                .iter()
                .map(|r| r.fields.get(self.date).map_or("", str::trim)),
            self.order,
            None,
        )?;
        self.settle_unit(records, ctx)
    }

    fn read_row(&mut self, row: &Row, ctx: &RowContext) -> Result<RowOutcome, RowError> {
        let raw_date = row.text(self.date);
        // The export writes a date only; a time, where a re-save added one, is kept.
        let start = dates::parse_stamp(raw_date, self.order)
            .ok_or_else(|| {
                let expected = match self.order {
                    Some(DateOrder::Dmy) => "a date such as 16/05/18 (day/month/year)",
                    Some(DateOrder::Mdy) => "a date such as 05/16/18 (month/day/year)",
                    None => "a date such as 05/16/18",
                };
                row.error(self.date, raw_date, expected)
            })?
            .wall;
        let day = start.date();
        let nth = self.days.entry(day).or_default();
        *nth += 1;
        // One workout per row; a second row on the same day is a second workout.
        let workout_id = if *nth == 1 {
            day.format("%Y-%m-%d").to_string()
        } else {
            format!("{} (line {})", day.format("%Y-%m-%d"), row.line())
        };
        let lifter = self.body_unit(&row.record.fields).or(self.file_unit);
        let workout_name = row.opt_text(self.workout);
        let workout_notes = row.opt_text(self.note);
        let mut sets = Vec::new();
        for block in &self.blocks {
            let exercise = row.text(block.exercise);
            let filled: Vec<(u32, usize)> = block
                .sets
                .iter()
                .copied()
                .filter(|&(_, c)| !row.text(c).is_empty())
                .collect();
            if exercise.is_empty() {
                if let Some(&(_, c)) = filled.first() {
                    return Err(row.error(
                        block.exercise,
                        exercise,
                        format!(
                            "an exercise name for the sets in column {:?}",
                            row.header.name(c)
                        ),
                    ));
                }
                continue;
            }
            let weight_kg = self.block_weight(row, block, lifter)?;
            let timed = is_timed(exercise);
            for (n, c) in filled {
                let value = if timed {
                    row.seconds(Some(c))?
                } else {
                    row.reps(Some(c))?
                };
                let (reps, duration_s) = set_from_cell(value.unwrap_or(0.0), timed);
                sets.push(WorkoutSet {
                    workout_id: workout_id.clone(),
                    start,
                    workout_name: workout_name.to_string(),
                    exercise: exercise.to_string(),
                    canonical: None,
                    set_number: 0,
                    set_index: Some(n),
                    kind: SetKind::Working,
                    weight_kg,
                    reps,
                    rpe: None,
                    distance_m: None,
                    duration_s,
                    notes: String::new(),
                    workout_notes: workout_notes.to_string(),
                    workout_duration_s: None,
                    source: ctx.source(row.line()),
                });
            }
        }
        if sets.is_empty() {
            return Ok(RowOutcome::Pseudo("workout with no sets"));
        }
        Ok(RowOutcome::Sets(sets))
    }
}

// ---------------------------------------------------------------------------------------------
// The current export: one row per exercise per workout
// ---------------------------------------------------------------------------------------------

/// The `Set N (Reps)` and `Set N (KG)` columns of one set.
#[derive(Debug, Clone, Copy)]
struct SetPair {
    number: u32,
    reps: usize,
    weight: Option<usize>,
}

struct Current {
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
fn set_column(name: &str) -> Option<(u32, String)> {
    let key = name.trim().to_ascii_lowercase();
    let rest = key.strip_prefix("set ")?;
    let (n, what) = rest.split_once('(')?;
    let what = what.strip_suffix(')')?.trim().to_string();
    Some((n.trim().parse().ok()?, what))
}

impl Current {
    fn detect(header: &Header, _ctx: &DetectContext) -> Option<Current> {
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
            let (reps, duration_s) = if failed {
                (Some(0.0), None)
            } else if timed {
                set_from_cell(row.seconds(Some(pair.reps))?.unwrap_or(0.0), true)
            } else {
                set_from_cell(row.reps(Some(pair.reps))?.unwrap_or(0.0), false)
            };
            sets.push(WorkoutSet {
                workout_id: workout_id.clone(),
                start,
                workout_name: row.opt_text(self.workout_name).to_string(),
                exercise: exercise.to_string(),
                canonical: None,
                set_number: 0,
                set_index: Some(pair.number),
                kind: SetKind::Working,
                weight_kg: row.weight_kg(pair.weight, self.unit)?,
                reps,
                rpe: None,
                distance_m: None,
                duration_s,
                notes: row.opt_text(self.notes).to_string(),
                workout_notes: String::new(),
                workout_duration_s,
                source: ctx.source(row.line()),
            });
        }
        if sets.is_empty() {
            return Ok(RowOutcome::Pseudo("exercise with no sets"));
        }
        Ok(RowOutcome::Sets(sets))
    }
}
