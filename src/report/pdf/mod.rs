//! The weekly PDF: page 1 is the week against the four before it, the warnings and a
//! load-and-pain chart of the last five weeks; page 2 is the associations to date (forest plot
//! and table), the open pain episodes and what to change. Text and charts use the same
//! embedded font; charts stay vectors with selectable text.

pub mod layout;

use crate::analysis::findings::Severity;
use crate::report::document::Warning;
use crate::report::document::weekly::WeeklyDocument;

use super::Figure;
use layout::{BOTTOM, CONTENT_W, INK, Item, MARGIN, MUTED, Pages, RULE, Rgb, Weight};

pub struct WeeklyInput<'a> {
    pub document: &'a WeeklyDocument,
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

pub fn render(input: &WeeklyInput) -> anyhow::Result<Vec<u8>> {
    let d = input.document;
    let mut pages = Pages::new();
    header(&mut pages, d);
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
    what_to_change(&mut pages, d);
    // Warnings that did not fit on page 1 come after page 2's fixed content, so page 2 always
    // opens with the associations.
    if shown < d.warnings.len() {
        pages.heading(d.more_warnings_title);
        for f in &d.warnings[shown..] {
            warning(&mut pages, f, BOTTOM);
        }
    }
    notices(&mut pages, d);

    layout::render(
        pages,
        &format!("strainscope weekly report {}", d.week),
        |i, n| d.footer(i, n),
    )
}

fn header(p: &mut Pages, d: &WeeklyDocument) {
    p.paragraph(MARGIN, CONTENT_W, 20.0, Weight::Bold, INK, &d.title, BOTTOM);
    p.paragraph(
        MARGIN,
        CONTENT_W,
        10.5,
        Weight::Regular,
        MUTED,
        &d.compared,
        BOTTOM,
    );
    small(p, &d.sources, BOTTOM);
    p.gap(4.0);
}

fn numbers(p: &mut Pages, d: &WeeklyDocument) {
    p.heading(d.numbers_title);
    let size = 9.0;
    let first = 150.0;
    let cols = d.numbers_head.len();
    let col_w = (CONTENT_W - first) / cols as f32;
    let right = |i: usize| MARGIN + first + col_w * (i + 1) as f32 - 4.0;
    let y = p.y;
    for (i, h) in d.numbers_head.iter().enumerate() {
        let w = layout::text_width(h, size, Weight::Bold);
        p.text_at(right(i) - w, y, size, Weight::Bold, MUTED, h);
    }
    p.y += size * 1.6;
    for (row, m) in d.numbers.iter().enumerate() {
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
        p.text_at(MARGIN + 4.0, y, size, Weight::Regular, INK, &m.name);
        for (i, c) in m.cells.iter().enumerate() {
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
fn warnings(p: &mut Pages, d: &WeeklyDocument, bottom: f32) -> usize {
    p.heading(&d.warnings_title);
    if d.warnings.is_empty() {
        p.paragraph(
            MARGIN,
            CONTENT_W,
            9.5,
            Weight::Regular,
            INK,
            d.no_warnings,
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
            &d.more_warnings(shown),
            bottom + 12.0,
        );
    }
    if let Some(earlier) = &d.earlier_warnings {
        small(p, earlier, bottom + 24.0);
    }
    shown
}

const TAG_W: f32 = 58.0;

fn warning_height(f: &Warning) -> f32 {
    let w = CONTENT_W - TAG_W;
    let lines = |text: &str, size, weight| layout::wrap(text, size, weight, w).len() as f32;
    let mut h = lines(&f.message, 9.5, Weight::Bold) * 9.5 * 1.32;
    h += lines(&f.evidence, 8.0, Weight::Regular) * 8.0 * 1.32;
    if let Some(a) = f.advice.first() {
        h += lines(&format!("→ {a}"), 8.0, Weight::Regular) * 8.0 * 1.32;
    }
    h + 6.0
}

fn warning(p: &mut Pages, f: &Warning, bottom: f32) {
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
    let d = input.document;
    p.heading(&d.associations_title);
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
    let table = &d.associations;
    if table.rows.is_empty() {
        body(p, d.no_associations);
        return Ok(());
    }
    let size = 8.0;
    let xs: [f32; 7] = [0.0, 54.0, 176.0, 220.0, 264.0, 350.0, 460.0];
    // Each cell fits its column on one line: a longer one ends in an ellipsis.
    let width = |i: usize| xs.get(i + 1).map_or(CONTENT_W, |x| *x) - xs[i] - 6.0;
    let fit = |text: &str, i: usize, weight: Weight| {
        let lines = layout::wrap(text, size, weight, width(i));
        let mut shown = lines.first().cloned().unwrap_or_default();
        if lines.len() > 1 {
            shown.push('…');
        }
        shown
    };
    // One line of cells at the current height, then the next line.
    let line = |p: &mut Pages, cells: Vec<&str>, weight: Weight, color: Rgb| {
        let y = p.y;
        for (i, (cell, x)) in cells.into_iter().zip(xs).enumerate() {
            p.text_at(MARGIN + x, y, size, weight, color, &fit(cell, i, weight));
        }
        p.y += size * 1.5;
    };
    p.ensure(size * 1.6 * 2.0, BOTTOM);
    let head = table.columns.iter().map(|c| c.0).collect();
    line(p, head, Weight::Bold, MUTED);
    p.push(Item::Line {
        x1: MARGIN,
        y1: p.y - 2.0,
        x2: MARGIN + CONTENT_W,
        y2: p.y - 2.0,
        color: RULE,
    });
    for row in &table.rows {
        p.ensure(size * 1.5, BOTTOM);
        line(
            p,
            row.iter().map(String::as_str).collect(),
            Weight::Regular,
            INK,
        );
    }
    p.paragraph(
        MARGIN,
        CONTENT_W,
        7.5,
        Weight::Regular,
        MUTED,
        d.associations_key,
        BOTTOM,
    );
    Ok(())
}

fn episodes(p: &mut Pages, d: &WeeklyDocument) {
    p.heading(d.episodes_title);
    if d.episodes.is_empty() {
        body(p, d.no_episodes);
    }
    for line in &d.episodes {
        body(p, line);
    }
}

fn what_to_change(p: &mut Pages, d: &WeeklyDocument) {
    p.heading(d.changes_title);
    if d.changes.is_empty() {
        body(p, d.no_changes);
    }
    for x in &d.changes {
        p.ensure(30.0, BOTTOM);
        p.paragraph(MARGIN, CONTENT_W, 9.5, Weight::Bold, INK, &x.name, BOTTOM);
        let indented = CONTENT_W - 10.0;
        for (text, size, color) in [
            (Some(&x.because), 8.5, INK),
            (Some(&x.alternatives), 8.5, INK),
            (x.risk_note.as_ref(), 8.0, MUTED),
        ] {
            if let Some(text) = text {
                p.paragraph(
                    MARGIN + 10.0,
                    indented,
                    size,
                    Weight::Regular,
                    color,
                    text,
                    BOTTOM,
                );
            }
        }
        p.gap(3.0);
    }
}

fn notices(p: &mut Pages, d: &WeeklyDocument) {
    p.gap(8.0);
    for n in &d.notices {
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
