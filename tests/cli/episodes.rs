//! Issue 11, points 5–7 on the command line: an episode already open when the log starts is
//! not a new onset, a joint's pain soon after an episode there is a recurrence (never
//! soreness), and a load spike is linked only to pain inside the association window.

use serde_json::Value;

use crate::support::*;

/// Overhead press on Mondays and Thursdays from Mon 2026-05-18 for five weeks, 3 × 5 at 40 kg,
/// then 3 × 5 at 60 kg in the week of Mon 2026-06-08 (a jump).
fn workouts() -> String {
    let mut csv = String::from(
        "workout_id,start,workout_name,exercise,set_kind,weight_kg,reps,rpe,distance_m,duration_s,notes\n",
    );
    let days = [
        "2026-05-18",
        "2026-05-21",
        "2026-05-25",
        "2026-05-28",
        "2026-06-01",
        "2026-06-04",
        "2026-06-08",
        "2026-06-11",
        "2026-06-15",
        "2026-06-18",
    ];
    for (n, day) in days.iter().enumerate() {
        let kg = if day.starts_with("2026-06-08") || day.starts_with("2026-06-11") {
            60
        } else {
            40
        };
        for _ in 0..3 {
            csv.push_str(&format!(
                "w{n},{day} 18:00:00,Push,Overhead Press (Barbell),working,{kg},5,,,,\n"
            ));
        }
    }
    csv
}

/// The diary starts on Tue 2026-04-28, 20 days before the first workout. The shoulder hurts
/// from Thu 05-14 and is still 3/10 on the first session day, then gone on 05-21. A second
/// shoulder episode begins 15 h after the heavy press of Mon 06-08; a mild knee entry on
/// 06-23 comes two days after a knee episode ended.
const DIARY: &str = "date,time,region,side,intensity,quality,symptoms,notes
2026-04-28,08:00,neck,,2,,,
2026-04-29,08:00,neck,,0,,,
2026-05-14,08:00,shoulder,left,4,ache,,
2026-05-16,08:00,shoulder,left,4,ache,,
2026-05-18,08:00,shoulder,left,3,ache,,
2026-05-20,08:00,shoulder,left,2,ache,,
2026-05-21,08:00,shoulder,left,0,,,
2026-06-09,09:00,shoulder,left,5,ache,,
2026-06-10,09:00,shoulder,left,3,ache,,
2026-06-11,09:00,shoulder,left,0,,,
2026-06-15,09:00,knee,right,4,dull,,
2026-06-17,09:00,knee,right,3,dull,,
2026-06-19,09:00,knee,right,2,dull,,
2026-06-20,09:00,knee,right,0,,,
2026-06-22,09:00,knee,right,3,dull,,
2026-06-23,09:00,knee,right,0,,,
";

fn report(extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let workouts_csv = dir.path().join("workouts.csv");
    let diary = dir.path().join("diary.csv");
    std::fs::write(&workouts_csv, workouts()).unwrap();
    std::fs::write(&diary, DIARY).unwrap();
    let mut args = vec![
        "report".to_string(),
        "--workouts".into(),
        workouts_csv.to_string_lossy().into_owned(),
        "--pain".into(),
        diary.to_string_lossy().into_owned(),
        "--format".into(),
        "json".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = strainscope(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("report --format json is JSON")
}

fn rows<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is an array"))
}

fn shoulder_episodes(v: &Value) -> Vec<(String, bool)> {
    rows(v, "episodes")
        .iter()
        .filter(|e| e["region"] == "shoulder")
        .map(|e| {
            (
                e["onset"].as_str().unwrap().to_string(),
                e["began_before"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn an_episode_open_on_the_first_session_day_keeps_its_onset_and_is_no_onset() {
    let v = report(&[]);
    assert_eq!(v["period"]["from"], "2026-05-18");
    // The shoulder episode began on 05-14, before the log: its onset is that first entry, not
    // the first session day; the neck episode ended long before and is not shown.
    assert_eq!(
        shoulder_episodes(&v),
        vec![
            ("2026-05-14T08:00:00".to_string(), true),
            ("2026-06-09T09:00:00".to_string(), false),
        ]
    );
    let first = rows(&v, "episodes")
        .iter()
        .find(|e| e["region"] == "shoulder")
        .unwrap();
    assert_eq!(
        (first["end"].as_str(), first["days"].as_u64()),
        (Some("2026-05-20"), Some(7))
    );
    assert!(rows(&v, "episodes").iter().all(|e| e["region"] != "neck"));
    // No 2×2 table counts it: one shoulder onset, after the heavy press of 06-08.
    let shoulder: Vec<&Value> = rows(&v, "associations")
        .iter()
        .filter(|a| a["region"] == "shoulder" && a["window_h"] == 48)
        .collect();
    assert!(!shoulder.is_empty());
    for a in &shoulder {
        assert_eq!(a["onsets"], 1, "{a}");
        assert_eq!(
            a["a"].as_u64().unwrap() + a["c"].as_u64().unwrap(),
            1,
            "{a}"
        );
    }
    let press = shoulder
        .iter()
        .find(|a| a["exposure"] == "overhead-press")
        .unwrap();
    assert_eq!(press["onset_dates"], serde_json::json!(["2026-06-09"]));
    // The session of 05-18 falls inside the open episode, so 9 of the 10 are at risk.
    assert_eq!(
        (press["a"].as_u64(), press["b"].as_u64()),
        (Some(1), Some(8)),
        "{press}"
    );
    // Pain days and weekly counts still count only days inside the period.
    assert_eq!(v["counts"]["pain_entries"], 12);
    assert!(
        rows(&v, "pain_days")
            .iter()
            .all(|p| p["date"].as_str().unwrap() >= "2026-05-18")
    );
    assert_eq!(rows(&v, "weekly")[0]["pain_days"], 2);
}

#[test]
fn from_cutting_into_an_episode_keeps_its_real_onset() {
    let v = report(&["--from", "2026-05-19"]);
    assert_eq!(v["period"]["from"], "2026-05-19");
    assert_eq!(
        shoulder_episodes(&v),
        vec![
            ("2026-05-14T08:00:00".to_string(), true),
            ("2026-06-09T09:00:00".to_string(), false),
        ]
    );
    assert!(
        rows(&v, "associations")
            .iter()
            .filter(|a| a["region"] == "shoulder")
            .all(|a| a["onsets"] == 1)
    );
}

#[test]
fn a_knee_coming_back_is_a_recurrence_and_a_spike_names_its_window() {
    let v = report(&[]);
    let knee: Vec<&Value> = rows(&v, "episodes")
        .iter()
        .filter(|e| e["region"] == "knee")
        .collect();
    assert_eq!(knee.len(), 2);
    assert_eq!(knee[1]["onset"], "2026-06-22T09:00:00");
    assert_eq!(knee[1]["classes"], serde_json::json!(["recurrence"]));
    let warnings = rows(&v, "warnings");
    let back = warnings.iter().find(|w| w["kind"] == "recurrence").unwrap();
    assert_eq!(back["severity"], "caution");
    assert_eq!(
        back["message"],
        "Knee pain came back within two weeks of an earlier episode (1 time)"
    );
    assert_eq!(
        back["evidence"],
        "2026-06-22 to 2026-06-22 (peak 3/10), three days after the episode before ended on 2026-06-19"
    );
    assert!(warnings.iter().all(|w| w["kind"] != "soreness"));
    // The press's 50 % jump in the week of 06-08, and shoulder pain 15 h after its session.
    let spike = warnings
        .iter()
        .find(|w| w["kind"] == "spike-then-pain")
        .unwrap();
    assert_eq!(
        spike["message"],
        "Overhead press tonnage jumped more than 30 % in 1 week; shoulder pain followed 1 of them within 48 h"
    );
    assert!(
        spike["evidence"]
            .as_str()
            .unwrap()
            .ends_with("Pain within 48 h of a session of it in a jump week: 2026-W24: shoulder pain began 2026-06-09, 15 h after the session."),
        "{}",
        spike["evidence"]
    );
}
