//! Findings about load: jumps in an exercise's tonnage, weekly load rises, ACWR, monotony,
//! returns after a layoff, and rest (streaks, short recoveries).

use super::*;

pub(super) fn spike_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let mut by_exercise: BTreeMap<&str, Vec<&ExerciseWeek>> = BTreeMap::new();
    for w in x.exercise_weeks.iter().filter(|w| w.jump) {
        by_exercise.entry(w.exercise.as_str()).or_default().push(w);
    }
    let session_weeks: Vec<crate::model::IsoWeek> = x
        .sessions
        .iter()
        .map(|s| crate::model::IsoWeek::of(s.day))
        .collect();
    for (id, jumps) in by_exercise {
        let Some(exercise) = x.catalog.get(id) else {
            continue;
        };
        // Onsets in a region the exercise loads, within the follow-up after a session of it
        // in the jump week.
        let mut followed: Vec<(crate::model::IsoWeek, NaiveDate, Region, i64)> = Vec::new();
        for w in &jumps {
            let sessions: Vec<&Session> = x
                .sessions
                .iter()
                .zip(&session_weeks)
                .filter(|(s, week)| **week == w.week && s.exercises.contains(id))
                .map(|(s, _)| s)
                .collect();
            let hit = x
                .episodes
                .iter()
                .filter(|e| exercise.loads(e.region))
                .find_map(|e| {
                    // The gap counts from the latest session of the exercise before the onset.
                    sessions.iter().rev().find_map(|s| {
                        let gap = (e.onset - s.start).num_hours();
                        (gap > 0 && gap <= i64::from(t.spike_followup_days) * 24).then_some((
                            e.onset.date(),
                            e.region,
                            gap,
                        ))
                    })
                });
            if let Some((date, region, gap)) = hit {
                followed.push((w.week, date, region, gap));
            }
        }
        let measure = jumps[0].measure;
        let describe = |w: &ExerciseWeek| {
            let shown = match measure {
                Measure::DistanceM => format!("{:.1} km", w.value / 1000.0),
                Measure::DurationS => format!("{:.0} min", w.value / 60.0),
                Measure::LoadKg => format!("{:.0} kg", w.value),
                Measure::Sets => format!("{:.0} sets", w.value),
            };
            match w.change_pct {
                Some(c) => format!("{} {shown} ({:+.0} %)", w.week, c),
                None => format!("{} {shown} (after a week off)", w.week),
            }
        };
        let weeks_text: Vec<String> = jumps.iter().map(|w| describe(w)).collect();
        if followed.is_empty() {
            out.push(Finding {
                severity: Severity::Caution,
                kind: FindingKind::ExerciseJump,
                message: format!(
                    "{} {} jumped more than {:.0} % week over week {}",
                    exercise.name,
                    measure.noun(),
                    t.change_warning_pct,
                    plural(jumps.len(), "time", "times")
                ),
                evidence: weeks_text.join("; "),
                explanation: "Big week-to-week jumps are the pattern most often linked to overuse injuries; no pain followed these in your diary.".into(),
                advice: vec![format!(
                    "Increase load, reps, sets or distance in small steps, about {:.0} % a week at most.",
                    t.change_info_pct
                )],
                region: None,
                exercises: vec![id.to_string()],
                dates: jumps.iter().map(|w| w.week.monday()).collect(),
            });
            continue;
        }
        let regions: BTreeSet<Region> = followed.iter().map(|f| f.2).collect();
        let region_text: Vec<String> = regions.iter().map(|r| region_words(*r)).collect();
        let details: Vec<String> = followed
            .iter()
            .map(|(week, date, region, gap)| {
                format!(
                    "{week}: {} pain began {date}, {gap} h after the session",
                    region_words(*region)
                )
            })
            .collect();
        let mut advice = alternatives_advice(&[id.to_string()], x.catalog);
        advice.insert(
            0,
            format!(
                "Progress in small steps (about {:.0} % a week at most); a jump of {:.0} % or more is where injuries cluster.",
                t.change_info_pct, t.change_warning_pct
            ),
        );
        out.push(Finding {
            severity: Severity::Warning,
            kind: FindingKind::SpikeThenPain,
            message: format!(
                "{} {} jumped more than {:.0} % in {}; {} pain followed {} of them",
                exercise.name,
                measure.noun(),
                t.change_warning_pct,
                plural(jumps.len(), "week", "weeks"),
                region_text.join(" and "),
                followed.len()
            ),
            evidence: format!("Jumps: {}. {}.", weeks_text.join("; "), details.join("; ")),
            explanation: "A sudden rise in load on one exercise came shortly before pain in an area it loads. This is an association, not proof of cause.".into(),
            advice,
            region: regions.iter().next().copied(),
            exercises: vec![id.to_string()],
            dates: followed.iter().map(|f| f.1).collect(),
        });
    }
}

/// Consecutive dates as ranges: "2026-07-20 to 2026-07-22, 2026-08-01".
pub(super) fn ranges(dates: &[NaiveDate]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < dates.len() {
        let start = dates[i];
        let mut j = i;
        while j + 1 < dates.len() && (dates[j + 1] - dates[j]).num_days() == 1 {
            j += 1;
        }
        parts.push(if j == i {
            start.to_string()
        } else {
            format!("{start} to {}", dates[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// "2026-W23 24204 kg (+35 %)".
pub(super) fn week_change(w: &Week) -> String {
    format!(
        "{} {:.0} kg ({:+.0} %)",
        w.week,
        w.load_kg,
        w.change_pct.unwrap_or(0.0)
    )
}

pub(super) fn load_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let jumps: Vec<&Week> = x
        .weeks
        .windows(2)
        .filter(|w| w[0].days == 7 && w[1].change_pct.is_some_and(|c| c > t.change_warning_pct))
        .map(|w| &w[1])
        .collect();
    if !jumps.is_empty() {
        let text: Vec<String> = jumps.iter().map(|w| week_change(w)).collect();
        out.push(Finding {
            severity: Severity::Warning,
            kind: FindingKind::WeeklyLoadJump,
            message: format!(
                "Total weekly load rose more than {:.0} % over the week before in {}",
                t.change_warning_pct,
                plural(jumps.len(), "week", "weeks")
            ),
            evidence: text.join("; "),
            explanation: format!(
                "Week-to-week rises above {:.0} % are linked to more injuries (a heuristic from running and team-sport cohorts).",
                t.change_warning_pct
            ),
            advice: vec![format!(
                "Keep weekly increases to about {:.0} %.",
                t.change_info_pct
            )],
            region: None,
            exercises: Vec::new(),
            dates: jumps.iter().map(|w| w.first_day).collect(),
        });
    }
    // Smaller rises (change_info_pct to change_warning_pct) in the last four weeks are worth
    // knowing, not a warning.
    let recent_rises: Vec<&Week> = x
        .weeks
        .windows(2)
        .rev()
        .take(4)
        .filter(|w| {
            w[0].days == 7
                && w[1]
                    .change_pct
                    .is_some_and(|c| c > t.change_info_pct && c <= t.change_warning_pct)
        })
        .map(|w| &w[1])
        .collect();
    if !recent_rises.is_empty() {
        let text: Vec<String> = recent_rises.iter().rev().map(|w| week_change(w)).collect();
        out.push(Finding {
            severity: Severity::Info,
            kind: FindingKind::WeeklyLoadRise,
            message: format!(
                "Total weekly load rose {:.0}–{:.0} % in {} of the last 4 weeks",
                t.change_info_pct,
                t.change_warning_pct,
                plural(recent_rises.len(), "week", "weeks")
            ),
            evidence: text.join("; "),
            explanation: format!(
                "Rises of about {:.0} % a week are the usual guide for safe progression.",
                t.change_info_pct
            ),
            advice: Vec::new(),
            region: None,
            exercises: Vec::new(),
            dates: recent_rises.iter().map(|w| w.first_day).collect(),
        });
    }
    let danger: Vec<NaiveDate> = x
        .days
        .iter()
        .filter(|d| d.acwr_band == Some(AcwrBand::Danger))
        .map(|d| d.date)
        .collect();
    if !danger.is_empty() {
        let peak = x
            .days
            .iter()
            .filter_map(|d| d.acwr_ewma.map(|r| (r, d.date)))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        out.push(Finding {
            severity: Severity::Warning,
            kind: FindingKind::AcwrDanger,
            message: format!(
                "Acute:chronic workload ratio at or above {:.1} on {} (heuristic)",
                t.acwr_danger,
                plural(danger.len(), "day", "days")
            ),
            evidence: format!(
                "{}{}",
                ranges(&danger),
                peak.map_or(String::new(), |(r, d)| format!("; highest {r:.2} on {d}"))
            ),
            explanation: "The last week's load was much higher than the last four weeks'. The bands come from team-sport studies and are contested; read them as a rough guide.".into(),
            advice: vec!["Let the chronic load catch up: hold or reduce load for a week.".into()],
            region: None,
            exercises: Vec::new(),
            dates: danger,
        });
    }
    let monotony: Vec<&Week> = x
        .weeks
        .iter()
        .filter(|w| w.monotony.is_some_and(|m| m > t.monotony_caution))
        .collect();
    if !monotony.is_empty() {
        let high = monotony
            .iter()
            .any(|w| w.monotony.is_some_and(|m| m > t.monotony_warning));
        let text: Vec<String> = monotony
            .iter()
            .map(|w| {
                format!(
                    "{} monotony {:.2}, strain {:.0}",
                    w.week,
                    w.monotony.unwrap_or(0.0),
                    w.strain.unwrap_or(0.0)
                )
            })
            .collect();
        out.push(Finding {
            severity: if high { Severity::Warning } else { Severity::Caution },
            kind: FindingKind::Monotony,
            message: format!("Training was monotonous (same load every day) in {}", plural(monotony.len(), "week", "weeks")),
            evidence: text.join("; "),
            explanation: "High monotony (mean daily load / its standard deviation above 1.5–2) with high load leaves little recovery (Foster 1998).".into(),
            advice: vec!["Vary hard and easy days and keep at least one rest day a week.".into()],
            region: None,
            exercises: Vec::new(),
            dates: monotony.iter().map(|w| w.first_day).collect(),
        });
    }
    for l in x.layoffs {
        let Some(ret) = l.return_day else { continue };
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
            out.push(Finding {
                severity: Severity::Warning,
                kind: FindingKind::ReturnAfterLayoff,
                message: format!(
                    "Came back after a {}-day break at {:.0} % of the previous weekly load",
                    l.days,
                    100.0 * back / before
                ),
                evidence: format!(
                    "No sessions {} to {}; first week back from {ret}: {back:.0} kg vs {before:.0} kg a week before the break",
                    l.first_day, l.last_day
                ),
                explanation: "After weeks off, the body has lost some of its tolerance; coming back near the old load is a common time to get hurt.".into(),
                advice: vec!["Start around half of the old load and build up over 2–4 weeks.".into()],
                region: None,
                exercises: Vec::new(),
                dates: vec![ret],
            });
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
            let (first, last) = (
                x.days[j].date - chrono::Days::new(u64::from(len) - 1),
                x.days[j].date,
            );
            out.push(Finding {
                severity: Severity::Warning,
                kind: FindingKind::TrainingStreak,
                message: format!("{len} training days in a row, {first} to {last}"),
                evidence: format!("A session on every day from {first} to {last}, with no rest day"),
                explanation: "Muscles, tendons and the spine adapt on rest days; the seeds ask for rest days every week.".into(),
                advice: vec!["Take at least one or two rest days a week.".into()],
                region: None,
                exercises: Vec::new(),
                dates: vec![first, last],
            });
        }
        i = j + 1;
    }
    // Sessions that load the same main region less than `same_region_gap_h` apart.
    let mut last_by_region: BTreeMap<Region, &Session> = BTreeMap::new();
    let mut short: BTreeMap<Region, Vec<(NaiveDate, f64)>> = BTreeMap::new();
    for s in x.sessions {
        let primary: BTreeSet<Region> = s
            .exercises
            .iter()
            .filter_map(|id| x.catalog.get(id).and_then(|e| e.regions.first().copied()))
            .collect();
        for r in primary {
            if let Some(prev) = last_by_region.get(&r) {
                let h = (s.start - prev.start).num_minutes() as f64 / 60.0;
                if h < t.same_region_gap_h && prev.day != s.day {
                    short.entry(r).or_default().push((s.day, h));
                }
            }
            last_by_region.insert(r, s);
        }
    }
    for (region, gaps) in short {
        if gaps.len() < 3 {
            continue;
        }
        let shortest = gaps.iter().map(|g| g.1).fold(f64::INFINITY, f64::min);
        out.push(Finding {
            severity: Severity::Caution,
            kind: FindingKind::ShortRecovery,
            message: format!(
                "The {} was the main target of sessions less than {:.0} h apart {}",
                region_words(region),
                t.same_region_gap_h,
                plural(gaps.len(), "time", "times")
            ),
            evidence: format!(
                "Shortest gap {shortest:.0} h; most recent: {}",
                gaps.iter().rev().take(5).map(|g| format!("{} ({:.0} h)", g.0, g.1)).collect::<Vec<_>>().join(", ")
            ),
            explanation: format!(
                "Hard work on the same area needs about {:.0} hours to recover.",
                t.same_region_gap_h
            ),
            advice: vec!["Space sessions that load the same area at least two days apart, or alternate areas.".into()],
            region: Some(region),
            exercises: Vec::new(),
            dates: gaps.iter().map(|g| g.0).collect(),
        });
    }
}
