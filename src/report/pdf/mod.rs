//! The weekly PDF: page 1 is the week against the four before it, the warnings and a
//! load-and-pain chart of the last five weeks; page 2 is the associations to date (forest plot
//! and table), the open pain episodes and what to change. Text and charts use the same
//! embedded font; charts stay vectors with selectable text.

pub mod layout;

use crate::analysis::Analysis;
use crate::analysis::digest::WeekDigest;
use crate::analysis::findings::{Severity, fmt_p};
use crate::pipeline::Sources;

use super::Figure;
use layout::{BOTTOM, CONTENT_W, INK, Item, MARGIN, MUTED, Pages, RULE, Rgb, Weight};

pub struct WeeklyInput<'a> {
    pub digest: &'a WeekDigest,
    /// The analysis up to the end of the week.
    pub analysis: &'a Analysis,
    pub sources: &'a Sources,
    /// Load and pain over the five weeks.
    pub load_chart: &'a Figure,
    /// The forest plot of the associations to date.
    pub associations_chart: &'a Figure,
}

const LOAD_CHART_H: f32 = 230.0;

fn severity_color(s: Severity) -> Rgb {
    match s {
        Severity::Urgent => (0xb4, 0x23, 0x18),
        Severity::Warning => (0xb4, 0x5f, 0x06),
        Severity::Caution => (0x1d, 0x4e, 0xd8),
        Severity::Info => (0x5b, 0x65, 0x73),
    }
}

fn fmt_day(d: chrono::NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

pub fn render(input: &WeeklyInput) -> anyhow::Result<Vec<u8>> {
    let d = input.digest;
    let mut pages = Pages::new();
    header(&mut pages, input);
    numbers(&mut pages, d);
    // The chart takes the foot of page 1; warnings fill the space above it and continue on
    // page 2 when there are more than fit.
    let chart_top = BOTTOM - LOAD_CHART_H;
    let shown = warnings(&mut pages, d, chart_top - 10.0);
    let tree = layout::parse_svg(&input.load_chart.svg)?;
    let h = LOAD_CHART_H;
    let w = (h * tree.size().width() / tree.size().height()).min(CONTENT_W);
    pages.push(Item::Svg {
        x: MARGIN + (CONTENT_W - w) / 2.0,
        y: chart_top,
        w,
        h: w * tree.size().height() / tree.size().width(),
        tree: Box::new(tree),
    });

    pages.new_page();
    associations(&mut pages, input)?;
    episodes(&mut pages, d);
    what_to_change(&mut pages, input.analysis);
    // Warnings that did not fit on page 1 come after page 2's fixed content, so page 2 always
    // opens with the associations.
    if shown < d.warnings.len() {
        pages.heading("More warnings for this week");
        for f in &d.warnings[shown..] {
            warning(&mut pages, f, BOTTOM);
        }
    }
    notices(&mut pages, input.analysis);

    let week = d.week;
    layout::render(
        pages,
        &format!("strainscope weekly report {week}"),
        move |i, n| {
            format!(
                "strainscope · {week} · association, not proof · not medical advice · page {i} of {n}"
            )
        },
    )
}

fn header(p: &mut Pages, input: &WeeklyInput) {
    let d = input.digest;
    p.paragraph(
        MARGIN,
        CONTENT_W,
        20.0,
        Weight::Bold,
        INK,
        &format!("Weekly report · {}", d.week),
        BOTTOM,
    );
    p.paragraph(
        MARGIN,
        CONTENT_W,
        10.5,
        Weight::Regular,
        MUTED,
        &format!(
            "{} to {}, compared with the {} weeks before ({})",
            fmt_day(d.first_day),
            fmt_day(d.last_day),
            d.previous_weeks.len(),
            d.previous_weeks
                .iter()
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        BOTTOM,
    );
    let s = input.sources;
    let mut from = format!("Workouts: {}", s.workout_files.join(", "));
    match &s.diary {
        Some(diary) => from.push_str(&format!(" · Pain diary: {diary}")),
        None => from.push_str(" · Pain: from workout notes (inferred)"),
    }
    small(p, &from, BOTTOM);
    p.gap(4.0);
}

fn value(v: Option<f64>, decimals: usize) -> String {
    v.map_or("–".into(), |v| format!("{v:.decimals$}"))
}

fn numbers(p: &mut Pages, d: &WeekDigest) {
    p.heading("This week against the previous weeks");
    let size = 9.0;
    let first = 150.0;
    let cols = 2 + d.previous_weeks.len();
    let col_w = (CONTENT_W - first) / cols as f32;
    let right = |i: usize| MARGIN + first + col_w * (i + 1) as f32 - 4.0;
    let mut header: Vec<String> = vec![
        d.week.short(),
        format!("{}-wk mean", d.previous_weeks.len()),
    ];
    // The year is in the page title.
    header.extend(d.previous_weeks.iter().map(|w| w.short()));
    let y = p.y;
    for (i, h) in header.iter().enumerate() {
        let w = layout::text_width(h, size, Weight::Bold);
        p.text_at(right(i) - w, y, size, Weight::Bold, MUTED, h);
    }
    p.y += size * 1.6;
    for (row, m) in d.metrics.iter().enumerate() {
        let y = p.y;
        if row % 2 == 0 {
            p.push(Item::Rect {
                x: MARGIN,
                y: y - 2.5,
                w: CONTENT_W,
                h: size * 1.6,
                color: (0xf3, 0xf5, 0xf8),
            });
        }
        let name = if m.unit.is_empty() || m.unit.starts_with('/') {
            m.name.to_string()
        } else {
            format!("{} ({})", m.name, m.unit)
        };
        p.text_at(MARGIN + 4.0, y, size, Weight::Regular, INK, &name);
        let mut cells = vec![
            value(m.this_week, m.decimals),
            value(m.previous_mean, m.decimals.max(1)),
        ];
        cells.extend(m.previous.iter().map(|v| value(*v, m.decimals)));
        for (i, c) in cells.iter().enumerate() {
            let weight = if i == 0 {
                Weight::Bold
            } else {
                Weight::Regular
            };
            let w = layout::text_width(c, size, weight);
            p.text_at(right(i) - w, y, size, weight, INK, c);
        }
        p.y += size * 1.6;
    }
    p.gap(4.0);
}

/// The week's warnings until `bottom`; returns how many were shown.
fn warnings(p: &mut Pages, d: &WeekDigest, bottom: f32) -> usize {
    p.heading(&format!("Warnings ({})", d.warnings.len()));
    if d.warnings.is_empty() {
        p.paragraph(
            MARGIN,
            CONTENT_W,
            9.5,
            Weight::Regular,
            INK,
            "Nothing to flag in this week or the four before it.",
            bottom,
        );
    }
    let page = p.pages.len();
    let mut shown = 0;
    for f in &d.warnings {
        // Keep each warning whole: stop when the next would cross the chart.
        let needed = warning_height(f);
        if p.y + needed > bottom {
            break;
        }
        warning(p, f, bottom);
        shown += 1;
    }
    if shown < d.warnings.len() && p.pages.len() == page {
        p.paragraph(
            MARGIN,
            CONTENT_W,
            8.5,
            Weight::Regular,
            MUTED,
            &format!(
                "{} more warnings follow the associations, after page 2.",
                d.warnings.len() - shown
            ),
            bottom + 12.0,
        );
    }
    if d.earlier_warnings > 0 {
        small(
            p,
            &format!(
                "{} warnings about earlier weeks are in the full report (strainscope report).",
                d.earlier_warnings
            ),
            bottom + 24.0,
        );
    }
    shown
}

const TAG_W: f32 = 58.0;

fn warning_height(f: &crate::analysis::findings::Finding) -> f32 {
    let w = CONTENT_W - TAG_W;
    let lines = |text: &str, size, weight| layout::wrap(text, size, weight, w).len() as f32;
    let mut h = lines(&f.message, 9.5, Weight::Bold) * 9.5 * 1.32;
    h += lines(&f.evidence, 8.0, Weight::Regular) * 8.0 * 1.32;
    if let Some(a) = f.advice.first() {
        h += lines(&format!("→ {a}"), 8.0, Weight::Regular) * 8.0 * 1.32;
    }
    h + 6.0
}

fn warning(p: &mut Pages, f: &crate::analysis::findings::Finding, bottom: f32) {
    p.ensure(warning_height(f), bottom);
    let color = severity_color(f.severity);
    let tag = f.severity.as_str().to_uppercase();
    let y = p.y;
    p.push(Item::Rect {
        x: MARGIN,
        y: y - 1.0,
        w: TAG_W - 8.0,
        h: 12.0,
        color,
    });
    let tw = layout::text_width(&tag, 7.0, Weight::Bold);
    p.text_at(
        MARGIN + (TAG_W - 8.0 - tw) / 2.0,
        y + 1.5,
        7.0,
        Weight::Bold,
        (0xff, 0xff, 0xff),
        &tag,
    );
    let x = MARGIN + TAG_W;
    let w = CONTENT_W - TAG_W;
    p.paragraph(x, w, 9.5, Weight::Bold, INK, &f.message, bottom);
    p.paragraph(x, w, 8.0, Weight::Regular, MUTED, &f.evidence, bottom);
    if let Some(a) = f.advice.first() {
        p.paragraph(x, w, 8.0, Weight::Regular, INK, &format!("→ {a}"), bottom);
    }
    p.gap(6.0);
}

fn associations(p: &mut Pages, input: &WeeklyInput) -> anyhow::Result<()> {
    let a = input.analysis;
    let window = a.thresholds.window_h;
    p.heading(&format!(
        "Associations to date: pain onsets within {window} h of a session"
    ));
    let tree = layout::parse_svg(&input.associations_chart.svg)?;
    let w = CONTENT_W;
    let h = w * tree.size().height() / tree.size().width();
    p.ensure(h, BOTTOM);
    p.push(Item::Svg {
        x: MARGIN,
        y: p.y,
        w,
        h,
        tree: Box::new(tree),
    });
    p.y += h + 6.0;

    // The same rows as the forest plot above, in the same order.
    let (rows, _) = crate::chart::forest::rows(a);
    if rows.is_empty() {
        body(
            p,
            "Not enough sessions or pain onsets yet to test any exposure.",
        );
        return Ok(());
    }
    let size = 8.0;
    let cols: [(&str, f32); 6] = [
        ("Region", MARGIN),
        ("Exposure", MARGIN + 60.0),
        ("With it", MARGIN + 248.0),
        ("Without", MARGIN + 312.0),
        ("RR (95 % CI)", MARGIN + 376.0),
        ("q", MARGIN + 466.0),
    ];
    p.ensure(size * 1.6 * 2.0, BOTTOM);
    let y = p.y;
    for (name, x) in cols {
        p.text_at(x, y, size, Weight::Bold, MUTED, name);
    }
    p.y += size * 1.5;
    p.push(Item::Line {
        x1: MARGIN,
        y1: p.y - 2.0,
        x2: MARGIN + CONTENT_W,
        y2: p.y - 2.0,
        color: RULE,
    });
    for r in rows {
        p.ensure(size * 1.5, BOTTOM);
        // One line per row: a label too long for its column ends in an ellipsis.
        let lines = layout::wrap(&r.label, size, Weight::Regular, 176.0);
        let mut label = lines.first().cloned().unwrap_or_default();
        if lines.len() > 1 {
            label.push('…');
        }
        let cells = [
            r.region.as_str().to_string(),
            label,
            format!("{} of {}", r.a, r.a + r.b),
            format!("{} of {}", r.c, r.c + r.d),
            format!(
                "{:.1} ({:.1}–{:.1})",
                r.rr.unwrap_or(f64::NAN),
                r.rr_low.unwrap_or(f64::NAN),
                r.rr_high.unwrap_or(f64::NAN)
            ),
            fmt_p(r.q.unwrap_or(1.0)),
        ];
        let y = p.y;
        for ((_, x), c) in cols.iter().zip(cells.iter()) {
            p.text_at(*x, y, size, Weight::Regular, INK, c);
        }
        p.y += size * 1.5;
    }
    p.paragraph(
        MARGIN,
        CONTENT_W,
        7.5,
        Weight::Regular,
        MUTED,
        "Read a row as: of the sessions with the exposure, how many were followed by a pain onset in the region (\"with it\"), against the sessions without it. RR is the ratio of those two risks; q corrects the p-value for the number of exposures tested. Association, not proof.",
        BOTTOM,
    );
    Ok(())
}

fn episodes(p: &mut Pages, d: &WeekDigest) {
    p.heading("Open pain episodes");
    if d.open_episodes.is_empty() {
        body(p, "No pain episode was open at the end of the week.");
        return;
    }
    for e in &d.open_episodes {
        let classes: Vec<&str> = e.classes.iter().map(|c| c.as_str()).collect();
        let side = e
            .side
            .map_or(String::new(), |s| format!(" ({})", s.as_str()));
        let text = format!(
            "{}{side}: since {}, {} days, peak {}/10, last {}/10 on {}{}",
            e.region.as_str(),
            fmt_day(e.onset.date()),
            e.days,
            e.peak,
            e.last_intensity,
            fmt_day(e.end),
            if classes.is_empty() {
                String::new()
            } else {
                format!(" · {}", classes.join(", "))
            }
        );
        body(p, &text);
    }
}

fn what_to_change(p: &mut Pages, a: &Analysis) {
    p.heading("What to change");
    if a.implicated.is_empty() {
        body(p, "No exercise is named by the warnings.");
        return;
    }
    for x in a.implicated.iter().take(6) {
        let alts: Vec<&str> = x.alternatives.iter().map(|a| a.name.as_str()).collect();
        p.ensure(30.0, BOTTOM);
        p.paragraph(
            MARGIN,
            CONTENT_W,
            9.5,
            Weight::Bold,
            INK,
            &format!("{} (named by: {})", x.name, x.because.join(", ")),
            BOTTOM,
        );
        if !alts.is_empty() {
            p.paragraph(
                MARGIN + 10.0,
                CONTENT_W - 10.0,
                8.5,
                Weight::Regular,
                INK,
                &format!("Safer alternatives: {}", alts.join(", ")),
                BOTTOM,
            );
        }
        if let Some(note) = &x.risk_note {
            p.paragraph(
                MARGIN + 10.0,
                CONTENT_W - 10.0,
                8.0,
                Weight::Regular,
                MUTED,
                note,
                BOTTOM,
            );
        }
        p.gap(3.0);
    }
}

fn notices(p: &mut Pages, a: &Analysis) {
    p.gap(8.0);
    for n in &a.notices {
        p.paragraph(MARGIN, CONTENT_W, 7.5, Weight::Regular, MUTED, n, BOTTOM);
    }
}

/// A paragraph of body text across the page: 9 pt, regular, ink.
fn body(p: &mut Pages, text: &str) {
    p.paragraph(MARGIN, CONTENT_W, 9.0, Weight::Regular, INK, text, BOTTOM);
}

/// A small muted paragraph across the page: 8 pt, for sources and pointers.
fn small(p: &mut Pages, text: &str, bottom: f32) {
    p.paragraph(MARGIN, CONTENT_W, 8.0, Weight::Regular, MUTED, text, bottom);
}
