//! Pain mentioned in workout notes ("right shoulder tweaked", "lower back felt weird at the
//! bottom") becomes *inferred* pain entries: placed at the end of the session that noted it
//! (its start plus its logged duration, or plus one hour), marked inferred, with intensity 3
//! unless the note gives one ("6/10"). Placing it after the start lets the session count as
//! coming before the pain it reported.

use std::collections::BTreeSet;

use crate::model::{PainEntry, Region, Side, SourceRef, WorkoutSet};

pub use crate::model::INFERRED_INTENSITY;

/// The vocabulary, as data: `data/pain_words.toml`, embedded at build time.
const PAIN_WORDS_TOML: &str = include_str!("../../data/pain_words.toml");

/// The words the notes are read with.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainWords {
    /// Words that say something hurts, matched at the start of a word.
    pub pain: Vec<String>,
    /// Phrases that deny pain.
    pub negations: Vec<String>,
    /// Body-part phrases, in the order they are tried.
    pub body_parts: Vec<(String, Region)>,
}

/// Reads a vocabulary file; the error names the line of a malformed entry.
pub fn parse_pain_words(text: &str) -> Result<PainWords, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

/// The embedded vocabulary. It is part of the binary and checked by the tests, so it cannot fail
/// at run time; if it ever did, no note would give an entry rather than the program stopping.
fn words() -> &'static PainWords {
    static WORDS: std::sync::OnceLock<PainWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        parse_pain_words(PAIN_WORDS_TOML).unwrap_or(PainWords {
            pain: Vec::new(),
            negations: Vec::new(),
            body_parts: Vec::new(),
        })
    })
}

/// One inferred entry per session and region whose notes mention pain there.
pub fn pain_from_notes(sets: &[WorkoutSet]) -> Vec<PainEntry> {
    let mut seen: BTreeSet<(String, Region)> = BTreeSet::new();
    let mut out = Vec::new();
    for s in sets {
        for note in [&s.notes, &s.workout_notes] {
            let Some((region, side, intensity)) = read_note(note) else {
                continue;
            };
            let key = (format!("{}\u{1f}{}", s.source.file, s.workout_id), region);
            if !seen.insert(key) {
                continue;
            }
            let minutes = s
                .workout_duration_s
                .filter(|d| *d > 0.0 && *d <= 6.0 * 3600.0)
                .map_or(60, |d| (d / 60.0).round() as i64);
            out.push(PainEntry {
                at: s.start + chrono::Duration::minutes(minutes),
                time_given: true,
                region,
                side,
                intensity,
                quality: None,
                symptoms: Vec::new(),
                notes: note.clone(),
                inferred: true,
                source: SourceRef {
                    file: s.source.file.clone(),
                    line: s.source.line,
                },
            });
        }
    }
    out.sort_by_key(|e| e.at);
    out
}

/// The region, side and intensity a note reports, if it reports pain at all.
pub fn read_note(note: &str) -> Option<(Region, Option<Side>, u8)> {
    let text = note.to_lowercase();
    let words = words();
    if text.trim().is_empty() || words.negations.iter().any(|n| text.contains(n.as_str())) {
        return None;
    }
    if !words.pain.iter().any(|w| word_start(&text, w)) {
        return None;
    }
    let region = words
        .body_parts
        .iter()
        .find(|(part, _)| word_start(&text, part))
        .map(|(_, r)| *r)?;
    let side = if word_start(&text, "left") {
        Some(Side::Left)
    } else if word_start(&text, "right") {
        Some(Side::Right)
    } else {
        None
    };
    Some((
        region,
        side,
        stated_intensity(&text).unwrap_or(INFERRED_INTENSITY),
    ))
}

fn word_start(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        i == 0
            || !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// "6/10" → 6.
fn stated_intensity(text: &str) -> Option<u8> {
    text.match_indices("/10").find_map(|(i, _)| {
        let digits: String = text[..i]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        digits.parse::<u8>().ok().filter(|v| *v <= 10)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_file_is_well_formed() {
        let w = parse_pain_words(PAIN_WORDS_TOML).expect("data/pain_words.toml parses");
        assert!(w.pain.len() >= 19 && w.negations.len() >= 11 && w.body_parts.len() >= 40);
        assert_eq!(w.body_parts.len(), words().body_parts.len());
        for phrase in w
            .pain
            .iter()
            .chain(&w.negations)
            .chain(w.body_parts.iter().map(|b| &b.0))
        {
            assert!(!phrase.trim().is_empty(), "an empty phrase");
            assert_eq!(
                phrase,
                &phrase.to_lowercase(),
                "{phrase}: notes are matched lower-cased"
            );
        }
        // Longer phrases are tried first where one contains another.
        let at = |p: &str| w.body_parts.iter().position(|b| b.0 == p).unwrap();
        assert!(at("lower back") < at("back"));
    }

    #[test]
    fn a_malformed_word_entry_names_its_line() {
        let err = parse_pain_words(
            "pain = [\"hurt\"]\nnegations = []\nbody_parts = [\n  [\"knee\", \"knee\"],\n  [\"elbo\", \"elbowz\"],\n]\n",
        )
        .unwrap_err();
        let first = err.lines().next().unwrap();
        assert_eq!(first, "TOML parse error at line 5, column 3");
        assert!(
            err.contains("\"elbowz\" is not a known body region"),
            "{err}"
        );
    }

    #[test]
    fn notes_from_real_exports_read_as_pain() {
        for (note, read) in [
            (
                "right shoulder tweaked",
                (Region::Shoulder, Some(Side::Right), 3),
            ),
            (
                "Lower back felt weird at the bottom",
                (Region::LowerBack, None, 3),
            ),
            (
                "Felt pain on left tricep on second set",
                (Region::UpperArm, Some(Side::Left), 3),
            ),
            (
                "Pain in lower right oblique, correcting on the way up",
                (Region::Abdomen, Some(Side::Right), 3),
            ),
            ("Shoulder a lil tweaky", (Region::Shoulder, None, 3)),
            ("knee pain 6/10 on the last set", (Region::Knee, None, 6)),
        ] {
            assert_eq!(read_note(note), Some(read), "{note:?}");
        }
    }

    #[test]
    fn notes_without_pain_or_body_part_are_ignored() {
        assert_eq!(read_note("Headache on 3rd"), None);
        assert_eq!(read_note("Straight arm, slow"), None);
        assert_eq!(read_note("back felt great, no pain"), None);
        assert_eq!(read_note("Seat 4, chest pad 2"), None);
        assert_eq!(read_note(""), None);
    }
}
