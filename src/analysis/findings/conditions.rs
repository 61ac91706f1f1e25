//! Findings for declared conditions (config `[conditions] declared`): one per condition and
//! rule whose exercises the log's working sets hold. The rules themselves are data
//! (`analysis/conditions.rs`, `data/conditions.toml`); strainscope never infers a condition.

use super::facts::ConditionExercises;
use super::*;
use crate::analysis::conditions::rules;
use crate::model::{Condition, SetKind, WorkoutSet};

/// A rule's matches are a warning while the last of them lies within this many days of the
/// period's end, a caution before that.
const RECENT_DAYS: i64 = 28;

/// One finding per declared condition and rule that the log's working sets match, ordered by
/// condition and rule.
pub fn condition_findings(
    sets: &[WorkoutSet],
    conditions: &[Condition],
    catalog: &Catalog,
    t: &Thresholds,
    period_end: Option<NaiveDate>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if conditions.is_empty() {
        return out;
    }
    let working: Vec<&WorkoutSet> = sets
        .iter()
        .filter(|s| s.kind != SetKind::Warmup && s.canonical.is_some())
        .collect();
    let mut heaviest: BTreeMap<&str, f64> = BTreeMap::new();
    for s in &working {
        if let (Some(id), Some(w)) = (s.canonical.as_deref(), s.weight_kg) {
            let m = heaviest.entry(id).or_insert(0.0);
            *m = m.max(w);
        }
    }
    for &condition in conditions {
        for rule in rules(condition) {
            let mut days: BTreeSet<NaiveDate> = BTreeSet::new();
            let mut exercises: BTreeSet<&str> = BTreeSet::new();
            let mut count = 0u32;
            for s in &working {
                let Some(id) = s.canonical.as_deref() else {
                    continue;
                };
                let Some(ex) = catalog.get(id) else { continue };
                let matches = rule.exercises.iter().any(|e| e == id)
                    || rule.tags.iter().any(|&g| ex.has_risk(g));
                if !matches {
                    continue;
                }
                let heavy = s.weight_kg.is_some_and(|w| {
                    w > 0.0 && heaviest.get(id).is_some_and(|m| w >= t.heavy_share * m)
                });
                if rule.heavy_only && !heavy {
                    continue;
                }
                count += 1;
                days.insert(s.day());
                exercises.insert(id);
            }
            let Some(&last) = days.last() else { continue };
            let recent = period_end.is_some_and(|end| (end - last).num_days() < RECENT_DAYS);
            let severity = if recent {
                Severity::Warning
            } else {
                Severity::Caution
            };
            let facts = ConditionExercises {
                rule,
                sets: count,
                days: days.into_iter().collect(),
                exercises: exercises.iter().map(|s| s.to_string()).collect(),
                // The conditions a lifter can declare are all of the spine.
                region: Region::LowerBack,
            };
            out.push(Finding::new(
                severity,
                Facts::DeclaredCondition(facts),
                t,
                catalog,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{at, set};

    #[test]
    fn a_herniated_disc_turns_backbends_and_heavy_back_squats_into_warnings() {
        let catalog = Catalog::embedded();
        let t = Thresholds::default();
        let sets = vec![
            set(at("2026-03-02 18:00"), "back-squat", 100.0, 5.0),
            set(at("2026-03-02 18:00"), "back-squat", 60.0, 10.0), // light: not heavy
            set(at("2026-03-05 18:00"), "cobra-pose", 0.0, 10.0),
            set(at("2026-03-05 18:00"), "deadlift", 140.0, 5.0), // not named by the condition
        ];
        let end = NaiveDate::from_ymd_opt(2026, 3, 8);
        let herniated = [Condition::HerniatedDisc];
        let found = condition_findings(&sets, &herniated, catalog, &t, end);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].exercises, vec!["cobra-pose"]);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[1].said.message,
            "Declared herniated disc: heavy sets of Back squat in the log"
        );
        assert!(
            found[1]
                .said
                .evidence
                .starts_with("1 heavy working set on 1 day,"),
            "{}",
            found[1].said.evidence
        );
        // The facts behind the words: one heavy set, on 2 March.
        let Facts::DeclaredCondition(c) = &found[1].facts else {
            panic!("{:?}", found[1].facts)
        };
        assert_eq!((c.sets, c.rule.heavy_only), (1, true));
        assert_eq!(c.days, vec![NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()]);
        assert_eq!(c.exercises, vec!["back-squat"]);
        // Long ago: a caution, not a warning.
        let later = NaiveDate::from_ymd_opt(2026, 6, 1);
        let old = condition_findings(&sets, &herniated, catalog, &t, later);
        assert!(old.iter().all(|f| f.severity == Severity::Caution));
        // Nothing declared, nothing said.
        assert!(condition_findings(&sets, &[], catalog, &t, end).is_empty());
    }
}
