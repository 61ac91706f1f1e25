use super::*;

#[test]
fn oracle_e1rm() {
    assert!((e1rm_epley(100.0, 10.0) - 133.3333).abs() < 1e-4);
    assert!((e1rm_brzycki(100.0, 10.0) - 133.3333).abs() < 1e-4);
    assert!((e1rm_epley(100.0, 5.0) - 116.6667).abs() < 1e-4);
    assert!((e1rm_brzycki(100.0, 5.0) - 112.5).abs() < 1e-9);
    assert_eq!(e1rm_epley(140.0, 1.0), 140.0);
    assert_eq!(e1rm_brzycki(140.0, 1.0), 140.0);
}

#[test]
fn oracle_monotony_and_strain() {
    let start = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(); // a Monday
    let loads = [300.0, 0.0, 300.0, 0.0, 300.0, 0.0, 0.0];
    let days: Vec<Day> = loads
        .iter()
        .enumerate()
        .map(|(i, &l)| crate::analysis::testing::day(start + chrono::Days::new(i as u64), l))
        .collect();
    let w = weeks(&days, &[]).unwrap();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].week.to_string(), "2026-W23");
    assert!(
        (w[0].load.monotony.unwrap() - 0.8660).abs() < 1e-4,
        "{:?}",
        w[0].load.monotony
    );
    assert!(
        (w[0].load.strain.unwrap() - 779.42).abs() < 0.01,
        "{:?}",
        w[0].load.strain
    );
    assert_eq!(w[0].training.rest_days, 4);
}

#[test]
fn constant_week_has_undefined_monotony() {
    let start = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let days: Vec<Day> = (0..7)
        .map(|i| crate::analysis::testing::day(start + chrono::Days::new(i), 100.0))
        .collect();
    let w = weeks(&days, &[]).unwrap();
    assert_eq!(w[0].load.monotony, None);
    assert_eq!(w[0].load.strain, None);
}

#[test]
fn partial_weeks_have_no_monotony_and_change_needs_a_previous_load() {
    let start = NaiveDate::from_ymd_opt(2026, 6, 3).unwrap(); // a Wednesday
    let days: Vec<Day> = (0..12)
        .map(|i| crate::analysis::testing::day(start + chrono::Days::new(i), 100.0 + i as f64))
        .collect();
    let w = weeks(&days, &[]).unwrap();
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].days, 5);
    assert_eq!(w[0].load.monotony, None);
    assert_eq!(w[0].load.change_pct, None);
    let expected = 100.0 * (w[1].load.kg - w[0].load.kg) / w[0].load.kg;
    assert!((w[1].load.change_pct.unwrap() - expected).abs() < 1e-9);
}
