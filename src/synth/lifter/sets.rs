//! The building blocks of a workout: an exercise with its sets, a main lift with warm-ups,
//! accessories, bodyweight and timed exercises.

use super::*;

impl Lifter {
    pub(super) fn exercise(&self, name: &str, rest_s: u32, sets: Vec<SynthSet>) -> SynthExercise {
        SynthExercise {
            name: name.to_string(),
            notes: String::new(),
            pseudo_rows: PseudoRows {
                pinned_note: None,
                rest_timer_s: self.timer.then_some(rest_s),
            },
            superset_id: None,
            sets,
        }
    }

    /// Warm-ups at the given fractions of the working weight, then `sets` × `reps`;
    /// `fatigue` costs the last set a rep.
    pub(super) fn main_lift(
        &mut self,
        name: &str,
        kg: f64,
        sets: u32,
        reps: u32,
        warmups: &[f64],
        fatigue: bool,
    ) -> SynthExercise {
        // The empty bar for 10, then 5, 3, 1 reps as the plates go on.
        let mut out = Vec::new();
        let mut loaded = 0;
        for f in warmups {
            let w = plates(kg * f).max(20.0);
            let reps = if w <= 20.0 {
                10
            } else {
                loaded += 1;
                [5, 3, 1][(loaded - 1).min(2)]
            };
            out.push(SynthSet::lifted(SetKind::Warmup, w, reps));
        }
        for k in 0..sets {
            let r = if fatigue && k + 1 == sets {
                reps - 1
            } else {
                reps
            };
            out.push(SynthSet::working(kg, r));
        }
        let rest = if name == BENCH { 150 } else { 180 };
        self.exercise(name, rest, out)
    }

    pub(super) fn rate_last(&mut self, e: &mut SynthExercise, lo: f64, hi: f64, p: f64) {
        if self.rng.random_bool(p) {
            let rpe = self.rpe(lo, hi);
            if let Some(last) = e.sets.last_mut() {
                last.measures.rpe = Some(rpe);
            }
        }
    }

    /// `sets` × `reps` at `kg`; later sets may lose a rep, the last is sometimes rated.
    pub(super) fn accessory(&mut self, name: &str, kg: f64, sets: u32, reps: u32) -> SynthExercise {
        let mut out = Vec::new();
        for k in 0..sets {
            let r = if k > 0 && self.rng.random_bool(0.25) {
                reps - 1
            } else {
                reps
            };
            out.push(SynthSet::working(kg, r));
        }
        let mut e = self.exercise(name, if kg >= 50.0 { 120 } else { 90 }, out);
        self.rate_last(&mut e, 6.0, 9.0, 0.15);
        e
    }

    pub(super) fn bodyweight(&mut self, name: &str, sets: u32, reps: u32) -> SynthExercise {
        let mut out = Vec::new();
        for k in 0..sets {
            let r = reps
                - if k > 0 {
                    self.rng.random_range(0..=2)
                } else {
                    0
                };
            out.push(SynthSet::unweighted(Measures {
                reps: Some(f64::from(r)),
                ..Measures::default()
            }));
        }
        self.exercise(name, 90, out)
    }

    pub(super) fn pull_ups(&mut self, sets: u32) -> SynthExercise {
        let reps = 8 + (self.week / 10).min(4) as u32;
        self.bodyweight(PULL_UP, sets, reps)
    }

    pub(super) fn seated_row(&mut self) -> SynthExercise {
        let mut e = self.accessory(SEATED_ROW, self.progress(55.0, 2.5, 4, 10.0), 4, 10);
        if self.rng.random_bool(0.3) {
            e.pseudo_rows.pinned_note = Some("Seat 4, chest pad 2".to_string());
        }
        e
    }

    pub(super) fn plank(&mut self, sets: u32) -> SynthExercise {
        self.timed(PLANK, sets, &[45, 50, 55, 60])
    }

    pub(super) fn timed(&mut self, name: &str, sets: u32, seconds: &[u32]) -> SynthExercise {
        let out = (0..sets)
            .map(|_| {
                SynthSet::unweighted(Measures {
                    duration_s: Some(f64::from(self.pick(seconds))),
                    ..Measures::default()
                })
            })
            .collect();
        let mut e = self.exercise(name, 60, out);
        e.pseudo_rows.rest_timer_s = None;
        e
    }
}
