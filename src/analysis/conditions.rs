//! Declared conditions (config `[conditions] declared`): a lifter who has been told they have,
//! say, a herniated disc gets a warning whenever the log holds the exercises that condition
//! makes risky (seed-knowledge.md §1–2). strainscope never infers a condition. This module
//! holds the rules; `findings/conditions.rs` matches them against the log.

use crate::model::{Condition, RiskTag};

/// The rules, as data: `data/conditions.toml`, embedded at build time.
const CONDITIONS_TOML: &str = include_str!("../../data/conditions.toml");

/// Exercises a condition turns into warnings: by catalog id or by spinal-risk tag, and
/// optionally only when heavy (≥ `heavy_share` of the exercise's heaviest weight in the log).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
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

/// The rules of one condition, in file order.
pub fn rules(c: Condition) -> impl Iterator<Item = &'static Rule> {
    all_rules().iter().filter(move |r| r.condition == c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

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
