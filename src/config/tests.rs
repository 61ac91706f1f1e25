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
    assert_eq!(s.import.dates.tz, chrono_tz::Europe::Berlin);
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
        "line 3: thresholds.window_h must be from 1 to 8760 hours, not 0",
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
    assert_eq!(s.import.dates.tz, chrono_tz::Europe::Berlin);
    assert_eq!(s.import.dates.order, Some(crate::import::DateOrder::Dmy));
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
    assert_eq!(s.import.dates.tz, chrono_tz::Tz::UTC);
    assert_eq!(s.import.dates.order, Some(crate::import::DateOrder::Mdy));
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
    assert_eq!(s.import.dates.tz, chrono_tz::Tz::UTC);
    assert_eq!(s.import.dates.order, None);
    assert_eq!(
        s.analysis.thresholds,
        crate::analysis::settings::Thresholds::default()
    );
    assert!(!s.inputs.pain_from_notes);
    let s = report_settings(Settings::default(), &["--pain-from-notes"]);
    assert!(s.inputs.pain_from_notes);
}

/// The hostile values of issue 14: each stopped the run with a panic (exit 101) or was taken
/// silently. Now each is refused naming the key, its line, the value and the allowed range.
#[test]
fn every_threshold_has_a_finite_range_and_nan_or_infinity_is_refused() {
    for (value, says) in [
        (
            "window_h = 4294967295",
            "line 3: thresholds.window_h must be from 1 to 8760 hours, not 4294967295",
        ),
        (
            "lag_windows_h = [24, 4294967295]",
            "line 3: thresholds.lag_windows_h must be from 1 to 8760 hours, not 4294967295",
        ),
        (
            "soreness_max_h = inf",
            "line 3: thresholds.soreness_max_h must be from 0 to 8760 hours, not inf",
        ),
        (
            "soreness_max_h = 1e300",
            "line 3: thresholds.soreness_max_h must be from 0 to 8760 hours, not 1e300",
        ),
        (
            "change_warning_pct = nan",
            "line 3: thresholds.change_warning_pct must be from 0 to 10000 %, not NaN",
        ),
        (
            "acwr_low = -1",
            "line 3: thresholds.acwr_low must be above 0 and at most 100, not -1",
        ),
        (
            "short_rest_h = -1",
            "line 3: thresholds.short_rest_h must be from 0 to 8760 hours, not -1",
        ),
        (
            "heavy_share = -2",
            "line 3: thresholds.heavy_share must be from 0 to 1, not -2",
        ),
        (
            "persistent_days = 0",
            "line 3: thresholds.persistent_days must be from 1 to 365 days, not 0",
        ),
        (
            "acwr_low = 1.6",
            "line 3: thresholds.acwr_low must be below acwr_caution (1.6 is not below 1.3)",
        ),
        (
            "soreness_min_h = 100",
            "line 3: thresholds.soreness_min_h must be at most soreness_max_h (100 is not at most 72)",
        ),
        (
            "lag_windows_h = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]",
            "line 3: thresholds.lag_windows_h holds 17 windows (expected at most 16)",
        ),
    ] {
        let err = parse(&format!("# weekly\n[thresholds]\n{value}\n"))
            .unwrap_err()
            .to_string();
        assert!(
            err.ends_with(&format!("strainscope.toml: {says}")),
            "{value}: {err}"
        );
    }
    // A negative count is not a number of the key's type: toml says so, with the line.
    refused(
        "[thresholds]\nmin_onsets = -1\n",
        "line 2: invalid value: integer `-1`, expected u64",
    );
    // The edges of each range are allowed.
    let s = parse(
        "[thresholds]\nwindow_h = 8760\nlag_windows_h = [1]\nheavy_share = 1\nshort_rest_h = 0\n\
         change_warning_pct = 10000\npersistent_days = 1\n",
    )
    .unwrap();
    assert_eq!(s.analysis.thresholds.window_h, 8760);
    assert_eq!(s.analysis.thresholds.change_warning_pct, 10_000.0);
}

mod random_thresholds {
    use proptest::prelude::*;

    use super::parse;
    use crate::analysis::testing::{at, entry, set};
    use crate::analysis::{FOCUS_WEEKS, Input, analyse, settings::Thresholds};
    use crate::catalog::Catalog;
    use crate::model::Region;

    /// Keys whose values are whole numbers, and keys whose values are decimals.
    const WHOLE: [&str; 20] = [
        "acwr_acute_days",
        "acwr_chronic_days",
        "streak_warning_days",
        "layoff_days",
        "episode_gap_days",
        "soreness_max_intensity",
        "soreness_max_days",
        "acute_intensity",
        "persistent_days",
        "persistent_long_days",
        "training_through_pain_above",
        "recurrence_days",
        "window_h",
        "min_exposed_sessions",
        "min_unexposed_sessions",
        "min_onsets",
        "short_rest_streak_day",
        "repeat_exercise_days",
        "repeat_region_days",
        "lag_windows_h",
    ];
    const DECIMAL: [&str; 22] = [
        "acwr_low",
        "acwr_caution",
        "acwr_danger",
        "change_info_pct",
        "change_warning_pct",
        "monotony_caution",
        "monotony_warning",
        "same_region_gap_h",
        "return_load_pct",
        "soreness_min_h",
        "soreness_max_h",
        "acute_window_h",
        "not_improving_from_h",
        "not_improving_to_h",
        "q_warning",
        "q_caution",
        "short_rest_h",
        "core_days_per_week",
        "push_pull_max",
        "knee_hip_max",
        "heavy_share",
        "warmup_share_min",
    ];

    /// A decimal as TOML writes it, NaN and infinities included.
    fn toml_float(v: f64) -> String {
        match v {
            v if v.is_nan() => "nan".into(),
            v if v.is_infinite() => if v > 0.0 { "inf" } else { "-inf" }.into(),
            v => format!("{v:?}"),
        }
    }

    /// Whole numbers and decimals from everywhere: small, huge, negative, NaN, infinite.
    fn whole() -> impl Strategy<Value = i64> {
        prop_oneof![0i64..400, any::<i64>(), Just(i64::from(u32::MAX)), -5i64..0]
    }
    fn decimal() -> impl Strategy<Value = f64> {
        prop_oneof![
            0.0f64..200.0,
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(1e300),
            -10.0f64..0.0
        ]
    }

    /// A small log the analysis has something to say about: deadlifts rising 40 % and
    /// lower-back pain after them.
    fn analysed(t: &Thresholds) {
        let sets: Vec<_> = [
            "2026-03-02 18:00",
            "2026-03-05 18:00",
            "2026-03-09 18:00",
            "2026-03-16 18:00",
            "2026-03-17 18:00",
        ]
        .iter()
        .enumerate()
        .map(|(i, when)| set(at(when), "deadlift", 100.0 + 10.0 * i as f64, 5.0))
        .collect();
        let pain = [
            entry("2026-03-18 08:00", Region::LowerBack, 6),
            entry("2026-03-19 08:00", Region::LowerBack, 5),
            entry("2026-03-25 08:00", Region::LowerBack, 0),
        ];
        analyse(&Input {
            sets: &sets,
            pain: &pain,
            catalog: Catalog::embedded(),
            thresholds: t,
            conditions: &[],
            from: None,
            to: None,
            focus_weeks: FOCUS_WEEKS,
        })
        .expect("the analysis of a valid log");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Random values for a few keys: the config is refused with a message naming one of
        /// them, or it is loaded and analysed, never a panic.
        #[test]
        fn any_threshold_values_load_or_are_refused_and_never_panic(
            whole_keys in prop::sample::subsequence(WHOLE.to_vec(), 0..4),
            wholes in prop::collection::vec(whole(), 4),
            decimal_keys in prop::sample::subsequence(DECIMAL.to_vec(), 0..4),
            decimals in prop::collection::vec(decimal(), 4),
        ) {
            let mut text = String::from("[thresholds]\n");
            for (key, v) in whole_keys.iter().zip(&wholes) {
                if *key == "lag_windows_h" {
                    text.push_str(&format!("{key} = [{v}]\n"));
                } else {
                    text.push_str(&format!("{key} = {v}\n"));
                }
            }
            for (key, v) in decimal_keys.iter().zip(&decimals) {
                text.push_str(&format!("{key} = {}\n", toml_float(*v)));
            }
            match parse(&text) {
                Ok(s) => analysed(&s.analysis.thresholds),
                Err(e) => {
                    let e = e.to_string();
                    prop_assert!(
                        whole_keys.iter().chain(&decimal_keys).any(|k| e.contains(k))
                            || e.contains("invalid value"),
                        "{e}"
                    );
                }
            }
        }
    }

    /// Unvalidated extremes straight into the analysis: the windows and look-backs that become
    /// dates use checked arithmetic, so even these never panic.
    #[test]
    fn the_analysis_survives_thresholds_that_skipped_validation() {
        analysed(&Thresholds {
            window_h: u32::MAX,
            lag_windows_h: vec![u32::MAX, 1],
            soreness_max_h: f64::INFINITY,
            acute_window_h: 1e300,
            short_rest_h: f64::NAN,
            ..Thresholds::default()
        });
    }
}
