//! A GitHub-style calendar: weeks as columns, weekdays as rows, blue for the day's training
//! load and a dot for the day's highest pain. Long logs show their last 52 weeks.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::report::document::charts::ChartData;

use super::style::*;
use super::{Backend, ChartKind, Drawn, Span};

/// The most weeks drawn.
pub const MAX_WEEKS: i64 = 52;

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn pain_level(peak: u8) -> usize {
    match peak {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

pub fn draw<DB: Backend>(root: &Area<DB>, a: &ChartData, (first, last): Span) -> Drawn {
    let title = ChartKind::Calendar.title();
    let earliest = monday(last) - Duration::weeks(MAX_WEEKS - 1);
    let cut = first < earliest;
    let shown_first = first.max(earliest);
    let start = monday(shown_first);
    let cols = (monday(last) - start).num_weeks() + 1;

    let load: HashMap<NaiveDate, f64> = a
        .daily
        .iter()
        .filter(|d| d.date >= shown_first && d.date <= last)
        .map(|d| (d.date, d.load_kg))
        .collect();
    // A day's dot shows its highest pain over the regions.
    let mut pain: HashMap<NaiveDate, u8> = HashMap::new();
    for p in a
        .pain_days
        .iter()
        .filter(|p| p.date >= shown_first && p.date <= last && p.peak > 0)
    {
        let e = pain.entry(p.date).or_insert(0);
        *e = (*e).max(p.peak);
    }
    let max_load = load.values().copied().fold(0.0f64, f64::max);

    let mut legend = vec![(Mark::Square(EMPTY_CELL), "no training".to_string())];
    if max_load > 0.0 {
        for (i, c) in LOAD_LEVELS.iter().enumerate() {
            legend.push((
                Mark::Square(*c),
                format!("≤ {} kg", kg(max_load * (i + 1) as f64 / 4.0)),
            ));
        }
    }
    for (c, name) in PAIN_LEVELS
        .iter()
        .zip(["pain 1–3", "pain 4–6", "pain 7–10"])
    {
        legend.push((Mark::Dot(*c), name.to_string()));
    }
    let shown = if cut {
        format!(
            "The last {MAX_WEEKS} weeks of {}: {}",
            date_span(first, last),
            date_span(shown_first, last)
        )
    } else {
        date_span(first, last)
    };
    let subtitle = format!(
        "{shown}. One square per day, one column per week (Monday on top); colour = the day's \
         training load (kg), dot = the day's highest pain (0–10) in any region."
    );
    let area = header(root, &Header::new(title, &subtitle, &legend))?;

    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, top, bottom) = (48, 26, 30);
    let cell = ((w - 2 * MARGIN - left) / cols.max(1) as i32)
        .min((h - top - bottom) / 7)
        .clamp(6, 30);
    let gap = if cell >= 12 { 3 } else { 1 };
    let x0 = MARGIN + left;
    let y0 = top;

    let small = font(12.0).color(&MUTED);
    let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    for (row, name) in names.iter().enumerate() {
        if cell < 13 && row % 2 == 1 {
            continue;
        }
        area.draw(&Text::new(
            name.to_string(),
            (x0 - 8, y0 + row as i32 * cell + cell / 2),
            small.pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }

    // Month labels above the first column holding the month's first day.
    let mut free_from = i32::MIN;
    let mut prev_month = None;
    for col in 0..cols {
        let sunday = start + Duration::weeks(col) + Duration::days(6);
        let month = (sunday.year(), sunday.month());
        if prev_month == Some(month) {
            continue;
        }
        let first_label = prev_month.is_none();
        prev_month = Some(month);
        let x = x0 + col as i32 * cell;
        let text = if first_label || sunday.month() == 1 {
            sunday.format("%b %Y").to_string()
        } else {
            sunday.format("%b").to_string()
        };
        let tw = area.estimate_text_size(&text, &small)?.0 as i32;
        if x < free_from || x + tw > w - MARGIN {
            continue;
        }
        area.draw(&Text::new(
            text,
            (x, y0 - 6),
            small.pos(Pos::new(HPos::Left, VPos::Bottom)),
        ))?;
        free_from = x + tw + 6;
    }

    let mut d = shown_first;
    while d <= last {
        let col = (d - start).num_days() / 7;
        let row = i64::from(d.weekday().num_days_from_monday());
        let (x, y) = (x0 + col as i32 * cell, y0 + row as i32 * cell);
        let l = load.get(&d).copied().unwrap_or(0.0);
        let colour = if l > 0.0 && max_load > 0.0 {
            let level = ((l / max_load * 4.0).ceil() as usize).clamp(1, 4) - 1;
            LOAD_LEVELS[level]
        } else {
            EMPTY_CELL
        };
        area.draw(&Rectangle::new(
            [(x, y), (x + cell - gap, y + cell - gap)],
            colour.filled(),
        ))?;
        if let Some(peak) = pain.get(&d) {
            let r = ((cell - gap) as f64 * 0.3).round().max(2.0) as i32;
            let c = (x + (cell - gap) / 2, y + (cell - gap) / 2);
            area.draw(&Circle::new(c, r, PAIN_LEVELS[pain_level(*peak)].filled()))?;
            area.draw(&Circle::new(c, r, WHITE.stroke_width(1)))?;
        }
        d += Duration::days(1);
    }

    let grid_bottom = y0 + 7 * cell;
    area.draw(&Text::new(
        format!(
            "Weeks (columns), {} to {}",
            start.format("%-d %b %Y"),
            last.format("%-d %b %Y")
        ),
        (x0, grid_bottom + 8),
        small.pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    Ok(())
}
