//! The HTML report: one self-contained HTML5 file with the terminal report's sections, plus
//! the charts as inline SVG. The CSS is inline, there is no script, and a Content-Security-Policy
//! forbids every network load, so opening the file never contacts anything. Every string from
//! the analysis goes through [`esc`].

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt::Write as _;

use anyhow::{Context, bail};

use crate::analysis::Analysis;
use crate::analysis::findings::{Finding, Severity};
use crate::pipeline::Sources;
use crate::report::document;
use crate::report::{Figure, words};

/// No fetch of any kind: styles only from the inline block, images only from data: URLs.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The page's style sheet, inline in the page (the CSP forbids loading one).
const STYLE: &str = include_str!("style.css");

/// Escapes text for HTML element content and quoted attributes: `&`, `<`, `>`, `"` and `'`.
pub fn esc(text: &str) -> Cow<'_, str> {
    html_escape::encode_quoted_attribute(text)
}

/// The sections, for the table of contents and the headings' anchors.
fn sections(a: &Analysis, figures: &[Figure]) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("warnings", words::warnings_title(a)),
        ("episodes", words::EPISODES_TITLE.to_string()),
        ("before-pain", words::associations_title(a)),
        ("what-to-change", words::CHANGE_TITLE.to_string()),
        ("load", words::LOAD_TITLE.to_string()),
        ("habits", words::HABITS_TITLE.to_string()),
    ];
    if !figures.is_empty() {
        out.push(("charts", words::CHARTS_TITLE.to_string()));
    }
    out
}

pub fn render(a: &Analysis, sources: &Sources, figures: &[Figure]) -> anyhow::Result<String> {
    let mut s = String::with_capacity(64 * 1024);
    let titles = sections(a, figures);
    let title = |id: &str| {
        titles
            .iter()
            .find(|t| t.0 == id)
            .map_or("", |t| t.1.as_str())
    };
    head(&mut s, a);
    header(&mut s, a, sources);
    contents(&mut s, &titles);
    warnings(&mut s, title("warnings"), &a.warnings);
    episodes(&mut s, title("episodes"), a);
    associations(&mut s, title("before-pain"), a);
    what_to_change(&mut s, title("what-to-change"), a);
    load(&mut s, title("load"), a);
    habits(&mut s, title("habits"), a);
    if !figures.is_empty() {
        charts(&mut s, title("charts"), figures)?;
    }
    let _ = writeln!(
        s,
        "<footer><p>Made by strainscope {} from files on this computer. This page loads nothing \
         from the network.</p></footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    Ok(s)
}

fn head(s: &mut String, a: &Analysis) {
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"strainscope {}\">\n\
         <title>strainscope report · {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&words::period(a)),
    );
}

fn header(s: &mut String, a: &Analysis, sources: &Sources) {
    let _ = writeln!(
        s,
        "<header>\n<h1>strainscope report</h1>\n<dl class=\"sources\">"
    );
    let rows = [
        ("Period", words::period(a)),
        ("Workouts", sources.workout_files.join(", ")),
        ("Pain", words::pain_source(sources)),
        ("Counts", words::counts(a)),
    ];
    for (name, value) in rows {
        let _ = writeln!(s, "<dt>{name}</dt><dd>{}</dd>", esc(&value));
    }
    let _ = writeln!(s, "</dl>");
    if let Some(r) = words::rejected(sources) {
        let _ = writeln!(s, "<p>{}</p>", esc(&r));
    }
    for n in &a.notices {
        let _ = writeln!(
            s,
            "<div class=\"notice\" role=\"note\"><p>{}</p></div>",
            esc(n)
        );
    }
    let _ = writeln!(s, "</header>");
}

fn contents(s: &mut String, titles: &[(&'static str, String)]) {
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

fn severity_class(severity: Severity) -> &'static str {
    severity.as_str()
}

fn warnings(s: &mut String, title: &str, findings: &[Finding]) {
    section_start(s, "warnings", title);
    if findings.is_empty() {
        let _ = writeln!(s, "<p>Nothing to flag.</p>");
    }
    for f in findings {
        let class = severity_class(f.severity);
        let _ = writeln!(
            s,
            "<article class=\"finding {class}\">\n<h3><span class=\"sev\">{}</span> {}</h3>\n\
             <p class=\"evidence\">{}</p>\n<p>{}</p>",
            class.to_uppercase(),
            esc(&f.message),
            esc(&f.evidence),
            esc(&f.explanation),
        );
        if !f.advice.is_empty() {
            let _ = writeln!(s, "<ul>");
            for advice in &f.advice {
                let _ = writeln!(s, "<li>{}</li>", esc(advice));
            }
            let _ = writeln!(s, "</ul>");
        }
        let _ = writeln!(s, "</article>");
    }
    section_end(s);
}

fn episodes(s: &mut String, title: &str, a: &Analysis) {
    section_start(s, "episodes", title);
    if a.episodes.is_empty() {
        let _ = writeln!(s, "<p>No pain entries in this period.</p>");
    } else {
        let episodes = document::episodes(a);
        let rows: Vec<Vec<String>> = episodes
            .rows
            .iter()
            .map(|r| r.iter().map(|c| esc(c).into_owned()).collect())
            .collect();
        table(s, &document::align_codes(&episodes), &rows);
    }
    section_end(s);
}

fn associations(s: &mut String, title: &str, a: &Analysis) {
    section_start(s, "before-pain", title);
    let groups = words::primary_associations(a);
    if groups.is_empty() {
        let _ = writeln!(s, "<p>No pain onsets to relate to training.</p>");
    }
    for g in groups {
        let _ = writeln!(
            s,
            "<h3>{} ({} onsets)</h3>\n<ul>",
            esc(g.region.as_str()),
            g.onsets
        );
        for r in &g.shown {
            let _ = writeln!(s, "<li>{}</li>", esc(&words::association_sentence(r)));
        }
        let _ = writeln!(s, "</ul>");
        if g.more > 0 {
            let _ = writeln!(
                s,
                "<p class=\"muted\">{}</p>",
                esc(&words::more_associations(g.more))
            );
        }
        if g.untested > 0 {
            let _ = writeln!(
                s,
                "<p class=\"muted\">{}</p>",
                esc(&words::untested_associations(a, g.untested))
            );
        }
    }
    section_end(s);
}

fn what_to_change(s: &mut String, title: &str, a: &Analysis) {
    section_start(s, "what-to-change", title);
    if a.implicated.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", esc(words::NOTHING_TO_CHANGE));
    }
    for i in &a.implicated {
        let _ = writeln!(
            s,
            "<div class=\"change\">\n<h3>{}</h3>\n<p>{}</p>",
            esc(&words::implicated_name(i)),
            esc(&words::implicated_because(i)),
        );
        if let Some(note) = &i.risk_note {
            let _ = writeln!(s, "<p class=\"muted\">{}</p>", esc(note));
        }
        let _ = writeln!(
            s,
            "<p><strong>{}</strong></p>\n</div>",
            esc(&words::implicated_alternatives(i))
        );
    }
    section_end(s);
}

fn load(s: &mut String, title: &str, a: &Analysis) {
    section_start(s, "load", title);
    if a.weekly.is_empty() {
        let _ = writeln!(s, "<p>No training in this period.</p>");
        section_end(s);
        return;
    }
    let (load, shares) = document::weekly_load(a);
    let rows: Vec<Vec<String>> = load
        .rows
        .iter()
        .zip(&shares)
        .map(|(cells, share)| {
            let mut cells: Vec<String> = cells.iter().map(|c| esc(c).into_owned()).collect();
            cells.push(format!(
                "<span style=\"width:{:.0}%\"></span>",
                share * 100.0
            ));
            cells
        })
        .collect();
    let mut columns = document::align_codes(&load);
    columns.push(("load", 'b'));
    table(s, &columns, &rows);
    section_end(s);
}

fn habits(s: &mut String, title: &str, a: &Analysis) {
    section_start(s, "habits", title);
    match &a.habits {
        None => {
            let _ = writeln!(s, "<p>No training in this period.</p>");
        }
        Some(h) => {
            let rows: Vec<Vec<String>> = words::habit_rows(&h.last_4_weeks, &h.whole_period)
                .iter()
                .map(|(name, recent, whole)| {
                    vec![
                        esc(name).into_owned(),
                        esc(recent).into_owned(),
                        esc(whole).into_owned(),
                    ]
                })
                .collect();
            table(
                s,
                &[("habit", 'w'), ("last 4 weeks", 'r'), ("whole period", 'r')],
                &rows,
            );
        }
    }
    section_end(s);
}

fn charts(s: &mut String, title: &str, figures: &[Figure]) -> anyhow::Result<()> {
    section_start(s, "charts", title);
    for f in figures {
        let svg = inline_svg(&f.svg, &f.title)
            .with_context(|| format!("the chart {:?} cannot be embedded", f.title))?;
        let _ = writeln!(
            s,
            "<figure>\n<figcaption>{}</figcaption>\n{svg}\n</figure>",
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
