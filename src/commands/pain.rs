//! `strainscope pain`: the pain diary.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::Context;
use chrono::NaiveDate;
use serde::Serialize;

use crate::app::AppError;
use crate::cli::PainCheckArgs;
use crate::diary::{Diary, read_diary};
use crate::error::exit;

use super::import::{RejectedRow, SCHEMA_VERSION};
use super::print;

#[derive(Debug, Serialize)]
pub struct DiaryReport {
    pub schema_version: u32,
    pub path: String,
    pub format: &'static str,
    pub entries: usize,
    pub pain_entries: usize,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    pub regions: BTreeMap<&'static str, usize>,
    pub entries_with_symptoms: usize,
    pub other_rows: usize,
    pub blank_lines: usize,
    pub rejected: Vec<RejectedRow>,
    pub notices: Vec<String>,
}

pub fn summarise(d: &Diary) -> DiaryReport {
    let mut regions = BTreeMap::new();
    for e in &d.entries {
        *regions.entry(e.region.as_str()).or_default() += 1;
    }
    DiaryReport {
        schema_version: SCHEMA_VERSION,
        path: d.path.clone(),
        format: d.format,
        entries: d.entries.len(),
        pain_entries: d.entries.iter().filter(|e| e.intensity > 0).count(),
        first_day: d.entries.first().map(|e| e.at.date()),
        last_day: d.entries.last().map(|e| e.at.date()),
        regions,
        entries_with_symptoms: d.entries.iter().filter(|e| !e.symptoms.is_empty()).count(),
        other_rows: d.other_rows,
        blank_lines: d.blank_lines,
        rejected: d.rejected.iter().map(RejectedRow::from).collect(),
        notices: d.notices.clone(),
    }
}

pub fn check(args: &PainCheckArgs) -> Result<u8, AppError> {
    let diary = read_diary(&args.diary).map_err(|e| AppError::Files(vec![e]))?;
    let report = summarise(&diary);
    if args.json {
        print(&(serde_json::to_string_pretty(&report).context("cannot format JSON")? + "\n"))?;
    } else {
        let mut s = String::new();
        let _ = writeln!(s, "{}  ({})", report.path, report.format);
        let _ = writeln!(
            s,
            "  entries    {} ({} with pain > 0)",
            report.entries, report.pain_entries
        );
        if let (Some(a), Some(b)) = (report.first_day, report.last_day) {
            let _ = writeln!(s, "  dates      {a} to {b}");
        }
        let regions: Vec<String> = report
            .regions
            .iter()
            .map(|(r, n)| format!("{r} {n}"))
            .collect();
        if !regions.is_empty() {
            let _ = writeln!(s, "  regions    {}", regions.join(", "));
        }
        if report.entries_with_symptoms > 0 {
            let _ = writeln!(
                s,
                "  symptoms   {} {} symptoms such as numbness or tingling: these can need a professional's attention",
                report.entries_with_symptoms,
                if report.entries_with_symptoms == 1 {
                    "entry reports"
                } else {
                    "entries report"
                }
            );
        }
        if report.other_rows > 0 {
            let _ = writeln!(
                s,
                "  skipped    {} rows that are not pain entries",
                report.other_rows
            );
        }
        let _ = writeln!(
            s,
            "  rejected   {} rows{}",
            diary.rejected.len(),
            if diary.rejected.is_empty() { "" } else { ":" }
        );
        for e in &diary.rejected {
            let _ = writeln!(s, "    {e}");
        }
        for n in &report.notices {
            let _ = writeln!(s, "  note       {n}");
        }
        print(&s)?;
    }
    if args.strict && !diary.rejected.is_empty() {
        eprintln!("error: {} bad rows (--strict)", diary.rejected.len());
        return Ok(exit::BAD_DATA);
    }
    Ok(exit::OK)
}
