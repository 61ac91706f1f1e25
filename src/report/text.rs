//! The plain terminal report: warnings first, then pain episodes, what came before pain, what
//! to change, load by week, and habits. Fits 100 columns.

use std::fmt::Write as _;

use crate::analysis::Analysis;
use crate::analysis::associations::Association;
use crate::analysis::findings::{Finding, fmt_p};
use crate::commands::report::Sources;
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

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}\n{}", "─".repeat(title.chars().count()));
}

pub fn render(a: &Analysis, sources: &Sources, color: bool) -> String {
    let _ = color;
    let mut s = String::new();
    let period = match (a.period.from, a.period.to) {
        (Some(f), Some(t)) => format!(
            "{f} to {t} ({} days, {} ISO weeks)",
            a.period.days, a.period.weeks
        ),
        _ => "no data".into(),
    };
    let _ = writeln!(s, "strainscope report · {period}");
    wrap(
        &mut s,
        "Workouts: ",
        "          ",
        &sources.workout_files.join(", "),
    );
    let pain_source = match (&sources.diary, sources.inferred_from_notes) {
        (Some(d), true) => format!("{d}, plus pain mentioned in workout notes (inferred)"),
        (Some(d), false) => d.clone(),
        (None, _) => "no diary given: pain mentioned in workout notes only (inferred)".into(),
    };
    wrap(&mut s, "Pain:     ", "          ", &pain_source);
    let c = &a.counts;
    let _ = writeln!(
        s,
        "{} sessions · {} sets ({} working) · {} pain entries{} · {} episodes",
        c.sessions,
        c.sets,
        c.working_sets,
        c.pain_entries,
        if c.inferred_pain_entries > 0 {
            format!(" ({} inferred)", c.inferred_pain_entries)
        } else {
            String::new()
        },
        c.episodes
    );
    if sources.rejected_rows > 0 {
        let _ = writeln!(
            s,
            "{} bad input rows were skipped (listed on stderr).",
            sources.rejected_rows
        );
    }
    s.push('\n');
    for n in &a.notices {
        wrap(&mut s, "! ", "  ", n);
    }

    warnings(&mut s, &a.warnings);
    episodes(&mut s, a);
    associations(&mut s, a);
    what_to_change(&mut s, a);
    load(&mut s, a);
    habits(&mut s, a);
    s
}

fn warnings(s: &mut String, findings: &[Finding]) {
    heading(s, &format!("Warnings ({})", findings.len()));
    if findings.is_empty() {
        let _ = writeln!(s, "Nothing to flag.");
    }
    for f in findings {
        let tag = format!("{:<8} ", f.severity.as_str().to_uppercase());
        wrap(s, &tag, "         ", &f.message);
        wrap(s, "         ", "         ", &f.evidence);
        wrap(s, "         ", "         ", &f.explanation);
        for advice in &f.advice {
            wrap(s, "         → ", "           ", advice);
        }
        s.push('\n');
    }
}

fn episodes(s: &mut String, a: &Analysis) {
    heading(s, "Pain episodes (most recent first)");
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

fn associations(s: &mut String, a: &Analysis) {
    let w = a.thresholds.window_h;
    heading(
        s,
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
            let line = format!(
                "{} of {} sessions with {} were followed by pain, vs {} of {} others: RR {:.1} ({:.1}–{:.1}), p {}, q {}",
                r.a,
                r.a + r.b,
                r.label,
                r.c,
                r.c + r.d,
                r.rr.unwrap_or(f64::NAN),
                r.rr_low.unwrap_or(f64::NAN),
                r.rr_high.unwrap_or(f64::NAN),
                fmt_p(r.p.unwrap_or(1.0)),
                fmt_p(r.q.unwrap_or(1.0)),
            );
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

fn what_to_change(s: &mut String, a: &Analysis) {
    heading(s, words::CHANGE_TITLE);
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

fn load(s: &mut String, a: &Analysis) {
    heading(
        s,
        "Load by ISO week (working-set tonnage; ACWR = the week's mean daily EWMA ratio, a heuristic)",
    );
    let _ = writeln!(
        s,
        "{:<9} {:>9} {:>7} {:>6} {:>8} {:>5} {:>6} {:>5} {:>5}  load",
        "week", "load kg", "change", "monot.", "strain", "rest", "streak", "pain", "ACWR",
    );
    let max = a.weekly.iter().map(|w| w.load_kg).fold(0.0, f64::max);
    for w in &a.weekly {
        let acwr = w.acwr_ewma_mean;
        let _ = writeln!(
            s,
            "{:<9} {:>9.0} {:>7} {:>6} {:>8} {:>5} {:>6} {:>5} {:>5}  {}",
            w.week,
            w.load_kg,
            w.change_pct.map_or("–".into(), |c| format!("{c:+.0}%")),
            w.monotony.map_or("–".into(), |m| format!("{m:.2}")),
            w.strain.map_or("–".into(), |m| format!("{m:.0}")),
            w.rest_days,
            w.longest_streak,
            w.peak_pain.map_or("–".into(), |p| p.to_string()),
            acwr.map_or("–".into(), |r| format!("{r:.2}")),
            bar(w.load_kg, max, 24)
        );
    }
}

fn habits(s: &mut String, a: &Analysis) {
    heading(s, "Habits (last 4 weeks | whole period)");
    let Some(h) = &a.habits else {
        let _ = writeln!(s, "No training in this period.");
        return;
    };
    let (r, w) = (&h.last_4_weeks, &h.whole_period);
    let ratio = |x: Option<f64>| x.map_or("–".into(), |v| format!("{v:.2}"));
    let share = |x: Option<f64>| {
        x.map_or("not marked in this export".into(), |v| {
            format!("{:.0} %", v * 100.0)
        })
    };
    let rows = [
        (
            "core days per week",
            format!("{:.1}", r.core_days_per_week),
            format!("{:.1}", w.core_days_per_week),
        ),
        (
            "push : pull sets",
            ratio(r.push_pull_ratio),
            ratio(w.push_pull_ratio),
        ),
        (
            "knee : hip sets",
            ratio(r.knee_hip_ratio),
            ratio(w.knee_hip_ratio),
        ),
        (
            "heavy sessions warmed up",
            share(r.warmup_share),
            share(w.warmup_share),
        ),
        (
            "grinding sets (RPE ≥ 9.5)",
            r.grinding_sets.to_string(),
            w.grinding_sets.to_string(),
        ),
        (
            "repetitive-strain weeks",
            r.repetitive.len().to_string(),
            w.repetitive.len().to_string(),
        ),
    ];
    for (name, recent, whole) in rows {
        let _ = writeln!(s, "{name:<28} {recent:>26} | {whole}");
    }
}
