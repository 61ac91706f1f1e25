//! Pain episodes per region, their classes (science.md §3), and red flags.

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use crate::model::{PainEntry, Quality, Region, Side, Symptom};

use super::calendar::Session;
use super::settings::Thresholds;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EpisodeClass {
    SorenessLike,
    AcuteOnset,
    NotImproving,
    /// Lasting more than `persistent_days` (7).
    Persistent,
    /// Lasting more than `persistent_long_days` (14).
    PersistentLong,
    Worsening,
    TrainingThroughPain,
    /// Began at most `recurrence_days` (14) after an earlier episode of the region ended,
    /// one that was not itself soreness-like: the pain came back, it is not new soreness.
    Recurrence,
}

impl EpisodeClass {
    pub fn as_str(self) -> &'static str {
        match self {
            EpisodeClass::SorenessLike => "soreness-like",
            EpisodeClass::AcuteOnset => "acute-onset",
            EpisodeClass::NotImproving => "not-improving",
            EpisodeClass::Persistent => "persistent",
            EpisodeClass::PersistentLong => "persistent-long",
            EpisodeClass::Worsening => "worsening",
            EpisodeClass::TrainingThroughPain => "training-through-pain",
            EpisodeClass::Recurrence => "recurrence",
        }
    }
}

/// A maximal run of pain entries (intensity ≥ 1) in one region whose consecutive entries are
/// at most `episode_gap_days` apart; an entry of 0 ends it.
#[derive(Debug, Clone, Serialize)]
pub struct Episode {
    pub region: Region,
    pub side: Option<Side>,
    /// The first entry's time.
    pub onset: NaiveDateTime,
    /// The date of the last entry with pain.
    pub end: NaiveDate,
    /// end − onset date + 1.
    pub days: u32,
    pub peak: u8,
    pub onset_intensity: u8,
    pub last_intensity: u8,
    /// The date of the 0 entry that ended it, if any.
    pub resolved_on: Option<NaiveDate>,
    pub entries: usize,
    /// True when every entry was inferred from workout notes.
    pub inferred: bool,
    pub classes: Vec<EpisodeClass>,
    /// The sessions that loaded this region while the episode was open (training through pain
    /// counts those next to pain above 5).
    pub sessions_during: u32,
    /// Began before the period's first day (an episode already open when the log or
    /// `--from` starts): it is no onset in the period, so no association table counts it.
    pub began_before: bool,
    /// The end of the region's episode before this one, over the whole diary.
    #[serde(skip)]
    pub previous_end: Option<NaiveDate>,
    #[serde(skip)]
    pub intensities: Vec<(NaiveDateTime, u8)>,
    #[serde(skip)]
    pub onset_quality: Option<Quality>,
}

impl Episode {
    /// Open from its onset until the end of its `end` day.
    pub fn is_open_at(&self, t: NaiveDateTime) -> bool {
        t >= self.onset
            && t <= self
                .end
                .and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
    }

    pub fn has(&self, class: EpisodeClass) -> bool {
        self.classes.contains(&class)
    }

    /// The episode as it stood at `t`, from its entries logged by then: None when it had not
    /// begun, unresolved when its 0 came later. The weekly PDF of an earlier week shows what
    /// was known that Sunday from one analysis of the whole log. Its classes and side stay
    /// those of the whole episode.
    pub fn as_of(&self, t: NaiveDateTime) -> Option<Episode> {
        if self.onset > t {
            return None;
        }
        let known: Vec<(NaiveDateTime, u8)> = self
            .intensities
            .iter()
            .copied()
            .filter(|(at, _)| *at <= t)
            .collect();
        let &(last_at, last_intensity) = known.last()?;
        let end = last_at.date();
        Some(Episode {
            end,
            days: ((end - self.onset.date()).num_days() + 1) as u32,
            peak: known.iter().map(|x| x.1).max().unwrap_or(0),
            last_intensity,
            resolved_on: self.resolved_on.filter(|r| *r <= t.date()),
            entries: known.len(),
            intensities: known,
            ..self.clone()
        })
    }
}

/// True when `region` had episodes and every one was soreness-like: ordinary training
/// soreness, which the report shows after the pain that matters (issue 12).
pub fn soreness_only(episodes: &[Episode], region: Region) -> bool {
    let mut in_region = episodes.iter().filter(|e| e.region == region).peekable();
    in_region.peek().is_some() && in_region.all(|e| e.has(EpisodeClass::SorenessLike))
}

/// Builds every region's episodes (oldest first within a region; regions in vocabulary order)
/// and classifies them.
pub fn episodes(pain: &[PainEntry], sessions: &[Session], t: &Thresholds) -> Vec<Episode> {
    let mut by_region: BTreeMap<Region, Vec<&PainEntry>> = BTreeMap::new();
    for p in pain {
        by_region.entry(p.region).or_default().push(p);
    }
    let mut out = Vec::new();
    for (region, mut entries) in by_region {
        // Entries at the same moment are one observation: the highest intensity counts, so a
        // 0 and a 2 logged together never open and close an episode at once.
        entries.sort_by_key(|e| (e.at, std::cmp::Reverse(e.intensity)));
        entries.dedup_by_key(|e| e.at);
        let mut current: Option<Episode> = None;
        let mut sides: BTreeMap<Side, u32> = BTreeMap::new();
        for e in entries {
            if e.intensity == 0 {
                if let Some(mut ep) = current.take() {
                    // A 0 logged long after the last pain entry says nothing about when the
                    // episode ended: the gap ended it.
                    let last = ep.intensities.last().map_or(ep.onset, |x| x.0);
                    if (e.at.date() - last.date()).num_days() <= i64::from(t.episode_gap_days) {
                        ep.resolved_on = Some(e.at.date());
                    }
                    out.push(finish(ep, &sides));
                }
                sides.clear();
                continue;
            }
            let continues = current.as_ref().is_some_and(|ep| {
                let last = ep.intensities.last().map_or(ep.onset, |x| x.0);
                (e.at.date() - last.date()).num_days() <= i64::from(t.episode_gap_days)
            });
            if !continues {
                if let Some(ep) = current.take() {
                    out.push(finish(ep, &sides));
                }
                sides.clear();
                current = Some(Episode {
                    region,
                    side: None,
                    onset: e.at,
                    end: e.at.date(),
                    days: 1,
                    peak: 0,
                    onset_intensity: e.intensity,
                    last_intensity: e.intensity,
                    resolved_on: None,
                    entries: 0,
                    inferred: true,
                    classes: Vec::new(),
                    sessions_during: 0,
                    began_before: false,
                    previous_end: None,
                    intensities: Vec::new(),
                    onset_quality: e.quality,
                });
            }
            if let Some(ep) = current.as_mut() {
                ep.end = e.at.date();
                ep.peak = ep.peak.max(e.intensity);
                ep.last_intensity = e.intensity;
                ep.entries += 1;
                ep.inferred &= e.inferred;
                ep.intensities.push((e.at, e.intensity));
                if let Some(s) = e.side {
                    *sides.entry(s).or_default() += 1;
                }
            }
        }
        if let Some(ep) = current.take() {
            out.push(finish(ep, &sides));
        }
    }
    // Oldest first within a region, so each episode's predecessor is classified before it.
    for i in 0..out.len() {
        let (before, rest) = out.split_at_mut(i);
        let ep = &mut rest[0];
        let previous = before.last().filter(|p| p.region == ep.region);
        ep.previous_end = previous.map(|p| p.end);
        let recurs = previous.is_some_and(|p| {
            !p.has(EpisodeClass::SorenessLike)
                && (ep.onset.date() - p.end).num_days() <= i64::from(t.recurrence_days)
        });
        classify(ep, recurs, sessions, t);
    }
    out
}

/// The episodes that overlap the period `first..=last`, with those that began before it
/// marked. Built from every entry up to `last`, an episode already open on the first day
/// keeps its real onset and classes instead of starting anew there.
pub fn in_period(episodes: Vec<Episode>, first: NaiveDate, last: NaiveDate) -> Vec<Episode> {
    episodes
        .into_iter()
        .filter(|e| e.end >= first && e.onset.date() <= last)
        .map(|mut e| {
            e.began_before = e.onset.date() < first;
            e
        })
        .collect()
}

fn finish(mut ep: Episode, sides: &BTreeMap<Side, u32>) -> Episode {
    ep.days = ((ep.end - ep.onset.date()).num_days() + 1) as u32;
    ep.side = sides.iter().max_by_key(|(_, n)| **n).map(|(s, _)| *s);
    ep
}

fn hours(a: NaiveDateTime, b: NaiveDateTime) -> f64 {
    (b - a).num_seconds() as f64 / 3600.0
}

/// `recurs`: the episode began soon after an earlier, non-soreness episode of its region.
fn classify(ep: &mut Episode, recurs: bool, sessions: &[Session], t: &Thresholds) {
    // Sessions are in order of start: only those shortly before the onset matter here.
    // Checked: the hours are validated at load, but a look-back past the first date reads
    // every session rather than overflowing.
    let lookback =
        chrono::Duration::try_minutes((t.soreness_max_h.max(t.acute_window_h) * 60.0) as i64)
            .and_then(|back| ep.onset.checked_sub_signed(back));
    let from = lookback.map_or(0, |from| sessions.partition_point(|s| s.start < from));
    let to = sessions.partition_point(|s| s.start < ep.onset);
    let recent = &sessions[from..to];
    let loads_region = |s: &&Session| s.trained.regions.contains(&ep.region);
    let before_onset: Vec<f64> = recent.iter().map(|s| hours(s.start, ep.onset)).collect();
    let loading_before: Vec<f64> = recent
        .iter()
        .filter(loads_region)
        .map(|s| hours(s.start, ep.onset))
        .collect();
    let mut classes = Vec::new();

    // Ordinary delayed-onset soreness: mild, 12–72 h after loading the region, gone in days;
    // only a muscle gets it, and never pain that came back after an earlier episode.
    let soreness_timing = loading_before
        .iter()
        .any(|&h| h >= t.soreness_min_h && h <= t.soreness_max_h);
    if !recurs
        && ep.region.is_muscular()
        && ep.peak <= t.soreness_max_intensity
        && soreness_timing
        && ep.days <= t.soreness_max_days
    {
        classes.push(EpisodeClass::SorenessLike);
    }
    // Abrupt pain during or right after a session is a sign of injury, not soreness.
    let soon_after_session = before_onset.iter().any(|&h| h <= t.acute_window_h);
    if soon_after_session
        && (ep.onset_quality == Some(Quality::Sharp) || ep.onset_intensity >= t.acute_intensity)
    {
        classes.push(EpisodeClass::AcuteOnset);
    }
    let not_improving = ep.intensities.iter().any(|&(at, i)| {
        let h = hours(ep.onset, at);
        h >= t.not_improving_from_h && h <= t.not_improving_to_h && i >= ep.onset_intensity
    });
    if not_improving {
        classes.push(EpisodeClass::NotImproving);
    }
    if ep.days > t.persistent_days {
        classes.push(EpisodeClass::Persistent);
    }
    if ep.days > t.persistent_long_days {
        classes.push(EpisodeClass::PersistentLong);
    }
    let n = ep.intensities.len();
    if n >= 3 {
        let last3: Vec<u8> = ep.intensities[n - 3..].iter().map(|x| x.1).collect();
        if last3[1] >= last3[0] && last3[2] >= last3[1] && last3[2] > last3[0] {
            classes.push(EpisodeClass::Worsening);
        }
    }
    let open_from = sessions.partition_point(|s| s.start < ep.onset);
    let during: Vec<&Session> = sessions[open_from..]
        .iter()
        .take_while(|s| ep.is_open_at(s.start))
        .filter(loads_region)
        .collect();
    ep.sessions_during = during.len() as u32;
    let through_pain = during.iter().any(|s| {
        ep.intensities.iter().any(|&(at, i)| {
            i > t.training_through_pain_above && (at.date() - s.day).num_days().abs() <= 1
        })
    });
    if through_pain {
        classes.push(EpisodeClass::TrainingThroughPain);
    }
    if recurs {
        classes.push(EpisodeClass::Recurrence);
    }
    ep.classes = classes;
}

/// Where a red flag was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagSource {
    Symptoms,
    Notes,
}

/// A sign that calls for a professional, whatever the statistics say.
#[derive(Debug, Clone, Serialize)]
pub struct RedFlag {
    pub date: NaiveDate,
    pub region: Region,
    pub side: Option<Side>,
    /// The symptom, or the note keyword that matched.
    pub sign: String,
    pub source: FlagSource,
    pub inferred: bool,
    pub note: String,
    pub file: String,
    pub line: u64,
}

/// Keywords in diary notes that signal a red flag (seed 000's list; NICE NG59), with what they
/// stand for.
pub const RED_FLAG_KEYWORDS: &[(&str, &str)] = &[
    ("numb", "numbness"),
    ("tingl", "tingling"),
    ("pins and needles", "tingling"),
    ("weakness", "weakness"),
    ("leg gave way", "weakness"),
    ("both legs", "pain in both legs"),
    ("down my leg", "pain spreading down a leg"),
    ("down the leg", "pain spreading down a leg"),
    ("down my left leg", "pain spreading down a leg"),
    ("down my right leg", "pain spreading down a leg"),
    ("down the left leg", "pain spreading down a leg"),
    ("down the right leg", "pain spreading down a leg"),
    ("radiat", "radiating pain"),
    ("shooting", "radiating pain"),
    ("sciatic", "radiating pain"),
    ("bladder", "bladder problems"),
    ("bowel", "bowel problems"),
    ("incontinen", "bladder or bowel problems"),
    ("saddle", "saddle numbness"),
    ("fell", "pain after a fall"),
    ("fall", "pain after a fall"),
    ("accident", "pain after an accident"),
    ("crash", "pain after an accident"),
    ("night", "night pain"),
    ("fever", "fever"),
    ("weight loss", "unexplained weight loss"),
];

/// Red flags from the symptoms field and from keywords in entry notes.
pub fn red_flags(pain: &[PainEntry]) -> Vec<RedFlag> {
    let mut out = Vec::new();
    for p in pain {
        let base = |sign: String, source| RedFlag {
            date: p.at.date(),
            region: p.region,
            side: p.side,
            sign,
            source,
            inferred: p.inferred,
            note: p.notes.clone(),
            file: p.source.file.to_string(),
            line: p.source.line,
        };
        for s in &p.symptoms {
            out.push(base(symptom_sign(*s).to_string(), FlagSource::Symptoms));
        }
        let mut seen: Vec<&str> = p.symptoms.iter().map(|s| symptom_sign(*s)).collect();
        let spreading = "pain spreading to other body parts";
        if p.quality == Some(Quality::Radiating) && !seen.contains(&spreading) {
            seen.push(spreading);
            out.push(base(spreading.into(), FlagSource::Symptoms));
        }
        let lower = p
            .notes
            .to_lowercase()
            .replace("fell asleep", "")
            .replace("fall asleep", "");
        for (keyword, sign) in RED_FLAG_KEYWORDS {
            if contains_word_start(&lower, keyword) && !seen.contains(sign) {
                seen.push(sign);
                out.push(base(sign.to_string(), FlagSource::Notes));
            }
        }
    }
    out.sort_by_key(|f| f.date);
    out
}

/// `keyword` occurs at the start of a word ("numb" in "numbness", not in "sunburn") and is not
/// denied just before it ("no numbness", "not tingling", "without weakness").
fn contains_word_start(text: &str, keyword: &str) -> bool {
    let ends_with_word = |s: &str, word: &str| {
        s.strip_suffix(word)
            .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
    };
    text.match_indices(keyword).any(|(i, _)| {
        let starts_word = !text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let before = text[..i].trim_end();
        let denied = ["no", "not", "without", "never"]
            .iter()
            .any(|n| ends_with_word(before, n));
        starts_word && !denied
    })
}

pub fn symptom_sign(s: Symptom) -> &'static str {
    match s {
        Symptom::Numbness => "numbness",
        Symptom::Tingling => "tingling",
        Symptom::Weakness => "weakness",
        Symptom::Radiating => "pain spreading to other body parts",
        Symptom::Bladder => "bladder problems",
        Symptom::Bowel => "bowel problems",
        Symptom::SaddleNumbness => "saddle numbness",
        Symptom::Fever => "fever",
        Symptom::NightPain => "night pain",
        Symptom::Trauma => "pain after an accident or fall",
    }
}
