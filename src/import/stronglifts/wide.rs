//! The legacy wide "spreadsheet" export: one row per workout, repeated exercise blocks.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::{FileError, RowError};
use crate::model::{WeightUnit, WorkoutSet};

use super::super::dates::{self, DateOrder};
use super::super::fields::{Row, parse_number};
use super::super::source::{Header, Record};
use super::super::{DetectContext, Dialect, RowContext, RowOutcome};
use super::{drop_trailing_empty, is_timed, set_from_cell};

/// One `Exercise N` block of the wide export.
#[derive(Debug, Clone)]
struct Block {
    exercise: usize,
    kg: Option<usize>,
    lb: Option<usize>,
    /// (set number from the header, column)
    sets: Vec<(u32, usize)>,
}

pub(super) struct Wide {
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
pub(super) fn numbered(name: &str, prefix: &str) -> Option<u32> {
    let key = name.trim().to_ascii_lowercase();
    key.strip_prefix(prefix)?.trim().parse().ok()
}

impl Wide {
    pub(super) fn detect(header: &Header, ctx: &DetectContext) -> Option<Wide> {
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
            order: ctx.opts.dates.order,
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
pub(super) fn agree_within_rounding(kg: f64, lb: f64) -> bool {
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
                let measures = set_from_cell(value.unwrap_or(0.0), timed);
                sets.push(WorkoutSet {
                    workout_name: workout_name.to_string(),
                    set_index: Some(n),
                    weight_kg,
                    measures,
                    workout_notes: workout_notes.to_string(),
                    ..ctx.new_set(row, workout_id.clone(), start, exercise)
                });
            }
        }
        if sets.is_empty() {
            return Ok(RowOutcome::Pseudo("workout with no sets"));
        }
        Ok(RowOutcome::Sets(sets))
    }
}
