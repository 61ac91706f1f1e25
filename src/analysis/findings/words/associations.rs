//! The words of the association findings: an exposure followed by pain more often than other
//! sessions, and the soreness that follows the work that loads an area.

use super::*;
use crate::analysis::associations::ExposureKind;
use crate::analysis::findings::facts::{PainAfterExposure, SorenessAfterLoad};

pub(super) fn pain_after(a: &PainAfterExposure, t: &Thresholds, catalog: &Catalog) -> Words {
    let what = match a.exposure_kind {
        ExposureKind::Exercise => format!("{} sessions", a.label),
        ExposureKind::Tag => format!("sessions with {}", a.label),
        _ => format!("sessions after {}", a.label),
    };
    let mut advice = alternatives_advice(&a.implicated, catalog);
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
            capitalise(&what),
            region_words(a.region)
        ),
        format!(
            "{} of {} {} were followed by {} pain within {} h, vs {} of {} other sessions (relative risk {:.1}, 95 % CI {:.1}–{:.1}{}; {}, {}). Onsets after these sessions: {}.",
            a.a,
            a.a + a.b,
            what,
            region_words(a.region),
            t.window_h,
            a.c,
            a.c + a.d,
            a.rr,
            a.rr_low.unwrap_or(f64::NAN),
            a.rr_high.unwrap_or(f64::NAN),
            if a.haldane {
                ", 0.5 added to every cell because one count is 0"
            } else {
                ""
            },
            fmt_stat("p", a.p.unwrap_or(1.0)),
            fmt_stat("q", a.q),
            dates_text(&a.onset_dates)
        ),
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
                "Strongest: {} of {} sessions with {} were followed by {} soreness within {} h, vs {} of {} others ({}).",
                best.a,
                best.a + best.b,
                best.label,
                region_words(s.region),
                t.window_h,
                best.c,
                best.c + best.d,
                fmt_stat("q", best.q.unwrap_or(1.0))
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
