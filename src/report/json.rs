//! `--format json`: the analysis, serialized, with where it came from (docs/json.md).

use serde::Serialize;

use crate::analysis::Analysis;
use crate::report::document::Document as Report;

#[derive(Serialize)]
struct Document<'a> {
    generated_by: String,
    inputs: Inputs<'a>,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Serialize)]
struct Inputs<'a> {
    workout_files: &'a [String],
    diary: Option<&'a str>,
    pain_from_notes: bool,
    rejected_rows: usize,
}

/// The document's analysis, whole, and the files it came from.
pub fn render(report: &Report) -> serde_json::Result<String> {
    let (analysis, sources) = (report.analysis, report.sources);
    let doc = Document {
        generated_by: format!("strainscope {}", env!("CARGO_PKG_VERSION")),
        inputs: Inputs {
            workout_files: &sources.workout_files,
            diary: sources.diary.as_deref(),
            pain_from_notes: sources.inferred_from_notes,
            rejected_rows: sources.rejected_rows,
        },
        analysis,
    };
    let mut s = serde_json::to_string_pretty(&doc)?;
    s.push('\n');
    Ok(s)
}
