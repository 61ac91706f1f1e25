//! The HTML report (placeholder until the renderer lands).

use crate::analysis::Analysis;
use crate::commands::report::Sources;

pub fn render(
    a: &Analysis,
    sources: &Sources,
    figures: &[crate::report::Figure],
) -> anyhow::Result<String> {
    let _ = figures;
    Ok(crate::report::text::render(a, sources, false))
}
