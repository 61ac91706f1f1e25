//! Findings: the ranked warnings a lifter or clinician reads first. Each carries its evidence
//! (dates, numbers, raw counts), a plain explanation, and advice from the seeds: the safer
//! alternatives for the implicated exercises, rest, gradual progression, and when to see a
//! professional. Red flags always come first.
//!
//! The family files (pain, load, habits, associations, conditions) detect and record typed
//! [`Facts`]; [`words`] alone turns facts into sentences with the thresholds in use. The family
//! files use this module, `facts` and `kind`, never each other.

mod associations;
mod conditions;
pub mod facts;
mod habits;
mod kind;
mod load;
mod pain;
pub mod scope;
pub mod words;

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
use super::weekly::{ExerciseWeek, Week};

pub use conditions::condition_findings;
pub use facts::Facts;
pub use kind::{FindingKind, Severity};
pub use scope::{Folded, Scope, focus_start, fold};
pub use words::{SEE_A_PROFESSIONAL, SEE_PROMPTLY, Words, fmt_p, fmt_stat};

use associations::association_findings;
use habits::habit_findings;
use load::{load_findings, rest_findings, spike_findings};
use pain::{episode_findings, red_flag_findings};

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub kind: FindingKind,
    /// The message, evidence, explanation and advice, said from `facts`.
    #[serde(flatten)]
    pub said: Words,
    pub region: Option<Region>,
    /// Catalog ids of the exercises the finding implicates.
    pub exercises: Vec<String>,
    pub dates: Vec<NaiveDate>,
    /// `recent` (about the weeks in focus) or `history` (older occurrences folded).
    pub scope: Scope,
    /// On a history line: how many occurrences it folds, the first and the last.
    #[serde(flatten)]
    pub history: Option<Folded>,
    /// What was found, typed; the fields above are said from it. Not in the JSON, whose
    /// shape stays as documented in docs/json.md.
    #[serde(skip)]
    pub facts: Facts,
}

impl Finding {
    /// A finding of `facts`, worded with the thresholds `t` it was found with.
    pub fn new(severity: Severity, facts: Facts, t: &Thresholds, catalog: &Catalog) -> Finding {
        Finding {
            severity,
            kind: facts.kind(),
            said: words::say(&facts, t, catalog),
            region: facts.region(),
            exercises: facts.exercises(),
            dates: facts.dates(),
            scope: match facts {
                Facts::History(_) => Scope::History,
                _ => Scope::Recent,
            },
            history: match &facts {
                Facts::History(h) => Some(h.clone()),
                _ => None,
            },
            facts,
        }
    }
}

/// Everything the findings are made from.
pub struct Inputs<'a> {
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

impl Inputs<'_> {
    fn finding(&self, severity: Severity, facts: Facts) -> Finding {
        Finding::new(severity, facts, self.t, self.catalog)
    }
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
    rank(&mut out);
    out
}

/// Puts findings in the order a reader needs them: by severity, then by kind (red flags and
/// persistent pain first), then the most recent first.
pub fn rank(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then(a.kind.rank().cmp(&b.kind.rank()))
            .then(b.dates.last().cmp(&a.dates.last()))
    });
}

#[cfg(test)]
mod tests;
