//! The words of a declared condition's finding: which of its risky exercises the log holds, and
//! the rule's reason from `data/conditions.toml`.

use super::*;
use crate::analysis::findings::facts::ConditionExercises;

pub(super) fn declared(c: &ConditionExercises, catalog: &Catalog) -> Words {
    let condition = c.rule.condition.as_str().replace('-', " ");
    let exercises: Vec<&crate::catalog::Exercise> = c
        .exercises
        .iter()
        .filter_map(|id| catalog.get(id))
        .collect();
    let names: Vec<&str> = exercises.iter().map(|e| e.name.as_str()).collect();
    let shown: Vec<String> = c.days.iter().rev().take(5).map(|d| d.to_string()).collect();
    let mut advice: Vec<String> = exercises
        .iter()
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
        "Ask the professional treating your {condition} which of these exercises are safe for you."
    ));
    advice.push(SEE_A_PROFESSIONAL.into());
    Words {
        message: format!(
            "Declared {condition}: {}{} in the log",
            if c.rule.heavy_only {
                "heavy sets of "
            } else {
                ""
            },
            names.join(", ")
        ),
        evidence: format!(
            "{} on {}, most recently {}",
            plural(
                c.sets as usize,
                if c.rule.heavy_only {
                    "heavy working set"
                } else {
                    "working set"
                },
                if c.rule.heavy_only {
                    "heavy working sets"
                } else {
                    "working sets"
                },
            ),
            plural(c.days.len(), "day", "days"),
            shown.join(", ")
        ),
        explanation: c.rule.why.clone(),
        advice,
    }
}
