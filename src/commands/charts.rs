//! `strainscope charts`: every chart as PNG and SVG.

use crate::app::AppError;
use crate::cli::ChartsArgs;
use crate::config::LoadedConfig;

pub fn run(args: &ChartsArgs, config: &LoadedConfig, quiet: bool) -> Result<u8, AppError> {
    let _ = (args, config, quiet);
    Err(AppError::Usage("charts: not built yet".into()))
}
