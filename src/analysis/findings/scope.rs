//! Recent weeks in focus, history folded (issue 12). Load, ACWR, monotony, streak and recovery
//! findings are about the last `focus_weeks` weeks; their older occurrences fold into one
//! history finding per kind, so a six-year log does not list 262 ACWR days beside this week's.
//! Pain, episode, association, red-flag, habit and declared-condition findings never fold:
//! habits are already measured over the recent weeks, and pain is never old news.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::IsoWeek;

use super::facts::{AcwrDays, ExerciseJumps, Facts, PainFollowUp, RecentRises, ShortGaps};
use super::load::SHORT_RECOVERIES;
use super::{Finding, FindingKind, Severity, Thresholds, rank};

/// Whether a finding is about the weeks in focus or is a folded history line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Recent,
    History,
}

/// The occurrences of one kind before the weeks in focus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Folded {
    #[serde(skip)]
    pub kind: FindingKind,
    /// Distinct dates (days, or Mondays of weeks, as the kind counts).
    pub occurrences: usize,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl FindingKind {
    /// Kinds about training load and routine, whose old occurrences are history.
    pub fn folds(self) -> bool {
        matches!(
            self,
            FindingKind::ExerciseJump
                | FindingKind::WeeklyLoadJump
                | FindingKind::WeeklyLoadRise
                | FindingKind::AcwrDanger
                | FindingKind::Monotony
                | FindingKind::ReturnAfterLayoff
                | FindingKind::TrainingStreak
                | FindingKind::ShortRecovery
        )
    }
}

/// The first day in focus: the Monday `focus_weeks - 1` weeks before the week of `last`.
pub fn focus_start(last: NaiveDate, focus_weeks: u32) -> NaiveDate {
    let monday = IsoWeek::of(last).monday();
    monday
        .checked_sub_days(Days::new(7 * u64::from(focus_weeks.max(1) - 1)))
        .unwrap_or(NaiveDate::MIN)
}

/// Keeps what falls on or after `since` of every folding finding, and folds the rest into one
/// history finding per kind. Re-ranks.
pub fn fold(
    findings: Vec<Finding>,
    since: NaiveDate,
    t: &Thresholds,
    catalog: &Catalog,
) -> Vec<Finding> {
    let mut older: BTreeMap<FindingKind, BTreeSet<NaiveDate>> = BTreeMap::new();
    let mut out = Vec::with_capacity(findings.len());
    for f in findings {
        if !f.kind.folds() {
            out.push(f);
            continue;
        }
        let old: Vec<NaiveDate> = f
            .facts
            .occurrences()
            .into_iter()
            .filter(|d| *d < since)
            .collect();
        if !old.is_empty() {
            older.entry(f.kind).or_default().extend(old);
        }
        // Recent occurrences too few to stand alone (two short recoveries in the weeks in
        // focus) are below the finding's own threshold: neither recent nor history.
        if let Some(facts) = f.facts.since(since) {
            out.push(Finding::new(f.severity, facts, t, catalog));
        }
    }
    for (kind, dates) in older {
        let (Some(first), Some(last)) = (dates.first().copied(), dates.last().copied()) else {
            continue;
        };
        let folded = Folded {
            kind,
            occurrences: dates.len(),
            first,
            last,
        };
        out.push(Finding::new(
            Severity::Info,
            Facts::History(folded),
            t,
            catalog,
        ));
    }
    rank(&mut out);
    out
}

impl Facts {
    /// One date per occurrence, for counting folded ones: a streak is one occurrence (its
    /// last day), not its first and last.
    fn occurrences(&self) -> Vec<NaiveDate> {
        match self {
            Facts::TrainingStreak(s) => vec![s.last],
            _ => self.dates(),
        }
    }

    /// The part of a folding finding's facts on or after `since`; None when nothing is left.
    /// Facts of kinds that do not fold are returned whole.
    pub fn since(&self, since: NaiveDate) -> Option<Facts> {
        self.within(since, NaiveDate::MAX)
    }

    /// The part of a folding finding's facts from `since` to `until`, both included; None when
    /// nothing is left. Facts of kinds that do not fold are returned whole.
    pub fn within(&self, since: NaiveDate, until: NaiveDate) -> Option<Facts> {
        let inside = |d: NaiveDate| d >= since && d <= until;
        match self {
            Facts::ExerciseJump(j) => kept(&j.jumps, |w| inside(w.week.monday())).map(|jumps| {
                Facts::ExerciseJump(ExerciseJumps {
                    jumps,
                    followed: PainFollowUp {
                        onsets: kept(&j.followed.onsets, |f| inside(f.week.monday()))
                            .unwrap_or_default(),
                        record: j.followed.record,
                    },
                    ..j.clone()
                })
            }),
            Facts::WeeklyLoadJump(weeks) => {
                kept(weeks, |w| inside(w.first_day)).map(Facts::WeeklyLoadJump)
            }
            Facts::WeeklyLoadRise(r) => kept(&r.weeks, |w| inside(w.first_day)).map(|weeks| {
                Facts::WeeklyLoadRise(RecentRises {
                    weeks,
                    of_last_weeks: r.of_last_weeks,
                })
            }),
            Facts::AcwrDanger(a) => kept(&a.days, |d| inside(*d)).map(|days| {
                Facts::AcwrDanger(AcwrDays {
                    days,
                    highest: a.highest.filter(|(_, day)| inside(*day)),
                })
            }),
            Facts::Monotony(weeks) => kept(weeks, |w| inside(w.first_day)).map(Facts::Monotony),
            Facts::ReturnAfterLayoff(c) => (inside(c.return_day)).then_some(self.clone()),
            Facts::TrainingStreak(s) => (inside(s.last)).then_some(self.clone()),
            // As over the whole log, a region needs 3 short recoveries in the weeks in focus
            // to be worth a caution: one 25-hour gap is not a pattern.
            Facts::ShortRecovery(s) => kept(&s.gaps, |g| inside(g.day))
                .filter(|gaps| gaps.len() >= SHORT_RECOVERIES)
                .map(|gaps| {
                    Facts::ShortRecovery(ShortGaps {
                        region: s.region,
                        gaps,
                    })
                }),
            _ => Some(self.clone()),
        }
    }
}

/// The items that pass `keep`, or None when none do.
fn kept<T: Copy>(items: &[T], keep: impl Fn(&T) -> bool) -> Option<Vec<T>> {
    let kept: Vec<T> = items.iter().copied().filter(|x| keep(x)).collect();
    (!kept.is_empty()).then_some(kept)
}
