//! `pain check` on the own diary format and on Bearable exports.

use crate::support::*;

#[test]
fn own_diary_summary() {
    let out = strainscope([
        "pain",
        "check",
        "--json",
        fixture("diary.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "strainscope-diary");
    assert_eq!(v["entries"], 5);
    assert_eq!(v["pain_entries"], 4);
    assert_eq!(
        v["regions"],
        serde_json::json!({"knee": 1, "lower-back": 4})
    );
    assert_eq!(v["entries_with_symptoms"], 1);
    assert_eq!(v["first_day"], "2026-05-19");
    assert_eq!(v["last_day"], "2026-05-24");
    assert_eq!(v["rejected"], serde_json::json!([]));
}

#[test]
fn bearable_pain_rows() {
    let out = strainscope([
        "pain",
        "check",
        "--json",
        fixture("bearable.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "bearable");
    assert_eq!(v["entries"], 2);
    assert_eq!(
        v["regions"],
        serde_json::json!({"knee": 1, "lower-back": 1})
    );
    assert_eq!(v["other_rows"], 3);
    assert_eq!(v["first_day"], "2020-09-22");
    assert_eq!(v["last_day"], "2020-10-01");
}

#[test]
fn a_workout_export_is_not_a_diary() {
    let out = strainscope(["pain", "check", fixture("strong_v6.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("expected a pain diary: strainscope's own format with the columns date,time,region,side,intensity,quality,symptoms,notes, or a Bearable export"), "{}", stderr(&out));
}
