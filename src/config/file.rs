//! The shape of `strainscope.toml` as serde reads it, and the file's text, kept until the values
//! are validated so an error can name the line of the key it is about.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ConfigError;

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
    #[serde(default)]
    pub report: ReportConfig,
}

/// How the reports read.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportConfig {
    /// Load and routine findings are about this many recent weeks; older ones fold.
    pub focus_weeks: Option<i64>,
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

/// A config file that parsed as TOML of the right shape; its values are not validated yet.
#[derive(Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub config: Config,
    /// The file's text, to name the line of a bad value.
    text: String,
}

impl ConfigFile {
    /// Reads and parses `path`; a missing file, unreadable text or a TOML error (with its line)
    /// is an error naming the file.
    pub fn read(path: &Path) -> Result<ConfigFile, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
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
        Ok(ConfigFile {
            path: path.to_path_buf(),
            config,
            text,
        })
    }

    /// An error about the value of `table.key`, naming its line when the file has it.
    pub fn error_at(&self, table: &str, key: &str, message: String) -> ConfigError {
        let message = match line_of(&self.text, table, key) {
            Some(line) => format!("line {line}: {message}"),
            None => message,
        };
        ConfigError {
            path: self.path.display().to_string(),
            message,
        }
    }

    /// A path named in the file, read relative to the file's directory.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        match self.path.parent() {
            Some(dir) if p.is_relative() && !dir.as_os_str().is_empty() => dir.join(p),
            _ => p.to_path_buf(),
        }
    }
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
