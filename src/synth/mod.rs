//! A small, deterministic generator of realistic synthetic training logs and pain diaries.
//!
//! It simulates one recreational lifter who also runs, week by week, and renders what the
//! apps would have exported: [`write_strong_v6`], [`write_hevy`] and [`write_diary`] produce
//! the exact dialects the importers read. Two uses:
//!
//! - [`sample_story`]: a fixed six-month story with planted patterns (deadlift load jumps
//!   followed by lower-back pain, a 9-day episode with numbness, a 7-day training streak, a
//!   running spike followed by knee pain, ordinary leg-day soreness). The files in
//!   `sample_logs/` are made from it by `cargo run --example make_sample_logs`.
//! - [`simulate`]: any length and seed, with pain either planted by the same mechanics or drawn
//!   independently of training (for null tests: no exercise should come out as a risk).
//!
//! Everything is driven by [`rand_chacha::ChaCha8Rng`], whose output is stable across platforms
//! and releases, so a seed always gives the same log, byte for byte.

mod facts;
mod lifter;
mod pain;
mod plan;
mod pull_days;
mod write;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::model::{Measures, PainEntry, SetKind, SourceRef};

pub use facts::{
    Episode, LoadJump, LogSize, Onset, PainFacts, StoryFacts, WeekTonnage, deadlift_weekly_tonnage,
    episodes, sessions_before, story_facts, weekly_running_km, weekly_tonnage,
};
pub use lifter::names;
pub use pull_days::{DEADLIFT_ON_LEG_DAY, DEADLIFT_ON_PULL_DAY};
pub use write::{STRONG_V6_HEADER, hevy_exercise_name, write_diary, write_hevy, write_strong_v6};

/// One simulated log: every workout (oldest first) and every pain diary entry (oldest first).
///
/// The entries are the model's own [`PainEntry`]: what reading the written diary gives back,
/// except that they come from no file yet (see [`unwritten`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticLog {
    pub workouts: Vec<SynthWorkout>,
    pub pain: Vec<PainEntry>,
}

impl SyntheticLog {
    /// Logged sets of every kind (warm-ups included), pseudo-rows excluded.
    pub fn set_count(&self) -> usize {
        self.workouts.iter().map(SynthWorkout::set_count).sum()
    }
}

/// One logged workout.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthWorkout {
    /// Local wall-clock start.
    pub start: NaiveDateTime,
    /// The routine name the app shows ("Deadlift + Pull", "Easy Run").
    pub name: String,
    pub duration_s: u32,
    /// Workout-level note (Strong "Workout Notes", Hevy "description").
    pub notes: String,
    pub exercises: Vec<SynthExercise>,
}

impl SynthWorkout {
    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::seconds(i64::from(self.duration_s))
    }

    pub fn set_count(&self) -> usize {
        self.exercises.iter().map(|e| e.sets.len()).sum()
    }

    pub fn date(&self) -> NaiveDate {
        self.start.date()
    }

    /// True when the workout has at least one set of `exercise` (Strong-style name).
    pub fn has(&self, exercise: &str) -> bool {
        self.exercises.iter().any(|e| e.name == exercise)
    }
}

/// One exercise instance inside a workout: a contiguous run of sets.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthExercise {
    /// The name as Strong exports it ("Deadlift (Barbell)", "Running"); the Hevy writer maps
    /// the few names Hevy spells differently with [`hevy_exercise_name`].
    pub name: String,
    /// The exercise note. Both apps attach notes to the exercise, not to single sets: Strong
    /// writes it on the exercise's first row, Hevy repeats it on every row.
    pub notes: String,
    pub pseudo_rows: PseudoRows,
    /// Hevy superset group, unique within the workout.
    pub superset_id: Option<u32>,
    pub sets: Vec<SynthSet>,
}

/// What Strong exports around an exercise's sets as pseudo-rows, which are not sets; Hevy
/// exports neither. The default is none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PseudoRows {
    /// A pinned note: a `Note` row before the sets.
    pub pinned_note: Option<String>,
    /// When set, the app's rest timer ran after each set: a `Rest Timer` row after every set
    /// but the workout's last.
    pub rest_timer_s: Option<u32>,
}

/// One logged set; the default is an empty working set. Its measures are the model's own:
/// what importing the written export gives back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SynthSet {
    pub kind: SetKind,
    pub weight_kg: Option<f64>,
    pub measures: Measures,
}

impl SynthSet {
    /// A set of `kind`: `reps` at `kg`.
    pub fn lifted(kind: SetKind, kg: f64, reps: u32) -> SynthSet {
        SynthSet {
            kind,
            weight_kg: Some(kg),
            measures: Measures {
                reps: Some(f64::from(reps)),
                ..Measures::default()
            },
        }
    }

    /// A working set of `reps` at `kg`.
    pub fn working(kg: f64, reps: u32) -> SynthSet {
        SynthSet::lifted(SetKind::Working, kg, reps)
    }

    /// A working set without weight: bodyweight reps, a timed hold, a run.
    pub fn unweighted(measures: Measures) -> SynthSet {
        SynthSet {
            measures,
            ..SynthSet::default()
        }
    }

    /// reps × weight, 0 for warm-ups (science.md §1).
    pub fn volume_kg(&self) -> f64 {
        if self.kind == SetKind::Warmup {
            return 0.0;
        }
        self.measures.reps.unwrap_or(0.0) * self.weight_kg.unwrap_or(0.0)
    }
}

/// How pain entries are made in [`simulate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PainModel {
    /// Pain onsets on uniformly random days and hours, drawn from their own random stream and
    /// never looking at the training: every exercise is independent of pain. About
    /// `entries_per_year` diary entries (0 entries included) per simulated year.
    Independent { entries_per_year: u32 },
    /// The story's mechanics over any length: deadlift load jumps followed by lower-back pain
    /// (now and then a long episode with a skipped week), running spikes followed by knee
    /// pain, leg-day soreness, the odd 7-day streak and back pain after gardening, plus a
    /// little unrelated background pain.
    Planted,
    /// Issue 11's design (`pull_days.rs`): pull-ups, rows and curls only on pull days, the
    /// deadlift on 60 % of pull days and 25 % of leg days, and a lower-back onset 6–44 h after a
    /// deadlift session with probability `deadlift_risk_pct` %; plus
    /// [`PainModel::Independent`]'s unrelated pain at `entries_per_year`.
    PullDays {
        deadlift_risk_pct: u32,
        entries_per_year: u32,
    },
}

/// Options of [`simulate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SimOptions {
    pub seed: u64,
    /// First simulated day; training weeks start on the Monday on or after it.
    pub start: NaiveDate,
    pub weeks: u32,
    pub pain: PainModel,
}

/// First Monday of the fixed story.
pub const STORY_START: NaiveDate = match NaiveDate::from_ymd_opt(2026, 5, 18) {
    Some(d) => d,
    None => panic!("valid date"),
};
/// Weeks in the story; weeks 1–13 were logged in Strong, 14–26 in Hevy.
pub const STORY_WEEKS: u32 = 26;
/// The day the lifter switched from Strong to Hevy (Monday of week 14).
pub const STORY_HEVY_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2026, 8, 17) {
    Some(d) => d,
    None => panic!("valid date"),
};
const STORY_SEED: u64 = 0x5742_4149_4E53_0001;

/// The fixed six-month story behind `sample_logs/` (see `sample_logs/README.md`).
pub fn sample_story() -> SyntheticLog {
    let plans = plan::story_plans();
    lifter::render(STORY_SEED, STORY_START, &plans, lifter::Volume::Story)
}

/// Simulates `opts.weeks` weeks of training and a pain diary.
///
/// The weekly program is the story's, with more sets per session (about 110 sets a week, so
/// five years give about 29,000 sets).
pub fn simulate(opts: &SimOptions) -> SyntheticLog {
    let monday = next_monday(opts.start);
    let mut plan_rng = rng(opts.seed, 0);
    match opts.pain {
        PainModel::Planted => {
            let plans = plan::planted_plans(&mut plan_rng, opts.weeks);
            let mut log = lifter::render(opts.seed, monday, &plans, lifter::Volume::Dense);
            let end = monday + Duration::days(7 * i64::from(opts.weeks)) - Duration::days(1);
            let mut noise_rng = rng(opts.seed, 3);
            pain::add_background(&mut noise_rng, &mut log.pain, monday, end, 11);
            log.pain.sort_by_key(|e| e.at);
            log
        }
        PainModel::Independent { entries_per_year } => {
            let plans = plan::plain_plans(&mut plan_rng, opts.weeks);
            let mut log = lifter::render(opts.seed, monday, &plans, lifter::Volume::Dense);
            let end = monday + Duration::days(7 * i64::from(opts.weeks)) - Duration::days(1);
            let mut pain_rng = rng(opts.seed, 2);
            log.pain = pain::independent(&mut pain_rng, monday, end, entries_per_year);
            log
        }
        PainModel::PullDays {
            deadlift_risk_pct,
            entries_per_year,
        } => {
            let plans = plan::plain_plans(&mut plan_rng, opts.weeks);
            let mut log = lifter::render(opts.seed, monday, &plans, lifter::Volume::Dense);
            pull_days::rearrange(&mut rng(opts.seed, 5), &mut log.workouts);
            let end = monday + Duration::days(7 * i64::from(opts.weeks)) - Duration::days(1);
            log.pain = pull_days::plant(&mut rng(opts.seed, 6), &log.workouts, deadlift_risk_pct);
            pain::add_independent(
                &mut rng(opts.seed, 2),
                &mut log.pain,
                monday,
                end,
                entries_per_year,
            );
            log.pain.sort_by_key(|e| e.at);
            log
        }
    }
}

/// Where a generated entry comes from before [`write_diary`] puts it in a file: no file, line 0
/// (as for an entry `pain add` is about to write).
pub fn unwritten() -> SourceRef {
    SourceRef {
        file: Arc::from("(synthetic)"),
        line: 0,
    }
}

fn next_monday(d: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    let ahead = (7 - d.weekday().num_days_from_monday()) % 7;
    d + Duration::days(i64::from(ahead))
}

/// One random stream per purpose, so that e.g. the pain model never shifts the training.
fn rng(seed: u64, stream: u64) -> rand_chacha::ChaCha8Rng {
    use rand::SeedableRng;
    let mut r = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    r.set_stream(stream);
    r
}
