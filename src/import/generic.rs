//! strainscope's own one-row-per-set CSV format, and the `--map` reader that lets any other
//! app's CSV be read by naming which column holds what.
//!
//! The format's columns are the [`FIELDS`]; `start` and `exercise` are required. `--out`
//! writes it, and importing that file again gives the same counts.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{NaiveDateTime, NaiveTime};

use crate::error::{FileError, RowError};
use crate::model::{DistanceUnit, SetKind, WeightUnit, WorkoutSet};

use super::dates::parse_offset_datetime;
use super::fields::{MeasureColumns, Row};
use super::source::Header;
use super::{DetectContext, Dialect, Format, RowContext, RowOutcome};

pub(crate) const FORMAT: Format = Format::table("strainscope generic CSV", detect);

/// Every field the generic reader knows, with what it holds. These are the `--map` keys.
pub const FIELDS: &[(&str, &str)] = &[
    (
        "workout_id",
        "any text that is the same for every set of one workout (default: start)",
    ),
    (
        "start",
        "workout start: 2026-05-18 18:00:00, 2026-05-18T18:00, 2026-05-18 or with an offset",
    ),
    (
        "date",
        "the workout's date, when the start time is in a separate column",
    ),
    (
        "time",
        "the workout's time of day (HH:MM or HH:MM:SS), with date",
    ),
    ("workout_name", "workout title"),
    ("exercise", "exercise name (required)"),
    (
        "canonical_exercise",
        "written by --out for information; ignored on import",
    ),
    (
        "set_number",
        "written by --out; ignored on import (sets are numbered by position)",
    ),
    (
        "set_kind",
        "warmup, working, drop or failure (also W, D, F, normal, dropset); empty = working",
    ),
    ("weight_kg", "weight in kg"),
    ("weight_lb", "weight in lb"),
    ("weight", "weight in the unit of weight_unit, or of --unit"),
    ("weight_unit", "kg or lb, per row"),
    ("reps", "repetitions"),
    ("rpe", "RPE 0-10"),
    ("distance_m", "distance in m"),
    ("distance_km", "distance in km"),
    ("distance_mi", "distance in miles"),
    ("duration_s", "set duration in seconds"),
    ("notes", "set or exercise note"),
    ("workout_notes", "workout note"),
    ("workout_duration_s", "whole-workout duration in seconds"),
    ("source_file", "written by --out; ignored on import"),
    ("source_line", "written by --out; ignored on import"),
];

/// The columns `--out` writes, in order.
const OUT_COLUMNS: &[&str] = &[
    "workout_id",
    "start",
    "workout_name",
    "exercise",
    "canonical_exercise",
    "set_number",
    "set_kind",
    "weight_kg",
    "reps",
    "rpe",
    "distance_m",
    "duration_s",
    "notes",
    "workout_notes",
    "workout_duration_s",
    "source_file",
    "source_line",
];

const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
];
const OFFSET_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S%.f%:z",
];

/// `field=Column` pairs naming which column of a foreign file holds which field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap(pub BTreeMap<String, String>);

impl std::str::FromStr for ColumnMap {
    type Err = String;

    /// Parses `date=Datum,exercise=Übung,weight_kg=Gewicht`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut map = BTreeMap::new();
        for pair in s.split(',').filter(|p| !p.trim().is_empty()) {
            let (field, column) = pair
                .split_once('=')
                .ok_or_else(|| format!("{pair:?} is not field=Column (e.g. exercise=Exercise)"))?;
            let field = field.trim().to_ascii_lowercase();
            if !FIELDS.iter().any(|(f, _)| *f == field) {
                return Err(format!(
                    "{field:?} is not a field strainscope knows (expected one of: {})",
                    FIELDS
                        .iter()
                        .map(|(f, _)| *f)
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            map.insert(field, column.trim().to_string());
        }
        if map.is_empty() {
            return Err("the map is empty (expected field=Column pairs)".into());
        }
        Ok(ColumnMap(map))
    }
}

#[derive(Debug, Default)]
struct Columns {
    workout_id: Option<usize>,
    start: Option<usize>,
    date: Option<usize>,
    time: Option<usize>,
    workout_name: Option<usize>,
    exercise: usize,
    set_kind: Option<usize>,
    weight: Option<(usize, Option<WeightUnit>)>,
    weight_unit: Option<usize>,
    measures: MeasureColumns,
    notes: Option<usize>,
    workout_notes: Option<usize>,
    workout_duration: Option<usize>,
}

struct Generic {
    name: &'static str,
    cols: Columns,
}

fn detect(header: &Header, ctx: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    if !(header.has("start") && header.has("exercise")) {
        return Ok(None);
    }
    let identity: BTreeMap<String, String> = FIELDS
        .iter()
        .filter(|(f, _)| header.has(f))
        .map(|(f, _)| (f.to_string(), f.to_string()))
        .collect();
    resolve(header, &ColumnMap(identity), ctx, "generic").map(Some)
}

/// The reader for a user-mapped file.
pub(crate) fn with_map(
    header: &Header,
    map: &ColumnMap,
    ctx: &DetectContext,
) -> Result<Box<dyn Dialect>, FileError> {
    resolve(header, map, ctx, "mapped")
}

fn resolve(
    header: &Header,
    map: &ColumnMap,
    ctx: &DetectContext,
    name: &'static str,
) -> Result<Box<dyn Dialect>, FileError> {
    let missing = |field: &str, column: &str| FileError::BadHeader {
        path: ctx.path.to_string(),
        column: header.len() as u64 + 1,
        message: format!(
            "--map names column {column:?} for {field}, but the header has no such column (columns: {})",
            header.names.join(", ")
        ),
    };
    let find = |field: &str| -> Result<Option<usize>, FileError> {
        match map.0.get(field) {
            None => Ok(None),
            Some(column) => header
                .find(&[column.as_str()])
                .map(Some)
                .ok_or_else(|| missing(field, column)),
        }
    };
    let need = |field: &str, found: Option<usize>| {
        found.ok_or_else(|| FileError::BadHeader {
            path: ctx.path.to_string(),
            column: 1,
            message: format!("no column is mapped to {field} (expected --map {field}=COLUMN)"),
        })
    };
    let mut cols = Columns {
        workout_id: find("workout_id")?,
        start: find("start")?,
        date: find("date")?,
        time: find("time")?,
        workout_name: find("workout_name")?,
        exercise: 0,
        set_kind: find("set_kind")?,
        weight: None,
        weight_unit: find("weight_unit")?,
        measures: MeasureColumns {
            reps: find("reps")?,
            rpe: find("rpe")?,
            distance: None,
            duration: find("duration_s")?,
        },
        notes: find("notes")?,
        workout_notes: find("workout_notes")?,
        workout_duration: find("workout_duration_s")?,
    };
    cols.exercise = need("exercise", find("exercise")?)?;
    if cols.start.is_none() {
        need("start (or date)", cols.date)?;
    }
    cols.weight = if let Some(c) = find("weight_kg")? {
        Some((c, Some(WeightUnit::Kg)))
    } else if let Some(c) = find("weight_lb")? {
        Some((c, Some(WeightUnit::Lb)))
    } else if let Some(c) = find("weight")? {
        match cols.weight_unit {
            Some(_) => Some((c, ctx.opts.unit)),
            None => Some((c, Some(ctx.fallback_unit(header, c, name)?))),
        }
    } else {
        None
    };
    cols.measures.distance = if let Some(c) = find("distance_m")? {
        Some((c, DistanceUnit::M))
    } else if let Some(c) = find("distance_km")? {
        Some((c, DistanceUnit::Km))
    } else {
        find("distance_mi")?.map(|c| (c, DistanceUnit::Mi))
    };
    Ok(Box::new(Generic { name, cols }))
}

impl Generic {
    fn start(&self, row: &Row, ctx: &RowContext) -> Result<NaiveDateTime, RowError> {
        const EXPECTED: &str = "a date-time such as 2026-05-18 18:00:00 or 2026-05-18";
        if let Some(c) = self.cols.start {
            let raw = row.text(c);
            if let Some(t) = OFFSET_FORMATS
                .iter()
                .find_map(|f| parse_offset_datetime(raw, f))
            {
                return Ok(t.with_timezone(&ctx.opts.dates.tz).naive_local());
            }
            return row.datetime(c, DATE_FORMATS, EXPECTED);
        }
        let c = self.cols.date.unwrap_or(0);
        let day = row
            .datetime(c, &["%Y-%m-%d"], "a date such as 2026-05-18")?
            .date();
        let time = match self.cols.time.map(|t| (t, row.text(t))) {
            Some((t, raw)) if !raw.is_empty() => NaiveTime::parse_from_str(raw, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(raw, "%H:%M"))
                .map_err(|_| row.error(t, raw, "a time such as 18:00 or 18:00:00"))?,
            _ => NaiveTime::MIN,
        };
        Ok(day.and_time(time))
    }
}

impl Dialect for Generic {
    fn name(&self) -> &'static str {
        self.name
    }

    fn read_row(&mut self, row: &Row, ctx: &RowContext) -> Result<RowOutcome, RowError> {
        let start = self.start(row, ctx)?;
        let c = &self.cols;
        let exercise = row.text(c.exercise);
        if exercise.is_empty() {
            return Err(row.error(c.exercise, exercise, "an exercise name"));
        }
        let kind = match c.set_kind.map(|k| (k, row.text(k))) {
            Some((k, raw)) if !raw.is_empty() => raw
                .parse::<SetKind>()
                .map_err(|_| row.error(k, raw, "warmup, working, drop or failure"))?,
            _ => SetKind::Working,
        };
        let weight_kg = match c.weight {
            None => None,
            Some((col, fixed)) => {
                let unit = match c.weight_unit.map(|u| (u, row.text(u))) {
                    Some((u, raw)) if !raw.is_empty() => {
                        raw.parse().map_err(|_| row.error(u, raw, "kg or lb"))?
                    }
                    Some((u, raw)) if !row.text(col).is_empty() => fixed.ok_or_else(|| {
                        row.error(
                            u,
                            raw,
                            "kg or lb for the weight in this row (or pass --unit)",
                        )
                    })?,
                    _ => fixed.unwrap_or(WeightUnit::Kg),
                };
                row.weight_kg(Some(col), unit)?
            }
        };
        let workout_id = match c.workout_id.map(|w| row.text(w)) {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => start.format("%Y-%m-%d %H:%M:%S").to_string(),
        };
        Ok(RowOutcome::Set(WorkoutSet {
            workout_name: row.opt_text(c.workout_name).to_string(),
            kind,
            weight_kg,
            measures: row.measures(&c.measures)?,
            notes: row.opt_text(c.notes).to_string(),
            workout_notes: row.opt_text(c.workout_notes).to_string(),
            workout_duration_s: row.seconds(c.workout_duration)?,
            ..ctx.new_set(row, workout_id, start, exercise)
        }))
    }
}

/// Writes sets in the generic format. Numbers are written in their shortest exact form, so
/// a round trip reproduces them bit for bit.
pub fn write_generic<W: Write>(sets: &[WorkoutSet], out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(OUT_COLUMNS)?;
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    for s in sets {
        w.write_record([
            s.workout_id.clone(),
            s.start.format("%Y-%m-%d %H:%M:%S").to_string(),
            s.workout_name.clone(),
            s.exercise.clone(),
            s.canonical.clone().unwrap_or_default(),
            s.set_number.to_string(),
            s.kind.as_str().to_string(),
            num(s.weight_kg),
            num(s.measures.reps),
            num(s.measures.rpe),
            num(s.measures.distance_m),
            num(s.measures.duration_s),
            s.notes.clone(),
            s.workout_notes.clone(),
            num(s.workout_duration_s),
            s.source.file.to_string(),
            s.source.line.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
