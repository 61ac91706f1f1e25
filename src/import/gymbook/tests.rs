use super::values::*;
use super::*;
use crate::model::WeightUnit;

#[test]
fn reps_and_times_carry_their_unit_word() {
    assert_eq!(parse_amount("20 ripetizioni"), Some(Amount::Reps(20.0)));
    assert_eq!(parse_amount("8 Wiederholungen"), Some(Amount::Reps(8.0)));
    assert_eq!(parse_amount("12 reps"), Some(Amount::Reps(12.0)));
    assert_eq!(parse_amount("12"), Some(Amount::Reps(12.0)));
    assert_eq!(parse_amount("60 secondi"), Some(Amount::Seconds(60.0)));
    assert_eq!(parse_amount("45 Sekunden"), Some(Amount::Seconds(45.0)));
    assert_eq!(parse_amount("6 minuti"), Some(Amount::Seconds(360.0)));
    assert_eq!(parse_amount("1,5 minutes"), Some(Amount::Seconds(90.0)));
    assert_eq!(parse_amount("1:30"), Some(Amount::Seconds(90.0)));
    assert_eq!(parse_amount(""), Some(Amount::Empty));
    assert_eq!(parse_amount("20 kg"), None);
    assert_eq!(parse_amount("lots"), None);
    assert_eq!(parse_amount("5000 reps"), None);
}

#[test]
fn weights_and_distances_carry_their_unit() {
    assert_eq!(parse_load("20,00 kg", None), Some(Load::Kg(20.0)));
    assert_eq!(parse_load("62.5 kg", None), Some(Load::Kg(62.5)));
    assert_eq!(parse_load("0,00 kg", None), Some(Load::Kg(0.0)));
    let Some(Load::Kg(kg)) = parse_load("45,00 lbs", None) else {
        panic!("45 lb is a weight");
    };
    assert!((kg - 45.0 * 0.45359237).abs() < 1e-9);
    assert_eq!(parse_load("0,55 km", None), Some(Load::Meters(550.0)));
    assert_eq!(parse_load("400 m", None), Some(Load::Meters(400.0)));
    assert_eq!(parse_load("1.200,5 m", None), Some(Load::Meters(1200.5)));
    assert_eq!(parse_load("1 mi", None), Some(Load::Meters(1609.344)));
    assert_eq!(parse_load("", None), Some(Load::Empty));
    assert_eq!(parse_load("20", Some(WeightUnit::Kg)), Some(Load::Kg(20.0)));
    assert_eq!(parse_load("20", None), None);
    assert_eq!(parse_load("2000 kg", None), None);
    assert_eq!(parse_load("20 stone", None), None);
    assert_eq!(parse_load("heavy", None), None);
}

#[test]
fn localized_numbers() {
    for (cell, number) in [("20,00", 20.0), ("1.234,5", 1234.5), ("1,234.5", 1234.5)] {
        assert_eq!(parse_localized(cell), Some(number), "{cell}");
    }
    for cell in ["1.2.3", ""] {
        assert_eq!(parse_localized(cell), None, "{cell}");
    }
}

#[test]
fn skipped_cells_in_several_languages() {
    let answers: [(&[&str], Option<bool>); 3] = [
        (&["Si", "Sì", "Yes", "Ja"], Some(true)),
        (&["No", "Nein", ""], Some(false)),
        (&["maybe"], None),
    ];
    for (cells, skipped) in answers {
        for cell in cells {
            assert_eq!(is_skipped(cell), skipped, "{cell}");
        }
    }
}

#[test]
fn the_header_shape_finds_the_columns_in_any_language() {
    let header = |names: &str| Header::new(names.split(',').map(str::to_string).collect());
    let opts = super::super::ImportOptions::default();
    let ctx = DetectContext {
        path: "x.csv",
        opts: &opts,
    };
    // Spanish, not in the name lists for every column: the fixed layout places them.
    let es = header(
        "Fecha,Programa,Hora,Ejercicio,Zona,Primarios,Secundarios,Serie / Serie de calentamiento / Serie de enfriamiento,Repeticiones / Tiempo,Peso / Distancia,Notas,Omitido",
    );
    assert!(detect(&es, &ctx).unwrap().is_some());
    let other = header("Date,Exercise,Reps,Weight");
    assert!(detect(&other, &ctx).unwrap().is_none());
    let no_pairs = header("Date,Exercise,Set / Warm-up set / Cool-down set,Reps,Weight");
    assert!(detect(&no_pairs, &ctx).unwrap().is_none());
}
