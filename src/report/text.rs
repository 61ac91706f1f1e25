//! The terminal report: warnings first, then pain episodes, what came before pain, what to
//! change, load by week, and habits. Fits 100 columns. Colour (severity, headings) only when the
//! caller says so; the text is the same either way, so a piped report loses nothing.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::analysis::findings::Severity;
use crate::report::document::{
    Align, BottomLine, Change, Document, Layout, Load, RegionAssociations, Table, Warning,
};
use crate::report::words;
use crate::text::{NBSP, glued};

pub const WIDTH: usize = 100;

/// The terminal report lists at most this many findings; the other formats list them all.
pub const TERMINAL_FINDINGS: usize = 10;

/// The terminal's load table lists at most this many weeks, the most recent: a 15-year log
/// would otherwise print 800 rows. The other formats list every week.
pub const TERMINAL_WEEKS: usize = 26;

/// Wraps at spaces only: a hyphen is no break, so a date ("2026-09-03"), a week ("2026-W35")
/// or a hyphenated word stays whole on one line. A number and what it is read with stay together
/// too ("q < 0.001", "48 h", "30 %"): see [`glued`]; the glue is turned back into a space.
fn wrap(out: &mut String, first: &str, rest: &str, text: &str) {
    let opts = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(&glued(text), opts) {
        let _ = writeln!(out, "{}", line.replace(NBSP, " "));
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

/// Column widths of the episodes table, in the document's column order; the last column
/// (the classes) wraps.
const EPISODE_WIDTHS: [usize; 6] = [12, 10, 10, 4, 4, 10];

fn bar(share: f64, width: usize) -> String {
    let n = (share * width as f64).round() as usize;
    "█".repeat(n.min(width))
}

/// The terminal's column widths of the load table, in the document's column order.
const LOAD_WIDTHS: [usize; 9] = [9, 9, 7, 6, 8, 5, 6, 5, 5];

pub fn render(doc: &Document<'_>, color: bool) -> String {
    let mut text = Text {
        out: String::new(),
        palette: Palette::new(color),
    };
    doc.lay_out(&mut text);
    text.out
}

/// The terminal report being written.
struct Text {
    out: String,
    palette: Palette,
}

impl Layout for Text {
    fn title(&mut self, doc: &Document<'_>) {
        let _ = writeln!(self.out, "{} · {}", doc.title, doc.header.period());
    }

    fn bottom_line(&mut self, b: &BottomLine) {
        let (s, p) = (&mut self.out, &self.palette);
        s.push('\n');
        let mut status = String::new();
        wrap(&mut status, "", "", &b.status);
        s.push_str(&paint(p.heading, status.trim_end()));
        s.push('\n');
        for (i, action) in b.actions.iter().enumerate() {
            wrap(s, &format!("{}. ", i + 1), "   ", action);
        }
        for line in b.more.iter().chain(&b.checked) {
            wrap(s, "", "", line);
        }
        s.push('\n');
    }

    fn header(&mut self, doc: &Document<'_>) {
        let (s, h) = (&mut self.out, &doc.header);
        let [_, (_, workouts), (_, pain), (_, counts)] = &h.facts;
        wrap(s, "Workouts: ", "          ", workouts);
        wrap(s, "Pain:     ", "          ", pain);
        let _ = writeln!(s, "{counts}");
        if let Some(rejected) = &h.rejected {
            let _ = writeln!(s, "{rejected}");
        }
        s.push('\n');
        for n in &h.notices {
            wrap(s, "! ", "  ", n);
        }
    }

    fn open(&mut self, _: &'static str, title: &str) {
        heading(&mut self.out, &self.palette, title);
    }

    fn empty(&mut self, why: &str) {
        let _ = writeln!(self.out, "{why}");
    }

    fn warnings(&mut self, warnings: &[Warning]) {
        let (s, p) = (&mut self.out, &self.palette);
        // The terminal shows the first few; the other formats hold every finding.
        for f in warnings.iter().take(TERMINAL_FINDINGS) {
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
        if warnings.len() > TERMINAL_FINDINGS {
            wrap(
                s,
                "",
                "",
                &words::more_findings(warnings.len() - TERMINAL_FINDINGS),
            );
        }
    }

    fn episodes(&mut self, t: &Table) {
        let s = &mut self.out;
        let line = |cells: &[&str]| -> String {
            let mut out = String::new();
            for (i, (cell, width)) in cells.iter().zip(EPISODE_WIDTHS).enumerate() {
                // Two spaces set the resolved day and the classes apart.
                let gap = if i == 0 {
                    ""
                } else if i >= 5 {
                    "  "
                } else {
                    " "
                };
                let _ = match t.columns[i].1 {
                    Align::Right => write!(out, "{gap}{cell:>width$}"),
                    _ => write!(out, "{gap}{cell:<width$}"),
                };
            }
            out.push_str("  ");
            out
        };
        let names: Vec<&str> = t.columns.iter().map(|c| c.0).collect();
        let _ = writeln!(s, "{}{}", line(&names[..6]), names[6]);
        for row in &t.rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            let columns = line(&cells[..6]);
            if cells[6].is_empty() {
                let _ = writeln!(s, "{}", columns.trim_end());
            } else {
                wrap(s, &columns, &" ".repeat(columns.chars().count()), cells[6]);
            }
        }
    }

    fn associations(&mut self, groups: &[RegionAssociations]) {
        let s = &mut self.out;
        for g in groups {
            let _ = writeln!(s, "\n{}", g.heading);
            for sentence in &g.sentences {
                wrap(s, "  ", "    ", sentence);
            }
            for note in &g.notes {
                wrap(s, "  ", "    ", note);
            }
        }
    }

    fn changes(&mut self, changes: &[Change]) {
        let s = &mut self.out;
        for c in changes {
            wrap(s, "", "  ", &c.name);
            wrap(s, "  ", "  ", &c.because);
            if let Some(note) = &c.risk_note {
                wrap(s, "  ", "  ", note);
            }
            wrap(s, "  → ", "    ", &c.alternatives);
            s.push('\n');
        }
    }

    fn load(&mut self, l: &Load) {
        let (s, p) = (&mut self.out, &self.palette);
        // Sparklines of the most recent weeks first: the trend at a glance, then the table.
        let _ = writeln!(s, "{}", paint(p.dim, &l.recent));
        for (name, values) in &l.series {
            let _ = writeln!(s, "{name:>10}  {}", sparkline(values));
        }
        s.push('\n');
        let line = |cells: &[&str]| -> String {
            let mut out = String::new();
            for (i, (cell, width)) in cells.iter().zip(LOAD_WIDTHS).enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = match l.table.columns[i].1 {
                    Align::Right => write!(out, "{cell:>width$}"),
                    _ => write!(out, "{cell:<width$}"),
                };
            }
            out
        };
        let names: Vec<&str> = l.table.columns.iter().map(|c| c.0).collect();
        let earlier = l.table.rows.len().saturating_sub(TERMINAL_WEEKS);
        if earlier > 0 {
            wrap(s, "", "", &words::earlier_weeks(TERMINAL_WEEKS, earlier));
        }
        let _ = writeln!(s, "{}  load", line(&names));
        for (cells, share) in l.table.rows.iter().zip(&l.shares).skip(earlier) {
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            let _ = writeln!(s, "{}  {}", line(&cells), bar(*share, 24));
        }
    }

    fn habits(&mut self, t: &Table) {
        let s = &mut self.out;
        for row in &t.rows {
            let _ = writeln!(s, "{:<28} {:>26} | {}", row[0], row[1], row[2]);
        }
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

    #[test]
    fn a_number_and_its_unit_or_comparison_never_break_across_lines() {
        // "q <" would end the first line at width 100 without the glue.
        let text = format!(
            "{} (p < 0.001, q < 0.001) within 48 h, up 30 %, 2100 kg.",
            "x".repeat(88)
        );
        let mut out = String::new();
        wrap(&mut out, "", "", &text);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "x".repeat(88) + " (p < 0.001,");
        assert_eq!(lines[1], "q < 0.001) within 48 h, up 30 %, 2100 kg.");
        assert!(!out.contains(NBSP));
        assert_eq!(glued("7 of 25 sessions"), "7 of 25 sessions");
        assert_eq!(glued("in 3 h; a 5 kg"), "in 3\u{a0}h; a 5\u{a0}kg");
        assert_eq!(
            glued("RR 0.8, p 1.000, q x"),
            "RR\u{a0}0.8, p\u{a0}1.000, q x"
        );
    }
}
