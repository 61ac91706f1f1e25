//! Bearable exports (long format: one row per tracked item). Only `Symptom` rows whose detail
//! names a body-part pain become entries, e.g. `Back (lower) pain (Mild)`.
//!
//! Conventions (docs/formats.md): Bearable rates symptoms 0–4; the entry's intensity on the
//! 0–10 scale is rating × 2.5, rounded half up (1 → 3, 2 → 5, 3 → 8, 4 → 10). The numeric
//! column wins when it disagrees with the `(Mild)`…`(Unbearable)` suffix, with a notice.
//! Time-of-day buckets become clock times: pre 06:00, am 09:00, mid 13:00, pm 18:00; `all day`
//! or no time is noon, as for any entry without a time.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};

use crate::error::RowError;
use crate::import::fields::Row;
use crate::import::source::{CsvText, Header};
use crate::model::{PainEntry, PlausibleDates, Region, SourceRef};

use super::{DEFAULT_TIME, Diary, parse_time};

pub(super) struct Bearable {
    date: usize,
    date_formatted: Option<usize>,
    time: Option<usize>,
    category: usize,
    rating: usize,
    detail: usize,
    notes: Option<usize>,
}

impl Bearable {
    pub(super) fn detect(header: &Header) -> Option<Bearable> {
        Some(Bearable {
            date: header.find(&["date"])?,
            date_formatted: header.find(&["date formatted"]),
            time: header.find(&["time of day"]),
            category: header.find(&["category"])?,
            rating: header.find(&["rating/amount"])?,
            detail: header.find(&["detail"])?,
            notes: header.find(&["notes"]),
        })
    }

    pub(super) fn read(&self, csv: &CsvText, file: &Arc<str>, dates: &PlausibleDates) -> Diary {
        let mut diary = Diary {
            path: csv.path.clone(),
            format: "bearable",
            entries: Vec::new(),
            rejected: Vec::new(),
            blank_lines: 0,
            other_rows: 0,
            notices: Vec::new(),
        };
        let mut disagreements = 0;
        for record in &csv.records {
            let row = csv.row(record);
            if !row.text(self.category).eq_ignore_ascii_case("symptom") {
                diary.other_rows += 1;
                continue;
            }
            let pains: Vec<(Region, Option<u8>)> = row
                .text(self.detail)
                .split(" | ")
                .filter_map(pain_detail)
                .collect();
            if pains.is_empty() {
                diary.other_rows += 1;
                continue;
            }
            match self
                .entries(&row, file, &pains, &mut disagreements)
                .and_then(|e| super::plausible(e, &row, self.date, dates))
            {
                Ok(mut e) => diary.entries.append(&mut e),
                Err(e) => diary.rejected.push(e),
            }
        }
        if disagreements > 0 {
            diary.notices.push(format!(
                "{disagreements} Bearable rows have a rating that disagrees with their (Mild)…(Unbearable) label; the numeric rating was used"
            ));
        }
        diary
    }

    fn entries(
        &self,
        row: &Row,
        file: &Arc<str>,
        pains: &[(Region, Option<u8>)],
        disagreements: &mut usize,
    ) -> Result<Vec<PainEntry>, RowError> {
        let raw_date = row.text(self.date);
        let date = parse_ordinal_date(raw_date)
            .or_else(|| {
                self.date_formatted
                    .and_then(|c| NaiveDate::parse_from_str(row.text(c), "%Y-%m-%d").ok())
            })
            .ok_or_else(|| row.error(self.date, raw_date, "a date such as 22nd Sep 2020"))?;
        let (time, time_given) = match row.opt_text(self.time).to_ascii_lowercase().as_str() {
            "pre" => (hm(6, 0), true),
            "am" => (hm(9, 0), true),
            "mid" => (hm(13, 0), true),
            "pm" => (hm(18, 0), true),
            "" | "all day" => (DEFAULT_TIME, false),
            other => match parse_time(other) {
                Some(t) => (t, true),
                None => {
                    let c = self.time.unwrap_or(0);
                    return Err(row.error(
                        c,
                        other,
                        "a time such as 09:53, or pre, am, mid, pm, all day",
                    ));
                }
            },
        };
        let raw_rating = row.text(self.rating);
        let rating = match raw_rating.parse::<f64>() {
            Ok(r) if (0.0..=4.0).contains(&r) => Some(r),
            Ok(_) => {
                return Err(row.error(self.rating, raw_rating, "a Bearable rating from 0 to 4"));
            }
            Err(_) if raw_rating.is_empty() => None,
            Err(_) => {
                return Err(row.error(self.rating, raw_rating, "a Bearable rating from 0 to 4"));
            }
        };
        let mut out = Vec::new();
        for &(region, label) in pains {
            let scale_0_4 = match (rating, label) {
                (Some(r), Some(l)) => {
                    if (r - f64::from(l)).abs() > f64::EPSILON {
                        *disagreements += 1;
                    }
                    r
                }
                (Some(r), None) => r,
                (None, Some(l)) => f64::from(l),
                (None, None) => {
                    return Err(row.error(
                        self.rating,
                        raw_rating,
                        "a Bearable rating from 0 to 4",
                    ));
                }
            };
            out.push(PainEntry {
                at: date.and_time(time),
                time_given,
                region,
                side: None,
                intensity: (scale_0_4 * 2.5).round() as u8,
                quality: None,
                symptoms: Vec::new(),
                notes: row.opt_text(self.notes).to_string(),
                inferred: false,
                source: SourceRef {
                    file: file.clone(),
                    line: row.line(),
                },
            });
        }
        Ok(out)
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(DEFAULT_TIME)
}

/// `Back (lower) pain (Mild)` → (lower-back, Some(1)); `Knee pain` → (knee, None); other
/// symptoms (`Migraine (Moderate)`) → None.
fn pain_detail(detail: &str) -> Option<(Region, Option<u8>)> {
    let detail = detail.trim();
    let (body, label) = match detail.rsplit_once(" (") {
        Some((body, rest)) if rest.ends_with(')') => {
            let label = match rest.trim_end_matches(')').to_ascii_lowercase().as_str() {
                "mild" => Some(1),
                "moderate" => Some(2),
                "severe" => Some(3),
                "unbearable" => Some(4),
                _ => None,
            };
            if label.is_some() {
                (body, label)
            } else {
                (detail, None)
            }
        }
        _ => (detail, None),
    };
    let part = body
        .trim()
        .strip_suffix(" pain")
        .or_else(|| body.trim().strip_suffix(" Pain"))?;
    part.parse::<Region>().ok().map(|r| (r, label))
}

/// `22nd Sep 2020`, `1st Dec 2020`.
fn parse_ordinal_date(raw: &str) -> Option<NaiveDate> {
    let mut parts = raw.split_whitespace();
    let day = parts.next()?;
    let digits = day.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let rest: Vec<&str> = parts.collect();
    NaiveDate::parse_from_str(&format!("{digits} {}", rest.join(" ")), "%d %b %Y").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn details_name_regions_and_severity() {
        assert_eq!(
            pain_detail("Back (lower) pain (Mild)"),
            Some((Region::LowerBack, Some(1)))
        );
        assert_eq!(
            pain_detail("Back (mid) pain (Unbearable)"),
            Some((Region::UpperBack, Some(4)))
        );
        assert_eq!(pain_detail("Knee pain"), Some((Region::Knee, None)));
        assert_eq!(pain_detail("Migraine (Moderate)"), None);
        assert_eq!(
            parse_ordinal_date("22nd Sep 2020"),
            NaiveDate::from_ymd_opt(2020, 9, 22)
        );
        assert_eq!(
            parse_ordinal_date("1st Dec 2020"),
            NaiveDate::from_ymd_opt(2020, 12, 1)
        );
        assert_eq!(parse_ordinal_date("31st Feb 2020"), None);
    }

    #[test]
    fn bearable_pain_rows_become_entries() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(
            b"date,weekday,time of day,category,rating/amount,detail,notes\n\
\"22nd Sep 2020\",\"Tuesday\",\"03:00\",\"Mood\",\"6\",\"Meh | Anxious\",\"\"\n\
\"22nd Sep 2020\",\"Tuesday\",\"pm\",\"Symptom\",\"1\",\"Back (lower) pain (Mild)\",\"\"\n\
\"25th Sep 2020\",\"Friday\",\"pre\",\"Symptom\",\"2\",\"Migraine (Moderate)\",\"\"\n\
\"26th Sep 2020\",\"Saturday\",\"all day\",\"Symptom\",\"2\",\"Back (mid) pain (Unbearable)\",\"\"\n",
        )
        .unwrap();
        let d = super::super::read_diary(f.path()).unwrap();
        assert_eq!(d.format, "bearable");
        assert_eq!(d.entries.len(), 2);
        assert_eq!(d.other_rows, 2);
        assert_eq!(d.entries[0].region, Region::LowerBack);
        assert_eq!(d.entries[0].intensity, 3);
        assert_eq!(d.entries[0].at.to_string(), "2020-09-22 18:00:00");
        assert_eq!(d.entries[1].region, Region::UpperBack);
        assert_eq!(d.entries[1].intensity, 5);
        assert!(!d.entries[1].time_given);
        assert_eq!(d.notices.len(), 1);
    }
}
