//! Ground truth read back from a generated log, computed the simple way (no polars), so tests
//! and `sample_logs/README.md` state what the data really contains.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::lifter::names;
use super::{SynthWorkout, SyntheticLog};
use crate::model::{PainEntry, Region, Symptom};

/// A per-ISO-week total.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekTonnage {
    pub monday: NaiveDate,
    pub value: f64,
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Every ISO week from the first workout's to the last's, with `f` summed over its workouts.
fn weekly(workouts: &[SynthWorkout], f: impl Fn(&SynthWorkout) -> f64) -> Vec<WeekTonnage> {
    let (Some(first), Some(last)) = (
        workouts.iter().map(|w| w.date()).min(),
        workouts.iter().map(|w| w.date()).max(),
    ) else {
        return Vec::new();
    };
    let mut sums: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    let mut m = monday_of(first);
    while m <= last {
        sums.insert(m, 0.0);
        m += Duration::days(7);
    }
    for w in workouts {
        *sums.entry(monday_of(w.date())).or_default() += f(w);
    }
    sums.into_iter()
        .map(|(monday, value)| WeekTonnage { monday, value })
        .collect()
}

/// Working-set tonnage (reps × kg, warm-ups excluded) of one exercise per ISO week.
pub fn weekly_tonnage(workouts: &[SynthWorkout], exercise: &str) -> Vec<WeekTonnage> {
    weekly(workouts, |w| {
        w.exercises
            .iter()
            .filter(|e| e.name == exercise)
            .flat_map(|e| &e.sets)
            .map(|s| s.volume_kg())
            .sum()
    })
}

/// Deadlift working-set tonnage per ISO week.
pub fn deadlift_weekly_tonnage(workouts: &[SynthWorkout]) -> Vec<WeekTonnage> {
    weekly_tonnage(workouts, names::DEADLIFT)
}

/// Running distance in km per ISO week.
pub fn weekly_running_km(workouts: &[SynthWorkout]) -> Vec<WeekTonnage> {
    weekly(workouts, |w| {
        w.exercises
            .iter()
            .filter(|e| e.name == names::RUNNING)
            .flat_map(|e| &e.sets)
            .filter_map(|s| s.measures.distance_m)
            .sum::<f64>()
            / 1000.0
    })
}

/// A pain episode as science.md §3 defines it.
#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    pub region: Region,
    pub onset: NaiveDateTime,
    pub first_intensity: u8,
    /// Date of the last entry with pain.
    pub end: NaiveDate,
    /// Date of the 0 entry that ended it.
    pub resolved_on: Option<NaiveDate>,
    pub peak: u8,
    /// Entries with pain.
    pub entries: usize,
}

impl Episode {
    /// end − onset date + 1.
    pub fn days(&self) -> i64 {
        (self.end - self.onset.date()).num_days() + 1
    }
}

/// Per region, maximal runs of entries ≥ 1 at most 3 days apart; a 0 entry ends a run.
pub fn episodes(pain: &[PainEntry]) -> Vec<Episode> {
    let mut by_region: BTreeMap<Region, Vec<&PainEntry>> = BTreeMap::new();
    for p in pain {
        by_region.entry(p.region).or_default().push(p);
    }
    let mut out = Vec::new();
    for (region, mut entries) in by_region {
        entries.sort_by_key(|p| p.at);
        let mut open: Option<Episode> = None;
        for p in entries {
            let date = p.at.date();
            if p.intensity == 0 {
                if let Some(mut e) = open.take() {
                    e.resolved_on = Some(date);
                    out.push(e);
                }
                continue;
            }
            if let Some(e) = open.as_mut()
                && (date - e.end).num_days() <= 3
            {
                e.end = date;
                e.peak = e.peak.max(p.intensity);
                e.entries += 1;
                continue;
            }
            out.extend(open.take());
            open = Some(Episode {
                region,
                onset: p.at,
                first_intensity: p.intensity,
                end: date,
                resolved_on: None,
                peak: p.intensity,
                entries: 1,
            });
        }
        out.extend(open);
    }
    out.sort_by_key(|e| (e.onset, e.region));
    out
}

/// Workouts that started within the 48 h before `t` (science.md §4 window).
pub fn sessions_before(workouts: &[SynthWorkout], t: NaiveDateTime) -> Vec<&SynthWorkout> {
    workouts
        .iter()
        .filter(|w| w.start < t && t <= w.start + Duration::hours(48))
        .collect()
}

/// A week whose deadlift tonnage is > 30 % above the previous week's.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadJump {
    pub session: NaiveDateTime,
    pub before_kg: f64,
    pub kg: f64,
    /// The lower-back onset within 48 h after the session, if any.
    pub onset: Option<NaiveDateTime>,
}

impl LoadJump {
    pub fn pct(&self) -> f64 {
        100.0 * (self.kg - self.before_kg) / self.before_kg
    }
}

/// An episode and the sessions that started in the 48 h before its onset.
#[derive(Debug, Clone, PartialEq)]
pub struct Onset {
    pub episode: Episode,
    pub after: Vec<(String, NaiveDateTime)>,
}

/// What a log contains, for tests and for the sample README.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryFacts {
    pub size: LogSize,
    pub deadlift_jumps: Vec<LoadJump>,
    pub pain: PainFacts,
    /// Runs of 6 or more consecutive training days (first day, last day).
    pub streaks: Vec<(NaiveDate, NaiveDate)>,
    pub running_km: Vec<WeekTonnage>,
}

/// How much a log holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogSize {
    pub workouts: usize,
    pub sets: usize,
    pub pain_entries: usize,
}

impl fmt::Display for LogSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} workouts, {} sets, {} pain entries",
            self.workouts, self.sets, self.pain_entries
        )
    }
}

/// The pain the story plants: onsets with the sessions before them, episodes, red-flag dates.
#[derive(Debug, Clone, PartialEq)]
pub struct PainFacts {
    pub lower_back: Vec<Onset>,
    pub knee: Vec<Onset>,
    pub thigh: Vec<Episode>,
    /// Dates of entries with numbness.
    pub numbness: Vec<NaiveDate>,
}

pub fn story_facts(log: &SyntheticLog) -> StoryFacts {
    let eps = episodes(&log.pain);
    let onsets = |region: Region| -> Vec<Onset> {
        eps.iter()
            .filter(|e| e.region == region)
            .map(|e| Onset {
                episode: e.clone(),
                after: sessions_before(&log.workouts, e.onset)
                    .into_iter()
                    .map(|w| (w.name.clone(), w.start))
                    .collect(),
            })
            .collect()
    };
    let lower_back = onsets(Region::LowerBack);

    let tonnage = deadlift_weekly_tonnage(&log.workouts);
    let mut deadlift_jumps = Vec::new();
    for pair in tonnage.windows(2) {
        let (prev, cur) = (&pair[0], &pair[1]);
        if prev.value > 0.0 && cur.value > 1.3 * prev.value {
            let session = log
                .workouts
                .iter()
                .filter(|w| monday_of(w.date()) == cur.monday && w.has(names::DEADLIFT))
                .map(|w| w.start)
                .min()
                .expect("a week with deadlift tonnage has a deadlift session");
            let onset = lower_back
                .iter()
                .map(|o| o.episode.onset)
                .find(|&t| session < t && t <= session + Duration::hours(48));
            deadlift_jumps.push(LoadJump {
                session,
                before_kg: prev.value,
                kg: cur.value,
                onset,
            });
        }
    }

    let mut days: Vec<NaiveDate> = log.workouts.iter().map(|w| w.date()).collect();
    days.dedup();
    let mut streaks = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + Duration::days(1) {
            j += 1;
        }
        if j - i + 1 >= 6 {
            streaks.push((days[i], days[j]));
        }
        i = j + 1;
    }

    StoryFacts {
        size: LogSize {
            workouts: log.workouts.len(),
            sets: log.set_count(),
            pain_entries: log.pain.len(),
        },
        deadlift_jumps,
        pain: PainFacts {
            lower_back,
            knee: onsets(Region::Knee),
            thigh: eps
                .iter()
                .filter(|e| e.region == Region::Thigh)
                .cloned()
                .collect(),
            numbness: log
                .pain
                .iter()
                .filter(|p| p.symptoms.contains(&Symptom::Numbness))
                .map(|p| p.at.date())
                .collect(),
        },
        streaks,
        running_km: weekly_running_km(&log.workouts),
    }
}

fn dt(t: NaiveDateTime) -> String {
    t.format("%a %Y-%m-%d %H:%M").to_string()
}

fn episode_line(e: &Episode) -> String {
    let resolved = e
        .resolved_on
        .map_or("unresolved".to_string(), |d| format!("0 on {d}"));
    format!(
        "onset {}, first {}/10, peak {}/10, last pain {} ({} days, {} entries), {}",
        dt(e.onset),
        e.first_intensity,
        e.peak,
        e.end,
        e.days(),
        e.entries,
        resolved
    )
}

impl fmt::Display for StoryFacts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.size)?;
        writeln!(
            f,
            "deadlift weeks > 30 % above the previous week ({}):",
            self.deadlift_jumps.len()
        )?;
        for j in &self.deadlift_jumps {
            let onset = j
                .onset
                .map_or("no lower-back onset within 48 h".to_string(), |t| {
                    let h = (t - j.session).num_minutes() as f64 / 60.0;
                    format!("lower-back onset {} ({h:.1} h later)", dt(t))
                });
            writeln!(
                f,
                "  {}: {} kg vs {} kg (+{:.0} %), {onset}",
                dt(j.session),
                j.kg,
                j.before_kg,
                j.pct()
            )?;
        }
        for (title, list) in [
            ("lower-back", &self.pain.lower_back),
            ("knee", &self.pain.knee),
        ] {
            writeln!(f, "{title} episodes ({}):", list.len())?;
            for o in list {
                let after: Vec<String> = o
                    .after
                    .iter()
                    .map(|(name, t)| format!("{name} {}", dt(*t)))
                    .collect();
                let after = if after.is_empty() {
                    "none".to_string()
                } else {
                    after.join(", ")
                };
                writeln!(
                    f,
                    "  {}; sessions in the 48 h before: {after}",
                    episode_line(&o.episode)
                )?;
            }
        }
        writeln!(f, "thigh episodes ({}):", self.pain.thigh.len())?;
        for e in &self.pain.thigh {
            writeln!(f, "  {}", episode_line(e))?;
        }
        let numbness: Vec<String> = self.pain.numbness.iter().map(|d| d.to_string()).collect();
        writeln!(f, "numbness entries: {}", numbness.join(", "))?;
        for (a, b) in &self.streaks {
            writeln!(
                f,
                "training streak: {a} to {b} ({} days)",
                (*b - *a).num_days() + 1
            )?;
        }
        let km: Vec<String> = self
            .running_km
            .iter()
            .map(|w| format!("{} {:.1}", w.monday.format("%m-%d"), w.value))
            .collect();
        writeln!(f, "running km per week (Monday): {}", km.join(", "))
    }
}
