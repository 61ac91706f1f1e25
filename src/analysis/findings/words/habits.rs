//! The words of the habit findings: core work, push/pull and knee/hip balance, warm-ups,
//! repetitive strain.

use super::*;
use crate::analysis::findings::facts::{
    CoreDays, HabitPeriod, KneeHip, PushPull, Repeat, Repeats, WarmUps,
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
            "{} with core exercises, {}",
            plural(c.core_days as usize, "day", "days"),
            period(&c.period)
        ),
        // The back-care advice the product grew from, quoted; the threshold only decides when
        // to say it.
        "A weak core is a common cause of back pain; back-care and physiotherapy guidance suggests core work 2–3 times a week.",
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
        "A chest stronger than the back is a muscular imbalance that back-care advice links to back pain.",
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
        "A weak posterior chain (glutes, hamstrings) is one of the muscular imbalances linked to back pain.",
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
        "Skipping the warm-up is a common cause of back pain in the gym.",
        vec!["Warm up before working sets: lighter sets of the lift, plus arm circles, cat-cow, hip circles and bridges.".into()],
    )
}

pub(super) fn repetitive(r: &Repeats, catalog: &Catalog) -> Words {
    // An exercise by its catalog name, an area by its words, never by id.
    let name = |x: &Repeat| match (catalog.get(&x.name), x.name.parse::<Region>()) {
        (Some(e), _) => e.name.clone(),
        (None, Ok(region)) => region_words(region),
        (None, Err(_)) => x.name.clone(),
    };
    let shown: Vec<String> = r
        .repeats
        .iter()
        .map(|x| format!("{}: {} on {} days", x.week, name(x), x.days))
        .collect();
    words(
        "The same exercise or area was trained on many days of one week".into(),
        shown.join("; "),
        "Doubling down on one area day after day is the overuse pattern back-care advice warns about.",
        vec!["Vary the workouts and spread the load across areas.".into()],
    )
}
