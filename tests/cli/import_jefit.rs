//! The JEFIT multi-section backup, on a self-written fixture with every quirk of the real ones:
//! a blank first line, unused sections, ROUTINES with several tables, SETTING `mass`, sets both
//! packed and in EXERCISE SET LOGS, a cardio log repeated in CARDIO LOGS, a five-number timed
//! pack, a planned `W x 0` set, a malformed pack, placeholder weights and NOTES.

use crate::support::*;

const BERLIN: &[&str] = &["--tz", "Europe/Berlin"];

/// The sets as `import --out -` writes them (the generic CSV), one map per row.
fn sets(extra: &[&str]) -> Vec<std::collections::BTreeMap<String, String>> {
    exported_sets(&fixture("jefit_backup.csv"), extra)
}

#[test]
fn every_set_is_counted_once() {
    let v = import_json(&[&fixture("jefit_backup.csv")], BERLIN);
    assert_eq!(v["files"][0]["format"], "jefit-backup");
    // 3 squats + 2 push-ups + 1 ride; 3 bench sets (from set rows, not also the packed 3)
    // + 2 hangs; 2 band + 2 push-ups + 1 squat from a nameless log; 1 deadlift with no session.
    // Volume: squats 900 + 240 kg, deadlift 500 kg, bench 2 × 10 × 45 lb (the warm-up carries
    // none); push-up and band weights are placeholders.
    let volume = 900.0 + 240.0 + 500.0 + 2.0 * 10.0 * 45.0 * LB;
    assert_totals(&v, 4, 17, 1, volume, "2025-03-03", "2025-03-10");
    assert_eq!(
        v["files"][0]["pseudo_rows"],
        serde_json::json!({
            "exercise log without an exercise name": 1,
            "planned set (no rep done)": 1,
        })
    );
    // The malformed pack is rejected with its physical line; the rest of its workout imports.
    let file = fixture("jefit_backup.csv");
    assert_eq!(
        v["rejected"],
        serde_json::json!([{
            "file": file.to_str().unwrap(),
            "line": 51,
            "column": 4,
            "reason": "\"40x8,40x,40x8\" in column \"logs\" is not valid (expected sets packed as weight x reps, such as \"50.0x15,50.0x15\" (whole reps), or five numbers per set for timed exercises, such as \"0x0,0x0,0x0,0x0,0x1200\")",
        }])
    );
    let notices = v["notices"].to_string();
    assert!(
        notices.contains("1 JEFIT exercise logs name no known workout session"),
        "{notices}"
    );
    assert!(
        notices.contains("1 JEFIT notes are on days with no logged set")
            && notices.contains("line 118"),
        "{notices}"
    );
}

#[test]
fn sets_keep_their_kind_time_zone_lines_and_notes() {
    let rows = sets(BERLIN);
    let of =
        |exercise: &str| -> Vec<_> { rows.iter().filter(|r| r["exercise"] == exercise).collect() };

    // Session starts are Unix seconds shown in --tz: 17:00 UTC is 18:00 in Berlin.
    let squat = of("Barbell Squat");
    assert_eq!(squat.len(), 4);
    assert_eq!(squat[0]["start"], "2025-03-03 18:00:00");
    assert_eq!(squat[0]["weight_kg"], "60");
    assert_eq!(squat[0]["workout_duration_s"], "3600");
    assert_eq!(squat[0]["notes"], "left knee hurt on the way down");
    assert_eq!(squat[1]["notes"], "");
    // The nameless log takes its exercise's name from the other logs of that exercise.
    assert_eq!(squat[3]["source_line"], "54");
    assert_eq!(squat[3]["start"], "2025-03-08 00:30:00");

    // The set rows are used (with their own lines, weights in lb and the warm-up) and the
    // packed string of the same log is not counted again.
    let bench = of("Dumbbell Bench Press");
    let kinds: Vec<&str> = bench.iter().map(|r| r["set_kind"].as_str()).collect();
    assert_eq!(kinds, ["warmup", "working", "working"]);
    let lines: Vec<&str> = bench.iter().map(|r| r["source_line"].as_str()).collect();
    assert_eq!(lines, ["64", "65", "66"]);
    assert_eq!(bench[1]["weight_kg"], "20.41165665");
    // No total_time: the duration is endtime - starttime.
    assert_eq!(bench[0]["workout_duration_s"], "2700");
    // The note of an exercise not logged that day goes to the day's first set.
    assert_eq!(bench[0]["notes"], "seat on 4\nhandles wide");

    // Placeholder weights of reps-only exercises are dropped: the system push-up by its
    // records, the custom band exercise by its recordtype.
    for r in of("Push Up").iter().chain(of("band pull apart").iter()) {
        assert_eq!(r["weight_kg"], "", "{r:?}");
    }
    let push_ups: Vec<&str> = of("Push Up").iter().map(|r| r["reps"].as_str()).collect();
    assert_eq!(push_ups, ["12", "10", "15", "12"]);

    // The ride is counted once although CARDIO LOGS repeats it.
    let ride = of("Stationary Bike");
    assert_eq!(ride.len(), 1);
    assert_eq!(
        (ride[0]["duration_s"].as_str(), ride[0]["reps"].as_str()),
        ("1200", "")
    );
    let hangs: Vec<&str> = of("One-Arm Hang")
        .iter()
        .map(|r| r["duration_s"].as_str())
        .collect();
    assert_eq!(hangs, ["15", "20"]);

    // A log whose session is missing falls back to its date.
    let deadlift = of("Barbell Deadlift");
    assert_eq!(deadlift[0]["start"], "2025-03-10 00:00:00");
    assert_eq!(deadlift[0]["workout_duration_s"], "");
}

#[test]
fn without_tz_session_times_are_utc() {
    let rows = sets(&[]);
    let band: Vec<_> = rows
        .iter()
        .filter(|r| r["exercise"] == "band pull apart")
        .collect();
    assert_eq!(band[0]["start"], "2025-03-07 23:30:00");
}

#[test]
fn the_unit_comes_from_setting_mass_else_unit() {
    let text = std::fs::read_to_string(fixture("jefit_backup.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no_mass.csv");
    std::fs::write(&path, text.replace("\" kg\"", "")).unwrap();

    let out = strainscope(["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("column \"logs\" gives weights with no unit"),
        "{err}"
    );
    assert!(err.contains("--unit kg or --unit lb"), "{err}");

    // Packed weights follow --unit; set rows are always lb.
    let v = import_json(&[&path], &["--unit", "lb", "--tz", "Europe/Berlin"]);
    let volume = (900.0 + 240.0 + 500.0) * LB + 2.0 * 10.0 * 45.0 * LB;
    assert_totals(&v, 4, 17, 1, volume, "2025-03-03", "2025-03-10");
}

#[test]
fn a_pain_note_becomes_an_inferred_entry() {
    let out = strainscope([
        "report",
        "--workouts",
        fixture("jefit_backup.csv").to_str().unwrap(),
        "--tz",
        "Europe/Berlin",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The knee note's words, and two injury notes filed against the back (body part 1): one
    // open, one marked recovered.
    assert_eq!(v["counts"]["inferred_pain_entries"], 3);
    let episodes = v["episodes"].as_array().unwrap();
    let episode = episodes.iter().find(|e| e["region"] == "knee").unwrap();
    assert_eq!(episode["side"], "left");
    assert_eq!(episode["inferred"], true);
    // The end of the session that noted it: 18:00 plus its hour.
    assert_eq!(episode["onset"], "2025-03-03T19:00:00");
    let back = episodes
        .iter()
        .find(|e| e["region"] == "lower-back")
        .unwrap();
    assert_eq!(back["inferred"], true);
    // A date only: noon of the day; the note marked recovered two days later resolves it.
    assert_eq!(back["onset"], "2025-03-08T12:00:00");
    assert_eq!(back["peak"], 3);
    assert_eq!(back["resolved_on"], "2025-03-10");
}
