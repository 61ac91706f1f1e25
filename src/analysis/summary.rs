//! The bottom line every output opens with: a status line and at most three actions, most
//! important first. Red flags always come first and always send the reader to a professional;
//! a region's pain findings make one action that names what came before the pain; other
//! warnings about the recent weeks make one action each. History lines and cautions never do.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::Region;

use super::findings::facts::{Facts, RedFlagSigns};
use super::findings::words::actions::{self, RegionPain};
use super::findings::{Finding, FindingKind, Scope, Severity};
use super::implicated::PainDay;
use super::settings::Thresholds;

/// At most this many actions are shown.
pub const MAX_ACTIONS: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// "No red flags · 1 thing to act on · lower back pain on 9 days in the last 4 weeks".
    pub status: String,
    pub red_flags: usize,
    /// At most three, most important first.
    pub actions: Vec<Action>,
    /// How many things there are to act on, red flags aside (may exceed the actions shown).
    pub to_act_on: usize,
    /// When nothing needs action: what was checked. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    pub focus: Focus,
}

/// The recent weeks load and routine findings are about.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Focus {
    pub weeks: u32,
    /// The first day in focus; none without any day analysed.
    pub from: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// One sentence: what to change, why, and the safer alternative.
    pub text: String,
    /// The kind of the finding the action rests on.
    pub kind: FindingKind,
    pub region: Option<Region>,
    /// Catalog ids of the exercises it names.
    pub exercises: Vec<String>,
}

/// What the bottom line is made from.
pub struct Inputs<'a> {
    /// Ranked.
    pub findings: &'a [Finding],
    pub pain_days: &'a [PainDay],
    /// Any pain entry at all (a diary, or pain read from notes).
    pub has_pain: bool,
    pub focus_from: Option<NaiveDate>,
    pub focus_weeks: u32,
    pub t: &'a Thresholds,
    pub catalog: &'a Catalog,
}

pub fn summary(x: &Inputs) -> Summary {
    let mut flags: Vec<&RedFlagSigns> = x
        .findings
        .iter()
        .filter_map(|f| match &f.facts {
            Facts::RedFlag(r) => Some(r),
            _ => None,
        })
        .collect();
    flags.sort_by_key(|f| std::cmp::Reverse(f.date));
    let mut actions = Vec::new();
    if let Some(newest) = flags.first() {
        actions.push(Action {
            text: actions::red_flags(&flags),
            kind: FindingKind::RedFlag,
            region: Some(newest.region),
            exercises: Vec::new(),
        });
    }
    let mut regions_done = Vec::new();
    for f in x.findings.iter().filter(|f| {
        f.scope == Scope::Recent
            && f.severity <= Severity::Warning
            && f.kind != FindingKind::RedFlag
    }) {
        if actions::acts_alone(f.kind) {
            actions.push(Action {
                text: actions::other(f, x.t, x.catalog),
                kind: f.kind,
                region: f.region,
                exercises: f.exercises.clone(),
            });
            continue;
        }
        let Some(region) = f.region else { continue };
        if regions_done.contains(&region) || !acts_now(region, x) {
            continue;
        }
        regions_done.push(region);
        actions.push(region_action(region, x));
    }
    let to_act_on = actions.len() - usize::from(!flags.is_empty());
    actions.truncate(MAX_ACTIONS);
    Summary {
        status: actions::status(
            flags.len(),
            to_act_on,
            most_pain(x),
            x.has_pain,
            x.focus_weeks,
        ),
        red_flags: flags.len(),
        checked: actions.is_empty().then(|| {
            let cautions = x
                .findings
                .iter()
                .filter(|f| f.scope == Scope::Recent && f.severity == Severity::Caution)
                .count();
            actions::checked(x.focus_weeks, x.has_pain, cautions)
        }),
        actions,
        to_act_on,
        focus: Focus {
            weeks: x.focus_weeks,
            from: x.focus_from,
        },
    }
}

/// Whether a region's pain is this week's business: it hurt in the weeks in focus, or an
/// association (tested over the whole log) names what comes before it. Pain long gone after a
/// single load jump stays in the findings but is no action now.
fn acts_now(region: Region, x: &Inputs) -> bool {
    let recent = x.focus_from.is_some_and(|from| {
        x.pain_days
            .iter()
            .any(|d| d.region == region && d.date >= from && d.peak > 0)
    });
    recent
        || x.findings
            .iter()
            .any(|f| f.region == Some(region) && f.kind == FindingKind::Association)
}

/// One action from everything found about a region's pain.
fn region_action(region: Region, x: &Inputs) -> Action {
    let of_region = || x.findings.iter().filter(move |f| f.region == Some(region));
    let cause = of_region().find_map(|f| match &f.facts {
        Facts::Association(a) => Some((f, a)),
        _ => None,
    });
    let spike = of_region().find(|f| f.kind == FindingKind::SpikeThenPain);
    let persistent = of_region().find_map(|f| match &f.facts {
        Facts::PersistentPain(e) => Some(e),
        _ => None,
    });
    let through = of_region().find_map(|f| match &f.facts {
        Facts::TrainingThroughPain(g) => Some(g),
        _ => None,
    });
    let pain = RegionPain {
        region,
        cause: cause.map(|(_, a)| a),
        spike,
        persistent,
        through,
    };
    let (kind, exercises) = match (cause, spike) {
        (Some((f, _)), _) | (None, Some(f)) => (f.kind, f.exercises.clone()),
        (None, None) if persistent.is_some() => (FindingKind::PersistentPain, Vec::new()),
        (None, None) => (FindingKind::TrainingThroughPain, Vec::new()),
    };
    Action {
        text: actions::region(&pain, x.t, x.catalog),
        kind,
        region: Some(region),
        exercises,
    }
}

/// The region with pain on the most days in the weeks in focus, and those days.
fn most_pain(x: &Inputs) -> Option<(Region, usize)> {
    let from = x.focus_from?;
    let mut days: BTreeMap<Region, usize> = BTreeMap::new();
    for d in x.pain_days.iter().filter(|d| d.date >= from && d.peak > 0) {
        *days.entry(d.region).or_default() += 1;
    }
    // Most days first; of equal counts, the first region in the vocabulary's order.
    days.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
}
