//! The terminal report's colour: on for a terminal or when forced, off under NO_COLOR, when
//! piped, and with --color never.

use std::process::Command;

use crate::support::*;

const ESC: &str = "\u{1b}[";

fn report(color: Option<&str>, env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_strainscope"));
    cmd.current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .args([
            "report",
            "--workouts",
            "sample_logs/strong.csv",
            "--pain",
            "sample_logs/pain_diary.csv",
        ]);
    if let Some(c) = color {
        cmd.args(["--color", c]);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn colour_is_off_when_piped_and_under_no_color() {
    // Piped (the test captures stdout): plain.
    let piped = report(None, &[]);
    assert!(!piped.contains(ESC));
    assert!(
        piped.contains("URGENT"),
        "the severity word is there without colour"
    );
    // CLICOLOR_FORCE stands in for a terminal: colour on, severity tags painted.
    let forced = report(None, &[("CLICOLOR_FORCE", "1")]);
    assert!(forced.contains("\u{1b}[1m\u{1b}[31mURGENT"), "{forced}");
    // NO_COLOR wins over CLICOLOR_FORCE.
    let no_color = report(None, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(!no_color.contains(ESC));
    assert_eq!(no_color, piped);
    // The flag wins over everything.
    assert!(!report(Some("never"), &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    let always = report(Some("always"), &[]);
    assert!(always.contains(ESC));
    // Colour changes nothing but the escape codes.
    let stripped = anstream::adapter::strip_str(&always).to_string();
    assert_eq!(stripped, piped);
}

#[test]
fn the_load_section_has_sparklines() {
    let text = report(None, &[]);
    let load = text
        .lines()
        .find(|l| l.trim_start().starts_with("load  "))
        .expect("a load sparkline");
    let sparks: String = load.trim_start()["load  ".len()..].to_string();
    assert!(sparks.chars().count() >= 10, "{load}");
    assert!(sparks.chars().all(|c| "▁▂▃▄▅▆▇█ ".contains(c)), "{load}");
    assert!(
        sparks.contains('█'),
        "the biggest week reaches the top: {load}"
    );
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("peak pain  "))
    );
}

#[test]
fn quiet_silences_warnings_about_skipped_rows_but_not_the_report() {
    let bad = fixture("bad_rows.csv");
    let loud = strainscope(["report", "--workouts", bad.to_str().unwrap()]);
    assert_eq!(loud.status.code(), Some(0), "{}", stderr(&loud));
    assert!(
        stderr(&loud).contains("warning: skipped"),
        "{}",
        stderr(&loud)
    );
    assert!(stderr(&loud).contains("\"8O\""), "{}", stderr(&loud));
    let quiet = strainscope(["--quiet", "report", "--workouts", bad.to_str().unwrap()]);
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(stderr(&quiet), "");
    assert_eq!(stdout(&quiet), stdout(&loud));
    // The report still says rows were skipped.
    assert!(stdout(&quiet).contains("bad input rows were skipped"));
}
