//! FitNotes (Android): one row per set, a date but no time and no workout name, so one
//! workout per calendar day. The unit is either per row (`Weight Unit` = `kgs`/`lbs`) or in a
//! legacy header (`Weight (lbs)`, `Weight (kgs)`). `Comment` may be missing. Some versions
//! write exercise names that contain a comma without quoting them; those rows are repaired.

use chrono::NaiveTime;

use crate::error::{FileError, RowError};
use crate::model::{DistanceUnit, Measures, WeightUnit, WorkoutSet};

use super::dates::{parse_clock, parse_datetime};
use super::fields::Row;
use super::source::Header;
use super::{DetectContext, Dialect, Format, RowContext, RowOutcome};

pub(crate) const FORMAT: Format = Format::table("FitNotes", detect);

#[derive(Debug, Clone, Copy)]
enum WeightColumn {
    PerRow {
        value: usize,
        unit: usize,
    },
    Fixed(usize, WeightUnit),
    /// FitNotes 2 (iOS) has both a kg and a lbs column; one is filled per row.
    Both {
        kg: usize,
        lbs: usize,
    },
}

struct FitNotes {
    date: usize,
    exercise: usize,
    category: usize,
    weight: Option<WeightColumn>,
    reps: Option<usize>,
    distance: Option<usize>,
    distance_unit: Option<usize>,
    time: Option<usize>,
    comment: Option<usize>,
    fallback: Option<WeightUnit>,
}

fn detect(header: &Header, ctx: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    let Some([date, exercise, category]) = header.find_all(["Date", "Exercise", "Category"]) else {
        return Ok(None);
    };
    let kg = header.find(&["Weight (kgs)", "Weight (kg)"]);
    let lbs = header.find(&["Weight (lbs)", "Weight (lb)"]);
    let weight = match (kg, lbs, header.find(&["Weight"])) {
        (Some(kg), Some(lbs), _) => Some(WeightColumn::Both { kg, lbs }),
        (Some(c), None, _) => Some(WeightColumn::Fixed(c, WeightUnit::Kg)),
        (None, Some(c), _) => Some(WeightColumn::Fixed(c, WeightUnit::Lb)),
        (None, None, Some(value)) => match header.find(&["Weight Unit"]) {
            Some(unit) => Some(WeightColumn::PerRow { value, unit }),
            None => Some(WeightColumn::Fixed(
                value,
                ctx.fallback_unit(header, value, "fitnotes")?,
            )),
        },
        (None, None, None) => None,
    };
    Ok(Some(Box::new(FitNotes {
        date,
        exercise,
        category,
        weight,
        reps: header.find(&["Reps"]),
        distance: header.find(&["Distance"]),
        distance_unit: header.find(&["Distance Unit"]),
        time: header.find(&["Time"]),
        comment: header.find(&["Comment", "Notes"]),
        fallback: ctx.opts.unit,
    })))
}

impl Dialect for FitNotes {
    fn name(&self) -> &'static str {
        "fitnotes"
    }

    /// A real FitNotes writer leaves commas in exercise names unquoted
    /// (`Overhead Press (Each Side, Dumbbells)`), giving extra fields. When the extra split
    /// lands inside the name's parentheses, the pieces are re-joined.
    fn repair(&self, fields: &mut Vec<String>, header: &Header) -> bool {
        let extra = fields.len() - header.len();
        let start = self.exercise;
        if self.category <= start || start + extra >= fields.len() {
            return false;
        }
        let joined = fields[start..=start + extra].join(",");
        let opens = joined.matches('(').count();
        let closes = joined.matches(')').count();
        let split_inside_parens = (0..extra).all(|i| {
            let head = fields[start..=start + i].join(",");
            head.matches('(').count() > head.matches(')').count()
        });
        if opens == 0 || opens != closes || !split_inside_parens {
            return false;
        }
        fields.splice(start..=start + extra, [joined]);
        true
    }

    fn read_row(&mut self, row: &Row, ctx: &RowContext) -> Result<RowOutcome, RowError> {
        let raw_date = row.text(self.date);
        let day = parse_datetime(raw_date, &["%Y-%m-%d"])
            .ok_or_else(|| row.error(self.date, raw_date, "a date such as 2025-04-29"))?
            .date();
        let exercise = row.text(self.exercise);
        if exercise.is_empty() {
            return Err(row.error(self.exercise, exercise, "an exercise name"));
        }
        let weight_kg = match self.weight {
            None => None,
            Some(WeightColumn::Fixed(c, unit)) => row.weight_kg(Some(c), unit)?,
            Some(WeightColumn::Both { kg, lbs }) => {
                match row.weight_kg(Some(kg), WeightUnit::Kg)? {
                    Some(w) => Some(w),
                    None => row.weight_kg(Some(lbs), WeightUnit::Lb)?,
                }
            }
            Some(WeightColumn::PerRow { value, unit }) => {
                let raw_unit = row.text(unit);
                let unit_value = if raw_unit.is_empty() {
                    match self.fallback {
                        Some(u) => u,
                        None if row.text(value).is_empty() => WeightUnit::Kg,
                        None => {
                            return Err(row.error(
                                unit,
                                raw_unit,
                                "kgs or lbs for the weight in this row (or pass --unit)",
                            ));
                        }
                    }
                } else {
                    raw_unit
                        .parse()
                        .map_err(|_| row.error(unit, raw_unit, "kgs or lbs"))?
                };
                row.weight_kg(Some(value), unit_value)?
            }
        };
        // FitNotes writes junk units on rows without a distance (`0.0,kg` on timed sets), so
        // the unit only matters when there is a distance.
        let distance_m = match row.number(self.distance, "a distance such as 5.2")? {
            Some(d) if d > 0.0 => {
                let c = self.distance_unit;
                let raw_unit = row.opt_text(c);
                let unit: DistanceUnit = if raw_unit.is_empty() {
                    DistanceUnit::Km
                } else {
                    raw_unit.parse().map_err(|_| {
                        row.error(c.unwrap_or(0), raw_unit, "a distance unit: m, km or mi")
                    })?
                };
                row.distance_m(self.distance, unit)?
            }
            other => other,
        };
        let duration_s = match self.time.map(|c| (c, row.text(c))) {
            Some((c, raw)) if !raw.is_empty() => Some(
                parse_clock(raw)
                    .ok_or_else(|| row.error(c, raw, "a time such as 0:09:21 (H:MM:SS)"))?,
            ),
            _ => None,
        };
        // FitNotes has no time of day; the workout is placed at the start of its day.
        let start = day.and_time(NaiveTime::MIN);
        Ok(RowOutcome::Set(WorkoutSet {
            workout_name: row.text(self.category).to_string(),
            weight_kg,
            measures: Measures {
                reps: row.reps(self.reps)?,
                rpe: None,
                distance_m,
                duration_s,
            },
            notes: row.opt_text(self.comment).to_string(),
            ..ctx.new_set(row, day.format("%Y-%m-%d").to_string(), start, exercise)
        }))
    }
}
