//! Daily and weekly training load, with pain per region on a second axis and pain episodes
//! shaded.

use chrono::{Duration, NaiveDate};
use plotters::prelude::*;

use crate::model::Region;
use crate::report::document::charts::ChartData;

use super::style::*;
use super::{Backend, ChartKind, Drawn, Span};

/// Pain is overlaid for at most this many regions.
pub const MAX_REGIONS: usize = 4;

pub fn draw<DB: Backend>(root: &Area<DB>, a: &ChartData, (first, last): Span) -> Drawn {
    let title = ChartKind::Load.title();
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
    // The regions with the most pain days in the window; more would be a tangle.
    let (shown, hidden) = a.pain_regions(first, last, MAX_REGIONS);
    let colours: Vec<(Region, RGBColor)> = shown.into_iter().zip(REGIONS).collect();
    let pain: Vec<_> = pain
        .into_iter()
        .filter(|p| colours.iter().any(|(r, _)| *r == p.region))
        .collect();
    let episodes: Vec<_> = episodes
        .into_iter()
        .filter(|e| colours.iter().any(|(r, _)| *r == e.region))
        .collect();
    let colour = |r: Region| {
        colours
            .iter()
            .find(|(x, _)| *x == r)
            .map_or(REGIONS[0], |(_, c)| *c)
    };

    let mut legend = vec![
        (Mark::Square(LOAD), "Daily load (kg)".to_string()),
        (
            Mark::Line(LOAD_DARK),
            "Weekly load (kg, Mon–Sun)".to_string(),
        ),
    ];
    for (r, c) in &colours {
        legend.push((
            Mark::Dot(*c),
            format!("{} pain (0–10)", words(&r.to_string())),
        ));
    }
    if !hidden.is_empty() {
        legend.push((
            Mark::Dot(EMPTY_CELL),
            format!(
                "not drawn here: {} (see the calendar)",
                hidden
                    .iter()
                    .map(|r| words(&r.to_string()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
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
    let area = header(root, &Header::new(title, &subtitle, &legend))?;

    let (w, _) = area.dim_in_pixel();
    let plot_w = w.saturating_sub(200);
    let ticks = date_ticks(first, last, tick_budget(plot_w));
    let tick_at: Vec<_> = ticks.ticks.iter().map(|d| midnight(*d)).collect();
    let x = midnight(first)..midnight(end);
    let ymax = days
        .iter()
        .map(|d| d.load_kg)
        .chain(weeks.iter().map(|w| w.load.kg))
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
    time_mesh(&mut chart.configure_mesh(), GRID)
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
        // `days` counts the week's days inside the period: a partial first or last week
        // ends where its days end.
        let to = (wk.first_day + Duration::days(i64::from(wk.days.max(1)))).min(end);
        steps.push((midnight(from), wk.load.kg));
        steps.push((midnight(to), wk.load.kg));
    }
    chart.draw_series(segments(steps, LOAD_DARK.stroke_width(2)))?;

    // On a long window a day is a pixel or two: dots only, smaller.
    let dense = day_px < 3.0;
    let dot = if dense { 2 } else { 4 };
    for (region, c) in &colours {
        let points: Vec<_> = pain.iter().filter(|p| p.region == *region).collect();
        if !dense {
            // Lines join consecutive days only: a line across days without entries would
            // suggest pain nobody logged.
            for w in points.windows(2) {
                if w[1].date - w[0].date <= Duration::days(1) {
                    chart.draw_secondary_series(segments(
                        vec![
                            (noon(w[0].date), f64::from(w[0].peak)),
                            (noon(w[1].date), f64::from(w[1].peak)),
                        ],
                        c.stroke_width(2),
                    ))?;
                }
            }
        }
        chart.draw_secondary_series(
            points
                .iter()
                .map(|p| Circle::new((noon(p.date), f64::from(p.peak)), dot, c.filled())),
        )?;
    }
    Ok(())
}
