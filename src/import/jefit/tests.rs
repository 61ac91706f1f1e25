use super::packs::*;
use super::sections::*;
use super::*;
use std::sync::Arc;

use crate::import::ImportOptions;

fn ctx(opts: &ImportOptions) -> RowContext<'_> {
    RowContext {
        file: Arc::from("b.csv"),
        opts,
    }
}

#[test]
fn section_lines_are_recognised_strictly() {
    assert_eq!(
        section_name("### EXERCISE LOGS ####################"),
        Some("EXERCISE LOGS")
    );
    assert_eq!(
        section_name("### EXERCISE SET LOGS"),
        Some("EXERCISE SET LOGS")
    );
    assert_eq!(section_name("#####################"), None);
    assert_eq!(section_name("### a comment ###"), None);
    assert_eq!(section_name("Date,Exercise"), None);
    assert!(is_section_end("######################################"));
    assert!(!is_section_end("### NOTES ###"));
}

#[test]
fn other_formats_are_not_taken_for_a_backup() {
    let opts = ImportOptions::default();
    assert!(read("Date,Exercise Name\n2025-01-01,Squat\n", &ctx(&opts)).is_none());
    assert!(read("\n\n# notes\n### NOTES ###\n", &ctx(&opts)).is_none());
    assert!(read("", &ctx(&opts)).is_none());
}

#[test]
fn a_backup_without_exercise_logs_is_a_file_error() {
    let opts = ImportOptions::default();
    let text = "\n### SETTING ###\n\nrow_id,mass\n1, kg\n\n###\n";
    let Some(Err(e)) = read(text, &ctx(&opts)) else {
        panic!("expected a file error");
    };
    assert!(e.to_string().contains("no EXERCISE LOGS table"), "{e}");
}

#[test]
fn sections_split_into_tables_with_physical_lines() {
    let text = "\n### EXERCISE LOGS ###\n\na,b\n1,2\n\nc,d\n3,\"x\n\ny\"\n4,5\n###\n\n### NOTES ###\n\nmynote,mydate\nhi,2026-01-01\n###\n\n### ROUTINES ###\n\na,b\n\"never closed\n";
    let sections = split_sections(text, "b.csv").unwrap().unwrap();
    assert_eq!(sections.len(), 3);
    // Sections strainscope does not read are not parsed (a broken quote there is harmless).
    assert!(sections[2].tables.is_empty());
    let logs = &sections[0];
    assert_eq!(logs.name, "EXERCISE LOGS");
    assert_eq!(logs.tables.len(), 2);
    assert_eq!(logs.tables[0].records[0].line, 5);
    // The blank line inside the quoted field does not end the table.
    let second = &logs.tables[1];
    assert_eq!(second.header.names, ["c", "d"]);
    assert_eq!(second.records.len(), 2);
    assert_eq!(&second.records[0].fields[1], "x\n\ny");
    assert_eq!(second.records[1].line, 11);
    assert_eq!(sections[1].tables[0].records[0].line, 17);
}

#[test]
fn an_unterminated_quote_names_its_line_in_the_whole_file() {
    let text = "\n### SETTING ###\n\nrow_id,mass\n1, kg\n###\n\n### NOTES ###\n\nmynote,mydate\n\"hi,2026-01-01\n";
    let err = split_sections(text, "b.csv")
        .unwrap()
        .unwrap_err()
        .to_string();
    assert!(err.contains("b.csv:11:1: unterminated quote"), "{err}");
}

#[test]
fn packed_strings_unpack_into_lifts_timed_sets_or_nothing() {
    let Some(Packed::Lifts(l)) = unpack("50.0x15,50.0x15,", false) else {
        panic!()
    };
    assert_eq!(l, [(50.0, 15.0), (50.0, 15.0)]);
    // Five pull-up sets are lifts; five numbers with zero first places are one timed set.
    assert!(matches!(
        unpack("0x8,0x7,0x6,0x6,0x5", false),
        Some(Packed::Lifts(_))
    ));
    let Some(Packed::Timed(t)) = unpack("0x0,0x0,0x0,0x10,0x15,0x0,0x0,0x0,0x10,0x20", false)
    else {
        panic!()
    };
    assert_eq!(t, [15.0, 20.0]);
    let Some(Packed::Timed(t)) = unpack("0x0.0,0x0.0,0x6.16,0x0,0x1200", false) else {
        panic!()
    };
    assert_eq!(t, [1200.0]);
    // A known cardio exercise must pack five numbers per set.
    assert!(unpack("0x0.0,0x0.0,0x6.16", true).is_none());
    assert!(unpack("0x0.0,0x0.0,0x6.16", false).is_none());
    assert!(unpack("50x", false).is_none());
    assert!(unpack("50*10", false).is_none());
    assert!(unpack("-5x10", false).is_none());
    assert!(unpack("50x8.5", false).is_none());
}

#[test]
fn the_record_column_tells_reps_only_exercises() {
    // 64.9998 x 5 → Epley 75.83: a load.
    assert_eq!(record_evidence(&[(64.9998, 5.0)], Some(75.83)), Some(false));
    // 80 x 10 → 106.666…, written cut: 106.66.
    assert_eq!(record_evidence(&[(80.0, 10.0)], Some(106.66)), Some(false));
    // A single: the weight itself.
    assert_eq!(record_evidence(&[(315.0, 1.0)], Some(315.0)), Some(false));
    // Push-ups with a placeholder 10: the record is the best reps.
    assert_eq!(
        record_evidence(&[(10.0, 16.0), (10.0, 15.0)], Some(16.0)),
        Some(true)
    );
    assert_eq!(record_evidence(&[(0.0, 16.0)], Some(16.0)), None);
    assert_eq!(record_evidence(&[(10.0, 16.0)], Some(0.0)), None);
    assert_eq!(record_evidence(&[(10.0, 16.0)], Some(99.0)), None);
}
