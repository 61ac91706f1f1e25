//! Declared conditions (config `[conditions] declared`): a lifter who has been told they have,
//! say, a herniated disc gets a warning whenever the log holds the exercises that condition
//! makes risky (seed-knowledge.md §1–2). strainscope never infers a condition.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::catalog::Catalog;
use crate::model::{Condition, RiskTag, SetKind, WorkoutSet};

use super::findings::{Finding, FindingKind, SEE_A_PROFESSIONAL, Severity};
use super::settings::Thresholds;

/// The rules, as data: `data/conditions.toml`, embedded at build time.
const CONDITIONS_TOML: &str = include_str!("../../data/conditions.toml");

/// Exercises a condition turns into warnings: by catalog id or by spinal-risk tag, and
/// optionally only when heavy (≥ `heavy_share` of the exercise's heaviest weight in the log).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub condition: Condition,
    #[serde(default)]
    pub exercises: Vec<String>,
    #[serde(default)]
    pub tags: Vec<RiskTag>,
    #[serde(default)]
    pub heavy_only: bool,
    pub why: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: Vec<Rule>,
}

/// Every rule of `data/conditions.toml`. The file is part of the binary and checked by the
/// tests (`every_condition_rule_names_known_exercises`), so it cannot fail at run time; if it
/// ever did, no rule would apply rather than the program stopping.
pub fn all_rules() -> &'static [Rule] {
    static RULES: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
    RULES.get_or_init(|| parse_rules(CONDITIONS_TOML).unwrap_or_default())
}

/// Reads a rules file; the error names the line of a malformed entry.
pub fn parse_rules(text: &str) -> Result<Vec<Rule>, String> {
    toml::from_str::<RuleFile>(text)
        .map(|f| f.rule)
        .map_err(|e| e.to_string())
}

fn rules(c: Condition) -> impl Iterator<Item = &'static Rule> {
    all_rules().iter().filter(move |r| r.condition == c)
}

/// One warning per declared condition and rule that the log's working sets match. Warning
/// when the last matching day lies in the final 4 weeks of the period, caution before that.
pub fn findings(
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
            let recent = period_end.is_some_and(|end| (end - last).num_days() < 28);
            let names: Vec<String> = exercises
                .iter()
                .filter_map(|id| catalog.get(id))
                .map(|e| e.name.clone())
                .collect();
            let heavy = if rule.heavy_only { "heavy " } else { "" };
            let dates: Vec<NaiveDate> = days.iter().copied().collect();
            let shown: Vec<String> = dates.iter().rev().take(5).map(|d| d.to_string()).collect();
            let mut advice: Vec<String> = exercises
                .iter()
                .filter_map(|id| catalog.get(id))
                .filter(|e| !e.alternatives.is_empty())
                .map(|e| {
                    let alts: Vec<&str> = e
                        .alternatives
                        .iter()
                        .filter_map(|a| catalog.get(a))
                        .map(|a| a.name.as_str())
                        .collect();
                    format!("Instead of {}: {}.", e.name, alts.join(", "))
                })
                .collect();
            advice.push(format!(
                "Ask the professional treating your {} which of these exercises are safe for you.",
                condition.as_str().replace('-', " ")
            ));
            advice.push(SEE_A_PROFESSIONAL.into());
            out.push(Finding {
                severity: if recent {
                    Severity::Warning
                } else {
                    Severity::Caution
                },
                kind: FindingKind::DeclaredCondition,
                message: format!(
                    "Declared {}: {}{} in the log",
                    condition.as_str().replace('-', " "),
                    if rule.heavy_only {
                        "heavy sets of "
                    } else {
                        ""
                    },
                    names.join(", ")
                ),
                evidence: format!(
                    "{count} {heavy}working sets on {} days, most recently {}",
                    days.len(),
                    shown.join(", ")
                ),
                explanation: rule.why.clone(),
                advice,
                region: Some(crate::model::Region::LowerBack),
                exercises: exercises.iter().map(|s| s.to_string()).collect(),
                dates,
            });
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
        let found = findings(&sets, &[Condition::HerniatedDisc], catalog, &t, end);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].exercises, vec!["cobra-pose"]);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[1].message,
            "Declared herniated disc: heavy sets of Back squat in the log"
        );
        assert!(
            found[1]
                .evidence
                .starts_with("1 heavy working sets on 1 days"),
            "{}",
            found[1].evidence
        );
        // Long ago: a caution, not a warning.
        let later = NaiveDate::from_ymd_opt(2026, 6, 1);
        let old = findings(&sets, &[Condition::HerniatedDisc], catalog, &t, later);
        assert!(old.iter().all(|f| f.severity == Severity::Caution));
        // Nothing declared, nothing said.
        assert!(findings(&sets, &[], catalog, &t, end).is_empty());
    }

    #[test]
    fn every_condition_rule_names_known_exercises() {
        // The embedded file parses (all_rules falls back to no rules, which this catches).
        let parsed = parse_rules(CONDITIONS_TOML).expect("data/conditions.toml parses");
        assert_eq!(parsed.len(), all_rules().len());
        let catalog = Catalog::embedded();
        for &c in Condition::ALL {
            assert!(rules(c).next().is_some(), "{c:?} has no rule");
            for rule in rules(c) {
                for id in &rule.exercises {
                    assert!(catalog.get(id).is_some(), "{c:?}: unknown id {id}");
                }
                let tagged = catalog
                    .exercises()
                    .filter(|e| rule.tags.iter().any(|&g| e.has_risk(g)))
                    .count();
                assert!(
                    !rule.exercises.is_empty() || tagged > 0,
                    "{c:?} matches nothing"
                );
                assert!(!rule.why.is_empty(), "{c:?}: no explanation");
            }
        }
    }

    #[test]
    fn a_malformed_rule_names_its_line() {
        let err = parse_rules(
            "[[rule]]\ncondition = \"sciatica\"\nwhy = \"x\"\n\n[[rule]]\ncondition = \"gout\"\nwhy = \"y\"\n",
        )
        .unwrap_err();
        assert!(err.contains("line 6"), "{err}");
        assert!(err.contains("gout"), "{err}");
        let err = parse_rules("[[rule]]\ncondition = \"sciatica\"\nwhy = \"x\"\nheavy = true\n")
            .unwrap_err();
        assert!(err.contains("line 4"), "{err}");
    }
}
