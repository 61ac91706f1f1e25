//! Findings about the habits the seeds recommend: core work, push/pull and knee/hip balance,
//! warm-ups, repetitive strain.

use super::facts::{CoreDays, HabitPeriod, KneeHip, PushPull, Repeat, Repeats, WarmUps};
use super::*;

pub(super) fn habit_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let Some((recent, _whole)) = x.habits else {
        return;
    };
    let period = HabitPeriod {
        first_day: recent.first_day,
        last_day: recent.last_day,
    };
    let mut caution = |facts| out.push(x.finding(Severity::Caution, facts));
    if recent.core_days_per_week < t.core_days_per_week {
        caution(Facts::CoreWork(CoreDays {
            period,
            core_days: recent.core_days,
            days_per_week: recent.core_days_per_week,
        }));
    }
    if let Some(ratio) = recent.push_pull.ratio.filter(|r| *r > t.push_pull_max) {
        caution(Facts::PushPullBalance(PushPull {
            period,
            ratio,
            push_sets: recent.push_pull.push_sets,
            pull_sets: recent.push_pull.pull_sets,
        }));
    }
    if let Some(ratio) = recent
        .knee_hip
        .ratio
        .filter(|r| *r > t.knee_hip_max || *r < 1.0 / t.knee_hip_max)
    {
        caution(Facts::KneeHipBalance(KneeHip {
            period,
            ratio,
            knee_dominant_sets: recent.knee_hip.knee_dominant_sets,
            hip_dominant_sets: recent.knee_hip.hip_dominant_sets,
        }));
    }
    if let Some(share) = recent.warm_ups.share.filter(|s| *s < t.warmup_share_min) {
        caution(Facts::WarmUp(WarmUps {
            period,
            share,
            warmed_up_sessions: recent.warm_ups.warmed_up_sessions,
            heavy_sessions: recent.warm_ups.heavy_sessions,
        }));
    }
    if !recent.repetitive.is_empty() {
        let repeats = recent
            .repetitive
            .iter()
            .map(|r| Repeat {
                week: r.week,
                name: r.name.clone(),
                days: r.days,
            })
            .collect();
        caution(Facts::RepetitiveStrain(Repeats { period, repeats }));
    }
}
