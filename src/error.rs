//! Errors a person can act on: each names the file, and where it can, the line, column, the
//! value and what was expected.

use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::text::clipped;

/// Exit codes, documented in `--help`.
pub mod exit {
    pub const OK: u8 = 0;
    /// Something failed that is not the input's fault (I/O, an output that cannot be written).
    pub const FAILURE: u8 = 1;
    /// Bad arguments or configuration.
    pub const USAGE: u8 = 2;
    /// Bad input data: a file that is not a readable export, or bad rows under `--strict`.
    pub const BAD_DATA: u8 = 3;
}

/// A whole input file that cannot be read as a supported export. Always fatal.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: no such file (expected a CSV export or pain diary)")]
    Missing { path: String },
    #[error("{path}: is a directory (expected a CSV file)")]
    Directory { path: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is empty (expected a CSV export starting with a header line)")]
    Empty { path: String },
    #[error(
        "{path}:{line}:{column}: byte 0x{byte:02x} is not text (expected a UTF-8 CSV file; is this a spreadsheet or an archive?)"
    )]
    Binary {
        path: String,
        line: u64,
        column: u64,
        byte: u8,
    },
    #[error(
        "{path}: the file says it is {encoding} text but is not valid {encoding} (expected a CSV export saved as UTF-8 or UTF-16)"
    )]
    BadEncoding {
        path: String,
        encoding: &'static str,
    },
    #[error(
        "{path}:{line}:{column}: unterminated quote: the quoted field {value:?} that opens here never closes (expected a closing \")",
        value = clipped(value)
    )]
    UnterminatedQuote {
        path: String,
        line: u64,
        column: u64,
        value: String,
    },
    #[error(
        "{path}:1:1: unknown header {header:?} (expected the export of a supported app: {known}); hint: name the columns with --map, e.g. --map date=Date,exercise=Exercise,weight_kg=Weight,reps=Reps",
        header = clipped(header)
    )]
    UnknownHeader {
        path: String,
        header: String,
        known: String,
    },
    #[error(
        "{path}:1:1: unknown header {header:?} (expected a pain diary: strainscope's own format with the columns {columns}, or a Bearable export)",
        header = clipped(header)
    )]
    UnknownDiaryHeader {
        path: String,
        header: String,
        columns: String,
    },
    #[error(
        "{path}:1:{column}: column {name:?} gives weights with no unit, and this {format} export never names one (expected --unit kg or --unit lb, whichever the app was set to)",
        name = clipped(name)
    )]
    NoUnit {
        path: String,
        column: u64,
        name: String,
        format: &'static str,
    },
    #[error(
        "{path}: this {format} export holds no sets (only a header); nothing to analyse (expected at least one logged set)"
    )]
    NoSets { path: String, format: &'static str },
    #[error(
        "{path}: {rejected} of {total} rows could not be read as {format} sets, so this file is not analysed; \
         likely cause: {cause}. First bad rows:{first}\n\
         What to do: check that this is the file the app exported (a spreadsheet that opened and saved \
         it can change dates and numbers), and export it again if not; if it is, its header and first \
         lines show the form strainscope has to learn: please report them", total = rejected + imported
    )]
    MostlyRejected {
        path: String,
        format: &'static str,
        rejected: usize,
        imported: usize,
        first: String,
        cause: String,
    },
    #[error(
        "{path}:1:1: this is {what}, not a file for {other} (expected here: {expected}); pass it with {option} instead",
        expected = if *other == "--pain" { "a pain diary" } else { "a workout export" }
    )]
    WrongOption {
        path: String,
        what: String,
        /// The option the file belongs to.
        option: &'static str,
        /// The option it was passed to.
        other: &'static str,
    },
    #[error(
        "{at} can be read day first or month first ({example:?} reads as {dmy} or as {mdy}), and no date in the file settles it; strainscope never guesses (expected --date-order dmy or --date-order mdy, or date_order = \"dmy\" under [import] in strainscope.toml)",
        example = clipped(example)
    )]
    AmbiguousDateOrder {
        at: DateColumn,
        example: String,
        /// The example read day first and month first, spelled out.
        dmy: String,
        mdy: String,
    },
    #[error(
        "{at} mix day first ({day_first:?}) and month first ({month_first:?}), so no one order reads them all (the file was probably edited in a spreadsheet; expected one form: export it again from the app)",
        day_first = clipped(day_first),
        month_first = clipped(month_first)
    )]
    MixedDateOrder {
        at: DateColumn,
        day_first: String,
        month_first: String,
    },
    #[error(
        "{path}:{line}:{column}: the weight is given as {kg} kg and as {lb} lb, which are further apart than the app's rounding, and no body weight says which unit the lifter uses (expected --unit kg or --unit lb, whichever the app was set to)"
    )]
    TwoWeights {
        path: String,
        line: u64,
        column: u64,
        kg: String,
        lb: String,
    },
    #[error(
        "{path}: {encoding} text: save it as UTF-8 (strainscope reads UTF-16 diaries but appends only to UTF-8 ones)"
    )]
    Utf16Diary {
        path: String,
        encoding: &'static str,
    },
    #[error("{path}:1:{column}: {message}")]
    BadHeader {
        path: String,
        column: u64,
        message: String,
    },
}

/// A place in an input file, shown as `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    pub file: String,
    /// Physical, 1-based (the header is line 1).
    pub line: u64,
    /// 1-based field position; 0 when the problem is the row as a whole.
    pub column: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One bad row inside a readable file: reported and skipped (fatal only with `--strict`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowError {
    #[serde(flatten)]
    pub at: Position,
    pub column_name: String,
    pub value: String,
    pub expected: String,
}

impl RowError {
    /// The message without the `file:line:column:` prefix, as used in JSON `reason`. The value
    /// is cut at [`crate::text::ECHO_CHARS`] characters; the JSON `value` keeps it whole.
    pub fn reason(&self) -> String {
        if self.column_name.is_empty() {
            format!("{:?}: {}", clipped(&self.value), self.expected)
        } else {
            format!(
                "{:?} in column {:?} is not valid (expected {})",
                clipped(&self.value),
                clipped(&self.column_name),
                self.expected
            )
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.reason())
    }
}

/// The column of dates a day/month order error is about: "f.csv: the dates in column "Date"".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateColumn {
    pub path: String,
    pub column: String,
}

impl fmt::Display for DateColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: the dates in column {:?}",
            self.path,
            clipped(&self.column)
        )
    }
}

pub(crate) fn display_path(path: &Path) -> String {
    path.display().to_string()
}

/// Errors that end a run.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Input files that cannot be read as exports; all of them are reported.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\nerror: "))]
    Files(Vec<FileError>),
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl AppError {
    pub fn exit_code(&self) -> u8 {
        match self {
            AppError::Files(errors) if errors.iter().all(|e| matches!(e, FileError::Io { .. })) => {
                exit::FAILURE
            }
            AppError::Files(_) => exit::BAD_DATA,
            AppError::Usage(_) | AppError::Config(_) => exit::USAGE,
            AppError::Other(_) => exit::FAILURE,
        }
    }
}

/// A config that could not be used; the message names the file and, where it can, the key.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}
