//! The terminal report: warnings first, then pain episodes, what came before pain, what to
//! change, load by week, and habits. Fits 100 columns. Colour (severity, headings) only when the
//! caller says so; the text is the same either way, so a piped report loses nothing.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::analysis::Analysis;
use crate::analysis::associations::Association;
use crate::analysis::findings::{Finding, Severity};
use crate::pipeline::Sources;
use crate::report::document::{self, Align};
use crate::report::words;

pub const WIDTH: usize = 100;

fn wrap(out: &mut String, first: &str, rest: &str, text: &str) {
    let opts = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest);
    for line in textwrap::wrap(text, opts) {
        let _ = writeln!(out, "{line}");
    }
}

/// Styles for one render: all plain when colour is off.
#[derive(Clone, Copy)]
struct Palette {
    heading: Style,
    urgent: Style,
    warning: Style,
    caution: Style,
    info: Style,
    dim: Style,
}

impl Palette {
    fn new(color: bool) -> Self {
        if !color {
            let plain = Style::new();
            return Palette {
                heading: plain,
                urgent: plain,
                warning: plain,
                caution: plain,
                info: plain,
                dim: plain,
            };
        }
        let fg = |c: AnsiColor| Style::new().fg_color(Some(c.into()));
        Palette {
            heading: Style::new().bold(),
            urgent: fg(AnsiColor::Red).bold(),
            warning: fg(AnsiColor::Yellow).bold(),
            caution: fg(AnsiColor::Cyan),
            info: Style::new().dimmed(),
            dim: Style::new().dimmed(),
        }
    }

    fn severity(&self, s: Severity) -> Style {
        match s {
            Severity::Urgent => self.urgent,
            Severity::Warning => self.warning,
            Severity::Caution => self.caution,
            Severity::Info => self.info,
        }
    }
}

/// `text` in `style`; no escape codes at all for the plain style.
fn paint(style: Style, text: &str) -> String {
    if style == Style::new() {
        text.to_string()
    } else {
        format!("{style}{text}{style:#}")
    }
}

fn heading(out: &mut String, p: &Palette, title: &str) {
    let rule = "─".repeat(title.chars().count());
    let _ = writeln!(out, "\n{}\n{rule}", paint(p.heading, title));
}

/// Weeks in the sparklines: a year fits in 100 columns.
const SPARK_WEEKS: usize = 52;

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One character per value, scaled from 0 to the largest value; a gap for a missing one.
fn sparkline(values: &[Option<f64>]) -> String {
    let max = values.iter().flatten().fold(0.0_f64, |m, v| m.max(*v));
    values
        .iter()
        .map(|v| match v {
            None => ' ',
            Some(_) if max <= 0.0 => SPARKS[0],
            Some(v) => {
                let i = ((v.max(0.0) / max) * (SPARKS.len() - 1) as f64).round() as usize;
                SPARKS[i.min(SPARKS.len() - 1)]
            }
        })
        .collect()
}

pub fn render(a: &Analysis, sources: &Sources, color: bool) -> String {
    let p = Palette::new(color);
    let mut s = String::new();
    let _ = writeln!(s, "strainscope report · {}", words::period(a));
    wrap(
        &mut s,
        "Workouts: ",
        "          ",
        &sources.workout_files.join(", "),
    );
    wrap(
        &mut s,
        "Pain:     ",
        "          ",
        &words::pain_source(sources),
    );
    let _ = writeln!(s, "{}", words::counts(a));
    if let Some(rejected) = words::rejected(sources) {
        let _ = writeln!(s, "{rejected}");
    }
    s.push('\n');
    for n in &a.notices {
        wrap(&mut s, "! ", "  ", n);
    }

    warnings(&mut s, &p, &a.warnings);
    episodes(&mut s, &p, a);
    associations(&mut s, &p, a);
    what_to_change(&mut s, &p, a);
    load(&mut s, &p, a);
    habits(&mut s, &p, a);
    s
}

fn warnings(s: &mut String, p: &Palette, findings: &[Finding]) {
    heading(s, p, &format!("Warnings ({})", findings.len()));
    if findings.is_empty() {
        let _ = writeln!(s, "Nothing to flag.");
    }
    for f in findings {
        // Wrap plain, then paint the tag: escape codes must not count towards the width.
        let tag = format!("{:<8} ", f.severity.as_str().to_uppercase());
        let mut block = String::new();
        wrap(&mut block, &tag, "         ", &f.message);
        s.push_str(&paint(p.severity(f.severity), &tag));
        s.push_str(&block[tag.len()..]);
        wrap(s, "         ", "         ", &f.evidence);
        wrap(s, "         ", "         ", &f.explanation);
        for advice in &f.advice {
            wrap(s, "         → ", "           ", advice);
        }
        s.push('\n');
    }
}

fn episodes(s: &mut String, p: &Palette, a: &Analysis) {
    heading(s, p, "Pain episodes (most recent first)");
    if a.episodes.is_empty() {
        let _ = writeln!(s, "No pain entries in this period.");
        return;
    }
    let mut eps: Vec<_> = a.episodes.iter().collect();
    eps.sort_by_key(|e| std::cmp::Reverse(e.onset));
    let _ = writeln!(
        s,
        "{:<12} {:<10} {:<10} {:>4} {:>4}  {:<10}  classes",
        "region", "onset", "last pain", "days", "peak", "resolved"
    );
    for e in eps {
        let classes: Vec<&str> = e.classes.iter().map(|c| c.as_str()).collect();
        let columns = format!(
            "{:<12} {:<10} {:<10} {:>4} {:>4}  {:<10}  ",
            e.region.as_str(),
            e.onset.date().to_string(),
            e.end.to_string(),
            e.days,
            e.peak,
            e.resolved_on.map_or("no".to_string(), |d| d.to_string()),
        );
        let mut classes = classes.join(", ");
        if e.inferred {
            classes.push_str(" (inferred from notes)");
        }
        if classes.is_empty() {
            let _ = writeln!(s, "{}", columns.trim_end());
        } else {
            wrap(s, &columns, &" ".repeat(columns.chars().count()), &classes);
        }
    }
}

fn associations(s: &mut String, p: &Palette, a: &Analysis) {
    let w = a.thresholds.window_h;
    heading(
        s,
        p,
        &format!("What came before pain (onset within {w} h of a session; association, not proof)"),
    );
    let primary: Vec<&Association> = a.associations.iter().filter(|r| r.window_h == w).collect();
    if primary.is_empty() {
        let _ = writeln!(s, "No pain onsets to relate to training.");
        return;
    }
    let mut regions: Vec<_> = primary.iter().map(|r| r.region).collect();
    regions.dedup();
    for region in regions {
        let rows: Vec<&&Association> = primary.iter().filter(|r| r.region == region).collect();
        let onsets = rows.first().map_or(0, |r| r.onsets);
        let _ = writeln!(s, "\n{} ({} onsets)", region.as_str(), onsets);
        let tested: Vec<&&&Association> = rows.iter().filter(|r| r.enough_data).collect();
        for r in tested.iter().take(8) {
            let line = words::association_sentence(r);
            wrap(s, "  ", "    ", &line);
        }
        if tested.len() > 8 {
            let _ = writeln!(
                s,
                "  … {} more exposures tested (see --format json)",
                tested.len() - 8
            );
        }
        let untested = rows.len() - tested.len();
        if untested > 0 {
            let _ = writeln!(
                s,
                "  {untested} exposures: not enough data (fewer than {} exposed or unexposed sessions, or {} onsets)",
                a.thresholds.min_exposed_sessions, a.thresholds.min_onsets
            );
        }
    }
}

fn what_to_change(s: &mut String, p: &Palette, a: &Analysis) {
    heading(s, p, words::CHANGE_TITLE);
    if a.implicated.is_empty() {
        let _ = writeln!(s, "{}", words::NOTHING_TO_CHANGE);
    }
    for i in &a.implicated {
        wrap(s, "", "  ", &words::implicated_name(i));
        wrap(s, "  ", "  ", &words::implicated_because(i));
        if let Some(note) = &i.risk_note {
            wrap(s, "  ", "  ", note);
        }
        wrap(s, "  → ", "    ", &words::implicated_alternatives(i));
        s.push('\n');
    }
}

fn bar(value: f64, max: f64, width: usize) -> String {
    if max <= 0.0 {
        return String::new();
    }
    let n = ((value / max) * width as f64).round() as usize;
    "█".repeat(n.min(width))
}

fn load(s: &mut String, p: &Palette, a: &Analysis) {
    heading(
        s,
        p,
        "Load by ISO week (working-set tonnage; ACWR = the week's mean daily EWMA ratio, a heuristic)",
    );
    // Sparklines of the most recent weeks first: the trend at a glance, then the table.
    let recent = &a.weekly[a.weekly.len().saturating_sub(SPARK_WEEKS)..];
    if let (Some(first), Some(last)) = (recent.first(), recent.last()) {
        let _ = writeln!(
            s,
            "{}",
            paint(
                p.dim,
                &format!("{} to {} ({} weeks)", first.week, last.week, recent.len())
            )
        );
        let lines: [(&str, Vec<Option<f64>>); 3] = [
            ("load", recent.iter().map(|w| Some(w.load_kg)).collect()),
            ("ACWR", recent.iter().map(|w| w.acwr_ewma_mean).collect()),
            (
                "peak pain",
                recent
                    .iter()
                    .map(|w| Some(f64::from(w.peak_pain.unwrap_or(0))))
                    .collect(),
            ),
        ];
        for (name, values) in lines {
            let _ = writeln!(s, "{name:>10}  {}", sparkline(&values));
        }
        s.push('\n');
    }
    let (load, shares) = document::weekly_load(a);
    // The terminal's column widths, in the document's column order.
    const WIDTHS: [usize; 9] = [9, 9, 7, 6, 8, 5, 6, 5, 5];
    let line = |cells: &[&str]| -> String {
        let mut out = String::new();
        for (i, (cell, width)) in cells.iter().zip(WIDTHS).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let _ = match load.columns[i].1 {
                Align::Left => write!(out, "{cell:<width$}"),
                Align::Right => write!(out, "{cell:>width$}"),
            };
        }
        out
    };
    let names: Vec<&str> = load.columns.iter().map(|c| c.0).collect();
    let _ = writeln!(s, "{}  load", line(&names));
    for (cells, share) in load.rows.iter().zip(&shares) {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        let _ = writeln!(s, "{}  {}", line(&cells), bar(*share, 1.0, 24));
    }
}

fn habits(s: &mut String, p: &Palette, a: &Analysis) {
    heading(s, p, words::HABITS_TITLE);
    let Some(h) = &a.habits else {
        let _ = writeln!(s, "No training in this period.");
        return;
    };
    for (name, recent, whole) in words::habit_rows(&h.last_4_weeks, &h.whole_period) {
        let _ = writeln!(s, "{name:<28} {recent:>26} | {whole}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_to_the_largest_value_and_leaves_gaps() {
        assert_eq!(
            sparkline(&[Some(0.0), Some(50.0), None, Some(100.0)]),
            "▁▅ █"
        );
        assert_eq!(sparkline(&[Some(0.0), Some(0.0)]), "▁▁");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn paint_is_plain_without_colour() {
        let p = Palette::new(false);
        assert_eq!(paint(p.urgent, "URGENT"), "URGENT");
        let p = Palette::new(true);
        assert_eq!(
            paint(p.urgent, "URGENT"),
            "\u{1b}[1m\u{1b}[31mURGENT\u{1b}[0m"
        );
    }
}
