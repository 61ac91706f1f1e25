//! What a session can be exposed to: its exercises, their spinal-risk tags, and the calendar's
//! flags (load jump, short rest, return after a layoff), science.md §4.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{IsoWeek, RiskTag};

use super::super::calendar::{Day, Layoff, Session};
use super::super::settings::Thresholds;
use super::super::weekly::Week;

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
            let zero_jump = *i >= 1 && weeks[i - 1].load.kg == 0.0 && {
                let prior = &weeks[i.saturating_sub(4)..*i];
                let mean = prior.iter().map(|p| p.load.kg).sum::<f64>() / prior.len() as f64;
                mean > 0.0 && w.load.kg > mean
            };
            // A partial first week would make the next one look like a jump.
            let previous_full = *i >= 1 && weeks[i - 1].days == 7;
            (previous_full && w.load.change_pct.is_some_and(|c| c > t.change_warning_pct))
                || zero_jump
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
                .and_then(|d| d.acwr.ewma)
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
            for id in &s.trained.exercises {
                let label = catalog
                    .get(id)
                    .map_or_else(|| id.clone(), |e| e.name.clone());
                set.insert(Exposure {
                    kind: ExposureKind::Exercise,
                    id: id.clone(),
                    label,
                });
            }
            for tag in &s.trained.tags {
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
