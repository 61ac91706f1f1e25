use std::path::PathBuf;

use clap::Parser;

use super::*;
use crate::cli::{Cli, Command};
use crate::model::{Condition, WeightUnit};

fn parse(text: &str) -> Result<Settings, ConfigError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strainscope.toml");
    std::fs::write(&path, text).unwrap();
    load(Some(&path))
}

/// `text` is refused with an error that says `says`.
fn refused(text: &str, says: &str) {
    let err = parse(text).unwrap_err().to_string();
    assert!(err.contains(says), "{err}");
}

/// The settings of `strainscope report ARGS…` over `file`, as `app::run` builds them.
fn report_settings(file: Settings, args: &[&str]) -> Settings {
    let cli = Cli::try_parse_from(["strainscope", "report"].iter().chain(args)).unwrap();
    let Command::Report(report) = cli.command else {
        unreachable!("parsed a report")
    };
    file.with_analysis_flags(&report.input)
}

#[test]
fn unknown_keys_are_errors_that_name_the_key() {
    refused(
        "[import]\nunits = \"lb\"\n",
        "line 2: unknown field `units`",
    );
    refused("[imports]\n", "unknown field `imports`");
}

#[test]
fn values_are_validated_once_at_load_and_name_their_line() {
    refused(
        "# weekly runs\n[import]\ntz = \"UTC\"\nunit = \"stone\"\n",
        "strainscope.toml: line 4: import.unit = \"stone\" is not a unit (expected \"kg\" or \"lb\")",
    );
    let s = parse("[import]\nunit = \"lb\"\ntz = \"Europe/Berlin\"\n").unwrap();
    assert_eq!(s.import.unit, Some(WeightUnit::Lb));
    assert_eq!(s.import.tz, chrono_tz::Europe::Berlin);
    refused(
        "[import]\ntz = \"Mars/Olympus\"\n",
        "line 2: import.tz = \"Mars/Olympus\" is not a time zone (expected an IANA name",
    );
    refused(
        "[exercises]\n\"Trap Thing\" = \"no-such-id\"\n",
        "line 1: [exercises]",
    );
    refused(
        "[thresholds]\nwindow_h = 48\nacwr_low = 2.0\n",
        "thresholds.",
    );
    refused(
        "[thresholds]\nacwr_low = 0.8\nwindow_h = 0\n",
        "line 3: thresholds.window_h must be above 0 (got 0)",
    );
    refused(
        "[import]\ndate_order = \"ymd\"\n",
        "line 2: import.date_order",
    );
    refused(
        "[import]\nmap = { when = \"Day\" }\n",
        "line 2: import.map: ",
    );
}

#[test]
fn inputs_are_read_relative_to_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strainscope.toml");
    std::fs::write(
        &path,
        "[inputs]\nworkouts = [\"a.csv\", \"/abs/b.csv\"]\npain = \"diary.csv\"\n\n[conditions]\ndeclared = [\"herniated-disc\", \"Sciatica\", \"herniated-disc\"]\n",
    )
    .unwrap();
    let s = load(Some(&path)).unwrap();
    assert_eq!(s.source.as_deref(), Some(path.as_path()));
    assert_eq!(
        s.inputs,
        Inputs {
            workouts: vec![dir.path().join("a.csv"), PathBuf::from("/abs/b.csv")],
            pain: Some(dir.path().join("diary.csv")),
            pain_from_notes: false,
        }
    );
    assert_eq!(
        s.analysis.conditions,
        vec![Condition::HerniatedDisc, Condition::Sciatica]
    );
    refused(
        "[conditions]\ndeclared = [\"bad knee\"]\n",
        "line 2: conditions.declared: \"bad knee\" is not a condition",
    );
    refused("[inputs]\nworkout = []\n", "unknown field `workout`");
}

#[test]
fn exercise_mappings_reach_the_catalog() {
    let s = parse("[exercises]\n\"My Odd Pull\" = \"deadlift\"\n").unwrap();
    assert_eq!(
        s.catalog.resolve("My Odd Pull").map(|e| e.id.as_str()),
        Some("deadlift")
    );
    assert_eq!(Settings::default().catalog.resolve("My Odd Pull"), None);
}

#[test]
fn flags_win_over_the_file_and_the_file_over_the_defaults() {
    let file = || {
        parse(
            "[import]\nunit = \"lb\"\ntz = \"Europe/Berlin\"\ndate_order = \"dmy\"\n\n\
             [inputs]\nworkouts = [\"/logs/a.csv\"]\npain = \"/logs/diary.csv\"\npain_from_notes = true\n",
        )
        .unwrap()
    };
    // No flags: the file's values.
    let s = report_settings(file(), &[]);
    assert_eq!(s.import.unit, Some(WeightUnit::Lb));
    assert_eq!(s.import.tz, chrono_tz::Europe::Berlin);
    assert_eq!(s.import.date_order, Some(crate::import::DateOrder::Dmy));
    assert!(!s.import.keep_duplicates);
    assert_eq!(s.inputs.workouts, vec![PathBuf::from("/logs/a.csv")]);
    assert_eq!(s.inputs.pain, Some(PathBuf::from("/logs/diary.csv")));
    assert!(s.inputs.pain_from_notes);

    let s = report_settings(
        file(),
        &[
            "--unit",
            "kg",
            "--tz",
            "UTC",
            "--date-order",
            "mdy",
            "--keep-duplicates",
            "--pain",
            "/elsewhere/d.csv",
        ],
    );
    assert_eq!(s.import.unit, Some(WeightUnit::Kg));
    assert_eq!(s.import.tz, chrono_tz::Tz::UTC);
    assert_eq!(s.import.date_order, Some(crate::import::DateOrder::Mdy));
    assert!(s.import.keep_duplicates);
    assert_eq!(s.inputs.workouts, vec![PathBuf::from("/logs/a.csv")]);
    assert_eq!(s.inputs.pain, Some(PathBuf::from("/elsewhere/d.csv")));

    // Workouts from the command line do not take the file's diary with them.
    let s = report_settings(file(), &["--workouts", "b.csv"]);
    assert_eq!(s.inputs.workouts, vec![PathBuf::from("b.csv")]);
    assert_eq!(s.inputs.pain, None);

    // No file: the defaults, then the flags.
    let s = report_settings(Settings::default(), &[]);
    assert_eq!(s.source, None);
    assert_eq!(s.import.unit, None);
    assert_eq!(s.import.tz, chrono_tz::Tz::UTC);
    assert_eq!(s.import.date_order, None);
    assert_eq!(
        s.analysis.thresholds,
        crate::analysis::settings::Thresholds::default()
    );
    assert!(!s.inputs.pain_from_notes);
    let s = report_settings(Settings::default(), &["--pain-from-notes"]);
    assert!(s.inputs.pain_from_notes);
}
