//! The bottom line (status and at most three actions) every output opens with, and the recent
//! weeks in focus with older load findings folded into history lines (issue 12).

use crate::support::*;

/// The severity tags of the terminal's findings.
const TAGS: [&str; 4] = ["URGENT   ", "WARNING  ", "CAUTION  ", "INFO     "];

/// Writes `dir/strong.csv`, a Strong export of the given sessions, each `sets` working sets of
/// 5 reps at its weight (kg) at 18:00, and returns its path.
fn strong_log(
    dir: &std::path::Path,
    sessions: impl IntoIterator<Item = (chrono::NaiveDate, &'static str, u32)>,
    sets: u32,
) -> std::path::PathBuf {
    let log = dir.join("strong.csv");
    let mut csv = String::from(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n",
    );
    for (date, exercise, kg) in sessions {
        for set in 1..=sets {
            csv.push_str(&format!(
                "{date} 18:00:00,Gym,{exercise},{set},{kg},5,0,0,,\n"
            ));
        }
    }
    std::fs::write(&log, csv).unwrap();
    log
}

/// The day `week` weeks and `day` days after Monday `start`.
fn day_of(start: chrono::NaiveDate, week: i64, day: i64) -> chrono::NaiveDate {
    start + chrono::Duration::days(week * 7 + day)
}

/// `strainscope report` on a written log in kg, in `format`, with `extra` arguments: its stdout,
/// after checking that it succeeded.
fn report_on(log: &std::path::Path, extra: &[&str], format: &str) -> String {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "report".as_ref(),
        "--workouts".as_ref(),
        log.as_os_str(),
        "--unit".as_ref(),
        "kg".as_ref(),
        "--format".as_ref(),
        format.as_ref(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    let out = strainscope(args);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn report_json_on(log: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    serde_json::from_str(&report_on(log, extra, "json")).unwrap()
}

#[test]
fn the_sample_bottom_line_names_the_red_flag_then_the_deadlift() {
    let v = sample_report_json();
    let s = &v["summary"];
    assert_eq!(s["red_flags"], 1);
    let actions = s["actions"].as_array().unwrap();
    assert!(actions.len() <= 3 && actions.len() >= 2, "{actions:?}");
    assert_eq!(actions[0]["kind"], "red-flag");
    let first = actions[0]["text"].as_str().unwrap();
    assert!(first.starts_with("See a doctor promptly"), "{first}");
    // The first action after the red flag: the lower-back pain and the deadlift, with the
    // counts and the catalog's safer alternatives.
    let next = &actions[1];
    assert_eq!(next["region"], "lower-back");
    assert_eq!(next["kind"], "association");
    assert_eq!(next["exercises"], serde_json::json!(["deadlift"]));
    let text = next["text"].as_str().unwrap();
    assert!(
        text.starts_with("Lower back pain began within 48 h of 7 of your 25 Deadlift sessions, against 0 of 86 other sessions"),
        "{text}"
    );
    assert!(text.contains("Romanian deadlift"), "{text}");
    assert!(text.contains("lasted 9 days"), "{text}");
    let status = s["status"].as_str().unwrap();
    assert!(
        status.starts_with("1 red flag – see a professional · "),
        "{status}"
    );
    assert_eq!(s["focus"]["weeks"], 4);
    assert_eq!(s["focus"]["from"], "2026-10-19");
}

#[test]
fn every_output_opens_with_the_bottom_line() {
    let config = ["--config", "sample_logs/strainscope.toml", "report"];
    let text = stdout(&strainscope(config));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("strainscope report · 2026-05-18 to 2026-11-14"));
    assert!(
        lines[2].starts_with("1 red flag – see a professional · "),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("1. See a doctor promptly"),
        "{}",
        lines[3]
    );
    let md = stdout(&strainscope(config.iter().chain(&["--format", "md"])));
    let after_title = md.lines().nth(2).unwrap();
    assert!(
        after_title.starts_with("**1 red flag – see a professional · "),
        "{after_title}"
    );
    assert!(md.contains("\n1. See a doctor promptly"));
    let html = stdout(&strainscope(config.iter().chain(&["--format", "html"])));
    let bottom = html
        .find("<section class=\"bottom-line\"")
        .expect("bottom line");
    assert!(bottom < html.find("<dl class=\"sources\">").unwrap());
    assert!(bottom < html.find("id=\"warnings\"").unwrap());
}

#[test]
fn the_terminal_shows_at_most_ten_findings_and_says_where_the_rest_are() {
    let args = ["--config", "sample_logs/strainscope.toml", "report"];
    let json: serde_json::Value =
        serde_json::from_slice(&strainscope(args.iter().chain(&["--format", "json"])).stdout)
            .unwrap();
    // The thigh's soreness findings are said in the soreness section, not among the warnings.
    let total = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| {
            !(w["kind"].as_str().unwrap().starts_with("soreness") && w["region"] == "thigh")
        })
        .count();
    assert!(total > 10, "the sample has {total} findings");
    let text = stdout(&strainscope(args));
    let shown = text
        .lines()
        .filter(|l| TAGS.iter().any(|t| l.starts_with(t)))
        .count();
    assert_eq!(shown, 10);
    assert!(
        text.contains(&format!(
            "{} more findings are in the Markdown, HTML and JSON reports",
            total - 10
        )),
        "{text}"
    );
}

#[test]
fn real_exports_without_a_diary_open_with_a_status_and_show_at_most_ten_findings() {
    let dir = root().join("../shared/real-exports");
    if !dir.is_dir() {
        eprintln!("skipped: {} does not exist", dir.display());
        return;
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let unit = if name.contains("fitnotes_ios") {
            "kg"
        } else {
            "lb"
        };
        let base = [
            "report".as_ref(),
            "--workouts".as_ref(),
            file.as_os_str(),
            "--unit".as_ref(),
            unit.as_ref(),
        ];
        let out = strainscope(base);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let text = stdout(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("strainscope report · "), "{name}");
        let status = lines[2];
        assert!(
            status.contains("red flag") && status.contains(" · ") && status.contains("act on"),
            "{name}: {status}"
        );
        let actions = lines[3..]
            .iter()
            .take_while(|l| !l.is_empty())
            .filter(|l| l.len() > 2 && l.as_bytes()[0].is_ascii_digit() && &l[1..3] == ". ")
            .count();
        assert!(actions <= 3, "{name}: {actions} actions");
        let shown = lines
            .iter()
            .filter(|l| TAGS.iter().any(|t| l.starts_with(t)))
            .count();
        assert!(shown <= 10, "{name}: {shown} findings in the terminal");
        let json: serde_json::Value = serde_json::from_slice(
            &strainscope(base.iter().chain(&["--format".as_ref(), "json".as_ref()])).stdout,
        )
        .unwrap();
        let total = json["warnings"].as_array().unwrap().len();
        // The terminal lists the findings as the document says them (recent load jumps of
        // several exercises as one warning): "Warnings (N)", at most 10 of them shown.
        let listed: usize = lines
            .iter()
            .find_map(|l| l.strip_prefix("Warnings ("))
            .and_then(|l| l.strip_suffix(')'))
            .map_or(0, |n| n.parse().unwrap());
        assert!(listed <= total, "{name}: {listed} listed of {total}");
        assert_eq!(shown, listed.min(10), "{name}");
        assert_eq!(
            json["summary"]["actions"].as_array().unwrap().len(),
            actions,
            "{name}"
        );
    }
}

#[test]
fn old_load_findings_fold_into_one_history_line_per_kind() {
    let v = sample_report_json();
    let warnings = v["warnings"].as_array().unwrap();
    let mut history_kinds = Vec::new();
    for w in warnings {
        match w["scope"].as_str().unwrap() {
            "recent" => assert!(w.get("occurrences").is_none(), "{w}"),
            "history" => {
                history_kinds.push(w["kind"].as_str().unwrap().to_string());
                assert_eq!(w["severity"], "info");
                let n = w["occurrences"].as_u64().unwrap();
                assert!(n >= 1);
                let (first, last) = (w["first"].as_str().unwrap(), w["last"].as_str().unwrap());
                assert!(first <= last && last < "2026-10-19", "{w}");
                assert!(w["message"].as_str().unwrap().contains("since "), "{w}");
            }
            other => panic!("scope {other}"),
        }
    }
    let mut distinct = history_kinds.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), history_kinds.len(), "one line per kind");
    // The two sessions of 2026-07 that streaked are history; pain is never folded.
    assert!(history_kinds.contains(&"training-streak".to_string()));
    for w in warnings.iter().filter(|w| w["scope"] == "history") {
        assert!(
            ![
                "red-flag",
                "persistent-pain",
                "association",
                "spike-then-pain"
            ]
            .contains(&w["kind"].as_str().unwrap())
        );
    }
    // The streak of 2026-07-20 to 2026-07-26 is not listed as a recent warning.
    assert!(
        !warnings
            .iter()
            .any(|w| w["kind"] == "training-streak" && w["scope"] == "recent")
    );
}

#[test]
fn focus_weeks_widens_the_recent_weeks() {
    let out = strainscope([
        "--config",
        "sample_logs/strainscope.toml",
        "report",
        "--format",
        "json",
        "--focus-weeks",
        "26",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["focus"]["weeks"], 26);
    assert_eq!(v["summary"]["focus"]["from"], "2026-05-18");
    let warnings = v["warnings"].as_array().unwrap();
    assert!(warnings.iter().all(|w| w["scope"] == "recent"));
    assert!(
        warnings
            .iter()
            .any(|w| w["kind"] == "training-streak" && w["dates"][0] == "2026-07-20")
    );
    let bad = strainscope(["report", "--focus-weeks", "0"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--focus-weeks"), "{}", stderr(&bad));
}

#[test]
fn a_bad_focus_weeks_in_the_config_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("strainscope.toml");
    std::fs::write(&config, "[report]\nfocus_weeks = 0\n").unwrap();
    let out = strainscope([
        "--config".as_ref(),
        config.as_os_str(),
        "report".as_ref(),
        "--workouts".as_ref(),
        root().join("sample_logs/strong.csv").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("line 2"), "{err}");
    assert!(
        err.contains("report.focus_weeks must be a whole number of weeks from 1 to 520, not 0"),
        "{err}"
    );
}

#[test]
fn nothing_to_act_on_says_so_and_names_what_was_checked() {
    // Two ordinary sessions a week, no pain: nothing to act on.
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let sessions = (0..8).flat_map(|week| {
        [(0, "Bench Press (Barbell)"), (3, "Squat (Barbell)")]
            .map(|(day, exercise)| (day_of(start, week, day), exercise, 60))
    });
    let v = report_json_on(&strong_log(dir.path(), sessions, 3), &[]);
    let s = &v["summary"];
    assert_eq!(s["actions"], serde_json::json!([]));
    assert_eq!(s["to_act_on"], 0);
    assert_eq!(
        s["status"],
        "No red flags · nothing to act on · no pain logged"
    );
    let checked = s["checked"].as_str().unwrap();
    assert!(
        checked.starts_with("Nothing needs action now. 1 caution below is worth a look when you plan your next weeks. Checked: red flags"),
        "{checked}"
    );
    assert!(checked.contains("over the last 4 weeks"), "{checked}");
}

/// Twenty weeks of squats twice a week, with one jump in load in week 3 followed the next morning
/// by knee pain (intensity 4, then gone); nothing else.
fn old_spike_log(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let sessions = (0..20).flat_map(|week| {
        let kg = if week == 2 { 100 } else { 60 };
        [0, 3].map(|day| (day_of(start, week, day), "Squat (Barbell)", kg))
    });
    let log = strong_log(dir, sessions, 3);
    let diary = dir.join("pain.csv");
    std::fs::write(
        &diary,
        "date,time,region,side,intensity,quality,symptoms,notes\n\
         2026-03-17,08:00,knee,,4,ache,,\n2026-03-18,08:00,knee,,0,,,\n",
    )
    .unwrap();
    (log, diary)
}

#[test]
fn old_pain_after_a_single_jump_is_listed_but_is_not_an_action_this_week() {
    let dir = tempfile::tempdir().unwrap();
    let (log, diary) = old_spike_log(dir.path());
    let v = report_json_on(&log, &["--pain", diary.to_str().unwrap()]);
    // The jump and the knee pain after it stay in the findings...
    let kinds: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"spike-then-pain"), "{kinds:?}");
    // ...but 15 weeks on, with no knee pain since and no association, they are history, not
    // this week's action.
    let s = &v["summary"];
    assert_eq!(s["actions"], serde_json::json!([]), "{s}");
    assert_eq!(s["to_act_on"], 0);
    // The cautions listed below are announced, so "nothing needs action" does not read as a
    // contradiction of them.
    let cautions = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "caution" && f["scope"] == "recent")
        .count();
    let checked = s["checked"].as_str().unwrap();
    if cautions > 0 {
        let said = format!("Nothing needs action now. {cautions} caution");
        assert!(checked.starts_with(&said), "{checked}");
    } else {
        assert!(
            checked.starts_with("Nothing needs action now. Checked:"),
            "{checked}"
        );
    }
}

#[test]
fn recent_pain_after_a_single_jump_is_an_action_that_names_the_jump() {
    let dir = tempfile::tempdir().unwrap();
    let (log, diary) = old_spike_log(dir.path());
    // Looked at from the week of the pain: the jump is this week's news.
    let v = report_json_on(
        &log,
        &["--pain", diary.to_str().unwrap(), "--to", "2026-03-22"],
    );
    let action = &v["summary"]["actions"][0];
    assert_eq!(action["kind"], "spike-then-pain", "{v}");
    assert_eq!(action["region"], "knee");
    assert_eq!(
        action["text"],
        "Knee pain began within 48 h of a load jump on Back squat (2026-W12): raise it by about 10 % a week at most."
    );
}

#[test]
fn the_terminal_load_table_lists_the_last_26_weeks_of_a_long_log() {
    // A 60-week log: the terminal shows the last 26 weeks and says where the other 34 are.
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    let sessions = (0..60).map(|week| (day_of(start, week, 0), "Squat (Barbell)", 60));
    let text = report_on(&strong_log(dir.path(), sessions, 1), &[], "text");
    let load = &text[text.find("Load by ISO week").unwrap()..];
    assert!(
        load.contains("The last 26 weeks; the 34 weeks before them are in the Markdown, HTML and JSON reports."),
        "{load}"
    );
    let rows: Vec<&str> = load.lines().filter(|l| l.starts_with("202")).collect();
    // The sparkline's span line starts with a week too: "2025-W… to 2026-W… (52 weeks)".
    let table: Vec<&&str> = rows.iter().filter(|l| !l.contains(" to ")).collect();
    assert_eq!(table.len(), 26, "{load}");
    assert!(table[0].starts_with("2025-W36"), "{}", table[0]);
    assert!(table[25].starts_with("2026-W09"), "{}", table[25]);
}

#[test]
fn recent_jumps_of_many_exercises_are_one_warning_and_each_stays_in_the_json() {
    // Eight weeks of the same three lifts, then a week with every one of them doubled.
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let sessions = (0..9).flat_map(|week| {
        let kg = if week == 8 { 120 } else { 60 };
        [
            (0, "Squat (Barbell)"),
            (2, "Bench Press (Barbell)"),
            (4, "Deadlift (Barbell)"),
        ]
        .map(|(day, exercise)| (day_of(start, week, day), exercise, kg))
    });
    let log = strong_log(dir.path(), sessions, 3);
    let v = report_json_on(&log, &[]);
    let jumps = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == "exercise-jump" && w["scope"] == "recent")
        .count();
    assert_eq!(jumps, 3, "the JSON keeps one finding per exercise");
    let text = report_on(&log, &[], "text");
    assert_eq!(text.matches("jumped more than 30 %").count(), 1, "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "CAUTION 3 exercises jumped more than 30 % week over week in the last 4 weeks"
        ),
        "{flat}"
    );
    for lift in [
        "Back squat tonnage: 2026-W18",
        "Bench press tonnage: 2026-W18",
        "Deadlift tonnage: 2026-W18",
    ] {
        assert!(flat.contains(lift), "{lift}: {flat}");
    }
}
