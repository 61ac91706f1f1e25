//! The "what to change" words: why the warnings name an exercise, its risk note where it fits
//! the region, and its safer alternatives.

use crate::analysis::findings::FindingKind;
use crate::analysis::implicated::Implicated;

pub const NOTHING_TO_CHANGE: &str = "No exercise is named by the warnings.";

/// Why the warnings name an exercise, in words: never the kind's id.
fn reason(kind: FindingKind) -> &'static str {
    use FindingKind::*;
    match kind {
        Association => "sessions with it were followed by pain more often than others",
        SpikeThenPain => "a jump in its load came shortly before pain",
        ExerciseJump => "its load jumped sharply from one week to the next",
        SorenessAssociation => "mild soreness followed it",
        DeclaredCondition => "it loads a condition declared in your config",
        RedFlag => "it came before pain with warning signs",
        PersistentPain | WorseningPain | NotImproving | AcuteOnset | Recurrence => {
            "it came before pain that needs attention"
        }
        TrainingThroughPain => "it was trained while the area hurt",
        Soreness => "ordinary soreness followed it",
        WeeklyLoadJump | WeeklyLoadRise | AcwrDanger | Monotony | ReturnAfterLayoff => {
            "it was part of a sharp rise in training load"
        }
        TrainingStreak | ShortRecovery => "it was trained without enough rest",
        CoreWork | PushPullBalance | KneeHipBalance | WarmUp | RepetitiveStrain => {
            "it is part of a training habit worth changing"
        }
    }
}

/// "Deadlift (lower back)": the exercise and the regions of the warnings that name it.
pub fn implicated_name(i: &Implicated) -> String {
    if i.regions.is_empty() {
        return i.name.clone();
    }
    let regions: Vec<String> = i
        .regions
        .iter()
        .map(|r| r.as_str().replace('-', " "))
        .collect();
    format!("{} ({})", i.name, regions.join(", "))
}

/// "Named because sessions with it were followed by pain …; a jump in its load …."
pub fn implicated_because(i: &Implicated) -> String {
    let reasons: Vec<&str> = i.because.iter().map(|k| reason(*k)).collect();
    format!("Named because {}.", reasons.join("; "))
}

/// The catalog's risk note, where it fits the regions the warnings name (the notes are about
/// the spine: not a knee's advice).
pub fn implicated_risk_note(i: &Implicated) -> Option<String> {
    i.advice
        .risk_note
        .clone()
        .filter(|_| crate::analysis::findings::words::risk_note_fits(&i.regions))
}

/// "Safer alternatives: A, B." or what to do when the catalog has none.
pub fn implicated_alternatives(i: &Implicated) -> String {
    if i.advice.alternatives.is_empty() {
        "No safer alternative in the catalog: keep the load steady and progress it in small steps."
            .into()
    } else {
        let names: Vec<&str> = i
            .advice
            .alternatives
            .iter()
            .map(|x| x.name.as_str())
            .collect();
        format!("Safer alternatives: {}.", names.join(", "))
    }
}
