//! Findings about pain itself: red flags first, then persistent, worsening, not-improving,
//! sudden and recurrent episodes, and training through pain.

use super::facts::{
    EpisodeGroup, EpisodeSpan, PersistentEpisode, Recurrent, RecurrentEpisodes, RedFlagSigns,
};
use super::*;

pub(super) fn red_flag_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let mut groups: BTreeMap<(NaiveDate, Region), Vec<&RedFlag>> = BTreeMap::new();
    for f in x.red_flags {
        groups.entry((f.date, f.region)).or_default().push(f);
    }
    for ((date, region), flags) in groups {
        let signs: BTreeSet<&str> = flags.iter().map(|f| f.sign.as_str()).collect();
        let first = flags[0];
        let facts = RedFlagSigns {
            date,
            region,
            signs: signs.into_iter().map(String::from).collect(),
            inferred: first.inferred,
            file: first.file.clone(),
            line: first.line,
            note: first.note.clone(),
        };
        out.push(x.finding(Severity::Urgent, Facts::RedFlag(facts)));
    }
}

pub(super) fn episode_findings(x: &Inputs, out: &mut Vec<Finding>) {
    let t = x.t;
    let period_end = x.days.last().map(|d| d.date);
    for e in x
        .episodes
        .iter()
        .filter(|e| e.has(EpisodeClass::Persistent))
    {
        let ongoing = e.resolved_on.is_none()
            && period_end
                .is_some_and(|end| (end - e.end).num_days() <= i64::from(t.episode_gap_days));
        let facts = PersistentEpisode {
            region: e.region,
            onset: e.onset.date(),
            end: e.end,
            days: e.days,
            peak: e.peak,
            entries: e.entries,
            onset_intensity: e.onset_intensity,
            last_intensity: e.last_intensity,
            resolved_on: e.resolved_on,
            ongoing,
            long: e.has(EpisodeClass::PersistentLong),
        };
        out.push(x.finding(Severity::Warning, Facts::PersistentPain(facts)));
    }
    // One finding per region and class, listing that region's episodes of the class.
    let groups = |class: EpisodeClass| -> Vec<EpisodeGroup> {
        let mut g: BTreeMap<Region, Vec<EpisodeSpan>> = BTreeMap::new();
        for e in x.episodes.iter().filter(|e| e.has(class)) {
            g.entry(e.region).or_default().push(EpisodeSpan {
                onset: e.onset.date(),
                end: e.end,
                peak: e.peak,
            });
        }
        g.into_iter()
            .map(|(region, episodes)| EpisodeGroup { region, episodes })
            .collect()
    };
    // Each class, its severity and the Facts variant that carries its episodes.
    type Variant = fn(EpisodeGroup) -> Facts;
    let classes: [(EpisodeClass, Severity, Variant); 5] = [
        (
            EpisodeClass::Worsening,
            Severity::Warning,
            Facts::WorseningPain,
        ),
        (
            EpisodeClass::TrainingThroughPain,
            Severity::Warning,
            Facts::TrainingThroughPain,
        ),
        (
            EpisodeClass::NotImproving,
            Severity::Caution,
            Facts::NotImproving,
        ),
        (
            EpisodeClass::AcuteOnset,
            Severity::Caution,
            Facts::AcuteOnset,
        ),
        (EpisodeClass::SorenessLike, Severity::Info, Facts::Soreness),
    ];
    for (class, severity, facts) in classes {
        for group in groups(class) {
            out.push(x.finding(severity, facts(group)));
        }
    }
    // Pain back soon after an earlier episode: the area had not recovered. Each names the
    // end of the episode before it, so it carries more than a span.
    let mut recurrent: BTreeMap<Region, Vec<Recurrent>> = BTreeMap::new();
    for e in x
        .episodes
        .iter()
        .filter(|e| e.has(EpisodeClass::Recurrence))
    {
        let Some(previous_end) = e.previous_end else {
            continue;
        };
        recurrent.entry(e.region).or_default().push(Recurrent {
            onset: e.onset.date(),
            end: e.end,
            peak: e.peak,
            previous_end,
        });
    }
    for (region, episodes) in recurrent {
        let facts = RecurrentEpisodes { region, episodes };
        out.push(x.finding(Severity::Caution, Facts::Recurrence(facts)));
    }
}
