//! Analysis: pure functions from the normalized model to typed results. The tabular work
//! (daily calendar, ratios, weekly and per-exercise aggregates) runs on polars frames; the
//! event logic (episodes, associations, findings) walks the typed rows. `polars::prelude::*`
//! stays inside this module so a polars upgrade touches few files.
//!
//! [`Analysis`] is the contract between analysis and the renderers: `--format json` is its
//! serialization (docs/json.md).

pub mod associations;
pub mod calendar;
pub mod conditions;
pub mod digest;
pub mod episodes;
pub mod findings;
pub mod frame;
pub mod habits;
pub mod implicated;
pub mod notes;
pub mod settings;
pub mod stats;
pub mod stratified;
pub mod summary;
pub mod totals;
pub mod weekly;

#[cfg(test)]
pub(crate) mod testing;

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{PainEntry, WorkoutSet};

use associations::Association;
use calendar::{Day, Layoff, Session};
use episodes::{Episode, RedFlag};
use findings::Finding;
use habits::Habits;
use implicated::{Implicated, PainDay};
use settings::Thresholds;
use summary::Summary;
use weekly::{ExerciseWeek, RegionWeek, Week};

/// Bumped when a key changes meaning or disappears; new keys do not bump it.
pub const SCHEMA_VERSION: u32 = 1;

/// Said by every report.
pub const NOTICES: &[&str] = &[
    "Association, not proof: these numbers show what came before pain, not what caused it.",
    "Not medical advice: strainscope cannot examine you. See a doctor or physiotherapist about pain that worries you, and at once for any red flag.",
];

/// What to analyse.
pub struct Input<'a> {
    pub sets: &'a [WorkoutSet],
    /// Diary entries plus any entries inferred from workout notes.
    pub pain: &'a [PainEntry],
    pub catalog: &'a Catalog,
    pub thresholds: &'a Thresholds,
    /// Declared in the config; each turns some exercises into warnings.
    pub conditions: &'a [crate::model::Condition],
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Load and routine findings are about this many weeks up to the period's end; older
    /// ones fold into history lines (`[report] focus_weeks`).
    pub focus_weeks: u32,
}

/// The default of `focus_weeks`.
pub const FOCUS_WEEKS: u32 = 4;

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub days: usize,
    pub weeks: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub sessions: usize,
    pub sets: usize,
    pub working_sets: usize,
    pub pain_entries: usize,
    pub inferred_pain_entries: usize,
    pub episodes: usize,
}

/// The weeks' figures per exercise and per body region, beside the totals in `weekly`.
#[derive(Debug, Clone, Serialize)]
pub struct WeeklyBreakdown {
    #[serde(rename = "weekly_exercises")]
    pub exercises: Vec<ExerciseWeek>,
    #[serde(rename = "weekly_regions")]
    pub regions: Vec<RegionWeek>,
}

/// What the pain diary adds up to: its episodes, and the entries that call for a doctor.
#[derive(Debug, Clone, Serialize)]
pub struct PainHistory {
    pub episodes: Vec<Episode>,
    pub red_flags: Vec<RedFlag>,
}

/// How the training ran: the breaks in it, its habits and the sessions themselves.
#[derive(Debug, Clone, Serialize)]
pub struct Routine {
    pub layoffs: Vec<Layoff>,
    pub habits: Option<HabitsReport>,
    pub sessions: Vec<Session>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HabitsReport {
    pub last_4_weeks: Habits,
    pub whole_period: Habits,
}

/// Everything a report shows.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub schema_version: u32,
    pub notices: Vec<String>,
    /// The bottom line: status and at most three actions.
    pub summary: Summary,
    pub period: Period,
    pub counts: Counts,
    pub thresholds: Thresholds,
    pub warnings: Vec<Finding>,
    #[serde(flatten)]
    pub pain: PainHistory,
    /// Exercises the warnings name, with the catalog's safer alternatives.
    pub implicated: Vec<Implicated>,
    pub associations: Vec<Association>,
    pub daily: Vec<Day>,
    /// Per day and region: the highest pain logged.
    pub pain_days: Vec<PainDay>,
    /// Each week's totals; `per_week` splits them per exercise and region.
    pub weekly: Vec<Week>,
    #[serde(flatten)]
    pub per_week: WeeklyBreakdown,
    #[serde(flatten)]
    pub routine: Routine,
    /// Every finding before older load and routine occurrences were folded into history
    /// lines, ranked: what a week of the weekly PDF is cut from (digest.rs). Not in the JSON.
    #[serde(skip)]
    pub unfolded: Vec<Finding>,
}

/// Runs the whole analysis.
pub fn analyse(input: &Input) -> polars::prelude::PolarsResult<Analysis> {
    let t = input.thresholds;
    let all_sessions = calendar::sessions(input.sets, input.catalog);
    let last_pain = input.pain.iter().map(|p| p.at.date()).max();
    let days_list = calendar::calendar_days(&all_sessions, last_pain, input.from, input.to);
    let (first, last) = (days_list.first().copied(), days_list.last().copied());
    let inside = |d: NaiveDate| first.is_some_and(|f| d >= f) && last.is_some_and(|l| d <= l);
    // Usually every set lies inside the calendar: borrow them then, copy only to narrow.
    let sets: Cow<[WorkoutSet]> = if input.sets.iter().all(|s| inside(s.day())) {
        Cow::Borrowed(input.sets)
    } else {
        Cow::Owned(
            input
                .sets
                .iter()
                .filter(|s| inside(s.day()))
                .cloned()
                .collect(),
        )
    };
    let pain: Vec<PainEntry> = input
        .pain
        .iter()
        .filter(|p| inside(p.at.date()))
        .cloned()
        .collect();
    // Episodes come from every entry and session up to the period's end, then keep those
    // that overlap it: one already open on the first day (the diary started first, or
    // --from cut into it) keeps its real onset and is no new onset there. Entries after the
    // end stay unread, as a report up to --to knows only what was known then.
    let episodes = match (first, last) {
        (Some(first), Some(last)) => {
            let known_pain: Vec<PainEntry> = input
                .pain
                .iter()
                .filter(|p| p.at.date() <= last)
                .cloned()
                .collect();
            let known_sessions = all_sessions.partition_point(|s| s.day <= last);
            let all = episodes::episodes(&known_pain, &all_sessions[..known_sessions], t);
            episodes::in_period(all, first, last)
        }
        _ => Vec::new(),
    };
    let sessions: Vec<Session> = all_sessions.into_iter().filter(|s| inside(s.day)).collect();

    let days = calendar::daily(&sets, &sessions, &days_list, input.catalog, t)?;
    let layoffs = calendar::layoffs(&days);
    let weeks = weekly::weeks(&days, &pain)?;
    let exercise_weeks = weekly::exercise_weeks(&sets, &weeks, t)?;
    let region_weeks = weekly::region_weeks(&days, &weeks);
    // Red flags are never dropped for falling before the first session: only --from/--to
    // narrow them.
    let flagged: Vec<PainEntry> = input
        .pain
        .iter()
        .filter(|p| {
            input.from.is_none_or(|f| p.at.date() >= f) && input.to.is_none_or(|t| p.at.date() <= t)
        })
        .cloned()
        .collect();
    let red_flags = episodes::red_flags(&flagged);
    let flags = associations::session_exposures(&sessions, &days, &weeks, &layoffs, t);
    let exposures = associations::all_exposures(&sessions, &flags, input.catalog);
    let associations = associations::associations(&sessions, &exposures, &episodes, t);
    let habits = habits::habits(&sets, &days, input.catalog, t);
    let mut warnings = findings::findings(&findings::Inputs {
        sessions: &sessions,
        days: &days,
        weeks: &weeks,
        exercise_weeks: &exercise_weeks,
        layoffs: &layoffs,
        episodes: &episodes,
        red_flags: &red_flags,
        associations: &associations,
        habits: habits.as_ref(),
        catalog: input.catalog,
        t,
    });
    // Declared conditions flag exercises on their own rules (conditions.rs), beside the
    // findings from the log; one ranking orders both.
    warnings.extend(findings::condition_findings(
        &sets,
        input.conditions,
        input.catalog,
        t,
        days.last().map(|d| d.date),
    ));
    findings::rank(&mut warnings);
    let focus_from = last.map(|l| findings::focus_start(l, input.focus_weeks));
    let unfolded = warnings.clone();
    if let Some(since) = focus_from {
        warnings = findings::fold(warnings, since, t, input.catalog);
    }

    let implicated = implicated::implicated(&warnings, input.catalog);
    let pain_days = implicated::pain_days(&pain);
    let summary = summary::summary(&summary::Inputs {
        findings: &warnings,
        pain_days: &pain_days,
        has_pain: !input.pain.is_empty(),
        focus_from,
        focus_weeks: input.focus_weeks,
        t,
        catalog: input.catalog,
    });

    Ok(Analysis {
        schema_version: SCHEMA_VERSION,
        notices: NOTICES.iter().map(|s| s.to_string()).collect(),
        summary,
        period: Period {
            from: first,
            to: last,
            days: days.len(),
            weeks: weeks.len(),
        },
        counts: Counts {
            sessions: sessions.len(),
            sets: sets.len(),
            working_sets: sets
                .iter()
                .filter(|s| s.kind != crate::model::SetKind::Warmup)
                .count(),
            pain_entries: pain.len(),
            inferred_pain_entries: pain.iter().filter(|p| p.inferred).count(),
            episodes: episodes.len(),
        },
        thresholds: t.clone(),
        warnings,
        pain: PainHistory {
            episodes,
            red_flags,
        },
        implicated,
        associations,
        daily: days,
        pain_days,
        weekly: weeks,
        per_week: WeeklyBreakdown {
            exercises: exercise_weeks,
            regions: region_weeks,
        },
        routine: Routine {
            layoffs,
            habits: habits.map(|(recent, whole)| HabitsReport {
                last_4_weeks: recent,
                whole_period: whole,
            }),
            sessions,
        },
        unfolded,
    })
}
