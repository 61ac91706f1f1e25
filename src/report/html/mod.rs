//! The HTML report: one self-contained HTML5 file with the terminal report's sections, plus
//! the charts as inline SVG. The CSS is inline, there is no script, and a Content-Security-Policy
//! forbids every network load, so opening the file never contacts anything. Every string from
//! the analysis goes through [`esc`].

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt::Write as _;

use anyhow::{Context, bail};

use crate::analysis::findings::Severity;
use crate::report::Figure;
use crate::report::document::{
    BottomLine, Change, Document, Layout, Load, RegionAssociations, Table, Warning, align_codes,
};
use crate::report::words;
use crate::text::{glued, is_date_like};

/// No fetch of any kind: styles only from the inline block, images only from data: URLs.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The page's style sheet, inline in the page (the CSP forbids loading one).
const STYLE: &str = include_str!("style.css");

/// Escapes text for HTML element content and quoted attributes: `&`, `<`, `>`, `"` and `'`.
pub fn esc(text: &str) -> Cow<'_, str> {
    html_escape::encode_quoted_attribute(text)
}

/// Escaped running text that wraps where a reader expects: a number stays with its unit or
/// comparison ("48 h", "q < 0.001", through [`glued`]) and a date or week never breaks after
/// one of its hyphens (browsers may break there).
pub fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, word) in glued(text).split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // A date is wrapped in a no-break span; the punctuation around it stays outside.
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        match word.find(core) {
            Some(at) if is_date_like(core) => {
                let _ = write!(
                    out,
                    "{}<span class=\"nowrap\">{}</span>{}",
                    esc(&word[..at]),
                    esc(core),
                    esc(&word[at + core.len()..])
                );
            }
            _ => out.push_str(&esc(word)),
        }
    }
    out
}

pub fn render(doc: &Document<'_>, figures: &[Figure]) -> anyhow::Result<String> {
    let mut html = Html {
        out: String::with_capacity(64 * 1024),
        charts: !figures.is_empty(),
    };
    head(&mut html.out, doc);
    doc.lay_out(&mut html);
    let mut s = html.out;
    if !figures.is_empty() {
        charts(&mut s, words::CHARTS_TITLE, figures)?;
    }
    let _ = writeln!(
        s,
        "<footer><p>Made by strainscope {} from files on this computer. This page loads nothing \
         from the network.</p></footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    Ok(s)
}

/// The page being written, and whether a charts section follows the document's sections.
struct Html {
    out: String,
    charts: bool,
}

fn head(s: &mut String, doc: &Document<'_>) {
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"strainscope {}\">\n\
         <title>{} · {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(doc.title),
        esc(doc.header.period()),
    );
}

fn contents(s: &mut String, titles: &[(&str, &str)]) {
    let _ = writeln!(s, "<nav aria-label=\"Contents\">\n<ol>");
    for (id, title) in titles {
        // The short name: the title before its parenthesis.
        let short = title.split(" (").next().unwrap_or(title);
        let _ = writeln!(s, "<li><a href=\"#{id}\">{}</a></li>", esc(short));
    }
    let _ = writeln!(s, "</ol>\n</nav>");
}

/// The heading; a parenthesis after the title is set smaller, so long titles stay short.
fn section_start(s: &mut String, id: &str, title: &str) {
    let _ = write!(s, "<section id=\"{id}\">\n<h2>");
    match title.split_once(" (") {
        Some((main, rest)) => {
            let _ = write!(s, "{} <span class=\"sub\">({}</span>", esc(main), esc(rest));
        }
        None => s.push_str(&esc(title)),
    }
    let _ = writeln!(s, "</h2>");
}

fn section_end(s: &mut String) {
    let _ = writeln!(s, "</section>");
}

/// A table inside a wrapper that scrolls sideways on narrow screens. `r` marks a numeric
/// column; each row is already-escaped cell HTML.
fn table(s: &mut String, columns: &[(&str, char)], rows: &[Vec<String>]) {
    let _ = write!(s, "<div class=\"scroll\"><table>\n<thead><tr>");
    for (name, align) in columns {
        let class = if *align == 'r' { " class=\"n\"" } else { "" };
        let _ = write!(s, "<th scope=\"col\"{class}>{}</th>", esc(name));
    }
    let _ = writeln!(s, "</tr></thead>\n<tbody>");
    for row in rows {
        s.push_str("<tr>");
        for (cell, (_, align)) in row.iter().zip(columns) {
            let _ = match align {
                'r' => write!(s, "<td class=\"n\">{cell}</td>"),
                'w' => write!(s, "<td class=\"wrap\">{cell}</td>"),
                'b' => write!(s, "<td class=\"bar\" aria-hidden=\"true\">{cell}</td>"),
                _ => write!(s, "<td>{cell}</td>"),
            };
        }
        s.push_str("</tr>\n");
    }
    let _ = writeln!(s, "</tbody>\n</table></div>");
}

/// An escaped association sentence with its statistics' short names explained in a tooltip
/// (RR, p, q), so the numbers are explained where they are read.
fn abbreviated(escaped: &str) -> String {
    let mut out = escaped.to_string();
    for (short, long) in words::ABBREVIATIONS {
        let abbr = format!("<abbr title=\"{}\">{short}</abbr>", esc(long));
        // Each short name stands before its number: "RR 50.2", ", p 0.002", ", q 1.000".
        // The space after it may be a no-break one ("q < 0.001" is glued by `prose`).
        for space in [" ", "\u{a0}"] {
            let (from, to) = if short == "RR" {
                (format!("{short}{space}"), format!("{abbr}{space}"))
            } else {
                (format!(", {short}{space}"), format!(", {abbr}{space}"))
            };
            out = out.replace(&from, &to);
        }
    }
    out
}

fn severity_class(severity: Severity) -> &'static str {
    severity.as_str()
}

impl Layout for Html {
    fn title(&mut self, doc: &Document<'_>) {
        let _ = writeln!(
            self.out,
            "<header>\n<h1>{} <span class=\"period\">{}</span></h1>",
            esc(doc.title),
            esc(doc.header.period())
        );
    }

    fn bottom_line(&mut self, b: &BottomLine) {
        let s = &mut self.out;
        let _ = writeln!(
            s,
            "<section class=\"bottom-line\" aria-label=\"Bottom line\">\n<p class=\"status\">{}</p>",
            prose(&b.status)
        );
        if !b.actions.is_empty() {
            let _ = writeln!(s, "<ol class=\"actions\">");
            for action in &b.actions {
                let _ = writeln!(s, "<li>{}</li>", prose(action));
            }
            let _ = writeln!(s, "</ol>");
        }
        for line in b.more.iter().chain(&b.checked) {
            let _ = writeln!(s, "<p>{}</p>", prose(line));
        }
        let _ = writeln!(s, "</section>");
    }

    fn header(&mut self, doc: &Document<'_>) {
        let (s, h) = (&mut self.out, &doc.header);
        let _ = writeln!(s, "<dl class=\"sources\">");
        for (name, value) in &h.facts {
            let _ = writeln!(s, "<dt>{name}</dt><dd>{}</dd>", prose(value));
        }
        let _ = writeln!(s, "</dl>");
        if let Some(r) = &h.rejected {
            let _ = writeln!(s, "<p>{}</p>", prose(r));
        }
        for n in &h.notices {
            let _ = writeln!(
                s,
                "<div class=\"notice\" role=\"note\"><p>{}</p></div>",
                prose(n)
            );
        }
        let _ = writeln!(s, "</header>");
        let mut titles: Vec<(&str, &str)> = doc.contents();
        if self.charts {
            titles.push(("charts", words::CHARTS_TITLE));
        }
        contents(s, &titles);
    }

    fn open(&mut self, id: &'static str, title: &str) {
        section_start(&mut self.out, id, title);
    }

    fn empty(&mut self, why: &str) {
        let _ = writeln!(self.out, "<p>{}</p>", prose(why));
    }

    fn close(&mut self) {
        section_end(&mut self.out);
    }

    fn warnings(&mut self, warnings: &[Warning]) {
        let s = &mut self.out;
        for f in warnings {
            let class = severity_class(f.severity);
            let _ = writeln!(
                s,
                "<article class=\"finding {class}\">\n<h3><span class=\"sev\">{}</span> {}</h3>\n\
             <p class=\"evidence\">{}</p>\n<p>{}</p>",
                class.to_uppercase(),
                prose(&f.message),
                prose(&f.evidence),
                prose(&f.explanation),
            );
            if !f.advice.is_empty() {
                let _ = writeln!(s, "<ul>");
                for advice in &f.advice {
                    let _ = writeln!(s, "<li>{}</li>", prose(advice));
                }
                let _ = writeln!(s, "</ul>");
            }
            let _ = writeln!(s, "</article>");
        }
    }

    fn episodes(&mut self, t: &Table) {
        escaped_table(&mut self.out, t);
    }

    fn associations(&mut self, groups: &[RegionAssociations]) {
        let s = &mut self.out;
        for g in groups {
            let _ = writeln!(s, "<h3>{}</h3>\n<ul>", esc(&g.heading));
            for sentence in &g.sentences {
                let _ = writeln!(s, "<li>{}</li>", abbreviated(&prose(sentence)));
            }
            let _ = writeln!(s, "</ul>");
            for note in &g.notes {
                let _ = writeln!(s, "<p class=\"muted\">{}</p>", prose(note));
            }
        }
    }

    fn changes(&mut self, changes: &[Change]) {
        let s = &mut self.out;
        for c in changes {
            let _ = writeln!(
                s,
                "<div class=\"change\">\n<h3>{}</h3>\n<p>{}</p>",
                esc(&c.name),
                prose(&c.because),
            );
            if let Some(note) = &c.risk_note {
                let _ = writeln!(s, "<p class=\"muted\">{}</p>", prose(note));
            }
            let _ = writeln!(
                s,
                "<p><strong>{}</strong></p>\n</div>",
                esc(&c.alternatives)
            );
        }
    }

    fn load(&mut self, l: &Load) {
        let s = &mut self.out;
        let rows: Vec<Vec<String>> = l
            .table
            .rows
            .iter()
            .zip(&l.shares)
            .map(|(cells, share)| {
                let mut cells: Vec<String> = cells.iter().map(|c| esc(c).into_owned()).collect();
                cells.push(format!(
                    "<span style=\"width:{:.0}%\"></span>",
                    share * 100.0
                ));
                cells
            })
            .collect();
        let mut columns = align_codes(&l.table);
        columns.push(("load", 'b'));
        table(s, &columns, &rows);
    }

    fn habits(&mut self, t: &Table) {
        escaped_table(&mut self.out, t);
    }
}

/// The document's table, every cell escaped.
fn escaped_table(s: &mut String, t: &Table) {
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| esc(c).into_owned()).collect())
        .collect();
    table(s, &align_codes(t), &rows);
}

fn charts(s: &mut String, title: &str, figures: &[Figure]) -> anyhow::Result<()> {
    section_start(s, "charts", title);
    for f in figures {
        let svg = inline_svg(&f.svg, &f.title)
            .with_context(|| format!("the chart {:?} cannot be embedded", f.title))?;
        // The chart scrolls sideways on a narrow screen rather than shrinking its text.
        let _ = writeln!(
            s,
            "<figure>\n<figcaption>{}</figcaption>\n<div class=\"chart\">{svg}</div>\n</figure>",
            esc(&f.title)
        );
    }
    section_end(s);
    Ok(())
}

/// An SVG document made fit to sit inside HTML: the XML prologue, doctype and namespace
/// declarations go (the HTML parser puts `<svg>` in the SVG namespace itself, and the
/// namespace URLs would be the only URLs in the page), a `viewBox` is added from `width` and
/// `height` when missing so CSS can scale it, and the title becomes its accessible name.
/// Refuses scripts, event handlers and anything that could load from outside.
fn inline_svg(svg: &str, title: &str) -> anyhow::Result<String> {
    let start = svg.find("<svg").context("no <svg> element")?;
    let svg = svg[start..].trim_end();
    let tag_end = svg.find('>').context("the <svg> tag is not closed")?;
    let (tag, body) = svg.split_at(tag_end);
    let mut attrs = attributes(&tag["<svg".len()..]);
    attrs.retain(|(name, _)| name != "xmlns" && !name.starts_with("xmlns:"));
    let has = |attrs: &[(String, String)], n: &str| attrs.iter().any(|(name, _)| name == n);
    if !has(&attrs, "viewBox") {
        let size = |n: &str| {
            attrs
                .iter()
                .find(|(name, _)| name == n)
                .and_then(|(_, v)| v.trim().trim_end_matches("px").parse::<f64>().ok())
        };
        let (Some(w), Some(h)) = (size("width"), size("height")) else {
            bail!("the <svg> has no viewBox and no numeric width and height");
        };
        attrs.push(("viewBox".into(), format!("0 0 {w} {h}")));
    }
    if let Some(min) = chart_min_width(svg) {
        attrs.push(("style".into(), format!("min-width: {min}px")));
    }
    if !has(&attrs, "role") {
        attrs.push(("role".into(), "img".into()));
    }
    if !has(&attrs, "aria-label") {
        attrs.push(("aria-label".into(), title.to_string()));
    }
    let mut out = String::from("<svg");
    for (name, value) in &attrs {
        let _ = write!(out, " {name}=\"{}\"", esc(value));
    }
    out.push_str(body);
    refuse_active_content(&out)?;
    Ok(out)
}

/// The smallest chart text a reader gets, in CSS pixels, however narrow the screen.
pub const MIN_CHART_TEXT_PX: f64 = 9.0;

/// The width below which the SVG must not shrink so that its smallest text stays at least
/// [`MIN_CHART_TEXT_PX`]: its viewBox width × that minimum ÷ its smallest `font-size`, never
/// more than its own width. None without text or a readable width.
pub fn chart_min_width(svg: &str) -> Option<u32> {
    let start = svg.find("<svg")?;
    let tag = &svg[start + "<svg".len()..start + svg[start..].find('>')?];
    let attrs = attributes(tag);
    let attr = |n: &str| attrs.iter().find(|(name, _)| name == n).map(|(_, v)| v);
    let width: f64 = match attr("viewBox") {
        Some(vb) => vb.split_whitespace().nth(2)?.parse().ok()?,
        None => attr("width")?.trim_end_matches("px").parse().ok()?,
    };
    let smallest = svg
        .split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse::<f64>().ok())
        .filter(|f| *f > 0.0)
        .fold(f64::INFINITY, f64::min);
    smallest
        .is_finite()
        .then(|| (width * MIN_CHART_TEXT_PX / smallest).ceil().min(width) as u32)
}

/// The attributes of a tag, from after its name to before its `>`, with their values as
/// written (entity references are left alone and escaped again only if they were raw).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start().trim_end_matches('/');
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = after[1..].find(quote) else {
            break;
        };
        let value = html_escape::decode_html_entities(&after[1..1 + close]).into_owned();
        out.push((name, value));
        rest = after[close + 2..].trim_start();
    }
    out
}

/// Charts are drawn by strainscope, but the page promises never to run code or fetch
/// anything, so a figure that could is refused rather than trusted.
fn refuse_active_content(svg: &str) -> anyhow::Result<()> {
    let lower = svg.to_ascii_lowercase();
    for bad in [
        "<script",
        "<foreignobject",
        "javascript:",
        "@import",
        "http:",
        "https:",
        "href=\"//",
        "href='//",
    ] {
        if lower.contains(bad) {
            bail!("it contains {bad:?}");
        }
    }
    if let Some(i) = lower.match_indices("url(").find_map(|(i, _)| {
        let target = lower[i + 4..].trim_start_matches(['"', '\'', ' ']);
        (!target.starts_with('#') && !target.starts_with("data:")).then_some(i)
    }) {
        bail!("it refers to {:?}", &svg[i..(i + 20).min(svg.len())]);
    }
    let handler = lower.match_indices(" on").any(|(i, _)| {
        let name: String = lower[i + 3..]
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        !name.is_empty() && lower[i + 3 + name.len()..].trim_start().starts_with('=')
    });
    if handler {
        bail!("it has an event handler attribute");
    }
    Ok(())
}
