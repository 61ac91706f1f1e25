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

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rustc_hash::FxHashMap;

use crate::error::{FileError, RowError};
use crate::model::{DistanceUnit, PainEntry, Region, SetKind, WeightUnit, WorkoutSet};

use super::dates::{parse_epoch_local, parse_stamp};
use super::fields::{MAX_REPS, MAX_WEIGHT_KG, Row, WorkoutIds, parse_number};
use super::source::{self, Header, Record};
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

/// The sections whose tables are read; the others (PROFILE, ROUTINES, EXERCISE RECORDS, CARDIO
/// LOGS, CARDIO EXERCISE LOGS, FAVORITE EXERCISES) are skipped unparsed.
const READ: &[&str] = &[
    "SETTING",
    "WORKOUT SESSIONS",
    "EXERCISE LOGS",
    "EXERCISE SET LOGS",
    "CUSTOM EXERCISES",
    "NOTES",
];

#[derive(Debug)]
struct Table {
    header: Header,
    records: Vec<Record>,
}

#[derive(Debug)]
struct Section {
    name: String,
    tables: Vec<Table>,
}

/// Reads the text when it is a JEFIT backup: `None` when it is someone else's.
fn read(text: &str, ctx: &RowContext) -> Option<Result<WholeRead, FileError>> {
    let sections = match split_sections(text, &ctx.file)? {
        Ok(s) => s,
        Err(e) => return Some(Err(e)),
    };
    Some(Backup::new(&sections, ctx).and_then(|b| b.read()))
}

/// The region of a JEFIT body-part code, as its custom exercises use the codes (the real
/// backups file a triceps extension under 7, a piriformis stretch under 5, squats under 8):
/// 0 abs, 1 back, 2 biceps, 3 chest, 4 forearms, 5 glutes, 6 shoulders, 7 triceps, 8 upper
/// legs, 9 lower legs. `-1` is unset and 10 (cardio) names no body part. "Back" is read as the
/// lower back, as the note reader reads the bare word.
fn body_part_region(code: &str) -> Option<Region> {
    Some(match code.trim() {
        "0" => Region::Abdomen,
        "1" => Region::LowerBack,
        "2" | "7" => Region::UpperArm,
        "3" => Region::Chest,
        "4" => Region::Forearm,
        "5" => Region::Glute,
        "6" => Region::Shoulder,
        "8" => Region::Thigh,
        "9" => Region::Calf,
        _ => return None,
    })
}

/// The name of a section line such as `### EXERCISE LOGS ####…`.
fn section_name(line: &str) -> Option<&str> {
    let name = line
        .trim()
        .strip_prefix("###")?
        .trim_end_matches('#')
        .trim();
    let ok = name.bytes().any(|b| b.is_ascii_uppercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ' || b == b'_');
    ok.then_some(name)
}

/// The line of `#` that closes a section.
fn is_section_end(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'#')
}

/// Splits the file into sections and their tables; `None` unless the first line with text opens
/// a section (that is what makes a file a JEFIT backup).
fn split_sections(text: &str, file: &str) -> Option<Result<Vec<Section>, FileError>> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    section_name(first)?;
    let mut sections: Vec<Section> = Vec::new();
    let mut open: Option<Section> = None;
    // Where the table being read starts: (physical line, byte offset).
    let mut table_at: Option<(u64, usize)> = None;
    let mut in_quotes = false;
    let mut offset = 0;
    let close_table = |open: &mut Option<Section>,
                       table_at: &mut Option<(u64, usize)>,
                       end: usize|
     -> Result<(), FileError> {
        if let (Some(section), Some((line, start))) = (open.as_mut(), table_at.take())
            && READ.iter().any(|r| section.name.eq_ignore_ascii_case(r))
        {
            section
                .tables
                .push(parse_table(&text[start..end], line, file)?);
        }
        Ok(())
    };
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let line_no = index as u64 + 1;
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if in_quotes {
            // Inside a quoted field (a note with line breaks): the table goes on.
            in_quotes ^= line.matches('"').count() % 2 == 1;
            continue;
        }
        if let Some(name) = section_name(line) {
            let closed = close_table(&mut open, &mut table_at, start);
            if let Err(e) = closed {
                return Some(Err(e));
            }
            sections.extend(open.take());
            open = Some(Section {
                name: name.to_string(),
                tables: Vec::new(),
            });
        } else if is_section_end(line) || line.trim().is_empty() {
            let closed = close_table(&mut open, &mut table_at, start);
            if let Err(e) = closed {
                return Some(Err(e));
            }
            if is_section_end(line) {
                sections.extend(open.take());
            }
        } else if open.is_some() {
            if table_at.is_none() {
                table_at = Some((line_no, start));
            }
            in_quotes = line.matches('"').count() % 2 == 1;
        }
        // Text outside any section is not part of the backup's data.
    }
    if let Err(e) = close_table(&mut open, &mut table_at, text.len()) {
        return Some(Err(e));
    }
    sections.extend(open);
    Some(Ok(sections))
}

/// Parses one table with the project's CSV reader; its line numbers become the file's.
fn parse_table(text: &str, first_line: u64, file: &str) -> Result<Table, FileError> {
    let shift = first_line - 1;
    let csv = source::parse_text(text, file.to_string()).map_err(|e| match e {
        FileError::UnterminatedQuote {
            path,
            line,
            column,
            value,
        } => FileError::UnterminatedQuote {
            path,
            line: line + shift,
            column,
            value,
        },
        other => other,
    })?;
    let mut records = csv.records;
    for r in &mut records {
        r.line += shift;
    }
    Ok(Table {
        header: csv.header,
        records,
    })
}

/// The first table of the named section whose header has every one of `columns`.
fn table<'a>(sections: &'a [Section], name: &str, columns: &[&str]) -> Option<&'a Table> {
    sections
        .iter()
        .filter(|s| s.name.eq_ignore_ascii_case(name))
        .flat_map(|s| &s.tables)
        .find(|t| columns.iter().all(|c| t.header.has(c)))
}

impl Table {
    fn row<'a>(&'a self, file: &'a str, record: &'a Record) -> Row<'a> {
        Row {
            file,
            record,
            header: &self.header,
            decimal_comma: false,
        }
    }

    /// A row with more fields than its header (an unquoted comma): which value is which is
    /// unknown, so the row is rejected.
    fn overlong(&self, row: &Row) -> Option<RowError> {
        let n = self.header.len();
        let fields = &row.record.fields;
        (fields.len() > n).then(|| RowError {
            file: row.file.to_string(),
            line: row.line(),
            column: n as u64 + 1,
            column_name: String::new(),
            value: fields.iter().skip(n).collect::<Vec<_>>().join(","),
            expected: format!(
                "the row has {} fields but the header has {n} (an unquoted comma?)",
                fields.len()
            ),
        })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.header.find(&[name])
    }
}

/// An exercise as JEFIT keys it: system (`belongSys` 1) or custom (0), and its id.
type ExerciseKey = (String, String);

fn exercise_key(row: &Row, belong_sys: Option<usize>, eid: Option<usize>) -> ExerciseKey {
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

/// A packed `logs` string, unpacked.
enum Packed {
    /// `weight x reps` per set, weight in the lifter's unit.
    Lifts(Vec<(f64, f64)>),
    /// Seconds per set (the fifth of five numbers).
    Timed(Vec<f64>),
}

/// Which exercises are timed and which are reps only (their weight is a placeholder).
///
/// Custom exercises say it in CUSTOM EXERCISES `recordtype` (0 weight and reps, 1 reps only,
/// 2 cardio, 3 time). System exercises do not, but each log's `record` does: for an exercise
/// with a load JEFIT stores the best estimated one-rep max (Epley, `w × (1 + r/30)`, or the
/// weight of a single), for a reps-only exercise the best number of reps, whatever weight was
/// typed. An exercise whose logs mostly carry the best reps is reps only. CARDIO LOGS is no
/// guide to which exercises are timed: a real backup lists a bench press there, with no time.
struct ExerciseKinds {
    custom: FxHashMap<String, (u8, String)>,
    /// (logs whose record is the best reps, logs whose record is the one-rep max).
    evidence: FxHashMap<ExerciseKey, (u32, u32)>,
}

impl ExerciseKinds {
    fn custom_type(&self, key: &ExerciseKey) -> Option<u8> {
        (key.0 == "0")
            .then(|| self.custom.get(&key.1).map(|c| c.0))
            .flatten()
    }

    fn timed(&self, key: &ExerciseKey) -> bool {
        matches!(self.custom_type(key), Some(2 | 3))
    }

    /// True when the exercise's logged weights are placeholders, not load.
    fn reps_only(&self, key: &ExerciseKey) -> bool {
        match self.custom_type(key) {
            Some(t) => t != 0,
            None => self
                .evidence
                .get(key)
                .is_some_and(|&(reps, one_rm)| reps > one_rm),
        }
    }
}

/// What a log's `record` says about its exercise: `Some(true)` reps only, `Some(false)` a load.
fn record_evidence(lifts: &[(f64, f64)], record: Option<f64>) -> Option<bool> {
    let record = record.filter(|r| *r > 0.0)?;
    let done: Vec<(f64, f64)> = lifts.iter().copied().filter(|l| l.1 > 0.0).collect();
    if done.iter().all(|l| l.0 == 0.0) {
        return None;
    }
    // JEFIT writes the record with two decimals, sometimes cut rather than rounded.
    let one_rm = done.iter().any(|&(w, r)| {
        let estimate = if r > 1.0 { w * (1.0 + r / 30.0) } else { w };
        (record - estimate).abs() <= 0.011
    });
    if one_rm {
        return Some(false);
    }
    let best_reps = done.iter().map(|l| l.1).fold(0.0, f64::max);
    ((record - best_reps).abs() < 1e-6).then_some(true)
}

/// Unpacks a `logs` string; `None` when it is malformed. Empty pieces (a trailing comma) are
/// skipped.
fn unpack(raw: &str, timed_exercise: bool) -> Option<Packed> {
    let mut pairs = Vec::new();
    for piece in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (w, r) = piece.split_once(['x', 'X'])?;
        let (w, r) = (parse_number(w, false)?, parse_number(r, false)?);
        if w < 0.0 || r < 0.0 {
            return None;
        }
        pairs.push((w, r));
    }
    if timed_exercise || looks_timed(&pairs) {
        if !pairs.len().is_multiple_of(5) {
            return None;
        }
        return Some(Packed::Timed(pairs.chunks(5).map(|g| g[4].1).collect()));
    }
    if pairs.iter().any(|p| p.1.fract() != 0.0 || p.1 > MAX_REPS) {
        return None;
    }
    Some(Packed::Lifts(pairs))
}

/// Five numbers per set with no weight, whose first three are zero (or not whole, which reps
/// never are): a timed pack even where the exercise is not known to be timed (a hang, a
/// plank). Five bodyweight sets are told apart by their reps in the first three places.
fn looks_timed(pairs: &[(f64, f64)]) -> bool {
    !pairs.is_empty()
        && pairs.len().is_multiple_of(5)
        && pairs.iter().all(|p| p.0 == 0.0)
        && (pairs.chunks(5).all(|g| g[..3].iter().all(|p| p.1 == 0.0))
            || pairs.iter().any(|p| p.1.fract() != 0.0))
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

struct Backup<'a> {
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
struct Logged {
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

    fn read_sessions(&mut self, sections: &'a [Section]) {
        let Some(t) = table(sections, "WORKOUT SESSIONS", &["_id", "starttime"]) else {
            return;
        };
        let (id, start) = (t.col("_id").unwrap_or(0), t.col("starttime").unwrap_or(0));
        let (total, end) = (t.col("total_time"), t.col("endtime"));
        let tz = self.ctx.opts.tz;
        for r in &t.records {
            let row = t.row(self.file, r);
            if let Some(e) = t.overlong(&row) {
                self.rows.push(Err(e));
                continue;
            }
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
            let row = logs.row(self.file, r);
            if let Some(e) = logs.overlong(&row) {
                self.rows.push(Err(e));
                continue;
            }
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
                workout_id: ids.id(start),
                start,
                workout_name: String::new(),
                exercise: name,
                canonical: None,
                set_number: 0,
                set_index: None,
                kind: SetKind::Working,
                weight_kg: None,
                reps: None,
                rpe: None,
                distance_m: None,
                duration_s: None,
                notes: String::new(),
                workout_notes: String::new(),
                workout_duration_s: duration_s,
                source: self.ctx.source(row.line()),
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

    /// The sets of an exercise log from its EXERCISE SET LOGS rows (weights always in lb).
    fn sets_from_rows(
        &mut self,
        records: &[&Record],
        template: &WorkoutSet,
        reps_only: bool,
        unknown_types: &mut BTreeMap<String, usize>,
    ) -> Vec<WorkoutSet> {
        let Some(t) = self.set_logs else {
            return Vec::new();
        };
        let col = |n: &str| t.col(n);
        let (index, weight, reps) = (col("set_index"), col("weight_lbs"), col("reps"));
        let (duration, distance, set_type) = (col("duration"), col("distance_mi"), col("set_type"));
        let mut sets = Vec::with_capacity(records.len());
        for r in records {
            let row = t.row(self.file, r);
            if let Some(e) = t.overlong(&row) {
                self.rows.push(Err(e));
                continue;
            }
            let read = || -> Result<WorkoutSet, RowError> {
                let mut set = template.clone();
                set.source = self.ctx.source(row.line());
                set.set_index = row
                    .number(index, "a set number such as 0")?
                    .filter(|v| *v >= 0.0 && v.fract() == 0.0)
                    .map(|v| v as u32);
                set.weight_kg = row.weight_kg(weight, WeightUnit::Lb)?;
                set.reps = row.reps(reps)?.filter(|r| *r > 0.0);
                set.duration_s = row.seconds(duration)?.filter(|d| *d > 0.0);
                set.distance_m = row
                    .distance_m(distance, DistanceUnit::Mi)?
                    .filter(|d| *d > 0.0);
                if reps_only || set.reps.is_none() {
                    set.weight_kg = None;
                }
                Ok(set)
            };
            let mut set = match read() {
                Ok(s) => s,
                Err(e) => {
                    self.rows.push(Err(e));
                    continue;
                }
            };
            if set.reps.is_none() && set.duration_s.is_none() && set.distance_m.is_none() {
                self.rows.push(Ok(RowOutcome::Pseudo(PLANNED)));
                continue;
            }
            let raw = row.opt_text(set_type);
            set.kind = match raw.to_ascii_lowercase().as_str() {
                "" | "default" | "normal" => SetKind::Working,
                "warm-up" | "warmup" | "warm up" => SetKind::Warmup,
                "drop" | "dropset" | "drop-set" | "drop set" => SetKind::Drop,
                "failure" => SetKind::Failure,
                _ => {
                    *unknown_types.entry(raw.to_string()).or_default() += 1;
                    SetKind::Working
                }
            };
            sets.push(set);
        }
        sets
    }

    /// The sets of an exercise log from its packed `logs` string. The outer error is a file
    /// error (no unit known), the inner one a malformed row.
    fn unpacked_sets(
        &mut self,
        row: &Row,
        template: &WorkoutSet,
        key: &ExerciseKey,
        reps_only: bool,
    ) -> Result<Result<Vec<WorkoutSet>, RowError>, FileError> {
        let c = &self.columns;
        let raw = row.text(c.logs);
        let Some(packed) = unpack(raw, self.kinds.timed(key)) else {
            return Ok(Err(row.error(c.logs, raw, EXPECTED_PACK)));
        };
        let mut sets = Vec::new();
        let mut planned = 0;
        match packed {
            Packed::Timed(seconds) => {
                for (i, s) in seconds.into_iter().enumerate() {
                    if s == 0.0 {
                        planned += 1;
                        continue;
                    }
                    let mut set = template.clone();
                    set.set_index = Some(i as u32);
                    set.duration_s = Some(s);
                    sets.push(set);
                }
            }
            Packed::Lifts(lifts) => {
                let unit = self.unit(row)?;
                for (i, (w, r)) in lifts.into_iter().enumerate() {
                    if r == 0.0 {
                        planned += 1;
                        continue;
                    }
                    let kg = unit.to_kg(w);
                    if kg > MAX_WEIGHT_KG + 1e-9 {
                        return Ok(Err(row.error(
                            c.logs,
                            raw,
                            "weights from 0 to 1000 kg (2204 lb) in the packed sets",
                        )));
                    }
                    let mut set = template.clone();
                    set.set_index = Some(i as u32);
                    set.weight_kg = (!reps_only).then_some(kg);
                    set.reps = Some(r);
                    sets.push(set);
                }
            }
        }
        for _ in 0..planned {
            self.rows.push(Ok(RowOutcome::Pseudo(PLANNED)));
        }
        Ok(Ok(sets))
    }

    /// The unit of packed weights: SETTING `mass`, else `--unit`, else the file cannot be read.
    fn unit(&self, row: &Row) -> Result<WeightUnit, FileError> {
        self.stated_unit
            .or(self.ctx.opts.unit)
            .ok_or_else(|| FileError::NoUnit {
                path: self.file.to_string(),
                column: self.columns.logs as u64 + 1,
                name: row.header.name(self.columns.logs).to_string(),
                format: "JEFIT (SETTING names no mass unit)",
            })
    }

    /// Puts each NOTES text on the first set of its exercise that day, or on the day's first
    /// set when the exercise was not logged that day; notes of days without sets are counted.
    fn attach_notes(&mut self, logged: &[Logged]) {
        let Some(t) = self.notes else {
            return;
        };
        let (note, date) = (t.col("mynote").unwrap_or(0), t.col("mydate").unwrap_or(0));
        let (eid, sys) = (t.col("eid"), t.col("belongSys"));
        let (body_part, recovered) = (t.col("bodypart"), t.col("is_recovered"));
        let mut by_day: FxHashMap<NaiveDate, Vec<&Logged>> = FxHashMap::default();
        for l in logged {
            by_day.entry(l.day).or_default().push(l);
        }
        let mut unplaced: Vec<u64> = Vec::new();
        for r in &t.records {
            let row = t.row(self.file, r);
            if let Some(e) = t.overlong(&row) {
                self.rows.push(Err(e));
                continue;
            }
            let text = row.text(note);
            if text.is_empty() {
                continue;
            }
            let Some(day) = parse_stamp(row.text(date), None).map(|s| s.wall.date()) else {
                self.rows.push(Err(row.error(
                    date,
                    row.text(date),
                    "a date such as 2026-02-04",
                )));
                continue;
            };
            // A note filed against a body part is an injury note: it becomes a pain entry of
            // that region (0 when marked recovered), and its text stays with the entry rather
            // than also going on a set, where the note reader would count it a second time.
            if let Some(region) = body_part.and_then(|c| body_part_region(row.text(c))) {
                let healed = recovered.is_some_and(|c| row.text(c) == "1");
                self.pain.push(PainEntry {
                    at: day.and_time(chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()),
                    time_given: false,
                    region,
                    side: None,
                    intensity: if healed {
                        0
                    } else {
                        crate::analysis::notes::INFERRED_INTENSITY
                    },
                    quality: None,
                    symptoms: Vec::new(),
                    notes: text.to_string(),
                    inferred: true,
                    source: self.ctx.source(row.line()),
                });
                continue;
            }
            let key = exercise_key(&row, sys, eid);
            let day_logs = by_day.get(&day).map(Vec::as_slice).unwrap_or_default();
            let target = day_logs
                .iter()
                .find(|l| !key.1.is_empty() && l.key == key)
                .or_else(|| day_logs.iter().min_by_key(|l| l.start));
            let Some(target) = target else {
                unplaced.push(row.line());
                continue;
            };
            if let Some(Ok(RowOutcome::Sets(sets))) = self.rows.get_mut(target.row)
                && let Some(first) = sets.first_mut()
            {
                if !first.notes.is_empty() {
                    first.notes.push_str("; ");
                }
                first.notes.push_str(text);
            }
        }
        if let Some(first) = unplaced.first() {
            self.notices.push(format!(
                "{} JEFIT notes are on days with no logged set, so no workout carries them (first: line {first})",
                unplaced.len()
            ));
        }
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
