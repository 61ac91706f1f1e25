//! `strainscope.toml`: settings for weekly runs. Read from `--config FILE`, or from
//! `strainscope.toml` in the working directory when it exists. Command-line flags win over the
//! file; the file wins over built-in defaults. Unknown keys are errors that name the key.
//! `file` is the file's shape as serde reads it; [`Settings`] the values a run uses, each
//! validated once at load.
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

mod file;
mod settings;

use std::path::{Path, PathBuf};

pub use crate::error::ConfigError;
pub use file::{ConditionsConfig, Config, ConfigFile, ImportConfig, InputsConfig};
pub use settings::{Inputs, Settings};

pub const DEFAULT_FILE: &str = "strainscope.toml";

/// The settings from `explicit`, or from `strainscope.toml` in the working directory if it
/// exists, or the defaults; every value validated. The command line goes on top with
/// [`Settings::with_read_flags`] or [`Settings::with_analysis_flags`].
pub fn load(explicit: Option<&Path>) -> Result<Settings, ConfigError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let p = PathBuf::from(DEFAULT_FILE);
            if !p.is_file() {
                return Ok(Settings::default());
            }
            p
        }
    };
    Settings::from_file(&ConfigFile::read(&path)?)
}

#[cfg(test)]
mod tests;
