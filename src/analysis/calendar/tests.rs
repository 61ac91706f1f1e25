use super::*;

fn ratios(loads: &[f64]) -> DataFrame {
    // One set per day whose tonnage is the day's load.
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let days: Vec<NaiveDate> = (0..loads.len() as u64)
        .map(|i| start + chrono::Days::new(i))
        .collect();
    let sets: Vec<WorkoutSet> = loads
        .iter()
        .zip(&days)
        .map(|(&l, &d)| {
            crate::analysis::testing::set(d.and_hms_opt(18, 0, 0).unwrap(), "deadlift", l, 1.0)
        })
        .collect();
    daily_frame(&sets, &days, &Thresholds::default()).unwrap()
}

fn at(df: &DataFrame, name: &str, i: usize) -> Option<f64> {
    df.column(name).unwrap().f64().unwrap().get(i)
}

#[test]
fn oracle_ewma_and_rolling_acwr_on_day_28() {
    let mut loads = vec![30.0; 21];
    loads.extend([50.0; 7]);
    let df = ratios(&loads);
    assert!((at(&df, "acute", 27).unwrap() - 47.330322).abs() < 1e-6);
    assert!((at(&df, "chronic", 27).unwrap() - 37.871967).abs() < 1e-6);
    assert!((at(&df, "acwr_ewma", 27).unwrap() - 1.249746).abs() < 1e-6);
    assert!((at(&df, "acwr_coupled", 27).unwrap() - 1.428571).abs() < 1e-6);
    assert!((at(&df, "acwr_uncoupled", 27).unwrap() - 1.666667).abs() < 1e-6);
    // Null on days 1–27.
    assert_eq!(at(&df, "acwr_ewma", 26), None);
    assert_eq!(at(&df, "acwr_coupled", 26), None);
}

#[test]
fn zero_chronic_load_gives_no_ratio() {
    let df = ratios(&[0.0; 40]);
    assert_eq!(at(&df, "acwr_ewma", 35), None);
    assert_eq!(at(&df, "acwr_uncoupled", 35), None);
}

#[test]
fn layoffs_need_fourteen_idle_days() {
    let mut trained = vec![true; 3];
    trained.extend([false; 13]);
    trained.push(true);
    trained.extend([false; 14]);
    trained.push(true);
    let mask = layoff_mask(&trained, 14);
    assert_eq!(mask.iter().filter(|m| **m).count(), 14);
    assert!(!mask[5]);
    assert!(mask[20]);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn acwr_of_a_constant_load_is_one(load in 1.0f64..5000.0, n in 28usize..80) {
            let df = ratios(&vec![load; n]);
            for i in 27..n {
                for name in ["acwr_ewma", "acwr_coupled", "acwr_uncoupled"] {
                    let r = at(&df, name, i).unwrap();
                    prop_assert!((r - 1.0).abs() < 1e-9, "{name} day {i}: {r}");
                }
            }
        }

        #[test]
        fn uncoupled_is_3c_over_4_minus_c_on_weekly_constant_loads(weeks in prop::collection::vec(1.0f64..3000.0, 5..10)) {
            // Each week has one constant daily load.
            let loads: Vec<f64> = weeks.iter().flat_map(|&w| [w; 7]).collect();
            let df = ratios(&loads);
            for i in (27..loads.len()).filter(|i| i % 7 == 6) {
                let c = at(&df, "acwr_coupled", i).unwrap();
                let u = at(&df, "acwr_uncoupled", i).unwrap();
                prop_assert!((u - 3.0 * c / (4.0 - c)).abs() < 1e-9 * u.max(1.0), "day {i}: {u} vs {c}");
            }
        }
    }
}
