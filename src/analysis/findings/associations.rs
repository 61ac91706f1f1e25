//! Findings from the associations: exercises and risk tags that come before pain (and thigh
//! soreness after leg day, said as what it most likely is).

use super::facts::{PainAfterExposure, SorenessAfterLoad, SorenessExposure};
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
        let implicated = match a.exposure_kind {
            ExposureKind::Exercise => vec![a.exposure.clone()],
            ExposureKind::Tag => exercises_with_tag(x, &a.exposure),
            _ => Vec::new(),
        };
        let facts = PainAfterExposure {
            region: a.region,
            exposure: a.exposure.clone(),
            exposure_kind: a.exposure_kind,
            label: a.label.clone(),
            a: a.a,
            b: a.b,
            c: a.c,
            d: a.d,
            rr,
            rr_low: a.rr_low,
            rr_high: a.rr_high,
            haldane: a.haldane,
            p: a.p,
            q,
            onset_dates: a.onset_dates.clone(),
            implicated,
        };
        out.push(x.finding(severity, Facts::Association(facts)));
    }
    for (region, rows) in soreness {
        let onset_dates: BTreeSet<NaiveDate> = rows
            .iter()
            .flat_map(|a| a.onset_dates.iter().copied())
            .collect();
        let facts = SorenessAfterLoad {
            region,
            exposures: rows
                .iter()
                .map(|a| SorenessExposure {
                    exposure: a.exposure.clone(),
                    exposure_kind: a.exposure_kind,
                    label: a.label.clone(),
                    a: a.a,
                    b: a.b,
                    c: a.c,
                    d: a.d,
                    q: a.q,
                })
                .collect(),
            onset_dates: onset_dates.into_iter().collect(),
        };
        out.push(x.finding(Severity::Info, Facts::SorenessAssociation(facts)));
    }
}

/// The logged exercises that carry the risk tag `tag`, sorted.
fn exercises_with_tag(x: &Inputs, tag: &str) -> Vec<String> {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for s in x.sessions {
        for id in &s.trained.exercises {
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
