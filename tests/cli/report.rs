//! `strainscope report` on the sample logs tells the planted story (sample_logs/README.md),
//! in JSON and in text; a null simulation shows no associations.

use serde_json::Value;

use crate::support::*;

fn sample_report(format: &str) -> std::process::Output {
    sample_report_with("sample_logs/pain_diary.csv", format)
}

fn rows<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is a list"))
}

#[test]
fn deadlift_and_axial_loading_top_the_lower_back_associations() {
    let v = sample_report_json();
    let primary: Vec<&Value> = rows(&v, "associations")
        .iter()
        .filter(|a| a["region"] == "lower-back" && a["window_h"] == 48 && a["enough_data"] == true)
        .collect();
    let by_q = |kind: &str| -> Vec<&Value> {
        let mut r: Vec<&Value> = primary
            .iter()
            .copied()
            .filter(|a| a["exposure_kind"] == kind)
            .collect();
        r.sort_by(|a, b| {
            a["q"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["q"].as_f64().unwrap())
                .then(
                    a["p"]
                        .as_f64()
                        .unwrap()
                        .total_cmp(&b["p"].as_f64().unwrap()),
                )
        });
        r
    };
    // The strongest association of all, and the top exercise.
    assert_eq!(primary[0]["exposure"], "deadlift", "{:?}", primary[0]);
    let exercises = by_q("exercise");
    assert_eq!(exercises[0]["exposure"], "deadlift");
    assert!(exercises[0]["q"].as_f64().unwrap() < 0.05);
    assert_eq!(
        (exercises[0]["a"].as_u64(), exercises[0]["c"].as_u64()),
        (Some(7), Some(0))
    );
    // The top spinal-risk tag.
    let tags = by_q("tag");
    assert_eq!(tags[0]["exposure"], "axial-loading");
    assert!(tags[0]["q"].as_f64().unwrap() < 0.05);
    // q is only given at the primary window, and the lag profile sits beside it.
    assert!(
        exercises[0]["lag_profile"]
            .as_str()
            .unwrap()
            .starts_with("24 h: 7 of")
    );
    assert!(
        rows(&v, "associations")
            .iter()
            .filter(|a| a["window_h"] != 48)
            .all(|a| a["q"].is_null())
    );
}

#[test]
fn running_spike_precedes_knee_pain() {
    let v = sample_report_json();
    let spike = rows(&v, "warnings")
        .iter()
        .find(|w| w["kind"] == "spike-then-pain" && w["exercises"][0] == "running")
        .expect("a running spike warning");
    assert_eq!(spike["severity"], "warning");
    assert_eq!(spike["region"], "knee");
    let evidence = spike["evidence"].as_str().unwrap();
    assert!(evidence.contains("2026-W38"), "{evidence}");
    assert!(
        evidence.contains("knee pain began 2026-09-20"),
        "{evidence}"
    );
    let running = rows(&v, "weekly_exercises")
        .iter()
        .find(|w| w["exercise"] == "running" && w["week"] == "2026-W38")
        .unwrap();
    assert_eq!(running["measure"], "distance_m");
    assert!(running["change_pct"].as_f64().unwrap() > 100.0);
}

#[test]
fn the_nine_day_episode_is_persistent_and_numbness_is_urgent_and_first() {
    let v = sample_report_json();
    let nine = rows(&v, "episodes")
        .iter()
        .find(|e| e["region"] == "lower-back" && e["days"] == 9)
        .expect("a 9-day lower-back episode");
    assert_eq!(
        nine["onset"].as_str().unwrap().get(..10),
        Some("2026-08-25")
    );
    assert_eq!(nine["end"], "2026-09-02");
    assert_eq!(nine["peak"], 6);
    assert!(rows(nine, "classes").contains(&Value::from("persistent")));
    assert!(!rows(nine, "classes").contains(&Value::from("persistent-long")));

    let warnings = rows(&v, "warnings");
    assert_eq!(warnings[0]["severity"], "urgent");
    assert_eq!(warnings[0]["kind"], "red-flag");
    assert!(
        warnings[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("Numbness")
    );
    assert!(
        warnings[0]["message"]
            .as_str()
            .unwrap()
            .contains("2026-08-27")
    );
    assert!(
        warnings[0]["advice"][0]
            .as_str()
            .unwrap()
            .contains("See a doctor")
    );
    assert_eq!(
        warnings
            .iter()
            .filter(|w| w["severity"] == "urgent")
            .count(),
        1
    );
    let persistent = warnings
        .iter()
        .find(|w| w["kind"] == "persistent-pain")
        .unwrap();
    assert_eq!(persistent["severity"], "warning");
    assert!(
        persistent["message"]
            .as_str()
            .unwrap()
            .contains("lasted 9 days")
    );
    // Severity order: urgent, warning, caution, info.
    let rank = |s: &Value| {
        ["urgent", "warning", "caution", "info"]
            .iter()
            .position(|x| s == *x)
            .unwrap()
    };
    assert!(
        warnings
            .windows(2)
            .all(|w| rank(&w[0]["severity"]) <= rank(&w[1]["severity"]))
    );
}

#[test]
fn the_seven_day_streak_is_flagged() {
    // Over the whole 26 weeks it is a warning of its own ...
    let out = strainscope([
        "--config",
        "sample_logs/strainscope.toml",
        "report",
        "--format",
        "json",
        "--focus-weeks",
        "26",
    ]);
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    let streak = rows(&all, "warnings")
        .iter()
        .find(|w| w["kind"] == "training-streak")
        .expect("a streak warning");
    assert_eq!(
        streak["message"],
        "7 training days in a row, 2026-07-20 to 2026-07-26"
    );
    assert_eq!(streak["severity"], "warning");
    // ... and by default, 12 weeks before the last 4, one history line.
    let v = sample_report_json();
    let streak = rows(&v, "warnings")
        .iter()
        .find(|w| w["kind"] == "training-streak")
        .expect("a streak history line");
    assert_eq!(
        streak["message"],
        "You trained 6 or more days in a row 1 time since 2026-07; last time 2026-07-26"
    );
    assert_eq!(streak["scope"], "history");
    assert_eq!(streak["occurrences"], 1);
    assert_eq!(streak["first"], "2026-07-26");
    let week = rows(&v, "weekly")
        .iter()
        .find(|w| w["week"] == "2026-W30")
        .unwrap();
    assert_eq!(week["longest_streak"], 7);
    assert_eq!(week["rest_days"], 0);
}

#[test]
fn leg_day_soreness_is_soreness_like_not_a_warning() {
    let v = sample_report_json();
    let thigh: Vec<&Value> = rows(&v, "episodes")
        .iter()
        .filter(|e| e["region"] == "thigh")
        .collect();
    assert_eq!(thigh.len(), 8);
    for e in &thigh {
        assert_eq!(e["classes"], serde_json::json!(["soreness-like"]), "{e}");
        assert!(e["peak"].as_u64().unwrap() <= 2);
    }
    for w in rows(&v, "warnings")
        .iter()
        .filter(|w| w["region"] == "thigh")
    {
        assert_eq!(w["severity"], "info", "{w}");
    }
}

/// The lines of a text or Markdown report from the heading `title` to the next heading.
fn section<'a>(report: &'a str, title: &str, next: &str) -> &'a str {
    let start = report
        .find(title)
        .unwrap_or_else(|| panic!("no {title:?} in the report"));
    let rest = &report[start..];
    let end = rest[title.len()..]
        .find(next)
        .map_or(rest.len(), |i| i + title.len());
    &rest[..end]
}

#[test]
fn thigh_soreness_comes_after_the_pain_that_matters_in_every_format() {
    // Every thigh episode was soreness-like: its rows and words leave the warnings and the
    // associations, and come in their own section after the associations.
    for format in ["text", "md", "html"] {
        let out = sample_report(format);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let report = stdout(&out);
        // The HTML lists the titles in its contents first: look from the warnings section on.
        let body = report.find("id=\"warnings\"").unwrap_or(0);
        let at = |title: &str| body + report[body..].find(title).expect(title);
        let before = at("What came before pain");
        let sore = at("Ordinary training soreness");
        let change = at("What to change");
        assert!(
            before < sore && sore < change,
            "{format}: soreness after the associations"
        );
        let associations = &report[before..sore];
        assert!(associations.contains("Lower back (8 onsets)"), "{format}");
        assert!(!associations.contains("thigh"), "{format}: {associations}");
        let soreness = &report[sore..change];
        assert!(
            soreness.contains("Thigh (8 onsets, every one ordinary soreness)"),
            "{format}: {soreness}"
        );
        assert!(
            soreness.contains("Back squat + Standing calf raise + Leg curl + Leg press"),
            "{format}"
        );
        assert!(
            soreness.contains("Thigh pain looked like ordinary training soreness"),
            "{format}"
        );
        let warnings = &report[..before];
        assert!(
            !warnings.contains("Thigh pain looked like"),
            "{format}: not a warning"
        );
    }
    // The JSON keeps every finding and every per-exposure association.
    let v = sample_report_json();
    assert!(rows(&v, "warnings").iter().any(|w| w["kind"] == "soreness"));
    assert!(
        rows(&v, "associations")
            .iter()
            .any(|r| r["region"] == "thigh" && r["exposure"] == "leg-curl")
    );
}

#[test]
fn exposures_with_identical_counts_are_one_row() {
    // Knee: the leg-day group and the push-day group were each in 25 sessions with no knee
    // onset, against 2 of 103: one row names both.
    let out = sample_report("text");
    let report = stdout(&out);
    let knee = section(&report, "\nKnee (2 onsets)", "Ordinary training soreness");
    let flat = knee.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("With each of Back squat + Standing calf raise + Leg curl + Leg press, Bench press + Incline bench press + Lateral raise + Triceps pushdown + Face pull: in 0 of your 25 sessions, knee pain started within 48 hours; after other sessions, 2 of 103."),
        "{flat}"
    );
    assert_eq!(flat.matches("0 of your 25 sessions").count(), 1, "{flat}");
}

#[test]
fn the_weekly_acwr_of_the_sample_is_in_the_json() {
    let v = sample_report_json();
    let weeks = rows(&v, "weekly");
    let ratios: Vec<Option<f64>> = weeks.iter().map(|w| w["acwr_weekly"].as_f64()).collect();
    // 26 weeks: the first 3 have no 4-week mean, the last is partial (ends on a Saturday).
    assert_eq!(ratios.len(), 26);
    assert!(ratios[..3].iter().all(Option::is_none), "{ratios:?}");
    assert_eq!(ratios[25], None);
    let shown: Vec<f64> = ratios[3..25].iter().map(|r| r.unwrap()).collect();
    // A steady routine: every week in the sweet spot, none in the caution band.
    assert!(shown.iter().all(|r| (0.9..1.15).contains(r)), "{shown:?}");
    let w = &weeks[3];
    let mean = (0..4)
        .map(|i| weeks[i]["load_kg"].as_f64().unwrap())
        .sum::<f64>()
        / 4.0;
    let expected = w["load_kg"].as_f64().unwrap() / mean;
    assert!(
        (shown[0] - expected).abs() < 1e-9,
        "{} vs {expected}",
        shown[0]
    );
}

#[test]
fn json_has_every_documented_key_with_typed_values() {
    let v = sample_report_json();
    assert_eq!(v["schema_version"], 1);
    assert!(
        rows(&v, "notices")
            .iter()
            .any(|n| n.as_str().unwrap().starts_with("Association, not proof"))
    );
    assert!(
        rows(&v, "notices")
            .iter()
            .any(|n| n.as_str().unwrap().starts_with("Not medical advice"))
    );
    let daily = rows(&v, "daily");
    assert_eq!(daily.len(), 181);
    assert_eq!(daily[0]["date"], "2026-05-18");
    for key in [
        "date",
        "load_kg",
        "sets",
        "acwr_ewma",
        "acwr_coupled",
        "acwr_uncoupled",
    ] {
        assert!(daily[40].get(key).is_some(), "daily.{key}");
    }
    assert!(daily[26]["acwr_ewma"].is_null(), "no ratio before day 28");
    assert!(daily[27]["acwr_ewma"].is_number());
    let weekly = rows(&v, "weekly");
    assert_eq!(weekly.len(), 26);
    assert_eq!(weekly[0]["week"], "2026-W21");
    for key in [
        "week",
        "load_kg",
        "change_pct",
        "monotony",
        "strain",
        "rest_days",
        "longest_streak",
    ] {
        assert!(weekly[3].get(key).is_some(), "weekly.{key}");
    }
    assert!(weekly[0]["change_pct"].is_null());
    for key in ["region", "onset", "end", "days", "peak", "classes"] {
        assert!(rows(&v, "episodes")[0].get(key).is_some(), "episodes.{key}");
    }
    for key in [
        "exposure",
        "region",
        "window_h",
        "a",
        "b",
        "c",
        "d",
        "rr",
        "rr_low",
        "rr_high",
        "p",
        "q",
        "enough_data",
    ] {
        assert!(
            rows(&v, "associations")[0].get(key).is_some(),
            "associations.{key}"
        );
    }
    for key in ["severity", "kind", "message", "evidence"] {
        assert!(rows(&v, "warnings")[0].get(key).is_some(), "warnings.{key}");
    }
}

#[test]
fn text_report_tells_the_same_story() {
    let out = sample_report("text");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    let first_warning = s
        .lines()
        .find(|l| l.starts_with("URGENT") || l.starts_with("WARNING"))
        .unwrap();
    assert!(
        first_warning.starts_with("URGENT   Numbness"),
        "{first_warning}"
    );
    for needle in [
        "Association, not proof",
        "Not medical advice",
        "Lower back pain lasted 9 days (2026-08-25 to 2026-09-02), peak 6/10",
        "Deadlift sessions were followed by lower back pain more often than other sessions",
        "In 7 of your 25 Deadlift sessions, lower back pain started within 48 hours; after other",
        "Running distance jumped more than 30 % in 1 week; knee pain followed 1 of them",
        "Lower back pain began within 48 h of 7 of your 25 Deadlift sessions",
        "Instead of Deadlift, try: Romanian deadlift",
    ] {
        assert!(
            s.replace('\n', " ")
                .replace("         ", " ")
                .contains(needle)
                || s.contains(needle),
            "missing {needle:?}"
        );
    }
    assert!(
        s.lines().all(|l| l.chars().count() <= 100),
        "a line is wider than 100 columns"
    );
}

#[test]
fn without_a_diary_pain_comes_from_workout_notes_marked_inferred() {
    let out = strainscope([
        "report",
        "--workouts",
        "sample_logs/strong.csv",
        "sample_logs/hevy.csv",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["inputs"]["pain_from_notes"], true);
    let inferred = v["counts"]["inferred_pain_entries"].as_u64().unwrap();
    // The sample's workout notes mention back pain after jump-week deadlifts and knee pain
    // after the long run of the spike.
    assert_eq!(inferred, 6);
    assert_eq!(v["counts"]["pain_entries"].as_u64().unwrap(), inferred);
    assert!(rows(&v, "episodes").iter().all(|e| e["inferred"] == true));
    assert!(rows(&v, "episodes").iter().any(|e| e["region"] == "knee"));
    assert!(
        rows(&v, "episodes")
            .iter()
            .any(|e| e["region"] == "lower-back")
    );
}

#[test]
fn from_and_to_narrow_the_calendar() {
    let out = strainscope([
        "report",
        "--workouts",
        "sample_logs/strong.csv",
        "sample_logs/hevy.csv",
        "--pain",
        "sample_logs/pain_diary.csv",
        "--from",
        "2026-09-01",
        "--to",
        "2026-09-30",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows(&v, "daily").len(), 30);
    assert_eq!(v["period"]["from"], "2026-09-01");
    assert_eq!(v["period"]["to"], "2026-09-30");
}

#[test]
fn null_simulations_show_no_association() {
    use strainscope::synth::{PainModel, SimOptions, simulate};
    let mut false_alarms = Vec::new();
    for seed in 0..20u64 {
        let log = simulate(&SimOptions {
            seed,
            start: chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap(),
            weeks: 52,
            pain: PainModel::Independent {
                entries_per_year: 100,
            },
        });
        let a = analyse_synthetic(&log);
        let tested = a
            .associations
            .iter()
            .filter(|r| r.crude.q.is_some())
            .count();
        assert!(tested > 20, "seed {seed}: only {tested} tests");
        let hits: Vec<String> = a
            .associations
            .iter()
            .filter(|r| r.crude.q.is_some_and(|q| q < 0.1))
            .map(|r| format!("{} → {} q {:.3}", r.exposure, r.region, r.crude.q.unwrap()))
            .collect();
        if !hits.is_empty() {
            false_alarms.push((seed, hits));
        }
    }
    eprintln!(
        "null simulations with an association at q < 0.1: {} of 20 {false_alarms:?}",
        false_alarms.len()
    );
    assert!(
        false_alarms.len() <= 2,
        "{} of 20 null seeds show an association: {false_alarms:?}",
        false_alarms.len()
    );
}

#[test]
fn thresholds_come_from_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("strainscope.toml");
    std::fs::write(
        &config,
        "[thresholds]\nstreak_warning_days = 8\nwindow_h = 24\n",
    )
    .unwrap();
    let out = strainscope([
        "--config",
        config.to_str().unwrap(),
        "report",
        "--workouts",
        "sample_logs/strong.csv",
        "sample_logs/hevy.csv",
        "--pain",
        "sample_logs/pain_diary.csv",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["thresholds"]["window_h"], 24);
    assert!(
        rows(&v, "warnings")
            .iter()
            .all(|w| w["kind"] != "training-streak")
    );
    // q is now given at the 24 h window.
    assert!(
        rows(&v, "associations")
            .iter()
            .any(|a| a["window_h"] == 24 && a["q"].is_number())
    );
    assert!(
        rows(&v, "associations")
            .iter()
            .filter(|a| a["window_h"] == 48)
            .all(|a| a["q"].is_null())
    );

    std::fs::write(&config, "[thresholds]\nstreak_days = 8\n").unwrap();
    let out = strainscope([
        "--config",
        config.to_str().unwrap(),
        "report",
        "--workouts",
        "sample_logs/strong.csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown field `streak_days`"),
        "{}",
        stderr(&out)
    );
}

/// `--out` naming a pipe (as `/dev/null` or `/dev/stdout` are devices) writes into it: the
/// atomic write's rename would replace it with a regular file. A FIFO stands in for
/// /dev/null here, so a regression cannot break the machine's /dev/null.
#[cfg(unix)]
#[test]
fn out_to_a_pipe_or_device_writes_into_it_and_leaves_it_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = strainscope([
        "--config".as_ref(),
        "sample_logs/strainscope.toml".as_ref(),
        "report".as_ref(),
        "--format".as_ref(),
        "md".as_ref(),
        "--out".as_ref(),
        fifo.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Checked before reading: had the pipe been replaced, its reader would wait forever.
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the pipe was replaced by a file"
    );
    let written = reader.join().unwrap();
    assert!(written.starts_with("# strainscope report"), "{written:.80}");
    // Nothing was left behind beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}
