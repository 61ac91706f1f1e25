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

pub use crate::error::ConfigError;

/// A loaded config, with where it came from.
#[derive(Debug, Default, Clone)]
pub struct LoadedConfig {
    pub path: Option<PathBuf>,
    pub config: Config,
    /// The file's text, to name the line of a bad value.
    pub text: String,
}

impl LoadedConfig {
    /// An error about the value of `table.key`, naming its line when the file has it.
    fn error_at(&self, table: &str, key: &str, message: String) -> ConfigError {
        let path = self
            .path
            .as_ref()
            .map_or_else(|| DEFAULT_FILE.to_string(), |p| p.display().to_string());
        let message = match line_of(&self.text, table, key) {
            Some(line) => format!("line {line}: {message}"),
            None => message,
        };
        ConfigError { path, message }
    }

    /// Checks every value once, when the file is loaded: a bad value stops the run before any
    /// input is read, whatever the command uses.
    fn validate(&self) -> Result<(), ConfigError> {
        self.unit()?;
        self.tz()?;
        self.date_order()?;
        self.map()?;
        self.thresholds()?;
        self.conditions()?;
        self.catalog()?;
        Ok(())
    }

    pub fn unit(&self) -> Result<Option<WeightUnit>, ConfigError> {
        self.config
            .import
            .unit
            .as_deref()
            .map(|u| {
                u.parse().map_err(|_| {
                    self.error_at(
                        "import",
                        "unit",
                        format!("import.unit = {u:?} is not a unit (expected \"kg\" or \"lb\")"),
                    )
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
                    self.error_at("import", "tz", format!(
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
                o.parse().map_err(|e: String| {
                    self.error_at("import", "date_order", format!("import.date_order: {e}"))
                })
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
            .map_err(|e: String| self.error_at("import", "map", format!("import.map: {e}")))
    }

    pub fn thresholds(&self) -> Result<crate::analysis::settings::Thresholds, ConfigError> {
        let t = self.config.thresholds.clone();
        t.validate().map_err(|e| {
            // The message names the key: `thresholds.window_h must …`.
            let key = e
                .strip_prefix("thresholds.")
                .and_then(|k| k.split(|c: char| !(c.is_alphanumeric() || c == '_')).next())
                .unwrap_or("");
            self.error_at("thresholds", key, e.clone())
        })?;
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
                self.error_at("conditions", "declared", format!(
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
            .map_err(|e| self.error_at("exercises", "", format!("[exercises]: {e}")))
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
    let loaded = LoadedConfig {
        path: Some(path),
        config,
        text,
    };
    loaded.validate()?;
    Ok(loaded)
}

/// The line of `key = …` inside `[table]` (or of `[table]` itself when `key` is empty), 1-based.
/// A plain scan: the file has already parsed as TOML, so keys sit at the start of their lines.
fn line_of(text: &str, table: &str, key: &str) -> Option<usize> {
    let mut in_table = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_table = name.trim() == table;
            if in_table && key.is_empty() {
                return Some(i + 1);
            }
            continue;
        }
        let Some((k, _)) = line.split_once('=') else {
            continue;
        };
        let k = k.trim().trim_matches('"');
        if in_table && k == key {
            return Some(i + 1);
        }
        // Dotted keys at the top level: `import.unit = …`.
        if !in_table && k == format!("{table}.{key}") {
            return Some(i + 1);
        }
    }
    None
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
    fn values_are_validated_once_at_load_and_name_their_line() {
        let err = parse("# weekly runs\n[import]\ntz = \"UTC\"\nunit = \"stone\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("strainscope.toml: line 4: import.unit = \"stone\" is not a unit (expected \"kg\" or \"lb\")"),
            "{err}"
        );
        let c = parse("[import]\nunit = \"lb\"\ntz = \"Europe/Berlin\"\n").unwrap();
        assert_eq!(c.unit().unwrap(), Some(WeightUnit::Lb));
        assert_eq!(c.tz().unwrap(), Some(chrono_tz::Europe::Berlin));
        let err = parse("[exercises]\n\"Trap Thing\" = \"no-such-id\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1: [exercises]"), "{err}");
        let err = parse("[thresholds]\nwindow_h = 48\nacwr_low = 2.0\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("thresholds."), "{err}");
        let err = parse("[import]\ndate_order = \"ymd\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2: import.date_order"), "{err}");
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
        let err = parse("[conditions]\ndeclared = [\"bad knee\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 2: conditions.declared: \"bad knee\" is not a condition"),
            "{err}"
        );
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
