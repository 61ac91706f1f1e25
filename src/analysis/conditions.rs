//! Declared conditions (config `[conditions] declared`): a lifter who has been told they have,
//! say, a herniated disc gets a warning whenever the log holds the exercises that condition
//! makes risky (seed-knowledge.md §1–2). strainscope never infers a condition.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::catalog::Catalog;
use crate::model::{Condition, RiskTag, SetKind, WorkoutSet};

use super::findings::{Finding, FindingKind, SEE_A_PROFESSIONAL, Severity};
use super::settings::Thresholds;

/// Exercises a condition turns into warnings: by catalog id or by spinal-risk tag, and
/// optionally only when heavy (≥ `heavy_share` of the exercise's heaviest weight in the log).
struct Rule {
    ids: &'static [&'static str],
    tags: &'static [RiskTag],
    heavy_only: bool,
    why: &'static str,
}

fn rules(c: Condition) -> &'static [Rule] {
    match c {
        Condition::HerniatedDisc => &[
            Rule {
                ids: &["cobra-pose"],
                tags: &[],
                heavy_only: false,
                why: "Deep backbends push the lumbar spine to the end of its extension range, which can worsen a disc herniation.",
            },
            Rule {
                ids: &["back-squat"],
                tags: &[],
                heavy_only: true,
                why: "Heavy back squats compress the spine under the bar; with disc problems that compression is the risk.",
            },
        ],
        Condition::Sciatica => &[Rule {
            ids: &["toe-touch", "toe-touch-crunch"],
            tags: &[],
            heavy_only: false,
            why: "Fast toe touches flex the spine under the body's weight and stretch an irritated sciatic nerve.",
        }],
        Condition::SpinalStenosis => &[Rule {
            ids: &[],
            tags: &[RiskTag::Hyperextension],
            heavy_only: false,
            why: "Arching the lower back narrows the spinal canal further, which is what stenosis already does.",
        }],
        Condition::SpinalArthritis => &[Rule {
            ids: &[],
            tags: &[RiskTag::HighImpact],
            heavy_only: false,
            why: "Running and jumping jar the spine with every landing, which arthritic joints tolerate badly.",
        }],
        Condition::ImpingedNerve => &[Rule {
            ids: &[],
            tags: &[RiskTag::Rotation],
            heavy_only: false,
            why: "Twisting the loaded lower back can press on an irritated nerve root.",
        }],
        Condition::MuscleStrain => &[Rule {
            ids: &[],
            tags: &[RiskTag::LoadedFlexion, RiskTag::AxialLoading],
            heavy_only: true,
            why: "A strained back muscle needs time without heavy spinal loading; the seeds advise waiting until pain-free for a week.",
        }],
    }
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
                let matches = rule.ids.contains(&id) || rule.tags.iter().any(|&g| ex.has_risk(g));
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
                explanation: rule.why.into(),
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
    fn every_condition_names_exercises_the_catalog_has() {
        let catalog = Catalog::embedded();
        for &c in Condition::ALL {
            for rule in rules(c) {
                for id in rule.ids {
                    assert!(catalog.get(id).is_some(), "{c:?}: unknown id {id}");
                }
                let tagged = catalog
                    .exercises()
                    .filter(|e| rule.tags.iter().any(|&g| e.has_risk(g)))
                    .count();
                assert!(!rule.ids.is_empty() || tagged > 0, "{c:?} matches nothing");
            }
        }
    }
}
