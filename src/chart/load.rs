//! Daily and weekly training load, with pain per region on a second axis and pain episodes
//! shaded.

use chrono::{Duration, NaiveDate};
use plotters::prelude::*;

use crate::analysis::Analysis;
use crate::model::Region;

use super::style::*;
use super::{ChartKind, Window, span};

/// Regions in the order of the whole analysis, each with its colour, so a region keeps its
/// colour whatever the window.
pub fn region_colours(a: &Analysis) -> Vec<(Region, RGBColor)> {
    let mut regions: Vec<Region> = a
        .pain_days
        .iter()
        .map(|p| p.region)
        .chain(a.episodes.iter().map(|e| e.region))
        .collect();
    regions.sort();
    regions.dedup();
    regions
        .into_iter()
        .enumerate()
        .map(|(i, r)| (r, REGIONS[i % REGIONS.len()]))
        .collect()
}

pub fn draw<DB: DrawingBackend>(root: &Area<DB>, a: &Analysis, window: Window) -> anyhow::Result<()>
where
    DB::ErrorType: 'static,
{
    let title = ChartKind::Load.title();
    let Some((first, last)) = span(a, window) else {
        return message(
            root,
            &Header {
                title,
                subtitle: "",
                legend: &[],
            },
            "Nothing was analysed: no training days to show.",
        );
    };
    let end = last + Duration::days(1);
    let inside = |d: NaiveDate| d >= first && d <= last;
    let days: Vec<_> = a.daily.iter().filter(|d| inside(d.date)).collect();
    let weeks: Vec<_> = a
        .weekly
        .iter()
        .filter(|w| w.first_day <= last && w.first_day + Duration::days(6) >= first)
        .collect();
    let pain: Vec<_> = a.pain_days.iter().filter(|p| inside(p.date)).collect();
    let episodes: Vec<_> = a
        .episodes
        .iter()
        .filter(|e| e.onset.date() <= last && e.end >= first)
        .collect();
    let colours: Vec<(Region, RGBColor)> = region_colours(a)
        .into_iter()
        .filter(|(r, _)| {
            pain.iter().any(|p| p.region == *r) || episodes.iter().any(|e| e.region == *r)
        })
        .collect();
    let colour = |r: Region| {
        colours
            .iter()
            .find(|(x, _)| *x == r)
            .map_or(REGIONS[0], |(_, c)| *c)
    };

    let mut legend = vec![
        (Mark::Square(LOAD), "Daily load (kg)".to_string()),
        (Mark::Line(LOAD_DARK), "Weekly load (kg, Mon–Sun)".to_string()),
    ];
    for (r, c) in &colours {
        legend.push((Mark::Dot(*c), format!("{} pain (0–10)", words(&r.to_string()))));
    }
    if !episodes.is_empty() {
        legend.push((
            Mark::Band(MUTED, 0.15),
            "Pain episode, onset to end (shaded in the region's colour)".to_string(),
        ));
    }
    let subtitle = format!(
        "{}. Load is the tonnage of working sets (weight × reps); pain is the day's highest \
         rating per region.",
        date_span(first, last)
    );
    let area = header(
        root,
        &Header {
            title,
            subtitle: &subtitle,
            legend: &legend,
        },
    )?;

    let (w, _) = area.dim_in_pixel();
    let plot_w = w.saturating_sub(200);
    let ticks = date_ticks(first, last, tick_budget(plot_w));
    let tick_at: Vec<_> = ticks.ticks.iter().map(|d| midnight(*d)).collect();
    let x = midnight(first)..midnight(end);
    let ymax = days
        .iter()
        .map(|d| d.load_kg)
        .chain(weeks.iter().map(|w| w.load_kg))
        .fold(0.0f64, f64::max)
        .max(1.0)
        * 1.08;

    let mut chart = ChartBuilder::on(&area)
        .margin_left(MARGIN)
        .margin_right(MARGIN)
        .margin_top(8)
        .margin_bottom(8)
        .x_label_area_size(48)
        .y_label_area_size(86)
        .right_y_label_area_size(64)
        .build_cartesian_2d(time_axis(x.start, x.end, &tick_at), 0f64..ymax)?
        .set_secondary_coord(time_axis(x.start, x.end, &tick_at), 0f64..10.5);
    let format = ticks.format;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .bold_line_style(GRID)
        .axis_style(AXIS)
        .label_style(font(13.0))
        .axis_desc_style(font(14.0))
        .y_labels(7)
        .x_label_formatter(&|d| d.format(format).to_string())
        .y_label_formatter(&|v| kg(*v))
        .x_desc("Date")
        .y_desc("Load (kg)")
        .draw()?;
    chart
        .configure_secondary_axes()
        .axis_style(AXIS)
        .label_style(font(13.0))
        .axis_desc_style(font(14.0))
        .y_labels(6)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .y_desc("Pain (0–10)")
        .draw()?;

    // Episodes behind everything, clamped to the window.
    chart.draw_secondary_series(episodes.iter().map(|e| {
        let from = e.onset.date().max(first);
        let to = (e.end + Duration::days(1)).min(end);
        Rectangle::new(
            [(midnight(from), 0.0), (midnight(to), 10.5)],
            colour(e.region).mix(0.13).filled(),
        )
    }))?;

    let day_px = plot_w as f64 / days.len().max(1) as f64;
    chart.draw_series(days.iter().filter(|d| d.load_kg > 0.0).map(|d| {
        let mut bar = Rectangle::new(
            [
                (midnight(d.date), 0.0),
                (midnight(d.date + Duration::days(1)), d.load_kg),
            ],
            LOAD.filled(),
        );
        if day_px >= 4.0 {
            bar.set_margin(0, 0, 1, 1);
        }
        bar
    }))?;

    let mut steps = Vec::new();
    for wk in &weeks {
        let from = wk.first_day.max(first);
        let to = (wk.first_day + Duration::days(7)).min(end);
        steps.push((midnight(from), wk.load_kg));
        steps.push((midnight(to), wk.load_kg));
    }
    chart.draw_series(LineSeries::new(steps, LOAD_DARK.stroke_width(2)))?;

    let dot = if pain.len() > 150 { 3 } else { 4 };
    for (region, c) in &colours {
        let points: Vec<_> = pain.iter().filter(|p| p.region == *region).collect();
        // Lines join consecutive days only: a line across weeks without entries would
        // suggest pain nobody logged.
        let mut run: Vec<(chrono::NaiveDateTime, f64)> = Vec::new();
        let mut prev: Option<NaiveDate> = None;
        for p in &points {
            if prev.is_some_and(|d| p.date - d > Duration::days(1)) {
                chart.draw_secondary_series(LineSeries::new(
                    std::mem::take(&mut run),
                    c.stroke_width(2),
                ))?;
            }
            run.push((noon(p.date), f64::from(p.peak)));
            prev = Some(p.date);
        }
        chart.draw_secondary_series(LineSeries::new(run, c.stroke_width(2)))?;
        chart.draw_secondary_series(
            points
                .iter()
                .map(|p| Circle::new((noon(p.date), f64::from(p.peak)), dot, c.filled())),
        )?;
    }
    Ok(())
}
