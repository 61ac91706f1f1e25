//! Does an exposure come before pain? Sessions are the unit; the outcome is a pain onset in a
//! region within W hours after the session's start (science.md §4). Every table is crude; at
//! the primary window, `adjusted` adds estimates stratified by the exposures that carry a
//! region's signal, and names the exposures the log cannot tell apart (§4b).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::model::Region;

use super::calendar::Session;
use super::episodes::Episode;
use super::settings::Thresholds;
use super::stats::{Table, benjamini_hochberg, fisher_greater, relative_risk};

mod adjusted;
mod estimate;
mod exposures;
mod groups;
#[cfg(test)]
mod tests;

pub use estimate::{Risk, RiskRatio, Risks};
pub use exposures::{
    Exposure, ExposureKind, all_exposures, load_jump, return_after_layoff, session_exposures,
    short_rest,
};
pub use groups::{group_label, inseparable_groups};

/// One (exposure, region, window) table with its statistics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Association {
    pub exposure: String,
    pub exposure_kind: ExposureKind,
    pub label: String,
    pub region: Region,
    pub window_h: u32,
    /// The 2×2 counts: `a`, `b`, `c`, `d`.
    #[serde(flatten)]
    pub table: Table,
    #[serde(flatten)]
    pub risk: Risks,
    /// The crude ratio; `haldane` says 0.5 was added to every cell because one was 0.
    #[serde(flatten, serialize_with = "estimate::crude_keys")]
    pub crude: RiskRatio,
    /// The selected exposures this row is stratified by (science.md §4b), each counted with
    /// its carry-over. Empty on lag-window rows, without enough data, and when the region has
    /// no selected exposure other than this one (or ones it cannot be told apart from).
    pub adjusted_for: Vec<String>,
    /// Mantel–Haenszel risk ratio over the strata of `adjusted_for`, with its Greenland–Robins
    /// interval and the exact conditional p (Haldane: 0.5 was added to every cell of every
    /// informative stratum); the crude ratio when `adjusted_for` is empty. Its q is over the
    /// adjusted p of every pair tested at the primary window.
    #[serde(flatten, serialize_with = "estimate::adjusted_keys")]
    pub adjusted: RiskRatio,
    /// The selected exposure that accounts for this row: significant crude (q < `q_caution`)
    /// but not adjusted.
    pub explained_by: Option<String>,
    /// Exposures this one is almost always done with (fewer than 3 sessions with either one
    /// but not the other): the log cannot tell them apart.
    pub inseparable_from: Vec<String>,
    pub enough_data: bool,
    /// Pain onsets in the region over the analysed period.
    pub onsets: u64,
    /// On the primary-window row: the 24/48/72 h profile in words.
    pub lag_profile: Option<String>,
    /// Dates of the onsets that followed exposed sessions.
    pub onset_dates: Vec<NaiveDate>,
}

/// Every (exposure, region, window) table. Regions are those with at least one onset.
pub fn associations(
    sessions: &[Session],
    exposures: &[BTreeSet<Exposure>],
    episodes: &[Episode],
    t: &Thresholds,
) -> Vec<Association> {
    // An episode that began before the period is no onset in it (it still keeps the
    // sessions during it out of the tables, below): a region needs an onset of its own.
    let regions: BTreeSet<Region> = episodes
        .iter()
        .filter(|e| !e.began_before)
        .map(|e| e.region)
        .collect();
    let all: Vec<&Exposure> = exposures
        .iter()
        .flatten()
        .collect::<BTreeSet<&Exposure>>()
        .into_iter()
        .collect();
    // Exposures as a session × exposure table of flags: the 2×2 counts below are the hot loop.
    let exposed_to: Vec<Vec<bool>> = exposures
        .iter()
        .map(|set| all.iter().map(|e| set.contains(*e)).collect())
        .collect();
    let windows = t.windows_h();
    let mut rows = Vec::new();
    // The exposure (index into `all`) of each row, and each region's primary-window tables.
    let mut row_exposure = Vec::new();
    let mut primary = Vec::new();
    for region in regions {
        let mut mine: Vec<&Episode> = episodes.iter().filter(|e| e.region == region).collect();
        mine.sort_by_key(|e| e.onset);
        let onsets = mine.iter().filter(|e| !e.began_before).count() as u64;
        // Sessions inside an open episode of this region are not at risk of a new onset.
        // A region's episodes never overlap and come in order of onset, so the one that could
        // be open at a time is the last to start before it.
        let open_at = |at: chrono::NaiveDateTime| {
            let k = mine.partition_point(|e| e.onset <= at);
            k > 0 && mine[k - 1].is_open_at(at)
        };
        let at_risk: Vec<usize> = (0..sessions.len())
            .filter(|&i| !open_at(sessions[i].start))
            .collect();
        for &w in &windows {
            // Checked: a window too long for a date is one that never closes.
            let window = Duration::try_hours(i64::from(w)).unwrap_or(Duration::MAX);
            let outcome: Vec<Option<NaiveDate>> = at_risk
                .iter()
                .map(|&i| {
                    let start = sessions[i].start;
                    let next = mine.partition_point(|e| e.onset <= start);
                    // Never one that began before the period, whatever the sessions.
                    mine.get(next)
                        .filter(|e| {
                            !e.began_before
                                && start
                                    .checked_add_signed(window)
                                    .is_none_or(|end| e.onset <= end)
                        })
                        .map(|e| e.onset.date())
                })
                .collect();
            let mut tables = adjusted::RegionTables {
                at_risk: at_risk.clone(),
                onset: outcome.iter().map(Option::is_some).collect(),
                rows: Vec::with_capacity(all.len()),
            };
            for (x, exposure) in all.iter().enumerate() {
                let mut t2 = Table {
                    a: 0,
                    b: 0,
                    c: 0,
                    d: 0,
                };
                let mut dates = BTreeSet::new();
                for (k, &i) in at_risk.iter().enumerate() {
                    let exposed = exposed_to[i][x];
                    match (exposed, outcome[k]) {
                        (true, Some(d)) => {
                            t2.a += 1;
                            dates.insert(d);
                        }
                        (true, None) => t2.b += 1,
                        (false, Some(_)) => t2.c += 1,
                        (false, None) => t2.d += 1,
                    }
                }
                tables.rows.push(rows.len());
                row_exposure.push(x);
                rows.push(table_row(exposure, region, w, t2, onsets, dates, t));
            }
            if w == t.window_h {
                primary.push(tables);
            }
        }
    }
    // Multiple testing: BH over every pair tested at the primary window.
    let tested: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].window_h == t.window_h && rows[i].enough_data)
        .collect();
    let p: Vec<f64> = tested
        .iter()
        .map(|&i| rows[i].crude.p.unwrap_or(1.0))
        .collect();
    for (&i, q) in tested.iter().zip(benjamini_hochberg(&p)) {
        rows[i].crude.q = Some(q);
    }
    let log = adjusted::Log {
        sessions,
        exposures: &all,
        exposed_to: &exposed_to,
    };
    adjusted::adjust(&mut rows, &row_exposure, &log, &primary, t);
    add_lag_profiles(&mut rows, t);
    rows.sort_by(|x, y| {
        (x.region, x.window_h != t.window_h, x.window_h)
            .cmp(&(y.region, y.window_h != t.window_h, y.window_h))
            .then(
                x.adjusted
                    .q
                    .unwrap_or(2.0)
                    .total_cmp(&y.adjusted.q.unwrap_or(2.0)),
            )
            .then(
                x.adjusted
                    .p
                    .unwrap_or(2.0)
                    .total_cmp(&y.adjusted.p.unwrap_or(2.0)),
            )
            .then(
                y.adjusted
                    .rr
                    .map_or(0.0, |r| r.rr)
                    .total_cmp(&x.adjusted.rr.map_or(0.0, |r| r.rr)),
            )
            .then(x.exposure.cmp(&y.exposure))
    });
    rows
}

fn table_row(
    exposure: &Exposure,
    region: Region,
    window_h: u32,
    t2: Table,
    onsets: u64,
    dates: BTreeSet<NaiveDate>,
    t: &Thresholds,
) -> Association {
    let exposed = t2.a + t2.b;
    let unexposed = t2.c + t2.d;
    let enough_data = exposed >= t.min_exposed_sessions
        && unexposed >= t.min_unexposed_sessions
        && onsets >= t.min_onsets;
    Association {
        exposure: exposure.id.clone(),
        exposure_kind: exposure.kind,
        label: exposure.label.clone(),
        region,
        window_h,
        table: t2,
        risk: Risks::of(t2),
        crude: RiskRatio {
            rr: relative_risk(t2).filter(|_| enough_data),
            p: enough_data.then(|| fisher_greater(t2)),
            q: None,
        },
        // Filled in by `adjusted::adjust`.
        adjusted_for: Vec::new(),
        adjusted: RiskRatio::default(),
        explained_by: None,
        inseparable_from: Vec::new(),
        enough_data,
        onsets,
        lag_profile: None,
        onset_dates: dates.into_iter().collect(),
    }
}

fn add_lag_profiles(rows: &mut [Association], t: &Thresholds) {
    let mut profile: BTreeMap<(String, Region), Vec<String>> = BTreeMap::new();
    let mut windows = t.windows_h();
    windows.sort_unstable();
    for w in &windows {
        for r in rows.iter().filter(|r| r.window_h == *w) {
            profile
                .entry((r.exposure.clone(), r.region))
                .or_default()
                .push(format!(
                    "{} h: {} of {} vs {} of {}",
                    w,
                    r.table.a,
                    r.table.a + r.table.b,
                    r.table.c,
                    r.table.c + r.table.d
                ));
        }
    }
    for r in rows.iter_mut().filter(|r| r.window_h == t.window_h) {
        r.lag_profile = profile
            .get(&(r.exposure.clone(), r.region))
            .map(|p| p.join("; "));
    }
}
