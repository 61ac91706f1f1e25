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

/// The words the notes are read with, as written in the file. Each phrase matches whole words;
/// a phrase ending in `*` matches at the start of a word ("tweak*" matches "tweaked"), and one
/// starting with `*` also inside a word (German compounds: "*schmerz*" in "Knieschmerzen").
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainWords {
    /// Words that say something hurts.
    pub pain: Vec<String>,
    /// Phrases that deny pain: the clause holding one gives no entry.
    pub negations: Vec<String>,
    /// Words that start a new clause, as punctuation does ("but").
    pub clause_breaks: Vec<String>,
    /// Phrases blanked before reading: exercise names, technique cues.
    pub ignored: Vec<String>,
    /// Words that name the side.
    pub sides: Vec<(String, Side)>,
    /// Body-part phrases, in the order they are tried.
    pub body_parts: Vec<(String, Region)>,
}

/// How far apart, in words, a pain word and a body part may be and still be read together:
/// "knee hurts a bit on the way down" yes, a pain word at the far end of a long cue no.
pub const PROXIMITY_WORDS: usize = 4;

/// Reads a vocabulary file; the error names the line of a malformed entry.
pub fn parse_pain_words(text: &str) -> Result<PainWords, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

/// One phrase of the vocabulary, folded like the notes it is matched in.
#[derive(Debug)]
struct Phrase {
    text: String,
    prefix: bool,
    infix: bool,
    /// How many words it spans ("tut weh" is two, "j'ai mal" three: the apostrophe splits).
    words: usize,
}

impl Phrase {
    fn new(raw: &str) -> Phrase {
        let folded = crate::text::fold(raw.trim());
        let (folded, infix) = match folded.strip_prefix('*') {
            Some(rest) => (rest.to_string(), true),
            None => (folded, false),
        };
        let (text, prefix) = match folded.strip_suffix('*') {
            Some(stem) => (stem.to_string(), true),
            None => (folded, false),
        };
        let words = word_starts(&text).len().max(1);
        Phrase {
            text,
            prefix,
            infix,
            words,
        }
    }
}

/// The vocabulary ready to match: every phrase folded.
#[derive(Debug)]
struct Matcher {
    pain: Vec<Phrase>,
    negations: Vec<Phrase>,
    clause_breaks: Vec<Phrase>,
    ignored: Vec<Phrase>,
    sides: Vec<(Phrase, Side)>,
    body_parts: Vec<(Phrase, Region)>,
}

impl Matcher {
    fn new(w: &PainWords) -> Matcher {
        let list = |v: &[String]| v.iter().map(|p| Phrase::new(p)).collect();
        Matcher {
            pain: list(&w.pain),
            negations: list(&w.negations),
            clause_breaks: list(&w.clause_breaks),
            ignored: list(&w.ignored),
            sides: w.sides.iter().map(|(p, s)| (Phrase::new(p), *s)).collect(),
            body_parts: w
                .body_parts
                .iter()
                .map(|(p, r)| (Phrase::new(p), *r))
                .collect(),
        }
    }
}

/// The embedded vocabulary. It is part of the binary and checked by the tests, so it cannot fail
/// at run time; if it ever did, no note would give an entry rather than the program stopping.
fn words() -> &'static Matcher {
    static WORDS: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        parse_pain_words(PAIN_WORDS_TOML)
            .map(|w| Matcher::new(&w))
            .unwrap_or(Matcher {
                pain: Vec::new(),
                negations: Vec::new(),
                clause_breaks: Vec::new(),
                ignored: Vec::new(),
                sides: Vec::new(),
                body_parts: Vec::new(),
            })
    })
}

/// What a note reports: the region, the side if named, the intensity.
pub type NoteReading = (Region, Option<Side>, u8);

/// One inferred entry per session and region whose notes mention pain there.
pub fn pain_from_notes(sets: &[WorkoutSet]) -> Vec<PainEntry> {
    let mut seen: BTreeSet<(String, Region)> = BTreeSet::new();
    // A workout note repeats on every set of the workout: read each distinct note once.
    let mut read: std::collections::HashMap<&str, Option<NoteReading>> =
        std::collections::HashMap::new();
    let mut out = Vec::new();
    for s in sets {
        for note in [&s.notes, &s.workout_notes] {
            let Some((region, side, intensity)) =
                *read.entry(note.as_str()).or_insert_with(|| read_note(note))
            else {
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
///
/// The note is folded (case and accents) and cut into clauses at punctuation and at the clause
/// breaks. A clause reports pain in a body part when it holds no negation and a pain word lies
/// within [`PROXIMITY_WORDS`] words of the body part. Of several such pairs the closest wins.
pub fn read_note(note: &str) -> Option<NoteReading> {
    let text = crate::text::fold(&note.replace(['\u{2019}', '`'], "'"));
    if text.trim().is_empty() {
        return None;
    }
    let words = words();
    let text = blank_out(text, &words.ignored);
    let mut best: Option<(usize, usize, Region)> = None;
    for clause in clauses(&text, &words.clause_breaks) {
        if words.negations.iter().any(|n| !find(clause, n).is_empty()) {
            continue;
        }
        let pains: Vec<(usize, usize)> = words
            .pain
            .iter()
            .flat_map(|p| find(clause, p).into_iter().map(|i| (i, p.words)))
            .collect();
        if pains.is_empty() {
            continue;
        }
        for (order, (part, region)) in words.body_parts.iter().enumerate() {
            for at in find(clause, part) {
                let gap = pains
                    .iter()
                    .map(|&(p, len)| {
                        if p >= at {
                            p.saturating_sub(at + part.words - 1)
                        } else {
                            at.saturating_sub(p + len - 1)
                        }
                    })
                    .min()
                    .unwrap_or(usize::MAX);
                if gap <= PROXIMITY_WORDS && best.is_none_or(|(g, o, _)| (gap, order) < (g, o)) {
                    best = Some((gap, order, *region));
                }
            }
        }
    }
    let (_, _, region) = best?;
    // The side may be named anywhere in the note ("left side: knee hurts").
    let side = words
        .sides
        .iter()
        .find(|(phrase, _)| !find(&text, phrase).is_empty())
        .map(|(_, s)| *s);
    Some((
        region,
        side,
        stated_intensity(&text).unwrap_or(INFERRED_INTENSITY),
    ))
}

/// The text with every occurrence of the phrases blanked letter by letter ("back squat" →
/// "---- -----"), so the words around keep their places and distances.
fn blank_out(mut text: String, phrases: &[Phrase]) -> String {
    for phrase in phrases {
        for at in find_bytes(&text, phrase) {
            let end = at + phrase.text.len();
            let blank: String = text[at..end]
                .chars()
                .map(|c| {
                    if is_word_char(c) {
                        "_".repeat(c.len_utf8())
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            text.replace_range(at..end, &blank);
        }
    }
    text
}

/// The clauses of a folded note: cut at punctuation and at the clause-break words.
fn clauses<'a>(text: &'a str, breaks: &[Phrase]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for piece in text.split(['.', ',', ';', ':', '!', '?', '\n', '(', ')', '/', '|']) {
        let mut cuts: Vec<usize> = breaks.iter().flat_map(|b| find_bytes(piece, b)).collect();
        cuts.sort_unstable();
        let mut from = 0;
        for cut in cuts {
            out.push(&piece[from..cut]);
            from = cut;
        }
        out.push(&piece[from..]);
    }
    out.retain(|c| !c.trim().is_empty());
    out
}

/// The byte offsets where the words of a text start.
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let letter = is_word_char(c);
        if letter && !in_word {
            starts.push(i);
        }
        in_word = letter;
    }
    starts
}

/// A letter or digit of a word; `_` too, so a blanked phrase keeps its words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte offsets where a phrase occurs as whole words (or at a word start, for a stem).
fn find_bytes(text: &str, phrase: &Phrase) -> Vec<usize> {
    if phrase.text.is_empty() {
        return Vec::new();
    }
    let ends_word = |i: usize| !text[i..].chars().next().is_some_and(is_word_char);
    text.match_indices(phrase.text.as_str())
        .filter(|(i, _)| phrase.infix || !text[..*i].chars().next_back().is_some_and(is_word_char))
        .filter(|(i, m)| phrase.prefix || ends_word(i + m.len()))
        .map(|(i, _)| i)
        .collect()
}

/// Word indexes where a phrase occurs.
fn find(text: &str, phrase: &Phrase) -> Vec<usize> {
    let hits = find_bytes(text, phrase);
    if hits.is_empty() {
        return hits;
    }
    let starts = word_starts(text);
    hits.into_iter()
        .map(|b| starts.partition_point(|&s| s <= b).saturating_sub(1))
        .collect()
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

    /// The self-written labelled notes: (language, note, expected region or none).
    fn labelled() -> Vec<(&'static str, &'static str, Option<Region>)> {
        include_str!("../../tests/fixtures/notes_labelled.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                assert_eq!(cols.len(), 3, "three columns: {l:?}");
                let expected = (cols[2] != "-").then(|| {
                    cols[2]
                        .parse::<Region>()
                        .unwrap_or_else(|e| panic!("{l:?}: {e}"))
                });
                (cols[0], cols[1], expected)
            })
            .collect()
    }

    /// True positives, false positives, false negatives.
    fn score<'a>(
        notes: impl Iterator<Item = &'a (&'a str, &'a str, Option<Region>)>,
    ) -> (usize, usize, usize) {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for (_, note, expected) in notes {
            let got = read_note(note).map(|r| r.0);
            match (got, expected) {
                (Some(g), Some(e)) if g == *e => tp += 1,
                (Some(_), Some(_)) => {
                    fp += 1;
                    fn_ += 1;
                }
                (Some(_), None) => fp += 1,
                (None, Some(_)) => fn_ += 1,
                (None, None) => {}
            }
        }
        (tp, fp, fn_)
    }

    const LANGUAGES: [&str; 6] = ["en", "pt", "es", "fr", "de", "it"];

    #[test]
    fn the_labelled_notes_meet_the_precision_and_recall_targets() {
        let notes = labelled();
        let mut misses = Vec::new();
        for (lang, note, expected) in &notes {
            let got = read_note(note).map(|r| r.0);
            if got != *expected {
                misses.push(format!(
                    "{lang}: {note:?} read {got:?}, labelled {expected:?}"
                ));
            }
        }
        let (tp, fp, fn_) = score(notes.iter());
        let precision = tp as f64 / (tp + fp) as f64;
        let recall = tp as f64 / (tp + fn_) as f64;
        assert!(
            precision >= 0.95 && recall >= 0.90,
            "precision {precision:.3}, recall {recall:.3}; misread:\n{}",
            misses.join("\n")
        );
        for lang in LANGUAGES {
            let in_lang: Vec<_> = notes.iter().filter(|n| n.0 == lang).cloned().collect();
            assert!(in_lang.len() >= 25, "{lang}: {} notes", in_lang.len());
            let (tp, _, fn_) = score(in_lang.iter());
            let recall = tp as f64 / (tp + fn_) as f64;
            assert!(
                recall >= 0.80,
                "{lang}: recall {recall:.3}; misread:\n{}",
                misses.join("\n")
            );
        }
        // The numbers methods.md §4.6 states; update both together.
        assert_eq!(
            (notes.len(), tp, fp, fn_),
            (241, 151, 0, 0),
            "{}",
            misses.join("\n")
        );
    }

    #[test]
    fn negations_and_fatigue_give_no_entry_in_every_language() {
        for (lang, pain, negated, fatigue) in [
            (
                "en",
                "knee hurts",
                "knee doesn't hurt",
                "legs cooked, totally smoked",
            ),
            (
                "pt",
                "joelho dói",
                "joelho sem dor",
                "pernas mortas, cansado",
            ),
            (
                "es",
                "me duele la rodilla",
                "rodilla sin dolor",
                "cansado, piernas muertas",
            ),
            (
                "fr",
                "j'ai mal au genou",
                "pas mal au genou",
                "fatigué, jambes cuites",
            ),
            (
                "de",
                "Knie tut weh",
                "Knie keine Schmerzen",
                "Beine kaputt, müde",
            ),
            (
                "it",
                "mi fa male il ginocchio",
                "ginocchio senza dolore",
                "gambe distrutte, stanco",
            ),
        ] {
            assert_eq!(
                read_note(pain).map(|r| r.0),
                Some(Region::Knee),
                "{lang}: {pain}"
            );
            assert_eq!(read_note(negated), None, "{lang}: {negated}");
            assert_eq!(read_note(fatigue), None, "{lang}: {fatigue}");
        }
    }

    #[test]
    fn case_and_accents_are_folded() {
        for note in [
            "lesión en la rodilla",
            "LESION EN LA RODILLA",
            "lesion en la rodilla",
        ] {
            assert_eq!(read_note(note).map(|r| r.0), Some(Region::Knee), "{note}");
        }
        assert_eq!(
            read_note("Lombar DOENDO"),
            Some((Region::LowerBack, None, INFERRED_INTENSITY))
        );
    }

    #[test]
    fn a_pain_word_counts_only_near_the_body_part_in_its_clause() {
        // Six words on: too far.
        assert_eq!(read_note("shoulder stayed down and I felt pain"), None);
        // Another clause.
        assert_eq!(read_note("keep the elbow in. hurts"), None);
        // The nearer body part wins.
        assert_eq!(
            read_note("back squat hurt my right knee"),
            Some((Region::Knee, Some(Side::Right), INFERRED_INTENSITY))
        );
        assert_eq!(
            read_note("Knieschmerzen seit Montag").map(|r| r.0),
            Some(Region::Knee)
        );
    }
}
