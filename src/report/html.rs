//! The HTML report (placeholder until the renderer lands).

use crate::analysis::Analysis;
use crate::commands::report::Sources;

pub fn render(a: &Analysis, sources: &Sources) -> anyhow::Result<String> {
    Ok(crate::report::text::render(a, sources, false))
}
