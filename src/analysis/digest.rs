//! One ISO week against the four before it: what the weekly PDF's first page shows. Cut from
//! one [`Analysis`] of the whole log (so `weekly --all-weeks` analyses once): the week's
//! numbers, its load and routine warnings and its open episodes are what was logged by that
//! Sunday; pain, association and red-flag findings that had begun by then keep the evidence of
//! the whole log.

use crate::model::IsoWeek;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use super::Analysis;
use super::episodes::Episode;
use super::findings::{self, Finding, FindingKind};
use super::summary::{self, Summary};
use super::weekly::Week;
use crate::catalog::Catalog;

/// Weeks compared against.
pub const PREVIOUS_WEEKS: usize = 4;

/// `2026-W46` → its Monday.
pub fn parse_week(label: &str) -> Result<NaiveDate, String> {
    label.parse::<IsoWeek>().map(IsoWeek::monday)
}

/// The Monday of the last ISO week that ends on or before `last_day`.
pub fn last_complete_week(last_day: NaiveDate) -> NaiveDate {
    let monday = last_day - Duration::days(i64::from(last_day.weekday().num_days_from_monday()));
    if last_day.weekday() == Weekday::Sun {
        monday
    } else {
        monday - Duration::days(7)
    }
}

/// One figure of the week and of each of the weeks before it.
#[derive(Debug, Clone, Serialize)]
pub struct Metric {
    pub name: &'static str,
    pub unit: &'static str,
    pub this_week: Option<f64>,
    /// Oldest first; missing weeks (before the log starts) are left out.
    pub previous: Vec<Option<f64>>,
    /// Mean of the previous weeks that have a value.
    pub previous_mean: Option<f64>,
    /// Decimals worth showing.
    pub decimals: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct WeekDigest {
    /// The week, Monday to Sunday.
    pub week: IsoWeek,
    /// The labels of the previous weeks compared against, oldest first.
    pub previous_weeks: Vec<IsoWeek>,
    pub metrics: Vec<Metric>,
    /// Warnings dated inside the week or the four before it, and the last earlier red flag,
    /// most severe first.
    pub warnings: Vec<Finding>,
    /// Warnings about earlier weeks, left to the full report.
    pub earlier_warnings: usize,
    /// Episodes still open at the end of the week, as they stood then.
    pub open_episodes: Vec<Episode>,
    /// The week's bottom line: status and at most three actions, red flags first.
    pub summary: Summary,
    /// The first and last day of the five weeks the load-and-pain chart shows.
    pub chart: (NaiveDate, NaiveDate),
}

/// The digest of the week starting `monday`, from an analysis that may run on past the week.
/// None when the week is not in the analysis.
pub fn digest(a: &Analysis, monday: NaiveDate, catalog: &Catalog) -> Option<WeekDigest> {
    let label = IsoWeek::of(monday);
    let at = a.weekly.iter().position(|w| w.week == label)?;
    let this = &a.weekly[at];
    let previous: &[Week] = &a.weekly[at.saturating_sub(PREVIOUS_WEEKS)..at];
    let sunday = label.sunday();
    let chart_from = monday - Duration::days(7 * PREVIOUS_WEEKS as i64);

    let metric = |name, unit, decimals, f: &dyn Fn(&Week) -> Option<f64>| {
        let before: Vec<Option<f64>> = previous.iter().map(f).collect();
        let known: Vec<f64> = before.iter().flatten().copied().collect();
        Metric {
            name,
            unit,
            this_week: f(this),
            previous_mean: (!known.is_empty())
                .then(|| known.iter().sum::<f64>() / known.len() as f64),
            previous: before,
            decimals,
        }
    };
    let metrics = vec![
        metric("Sessions", "", 0, &|w| Some(f64::from(w.training.sessions))),
        metric("Tonnage", "kg", 0, &|w| Some(w.load.kg)),
        metric("Working sets", "", 0, &|w| Some(f64::from(w.training.sets))),
        metric("ACWR (EWMA, heuristic)", "", 2, &|w| w.acwr.daily.mean),
        metric("Monotony", "", 2, &|w| w.load.monotony),
        metric("Rest days", "", 0, &|w| {
            Some(f64::from(w.training.rest_days))
        }),
        metric("Pain days", "", 0, &|w| Some(f64::from(w.pain.days))),
        metric("Peak pain", "/10", 0, &|w| w.pain.peak.map(f64::from)),
    ];
    let focus_weeks = a.summary.focus.weeks;
    let focus_from = findings::focus_start(sunday, focus_weeks);
    let known = findings::fold(known_by(a, sunday), focus_from, &a.thresholds, catalog);
    let recent = |f: &Finding| f.dates.iter().any(|d| *d >= chart_from && *d <= sunday);
    // The last red flag stays on every later week's PDF: it needs a professional, however old.
    let last_red_flag = known
        .iter()
        .filter(|f| f.kind == FindingKind::RedFlag && !recent(f))
        .max_by_key(|f| f.dates.iter().max().copied());
    let warnings: Vec<Finding> = known
        .iter()
        .filter(|f| recent(f) || last_red_flag.is_some_and(|r| std::ptr::eq(*f, r)))
        .cloned()
        .collect();
    let end_of_week = sunday.and_hms_opt(23, 59, 59)?;
    let open_episodes = a
        .pain
        .episodes
        .iter()
        .filter_map(|e| e.as_of(end_of_week))
        .filter(|e| e.resolved_on.is_none() && e.end >= chart_from)
        .collect();
    let pain_days: Vec<_> = a
        .pain_days
        .iter()
        .filter(|d| d.date <= sunday)
        .cloned()
        .collect();
    // The bottom line rests on what the PDF shows, so its counts match the pages.
    let summary = summary::summary(&summary::Inputs {
        findings: &warnings,
        pain_days: &pain_days,
        has_pain: a.counts.pain_entries > 0,
        focus_from: Some(focus_from),
        focus_weeks,
        t: &a.thresholds,
        catalog,
    });
    Some(WeekDigest {
        week: label,
        previous_weeks: previous.iter().map(|w| w.week).collect(),
        metrics,
        earlier_warnings: known.len() - warnings.len(),
        warnings,
        open_episodes,
        summary,
        chart: (chart_from, sunday),
    })
}

/// The findings as they stood at the end of `sunday`: load and routine findings cut to the
/// occurrences up to then; other findings kept whole when they had begun by then.
fn known_by(a: &Analysis, sunday: NaiveDate) -> Vec<Finding> {
    a.unfolded
        .iter()
        .filter_map(|f| {
            if f.kind.folds() {
                // Not worded here: `fold` words anew what it keeps of a folding finding.
                let facts = f.facts.within(NaiveDate::MIN, sunday)?;
                Some(Finding { facts, ..f.clone() })
            } else {
                let began = f.dates.iter().min().is_none_or(|d| *d <= sunday);
                began.then(|| f.clone())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::date;

    #[test]
    fn weeks_parse_and_the_last_complete_week_ends_on_a_sunday() {
        assert_eq!(parse_week("2026-W46").unwrap(), date("2026-11-09"));
        assert_eq!(parse_week("2026W01").unwrap(), date("2025-12-29"));
        assert!(parse_week("2026-W54").is_err());
        assert!(parse_week("46").unwrap_err().contains("expected YYYY-Www"));
        // Saturday 2026-11-21: the week of the 16th is not over, the week of the 9th is.
        assert_eq!(last_complete_week(date("2026-11-21")), date("2026-11-09"));
        assert_eq!(last_complete_week(date("2026-11-22")), date("2026-11-16"));
    }
}
