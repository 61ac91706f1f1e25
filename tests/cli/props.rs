//! Property tests: random valid rows round-trip through `--out`, and random bytes never panic.

use std::io::Write;

use proptest::prelude::*;
use strainscope::catalog::Catalog;
use strainscope::diary::read_diary;
use strainscope::import::{ImportOptions, import_file, write_generic};

/// (day offset, second of day, exercise, set order, weight kg, reps, RPE, note)
type StrongRow = (
    u32,
    u32,
    String,
    String,
    Option<f64>,
    Option<u32>,
    Option<f64>,
    String,
);

/// One Strong v6 data row from random but valid values.
fn strong_row() -> impl Strategy<Value = StrongRow> {
    (
        0u32..400,    // day offset
        0u32..86_400, // second of day
        prop::sample::select(vec![
            "Deadlift (Barbell)",
            "Squat (Barbell)",
            "Bench Press (Barbell)",
            "Plank",
            "Running",
            "Zercher Lunge",
        ])
        .prop_map(str::to_string),
        prop::sample::select(vec!["1", "2", "3", "W", "D", "F"]).prop_map(str::to_string),
        prop::option::of(0.0f64..500.0),
        prop::option::of(0u32..50),
        prop::option::of((12u32..=20).prop_map(|x| f64::from(x) / 2.0)),
        "[a-zA-Z ,;\"\n]{0,20}",
    )
}

fn write_strong(rows: &[StrongRow]) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(Vec::new());
    w.write_record(strainscope::synth::STRONG_V6_HEADER)
        .unwrap();
    let base = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    for (i, (day, sec, ex, order, weight, reps, rpe, note)) in rows.iter().enumerate() {
        let start = base
            + chrono::Duration::days(i64::from(*day))
            + chrono::Duration::seconds(i64::from(*sec));
        w.write_record([
            (i + 1).to_string(),
            start.format("%Y-%m-%d %H:%M:%S").to_string(),
            "Workout".into(),
            "3600".into(),
            ex.clone(),
            order.clone(),
            weight.map(|x| x.to_string()).unwrap_or_default(),
            reps.map(|x| x.to_string()).unwrap_or_default(),
            rpe.map(|x| x.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
            note.clone(),
            String::new(),
        ])
        .unwrap();
    }
    f.write_all(&w.into_inner().unwrap()).unwrap();
    f
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn valid_rows_round_trip_through_the_generic_format(rows in prop::collection::vec(strong_row(), 1..40)) {
        let catalog = Catalog::embedded();
        let opts = ImportOptions::default();
        let src = write_strong(&rows);
        let first = import_file(src.path(), &opts, catalog).unwrap();
        prop_assert!(first.rejected.is_empty(), "{:?}", first.rejected);
        prop_assert_eq!(first.sets.len(), rows.len());

        let mut out = tempfile::NamedTempFile::new().unwrap();
        let mut bytes = Vec::new();
        write_generic(&first.sets, &mut bytes).unwrap();
        out.write_all(&bytes).unwrap();
        let again = import_file(out.path(), &opts, catalog).unwrap();
        prop_assert!(again.rejected.is_empty(), "{:?}", again.rejected);
        prop_assert_eq!(again.sets.len(), first.sets.len());
        for (a, b) in first.sets.iter().zip(&again.sets) {
            prop_assert_eq!(&a.workout_id, &b.workout_id);
            prop_assert_eq!(a.start, b.start);
            prop_assert_eq!(&a.exercise, &b.exercise);
            prop_assert_eq!(&a.canonical, &b.canonical);
            prop_assert_eq!(a.set_number, b.set_number);
            prop_assert_eq!(a.kind, b.kind);
            prop_assert_eq!(a.weight_kg, b.weight_kg);
            prop_assert_eq!(a.measures.reps, b.measures.reps);
            prop_assert_eq!(a.measures.rpe, b.measures.rpe);
            prop_assert_eq!(&a.notes, &b.notes);
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(&bytes).unwrap();
        let catalog = Catalog::embedded();
        for unit in [None, Some(strainscope::model::WeightUnit::Lb)] {
            let opts = ImportOptions { unit, ..ImportOptions::default() };
            let _ = import_file(f.path(), &opts, catalog);
        }
        let _ = read_diary(f.path());
    }

    #[test]
    fn random_text_after_a_real_header_never_panics(body in "[0-9a-zA-Z ,;\"\\-:.\n\r]{0,400}", which in 0usize..6) {
        let headers = [
            "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (kg)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"",
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
            "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_km\",\"duration_seconds\",\"rpe\"",
            "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time",
            "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier",
            "date,time,region,side,intensity,quality,symptoms,notes",
        ];
        let mut f = tempfile::NamedTempFile::new().unwrap();
        write!(f, "{}\n{}", headers[which], body).unwrap();
        let opts = ImportOptions { unit: Some(strainscope::model::WeightUnit::Kg), ..ImportOptions::default() };
        let _ = import_file(f.path(), &opts, Catalog::embedded());
        let _ = read_diary(f.path());
    }
}
