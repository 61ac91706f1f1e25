//! Importers: one file per app format, one line per format in [`FORMATS`].
//!
//! Every format is detected from its header (never from column positions), reads one row at a
//! time into a [`WorkoutSet`], and reports bad rows as [`RowError`]s without stopping.

pub mod dates;
pub mod fields;
mod finish;
mod fitbod;
mod fitnotes;
mod fitnotes_ios;
pub mod generic;
mod gymbook;
mod hevy;
mod jefit;
mod merge;
pub mod source;
mod strong;
mod stronglifts;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::catalog::Catalog;
use crate::error::{FileError, Position, RowError};
use crate::model::{PainEntry, PlausibleDates, WeightUnit, WorkoutSet};

pub use dates::{DateOrder, DateReading};
pub use finish::unknown_exercises;
use finish::{check_readable, finish_sets};
pub use generic::{ColumnMap, write_generic};
pub use merge::{Overlap, merge_overlaps};
use source::{CsvText, Header};

/// The formats strainscope reads. Adding a format means one new file and one line here.
const FORMATS: &[Format] = &[
    strong::FORMAT,
    hevy::FORMAT,
    fitnotes::FORMAT,
    fitbod::FORMAT,
    gymbook::FORMAT,
    stronglifts::FORMAT,
    fitnotes_ios::FORMAT,
    jefit::FORMAT,
    generic::FORMAT,
];

/// A format: the app it comes from and how to recognise it: from the header of a CSV table
/// (`detect`), or, for exports that are not one table (JEFIT's multi-section backup), from the
/// whole text (`whole`).
pub(crate) struct Format {
    pub app: &'static str,
    pub detect: Detect,
    pub whole: Option<WholeFile>,
}

impl Format {
    /// A format recognised from its CSV header.
    pub const fn table(app: &'static str, detect: Detect) -> Format {
        Format {
            app,
            detect,
            whole: None,
        }
    }
}

/// Recognises a whole-file format from the file's text and reads it: `None` when the text is
/// someone else's.
pub(crate) type WholeFile = fn(&str, &RowContext) -> Option<Result<WholeRead, FileError>>;

/// What a whole-file reader read: its dialect name and every row's outcome, in file order.
pub(crate) struct WholeRead {
    pub dialect: &'static str,
    pub rows: Vec<Result<RowOutcome, RowError>>,
    pub blank_lines: usize,
    pub notices: Vec<String>,
    /// Pain the export records in fields of its own (JEFIT's injury notes).
    pub pain: Vec<PainEntry>,
}

/// Recognises a format from a header: `Ok(None)` when the header is someone else's.
pub(crate) type Detect = fn(&Header, &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError>;

pub(crate) struct DetectContext<'a> {
    pub path: &'a str,
    pub opts: &'a ImportOptions,
}

impl DetectContext<'_> {
    /// The fallback unit for files that name none, or the error that says `--unit` is needed.
    pub fn fallback_unit(
        &self,
        header: &Header,
        column: usize,
        format: &'static str,
    ) -> Result<WeightUnit, FileError> {
        self.opts.unit.ok_or_else(|| FileError::NoUnit {
            path: self.path.to_string(),
            column: column as u64 + 1,
            name: header.name(column).to_string(),
            format,
        })
    }
}

/// What one row turned out to be.
// `Set` is not boxed: a row gives one set, and boxing it cost an allocation and a copy per row.
#[allow(clippy::large_enum_variant)]
pub(crate) enum RowOutcome {
    Set(WorkoutSet),
    /// Formats with one row per workout or per exercise (StrongLifts) give several sets.
    Sets(Vec<WorkoutSet>),
    /// A row that is not a set (Strong's `Rest Timer` and `Note` rows), by kind.
    Pseudo(&'static str),
}

/// A recognised dialect of a format, with its columns resolved.
pub(crate) trait Dialect {
    /// The dialect's name as shown to users, e.g. `strong-v6`.
    fn name(&self) -> &'static str;

    /// Mends rows a known writer bug has broken. Called when a row has more fields than the
    /// header; returns whether it repaired the row.
    fn repair(&self, _fields: &mut Vec<String>, _header: &Header) -> bool {
        false
    }

    /// Sees every record before the first row is read, for what only the whole file can
    /// settle (the day/month order of numeric dates).
    fn prepare(
        &mut self,
        _records: &[source::Record],
        _ctx: &DetectContext,
    ) -> Result<(), FileError> {
        Ok(())
    }

    fn read_row(&mut self, row: &fields::Row, ctx: &RowContext) -> Result<RowOutcome, RowError>;
}

pub(crate) struct RowContext<'a> {
    pub file: Arc<str>,
    pub opts: &'a ImportOptions,
}

impl RowContext<'_> {
    pub fn source(&self, line: u64) -> crate::model::SourceRef {
        crate::model::SourceRef {
            file: self.file.clone(),
            line,
        }
    }

    /// A set of `exercise` read from `row`, with nothing else known yet ([`WorkoutSet::new`]):
    /// the dialect fills in what its format has.
    pub fn new_set(
        &self,
        row: &fields::Row,
        workout_id: String,
        start: chrono::NaiveDateTime,
        exercise: &str,
    ) -> WorkoutSet {
        WorkoutSet::new(
            workout_id,
            start,
            exercise.to_string(),
            self.source(row.line()),
        )
    }
}

/// Settings that change how files are read. The default reads every file as its app wrote
/// it, with calendar days in UTC.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The unit for files that name none (Strong iOS comma files).
    pub unit: Option<WeightUnit>,
    pub dates: DateReading,
    /// A user-given column mapping; forces the generic reader.
    pub map: Option<ColumnMap>,
    /// Keep whole workouts an app stored twice, and workouts found in several files.
    pub keep_duplicates: bool,
}

/// The result of importing one file.
#[derive(Debug, Clone)]
pub struct ImportedFile {
    pub path: String,
    /// The app, e.g. `Strong`: workouts of one app with one start are one workout.
    pub app: &'static str,
    /// The dialect, e.g. `strong-v6`.
    pub format: &'static str,
    /// Sets in chronological order of their workouts, file order within a workout.
    pub sets: Vec<WorkoutSet>,
    /// Pseudo-rows dropped, by kind.
    pub pseudo_rows: BTreeMap<&'static str, usize>,
    pub blank_lines: usize,
    pub rejected: Vec<RowError>,
    /// Rows that gave at least one set.
    pub imported_rows: usize,
    /// Things the user should know that are not errors.
    pub notices: Vec<String>,
    /// Pain the export records in structured fields of its own (a JEFIT note's body part),
    /// marked inferred; used wherever pain is read from notes.
    pub pain: Vec<PainEntry>,
}

/// Reads one export. A file that is not a readable export at all is an error; bad rows inside
/// it are collected in `rejected`.
pub fn import_file(
    path: &Path,
    opts: &ImportOptions,
    catalog: &Catalog,
) -> Result<ImportedFile, FileError> {
    let shown = crate::error::display_path(path);
    let text = source::read_text(path, &shown)?;
    let file: Arc<str> = Arc::from(shown.as_str());
    let ctx = RowContext {
        file: file.clone(),
        opts,
    };
    if opts.map.is_none() {
        for format in FORMATS {
            if let Some(read) = format.whole.and_then(|whole| whole(&text, &ctx)) {
                let read = read?;
                let mut out = ImportedFile {
                    path: shown.clone(),
                    app: format.app,
                    format: read.dialect,
                    sets: Vec::new(),
                    pseudo_rows: BTreeMap::new(),
                    blank_lines: read.blank_lines,
                    rejected: Vec::new(),
                    imported_rows: 0,
                    notices: read.notices,
                    pain: read.pain,
                };
                for outcome in read.rows {
                    out.add(outcome.and_then(|o| plausible(o, None, &opts.dates.plausible)));
                }
                finish_sets(&mut out, catalog, opts.keep_duplicates);
                check_readable(&out)?;
                return Ok(out);
            }
        }
    }
    let csv = source::parse_text(&text, shown)?;
    drop(text);
    let (app, mut dialect) = detect(&csv, opts)?;
    dialect.prepare(
        &csv.records,
        &DetectContext {
            path: &csv.path,
            opts,
        },
    )?;
    let mut out = ImportedFile {
        path: csv.path.clone(),
        app,
        format: dialect.name(),
        sets: Vec::with_capacity(csv.records.len()),
        pseudo_rows: BTreeMap::new(),
        blank_lines: csv.blank_lines,
        rejected: Vec::new(),
        imported_rows: 0,
        notices: Vec::new(),
        pain: Vec::new(),
    };
    let decimal_comma = csv.delimiter != b',';
    let header_len = csv.header.len();
    let mut broken = 0;
    for mut record in csv.records {
        if record.fields.len() > header_len && !repair(&*dialect, &mut record, &csv.header) {
            out.rejected.push(RowError {
                at: Position {
                    file: csv.path.clone(),
                    line: record.line,
                    column: header_len as u64 + 1,
                },
                column_name: String::new(),
                value: record
                    .fields
                    .iter()
                    .skip(header_len)
                    .collect::<Vec<_>>()
                    .join(","),
                expected: format!(
                    "the row has {} fields but the header has {} (an unquoted delimiter?)",
                    record.fields.len(),
                    header_len
                ),
            });
            continue;
        }
        let row = fields::Row {
            file: &csv.path,
            record: &record,
            header: &csv.header,
            decimal_comma,
        };
        let mut outcome = dialect.read_row(&row, &ctx);
        // A record with too few fields that does not read is most often a piece of a record a
        // spreadsheet broke: a note with a line break lost its opening quote on a re-save, so
        // one record became several lines.
        if let Err(e) = &mut outcome
            && row.record.fields.len() < header_len
        {
            broken += 1;
            e.expected = format!(
                "{}; this line has {} of the header's {} fields: it looks like a piece of a record \
                 that a spreadsheet broke when it re-saved the file (a note with a line break lost \
                 its quotes)",
                e.expected,
                row.record.fields.len(),
                header_len
            );
        }
        out.add(outcome.and_then(|o| plausible(o, Some(&row), &opts.dates.plausible)));
    }
    if broken > 0 {
        out.notices.push(format!(
            "{broken} lines look like pieces of records broken by a spreadsheet re-save; they were \
             rejected. Exporting the file again from the app, without opening it in a spreadsheet, \
             avoids this"
        ));
    }
    finish_sets(&mut out, catalog, opts.keep_duplicates);
    check_readable(&out)?;
    Ok(out)
}

impl ImportedFile {
    fn add(&mut self, outcome: Result<RowOutcome, RowError>) {
        match outcome {
            Ok(RowOutcome::Set(set)) => {
                self.imported_rows += 1;
                self.sets.push(set);
            }
            Ok(RowOutcome::Sets(sets)) => {
                self.imported_rows += usize::from(!sets.is_empty());
                self.sets.extend(sets);
            }
            Ok(RowOutcome::Pseudo(kind)) => *self.pseudo_rows.entry(kind).or_default() += 1,
            Err(e) => self.rejected.push(e),
        }
    }
}

/// A row whose set is dated outside the plausible dates is a bad row: one far-off date would
/// stretch every per-day series of the analysis to its span. The error points at the cell that
/// holds the date (the first cell naming its year), or at the row as a whole.
fn plausible(
    outcome: RowOutcome,
    row: Option<&fields::Row>,
    dates: &PlausibleDates,
) -> Result<RowOutcome, RowError> {
    let sets = match &outcome {
        RowOutcome::Set(set) => std::slice::from_ref(set),
        RowOutcome::Sets(sets) => sets.as_slice(),
        RowOutcome::Pseudo(_) => return Ok(outcome),
    };
    let Some(bad) = sets.iter().find(|s| !dates.contains(s.start.date())) else {
        return Ok(outcome);
    };
    let day = bad.start.date();
    let year = chrono::Datelike::year(&day).to_string();
    let cell = row.and_then(|row| {
        (0..row.record.fields.len()).find(|&c| row.text(c).contains(year.as_str()))
    });
    Err(match (row, cell) {
        (Some(row), Some(c)) => row.error(c, row.text(c), dates.expected()),
        _ => RowError {
            at: Position {
                file: bad.source.file.to_string(),
                line: bad.source.line,
                column: 0,
            },
            column_name: String::new(),
            value: day.to_string(),
            expected: format!(
                "the set's date is not plausible (expected {})",
                dates.expected()
            ),
        },
    })
}

/// The app whose workout export this file is, if it is one (to tell a user who passed a
/// workout log as the diary where it belongs).
pub fn workout_app_of(path: &Path) -> Option<&'static str> {
    source::read_csv(path)
        .ok()
        .and_then(|csv| workout_app(&csv.header))
}

/// The app whose workout export has this header, if any.
pub fn workout_app(header: &Header) -> Option<&'static str> {
    let opts = ImportOptions::default();
    let ctx = DetectContext {
        path: "",
        opts: &opts,
    };
    FORMATS
        .iter()
        .find(|f| !matches!((f.detect)(header, &ctx), Ok(None)))
        .map(|f| f.app)
}

/// Lets the dialect mend a row with too many fields; true when it did.
fn repair(dialect: &dyn Dialect, record: &mut source::Record, header: &Header) -> bool {
    let mut fields: Vec<String> = record.fields.iter().map(str::to_string).collect();
    if dialect.repair(&mut fields, header) {
        record.fields = csv::StringRecord::from(fields);
        true
    } else {
        false
    }
}

fn detect(
    csv: &CsvText,
    opts: &ImportOptions,
) -> Result<(&'static str, Box<dyn Dialect>), FileError> {
    let ctx = DetectContext {
        path: &csv.path,
        opts,
    };
    if let Some(map) = &opts.map {
        return Ok((
            generic::FORMAT.app,
            generic::with_map(&csv.header, map, &ctx)?,
        ));
    }
    for format in FORMATS {
        if let Some(dialect) = (format.detect)(&csv.header, &ctx)? {
            return Ok((format.app, dialect));
        }
    }
    Err(FileError::UnknownHeader {
        path: csv.path.clone(),
        header: csv.header.joined(csv.delimiter),
        known: FORMATS.iter().map(|f| f.app).collect::<Vec<_>>().join(", "),
    })
}
