//! Findings from the associations: exercises and risk tags that come before pain (and thigh
//! soreness after leg day, said as what it most likely is).

use super::pain::capitalise;
use super::*;

pub(super) fn association_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let mut soreness: BTreeMap<Region, Vec<&Association>> = BTreeMap::new();
    for a in x
        .associations
        .iter()
        .filter(|a| a.window_h == t.window_h && a.enough_data)
    {
        let (Some(q), Some(rr)) = (a.q, a.rr) else {
            continue;
        };
        if rr <= 1.0 || q >= t.q_caution {
            continue;
        }
        let soreness_only = x
            .episodes
            .iter()
            .filter(|e| e.region == a.region)
            .all(|e| e.has(EpisodeClass::SorenessLike));
        if soreness_only {
            // Soreness after the work that loads an area is expected: one note per region.
            soreness.entry(a.region).or_default().push(a);
            continue;
        }
        let severity = if q < t.q_warning {
            Severity::Warning
        } else {
            Severity::Caution
        };
        let (what, implicated) = match a.exposure_kind {
            ExposureKind::Exercise => (format!("{} sessions", a.label), vec![a.exposure.clone()]),
            ExposureKind::Tag => (
                format!("sessions with {}", a.label),
                exercises_with_tag(x, &a.exposure),
            ),
            _ => (format!("sessions after {}", a.label), Vec::new()),
        };
        let mut advice = alternatives_advice(&implicated, x.catalog);
        advice.push(format!(
            "Progress load in small steps (about {:.0} % a week at most) and keep rest days.",
            x.t.change_info_pct
        ));
        advice.push(
            "If the pain keeps coming back, see a physiotherapist about technique and load.".into(),
        );
        out.push(Finding {
            severity,
            kind: FindingKind::Association,
            message: format!(
                "{} were followed by {} pain more often than other sessions",
                capitalise(&what),
                region_words(a.region)
            ),
            evidence: format!(
                "{} of {} {} were followed by {} pain within {} h, vs {} of {} other sessions (relative risk {:.1}, 95 % CI {:.1}–{:.1}{}; {}, {}). Onsets after these sessions: {}.",
                a.a,
                a.a + a.b,
                what,
                region_words(a.region),
                a.window_h,
                a.c,
                a.c + a.d,
                rr,
                a.rr_low.unwrap_or(f64::NAN),
                a.rr_high.unwrap_or(f64::NAN),
                if a.haldane { ", 0.5 added to every cell because one count is 0" } else { "" },
                fmt_stat("p", a.p.unwrap_or(1.0)),
                fmt_stat("q", q),
                dates_text(&a.onset_dates)
            ),
            explanation: "This is an association, not proof of cause: these sessions were followed by pain more often than the others. The q-value accounts for the many exposures tested.".into(),
            advice,
            region: Some(a.region),
            exercises: implicated,
            dates: a.onset_dates.clone(),
        });
    }
    for (region, rows) in soreness {
        out.push(soreness_association(region, &rows, x.t));
    }
}

pub(super) fn soreness_association(
    region: Region,
    rows: &[&Association],
    t: &Thresholds,
) -> Finding {
    let names: Vec<String> = rows.iter().map(|a| a.label.clone()).collect();
    let dates: BTreeSet<NaiveDate> = rows
        .iter()
        .flat_map(|a| a.onset_dates.iter().copied())
        .collect();
    let best = rows[0];
    Finding {
        severity: Severity::Info,
        kind: FindingKind::SorenessAssociation,
        message: format!(
            "Mild {} soreness followed the sessions that load it ({})",
            region_words(region),
            names.join(", ")
        ),
        evidence: format!(
            "Strongest: {} of {} sessions with {} were followed by {} soreness within {} h, vs {} of {} others ({}).",
            best.a,
            best.a + best.b,
            best.label,
            region_words(region),
            best.window_h,
            best.c,
            best.c + best.d,
            fmt_stat("q", best.q.unwrap_or(1.0))
        ),
        explanation: format!(
            "Every episode in this area was soreness-like: mild, {:.0}–{:.0} h after training, gone within days. That is the expected response to training, not a warning.",
            t.soreness_min_h, t.soreness_max_h
        ),
        advice: Vec::new(),
        region: Some(region),
        exercises: rows
            .iter()
            .filter(|a| a.exposure_kind == ExposureKind::Exercise)
            .map(|a| a.exposure.clone())
            .collect(),
        dates: dates.into_iter().collect(),
    }
}

pub(super) fn exercises_with_tag(x: &Inputs, tag: &str) -> Vec<String> {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for s in x.sessions {
        for id in &s.exercises {
            if x.catalog
                .get(id)
                .is_some_and(|e| e.risks.iter().any(|r| r.as_str() == tag))
            {
                ids.insert(id.clone());
            }
        }
    }
    ids.into_iter().collect()
}
