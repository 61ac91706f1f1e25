//! The Markdown report (GitHub-flavoured): the terminal report's sections in the same order,
//! with tables for episodes, load by week and habits. Every string from the analysis goes
//! through [`escape`], so a note cannot add markup, links or raw HTML.

use std::fmt::Write as _;

use crate::analysis::findings::Severity;
use crate::report::document::{
    BottomLine, Change, Document, Layout, Load, RegionAssociations, Table, Warning, align_codes,
};

/// Escapes text for Markdown where it starts a line or list item: [`escape_inline`], plus a
/// leading list marker (`- `, `+ `, `1. `) or thematic break (`---`) is neutralised.
pub fn escape(text: &str) -> String {
    let mut out = escape_inline(text);
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let rest = &out[digits..];
    let ordered = (1..=9).contains(&digits)
        && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")");
    if ordered {
        out.insert(digits, '\\');
    } else if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    out
}

/// Escapes text for Markdown inside a line or a table cell: `<`, `>` and `&` become entities
/// (raw HTML cannot form), the characters that start emphasis, code, links, headings,
/// strike-through and table cells are backslash-escaped, and line breaks become spaces.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn heading(s: &mut String, level: usize, title: &str) {
    let _ = writeln!(s, "\n{} {}\n", "#".repeat(level), escape(title));
}

/// A table row; the cells are escaped here.
fn row<S: AsRef<str>>(s: &mut String, cells: &[S]) {
    s.push('|');
    for c in cells {
        let _ = write!(s, " {} |", escape_inline(c.as_ref()));
    }
    s.push('\n');
}

/// The header row and its alignment line (`r` = right-aligned column).
fn table_head(s: &mut String, columns: &[(&str, char)]) {
    let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
    row(s, &names);
    s.push('|');
    for (_, align) in columns {
        s.push_str(if *align == 'r' { " --: |" } else { " --- |" });
    }
    s.push('\n');
}

/// A marker a reader sees without colour: a coloured symbol and the severity in capitals.
fn marker(severity: Severity) -> &'static str {
    match severity {
        Severity::Urgent => "🔴 URGENT",
        Severity::Warning => "🟠 WARNING",
        Severity::Caution => "🟡 CAUTION",
        Severity::Info => "🔵 INFO",
    }
}

fn table(s: &mut String, t: &Table) {
    table_head(s, &align_codes(t));
    for cells in &t.rows {
        row(s, cells);
    }
}

pub fn render(doc: &Document<'_>) -> String {
    let mut md = Markdown(String::new());
    doc.lay_out(&mut md);
    md.0
}

/// The Markdown report being written.
struct Markdown(String);

impl Layout for Markdown {
    fn title(&mut self, doc: &Document<'_>) {
        let _ = writeln!(self.0, "# {}\n", doc.title);
    }

    fn bottom_line(&mut self, b: &BottomLine) {
        let s = &mut self.0;
        let _ = writeln!(s, "**{}**\n", escape(&b.status));
        for (i, action) in b.actions.iter().enumerate() {
            let _ = writeln!(s, "{}. {}", i + 1, escape(action));
        }
        if !b.actions.is_empty() {
            s.push('\n');
        }
        for line in b.more.iter().chain(&b.checked) {
            let _ = writeln!(s, "{}\n", escape(line));
        }
    }

    fn header(&mut self, doc: &Document<'_>) {
        let (s, h) = (&mut self.0, &doc.header);
        for (name, value) in &h.facts {
            let _ = writeln!(s, "- **{name}:** {}", escape(value));
        }
        if let Some(r) = &h.rejected {
            let _ = writeln!(s, "- {}", escape(r));
        }
        for n in &h.notices {
            let _ = writeln!(s, "\n> **Note:** {}", escape(n));
        }
    }

    fn open(&mut self, _: &'static str, title: &str) {
        heading(&mut self.0, 2, title);
    }

    fn empty(&mut self, why: &str) {
        let _ = writeln!(self.0, "{why}");
    }

    fn warnings(&mut self, warnings: &[Warning]) {
        let s = &mut self.0;
        for f in warnings {
            let _ = writeln!(s, "### {}: {}\n", marker(f.severity), escape(&f.message));
            let _ = writeln!(s, "{}\n", escape(&f.evidence));
            let _ = writeln!(s, "{}\n", escape(&f.explanation));
            for advice in &f.advice {
                let _ = writeln!(s, "- {}", escape(advice));
            }
            s.push('\n');
        }
    }

    fn episodes(&mut self, t: &Table) {
        table(&mut self.0, t);
    }

    fn habits(&mut self, t: &Table) {
        table(&mut self.0, t);
    }

    fn associations(&mut self, groups: &[RegionAssociations]) {
        let s = &mut self.0;
        for g in groups {
            heading(s, 3, &g.heading);
            for line in g.sentences.iter().chain(&g.notes) {
                let _ = writeln!(s, "- {}", escape(line));
            }
        }
    }

    fn changes(&mut self, changes: &[Change]) {
        let s = &mut self.0;
        for c in changes {
            let _ = writeln!(s, "- **{}**", escape(&c.name));
            let _ = writeln!(s, "  - {}", escape(&c.because));
            if let Some(note) = &c.risk_note {
                let _ = writeln!(s, "  - {}", escape(note));
            }
            let _ = writeln!(s, "  - {}", escape(&c.alternatives));
        }
    }

    fn load(&mut self, l: &Load) {
        table(&mut self.0, &l.table);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::words::fixture;

    #[test]
    fn sections_match_the_terminal_report_in_order() {
        let a = fixture::analysis();
        let md = render(&Document::build(&a, &fixture::sources()));
        let titles: Vec<String> = md
            .lines()
            .filter_map(|l| l.strip_prefix("## "))
            .map(|t| t.replace('\\', ""))
            .collect();
        assert_eq!(titles, fixture::text_titles(&a));
        assert_eq!(
            titles,
            [
                "Warnings (4)",
                "Pain episodes (most recent first)",
                "What came before pain (onset within 48 h of a session; association, not proof)",
                // No region of the fixture had only soreness: no soreness section.
                "What to change",
                "Load by ISO week (working-set tonnage; ACWR = the week's mean daily EWMA ratio, a heuristic)",
                "Habits (last 4 weeks | whole period)",
            ]
        );
    }

    #[test]
    fn association_sentences_carry_the_counts() {
        let md = render(&Document::build(&fixture::analysis(), &fixture::sources()));
        assert!(
            md.contains(
                "- In 3 of your 7 sessions with Deadlift \\| heavy, lower back pain started \
                 within 48 hours; after other sessions, 1 of 40. RR 8.6 (1.2–61.5), p 0.012, \
                 q 0.046\n"
            ),
            "{md}"
        );
        assert!(md.contains(
            "- In 2 of your 12 sessions with Plank, lower back pain started within 48 hours; \
             after other sessions, 2 of 32."
        ));
    }

    #[test]
    fn user_text_cannot_break_tables_or_inject_html() {
        let md = render(&Document::build(&fixture::analysis(), &fixture::sources()));
        assert!(
            md.contains("numb &lt;script&gt;alert(1)&lt;/script&gt;"),
            "{md}"
        );
        assert!(!md.contains("<script>"));
        assert!(md.contains("- **Deadlift &lt;b&gt;\\|&lt;/b&gt; (lower back)**"));
        assert!(md.contains("### 🔴 URGENT: Numbness with lower back pain on 2026-03-20\n"));
        assert!(md.contains("### 🟠 WARNING: Deadlift \\| heavy sessions"));
        // Every table row keeps its column count: no cell adds a `|` of its own.
        let week = md.lines().find(|l| l.starts_with("| 2026-W12")).unwrap();
        assert_eq!(
            week,
            "| 2026-W12 | 12345 | +42% | 1.25 | 15431 | 4 | 2 | 7 | 1.31 |"
        );
    }

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("<i>x</i> & y"), "&lt;i&gt;x&lt;/i&gt; &amp; y");
        assert_eq!(
            escape("*bold* _it_ `code` [link](x)"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)"
        );
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("12. not a list"), "12\\. not a list");
        assert_eq!(escape("---"), "\\---");
        assert_eq!(escape("1.25 kg"), "1.25 kg");
        assert_eq!(escape_inline("+42%"), "+42%");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("2026-W12 12.5 kg"), "2026-W12 12.5 kg");
    }
}
