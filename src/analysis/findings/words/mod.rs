//! The one place a finding's facts become sentences: message, evidence, explanation and
//! advice, from the facts, the thresholds in use and the catalog. Every number that comes from
//! a threshold is read from [`Thresholds`] here, so changing a threshold changes the text.
//! One file per family; this one dispatches and holds the phrases they share.

pub mod actions;
mod associations;
mod conditions;
mod habits;
mod history;
mod load;
mod pain;

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::settings::Thresholds;
use crate::catalog::Catalog;
use crate::model::Region;
use crate::text::{a_or_an, capitalised, plural};

use super::facts::Facts;

pub const SEE_A_PROFESSIONAL: &str =
    "See a doctor or physiotherapist about this; strainscope cannot examine you.";
pub const SEE_PROMPTLY: &str = "See a doctor promptly, and get urgent care at once if you lose bladder or bowel control, feel numb around the groin or buttocks, or both legs get weak.";

/// What a reader is told about one finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Words {
    pub message: String,
    /// Dates, numbers and raw counts behind the message.
    pub evidence: String,
    pub explanation: String,
    pub advice: Vec<String>,
}

/// Says `facts` with the thresholds `t` (the ones the facts were found with).
pub fn say(facts: &Facts, t: &Thresholds, catalog: &Catalog) -> Words {
    match facts {
        Facts::RedFlag(f) => pain::red_flag(f),
        Facts::PersistentPain(e) => pain::persistent(e, t),
        Facts::WorseningPain(g) => pain::worsening(g),
        Facts::TrainingThroughPain(g) => pain::training_through(g, t),
        Facts::NotImproving(g) => pain::not_improving(g, t),
        Facts::AcuteOnset(g) => pain::acute_onset(g, t),
        Facts::Soreness(g) => pain::soreness(g, t),
        Facts::Recurrence(r) => pain::recurrence(r, t),
        Facts::Association(a) => associations::pain_after(a, t, catalog),
        Facts::SorenessAssociation(s) => associations::soreness_after(s, t),
        Facts::SpikeThenPain(j) => load::spike_then_pain(j, t, catalog),
        Facts::ExerciseJump(j) => load::exercise_jump(j, t, catalog),
        Facts::WeeklyLoadJump(weeks) => load::weekly_jump(weeks, t),
        Facts::WeeklyLoadRise(r) => load::weekly_rise(r, t),
        Facts::AcwrDanger(a) => load::acwr_danger(a, t),
        Facts::Monotony(weeks) => load::monotony(weeks, t),
        Facts::ReturnAfterLayoff(c) => load::comeback(c),
        Facts::TrainingStreak(s) => load::streak(s),
        Facts::ShortRecovery(s) => load::short_recovery(s, t),
        Facts::CoreWork(c) => habits::core_work(c),
        Facts::PushPullBalance(b) => habits::push_pull(b),
        Facts::KneeHipBalance(b) => habits::knee_hip(b),
        Facts::WarmUp(w) => habits::warm_up(w),
        Facts::RepetitiveStrain(r) => habits::repetitive(r, catalog),
        Facts::DeclaredCondition(c) => conditions::declared(c, catalog),
        Facts::History(h) => history::folded(h, t),
    }
}

fn words(message: String, evidence: String, explanation: &str, advice: Vec<String>) -> Words {
    Words {
        message,
        evidence,
        explanation: explanation.into(),
        advice,
    }
}

/// At most eight dates, then how many more.
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
    r.words()
}

/// Small counts read better spelled out in a sentence: `2` → "two", `12` → "12".
fn count_in_words(n: u32) -> String {
    const SMALL: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    SMALL
        .get(n as usize)
        .map_or_else(|| n.to_string(), |s| (*s).to_string())
}

/// `7` → "a week", `14` → "two weeks", `1` → "a day", else "N days".
fn days_in_words(d: u32) -> String {
    match d {
        1 => "a day".into(),
        7 => "a week".into(),
        d if d > 7 && d % 7 == 0 => format!("{} weeks", count_in_words(d / 7)),
        d => format!("{} days", count_in_words(d)),
    }
}

/// `7` → "week's", `28` → "four weeks'": the span in "the last …  load".
fn span_possessive(d: u32) -> String {
    match d {
        1 => "day's".into(),
        7 => "week's".into(),
        d if d > 7 && d % 7 == 0 => format!("{} weeks'", count_in_words(d / 7)),
        d => format!("{d} days'"),
    }
}

/// `24` → "a day", `48` → "2 days", else "N h": how a window reads in a sentence.
fn hours_in_words(h: f64) -> String {
    match h {
        24.0 => "a day".into(),
        h if h > 24.0 && h % 24.0 == 0.0 => format!("{:.0} days", h / 24.0),
        h => format!("{h:.0} h"),
    }
}

/// The catalog's risk notes are about the spine: they are the advice for pain in the back or
/// neck, or when no region is named, and not for a knee or a shoulder.
pub fn risk_note_fits(regions: &[Region]) -> bool {
    regions.is_empty()
        || regions
            .iter()
            .any(|r| matches!(r, Region::Neck | Region::UpperBack | Region::LowerBack))
}

/// Advice for exercises that came before pain in `regions`: each one's safer alternatives from
/// the catalog, and its risk note where it fits the region.
fn alternatives_advice(ids: &[String], catalog: &Catalog, regions: &[Region]) -> Vec<String> {
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
        if let Some(note) = e.risk_note.as_ref().filter(|_| risk_note_fits(regions)) {
            advice.push(format!("{}: {}", e.name, note));
        }
    }
    advice
}

/// An exercise's display name; its id if the catalog no longer has it.
fn exercise_name(id: &str, catalog: &Catalog) -> String {
    catalog
        .get(id)
        .map_or_else(|| id.to_string(), |e| e.name.clone())
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

#[cfg(test)]
mod tests;
