//! What every chart shares: palette, text styles, the header (title, subtitle, legend strip),
//! date ticks and number formats. Legends are drawn in the header, never over the data.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use plotters::chart::MeshStyle;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::fonts::FAMILY;
use crate::text::wrap_words;

pub type Area<DB> = DrawingArea<DB, Shift>;

pub const BACKGROUND: RGBColor = WHITE;
pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub const MUTED: RGBColor = RGBColor(0x5f, 0x63, 0x68);
pub const GRID: RGBColor = RGBColor(0xe3, 0xe5, 0xe8);
pub const AXIS: RGBColor = RGBColor(0x9a, 0xa0, 0xa6);
pub const EMPTY_CELL: RGBColor = RGBColor(0xee, 0xf0, 0xf2);

/// Training load.
pub const LOAD: RGBColor = RGBColor(0x9e, 0xc1, 0xe0);
pub const LOAD_DARK: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
/// A colour written as web hex, `0x4e79a7`.
const fn hex(rgb: u32) -> RGBColor {
    RGBColor((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

/// Blues from light to dark, for the calendar's load levels.
pub const LOAD_LEVELS: [RGBColor; 4] = [hex(0xc6dbef), hex(0x8cb6dc), hex(0x4a8bc4), hex(0x1f4e79)];
/// One colour per series (exercises), colour-blind friendly (Tableau 10 order).
#[rustfmt::skip]
pub const SERIES: [RGBColor; 6] = [
    hex(0x4e79a7), hex(0xf28e2b), hex(0x59a14f),
    hex(0xb07aa1), hex(0x9c755f), hex(0x76b7b2),
];
/// One colour per pain region: warm and distinct from the load blues.
#[rustfmt::skip]
pub const REGIONS: [RGBColor; 6] = [
    hex(0xd62728), hex(0xe87d0d), hex(0x8e44ad),
    hex(0x2ca02c), hex(0x8c564b), hex(0xe377c2),
];
/// Pain levels 1–3, 4–6, 7–10.
pub const PAIN_LEVELS: [RGBColor; 3] = [hex(0xf6c142), hex(0xe86a2c), hex(0xb2182b)];

pub const MARGIN: i32 = 18;

pub fn font(size: f64) -> TextStyle<'static> {
    TextStyle::from((FAMILY, size).into_font()).color(&INK)
}

pub fn bold(size: f64) -> TextStyle<'static> {
    TextStyle::from((FAMILY, size, FontStyle::Bold).into_font()).color(&INK)
}

pub fn muted(size: f64) -> TextStyle<'static> {
    font(size).color(&MUTED)
}

/// "lower-back" → "lower back".
pub fn words(slug: &str) -> String {
    slug.replace('-', " ")
}

/// 12345.6 → "12,346".
pub fn kg(v: f64) -> String {
    let n = v.round() as i64;
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A ratio with two significant figures for small values: 0.0123 → "0.012", 3.2 → "3.2",
/// 849.7 → "850".
pub fn ratio(v: f64) -> String {
    if v >= 100.0 {
        format!("{:.0}", (v / 10.0).round() * 10.0)
    } else if v >= 10.0 {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.1}")
    } else if v >= 0.1 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

pub fn date_span(from: NaiveDate, to: NaiveDate) -> String {
    format!("{} – {}", from.format("%-d %b %Y"), to.format("%-d %b %Y"))
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy)]
pub enum Mark {
    /// A filled square (bars, cells).
    Square(RGBColor),
    /// A translucent band (shaded ranges).
    Band(RGBColor, f64),
    /// A line.
    Line(RGBColor),
    /// A dot.
    Dot(RGBColor),
    /// A dashed line.
    Dashed(RGBColor),
    /// A dot with a horizontal whisker.
    Whisker(RGBColor),
}

pub struct Header<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    pub legend: &'a [(Mark, String)],
}

impl<'a> Header<'a> {
    pub fn new(title: &'a str, subtitle: &'a str, legend: &'a [(Mark, String)]) -> Header<'a> {
        Header {
            title,
            subtitle,
            legend,
        }
    }

    /// A title alone: for the message a chart shows when it has nothing to draw.
    pub fn titled(title: &'a str) -> Header<'a> {
        Header::new(title, "", &[])
    }
}

/// The mesh of a chart over time: horizontal grid lines in `lines` only, with the axis and the
/// label fonts every chart uses.
pub fn time_mesh<'m, 'a, 'b, X: Ranged, Y: Ranged, DB: DrawingBackend>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    lines: impl Into<ShapeStyle>,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB> {
    mesh.disable_x_mesh()
        .max_light_lines(0)
        .bold_line_style(lines)
        .axis_style(AXIS)
        .label_style(font(13.0))
        .axis_desc_style(font(14.0))
}

/// Splits `text` into lines no wider than `max_w` pixels.
pub fn wrap<DB: DrawingBackend>(
    area: &Area<DB>,
    text: &str,
    style: &TextStyle,
    max_w: u32,
) -> Vec<String> {
    let width = |s: &str| {
        area.estimate_text_size(s, style)
            .map(|(w, _)| w)
            .unwrap_or(0)
    };
    wrap_words(text, |line| width(line) <= max_w)
}

/// Fills the background, draws the title, the subtitle (wrapped) and the legend strip, and
/// returns the area left for the plot.
pub fn header<DB: DrawingBackend>(root: &Area<DB>, h: &Header) -> anyhow::Result<Area<DB>>
where
    DB::ErrorType: 'static,
{
    root.fill(&BACKGROUND)?;
    let (w, _) = root.dim_in_pixel();
    let max_w = w.saturating_sub(2 * MARGIN as u32);
    let mut y = 14;
    let title = bold(22.0);
    for line in wrap(root, h.title, &title, max_w) {
        root.draw(&Text::new(line, (MARGIN, y), title.clone()))?;
        y += 28;
    }
    let sub = muted(14.0);
    for line in wrap(root, h.subtitle, &sub, max_w) {
        root.draw(&Text::new(line, (MARGIN, y + 2), sub.clone()))?;
        y += 19;
    }
    if !h.legend.is_empty() {
        y += 8;
        y = legend(root, h.legend, y, max_w as i32)?;
    }
    let (_, below) = root.split_vertically(y + 6);
    Ok(below)
}

/// Legend entries side by side, wrapping onto more rows; returns the y below them.
fn legend<DB: DrawingBackend>(
    root: &Area<DB>,
    items: &[(Mark, String)],
    top: i32,
    max_w: i32,
) -> anyhow::Result<i32>
where
    DB::ErrorType: 'static,
{
    let style = font(13.0);
    let row_h = 20;
    let (mut x, mut y) = (MARGIN, top);
    for (mark, label) in items {
        let tw = root.estimate_text_size(label, &style)?.0 as i32;
        let item_w = 26 + tw + 18;
        if x > MARGIN && x + item_w > MARGIN + max_w {
            x = MARGIN;
            y += row_h;
        }
        let cy = y + row_h / 2 - 2;
        draw_mark(root, *mark, (x, cy))?;
        root.draw(&Text::new(
            label.clone(),
            (x + 26, cy),
            style.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += item_w;
    }
    Ok(y + row_h)
}

fn draw_mark<DB: DrawingBackend>(
    root: &Area<DB>,
    mark: Mark,
    (x, cy): (i32, i32),
) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    match mark {
        Mark::Square(c) => root.draw(&Rectangle::new(
            [(x + 3, cy - 7), (x + 17, cy + 7)],
            c.filled(),
        ))?,
        Mark::Band(c, alpha) => {
            root.draw(&Rectangle::new(
                [(x, cy - 7), (x + 20, cy + 7)],
                c.mix(alpha).filled(),
            ))?;
            root.draw(&Rectangle::new([(x, cy - 7), (x + 20, cy + 7)], c.mix(0.5)))?;
        }
        Mark::Line(c) => root.draw(&PathElement::new(
            vec![(x, cy), (x + 20, cy)],
            c.stroke_width(3),
        ))?,
        Mark::Dot(c) => root.draw(&Circle::new((x + 10, cy), 5, c.filled()))?,
        Mark::Dashed(c) => {
            for s in [0, 8, 16] {
                root.draw(&PathElement::new(
                    vec![(x + s, cy), (x + s + 4, cy)],
                    c.stroke_width(2),
                ))?;
            }
        }
        Mark::Whisker(c) => {
            root.draw(&PathElement::new(
                vec![(x, cy), (x + 20, cy)],
                c.stroke_width(2),
            ))?;
            root.draw(&Circle::new((x + 10, cy), 4, c.filled()))?;
        }
    }
    Ok(())
}

/// A chart with nothing to plot still says what it is and why it is empty.
pub fn message<DB: DrawingBackend>(root: &Area<DB>, h: &Header, text: &str) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let area = header(root, h)?;
    let (w, ht) = area.dim_in_pixel();
    let (w, ht) = (w as i32, ht as i32);
    area.draw(&Rectangle::new(
        [(MARGIN, 4), (w - MARGIN, ht - MARGIN)],
        GRID.stroke_width(2),
    ))?;
    let style = font(16.0).color(&MUTED);
    let lines = wrap(&area, text, &style, (w - 4 * MARGIN).max(50) as u32);
    let top = ht / 2 - (lines.len() as i32 * 22) / 2;
    for (i, line) in lines.into_iter().enumerate() {
        area.draw(&Text::new(
            line,
            (w / 2, top + i as i32 * 22),
            style.pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    Ok(())
}

/// Tick dates and their label format for an axis from `first` to `last` (inclusive), with at
/// most about `max_ticks` ticks: days, Mondays, or first days of months.
pub struct DateTicks {
    pub ticks: Vec<NaiveDate>,
    pub format: &'static str,
}

pub fn date_ticks(first: NaiveDate, last: NaiveDate, max_ticks: usize) -> DateTicks {
    let days = (last - first).num_days() + 1;
    let max_ticks = max_ticks.max(2) as i64;
    for step in [1i64, 2, 7, 14] {
        if days / step <= max_ticks {
            let mut d = first;
            if step >= 7 {
                // Mondays.
                d += Duration::days((7 - d.weekday().num_days_from_monday() as i64) % 7);
            }
            let mut ticks = Vec::new();
            while d <= last {
                ticks.push(d);
                d += Duration::days(step);
            }
            return DateTicks {
                ticks,
                format: "%d %b",
            };
        }
    }
    let months = days / 30 + 1;
    let step = [1u32, 2, 3, 6, 12, 24]
        .into_iter()
        .find(|s| months / i64::from(*s) <= max_ticks)
        .unwrap_or(24);
    let mut ticks = Vec::new();
    let (mut y, mut m) = (first.year(), first.month());
    while let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
        if d > last {
            break;
        }
        let aligned = if step >= 12 {
            m == 1
        } else {
            (m - 1) % step == 0
        };
        if d >= first && aligned {
            ticks.push(d);
        }
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    DateTicks {
        ticks,
        format: if step >= 12 { "%Y" } else { "%b %Y" },
    }
}

/// Midnight: the x coordinate of a date's left edge on the date axes.
pub fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(0, 0, 0).unwrap_or_default()
}

/// Noon: the middle of a day, where a day's point sits.
pub fn noon(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(12, 0, 0).unwrap_or_default()
}

/// How many date ticks fit in `width` pixels with labels of about 80 px.
pub fn tick_budget(width: u32) -> usize {
    (width / 95).clamp(2, 14) as usize
}

/// A date-time x axis from `from` to `to` with exactly the given ticks.
pub fn time_axis(
    from: NaiveDateTime,
    to: NaiveDateTime,
    ticks: &[NaiveDateTime],
) -> plotters::coord::combinators::WithKeyPoints<
    plotters::coord::types::RangedDateTime<NaiveDateTime>,
> {
    plotters::coord::types::RangedDateTime::from(from..to).with_key_points(ticks.to_vec())
}

/// A polyline as separate two-point segments. plotters' bitmap backend draws the joints of a
/// wide polyline wrongly when it turns sharply (plotters-rs/plotters#549: spikes that leave
/// the plot); segments have no joints.
pub fn segments<X: Clone + 'static, Y: Clone + 'static>(
    points: Vec<(X, Y)>,
    style: ShapeStyle,
) -> Vec<PathElement<(X, Y)>> {
    points
        .windows(2)
        .map(|w| PathElement::new(vec![w[0].clone(), w[1].clone()], style))
        .collect()
}
