//! Habits the seeds recommend, checked over the last 4 weeks and the whole period: core work,
//! push:pull and knee:hip balance, warm-ups before heavy sets, repetitive strain.

use crate::model::IsoWeek;
use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{MovementPattern, Region, SetKind, WorkoutSet};

use super::calendar::Day;
use super::frame::session_ids;
use super::settings::Thresholds;
use super::weekly::week_key;

#[derive(Debug, Clone, Serialize)]
pub struct Habits {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub weeks: f64,
    pub core_days: u32,
    pub core_days_per_week: f64,
    #[serde(flatten)]
    pub push_pull: PushPullSets,
    #[serde(flatten)]
    pub knee_hip: KneeHipSets,
    #[serde(flatten)]
    pub warm_ups: WarmUpSessions,
    /// Working sets at or above `grinding_rpe`.
    pub grinding_sets: u32,
    pub repetitive: Vec<Repetition>,
}

/// Pushing against pulling working sets.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PushPullSets {
    pub push_sets: u32,
    pub pull_sets: u32,
    /// Push:pull; null without pull work.
    #[serde(rename = "push_pull_ratio")]
    pub ratio: Option<f64>,
}

/// Knee-dominant (squat and lunge patterns) against hip-dominant (hinge) working sets.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KneeHipSets {
    pub knee_dominant_sets: u32,
    pub hip_dominant_sets: u32,
    /// Knee:hip; null without hinge work.
    #[serde(rename = "knee_hip_ratio")]
    pub ratio: Option<f64>,
}

/// Sessions with heavy working sets (≥ `heavy_share` of the exercise's heaviest weight), and
/// how many of them were warmed up for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WarmUpSessions {
    pub heavy_sessions: u32,
    /// Sessions where every heavy exercise was preceded by warm-up sets.
    pub warmed_up_sessions: u32,
    /// Warmed-up of heavy sessions; null when the export never marks warm-ups (FitNotes,
    /// Strong iOS without tags).
    #[serde(rename = "warmup_share")]
    pub share: Option<f64>,
}

/// `a / b`, or None when there is no `b`.
fn ratio(a: u32, b: u32) -> Option<f64> {
    (b > 0).then(|| f64::from(a) / f64::from(b))
}

/// The same exercise, or the same region, on many days of one week.
#[derive(Debug, Clone, Serialize)]
pub struct Repetition {
    pub week: IsoWeek,
    pub kind: &'static str,
    pub name: String,
    pub days: u32,
}

/// Habits over the last 28 days of the calendar and over all of it.
pub fn habits(
    sets: &[WorkoutSet],
    days: &[Day],
    catalog: &Catalog,
    t: &Thresholds,
) -> Option<(Habits, Habits)> {
    let last = days.last()?.date;
    let first = days.first()?.date;
    let recent_start = (last - chrono::Days::new(27)).max(first);
    let marks_warmups = sets.iter().any(|s| s.kind == SetKind::Warmup);
    let heaviest = heaviest_weights(sets);
    Some((
        habits_between(
            sets,
            days,
            recent_start,
            last,
            catalog,
            t,
            marks_warmups,
            &heaviest,
        ),
        habits_between(
            sets,
            days,
            first,
            last,
            catalog,
            t,
            marks_warmups,
            &heaviest,
        ),
    ))
}

fn heaviest_weights(sets: &[WorkoutSet]) -> FxHashMap<&str, f64> {
    let mut max: FxHashMap<&str, f64> = FxHashMap::default();
    for s in sets.iter().filter(|s| s.kind != SetKind::Warmup) {
        if let (Some(id), Some(w)) = (s.canonical.as_deref(), s.weight_kg) {
            let m = max.entry(id).or_default();
            *m = m.max(w);
        }
    }
    max
}

#[allow(clippy::too_many_arguments)]
fn habits_between(
    sets: &[WorkoutSet],
    days: &[Day],
    from: NaiveDate,
    to: NaiveDate,
    catalog: &Catalog,
    t: &Thresholds,
    marks_warmups: bool,
    heaviest: &FxHashMap<&str, f64>,
) -> Habits {
    let in_range: Vec<&WorkoutSet> = sets
        .iter()
        .filter(|s| s.day() >= from && s.day() <= to)
        .collect();
    let weeks = ((to - from).num_days() + 1) as f64 / 7.0;
    let mut core_days = BTreeSet::new();
    let (mut push, mut pull, mut knee, mut hip, mut grinding) = (0, 0, 0, 0, 0);
    for s in in_range.iter().filter(|s| s.kind != SetKind::Warmup) {
        if s.measures.rpe.is_some_and(|r| r >= t.grinding_rpe) {
            grinding += 1;
        }
        let Some(e) = s.canonical.as_deref().and_then(|id| catalog.get(id)) else {
            continue;
        };
        match e.pattern {
            MovementPattern::Core => {
                core_days.insert(s.day());
            }
            MovementPattern::Push => push += 1,
            MovementPattern::Pull => pull += 1,
            MovementPattern::Squat | MovementPattern::Lunge => knee += 1,
            MovementPattern::Hinge => hip += 1,
            _ => {}
        }
    }

    // Warm-ups: walk each session's sets in order.
    let mut sessions: Vec<Vec<&WorkoutSet>> = Vec::new();
    for (s, id) in in_range.iter().zip(session_ids(in_range.iter().copied())) {
        if id as usize == sessions.len() {
            sessions.push(Vec::new());
        }
        sessions[id as usize].push(s);
    }
    let (mut heavy_sessions, mut warmed) = (0, 0);
    for session_sets in &sessions {
        let general_warmup = session_sets
            .first()
            .is_some_and(|s| s.kind == SetKind::Warmup);
        let mut warmed_exercises: BTreeSet<&str> = BTreeSet::new();
        let mut heavy_unwarmed = false;
        let mut any_heavy = false;
        for s in session_sets {
            let Some(id) = s.canonical.as_deref() else {
                continue;
            };
            if s.kind == SetKind::Warmup {
                warmed_exercises.insert(id);
                continue;
            }
            let lifts = catalog.get(id).is_some_and(|e| {
                matches!(
                    e.pattern,
                    MovementPattern::Squat
                        | MovementPattern::Hinge
                        | MovementPattern::Push
                        | MovementPattern::Pull
                        | MovementPattern::Lunge
                )
            });
            let heavy = lifts
                && s.weight_kg.is_some_and(|w| {
                    w > 0.0 && heaviest.get(id).is_some_and(|m| w >= t.heavy_share * m)
                });
            if heavy {
                any_heavy = true;
                if !general_warmup && !warmed_exercises.contains(id) {
                    heavy_unwarmed = true;
                }
            }
        }
        if any_heavy {
            heavy_sessions += 1;
            if !heavy_unwarmed {
                warmed += 1;
            }
        }
    }

    Habits {
        first_day: from,
        last_day: to,
        weeks,
        core_days: core_days.len() as u32,
        core_days_per_week: core_days.len() as f64 / weeks,
        push_pull: PushPullSets {
            push_sets: push,
            pull_sets: pull,
            ratio: ratio(push, pull),
        },
        knee_hip: KneeHipSets {
            knee_dominant_sets: knee,
            hip_dominant_sets: hip,
            ratio: ratio(knee, hip),
        },
        warm_ups: WarmUpSessions {
            heavy_sessions,
            warmed_up_sessions: warmed,
            share: ratio(warmed, heavy_sessions).filter(|_| marks_warmups),
        },
        grinding_sets: grinding,
        repetitive: repetition(&in_range, days, from, to, t),
    }
}

fn repetition(
    sets: &[&WorkoutSet],
    days: &[Day],
    from: NaiveDate,
    to: NaiveDate,
    t: &Thresholds,
) -> Vec<Repetition> {
    let mut exercise_days: FxHashMap<(i32, &str), BTreeSet<NaiveDate>> = FxHashMap::default();
    for s in sets.iter().filter(|s| s.kind != SetKind::Warmup) {
        if let Some(id) = &s.canonical {
            exercise_days
                .entry((week_key(s.day()), id.as_str()))
                .or_default()
                .insert(s.day());
        }
    }
    let mut region_days: FxHashMap<(i32, Region), u32> = FxHashMap::default();
    for d in days.iter().filter(|d| d.date >= from && d.date <= to) {
        for r in d.sets_by.region.keys() {
            *region_days.entry((week_key(d.date), *r)).or_default() += 1;
        }
    }
    let mut out: Vec<Repetition> = exercise_days
        .into_iter()
        .filter(|(_, d)| d.len() as u32 >= t.repeat_exercise_days)
        .map(|((week, name), d)| Repetition {
            week: IsoWeek::from_key(week),
            kind: "exercise",
            name: name.to_string(),
            days: d.len() as u32,
        })
        .collect();
    out.extend(
        region_days
            .into_iter()
            .filter(|(_, n)| *n >= t.repeat_region_days)
            .map(|((week, region), days)| Repetition {
                week: IsoWeek::from_key(week),
                kind: "region",
                name: region.as_str().to_string(),
                days,
            }),
    );
    out.sort_by(|a, b| {
        a.week
            .cmp(&b.week)
            .then(a.kind.cmp(b.kind))
            .then(a.name.cmp(&b.name))
    });
    out
}
