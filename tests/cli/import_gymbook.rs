//! GymBook: Italian, German and English headers on self-written fixtures (units inside the
//! values, decimal commas, warm-up and cool-down kinds, skipped sets, UTF-16, date orders).

use crate::support::*;

fn one(name: &str, extra: &[&str]) -> serde_json::Value {
    let v = import_json(&[&fixture(name)], extra);
    assert_eq!(v["rejected"], serde_json::json!([]), "{name}: {v}");
    assert_eq!(v["files"][0]["format"], "gymbook", "{name}");
    v
}

/// The sets as the generic format writes them, one map per row.
fn sets_of(name: &str, extra: &[&str]) -> Vec<std::collections::BTreeMap<String, String>> {
    exported_sets(&fixture(name), extra)
}

#[test]
fn italian_units_in_values_skipped_sets_and_set_kinds() {
    let v = one("gymbook_it.csv", &[]);
    // 12 rows: 3 skipped (one of them a day with nothing done), 1 warm-up (no volume).
    // Volume: 2 × 5 × 82,50 + 8 × 60 + 8 × 62,50.
    assert_totals(&v, 2, 9, 1, 1805.0, "2025-03-12", "2025-03-14");
    assert_eq!(
        v["files"][0]["pseudo_rows"],
        serde_json::json!({"skipped set": 3})
    );
    let sets = sets_of("gymbook_it.csv", &[]);
    // A workout is a day: it starts at its earliest set (17:55, a row without a programme) and
    // is named after the day's programmes.
    let day = |d: &'static str| sets.iter().filter(move |s| s["workout_id"] == d);
    assert!(day("2025-03-14").all(|s| s["start"] == "2025-03-14 17:55:00"));
    assert!(day("2025-03-14").all(|s| s["workout_name"] == "Giorno B"));
    assert!(day("2025-03-12").all(|s| s["workout_name"] == "Giorno A + Addome extra"));
    let kinds: Vec<&str> = day("2025-03-14").map(|s| s["set_kind"].as_str()).collect();
    assert_eq!(
        kinds,
        [
            "working", "warmup", "working", "working", "working", "working"
        ]
    );
    // "60 secondi" is a timed set; the cool-down "8 minuti" / "0,75 km" a distance set.
    let plank = sets.iter().find(|s| s["exercise"] == "Planks").unwrap();
    assert_eq!(
        (plank["reps"].as_str(), plank["duration_s"].as_str()),
        ("", "60")
    );
    let walk = sets
        .iter()
        .find(|s| s["exercise"] == "Walking su Tapis Roulant")
        .unwrap();
    assert_eq!(walk["distance_m"], "750");
    assert_eq!(walk["duration_s"], "480");
    assert_eq!(walk["weight_kg"], "");
    assert_eq!(walk["set_kind"], "working");
    // Newest-first days come out oldest first; file order within a day.
    assert_eq!(sets[0]["source_line"], "9");
    assert!(
        sets.iter()
            .any(|s| s["notes"] == "ginocchio destro un po' dolorante, scendo meno")
    );
}

#[test]
fn german_semicolons_dates_with_times_and_day_first_by_language() {
    // Every date reads both ways (05.04.2024, 02.04.2024): a German header means day first.
    let v = one("gymbook_de.csv", &[]);
    // 5 × 120 + 3 × 130 + 2 × 8 × 80,50; the warm-up and the skipped set do not count.
    assert_totals(&v, 2, 7, 1, 2278.0, "2024-04-02", "2024-04-05");
    assert_eq!(v["pseudo_rows"], 1);
    let sets = sets_of("gymbook_de.csv", &[]);
    // The 2 April rows have an empty Zeit cell: the time comes from the Datum cell.
    assert_eq!(sets[0]["start"], "2024-04-02 07:45:00");
    assert_eq!(sets[3]["start"], "2024-04-05 18:02:00");
    let rope = sets
        .iter()
        .find(|s| s["exercise"] == "Seilspringen")
        .unwrap();
    assert_eq!(rope["duration_s"], "120");
    assert_eq!(rope["set_kind"], "working"); // Abkühlungssatz: a cool-down
    let treadmill = sets.iter().find(|s| s["exercise"] == "Laufband").unwrap();
    assert_eq!(treadmill["distance_m"], "1500");
    // --date-order still wins over the language.
    let mdy = one("gymbook_de.csv", &["--date-order", "mdy"]);
    assert_eq!(mdy["first_day"], "2024-02-04");
    assert_eq!(mdy["last_day"], "2024-05-04");
}

#[test]
fn english_utf16_tabs_decimal_commas_month_first() {
    let v = one("gymbook_en_utf16.csv", &[]);
    // 03/14/25 settles month first. 2 × 8 × 60 + 5 × 100 + 5 × 102,50 + 12 × 25 lb.
    let volume = 960.0 + 500.0 + 512.5 + 300.0 * LB;
    assert_totals(&v, 2, 8, 1, volume, "2025-03-02", "2025-03-14");
    assert_eq!(
        v["files"][0]["pseudo_rows"],
        serde_json::json!({"skipped set": 1})
    );
    let sets = sets_of("gymbook_en_utf16.csv", &[]);
    let plank = sets.iter().find(|s| s["exercise"] == "Plank").unwrap();
    assert_eq!(plank["duration_s"], "90"); // "1,5 minutes"
    assert_eq!(plank["weight_kg"], "10");
    let row = sets
        .iter()
        .find(|s| s["exercise"] == "Rowing Machine")
        .unwrap();
    assert_eq!(
        (row["distance_m"].as_str(), row["duration_s"].as_str()),
        ("1200", "300")
    );
    assert_eq!(row["set_kind"], "working"); // cool-down
}

#[test]
fn ambiguous_month_first_or_day_first_dates_are_refused_until_settled() {
    let path = fixture("gymbook_en_ambiguous.csv");
    let out = strainscope(["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains(
            "gymbook_en_ambiguous.csv: the dates in column \"Date\" can be read day first or month first (\"03/05/25\" reads as 3 May 2025 or as March 5, 2025)"
        ),
        "{err}"
    );
    assert!(err.contains("--date-order dmy"), "{err}");
    assert!(err.contains("[import] in strainscope.toml"), "{err}");

    let mdy = one("gymbook_en_ambiguous.csv", &["--date-order", "mdy"]);
    assert_totals(&mdy, 2, 2, 0, 1000.0, "2025-03-04", "2025-03-05");
    let dmy = one("gymbook_en_ambiguous.csv", &["--date-order", "dmy"]);
    assert_totals(&dmy, 2, 2, 0, 1000.0, "2025-04-03", "2025-05-03");
}

#[test]
fn bad_values_are_rejected_with_line_column_and_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gymbook_bad.csv");
    std::fs::write(
        &path,
        "Data,Programma,Orario,Esercizio,Zona,Gruppi muscolari (Primari),Gruppi muscolari (Secondari),Set / Set di riscaldamento / Set di defaticamento,Ripetizioni / Tempo,Peso / Distanza,Appunti,Saltato\n\
         14/03/25,A,18:05,Squat,Gambe,,,Set,\"tante\",\"40,00 kg\",,No\n\
         14/03/25,A,18:06,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 stone\",,No\n\
         14/03/25,A,18:07,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 kg\",,Forse\n\
         14/03/25,A,18:08,Squat,Gambe,,,Set di recupero,\"5 ripetizioni\",\"40,00 kg\",,No\n\
         31/02/25,A,18:09,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 kg\",,No\n\
         14/03/25,A,25:70,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 kg\",,No\n\
         14/03/25,A,18:10,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 kg\",,No\n\
         14/03/25,A,18:11,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 kg\",,No\n\
         14/03/25,A,18:12,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 kg\",,No\n\
         14/03/25,A,18:13,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 kg\",,No\n\
         14/03/25,A,18:14,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 kg\",,No\n\
         14/03/25,A,18:15,Squat,Gambe,,,Set,\"5 ripetizioni\",\"40,00 kg\",,No\n",
    )
    .unwrap();
    // Six bad rows beside six good ones: the file imports (with more bad rows than good
    // ones it would be refused whole).
    let v = import_json(&[&path], &[]);
    assert_eq!(v["sets"], 6);
    assert_eq!(v["volume_kg"], 1200.0);
    let rejected: Vec<(u64, u64, &str)> = v["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
                e["reason"].as_str().unwrap(),
            )
        })
        .collect();
    let expected = [
        (2, 9, "\"tante\" in column \"Ripetizioni / Tempo\""),
        (3, 10, "\"40,00 stone\" in column \"Peso / Distanza\""),
        (4, 12, "\"Forse\" in column \"Saltato\""),
        (5, 8, "\"Set di recupero\""),
        (6, 1, "\"31/02/25\" in column \"Data\""),
        (7, 3, "\"25:70\" in column \"Orario\""),
    ];
    assert_eq!(rejected.len(), expected.len(), "{rejected:?}");
    for ((line, column, reason), (want_line, want_column, want)) in rejected.iter().zip(expected) {
        assert_eq!((*line, *column), (want_line, want_column), "{reason}");
        assert!(reason.contains(want), "{reason}");
    }
    assert!(
        rejected[0].2.contains("such as \"8 reps\""),
        "{:?}",
        rejected[0]
    );
    assert!(
        rejected[3].2.contains("Set di riscaldamento"),
        "{:?}",
        rejected[3]
    );
    assert!(rejected[4].2.contains("day first"), "{:?}", rejected[4]);
}
