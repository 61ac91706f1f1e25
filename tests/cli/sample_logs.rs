//! The sample logs: the binary's counts on each file, and the committed files are exactly what
//! the generator in the repo writes.

use crate::support::*;

#[test]
fn strong_sample_counts() {
    let v = import_json(&[&root().join("sample_logs/strong.csv")], &[]);
    assert_eq!(v["files"][0]["format"], "strong-v6");
    assert_eq!(v["rejected"], serde_json::json!([]));
    assert_eq!(
        v["files"][0]["pseudo_rows"],
        serde_json::json!({"Note": 15, "Rest Timer": 295})
    );
    assert_totals(&v, 67, 917, 83, 326820.5, "2026-05-18", "2026-08-13");
    assert_eq!(v["unknown_exercises"], serde_json::json!([]));
}

#[test]
fn hevy_sample_counts() {
    let v = import_json(&[&root().join("sample_logs/hevy.csv")], &[]);
    assert_eq!(v["files"][0]["format"], "hevy");
    assert_eq!(v["rejected"], serde_json::json!([]));
    assert_totals(&v, 67, 889, 78, 372711.5, "2026-08-17", "2026-11-14");
    assert_eq!(v["unknown_exercises"], serde_json::json!([]));
}

#[test]
fn both_samples_together() {
    let v = import_json(
        &[
            &root().join("sample_logs/strong.csv"),
            &root().join("sample_logs/hevy.csv"),
        ],
        &[],
    );
    assert_totals(&v, 134, 1806, 161, 699532.0, "2026-05-18", "2026-11-14");
}

#[test]
fn diary_sample_counts() {
    let out = strainscope(["pain", "check", "--json", "sample_logs/pain_diary.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entries"], 59);
    assert_eq!(v["pain_entries"], 41);
    assert_eq!(
        v["regions"],
        serde_json::json!({"knee": 9, "lower-back": 33, "thigh": 17})
    );
    assert_eq!(v["entries_with_symptoms"], 1);
    assert_eq!(v["rejected"], serde_json::json!([]));
}

#[test]
fn committed_samples_are_what_the_generator_writes() {
    use strainscope::synth;
    let log = synth::sample_story();
    let (strong, hevy): (Vec<_>, Vec<_>) = log
        .workouts
        .iter()
        .cloned()
        .partition(|w| w.date() < synth::STORY_HEVY_FROM);
    let render = |f: &dyn Fn(&mut Vec<u8>) -> csv::Result<()>| {
        let mut bytes = Vec::new();
        f(&mut bytes).unwrap();
        bytes
    };
    let files = [
        (
            "strong.csv",
            render(&|b| synth::write_strong_v6(&strong, b)),
        ),
        ("hevy.csv", render(&|b| synth::write_hevy(&hevy, b))),
        (
            "pain_diary.csv",
            render(&|b| synth::write_diary(&log.pain, b)),
        ),
    ];
    for (name, generated) in files {
        let committed = std::fs::read(root().join("sample_logs").join(name)).unwrap();
        assert!(
            committed == generated,
            "sample_logs/{name} differs from the generator: run `cargo run --example make_sample_logs`"
        );
    }
}
