//! The embedded font, registered with plotters once per process. plotters' `ab_glyph`
//! backend never looks at system fonts: text is drawn from these bytes or not at all.

use std::sync::OnceLock;

use anyhow::anyhow;
use plotters::style::{FontStyle, register_font};

use crate::fonts;

/// The family name every chart asks plotters for (`FontFamily::SansSerif`).
pub const FAMILY: &str = "sans-serif";

/// Registers DejaVu Sans (regular and bold) as plotters' `sans-serif`. Idempotent: the first
/// call registers, later calls return the first call's outcome.
pub fn register_fonts() -> anyhow::Result<()> {
    static DONE: OnceLock<Result<(), String>> = OnceLock::new();
    DONE.get_or_init(|| {
        // `InvalidFont` implements neither Debug nor Error.
        register_font(FAMILY, FontStyle::Normal, fonts::SANS)
            .map_err(|_| "the embedded regular font is not a valid font".to_string())?;
        register_font(FAMILY, FontStyle::Bold, fonts::SANS_BOLD)
            .map_err(|_| "the embedded bold font is not a valid font".to_string())?;
        Ok(())
    })
    .clone()
    .map_err(|e| anyhow!(e))
}
