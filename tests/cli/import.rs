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
    let leftovers: Vec<String> = file_names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with(".strainscope"))
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

#[test]
fn hevy_from_a_us_phone_month_first_with_am_pm() {
    let v = one("hevy_us.csv", &[]);
    assert_eq!(v["files"][0]["format"], "hevy");
    // 12:05 AM is just after midnight (Mar 1), 12:29 PM just after noon; the warm-up carries no
    // volume; the plank and the treadmill carry none either.
    let lb = 225.0 * 5.0 * 2.0 + 185.0 * 6.0 + 185.0 * 4.0;
    assert_totals(&v, 3, 8, 1, lb * LB, "2026-03-01", "2026-03-07");
    let out = strainscope([
        "import",
        fixture("hevy_us.csv").to_str().unwrap(),
        "--out",
        "-",
    ]);
    let sets = stdout(&out);
    assert!(sets.contains("2026-03-01 00:05:00"), "{sets}");
    assert!(sets.contains("2026-03-05 12:29:00"), "{sets}");
    assert!(sets.contains("2026-03-07 23:48:00"), "{sets}");
}

#[test]
fn hevy_month_names_in_the_phone_language() {
    let v = one("hevy_fr.csv", &[]);
    let kg = 80.0 * 5.0 * 2.0 + 100.0 * 5.0 * 2.0 + 140.0 * 3.0 + 145.0 * 3.0 + 150.0 * 2.0;
    assert_totals(&v, 5, 7, 0, kg, "2025-02-02", "2025-12-03");
}

#[test]
fn a_whole_workout_stored_twice_is_counted_once_with_a_warning() {
    let v = one("strong_doubled.csv", &["--unit", "kg"]);
    // Workout A of Nov 2 is stored twice (the squat renamed in the copy): 3 sets, not 6. The
    // deadlift of Nov 4 is two rows that are both set 1 of one exercise: a copy too. The planks
    // of Nov 6 are sets 1 and 2, equal but real, and that workout's halves differ: all kept.
    let kg = 100.0 * 5.0 * 2.0 + 70.0 * 5.0 + 140.0 * 5.0 + 102.5 * 5.0 * 2.0;
    assert_totals(&v, 3, 8, 0, kg, "2015-11-02", "2015-11-06");
    let notice = v["notices"][0].as_str().unwrap();
    assert!(
        notice.starts_with("2 workouts are stored twice in this file (the first copy left out is lines 5–7); 4 copied sets were left out"),
        "{notice}"
    );
    let kept = one("strong_doubled.csv", &["--unit", "kg", "--keep-duplicates"]);
    assert_totals(
        &kept,
        3,
        12,
        0,
        kg + 100.0 * 5.0 * 2.0 + 70.0 * 5.0 + 140.0 * 5.0,
        "2015-11-02",
        "2015-11-06",
    );
    assert_eq!(kept["notices"], serde_json::json!([]));
}

#[test]
fn overlapping_exports_count_each_workout_once() {
    let dir = tempfile::tempdir().unwrap();
    let full = std::fs::read_to_string(fixture("strong_v6.csv")).unwrap();
    let lines: Vec<&str> = full.lines().collect();
    // a: the header and every row (3 workouts); b: the header and the last two workouts, plus
    // a newer one (next week's export, which repeats what a already had).
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    std::fs::write(&a, lines.join("\n") + "\n").unwrap();
    let half = 6; // the first row of the second workout
    let newer = "\"9\";\"2025-04-01 09:00:00\";\"New\";\"1800\";\"Squat (Barbell)\";\"1\";\"60.0\";\"5\";\"\";\"\";\"\";\"\";\"\"";
    let mut b_lines = vec![lines[0]];
    b_lines.extend(&lines[half..]);
    b_lines.push(newer);
    std::fs::write(&b, b_lines.join("\n") + "\n").unwrap();
    let alone = import_json(&[&a], &[]);
    let both = import_json(&[&a, &b], &[]);
    let sets = alone["sets"].as_u64().unwrap();
    let volume = alone["volume_kg"].as_f64().unwrap();
    assert_eq!(both["sets"].as_u64().unwrap(), sets + 1);
    assert!((both["volume_kg"].as_f64().unwrap() - (volume + 300.0)).abs() < 1e-9);
    assert_eq!(both["workouts"], alone["workouts"].as_u64().unwrap() + 1);
    let merged_sets = both["merged"]["sets"].as_u64().unwrap();
    assert!(merged_sets > 0);
    assert_eq!(
        both["files"][0]["sets"].as_u64().unwrap() + merged_sets,
        sets,
        "a keeps what b does not repeat"
    );
    // The same file twice is the same as once.
    let twice = import_json(&[&a, &a], &[]);
    assert_eq!(twice["sets"], alone["sets"]);
    assert_eq!(twice["merged"]["sets"], alone["sets"]);
    // The text summary says how many were merged.
    let out = strainscope(["import", a.to_str().unwrap(), b.to_str().unwrap()]);
    let text = stdout(&out);
    let workouts = both["merged"]["workouts"].as_u64().unwrap();
    assert!(
        text.contains(&format!(
            "merged     {workouts} workouts ({merged_sets} sets) were in more than one file and are counted once"
        )),
        "{text}"
    );
    // --keep-duplicates counts both.
    let kept = import_json(&[&a, &b], &["--keep-duplicates"]);
    assert_eq!(kept["sets"].as_u64().unwrap(), sets + merged_sets + 1);
}

#[test]
fn a_spreadsheet_resave_still_imports() {
    // sep=; line, semicolons, quotes stripped, float noise, "1.0" set numbers, empty ;;;; rows,
    // and a multi-line note that lost its opening quote (one record became two lines).
    let v = import_json(&[&fixture("strong_ios_resaved.csv")], &["--unit", "kg"]);
    let noisy: f64 = "62.500000000000007".parse().unwrap();
    let kg = 115.0 * 4.0 + noisy * 4.0 + 20.0 * 21.0 + 149.99999999999997 * 8.0;
    assert_totals(&v, 2, 4, 0, kg, "2021-07-07", "2021-07-09");
    assert_eq!(v["blank_lines"], 2);
    let rejected = v["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1, "{v}");
    assert_eq!(rejected[0]["line"], 7);
    let reason = rejected[0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("a spreadsheet broke when it re-saved the file"),
        "{reason}"
    );
    assert!(
        v["notices"][0]
            .as_str()
            .unwrap()
            .contains("Exporting the file again from the app"),
        "{v}"
    );
    // Tab-separated with TRUE/FALSE and an empty row.
    let v = one("fitbod_resaved.tsv", &[]);
    assert_totals(&v, 1, 3, 1, 480.0, "2025-08-20", "2025-08-20");
}

#[test]
fn a_file_that_mostly_cannot_be_read_stops_the_run() {
    let path = fixture("all_bad_dates.csv");
    let p = path.to_str().unwrap();
    for args in [vec!["import", p], vec!["report", "--workouts", p]] {
        let out = strainscope(&args);
        assert_eq!(out.status.code(), Some(3), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "{p}: 3 of 3 rows could not be read as hevy sets, so this file is not analysed"
            )),
            "{err}"
        );
        assert!(
            err.contains("likely cause: values like \"Tuesday 12:29\" in column \"start_time\" are not understood"),
            "{err}"
        );
        assert!(
            err.contains(&format!("{p}:2:2: \"Tuesday 12:29\"")),
            "{err}"
        );
        assert!(err.contains("export it again if not"), "{err}");
        assert!(!stdout(&out).contains("Nothing to flag"));
    }
    let out = strainscope(["import", fixture("header_only.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("holds no sets (only a header)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn strict_names_the_first_bad_rows() {
    let path = fixture("bad_rows.csv");
    let p = path.to_str().unwrap();
    let out = strainscope(["import", p, "--strict"]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: 6 bad rows (--strict); the first:\n"),
        "{err}"
    );
    assert!(
        err.contains(&format!("  {p}:2:7: \"8O\" in column \"Weight (kg)\" is not valid (expected a weight from 0 to 1000 kg, such as 82.5)")),
        "{err}"
    );
    assert!(err.contains("… and 1 more"), "{err}");
}

#[test]
fn a_diary_passed_as_workouts_and_a_log_passed_as_the_diary_say_where_they_belong() {
    let diary = fixture("diary.csv");
    let out = strainscope(["import", diary.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("this is a strainscope pain diary, not a file for --workouts"),
        "{err}"
    );
    assert!(err.contains("pass it with --pain instead"), "{err}");

    let bearable = fixture("bearable.csv");
    let out = strainscope(["report", "--workouts", bearable.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out)
            .contains("this is a Bearable export (a symptom diary), not a file for --workouts"),
        "{}",
        stderr(&out)
    );

    let log = fixture("hevy_kg.csv");
    let out = strainscope([
        "report",
        "--workouts",
        log.to_str().unwrap(),
        "--pain",
        log.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("this is a Hevy workout export, not a file for --pain"),
        "{err}"
    );
    assert!(err.contains("pass it with --workouts instead"), "{err}");
}

#[test]
fn import_json_reports_the_share_of_known_exercises() {
    let v = one("hevy_fr.csv", &[]);
    // "Développé couché (barre)" (2 of 7 sets) is not in the catalog; the rest is.
    assert_eq!(v["files"][0]["known_exercise_pct"], 71.4);
}

#[test]
fn numeric_dates_whose_order_nothing_settles_are_refused_until_date_order_says() {
    // A Hevy export re-saved by a spreadsheet: "1 Dec 2025, 10:53" became "01/12/2025 10:53".
    let path = fixture("hevy_resaved.csv");
    let p = path.to_str().unwrap();
    let out = strainscope(["import", p]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{p}: the dates in column \"start_time\" can be read day first or month first (\"01/12/2025 10:53\" reads as 1 December 2025 or as January 12, 2025), and no date in the file settles it")),
        "{err}"
    );
    assert!(
        err.contains("--date-order dmy or --date-order mdy"),
        "{err}"
    );
    assert!(err.contains("date_order = \"dmy\" under [import]"), "{err}");

    let dmy = import_json(&[&path], &["--date-order", "dmy"]);
    assert_totals(
        &dmy,
        2,
        3,
        0,
        82.5 * 10.0 + 420.0,
        "2025-12-01",
        "2025-12-03",
    );
    let mdy = import_json(&[&path], &["--date-order", "mdy"]);
    assert_totals(
        &mdy,
        2,
        3,
        0,
        82.5 * 10.0 + 420.0,
        "2025-01-12",
        "2025-03-12",
    );

    // The config file settles it too.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("strainscope.toml");
    std::fs::write(&config, "[import]\ndate_order = \"mdy\"\n").unwrap();
    let out = strainscope(["--config", config.to_str().unwrap(), "import", p, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["first_day"], "2025-01-12");

    // One date above 12 settles the whole file.
    let v = one("hevy_resaved_dmy.csv", &[]);
    assert_totals(&v, 2, 3, 0, 82.5 * 10.0 + 420.0, "2025-12-01", "2025-12-13");
}
