//! Adjusted estimates (science.md §4b, methods.md §5.5–5.6): per region, forward selection of
//! the exposures that carry the signal, and every exposure re-tested stratified by the
//! selected ones. Exercises done together in one session share the crude signal of the one that causes
//! the pain; within the strata of the cause, the passengers have little left.

use std::collections::HashMap;

use chrono::Duration;

use super::super::calendar::Session;
use super::super::settings::Thresholds;
use super::super::stats::{RelativeRisk, Table, benjamini_hochberg};
use super::super::stratified::{exact_greater, mantel_haenszel};
use super::{Association, Exposure, ExposureKind, RiskRatio};

/// At most this many selected exposures per region: 27 strata.
pub const MAX_SELECTED: usize = 3;

/// X and Y cannot be told apart when fewer than this many sessions have X without Y, and fewer
/// than this many have Y without X.
pub const INSEPARABLE_BELOW: u64 = 3;

/// The log as the adjustment needs it.
pub(super) struct Log<'a> {
    pub sessions: &'a [Session],
    pub exposures: &'a [&'a Exposure],
    /// session × exposure flags.
    pub exposed_to: &'a [Vec<bool>],
}

/// One region's sessions at risk at the primary window.
pub(super) struct RegionTables {
    /// Indices of the sessions at risk.
    pub at_risk: Vec<usize>,
    /// Per session at risk: an onset followed within the window.
    pub onset: Vec<bool>,
    /// Per exposure: the index of its primary-window row.
    pub rows: Vec<usize>,
}

/// An adjusted estimate: the MH ratio with its interval, and the exact p.
#[derive(Debug, Clone)]
struct Estimate {
    rr: Option<RelativeRisk>,
    p: f64,
}

/// The adjustment's working state: carry-over flags and estimates are computed once each.
struct Adjuster<'a> {
    log: &'a Log<'a>,
    window: Duration,
    /// Per exposure, the exposures it cannot be told apart from.
    apart: Vec<Vec<usize>>,
    carry: HashMap<usize, Vec<u8>>,
    estimates: HashMap<(usize, usize, Vec<usize>), Estimate>,
}

impl Adjuster<'_> {
    /// The selected exposures `x` is adjusted for: all but itself and, unless `x` is a risk
    /// tag, those it cannot be told apart from (adjusting for a twin would erase both; the
    /// pair is reported as one group instead). A tag is adjusted even for a twin exercise: a
    /// tag whose signal is one exercise's is explained by that exercise.
    fn adjustment(&self, x: usize, selected: &[usize]) -> Vec<usize> {
        let tag = self.log.exposures[x].kind == ExposureKind::Tag;
        selected
            .iter()
            .copied()
            .filter(|&s| s != x && (tag || !self.apart[x].contains(&s)))
            .collect()
    }

    /// Per session, how `x` reaches it: 2 when done in it, 1 when done only in a session that
    /// started less than the window before it (an onset 30 h after Monday's deadlift also
    /// follows Tuesday's session), 0 otherwise. Carry-over is kept apart from the session's own
    /// exposure: a session whose exposure is a day old is at a different risk than one with
    /// the exposure itself, and pooling the two would blame whatever the exposure's own
    /// sessions contain.
    fn carried(&mut self, x: usize) -> &[u8] {
        let (log, window) = (self.log, self.window);
        self.carry.entry(x).or_insert_with(|| {
            let mut order: Vec<usize> = (0..log.sessions.len()).collect();
            order.sort_by_key(|&i| log.sessions[i].start);
            let mut out = vec![0; log.sessions.len()];
            let mut last = None;
            for &i in &order {
                let start = log.sessions[i].start;
                out[i] = if log.exposed_to[i][x] {
                    2
                } else {
                    u8::from(last.is_some_and(|l| start - l < window))
                };
                if log.exposed_to[i][x] {
                    last = Some(start);
                }
            }
            out
        })
    }

    /// `x` in region `r`, stratified by the carry-over presence of every exposure in `by`.
    fn estimate(&mut self, r: usize, region: &RegionTables, x: usize, by: &[usize]) -> Estimate {
        let key = (r, x, by.to_vec());
        if let Some(e) = self.estimates.get(&key) {
            return e.clone();
        }
        let levels: Vec<Vec<u8>> = by.iter().map(|&s| self.carried(s).to_vec()).collect();
        let mut strata = vec![
            Table {
                a: 0,
                b: 0,
                c: 0,
                d: 0
            };
            3usize.pow(by.len() as u32)
        ];
        for (k, &i) in region.at_risk.iter().enumerate() {
            let stratum = levels
                .iter()
                .fold(0, |acc, level| acc * 3 + usize::from(level[i]));
            let t = &mut strata[stratum];
            match (self.log.exposed_to[i][x], region.onset[k]) {
                (true, true) => t.a += 1,
                (true, false) => t.b += 1,
                (false, true) => t.c += 1,
                (false, false) => t.d += 1,
            }
        }
        let e = Estimate {
            rr: mantel_haenszel(&strata),
            p: exact_greater(&strata),
        };
        self.estimates.insert(key, e.clone());
        e
    }
}

/// Pairs of exposures that fewer than [`INSEPARABLE_BELOW`] sessions tell apart either way,
/// done together in at least that many sessions (two rare exposures that never meet are not
/// "always done together").
fn inseparable(log: &Log) -> Vec<Vec<usize>> {
    let n = log.exposures.len();
    let mut apart = vec![Vec::new(); n];
    for x in 0..n {
        for y in x + 1..n {
            let (mut both, mut only_x, mut only_y) = (0u64, 0u64, 0u64);
            for flags in log.exposed_to {
                match (flags[x], flags[y]) {
                    (true, true) => both += 1,
                    (true, false) => only_x += 1,
                    (false, true) => only_y += 1,
                    (false, false) => {}
                }
            }
            if both >= INSEPARABLE_BELOW && only_x < INSEPARABLE_BELOW && only_y < INSEPARABLE_BELOW
            {
                apart[x].push(y);
                apart[y].push(x);
            }
        }
    }
    apart
}

/// Forward selection per region, then the adjusted fields of every row (science.md §4b):
/// rank by p; select the best exposure whose q is below `q_warning`; re-test the others
/// stratified by the selected; repeat up to [`MAX_SELECTED`]. The regions are stepped together
/// because the q family spans them all, as for the crude q.
pub(super) fn adjust(
    rows: &mut [Association],
    row_exposure: &[usize],
    log: &Log,
    regions: &[RegionTables],
    t: &Thresholds,
) {
    let mut adj = Adjuster {
        log,
        window: Duration::try_hours(i64::from(t.window_h)).unwrap_or(Duration::MAX),
        apart: inseparable(log),
        carry: HashMap::new(),
        estimates: HashMap::new(),
    };
    // (region, exposure) of every row tested at the primary window: the q family.
    let tested: Vec<(usize, usize)> = regions
        .iter()
        .enumerate()
        .flat_map(|(r, g)| (0..g.rows.len()).map(move |x| (r, x)))
        .filter(|&(r, x)| rows[regions[r].rows[x]].enough_data)
        .collect();
    let mut selected: Vec<Vec<usize>> = vec![Vec::new(); regions.len()];
    let (estimates, q) = loop {
        let mut estimates = Vec::with_capacity(tested.len());
        for &(r, x) in &tested {
            let by = adj.adjustment(x, &selected[r]);
            let e = if by.is_empty() {
                crude(&rows[regions[r].rows[x]])
            } else {
                adj.estimate(r, &regions[r], x, &by)
            };
            estimates.push((by, e));
        }
        let p: Vec<f64> = estimates.iter().map(|(_, e)| e.p).collect();
        let q = benjamini_hochberg(&p);
        let mut grew = false;
        for (r, chosen) in selected.iter_mut().enumerate() {
            if chosen.len() >= MAX_SELECTED {
                continue;
            }
            let best = (0..tested.len())
                .filter(|&k| tested[k].0 == r)
                .filter(|&k| {
                    let x = tested[k].1;
                    log.exposures[x].kind != ExposureKind::Tag
                        && !chosen.contains(&x)
                        && chosen.iter().all(|s| !adj.apart[x].contains(s))
                })
                .min_by(|&i, &j| {
                    let (ei, ej) = (log.exposures[tested[i].1], log.exposures[tested[j].1]);
                    estimates[i]
                        .1
                        .p
                        .total_cmp(&estimates[j].1.p)
                        .then(ei.kind.cmp(&ej.kind))
                        .then(ei.id.cmp(&ej.id))
                });
            if let Some(k) = best.filter(|&k| q[k] < t.q_warning) {
                chosen.push(tested[k].1);
                grew = true;
            }
        }
        if !grew {
            break (estimates, q);
        }
    };

    for (k, &(r, x)) in tested.iter().enumerate() {
        let (by, e) = &estimates[k];
        let explained_by = {
            let row = &rows[regions[r].rows[x]];
            (row.crude.flags(t.q_caution) && q[k] >= t.q_caution && !by.is_empty()).then(|| {
                // The selected exposure that, alone, leaves the least signal.
                let mut best = by[0];
                let mut best_p = f64::NEG_INFINITY;
                for &s in by {
                    let p = adj.estimate(r, &regions[r], x, &[s]).p;
                    if p > best_p {
                        (best, best_p) = (s, p);
                    }
                }
                log.exposures[best].id.clone()
            })
        };
        let row = &mut rows[regions[r].rows[x]];
        row.adjusted_for = by.iter().map(|&s| log.exposures[s].id.clone()).collect();
        row.adjusted = RiskRatio {
            rr: e.rr,
            p: Some(e.p),
            q: Some(q[k]),
        };
        row.explained_by = explained_by;
    }
    for (row, &x) in rows.iter_mut().zip(row_exposure) {
        row.inseparable_from = adj.apart[x]
            .iter()
            .map(|&y| log.exposures[y].id.clone())
            .collect();
        if row.adjusted_for.is_empty() && row.adjusted.p.is_none() {
            // Lag windows and rows without enough data: nothing is adjusted.
            row.adjusted = row.crude;
        }
    }
}

/// The crude estimate of a row: what an empty adjustment set gives.
fn crude(row: &Association) -> Estimate {
    Estimate {
        rr: row.crude.rr,
        p: row.crude.p.unwrap_or(1.0),
    }
}
