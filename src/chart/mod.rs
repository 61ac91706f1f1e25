//! Charts drawn with plotters, as PNG and SVG. Each chart is one backend-generic `draw`
//! function, so the PNG and the SVG of a chart are the same drawing. A chart draws the series
//! and rows of a [`ChartData`] (built by the report document) and chooses nothing itself.

mod acwr;
mod calendar;
mod fonts;
pub mod forest;
mod load;
mod progress;
mod style;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod text_tests;

use anyhow::Context;
use chrono::NaiveDate;
use plotters::prelude::*;

use crate::report::document::charts::ChartData;
use style::Area;

pub use fonts::register_fonts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Load,
    Acwr,
    Associations,
    Calendar,
    Progress,
}

impl ChartKind {
    pub const ALL: [ChartKind; 5] = [
        ChartKind::Load,
        ChartKind::Acwr,
        ChartKind::Associations,
        ChartKind::Calendar,
        ChartKind::Progress,
    ];

    /// The file name without extension.
    pub fn file_stem(self) -> &'static str {
        match self {
            ChartKind::Load => "load",
            ChartKind::Acwr => "acwr",
            ChartKind::Associations => "associations",
            ChartKind::Calendar => "calendar",
            ChartKind::Progress => "progress",
        }
    }

    /// The title drawn on the chart.
    pub fn title(self) -> &'static str {
        match self {
            ChartKind::Load => "Training load and pain",
            ChartKind::Acwr => "Weekly ACWR: this week's load ÷ the 4-week mean — a heuristic",
            ChartKind::Associations => "What came before pain: relative risk by exposure",
            ChartKind::Calendar => "Training and pain calendar",
            ChartKind::Progress => "Strength and tonnage of the exercises in question",
        }
    }

    /// What a chart over no days says.
    fn nothing(self) -> &'static str {
        match self {
            ChartKind::Load => "Nothing was analysed: no training days to show.",
            ChartKind::Acwr => "Nothing was analysed: no weekly ratio to show.",
            ChartKind::Calendar => "Nothing was analysed: no days to show.",
            ChartKind::Progress => "Nothing was analysed: no weeks to show.",
            // The forest plot says why it has no rows itself.
            ChartKind::Associations => "Nothing was analysed.",
        }
    }

    /// Width and height in pixels.
    pub fn default_size(self) -> (u32, u32) {
        match self {
            ChartKind::Load => (960, 560),
            ChartKind::Acwr => (960, 500),
            ChartKind::Associations => (960, 720),
            ChartKind::Calendar => (960, 380),
            ChartKind::Progress => (960, 720),
        }
    }
}

/// Optional date window (inclusive) the chart is limited to; None = the whole analysed period.
/// The forest plot ignores it: associations are computed over the whole analysed period.
pub type Window = Option<(NaiveDate, NaiveDate)>;

/// The weekly PDF's load chart: sized so the chart's smallest text (13 px, written as 10.5 in
/// the SVG) prints at 7 pt or more where the PDF places it (285 pt high, at the foot of page 1).
/// tests/cli/weekly.rs measures every word of the PDF.
pub const WEEKLY_LOAD_SIZE: (u32, u32) = (700, 400);

/// The chart as a complete SVG document.
pub fn svg(
    kind: ChartKind,
    a: &ChartData,
    window: Window,
    size: (u32, u32),
) -> anyhow::Result<String> {
    check_size(size)?;
    register_fonts()?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(kind, &root, a, window)?;
        root.present()?;
    }
    Ok(out)
}

/// The chart as PNG bytes (8-bit RGB).
pub fn png(
    kind: ChartKind,
    a: &ChartData,
    window: Window,
    size: (u32, u32),
) -> anyhow::Result<Vec<u8>> {
    check_size(size)?;
    register_fonts()?;
    let (w, h) = size;
    let mut rgb = vec![255u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, size).into_drawing_area();
        draw(kind, &root, a, window)?;
        root.present()?;
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().context("encoding the PNG")?;
        writer.write_image_data(&rgb).context("encoding the PNG")?;
        writer.finish().context("encoding the PNG")?;
    }
    Ok(out)
}

fn check_size((w, h): (u32, u32)) -> anyhow::Result<()> {
    anyhow::ensure!(
        (320..=8000).contains(&w) && (200..=8000).contains(&h),
        "a chart must be 320–8000 px wide and 200–8000 px high, not {w}×{h}"
    );
    Ok(())
}

/// A plotters backend whose errors can travel in an [`anyhow::Error`]: every chart draws on
/// one, so no chart repeats the bound.
pub trait Backend: DrawingBackend<ErrorType = Self::Error> {
    type Error: std::error::Error + Send + Sync + 'static;
}

impl<T: DrawingBackend> Backend for T
where
    T::ErrorType: 'static,
{
    type Error = T::ErrorType;
}

/// What drawing a chart returns.
pub type Drawn = anyhow::Result<()>;

/// The first and last day a chart shows.
pub type Span = (NaiveDate, NaiveDate);

fn draw<DB: Backend>(
    kind: ChartKind,
    root: &Area<DB>,
    a: &ChartData,
    window: Window,
) -> anyhow::Result<()> {
    // The forest plot covers the associations, which span the whole analysed period.
    match (kind, span(a, window)) {
        (ChartKind::Associations, _) => forest::draw(root, a),
        (_, None) => style::message(root, &style::Header::titled(kind.title()), kind.nothing()),
        (ChartKind::Load, Some(span)) => load::draw(root, a, span),
        (ChartKind::Acwr, Some(span)) => acwr::draw(root, a, span),
        (ChartKind::Calendar, Some(span)) => calendar::draw(root, a, span),
        (ChartKind::Progress, Some(span)) => progress::draw(root, a, span),
    }
}

/// The dates a chart covers: the window, else the analysed period; None when there is no
/// period at all (nothing was analysed).
fn span(a: &ChartData, window: Window) -> Option<Span> {
    match window {
        Some((from, to)) if from <= to => Some((from, to)),
        Some(_) => None,
        None => a.period,
    }
}
