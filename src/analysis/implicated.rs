//! The daily pain picture and the exercises the warnings point at: what the charts overlay
//! and what the "what to change" sections list.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalog::{Catalog, Exercise};
use crate::model::{PainEntry, Region};

use super::findings::{Finding, FindingKind, Severity};

/// One region's pain on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PainDay {
    pub date: NaiveDate,
    pub region: Region,
    /// The highest intensity logged that day (0–10).
    pub peak: u8,
    pub entries: u32,
    /// True when every entry was inferred from workout notes.
    pub inferred: bool,
}

/// Per region and day, the highest intensity and how many entries; ordered by date, then
/// region.
pub fn pain_days(pain: &[PainEntry]) -> Vec<PainDay> {
    let mut cells: BTreeMap<(NaiveDate, Region), PainDay> = BTreeMap::new();
    for p in pain {
        let date = p.at.date();
        let cell = cells.entry((date, p.region)).or_insert(PainDay {
            date,
            region: p.region,
            peak: 0,
            entries: 0,
            inferred: true,
        });
        cell.peak = cell.peak.max(p.intensity);
        cell.entries += 1;
        cell.inferred &= p.inferred;
    }
    cells.into_values().collect()
}

/// A catalog exercise named by one or more warnings.
#[derive(Debug, Clone, Serialize)]
pub struct Implicated {
    /// Catalog id.
    pub exercise: String,
    pub name: String,
    /// The kinds of the warnings that name it (e.g. "association", "exercise-jump").
    pub because: Vec<FindingKind>,
    /// Regions of those warnings.
    pub regions: Vec<Region>,
    #[serde(flatten)]
    pub advice: CatalogAdvice,
}

/// What the catalog says about an exercise: why it can hurt, and what to do instead.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogAdvice {
    pub risk_note: Option<String>,
    /// Safer alternatives from the catalog: (id, display name).
    pub alternatives: Vec<Alternative>,
}

impl CatalogAdvice {
    /// The catalog's advice on `ex`; alternatives the catalog does not hold are left out.
    pub fn of(ex: &Exercise, catalog: &Catalog) -> Self {
        CatalogAdvice {
            risk_note: ex.risk_note.clone(),
            alternatives: ex
                .alternatives
                .iter()
                .filter_map(|a| catalog.get(a))
                .map(|a| Alternative {
                    id: a.id.clone(),
                    name: a.name.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Alternative {
    pub id: String,
    pub name: String,
}

/// The exercises the warnings (not the informational findings) implicate, in order of first mention (warnings come most severe
/// first, so the most pressing exercise leads).
pub fn implicated(warnings: &[Finding], catalog: &Catalog) -> Vec<Implicated> {
    let mut out: Vec<Implicated> = Vec::new();
    // Info findings (ordinary soreness) implicate nothing.
    for f in warnings.iter().filter(|f| f.severity != Severity::Info) {
        for id in &f.exercises {
            let Some(ex) = catalog.get(id) else { continue };
            let i = match out.iter().position(|x| x.exercise == ex.id) {
                Some(i) => i,
                None => {
                    out.push(Implicated {
                        exercise: ex.id.clone(),
                        name: ex.name.clone(),
                        because: Vec::new(),
                        regions: Vec::new(),
                        advice: CatalogAdvice::of(ex, catalog),
                    });
                    out.len() - 1
                }
            };
            let entry = &mut out[i];
            if !entry.because.contains(&f.kind) {
                entry.because.push(f.kind);
            }
            if let Some(r) = f.region
                && !entry.regions.contains(&r)
            {
                entry.regions.push(r);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::entry as pain;

    #[test]
    fn pain_days_keep_the_day_peak_per_region() {
        let entries = vec![
            pain("2026-03-02 08:00", Region::LowerBack, 3),
            pain("2026-03-02 20:00", Region::LowerBack, 6),
            pain("2026-03-02 20:00", Region::Knee, 2),
            pain("2026-03-04 09:00", Region::LowerBack, 0),
        ];
        let days = pain_days(&entries);
        assert_eq!(days.len(), 3);
        assert_eq!(
            (days[0].region, days[0].peak, days[0].entries),
            (Region::LowerBack, 6, 2)
        );
        assert_eq!((days[1].region, days[1].peak), (Region::Knee, 2));
        assert_eq!(days[2].peak, 0);
        assert!(!days[0].inferred);
    }
}
