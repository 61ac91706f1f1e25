//! Findings from the associations: exercises and risk tags that come before pain (and thigh
//! soreness after leg day, said as what it most likely is).

use super::facts::{PainAfterExposure, SorenessAfterLoad};
use super::*;
use crate::analysis::associations::inseparable_groups;
use crate::analysis::episodes::soreness_only;

/// An exposure whose adjusted estimate says it came before pain: adjusted RR above 1 and
/// adjusted q below the caution threshold. Crude significance alone names nothing: an
/// exercise done in the same sessions as the real cause is "explained by" it instead.
fn flagged(a: &Association, t: &Thresholds) -> bool {
    a.adjusted.flags(t.q_caution)
}

pub(super) fn association_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let primary: Vec<&Association> = x
        .associations
        .iter()
        .filter(|a| a.window_h == t.window_h && a.enough_data)
        .collect();
    let label_of = |region: Region, id: &str| {
        primary
            .iter()
            .find(|r| r.region == region && r.exposure == id)
            .map_or_else(|| id.replace('-', " "), |r| r.label.clone())
    };
    let mut soreness: BTreeMap<Region, Vec<&Association>> = BTreeMap::new();
    for group in inseparable_groups(&primary) {
        let best = group[0];
        if !flagged(best, t) {
            continue;
        }
        if soreness_only(x.episodes, best.region) {
            // Soreness after the work that loads an area is expected: one note per region.
            soreness.entry(best.region).or_default().extend(group);
            continue;
        }
        let q = best.adjusted.q.unwrap_or(1.0);
        let severity = if q < t.q_warning {
            Severity::Warning
        } else {
            Severity::Caution
        };
        let members: Vec<&str> = group.iter().map(|r| r.exposure.as_str()).collect();
        let explains: Vec<String> = primary
            .iter()
            .filter(|r| r.region == best.region)
            .filter(|r| {
                r.explained_by
                    .as_deref()
                    .is_some_and(|e| members.contains(&e))
            })
            .map(|r| r.label.clone())
            .collect();
        let (implicated, tag_members) = match best.exposure_kind {
            ExposureKind::Exercise => (
                group
                    .iter()
                    .filter(|r| r.exposure_kind == ExposureKind::Exercise)
                    .map(|r| r.exposure.clone())
                    .collect(),
                Vec::new(),
            ),
            ExposureKind::Tag => (Vec::new(), exercises_with_tag(x, &best.exposure)),
            _ => (Vec::new(), Vec::new()),
        };
        let facts = PainAfterExposure {
            rows: group.iter().map(|r| (*r).clone()).collect(),
            adjusted_for: best
                .adjusted_for
                .iter()
                .map(|id| label_of(best.region, id))
                .collect(),
            explains,
            tag_members: tag_members
                .iter()
                .map(|id| {
                    x.catalog
                        .get(id)
                        .map_or_else(|| id.clone(), |e| e.name.clone())
                })
                .collect(),
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
            exposures: rows.into_iter().cloned().collect(),
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
