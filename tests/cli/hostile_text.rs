//! Issue 14: control bytes in the user's notes and names are shown as escapes, never sent to
//! a terminal, a Markdown file or a PDF; a huge bad value is echoed cut short.

use crate::support::*;

const HOSTILE: &str = "bad \x1b[2J\x1b]0;pwn\x07 end";
const SHOWN: &str = r#"(note: "bad \x1b[2J\x1b]0;pwn\x07 end")"#;

/// The sample diary and a red-flag entry on its last day whose note clears the screen and sets
/// the window title.
fn hostile_diary(dir: &std::path::Path) -> std::path::PathBuf {
    let diary = std::fs::read_to_string(root().join("sample_logs/pain_diary.csv")).unwrap();
    let path = dir.join("diary.csv");
    std::fs::write(
        &path,
        format!("{diary}2026-11-07,09:00,lower-back,,6,sharp,saddle-numbness,\"{HOSTILE}\"\n"),
    )
    .unwrap();
    path
}

fn no_raw_controls(text: &str, what: &str) {
    assert!(
        !text.contains(['\x1b', '\x07']),
        "{what} holds a raw control byte"
    );
}

#[test]
fn a_red_flag_note_with_escape_codes_is_shown_as_escapes_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let diary = hostile_diary(dir.path());
    let diary = diary.to_str().unwrap();
    // Markdown escapes the backslashes and brackets, so it renders as the others read.
    let markdown = r#"(note: "bad \\x1b\[2J\\x1b\]0;pwn\\x07 end")"#;
    let html = r#"(note: &quot;bad \x1b[2J\x1b]0;pwn\x07 end&quot;)"#;
    for (format, shown) in [("text", SHOWN), ("markdown", markdown), ("html", html)] {
        let out = sample_report_with(diary, format);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        no_raw_controls(&text, format);
        assert!(text.contains(shown), "{format}: {text}");
    }
    // The JSON keeps the note exact: serde escapes it.
    let out = sample_report_with(diary, "json");
    assert!(stdout(&out).contains(r"bad \u001b[2J\u001b]0;pwn\u0007 end"));

    let pdf = dir.path().join("w.pdf");
    let out = strainscope([
        "weekly",
        "--workouts",
        "sample_logs/strong.csv",
        "sample_logs/hevy.csv",
        "--pain",
        diary,
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    no_raw_controls(&text, "the PDF text");
    assert!(text.contains(SHOWN), "{text}");
}

#[test]
fn a_file_name_with_an_escape_is_shown_as_one_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("log\x1b]0;pwn\x07.csv");
    std::fs::write(&name, "what,ever\n1,2\n").unwrap();
    let out = strainscope(["report".as_ref(), "--workouts".as_ref(), name.as_os_str()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    no_raw_controls(&err, "the error");
    assert!(
        err.contains(r"log\x1b]0;pwn\x07.csv:1:1: unknown header"),
        "{err}"
    );
}

#[test]
fn a_workout_note_with_an_escape_and_a_huge_bad_cell_are_echoed_safely() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("strong.csv");
    let mut text = std::fs::read_to_string(root().join("sample_logs/strong.csv")).unwrap();
    let header = text.lines().next().unwrap().to_string();
    let weight = header
        .split(';')
        .position(|c| c.trim_matches('"') == "Weight (kg)")
        .unwrap();
    let mut row: Vec<String> = text
        .lines()
        .nth(1)
        .unwrap()
        .split(';')
        .map(String::from)
        .collect();
    row[weight] = format!("\"{}\"", "9x".repeat(50_000));
    let notes = header
        .split(';')
        .position(|c| c.trim_matches('"') == "Notes")
        .unwrap();
    row[notes] = format!("\"{HOSTILE}\"");
    text.push_str(&row.join(";"));
    text.push('\n');
    std::fs::write(&csv, text).unwrap();
    let out = strainscope(["import".as_ref(), csv.as_os_str()]);
    let all = stdout(&out) + &stderr(&out);
    no_raw_controls(&all, "import's output");
    let line = all
        .lines()
        .find(|l| l.contains("9x9x"))
        .unwrap_or_else(|| panic!("the bad cell is named: {all}"));
    assert!(
        line.contains(&format!("\"{}…\"", "9x".repeat(40))),
        "{line}"
    );
    assert!(
        line.chars().count() < 300,
        "{} characters",
        line.chars().count()
    );
}

#[test]
fn import_and_pain_check_show_a_file_name_with_an_escape_as_one() {
    let dir = tempfile::tempdir().unwrap();
    for (source, command) in [
        ("sample_logs/strong.csv", &["import"][..]),
        ("sample_logs/pain_diary.csv", &["pain", "check"][..]),
    ] {
        let name = dir.path().join("log\x1b]0;pwn\x07.csv");
        std::fs::copy(root().join(source), &name).unwrap();
        let mut args: Vec<std::ffi::OsString> = command.iter().map(Into::into).collect();
        args.push(name.into_os_string());
        let out = strainscope(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        no_raw_controls(&text, command[0]);
        assert!(text.contains(r"log\x1b]0;pwn\x07.csv"), "{text}");
    }
}

#[test]
fn an_output_folder_with_an_escape_code_is_named_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("charts\x1b[2J");
    let out = strainscope([
        "charts".as_ref(),
        "--workouts".as_ref(),
        "sample_logs/strong.csv".as_ref(),
        "--pain".as_ref(),
        "sample_logs/pain_diary.csv".as_ref(),
        "--out-dir".as_ref(),
        out_dir.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    no_raw_controls(&text, "charts");
    assert!(text.contains(r"charts\x1b[2J/"), "{text}");
}
