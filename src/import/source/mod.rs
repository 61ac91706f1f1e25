//! Reading an input file as CSV text: the checks every format shares (missing, directory,
//! empty, binary, unterminated quote), BOM and CRLF handling, delimiter sniffing, and the
//! record stream with physical line numbers.

#[cfg(test)]
mod tests;

use std::path::Path;

use csv::StringRecord;

use crate::error::{FileError, display_path};

/// The header line, with cells trimmed and a case-folded copy for lookups.
#[derive(Debug, Clone)]
pub struct Header {
    pub names: Vec<String>,
    keys: Vec<String>,
}

impl Header {
    pub fn new(names: Vec<String>) -> Header {
        let keys = names.iter().map(|n| header_key(n)).collect();
        Header { names, keys }
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The first column whose name matches one of `candidates` (case-insensitive, trimmed).
    pub fn find(&self, candidates: &[&str]) -> Option<usize> {
        candidates.iter().find_map(|c| {
            let key = header_key(c);
            self.keys.iter().position(|k| *k == key)
        })
    }

    /// The columns named `names`, in that order, when the header has every one of them: the
    /// columns that tell a format's header from another's.
    pub fn find_all<const N: usize>(&self, names: [&str; N]) -> Option<[usize; N]> {
        let mut found = [0; N];
        for (slot, name) in found.iter_mut().zip(names) {
            *slot = self.find(&[name])?;
        }
        Some(found)
    }

    pub fn has(&self, name: &str) -> bool {
        self.find(&[name]).is_some()
    }

    pub fn name(&self, column: usize) -> &str {
        self.names.get(column).map(String::as_str).unwrap_or("")
    }

    pub fn joined(&self, delimiter: u8) -> String {
        self.names.join(&(delimiter as char).to_string())
    }
}

fn header_key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// One data record: its fields (not yet trimmed) and the physical line it starts on.
#[derive(Debug, Clone)]
pub struct Record {
    pub line: u64,
    pub fields: StringRecord,
}

/// A readable CSV file, split into header and records.
#[derive(Debug)]
pub struct CsvText {
    pub path: String,
    pub delimiter: u8,
    pub header: Header,
    pub records: Vec<Record>,
    /// Lines that hold no data at all (Fitbod writes them mid-file).
    pub blank_lines: usize,
    /// Byte offset where the last record starts.
    pub last_record_at: usize,
}

impl CsvText {
    /// One record as a row to read cells from; a comma is never a decimal separator here
    /// (the diaries use this).
    pub fn row<'a>(&'a self, record: &'a Record) -> super::fields::Row<'a> {
        super::fields::Row {
            file: &self.path,
            record,
            header: &self.header,
            decimal_comma: false,
        }
    }
}

/// Reads and checks a file. Input files are only ever opened for reading.
pub fn read_csv(path: &Path) -> Result<CsvText, FileError> {
    let shown = display_path(path);
    let text = read_text(path, &shown)?;
    parse_text(&text, shown)
}

/// Reads a file as text: UTF-8 (with or without a BOM), or UTF-16 with a BOM (spreadsheets
/// and the English GymBook app write it), decoded with `encoding_rs`.
pub fn read_text(path: &Path, shown: &str) -> Result<String, FileError> {
    let bytes = read_bytes(path, shown)?;
    let mut text = decode(bytes, shown)?;
    // Old Mac files end lines with a bare CR; the csv reader splits records on it but every
    // line count here counts LFs, so every row would be "line 1".
    if !text.contains('\n') && text.contains('\r') {
        text = text.replace('\r', "\n");
    }
    if text.trim().is_empty() {
        return Err(FileError::Empty {
            path: shown.to_string(),
        });
    }
    Ok(text)
}

/// Splits checked text into header and records. A first line `sep=;` (written by spreadsheets
/// for Excel) names the delimiter and is not the header.
pub fn parse_text(text: &str, shown: String) -> Result<CsvText, FileError> {
    let first = text.lines().next().unwrap_or("").trim();
    let sep = first
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("sep="))
        .and_then(|_| first[4..].bytes().next());
    let delimiter = match sep {
        Some(d) => d,
        None => sniff_delimiter(text),
    };
    let csv = parse_records(text, delimiter, shown, sep.is_some())?;
    // A quote that never closes swallows everything after it into the last record, so it can
    // only have opened there.
    if let Some(offset) = open_quote(&text[csv.last_record_at..], delimiter) {
        let offset = csv.last_record_at + offset;
        let (line, column) = line_col(text.as_bytes(), offset);
        let value: String = text[offset..]
            .chars()
            .take_while(|&c| c != '\n' && c != '\r')
            .take(40)
            .collect();
        return Err(FileError::UnterminatedQuote {
            path: csv.path,
            line,
            column,
            value,
        });
    }
    Ok(csv)
}

/// The file's bytes as text, BOM removed. UTF-16 needs its BOM: without one, the NUL bytes of
/// UTF-16 text look like a binary file and are refused as one.
pub(crate) fn decode(bytes: Vec<u8>, shown: &str) -> Result<String, FileError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes)
        && encoding != encoding_rs::UTF_8
    {
        return match encoding.decode_without_bom_handling_and_without_replacement(&bytes[bom..]) {
            Some(text) => Ok(text.into_owned()),
            None => Err(FileError::BadEncoding {
                path: shown.to_string(),
                encoding: encoding.name(),
            }),
        };
    }
    check_text(&bytes, shown)?;
    // Checked above: the bytes are UTF-8, so this neither fails nor copies.
    let mut text = String::from_utf8(bytes).map_err(|e| FileError::Io {
        path: shown.to_string(),
        source: std::io::Error::other(e.to_string()),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

pub(crate) fn read_bytes(path: &Path, shown: &str) -> Result<Vec<u8>, FileError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => FileError::Missing {
            path: shown.to_string(),
        },
        _ => FileError::Io {
            path: shown.to_string(),
            source: e,
        },
    })?;
    if meta.is_dir() {
        return Err(FileError::Directory {
            path: shown.to_string(),
        });
    }
    std::fs::read(path).map_err(|e| FileError::Io {
        path: shown.to_string(),
        source: e,
    })
}

/// A CSV export is UTF-8 text: a NUL byte or invalid UTF-8 means a binary file (a
/// spreadsheet, a zip) was passed by mistake.
pub(crate) fn check_text<'a>(bytes: &'a [u8], shown: &str) -> Result<&'a str, FileError> {
    let bad_at = |offset: usize| {
        let (line, column) = line_col(bytes, offset);
        FileError::Binary {
            path: shown.to_string(),
            line,
            column,
            byte: bytes[offset],
        }
    };
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(bad_at(nul));
    }
    std::str::from_utf8(bytes).map_err(|e| bad_at(e.valid_up_to()))
}

fn line_col(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, (offset - line_start) as u64 + 1)
}

/// The delimiter is chosen from the header line alone: the more frequent of `;`, `,` and tab
/// (Strong uses both `;` and `,` depending on version and platform).
pub fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    let (semi, comma, tab) = (count(';'), count(','), count('\t'));
    if tab > comma && tab > semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

/// Where a quoted field opens that never closes, if one does. Only quotes change the state, so
/// `memchr` jumps from one to the next. A quote opens a quoted field only at the start of a
/// field, as in the `csv` crate; inside one, `""` is an escaped quote.
fn open_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut in_quotes = false;
    let mut opened = 0;
    let mut quotes = memchr::memchr_iter(b'"', bytes);
    while let Some(p) = quotes.next() {
        if in_quotes {
            if bytes.get(p + 1) == Some(&b'"') {
                quotes.next(); // the escaped quote
            } else {
                in_quotes = false;
            }
        } else if p == 0 || matches!(bytes[p - 1], b'\n' | b'\r') || bytes[p - 1] == delimiter {
            in_quotes = true;
            opened = p;
        }
    }
    in_quotes.then_some(opened)
}

fn count_newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// Texts up to this size are parsed by a reader kept per thread and delimiter.
const REUSED_READER_MAX: usize = 1 << 20;

type ReusedReader = csv::Reader<std::io::Cursor<Vec<u8>>>;

thread_local! {
    /// Building a csv reader builds its state machine, which costs as much as parsing a
    /// hundred rows: small files (and JEFIT's many small tables) reuse one reader per
    /// delimiter, refilled with a copy of the text and rewound.
    static READERS: std::cell::RefCell<Vec<(u8, ReusedReader)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn csv_builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true);
    builder
}

fn parse_records(
    text: &str,
    delimiter: u8,
    path: String,
    skip_first: bool,
) -> Result<CsvText, FileError> {
    if text.len() > REUSED_READER_MAX {
        let mut reader = csv_builder(delimiter).from_reader(text.as_bytes());
        return read_records(&mut reader, text, delimiter, path, skip_first);
    }
    READERS.with(|readers| {
        let mut readers = readers.borrow_mut();
        let i = match readers.iter().position(|(d, _)| *d == delimiter) {
            Some(i) => i,
            None => {
                let reader = csv_builder(delimiter).from_reader(std::io::Cursor::new(Vec::new()));
                readers.push((delimiter, reader));
                readers.len() - 1
            }
        };
        let reader = &mut readers[i].1;
        let buffer = reader.get_mut().get_mut();
        buffer.clear();
        buffer.extend_from_slice(text.as_bytes());
        reader
            .seek(csv::Position::new())
            .map_err(|e| FileError::Io {
                path: path.clone(),
                source: std::io::Error::other(e.to_string()),
            })?;
        read_records(reader, text, delimiter, path, skip_first)
    })
}

fn read_records<R: std::io::Read>(
    reader: &mut csv::Reader<R>,
    text: &str,
    delimiter: u8,
    path: String,
    mut skip_first: bool,
) -> Result<CsvText, FileError> {
    let mut records = Vec::new();
    let mut header: Option<Header> = None;
    let mut blank_lines = 0;
    let mut record = StringRecord::new();
    // The csv crate's own line counter skips empty lines and counts CRLF oddly, so physical
    // lines are counted here, from each record's byte offset: the newlines between two
    // record starts are the first record's own line breaks, its terminator, and empty lines.
    let bytes = text.as_bytes();
    // (where the record starts, its line, where it ends: just after its terminator)
    let mut previous: Option<(usize, u64, usize)> = None;
    let mut last_record_at = 0;
    loop {
        let more = reader.read_record(&mut record).map_err(|e| FileError::Io {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        if !more {
            break;
        }
        let mut at = record.position().map_or(0, |p| p.byte() as usize);
        while at < bytes.len() && (bytes[at] == b'\n' || bytes[at] == b'\r') {
            at += 1;
        }
        let line = match previous {
            None => count_newlines(&bytes[..at]) + 1,
            Some((from, line, end)) => {
                // Newlines between the end of the last record and the start of this one are
                // empty lines, plus the terminator when the reader stopped before it.
                let end = end.clamp(from, at);
                let terminated = end > from && bytes[end - 1] == b'\n';
                let gap = count_newlines(&bytes[end..at]);
                blank_lines += gap.saturating_sub(u64::from(!terminated)) as usize;
                line + count_newlines(&bytes[from..at])
            }
        };
        previous = Some((at, line, reader.position().byte() as usize));
        last_record_at = at;
        if skip_first {
            skip_first = false; // the `sep=` line
            continue;
        }
        // A clone is allocated at its exact size, and `record` keeps its grown buffers for the
        // next row (taking it would regrow them on every row).
        let mut fields = record.clone();
        if let Some(h) = &header {
            fields = unwrap_quoted_line(fields, h.len(), delimiter);
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            blank_lines += 1;
            continue;
        }
        match &header {
            None => {
                let fields = unwrap_quoted_line(fields, usize::MAX, delimiter);
                header = Some(Header::new(
                    fields.iter().map(|f| f.trim().to_string()).collect(),
                ));
            }
            Some(_) => records.push(Record { line, fields }),
        }
    }
    let header = header.ok_or_else(|| FileError::Empty { path: path.clone() })?;
    Ok(CsvText {
        path,
        delimiter,
        header,
        records,
        blank_lines,
        last_record_at,
    })
}

/// Some spreadsheet re-saves wrap each whole line in one quoted field with the inner quotes
/// doubled (a real 2018 Strong file does this). When a row has a single field holding the
/// delimiter but the header has several columns, that field is the real line.
fn unwrap_quoted_line(fields: StringRecord, header_len: usize, delimiter: u8) -> StringRecord {
    if fields.len() != 1 || header_len <= 1 || !fields[0].contains(delimiter as char) {
        return fields;
    }
    // The inner line is parsed by hand: building a csv reader for each line would cost more
    // than the rest of the import of such a file.
    let line = &fields[0];
    let delimiter = delimiter as char;
    let mut out = StringRecord::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut in_quotes = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
        } else if c == delimiter {
            out.push_field(&field);
            field.clear();
            at_start = true;
            continue;
        } else if c == '"' && at_start {
            in_quotes = true;
        } else {
            field.push(c);
        }
        at_start = false;
    }
    out.push_field(&field);
    out
}
