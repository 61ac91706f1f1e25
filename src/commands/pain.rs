//! `strainscope pain`: the pain diary.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::Context;
use chrono::Timelike;
use serde::Serialize;

use crate::analysis::totals::DayRange;
use crate::cli::PainCheckArgs;
use crate::diary::Diary;
use crate::error::AppError;
use crate::error::exit;
use crate::model::PlausibleDates;

use super::import::{RejectedRow, SCHEMA_VERSION};
use super::print;

#[derive(Debug, Serialize)]
pub struct DiaryReport {
    pub schema_version: u32,
    pub path: String,
    pub format: &'static str,
    pub entries: usize,
    pub pain_entries: usize,
    #[serde(flatten)]
    pub days: DayRange,
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
        days: DayRange::first_and_last(d.entries.iter().map(|e| e.at.date())),
        regions,
        entries_with_symptoms: d.entries.iter().filter(|e| !e.symptoms.is_empty()).count(),
        other_rows: d.other_rows,
        blank_lines: d.blank_lines,
        rejected: d.rejected.iter().map(RejectedRow::from).collect(),
        notices: d.notices.clone(),
    }
}

pub fn check(args: &PainCheckArgs, dates: &PlausibleDates) -> Result<u8, AppError> {
    let diary = crate::pipeline::read_pain_diary(&args.diary, dates)?;
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
        if let (Some(a), Some(b)) = (report.days.first_day, report.days.last_day) {
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
        // The diary's file name and notes are the user's: controls shown as escapes.
        print(&crate::text::visible(&s, crate::text::Breaks::Keep))?;
    }
    if args.strict && !diary.rejected.is_empty() {
        crate::output::err_line(&format!(
            "error: {} bad rows (--strict)",
            diary.rejected.len()
        ));
        return Ok(exit::BAD_DATA);
    }
    Ok(exit::OK)
}

/// Appends one entry. The diary is locked while it is read and appended to, so copies running
/// at once queue up; existing lines are never rewritten or reordered.
pub fn add(args: &crate::cli::PainAddArgs, dates: &PlausibleDates) -> Result<u8, AppError> {
    use std::io::{Read, Seek, SeekFrom, Write};

    dates
        .check_option("--at", args.at.map(|at| at.date()))
        .map_err(AppError::Usage)?;
    let at = args.at.unwrap_or_else(|| {
        chrono::Local::now()
            .naive_local()
            .with_nanosecond(0)
            .unwrap_or_default()
    });
    let entry = crate::model::PainEntry {
        at,
        time_given: true,
        region: args.region,
        side: args.side,
        intensity: args.intensity,
        quality: args.quality,
        symptoms: args.symptoms.clone(),
        notes: args.note.clone().unwrap_or_default(),
        inferred: false,
        source: crate::model::SourceRef {
            file: std::sync::Arc::from(args.diary.display().to_string().as_str()),
            line: 0,
        },
    };
    let shown = args.diary.display().to_string();
    let io = |e: std::io::Error| anyhow::anyhow!("{shown}: cannot append: {e}");
    if args.diary.is_dir() {
        return Err(AppError::Files(vec![crate::error::FileError::Directory {
            path: shown,
        }]));
    }
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(&args.diary)
        .map_err(io)?;
    file.lock().map_err(io)?;
    let mut bytes = Vec::new();
    // The entry is written with the diary's own delimiter, so a `;` diary stays one table.
    let mut delimiter = b',';
    if file.metadata().map_err(io)?.len() == 0 {
        bytes.extend_from_slice(crate::diary::COLUMNS.join(",").as_bytes());
        bytes.push(b'\n');
    } else {
        let mut head = Vec::new();
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        (&mut file).take(4096).read_to_end(&mut head).map_err(io)?;
        // UTF-8 appended to UTF-16 text would be unreadable: the user must convert it first.
        if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(&head)
            && encoding != encoding_rs::UTF_8
        {
            return Err(AppError::Files(vec![crate::error::FileError::Utf16Diary {
                path: shown,
                encoding: encoding.name(),
            }]));
        }
        let first = String::from_utf8_lossy(&head);
        let first = first
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or("");
        delimiter = crate::import::source::sniff_delimiter(first);
        let names: Vec<String> = first
            .split(char::from(delimiter))
            .map(|c| c.trim().trim_matches('"').trim().to_lowercase())
            .collect();
        if !["date", "region", "intensity"]
            .iter()
            .all(|c| names.iter().any(|n| n == c))
        {
            return Err(AppError::Files(vec![
                crate::error::FileError::UnknownDiaryHeader {
                    path: shown,
                    header: first.to_string(),
                    columns: crate::diary::COLUMNS.join(","),
                },
            ]));
        }
        let mut last = [0u8; 1];
        file.seek(SeekFrom::End(-1)).map_err(io)?;
        file.read_exact(&mut last).map_err(io)?;
        if last[0] != b'\n' {
            bytes.push(b'\n');
        }
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let symptoms: Vec<&str> = entry.symptoms.iter().map(|s| s.as_str()).collect();
    w.write_record([
        entry.at.format("%Y-%m-%d").to_string(),
        entry.at.format("%H:%M").to_string(),
        entry.region.to_string(),
        entry.side.map(|s| s.to_string()).unwrap_or_default(),
        entry.intensity.to_string(),
        entry.quality.map(|q| q.to_string()).unwrap_or_default(),
        symptoms.join(";"),
        entry.notes.clone(),
    ])
    .map_err(|e| anyhow::anyhow!("cannot format the entry: {e}"))?;
    bytes.extend(
        w.into_inner()
            .map_err(|e| anyhow::anyhow!("cannot format the entry: {e}"))?,
    );
    // One write of the whole line while the lock is held.
    file.write_all(&bytes).map_err(io)?;
    file.sync_all().map_err(io)?;
    drop(file);

    // The entry is written: from here on, a stdout that cannot be written (a closed pipe, a
    // full disk) must not turn into a failure, or a retry would add the entry twice.
    let mut said = format!(
        "added: {} {} {}/10 to {shown}\n",
        entry.at.format("%Y-%m-%d %H:%M"),
        entry.region,
        entry.intensity
    );
    let flags = crate::analysis::episodes::red_flags(std::slice::from_ref(&entry));
    if !flags.is_empty() {
        let signs: Vec<&str> = flags.iter().map(|f| f.sign.as_str()).collect();
        said.push_str(&format!(
            "\nURGENT: you reported {}. {}\n",
            signs.join(", "),
            crate::analysis::findings::SEE_PROMPTLY
        ));
    }
    if print(&said).is_err() && !flags.is_empty() {
        // The advice to see someone must reach the user: stderr, when stdout is gone.
        crate::output::err(&said);
    }
    Ok(exit::OK)
}
