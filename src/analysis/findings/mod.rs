//! Findings: the ranked warnings a lifter or clinician reads first. Each carries its evidence
//! (dates, numbers, raw counts), a plain explanation, and advice from the seeds: the safer
//! alternatives for the implicated exercises, rest, gradual progression, and when to see a
//! professional. Red flags always come first.

mod associations;
mod habits;
mod load;
mod pain;

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

use associations::association_findings;
use habits::habit_findings;
use load::{load_findings, rest_findings, spike_findings};
use pain::{episode_findings, red_flag_findings};

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

/// What a finding is about. Serialized as the JSON `kind` strings (docs/json.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    RedFlag,
    PersistentPain,
    WorseningPain,
    TrainingThroughPain,
    NotImproving,
    AcuteOnset,
    Soreness,
    Association,
    SorenessAssociation,
    SpikeThenPain,
    ExerciseJump,
    WeeklyLoadJump,
    WeeklyLoadRise,
    AcwrDanger,
    Monotony,
    ReturnAfterLayoff,
    TrainingStreak,
    ShortRecovery,
    CoreWork,
    PushPullBalance,
    KneeHipBalance,
    WarmUp,
    RepetitiveStrain,
    DeclaredCondition,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::RedFlag => "red-flag",
            FindingKind::PersistentPain => "persistent-pain",
            FindingKind::WorseningPain => "worsening-pain",
            FindingKind::TrainingThroughPain => "training-through-pain",
            FindingKind::NotImproving => "not-improving",
            FindingKind::AcuteOnset => "acute-onset",
            FindingKind::Soreness => "soreness",
            FindingKind::Association => "association",
            FindingKind::SorenessAssociation => "soreness-association",
            FindingKind::SpikeThenPain => "spike-then-pain",
            FindingKind::ExerciseJump => "exercise-jump",
            FindingKind::WeeklyLoadJump => "weekly-load-jump",
            FindingKind::WeeklyLoadRise => "weekly-load-rise",
            FindingKind::AcwrDanger => "acwr-danger",
            FindingKind::Monotony => "monotony",
            FindingKind::ReturnAfterLayoff => "return-after-layoff",
            FindingKind::TrainingStreak => "training-streak",
            FindingKind::ShortRecovery => "short-recovery",
            FindingKind::CoreWork => "core-work",
            FindingKind::PushPullBalance => "push-pull-balance",
            FindingKind::KneeHipBalance => "knee-hip-balance",
            FindingKind::WarmUp => "warm-up",
            FindingKind::RepetitiveStrain => "repetitive-strain",
            FindingKind::DeclaredCondition => "declared-condition",
        }
    }

    /// Within a severity, the order a reader needs them in.
    fn rank(self) -> u8 {
        match self {
            FindingKind::RedFlag => 0,
            FindingKind::PersistentPain => 1,
            FindingKind::WorseningPain => 2,
            FindingKind::TrainingThroughPain => 3,
            FindingKind::Association => 4,
            FindingKind::SpikeThenPain => 5,
            FindingKind::NotImproving => 6,
            FindingKind::AcuteOnset => 7,
            _ => 10,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub kind: FindingKind,
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

pub(super) fn dates_text(dates: &[NaiveDate]) -> String {
    let shown: Vec<String> = dates.iter().take(8).map(|d| d.to_string()).collect();
    let more = dates.len().saturating_sub(8);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

pub(super) fn region_words(r: Region) -> String {
    r.as_str().replace('-', " ")
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Seed-based advice for exercises: each one's safer alternatives from the catalog.
pub(super) fn alternatives_advice(ids: &[String], catalog: &Catalog) -> Vec<String> {
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
