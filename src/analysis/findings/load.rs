//! Findings about load: jumps in an exercise's tonnage, weekly load rises, ACWR, monotony,
//! returns after a layoff, and rest (streaks, short recoveries).

use super::facts::{
    AcwrDays, Comeback, ExerciseJumps, JumpWeek, MonotonousWeek, PainAfterJump, PainFollowUp,
    PainRecord, RecentRises, RecoveryGap, ShortGaps, Streak, WeekChange,
};
use super::*;
use crate::model::IsoWeek;

/// Moderate weekly rises are looked for in this many of the latest weeks.
const RECENT_WEEKS: usize = 4;

/// Short recoveries of one region are worth a caution from this many on.
pub(super) const SHORT_RECOVERIES: usize = 3;

pub(super) fn spike_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let mut by_exercise: BTreeMap<&str, Vec<&ExerciseWeek>> = BTreeMap::new();
    for w in x.exercise_weeks.iter().filter(|w| w.jump) {
        by_exercise.entry(w.exercise.as_str()).or_default().push(w);
    }
    let session_weeks: Vec<IsoWeek> = x.sessions.iter().map(|s| IsoWeek::of(s.day)).collect();
    // The association window: an onset is linked to a session exactly as in the 2×2 tables
    // (after its start, at most `window_h` later), never by a longer follow-up.
    let window =
        chrono::Duration::try_hours(i64::from(t.window_h)).unwrap_or(chrono::Duration::MAX);
    for (id, jumps) in by_exercise {
        let Some(exercise) = x.catalog.get(id) else {
            continue;
        };
        // Onsets in a region the exercise loads, within the window after a session of it in
        // the jump week. An episode that began before the period is no onset.
        let mut followed: Vec<PainAfterJump> = Vec::new();
        for w in &jumps {
            let sessions: Vec<&Session> = x
                .sessions
                .iter()
                .zip(&session_weeks)
                .filter(|(s, week)| **week == w.week && s.trained.exercises.contains(id))
                .map(|(s, _)| s)
                .collect();
            let hit = x
                .episodes
                .iter()
                .filter(|e| !e.began_before && exercise.loads(e.region))
                .find_map(|e| {
                    // The gap counts from the latest session of the exercise before the onset.
                    let s = sessions.iter().rev().find(|s| s.start < e.onset)?;
                    let gap = e.onset - s.start;
                    (gap <= window).then_some(PainAfterJump {
                        week: w.week,
                        onset: e.onset.date(),
                        region: e.region,
                        hours: gap.num_hours(),
                    })
                });
            followed.extend(hit);
        }
        let facts = ExerciseJumps {
            exercise: id.to_string(),
            measure: jumps[0].measure,
            jumps: jumps
                .iter()
                .map(|w| JumpWeek {
                    week: w.week,
                    value: w.value,
                    change_pct: w.change_pct,
                })
                .collect(),
            followed: PainFollowUp {
                onsets: followed,
                record: PainRecord::of(x.episodes),
            },
        };
        out.push(if facts.followed.onsets.is_empty() {
            x.finding(Severity::Caution, Facts::ExerciseJump(facts))
        } else {
            x.finding(Severity::Warning, Facts::SpikeThenPain(facts))
        });
    }
}

fn week_change(w: &Week) -> WeekChange {
    WeekChange {
        week: w.week,
        first_day: w.first_day,
        load_kg: w.load.kg,
        change_pct: w.load.change_pct.unwrap_or(0.0),
    }
}

pub(super) fn load_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let jumps: Vec<WeekChange> = x
        .weeks
        .windows(2)
        .filter(|w| {
            w[0].days == 7
                && w[1]
                    .load
                    .change_pct
                    .is_some_and(|c| c > t.change_warning_pct)
        })
        .map(|w| week_change(&w[1]))
        .collect();
    if !jumps.is_empty() {
        out.push(x.finding(Severity::Warning, Facts::WeeklyLoadJump(jumps)));
    }
    // Smaller rises (change_info_pct to change_warning_pct) in the last weeks are worth
    // knowing, not a warning.
    let mut recent: Vec<WeekChange> = x
        .weeks
        .windows(2)
        .rev()
        .take(RECENT_WEEKS)
        .filter(|w| {
            w[0].days == 7
                && w[1]
                    .load
                    .change_pct
                    .is_some_and(|c| c > t.change_info_pct && c <= t.change_warning_pct)
        })
        .map(|w| week_change(&w[1]))
        .collect();
    if !recent.is_empty() {
        recent.reverse();
        let rises = RecentRises {
            weeks: recent,
            of_last_weeks: RECENT_WEEKS,
        };
        out.push(x.finding(Severity::Info, Facts::WeeklyLoadRise(rises)));
    }
    let danger: Vec<NaiveDate> = x
        .days
        .iter()
        .filter(|d| d.acwr.band == Some(AcwrBand::Danger))
        .map(|d| d.date)
        .collect();
    if !danger.is_empty() {
        let highest = x
            .days
            .iter()
            .filter_map(|d| d.acwr.ewma.map(|r| (r, d.date)))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let facts = AcwrDays {
            days: danger,
            highest,
        };
        out.push(x.finding(Severity::Warning, Facts::AcwrDanger(facts)));
    }
    let monotony: Vec<MonotonousWeek> = x
        .weeks
        .iter()
        .filter_map(|w| {
            let m = w.load.monotony.filter(|m| *m > t.monotony_caution)?;
            Some(MonotonousWeek {
                week: w.week,
                first_day: w.first_day,
                monotony: m,
                strain: w.load.strain,
            })
        })
        .collect();
    if !monotony.is_empty() {
        let high = monotony.iter().any(|w| w.monotony > t.monotony_warning);
        let severity = if high {
            Severity::Warning
        } else {
            Severity::Caution
        };
        out.push(x.finding(severity, Facts::Monotony(monotony)));
    }
    for l in x.layoffs {
        let Some(ret) = l.return_day else { continue };
        // The mean week of the four before the break, against the first week back.
        let before: f64 = x
            .days
            .iter()
            .filter(|d| d.date < l.first_day && (l.first_day - d.date).num_days() <= 28)
            .map(|d| d.load_kg)
            .sum::<f64>()
            / 4.0;
        let back: f64 = x
            .days
            .iter()
            .filter(|d| d.date >= ret && (d.date - ret).num_days() < 7)
            .map(|d| d.load_kg)
            .sum();
        if before > 0.0 && back >= t.return_load_pct / 100.0 * before {
            let facts = Comeback {
                layoff_first: l.first_day,
                layoff_last: l.last_day,
                layoff_days: l.days,
                return_day: ret,
                load_back_kg: back,
                weekly_load_before_kg: before,
            };
            out.push(x.finding(Severity::Warning, Facts::ReturnAfterLayoff(facts)));
        }
    }
}

pub(super) fn rest_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    // Streaks: report each run that reaches the warning length once, at its end.
    let mut i = 0;
    while i < x.days.len() {
        if x.days[i].streak == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < x.days.len() && x.days[j + 1].streak > 0 {
            j += 1;
        }
        let len = x.days[j].streak;
        if len >= t.streak_warning_days {
            let streak = Streak {
                days: len,
                first: x.days[j].date - chrono::Days::new(u64::from(len) - 1),
                last: x.days[j].date,
            };
            out.push(x.finding(Severity::Warning, Facts::TrainingStreak(streak)));
        }
        i = j + 1;
    }
    // Sessions that load the same main region less than `same_region_gap_h` apart.
    let mut last_by_region: BTreeMap<Region, &Session> = BTreeMap::new();
    let mut short: BTreeMap<Region, Vec<RecoveryGap>> = BTreeMap::new();
    for s in x.sessions {
        let primary: BTreeSet<Region> = s
            .trained
            .exercises
            .iter()
            .filter_map(|id| x.catalog.get(id).and_then(|e| e.regions.first().copied()))
            .collect();
        for r in primary {
            if let Some(prev) = last_by_region.get(&r) {
                let hours = (s.start - prev.start).num_minutes() as f64 / 60.0;
                if hours < t.same_region_gap_h && prev.day != s.day {
                    short
                        .entry(r)
                        .or_default()
                        .push(RecoveryGap { day: s.day, hours });
                }
            }
            last_by_region.insert(r, s);
        }
    }
    for (region, gaps) in short {
        if gaps.len() >= SHORT_RECOVERIES {
            let facts = ShortGaps { region, gaps };
            out.push(x.finding(Severity::Caution, Facts::ShortRecovery(facts)));
        }
    }
}
