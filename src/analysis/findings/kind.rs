//! How serious a finding is and what it is about: the two words every renderer and the JSON
//! show first. A leaf module, so the facts and the words can name a kind without reaching back
//! into the findings' builder.

use serde::Serialize;

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
    Recurrence,
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
            FindingKind::Recurrence => "recurrence",
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
    pub(super) fn rank(self) -> u8 {
        match self {
            FindingKind::RedFlag => 0,
            FindingKind::PersistentPain => 1,
            FindingKind::WorseningPain => 2,
            FindingKind::TrainingThroughPain => 3,
            FindingKind::Association => 4,
            FindingKind::SpikeThenPain => 5,
            FindingKind::NotImproving => 6,
            FindingKind::AcuteOnset => 7,
            FindingKind::Recurrence => 8,
            _ => 10,
        }
    }
}
