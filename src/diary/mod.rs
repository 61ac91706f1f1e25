//! Pain diaries: strainscope's own CSV format, and the pain rows of Bearable exports.
//!
//! Own format (one entry per row; `docs/formats.md`):
//!
//! ```text
//! date,time,region,side,intensity,quality,symptoms,notes
//! 2026-06-02,07:30,lower-back,,5,sharp,,"stiff getting out of bed"
//! 2026-06-04,,lower-back,left,4,ache,numbness;tingling,"numb down the left leg"
//! ```

mod bearable;

use std::path::Path;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};

use crate::error::{FileError, RowError, display_path};
use crate::import::fields::Row;
use crate::import::source::{CsvText, Header, read_csv};
use crate::model::{PainEntry, PlausibleDates, Quality, Region, Side, SourceRef, Symptom};

/// The columns of the own format, in the order `pain add` writes them.
pub const COLUMNS: &[&str] = &[
    "date",
    "time",
    "region",
    "side",
    "intensity",
    "quality",
    "symptoms",
    "notes",
];

/// An entry with no time of day is placed at noon (science.md §3).
pub const DEFAULT_TIME: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
    Some(t) => t,
    None => panic!("12:00 is a valid time"),
};

/// A read diary.
#[derive(Debug, Clone)]
pub struct Diary {
    pub path: String,
    pub format: &'static str,
    /// Oldest first.
    pub entries: Vec<PainEntry>,
    pub rejected: Vec<RowError>,
    pub blank_lines: usize,
    /// Rows that are valid but not pain (Bearable moods, medication, other symptoms).
    pub other_rows: usize,
    pub notices: Vec<String>,
}

/// What kind of diary this file is, if it is one (to tell a user who passed a diary as a
/// workout export where it belongs).
pub fn diary_kind_of(path: &Path) -> Option<&'static str> {
    read_csv(path).ok().and_then(|csv| diary_kind(&csv.header))
}

/// What kind of diary a header belongs to, if any.
pub fn diary_kind(header: &Header) -> Option<&'static str> {
    if OwnFormat::detect(header).is_some() {
        Some("a strainscope pain diary")
    } else if bearable::Bearable::detect(header).is_some() {
        Some("a Bearable export (a symptom diary)")
    } else {
        None
    }
}

/// Reads a diary with today's plausible dates.
pub fn read_diary(path: &Path) -> Result<Diary, FileError> {
    read_diary_within(path, &PlausibleDates::default())
}

/// Reads a diary; entries dated outside `dates` are bad rows.
pub fn read_diary_within(path: &Path, dates: &PlausibleDates) -> Result<Diary, FileError> {
    let csv = read_csv(path)?;
    let file: Arc<str> = Arc::from(csv.path.as_str());
    let mut diary = if let Some(own) = OwnFormat::detect(&csv.header) {
        own.read(&csv, &file, dates)
    } else if let Some(b) = bearable::Bearable::detect(&csv.header) {
        b.read(&csv, &file, dates)
    } else {
        return Err(FileError::UnknownDiaryHeader {
            path: display_path(path),
            header: csv.header.joined(csv.delimiter),
            columns: COLUMNS.join(","),
        });
    };
    diary.blank_lines = csv.blank_lines;
    diary.entries.sort_by_key(|e| e.at);
    Ok(diary)
}

struct OwnFormat {
    date: usize,
    time: Option<usize>,
    region: usize,
    side: Option<usize>,
    intensity: usize,
    quality: Option<usize>,
    symptoms: Option<usize>,
    notes: Option<usize>,
}

impl OwnFormat {
    fn detect(header: &Header) -> Option<OwnFormat> {
        Some(OwnFormat {
            date: header.find(&["date"])?,
            time: header.find(&["time"]),
            region: header.find(&["region"])?,
            side: header.find(&["side"]),
            intensity: header.find(&["intensity"])?,
            quality: header.find(&["quality"]),
            symptoms: header.find(&["symptoms"]),
            notes: header.find(&["notes", "note"]),
        })
    }

    fn read(&self, csv: &CsvText, file: &Arc<str>, dates: &PlausibleDates) -> Diary {
        let mut diary = Diary {
            path: csv.path.clone(),
            format: "strainscope-diary",
            entries: Vec::with_capacity(csv.records.len()),
            rejected: Vec::new(),
            blank_lines: 0,
            other_rows: 0,
            notices: Vec::new(),
        };
        for record in &csv.records {
            let row = csv.row(record);
            match self
                .entry(&row, file)
                .and_then(|e| plausible(vec![e], &row, self.date, dates))
            {
                Ok(mut e) => diary.entries.append(&mut e),
                Err(e) => diary.rejected.push(e),
            }
        }
        diary
    }

    fn entry(&self, row: &Row, file: &Arc<str>) -> Result<PainEntry, RowError> {
        let raw_date = row.text(self.date);
        let date = NaiveDate::parse_from_str(raw_date, "%Y-%m-%d")
            .map_err(|_| row.error(self.date, raw_date, "a date such as 2026-06-02"))?;
        let (time, time_given) = match self.time.map(|c| (c, row.text(c))) {
            Some((c, raw)) if !raw.is_empty() => (
                parse_time(raw)
                    .ok_or_else(|| row.error(c, raw, "a time such as 07:30 (or nothing)"))?,
                true,
            ),
            _ => (DEFAULT_TIME, false),
        };
        let raw_region = row.text(self.region);
        let region: Region = raw_region.parse().map_err(|_| {
            row.error(
                self.region,
                raw_region,
                format!("a body region: {}", Region::expected()),
            )
        })?;
        let side = vocab::<Side>(row, self.side)?;
        let quality = vocab::<Quality>(row, self.quality)?;
        let raw_intensity = row.text(self.intensity);
        let intensity = parse_intensity(raw_intensity).ok_or_else(|| {
            row.error(self.intensity, raw_intensity, "a whole number from 0 to 10")
        })?;
        let symptoms = match self.symptoms {
            None => Vec::new(),
            Some(c) => parse_symptoms(row.text(c)).map_err(|bad| {
                row.error(c, &bad, format!("symptoms from: {}", Symptom::expected()))
            })?,
        };
        Ok(PainEntry {
            at: date.and_time(time),
            time_given,
            region,
            side,
            intensity,
            quality,
            symptoms,
            notes: row.opt_text(self.notes).to_string(),
            inferred: false,
            source: SourceRef {
                file: file.clone(),
                line: row.line(),
            },
        })
    }
}

/// Entries of one row, or the row error when their date is outside the plausible dates.
fn plausible(
    entries: Vec<PainEntry>,
    row: &Row,
    date_column: usize,
    dates: &PlausibleDates,
) -> Result<Vec<PainEntry>, RowError> {
    for e in &entries {
        row.plausible(date_column, e.at.date(), dates)?;
    }
    Ok(entries)
}

fn vocab<T>(row: &Row, column: Option<usize>) -> Result<Option<T>, RowError>
where
    T: std::str::FromStr<Err = crate::model::VocabularyError>,
{
    let Some(c) = column else { return Ok(None) };
    let raw = row.text(c);
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<T>()
        .map(Some)
        .map_err(|e| row.error(c, raw, format!("a {}: {}", e.what, e.expected)))
}

pub fn parse_time(raw: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(raw, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(raw, "%H:%M:%S"))
        .ok()
}

/// Intensity on the 0–10 numeric rating scale: a whole number (`6`, or `6.0`).
pub fn parse_intensity(raw: &str) -> Option<u8> {
    let v: f64 = raw.trim().parse().ok()?;
    (v.fract() == 0.0 && (0.0..=10.0).contains(&v)).then_some(v as u8)
}

/// Symptoms separated by `;`, `,` or `|`. Returns the first unknown one as the error.
pub fn parse_symptoms(raw: &str) -> Result<Vec<Symptom>, String> {
    let mut out = Vec::new();
    for part in raw
        .split([';', ',', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let s: Symptom = part.parse().map_err(|_| part.to_string())?;
        if !out.contains(&s) {
            out.push(s);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn diary(content: &str) -> (tempfile::NamedTempFile, Result<Diary, FileError>) {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(content.as_bytes()).unwrap();
        let d = read_diary(f.path());
        (f, d)
    }

    #[test]
    fn own_format_reads_every_column() {
        let (_f, d) = diary(
            "date,time,region,side,intensity,quality,symptoms,notes\n\
             2026-06-02,07:30,lower back,,5,sharp,,\"stiff, after deadlifts\"\n\
             2026-06-04,,Lumbar,left,4,ache,numbness;tingling,numb leg\n",
        );
        let d = d.unwrap();
        assert_eq!(d.rejected, vec![]);
        assert_eq!(d.entries.len(), 2);
        let a = &d.entries[0];
        assert_eq!(a.region, Region::LowerBack);
        assert_eq!(a.at.to_string(), "2026-06-02 07:30:00");
        assert!(a.time_given);
        assert_eq!(a.quality, Some(Quality::Sharp));
        assert_eq!(a.notes, "stiff, after deadlifts");
        let b = &d.entries[1];
        assert_eq!(b.at.to_string(), "2026-06-04 12:00:00");
        assert!(!b.time_given);
        assert_eq!(b.side, Some(Side::Left));
        assert_eq!(b.symptoms, vec![Symptom::Numbness, Symptom::Tingling]);
        assert_eq!(b.source.line, 3);
    }

    #[test]
    fn bad_rows_name_line_column_value_and_expectation() {
        let (_f, d) = diary(
            "date,time,region,side,intensity,quality,symptoms,notes\n\
             2026-06-02,07:30,lower-back,,11,,,\n\
             2026-06-31,,knee,,3,,,\n\
             2026-06-05,,elbowz,,3,,,\n\
             2026-06-06,,knee,,3,,numbness;itchy,\n\
             2026-06-07,,knee,,3,,,\n",
        );
        let d = d.unwrap();
        assert_eq!(d.entries.len(), 1);
        let msgs: Vec<String> = d.rejected.iter().map(|e| e.to_string()).collect();
        assert!(msgs[0].ends_with(":2:5: \"11\" in column \"intensity\" is not valid (expected a whole number from 0 to 10)"), "{}", msgs[0]);
        assert!(
            msgs[1].contains(":3:1: \"2026-06-31\" in column \"date\""),
            "{}",
            msgs[1]
        );
        assert!(
            msgs[2].contains(":4:3: \"elbowz\" in column \"region\""),
            "{}",
            msgs[2]
        );
        assert!(msgs[2].contains("lower-back"), "{}", msgs[2]);
        assert!(msgs[3].contains(":5:7: \"itchy\""), "{}", msgs[3]);
    }
}
