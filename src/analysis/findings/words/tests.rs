//! The words follow the thresholds: the same facts said with other thresholds name the new
//! numbers, and at the defaults they read exactly as the reports have always shown them.

use super::*;
use crate::analysis::findings::facts::*;
use crate::analysis::stats::RelativeRisk;
use crate::analysis::testing::date;
use crate::analysis::weekly::Measure;
use crate::model::IsoWeek;

fn say_with(facts: &Facts, t: &Thresholds) -> Words {
    say(facts, t, Catalog::embedded())
}

fn say_default(facts: &Facts) -> Words {
    say_with(facts, &Thresholds::default())
}

/// Every sentence of the words, to look for a phrase wherever it is said.
fn all_text(w: &Words) -> String {
    let mut parts = vec![w.message.clone(), w.evidence.clone(), w.explanation.clone()];
    parts.extend(w.advice.iter().cloned());
    parts.join("\n")
}

fn deadlift_jump(followed: bool) -> ExerciseJumps {
    let week: IsoWeek = "2026-W12".parse().expect("week");
    ExerciseJumps {
        exercise: "deadlift".into(),
        measure: Measure::LoadKg,
        jumps: vec![JumpWeek {
            week,
            value: 1400.0,
            change_pct: Some(40.0),
        }],
        followed: PainFollowUp {
            onsets: if followed {
                vec![PainAfterJump {
                    week,
                    onset: date("2026-03-18"),
                    region: Region::LowerBack,
                    hours: 14,
                }]
            } else {
                Vec::new()
            },
            record: PainRecord::Diary,
        },
    }
}

fn group(region: Region) -> EpisodeGroup {
    EpisodeGroup {
        region,
        episodes: vec![EpisodeSpan {
            onset: date("2026-03-18"),
            end: date("2026-03-21"),
            peak: 7,
        }],
    }
}

fn association() -> PainAfterExposure {
    let mut row = crate::analysis::testing::association("Deadlift", 4, 6, 1, 19);
    row.exposure = "deadlift".into();
    row.crude.rr = Some(RelativeRisk {
        rr: 8.0,
        low: 1.0,
        high: 64.1,
        haldane: false,
    });
    row.onset_dates = vec![date("2026-03-18"), date("2026-04-02")];
    PainAfterExposure {
        rows: vec![row],
        adjusted_for: Vec::new(),
        explains: Vec::new(),
        named: Named::Implicated(vec!["deadlift".into()]),
    }
}

fn persistent(long: bool) -> PersistentEpisode {
    PersistentEpisode {
        region: Region::Knee,
        onset: date("2026-03-01"),
        end: date("2026-03-16"),
        days: 16,
        peak: 6,
        entries: 9,
        onset_intensity: 4,
        last_intensity: 3,
        resolved_on: Some(date("2026-03-18")),
        ongoing: false,
        long,
    }
}

fn short_gaps() -> ShortGaps {
    ShortGaps {
        region: Region::Thigh,
        gaps: ["2026-03-03", "2026-03-05", "2026-03-07"]
            .iter()
            .map(|s| RecoveryGap {
                day: date(s),
                hours: 24.0,
            })
            .collect(),
    }
}

#[test]
fn at_the_defaults_the_words_read_as_the_reports_always_have() {
    let jump = say_default(&Facts::ExerciseJump(deadlift_jump(false)));
    assert_eq!(
        jump.message,
        "Deadlift tonnage jumped more than 30 % week over week 1 time"
    );
    assert_eq!(jump.evidence, "2026-W12 1400 kg (+40 %)");
    assert_eq!(
        jump.advice,
        vec!["Increase load, reps, sets or distance in small steps, about 10 % a week at most."]
    );
    assert_eq!(
        jump.explanation,
        "Big week-to-week jumps are the pattern most often linked to overuse injuries; in your diary no pain began within 48 h of a session of it in these weeks."
    );
    let spike = say_default(&Facts::SpikeThenPain(deadlift_jump(true)));
    assert_eq!(
        spike.message,
        "Deadlift tonnage jumped more than 30 % in 1 week; lower back pain followed 1 of them within 48 h"
    );
    assert_eq!(
        spike.evidence,
        "Jumps: 2026-W12 1400 kg (+40 %). Pain within 48 h of a session of it in a jump week: 2026-W12: lower back pain began 2026-03-18, 14 h after the session."
    );
    // The catalog's alternatives and risk note follow the progression advice.
    assert_eq!(spike.advice.len(), 3, "{:?}", spike.advice);
    assert_eq!(
        spike.advice[1],
        "Instead of Deadlift, try: Romanian deadlift, Hip hinge drill."
    );
    let association = say_default(&Facts::Association(association()));
    assert_eq!(
        association.evidence,
        "In 4 of your 10 Deadlift sessions, lower back pain started within 48 hours; after other sessions, 1 of 20. Relative risk 8.0 (95 % CI 1.0–64.1; p = 0.012, q = 0.046). Onsets after these sessions: 2026-03-18, 2026-04-02."
    );
    let long = say_default(&Facts::PersistentPain(persistent(true)));
    assert_eq!(
        long.message,
        "Knee pain lasted 16 days (2026-03-01 to 2026-03-16), peak 6/10"
    );
    assert_eq!(
        long.explanation,
        "Most muscle strains feel better within two weeks; pain that lasts longer than that needs to be looked at."
    );
    let short = say_default(&Facts::PersistentPain(persistent(false)));
    assert_eq!(
        short.explanation,
        "Ordinary post-workout soreness fades within about 3 days. Pain lasting more than a week is a reason to see someone."
    );
    let acwr = say_default(&Facts::AcwrDanger(AcwrDays {
        days: vec![date("2026-03-16"), date("2026-03-17"), date("2026-03-20")],
        highest: Some((1.734, date("2026-03-17"))),
    }));
    assert_eq!(
        acwr.message,
        "Acute:chronic workload ratio at or above 1.5 on 3 days (heuristic)"
    );
    assert_eq!(
        acwr.evidence,
        "2026-03-16 to 2026-03-17, 2026-03-20; highest 1.73 on 2026-03-17"
    );
    assert!(
        acwr.explanation
            .starts_with("The last week's load was much higher than the last four weeks'."),
        "{}",
        acwr.explanation
    );
    let gaps = say_default(&Facts::ShortRecovery(short_gaps()));
    assert_eq!(
        gaps.advice,
        vec!["Space sessions that load the same area at least two days apart, or alternate areas."]
    );
}

#[test]
fn a_changed_load_threshold_changes_the_load_words() {
    let t = Thresholds {
        change_warning_pct: 40.0,
        change_info_pct: 15.0,
        ..Thresholds::default()
    };
    let jump = say_with(&Facts::ExerciseJump(deadlift_jump(false)), &t);
    assert!(jump.message.contains("more than 40 %"), "{}", jump.message);
    assert_eq!(
        jump.advice,
        vec!["Increase load, reps, sets or distance in small steps, about 15 % a week at most."]
    );
    let spike = all_text(&say_with(&Facts::SpikeThenPain(deadlift_jump(true)), &t));
    assert!(spike.contains("jumped more than 40 % in 1 week"), "{spike}");
    assert!(
        spike.contains("about 15 % a week at most); a jump of 40 % or more"),
        "{spike}"
    );
    assert!(!spike.contains("30 %"), "{spike}");
    let week = WeekChange {
        week: "2026-W12".parse().expect("week"),
        first_day: date("2026-03-16"),
        load_kg: 1400.0,
        change_pct: 45.0,
    };
    let weekly = say_with(&Facts::WeeklyLoadJump(vec![week]), &t);
    assert_eq!(
        weekly.message,
        "Total weekly load rose more than 40 % over the week before in 1 week"
    );
    assert!(weekly.explanation.contains("above 40 %"));
    assert_eq!(weekly.advice, vec!["Keep weekly increases to about 15 %."]);
    let rise = RecentRises {
        weeks: vec![week],
        of_last_weeks: 4,
    };
    let rise = say_with(&Facts::WeeklyLoadRise(rise), &t);
    assert_eq!(
        rise.message,
        "Total weekly load rose 15–40 % in 1 week of the last 4 weeks"
    );
}

#[test]
fn a_changed_window_changes_the_association_words() {
    let t = Thresholds {
        window_h: 72,
        ..Thresholds::default()
    };
    let text = say_with(&Facts::Association(association()), &t).evidence;
    assert!(
        text.contains("lower back pain started within 72 hours"),
        "{text}"
    );
    // A load spike is linked to pain by the same window, and says so.
    let spike = say_with(&Facts::SpikeThenPain(deadlift_jump(true)), &t);
    assert!(spike.message.ends_with("followed 1 of them within 72 h"));
    assert!(
        spike.evidence.contains("Pain within 72 h of a session"),
        "{}",
        spike.evidence
    );
    assert!(spike.explanation.contains("at most 72 h before pain began"));
    assert!(!all_text(&spike).contains("48 h"));
    let jump = say_with(&Facts::ExerciseJump(deadlift_jump(false)), &t);
    assert!(jump.explanation.contains("no pain began within 72 h"));
    let soreness = SorenessAfterLoad {
        region: Region::Thigh,
        exposures: vec![{
            let mut row = crate::analysis::testing::association("Back squat", 5, 3, 1, 20);
            row.adjusted.q = Some(0.02);
            row
        }],
    };
    let t = Thresholds {
        window_h: 72,
        soreness_min_h: 6.0,
        soreness_max_h: 96.0,
        ..Thresholds::default()
    };
    let words = say_with(&Facts::SorenessAssociation(soreness), &t);
    assert_eq!(
        words.evidence,
        "Strongest: in 5 of your 8 sessions with Back squat, thigh soreness started within 72 hours; after other sessions, 1 of 21 (q = 0.020)."
    );
    assert!(words.explanation.contains("mild, 6–96 h after training"));
}

#[test]
fn a_changed_pain_cut_off_changes_the_pain_words() {
    let words = say_with(
        &Facts::TrainingThroughPain(group(Region::Knee)),
        &Thresholds {
            training_through_pain_above: 6,
            ..Thresholds::default()
        },
    );
    assert_eq!(
        words.message,
        "Knee pain was trained through at more than 6/10 (1 episode)"
    );
    assert!(
        words.explanation.contains("above 6/10"),
        "{}",
        words.explanation
    );
    assert!(
        words.advice[0].contains("at 6/10 or below"),
        "{:?}",
        words.advice
    );
    assert!(!all_text(&words).contains("5/10"));
}

#[test]
fn changed_episode_cut_offs_change_the_episode_words() {
    // Each kind of episode reads only its own cut-offs.
    let t = Thresholds {
        acute_intensity: 7,
        acute_window_h: 48.0,
        not_improving_from_h: 48.0,
        not_improving_to_h: 120.0,
        soreness_min_h: 6.0,
        soreness_max_h: 96.0,
        ..Thresholds::default()
    };
    let acute = say_with(&Facts::AcuteOnset(group(Region::LowerBack)), &t);
    assert_eq!(
        acute.message,
        "Lower back pain started abruptly (sharp or 7+/10) within 2 days of a session (1 episode)"
    );
    let slow = say_with(&Facts::NotImproving(group(Region::Knee)), &t);
    assert_eq!(
        slow.message,
        "Knee pain had not improved 2–5 days after it began (1 episode)"
    );
    assert!(slow.explanation.contains("within 48 hours"));
    assert!(slow.explanation.contains("by 48–120 hours"));
    let sore = say_with(&Facts::Soreness(group(Region::Thigh)), &t);
    assert!(sore.message.contains("mild, 6–96 h after a session"));
}

#[test]
fn changed_day_counts_change_the_persistent_pain_words() {
    let t = Thresholds {
        persistent_days: 10,
        persistent_long_days: 21,
        not_improving_from_h: 96.0,
        ..Thresholds::default()
    };
    let short = say_with(&Facts::PersistentPain(persistent(false)), &t);
    assert_eq!(
        short.explanation,
        "Ordinary post-workout soreness fades within about 4 days. Pain lasting more than ten days is a reason to see someone."
    );
    let long = say_with(&Facts::PersistentPain(persistent(true)), &t);
    assert!(
        long.explanation
            .starts_with("Most muscle strains feel better within three weeks;"),
        "{}",
        long.explanation
    );
}

#[test]
fn changed_rest_and_ratio_thresholds_change_their_words() {
    let t = Thresholds {
        same_region_gap_h: 72.0,
        ..Thresholds::default()
    };
    let gaps = say_with(&Facts::ShortRecovery(short_gaps()), &t);
    assert_eq!(
        gaps.message,
        "The thigh was the main target of sessions less than 72 h apart 3 times"
    );
    assert_eq!(
        gaps.explanation,
        "Hard work on the same area needs about 72 hours to recover."
    );
    assert_eq!(
        gaps.advice,
        vec![
            "Space sessions that load the same area at least three days apart, or alternate areas."
        ]
    );
    let t = Thresholds {
        same_region_gap_h: 36.0,
        ..Thresholds::default()
    };
    let gaps = say_with(&Facts::ShortRecovery(short_gaps()), &t);
    assert!(gaps.advice[0].contains("at least 36 hours apart"));

    let t = Thresholds {
        acwr_danger: 1.8,
        acwr_acute_days: 10,
        acwr_chronic_days: 42,
        ..Thresholds::default()
    };
    let acwr = say_with(
        &Facts::AcwrDanger(AcwrDays {
            days: vec![date("2026-03-16")],
            highest: None,
        }),
        &t,
    );
    assert_eq!(
        acwr.message,
        "Acute:chronic workload ratio at or above 1.8 on 1 day (heuristic)"
    );
    assert!(
        acwr.explanation
            .starts_with("The last 10 days' load was much higher than the last six weeks'."),
        "{}",
        acwr.explanation
    );
    let t = Thresholds {
        monotony_caution: 1.8,
        monotony_warning: 2.5,
        ..Thresholds::default()
    };
    let week = MonotonousWeek {
        week: "2026-W12".parse().expect("week"),
        first_day: date("2026-03-16"),
        monotony: 2.1,
        strain: Some(6300.0),
    };
    let monotony = say_with(&Facts::Monotony(vec![week]), &t);
    assert_eq!(monotony.evidence, "2026-W12 monotony 2.10, strain 6300");
    assert!(
        monotony
            .explanation
            .contains("standard deviation above 1.8–2.5)"),
        "{}",
        monotony.explanation
    );
}

#[test]
fn numbers_read_as_words_where_a_sentence_needs_them() {
    assert_eq!(days_in_words(7), "a week");
    assert_eq!(days_in_words(14), "two weeks");
    assert_eq!(days_in_words(3), "three days");
    assert_eq!(days_in_words(12), "12 days");
    assert_eq!(days_in_words(77), "11 weeks");
    assert_eq!(span_possessive(7), "week's");
    assert_eq!(span_possessive(28), "four weeks'");
    assert_eq!(span_possessive(10), "10 days'");
    assert_eq!(hours_in_words(24.0), "a day");
    assert_eq!(hours_in_words(72.0), "3 days");
    assert_eq!(hours_in_words(36.0), "36 h");
}

fn knee_came_back() -> RecurrentEpisodes {
    RecurrentEpisodes {
        region: Region::Knee,
        episodes: vec![Recurrent {
            onset: date("2026-09-27"),
            end: date("2026-09-28"),
            peak: 3,
            previous_end: date("2026-09-24"),
        }],
    }
}

#[test]
fn a_recurrence_says_its_gap_and_the_threshold_in_use() {
    let words = say_default(&Facts::Recurrence(knee_came_back()));
    assert_eq!(
        words.message,
        "Knee pain came back within two weeks of an earlier episode (1 time)"
    );
    assert_eq!(
        words.evidence,
        "2026-09-27 to 2026-09-28 (peak 3/10), three days after the episode before ended on 2026-09-24"
    );
    assert!(
        words.explanation.contains("within two weeks")
            && words.explanation.contains("not new soreness"),
        "{}",
        words.explanation
    );
    let t = Thresholds {
        recurrence_days: 21,
        ..Thresholds::default()
    };
    let words = say_with(&Facts::Recurrence(knee_came_back()), &t);
    assert!(
        words.message.contains("within three weeks"),
        "{}",
        words.message
    );
    assert!(!all_text(&words).contains("two weeks"));
}

#[test]
fn without_pain_records_a_jump_says_what_cannot_be_known() {
    let said = |record| {
        let mut jump = deadlift_jump(false);
        jump.followed.record = record;
        say_default(&Facts::ExerciseJump(jump)).explanation
    };
    let none = said(PainRecord::None);
    assert_eq!(
        none,
        "Big week-to-week jumps are the pattern most often linked to overuse injuries; no pain is recorded for this period, and without a pain diary strainscope cannot tell whether pain followed these jumps."
    );
    let notes = said(PainRecord::Notes);
    assert!(!notes.contains("diary no pain"), "{notes}");
    assert!(
        notes.contains("your workout notes mention no pain within 48 h"),
        "{notes}"
    );
    assert!(said(PainRecord::Diary).contains("in your diary no pain began"));
}

#[test]
fn a_risk_note_about_the_spine_is_advice_for_the_back_only() {
    let knee = ExerciseJumps {
        exercise: "running".into(),
        measure: Measure::DistanceM,
        followed: PainFollowUp {
            onsets: vec![PainAfterJump {
                region: Region::Knee,
                ..deadlift_jump(true).followed.onsets[0]
            }],
            record: PainRecord::Diary,
        },
        ..deadlift_jump(true)
    };
    let advice = say_default(&Facts::SpikeThenPain(knee)).advice;
    assert_eq!(
        advice[1..],
        ["Instead of Running, try: Elliptical, Swimming, Cycling, Walking."]
    );
    let back = say_default(&Facts::SpikeThenPain(deadlift_jump(true))).advice;
    assert!(
        back[2].starts_with("Deadlift: Lifting a heavy bar"),
        "{back:?}"
    );
}

#[test]
fn a_break_takes_the_article_its_number_is_said_with() {
    let comeback = |days| Comeback {
        layoff_first: date("2026-03-01"),
        layoff_last: date("2026-03-18"),
        layoff_days: days,
        return_day: date("2026-03-19"),
        load_back_kg: 900.0,
        weekly_load_before_kg: 1000.0,
    };
    let said = |days| say_default(&Facts::ReturnAfterLayoff(comeback(days))).message;
    assert_eq!(
        said(18),
        "Came back after an 18-day break at 90 % of the previous weekly load"
    );
    assert!(said(21).starts_with("Came back after a 21-day break"));
    assert!(said(80).starts_with("Came back after an 80-day break"));
}

#[test]
fn no_habit_words_name_the_source_articles_or_ids() {
    let period = HabitPeriod {
        first_day: date("2026-03-01"),
        last_day: date("2026-03-28"),
    };
    let repeats = Repeats {
        period,
        repeats: vec![
            Repeat {
                week: "2026-W12".parse().expect("week"),
                name: "lower-back".into(),
                days: 5,
            },
            Repeat {
                week: "2026-W12".parse().expect("week"),
                name: "back-squat".into(),
                days: 5,
            },
        ],
    };
    let words = say_default(&Facts::RepetitiveStrain(repeats));
    assert_eq!(
        words.evidence,
        "2026-W12: lower back on 5 days; 2026-W12: Back squat on 5 days"
    );
    assert!(!all_text(&words).contains("seeds"));
}
