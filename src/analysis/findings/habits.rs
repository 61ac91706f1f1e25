//! Findings about the habits the seeds recommend: core work, push/pull and knee/hip balance,
//! warm-ups, repetitive strain.

use super::*;

pub(super) fn habit_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let Some((recent, _whole)) = x.habits else {
        return;
    };
    let period = format!("{} to {}", recent.first_day, recent.last_day);
    let mut add = |severity,
                   kind,
                   message: String,
                   evidence: String,
                   explanation: &str,
                   advice: Vec<String>| {
        out.push(Finding {
            severity,
            kind,
            message,
            evidence,
            explanation: explanation.into(),
            advice,
            region: None,
            exercises: Vec::new(),
            dates: vec![recent.last_day],
        });
    };
    if recent.core_days_per_week < t.core_days_per_week {
        add(
            Severity::Caution,
            FindingKind::CoreWork,
            format!(
                "Core work on {:.1} days a week over the last 4 weeks",
                recent.core_days_per_week
            ),
            format!("{} days with core exercises, {period}", recent.core_days),
            "A weak core is one of the causes of back pain the seeds name; they suggest core work 2–3 times a week.",
            vec![
                "Add bird dogs, dead bugs, side planks or Pallof presses 2–3 times a week.".into(),
            ],
        );
    }
    if let Some(r) = recent.push_pull_ratio.filter(|r| *r > t.push_pull_max) {
        add(
            Severity::Caution,
            FindingKind::PushPullBalance,
            format!("{r:.1} pushing sets for every pulling set over the last 4 weeks"),
            format!(
                "{} push vs {} pull working sets, {period}",
                recent.push_sets, recent.pull_sets
            ),
            "A chest stronger than the back is a muscular imbalance the seeds link to back pain.",
            vec!["Train the back as much as the chest: rows, pull-ups, lat pulldowns.".into()],
        );
    }
    if let Some(r) = recent
        .knee_hip_ratio
        .filter(|r| *r > t.knee_hip_max || *r < 1.0 / t.knee_hip_max)
    {
        add(
            Severity::Caution,
            FindingKind::KneeHipBalance,
            format!("Knee-dominant to hip-dominant work was {r:.1} : 1 over the last 4 weeks"),
            format!(
                "{} squat/lunge vs {} hinge working sets, {period}",
                recent.knee_dominant_sets, recent.hip_dominant_sets
            ),
            "A weak posterior chain (glutes, hamstrings) is one of the imbalances the seeds name.",
            vec!["Balance squats and lunges with hip hinges and bridges.".into()],
        );
    }
    if let Some(share) = recent.warmup_share.filter(|s| *s < t.warmup_share_min) {
        add(
            Severity::Caution,
            FindingKind::WarmUp,
            format!("Heavy sets were warmed up for in {:.0} % of sessions over the last 4 weeks", share * 100.0),
            format!("{} of {} sessions with heavy sets had warm-up sets first, {period}", recent.warmed_up_sessions, recent.heavy_sessions),
            "Skipping the warm-up is one of the causes of back pain the seeds name.",
            vec!["Warm up before working sets: lighter sets of the lift, plus arm circles, cat-cow, hip circles and bridges.".into()],
        );
    }
    if !recent.repetitive.is_empty() {
        let text: Vec<String> = recent
            .repetitive
            .iter()
            .map(|r| format!("{}: {} on {} days", r.week, r.name, r.days))
            .collect();
        add(
            Severity::Caution,
            FindingKind::RepetitiveStrain,
            "The same exercise or area was trained on many days of one week".into(),
            text.join("; "),
            "Doubling down on one area day after day is the overuse pattern the seeds warn about.",
            vec!["Vary the workouts and spread the load across areas.".into()],
        );
    }
}
