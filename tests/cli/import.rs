//! Every dialect and quirk, on self-written fixtures.

use crate::support::*;

fn one(name: &str, extra: &[&str]) -> serde_json::Value {
    let v = import_json(&[&fixture(name)], extra);
    assert_eq!(v["rejected"], serde_json::json!([]), "{name}: {v}");
    v
}

#[test]
fn strong_2016_unit_in_column_name() {
    let v = one("strong_2016.csv", &[]);
    assert_eq!(v["files"][0]["format"], "strong-2016");
    assert_totals(&v, 2, 6, 0, 750.0, "2016-10-03", "2016-10-14");
}

#[test]
fn strong_2018_per_row_units_newest_first() {
    let v = one("strong_2018.csv", &[]);
    assert_eq!(v["files"][0]["format"], "strong-2018");
    assert_totals(&v, 3, 5, 0, 1012.5 * LB + 300.0, "2018-10-31", "2019-01-20");
}

#[test]
fn strong_2018_whole_lines_wrapped_in_quotes() {
    let v = one("strong_2018_wrapped.csv", &[]);
    assert_totals(&v, 2, 3, 0, 522.5 * LB, "2018-06-27", "2018-06-29");
}

#[test]
fn strong_ios_needs_unit_and_says_so() {
    let out = strainscope(["import", fixture("strong_ios.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("strong_ios.csv:1:6: column \"Weight\" gives weights with no unit"),
        "{err}"
    );
    assert!(err.contains("--unit kg or --unit lb"), "{err}");

    let v = one("strong_ios.csv", &["--unit", "lb"]);
    assert_eq!(v["files"][0]["format"], "strong-ios");
    // Two Rest Timer pseudo-rows dropped; decimal reps (10.0) and float dust accepted.
    assert_eq!(v["pseudo_rows"], 2);
    let lb = 920.0 + 420.0 + 149.99999999999997 * 8.0 + 1500.0 + 350.0 + 675.0;
    assert_totals(&v, 5, 8, 0, lb * LB, "2021-07-07", "2025-06-04");
    // "264h 1m" is a timer left running: reported, not used.
    assert!(
        v["notices"][0].as_str().unwrap().contains("over 24 h"),
        "{v}"
    );

    let kg = one("strong_ios.csv", &["--unit", "kg"]);
    assert_totals(&kg, 5, 8, 0, lb, "2021-07-07", "2025-06-04");
}

#[test]
fn strong_android_rpe_and_empty_bodyweight_unit() {
    let v = one("strong_android.csv", &[]);
    assert_eq!(v["files"][0]["format"], "strong-android");
    assert_totals(&v, 3, 5, 0, 1680.0 * LB, "2022-09-20", "2022-11-30");
}

#[test]
fn strong_v6_tags_and_pseudo_rows() {
    let v = one("strong_v6.csv", &[]);
    assert_eq!(v["files"][0]["format"], "strong-v6");
    assert_eq!(
        v["files"][0]["pseudo_rows"],
        serde_json::json!({"Note": 1, "Rest Timer": 1})
    );
    // W is a warm-up (excluded from volume); D and F count.
    assert_totals(&v, 3, 8, 1, 1990.0, "2025-02-24", "2025-03-24");
}

#[test]
fn strong_v6_in_pounds_and_miles() {
    let v = one("strong_v6_lbs.csv", &[]);
    assert_totals(&v, 1, 2, 0, 1125.0 * LB, "2025-02-24", "2025-02-24");
}

#[test]
fn hevy_set_types_multiline_notes_and_padded_days() {
    let v = one("hevy_kg.csv", &[]);
    assert_eq!(v["files"][0]["format"], "hevy");
    assert_totals(
        &v,
        3,
        8,
        1,
        525.0 + 600.0 + 480.0,
        "2024-03-01",
        "2025-12-05",
    );
}

#[test]
fn hevy_units_vary_independently() {
    let v = one("hevy_lbs_miles.csv", &[]);
    assert_totals(&v, 1, 2, 0, 1395.0 * LB, "2025-10-25", "2025-10-25");
    let v = one("hevy_kg_miles.csv", &[]);
    assert_totals(&v, 1, 2, 0, 89.0, "2025-04-02", "2025-04-02");
}

#[test]
fn fitnotes_unquoted_commas_are_repaired_not_dropped() {
    let v = one("fitnotes_9col.csv", &[]);
    assert_eq!(v["files"][0]["format"], "fitnotes");
    assert_totals(&v, 2, 5, 0, 395.0 + 120.0 * LB, "2025-04-29", "2025-05-02");
    // The repaired names are whole, so the catalog sees "Overhead Press (Each Side, Dumbbells)".
    let names: Vec<&str> = v["unknown_exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert!(!names.contains(&"Overhead Press (Each Side"), "{names:?}");
}

#[test]
fn fitnotes_comment_column_and_legacy_header() {
    let v = one("fitnotes_10col.csv", &[]);
    assert_totals(&v, 2, 4, 0, 750.0, "2026-08-04", "2026-08-05");
    let v = one("fitnotes_legacy.csv", &[]);
    assert_totals(&v, 2, 4, 0, 300.0 * LB, "2017-06-23", "2017-07-04");
}

#[test]
fn fitbod_offsets_warmups_blank_lines_and_time_zone() {
    let v = one("fitbod.csv", &[]);
    assert_eq!(v["files"][0]["format"], "fitbod");
    assert_eq!(v["blank_lines"], 2);
    let volume = 20.41168092460379 * 10.0 * 2.0 + 500.0;
    assert_totals(&v, 4, 7, 1, volume, "2019-08-15", "2025-08-20");
    // In New York the 01:49 UTC workout falls on the evening before: one day fewer.
    let ny = one("fitbod.csv", &["--tz", "America/New_York"]);
    assert_totals(&ny, 3, 7, 1, volume, "2019-08-14", "2025-08-19");
}

#[test]
fn unknown_time_zone_is_a_usage_error() {
    let out = strainscope([
        "import",
        fixture("fitbod.csv").to_str().unwrap(),
        "--tz",
        "Mars/Olympus",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Mars/Olympus"), "{}", stderr(&out));
}

#[test]
fn generic_format_and_map() {
    let v = one("generic.csv", &[]);
    assert_eq!(v["files"][0]["format"], "generic");
    assert_totals(&v, 2, 4, 1, 1000.0, "2026-05-18", "2026-05-20");

    let v = one(
        "mapped.csv",
        &[
            "--map",
            "date=Tag,time=Uhrzeit,exercise=Übung,weight_kg=Gewicht,reps=Wdh",
        ],
    );
    assert_eq!(v["files"][0]["format"], "mapped");
    assert_totals(
        &v,
        2,
        3,
        0,
        100.5 * 10.0 + 480.0,
        "2026-05-18",
        "2026-05-19",
    );

    let out = strainscope([
        "import",
        fixture("mapped.csv").to_str().unwrap(),
        "--map",
        "date=Tag,exercise=Exercise",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains(
            "--map names column \"Exercise\" for exercise, but the header has no such column"
        ),
        "{}",
        stderr(&out)
    );

    let out = strainscope([
        "import",
        fixture("mapped.csv").to_str().unwrap(),
        "--map",
        "lift=Übung",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"lift\" is not a field strainscope knows"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn several_files_add_up() {
    let v = import_json(&[&fixture("strong_v6.csv"), &fixture("hevy_kg.csv")], &[]);
    assert_totals(&v, 6, 16, 2, 1990.0 + 1605.0, "2024-03-01", "2025-12-05");
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["files"][1]["path"].as_str().unwrap(),
        fixture("hevy_kg.csv").to_str().unwrap()
    );
}

#[test]
fn out_writes_the_generic_format_and_reimports_to_the_same_counts() {
    let dir = tempfile::tempdir().unwrap();
    for (name, extra) in [
        ("strong_ios.csv", vec!["--unit", "lb"]),
        ("hevy_kg.csv", vec![]),
        ("fitnotes_9col.csv", vec![]),
        ("fitbod.csv", vec![]),
        ("strong_v6.csv", vec![]),
    ] {
        let out_path = dir.path().join(format!("{name}.sets.csv"));
        let mut args = vec!["--out", out_path.to_str().unwrap()];
        args.extend(extra.iter().copied());
        let first = import_json(&[&fixture(name)], &args);
        let again = import_json(&[&out_path], &[]);
        assert_eq!(again["files"][0]["format"], "generic");
        for key in ["workouts", "sets", "warmup_sets", "first_day", "last_day"] {
            assert_eq!(first[key], again[key], "{name}: {key}");
        }
        let (a, b) = (
            first["volume_kg"].as_f64().unwrap(),
            again["volume_kg"].as_f64().unwrap(),
        );
        assert!((a - b).abs() < 1e-9, "{name}: {a} vs {b}");
    }
    // No temporary files are left beside the output.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".strainscope"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn text_summary_shows_format_counts_and_unknown_names() {
    let out = strainscope(["import", fixture("strong_v6.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let s = stdout(&out);
    assert!(s.contains("(strong-v6)"), "{s}");
    assert!(s.contains("workouts   3"), "{s}");
    assert!(s.contains("sets       8 (1 warm-up)"), "{s}");
    assert!(s.contains("volume     1990.0 kg"), "{s}");
    assert!(s.contains("dates      2025-02-24 to 2025-03-24"), "{s}");
    assert!(
        s.contains("skipped    1 Note, 1 Rest Timer (not sets)"),
        "{s}"
    );
    assert!(s.contains("rejected   0 rows"), "{s}");
}

#[test]
fn input_files_are_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("strong.csv");
    std::fs::copy(fixture("strong_v6.csv"), &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let modified = std::fs::metadata(&copy).unwrap().modified().unwrap();
    let out_path = dir.path().join("out.csv");
    let _ = import_json(&[&copy], &["--out", out_path.to_str().unwrap()]);
    assert_eq!(std::fs::read(&copy).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&copy).unwrap().modified().unwrap(),
        modified
    );
}

#[test]
fn config_file_supplies_unit_and_exercise_mappings() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("strainscope.toml");
    std::fs::write(
        &config,
        "[import]\nunit = \"lb\"\n\n[exercises]\n\"Zercher Good Morning Thing\" = \"good-morning\"\n",
    )
    .unwrap();
    let csv = dir.path().join("s.csv");
    std::fs::write(
        &csv,
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
         2021-07-07 18:35:21,A,31m,Zercher Good Morning Thing,1,100,5,0,0,,,\n\
         2021-07-07 18:35:21,A,31m,Mystery Move,1,100,5,0,0,,,\n",
    )
    .unwrap();
    let v = import_json(&[&csv], &["--config", config.to_str().unwrap()]);
    assert_totals(&v, 1, 2, 0, 1000.0 * LB, "2021-07-07", "2021-07-07");
    assert_eq!(
        v["unknown_exercises"],
        serde_json::json!([{"name": "Mystery Move", "sets": 1}])
    );
    // The flag wins over the file.
    let kg = import_json(
        &[&csv],
        &["--config", config.to_str().unwrap(), "--unit", "kg"],
    );
    assert_totals(&kg, 1, 2, 0, 1000.0, "2021-07-07", "2021-07-07");

    std::fs::write(&config, "[import]\nunits = \"lb\"\n").unwrap();
    let out = strainscope([
        "import",
        csv.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 2: unknown field `units`"),
        "{}",
        stderr(&out)
    );
}
