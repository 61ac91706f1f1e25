//! What each finding found, as typed values: dates, counts, measured numbers, exercises and
//! regions, never sentences. The family files fill these in; `words` says them with the
//! thresholds in use, so the same facts read differently when a threshold changes.

use chrono::NaiveDate;

use crate::analysis::associations::{Association, ExposureKind};
use crate::analysis::conditions::Rule;
use crate::analysis::weekly::Measure;
use crate::model::{IsoWeek, Region};

use super::kind::FindingKind;
use super::scope::Folded;

/// One variant per [`FindingKind`]; kinds that read alike share a payload type.
#[derive(Debug, Clone, PartialEq)]
pub enum Facts {
    RedFlag(RedFlagSigns),
    PersistentPain(PersistentEpisode),
    WorseningPain(EpisodeGroup),
    TrainingThroughPain(EpisodeGroup),
    NotImproving(EpisodeGroup),
    AcuteOnset(EpisodeGroup),
    Soreness(EpisodeGroup),
    Recurrence(RecurrentEpisodes),
    Association(PainAfterExposure),
    SorenessAssociation(SorenessAfterLoad),
    SpikeThenPain(ExerciseJumps),
    ExerciseJump(ExerciseJumps),
    WeeklyLoadJump(Vec<WeekChange>),
    WeeklyLoadRise(RecentRises),
    AcwrDanger(AcwrDays),
    Monotony(Vec<MonotonousWeek>),
    ReturnAfterLayoff(Comeback),
    TrainingStreak(Streak),
    ShortRecovery(ShortGaps),
    CoreWork(CoreDays),
    PushPullBalance(PushPull),
    KneeHipBalance(KneeHip),
    WarmUp(WarmUps),
    RepetitiveStrain(Repeats),
    DeclaredCondition(ConditionExercises),
    /// Older occurrences of a load or routine kind, folded into one line (`scope.rs`).
    History(Folded),
}

/// Red-flag signs recorded for one region on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct RedFlagSigns {
    pub date: NaiveDate,
    pub region: Region,
    /// Distinct signs, sorted.
    pub signs: Vec<String>,
    /// Found in a workout note rather than the pain diary.
    pub inferred: bool,
    pub file: String,
    pub line: u64,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersistentEpisode {
    pub region: Region,
    pub onset: NaiveDate,
    pub end: NaiveDate,
    pub days: u32,
    pub peak: u8,
    pub entries: usize,
    pub onset_intensity: u8,
    pub last_intensity: u8,
    pub resolved_on: Option<NaiveDate>,
    /// Still going at the end of the period.
    pub ongoing: bool,
    /// Longer than `persistent_long_days`.
    pub long: bool,
}

/// The episodes of one region that share a class.
#[derive(Debug, Clone, PartialEq)]
pub struct EpisodeGroup {
    pub region: Region,
    pub episodes: Vec<EpisodeSpan>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EpisodeSpan {
    pub onset: NaiveDate,
    pub end: NaiveDate,
    pub peak: u8,
}

/// The episodes of one region that began soon after an earlier one there ended.
#[derive(Debug, Clone, PartialEq)]
pub struct RecurrentEpisodes {
    pub region: Region,
    pub episodes: Vec<Recurrent>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Recurrent {
    pub onset: NaiveDate,
    pub end: NaiveDate,
    pub peak: u8,
    /// The end of the episode before it.
    pub previous_end: NaiveDate,
}

/// An exposure (or a group the log cannot tell apart) followed by pain more often than other
/// sessions, on the adjusted estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct PainAfterExposure {
    /// The group's rows at the primary window, its best first; one row unless the log cannot
    /// tell these exposures apart.
    pub rows: Vec<Association>,
    /// Labels of the selected exposures the estimate is adjusted for.
    pub adjusted_for: Vec<String>,
    /// Labels of the exposures this one accounts for: followed by pain too (crude), but not
    /// once this one is taken into account.
    pub explains: Vec<String>,
    /// The exercises this evidence names: to change, or, for a risk tag, only as context.
    pub named: Named,
}

impl PainAfterExposure {
    /// The group's best row, which carries the numbers the finding quotes.
    pub fn best(&self) -> &Association {
        &self.rows[0]
    }
}

/// The exercises an association's evidence names, by the kind of its exposure: the two lists
/// never both have entries, so one is chosen.
#[derive(Debug, Clone, PartialEq)]
pub enum Named {
    /// Catalog ids of the exercises to change (the exercise, or every exercise of an
    /// inseparable group).
    Implicated(Vec<String>),
    /// For a risk tag: the names of the logged exercises that carry it (context only; they
    /// are not named as exercises to change on the tag's evidence).
    TagMembers(Vec<String>),
    /// A load or routine exposure names no exercise.
    Nothing,
}

impl Named {
    /// The catalog ids of the exercises to change; none for a tag.
    pub fn implicated(&self) -> &[String] {
        match self {
            Named::Implicated(ids) => ids,
            _ => &[],
        }
    }

    /// The names of the logged exercises a tag covers; none for anything else.
    pub fn tag_members(&self) -> &[String] {
        match self {
            Named::TagMembers(names) => names,
            _ => &[],
        }
    }
}

/// Soreness-only associations of one region, strongest first.
#[derive(Debug, Clone, PartialEq)]
pub struct SorenessAfterLoad {
    pub region: Region,
    /// The association rows, strongest first.
    pub exposures: Vec<Association>,
}

/// One exercise's week-over-week jumps, and the pain that followed some of them.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseJumps {
    /// Catalog id.
    pub exercise: String,
    pub measure: Measure,
    pub jumps: Vec<JumpWeek>,
    pub followed: PainFollowUp,
}

/// The pain that followed some of the jumps, and the records it was looked for in: they decide
/// what none following means.
#[derive(Debug, Clone, PartialEq)]
pub struct PainFollowUp {
    pub onsets: Vec<PainAfterJump>,
    /// Without any pain recorded, no pain after a jump says nothing.
    pub record: PainRecord,
}

/// What the pain records behind a finding are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PainRecord {
    /// A pain diary with at least one episode.
    Diary,
    /// Pain only as mentioned in workout notes.
    Notes,
    /// No pain recorded at all.
    None,
}

impl PainRecord {
    /// From the episodes found: none, only inferred from notes, or some from a diary.
    pub fn of(episodes: &[crate::analysis::episodes::Episode]) -> Self {
        if episodes.is_empty() {
            PainRecord::None
        } else if episodes.iter().all(|e| e.inferred) {
            PainRecord::Notes
        } else {
            PainRecord::Diary
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JumpWeek {
    pub week: IsoWeek,
    /// In the measure's unit (kg, m, s or sets).
    pub value: f64,
    /// None after a week without the exercise.
    pub change_pct: Option<f64>,
}

/// A pain onset in a region the exercise loads, after a session of it in a jump week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PainAfterJump {
    pub week: IsoWeek,
    pub onset: NaiveDate,
    pub region: Region,
    pub hours: i64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekChange {
    pub week: IsoWeek,
    pub first_day: NaiveDate,
    pub load_kg: f64,
    pub change_pct: f64,
}

/// Moderate rises among the last few weeks, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct RecentRises {
    pub weeks: Vec<WeekChange>,
    /// How many recent weeks were looked at.
    pub of_last_weeks: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AcwrDays {
    pub days: Vec<NaiveDate>,
    /// The highest ratio of the whole period and its day.
    pub highest: Option<(f64, NaiveDate)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonotonousWeek {
    pub week: IsoWeek,
    pub first_day: NaiveDate,
    pub monotony: f64,
    pub strain: Option<f64>,
}

/// The first week back after a layoff, against the weeks before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comeback {
    pub layoff_first: NaiveDate,
    pub layoff_last: NaiveDate,
    pub layoff_days: u32,
    pub return_day: NaiveDate,
    pub load_back_kg: f64,
    pub weekly_load_before_kg: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Streak {
    pub days: u32,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// Sessions loading the same main region too soon after the one before.
#[derive(Debug, Clone, PartialEq)]
pub struct ShortGaps {
    pub region: Region,
    /// Oldest first.
    pub gaps: Vec<RecoveryGap>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RecoveryGap {
    pub day: NaiveDate,
    pub hours: f64,
}

/// The days the habit figures cover.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HabitPeriod {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoreDays {
    pub period: HabitPeriod,
    pub core_days: u32,
    pub days_per_week: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PushPull {
    pub period: HabitPeriod,
    pub ratio: f64,
    pub push_sets: u32,
    pub pull_sets: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KneeHip {
    pub period: HabitPeriod,
    pub ratio: f64,
    pub knee_dominant_sets: u32,
    pub hip_dominant_sets: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WarmUps {
    pub period: HabitPeriod,
    /// Of `heavy_sessions`, the share warmed up for (0–1).
    pub share: f64,
    pub warmed_up_sessions: u32,
    pub heavy_sessions: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Repeats {
    pub period: HabitPeriod,
    pub repeats: Vec<Repeat>,
}

/// An exercise or region trained on many days of one week.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    pub week: IsoWeek,
    /// The exercise's or region's display name.
    pub name: String,
    pub days: u32,
}

/// The working sets a declared condition's rule matched.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionExercises {
    /// The rule of `data/conditions.toml` that matched: the condition, whether only heavy sets
    /// count, and its reason.
    pub rule: &'static Rule,
    pub sets: u32,
    /// Sorted.
    pub days: Vec<NaiveDate>,
    /// Catalog ids, sorted.
    pub exercises: Vec<String>,
    pub region: Region,
}

impl Facts {
    pub fn kind(&self) -> FindingKind {
        match self {
            Facts::RedFlag(_) => FindingKind::RedFlag,
            Facts::PersistentPain(_) => FindingKind::PersistentPain,
            Facts::WorseningPain(_) => FindingKind::WorseningPain,
            Facts::TrainingThroughPain(_) => FindingKind::TrainingThroughPain,
            Facts::NotImproving(_) => FindingKind::NotImproving,
            Facts::AcuteOnset(_) => FindingKind::AcuteOnset,
            Facts::Soreness(_) => FindingKind::Soreness,
            Facts::Recurrence(_) => FindingKind::Recurrence,
            Facts::Association(_) => FindingKind::Association,
            Facts::SorenessAssociation(_) => FindingKind::SorenessAssociation,
            Facts::SpikeThenPain(_) => FindingKind::SpikeThenPain,
            Facts::ExerciseJump(_) => FindingKind::ExerciseJump,
            Facts::WeeklyLoadJump(_) => FindingKind::WeeklyLoadJump,
            Facts::WeeklyLoadRise(_) => FindingKind::WeeklyLoadRise,
            Facts::AcwrDanger(_) => FindingKind::AcwrDanger,
            Facts::Monotony(_) => FindingKind::Monotony,
            Facts::ReturnAfterLayoff(_) => FindingKind::ReturnAfterLayoff,
            Facts::TrainingStreak(_) => FindingKind::TrainingStreak,
            Facts::ShortRecovery(_) => FindingKind::ShortRecovery,
            Facts::CoreWork(_) => FindingKind::CoreWork,
            Facts::PushPullBalance(_) => FindingKind::PushPullBalance,
            Facts::KneeHipBalance(_) => FindingKind::KneeHipBalance,
            Facts::WarmUp(_) => FindingKind::WarmUp,
            Facts::RepetitiveStrain(_) => FindingKind::RepetitiveStrain,
            Facts::DeclaredCondition(_) => FindingKind::DeclaredCondition,
            Facts::History(h) => h.kind,
        }
    }

    /// The body region the finding is about, if one.
    pub fn region(&self) -> Option<Region> {
        match self {
            Facts::RedFlag(f) => Some(f.region),
            Facts::PersistentPain(e) => Some(e.region),
            Facts::WorseningPain(g)
            | Facts::TrainingThroughPain(g)
            | Facts::NotImproving(g)
            | Facts::AcuteOnset(g)
            | Facts::Soreness(g) => Some(g.region),
            Facts::Recurrence(r) => Some(r.region),
            Facts::Association(a) => Some(a.best().region),
            Facts::SorenessAssociation(s) => Some(s.region),
            // Of several regions, the first in the vocabulary's order.
            Facts::SpikeThenPain(j) => j.followed.onsets.iter().map(|f| f.region).min(),
            Facts::ShortRecovery(s) => Some(s.region),
            Facts::DeclaredCondition(c) => Some(c.region),
            _ => None,
        }
    }

    /// Catalog ids of the exercises the finding implicates.
    pub fn exercises(&self) -> Vec<String> {
        match self {
            Facts::SpikeThenPain(j) | Facts::ExerciseJump(j) => vec![j.exercise.clone()],
            Facts::Association(a) => a.named.implicated().to_vec(),
            Facts::SorenessAssociation(s) => s
                .exposures
                .iter()
                .filter(|e| e.exposure_kind == ExposureKind::Exercise)
                .map(|e| e.exposure.clone())
                .collect(),
            Facts::DeclaredCondition(c) => c.exercises.clone(),
            _ => Vec::new(),
        }
    }

    /// The dates the finding points at; the ranking puts the latest last date first.
    pub fn dates(&self) -> Vec<NaiveDate> {
        match self {
            Facts::RedFlag(f) => vec![f.date],
            Facts::PersistentPain(e) => vec![e.onset, e.end],
            Facts::WorseningPain(g)
            | Facts::TrainingThroughPain(g)
            | Facts::NotImproving(g)
            | Facts::AcuteOnset(g)
            | Facts::Soreness(g) => g.episodes.iter().map(|e| e.onset).collect(),
            Facts::Recurrence(r) => r.episodes.iter().map(|e| e.onset).collect(),
            Facts::Association(a) => onsets_after(&a.rows),
            Facts::SorenessAssociation(s) => onsets_after(&s.exposures),
            Facts::SpikeThenPain(j) => j.followed.onsets.iter().map(|f| f.onset).collect(),
            Facts::ExerciseJump(j) => j.jumps.iter().map(|w| w.week.monday()).collect(),
            Facts::WeeklyLoadJump(weeks) => weeks.iter().map(|w| w.first_day).collect(),
            // Newest first, as the JSON has always listed them.
            Facts::WeeklyLoadRise(r) => r.weeks.iter().rev().map(|w| w.first_day).collect(),
            Facts::AcwrDanger(a) => a.days.clone(),
            Facts::Monotony(weeks) => weeks.iter().map(|w| w.first_day).collect(),
            Facts::ReturnAfterLayoff(c) => vec![c.return_day],
            Facts::TrainingStreak(s) => vec![s.first, s.last],
            Facts::ShortRecovery(s) => s.gaps.iter().map(|g| g.day).collect(),
            Facts::CoreWork(c) => vec![c.period.last_day],
            Facts::PushPullBalance(b) => vec![b.period.last_day],
            Facts::KneeHipBalance(b) => vec![b.period.last_day],
            Facts::WarmUp(w) => vec![w.period.last_day],
            Facts::RepetitiveStrain(r) => vec![r.period.last_day],
            Facts::DeclaredCondition(c) => c.days.clone(),
            Facts::History(h) => vec![h.first, h.last],
        }
    }
}

#[cfg(test)]
impl Facts {
    /// For renderer fixtures whose findings are written by hand: the renderers read only the
    /// words, so any facts do. These are a streak of no days.
    pub fn placeholder() -> Facts {
        Facts::TrainingStreak(Streak {
            days: 0,
            first: NaiveDate::MIN,
            last: NaiveDate::MIN,
        })
    }
}

/// Every onset after any of the association `rows`, sorted and distinct.
fn onsets_after(rows: &[Association]) -> Vec<NaiveDate> {
    let dates: std::collections::BTreeSet<NaiveDate> = rows
        .iter()
        .flat_map(|r| r.onset_dates.iter().copied())
        .collect();
    dates.into_iter().collect()
}
