use super::*;

/// Reads `content` as a file.
fn read(content: &[u8]) -> Result<CsvText, FileError> {
    use std::io::Write;
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(content).unwrap();
    read_csv(f.path())
}

/// Record `i`: the line it starts on and its fields.
fn record(csv: &CsvText, i: usize) -> (u64, Vec<&str>) {
    let r = &csv.records[i];
    (r.line, r.fields.iter().collect())
}

#[test]
fn bom_and_crlf_are_accepted() {
    let csv = read(b"\xEF\xBB\xBFa,b\r\n1,2\r\n3,4\r\n").unwrap();
    assert_eq!(csv.header.names, ["a", "b"]);
    assert_eq!(csv.records.len(), 2);
    assert_eq!(record(&csv, 1), (3, vec!["3", "4"]));
}

#[test]
fn delimiter_comes_from_the_header_line() {
    let csv = read(b"a;b;c\n\"x,y\";2;3\n").unwrap();
    assert_eq!(csv.delimiter, b';');
    assert_eq!(csv.records[0].fields, vec!["x,y", "2", "3"]);
}

#[test]
fn multi_line_records_keep_their_first_line() {
    let csv = read(b"a,b\n\"one\ntwo\",2\n3,4\n").unwrap();
    assert_eq!(csv.records[0].line, 2);
    assert_eq!(csv.records[1].line, 4);
}

#[test]
fn blank_lines_mid_file_are_counted_and_skipped() {
    let csv = read(b"a,b\n1,2\n\n3,4\n\n").unwrap();
    assert_eq!(csv.records.len(), 2);
    assert_eq!(csv.records[1].line, 4);
    assert_eq!(csv.blank_lines, 1);
}

#[test]
fn empty_lines_inside_quoted_notes_are_not_blank_lines() {
    let csv = read(b"a,b\r\n1,\"note\r\n\r\nmore\"\r\n\r\n2,x\r\n\r\n").unwrap();
    assert_eq!(csv.records.len(), 2);
    assert_eq!(csv.blank_lines, 1);
    assert_eq!(csv.records[1].line, 6);
}

#[test]
fn whole_line_quoted_rows_are_unwrapped() {
    let csv = read(b"a;b;c\n\"2018-06-27;\"\"B\"\";1\"\n").unwrap();
    assert_eq!(csv.records[0].fields, vec!["2018-06-27", "B", "1"]);
}

#[test]
fn unterminated_quote_names_where_it_opened() {
    let err = read(b"a,b\n1,2\n3,\"never closed\n4,5\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains(":3:3: unterminated quote"), "{err}");
    assert!(err.contains("\"never closed"), "{err}");
}

#[test]
fn a_quote_inside_an_unquoted_field_is_literal() {
    let csv = read(b"a,b\n12\" bar,2\n").unwrap();
    assert_eq!(csv.records[0].fields, vec!["12\" bar", "2"]);
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let text = "Date\tExercise\n2025-01-02\tSquat\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let csv = read(&le).unwrap();
    assert_eq!(csv.delimiter, b'\t');
    assert_eq!(csv.header.names, ["Date", "Exercise"]);
    assert_eq!(csv.records[0].fields, vec!["2025-01-02", "Squat"]);
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    let csv = read(&be).unwrap();
    assert_eq!(record(&csv, 0), (2, vec!["2025-01-02", "Squat"]));
}

#[test]
fn a_sep_line_names_the_delimiter() {
    let csv = read(b"sep=;\r\na;b,c\r\n1;2,5\r\n").unwrap();
    assert_eq!(csv.delimiter, b';');
    assert_eq!(csv.header.names, ["a", "b,c"]);
    assert_eq!(record(&csv, 0), (3, vec!["1", "2,5"]));
}

#[test]
fn binary_and_empty_files_are_refused() {
    let err = read(b"PK\x03\x04\x00\x00").unwrap_err().to_string();
    assert!(err.contains(":1:5: byte 0x00 is not text"), "{err}");
    let err = read(b"a,b\n\xff\xfe").unwrap_err().to_string();
    assert!(err.contains(":2:1: byte 0xff is not text"), "{err}");
    let err = read(b"\xEF\xBB\xBF\n\n").unwrap_err().to_string();
    assert!(err.contains("the file is empty"), "{err}");
}

#[test]
fn a_format_names_its_telling_columns_at_once() {
    let header = Header::new(["Date", " exercise ", "Reps"].map(String::from).to_vec());
    assert_eq!(header.find_all(["Reps", "Date"]), Some([2, 0]));
    assert_eq!(header.find_all(["EXERCISE"]), Some([1]));
    assert_eq!(header.find_all(["Date", "Set Order"]), None);
}
