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
    let err = stderr(&out);
    assert!(
        err.contains("strong_v6.csv:1:1: this is a Strong workout export, not a file for --pain (expected here: a pain diary); pass it with --workouts instead"),
        "{err}"
    );
    let out = strainscope([
        "pain",
        "check",
        fixture("unknown_header.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("expected a pain diary: strainscope's own format with the columns date,time,region,side,intensity,quality,symptoms,notes, or a Bearable export"), "{}", stderr(&out));
}

fn add(diary: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["pain", "add", "--diary", diary.to_str().unwrap()];
    args.extend_from_slice(extra);
    strainscope(&args)
}

#[test]
fn pain_add_creates_the_diary_with_its_header_and_it_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let diary = dir.path().join("diary.csv");
    let out = add(
        &diary,
        &[
            "--region",
            "lower back",
            "--intensity",
            "6",
            "--quality",
            "sharp",
            "--side",
            "left",
            "--note",
            "lifting the kids, ouch",
            "--at",
            "2026-11-21 08:00",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("added: 2026-11-21 08:00 lower-back 6/10"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&diary).unwrap(),
        "date,time,region,side,intensity,quality,symptoms,notes\n\
         2026-11-21,08:00,lower-back,left,6,sharp,,\"lifting the kids, ouch\"\n"
    );
    let check = strainscope(["pain", "check", "--json", diary.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(v["entries"], 1);
    assert_eq!(v["rejected"], serde_json::json!([]));
}

#[test]
fn pain_add_refuses_invalid_values() {
    let dir = tempfile::tempdir().unwrap();
    let diary = dir.path().join("diary.csv");
    for (args, message) in [
        (
            vec!["--region", "elbowz", "--intensity", "3"],
            "\"elbowz\" is not a known body region",
        ),
        (
            vec!["--region", "knee", "--intensity", "11"],
            "11 is not in 0..=10",
        ),
        (
            vec![
                "--region",
                "knee",
                "--intensity",
                "3",
                "--symptoms",
                "numbness,itchy",
            ],
            "\"itchy\" is not a known symptom",
        ),
        (
            vec![
                "--region",
                "knee",
                "--intensity",
                "3",
                "--at",
                "2026-02-30 08:00",
            ],
            "is not a date and time",
        ),
    ] {
        let out = add(&diary, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
    assert!(!diary.exists(), "nothing is written for a refused entry");
    // A file that is not a diary is never appended to.
    let strong = dir.path().join("strong.csv");
    std::fs::copy(fixture("strong_v6.csv"), &strong).unwrap();
    let before = std::fs::read(&strong).unwrap();
    let out = add(&strong, &["--region", "knee", "--intensity", "3"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(std::fs::read(&strong).unwrap(), before);
}

#[test]
fn pain_add_prints_urgent_advice_for_red_flags() {
    let dir = tempfile::tempdir().unwrap();
    let diary = dir.path().join("diary.csv");
    let out = add(
        &diary,
        &[
            "--region",
            "lower-back",
            "--intensity",
            "5",
            "--symptoms",
            "numbness,tingling",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(
        s.contains("URGENT: you reported numbness, tingling. See a doctor promptly"),
        "{s}"
    );
    let calm = add(&diary, &["--region", "knee", "--intensity", "2"]);
    assert!(!stdout(&calm).contains("URGENT"));
}

#[test]
fn eight_concurrent_adds_keep_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let diary = dir.path().join("diary.csv");
    // An existing diary whose last line has no newline.
    let old = "date,time,region,side,intensity,quality,symptoms,notes\n\
               2026-11-01,,knee,,2,,,old one\n\
               2026-11-02,,knee,,0,,,no newline at the end";
    std::fs::write(&diary, old).unwrap();
    let children: Vec<std::process::Child> = (0..8)
        .map(|i| {
            std::process::Command::new(env!("CARGO_BIN_EXE_strainscope"))
                .args([
                    "pain",
                    "add",
                    "--diary",
                    diary.to_str().unwrap(),
                    "--region",
                    "shoulder",
                    "--intensity",
                    &i.to_string(),
                    "--note",
                    &format!("writer {i}"),
                    "--at",
                    "2026-11-21 09:00",
                ])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let text = std::fs::read_to_string(&diary).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3 + 8, "{text}");
    assert_eq!(lines[..3], old.lines().collect::<Vec<_>>()[..]);
    for i in 0..8 {
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.ends_with(&format!("writer {i}")))
                .count(),
            1,
            "{text}"
        );
    }
    let check = strainscope(["pain", "check", "--json", diary.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(v["entries"], 10);
    assert_eq!(v["rejected"], serde_json::json!([]));
}
