//! [`Settings`]: every value a run uses, validated once when the config file is loaded, then
//! overridden by the command line in one place ([`Settings::with_read_flags`],
//! [`Settings::with_analysis_flags`]). Nothing after that parses a setting again.

use std::path::PathBuf;

use crate::analysis::settings::{AnalysisOptions, Thresholds};
use crate::catalog::Catalog;
use crate::cli::{AnalysisArgs, ReadArgs, UnitArg};
use crate::error::ConfigError;
use crate::import::{ColumnMap, DateOrder, DateReading, ImportOptions};
use crate::model::{Condition, WeightUnit};

use super::file::ConfigFile;

/// The settings of one run: the built-in defaults, then the config file, then the flags.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The config file the values came from; `None` when there is none (defaults only).
    pub source: Option<PathBuf>,
    /// How the exports are read: unit, time zone, day/month order, column map, duplicates.
    pub import: ImportOptions,
    /// How they are analysed: thresholds, declared conditions, weeks in focus.
    pub analysis: AnalysisOptions,
    /// The embedded catalog with the `[exercises]` mappings applied; built once per run.
    pub catalog: Catalog,
    pub inputs: Inputs,
}

/// The most weeks a report can focus on (ten years).
pub const MAX_FOCUS_WEEKS: u32 = 520;

/// The files a run reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    pub workouts: Vec<PathBuf>,
    /// The pain diary.
    pub pain: Option<PathBuf>,
    /// Pain mentioned in workout notes is read too (always, when there is no diary).
    pub pain_from_notes: bool,
}

impl Settings {
    /// Checks every value of the file once, when it is loaded: a bad value stops the run before
    /// any input is read, whatever the command uses. Each error names the key, its line and
    /// what is allowed.
    pub fn from_file(file: &ConfigFile) -> Result<Settings, ConfigError> {
        let defaults = ImportOptions::default();
        let import = ImportOptions {
            unit: unit(file)?,
            dates: DateReading {
                tz: tz(file)?.unwrap_or(defaults.dates.tz),
                order: date_order(file)?,
                plausible: defaults.dates.plausible,
            },
            map: map(file)?,
            keep_duplicates: defaults.keep_duplicates,
        };
        let analysis = AnalysisOptions {
            thresholds: thresholds(file)?,
            conditions: conditions(file)?,
            focus_weeks: focus_weeks(file)?,
        };
        let catalog = catalog(file)?;
        let inputs = &file.config.inputs;
        Ok(Settings {
            source: Some(file.path.clone()),
            import,
            analysis,
            catalog,
            inputs: Inputs {
                workouts: inputs.workouts.iter().map(|p| file.resolve(p)).collect(),
                pain: inputs.pain.as_deref().map(|p| file.resolve(p)),
                pain_from_notes: inputs.pain_from_notes,
            },
        })
    }

    /// The plausible dates of the run (`--today`): set before anything is read.
    pub fn with_dates(mut self, dates: crate::model::PlausibleDates) -> Settings {
        self.import.dates.plausible = dates;
        self
    }

    /// `--unit`, `--tz`, `--date-order`, `--map` and `--keep-duplicates`, which win over the file.
    pub fn with_read_flags(mut self, read: &ReadArgs) -> Settings {
        if let Some(unit) = read.unit {
            self.import.unit = Some(match unit {
                UnitArg::Kg => WeightUnit::Kg,
                UnitArg::Lb => WeightUnit::Lb,
            });
        }
        if let Some(tz) = read.tz {
            self.import.dates.tz = tz;
        }
        if let Some(order) = read.date_order {
            self.import.dates.order = Some(order);
        }
        if let Some(map) = &read.map {
            self.import.map = Some(map.clone());
        }
        self.import.keep_duplicates = read.keep_duplicates;
        self
    }

    /// The read flags, and `--workouts`, `--pain` and `--pain-from-notes` over `[inputs]`.
    pub fn with_analysis_flags(self, args: &AnalysisArgs) -> Settings {
        let mut s = self.with_read_flags(&args.read);
        if !args.workouts.is_empty() {
            // Workouts named on the command line are a different set of inputs: the file's
            // diary belongs to the file's workouts, so only `--pain` names a diary for them.
            s.inputs.workouts = args.workouts.clone();
            s.inputs.pain = args.pain.clone();
        } else if args.pain.is_some() {
            s.inputs.pain = args.pain.clone();
        }
        s.inputs.pain_from_notes |= args.pain_from_notes;
        if args.focus_weeks.is_some() {
            s.analysis.focus_weeks = args.focus_weeks;
        }
        s
    }
}

fn unit(file: &ConfigFile) -> Result<Option<WeightUnit>, ConfigError> {
    file.config
        .import
        .unit
        .as_deref()
        .map(|u| {
            u.parse().map_err(|_| {
                file.error_at(
                    "import",
                    "unit",
                    format!("import.unit = {u:?} is not a unit (expected \"kg\" or \"lb\")"),
                )
            })
        })
        .transpose()
}

fn tz(file: &ConfigFile) -> Result<Option<chrono_tz::Tz>, ConfigError> {
    file.config
        .import
        .tz
        .as_deref()
        .map(|z| {
            z.parse().map_err(|_| {
                file.error_at("import", "tz", format!(
                    "import.tz = {z:?} is not a time zone (expected an IANA name such as \"Europe/Berlin\" or \"UTC\")"
                ))
            })
        })
        .transpose()
}

fn date_order(file: &ConfigFile) -> Result<Option<DateOrder>, ConfigError> {
    file.config
        .import
        .date_order
        .as_deref()
        .map(|o| {
            o.parse().map_err(|e: String| {
                file.error_at("import", "date_order", format!("import.date_order: {e}"))
            })
        })
        .transpose()
}

fn map(file: &ConfigFile) -> Result<Option<ColumnMap>, ConfigError> {
    let Some(map) = &file.config.import.map else {
        return Ok(None);
    };
    // The same parser as `--map`, so the file and the flag accept the same fields.
    let pairs: Vec<String> = map.iter().map(|(k, v)| format!("{k}={v}")).collect();
    pairs
        .join(",")
        .parse()
        .map(Some)
        .map_err(|e: String| file.error_at("import", "map", format!("import.map: {e}")))
}

fn thresholds(file: &ConfigFile) -> Result<Thresholds, ConfigError> {
    let t = file.config.thresholds.clone();
    t.validate()
        .map_err(|e| file.error_at("thresholds", e.key, e.message))?;
    Ok(t)
}

/// `[report] focus_weeks`: a whole number of weeks from 1 to [`MAX_FOCUS_WEEKS`].
fn focus_weeks(file: &ConfigFile) -> Result<Option<u32>, ConfigError> {
    let Some(n) = file.config.report.focus_weeks else {
        return Ok(None);
    };
    u32::try_from(n)
        .ok()
        .filter(|n| (1..=MAX_FOCUS_WEEKS).contains(n))
        .map(Some)
        .ok_or_else(|| {
            file.error_at(
                "report",
                "focus_weeks",
                format!("report.focus_weeks must be a whole number of weeks from 1 to {MAX_FOCUS_WEEKS}, not {n}"),
            )
        })
}

/// `[conditions] declared`, validated against the vocabulary.
fn conditions(file: &ConfigFile) -> Result<Vec<Condition>, ConfigError> {
    let mut out = Vec::new();
    for name in &file.config.conditions.declared {
        let c: Condition = name.parse().map_err(|_| {
            file.error_at("conditions", "declared", format!(
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
fn catalog(file: &ConfigFile) -> Result<Catalog, ConfigError> {
    Catalog::embedded()
        .with_mappings(&file.config.exercises)
        .map_err(|e| file.error_at("exercises", "", format!("[exercises]: {e}")))
}
