//! Forest plot of the associations at the primary window: relative risk with its 95% CI on a
//! log axis, a line at RR = 1, and the counts behind each row.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::report::document::charts::{ChartData, Estimate, ForestRow};
use crate::report::words::{HALDANE_MARK, HALDANE_NOTE};

use super::style::*;
use super::{Backend, ChartKind, Drawn};

const ABOVE: RGBColor = RGBColor(0xb2, 0x18, 0x2b);
const ACROSS: RGBColor = RGBColor(0x6b, 0x70, 0x76);
const BELOW: RGBColor = RGBColor(0x2c, 0x6f, 0xa8);
const CRUDE: RGBColor = RGBColor(0xa9, 0xae, 0xb4);

/// Line height of a wrapped row label, in pixels.
const LABEL_LINE: i32 = 15;

pub fn draw<DB: Backend>(root: &Area<DB>, a: &ChartData) -> Drawn {
    let title = ChartKind::Associations.title();
    // The associations cover the whole analysed period whatever the window: say that period.
    let period = a
        .period
        .map(|(f, t)| date_span(f, t))
        .unwrap_or_else(|| "no period".to_string());
    let (rows, total) = (&a.forest.rows, a.forest.total);
    let wh = a.thresholds.window_h;
    if rows.is_empty() {
        let subtitle = format!(
            "{period}. Sessions followed by a new pain onset within {wh} h, exposed against \
             not exposed."
        );
        return message(
            root,
            &Header::new(title, &subtitle, &[]),
            &format!(
                "Not enough data for any association yet: each needs at least {} exposed and {} \
                 unexposed sessions and {} pain onsets in the region. Keep logging training and \
                 pain.",
                a.thresholds.min_exposed_sessions,
                a.thresholds.min_unexposed_sessions,
                a.thresholds.min_onsets
            ),
        );
    }
    let shown = if total > rows.len() {
        format!("the first {} of {total} with enough data", rows.len())
    } else {
        format!("all {total} with enough data")
    };
    let subtitle = format!(
        "Analysed period {period}. Share of sessions followed by a new pain onset in the region \
         within {wh} h, exposed vs not exposed; {shown}, those above 1 first{}. Adjusted: \
         compared within sessions with and without the exercises that explain the region's \
         pain. Association, not proof.{}",
        if rows.iter().any(|r| r.soreness) {
            ", ordinary soreness last"
        } else {
            ""
        },
        if rows.iter().any(|r| r.haldane) {
            format!(" {HALDANE_NOTE}")
        } else {
            String::new()
        }
    );
    let class = |r: &ForestRow| {
        let Estimate {
            low: lo, high: hi, ..
        } = r.estimate();
        if lo > 1.0 {
            ABOVE
        } else if hi < 1.0 {
            BELOW
        } else {
            ACROSS
        }
    };
    let mut legend = Vec::new();
    for (c, name) in [
        (ABOVE, "RR with 95% CI, CI above 1"),
        (ACROSS, "RR with 95% CI, CI includes 1"),
        (BELOW, "RR with 95% CI, CI below 1"),
    ] {
        if rows.iter().any(|r| class(r) == c) {
            legend.push((Mark::Whisker(c), name.to_string()));
        }
    }
    if rows.iter().any(|r| r.adjusted.is_some()) {
        legend.push((
            Mark::Whisker(CRUDE),
            "crude RR (open dot) → adjusted RR (solid)".to_string(),
        ));
    }
    legend.push((Mark::Dashed(INK), "RR = 1: no difference".to_string()));
    let area = header(root, &Header::new(title, &subtitle, &legend))?;

    let (w, h) = area.dim_in_pixel();
    let text = font(13.0);
    // Labels wrap onto more lines rather than being cut. The rows' pitch (the plot's height
    // less the axis and margins, over the rows) says how many lines fit in one; the label
    // column widens, up to 45 % of the chart, until every label fits in them.
    let pitch = (h as f64 - 48.0 - 38.0) / rows.len() as f64;
    let lines_fit = ((pitch - 4.0) / f64::from(LABEL_LINE)).floor().max(1.0) as usize;
    let wrapped = |share: f64| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| wrap(&area, &row_label(r), &text, (w as f64 * share) as u32))
            .collect()
    };
    let labels = [0.34, 0.4]
        .into_iter()
        .map(wrapped)
        .find(|l| l.iter().all(|lines| lines.len() <= lines_fit))
        .unwrap_or_else(|| wrapped(0.45));
    // On a narrow chart (the weekly PDF's) the counts and the RR stack on two lines, so the
    // plot keeps its width.
    let stacked = w < 900;
    let right: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let c = r.crude;
            let rr = match r.adjusted {
                None => format!("RR {} ({}–{})", ratio(c.rr), ratio(c.low), ratio(c.high)),
                // The adjusted interval is the whisker; the text gives both estimates.
                Some(e) => format!("RR {} → {}", ratio(c.rr), ratio(e.rr)),
            };
            if stacked {
                vec![r.counts.clone(), rr]
            } else {
                vec![format!("{}   {rr}", r.counts)]
            }
        })
        .collect();
    let width = |s: &String| {
        area.estimate_text_size(s, &text)
            .map(|(w, _)| w)
            .unwrap_or(0)
    };
    let label_w = labels
        .iter()
        .flatten()
        .map(width)
        .max()
        .unwrap_or(0)
        .max(120);
    let head = bold(13.0);
    let right_head: Vec<String> = if stacked {
        vec!["Onsets/sessions:".into(), "exposed vs not".into()]
    } else {
        vec!["Onsets/sessions: exposed vs not".into()]
    };
    let head_w = right_head
        .iter()
        .filter_map(|l| area.estimate_text_size(l, &head).ok())
        .map(|(w, _)| w)
        .max()
        .unwrap_or(0);
    let right_w = right
        .iter()
        .flatten()
        .map(width)
        .max()
        .unwrap_or(0)
        .max(head_w);

    let lo = rows
        .iter()
        .flat_map(|r| [Some(r.crude.low), r.adjusted.map(|e| e.low)])
        .flatten()
        .fold(0.5f64, f64::min)
        .max(1e-4)
        / 1.6;
    let hi = rows
        .iter()
        .flat_map(|r| [Some(r.crude.high), r.adjusted.map(|e| e.high)])
        .flatten()
        .fold(2.0f64, f64::max)
        .min(1e5)
        * 1.6;
    let ticks: Vec<f64> = (-4..=5)
        .map(|e| 10f64.powi(e))
        .filter(|v| *v >= lo && *v <= hi)
        .collect();
    let n = rows.len() as f64;
    let mut chart = ChartBuilder::on(&area)
        .margin_left(MARGIN)
        .margin_right(MARGIN)
        .margin_top(30)
        .margin_bottom(8)
        .x_label_area_size(48)
        .y_label_area_size(label_w + 14)
        .right_y_label_area_size(right_w + 18)
        .build_cartesian_2d((lo..hi).log_scale().with_key_points(ticks), 0f64..n)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .bold_line_style(GRID)
        .axis_style(AXIS)
        .label_style(font(13.0))
        .axis_desc_style(font(14.0))
        .x_label_formatter(&|v| decade(*v))
        .x_desc("Relative risk (exposed ÷ not exposed, log scale, no unit)")
        .draw()?;

    let y_of = |i: usize| n - i as f64 - 0.5;
    // Zebra rows keep a label, its whisker and its counts on one line for the eye.
    chart.draw_series((0..rows.len()).filter(|i| i % 2 == 0).map(|i| {
        Rectangle::new(
            [(lo, y_of(i) - 0.5), (hi, y_of(i) + 0.5)],
            RGBColor(0xf4, 0xf6, 0xf8).filled(),
        )
    }))?;
    chart.draw_series(DashedLineSeries::new(
        vec![(1.0, 0.0), (1.0, n)],
        6,
        4,
        INK.stroke_width(1),
    ))?;
    for (i, r) in rows.iter().enumerate() {
        let (y, c) = (y_of(i), class(r));
        // With an adjusted estimate, the crude one sits just above it, light and open.
        let marks = match r.adjusted {
            None => vec![(r.crude, y, c, true)],
            Some(e) => vec![(r.crude, y + 0.2, CRUDE, false), (e, y - 0.08, c, true)],
        };
        for (e, y, colour, filled) in marks {
            let (l, h) = (e.low.max(lo), e.high.min(hi));
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(l, y), (h, y)],
                colour.stroke_width(2),
            )))?;
            for end in [l, h] {
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![(end, y - 0.12), (end, y + 0.12)],
                    colour.stroke_width(2),
                )))?;
            }
            let style = if filled {
                colour.filled()
            } else {
                colour.stroke_width(2)
            };
            chart.draw_series(std::iter::once(Circle::new((e.rr, y), 5, style)))?;
        }
    }

    // A rule between the pain that matters and the ordinary soreness after it.
    if let Some(i) = rows.iter().position(|r| r.soreness).filter(|i| *i > 0) {
        let y = y_of(i) + 0.5;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(lo, y), (hi, y)],
            MUTED.stroke_width(1),
        )))?;
    }

    // Row labels left of the plot, counts right of it, in pixels of the root.
    let base = root.get_base_pixel();
    let at = |x: f64, y: f64| {
        let (px, py) = chart.backend_coord(&(x, y));
        (px - base.0, py - base.1)
    };
    let (left_x, _) = at(lo, 0.0);
    let (right_x, _) = at(hi, 0.0);
    let (_, top_y) = at(lo, n);
    for (i, (lines, right)) in labels.into_iter().zip(right).enumerate() {
        let (_, y) = at(lo, y_of(i));
        let top = y - (lines.len() as i32 - 1) * LABEL_LINE / 2;
        for (k, line) in lines.into_iter().enumerate() {
            root.draw(&Text::new(
                line,
                (left_x - 10, top + k as i32 * LABEL_LINE),
                text.pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
        }
        let top = y - (right.len() as i32 - 1) * LABEL_LINE / 2;
        for (k, line) in right.into_iter().enumerate() {
            root.draw(&Text::new(
                line,
                (right_x + 12, top + k as i32 * LABEL_LINE),
                text.pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
    }
    root.draw(&Text::new(
        "Region: exposure",
        (left_x - 10, top_y - 8),
        head.pos(Pos::new(HPos::Right, VPos::Bottom)),
    ))?;
    let lines = right_head.len() as i32;
    for (k, line) in right_head.into_iter().enumerate() {
        root.draw(&Text::new(
            line,
            (
                right_x + 12,
                top_y - 8 - (lines - 1 - k as i32) * LABEL_LINE,
            ),
            head.pos(Pos::new(HPos::Left, VPos::Bottom)),
        ))?;
    }
    Ok(())
}

/// "lower back: Deadlift", "thigh soreness: Back squat + Leg press", with [`HALDANE_MARK`]
/// after an estimate that needed the correction.
pub fn row_label(r: &ForestRow) -> String {
    let region = words(r.region.as_str());
    let region = if r.soreness {
        format!("{region} soreness")
    } else {
        region
    };
    let mark = if r.haldane { HALDANE_MARK } else { "" };
    format!("{region}: {}{mark}", r.label)
}

/// A power of ten as written: 0.01, 0.1, 1, 10, 100.
fn decade(v: f64) -> String {
    if v >= 1.0 {
        format!("{v:.0}")
    } else {
        let places = (-v.log10()).round().max(0.0) as usize;
        format!("{v:.places$}")
    }
}
