//! Issue 11: the adjusted estimates blame the deadlift, not the exercises done with it.
//!
//! The ignored evaluation simulates 2-year lifters (`PainModel::PullDays`: pull-ups, rows and
//! curls only on pull days, deadlifts on 60 % of pull days and 25 % of leg days, a lower-back
//! onset 6–44 h after 25 % of deadlift sessions) and null lifters, and counts the seeds that
//! meet each target of the issue, with the crude q beside for comparison. Run it with
//! `cargo test --release --test cli attribution -- --ignored --nocapture`;
//! `ATTRIBUTION_SEEDS=20` runs fewer seeds (the assertions scale).

use serde_json::Value;
use strainscope::analysis::associations::{Association, ExposureKind};
use strainscope::model::Region;
use strainscope::synth::{PainModel, SimOptions, simulate};

use crate::support::*;

const PASSENGERS: [&str; 3] = ["pull-up", "seated-row", "biceps-curl"];

fn two_years(seed: u64, pain: PainModel) -> Vec<Association> {
    let log = simulate(&SimOptions {
        seed,
        start: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        weeks: 104,
        pain,
    });
    analyse_synthetic(&log).associations
}

/// Seeds meeting each measure, by one q (adjusted or crude).
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    deadlift_top: usize,
    passenger_flagged: usize,
    other_exercise_flagged: usize,
    any_flagged: usize,
}

fn tally(rows: &[Association], q: impl Fn(&Association) -> Option<f64>, t: &mut Tally) {
    let primary: Vec<&Association> = rows
        .iter()
        .filter(|r| r.window_h == 48 && r.enough_data)
        .collect();
    let flagged = |r: &&&Association| q(r).is_some_and(|q| q < 0.1);
    let back: Vec<&Association> = primary
        .iter()
        .copied()
        .filter(|r| r.region == Region::LowerBack)
        .collect();
    let top = back
        .iter()
        .min_by(|x, y| q(x).unwrap_or(2.0).total_cmp(&q(y).unwrap_or(2.0)));
    // A tie at the top is not a win.
    let best = top.and_then(|r| q(r));
    let tied = back.iter().filter(|r| q(r) == best).count();
    if top.is_some_and(|r| r.exposure == "deadlift") && tied == 1 {
        t.deadlift_top += 1;
    }
    let back_exercises = || {
        back.iter()
            .filter(|r| r.exposure_kind == ExposureKind::Exercise && r.exposure != "deadlift")
    };
    if back_exercises()
        .filter(|r| PASSENGERS.contains(&r.exposure.as_str()))
        .any(|r| flagged(&r))
    {
        t.passenger_flagged += 1;
    }
    if back_exercises().any(|r| flagged(&r)) {
        t.other_exercise_flagged += 1;
    }
    if primary.iter().any(|r| flagged(&r)) {
        t.any_flagged += 1;
    }
}

#[test]
#[ignore = "slow: 200 two-year simulations; run in release"]
fn adjusted_estimates_blame_the_deadlift_not_its_passengers() {
    let seeds: u64 = std::env::var("ATTRIBUTION_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let (mut adjusted, mut crude) = (Tally::default(), Tally::default());
    let (mut null_adjusted, mut null_crude) = (Tally::default(), Tally::default());
    let (mut same_design_null, mut same_design_crude) = (Tally::default(), Tally::default());
    for seed in 0..seeds {
        let rows = two_years(
            seed,
            PainModel::PullDays {
                deadlift_risk_pct: 25,
                entries_per_year: 40,
            },
        );
        tally(&rows, |r| r.adjusted.q, &mut adjusted);
        tally(&rows, |r| r.crude.q, &mut crude);
        let rows = two_years(
            1000 + seed,
            PainModel::Independent {
                entries_per_year: 100,
            },
        );
        tally(&rows, |r| r.adjusted.q, &mut null_adjusted);
        tally(&rows, |r| r.crude.q, &mut null_crude);
        let rows = two_years(
            2000 + seed,
            PainModel::PullDays {
                deadlift_risk_pct: 0,
                entries_per_year: 40,
            },
        );
        tally(&rows, |r| r.adjusted.q, &mut same_design_null);
        tally(&rows, |r| r.crude.q, &mut same_design_crude);
    }
    eprintln!("{seeds} seeds per design; adjusted (crude)");
    eprintln!(
        "deadlift top lower-back row: {} ({})",
        adjusted.deadlift_top, crude.deadlift_top
    );
    eprintln!(
        "a passenger (pull-up, seated row, biceps curl) at q < 0.1: {} ({})",
        adjusted.passenger_flagged, crude.passenger_flagged
    );
    eprintln!(
        "any exercise but the deadlift at q < 0.1 for lower back: {} ({})",
        adjusted.other_exercise_flagged, crude.other_exercise_flagged
    );
    eprintln!(
        "null (plain plans, independent pain): any row at q < 0.1: {} ({})",
        null_adjusted.any_flagged, null_crude.any_flagged
    );
    eprintln!(
        "null (pull-day design, no effect): any row at q < 0.1: {} ({})",
        same_design_null.any_flagged, same_design_crude.any_flagged
    );
    let share = |k: usize| (k as u64 * seeds).div_ceil(100) as usize;
    assert!(adjusted.deadlift_top >= share(95), "{adjusted:?}");
    assert!(adjusted.passenger_flagged <= share(5), "{adjusted:?}");
    assert!(adjusted.other_exercise_flagged <= share(8), "{adjusted:?}");
    assert!(null_adjusted.any_flagged <= share(10), "{null_adjusted:?}");
    assert!(
        same_design_null.any_flagged <= share(10),
        "{same_design_null:?}"
    );
}

/// The sample logs: pull-ups and rows rode along with the deadlift on Mondays. Adjusted for
/// the deadlift they are no longer significant, and their rows say so.
#[test]
fn the_sample_blames_the_deadlift_and_explains_pull_ups_and_rows() {
    let v = sample_report_json();
    let back: Vec<&Value> = v["associations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["region"] == "lower-back" && r["window_h"] == 48)
        .collect();
    let row = |id: &str| *back.iter().find(|r| r["exposure"] == id).unwrap();
    assert_eq!(back[0]["exposure"], "deadlift");
    assert!(back[0]["q_adjusted"].as_f64().unwrap() < 0.001);
    for passenger in ["pull-up", "seated-row"] {
        let r = row(passenger);
        assert!(r["q"].as_f64().unwrap() < 0.01, "{r}");
        assert!(r["q_adjusted"].as_f64().unwrap() >= 0.1, "{r}");
        assert_eq!(r["explained_by"], "deadlift", "{r}");
        assert_eq!(r["adjusted_for"][0], "deadlift", "{r}");
    }
    // Done in the same sessions every time: the log cannot tell them apart.
    assert_eq!(
        row("pull-up")["inseparable_from"],
        serde_json::json!(["seated-row"])
    );
    assert_eq!(
        row("seated-row")["inseparable_from"],
        serde_json::json!(["pull-up"])
    );
}

/// The findings follow the adjusted estimates: the sample warns about the deadlift for
/// lower-back pain, and about no exercise that only rode along with it. Its warning says what
/// it accounts for, and the exercises named for change are named on their own evidence.
#[test]
fn the_sample_warns_about_the_deadlift_only() {
    let v = sample_report_json();
    let warnings = v["warnings"].as_array().unwrap();
    let associations: Vec<&Value> = warnings
        .iter()
        .filter(|w| w["kind"] == "association")
        .collect();
    assert_eq!(associations.len(), 1, "{associations:?}");
    let deadlift = associations[0];
    assert_eq!(deadlift["region"], "lower-back");
    assert_eq!(deadlift["exercises"], serde_json::json!(["deadlift"]));
    let evidence = deadlift["evidence"].as_str().unwrap();
    assert!(
        evidence.contains("It also accounts for"),
        "names what it explains: {evidence}"
    );
    for passenger in ["Pull-up", "Seated cable or band row", "axial loading"] {
        assert!(evidence.contains(passenger), "{passenger}: {evidence}");
    }
    // What to change: nothing pulled in through a tag whose signal is the deadlift's.
    let named: Vec<&str> = v["implicated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["exercise"].as_str().unwrap())
        .collect();
    for passenger in ["pull-up", "seated-row", "leg-press"] {
        assert!(!named.contains(&passenger), "{passenger} in {named:?}");
    }
    assert!(named.contains(&"deadlift"), "{named:?}");
}
