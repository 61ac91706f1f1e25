//! Weekly top estimated 1RM and weekly tonnage of the exercises the warnings name (or, when
//! none is named, the three with the most working sets).

use chrono::{Duration, NaiveDateTime};
use plotters::prelude::*;

use crate::report::document::charts::{ChartData, Progress};

use super::style::*;
use super::{Backend, ChartKind, Drawn, Span};

pub fn draw<DB: Backend>(root: &Area<DB>, a: &ChartData, (first, last): Span) -> Drawn {
    let title = ChartKind::Progress.title();
    let Progress {
        lines,
        fallback,
        skipped,
        first_week,
    } = a.progress(first, last);
    let mut subtitle = date_span(first, last);
    subtitle.push_str(if fallback {
        ". No warning names an exercise: the 3 with the most working sets are shown."
    } else {
        ". The exercises the warnings name."
    });
    if !skipped.is_empty() {
        let n = skipped.len();
        let list = if n <= 3 {
            skipped.join(", ")
        } else {
            format!("{} and {} more", skipped[..2].join(", "), n - 2)
        };
        subtitle.push_str(&format!(" Not shown (no weighted sets): {list}."));
    }
    subtitle.push_str(" e1RM: Epley estimate from the week's best working set.");
    let legend: Vec<(Mark, String)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (Mark::Line(SERIES[i % SERIES.len()]), l.name.clone()))
        .collect();
    if lines.is_empty() {
        return message(
            root,
            &Header::new(title, &subtitle, &[]),
            "No weighted exercise in this period: nothing to chart.",
        );
    }
    let area = header(root, &Header::new(title, &subtitle, &legend))?;

    let x_first = first_week.unwrap_or(first).min(first);
    let x0 = midnight(x_first);
    let x1 = midnight(last + Duration::days(1));
    let (w, h) = area.dim_in_pixel();
    let ticks = date_ticks(x_first, last, tick_budget(w.saturating_sub(140)));
    let tick_at: Vec<NaiveDateTime> = ticks.ticks.iter().map(|d| midnight(*d)).collect();
    let format = ticks.format;
    let (upper, lower) = area.split_vertically(h / 2);
    let markers = lines.iter().all(|l| l.points.len() <= 60);

    let e1rm: Vec<f64> = lines
        .iter()
        .flat_map(|l| l.points.iter().filter_map(|p| p.1))
        .collect();
    let (lo, hi) = if e1rm.is_empty() {
        (0.0, 1.0)
    } else {
        let lo = e1rm.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = e1rm.iter().copied().fold(0.0f64, f64::max);
        (
            (lo * 0.9).floor().max(0.0),
            (hi * 1.06).ceil().max(lo + 1.0),
        )
    };
    let tonnage_max = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.2))
        .fold(0.0f64, f64::max)
        .max(1.0)
        * 1.08;

    for (panel, top, ylo, yhi, desc) in [
        (&upper, true, lo, hi, "e1RM (kg)"),
        (&lower, false, 0.0, tonnage_max, "Tonnage (kg per week)"),
    ] {
        let mut chart = ChartBuilder::on(panel)
            .margin_left(MARGIN)
            .margin_right(MARGIN + 20)
            .margin_top(8)
            .margin_bottom(if top { 4 } else { 8 })
            .x_label_area_size(if top { 30 } else { 48 })
            .y_label_area_size(80)
            .build_cartesian_2d(time_axis(x0, x1, &tick_at), ylo..yhi)?;
        let x_fmt = |d: &NaiveDateTime| d.format(format).to_string();
        let y_fmt = |v: &f64| kg(*v);
        let mut mesh = chart.configure_mesh();
        time_mesh(&mut mesh, GRID)
            .y_labels(6)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .y_desc(desc);
        if !top {
            mesh.x_desc("Week starting");
        }
        mesh.draw()?;
        for (i, l) in lines.iter().enumerate() {
            let c = SERIES[i % SERIES.len()];
            let pts: Vec<(NaiveDateTime, f64)> = l
                .points
                .iter()
                .filter_map(|(d, e, t)| {
                    let v = if top { *e } else { Some(*t) };
                    v.map(|v| (midnight(*d), v))
                })
                .filter(|(d, _)| *d >= x0 && *d < x1)
                .collect();
            if markers {
                chart.draw_series(pts.iter().map(|p| Circle::new(*p, 3, c.filled())))?;
            }
            chart.draw_series(segments(pts, c.stroke_width(2)))?;
        }
    }
    Ok(())
}
