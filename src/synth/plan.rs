//! Week plans: what is special about each simulated week. The story's plans are written out
//! by hand; [`planted_plans`] and [`plain_plans`] draw them at random for long simulations.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// The Monday deadlift of a week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Deadlift {
    /// The planned progression.
    Normal,
    /// A load jump: weight × `factor` (rounded to 2.5 kg) for the usual number of working sets
    /// plus `extra_sets`. Always > 30 % more tonnage than a normal week.
    Jump { factor: f64, extra_sets: u32 },
    /// No deadlifts this week (back still hurts).
    Skip,
    /// First week back after a skipped week: 80 % of the planned weight.
    Return,
}

/// Lower-back pain that follows this week's deadlift jump.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum BackPain {
    None,
    /// Pain on `days` calendar days (2–4), then a 0 entry.
    Short {
        days: u32,
    },
    /// The 9-day episode (6 → 2 over 9 days, 0 on day 10); `numbness` on day 3.
    Long {
        numbness: bool,
    },
}

/// Running in a week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Runs {
    /// Wednesday ~5 km, Saturday 8–10 km.
    Normal,
    /// Saturday is taken: an easy Tuesday-morning run and the long run on Wednesday.
    LongOnWednesday,
    /// A mileage spike: an extra Tuesday morning run and longer runs.
    Spike {
        tue_km: f64,
        wed_km: f64,
        sat_km: f64,
    },
}

/// Knee pain after this week's Saturday long run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Knee {
    None,
    /// Onset the next morning, 4–5/10 for 5 days, then 0.
    Major,
    /// Onset the next morning, 3 then 2, then 0.
    Minor,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct WeekPlan {
    pub deadlift: Deadlift,
    pub back: BackPain,
    /// Exercise note on a jump-week deadlift ("" for none).
    pub jump_note: &'static str,
    /// Extra Friday "Arms" and Sunday "Core" sessions: 7 training days in a row.
    pub streak: bool,
    /// Rest on Monday (after a streak): deadlift day moves to Tuesday, push to Wednesday.
    pub monday_off: bool,
    pub runs: Runs,
    /// Note on the Saturday run ("" for none).
    pub run_note: &'static str,
    pub knee: Knee,
    /// Thigh soreness the day after Thursday's legs.
    pub thigh: bool,
    /// Lower-back pain on Saturday evening after gardening (no session in the 48 h before).
    pub gardening: bool,
    /// Lighter squats (back still hurts).
    pub easy_legs: bool,
}

impl Default for WeekPlan {
    fn default() -> Self {
        WeekPlan {
            deadlift: Deadlift::Normal,
            back: BackPain::None,
            jump_note: "",
            streak: false,
            monday_off: false,
            runs: Runs::Normal,
            run_note: "",
            knee: Knee::None,
            thigh: false,
            gardening: false,
            easy_legs: false,
        }
    }
}

/// The 26 weeks of `sample_story()`; index 0 is week 1 (Monday 2026-05-18).
pub(super) fn story_plans() -> Vec<WeekPlan> {
    let mut weeks = vec![WeekPlan::default(); super::STORY_WEEKS as usize];
    // Story weeks are numbered from 1.
    let wk = |n: usize| n - 1;

    // Deadlift load jumps, each followed by lower-back pain.
    let jumps: [(usize, f64, u32, BackPain, &'static str); 7] = [
        (
            3,
            1.37,
            0,
            BackPain::Short { days: 3 },
            "went heavy, lower back felt tight on the last set",
        ),
        (5, 1.10, 2, BackPain::Short { days: 2 }, ""),
        (
            8,
            1.35,
            0,
            BackPain::Short { days: 4 },
            "rounded a bit on rep 5",
        ),
        (12, 1.12, 1, BackPain::Short { days: 3 }, ""),
        (
            15,
            1.10,
            2,
            BackPain::Long { numbness: true },
            "5x5 today, felt strong early.\nLower back tight after set 4, rounded a bit on the last rep",
        ),
        (
            21,
            1.36,
            0,
            BackPain::Short { days: 2 },
            "lower back felt tight on the last set",
        ),
        (24, 1.12, 1, BackPain::Short { days: 3 }, ""),
    ];
    for (n, factor, extra_sets, back, note) in jumps {
        let w = &mut weeks[wk(n)];
        w.deadlift = Deadlift::Jump { factor, extra_sets };
        w.back = back;
        w.jump_note = note;
    }
    // The 9-day episode spans week 16's Monday: no deadlifts, then a lighter return.
    weeks[wk(15)].easy_legs = true;
    weeks[wk(16)].deadlift = Deadlift::Skip;
    weeks[wk(17)].deadlift = Deadlift::Return;

    // Seven training days in a row, then a rest Monday.
    weeks[wk(10)].streak = true;
    weeks[wk(11)].monday_off = true;

    // Back pain after gardening on a Saturday (runs moved to Tuesday and Wednesday).
    weeks[wk(13)].gardening = true;
    weeks[wk(13)].runs = Runs::LongOnWednesday;

    // Running spike → knee pain.
    weeks[wk(18)].runs = Runs::Spike {
        tue_km: 7.0,
        wed_km: 8.0,
        sat_km: 16.0,
    };
    weeks[wk(18)].run_note = "right knee a bit achy at the end";
    weeks[wk(18)].knee = Knee::Major;
    weeks[wk(19)].runs = Runs::Spike {
        tue_km: 7.0,
        wed_km: 8.0,
        sat_km: 16.0,
    };
    weeks[wk(19)].knee = Knee::Minor;

    for n in [2, 4, 6, 9, 14, 17, 22, 25] {
        weeks[wk(n)].thigh = true;
    }
    weeks
}

/// Random plans with the story's planted mechanics.
pub(super) fn planted_plans(rng: &mut ChaCha8Rng, weeks: u32) -> Vec<WeekPlan> {
    random_plans(rng, weeks, true)
}

/// Random plans with the same training events (load jumps, spikes, streaks) but no planted
/// pain and no reaction to pain.
pub(super) fn plain_plans(rng: &mut ChaCha8Rng, weeks: u32) -> Vec<WeekPlan> {
    random_plans(rng, weeks, false)
}

fn random_plans(rng: &mut ChaCha8Rng, weeks: u32, pain: bool) -> Vec<WeekPlan> {
    let n = weeks as usize;
    let mut plans = vec![WeekPlan::default(); n];
    let mut next_spike = rng.random_range(10..30usize);
    // Weeks to wait before the next deadlift jump.
    let mut cooldown = 3u32;
    for w in 0..n {
        let fixed = plans[w].deadlift != Deadlift::Normal || plans[w].monday_off;

        if w >= next_spike && w + 1 < n && !fixed && !plans[w + 1].monday_off {
            for (k, knee) in [(w, Knee::Major), (w + 1, Knee::Minor)] {
                plans[k].runs = Runs::Spike {
                    tue_km: f64::from(rng.random_range(6..=8u32)),
                    wed_km: f64::from(rng.random_range(7..=9u32)),
                    sat_km: f64::from(rng.random_range(14..=18u32)),
                };
                if pain && rng.random_bool(if knee == Knee::Major { 0.8 } else { 0.6 }) {
                    plans[k].knee = knee;
                }
            }
            plans[w].run_note = if pain {
                "knee a bit achy at the end"
            } else {
                ""
            };
            next_spike = w + rng.random_range(20..34usize);
            cooldown = cooldown.max(2);
            continue;
        }
        if matches!(plans[w].runs, Runs::Spike { .. }) || fixed {
            cooldown = cooldown.saturating_sub(1);
            continue;
        }

        if cooldown == 0 && rng.random_bool(0.2) {
            let (factor, extra_sets) = match rng.random_range(0..3u32) {
                0 => (1.35 + f64::from(rng.random_range(0..=5u32)) / 100.0, 0),
                1 => (1.10, 2),
                _ => (1.12, 1),
            };
            plans[w].deadlift = Deadlift::Jump { factor, extra_sets };
            plans[w].jump_note = match rng.random_range(0..4u32) {
                0 => "lower back felt tight on the last set",
                1 => "rounded a bit on rep 5",
                _ => "",
            };
            cooldown = 3;
            // A long episode (and the skipped week) only after the bigger kinds of jump, so the
            // lighter return week stays below the 4-week mean (science.md §2).
            let long_ok = extra_sets > 0 && w + 2 < n && !plans[w + 1].monday_off;
            if pain && rng.random_bool(0.88) {
                if long_ok && rng.random_bool(0.15) {
                    plans[w].back = BackPain::Long {
                        numbness: rng.random_bool(0.3),
                    };
                    plans[w].easy_legs = true;
                    plans[w + 1].deadlift = Deadlift::Skip;
                    plans[w + 2].deadlift = Deadlift::Return;
                    cooldown = 5;
                } else {
                    plans[w].back = BackPain::Short {
                        days: rng.random_range(2..=4u32),
                    };
                }
            }
            continue;
        }
        cooldown = cooldown.saturating_sub(1);

        if w + 1 < n && w + 1 < next_spike && rng.random_bool(0.03) {
            plans[w].streak = true;
            plans[w + 1].monday_off = true;
            continue;
        }
        if pain && rng.random_bool(0.025) {
            plans[w].gardening = true;
            plans[w].runs = Runs::LongOnWednesday;
            continue;
        }
        if pain && rng.random_bool(0.3) {
            plans[w].thigh = true;
        }
    }
    plans
}
