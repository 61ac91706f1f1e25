//! The weekly acute:chronic workload ratio over time, on its bands: each week's load ÷ the mean
//! of the 4 weeks up to it. The bands were made for that weekly ratio; a daily ratio of a
//! regular routine dips on every rest day and enters the caution band every week. A heuristic
//! (Gabbett 2016, contested since), and the chart says so.

use chrono::{Duration, NaiveDateTime};
use plotters::prelude::*;

use crate::analysis::weekly::{WEEKLY_ACWR_WEEKS, Week};
use crate::report::document::charts::ChartData;

use super::style::*;
use super::{Backend, ChartKind, Drawn, Span};

const BAND_LOW: RGBColor = RGBColor(0x9a, 0xa0, 0xa6);
const BAND_SWEET: RGBColor = RGBColor(0x59, 0xa1, 0x4f);
const BAND_CAUTION: RGBColor = RGBColor(0xf2, 0xa1, 0x2b);
const BAND_DANGER: RGBColor = RGBColor(0xd6, 0x27, 0x28);
const LINE: RGBColor = RGBColor(0x1f, 0x4e, 0x79);

pub fn draw<DB: Backend>(root: &Area<DB>, a: &ChartData, (first, last): Span) -> Drawn {
    let title = ChartKind::Acwr.title();
    let t = &a.thresholds;
    // Weeks that touch the span, each placed at its middle (Thursday).
    let weeks: Vec<_> = a
        .weekly
        .iter()
        .filter(|w| w.first_day <= last && w.week.sunday() >= first)
        .collect();
    let subtitle = format!(
        "{}. Each point is one ISO week: its working-set tonnage ÷ the mean of the {} weeks up \
         to and including it (coupled). That is the weekly scale the bands were made for: a \
         steady routine sits at 1, while a daily ratio swings with every rest day. Weeks \
         without {} whole weeks of data have no point. The bands are a heuristic (Gabbett \
         2016, contested): they describe load, they do not predict injury.",
        date_span(first, last),
        WEEKLY_ACWR_WEEKS,
        WEEKLY_ACWR_WEEKS
    );
    let mut legend = vec![(
        Mark::Whisker(LINE),
        format!("weekly ACWR (week ÷ {WEEKLY_ACWR_WEEKS}-week mean)"),
    )];
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
    if weeks.iter().all(|w| w.acwr.weekly.is_none()) {
        return message(
            root,
            &Header::new(title, &subtitle, &legend),
            &format!(
                "No weekly ratio in this period: it needs {WEEKLY_ACWR_WEEKS} whole weeks of \
                 training first."
            ),
        );
    }
    let area = header(root, &Header::new(title, &subtitle, &legend))?;

    let (w, _) = area.dim_in_pixel();
    let ticks = date_ticks(first, last, tick_budget(w.saturating_sub(140)));
    let tick_at: Vec<_> = ticks.ticks.iter().map(|d| midnight(*d)).collect();
    let (x0, x1) = (midnight(first), midnight(last + Duration::days(1)));
    let top = weeks
        .iter()
        .filter_map(|w| w.acwr.weekly)
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
        .y_desc("Weekly ACWR (no unit)")
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

    // Breaks where a week has no ratio.
    // A week's point sits on its Thursday; weeks cut by the span's edges have none drawn.
    let point = |w: &&Week| {
        let at = noon(w.week.monday() + Duration::days(3));
        w.acwr
            .weekly
            .filter(|_| at >= x0 && at <= x1)
            .map(|v| (at, v))
    };
    let mut run: Vec<(NaiveDateTime, f64)> = Vec::new();
    for w in &weeks {
        match point(w) {
            Some(p) => run.push(p),
            None => {
                chart.draw_series(segments(std::mem::take(&mut run), LINE.stroke_width(2)))?;
            }
        }
    }
    chart.draw_series(segments(run, LINE.stroke_width(2)))?;
    // Dots where there is room for them: each is a week.
    let (plot_w, _) = area.dim_in_pixel();
    if f64::from(plot_w) / weeks.len().max(1) as f64 >= 8.0 {
        chart.draw_series(
            weeks
                .iter()
                .filter_map(point)
                .map(|p| Circle::new(p, 3, LINE.filled())),
        )?;
    }
    Ok(())
}
