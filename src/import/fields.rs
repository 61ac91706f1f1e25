//! Typed access to the cells of one row. Every parse failure becomes a [`RowError`] that names
//! the file, line, column, the value and what was expected.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use crate::error::RowError;
use crate::model::{DistanceUnit, WeightUnit};

use super::source::{Header, Record};

/// Heaviest plausible load for one set; anything above is a typo (or the wrong unit).
pub const MAX_WEIGHT_KG: f64 = 1000.0;
pub const MAX_REPS: f64 = 1000.0;
/// Longer workouts than this are clock artefacts (a real Strong file counts down "264h 1m").
pub const MAX_WORKOUT_S: f64 = 24.0 * 3600.0;

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

    /// The trimmed cell, or "" when the row is shorter than the header.
    pub fn text(&self, column: usize) -> &'a str {
        self.record.fields.get(column).map_or("", str::trim)
    }

    pub fn opt_text(&self, column: Option<usize>) -> &'a str {
        column.map_or("", |c| self.text(c))
    }

    pub fn error(&self, column: usize, value: &str, expected: impl Into<String>) -> RowError {
        RowError {
            file: self.file.to_string(),
            line: self.line(),
            column: column as u64 + 1,
            column_name: self.header.name(column).to_string(),
            value: value.to_string(),
            expected: expected.into(),
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

    /// Parses a date/time cell with the first of `formats` that fits.
    pub fn datetime(
        &self,
        column: usize,
        formats: &[&str],
        expected: &str,
    ) -> Result<NaiveDateTime, RowError> {
        let raw = self.text(column);
        parse_datetime(raw, formats).ok_or_else(|| self.error(column, raw, expected))
    }
}

/// Parses numbers as apps write them: ` 10`, `10.0`, `149.99999999999997`, and `102,5` where
/// a comma cannot be the delimiter.
pub fn parse_number(raw: &str, decimal_comma: bool) -> Option<f64> {
    let raw = raw.trim();
    let value: f64 = if decimal_comma && raw.matches(',').count() == 1 && !raw.contains('.') {
        raw.replace(',', ".").parse().ok()?
    } else {
        raw.parse().ok()?
    };
    value.is_finite().then_some(value)
}

/// Tries each format as a date-time, then as a bare date at 00:00.
///
/// Every row of a workout repeats its timestamp, and chrono re-reads the format string on each
/// call, so the last two distinct inputs are remembered (Hevy alternates start and end).
pub fn parse_datetime(raw: &str, formats: &[&str]) -> Option<NaiveDateTime> {
    let raw = raw.trim();
    let key = formats.as_ptr() as usize;
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        if let Some(hit) = recent.iter().find(|(k, r, _)| *k == key && r == raw) {
            return hit.2;
        }
        let parsed = parse_datetime_uncached(raw, formats);
        if recent.len() == 2 {
            recent.remove(0);
        }
        recent.push((key, raw.to_string(), parsed));
        parsed
    })
}

type RecentParses = Vec<(usize, String, Option<NaiveDateTime>)>;

thread_local! {
    static RECENT: std::cell::RefCell<RecentParses> = const { std::cell::RefCell::new(Vec::new()) };
}

fn parse_datetime_uncached(raw: &str, formats: &[&str]) -> Option<NaiveDateTime> {
    formats.iter().find_map(|f| {
        NaiveDateTime::parse_from_str(raw, f).ok().or_else(|| {
            NaiveDate::parse_from_str(raw, f)
                .ok()
                .map(|d| d.and_time(NaiveTime::MIN))
        })
    })
}

/// A timestamp with an explicit offset (`2025-08-20 01:49:39 +0000`).
pub fn parse_offset_datetime(raw: &str, format: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_str(raw.trim(), format).ok()
}

/// Workout durations as Strong writes them: `1h 5m`, `58m`, `38min`, `22s`, `1h`, `264h 1m`,
/// or plain seconds (`2176`).
pub fn parse_duration_s(raw: &str) -> Option<f64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    if let Some(secs) = parse_number(raw, false) {
        return (secs >= 0.0).then_some(secs);
    }
    if let Some(hms) = parse_clock(raw) {
        return Some(hms);
    }
    let mut total = 0.0;
    let mut rest = raw;
    let mut any = false;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        let value: f64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let factor = match rest[..unit_len].to_ascii_lowercase().as_str() {
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            _ => return None,
        };
        total += value * factor;
        any = true;
        rest = &rest[unit_len..];
    }
    any.then_some(total)
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
                let id = start.format("%Y-%m-%d %H:%M:%S").to_string();
                self.last = Some((start, id.clone()));
                id
            }
        }
    }
}

/// `H:MM:SS` or `MM:SS` (FitNotes' Time column).
pub fn parse_clock(raw: &str) -> Option<f64> {
    let parts: Vec<&str> = raw.trim().split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut total = 0.0;
    for p in &parts {
        if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        total = total * 60.0 + p.parse::<f64>().ok()?;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strong_durations_parse() {
        assert_eq!(parse_duration_s("1h 5m"), Some(3900.0));
        assert_eq!(parse_duration_s("58m"), Some(3480.0));
        assert_eq!(parse_duration_s("22s"), Some(22.0));
        assert_eq!(parse_duration_s("264h 1m"), Some(264.0 * 3600.0 + 60.0));
        assert_eq!(parse_duration_s("38min"), Some(2280.0));
        assert_eq!(parse_duration_s("1h"), Some(3600.0));
        assert_eq!(parse_duration_s("2176"), Some(2176.0));
        assert_eq!(parse_duration_s("1:59:30"), Some(7170.0));
        assert_eq!(parse_duration_s("soon"), None);
        assert_eq!(parse_duration_s("5x"), None);
    }

    #[test]
    fn numbers_parse_as_apps_write_them() {
        assert_eq!(parse_number(" 10", false), Some(10.0));
        assert_eq!(parse_number("10.0", false), Some(10.0));
        assert_eq!(parse_number("102,5", true), Some(102.5));
        assert_eq!(parse_number("102,5", false), None);
        assert_eq!(parse_number("8O", false), None);
        assert_eq!(parse_number("NaN", false), None);
        assert_eq!(parse_number("inf", false), None);
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert!(parse_datetime("2026-02-30 10:00:00", &["%Y-%m-%d %H:%M:%S"]).is_none());
        assert!(parse_datetime("2026-02-28 10:00:00", &["%Y-%m-%d %H:%M:%S"]).is_some());
        let d = parse_datetime("1 Dec 2025, 10:53", &["%d %b %Y, %H:%M"]).unwrap();
        assert_eq!(d.to_string(), "2025-12-01 10:53:00");
        let d = parse_datetime("2025-04-29", &["%Y-%m-%d"]).unwrap();
        assert_eq!(d.to_string(), "2025-04-29 00:00:00");
    }
}
