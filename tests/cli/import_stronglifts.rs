//! StrongLifts, both exports, on self-written fixtures: the wide "spreadsheet" export in US, UK
//! and ambiguous date orders, its second header variant in pounds, and the current export.

use crate::support::*;

fn one(name: &str, extra: &[&str]) -> serde_json::Value {
    let v = import_json(&[&fixture(name)], extra);
    assert_eq!(v["rejected"], serde_json::json!([]), "{name}: {v}");
    v
}

#[test]
fn wide_us_dates_blocks_failed_and_timed_sets() {
    let v = one("stronglifts_wide_us.csv", &[]);
    assert_eq!(v["files"][0]["format"], "stronglifts-wide");
    // 03/13/19 settles month first. Row 2: a failed set (`0`) is kept with 0 reps, the
    // deadlift has one set, and the plank's 3 cells are seconds (no volume); row 3 is shorter
    // than the header and its dips weigh 0.
    let volume = 25.0 * (40.0 + 30.0 + 35.0)
        + 42.5 * 24.0
        + 25.0 * 18.0
        + 60.0 * 5.0
        + 25.0 * (45.0 + 32.5 + 37.5);
    assert_totals(&v, 3, 46, 0, volume, "2019-03-05", "2019-03-13");
}

#[test]
fn wide_uk_dates_and_two_workouts_on_one_day() {
    let v = one("stronglifts_wide_uk.csv", &[]);
    // 21/03/2019 settles day first; the two rows of 04/03/2019 are two workouts; the last row
    // has empty fields past the header.
    let volume = 25.0 * (50.0 + 40.0 + 45.0) + 15.0 * 36.0 + 52.5 * 23.0 + 30.0 * 25.0 + 80.0 * 5.0;
    assert_totals(&v, 3, 32, 0, volume, "2019-03-04", "2019-03-21");
}

#[test]
fn dates_that_show_their_order_outrank_the_option() {
    // 21/03/2019 can only be day first: the file is read day first even under
    // `--date-order mdy` (say, a `date_order` in the config meant for another file), so no
    // workout moves by months.
    let v = import_json(
        &[&fixture("stronglifts_wide_uk.csv")],
        &["--date-order", "mdy"],
    );
    assert_eq!(v["rejected"], serde_json::json!([]), "{v}");
    assert_eq!(v["first_day"], "2019-03-04");
    assert_eq!(v["last_day"], "2019-03-21");
}

#[test]
fn wide_second_header_in_pounds_uses_the_lifters_unit() {
    // `183lb` body weights: both weight columns are filled, the lb one is the lifter's.
    let v = one("stronglifts_wide_lb.csv", &[]);
    let lb = 25.0 * (135.0 + 100.0 + 110.0) + 25.0 * (140.0 + 65.0) + 155.0 * 5.0;
    assert_totals(&v, 2, 26, 0, lb * LB, "2019-06-18", "2019-06-20");
}

#[test]
fn ambiguous_dates_are_refused_with_the_option_that_settles_them() {
    let path = fixture("stronglifts_wide_ambiguous.csv");
    let out = strainscope(["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("stronglifts_wide_ambiguous.csv: the dates in column \"Date\" can be read day first or month first"),
        "{err}"
    );
    assert!(
        err.contains("\"01/02/20\" reads as 1 February 2020 or as January 2, 2020"),
        "{err}"
    );
    assert!(
        err.contains("--date-order dmy or --date-order mdy"),
        "{err}"
    );
    assert!(
        err.contains("date_order = \"dmy\" under [import] in strainscope.toml"),
        "{err}"
    );

    let volume = 25.0 * (60.0 + 62.5 + 65.0);
    let mdy = one("stronglifts_wide_ambiguous.csv", &["--date-order", "mdy"]);
    assert_totals(&mdy, 3, 15, 0, volume, "2020-01-02", "2020-02-01");
    let dmy = one("stronglifts_wide_ambiguous.csv", &["--date-order", "dmy"]);
    assert_totals(&dmy, 3, 15, 0, volume, "2020-01-02", "2020-04-01");
}

#[test]
fn date_order_from_the_settings_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("strainscope.toml");
    std::fs::write(&config, "[import]\ndate_order = \"dmy\"\n").unwrap();
    let v = one(
        "stronglifts_wide_ambiguous.csv",
        &["--config", config.to_str().unwrap()],
    );
    assert_eq!(v["last_day"], "2020-04-01");
}

#[test]
fn mixed_date_forms_are_refused() {
    let path = fixture("stronglifts_wide_mixed.csv");
    let out = strainscope(["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("mix day first (\"15/05/17\") and month first (\"05/16/17\")"),
        "{err}"
    );
    assert!(err.contains("edited in a spreadsheet"), "{err}");
    assert!(err.contains("export it again"), "{err}");
}

#[test]
fn current_export_failed_sets_and_12_hour_times() {
    let v = one("stronglifts_current.csv", &[]);
    assert_eq!(v["files"][0]["format"], "stronglifts");
    // `-` and `0` beside a weight are failed sets (0 reps); `-` with no weight is no set;
    // the plank's cells are seconds.
    assert_totals(
        &v,
        2,
        14,
        0,
        70.0 * 20.0 + 50.0 * 19.0 + 100.0 * 5.0,
        "2025-10-07",
        "2025-10-09",
    );

    let out = strainscope([
        "import",
        fixture("stronglifts_current.csv").to_str().unwrap(),
        "--out",
        "-",
    ]);
    let csv = stdout(&out);
    // 6:40 PM to 7:43 PM; 11:50 PM to 12:05 AM crosses midnight: 15 minutes.
    assert!(
        csv.contains(
            "2025-10-07 #12,2025-10-07 18:40:00,Workout A,Squat,back-squat,5,working,70,0,"
        ),
        "{csv}"
    );
    assert!(csv.contains(",Plank,plank,1,working,0,,,,40,"), "{csv}");
    assert!(
        csv.contains("2025-10-09 #13,2025-10-09 23:50:00,Workout B,Deadlift,deadlift,1,working,100,5,,,,,,900,"),
        "{csv}"
    );
}

#[test]
fn two_weights_that_disagree_need_the_unit() {
    // No body weight says the lifter's unit; 60 kg beside 135 lb is a rounded conversion (kg
    // is used), but 100 beside 100 is not one weight.
    let path = fixture("stronglifts_wide_two_weights.csv");
    let out = strainscope(["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains(
            "stronglifts_wide_two_weights.csv:2:14: the weight is given as 100 kg and as 100 lb"
        ),
        "{err}"
    );
    assert!(err.contains("--unit kg or --unit lb"), "{err}");

    let lb = one("stronglifts_wide_two_weights.csv", &["--unit", "lb"]);
    let pounds = 135.0 * 25.0 + 100.0 * 15.0 + 140.0 * 25.0;
    assert_totals(&lb, 2, 13, 0, pounds * LB, "2019-10-14", "2019-10-16");
    let kg = one("stronglifts_wide_two_weights.csv", &["--unit", "kg"]);
    assert_totals(
        &kg,
        2,
        13,
        0,
        60.0 * 25.0 + 100.0 * 15.0 + 62.5 * 25.0,
        "2019-10-14",
        "2019-10-16",
    );
}
