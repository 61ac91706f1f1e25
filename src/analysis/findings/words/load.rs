//! The words of the load findings: jumps in an exercise's load, weekly rises, ACWR, monotony,
//! returns after a layoff, streaks and short recoveries.

use super::*;
use crate::analysis::findings::facts::{
    AcwrDays, Comeback, ExerciseJumps, JumpWeek, MonotonousWeek, PainRecord, RecentRises,
    ShortGaps, Streak, WeekChange,
};
use crate::analysis::weekly::Measure;

/// "2026-W23 1.8 km (+45 %)", in the exercise's own measure.
fn jump_week(w: &JumpWeek, measure: Measure) -> String {
    let shown = match measure {
        Measure::DistanceM => format!("{:.1} km", w.value / 1000.0),
        Measure::DurationS => format!("{:.0} min", w.value / 60.0),
        Measure::LoadKg => format!("{:.0} kg", w.value),
        Measure::Sets => format!("{:.0} sets", w.value),
    };
    match w.change_pct {
        Some(c) => format!("{} {shown} ({:+.0} %)", w.week, c),
        None => format!("{} {shown} (after a week off)", w.week),
    }
}

fn jump_weeks(j: &ExerciseJumps) -> String {
    let shown: Vec<String> = j.jumps.iter().map(|w| jump_week(w, j.measure)).collect();
    shown.join("; ")
}

/// "Deadlift tonnage jumped more than 30 %": how both jump headlines begin.
fn jumped(j: &ExerciseJumps, t: &Thresholds, catalog: &Catalog) -> String {
    format!(
        "{} {} jumped more than {:.0} %",
        exercise_name(&j.exercise, catalog),
        j.measure.noun(),
        t.change_warning_pct
    )
}

pub(super) fn exercise_jump(j: &ExerciseJumps, t: &Thresholds, catalog: &Catalog) -> Words {
    words(
        format!(
            "{} week over week {}",
            jumped(j, t, catalog),
            plural(j.jumps.len(), "time", "times")
        ),
        jump_weeks(j),
        &format!(
            "Big week-to-week jumps are the pattern most often linked to overuse injuries; {}",
            pain_after_jumps(j.followed.record, t)
        ),
        vec![format!(
            "Increase load, reps, sets or distance in small steps, about {:.0} % a week at most.",
            t.change_info_pct
        )],
    )
}

/// Whether pain followed the jumps, in the words the pain records allow: only a diary can say
/// that none did.
fn pain_after_jumps(pain: PainRecord, t: &Thresholds) -> String {
    let w = t.window_h;
    match pain {
        PainRecord::Diary => format!(
            "in your diary no pain began within {w} h of a session of it in these weeks."
        ),
        PainRecord::Notes => format!(
            "your workout notes mention no pain within {w} h of a session of it in these weeks, but without a pain diary strainscope cannot tell whether pain followed."
        ),
        PainRecord::None => "no pain is recorded for this period, and without a pain diary strainscope cannot tell whether pain followed these jumps.".into(),
    }
}

pub(super) fn spike_then_pain(j: &ExerciseJumps, t: &Thresholds, catalog: &Catalog) -> Words {
    let mut regions: Vec<Region> = j.followed.onsets.iter().map(|f| f.region).collect();
    regions.sort();
    regions.dedup();
    let region_text: Vec<String> = regions.iter().map(|r| region_words(*r)).collect();
    let details: Vec<String> = j
        .followed
        .onsets
        .iter()
        .map(|f| {
            format!(
                "{}: {} pain began {}, {} h after the session",
                f.week,
                region_words(f.region),
                f.onset,
                f.hours
            )
        })
        .collect();
    let mut advice = alternatives_advice(std::slice::from_ref(&j.exercise), catalog, &regions);
    advice.insert(
        0,
        format!(
            "Progress in small steps (about {:.0} % a week at most); a jump of {:.0} % or more is where injuries cluster.",
            t.change_info_pct, t.change_warning_pct
        ),
    );
    words(
        format!(
            "{} in {}; {} pain followed {} of them within {} h",
            jumped(j, t, catalog),
            plural(j.jumps.len(), "week", "weeks"),
            region_text.join(" and "),
            j.followed.onsets.len(),
            t.window_h
        ),
        format!(
            "Jumps: {}. Pain within {} h of a session of it in a jump week: {}.",
            jump_weeks(j),
            t.window_h,
            details.join("; ")
        ),
        &format!(
            "A sudden rise in load on one exercise came at most {} h before pain began in an area it loads. This is an association, not proof of cause.",
            t.window_h
        ),
        advice,
    )
}

/// "2026-W23 24204 kg (+35 %)".
fn week_change(w: &WeekChange) -> String {
    format!("{} {:.0} kg ({:+.0} %)", w.week, w.load_kg, w.change_pct)
}

fn week_changes(weeks: &[WeekChange]) -> String {
    let shown: Vec<String> = weeks.iter().map(week_change).collect();
    shown.join("; ")
}

pub(super) fn weekly_jump(weeks: &[WeekChange], t: &Thresholds) -> Words {
    words(
        format!(
            "Total weekly load rose more than {:.0} % over the week before in {}",
            t.change_warning_pct,
            plural(weeks.len(), "week", "weeks")
        ),
        week_changes(weeks),
        &format!(
            "Week-to-week rises above {:.0} % are linked to more injuries (a heuristic from running and team-sport cohorts).",
            t.change_warning_pct
        ),
        vec![format!(
            "Keep weekly increases to about {:.0} %.",
            t.change_info_pct
        )],
    )
}

pub(super) fn weekly_rise(r: &RecentRises, t: &Thresholds) -> Words {
    words(
        format!(
            "Total weekly load rose {:.0}–{:.0} % in {} of the last {} weeks",
            t.change_info_pct,
            t.change_warning_pct,
            plural(r.weeks.len(), "week", "weeks"),
            r.of_last_weeks
        ),
        week_changes(&r.weeks),
        &format!(
            "Rises of about {:.0} % a week are the usual guide for safe progression.",
            t.change_info_pct
        ),
        Vec::new(),
    )
}

/// Consecutive dates as ranges: "2026-07-20 to 2026-07-22, 2026-08-01".
fn ranges(dates: &[NaiveDate]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < dates.len() {
        let start = dates[i];
        let mut j = i;
        while j + 1 < dates.len() && (dates[j + 1] - dates[j]).num_days() == 1 {
            j += 1;
        }
        parts.push(if j == i {
            start.to_string()
        } else {
            format!("{start} to {}", dates[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

pub(super) fn acwr_danger(a: &AcwrDays, t: &Thresholds) -> Words {
    words(
        format!(
            "Acute:chronic workload ratio at or above {:.1} on {} (heuristic)",
            t.acwr_danger,
            plural(a.days.len(), "day", "days")
        ),
        format!(
            "{}{}",
            ranges(&a.days),
            a.highest
                .map_or(String::new(), |(r, d)| format!("; highest {r:.2} on {d}"))
        ),
        &format!(
            "The last {} load was much higher than the last {}. The bands come from team-sport studies and are contested; read them as a rough guide.",
            span_possessive(t.acwr_acute_days),
            span_possessive(t.acwr_chronic_days)
        ),
        vec!["Let the chronic load catch up: hold or reduce load for a week.".into()],
    )
}

pub(super) fn monotony(weeks: &[MonotonousWeek], t: &Thresholds) -> Words {
    let shown: Vec<String> = weeks
        .iter()
        .map(|w| {
            format!(
                "{} monotony {:.2}, strain {:.0}",
                w.week,
                w.monotony,
                w.strain.unwrap_or(0.0)
            )
        })
        .collect();
    words(
        format!(
            "Training was monotonous (same load every day) in {}",
            plural(weeks.len(), "week", "weeks")
        ),
        shown.join("; "),
        &format!(
            "High monotony (mean daily load / its standard deviation above {}–{}) with high load leaves little recovery (Foster 1998).",
            t.monotony_caution, t.monotony_warning
        ),
        vec!["Vary hard and easy days and keep at least one rest day a week.".into()],
    )
}

pub(super) fn comeback(c: &Comeback) -> Words {
    words(
        format!(
            "Came back after {} {}-day break at {:.0} % of the previous weekly load",
            a_or_an(u64::from(c.layoff_days)),
            c.layoff_days,
            100.0 * c.load_back_kg / c.weekly_load_before_kg
        ),
        format!(
            "No sessions {} to {}; first week back from {}: {:.0} kg vs {:.0} kg a week before the break",
            c.layoff_first, c.layoff_last, c.return_day, c.load_back_kg, c.weekly_load_before_kg
        ),
        "After weeks off, the body has lost some of its tolerance; coming back near the old load is a common time to get hurt.",
        vec!["Start around half of the old load and build up over 2–4 weeks.".into()],
    )
}

pub(super) fn streak(s: &Streak) -> Words {
    let (first, last) = (s.first, s.last);
    words(
        format!("{} training days in a row, {first} to {last}", s.days),
        format!("A session on every day from {first} to {last}, with no rest day"),
        "Muscles, tendons and the spine adapt on rest days; common back-care advice is to rest at least one or two days every week.",
        vec!["Take at least one or two rest days a week.".into()],
    )
}

pub(super) fn short_recovery(s: &ShortGaps, t: &Thresholds) -> Words {
    let gap_h = t.same_region_gap_h;
    let shortest = s.gaps.iter().map(|g| g.hours).fold(f64::INFINITY, f64::min);
    let recent: Vec<String> = s
        .gaps
        .iter()
        .rev()
        .take(5)
        .map(|g| format!("{} ({:.0} h)", g.day, g.hours))
        .collect();
    let apart = if gap_h >= 24.0 && gap_h % 24.0 == 0.0 {
        days_in_words((gap_h / 24.0) as u32)
    } else {
        format!("{gap_h:.0} hours")
    };
    words(
        format!(
            "The {} was the main target of sessions less than {gap_h:.0} h apart {}",
            region_words(s.region),
            plural(s.gaps.len(), "time", "times")
        ),
        format!(
            "Shortest gap {shortest:.0} h; most recent: {}",
            recent.join(", ")
        ),
        &format!("Hard work on the same area needs about {gap_h:.0} hours to recover."),
        vec![format!(
            "Space sessions that load the same area at least {apart} apart, or alternate areas."
        )],
    )
}
