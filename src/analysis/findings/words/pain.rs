//! The words of the pain findings: red flags, persistent, worsening, not-improving, sudden,
//! soreness-like and recurrent episodes, and training through pain.

use super::*;
use crate::analysis::findings::facts::{
    EpisodeGroup, PersistentEpisode, RecurrentEpisodes, RedFlagSigns,
};

pub(super) fn red_flag(f: &RedFlagSigns) -> Words {
    let source = if f.inferred {
        "a workout note"
    } else {
        "your pain diary"
    };
    let mut evidence = format!(
        "{} line {}: {}",
        crate::text::file_name(&f.file),
        f.line,
        f.signs.join(", ")
    );
    if !f.note.is_empty() {
        evidence.push_str(&format!(" (note: \"{}\")", f.note));
    }
    words(
        format!(
            "{} with {} pain on {}, recorded in {source}",
            capitalised(&f.signs.join(" and ")),
            region_words(f.region),
            f.date
        ),
        evidence,
        "Numbness, tingling, weakness, pain spreading down a leg, pain after a fall, night pain and bladder or bowel changes are signs that need a professional's assessment, whatever your training log shows.",
        vec![
            SEE_PROMPTLY.into(),
            "Stop the exercises that bring the pain on until you have been assessed.".into(),
        ],
    )
}

fn span(onset: NaiveDate, end: NaiveDate) -> String {
    format!("{onset} to {end}")
}

pub(super) fn persistent(e: &PersistentEpisode, t: &Thresholds) -> Words {
    let explanation = if e.long {
        format!(
            "Most muscle strains feel better within {}; pain that lasts longer than that needs to be looked at.",
            days_in_words(t.persistent_long_days)
        )
    } else {
        // Soreness that has not eased by `not_improving_from_h` counts as not improving, so
        // that is how long ordinary soreness is said to last.
        format!(
            "Ordinary post-workout soreness fades within about {}. Pain lasting more than {} is a reason to see someone.",
            hours_in_words(t.not_improving_from_h),
            days_in_words(t.persistent_days)
        )
    };
    words(
        format!(
            "{} pain {} {} days ({}), peak {}/10",
            capitalised(&region_words(e.region)),
            if e.ongoing { "has lasted" } else { "lasted" },
            e.days,
            span(e.onset, e.end),
            e.peak
        ),
        format!(
            "{} entries from {} to {}; onset {}/10, last {}/10{}",
            e.entries,
            e.onset,
            e.end,
            e.onset_intensity,
            e.last_intensity,
            e.resolved_on
                .map_or(String::new(), |d| format!("; pain-free entry on {d}"))
        ),
        &explanation,
        vec![
            SEE_A_PROFESSIONAL.into(),
            "Return to full training only after about a week without pain, and build back up gradually.".into(),
            "After the first 48 hours, heat or ice can ease it.".into(),
        ],
    )
}

/// "Knee pain was getting worse (2 episodes)", with each episode's span and peak.
fn group(g: &EpisodeGroup, what: &str, explanation: &str, advice: Vec<String>) -> Words {
    let spans: Vec<String> = g
        .episodes
        .iter()
        .map(|e| format!("{} (peak {}/10)", span(e.onset, e.end), e.peak))
        .collect();
    words(
        format!(
            "{} pain {} ({})",
            capitalised(&region_words(g.region)),
            what,
            plural(g.episodes.len(), "episode", "episodes")
        ),
        spans.join("; "),
        explanation,
        advice,
    )
}

pub(super) fn worsening(g: &EpisodeGroup) -> Words {
    group(
        g,
        "was getting worse",
        "Pain that keeps rising from entry to entry suggests the load is still too much, or an injury.",
        vec![
            "Reduce or stop the exercises that load this area until it settles.".into(),
            SEE_A_PROFESSIONAL.into(),
        ],
    )
}

pub(super) fn training_through(g: &EpisodeGroup, t: &Thresholds) -> Words {
    let p = t.training_through_pain_above;
    group(
        g,
        &format!("was trained through at more than {p}/10"),
        &format!(
            "Loading a painful area while pain is above {p}/10 the day before or after tends to prolong it."
        ),
        vec![
            format!(
                "Stop or modify an exercise that hurts; keep pain during and after training at {p}/10 or below."
            ),
            "Give the area rest days, then progress in small steps.".into(),
        ],
    )
}

pub(super) fn not_improving(g: &EpisodeGroup, t: &Thresholds) -> Words {
    let (from, to) = (t.not_improving_from_h, t.not_improving_to_h);
    group(
        g,
        &format!(
            "had not improved {}–{} days after it began",
            from / 24.0,
            to / 24.0
        ),
        &format!(
            "Soreness from training usually eases within {from:.0} hours; pain that has not eased by {from:.0}–{to:.0} hours suggests an injury."
        ),
        vec![SEE_A_PROFESSIONAL.into()],
    )
}

pub(super) fn acute_onset(g: &EpisodeGroup, t: &Thresholds) -> Words {
    group(
        g,
        &format!(
            "started abruptly (sharp or {}+/10) within {} of a session",
            t.acute_intensity,
            hours_in_words(t.acute_window_h)
        ),
        "Pain that starts suddenly during or right after a workout is a sign of injury rather than ordinary soreness.",
        vec!["Note what you were doing when it started; check form and load on that lift.".into()],
    )
}

pub(super) fn soreness(g: &EpisodeGroup, t: &Thresholds) -> Words {
    group(
        g,
        &format!(
            "looked like ordinary training soreness: mild, {:.0}–{:.0} h after a session, gone within days",
            t.soreness_min_h, t.soreness_max_h
        ),
        "Delayed-onset muscle soreness is expected after hard or new work and is not a warning sign.",
        Vec::new(),
    )
}

pub(super) fn recurrence(r: &RecurrentEpisodes, t: &Thresholds) -> Words {
    let within = days_in_words(t.recurrence_days);
    let spans: Vec<String> = r
        .episodes
        .iter()
        .map(|e| {
            format!(
                "{} (peak {}/10), {} after the episode before ended on {}",
                span(e.onset, e.end),
                e.peak,
                days_in_words((e.onset - e.previous_end).num_days().max(0) as u32),
                e.previous_end
            )
        })
        .collect();
    words(
        format!(
            "{} pain came back within {within} of an earlier episode ({})",
            capitalised(&region_words(r.region)),
            plural(r.episodes.len(), "time", "times")
        ),
        spans.join("; "),
        &format!(
            "Pain that returns to the same place within {within} of an earlier episode is that problem coming back, not new soreness: the area had not recovered for the load it met."
        ),
        vec![
            "Return to full training only after about a week without pain, and build back up gradually.".into(),
            "If it keeps coming back, see a physiotherapist about technique and load.".into(),
        ],
    )
}
