//! The EWMA acute:chronic workload ratio over time, on its bands. A heuristic (Gabbett 2016,
//! contested since), and the chart says so.

use chrono::{Duration, NaiveDateTime};
use plotters::prelude::*;

use crate::report::document::charts::ChartData;

use super::style::*;
use super::{Backend, ChartKind, Drawn, Span};

const BAND_LOW: RGBColor = RGBColor(0x9a, 0xa0, 0xa6);
const BAND_SWEET: RGBColor = RGBColor(0x59, 0xa1, 0x4f);
const BAND_CAUTION: RGBColor = RGBColor(0xf2, 0xa1, 0x2b);
const BAND_DANGER: RGBColor = RGBColor(0xd6, 0x27, 0x28);
const LINE: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
const LINE_LIGHT: RGBColor = RGBColor(0xa5, 0xb8, 0xc9);
const WEEKLY: RGBColor = RGBColor(0x10, 0x2a, 0x43);

pub fn draw<DB: Backend>(root: &Area<DB>, a: &ChartData, (first, last): Span) -> Drawn {
    let title = ChartKind::Acwr.title();
    let t = &a.thresholds;
    let days: Vec<_> = a
        .daily
        .iter()
        .filter(|d| d.date >= first && d.date <= last)
        .collect();
    let subtitle = format!(
        "{}. Acute ({}-day) ÷ chronic ({}-day) exponentially weighted daily load. The bands are \
         a heuristic (Gabbett 2016, contested): they describe load, they do not predict injury.",
        date_span(first, last),
        t.acwr_acute_days,
        t.acwr_chronic_days
    );
    // On a long window the daily ratio swings within each week faster than pixels can show:
    // it goes light and thin, and the analysis' weekly mean carries the line.
    let (root_w, _) = root.dim_in_pixel();
    let plot_w = f64::from(root_w) - 2.0 * f64::from(MARGIN) - 180.0;
    let dense = plot_w / (days.len().max(1) as f64) < 3.0;
    let daily = if dense { LINE_LIGHT } else { LINE };
    let mut legend = vec![(Mark::Line(daily), "ACWR per day (EWMA, ratio)".to_string())];
    if dense {
        legend.push((
            Mark::Line(WEEKLY),
            "weekly mean of the daily ACWR".to_string(),
        ));
    }
    legend.extend([
        (
            Mark::Band(BAND_LOW, 0.18),
            format!("low < {} (heuristic)", t.acwr_low),
        ),
        (
            Mark::Band(BAND_SWEET, 0.18),
            format!("sweet spot {}–{} (heuristic)", t.acwr_low, t.acwr_caution),
        ),
        (
            Mark::Band(BAND_CAUTION, 0.18),
            format!("caution {}–{} (heuristic)", t.acwr_caution, t.acwr_danger),
        ),
        (
            Mark::Band(BAND_DANGER, 0.18),
            format!("danger ≥ {} (heuristic)", t.acwr_danger),
        ),
    ]);
    if days.iter().all(|d| d.acwr.ewma.is_none()) {
        return message(
            root,
            &Header::new(title, &subtitle, &legend),
            "No ratio in this period: the chronic load needs some weeks of training first.",
        );
    }
    let area = header(root, &Header::new(title, &subtitle, &legend))?;

    let (w, _) = area.dim_in_pixel();
    let ticks = date_ticks(first, last, tick_budget(w.saturating_sub(140)));
    let tick_at: Vec<_> = ticks.ticks.iter().map(|d| midnight(*d)).collect();
    let (x0, x1) = (midnight(first), midnight(last + Duration::days(1)));
    let top = days
        .iter()
        .filter_map(|d| d.acwr.ewma)
        .fold(0.0f64, f64::max)
        .max(t.acwr_danger + 0.5)
        * 1.05;

    let mut chart = ChartBuilder::on(&area)
        .margin_left(MARGIN)
        .margin_right(MARGIN + 76)
        .margin_top(8)
        .margin_bottom(8)
        .x_label_area_size(48)
        .y_label_area_size(80)
        .build_cartesian_2d(time_axis(x0, x1, &tick_at), 0f64..top)?;
    let format = ticks.format;
    for (lo, hi, c) in [
        (0.0, t.acwr_low, BAND_LOW),
        (t.acwr_low, t.acwr_caution, BAND_SWEET),
        (t.acwr_caution, t.acwr_danger, BAND_CAUTION),
        (t.acwr_danger, top, BAND_DANGER),
    ] {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, lo), (x1, hi.min(top))],
            c.mix(0.18).filled(),
        )))?;
    }
    time_mesh(&mut chart.configure_mesh(), GRID.mix(0.6))
        .y_labels(8)
        .x_label_formatter(&|d| d.format(format).to_string())
        .y_label_formatter(&|v| format!("{v:.1}"))
        .x_desc("Date")
        .y_desc("ACWR (acute ÷ chronic, no unit)")
        .draw()?;

    // Band names in the right margin, beside their bands: never over the line.
    let base = root.get_base_pixel();
    let label = font(12.0)
        .color(&MUTED)
        .pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Left,
            plotters::style::text_anchor::VPos::Center,
        ));
    for (lo, hi, name) in [
        (0.0, t.acwr_low, "low"),
        (t.acwr_low, t.acwr_caution, "sweet spot"),
        (t.acwr_caution, t.acwr_danger, "caution"),
        (t.acwr_danger, top, "danger"),
    ] {
        let (px, py) = chart.backend_coord(&(x1, (lo + hi.min(top)) / 2.0));
        root.draw(&Text::new(
            name.to_string(),
            (px - base.0 + 6, py - base.1),
            label.clone(),
        ))?;
    }

    let daily_style = daily.stroke_width(if dense { 1 } else { 2 });
    // Breaks where the ratio is undefined.
    let mut run: Vec<(NaiveDateTime, f64)> = Vec::new();
    for d in &days {
        match d.acwr.ewma {
            Some(v) => run.push((noon(d.date), v)),
            None => {
                chart.draw_series(segments(std::mem::take(&mut run), daily_style))?;
            }
        }
    }
    chart.draw_series(segments(run, daily_style))?;
    if dense {
        let weekly: Vec<(NaiveDateTime, f64)> = a
            .weekly
            .iter()
            .filter(|w| w.first_day >= first && w.first_day <= last)
            .filter_map(|w| {
                w.acwr
                    .mean
                    .map(|v| (noon(w.first_day + Duration::days(3)), v))
            })
            .collect();
        chart.draw_series(segments(weekly, WEEKLY.stroke_width(2)))?;
    }
    Ok(())
}
