//! Dates are plausible (issue 14): a set or diary row dated before 1990 or more than 2 days
//! after today is a bad row, and `--from`, `--to` and `--at` outside that range are usage
//! errors. One far-off date used to stretch every per-day series to its span (a row dated
//! 9999-12-31 ran `report` past 10 minutes).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{file_names, fixture, stderr, stdout, strainscope};

const STRONG_HEADER: &str = "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (kg)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"";

/// A Strong v6 log: two squat sets on each of `days` (YYYY-MM-DD), in order.
fn strong_log(dir: &Path, days: &[&str]) -> String {
    let mut text = format!("{STRONG_HEADER}\n");
    for (i, day) in days.iter().enumerate() {
        for set in 1..=2 {
            text.push_str(&format!(
                "\"{}\";\"{day} 17:00:00\";\"Legs\";\"3600\";\"Squat (Barbell)\";\"{set}\";\"100.0\";\"5\";\"\";\"\";\"\";\"\";\"\"\n",
                i + 1
            ));
        }
    }
    let path = dir.join("strong.csv");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn diary(dir: &Path, rows: &str) -> String {
    let path = dir.join("diary.csv");
    std::fs::write(
        &path,
        format!("date,time,region,side,intensity,quality,symptoms,notes\n{rows}"),
    )
    .unwrap();
    path.to_str().unwrap().to_string()
}

/// Runs the binary, killing it after `limit`: a run that hangs fails the test instead of
/// hanging the suite.
fn within(limit: Duration, args: &[&str]) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_strainscope"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            return (child.wait_with_output().unwrap(), started.elapsed());
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("strainscope {args:?} ran past {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

const RANGE: &str = "expected a date from 1990-01-01 to 2026-12-05: today, 2026-12-03, plus 2 days; --today sets today";

#[test]
fn a_row_dated_9999_is_named_and_skipped_and_every_analysis_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let log = strong_log(
        dir.path(),
        &["2026-06-01", "2026-06-03", "2026-06-05", "9999-12-31"],
    );
    let pain = diary(dir.path(), "2026-06-04,,knee,,3,ache,,\n");
    let out_dir = dir.path().join("out");
    let pdf = dir.path().join("w.pdf");
    let named = format!(
        "warning: skipped {log}:8:2: \"9999-12-31 17:00:00\" in column \"Date\" is not valid ({RANGE})"
    );
    for args in [
        vec!["report", "--workouts", &log, "--pain", &pain],
        vec![
            "charts",
            "--workouts",
            &log,
            "--pain",
            &pain,
            "--out-dir",
            out_dir.to_str().unwrap(),
        ],
        vec![
            "weekly",
            "--workouts",
            &log,
            "--pain",
            &pain,
            "--week",
            "2026-W23",
            "--out",
            pdf.to_str().unwrap(),
        ],
    ] {
        let mut args = args.clone();
        args.extend(["--today", "2026-12-03"]);
        // Seconds, not minutes: the debug build of a 7-set log (1 s in release is the goal).
        let (out, _) = within(Duration::from_secs(20), &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(&named), "{args:?}: {}", stderr(&out));
    }
    let strict = strainscope(["import", &log, "--strict", "--today", "2026-12-03"]);
    assert_eq!(strict.status.code(), Some(3), "{}", stderr(&strict));
    assert!(
        stdout(&strict).contains("rejected   2 rows:"),
        "{}",
        stdout(&strict)
    );
}

/// Found by the fuzz campaign's robustness run: a JEFIT injury note (NOTES with a body part)
/// becomes a pain entry, and its date was not checked like a set's. One such note dated
/// 9999-12-31 stretched the calendar to 2.9 million days: 8.4 s and 1.9 GB for a 4.7 kB file.
#[test]
fn a_jefit_injury_note_dated_9999_is_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let backup = std::fs::read_to_string(fixture("jefit_backup.csv")).unwrap();
    let note = ",\"tight since the weekend\",,2025-03-08,";
    assert!(backup.contains(note));
    let backup = backup.replace(note, ",\"tight since the weekend\",,9999-12-31,");
    let log = dir.path().join("jefit.csv");
    std::fs::write(&log, backup).unwrap();
    let log = log.to_str().unwrap();
    let args = [
        "report",
        "--workouts",
        log,
        "--pain-from-notes",
        "--format",
        "json",
        "--today",
        "2026-12-03",
    ];
    let (out, _) = within(Duration::from_secs(20), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "warning: skipped {log}:119:9: \"9999-12-31\" in column \"mydate\" is not valid ({RANGE})"
        )),
        "{}",
        stderr(&out)
    );
    // The calendar runs from the first workout (2025-03-03) to the last pain entry, the
    // recovered back note of 2025-03-10: 8 days, not millions.
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let days = report["daily"].as_array().map(Vec::len);
    assert_eq!(days, Some(8), "{}", report["daily"]);
}

#[test]
fn today_is_settable_and_two_days_of_time_zones_are_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let log = strong_log(dir.path(), &["2016-12-01", "2017-01-02", "2017-01-03"]);
    let late = strainscope(["import", "--json", &log, "--today", "2016-12-31"]);
    let v: serde_json::Value = serde_json::from_slice(&late.stdout).unwrap();
    assert_eq!(v["sets"], 4, "{v}");
    assert_eq!(v["last_day"], "2017-01-02");
    assert_eq!(v["rejected"].as_array().unwrap().len(), 2);
    assert_eq!(v["rejected"][0]["line"], 6);
    assert_eq!(
        v["rejected"][0]["reason"],
        "\"2017-01-03 17:00:00\" in column \"Date\" is not valid (expected a date from 1990-01-01 to 2017-01-02: today, 2016-12-31, plus 2 days; --today sets today)"
    );
    let later = strainscope(["import", "--json", &log, "--today", "2017-01-01"]);
    let v: serde_json::Value = serde_json::from_slice(&later.stdout).unwrap();
    assert_eq!(v["sets"], 6, "{v}");
}

#[test]
fn diary_rows_before_1990_or_in_the_future_are_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let pain = diary(
        dir.path(),
        "2026-06-02,07:30,knee,,3,ache,,\n9999-12-31,,knee,,3,,,\n1989-12-31,,knee,,2,,,\n",
    );
    let out = strainscope(["pain", "check", &pain, "--today", "2026-12-03"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.contains("entries    1 (1 with pain > 0)"), "{s}");
    assert!(
        s.contains(&format!(
            "{pain}:3:1: \"9999-12-31\" in column \"date\" is not valid ({RANGE})"
        )),
        "{s}"
    );
    assert!(
        s.contains(&format!(
            "{pain}:4:1: \"1989-12-31\" in column \"date\" is not valid ({RANGE})"
        )),
        "{s}"
    );
    let strict = strainscope(["pain", "check", &pain, "--strict", "--today", "2026-12-03"]);
    assert_eq!(strict.status.code(), Some(3));
}

#[test]
fn from_to_and_at_outside_the_plausible_dates_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let log = strong_log(dir.path(), &["2026-06-01"]);
    for (option, value) in [("--from", "0001-01-01"), ("--to", "9999-12-31")] {
        let out = strainscope([
            "report",
            "--workouts",
            &log,
            option,
            value,
            "--today",
            "2026-12-03",
        ]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(
            stderr(&out),
            format!("error: {option} {value} is outside the plausible dates ({RANGE})\n")
        );
    }
    let pain = diary(dir.path(), "2026-06-02,07:30,knee,,3,ache,,\n");
    let before = std::fs::read_to_string(&pain).unwrap();
    let out = strainscope([
        "pain",
        "add",
        "--diary",
        &pain,
        "--region",
        "knee",
        "--intensity",
        "3",
        "--at",
        "9999-12-31 10:00",
        "--today",
        "2026-12-03",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!("error: --at 9999-12-31 is outside the plausible dates ({RANGE})\n")
    );
    assert_eq!(
        std::fs::read_to_string(&pain).unwrap(),
        before,
        "nothing appended"
    );
}

#[test]
fn all_weeks_writes_no_pdf_deep_inside_a_layoff() {
    let dir = tempfile::tempdir().unwrap();
    // Training in ISO weeks 2026-W10 and 2026-W22, nothing between.
    let log = strong_log(dir.path(), &["2026-03-02", "2026-03-04", "2026-05-25"]);
    let out_dir = dir.path().join("weeks");
    let out = strainscope([
        "--today",
        "2026-12-03",
        "weekly",
        "--all-weeks",
        "--workouts",
        &log,
        "--out-dir",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let names = file_names(&out_dir);
    // W10 and the 4 weeks after it (each compared with a week that had training), then W22;
    // W15–W21 would compare nothing with nothing.
    assert_eq!(
        names,
        ["W10", "W11", "W12", "W13", "W14", "W22"]
            .map(|w| format!("week-2026-{w}.pdf"))
            .to_vec()
    );
}
