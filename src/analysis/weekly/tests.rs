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

/// Days from Monday `start`, one load per day.
fn days_from(start: NaiveDate, loads: &[f64]) -> Vec<Day> {
    loads
        .iter()
        .enumerate()
        .map(|(i, &l)| crate::analysis::testing::day(start + chrono::Days::new(i as u64), l))
        .collect()
}

#[test]
fn a_regular_routine_has_a_weekly_acwr_of_one_every_week() {
    // Mon, Wed, Fri heavy; the daily ratio of this routine swings every week.
    let week = [500.0, 0.0, 500.0, 0.0, 500.0, 0.0, 0.0];
    let loads: Vec<f64> = week.iter().copied().cycle().take(7 * 8).collect();
    let start = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(); // a Monday
    let w = weeks(&days_from(start, &loads), &[]).unwrap();
    let ratios: Vec<Option<f64>> = w.iter().map(|w| w.acwr.weekly).collect();
    assert_eq!(
        &ratios[..3],
        &[None, None, None],
        "the first 3 weeks have no 4-week mean"
    );
    assert!(ratios[3..].iter().all(|r| *r == Some(1.0)), "{ratios:?}");
}

#[test]
fn oracle_weekly_acwr_is_this_week_over_the_coupled_four_week_mean() {
    // Loads 1000, 1000, 1000, 1400 a week: 1400 / ((1000 · 3 + 1400) / 4) = 1.272727.
    let mut loads = vec![1000.0 / 7.0; 21];
    loads.extend([200.0; 7]);
    let start = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let w = weeks(&days_from(start, &loads), &[]).unwrap();
    let r = w[3].acwr.weekly.expect("week 4 has a ratio");
    assert!((r - 1400.0 / 1100.0).abs() < 1e-9, "{r}");
}

#[test]
fn partial_weeks_have_no_weekly_acwr() {
    // Starts on a Wednesday and ends on a Saturday: the first and last weeks are partial.
    let start = NaiveDate::from_ymd_opt(2026, 6, 3).unwrap();
    let w = weeks(&days_from(start, &[100.0; 5 + 28 + 6]), &[]).unwrap();
    assert_eq!(w.first().unwrap().days, 5);
    assert_eq!(w.last().unwrap().days, 6);
    let ratios: Vec<Option<f64>> = w.iter().map(|w| w.acwr.weekly).collect();
    // Weeks 2–5 are whole; week 5 is the first with 4 whole weeks up to it.
    assert_eq!(ratios, [None, None, None, None, Some(1.0), None]);
}

#[test]
fn no_chronic_load_leaves_the_weekly_acwr_undefined() {
    let start = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let w = weeks(&days_from(start, &[0.0; 28]), &[]).unwrap();
    assert_eq!(w[3].acwr.weekly, None);
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
