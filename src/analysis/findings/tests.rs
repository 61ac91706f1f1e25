//! The families record the right facts on a small hand-made log, and each finding's text,
//! region, exercises and dates are said from those facts with the thresholds in use.

use super::facts::*;
use super::*;
use crate::analysis::testing::date;
use crate::analysis::testing::{at, entry, set};
use crate::analysis::{Analysis, Input, analyse};
use crate::model::{IsoWeek, PainEntry, WorkoutSet};

/// Two weeks of deadlifts at 2 × 500 kg, then a week at 2 × 700 kg (+40 %), and lower-back
/// pain 14 h after the second heavy session: 6/10, then 5/10, then gone.
fn log() -> (Vec<WorkoutSet>, Vec<PainEntry>) {
    let sessions = [
        ("2026-03-02 18:00", 100.0),
        ("2026-03-05 18:00", 100.0),
        ("2026-03-09 18:00", 100.0),
        ("2026-03-12 18:00", 100.0),
        ("2026-03-16 18:00", 140.0),
        ("2026-03-17 18:00", 140.0),
    ];
    let sets = sessions
        .iter()
        .map(|(when, kg)| set(at(when), "deadlift", *kg, 5.0))
        .collect();
    let pain = vec![
        entry("2026-03-18 08:00", Region::LowerBack, 6),
        entry("2026-03-19 08:00", Region::LowerBack, 5),
        entry("2026-03-21 08:00", Region::LowerBack, 0),
    ];
    (sets, pain)
}

fn analysed(t: &Thresholds) -> Analysis {
    let (sets, pain) = log();
    analysed_log(&sets, &pain, t)
}

fn analysed_log(sets: &[WorkoutSet], pain: &[PainEntry], t: &Thresholds) -> Analysis {
    analyse(&Input {
        sets,
        pain,
        catalog: Catalog::embedded(),
        thresholds: t,
        conditions: &[],
        from: None,
        to: None,
        focus_weeks: crate::analysis::FOCUS_WEEKS,
    })
    .expect("analysis")
}

fn of_kind(a: &Analysis, kind: FindingKind) -> &Finding {
    a.warnings
        .iter()
        .find(|f| f.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {:#?}", a.warnings))
}

/// The finding of `kind` and its facts, which must be of the same kind.
macro_rules! facts_of {
    ($a:expr, $kind:ident) => {{
        let finding = of_kind($a, FindingKind::$kind);
        let Facts::$kind(facts) = &finding.facts else {
            panic!("{:?}", finding.facts)
        };
        (finding, facts)
    }};
}

#[test]
fn a_load_jump_before_pain_carries_its_weeks_onsets_and_hours() {
    let a = analysed(&Thresholds::default());
    let w12: IsoWeek = "2026-W12".parse().expect("week");
    let (spike, j) = facts_of!(&a, SpikeThenPain);
    assert_eq!(j.exercise, "deadlift");
    assert_eq!(j.jumps.len(), 1);
    assert_eq!((j.jumps[0].week, j.jumps[0].value), (w12, 1400.0));
    assert!((j.jumps[0].change_pct.expect("a change") - 40.0).abs() < 1e-9);
    assert_eq!(
        j.followed.onsets,
        vec![PainAfterJump {
            week: w12,
            onset: date("2026-03-18"),
            region: Region::LowerBack,
            hours: 14,
        }]
    );
    // What the finding shows is said from those facts.
    assert_eq!(spike.severity, Severity::Warning);
    assert_eq!(spike.region, Some(Region::LowerBack));
    assert_eq!(spike.exercises, vec!["deadlift"]);
    assert_eq!(spike.dates, vec![date("2026-03-18")]);
    assert_eq!(
        spike.said.message,
        "Deadlift tonnage jumped more than 30 % in 1 week; lower back pain followed 1 of them within 48 h"
    );

    let (weekly, weeks) = facts_of!(&a, WeeklyLoadJump);
    assert_eq!(weeks.len(), 1);
    assert_eq!(
        (weeks[0].week, weeks[0].first_day, weeks[0].load_kg),
        (w12, date("2026-03-16"), 1400.0)
    );
    assert!((weeks[0].change_pct - 40.0).abs() < 1e-9);
    assert_eq!(weekly.said.evidence, "2026-W12 1400 kg (+40 %)");
}

#[test]
fn a_sudden_episode_carries_its_span_and_peak() {
    let a = analysed(&Thresholds::default());
    let acute = of_kind(&a, FindingKind::AcuteOnset);
    assert_eq!(
        acute.facts,
        Facts::AcuteOnset(EpisodeGroup {
            region: Region::LowerBack,
            episodes: vec![EpisodeSpan {
                onset: date("2026-03-18"),
                end: date("2026-03-19"),
                peak: 6,
            }],
        })
    );
    assert_eq!(acute.severity, Severity::Caution);
    assert_eq!(
        acute.said.message,
        "Lower back pain started abruptly (sharp or 6+/10) within a day of a session (1 episode)"
    );
    assert_eq!(acute.said.evidence, "2026-03-18 to 2026-03-19 (peak 6/10)");
    assert_eq!(acute.dates, vec![date("2026-03-18")]);
}

#[test]
fn the_thresholds_in_use_reach_the_words() {
    let a = analysed(&Thresholds {
        change_warning_pct: 35.0,
        change_info_pct: 5.0,
        acute_window_h: 36.0,
        ..Thresholds::default()
    });
    let spike = of_kind(&a, FindingKind::SpikeThenPain);
    assert!(
        spike
            .said
            .message
            .contains("jumped more than 35 % in 1 week"),
        "{}",
        spike.said.message
    );
    assert!(spike.said.advice[0].starts_with("Progress in small steps (about 5 % a week at most)"));
    let acute = of_kind(&a, FindingKind::AcuteOnset);
    assert!(
        acute.said.message.contains("within 36 h of a session"),
        "{}",
        acute.said.message
    );
    // Saying the same facts again with other thresholds changes only the words.
    let again = Finding::new(
        spike.severity,
        spike.facts.clone(),
        &Thresholds::default(),
        Catalog::embedded(),
    );
    assert!(
        again.said.message.contains("more than 30 %"),
        "{}",
        again.said.message
    );
    assert_eq!(
        (again.kind, again.region, &again.dates),
        (spike.kind, spike.region, &spike.dates)
    );
}

#[test]
fn streaks_and_short_recoveries_record_their_days_and_gaps() {
    // Deadlifts on six days in a row, 24 h apart: a streak and five short recoveries.
    let sets: Vec<WorkoutSet> = (1..=6)
        .map(|day| set(at(&format!("2026-03-0{day} 18:00")), "deadlift", 100.0, 5.0))
        .collect();
    let a = analysed_log(&sets, &[], &Thresholds::default());
    let streak = of_kind(&a, FindingKind::TrainingStreak);
    assert_eq!(
        streak.facts,
        Facts::TrainingStreak(Streak {
            days: 6,
            first: date("2026-03-01"),
            last: date("2026-03-06"),
        })
    );
    assert_eq!(
        streak.said.message,
        "6 training days in a row, 2026-03-01 to 2026-03-06"
    );
    let (short, gaps) = facts_of!(&a, ShortRecovery);
    assert_eq!(gaps.region, Region::LowerBack);
    let days: Vec<NaiveDate> = gaps.gaps.iter().map(|g| g.day).collect();
    assert_eq!(
        days,
        (2..=6)
            .map(|n| date(&format!("2026-03-0{n}")))
            .collect::<Vec<_>>()
    );
    assert!(gaps.gaps.iter().all(|g| g.hours == 24.0));
    assert_eq!(
        short.said.evidence,
        "Shortest gap 24 h; most recent: 2026-03-06 (24 h), 2026-03-05 (24 h), 2026-03-04 (24 h), 2026-03-03 (24 h), 2026-03-02 (24 h)"
    );
}

#[test]
fn a_load_spike_is_linked_only_to_pain_inside_the_association_window() {
    // The onset comes 14 h after the heavy session: outside a 12 h window the jump is only a
    // caution, with no pain linked to it.
    let a = analysed(&Thresholds {
        window_h: 12,
        ..Thresholds::default()
    });
    assert!(
        a.warnings
            .iter()
            .all(|f| f.kind != FindingKind::SpikeThenPain)
    );
    let (jump, j) = facts_of!(&a, ExerciseJump);
    assert_eq!(j.followed.onsets, Vec::new());
    assert_eq!(jump.severity, Severity::Caution);
    assert!(jump.said.explanation.contains("no pain began within 12 h"));
}

#[test]
fn pain_back_soon_after_an_episode_is_a_recurrence_finding() {
    let (sets, mut pain) = log();
    // Three days after the 0, five after the episode's last pain: mild and short, but back.
    pain.push(entry("2026-03-24 08:00", Region::LowerBack, 2));
    pain.push(entry("2026-03-25 08:00", Region::LowerBack, 0));
    let a = analysed_log(&sets, &pain, &Thresholds::default());
    let back = of_kind(&a, FindingKind::Recurrence);
    assert_eq!(
        back.facts,
        Facts::Recurrence(RecurrentEpisodes {
            region: Region::LowerBack,
            episodes: vec![Recurrent {
                onset: date("2026-03-24"),
                end: date("2026-03-24"),
                peak: 2,
                previous_end: date("2026-03-19"),
            }],
        })
    );
    assert_eq!(back.severity, Severity::Caution);
    assert_eq!(back.dates, vec![date("2026-03-24")]);
    assert_eq!(
        back.said.evidence,
        "2026-03-24 to 2026-03-24 (peak 2/10), five days after the episode before ended on 2026-03-19"
    );
    assert!(a.warnings.iter().all(|f| f.kind != FindingKind::Soreness));
}

#[test]
fn recent_short_recoveries_need_three_in_the_weeks_in_focus() {
    let gap = |day: &str| RecoveryGap {
        day: date(day),
        hours: 25.0,
    };
    let facts = Facts::ShortRecovery(ShortGaps {
        region: crate::model::Region::Chest,
        gaps: vec![
            gap("2026-01-05"),
            gap("2026-01-12"),
            gap("2026-02-02"),
            gap("2026-03-02"),
            gap("2026-03-09"),
        ],
    });
    // Two of the five fall on or after 2026-03-01: not a pattern of the recent weeks.
    assert_eq!(facts.since(date("2026-03-01")), None);
    // Three from 2026-02-01 on: kept, with just those three.
    match facts.since(date("2026-02-01")) {
        Some(Facts::ShortRecovery(s)) => assert_eq!(
            s.gaps.iter().map(|g| g.day).collect::<Vec<_>>(),
            vec![date("2026-02-02"), date("2026-03-02"), date("2026-03-09")]
        ),
        other => panic!("{other:?}"),
    }
}
