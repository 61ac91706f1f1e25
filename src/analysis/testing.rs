//! Small builders for unit tests.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::{Measures, PainEntry, Region, SourceRef, WorkoutSet};

use super::associations::{Association, ExposureKind, RiskRatio, Risks};
use super::calendar::{Acwr, Day, Session, SessionVolume, SetsBy, Trained};
use super::stats::{RelativeRisk, Table};

/// A day written `2026-11-09`.
pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

pub fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test timestamp")
}

/// One working set of `canonical` whose tonnage is weight × reps.
pub fn set(start: NaiveDateTime, canonical: &str, weight: f64, reps: f64) -> WorkoutSet {
    let source = SourceRef {
        file: Arc::from("test.csv"),
        line: 2,
    };
    WorkoutSet {
        canonical: Some(canonical.to_string()),
        set_number: 1,
        weight_kg: Some(weight),
        measures: Measures {
            reps: Some(reps),
            ..Measures::default()
        },
        ..WorkoutSet::new(start.to_string(), start, canonical.to_string(), source)
    }
}

pub fn entry(when: &str, region: Region, intensity: u8) -> PainEntry {
    PainEntry {
        at: at(when),
        time_given: true,
        region,
        side: None,
        intensity,
        quality: None,
        symptoms: Vec::new(),
        notes: String::new(),
        inferred: false,
        source: SourceRef {
            file: Arc::from("diary.csv"),
            line: 2,
        },
    }
}

pub fn session(when: &str, regions: &[Region]) -> Session {
    let start = at(when);
    Session {
        start,
        day: start.date(),
        name: String::new(),
        volume: SessionVolume {
            working_sets: 3,
            warmup_sets: 0,
            load_kg: 1000.0,
        },
        trained: Trained {
            regions: regions.iter().copied().collect(),
            ..Trained::default()
        },
        srpe_load: None,
        duration_s: None,
    }
}

pub fn day(date: NaiveDate, load_kg: f64) -> Day {
    Day {
        date,
        load_kg,
        sets: u32::from(load_kg > 0.0),
        sessions: u32::from(load_kg > 0.0),
        srpe_load: None,
        acwr: Acwr::default(),
        layoff: false,
        streak: 0,
        sets_by: SetsBy::default(),
    }
}

/// A tested primary-window row of `label` for lower-back pain with these counts and crude
/// estimates; the adjusted values equal the crude ones (nothing to adjust for).
pub fn association(label: &str, a: u64, b: u64, c: u64, d: u64) -> Association {
    // RR 8.6 (1.2–61.5), p 0.0123, q 0.0456.
    let quoted = RiskRatio {
        rr: Some(RelativeRisk {
            rr: 8.6,
            low: 1.2,
            high: 61.5,
            haldane: false,
        }),
        p: Some(0.0123),
        q: Some(0.0456),
    };
    Association {
        exposure: label.to_lowercase(),
        exposure_kind: ExposureKind::Exercise,
        label: label.into(),
        region: Region::LowerBack,
        window_h: 48,
        table: Table { a, b, c, d },
        risk: Risks {
            exposed: None,
            unexposed: None,
        },
        crude: quoted,
        adjusted_for: Vec::new(),
        adjusted: quoted,
        explained_by: None,
        inseparable_from: Vec::new(),
        enough_data: true,
        onsets: 4,
        lag_profile: None,
        onset_dates: Vec::new(),
    }
}
