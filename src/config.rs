//! `strainscope.toml`: settings for weekly runs. Read from `--config FILE`, or from
//! `strainscope.toml` in the working directory when it exists. Command-line flags win over the
//! file; the file wins over built-in defaults. Unknown keys are errors that name the key.
//!
//! ```toml
//! [import]
//! unit = "lb"                 # for files that name no unit (Strong iOS)
//! tz = "Europe/Berlin"        # calendar days for exports with UTC offsets (Fitbod)
//! date_order = "dmy"          # numeric dates that never show their order (StrongLifts)
//! map = { date = "Day", exercise = "Lift", weight_kg = "Kg", reps = "Reps" }
//!
//! [inputs]                    # paths relative to this file
//! workouts = ["strong.csv", "hevy.csv"]
//! pain = "pain_diary.csv"
//!
//! [exercises]                 # exported name = catalog id
//! "Trap Bar Pull" = "trap-bar-deadlift"
//!
//! [conditions]                # turns some exercises into warnings
//! declared = ["herniated-disc"]
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::catalog::Catalog;
use crate::import::ColumnMap;
use crate::model::{Condition, WeightUnit};

pub const DEFAULT_FILE: &str = "strainscope.toml";

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub inputs: InputsConfig,
    #[serde(default)]
    pub import: ImportConfig,
    /// Exported exercise name → catalog id, for names the catalog does not know.
    #[serde(default)]
    pub exercises: BTreeMap<String, String>,
    /// Analysis thresholds, windows and minimum counts (defaults: science.md).
    #[serde(default)]
    pub thresholds: crate::analysis::settings::Thresholds,
    #[serde(default)]
    pub conditions: ConditionsConfig,
}

/// The files a run reads when the command line names none. Relative paths are read from the
/// config file's directory, so `--config sample_logs/strainscope.toml` works from anywhere.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputsConfig {
    #[serde(default)]
    pub workouts: Vec<PathBuf>,
    pub pain: Option<PathBuf>,
    #[serde(default)]
    pub pain_from_notes: bool,
}

/// Conditions the lifter has been told they have (seed-knowledge.md §1).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionsConfig {
    #[serde(default)]
    pub declared: Vec<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportConfig {
    pub unit: Option<String>,
    pub tz: Option<String>,
    pub date_order: Option<String>,
    pub map: Option<BTreeMap<String, String>>,
}

/// A config that could not be used; the message names the file and, where it can, the key.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}

/// A loaded config, with where it came from.
#[derive(Debug, Default, Clone)]
pub struct LoadedConfig {
    pub path: Option<PathBuf>,
    pub config: Config,
}

impl LoadedConfig {
    fn error(&self, message: String) -> ConfigError {
        ConfigError {
            path: self
                .path
                .as_ref()
                .map_or_else(|| DEFAULT_FILE.to_string(), |p| p.display().to_string()),
            message,
        }
    }

    pub fn unit(&self) -> Result<Option<WeightUnit>, ConfigError> {
        self.config
            .import
            .unit
            .as_deref()
            .map(|u| {
                u.parse().map_err(|_| {
                    self.error(format!(
                        "import.unit = {u:?} is not a unit (expected \"kg\" or \"lb\")"
                    ))
                })
            })
            .transpose()
    }

    pub fn tz(&self) -> Result<Option<chrono_tz::Tz>, ConfigError> {
        self.config
            .import
            .tz
            .as_deref()
            .map(|z| {
                z.parse().map_err(|_| {
                    self.error(format!(
                        "import.tz = {z:?} is not a time zone (expected an IANA name such as \"Europe/Berlin\" or \"UTC\")"
                    ))
                })
            })
            .transpose()
    }

    pub fn date_order(&self) -> Result<Option<crate::import::DateOrder>, ConfigError> {
        self.config
            .import
            .date_order
            .as_deref()
            .map(|o| {
                o.parse()
                    .map_err(|e: String| self.error(format!("import.date_order: {e}")))
            })
            .transpose()
    }

    pub fn map(&self) -> Result<Option<ColumnMap>, ConfigError> {
        let Some(map) = &self.config.import.map else {
            return Ok(None);
        };
        let pairs: Vec<String> = map.iter().map(|(k, v)| format!("{k}={v}")).collect();
        pairs
            .join(",")
            .parse()
            .map(Some)
            .map_err(|e: String| self.error(format!("import.map: {e}")))
    }

    pub fn thresholds(&self) -> Result<crate::analysis::settings::Thresholds, ConfigError> {
        let t = self.config.thresholds.clone();
        t.validate().map_err(|e| self.error(e))?;
        Ok(t)
    }

    /// A path named in the file, read relative to the file's directory.
    fn resolve(&self, p: &Path) -> PathBuf {
        match self.path.as_deref().and_then(Path::parent) {
            Some(dir) if p.is_relative() && !dir.as_os_str().is_empty() => dir.join(p),
            _ => p.to_path_buf(),
        }
    }

    /// `[inputs] workouts`, resolved.
    pub fn workouts(&self) -> Vec<PathBuf> {
        let inputs = &self.config.inputs;
        inputs.workouts.iter().map(|p| self.resolve(p)).collect()
    }

    /// `[inputs] pain`, resolved.
    pub fn pain(&self) -> Option<PathBuf> {
        self.config.inputs.pain.as_deref().map(|p| self.resolve(p))
    }

    pub fn pain_from_notes(&self) -> bool {
        self.config.inputs.pain_from_notes
    }

    /// `[conditions] declared`, validated against the vocabulary.
    pub fn conditions(&self) -> Result<Vec<Condition>, ConfigError> {
        let mut out = Vec::new();
        for name in &self.config.conditions.declared {
            let c: Condition = name.parse().map_err(|_| {
                self.error(format!(
                    "conditions.declared: {name:?} is not a condition strainscope knows (expected one of: {})",
                    Condition::expected()
                ))
            })?;
            if !out.contains(&c) {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// The embedded catalog with the user's `[exercises]` mappings applied.
    pub fn catalog(&self) -> Result<Catalog, ConfigError> {
        Catalog::embedded()
            .with_mappings(&self.config.exercises)
            .map_err(|e| self.error(format!("[exercises]: {e}")))
    }
}

/// Reads `explicit`, or `strainscope.toml` in the working directory if it exists.
pub fn load(explicit: Option<&Path>) -> Result<LoadedConfig, ConfigError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let p = PathBuf::from(DEFAULT_FILE);
            if !p.is_file() {
                return Ok(LoadedConfig::default());
            }
            p
        }
    };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
        path: shown.clone(),
        message: match e.kind() {
            std::io::ErrorKind::NotFound => "no such config file".into(),
            _ => format!("cannot read: {e}"),
        },
    })?;
    let config: Config = toml::from_str(&text).map_err(|e| ConfigError {
        path: shown,
        message: describe_toml_error(&text, &e),
    })?;
    Ok(LoadedConfig {
        path: Some(path),
        config,
    })
}

/// toml's messages span several lines with a snippet; a one-line `line N: …` reads better
/// after the file name.
fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<LoadedConfig, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("strainscope.toml");
        std::fs::write(&path, text).unwrap();
        load(Some(&path))
    }

    #[test]
    fn unknown_keys_are_errors_that_name_the_key() {
        let err = parse("[import]\nunits = \"lb\"\n").unwrap_err().to_string();
        assert!(err.contains("line 2: unknown field `units`"), "{err}");
        let err = parse("[imports]\n").unwrap_err().to_string();
        assert!(err.contains("unknown field `imports`"), "{err}");
    }

    #[test]
    fn values_are_validated() {
        let c = parse("[import]\nunit = \"stone\"\n").unwrap();
        assert!(
            c.unit()
                .unwrap_err()
                .to_string()
                .contains("import.unit = \"stone\"")
        );
        let c = parse("[import]\nunit = \"lb\"\ntz = \"Europe/Berlin\"\n").unwrap();
        assert_eq!(c.unit().unwrap(), Some(WeightUnit::Lb));
        assert_eq!(c.tz().unwrap(), Some(chrono_tz::Europe::Berlin));
        let c = parse("[exercises]\n\"Trap Thing\" = \"no-such-id\"\n").unwrap();
        assert!(c.catalog().is_err());
    }

    #[test]
    fn inputs_are_read_relative_to_the_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("strainscope.toml");
        std::fs::write(
            &path,
            "[inputs]\nworkouts = [\"a.csv\", \"/abs/b.csv\"]\npain = \"diary.csv\"\n\n[conditions]\ndeclared = [\"herniated-disc\", \"Sciatica\"]\n",
        )
        .unwrap();
        let c = load(Some(&path)).unwrap();
        assert_eq!(
            c.workouts(),
            vec![dir.path().join("a.csv"), PathBuf::from("/abs/b.csv")]
        );
        assert_eq!(c.pain(), Some(dir.path().join("diary.csv")));
        assert_eq!(
            c.conditions().unwrap(),
            vec![Condition::HerniatedDisc, Condition::Sciatica]
        );
        let bad = parse("[conditions]\ndeclared = [\"bad knee\"]\n").unwrap();
        let err = bad.conditions().unwrap_err().to_string();
        assert!(err.contains("\"bad knee\" is not a condition"), "{err}");
        let err = parse("[inputs]\nworkout = []\n").unwrap_err().to_string();
        assert!(err.contains("unknown field `workout`"), "{err}");
    }

    #[test]
    fn exercise_mappings_reach_the_catalog() {
        let c = parse("[exercises]\n\"My Odd Pull\" = \"deadlift\"\n").unwrap();
        let catalog = c.catalog().unwrap();
        assert_eq!(
            catalog.resolve("My Odd Pull").map(|e| e.id.as_str()),
            Some("deadlift")
        );
    }
}
