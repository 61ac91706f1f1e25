//! The wording every report shares: section titles, the header lines, association sentences,
//! habit rows and the "what to change" lines. Plain, unescaped text; each renderer escapes it
//! for its own format. Keeping the words in one place keeps the formats saying the same thing.

use crate::analysis::Analysis;
use crate::analysis::associations::Association;
use crate::analysis::episodes::soreness_only;
use crate::analysis::findings::fmt_p;
use crate::analysis::habits::Habits;
use crate::model::Region;
use crate::pipeline::Sources;
use crate::report::document::Warning;
use crate::text::{file_name, plural};

mod associations;
mod changes;
mod groups;
mod numbers;

pub use associations::*;
pub use changes::*;
pub use groups::{DisplayGroup, display_groups};
pub use numbers::*;

/// How many tested associations a region shows before "… more".
pub const ASSOCIATIONS_SHOWN: usize = 8;

pub const EPISODES_TITLE: &str = "Pain episodes (most recent first)";
pub const CHANGE_TITLE: &str = "What to change";
pub const LOAD_TITLE: &str =
    "Load by ISO week (working-set tonnage; ACWR = the week's mean daily EWMA ratio, a heuristic)";
pub const SORENESS_TITLE: &str = "Ordinary training soreness";
pub const HABITS_TITLE: &str = "Habits (last 4 weeks | whole period)";
pub const CHARTS_TITLE: &str = "Charts";
/// After the label of a row whose estimate needed the Haldane correction (forest plot, the
/// weekly PDF's table).
pub const HALDANE_MARK: &str = "†";
/// What the mark means, said once where a row carries it.
pub const HALDANE_NOTE: &str = "† A count was 0, so 0.5 was added to every count (Haldane): \
     that estimate and its interval are rough.";

/// The exercises a grouped jump warning lists by name; the rest are counted.
const JUMPS_LISTED: usize = 6;

/// Several exercises' load jumps (each a caution no pain followed) as one warning: each
/// exercise's measure and weeks, then the advice they share.
pub fn grouped_jumps(jumps: &[&Warning], focus_weeks: u32) -> Warning {
    // Each message reads "Deadlift tonnage jumped more than 30 % week over week 2 times".
    let limit = jumps[0]
        .message
        .split_once(" jumped ")
        .and_then(|(_, rest)| rest.split_once(" week over week"))
        .map_or("sharply", |(limit, _)| limit);
    let each: Vec<String> = jumps
        .iter()
        .map(|w| {
            let what = w
                .message
                .split_once(" jumped")
                .map_or(w.message.as_str(), |(what, _)| what);
            format!("{what}: {}", w.evidence)
        })
        .collect();
    Warning {
        severity: jumps[0].severity,
        message: format!(
            "{} jumped {limit} week over week in the last {}",
            plural(jumps.len(), "exercise", "exercises"),
            plural(focus_weeks as usize, "week", "weeks")
        ),
        evidence: match each.len().saturating_sub(JUMPS_LISTED) {
            0 => each.join("; "),
            more => format!(
                "{}; and {} (every one in the JSON report)",
                each[..JUMPS_LISTED].join("; "),
                plural(more, "more exercise", "more exercises")
            ),
        },
        explanation: jumps[0].explanation.clone(),
        advice: jumps[0].advice.clone(),
    }
}

pub fn warnings_title(count: usize) -> String {
    format!("Warnings ({count})")
}

pub fn associations_title(a: &Analysis) -> String {
    format!(
        "What came before pain (onset within {} h of a session; association, not proof)",
        a.thresholds.window_h
    )
}

pub fn period(a: &Analysis) -> String {
    match (a.period.from, a.period.to) {
        (Some(f), Some(t)) => format!(
            "{f} to {t} ({} days, {} ISO weeks)",
            a.period.days, a.period.weeks
        ),
        _ => "no data".into(),
    }
}

/// The workout files by name, without the user's folders.
pub fn workout_files(sources: &Sources) -> String {
    let names: Vec<&str> = sources.workout_files.iter().map(|f| file_name(f)).collect();
    names.join(", ")
}

pub fn pain_source(sources: &Sources) -> String {
    match (
        sources.diary.as_deref().map(file_name),
        sources.inferred_from_notes,
    ) {
        (Some(d), true) => format!("{d}, plus pain mentioned in workout notes (inferred)"),
        (Some(d), false) => d.to_string(),
        (None, _) => "no diary given: pain mentioned in workout notes only (inferred)".into(),
    }
}

pub fn counts(a: &Analysis) -> String {
    let c = &a.counts;
    format!(
        "{} · {} ({} working) · {}{} · {}",
        plural(c.sessions, "session", "sessions"),
        plural(c.sets, "set", "sets"),
        c.working_sets,
        plural(c.pain_entries, "pain entry", "pain entries"),
        if c.inferred_pain_entries > 0 {
            format!(" ({} inferred)", c.inferred_pain_entries)
        } else {
            String::new()
        },
        plural(c.episodes, "episode", "episodes")
    )
}

pub fn rejected(sources: &Sources) -> Option<String> {
    (sources.rejected_rows > 0).then(|| {
        let rows = plural(
            sources.rejected_rows,
            "bad input row was",
            "bad input rows were",
        );
        format!("{rows} skipped (listed on stderr).")
    })
}

/// Under actions cut to three: how many more the warnings hold.
pub fn more_to_act_on(more: usize) -> Option<String> {
    match more {
        0 => None,
        1 => Some("1 more thing to act on is in the warnings below.".into()),
        n => Some(format!(
            "{n} more things to act on are in the warnings below."
        )),
    }
}

/// Under a terminal report's first findings: how many more the other formats show.
/// Above the terminal's load table when it leaves out the oldest weeks.
pub fn earlier_weeks(shown: usize, earlier: usize) -> String {
    format!(
        "The last {shown} weeks; the {} before them are in the Markdown, HTML and JSON reports.",
        plural(earlier, "week", "weeks")
    )
}

pub fn more_findings(more: usize) -> String {
    let what = if more == 1 {
        "finding is"
    } else {
        "findings are"
    };
    format!(
        "{more} more {what} in the Markdown, HTML and JSON reports (--format md, html or json)."
    )
}

/// Weeks with repetitive strain: a week counts once, however many exercises or areas were
/// repeated in it, so the count never exceeds the period's weeks.
fn repetitive_weeks(h: &Habits) -> usize {
    let mut weeks: Vec<_> = h.repetitive.iter().map(|r| r.week).collect();
    weeks.sort();
    weeks.dedup();
    weeks.len()
}

/// The habits table: (what, last 4 weeks, whole period).
pub fn habit_rows(recent: &Habits, whole: &Habits) -> [(&'static str, String, String); 6] {
    let (r, w) = (recent, whole);
    let ratio = |x: Option<f64>| x.map_or("–".into(), |v| format!("{v:.2}"));
    let share = |x: Option<f64>| {
        x.map_or("not marked in this export".into(), |v| {
            format!("{:.0} %", v * 100.0)
        })
    };
    [
        (
            "core days per week",
            format!("{:.1}", r.core_days_per_week),
            format!("{:.1}", w.core_days_per_week),
        ),
        (
            "push : pull sets",
            ratio(r.push_pull.ratio),
            ratio(w.push_pull.ratio),
        ),
        (
            "knee : hip sets",
            ratio(r.knee_hip.ratio),
            ratio(w.knee_hip.ratio),
        ),
        (
            "heavy sessions warmed up",
            share(r.warm_ups.share),
            share(w.warm_ups.share),
        ),
        (
            "grinding sets (RPE ≥ 9.5)",
            r.grinding_sets.to_string(),
            w.grinding_sets.to_string(),
        ),
        (
            "repetitive-strain weeks",
            repetitive_weeks(r).to_string(),
            repetitive_weeks(w).to_string(),
        ),
    ]
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small hand-made analysis with hostile user text, for the renderers' unit tests.

    use crate::analysis::episodes::{Episode, EpisodeClass};
    use crate::analysis::findings::{Facts, Finding, FindingKind, Severity, Words};
    use crate::analysis::habits::{Habits, KneeHipSets, PushPullSets, WarmUpSessions};
    use crate::analysis::implicated::{Alternative, CatalogAdvice, Implicated};
    use crate::analysis::settings::Thresholds;
    use crate::analysis::testing::date;
    use crate::analysis::weekly::{DailyRatio, PainDays, Training, Week, WeeklyAcwr, WeeklyLoad};
    use crate::analysis::{
        Analysis, Counts, HabitsReport, NOTICES, PainHistory, Period, Routine, WeeklyBreakdown,
    };
    use crate::model::Region;
    use crate::pipeline::Sources;

    pub fn sources() -> Sources {
        Sources {
            workout_files: vec!["strong.csv".into()],
            diary: Some("diary.csv".into()),
            inferred_from_notes: false,
            rejected_rows: 0,
        }
    }

    use crate::analysis::testing::association;

    fn habits() -> Habits {
        Habits {
            first_day: date("2026-03-01"),
            last_day: date("2026-03-28"),
            weeks: 4.0,
            core_days: 4,
            core_days_per_week: 1.0,
            push_pull: PushPullSets {
                push_sets: 30,
                pull_sets: 10,
                ratio: Some(3.0),
            },
            knee_hip: KneeHipSets {
                knee_dominant_sets: 10,
                hip_dominant_sets: 10,
                ratio: Some(1.0),
            },
            warm_ups: WarmUpSessions {
                heavy_sessions: 8,
                warmed_up_sessions: 6,
                share: Some(0.75),
            },
            grinding_sets: 2,
            repetitive: Vec::new(),
        }
    }

    /// One warning per severity, the urgent one quoting a hostile diary note.
    /// The section titles of the terminal report, in order: a line underlined with ─. The
    /// other formats' tests check their sections against these.
    pub fn text_titles(a: &Analysis) -> Vec<String> {
        let sources = sources();
        let doc = crate::report::document::Document::build(a, &sources);
        let text = crate::report::text::render(&doc, false);
        let lines: Vec<&str> = text.lines().collect();
        lines
            .windows(2)
            .filter(|w| w[1].starts_with('─'))
            .map(|w| w[0].to_string())
            .collect()
    }

    pub fn analysis() -> Analysis {
        let finding = |severity, kind, message: &str, evidence: &str| Finding {
            severity,
            kind,
            said: Words {
                message: message.into(),
                evidence: evidence.into(),
                explanation: "Because.".into(),
                advice: vec!["See a doctor promptly.".into()],
            },
            region: Some(Region::LowerBack),
            exercises: Vec::new(),
            dates: Vec::new(),
            scope: crate::analysis::findings::Scope::Recent,
            history: None,
            facts: Facts::placeholder(),
        };
        Analysis {
            schema_version: 1,
            notices: NOTICES.iter().map(|s| s.to_string()).collect(),
            summary: crate::analysis::summary::Summary {
                status: "1 red flag – see a professional · 1 thing to act on · lower back pain on 4 days in the last 4 weeks".into(),
                red_flags: 1,
                actions: vec![crate::analysis::summary::Action {
                    text: "See a doctor promptly about the numbness <script>x</script>.".into(),
                    kind: FindingKind::RedFlag,
                    region: Some(Region::LowerBack),
                    exercises: Vec::new(),
                }],
                to_act_on: 1,
                checked: None,
                focus: crate::analysis::summary::Focus {
                    weeks: 4,
                    from: Some(date("2026-03-02")),
                },
            },
            period: Period {
                from: Some(date("2026-03-02")),
                to: Some(date("2026-03-29")),
                days: 28,
                weeks: 4,
            },
            counts: Counts {
                sessions: 12,
                sets: 150,
                working_sets: 120,
                pain_entries: 5,
                inferred_pain_entries: 0,
                episodes: 1,
            },
            thresholds: Thresholds::default(),
            warnings: vec![
                finding(
                    Severity::Urgent,
                    FindingKind::RedFlag,
                    "Numbness with lower back pain on 2026-03-20",
                    "diary.csv line 9: numbness (note: \"numb <script>alert(1)</script>\")",
                ),
                finding(
                    Severity::Warning,
                    FindingKind::Association,
                    "Deadlift | heavy sessions were followed by lower back pain",
                    "3 of 7 sessions",
                ),
                finding(
                    Severity::Caution,
                    FindingKind::CoreWork,
                    "Core work on 1.0 days a week",
                    "4 days",
                ),
                finding(
                    Severity::Info,
                    FindingKind::Soreness,
                    "Thigh soreness",
                    "2 episodes",
                ),
            ],
            unfolded: Vec::new(),
            pain: PainHistory {
                episodes: vec![Episode {
                region: Region::LowerBack,
                side: None,
                onset: date("2026-03-20").and_hms_opt(8, 0, 0).unwrap(),
                end: date("2026-03-23"),
                days: 4,
                peak: 7,
                onset_intensity: 7,
                last_intensity: 2,
                resolved_on: Some(date("2026-03-24")),
                entries: 4,
                inferred: false,
                classes: vec![EpisodeClass::AcuteOnset],
                sessions_during: 1,
                began_before: false,
                previous_end: None,
                intensities: Vec::new(),
                onset_quality: None,
                }],
                red_flags: Vec::new(),
            },
            implicated: vec![Implicated {
                exercise: "deadlift".into(),
                name: "Deadlift <b>|</b>".into(),
                because: vec![FindingKind::Association, FindingKind::SpikeThenPain],
                regions: vec![Region::LowerBack],
                advice: CatalogAdvice {
                    risk_note: Some("Compresses the spine.".into()),
                    alternatives: vec![Alternative {
                        id: "romanian-deadlift".into(),
                        name: "Romanian deadlift".into(),
                    }],
                },
            }],
            associations: vec![
                association("Deadlift | heavy", 3, 4, 1, 39),
                association("Plank", 2, 10, 2, 30),
            ],
            daily: Vec::new(),
            pain_days: Vec::new(),
            weekly: vec![Week {
                week: "2026-W12".parse().unwrap(),
                first_day: date("2026-03-16"),
                days: 7,
                load: WeeklyLoad {
                    kg: 12345.0,
                    change_pct: Some(42.0),
                    monotony: Some(1.25),
                    strain: Some(15431.0),
                },
                training: Training {
                    sessions: 3,
                    sets: 40,
                    rest_days: 4,
                    longest_streak: 2,
                },
                pain: PainDays {
                    days: 3,
                    peak: Some(7),
                },
                acwr: WeeklyAcwr {
                    daily: DailyRatio {
                        mean: Some(1.31),
                        max: Some(1.5),
                    },
                    weekly: Some(1.2),
                },
            }],
            per_week: WeeklyBreakdown {
                exercises: Vec::new(),
                regions: Vec::new(),
            },
            routine: Routine {
                layoffs: Vec::new(),
                habits: Some(HabitsReport {
                    last_4_weeks: habits(),
                    whole_period: habits(),
                }),
                sessions: Vec::new(),
            },
        }
    }
}
