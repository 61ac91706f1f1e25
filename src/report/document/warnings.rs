//! The warnings section: the findings the reader sees, in the analysis's order, with the
//! numbers explained once and the recent load jumps said as one warning.

use crate::analysis::Analysis;
use crate::analysis::episodes::soreness_only;
use crate::analysis::findings::{Finding, FindingKind, Scope, Severity};
use crate::report::words;

/// A finding as the reader sees it.
#[derive(Debug, Clone)]
pub struct Warning {
    pub severity: Severity,
    pub message: String,
    pub evidence: String,
    pub explanation: String,
    pub advice: Vec<String>,
}

impl From<&Finding> for Warning {
    fn from(f: &Finding) -> Self {
        Warning {
            severity: f.severity,
            message: f.said.message.clone(),
            evidence: f.said.evidence.clone(),
            explanation: f.said.explanation.clone(),
            advice: f.said.advice.clone(),
        }
    }
}

/// The findings the warnings section lists: all but the soreness of regions whose every
/// episode was soreness-like, which the soreness section says after the pain that matters.
pub(super) fn shown_warnings(a: &Analysis) -> impl Iterator<Item = &Finding> {
    a.warnings.iter().filter(|f| !ordinary_soreness(a, f))
}

/// A soreness finding about a region with nothing but soreness.
pub(super) fn ordinary_soreness(a: &Analysis, f: &Finding) -> bool {
    matches!(
        f.kind,
        FindingKind::Soreness | FindingKind::SorenessAssociation
    ) && f.region.is_some_and(|r| soreness_only(&a.pain.episodes, r))
}

/// The first association warning explains its numbers; the rest of the report uses them.
pub(super) fn warnings(a: &Analysis) -> Vec<Warning> {
    let shown: Vec<&Finding> = shown_warnings(a).collect();
    let mut out: Vec<Warning> = shown.iter().map(|f| Warning::from(*f)).collect();
    if let Some(i) = shown.iter().position(|f| explains_the_numbers(f)) {
        out[i].explanation = format!("{} {}", out[i].explanation, words::NUMBERS_KEY);
    }
    group_jumps(&shown, out, a.summary.focus.weeks)
}

/// The recent load jumps no pain followed, one caution per exercise in the analysis, said as
/// one warning where the first of them ranks: a month with 20 exercises progressed would
/// otherwise fill the top of the report with the same advice 20 times. The JSON keeps each.
fn group_jumps(shown: &[&Finding], out: Vec<Warning>, focus_weeks: u32) -> Vec<Warning> {
    let is_jump = |f: &Finding| {
        f.kind == FindingKind::ExerciseJump
            && f.scope == Scope::Recent
            && f.severity == Severity::Caution
    };
    let jumps: Vec<usize> = (0..shown.len()).filter(|&i| is_jump(shown[i])).collect();
    if jumps.len() < 2 {
        return out;
    }
    let grouped = words::grouped_jumps(
        &jumps.iter().map(|&i| &out[i]).collect::<Vec<_>>(),
        focus_weeks,
    );
    let mut grouped = Some(grouped);
    out.into_iter()
        .enumerate()
        .filter_map(|(i, w)| match jumps.contains(&i) {
            true => grouped.take(),
            false => Some(w),
        })
        .collect()
}

/// An association warning: its explanation is where the numbers' key can be said.
pub(super) fn explains_the_numbers(f: &Finding) -> bool {
    f.kind == FindingKind::Association
}
