//! "Fit Notes" for iOS on a self-written fixture: UTC times, decimal commas in quoted numbers,
//! NotStarted rows, warm-ups, a timed set, no unit.

use crate::support::*;

#[test]
fn fitnotes_ios_needs_a_unit() {
    let out = strainscope(["import", fixture("fitnotes_ios.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("fitnotes_ios.csv:1:8: column \"Weight\" gives weights with no unit"),
        "{err}"
    );
}

#[test]
fn fitnotes_ios_status_warmups_decimal_commas_and_local_days() {
    let f = fixture("fitnotes_ios.csv");
    let v = import_json(&[&f], &["--unit", "kg", "--tz", "Europe/Berlin"]);
    assert_eq!(v["rejected"], serde_json::json!([]), "{v}");
    assert_eq!(v["files"][0]["format"], "fitnotes-ios");
    assert_eq!(
        v["files"][0]["pseudo_rows"],
        serde_json::json!({"not started": 2})
    );
    // "72,5" is 72.5 kg; the Failed set counts; warm-ups (true and TRUE) carry no volume; the
    // plank is timed. 22:30 UTC on 6 May is 00:30 on 7 May in Berlin.
    let volume = 72.5 * 12.0 + 72.5 * 4.0 + 31.25 * 12.0 + 35.0 * 15.0;
    assert_totals(&v, 2, 9, 2, volume, "2025-05-07", "2025-05-08");

    let utc = import_json(&[&f], &["--unit", "kg"]);
    assert_eq!(utc["first_day"], "2025-05-06");

    let out = strainscope([
        "import",
        f.to_str().unwrap(),
        "--unit",
        "kg",
        "--tz",
        "Europe/Berlin",
        "--out",
        "-",
    ]);
    let csv = stdout(&out);
    // RPE "7,5", a Failed set, a timed set with no reps, the workout's length from its end.
    assert!(
        csv.contains(",Squat,back-squat,3,working,72.5,6,7.5,,,Knee a bit sore,,3312,"),
        "{csv}"
    );
    assert!(
        csv.contains(",Squat,back-squat,4,failure,72.5,4,10,"),
        "{csv}"
    );
    assert!(csv.contains(",Plank,plank,1,working,,,,,45,"), "{csv}");
    assert!(csv.contains("2025-05-07 00:30:00,Legs,"), "{csv}");
}
