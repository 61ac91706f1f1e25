//! Findings: the ranked warnings a lifter or clinician reads first. Each carries its evidence
//! (dates, numbers, raw counts), a plain explanation, and advice from the seeds: the safer
//! alternatives for the implicated exercises, rest, gradual progression, and when to see a
//! professional. Red flags always come first.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::Region;

use super::associations::{Association, ExposureKind};
use super::calendar::{AcwrBand, Day, Layoff, Session};
use super::episodes::{Episode, EpisodeClass, RedFlag};
use super::habits::Habits;
use super::settings::Thresholds;
use super::weekly::{ExerciseWeek, Measure, Week};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Urgent,
    Warning,
    Caution,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Urgent => "urgent",
            Severity::Warning => "warning",
            Severity::Caution => "caution",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub kind: &'static str,
    pub message: String,
    /// Dates, numbers and raw counts behind the message.
    pub evidence: String,
    pub explanation: String,
    pub advice: Vec<String>,
    pub region: Option<Region>,
    /// Catalog ids of the exercises the finding implicates.
    pub exercises: Vec<String>,
    pub dates: Vec<NaiveDate>,
}

pub const SEE_A_PROFESSIONAL: &str =
    "See a doctor or physiotherapist about this; strainscope cannot examine you.";
pub const SEE_PROMPTLY: &str = "See a doctor promptly, and get urgent care at once if you lose bladder or bowel control, feel numb around the groin or buttocks, or both legs get weak.";

/// Everything the findings are made from.
pub struct Inputs<'a> {
    pub sets: &'a [crate::model::WorkoutSet],
    pub conditions: &'a [crate::model::Condition],
    pub sessions: &'a [Session],
    pub days: &'a [Day],
    pub weeks: &'a [Week],
    pub exercise_weeks: &'a [ExerciseWeek],
    pub layoffs: &'a [Layoff],
    pub episodes: &'a [Episode],
    pub red_flags: &'a [RedFlag],
    pub associations: &'a [Association],
    pub habits: Option<&'a (Habits, Habits)>,
    pub catalog: &'a Catalog,
    pub t: &'a Thresholds,
}

pub fn findings(x: &Inputs) -> Vec<Finding> {
    let mut out = Vec::new();
    red_flag_findings(x, &mut out);
    episode_findings(x, &mut out);
    association_findings(x, &mut out);
    spike_findings(x, &mut out);
    load_findings(x, &mut out);
    rest_findings(x, &mut out);
    habit_findings(x, &mut out);
    out.extend(super::conditions::findings(
        x.sets,
        x.conditions,
        x.catalog,
        x.t,
        x.days.last().map(|d| d.date),
    ));
    out.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then(kind_rank(a.kind).cmp(&kind_rank(b.kind)))
            .then(b.dates.last().cmp(&a.dates.last()))
    });
    out
}

/// Within a severity, the order a reader needs them in.
fn kind_rank(kind: &str) -> u8 {
    match kind {
        "red-flag" => 0,
        "persistent-pain" => 1,
        "worsening-pain" => 2,
        "training-through-pain" => 3,
        "association" => 4,
        "spike-then-pain" => 5,
        "not-improving" => 6,
        "acute-onset" => 7,
        _ => 10,
    }
}

fn dates_text(dates: &[NaiveDate]) -> String {
    let shown: Vec<String> = dates.iter().take(8).map(|d| d.to_string()).collect();
    let more = dates.len().saturating_sub(8);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn region_words(r: Region) -> String {
    r.as_str().replace('-', " ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Seed-based advice for exercises: each one's safer alternatives from the catalog.
fn alternatives_advice(ids: &[String], catalog: &Catalog) -> Vec<String> {
    let mut advice = Vec::new();
    for id in ids {
        let Some(e) = catalog.get(id) else { continue };
        let alts: Vec<String> = e
            .alternatives
            .iter()
            .filter_map(|a| catalog.get(a).map(|x| x.name.clone()))
            .collect();
        if !alts.is_empty() {
            advice.push(format!("Instead of {}, try: {}.", e.name, alts.join(", ")));
        }
        if let Some(note) = &e.risk_note {
            advice.push(format!("{}: {}", e.name, note));
        }
    }
    advice
}

fn red_flag_findings(x: &Inputs, out: &mut Vec<Finding>) {
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
            kind: "red-flag",
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

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn episode_span(e: &Episode) -> String {
    format!("{} to {}", e.onset.date(), e.end)
}

fn episode_findings(x: &Inputs, out: &mut Vec<Finding>) {
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
            kind: "persistent-pain",
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
                "Ordinary post-workout soreness fades within about 3 days. Pain lasting more than a week is a reason to see someone.".into()
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
            "worsening-pain",
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
            "training-through-pain",
            region,
            &eps,
            &format!("was trained through at more than {}/10", t.training_through_pain_above),
            "Loading a painful area while pain is above 5/10 the day before or after tends to prolong it.",
            vec![
                "Stop or modify an exercise that hurts; keep pain during and after training at 5/10 or below.".into(),
                "Give the area rest days, then progress in small steps.".into(),
            ],
        ));
    }
    for (region, eps) in grouped(EpisodeClass::NotImproving) {
        out.push(episode_group(
            Severity::Caution,
            "not-improving",
            region,
            &eps,
            "had not improved 3–4 days after it began",
            "Soreness from training usually eases within 72 hours; pain that has not eased by 72–96 hours suggests an injury.",
            vec![SEE_A_PROFESSIONAL.into()],
        ));
    }
    for (region, eps) in grouped(EpisodeClass::AcuteOnset) {
        out.push(episode_group(
            Severity::Caution,
            "acute-onset",
            region,
            &eps,
            "started abruptly (sharp or 6+/10) within a day of a session",
            "Pain that starts suddenly during or right after a workout is a sign of injury rather than ordinary soreness.",
            vec![
                "Note what you were doing when it started; check form and load on that lift.".into(),
            ],
        ));
    }
    for (region, eps) in grouped(EpisodeClass::SorenessLike) {
        out.push(episode_group(
            Severity::Info,
            "soreness",
            region,
            &eps,
            "looked like ordinary training soreness: mild, 12–72 h after a session, gone within days",
            "Delayed-onset muscle soreness is expected after hard or new work and is not a warning sign.",
            Vec::new(),
        ));
    }
}

fn episode_group(
    severity: Severity,
    kind: &'static str,
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

fn association_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let mut soreness: BTreeMap<Region, Vec<&Association>> = BTreeMap::new();
    for a in x
        .associations
        .iter()
        .filter(|a| a.window_h == t.window_h && a.enough_data)
    {
        let (Some(q), Some(rr)) = (a.q, a.rr) else {
            continue;
        };
        if rr <= 1.0 || q >= t.q_caution {
            continue;
        }
        let soreness_only = x
            .episodes
            .iter()
            .filter(|e| e.region == a.region)
            .all(|e| e.has(EpisodeClass::SorenessLike));
        if soreness_only {
            // Soreness after the work that loads an area is expected: one note per region.
            soreness.entry(a.region).or_default().push(a);
            continue;
        }
        let severity = if q < t.q_warning {
            Severity::Warning
        } else {
            Severity::Caution
        };
        let (what, implicated) = match a.exposure_kind {
            ExposureKind::Exercise => (format!("{} sessions", a.label), vec![a.exposure.clone()]),
            ExposureKind::Tag => (
                format!("sessions with {}", a.label),
                exercises_with_tag(x, &a.exposure),
            ),
            _ => (format!("sessions after {}", a.label), Vec::new()),
        };
        let mut advice = alternatives_advice(&implicated, x.catalog);
        advice.push(
            "Progress load in small steps (about 10 % a week at most) and keep rest days.".into(),
        );
        advice.push(
            "If the pain keeps coming back, see a physiotherapist about technique and load.".into(),
        );
        out.push(Finding {
            severity,
            kind: "association",
            message: format!(
                "{} were followed by {} pain more often than other sessions",
                capitalise(&what),
                region_words(a.region)
            ),
            evidence: format!(
                "{} of {} {} were followed by {} pain within {} h, vs {} of {} other sessions (relative risk {:.1}, 95 % CI {:.1}–{:.1}{}; {}, {}). Onsets after these sessions: {}.",
                a.a,
                a.a + a.b,
                what,
                region_words(a.region),
                a.window_h,
                a.c,
                a.c + a.d,
                rr,
                a.rr_low.unwrap_or(f64::NAN),
                a.rr_high.unwrap_or(f64::NAN),
                if a.haldane { ", 0.5 added to every cell because one count is 0" } else { "" },
                fmt_stat("p", a.p.unwrap_or(1.0)),
                fmt_stat("q", q),
                dates_text(&a.onset_dates)
            ),
            explanation: "This is an association, not proof of cause: these sessions were followed by pain more often than the others. The q-value accounts for the many exposures tested.".into(),
            advice,
            region: Some(a.region),
            exercises: implicated,
            dates: a.onset_dates.clone(),
        });
    }
    for (region, rows) in soreness {
        out.push(soreness_association(region, &rows));
    }
}

fn soreness_association(region: Region, rows: &[&Association]) -> Finding {
    let names: Vec<String> = rows.iter().map(|a| a.label.clone()).collect();
    let dates: BTreeSet<NaiveDate> = rows
        .iter()
        .flat_map(|a| a.onset_dates.iter().copied())
        .collect();
    let best = rows[0];
    Finding {
        severity: Severity::Info,
        kind: "soreness-association",
        message: format!(
            "Mild {} soreness followed the sessions that load it ({})",
            region_words(region),
            names.join(", ")
        ),
        evidence: format!(
            "Strongest: {} of {} sessions with {} were followed by {} soreness within {} h, vs {} of {} others ({}).",
            best.a,
            best.a + best.b,
            best.label,
            region_words(region),
            best.window_h,
            best.c,
            best.c + best.d,
            fmt_stat("q", best.q.unwrap_or(1.0))
        ),
        explanation: "Every episode in this area was soreness-like: mild, 12–72 h after training, gone within days. That is the expected response to training, not a warning.".into(),
        advice: Vec::new(),
        region: Some(region),
        exercises: rows
            .iter()
            .filter(|a| a.exposure_kind == ExposureKind::Exercise)
            .map(|a| a.exposure.clone())
            .collect(),
        dates: dates.into_iter().collect(),
    }
}

/// `p = 0.020` or `p < 0.001`: the comparison is part of the number.
pub fn fmt_stat(name: &str, p: f64) -> String {
    if p < 0.001 {
        format!("{name} < 0.001")
    } else {
        format!("{name} = {p:.3}")
    }
}

pub fn fmt_p(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

fn exercises_with_tag(x: &Inputs, tag: &str) -> Vec<String> {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for s in x.sessions {
        for id in &s.exercises {
            if x.catalog
                .get(id)
                .is_some_and(|e| e.risks.iter().any(|r| r.as_str() == tag))
            {
                ids.insert(id.clone());
            }
        }
    }
    ids.into_iter().collect()
}

fn spike_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let mut by_exercise: BTreeMap<&str, Vec<&ExerciseWeek>> = BTreeMap::new();
    for w in x.exercise_weeks.iter().filter(|w| w.jump) {
        by_exercise.entry(w.exercise.as_str()).or_default().push(w);
    }
    let session_weeks: Vec<String> = x
        .sessions
        .iter()
        .map(|s| super::weekly::week_label(s.day))
        .collect();
    for (id, jumps) in by_exercise {
        let Some(exercise) = x.catalog.get(id) else {
            continue;
        };
        // Onsets in a region the exercise loads, within the follow-up after a session of it
        // in the jump week.
        let mut followed: Vec<(String, NaiveDate, Region, i64)> = Vec::new();
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
                followed.push((w.week.clone(), date, region, gap));
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
                kind: "exercise-jump",
                message: format!(
                    "{} {} jumped more than {:.0} % week over week {}",
                    exercise.name,
                    measure.noun(),
                    t.change_warning_pct,
                    plural(jumps.len(), "time", "times")
                ),
                evidence: weeks_text.join("; "),
                explanation: "Big week-to-week jumps are the pattern most often linked to overuse injuries; no pain followed these in your diary.".into(),
                advice: vec!["Increase load, reps, sets or distance in small steps, about 10 % a week at most.".into()],
                region: None,
                exercises: vec![id.to_string()],
                dates: jumps.iter().filter_map(|w| week_monday(&w.week)).collect(),
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
        advice.insert(0, "Progress in small steps (about 10 % a week at most); a jump of 30 % or more is where injuries cluster.".into());
        out.push(Finding {
            severity: Severity::Warning,
            kind: "spike-then-pain",
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

fn week_monday(label: &str) -> Option<NaiveDate> {
    let (y, w) = label.split_once("-W")?;
    NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)
}

/// Consecutive dates as ranges: "2026-07-20 to 2026-07-22, 2026-08-01".
fn ranges(dates: &[NaiveDate]) -> String {
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
fn week_change(w: &Week) -> String {
    format!(
        "{} {:.0} kg ({:+.0} %)",
        w.week,
        w.load_kg,
        w.change_pct.unwrap_or(0.0)
    )
}

fn load_findings(x: &Inputs, out: &mut Vec<Finding>) {
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
            kind: "weekly-load-jump",
            message: format!(
                "Total weekly load rose more than {:.0} % over the week before in {}",
                t.change_warning_pct,
                plural(jumps.len(), "week", "weeks")
            ),
            evidence: text.join("; "),
            explanation: "Week-to-week rises above 30 % are linked to more injuries (a heuristic from running and team-sport cohorts).".into(),
            advice: vec!["Keep weekly increases to about 10 %.".into()],
            region: None,
            exercises: Vec::new(),
            dates: jumps.iter().map(|w| w.first_day).collect(),
        });
    }
    // Smaller rises (10–30 %) in the last four weeks are worth knowing, not a warning.
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
            kind: "weekly-load-rise",
            message: format!(
                "Total weekly load rose {:.0}–{:.0} % in {} of the last 4 weeks",
                t.change_info_pct,
                t.change_warning_pct,
                plural(recent_rises.len(), "week", "weeks")
            ),
            evidence: text.join("; "),
            explanation: "Rises of about 10 % a week are the usual guide for safe progression."
                .into(),
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
            kind: "acwr-danger",
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
            kind: "monotony",
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
                kind: "return-after-layoff",
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

fn rest_findings(x: &Inputs, out: &mut Vec<Finding>) {
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
                kind: "training-streak",
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
            kind: "short-recovery",
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
            explanation: "Hard work on the same area needs about 48 hours to recover.".into(),
            advice: vec!["Space sessions that load the same area at least two days apart, or alternate areas.".into()],
            region: Some(region),
            exercises: Vec::new(),
            dates: gaps.iter().map(|g| g.0).collect(),
        });
    }
}

fn habit_findings(x: &Inputs, out: &mut Vec<Finding>) {
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
            "core-work",
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
            "push-pull-balance",
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
            "knee-hip-balance",
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
            "warm-up",
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
            "repetitive-strain",
            "The same exercise or area was trained on many days of one week".into(),
            text.join("; "),
            "Doubling down on one area day after day is the overuse pattern the seeds warn about.",
            vec!["Vary the workouts and spread the load across areas.".into()],
        );
    }
}
