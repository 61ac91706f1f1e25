//! The backup's layout: `### NAME ###` sections, each holding one or more header-plus-rows
//! tables, read with the project's CSV reader and numbered by the whole file's lines.

use crate::error::{FileError, Position, RowError};

use super::super::fields::Row;
use super::super::source::{self, Header, Record};

/// The sections whose tables are read; the others (PROFILE, ROUTINES, EXERCISE RECORDS, CARDIO
/// LOGS, CARDIO EXERCISE LOGS, FAVORITE EXERCISES) are skipped unparsed.
pub(super) const READ: &[&str] = &[
    "SETTING",
    "WORKOUT SESSIONS",
    "EXERCISE LOGS",
    "EXERCISE SET LOGS",
    "CUSTOM EXERCISES",
    "NOTES",
];

#[derive(Debug)]
pub(super) struct Table {
    pub(super) header: Header,
    pub(super) records: Vec<Record>,
}

#[derive(Debug)]
pub(super) struct Section {
    pub(super) name: String,
    pub(super) tables: Vec<Table>,
}

/// The name of a section line such as `### EXERCISE LOGS ####…`.
pub(super) fn section_name(line: &str) -> Option<&str> {
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
pub(super) fn is_section_end(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'#')
}

/// Splits the file into sections and their tables; `None` unless the first line with text opens
/// a section (that is what makes a file a JEFIT backup).
pub(super) fn split_sections(text: &str, file: &str) -> Option<Result<Vec<Section>, FileError>> {
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
pub(super) fn parse_table(text: &str, first_line: u64, file: &str) -> Result<Table, FileError> {
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
pub(super) fn table<'a>(
    sections: &'a [Section],
    name: &str,
    columns: &[&str],
) -> Option<&'a Table> {
    sections
        .iter()
        .filter(|s| s.name.eq_ignore_ascii_case(name))
        .flat_map(|s| &s.tables)
        .find(|t| columns.iter().all(|c| t.header.has(c)))
}

impl Table {
    pub(super) fn row<'a>(&'a self, file: &'a str, record: &'a Record) -> Row<'a> {
        Row {
            file,
            record,
            header: &self.header,
            decimal_comma: false,
        }
    }

    /// A row with more fields than its header (an unquoted comma): which value is which is
    /// unknown, so the row is rejected.
    pub(super) fn overlong(&self, row: &Row) -> Option<RowError> {
        let n = self.header.len();
        let fields = &row.record.fields;
        (fields.len() > n).then(|| RowError {
            at: Position {
                file: row.file.to_string(),
                line: row.line(),
                column: n as u64 + 1,
            },
            column_name: String::new(),
            value: fields.iter().skip(n).collect::<Vec<_>>().join(","),
            expected: format!(
                "the row has {} fields but the header has {n} (an unquoted comma?)",
                fields.len()
            ),
        })
    }

    pub(super) fn col(&self, name: &str) -> Option<usize> {
        self.header.find(&[name])
    }
}
