//! `strainscope report`: the pipeline's analysis, rendered in the format asked for.

use crate::chart::ChartKind;
use crate::cli::{ColorWhen, ReportArgs, ReportFormat};
use crate::config::Settings;
use crate::error::AppError;
use crate::error::exit;
use crate::report::document::Document;
use crate::report::document::charts::ChartData;
use crate::report::{self, Figure};

use super::{Inputs, print, write_output};
use crate::pipeline::load;
use crate::progress::Progress;

pub fn run(args: &ReportArgs, settings: &Settings, quiet: bool) -> Result<u8, AppError> {
    if let Some(out) = &args.out {
        Inputs::of(settings).refuse("--out", out)?;
    }
    let progress = Progress::new(quiet, 5);
    let (analysis, sources) = load(settings, args.input.from, args.input.to, &progress)?;
    progress.step("rendering");
    // Colour only ever goes to a terminal: never into --out files or other formats.
    let color = args.format == ReportFormat::Text
        && args.out.is_none()
        && use_color(args.color, &std::io::stdout());
    let doc = Document::build(&analysis, &sources);
    let figs = if args.format == ReportFormat::Html {
        progress.step("drawing the charts");
        figures(&doc.charts)?
    } else {
        Vec::new()
    };
    let text = render(&doc, args.format, color, &figs)?;
    progress.finish();
    match &args.out {
        Some(path) => write_output(path, text.as_bytes())?,
        None => print(&text)?,
    }
    Ok(exit::OK)
}

/// `--color` first; under `auto`, anstream's rules: NO_COLOR and CLICOLOR=0 turn colour off,
/// CLICOLOR_FORCE turns it on, otherwise colour only when the stream is a terminal.
pub fn use_color(when: ColorWhen, stream: &std::io::Stdout) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => !matches!(
            anstream::AutoStream::choice(stream),
            anstream::ColorChoice::Never
        ),
    }
}

/// Every chart as SVG, for the HTML report.
pub fn figures(a: &ChartData) -> anyhow::Result<Vec<Figure>> {
    crate::chart::register_fonts()?;
    ChartKind::ALL
        .iter()
        .map(|&kind| {
            Ok(Figure {
                title: kind.title().to_string(),
                svg: crate::chart::svg(kind, a, None, kind.default_size())?,
            })
        })
        .collect()
}

pub fn render(
    doc: &Document,
    format: ReportFormat,
    color: bool,
    figures: &[Figure],
) -> anyhow::Result<String> {
    Ok(match format {
        ReportFormat::Json => report::json::render(doc)?,
        ReportFormat::Text => report::text::render(doc, color),
        ReportFormat::Md => report::markdown::render(doc),
        ReportFormat::Html => report::html::render(doc, figures)?,
    })
}
