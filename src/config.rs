//! `strainscope.toml`: settings for weekly runs. Read from `--config FILE`, or from
//! `strainscope.toml` in the working directory when it exists. Command-line flags win over the
//! file; the file wins over built-in defaults. Unknown keys are errors that name the key.
//!
//! ```toml
//! [import]
//! unit = "lb"                 # for files that name no unit (Strong iOS)
//! tz = "Europe/Berlin"        # calendar days for exports with UTC offsets (Fitbod)
//! map = { date = "Day", exercise = "Lift", weight_kg = "Kg", reps = "Reps" }
//!
//! [exercises]                 # exported name = catalog id
//! "Trap Bar Pull" = "trap-bar-deadlift"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::catalog::Catalog;
use crate::import::ColumnMap;
use crate::model::WeightUnit;

pub const DEFAULT_FILE: &str = "strainscope.toml";

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub import: ImportConfig,
    /// Exported exercise name → catalog id, for names the catalog does not know.
    #[serde(default)]
    pub exercises: BTreeMap<String, String>,
    /// Analysis thresholds, windows and minimum counts (defaults: science.md).
    #[serde(default)]
    pub thresholds: crate::analysis::settings::Thresholds,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportConfig {
    pub unit: Option<String>,
    pub tz: Option<String>,
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
    fn exercise_mappings_reach_the_catalog() {
        let c = parse("[exercises]\n\"My Odd Pull\" = \"deadlift\"\n").unwrap();
        let catalog = c.catalog().unwrap();
        assert_eq!(
            catalog.resolve("My Odd Pull").map(|e| e.id.as_str()),
            Some("deadlift")
        );
    }
}
