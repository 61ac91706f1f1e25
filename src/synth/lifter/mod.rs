//! The lifter: renders week plans into workouts, and asks `pain` for the planted entries.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::plan::{Deadlift, Runs, WeekPlan};
use super::{PseudoRows, SynthExercise, SynthSet, SynthWorkout, SyntheticLog, pain};
use crate::model::{Measures, SetKind};

/// Exercise names as Strong exports them (see [`super::hevy_exercise_name`] for Hevy's).
pub mod names {
    pub const DEADLIFT: &str = "Deadlift (Barbell)";
    pub const PULL_UP: &str = "Pull Up";
    pub const SEATED_ROW: &str = "Seated Row (Cable)";
    pub const PLANK: &str = "Plank";
    pub const FACE_PULL: &str = "Face Pull (Cable)";
    pub const BICEP_CURL: &str = "Bicep Curl (Dumbbell)";
    pub const HAMMER_CURL: &str = "Hammer Curl (Dumbbell)";
    pub const TRICEPS_EXTENSION: &str = "Triceps Extension (Cable)";
    pub const BENCH: &str = "Bench Press (Barbell)";
    pub const INCLINE_DB: &str = "Incline Bench Press (Dumbbell)";
    pub const LATERAL_RAISE: &str = "Lateral Raise (Dumbbell)";
    pub const PUSHDOWN: &str = "Triceps Pushdown (Cable - Straight Bar)";
    pub const LAT_PULLDOWN: &str = "Lat Pulldown (Cable)";
    pub const CHEST_FLY: &str = "Chest Fly (Dumbbell)";
    pub const SQUAT: &str = "Squat (Barbell)";
    pub const LEG_PRESS: &str = "Leg Press";
    pub const LEG_CURL: &str = "Lying Leg Curl (Machine)";
    pub const CALF_RAISE: &str = "Standing Calf Raise (Machine)";
    pub const HANGING_LEG_RAISE: &str = "Hanging Leg Raise";
    pub const LEG_EXTENSION: &str = "Leg Extension (Machine)";
    pub const HIP_THRUST: &str = "Hip Thrust (Barbell)";
    pub const SIDE_PLANK: &str = "Side Plank";
    pub const DEAD_BUG: &str = "Dead Bug";
    pub const RUNNING: &str = "Running";
}

use names::*;

mod sets;

/// How much the lifter does per session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Volume {
    /// The story: ~60 sets a week, linear progression.
    Story,
    /// Long simulations: ~110 sets a week (bigger sessions, an arms block after Wednesday's
    /// run), progression that levels off over the years.
    Dense,
}

/// Start times of the sessions that pain is planted after.
#[derive(Debug, Default)]
pub(super) struct WeekSessions {
    pub deadlift: Option<NaiveDateTime>,
    pub legs: Option<NaiveDateTime>,
    pub long_run: Option<NaiveDateTime>,
}

pub(super) fn render(
    seed: u64,
    first_monday: NaiveDate,
    plans: &[WeekPlan],
    volume: Volume,
) -> SyntheticLog {
    let mut lifter = Lifter {
        rng: super::rng(seed, 1),
        volume,
        week: 0,
        timer: false,
    };
    let mut pain_rng = super::rng(seed, 4);
    let mut workouts = Vec::new();
    let mut entries = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        let monday = first_monday + Duration::days(7 * i as i64);
        lifter.week = i;
        let (week, sessions) = lifter.week(plan, monday);
        pain::planted(&mut pain_rng, plan, monday, &sessions, &mut entries);
        workouts.extend(week);
    }
    workouts.sort_by_key(|w| w.start);
    entries.sort_by_key(|e| e.at);
    SyntheticLog {
        workouts,
        pain: entries,
    }
}

struct Lifter {
    rng: ChaCha8Rng,
    volume: Volume,
    /// 0-based week index, drives the progression.
    week: usize,
    /// Whether the rest timer runs in the current workout.
    timer: bool,
}

/// Rounds to the plates available: 2.5 kg steps.
fn plates(kg: f64) -> f64 {
    (kg / 2.5).round() * 2.5
}

impl Lifter {
    fn dense(&self) -> bool {
        self.volume == Volume::Dense
    }

    /// `base` plus `step` every `every` weeks; in long simulations the gains level off after
    /// about `cap` steps.
    fn progress(&self, base: f64, step: f64, every: usize, cap: f64) -> f64 {
        let n = (self.week / every) as f64;
        let steps = match self.volume {
            Volume::Story => n,
            Volume::Dense => (cap * (1.0 - (-n / cap).exp())).floor(),
        };
        base + step * steps
    }

    fn deadlift_kg(&self) -> f64 {
        self.progress(100.0, 2.5, 2, 30.0)
    }
    fn bench_kg(&self) -> f64 {
        self.progress(70.0, 2.5, 3, 16.0)
    }
    fn squat_kg(&self) -> f64 {
        self.progress(80.0, 2.5, 3, 24.0)
    }

    /// A time on `date` between `h:m` and `spread_min` minutes later, with seconds.
    fn at(&mut self, date: NaiveDate, (h, m): (u32, u32), spread_min: u32) -> NaiveDateTime {
        let t = NaiveTime::from_hms_opt(h, m, 0).expect("valid time");
        date.and_time(t)
            + Duration::minutes(i64::from(self.rng.random_range(0..=spread_min)))
            + Duration::seconds(self.rng.random_range(0..60))
    }

    fn rpe(&mut self, lo: f64, hi: f64) -> f64 {
        let steps = ((hi - lo) * 2.0).round() as u32;
        lo + f64::from(self.rng.random_range(0..=steps)) * 0.5
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.random_range(0..items.len())]
    }

    fn week(&mut self, plan: &WeekPlan, monday: NaiveDate) -> (Vec<SynthWorkout>, WeekSessions) {
        let day = |n: i64| monday + Duration::days(n);
        let mut out = Vec::new();
        let mut sessions = WeekSessions::default();

        if !plan.monday_off {
            let start = self.at(day(0), (17, 30), 60);
            let w = self.deadlift_pull(plan, start);
            sessions.deadlift = w.has(DEADLIFT).then_some(w.start);
            out.push(w);
        }
        match plan.runs {
            Runs::Spike { tue_km, .. } => {
                let start = self.at(day(1), (6, 40), 20);
                out.push(self.run("Morning Run", start, tue_km, 355..=385, ""));
            }
            Runs::LongOnWednesday => {
                let start = self.at(day(1), (6, 40), 20);
                let km = f64::from(self.rng.random_range(48..=54u32)) / 10.0;
                out.push(self.run("Easy Run", start, km, 345..=375, ""));
            }
            Runs::Normal => {}
        }
        let start = self.at(day(1), (17, 30), 120);
        if plan.monday_off {
            let w = self.deadlift_pull(plan, start);
            sessions.deadlift = w.has(DEADLIFT).then_some(w.start);
            out.push(w);
        } else {
            out.push(self.push(plan, start));
        }

        let start = self.at(day(2), (6, 45), 30);
        let mut wed = match plan.runs {
            Runs::Spike { wed_km, .. } => self.run("Easy Run", start, wed_km, 345..=375, ""),
            Runs::LongOnWednesday => {
                let km = f64::from(self.rng.random_range(80..=100u32)) / 10.0;
                self.run("Long Run", start, km, 350..=390, "")
            }
            Runs::Normal => {
                let km = f64::from(self.rng.random_range(48..=54u32)) / 10.0;
                self.run("Easy Run", start, km, 345..=375, "")
            }
        };
        if self.dense() && !plan.monday_off {
            self.arms_block(&mut wed);
        }
        out.push(wed);
        if plan.monday_off {
            let start = self.at(day(2), (18, 0), 60);
            out.push(self.push(plan, start));
        }

        let start = self.at(day(3), (17, 30), 120);
        let legs = self.legs(plan, start);
        sessions.legs = Some(legs.start);
        out.push(legs);

        if plan.streak {
            let start = self.at(day(4), (18, 0), 60);
            out.push(self.arms(start));
        }

        let sat_km = match plan.runs {
            Runs::LongOnWednesday => None,
            Runs::Spike { sat_km, .. } => Some(sat_km),
            Runs::Normal => Some(f64::from(self.rng.random_range(80..=100u32)) / 10.0),
        };
        if let Some(km) = sat_km {
            let start = self.at(day(5), (7, 30), 60);
            let run = self.run("Long Run", start, km, 350..=390, plan.run_note);
            sessions.long_run = Some(run.start);
            out.push(run);
        }

        if plan.streak {
            let start = self.at(day(6), (10, 0), 60);
            out.push(self.core(start));
        }
        (out, sessions)
    }

    // ---- sessions ----

    fn deadlift_pull(&mut self, plan: &WeekPlan, start: NaiveDateTime) -> SynthWorkout {
        self.timer = self.rng.random_bool(0.35);
        let mut ex = Vec::new();
        let mut notes = String::new();
        let base = self.deadlift_kg();
        let sets = if self.dense() { 4 } else { 3 };
        match plan.deadlift {
            Deadlift::Normal => {
                let fatigue = self.rng.random_bool(0.12);
                let mut e = self.main_lift(DEADLIFT, base, sets, 5, &[0.6, 0.8], fatigue);
                self.rate_last(&mut e, 7.0, 8.5, 0.6);
                ex.push(e);
            }
            Deadlift::Jump { factor, extra_sets } => {
                let kg = plates(base * factor);
                let mut e =
                    self.main_lift(DEADLIFT, kg, sets + extra_sets, 5, &[0.5, 0.7, 0.85], false);
                if let Some(last) = e.sets.last_mut() {
                    last.measures.rpe = Some(9.5);
                }
                e.notes = plan.jump_note.to_string();
                ex.push(e);
            }
            Deadlift::Skip => notes = "no deadlifts today, back still sore".to_string(),
            Deadlift::Return => {
                let kg = (base * 0.8 / 2.5).floor() * 2.5;
                let mut e = self.main_lift(DEADLIFT, kg, sets, 5, &[0.6, 0.8], false);
                e.notes = "light week, building up again".to_string();
                ex.push(e);
            }
        }
        ex.push(self.pull_ups(4));
        ex.push(self.seated_row());
        if self.dense() {
            ex.push(self.accessory(FACE_PULL, self.progress(20.0, 2.5, 12, 4.0), 4, 15));
            ex.push(self.accessory(BICEP_CURL, self.progress(12.0, 2.0, 12, 3.0), 3, 10));
        }
        if notes.is_empty() {
            notes = self.lifting_note();
        }
        self.workout("Deadlift + Pull", start, notes, ex)
    }

    fn push(&mut self, _plan: &WeekPlan, start: NaiveDateTime) -> SynthWorkout {
        self.timer = self.rng.random_bool(0.35);
        let dense = self.dense();
        let mut ex = Vec::new();
        let bench = self.bench_kg();
        let mut warm = vec![20.0 / bench];
        if dense || self.rng.random_bool(0.6) {
            warm.push(0.7);
        }
        if dense {
            warm.push(0.85);
        }
        let fatigue = self.rng.random_bool(0.3);
        let mut e = self.main_lift(BENCH, bench, if dense { 5 } else { 4 }, 8, &warm, fatigue);
        self.rate_last(&mut e, 7.0, 9.0, 0.5);
        ex.push(e);
        ex.push(self.accessory(INCLINE_DB, self.progress(22.0, 2.0, 8, 5.0), 4, 10));
        let n = if dense { 4 } else { 3 };

        let lateral_kg = self.progress(8.0, 1.0, 10, 3.0);
        let mut lateral = self.accessory(LATERAL_RAISE, lateral_kg, n, 12);
        if self.rng.random_bool(0.2) {
            lateral.sets.push(SynthSet::lifted(
                SetKind::Drop,
                lateral_kg - 2.0,
                self.rng.random_range(8..=12),
            ));
        }
        let mut pushdown = self.accessory(PUSHDOWN, self.progress(27.5, 2.5, 8, 4.0), n, 12);
        if self.rng.random_bool(0.15) {
            // Last set taken to failure: same weight, a few more reps.
            if let Some(last) = pushdown.sets.last_mut() {
                last.kind = SetKind::Failure;
                last.measures.reps = last.measures.reps.map(|r| r + 2.0);
                last.measures.rpe = Some(10.0);
            }
        }
        if self.rng.random_bool(0.5) {
            lateral.superset_id = Some(0);
            pushdown.superset_id = Some(0);
        }
        ex.push(lateral);
        ex.push(pushdown);
        ex.push(self.accessory(FACE_PULL, self.progress(20.0, 2.5, 12, 4.0), 3, 15));
        // Pulling and core work on Tuesdays too, so the deadlift is the only exercise whose
        // exposure is unique to the days before back pain.
        ex.push(self.seated_row());
        ex.push(self.pull_ups(3));
        ex.push(self.bodyweight(HANGING_LEG_RAISE, 3, 12));
        ex.push(self.plank(2));
        if dense {
            ex.push(self.accessory(LAT_PULLDOWN, self.progress(55.0, 2.5, 8, 6.0), 4, 10));
            ex.push(self.accessory(CHEST_FLY, self.progress(12.0, 2.0, 12, 3.0), 3, 12));
        }
        self.lifting("Upper", start, ex)
    }

    fn legs(&mut self, plan: &WeekPlan, start: NaiveDateTime) -> SynthWorkout {
        self.timer = self.rng.random_bool(0.35);
        let dense = self.dense();
        let mut ex = Vec::new();
        let squat = self.squat_kg();
        let mut warm = vec![20.0 / squat, 0.6];
        if dense || self.rng.random_bool(0.5) {
            warm.push(0.8);
        }
        let reps = if plan.easy_legs { 5 } else { 6 };
        let fatigue = !plan.easy_legs && self.rng.random_bool(0.15);
        let sets = if dense { 5 } else { 4 };
        let mut e = self.main_lift(SQUAT, squat, sets, reps, &warm, fatigue);
        if plan.easy_legs {
            e.notes = "kept it easy, back still sore".to_string();
        } else {
            self.rate_last(&mut e, 6.5, 8.5, 0.5);
        }
        ex.push(e);
        let mut press = self.accessory(LEG_PRESS, self.progress(140.0, 10.0, 4, 8.0), 4, 10);
        if self.rng.random_bool(0.2) {
            press.pseudo_rows.pinned_note = Some("Seat 5, feet high".to_string());
        }
        ex.push(press);
        let n = if dense { 4 } else { 3 };
        ex.push(self.accessory(LEG_CURL, self.progress(40.0, 2.5, 6, 6.0), n, 12));
        ex.push(self.accessory(CALF_RAISE, self.progress(60.0, 5.0, 8, 6.0), 4, 15));
        ex.push(self.bodyweight(HANGING_LEG_RAISE, 3, 12));
        ex.push(self.plank(if dense { 3 } else { 2 }));
        if dense {
            ex.push(self.accessory(LEG_EXTENSION, self.progress(45.0, 2.5, 8, 6.0), 3, 12));
            ex.push(self.accessory(HIP_THRUST, self.progress(80.0, 5.0, 6, 10.0), 4, 10));
        }
        self.lifting("Legs", start, ex)
    }

    /// Friday of the streak week.
    fn arms(&mut self, start: NaiveDateTime) -> SynthWorkout {
        self.timer = self.rng.random_bool(0.35);
        let ex = vec![
            self.accessory(BICEP_CURL, self.progress(12.0, 2.0, 12, 3.0), 3, 10),
            self.accessory(HAMMER_CURL, self.progress(12.0, 2.0, 12, 3.0), 3, 10),
            self.accessory(TRICEPS_EXTENSION, self.progress(20.0, 2.5, 12, 3.0), 3, 12),
            self.accessory(FACE_PULL, self.progress(20.0, 2.5, 12, 4.0), 3, 15),
        ];
        self.workout("Arms", start, String::new(), ex)
    }

    /// Sunday of the streak week.
    fn core(&mut self, start: NaiveDateTime) -> SynthWorkout {
        self.timer = false;
        let ex = vec![
            self.plank(3),
            self.timed(SIDE_PLANK, 2, &[30, 35, 40]),
            self.bodyweight(DEAD_BUG, 3, 12),
            self.bodyweight(HANGING_LEG_RAISE, 3, 12),
        ];
        self.workout("Core", start, "quick one at home".to_string(), ex)
    }

    /// Long simulations: arms and core after Wednesday's run, in the same workout.
    fn arms_block(&mut self, run: &mut SynthWorkout) {
        self.timer = false;
        let ex = [
            self.accessory(BICEP_CURL, self.progress(12.0, 2.0, 12, 3.0), 4, 10),
            self.accessory(HAMMER_CURL, self.progress(12.0, 2.0, 12, 3.0), 3, 10),
            self.accessory(TRICEPS_EXTENSION, self.progress(20.0, 2.5, 12, 3.0), 4, 12),
            self.accessory(FACE_PULL, self.progress(20.0, 2.5, 12, 4.0), 3, 15),
            self.timed(SIDE_PLANK, 3, &[30, 35, 40, 45]),
            self.bodyweight(DEAD_BUG, 3, 12),
        ];
        let sets: usize = ex.iter().map(|e| e.sets.len()).sum();
        run.duration_s += sets as u32 * self.rng.random_range(100..=130);
        run.name = "Easy Run + Arms".to_string();
        run.exercises.extend(ex);
    }

    fn run(
        &mut self,
        name: &str,
        start: NaiveDateTime,
        km: f64,
        pace_s_per_km: std::ops::RangeInclusive<u32>,
        note: &str,
    ) -> SynthWorkout {
        // Planned distance ± 200 m, logged to 10 m.
        let m = ((km * 100.0).round() as i64 + self.rng.random_range(-20..=20i64)) * 10;
        let pace = self.rng.random_range(pace_s_per_km);
        let run_s = (m as f64 / 1000.0 * f64::from(pace)).round() as u32;
        let e = SynthExercise {
            name: RUNNING.to_string(),
            notes: note.to_string(),
            pseudo_rows: PseudoRows::default(),
            superset_id: None,
            sets: vec![SynthSet::unweighted(Measures {
                distance_m: Some(m as f64),
                duration_s: Some(f64::from(run_s)),
                ..Measures::default()
            })],
        };
        let notes = if self.rng.random_bool(0.1) {
            self.pick(&[
                "humid today",
                "felt easy",
                "windy on the way back",
                "new shoes",
            ])
            .to_string()
        } else {
            String::new()
        };
        SynthWorkout {
            start,
            name: name.to_string(),
            duration_s: run_s + self.rng.random_range(120..=420),
            notes,
            exercises: vec![e],
        }
    }

    // ---- exercises ----

    fn workout(
        &mut self,
        name: &str,
        start: NaiveDateTime,
        notes: String,
        exercises: Vec<SynthExercise>,
    ) -> SynthWorkout {
        let sets: usize = exercises.iter().map(|e| e.sets.len()).sum();
        let duration_s =
            sets as u32 * self.rng.random_range(130..=170) + self.rng.random_range(300..=600);
        SynthWorkout {
            start,
            name: name.to_string(),
            duration_s,
            notes,
            exercises,
        }
    }

    /// A lifting session with the note such sessions get now and then.
    fn lifting(
        &mut self,
        name: &str,
        start: NaiveDateTime,
        ex: Vec<SynthExercise>,
    ) -> SynthWorkout {
        let notes = self.lifting_note();
        self.workout(name, start, notes, ex)
    }

    fn lifting_note(&mut self) -> String {
        if self.rng.random_bool(0.08) {
            self.pick(&[
                "good session",
                "gym was packed",
                "short on time",
                "tired after work",
            ])
            .to_string()
        } else {
            String::new()
        }
    }
}
