//! Outputs never harm anything: an output path that is an input is refused, devices and pipes
//! are written into, temporary files never stay, a full or closed stdout never panics, and
//! every write error keeps the operating system's reason.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::*;

/// Runs the binary in `dir`, with stdout sent to `stdout`.
fn run_in(dir: &Path, args: &[&str], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_strainscope"))
        .args(args)
        .current_dir(dir)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("the strainscope binary runs")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_in(dir, args, Stdio::piped())
}

/// stdout on /dev/full: every write fails with ENOSPC.
fn full() -> Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
        .into()
}

/// A directory with the sample Strong export as `in.csv`, the sample diary as `diary.csv`,
/// and a config naming both.
fn inputs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("sample_logs/strong.csv"),
        dir.path().join("in.csv"),
    )
    .unwrap();
    std::fs::copy(
        root().join("sample_logs/pain_diary.csv"),
        dir.path().join("diary.csv"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("strainscope.toml"),
        "[inputs]\nworkouts = [\"in.csv\"]\npain = \"diary.csv\"\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("x")).unwrap();
    dir
}

/// The refusal: exit 2, the message naming both paths, and the input byte for byte as before.
#[track_caller]
fn assert_refused(dir: &Path, out: &Output, message: &str, input: &str, before: &[u8]) {
    assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
    assert_eq!(stderr(out), format!("error: {message}\n"));
    assert_eq!(std::fs::read(dir.join(input)).unwrap(), before);
}

#[test]
fn report_out_onto_a_workout_export_is_refused() {
    let dir = inputs();
    let before = std::fs::read(dir.path().join("in.csv")).unwrap();
    let out = run(
        dir.path(),
        &["report", "--workouts", "in.csv", "--out", "./x/../in.csv"],
    );
    assert_refused(
        dir.path(),
        &out,
        "--out ./x/../in.csv is the workout export in.csv: strainscope never writes over a file it reads (expected another path for --out)",
        "in.csv",
        &before,
    );
}

#[cfg(unix)]
#[test]
fn report_out_onto_a_hard_link_of_the_diary_is_refused() {
    let dir = inputs();
    std::fs::hard_link(dir.path().join("diary.csv"), dir.path().join("x/copy.csv")).unwrap();
    let before = std::fs::read(dir.path().join("diary.csv")).unwrap();
    let out = run(
        dir.path(),
        &[
            "report",
            "--workouts",
            "in.csv",
            "--pain",
            "diary.csv",
            "--out",
            "x/copy.csv",
        ],
    );
    assert_refused(
        dir.path(),
        &out,
        "--out x/copy.csv is the pain diary diary.csv: strainscope never writes over a file it reads (expected another path for --out)",
        "diary.csv",
        &before,
    );
}

#[test]
fn report_out_onto_the_config_is_refused() {
    let dir = inputs();
    let before = std::fs::read(dir.path().join("strainscope.toml")).unwrap();
    let out = run(
        dir.path(),
        &["report", "--format", "md", "--out", "strainscope.toml"],
    );
    assert_refused(
        dir.path(),
        &out,
        "--out strainscope.toml is the config strainscope.toml: strainscope never writes over a file it reads (expected another path for --out)",
        "strainscope.toml",
        &before,
    );
}

#[test]
fn import_out_onto_its_input_is_refused() {
    let dir = inputs();
    let before = std::fs::read(dir.path().join("in.csv")).unwrap();
    let out = run(dir.path(), &["import", "in.csv", "--out", "in.csv"]);
    assert_refused(
        dir.path(),
        &out,
        "--out in.csv is the workout export in.csv: strainscope never writes over a file it reads (expected another path for --out)",
        "in.csv",
        &before,
    );
    // `-` is stdout, never a file.
    let out = run(dir.path(), &["import", "in.csv", "--out", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("workout_id,"), "{}", stdout(&out));
}

#[test]
fn weekly_out_onto_the_diary_is_refused() {
    let dir = inputs();
    let before = std::fs::read(dir.path().join("diary.csv")).unwrap();
    let out = run(dir.path(), &["weekly", "--out", "diary.csv"]);
    assert_refused(
        dir.path(),
        &out,
        "--out diary.csv is the pain diary diary.csv: strainscope never writes over a file it reads (expected another path for --out)",
        "diary.csv",
        &before,
    );
}

/// The week PDFs are named after the weeks; an export saved under such a name is refused
/// before any PDF is written.
#[test]
fn weekly_all_weeks_onto_an_input_is_refused() {
    let dir = inputs();
    std::fs::rename(
        dir.path().join("in.csv"),
        dir.path().join("x/week-2026-W30.pdf"),
    )
    .unwrap();
    let before = std::fs::read(dir.path().join("x/week-2026-W30.pdf")).unwrap();
    let out = run(
        dir.path(),
        &[
            "weekly",
            "--workouts",
            "x/week-2026-W30.pdf",
            "--all-weeks",
            "--out-dir",
            "x",
        ],
    );
    assert_refused(
        dir.path(),
        &out,
        "--out-dir x/week-2026-W30.pdf is the workout export x/week-2026-W30.pdf: strainscope never writes over a file it reads (expected another path for --out-dir)",
        "x/week-2026-W30.pdf",
        &before,
    );
    let names = file_names(&dir.path().join("x"));
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn charts_out_dir_onto_an_input_is_refused() {
    let dir = inputs();
    std::fs::rename(dir.path().join("in.csv"), dir.path().join("x/load.svg")).unwrap();
    let before = std::fs::read(dir.path().join("x/load.svg")).unwrap();
    let out = run(
        dir.path(),
        &["charts", "--workouts", "x/load.svg", "--out-dir", "x/."],
    );
    assert_refused(
        dir.path(),
        &out,
        "--out-dir x/./load.svg is the workout export x/load.svg: strainscope never writes over a file it reads (expected another path for --out-dir)",
        "x/load.svg",
        &before,
    );
    let names = file_names(&dir.path().join("x"));
    assert_eq!(names.len(), 1, "{names:?}");
}

/// A write error says why, in the operating system's words, and leaves no temporary file.
#[test]
fn an_output_that_cannot_be_written_gives_the_reason_and_leaves_nothing() {
    let dir = inputs();
    std::fs::create_dir(dir.path().join("adir")).unwrap();
    let out = run(dir.path(), &["report", "--out", "adir"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot write adir: Is a directory (os error 21)\n"
    );
    let names = file_names(dir.path());
    assert_eq!(
        names,
        ["adir", "diary.csv", "in.csv", "strainscope.toml", "x"]
    );
}

/// A temporary file a killed run left behind (older than a minute) is removed by the next
/// write into its directory; a fresh one, which may be another run's, is left alone.
#[test]
fn stale_temporary_files_are_removed_by_the_next_write() {
    let dir = inputs();
    let old = dir.path().join("x/.strainscope-tmp-Ab12cd");
    let old_dir = dir.path().join("x/.strainscope-tmp-Zz99yy");
    let fresh = dir.path().join("x/.strainscope-tmp-Fresh1");
    let mine = dir.path().join("x/.strainscope-notes");
    for f in [&old, &fresh, &mine] {
        std::fs::write(f, "half a report").unwrap();
    }
    std::fs::create_dir(&old_dir).unwrap();
    std::fs::write(old_dir.join("load.png"), "half a chart").unwrap();
    let two_minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    for f in [&old, &mine] {
        std::fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(two_minutes_ago)
            .unwrap();
    }
    std::fs::File::open(&old_dir)
        .unwrap()
        .set_modified(two_minutes_ago)
        .unwrap();
    let out = run(dir.path(), &["report", "--format", "md", "--out", "x/r.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!old.exists() && !old_dir.exists());
    assert!(fresh.exists() && mine.exists());
    assert!(
        std::fs::read_to_string(dir.path().join("x/r.md"))
            .unwrap()
            .starts_with("# strainscope report")
    );
}

/// The charts arrive as a whole set or not at all: when one cannot be written, every old
/// chart is left as it was and no temporary directory stays.
#[test]
fn charts_are_written_all_or_none() {
    let dir = inputs();
    let charts = dir.path().join("c");
    std::fs::create_dir(&charts).unwrap();
    std::fs::write(charts.join("load.png"), "old chart").unwrap();
    std::fs::create_dir(charts.join("progress.svg")).unwrap();
    let out = run(dir.path(), &["charts", "--out-dir", "c"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot write c/progress.svg: it is a directory (nothing of the new set was written)\n"
    );
    let names = file_names(&charts);
    assert_eq!(names, ["load.png", "progress.svg"]);
    assert_eq!(
        std::fs::read(charts.join("load.png")).unwrap(),
        b"old chart"
    );

    std::fs::remove_dir(charts.join("progress.svg")).unwrap();
    let out = run(dir.path(), &["charts", "--out-dir", "c"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 10, "{}", stdout(&out));
    assert_eq!(std::fs::read_dir(&charts).unwrap().count(), 10);
    assert!(
        std::fs::read(charts.join("load.png"))
            .unwrap()
            .starts_with(b"\x89PNG")
    );
}

#[test]
fn a_full_stdout_is_an_error_with_its_reason() {
    let dir = inputs();
    let out = run_in(dir.path(), &["report"], full());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot write to standard output: No space left on device (os error 28)\n"
    );
}

#[test]
fn help_on_a_full_stdout_fails() {
    let dir = inputs();
    let out = run_in(dir.path(), &["--help"], full());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot write the help: No space left on device (os error 28)\n"
    );
    let out = run(dir.path(), &["--help"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Exit codes:"));
}

/// The PDF is written; the line that says so cannot be: an error exit, not a panic (101) or
/// an abort (134).
#[test]
fn weekly_on_a_full_stdout_is_an_error_not_a_panic() {
    let dir = inputs();
    let out = run_in(dir.path(), &["weekly", "--out", "w.pdf"], full());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot write to standard output: No space left on device (os error 28)\n"
    );
    assert!(
        std::fs::read(dir.path().join("w.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
}

/// `weekly --all-weeks | head -1`: the reader is gone before the first line, and the run
/// still writes every week's PDF, then ends quietly with exit 0.
#[test]
fn weekly_all_weeks_into_a_closed_pipe_writes_every_week_and_ends_quietly() {
    let dir = inputs();
    let full_run = run(dir.path(), &["weekly", "--all-weeks", "--out-dir", "all"]);
    assert_eq!(full_run.status.code(), Some(0), "{}", stderr(&full_run));
    let weeks = stdout(&full_run).lines().count();
    assert_eq!(weeks, 25, "{}", stdout(&full_run));

    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = run_in(
        dir.path(),
        &["weekly", "--all-weeks", "--out-dir", "w"],
        writer.into(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert_eq!(
        std::fs::read_dir(dir.path().join("w")).unwrap().count(),
        weeks
    );
}

/// `pain add > /dev/full`: the entry is appended once and the run succeeds, so nobody retries
/// and adds it twice.
#[test]
fn pain_add_on_a_full_stdout_appends_once_and_succeeds() {
    let dir = inputs();
    let before = std::fs::read_to_string(dir.path().join("diary.csv")).unwrap();
    let out = run_in(
        dir.path(),
        &[
            "pain",
            "add",
            "--diary",
            "diary.csv",
            "--region",
            "knee",
            "--intensity",
            "3",
            "--at",
            "2026-08-14 09:30",
        ],
        full(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(dir.path().join("diary.csv")).unwrap();
    assert_eq!(
        after.strip_prefix(before.as_str()),
        Some("2026-08-14,09:30,knee,,3,,,\n")
    );
}

/// Warnings that cannot reach a full stderr are dropped: the report still arrives, exit 0.
#[test]
fn a_full_stderr_never_stops_the_report() {
    let dir = inputs();
    let mut log = std::fs::read_to_string(dir.path().join("in.csv")).unwrap();
    log.push_str("\"9\";\"not a date\";\"W\";\"1\";\"Squat (Barbell)\";\"1\";\"100\";\"5\";\"\";\"\";\"\";\"\";\"\"\n");
    std::fs::write(dir.path().join("in.csv"), log).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_strainscope"))
        .args(["report", "--format", "md"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).starts_with("# strainscope report"),
        "{}",
        stdout(&out)
    );
    // The same run with a readable stderr does warn: the warning was there to be dropped.
    let out = run(dir.path(), &["report", "--format", "md"]);
    assert!(stderr(&out).contains("\"not a date\""), "{}", stderr(&out));
}
