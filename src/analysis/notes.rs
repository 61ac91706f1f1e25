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
    /// Small words (articles, possessives, "a bit") that do not count in the distance between a
    /// pain word and a body part: "la schiena mi fa un po' male" is two words apart, not six.
    #[serde(default)]
    pub small_words: Vec<String>,
    /// Words that say an exercise was left out ("skipped dips"): a clause after them that is
    /// only a body part ("skipped dips, shoulder") reports pain there.
    #[serde(default)]
    pub avoidance: Vec<String>,
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
    /// Folded single words.
    small_words: std::collections::HashSet<String>,
    avoidance: Vec<Phrase>,
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
            small_words: w
                .small_words
                .iter()
                .map(|p| crate::text::fold(p.trim()))
                .collect(),
            avoidance: list(&w.avoidance),
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
                small_words: Default::default(),
                avoidance: Vec::new(),
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
/// within [`PROXIMITY_WORDS`] words of the body part, small words not counted; or when it is
/// only a body part and follows a clause that left an exercise out ("skipped dips, shoulder").
/// Of several such pairs the closest wins.
pub fn read_note(note: &str) -> Option<NoteReading> {
    let text = crate::text::fold(&note.replace(['\u{2019}', '`'], "'"));
    if text.trim().is_empty() {
        return None;
    }
    let words = words();
    let text = blank_out(text, &words.ignored);
    // (content-word gap, word gap, place in the file, region): the smallest wins.
    let mut best: Option<(usize, usize, usize, Region)> = None;
    let mut after_avoidance = false;
    for clause in clauses(&text, &words.clause_breaks) {
        let follows_avoidance = after_avoidance;
        after_avoidance = words.avoidance.iter().any(|a| !find(clause, a).is_empty());
        if words.negations.iter().any(|n| !find(clause, n).is_empty()) {
            continue;
        }
        if follows_avoidance {
            // "skipped dips, shoulder": the body part alone gives the reason.
            if let Some((order, region)) = only_a_body_part(clause, words) {
                if best.is_none_or(|(g, w, o, _)| (1, 1, order) < (g, w, o)) {
                    best = Some((1, 1, order, region));
                }
                continue;
            }
        }
        let pains: Vec<(usize, usize)> = words
            .pain
            .iter()
            .flat_map(|p| find(clause, p).into_iter().map(|i| (i, p.words)))
            .collect();
        if pains.is_empty() {
            continue;
        }
        let content = content_words_before(clause, &words.small_words);
        // Content words strictly between two phrases, plus one; 0 when they overlap.
        // Content words strictly between two phrases plus one, and all words so; 0 when they
        // overlap. The first decides, the second breaks ties ("cotovelo dói no tríceps").
        let gap = |first: usize, first_len: usize, second: usize| {
            let last = first + first_len - 1;
            if second <= last {
                (0, 0)
            } else {
                (content[second] - content[last + 1] + 1, second - last)
            }
        };
        for (order, (part, region)) in words.body_parts.iter().enumerate() {
            for at in find(clause, part) {
                let gap = pains
                    .iter()
                    .map(|&(p, len)| {
                        if p >= at {
                            gap(at, part.words, p)
                        } else {
                            gap(p, len, at)
                        }
                    })
                    .min()
                    .unwrap_or((usize::MAX, usize::MAX));
                if gap.0 <= PROXIMITY_WORDS
                    && best.is_none_or(|(g, w, o, _)| (gap.0, gap.1, order) < (g, w, o))
                {
                    best = Some((gap.0, gap.1, order, *region));
                }
            }
        }
    }
    let (_, _, _, region) = best?;
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

/// How many words before each word index are not small words (one entry more than words).
fn content_words_before(clause: &str, small: &std::collections::HashSet<String>) -> Vec<usize> {
    let mut counts = vec![0];
    let mut count = 0;
    for word in clause
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        if !small.contains(word) {
            count += 1;
        }
        counts.push(count);
    }
    counts
}

/// The body part a clause names when it holds nothing else but small words and a side
/// ("shoulder", "the left knee"), with its place in the file.
fn only_a_body_part(clause: &str, words: &Matcher) -> Option<(usize, Region)> {
    let total = word_starts(clause).len();
    let (order, part, region, at) =
        words
            .body_parts
            .iter()
            .enumerate()
            .find_map(|(order, (part, region))| {
                find(clause, part)
                    .first()
                    .map(|&at| (order, part, *region, at))
            })?;
    let sides: Vec<usize> = words
        .sides
        .iter()
        .flat_map(|(side, _)| find(clause, side))
        .collect();
    let rest = clause
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .enumerate()
        .filter(|(i, w)| {
            !(at..at + part.words).contains(i)
                && !sides.contains(i)
                && !words.small_words.contains(*w)
        })
        .count();
    (rest == 0 && total > 0).then_some((order, region))
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
mod tests;
