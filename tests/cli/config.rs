//! A weekly run needs only the config: it names the inputs (relative to itself) and the
//! declared conditions.

use serde_json::Value;

use crate::support::*;

#[test]
fn the_sample_config_names_the_inputs_and_declares_a_herniated_disc() {
    let out = strainscope([
        "--config",
        "sample_logs/strainscope.toml",
        "report",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["sessions"], 134, "both exports were read");
    assert_eq!(v["counts"]["pain_entries"], 59, "the diary was read");
    let condition: Vec<&Value> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == "declared-condition")
        .collect();
    assert_eq!(condition.len(), 1, "{condition:?}");
    assert_eq!(
        condition[0]["message"],
        "Declared herniated disc: heavy sets of Back squat in the log"
    );
    assert_eq!(condition[0]["exercises"], serde_json::json!(["back-squat"]));

    // Without the declaration, no such warning; same inputs from the command line.
    let p = sample_report_json();
    assert_eq!(p["counts"], v["counts"]);
    assert!(
        p["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["kind"] != "declared-condition")
    );
}

#[test]
fn a_config_in_the_working_directory_is_found_and_its_errors_name_the_key() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["strong.csv", "pain_diary.csv"] {
        std::fs::copy(root().join("sample_logs").join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("strainscope.toml"),
        "[inputs]\nworkouts = [\"strong.csv\"]\npain = \"pain_diary.csv\"\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_strainscope"))
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["report", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["sessions"], 67);

    std::fs::write(
        dir.path().join("strainscope.toml"),
        "[inputs]\nworkouts = [\"strong.csv\"]\n\n[conditions]\ndeclared = [\"bad knee\"]\n",
    )
    .unwrap();
    let out = run(&["report"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("strainscope.toml"), "{err}");
    assert!(err.contains("\"bad knee\" is not a condition"), "{err}");
    assert!(
        err.contains("herniated-disc"),
        "lists what is accepted: {err}"
    );

    std::fs::write(dir.path().join("strainscope.toml"), "[input]\n").unwrap();
    let out = run(&["report"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown field `input`"),
        "{}",
        stderr(&out)
    );

    // No workouts anywhere: a usage error that says where they can come from.
    std::fs::write(dir.path().join("strainscope.toml"), "").unwrap();
    let out = run(&["report"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("[inputs]"), "{}", stderr(&out));
}

#[test]
fn a_broken_config_stops_only_the_commands_that_read_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("strainscope.toml"), "[import]\nunit = \n").unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_strainscope"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["--help"],
        &["--version"],
        &[
            "pain",
            "add",
            "--diary",
            "d.csv",
            "--region",
            "knee",
            "--intensity",
            "3",
        ],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    let diary = std::fs::read_to_string(dir.path().join("d.csv")).unwrap();
    assert!(diary.ends_with(",knee,,3,,,\n"), "{diary}");
    let out = run(&["pain", "check", "d.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // The commands that read exports stop at the config, before any input (x.csv is missing).
    for args in [
        &["report", "--workouts", "x.csv"][..],
        &["import", "x.csv"],
        &["charts", "--workouts", "x.csv", "--out-dir", "charts"],
        &["weekly", "--workouts", "x.csv", "--out", "w.pdf"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with("error: strainscope.toml: line 2: "),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    assert!(!dir.path().join("charts").exists());
}

#[test]
fn a_bad_value_stops_every_command_that_reads_the_config_naming_key_line_and_what_is_allowed() {
    // Checked once at load, whatever the command uses: `import` needs no thresholds.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("strainscope.toml");
    let csv = root().join("sample_logs/strong.csv");
    let csv = csv.to_str().unwrap();
    let config_arg = config.to_str().unwrap();
    std::fs::write(&config, "# weekly\n[thresholds]\nwindow_h = 0\n").unwrap();
    let out = strainscope(["--config", config_arg, "import", csv]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "error: {}: line 3: thresholds.window_h must be from 1 to 8760 hours, not 0\n",
            config.display()
        )
    );

    std::fs::write(&config, "[import]\nunit = \"kg\"\ntz = \"Berlin\"\n").unwrap();
    let out = strainscope(["--config", config_arg, "report", "--workouts", csv]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "error: {}: line 3: import.tz = \"Berlin\" is not a time zone (expected an IANA name such as \"Europe/Berlin\" or \"UTC\")\n",
            config.display()
        )
    );
    // A flag does not excuse a bad value in the file: the file is wrong either way.
    let out = strainscope([
        "--config",
        config_arg,
        "report",
        "--workouts",
        csv,
        "--tz",
        "UTC",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 3: import.tz"),
        "{}",
        stderr(&out)
    );
}

/// Issue 14: thresholds that overflowed a date (exit 101) or were taken silently. Each now
/// ends `report` with a usage error naming the key, its line, the value and the range.
#[test]
fn hostile_thresholds_are_usage_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("strainscope.toml");
    for (value, says) in [
        (
            "window_h = 4294967295",
            "window_h must be from 1 to 8760 hours, not 4294967295",
        ),
        (
            "lag_windows_h = [4294967295]",
            "lag_windows_h must be from 1 to 8760 hours, not 4294967295",
        ),
        (
            "soreness_max_h = inf",
            "soreness_max_h must be from 0 to 8760 hours, not inf",
        ),
        (
            "soreness_max_h = 1e300",
            "soreness_max_h must be from 0 to 8760 hours, not 1e300",
        ),
        (
            "change_warning_pct = nan",
            "change_warning_pct must be from 0 to 10000 %, not NaN",
        ),
        (
            "acwr_low = -1",
            "acwr_low must be above 0 and at most 100, not -1",
        ),
        (
            "short_rest_h = -1",
            "short_rest_h must be from 0 to 8760 hours, not -1",
        ),
        (
            "heavy_share = -2",
            "heavy_share must be from 0 to 1, not -2",
        ),
        (
            "persistent_days = 0",
            "persistent_days must be from 1 to 365 days, not 0",
        ),
    ] {
        std::fs::write(&config, format!("[thresholds]\n{value}\n")).unwrap();
        let out = strainscope([
            "--config".as_ref(),
            config.as_os_str(),
            "report".as_ref(),
            "--workouts".as_ref(),
            "sample_logs/strong.csv".as_ref(),
            "--pain".as_ref(),
            "sample_logs/pain_diary.csv".as_ref(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{value}: {}", stderr(&out));
        assert_eq!(
            stderr(&out),
            format!("error: {}: line 2: thresholds.{says}\n", config.display()),
            "{value}"
        );
        assert!(out.stdout.is_empty(), "{value}");
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("w.pdf");
    for args in [
        vec![
            "--config",
            "sample_logs/strainscope.toml",
            "report",
            "--format",
            "md",
        ],
        vec![
            "--config",
            "sample_logs/strainscope.toml",
            "weekly",
            "--out",
            pdf.to_str().unwrap(),
        ],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_strainscope"))
            .args(&args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the first byte is written, as `| true` does.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!err.contains("Broken pipe"), "{err}");
    }
}

#[test]
fn changed_thresholds_change_the_words_of_the_findings() {
    // The sample logs with the thresholds their findings quote, changed.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("strainscope.toml");
    let root = root();
    std::fs::write(
        &config,
        format!(
            "[inputs]\nworkouts = [\"{0}/sample_logs/strong.csv\", \"{0}/sample_logs/hevy.csv\"]\npain = \"{0}/sample_logs/pain_diary.csv\"\n\n[thresholds]\nchange_info_pct = 15\nsame_region_gap_h = 36\ntraining_through_pain_above = 4\nsoreness_min_h = 10\n",
            root.display()
        ),
    )
    .unwrap();
    let out = strainscope([
        "--config",
        config.to_str().unwrap(),
        "report",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let words: String = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| {
            let mut t = vec![w["message"].to_string(), w["explanation"].to_string()];
            t.extend(
                w["advice"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.to_string()),
            );
            t
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(words.contains("about 15 % a week at most"), "{words}");
    assert!(!words.contains("about 10 % a week"), "{words}");
    assert!(words.contains("needs about 36 hours to recover"), "{words}");
    assert!(words.contains("pain is above 4/10"), "{words}");
    assert!(words.contains("mild, 10–72 h"), "{words}");
}
