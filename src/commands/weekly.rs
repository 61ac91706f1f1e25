//! `strainscope weekly`: the weekly PDF.

use crate::app::AppError;
use crate::cli::WeeklyArgs;
use crate::config::LoadedConfig;

pub fn run(args: &WeeklyArgs, config: &LoadedConfig, quiet: bool) -> Result<u8, AppError> {
    let _ = (args, config, quiet);
    Err(AppError::Usage("weekly: not built yet".into()))
}
