//! `PainModel::PullDays`: the design of issue 11, where exercises ride along with the cause.
//!
//! The dense program's weeks ([`super::plan::plain_plans`], no planted pain and no reaction to
//! pain), rearranged into fixed days:
//!
//! - pull-ups, seated rows and curls only on the Monday "Deadlift + Pull" day (they leave
//!   Tuesday's upper session, Wednesday's arms block and the streak's arms day);
//! - the deadlift on [`DEADLIFT_ON_PULL_DAY`] of the pull days and [`DEADLIFT_ON_LEG_DAY`] of
//!   the Thursday leg days (the week's working sets, copied);
//! - after each deadlift session, with probability `deadlift_risk_pct` %, a lower-back episode
//!   with its onset 6–44 h later: the next morning, or after the next day's session (which is
//!   what the carry-over rule of science.md §4b is for);
//! - pain that has nothing to do with training on top, as in `PainModel::Independent`, lower
//!   back included.
//!
//! With `deadlift_risk_pct: 0` it is a null log of the same design.

use chrono::{Duration, NaiveDate, NaiveTime, Timelike};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::lifter::names::{BICEP_CURL, DEADLIFT, HAMMER_CURL, PULL_UP, SEATED_ROW};
use super::{SynthExercise, SynthWorkout};
use crate::model::PainEntry;
use crate::model::{Quality, Region};

/// Share of the pull days with deadlifts.
pub const DEADLIFT_ON_PULL_DAY: f64 = 0.6;
/// Share of the leg days with deadlifts.
pub const DEADLIFT_ON_LEG_DAY: f64 = 0.25;

/// Rearranges a dense plain log's workouts into the design's days; `rng` decides which days
/// have deadlifts.
pub(super) fn rearrange(rng: &mut ChaCha8Rng, workouts: &mut [SynthWorkout]) {
    let mut week_deadlift: Option<SynthExercise> = None;
    for w in workouts.iter_mut() {
        let before = w.set_count();
        match w.name.as_str() {
            "Deadlift + Pull" => {
                week_deadlift = w.exercises.iter().find(|e| e.name == DEADLIFT).cloned();
                if !rng.random_bool(DEADLIFT_ON_PULL_DAY) {
                    w.exercises.retain(|e| e.name != DEADLIFT);
                }
            }
            "Legs" => {
                if let Some(dl) = week_deadlift.as_ref()
                    && rng.random_bool(DEADLIFT_ON_LEG_DAY)
                {
                    w.exercises.insert(1, dl.clone());
                }
            }
            _ => w.exercises.retain(|e| {
                ![PULL_UP, SEATED_ROW, BICEP_CURL, HAMMER_CURL].contains(&e.name.as_str())
            }),
        }
        let after = w.set_count();
        if after != before && before > 0 {
            // The workout's length follows its sets.
            w.duration_s = (f64::from(w.duration_s) * after as f64 / before as f64).round() as u32;
        }
    }
}

/// Lower-back episodes after deadlift sessions, never overlapping one another.
pub(super) fn plant(
    rng: &mut ChaCha8Rng,
    workouts: &[SynthWorkout],
    deadlift_risk_pct: u32,
) -> Vec<PainEntry> {
    let mut out = Vec::new();
    // The last day of the previous planted episode, plus the diary's 3-day gap.
    let mut free_from: Option<NaiveDate> = None;
    for w in workouts.iter().filter(|w| w.has(DEADLIFT)) {
        if !rng.random_bool(f64::from(deadlift_risk_pct) / 100.0) {
            continue;
        }
        let delay = Duration::minutes(rng.random_range(6 * 60..=44 * 60));
        let onset = w.start + delay;
        // Diary times are written to the 5 minutes.
        let onset = onset.date().and_time(
            NaiveTime::from_hms_opt(onset.hour(), onset.minute() / 5 * 5, 0).expect("valid"),
        );
        if free_from.is_some_and(|f| onset.date() <= f) {
            continue;
        }
        let days = rng.random_range(2..=4i64);
        let mut intensity: u8 = rng.random_range(3..=6);
        for d in 0..days {
            let date = onset.date() + Duration::days(d);
            let time = if d == 0 {
                Some(onset.time())
            } else {
                NaiveTime::from_hms_opt(7, 30, 0)
            };
            let quality = if d == 0 {
                Quality::Sharp
            } else {
                Quality::Ache
            };
            out.push(entry(date, time, intensity, Some(quality)));
            intensity = intensity.saturating_sub(rng.random_range(1..=2)).max(1);
        }
        let end = onset.date() + Duration::days(days);
        out.push(entry(end, NaiveTime::from_hms_opt(7, 30, 0), 0, None));
        free_from = Some(end + Duration::days(4));
    }
    out
}

fn entry(date: NaiveDate, time: Option<NaiveTime>, intensity: u8, q: Option<Quality>) -> PainEntry {
    PainEntry {
        // As the diary reads an entry without a time: at noon (science.md §3).
        at: date.and_time(time.unwrap_or(crate::diary::DEFAULT_TIME)),
        time_given: time.is_some(),
        region: Region::LowerBack,
        side: None,
        intensity,
        quality: q,
        symptoms: Vec::new(),
        notes: String::new(),
        inferred: false,
        source: super::unwritten(),
    }
}

/// The facts the evaluation relies on, for tests: sessions with each exercise by day name.
#[cfg(test)]
mod tests {
    use super::super::{PainModel, SimOptions, SyntheticLog, simulate};
    use super::*;

    fn log(pct: u32) -> SyntheticLog {
        simulate(&SimOptions {
            seed: 7,
            start: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            weeks: 104,
            pain: PainModel::PullDays {
                deadlift_risk_pct: pct,
                entries_per_year: 40,
            },
        })
    }

    #[test]
    fn passengers_only_on_pull_days_and_the_deadlift_on_some_pull_and_leg_days() {
        let log = log(25);
        let days = |name: &str, ex: &str| {
            log.workouts
                .iter()
                .filter(|w| w.name == name && w.has(ex))
                .count()
        };
        let pull = log
            .workouts
            .iter()
            .filter(|w| w.name == "Deadlift + Pull")
            .count();
        for passenger in [PULL_UP, SEATED_ROW, BICEP_CURL] {
            let all = log.workouts.iter().filter(|w| w.has(passenger)).count();
            assert_eq!(all, days("Deadlift + Pull", passenger), "{passenger}");
            assert_eq!(all, pull, "{passenger} on every pull day");
        }
        assert!(
            log.workouts
                .iter()
                .all(|w| !w.has(HAMMER_CURL) || w.name == "Deadlift + Pull")
        );
        let on_pull = days("Deadlift + Pull", DEADLIFT) as f64 / pull as f64;
        assert!((0.5..0.7).contains(&on_pull), "{on_pull}");
        let legs = log.workouts.iter().filter(|w| w.name == "Legs").count();
        let on_legs = days("Legs", DEADLIFT) as f64 / legs as f64;
        assert!((0.15..0.35).contains(&on_legs), "{on_legs}");
    }

    #[test]
    fn lower_back_onsets_follow_deadlift_sessions_by_6_to_44_hours() {
        let planted = log(25);
        let null = log(0);
        // The training is the same with and without the effect.
        assert_eq!(planted.workouts, null.workouts);
        let onsets = super::super::episodes(&planted.pain);
        let back: Vec<_> = onsets
            .iter()
            .filter(|e| e.region == Region::LowerBack)
            .collect();
        let after_deadlift = |at: chrono::NaiveDateTime| {
            planted.workouts.iter().any(|w| {
                w.has(DEADLIFT)
                    && at > w.start + Duration::hours(6) - Duration::minutes(5)
                    && at <= w.start + Duration::hours(44)
            })
        };
        let planted_n = back.iter().filter(|e| after_deadlift(e.onset)).count();
        let null_back = super::super::episodes(&null.pain)
            .iter()
            .filter(|e| e.region == Region::LowerBack)
            .count();
        // About a quarter of ~88 deadlift sessions, minus overlaps; the null has only chance.
        assert!(
            (12..=30).contains(&planted_n),
            "{planted_n} of {}",
            back.len()
        );
        assert!(null_back < planted_n, "{null_back} vs {planted_n}");
    }
}
