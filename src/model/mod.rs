//! The normalized data model: every importer maps every row into a [`WorkoutSet`], every diary
//! format into a [`PainEntry`]. Everything downstream (analysis, reports) sees only these types.

mod plausible;
#[cfg(test)]
mod tests;
mod week;

pub use plausible::PlausibleDates;
pub use week::IsoWeek;

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Where a value came from: the input file and its physical, 1-based line (header = line 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub file: Arc<str>,
    pub line: u64,
}

/// One logged set, whatever app it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkoutSet {
    /// Identifies the workout inside its file: the start timestamp for apps that have one,
    /// the calendar day for apps that only log days (FitNotes) or whose sets carry no
    /// workout key (Fitbod).
    pub workout_id: String,
    /// Local wall-clock start of the workout.
    pub start: NaiveDateTime,
    pub workout_name: String,
    /// The exercise name exactly as exported.
    pub exercise: String,
    /// The catalog id, when the catalog knows the name.
    pub canonical: Option<String>,
    /// 1-based position of the set within its exercise in the workout.
    pub set_number: u32,
    /// The set's number as the export wrote it (Strong's `Set Order`, Hevy's `set_index`),
    /// where it has one: it tells a whole workout stored twice from sets that are merely
    /// equal.
    #[serde(skip)]
    pub set_index: Option<u32>,
    pub kind: SetKind,
    pub weight_kg: Option<f64>,
    #[serde(flatten)]
    pub measures: Measures,
    /// Set or exercise note.
    pub notes: String,
    pub workout_notes: String,
    /// Length of the whole workout, where the export has it (session-RPE load needs it).
    pub workout_duration_s: Option<f64>,
    pub source: SourceRef,
}

/// What a set measured besides its weight (whose unit needs more care: see `import/fields.rs`);
/// each is `None` where the export has no value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Measures {
    pub reps: Option<f64>,
    pub rpe: Option<f64>,
    pub distance_m: Option<f64>,
    pub duration_s: Option<f64>,
}

impl WorkoutSet {
    /// A working set of `exercise` in the workout `workout_id` that started at `start`, with
    /// nothing else known yet: importers fill in what their format has.
    pub fn new(
        workout_id: String,
        start: NaiveDateTime,
        exercise: String,
        source: SourceRef,
    ) -> Self {
        WorkoutSet {
            workout_id,
            start,
            workout_name: String::new(),
            exercise,
            canonical: None,
            set_number: 0,
            set_index: None,
            kind: SetKind::default(),
            weight_kg: None,
            measures: Measures::default(),
            notes: String::new(),
            workout_notes: String::new(),
            workout_duration_s: None,
            source,
        }
    }

    pub fn day(&self) -> NaiveDate {
        self.start.date()
    }

    /// Volume load (tonnage) of the set: reps × weight, 0 for warm-ups (science.md §1).
    pub fn volume_kg(&self) -> f64 {
        if self.kind == SetKind::Warmup {
            return 0.0;
        }
        self.measures.reps.unwrap_or(0.0) * self.weight_kg.unwrap_or(0.0)
    }
}

/// Intensity of a pain entry inferred from a note that gives no number (workout notes,
/// JEFIT injury notes).
pub const INFERRED_INTENSITY: u8 = 3;

/// One pain diary entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PainEntry {
    /// Local time; 12:00 when the diary gave only a date (science.md §3).
    pub at: NaiveDateTime,
    pub time_given: bool,
    pub region: Region,
    pub side: Option<Side>,
    /// Numeric rating scale, 0–10.
    pub intensity: u8,
    pub quality: Option<Quality>,
    pub symptoms: Vec<Symptom>,
    pub notes: String,
    /// True when the entry was read from a workout note rather than a diary.
    pub inferred: bool,
    pub source: SourceRef,
}

/// Defines a closed vocabulary: an enum whose values have one canonical kebab-case name and
/// any number of aliases accepted on input (case and `_`/space/`-` insensitive).
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $($variant:ident => $canon:literal $(| $alias:literal)*),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The canonical name, as written in files and reports.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $canon),+
                }
            }

            fn aliases(self) -> &'static [&'static str] {
                match self {
                    $($name::$variant => &[$canon $(, $alias)*]),+
                }
            }

            /// The accepted names, for error messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl FromStr for $name {
            type Err = VocabularyError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = vocabulary_key(s);
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.aliases().iter().any(|a| vocabulary_key(a) == wanted))
                    .ok_or_else(|| VocabularyError {
                        what: $what,
                        value: s.trim().to_string(),
                        expected: Self::expected(),
                    })
            }
        }

        impl TryFrom<String> for $name {
            type Error = VocabularyError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str {
                v.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// Folds case and the separators people use interchangeably ("Lower back", "lower_back").
pub(crate) fn vocabulary_key(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| {
            if c == '_' || c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// A value outside a closed vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{value}\" is not a known {what} (expected one of: {expected})")]
pub struct VocabularyError {
    pub what: &'static str,
    pub value: String,
    pub expected: String,
}

vocabulary! {
    /// Warm-up sets are excluded from load; drop and failure sets count (science.md §1).
    SetKind, "set kind" {
        Warmup => "warmup" | "warm-up" | "w",
        Working => "working" | "normal" | "n",
        Drop => "drop" | "dropset" | "d",
        Failure => "failure" | "f",
    }
}

/// A set is a working set unless the export marks it otherwise.
impl Default for SetKind {
    fn default() -> Self {
        SetKind::Working
    }
}

vocabulary! {
    /// The body regions pain is logged against and exercises load.
    Region, "body region" {
        Neck => "neck" | "cervical" | "cervical spine",
        Shoulder => "shoulder" | "shoulders" | "rotator cuff" | "delt" | "delts",
        UpperBack => "upper-back" | "upper back" | "mid back" | "mid-back" | "middle back"
            | "thoracic" | "thoracic spine" | "back (upper)" | "back (mid)" | "traps",
        LowerBack => "lower-back" | "lower back" | "low back" | "lumbar" | "lumbar spine"
            | "back (lower)" | "lower-back pain" | "lumbosacral",
        Chest => "chest" | "pec" | "pecs" | "pectoral" | "sternum",
        Abdomen => "abdomen" | "abs" | "abdominal" | "oblique" | "obliques" | "core",
        UpperArm => "upper-arm" | "upper arm" | "bicep" | "biceps" | "tricep" | "triceps",
        Elbow => "elbow" | "elbows",
        Forearm => "forearm" | "forearms",
        Wrist => "wrist" | "wrists",
        Hand => "hand" | "hands" | "finger" | "fingers" | "thumb",
        Hip => "hip" | "hips" | "hip flexor" | "hip flexors",
        Groin => "groin" | "adductor" | "adductors",
        Glute => "glute" | "glutes" | "buttock" | "buttocks",
        Hamstring => "hamstring" | "hamstrings",
        Thigh => "thigh" | "quad" | "quads" | "quadriceps",
        Knee => "knee" | "knees",
        Calf => "calf" | "calves",
        Shin => "shin" | "shins",
        Ankle => "ankle" | "ankles" | "achilles",
        Foot => "foot" | "feet" | "heel",
    }
}

impl Region {
    /// The region as a reader says it: "lower back", "upper arm" (the id has a hyphen).
    pub fn words(self) -> String {
        self.as_str().replace('-', " ")
    }

    /// Mild pain here can be ordinary muscle soreness (DOMS). Joints, the spine (the lower
    /// back included), tendons and bones never are: docs/methods.md §4.3 says why.
    pub fn is_muscular(self) -> bool {
        use Region::*;
        matches!(
            self,
            UpperBack | Chest | Abdomen | UpperArm | Forearm | Glute | Hamstring | Thigh | Calf
        )
    }
}

vocabulary! {
    Side, "side" {
        Left => "left" | "l",
        Right => "right" | "r",
        Both => "both" | "bilateral",
    }
}

vocabulary! {
    /// How the pain feels.
    Quality, "pain quality" {
        Dull => "dull",
        Ache => "ache" | "aching",
        Sharp => "sharp" | "stabbing",
        Burning => "burning",
        Stiffness => "stiffness" | "stiff",
        Radiating => "radiating",
    }
}

vocabulary! {
    /// Symptoms the diary can record. All but none are red flags (science.md §3).
    Symptom, "symptom" {
        Numbness => "numbness" | "numb",
        Tingling => "tingling" | "pins and needles",
        Weakness => "weakness" | "weak",
        Radiating => "radiating" | "spreading",
        Bladder => "bladder",
        Bowel => "bowel",
        SaddleNumbness => "saddle-numbness" | "saddle numbness" | "saddle anaesthesia",
        Fever => "fever",
        NightPain => "night-pain" | "night pain",
        Trauma => "trauma" | "fall" | "accident",
    }
}

vocabulary! {
    /// The movement pattern of an exercise (catalog).
    MovementPattern, "movement pattern" {
        Squat => "squat",
        Hinge => "hinge",
        Push => "push",
        Pull => "pull",
        Lunge => "lunge",
        Carry => "carry",
        Core => "core",
        Cardio => "cardio",
        Mobility => "mobility",
    }
}

vocabulary! {
    /// Spinal-risk mechanisms from seed-knowledge.md §2 (catalog).
    RiskTag, "spinal-risk tag" {
        AxialLoading => "axial-loading",
        LoadedFlexion => "loaded-flexion",
        Hyperextension => "hyperextension",
        Rotation => "rotation",
        HighImpact => "high-impact",
        Overhead => "overhead",
    }
}

vocabulary! {
    /// Conditions a lifter can declare in the config (seed-knowledge.md §1). Each turns some
    /// exercises into warnings; strainscope never diagnoses one.
    Condition, "condition" {
        HerniatedDisc => "herniated-disc" | "disc herniation" | "slipped disc" | "bulging disc",
        SpinalStenosis => "spinal-stenosis" | "stenosis",
        SpinalArthritis => "spinal-arthritis" | "arthritis of the spine" | "spine arthritis",
        Sciatica => "sciatica",
        ImpingedNerve => "impinged-nerve" | "pinched nerve",
        MuscleStrain => "muscle-strain" | "back strain",
    }
}

/// Weight units. 1 lb = 0.45359237 kg exactly (international avoirdupois pound).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightUnit {
    Kg,
    Lb,
}

pub const KG_PER_LB: f64 = 0.453_592_37;

impl WeightUnit {
    pub fn to_kg(self, value: f64) -> f64 {
        match self {
            WeightUnit::Kg => value,
            WeightUnit::Lb => value * KG_PER_LB,
        }
    }
}

impl FromStr for WeightUnit {
    type Err = VocabularyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "kg" | "kgs" | "kilogram" | "kilograms" => Ok(WeightUnit::Kg),
            "lb" | "lbs" | "pound" | "pounds" => Ok(WeightUnit::Lb),
            _ => Err(VocabularyError {
                what: "weight unit",
                value: s.trim().to_string(),
                expected: "kg, kgs, lb, lbs".into(),
            }),
        }
    }
}

/// Distance units seen in exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistanceUnit {
    M,
    Km,
    Mi,
    Ft,
    Yd,
}

impl DistanceUnit {
    pub fn to_m(self, value: f64) -> f64 {
        match self {
            DistanceUnit::M => value,
            DistanceUnit::Km => value * 1000.0,
            DistanceUnit::Mi => value * 1609.344,
            DistanceUnit::Ft => value * 0.3048,
            DistanceUnit::Yd => value * 0.9144,
        }
    }
}

impl FromStr for DistanceUnit {
    type Err = VocabularyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Strong writes "mi." with a trailing dot.
        match s.trim().trim_end_matches('.').to_ascii_lowercase().as_str() {
            "m" | "meter" | "meters" | "metre" | "metres" => Ok(DistanceUnit::M),
            "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => {
                Ok(DistanceUnit::Km)
            }
            "mi" | "mile" | "miles" => Ok(DistanceUnit::Mi),
            "ft" | "feet" => Ok(DistanceUnit::Ft),
            "yd" | "yds" | "yards" => Ok(DistanceUnit::Yd),
            _ => Err(VocabularyError {
                what: "distance unit",
                value: s.trim().to_string(),
                expected: "m, km, mi, ft, yd".into(),
            }),
        }
    }
}
