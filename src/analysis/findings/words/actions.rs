//! The words of the bottom line: the status line and each action, one sentence naming what to
//! change, why (the finding and its key number), and the safer alternative where the catalog
//! has one.

use super::*;
use crate::analysis::findings::facts::{
    EpisodeGroup, Facts, PainAfterExposure, PersistentEpisode, RedFlagSigns,
};
use crate::analysis::findings::{Finding, FindingKind};
use crate::model::IsoWeek;

/// "Romanian deadlift or Hip hinge drill": the first two catalog alternatives of `id`.
fn alternatives(id: &str, catalog: &Catalog) -> Option<String> {
    let e = catalog.get(id)?;
    let names: Vec<&str> = e
        .alternatives
        .iter()
        .filter_map(|a| catalog.get(a))
        .map(|a| a.name.as_str())
        .take(2)
        .collect();
    (!names.is_empty()).then(|| names.join(" or "))
}

/// The red flags, newest first: one action that always sends the reader to a professional.
pub fn red_flags(flags: &[&RedFlagSigns]) -> String {
    let newest = flags[0];
    let more = match flags.len() - 1 {
        0 => String::new(),
        n => format!(
            " ({} more in the report)",
            plural(n, "other red flag", "other red flags")
        ),
    };
    format!(
        "See a doctor promptly: you recorded {} with {} pain on {}{more}; stop the exercises that bring it on until you have been assessed.",
        newest.signs.join(" and "),
        region_words(newest.region),
        newest.date
    )
}

/// What a region's pain findings add up to.
pub struct RegionPain<'a> {
    pub region: Region,
    /// The association that names exercises (or a tag) for the region's pain.
    pub cause: Option<&'a PainAfterExposure>,
    /// Load jumps on an exercise followed by pain here, when no association names one.
    pub spike: Option<&'a Finding>,
    pub persistent: Option<&'a PersistentEpisode>,
    pub through: Option<&'a EpisodeGroup>,
}

pub fn region(p: &RegionPain, t: &Thresholds, catalog: &Catalog) -> String {
    let region = region_words(p.region);
    let see = p.persistent.map(|e| {
        format!(
            "see a physiotherapist, as one episode lasted {} days",
            e.days
        )
    });
    let then = |s: String| match &see {
        Some(see) => format!("{s}, and {see}."),
        None => format!("{s}."),
    };
    if let Some(cause) = p.cause {
        let best = cause.best();
        let name = if cause.implicated.len() == 1 {
            exercise_name(&cause.implicated[0], catalog)
        } else {
            best.label.clone()
        };
        let swap = cause
            .implicated
            .first()
            .and_then(|id| alternatives(id, catalog))
            .map_or_else(
                || format!("ease off {name} for now"),
                |alts| format!("swap {name} for {alts} for now"),
            );
        return then(format!(
            "{} pain began within {} h of {} of your {} {name} sessions, against {} of {} other sessions: {swap}",
            capitalised(&region),
            t.window_h,
            best.table.a,
            best.table.a + best.table.b,
            best.table.c,
            best.table.c + best.table.d
        ));
    }
    if let Some(f) = p.spike {
        let name = f
            .exercises
            .first()
            .map_or_else(String::new, |id| exercise_name(id, catalog));
        // The weeks of the jumps this region's pain followed, oldest first.
        let mut weeks: Vec<IsoWeek> = match &f.facts {
            Facts::SpikeThenPain(j) => j
                .followed
                .iter()
                .filter(|a| a.region == p.region)
                .map(|a| a.week)
                .collect(),
            _ => Vec::new(),
        };
        weeks.dedup();
        let jumps = match weeks.as_slice() {
            [one] => format!("a load jump on {name} ({one})"),
            [.., last] => format!(
                "{} on {name}, most recently in {last}",
                plural(weeks.len(), "load jump", "load jumps")
            ),
            [] => format!("a load jump on {name}"),
        };
        return then(format!(
            "{} pain began within {} h of {jumps}: raise it by about {:.0} % a week at most",
            capitalised(&region),
            t.window_h,
            t.change_info_pct
        ));
    }
    if let Some(e) = p.persistent {
        return format!(
            "See a physiotherapist about your {region} pain: it lasted {} days ({} to {}).",
            e.days, e.onset, e.end
        );
    }
    match p.through {
        Some(g) => format!(
            "Keep {region} pain at {}/10 or below while you train: you trained through more in {}.",
            t.training_through_pain_above,
            plural(g.episodes.len(), "episode", "episodes")
        ),
        None => format!("Ease the load on your {region} and watch how the pain goes."),
    }
}

/// Any other warning about the recent weeks: what to change, then why, with its key number.
pub fn other(f: &Finding, t: &Thresholds, catalog: &Catalog) -> String {
    match &f.facts {
        Facts::AcwrDanger(a) => format!(
            "Hold or reduce your load for a week: the last week's load ran well ahead of the month before (acute:chronic ratio at or above {:.1} on {}{}).",
            t.acwr_danger,
            plural(a.days.len(), "day", "days"),
            a.highest
                .map_or(String::new(), |(r, d)| format!(", up to {r:.2} on {d}"))
        ),
        Facts::WeeklyLoadJump(weeks) => {
            let last = weeks.iter().max_by_key(|w| w.first_day);
            format!(
                "Keep weekly increases to about {:.0} %: your weekly load rose more than {:.0} % in {}{}.",
                t.change_info_pct,
                t.change_warning_pct,
                plural(weeks.len(), "week", "weeks"),
                last.map_or(String::new(), |w| format!(
                    ", most recently {:+.0} % in {}",
                    w.change_pct, w.week
                ))
            )
        }
        Facts::ExerciseJump(j) => format!(
            "Raise {} by about {:.0} % a week at most: it jumped more than {:.0} % in {}.",
            exercise_name(&j.exercise, catalog),
            t.change_info_pct,
            t.change_warning_pct,
            plural(j.jumps.len(), "week", "weeks")
        ),
        Facts::ReturnAfterLayoff(c) => format!(
            "Restart at about half your old load and build up over 2–4 weeks: you came back after {} {}-day break at {:.0} % of your earlier weekly load.",
            a_or_an(u64::from(c.layoff_days)),
            c.layoff_days,
            100.0 * c.load_back_kg / c.weekly_load_before_kg.max(f64::MIN_POSITIVE)
        ),
        Facts::TrainingStreak(s) => format!(
            "Take at least one or two rest days a week: you trained {} days in a row, {} to {}.",
            s.days, s.first, s.last
        ),
        Facts::DeclaredCondition(c) => {
            let names: Vec<String> = c
                .exercises
                .iter()
                .map(|id| exercise_name(id, catalog))
                .collect();
            let swap = c
                .exercises
                .first()
                .and_then(|id| alternatives(id, catalog))
                .map_or(String::new(), |alts| format!("; safer: {alts}"));
            format!(
                "Ask the professional treating your {} about {}{}: {} {}working sets in the log{swap}.",
                c.condition.as_str().replace('-', " "),
                if c.heavy_only { "heavy " } else { "" },
                names.join(", "),
                c.sets,
                if c.heavy_only { "heavy " } else { "" },
            )
        }
        _ => match f.said.advice.first() {
            Some(advice) => format!(
                "{} – {}.",
                advice.trim_end_matches('.'),
                lower_first(&f.said.message)
            ),
            None => format!("{}.", f.said.message),
        },
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep exercise names and acronyms capitalised: lower only a plain first word.
        Some(f) if c.clone().next().is_some_and(|n| n.is_lowercase()) => {
            f.to_lowercase().collect::<String>() + c.as_str()
        }
        Some(f) => f.to_string() + c.as_str(),
        None => String::new(),
    }
}

/// What a report with nothing to act on says it checked.
pub fn checked(focus_weeks: u32, has_pain: bool, cautions: usize) -> String {
    // Cautions are listed below the bottom line: say so, or "nothing needs action" above a
    // list of them reads as a contradiction.
    let cautions = match cautions {
        0 => String::new(),
        n => format!(
            " {} below {} worth a look when you plan your next weeks.",
            plural(n, "caution", "cautions"),
            if n == 1 { "is" } else { "are" }
        ),
    };
    let pain = if has_pain {
        "red flags, pain episodes and what came before them"
    } else {
        "red flags (no pain was logged, so nothing could be linked to pain)"
    };
    format!(
        "Nothing needs action now.{cautions} Checked: {pain}; load jumps, the acute:chronic ratio, monotony, training streaks and recovery gaps over the last {}.",
        plural(focus_weeks as usize, "week", "weeks")
    )
}

/// "No red flags · 1 thing to act on · lower back pain on 9 days in the last 4 weeks".
pub fn status(
    red_flags: usize,
    to_act_on: usize,
    pain: Option<(Region, usize)>,
    has_pain: bool,
    focus_weeks: u32,
) -> String {
    let flags = match red_flags {
        0 => "No red flags".to_string(),
        n => format!(
            "{} – see a professional",
            plural(n, "red flag", "red flags")
        ),
    };
    let act = match to_act_on {
        0 => "nothing to act on".to_string(),
        n => format!("{} to act on", plural(n, "thing", "things")),
    };
    let weeks = plural(focus_weeks as usize, "week", "weeks");
    let pain = match pain {
        Some((region, days)) => format!(
            "{} pain on {} in the last {weeks}",
            region_words(region),
            plural(days, "day", "days")
        ),
        None if has_pain => format!("no pain logged in the last {weeks}"),
        None => "no pain logged".to_string(),
    };
    format!("{flags} · {act} · {pain}")
}

/// Kinds whose warnings become an action of their own (pain kinds go through [`region`]).
pub fn acts_alone(kind: FindingKind) -> bool {
    !matches!(
        kind,
        FindingKind::RedFlag
            | FindingKind::PersistentPain
            | FindingKind::WorseningPain
            | FindingKind::TrainingThroughPain
            | FindingKind::NotImproving
            | FindingKind::AcuteOnset
            | FindingKind::Soreness
            | FindingKind::Recurrence
            | FindingKind::Association
            | FindingKind::SorenessAssociation
            | FindingKind::SpikeThenPain
    )
}
