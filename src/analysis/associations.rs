//! Does an exposure come before pain? Sessions are the unit; the outcome is a pain onset in a
//! region within W hours after the session's start (science.md §4).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{Region, RiskTag};

use super::calendar::{Day, Layoff, Session};
use super::episodes::Episode;
use super::settings::Thresholds;
use super::stats::{Table, benjamini_hochberg, fisher_greater, relative_risk, wilson};
use super::weekly::Week;
use crate::model::IsoWeek;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExposureKind {
    Exercise,
    Tag,
    LoadJump,
    ShortRest,
    ReturnAfterLayoff,
}

/// Something a session can be exposed to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Exposure {
    pub kind: ExposureKind,
    /// Catalog id, risk tag, or `load-jump` / `short-rest` / `return-after-layoff`.
    pub id: String,
    pub label: String,
}

/// One (exposure, region, window) table with its statistics.
#[derive(Debug, Clone, Serialize)]
pub struct Association {
    pub exposure: String,
    pub exposure_kind: ExposureKind,
    pub label: String,
    pub region: Region,
    pub window_h: u32,
    pub a: u64,
    pub b: u64,
    pub c: u64,
    pub d: u64,
    pub risk_exposed: Option<f64>,
    pub risk_exposed_low: Option<f64>,
    pub risk_exposed_high: Option<f64>,
    pub risk_unexposed: Option<f64>,
    pub risk_unexposed_low: Option<f64>,
    pub risk_unexposed_high: Option<f64>,
    pub rr: Option<f64>,
    pub rr_low: Option<f64>,
    pub rr_high: Option<f64>,
    /// 0.5 was added to every cell because one was 0.
    pub haldane: bool,
    /// One-sided Fisher exact p (exposed sessions are followed by more onsets).
    pub p: Option<f64>,
    /// Benjamini–Hochberg q over every pair tested at the primary window; null elsewhere.
    pub q: Option<f64>,
    pub enough_data: bool,
    /// Pain onsets in the region over the analysed period.
    pub onsets: u64,
    /// On the primary-window row: the 24/48/72 h profile in words.
    pub lag_profile: Option<String>,
    /// Dates of the onsets that followed exposed sessions.
    pub onset_dates: Vec<NaiveDate>,
}

/// Per-session exposure flags that come from the calendar, not the catalog.
pub fn session_exposures(
    sessions: &[Session],
    days: &[Day],
    weeks: &[Week],
    layoffs: &[Layoff],
    t: &Thresholds,
) -> Vec<BTreeSet<Exposure>> {
    let day_of: BTreeMap<NaiveDate, &Day> = days.iter().map(|d| (d.date, d)).collect();
    let jump_weeks: BTreeSet<crate::model::IsoWeek> = weeks
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            let zero_jump = *i >= 1 && weeks[i - 1].load_kg == 0.0 && {
                let prior = &weeks[i.saturating_sub(4)..*i];
                let mean = prior.iter().map(|p| p.load_kg).sum::<f64>() / prior.len() as f64;
                mean > 0.0 && w.load_kg > mean
            };
            // A partial first week would make the next one look like a jump.
            let previous_full = *i >= 1 && weeks[i - 1].days == 7;
            (previous_full && w.change_pct.is_some_and(|c| c > t.change_warning_pct)) || zero_jump
        })
        .map(|(_, w)| w.week)
        .collect();
    let returns: Vec<NaiveDate> = layoffs.iter().filter_map(|l| l.return_day).collect();
    let mut previous_start: Option<chrono::NaiveDateTime> = None;
    sessions
        .iter()
        .map(|s| {
            let mut set = BTreeSet::new();
            let day = day_of.get(&s.day);
            let acwr_high = day
                .and_then(|d| d.acwr_ewma)
                .is_some_and(|r| r >= t.acwr_danger);
            if jump_weeks.contains(&IsoWeek::of(s.day)) || acwr_high {
                set.insert(load_jump());
            }
            let short_gap = previous_start
                .is_some_and(|p| (s.start - p).num_seconds() as f64 / 3600.0 < t.short_rest_h);
            let long_streak = day.is_some_and(|d| d.streak >= t.short_rest_streak_day);
            if short_gap || long_streak {
                set.insert(short_rest());
            }
            if returns
                .iter()
                .any(|r| s.day >= *r && (s.day - *r).num_days() < 7)
            {
                set.insert(return_after_layoff());
            }
            previous_start = Some(s.start);
            set
        })
        .collect()
}

pub fn load_jump() -> Exposure {
    Exposure {
        kind: ExposureKind::LoadJump,
        id: "load-jump".into(),
        label: "a load jump (week > 30 % above the one before, or ACWR ≥ 1.5)".into(),
    }
}

pub fn short_rest() -> Exposure {
    Exposure {
        kind: ExposureKind::ShortRest,
        id: "short-rest".into(),
        label: "short rest (< 24 h since the previous session, or day 4+ of a streak)".into(),
    }
}

pub fn return_after_layoff() -> Exposure {
    Exposure {
        kind: ExposureKind::ReturnAfterLayoff,
        id: "return-after-layoff".into(),
        label: "the first week back after a layoff".into(),
    }
}

fn tag_label(tag: RiskTag) -> String {
    match tag {
        RiskTag::AxialLoading => "axial loading (spine under a bar)".into(),
        RiskTag::LoadedFlexion => "loaded spinal flexion".into(),
        RiskTag::Hyperextension => "lumbar hyperextension".into(),
        RiskTag::Rotation => "loaded rotation".into(),
        RiskTag::HighImpact => "high-impact work".into(),
        RiskTag::Overhead => "overhead lifting".into(),
    }
}

/// Every exposure of every session: its exercises, their risk tags, and the calendar flags.
pub fn all_exposures(
    sessions: &[Session],
    calendar_flags: &[BTreeSet<Exposure>],
    catalog: &Catalog,
) -> Vec<BTreeSet<Exposure>> {
    sessions
        .iter()
        .zip(calendar_flags)
        .map(|(s, flags)| {
            let mut set = flags.clone();
            for id in &s.exercises {
                let label = catalog
                    .get(id)
                    .map_or_else(|| id.clone(), |e| e.name.clone());
                set.insert(Exposure {
                    kind: ExposureKind::Exercise,
                    id: id.clone(),
                    label,
                });
            }
            for tag in &s.tags {
                set.insert(Exposure {
                    kind: ExposureKind::Tag,
                    id: tag.as_str().to_string(),
                    label: tag_label(*tag),
                });
            }
            set
        })
        .collect()
}

/// Every (exposure, region, window) table. Regions are those with at least one onset.
pub fn associations(
    sessions: &[Session],
    exposures: &[BTreeSet<Exposure>],
    episodes: &[Episode],
    t: &Thresholds,
) -> Vec<Association> {
    let regions: BTreeSet<Region> = episodes.iter().map(|e| e.region).collect();
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
    for region in regions {
        let mut mine: Vec<&Episode> = episodes.iter().filter(|e| e.region == region).collect();
        mine.sort_by_key(|e| e.onset);
        let onsets = mine.len() as u64;
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
            let window = Duration::hours(i64::from(w));
            let outcome: Vec<Option<NaiveDate>> = at_risk
                .iter()
                .map(|&i| {
                    let start = sessions[i].start;
                    let next = mine.partition_point(|e| e.onset <= start);
                    mine.get(next)
                        .filter(|e| e.onset <= start + window)
                        .map(|e| e.onset.date())
                })
                .collect();
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
                rows.push(table_row(exposure, region, w, t2, onsets, dates, t));
            }
        }
    }
    // Multiple testing: BH over every pair tested at the primary window.
    let tested: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].window_h == t.window_h && rows[i].enough_data)
        .collect();
    let p: Vec<f64> = tested.iter().map(|&i| rows[i].p.unwrap_or(1.0)).collect();
    for (&i, q) in tested.iter().zip(benjamini_hochberg(&p)) {
        rows[i].q = Some(q);
    }
    add_lag_profiles(&mut rows, t);
    rows.sort_by(|x, y| {
        (x.region, x.window_h != t.window_h, x.window_h)
            .cmp(&(y.region, y.window_h != t.window_h, y.window_h))
            .then(x.q.unwrap_or(2.0).total_cmp(&y.q.unwrap_or(2.0)))
            .then(x.p.unwrap_or(2.0).total_cmp(&y.p.unwrap_or(2.0)))
            .then(y.rr.unwrap_or(0.0).total_cmp(&x.rr.unwrap_or(0.0)))
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
    let we = wilson(t2.a, exposed);
    let wu = wilson(t2.c, unexposed);
    let rr = relative_risk(t2).filter(|_| enough_data);
    Association {
        exposure: exposure.id.clone(),
        exposure_kind: exposure.kind,
        label: exposure.label.clone(),
        region,
        window_h,
        a: t2.a,
        b: t2.b,
        c: t2.c,
        d: t2.d,
        risk_exposed: (exposed > 0).then(|| t2.a as f64 / exposed as f64),
        risk_exposed_low: we.map(|x| x.0),
        risk_exposed_high: we.map(|x| x.1),
        risk_unexposed: (unexposed > 0).then(|| t2.c as f64 / unexposed as f64),
        risk_unexposed_low: wu.map(|x| x.0),
        risk_unexposed_high: wu.map(|x| x.1),
        rr: rr.map(|r| r.rr),
        rr_low: rr.map(|r| r.low),
        rr_high: rr.map(|r| r.high),
        haldane: rr.is_some_and(|r| r.haldane),
        p: enough_data.then(|| fisher_greater(t2)),
        q: None,
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
                    r.a,
                    r.a + r.b,
                    r.c,
                    r.c + r.d
                ));
        }
    }
    for r in rows.iter_mut().filter(|r| r.window_h == t.window_h) {
        r.lag_profile = profile
            .get(&(r.exposure.clone(), r.region))
            .map(|p| p.join("; "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::episodes::episodes;
    use crate::analysis::testing::{entry, session};

    #[test]
    fn counts_follow_the_window_and_skip_sessions_inside_episodes() {
        let mut sessions: Vec<Session> = Vec::new();
        let mut exposures: Vec<BTreeSet<Exposure>> = Vec::new();
        let dead = Exposure {
            kind: ExposureKind::Exercise,
            id: "deadlift".into(),
            label: "Deadlift".into(),
        };
        // 10 weeks: Monday deadlift, Thursday bench.
        for week in 0..10 {
            let monday = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap() + chrono::Days::new(7 * week);
            sessions.push(session(&format!("{} 18:00", monday), &[Region::LowerBack]));
            exposures.push([dead.clone()].into());
            sessions.push(session(
                &format!("{} 18:00", monday + chrono::Days::new(3)),
                &[Region::Chest],
            ));
            exposures.push(BTreeSet::new());
        }
        // Pain the morning after 3 of the deadlift sessions (weeks 0, 4, 8), lasting 2 days.
        let mut pain = Vec::new();
        for week in [0u64, 4, 8] {
            let tue = NaiveDate::from_ymd_opt(2026, 6, 2).unwrap() + chrono::Days::new(7 * week);
            pain.push(entry(&format!("{} 08:00", tue), Region::LowerBack, 5));
            pain.push(entry(
                &format!("{} 08:00", tue + chrono::Days::new(1)),
                Region::LowerBack,
                3,
            ));
            pain.push(entry(
                &format!("{} 08:00", tue + chrono::Days::new(2)),
                Region::LowerBack,
                0,
            ));
        }
        let t = Thresholds::default();
        let eps = episodes(&pain, &sessions, &t);
        let rows = associations(&sessions, &exposures, &eps, &t);
        let row = rows
            .iter()
            .find(|r| r.exposure == "deadlift" && r.window_h == 48)
            .unwrap();
        assert_eq!((row.a, row.b, row.c, row.d), (3, 7, 0, 10));
        assert!(row.enough_data);
        assert!(row.haldane);
        assert_eq!(row.q, row.p.map(|p| p.min(1.0)));
        // 24 h: the 08:00 onsets are 14 h after the 18:00 sessions.
        let day = rows
            .iter()
            .find(|r| r.exposure == "deadlift" && r.window_h == 24)
            .unwrap();
        assert_eq!(day.a, 3);
        assert_eq!(day.q, None);
        assert_eq!(
            row.lag_profile.as_deref(),
            Some("24 h: 3 of 10 vs 0 of 10; 48 h: 3 of 10 vs 0 of 10; 72 h: 3 of 10 vs 0 of 10")
        );
    }

    #[test]
    fn too_few_onsets_is_not_enough_data() {
        let sessions: Vec<Session> = (0..6)
            .map(|i| session(&format!("2026-06-{:02} 18:00", i + 1), &[Region::Knee]))
            .collect();
        let dead = Exposure {
            kind: ExposureKind::Exercise,
            id: "x".into(),
            label: "X".into(),
        };
        let exposures: Vec<BTreeSet<Exposure>> = (0..6)
            .map(|i| {
                if i % 2 == 0 {
                    [dead.clone()].into()
                } else {
                    BTreeSet::new()
                }
            })
            .collect();
        let pain = vec![entry("2026-06-02 08:00", Region::Knee, 4)];
        let t = Thresholds::default();
        let eps = episodes(&pain, &sessions, &t);
        let rows = associations(&sessions, &exposures, &eps, &t);
        assert!(
            rows.iter()
                .all(|r| !r.enough_data && r.rr.is_none() && r.p.is_none() && r.q.is_none())
        );
    }
}
