//! The words of the association findings: an exposure followed by pain more often than other
//! sessions, and the soreness that follows the work that loads an area.

use super::*;
use crate::analysis::associations::{ExposureKind, group_label};
use crate::analysis::findings::facts::{PainAfterExposure, SorenessAfterLoad};

pub(super) fn pain_after(f: &PainAfterExposure, t: &Thresholds, catalog: &Catalog) -> Words {
    let a = f.best();
    let label = group_label(&f.rows.iter().collect::<Vec<_>>());
    let (one, what) = match a.exposure_kind {
        ExposureKind::Exercise => (format!("{label} session"), format!("{label} sessions")),
        ExposureKind::Tag => (
            format!("session with {label}"),
            format!("sessions with {label}"),
        ),
        _ => (
            format!("session after {label}"),
            format!("sessions after {label}"),
        ),
    };
    let region = region_words(a.region);
    let (rr, low, high) = a.crude.interval();
    // The counts in plain words first; the statistics follow for those who read them.
    let mut evidence = format!(
        "In {} of your {}, {} pain started within {} hours; after other sessions, {} of {}. Relative risk {:.1} (95 % CI {:.1}–{:.1}{}; {}, {}).",
        a.table.a,
        plural((a.table.a + a.table.b) as usize, &one, &what),
        region,
        t.window_h,
        a.table.c,
        a.table.c + a.table.d,
        rr,
        low,
        high,
        if a.crude.rr.is_some_and(|r| r.haldane) {
            ", 0.5 added to every cell because one count is 0"
        } else {
            ""
        },
        fmt_stat("p", a.crude.p.unwrap_or(1.0)),
        fmt_stat("q", a.crude.q.unwrap_or(1.0)),
    );
    if !f.adjusted_for.is_empty() {
        let (rr, low, high) = a.adjusted.interval();
        evidence.push_str(&format!(
            " Compared within sessions with and without {}: relative risk {:.1}, 95 % CI {:.1}–{:.1} ({}, {}).",
            f.adjusted_for.join(" or "),
            rr,
            low,
            high,
            fmt_stat("p", a.adjusted.p.unwrap_or(1.0)),
            fmt_stat("q", a.adjusted.q.unwrap_or(1.0)),
        ));
    }
    evidence.push_str(&format!(
        " Onsets after these sessions: {}.",
        dates_text(&a.onset_dates)
    ));
    if !f.explains.is_empty() {
        evidence.push_str(&format!(
            " It also accounts for {}: done in the same sessions, they were followed by pain only as often as sessions with {} were.",
            f.explains.join(", "),
            a.label
        ));
    }
    if !f.tag_members.is_empty() {
        evidence.push_str(&format!(
            " The tag covers the logged exercises {}.",
            f.tag_members.join(", ")
        ));
    }
    let mut advice = alternatives_advice(&f.implicated, catalog, &[a.region]);
    if f.rows.len() > 1 {
        advice.insert(
            0,
            format!(
                "The log cannot tell {label} apart: they were done in the same sessions almost every time. To find out which one comes before the pain, train them on different days for a few weeks."
            ),
        );
    }
    advice.push(format!(
        "Progress load in small steps (about {:.0} % a week at most) and keep rest days.",
        t.change_info_pct
    ));
    advice.push(
        "If the pain keeps coming back, see a physiotherapist about technique and load.".into(),
    );
    words(
        format!(
            "{} were followed by {} pain more often than other sessions",
            capitalised(&what),
            region
        ),
        evidence,
        "This is an association, not proof of cause: these sessions were followed by pain more often than the others. The q-value accounts for the many exposures tested.",
        advice,
    )
}

pub(super) fn soreness_after(s: &SorenessAfterLoad, t: &Thresholds) -> Words {
    let names: Vec<&str> = s.exposures.iter().map(|e| e.label.as_str()).collect();
    let (message, evidence) = match s.exposures.first() {
        Some(best) => (
            format!(
                "Mild {} soreness followed the sessions that load it ({})",
                region_words(s.region),
                names.join(", ")
            ),
            format!(
                "Strongest: in {} of your {} with {}, {} soreness started within {} hours; after other sessions, {} of {} ({}).",
                best.table.a,
                plural(
                    (best.table.a + best.table.b) as usize,
                    "session",
                    "sessions"
                ),
                best.label,
                region_words(s.region),
                t.window_h,
                best.table.c,
                best.table.c + best.table.d,
                fmt_stat("q", best.adjusted.q.unwrap_or(1.0))
            ),
        ),
        None => (
            format!("Mild {} soreness followed training", region_words(s.region)),
            String::new(),
        ),
    };
    words(
        message,
        evidence,
        &format!(
            "Every episode in this area was soreness-like: mild, {:.0}–{:.0} h after training, gone within days. That is the expected response to training, not a warning.",
            t.soreness_min_h, t.soreness_max_h
        ),
        Vec::new(),
    )
}
