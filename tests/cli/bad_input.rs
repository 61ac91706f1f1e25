//! Every bad input gets one line naming the file, line, column, value and what was expected,
//! and the documented exit code. Nothing panics.

use crate::support::*;

/// Runs `import FILE`, returning (exit code, stderr).
fn import_err(path: &str, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["import", path];
    args.extend_from_slice(extra);
    let out = strainscope(&args);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code(), err)
}

#[test]
fn unreadable_files_fail_in_every_mode_with_exit_3() {
    let missing = fixture("no_such_file.csv");
    let dir = fixture("");
    let cases = [
        (
            missing.to_str().unwrap().to_string(),
            "no_such_file.csv: no such file (expected a CSV export or pain diary)",
        ),
        (
            dir.to_str().unwrap().trim_end_matches('/').to_string(),
            "fixtures: is a directory (expected a CSV file)",
        ),
        (
            fixture("empty.csv").to_str().unwrap().to_string(),
            "empty.csv: the file is empty (expected a CSV export starting with a header line)",
        ),
        (
            fixture("binary.csv").to_str().unwrap().to_string(),
            "binary.csv:1:6: byte 0x00 is not text (expected a UTF-8 CSV file",
        ),
        (
            fixture("unterminated.csv").to_str().unwrap().to_string(),
            "unterminated.csv:2:12: unterminated quote: the quoted field \"\\\"Squat,5\" that opens here never closes (expected a closing \")",
        ),
        (
            fixture("unknown_header.csv").to_str().unwrap().to_string(),
            "unknown_header.csv:1:1: unknown header \"Datum,Übung,Gewicht\" (expected the export of a supported app",
        ),
    ];
    for (path, message) in &cases {
        for extra in [&[][..], &["--strict"][..], &["--json"][..]] {
            let (code, err) = import_err(path, extra);
            assert_eq!(code, Some(3), "{path} {extra:?}: {err}");
            assert!(err.starts_with("error: "), "{err}");
            assert!(
                err.contains(message),
                "{path}: expected {message:?} in {err:?}"
            );
            assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        }
    }
    let (_, err) = import_err(fixture("unknown_header.csv").to_str().unwrap(), &[]);
    assert!(err.contains("hint: name the columns with --map"), "{err}");
}

#[test]
fn every_unreadable_file_is_reported_not_just_the_first() {
    let out = strainscope([
        "import",
        fixture("empty.csv").to_str().unwrap(),
        fixture("strong_v6.csv").to_str().unwrap(),
        fixture("binary.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("empty.csv: the file is empty"), "{err}");
    assert!(err.contains("binary.csv:1:6"), "{err}");
}

#[test]
fn bad_rows_are_reported_skipped_and_fatal_only_with_strict() {
    let path = fixture("bad_rows.csv");
    let out = strainscope(["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    let p = path.to_str().unwrap();
    let expected = [
        format!(
            "{p}:2:7: \"8O\" in column \"Weight (kg)\" is not valid (expected a weight from 0 to 1000 kg, such as 82.5)"
        ),
        format!(
            "{p}:3:8: \"ten\" in column \"Reps\" is not valid (expected a number of reps from 0 to 1000, such as 8)"
        ),
        format!(
            "{p}:4:7: \"-5\" in column \"Weight (kg)\" is not valid (expected a weight from 0 to 1000 kg, such as 82.5)"
        ),
        format!(
            "{p}:5:7: \"1200\" in column \"Weight (kg)\" is not valid (expected a weight from 0 to 1000 kg, such as 82.5)"
        ),
        format!(
            "{p}:6:8: \"1001\" in column \"Reps\" is not valid (expected a number of reps from 0 to 1000, such as 8)"
        ),
        format!(
            "{p}:7:2: \"2025-02-30 15:10:32\" in column \"Date\" is not valid (expected a date such as 2024-05-29 06:45:21)"
        ),
    ];
    for line in &expected {
        assert!(s.contains(line.as_str()), "missing {line:?} in\n{s}");
    }
    assert!(s.contains("rejected   6 rows:"), "{s}");
    assert!(s.contains("sets       7 (0 warm-up)"), "{s}");

    let v = import_json(&[&path], &[]);
    assert_eq!(v["rejected"].as_array().unwrap().len(), 6);
    assert_eq!(v["rejected"][0]["line"], 2);
    assert_eq!(v["rejected"][0]["file"], p);
    assert_eq!(
        v["rejected"][0]["reason"],
        "\"8O\" in column \"Weight (kg)\" is not valid (expected a weight from 0 to 1000 kg, such as 82.5)"
    );

    let strict = strainscope(["import", p, "--strict"]);
    assert_eq!(strict.status.code(), Some(3));
    assert!(
        stderr(&strict).contains("6 bad rows (--strict)"),
        "{}",
        stderr(&strict)
    );
}

#[test]
fn diary_rejects_bad_intensity_and_unknown_region() {
    let dir = tempfile::tempdir().unwrap();
    let diary = dir.path().join("diary.csv");
    std::fs::write(
        &diary,
        "date,time,region,side,intensity,quality,symptoms,notes\n\
         2026-06-02,07:30,lower-back,,11,,,\n\
         2026-06-03,,elbowz,,3,,,\n\
         2026-06-31,,knee,,3,,,\n\
         2026-06-04,,knee,,3,,,\n",
    )
    .unwrap();
    let p = diary.to_str().unwrap();
    let out = strainscope(["pain", "check", p]);
    assert_eq!(out.status.code(), Some(0));
    let s = stdout(&out);
    assert!(s.contains(&format!("{p}:2:5: \"11\" in column \"intensity\" is not valid (expected a whole number from 0 to 10)")), "{s}");
    assert!(s.contains(&format!("{p}:3:3: \"elbowz\" in column \"region\" is not valid (expected a body region: neck, shoulder, upper-back, lower-back")), "{s}");
    assert!(s.contains(&format!("{p}:4:1: \"2026-06-31\" in column \"date\" is not valid (expected a date such as 2026-06-02)")), "{s}");
    assert!(s.contains("entries    1 (1 with pain > 0)"), "{s}");
    let strict = strainscope(["pain", "check", p, "--strict"]);
    assert_eq!(strict.status.code(), Some(3));
}

#[test]
fn usage_errors_exit_2_and_help_documents_exit_codes() {
    let out = strainscope(["import"]);
    assert_eq!(out.status.code(), Some(2));
    let out = strainscope(["import", "x.csv", "--unit", "stone"]);
    assert_eq!(out.status.code(), Some(2));
    let help = stdout(&strainscope(["--help"]));
    assert!(help.contains("Exit codes:"), "{help}");
    assert!(help.contains("3  bad input"), "{help}");
    let help = stdout(&strainscope(["import", "--help"]));
    assert!(help.contains("--unit"), "{help}");
    assert!(help.contains("Examples:"), "{help}");
}

#[test]
fn completions_and_man_page_come_from_the_clap_definition() {
    let bash = strainscope(["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0));
    let script = stdout(&bash);
    assert!(script.contains("_strainscope()"), "{script}");
    assert!(
        script.contains("--pain-from-notes"),
        "report flags are completed"
    );
    let man = strainscope(["man"]);
    assert_eq!(man.status.code(), Some(0));
    let page = stdout(&man);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq") || page.contains(".TH strainscope"),
        "{page}"
    );
    assert!(
        page.contains("Exit codes"),
        "the man page documents exit codes"
    );
}
