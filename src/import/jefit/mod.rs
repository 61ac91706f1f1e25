//! JEFIT: the app's "backup" CSV is not one table but a file of sections. Each opens with a line
//! `### EXERCISE LOGS ####…` and closes with a line of `#`; a section holds one or more tables
//! (header plus rows) separated by blank lines (ROUTINES holds dozens), and the file starts with
//! a blank line. Each needed table is parsed with the project's CSV reader, and every line
//! number stays the physical line of the whole file.
//!
//! - A workout is a WORKOUT SESSIONS row (`_id`, which the logs name in `belongsession`); its
//!   `starttime` is Unix seconds (UTC), shown in the `--tz` zone. Logs whose session is missing
//!   fall back to their `mydate` (the local date).
//! - Sets come from EXERCISE SET LOGS where an exercise log has set rows there (the app writes
//!   them since 2024-12-31; `weight_lbs` is always lb, `set_type` marks warm-ups). Otherwise the
//!   log's packed `logs` string is unpacked (`"50.0x15,50.0x15"`: weight x reps, in the unit of
//!   SETTING `mass`, else `--unit`). A log with both is read once, from its set rows.
//! - Timed and cardio exercises pack five numbers per set (`0xA,0xB,0xC,0xD,0xSECONDS`). A
//!   packed `W x 0` is a planned set nobody did: counted, not a set.
//! - CARDIO LOGS repeats the cardio entries of EXERCISE LOGS and is never added on top.
//! - Placeholder weights: JEFIT stores a weight (often 10 or 1) on reps-only exercises and leaves
//!   it out of its own totals; see [`ExerciseKinds`] for how they are recognised.
//! - NOTES free text is attached to a set of that exercise on that day, so `--pain-from-notes`
//!   reads it.

mod notes;
mod packs;
mod sections;
mod sets;
#[cfg(test)]
mod tests;

use packs::{ExerciseKinds, Packed, record_evidence, unpack};
use sections::{Section, Table, split_sections, table};

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rustc_hash::FxHashMap;

use crate::error::{FileError, RowError};
use crate::model::{PainEntry, WeightUnit, WorkoutSet};

use super::dates::{parse_epoch_local, parse_stamp};
use super::fields::{Row, WorkoutIds, parse_number};
use super::source::{Header, Record};
use super::{DetectContext, Dialect, Format, RowContext, RowOutcome, WholeRead};

pub(crate) const FORMAT: Format = Format {
    app: "JEFIT",
    detect: not_a_table,
    whole: Some(read),
};

/// A JEFIT backup is never recognised from one CSV header: [`read`] recognises the whole file.
fn not_a_table(_: &Header, _: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    Ok(None)
}

const DIALECT: &str = "jefit-backup";
/// Pseudo-row kinds: counted, never sets.
const PLANNED: &str = "planned set (no rep done)";
const UNNAMED: &str = "exercise log without an exercise name";
const EMPTY_LOG: &str = "exercise log without sets";
const EXPECTED_PACK: &str = "sets packed as weight x reps, such as \"50.0x15,50.0x15\" (whole reps), or five numbers per set for timed exercises, such as \"0x0,0x0,0x0,0x0,0x1200\"";

/// Reads the text when it is a JEFIT backup: `None` when it is someone else's.
fn read(text: &str, ctx: &RowContext) -> Option<Result<WholeRead, FileError>> {
    let sections = match split_sections(text, &ctx.file)? {
        Ok(s) => s,
        Err(e) => return Some(Err(e)),
    };
    Some(Backup::new(&sections, ctx).and_then(|b| b.read()))
}

/// An exercise as JEFIT keys it: system (`belongSys` 1) or custom (0), and its id.
pub(super) type ExerciseKey = (String, String);

pub(super) fn exercise_key(
    row: &Row,
    belong_sys: Option<usize>,
    eid: Option<usize>,
) -> ExerciseKey {
    (
        row.opt_text(belong_sys).to_string(),
        row.opt_text(eid).to_string(),
    )
}

/// A WORKOUT SESSIONS row.
struct Session {
    start: NaiveDateTime,
    duration_s: Option<f64>,
}

/// The columns of EXERCISE LOGS.
#[derive(Clone, Copy)]
struct LogColumns {
    id: usize,
    logs: usize,
    session: usize,
    name: usize,
    date: usize,
    eid: Option<usize>,
    belong_sys: Option<usize>,
    record: Option<usize>,
}

pub(super) struct Backup<'a> {
    ctx: &'a RowContext<'a>,
    file: &'a str,
    logs: &'a Table,
    columns: LogColumns,
    set_logs: Option<&'a Table>,
    notes: Option<&'a Table>,
    /// The unit SETTING `mass` names.
    stated_unit: Option<WeightUnit>,
    sessions: FxHashMap<String, Session>,
    kinds: ExerciseKinds,
    rows: Vec<Result<RowOutcome, RowError>>,
    notices: Vec<String>,
    /// Injury notes with a body part (NOTES `bodypart`), as inferred pain entries.
    pain: Vec<PainEntry>,
}

/// A log that gave sets: for attaching NOTES.
pub(super) struct Logged {
    day: NaiveDate,
    key: ExerciseKey,
    start: NaiveDateTime,
    row: usize,
}

impl<'a> Backup<'a> {
    fn new(sections: &'a [Section], ctx: &'a RowContext<'a>) -> Result<Backup<'a>, FileError> {
        let file: &str = &ctx.file;
        let needed = ["_id", "logs", "belongsession", "ename", "mydate"];
        let logs = table(sections, "EXERCISE LOGS", &needed).ok_or_else(|| {
            FileError::BadHeader {
                path: file.to_string(),
                column: 1,
                message: format!(
                    "this JEFIT backup has no EXERCISE LOGS table (expected a section \"### EXERCISE LOGS ###\" with the columns {})",
                    needed.join(", ")
                ),
            }
        })?;
        let col = |n: &str| logs.col(n).unwrap_or(0);
        let columns = LogColumns {
            id: col("_id"),
            logs: col("logs"),
            session: col("belongsession"),
            name: col("ename"),
            date: col("mydate"),
            eid: logs.col("eid"),
            belong_sys: logs.col("belongSys"),
            record: logs.col("record"),
        };
        let mut backup = Backup {
            ctx,
            file,
            logs,
            columns,
            set_logs: table(sections, "EXERCISE SET LOGS", &["exercise_log_id"]),
            notes: table(sections, "NOTES", &["mynote", "mydate"]),
            stated_unit: stated_unit(sections),
            sessions: FxHashMap::default(),
            kinds: ExerciseKinds {
                custom: FxHashMap::default(),
                evidence: FxHashMap::default(),
            },
            rows: Vec::new(),
            notices: Vec::new(),
            pain: Vec::new(),
        };
        backup.read_sessions(sections);
        backup.read_exercise_kinds(sections);
        Ok(backup)
    }

    /// The row of `record`, or `None` once it is rejected: with more fields than its header
    /// (an unquoted comma), which value is which is unknown.
    fn accept(&mut self, t: &'a Table, record: &'a Record) -> Option<Row<'a>> {
        let row = t.row(self.file, record);
        match t.overlong(&row) {
            Some(e) => {
                self.rows.push(Err(e));
                None
            }
            None => Some(row),
        }
    }

    fn read_sessions(&mut self, sections: &'a [Section]) {
        let Some(t) = table(sections, "WORKOUT SESSIONS", &["_id", "starttime"]) else {
            return;
        };
        let (id, start) = (t.col("_id").unwrap_or(0), t.col("starttime").unwrap_or(0));
        let (total, end) = (t.col("total_time"), t.col("endtime"));
        let tz = self.ctx.opts.dates.tz;
        for r in &t.records {
            let Some(row) = self.accept(t, r) else {
                continue;
            };
            let raw = row.text(start);
            // 0 or nothing: the session has no time, and its logs fall back to their date.
            if raw.is_empty() || raw == "0" {
                continue;
            }
            let Some(at) = parse_epoch_local(raw, tz) else {
                self.rows.push(Err(row.error(
                    start,
                    raw,
                    "a start time in Unix seconds, such as 1418783153",
                )));
                continue;
            };
            let epoch = |c: Option<usize>| c.and_then(|c| parse_number(row.text(c), false));
            let duration_s = epoch(total).filter(|d| *d > 0.0).or_else(|| {
                let start = parse_number(raw, false)?;
                epoch(end).map(|e| e - start).filter(|d| *d > 0.0)
            });
            self.sessions.insert(
                row.text(id).to_string(),
                Session {
                    start: at,
                    duration_s,
                },
            );
        }
    }

    fn read_exercise_kinds(&mut self, sections: &'a [Section]) {
        let kinds = &mut self.kinds;
        if let Some(t) = table(sections, "CUSTOM EXERCISES", &["_id", "recordtype"]) {
            let (id, kind, name) = (t.col("_id"), t.col("recordtype"), t.col("name"));
            for r in &t.records {
                let row = t.row(self.file, r);
                if let Ok(k) = row.opt_text(kind).parse::<u8>() {
                    kinds.custom.insert(
                        row.opt_text(id).to_string(),
                        (k, row.opt_text(name).to_string()),
                    );
                }
            }
        }
        let c = &self.columns;
        for r in &self.logs.records {
            let row = self.logs.row(self.file, r);
            if self.logs.overlong(&row).is_some() {
                continue;
            }
            let key = exercise_key(&row, c.belong_sys, c.eid);
            // Without an id, logs cannot be told to be the same exercise.
            if key.1.is_empty() {
                continue;
            }
            let record = c.record.and_then(|col| parse_number(row.text(col), false));
            let Some(Packed::Lifts(lifts)) = unpack(row.text(c.logs), kinds.timed(&key)) else {
                continue;
            };
            if let Some(reps_only) = record_evidence(&lifts, record) {
                let e = kinds.evidence.entry(key).or_default();
                if reps_only {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }

    fn read(mut self) -> Result<WholeRead, FileError> {
        let c = self.columns;
        let logs = self.logs;
        // Names by exercise, for logs that lost theirs (the older real backup has such rows).
        let mut names: FxHashMap<ExerciseKey, String> = FxHashMap::default();
        for r in &logs.records {
            let row = logs.row(self.file, r);
            let name = row.text(c.name);
            let key = exercise_key(&row, c.belong_sys, c.eid);
            if !name.is_empty() && !key.1.is_empty() && logs.overlong(&row).is_none() {
                names.entry(key).or_insert_with(|| name.to_string());
            }
        }
        let mut set_rows: FxHashMap<&str, Vec<&Record>> = FxHashMap::default();
        if let Some(t) = self.set_logs {
            let log_id = t.col("exercise_log_id").unwrap_or(0);
            for r in &t.records {
                set_rows
                    .entry(r.fields.get(log_id).map_or("", super::fields::trim))
                    .or_default()
                    .push(r);
            }
        }
        let mut ids = WorkoutIds::default();
        let mut logged: Vec<Logged> = Vec::new();
        let mut dated_only = 0;
        let mut unknown_types: BTreeMap<String, usize> = BTreeMap::new();
        for r in &logs.records {
            let Some(row) = self.accept(logs, r) else {
                continue;
            };
            let key = exercise_key(&row, c.belong_sys, c.eid);
            let mut name = row.text(c.name).to_string();
            if name.is_empty() && !key.1.is_empty() {
                name = names
                    .get(&key)
                    .cloned()
                    .or_else(|| {
                        let custom = self.kinds.custom.get(&key.1);
                        custom.filter(|_| key.0 == "0").map(|c| c.1.clone())
                    })
                    .unwrap_or_default();
            }
            if name.is_empty() {
                self.rows.push(Ok(RowOutcome::Pseudo(UNNAMED)));
                continue;
            }
            let date = parse_stamp(row.text(c.date), None).map(|s| s.wall.date());
            let (start, duration_s) = match self.sessions.get(row.text(c.session)) {
                Some(s) => (s.start, s.duration_s),
                None => match date {
                    Some(d) => {
                        dated_only += 1;
                        (d.and_time(chrono::NaiveTime::MIN), None)
                    }
                    None => {
                        self.rows.push(Err(row.error(
                            c.session,
                            row.text(c.session),
                            "the _id of a WORKOUT SESSIONS row, or a date such as 2026-02-04 in mydate",
                        )));
                        continue;
                    }
                },
            };
            let template = WorkoutSet {
                workout_duration_s: duration_s,
                ..WorkoutSet::new(ids.id(start), start, name, self.ctx.source(row.line()))
            };
            let reps_only = self.kinds.reps_only(&key);
            let before = self.rows.len();
            let sets = match set_rows.get(row.text(c.id)) {
                Some(records) => {
                    self.sets_from_rows(records, &template, reps_only, &mut unknown_types)
                }
                None => match self.unpacked_sets(&row, &template, &key, reps_only)? {
                    Ok(sets) => sets,
                    Err(e) => {
                        self.rows.push(Err(e));
                        continue;
                    }
                },
            };
            if sets.is_empty() {
                if self.rows.len() == before {
                    self.rows.push(Ok(RowOutcome::Pseudo(EMPTY_LOG)));
                }
                continue;
            }
            logged.push(Logged {
                day: date.unwrap_or(start.date()),
                key,
                start,
                row: self.rows.len(),
            });
            self.rows.push(Ok(RowOutcome::Sets(sets)));
        }
        if dated_only > 0 {
            self.notices.push(format!(
                "{dated_only} JEFIT exercise logs name no known workout session; they were placed at the start of their date (mydate)"
            ));
        }
        for (set_type, n) in unknown_types {
            self.notices.push(format!(
                "{n} JEFIT set rows have set_type {set_type:?}, which strainscope does not know; they were read as working sets"
            ));
        }
        self.attach_notes(&logged);
        Ok(WholeRead {
            dialect: DIALECT,
            rows: self.rows,
            // The blank lines of a backup separate its sections and tables: structure, not gaps.
            blank_lines: 0,
            notices: self.notices,
            pain: self.pain,
        })
    }
}

/// The unit SETTING `mass` names (`" lbs"`, `" kg"`), if it names one.
fn stated_unit(sections: &[Section]) -> Option<WeightUnit> {
    let t = table(sections, "SETTING", &["mass"])?;
    let c = t.col("mass")?;
    let raw = t
        .records
        .first()?
        .fields
        .get(c)?
        .trim()
        .to_ascii_lowercase();
    match raw.as_str() {
        "lbs" | "lb" | "pounds" => Some(WeightUnit::Lb),
        "kg" | "kgs" | "kilograms" => Some(WeightUnit::Kg),
        _ => None,
    }
}
