//! The weekly PDF, two A4 pages for a normal week. Page 1 is the bottom line (status and at
//! most three actions), the week against the four before it and a load-and-pain chart of the
//! five weeks. Page 2 is the evidence: the week's red flags and open pain episodes (always
//! shown), its other findings as far as they fit, and the associations to date as a table.
//! Text and charts use the same embedded font; charts stay vectors with selectable text.

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
}

/// The load chart's height on page 1 (it is as wide as this allows, up to the text width).
pub const LOAD_CHART_H: f32 = 285.0;
/// At most this many rows of the associations table; the rest are in the full report.
const ASSOCIATION_ROWS: usize = 12;
/// Lines of a finding's evidence shown; the full text is in the report.
const EVIDENCE_LINES: usize = 2;

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
    let pages = layout(input)?;
    layout::render(
        pages,
        &format!("strainscope weekly report {}", d.week),
        |i, n| d.footer(i, n),
    )
}

/// Places every element on its page; [`Pages::placed`] says where, for the layout tests.
pub fn layout(input: &WeeklyInput) -> anyhow::Result<Pages> {
    let d = input.document;
    let mut pages = Pages::new();
    header(&mut pages, d);
    bottom_line(&mut pages, d);
    numbers(&mut pages, d);
    load_chart(&mut pages, input)?;

    pages.new_page();
    // Evidence or advice already given on the page is not repeated under a later finding
    // (two regions trained in the same sessions share both).
    let mut advised = Vec::new();
    urgent(&mut pages, d, &mut advised);
    // The associations table and the notices close page 2: the findings take what is left.
    let reserved = associations_height(d) + notices_height(d) + 2.0 * pointer_height();
    let shown = warnings(&mut pages, d, BOTTOM - reserved, &mut advised);
    pointers(&mut pages, d, shown);
    associations(&mut pages, d);
    notices(&mut pages, d);
    Ok(pages)
}

fn header(p: &mut Pages, d: &WeeklyDocument) {
    p.element("title", |p| {
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
    });
    p.gap(4.0);
}

fn bottom_line(p: &mut Pages, d: &WeeklyDocument) {
    let b = &d.bottom_line;
    p.heading(d.bottom_line_title);
    p.element("status", |p| {
        p.paragraph(
            MARGIN,
            CONTENT_W,
            10.5,
            Weight::Bold,
            INK,
            &b.status,
            BOTTOM,
        );
    });
    p.gap(3.0);
    for (i, action) in b.actions.iter().enumerate() {
        p.element("action", |p| {
            let number = format!("{}.", i + 1);
            p.text_at(MARGIN, p.y, 9.5, Weight::Bold, INK, &number);
            p.paragraph(
                MARGIN + 14.0,
                CONTENT_W - 14.0,
                9.5,
                Weight::Regular,
                INK,
                action,
                BOTTOM,
            );
        });
        p.gap(3.0);
    }
    for line in b.more.iter().chain(&b.checked) {
        p.element("bottom line note", |p| small(p, line, BOTTOM));
    }
}

fn numbers(p: &mut Pages, d: &WeeklyDocument) {
    p.heading(d.numbers_title);
    p.element("numbers table", |p| numbers_table(p, d));
    p.gap(4.0);
}

fn numbers_table(p: &mut Pages, d: &WeeklyDocument) {
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
}

fn load_chart(p: &mut Pages, input: &WeeklyInput) -> anyhow::Result<()> {
    let tree = layout::parse_svg(&input.load_chart.svg)?;
    let (tw, th) = (tree.size().width(), tree.size().height());
    let w = (LOAD_CHART_H * tw / th).min(CONTENT_W);
    let h = w * th / tw;
    p.gap(8.0);
    p.ensure(h, BOTTOM);
    p.element("load chart", |p| {
        p.push(Item::Svg {
            x: MARGIN + (CONTENT_W - w) / 2.0,
            y: p.y,
            w,
            h,
            tree: Box::new(tree),
        });
    });
    p.y += h;
    Ok(())
}

/// The week's red flags and open episodes: never cut for space.
fn urgent<'d>(p: &mut Pages, d: &'d WeeklyDocument, advised: &mut Vec<&'d str>) {
    p.heading(d.urgent_title);
    if d.red_flags.is_empty() {
        p.element("no red flags", |p| body(p, d.no_red_flags));
    }
    for f in &d.red_flags {
        warning(p, f, usize::MAX, advised);
    }
    if d.episodes.is_empty() {
        p.element("no open episodes", |p| body(p, d.no_episodes));
    }
    for line in &d.episodes {
        p.element("open episode", |p| body(p, line));
    }
    p.gap(4.0);
}

/// The week's other findings, each whole, until `bottom`; returns how many were shown.
fn warnings<'d>(
    p: &mut Pages,
    d: &'d WeeklyDocument,
    bottom: f32,
    advised: &mut Vec<&'d str>,
) -> usize {
    p.heading(&d.warnings_title);
    if d.warnings.is_empty() {
        p.element("no findings", |p| body(p, d.no_warnings));
        return 0;
    }
    let mut shown = 0;
    for f in &d.warnings {
        if p.y + warning_height(f, EVIDENCE_LINES, advised) > bottom {
            break;
        }
        warning(p, f, EVIDENCE_LINES, advised);
        shown += 1;
    }
    shown
}

/// Where the rest is: findings that did not fit, and warnings about earlier weeks.
fn pointers(p: &mut Pages, d: &WeeklyDocument, shown: usize) {
    let more = (shown < d.warnings.len()).then(|| d.more_warnings(shown));
    for line in more.iter().chain(&d.earlier_warnings) {
        p.element("pointer", |p| small(p, line, BOTTOM));
    }
}

fn pointer_height() -> f32 {
    8.0 * 1.32 * 2.0
}

const TAG_W: f32 = 58.0;

/// `text` wrapped to `width`, at most `max` lines; a cut text ends in "…".
fn clipped(text: &str, size: f32, weight: Weight, width: f32, max: usize) -> Vec<String> {
    let mut lines = layout::wrap(text, size, weight, width);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && layout::text_width(&format!("{last} …"), size, weight) > width
            {
                last.pop();
            }
            last.truncate(last.trim_end().len());
            last.push_str(" …");
        }
    }
    lines
}

struct WarningLines {
    message: Vec<String>,
    evidence: Vec<String>,
    advice: Vec<String>,
}

/// The finding's lines; its evidence and first advice only when no finding above gave the
/// same.
fn warning_lines(f: &Warning, evidence_lines: usize, advised: &[&str]) -> WarningLines {
    let w = CONTENT_W - TAG_W;
    let evidence = if advised.contains(&f.evidence.as_str()) {
        Vec::new()
    } else {
        clipped(&f.evidence, 8.0, Weight::Regular, w, evidence_lines)
    };
    WarningLines {
        message: layout::wrap(&f.message, 9.5, Weight::Bold, w),
        evidence,
        advice: f
            .advice
            .first()
            .filter(|a| !advised.contains(&a.as_str()))
            .map(|a| layout::wrap(&format!("→ {a}"), 8.0, Weight::Regular, w))
            .unwrap_or_default(),
    }
}

fn warning_height(f: &Warning, evidence_lines: usize, advised: &[&str]) -> f32 {
    let l = warning_lines(f, evidence_lines, advised);
    l.message.len() as f32 * 9.5 * 1.32
        + (l.evidence.len() + l.advice.len()) as f32 * 8.0 * 1.32
        + 6.0
}

fn warning<'d>(p: &mut Pages, f: &'d Warning, evidence_lines: usize, advised: &mut Vec<&'d str>) {
    p.ensure(warning_height(f, evidence_lines, advised), BOTTOM);
    let l = warning_lines(f, evidence_lines, advised);
    advised.push(&f.evidence);
    advised.extend(f.advice.first().map(String::as_str));
    p.element("finding", |p| {
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
        for (lines, size, weight, color) in [
            (&l.message, 9.5, Weight::Bold, INK),
            (&l.evidence, 8.0, Weight::Regular, MUTED),
            (&l.advice, 8.0, Weight::Regular, INK),
        ] {
            for line in lines {
                p.ensure(size * 1.32, BOTTOM);
                p.text_at(x, p.y, size, weight, color, line);
                p.y += size * 1.32;
            }
        }
    });
    p.gap(6.0);
}

const TABLE_SIZE: f32 = 8.0;
const TABLE_LINE: f32 = TABLE_SIZE * 1.5;
const KEY_SIZE: f32 = 7.5;

fn associations_height(d: &WeeklyDocument) -> f32 {
    let heading = 8.0 + 13.0 * 1.32 + 6.0;
    let rows = d.associations.rows.len().min(ASSOCIATION_ROWS);
    let table = if rows == 0 {
        9.0 * 1.32
    } else {
        (rows + 1) as f32 * TABLE_LINE
            + if rows < d.associations.rows.len() {
                8.0 * 1.32
            } else {
                0.0
            }
            + layout::wrap(&d.associations_key, KEY_SIZE, Weight::Regular, CONTENT_W).len() as f32
                * KEY_SIZE
                * 1.32
    };
    heading + table + 4.0
}

fn associations(p: &mut Pages, d: &WeeklyDocument) {
    p.heading(&d.associations_title);
    // The same rows as the forest plot of the full report, in the same order.
    let table = &d.associations;
    if table.rows.is_empty() {
        p.element("no associations", |p| body(p, d.no_associations));
        return;
    }
    p.element("associations table", |p| associations_table(p, d));
    if let Some(more) = d.more_associations(ASSOCIATION_ROWS) {
        p.element("pointer", |p| small(p, &more, BOTTOM));
    }
    p.element("associations key", |p| {
        p.paragraph(
            MARGIN,
            CONTENT_W,
            KEY_SIZE,
            Weight::Regular,
            MUTED,
            &d.associations_key,
            BOTTOM,
        );
    });
    p.gap(4.0);
}

fn associations_table(p: &mut Pages, d: &WeeklyDocument) {
    let table = &d.associations;
    let size = TABLE_SIZE;
    let xs: [f32; 7] = [0.0, 80.0, 178.0, 224.0, 272.0, 356.0, 460.0];
    // Each cell fits its column on one line: a longer one ends in an ellipsis.
    let width = |i: usize| xs.get(i + 1).map_or(CONTENT_W, |x| *x) - xs[i] - 6.0;
    let fit = |text: &str, i: usize, weight: Weight| {
        clipped(text, size, weight, width(i), 1)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    // One line of cells at the current height, then the next line.
    let line = |p: &mut Pages, cells: Vec<&str>, weight: Weight, color: Rgb| {
        p.ensure(TABLE_LINE, BOTTOM);
        let y = p.y;
        for (i, (cell, x)) in cells.into_iter().zip(xs).enumerate() {
            p.text_at(MARGIN + x, y, size, weight, color, &fit(cell, i, weight));
        }
        p.y += TABLE_LINE;
    };
    p.ensure(TABLE_LINE * 2.0, BOTTOM);
    let head = table.columns.iter().map(|c| c.0).collect();
    line(p, head, Weight::Bold, MUTED);
    p.push(Item::Line {
        x1: MARGIN,
        y1: p.y - 2.0,
        x2: MARGIN + CONTENT_W,
        y2: p.y - 2.0,
        color: RULE,
    });
    for row in table.rows.iter().take(ASSOCIATION_ROWS) {
        line(
            p,
            row.iter().map(String::as_str).collect(),
            Weight::Regular,
            INK,
        );
    }
}

fn notices_height(d: &WeeklyDocument) -> f32 {
    8.0 + d
        .notices
        .iter()
        .map(|n| layout::wrap(n, 7.5, Weight::Regular, CONTENT_W).len() as f32 * 7.5 * 1.32)
        .sum::<f32>()
}

fn notices(p: &mut Pages, d: &WeeklyDocument) {
    p.gap(8.0);
    for n in &d.notices {
        p.element("notice", |p| {
            p.paragraph(MARGIN, CONTENT_W, 7.5, Weight::Regular, MUTED, n, BOTTOM);
        });
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
