//! Real exports published by their owners, in ../shared/real-exports/ (never copied into the
//! project). Skipped where that folder does not exist. The expected numbers come from an
//! independent count (a separate script reading the files with Python's csv module).

use crate::support::*;

/// (file, extra options, workouts, sets, warm-up sets, volume kg, first day, last day)
type Expected = (
    &'static str,
    &'static [&'static str],
    u64,
    u64,
    u64,
    f64,
    &'static str,
    &'static str,
);

const LB: &[&str] = &["--unit", "lb"];
/// The JEFIT lifter's phone ran on US Eastern time (SETTING `zonedifference` -4).
const NEW_YORK: &[&str] = &["--tz", "America/New_York"];

const EXPECTED: &[Expected] = &[
    (
        "fitbod_joe.csv",
        LB,
        150,
        2856,
        32,
        205555.8328,
        "2018-08-20",
        "2022-01-05",
    ),
    (
        "fitnotes_bilallb.csv",
        LB,
        78,
        1624,
        0,
        256297.5000,
        "2025-04-29",
        "2025-09-16",
    ),
    (
        "gymbook_it.csv",
        LB,
        158,
        4988,
        109,
        1353178.7500,
        "2023-05-05",
        "2025-01-09",
    ),
    (
        "fitnotes_ios.csv",
        &["--unit", "kg", "--tz", "Europe/Paris"],
        50,
        804,
        0,
        148333.6500,
        "2025-02-23",
        "2026-05-21",
    ),
    (
        "hevy_mouadja_kg.csv",
        LB,
        17,
        330,
        0,
        165952.0000,
        "2025-05-13",
        "2025-06-30",
    ),
    (
        "hevy_smdesai_lbs.csv",
        LB,
        209,
        3430,
        0,
        1407089.3446,
        "2025-01-12",
        "2025-10-25",
    ),
    (
        "hevy_us_ampm.csv",
        &[],
        103,
        2274,
        0,
        676368.0,
        "2025-09-08",
        "2026-04-12",
    ),
    (
        "jefit_backup.csv",
        NEW_YORK,
        660,
        10401,
        2,
        4694103.7107,
        "2010-11-28",
        "2026-06-01",
    ),
    (
        "strong_abishake.csv",
        LB,
        47,
        868,
        0,
        168452.8000,
        "2025-02-24",
        "2025-05-21",
    ),
    (
        "strong_albtian_s1.csv",
        LB,
        312,
        4690,
        0,
        1525021.7732,
        "2021-07-07",
        "2022-12-06",
    ),
    (
        "strong_bv_export.csv",
        LB,
        61,
        723,
        0,
        64567.7399,
        "2018-06-18",
        "2019-01-20",
    ),
    (
        "strong_bv_export0.csv",
        LB,
        5,
        67,
        0,
        5049.3903,
        "2018-06-18",
        "2018-06-27",
    ),
    (
        "strong_joshuayoes.csv",
        LB,
        20,
        323,
        0,
        102838.4621,
        "2022-09-20",
        "2022-11-30",
    ),
    (
        "strong_shrey_s1.csv",
        LB,
        10,
        109,
        0,
        16682.6738,
        "2025-06-03",
        "2025-06-15",
    ),
    (
        "stronglifts_wide_us.csv",
        &[],
        46,
        670,
        0,
        135395.0000,
        "2018-05-16",
        "2018-09-24",
    ),
];

#[test]
fn every_real_export_imports_with_exact_counts() {
    let dir = root().join("../shared/real-exports");
    if !dir.is_dir() {
        eprintln!("skipped: {} does not exist", dir.display());
        return;
    }
    for &(name, args, workouts, sets, warmups, volume, first, last) in EXPECTED {
        let v = import_json(&[&dir.join(name)], args);
        assert_eq!(v["rejected"], serde_json::json!([]), "{name}");
        assert_eq!(v["workouts"], workouts, "{name} workouts");
        assert_eq!(v["sets"], sets, "{name} sets");
        assert_eq!(v["warmup_sets"], warmups, "{name} warm-ups");
        assert_eq!(v["first_day"], first, "{name}");
        assert_eq!(v["last_day"], last, "{name}");
        let got = v["volume_kg"].as_f64().unwrap();
        assert!(
            (got - volume).abs() <= volume * 1e-6 + 0.01,
            "{name}: volume {got} vs {volume}"
        );
    }
    // Every file in the folder is covered by the table above.
    let files: Vec<String> = file_names(&dir)
        .into_iter()
        .filter(|n| n.ends_with(".csv"))
        .collect();
    let mut known: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    known.sort();
    assert_eq!(files, known);
}
