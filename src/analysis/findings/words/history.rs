//! The words of a folded history line: "Weekly load rose more than 30 % in 45 weeks since
//! 2021-03; last time 2024-W10". One line per kind, about what happened before the weeks in
//! focus; it asks for nothing now.

use super::*;
use crate::analysis::findings::FindingKind;
use crate::analysis::findings::scope::Folded;
use crate::model::IsoWeek;

/// What each folding kind's occurrences are, and whether they count weeks (said as ISO
/// weeks) or days.
fn what(kind: FindingKind, t: &Thresholds) -> (String, &'static str, &'static str, bool) {
    match kind {
        FindingKind::ExerciseJump => (
            format!(
                "An exercise's load jumped more than {:.0} % week over week",
                t.change_warning_pct
            ),
            "week",
            "weeks",
            true,
        ),
        FindingKind::WeeklyLoadJump => (
            format!("Weekly load rose more than {:.0} %", t.change_warning_pct),
            "week",
            "weeks",
            true,
        ),
        FindingKind::WeeklyLoadRise => (
            format!(
                "Weekly load rose {:.0}–{:.0} %",
                t.change_info_pct, t.change_warning_pct
            ),
            "week",
            "weeks",
            true,
        ),
        FindingKind::AcwrDanger => (
            format!(
                "The acute:chronic workload ratio reached {:.1} or more",
                t.acwr_danger
            ),
            "day",
            "days",
            false,
        ),
        FindingKind::Monotony => ("Training was monotonous".to_string(), "week", "weeks", true),
        FindingKind::ReturnAfterLayoff => (
            "You came back from a break with a heavy first week".to_string(),
            "time",
            "times",
            false,
        ),
        FindingKind::TrainingStreak => (
            format!(
                "You trained {} or more days in a row",
                t.streak_warning_days
            ),
            "time",
            "times",
            false,
        ),
        FindingKind::ShortRecovery => (
            format!(
                "The same area was trained again less than {:.0} h after the session before",
                t.same_region_gap_h
            ),
            "day",
            "days",
            false,
        ),
        other => (other.as_str().replace('-', " "), "time", "times", false),
    }
}

pub(super) fn folded(h: &Folded, t: &Thresholds) -> Words {
    let (what, one, many, weeks) = what(h.kind, t);
    let last = if weeks {
        IsoWeek::of(h.last).to_string()
    } else {
        h.last.to_string()
    };
    // "in 45 weeks", "in 37 days", but "2 times".
    let how_often = match one {
        "time" => plural(h.occurrences, one, many),
        _ => format!("in {}", plural(h.occurrences, one, many)),
    };
    words(
        format!(
            "{what} {how_often} since {}; last time {last}",
            h.first.format("%Y-%m")
        ),
        format!("{} to {}, before the weeks in focus", h.first, h.last),
        "History: these happened before the recent weeks the report focuses on. They are kept for the record; the recent weeks say whether the pattern goes on.",
        Vec::new(),
    )
}
