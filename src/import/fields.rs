//! Typed access to the cells of one row. Every parse failure becomes a [`RowError`] that names
//! the file, line, column, the value and what was expected.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::error::{Position, RowError};
use crate::model::{DistanceUnit, Measures, PlausibleDates, WeightUnit};

use super::source::{Header, Record};

/// Heaviest plausible load for one set; anything above is a typo (or the wrong unit).
pub const MAX_WEIGHT_KG: f64 = 1000.0;
pub const MAX_REPS: f64 = 1000.0;
/// Longer workouts than this are clock artefacts (a real Strong file counts down "264h 1m").
pub const MAX_WORKOUT_S: f64 = 24.0 * 3600.0;

/// Where a format keeps what a set measured besides its weight ([`Measures`]), for the formats
/// that read them all the same way.
#[derive(Debug, Clone, Copy, Default)]
pub struct MeasureColumns {
    pub reps: Option<usize>,
    pub rpe: Option<usize>,
    pub distance: Option<(usize, DistanceUnit)>,
    /// Seconds.
    pub duration: Option<usize>,
}

impl MeasureColumns {
    /// `Reps` and `RPE`, as Strong, Hevy and Fit Notes for iOS all name them (a header is
    /// matched regardless of case); no distance or duration, which each app names its own way.
    pub fn reps_and_rpe(header: &Header) -> MeasureColumns {
        MeasureColumns {
            reps: header.find(&["Reps"]),
            rpe: header.find(&["RPE"]),
            distance: None,
            duration: None,
        }
    }
}

pub struct Row<'a> {
    pub file: &'a str,
    pub record: &'a Record,
    pub header: &'a Header,
    /// Whether `,` may be a decimal separator (only when it is not the field delimiter).
    pub decimal_comma: bool,
}

impl<'a> Row<'a> {
    pub fn line(&self) -> u64 {
        self.record.line
    }

    /// The same row read with `,` allowed as a decimal separator (in a cell with one comma and
    /// no dot), for exports that quote decimal-comma numbers inside a comma-delimited file
    /// (Fit Notes for iOS writes `"72,5"`).
    pub fn with_decimal_comma(&self) -> Row<'a> {
        Row {
            file: self.file,
            record: self.record,
            header: self.header,
            decimal_comma: true,
        }
    }

    /// The trimmed cell, or "" when the row is shorter than the header.
    pub fn text(&self, column: usize) -> &'a str {
        self.record.fields.get(column).map_or("", trim)
    }

    pub fn opt_text(&self, column: Option<usize>) -> &'a str {
        column.map_or("", |c| self.text(c))
    }

    pub fn error(&self, column: usize, value: &str, expected: impl Into<String>) -> RowError {
        RowError {
            at: Position {
                file: self.file.to_string(),
                line: self.line(),
                column: column as u64 + 1,
            },
            column_name: self.header.name(column).to_string(),
            value: value.to_string(),
            expected: expected.into(),
        }
    }

    /// The row error for a day outside the plausible dates, pointing at the cell it was read
    /// from: one far-off date would stretch every per-day series of the analysis to its span.
    pub fn plausible(
        &self,
        column: usize,
        day: NaiveDate,
        dates: &PlausibleDates,
    ) -> Result<(), RowError> {
        if dates.contains(day) {
            Ok(())
        } else {
            Err(self.error(column, self.text(column), dates.expected()))
        }
    }

    /// A number, or `None` for an empty cell.
    pub fn number(&self, column: Option<usize>, expected: &str) -> Result<Option<f64>, RowError> {
        let Some(column) = column else {
            return Ok(None);
        };
        let raw = self.text(column);
        if raw.is_empty() {
            return Ok(None);
        }
        parse_number(raw, self.decimal_comma)
            .map(Some)
            .ok_or_else(|| self.error(column, raw, expected))
    }

    fn bounded(
        &self,
        column: Option<usize>,
        expected: &str,
        max: f64,
    ) -> Result<Option<f64>, RowError> {
        let value = self.number(column, expected)?;
        match (value, column) {
            (Some(v), Some(c)) if !(0.0..=max).contains(&v) => {
                Err(self.error(c, self.text(c), expected))
            }
            _ => Ok(value),
        }
    }

    /// A weight in `unit`, converted to kg and checked against 0..=1000 kg.
    pub fn weight_kg(
        &self,
        column: Option<usize>,
        unit: WeightUnit,
    ) -> Result<Option<f64>, RowError> {
        let expected = match unit {
            WeightUnit::Kg => "a weight from 0 to 1000 kg, such as 82.5",
            WeightUnit::Lb => "a weight from 0 to 2204 lb, such as 185",
        };
        let value = self.number(column, expected)?.map(|v| unit.to_kg(v));
        match (value, column) {
            (Some(kg), Some(c)) if !(0.0..=MAX_WEIGHT_KG + 1e-9).contains(&kg) => {
                Err(self.error(c, self.text(c), expected))
            }
            _ => Ok(value),
        }
    }

    /// Repetitions; decimal forms such as `10.0` are accepted (Strong writes them).
    pub fn reps(&self, column: Option<usize>) -> Result<Option<f64>, RowError> {
        self.bounded(
            column,
            "a number of reps from 0 to 1000, such as 8",
            MAX_REPS,
        )
    }

    pub fn rpe(&self, column: Option<usize>) -> Result<Option<f64>, RowError> {
        self.bounded(column, "an RPE from 0 to 10, such as 8.5", 10.0)
    }

    pub fn distance_m(
        &self,
        column: Option<usize>,
        unit: DistanceUnit,
    ) -> Result<Option<f64>, RowError> {
        Ok(self
            .bounded(column, "a distance of 0 or more, such as 5.2", f64::MAX)?
            .map(|d| unit.to_m(d)))
    }

    pub fn seconds(&self, column: Option<usize>) -> Result<Option<f64>, RowError> {
        self.bounded(
            column,
            "a number of seconds of 0 or more, such as 90",
            f64::MAX,
        )
    }

    /// Reads reps, RPE, distance and duration from `columns`.
    pub fn measures(&self, columns: &MeasureColumns) -> Result<Measures, RowError> {
        let (distance, unit) = columns
            .distance
            .map_or((None, DistanceUnit::M), |(c, u)| (Some(c), u));
        Ok(Measures {
            reps: self.reps(columns.reps)?,
            rpe: self.rpe(columns.rpe)?,
            distance_m: self.distance_m(distance, unit)?,
            duration_s: self.seconds(columns.duration)?,
        })
    }

    /// A timestamp in any form [`super::dates::parse_stamp`] reads, as local wall-clock time:
    /// a stated UTC offset is converted into the `--tz` zone.
    pub fn stamp(
        &self,
        column: usize,
        order: Option<super::dates::DateOrder>,
        tz: chrono_tz::Tz,
        expected: &str,
    ) -> Result<NaiveDateTime, RowError> {
        let raw = self.text(column);
        super::dates::parse_stamp(raw, order)
            .map(|s| s.local(tz))
            .ok_or_else(|| self.error(column, raw, expected))
    }

    /// Parses a date/time cell with the first of `formats` that fits.
    pub fn datetime(
        &self,
        column: usize,
        formats: &[&str],
        expected: &str,
    ) -> Result<NaiveDateTime, RowError> {
        let raw = self.text(column);
        super::dates::parse_datetime(raw, formats).ok_or_else(|| self.error(column, raw, expected))
    }
}

/// Trims a cell: ASCII whitespace byte by byte (nearly every cell), and Unicode whitespace
/// (a no-break space) only when an edge is not ASCII.
pub fn trim(cell: &str) -> &str {
    let t = cell.trim_ascii();
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(a), Some(b)) if !a.is_ascii() || !b.is_ascii() => t.trim(),
        _ => t,
    }
}

/// Parses numbers as apps write them: ` 10`, `10.0`, `149.99999999999997`, and `102,5` where
/// a comma cannot be the delimiter.
pub fn parse_number(raw: &str, decimal_comma: bool) -> Option<f64> {
    let raw = raw.trim();
    // Most cells are small whole numbers (reps, set numbers, `0` distances): read them
    // directly, without the float parser.
    if !raw.is_empty() && raw.len() <= 9 && raw.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            raw.bytes()
                .fold(0u32, |v, b| v * 10 + u32::from(b - b'0'))
                .into(),
        );
    }
    let value: f64 = if decimal_comma && raw.matches(',').count() == 1 && !raw.contains('.') {
        raw.replace(',', ".").parse().ok()?
    } else {
        raw.parse().ok()?
    };
    value.is_finite().then_some(value)
}

/// Workout ids from start times. Every row of a workout has the same start, so the last id is
/// reused instead of formatting it again.
#[derive(Debug, Default)]
pub struct WorkoutIds {
    last: Option<(NaiveDateTime, String)>,
}

impl WorkoutIds {
    pub fn id(&mut self, start: NaiveDateTime) -> String {
        match &self.last {
            Some((t, id)) if *t == start => id.clone(),
            _ => {
                // Written by hand: chrono's formatter re-reads its format string each time.
                let (d, t) = (start.date(), start.time());
                let id = format!(
                    "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                    d.year(),
                    d.month(),
                    d.day(),
                    t.hour(),
                    t.minute(),
                    t.second()
                );
                self.last = Some((start, id.clone()));
                id
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_trimmed_of_ascii_and_unicode_spaces() {
        for (cell, trimmed) in [
            ("  10 \t", "10"),
            ("\u{a0}Squat\u{a0}", "Squat"),
            ("Développé", "Développé"),
            ("", ""),
        ] {
            assert_eq!(trim(cell), trimmed, "{cell}");
        }
    }

    #[test]
    fn numbers_parse_as_apps_write_them() {
        for (cell, decimal_comma, number) in [
            (" 10", false, Some(10.0)),
            ("10.0", false, Some(10.0)),
            ("102,5", true, Some(102.5)),
            ("102,5", false, None),
            ("8O", false, None),
            ("NaN", false, None),
            // One comma and no dot is a decimal comma; anything else is not a number.
            ("72,5", true, Some(72.5)),
            ("1,250.5", true, None),
            ("1,2,5", true, None),
            ("inf", false, None),
        ] {
            assert_eq!(parse_number(cell, decimal_comma), number, "{cell}");
        }
    }
}
