//! Findings about pain itself: red flags first, then persistent, worsening, not-improving and
//! sudden episodes, and training through pain.

use super::*;

pub(super) fn red_flag_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let mut groups: BTreeMap<(NaiveDate, Region), Vec<&RedFlag>> = BTreeMap::new();
    for f in x.red_flags {
        groups.entry((f.date, f.region)).or_default().push(f);
    }
    for ((date, region), flags) in groups {
        let signs: BTreeSet<&str> = flags.iter().map(|f| f.sign.as_str()).collect();
        let signs: Vec<&str> = signs.into_iter().collect();
        let first = flags[0];
        let source = if first.inferred {
            "a workout note"
        } else {
            "your pain diary"
        };
        let mut evidence = format!("{} line {}: {}", first.file, first.line, signs.join(", "));
        if !first.note.is_empty() {
            evidence.push_str(&format!(" (note: \"{}\")", first.note));
        }
        out.push(Finding {
            severity: Severity::Urgent,
            kind: FindingKind::RedFlag,
            message: format!(
                "{} with {} pain on {date}, recorded in {source}",
                capitalise(&signs.join(" and ")),
                region_words(region)
            ),
            evidence,
            explanation: "Numbness, tingling, weakness, pain spreading down a leg, pain after a fall, night pain and bladder or bowel changes are signs that need a professional's assessment, whatever your training log shows.".into(),
            advice: vec![
                SEE_PROMPTLY.into(),
                "Stop the exercises that bring the pain on until you have been assessed.".into(),
            ],
            region: Some(region),
            exercises: Vec::new(),
            dates: vec![date],
        });
    }
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

pub(super) fn episode_span(e: &Episode) -> String {
    format!("{} to {}", e.onset.date(), e.end)
}

pub(super) fn episode_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let period_end = x.days.last().map(|d| d.date);
    for e in x
        .episodes
        .iter()
        .filter(|e| e.has(EpisodeClass::Persistent))
    {
        let ongoing = e.resolved_on.is_none()
            && period_end
                .is_some_and(|end| (end - e.end).num_days() <= i64::from(t.episode_gap_days));
        let long = e.has(EpisodeClass::PersistentLong);
        out.push(Finding {
            severity: Severity::Warning,
            kind: FindingKind::PersistentPain,
            message: format!(
                "{} pain {} {} days ({}), peak {}/10",
                capitalise(&region_words(e.region)),
                if ongoing { "has lasted" } else { "lasted" },
                e.days,
                episode_span(e),
                e.peak
            ),
            evidence: format!(
                "{} entries from {} to {}; onset {}/10, last {}/10{}",
                e.entries,
                e.onset.date(),
                e.end,
                e.onset_intensity,
                e.last_intensity,
                e.resolved_on.map_or(String::new(), |d| format!("; pain-free entry on {d}"))
            ),
            explanation: if long {
                "Most muscle strains feel better within two weeks; pain that lasts longer than that needs to be looked at.".into()
            } else {
                format!(
                    "Ordinary post-workout soreness fades within about 3 days. Pain lasting more than {} is a reason to see someone.",
                    days_in_words(t.persistent_days)
                )
            },
            advice: vec![
                SEE_A_PROFESSIONAL.into(),
                "Return to full training only after about a week without pain, and build back up gradually.".into(),
                "After the first 48 hours, heat or ice can ease it.".into(),
            ],
            region: Some(e.region),
            exercises: Vec::new(),
            dates: vec![e.onset.date(), e.end],
        });
    }
    let grouped = |class: EpisodeClass| -> BTreeMap<Region, Vec<&Episode>> {
        let mut g: BTreeMap<Region, Vec<&Episode>> = BTreeMap::new();
        for e in x.episodes.iter().filter(|e| e.has(class)) {
            g.entry(e.region).or_default().push(e);
        }
        g
    };
    for (region, eps) in grouped(EpisodeClass::Worsening) {
        out.push(episode_group(
            Severity::Warning,
            FindingKind::WorseningPain,
            region,
            &eps,
            "was getting worse",
            "Pain that keeps rising from entry to entry suggests the load is still too much, or an injury.",
            vec![
                "Reduce or stop the exercises that load this area until it settles.".into(),
                SEE_A_PROFESSIONAL.into(),
            ],
        ));
    }
    for (region, eps) in grouped(EpisodeClass::TrainingThroughPain) {
        out.push(episode_group(
            Severity::Warning,
            FindingKind::TrainingThroughPain,
            region,
            &eps,
            &format!("was trained through at more than {}/10", t.training_through_pain_above),
            &format!(
                "Loading a painful area while pain is above {p}/10 the day before or after tends to prolong it.",
                p = t.training_through_pain_above
            ),
            vec![
                format!(
                    "Stop or modify an exercise that hurts; keep pain during and after training at {p}/10 or below.",
                    p = t.training_through_pain_above
                ),
                "Give the area rest days, then progress in small steps.".into(),
            ],
        ));
    }
    for (region, eps) in grouped(EpisodeClass::NotImproving) {
        out.push(episode_group(
            Severity::Caution,
            FindingKind::NotImproving,
            region,
            &eps,
            &format!(
                "had not improved {}–{} days after it began",
                t.not_improving_from_h / 24.0,
                t.not_improving_to_h / 24.0
            ),
            &format!(
                "Soreness from training usually eases within {from:.0} hours; pain that has not eased by {from:.0}–{to:.0} hours suggests an injury.",
                from = t.not_improving_from_h,
                to = t.not_improving_to_h
            ),
            vec![SEE_A_PROFESSIONAL.into()],
        ));
    }
    for (region, eps) in grouped(EpisodeClass::AcuteOnset) {
        out.push(episode_group(
            Severity::Caution,
            FindingKind::AcuteOnset,
            region,
            &eps,
            &format!(
                "started abruptly (sharp or {}+/10) within {} of a session",
                t.acute_intensity,
                hours_in_words(t.acute_window_h)
            ),
            "Pain that starts suddenly during or right after a workout is a sign of injury rather than ordinary soreness.",
            vec![
                "Note what you were doing when it started; check form and load on that lift.".into(),
            ],
        ));
    }
    for (region, eps) in grouped(EpisodeClass::SorenessLike) {
        out.push(episode_group(
            Severity::Info,
            FindingKind::Soreness,
            region,
            &eps,
            &format!(
                "looked like ordinary training soreness: mild, {:.0}–{:.0} h after a session, gone within days",
                t.soreness_min_h, t.soreness_max_h
            ),
            "Delayed-onset muscle soreness is expected after hard or new work and is not a warning sign.",
            Vec::new(),
        ));
    }
}

/// `24` → "a day", `48` → "2 days", else "N h": how a window reads in a sentence.
pub(super) fn hours_in_words(h: f64) -> String {
    match h {
        24.0 => "a day".into(),
        h if h > 24.0 && h % 24.0 == 0.0 => format!("{:.0} days", h / 24.0),
        h => format!("{h:.0} h"),
    }
}

/// `7` → "a week", `14` → "2 weeks", else "N days".
pub(super) fn days_in_words(d: u32) -> String {
    match d {
        7 => "a week".into(),
        d if d > 7 && d % 7 == 0 => format!("{} weeks", d / 7),
        d => format!("{d} days"),
    }
}

pub(super) fn episode_group(
    severity: Severity,
    kind: FindingKind,
    region: Region,
    eps: &[&Episode],
    what: &str,
    explanation: &str,
    advice: Vec<String>,
) -> Finding {
    let spans: Vec<String> = eps
        .iter()
        .map(|e| format!("{} (peak {}/10)", episode_span(e), e.peak))
        .collect();
    Finding {
        severity,
        kind,
        message: format!(
            "{} pain {} ({})",
            capitalise(&region_words(region)),
            what,
            plural(eps.len(), "episode", "episodes")
        ),
        evidence: spans.join("; "),
        explanation: explanation.into(),
        advice,
        region: Some(region),
        exercises: Vec::new(),
        dates: eps.iter().map(|e| e.onset.date()).collect(),
    }
}
