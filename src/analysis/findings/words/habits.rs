//! The words of the habit findings: core work, push/pull and knee/hip balance, warm-ups,
//! repetitive strain.

use super::*;
use crate::analysis::findings::facts::{
    CoreDays, HabitPeriod, KneeHip, PushPull, Repeats, WarmUps,
};

fn period(p: &HabitPeriod) -> String {
    format!("{} to {}", p.first_day, p.last_day)
}

pub(super) fn core_work(c: &CoreDays) -> Words {
    words(
        format!(
            "Core work on {:.1} days a week over the last 4 weeks",
            c.days_per_week
        ),
        format!(
            "{} days with core exercises, {}",
            c.core_days,
            period(&c.period)
        ),
        // The seeds' own recommendation, quoted; the threshold only decides when to say it.
        "A weak core is one of the causes of back pain the seeds name; they suggest core work 2–3 times a week.",
        vec!["Add bird dogs, dead bugs, side planks or Pallof presses 2–3 times a week.".into()],
    )
}

pub(super) fn push_pull(b: &PushPull) -> Words {
    words(
        format!(
            "{:.1} pushing sets for every pulling set over the last 4 weeks",
            b.ratio
        ),
        format!(
            "{} push vs {} pull working sets, {}",
            b.push_sets,
            b.pull_sets,
            period(&b.period)
        ),
        "A chest stronger than the back is a muscular imbalance the seeds link to back pain.",
        vec!["Train the back as much as the chest: rows, pull-ups, lat pulldowns.".into()],
    )
}

pub(super) fn knee_hip(b: &KneeHip) -> Words {
    words(
        format!(
            "Knee-dominant to hip-dominant work was {:.1} : 1 over the last 4 weeks",
            b.ratio
        ),
        format!(
            "{} squat/lunge vs {} hinge working sets, {}",
            b.knee_dominant_sets,
            b.hip_dominant_sets,
            period(&b.period)
        ),
        "A weak posterior chain (glutes, hamstrings) is one of the imbalances the seeds name.",
        vec!["Balance squats and lunges with hip hinges and bridges.".into()],
    )
}

pub(super) fn warm_up(w: &WarmUps) -> Words {
    words(
        format!(
            "Heavy sets were warmed up for in {:.0} % of sessions over the last 4 weeks",
            w.share * 100.0
        ),
        format!(
            "{} of {} sessions with heavy sets had warm-up sets first, {}",
            w.warmed_up_sessions,
            w.heavy_sessions,
            period(&w.period)
        ),
        "Skipping the warm-up is one of the causes of back pain the seeds name.",
        vec!["Warm up before working sets: lighter sets of the lift, plus arm circles, cat-cow, hip circles and bridges.".into()],
    )
}

pub(super) fn repetitive(r: &Repeats) -> Words {
    let shown: Vec<String> = r
        .repeats
        .iter()
        .map(|x| format!("{}: {} on {} days", x.week, x.name, x.days))
        .collect();
    words(
        "The same exercise or area was trained on many days of one week".into(),
        shown.join("; "),
        "Doubling down on one area day after day is the overuse pattern the seeds warn about.",
        vec!["Vary the workouts and spread the load across areas.".into()],
    )
}
