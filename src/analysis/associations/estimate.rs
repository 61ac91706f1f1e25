//! A row's estimates as named parts, and the flat JSON keys docs/json.md documents for them
//! (`rr`, `rr_low`, `rr_high`, `haldane`, `p`, `q` and the same with `_adjusted`).

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::super::stats::{RelativeRisk, Table, wilson};

/// A risk (onsets per session) with its 95 % Wilson interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Risk {
    pub risk: f64,
    pub low: f64,
    pub high: f64,
}

impl Risk {
    /// `k` onsets in `n` sessions; none without sessions.
    pub fn of(k: u64, n: u64) -> Option<Risk> {
        let (low, high) = wilson(k, n)?;
        Some(Risk {
            risk: k as f64 / n as f64,
            low,
            high,
        })
    }
}

/// The onset risk of the exposed and of the unexposed sessions (uncorrected: no Haldane).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Risks {
    pub exposed: Option<Risk>,
    pub unexposed: Option<Risk>,
}

impl Risks {
    pub fn of(t: Table) -> Risks {
        Risks {
            exposed: Risk::of(t.a, t.a + t.b),
            unexposed: Risk::of(t.c, t.c + t.d),
        }
    }
}

impl Serialize for Risks {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(6))?;
        for (name, risk) in [
            ("risk_exposed", self.exposed),
            ("risk_unexposed", self.unexposed),
        ] {
            let risk = risk.map(|r| (r.risk, r.low, r.high));
            interval(&mut map, name, risk)?;
        }
        map.end()
    }
}

/// A risk ratio with its interval and tests: the crude one of the table, or the one adjusted
/// for the exposures that carry the region's signal.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RiskRatio {
    /// None without enough data (and, adjusted, when no stratum has both kinds of session).
    pub rr: Option<RelativeRisk>,
    /// One-sided exact p (exposed sessions are followed by more onsets).
    pub p: Option<f64>,
    /// Benjamini–Hochberg q over every pair tested at the primary window; null elsewhere.
    pub q: Option<f64>,
}

impl RiskRatio {
    /// (rr, low, high) for the words; NaN without an estimate.
    pub fn interval(&self) -> (f64, f64, f64) {
        self.rr
            .map_or((f64::NAN, f64::NAN, f64::NAN), |r| (r.rr, r.low, r.high))
    }

    /// True when the ratio is above 1 and its q below `q_caution`.
    pub fn flags(&self, q_caution: f64) -> bool {
        self.rr.is_some_and(|r| r.rr > 1.0) && self.q.is_some_and(|q| q < q_caution)
    }

    /// The keys of the ratio with `suffix` after each name: `rr{suffix}`, `rr{suffix}_low` …
    fn serialize_keyed<S: Serializer>(&self, suffix: &str, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(6))?;
        let rr = self.rr.map(|r| (r.rr, r.low, r.high));
        interval(&mut map, &format!("rr{suffix}"), rr)?;
        let haldane = self.rr.is_some_and(|r| r.haldane);
        map.serialize_entry(&format!("haldane{suffix}"), &haldane)?;
        map.serialize_entry(&format!("p{suffix}"), &self.p)?;
        map.serialize_entry(&format!("q{suffix}"), &self.q)?;
        map.end()
    }
}

/// `Association::crude` as `rr`, `rr_low`, … `q`.
pub(super) fn crude_keys<S: Serializer>(rr: &RiskRatio, s: S) -> Result<S::Ok, S::Error> {
    rr.serialize_keyed("", s)
}

/// `Association::adjusted` as `rr_adjusted`, `rr_adjusted_low`, … `q_adjusted`.
pub(super) fn adjusted_keys<S: Serializer>(rr: &RiskRatio, s: S) -> Result<S::Ok, S::Error> {
    rr.serialize_keyed("_adjusted", s)
}

/// `name`, `name_low` and `name_high`, each null without the estimate.
fn interval<M: SerializeMap>(
    map: &mut M,
    name: &str,
    estimate: Option<(f64, f64, f64)>,
) -> Result<(), M::Error> {
    map.serialize_entry(name, &estimate.map(|e| e.0))?;
    map.serialize_entry(&format!("{name}_low"), &estimate.map(|e| e.1))?;
    map.serialize_entry(&format!("{name}_high"), &estimate.map(|e| e.2))
}
