//! Pain mentioned in workout notes ("right shoulder tweaked", "lower back felt weird at the
//! bottom") becomes *inferred* pain entries: placed at the end of the session that noted it
//! (its start plus its logged duration, or plus one hour), marked inferred, with intensity 3
//! unless the note gives one ("6/10"). Placing it after the start lets the session count as
//! coming before the pain it reported.

use std::collections::BTreeSet;

use crate::model::{PainEntry, Region, Side, SourceRef, WorkoutSet};

use phrases::{Hit, PhraseList, is_word_char, word_starts};

pub use crate::model::INFERRED_INTENSITY;

/// The vocabulary, as data: `data/pain_words.toml`, embedded at build time.
const PAIN_WORDS_TOML: &str = include_str!("../../data/pain_words.toml");

/// The words the notes are read with, as written in the file. Each phrase matches whole words;
/// a phrase ending in `*` matches at the start of a word ("tweak*" matches "tweaked"), and one
/// starting with `*` also inside a word (German compounds: "*schmerz*" in "Knieschmerzen").
#[derive(Debug, Default, serde::Deserialize)]
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

/// The vocabulary ready to match: every phrase folded.
#[derive(Debug)]
struct Matcher {
    pain: PhraseList,
    negations: PhraseList,
    clause_breaks: PhraseList,
    ignored: PhraseList,
    sides: (PhraseList, Vec<Side>),
    body_parts: (PhraseList, Vec<Region>),
    /// Folded single words.
    small_words: std::collections::HashSet<String>,
    avoidance: PhraseList,
}

impl Matcher {
    fn new(w: &PainWords) -> Matcher {
        let list = |v: &[String]| PhraseList::new(v.iter().map(String::as_str));
        Matcher {
            pain: list(&w.pain),
            negations: list(&w.negations),
            clause_breaks: list(&w.clause_breaks),
            ignored: list(&w.ignored),
            sides: (
                PhraseList::new(w.sides.iter().map(|(p, _)| p.as_str())),
                w.sides.iter().map(|(_, s)| *s).collect(),
            ),
            body_parts: (
                PhraseList::new(w.body_parts.iter().map(|(p, _)| p.as_str())),
                w.body_parts.iter().map(|(_, r)| *r).collect(),
            ),
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
        let w = parse_pain_words(PAIN_WORDS_TOML).unwrap_or_default();
        Matcher::new(&w)
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
        after_avoidance = words.avoidance.occurs_in(clause);
        if words.negations.occurs_in(clause) {
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
            .hits(clause)
            .into_iter()
            .map(|h| (h.word, words.pain.phrases[h.phrase].words))
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
        let (parts, regions) = &words.body_parts;
        for Hit {
            phrase: order,
            word: at,
            ..
        } in parts.hits(clause)
        {
            let (part, region) = (&parts.phrases[order], &regions[order]);
            {
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
        .0
        .first_listed(&text)
        .map(|(first, _)| words.sides.1[first]);
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
    let (parts, regions) = &words.body_parts;
    let (order, hits) = parts.first_listed(clause)?;
    let at = hits.iter().map(|h| h.word).min()?;
    let part = &parts.phrases[order];
    let sides: Vec<usize> = words.sides.0.hits(clause).iter().map(|h| h.word).collect();
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
    (rest == 0 && total > 0).then_some((order, regions[order]))
}

/// The text with every occurrence of the phrases blanked letter by letter ("back squat" →
/// "---- -----"), so the words around keep their places and distances.
fn blank_out(mut text: String, phrases: &PhraseList) -> String {
    // In the file's order, as if each phrase were blanked in turn: an occurrence overlapping
    // one already blanked is left.
    let mut hits = phrases.hits(&text);
    hits.sort_by_key(|h| (h.phrase, h.byte));
    let mut blanked: Vec<(usize, usize)> = Vec::new();
    for h in hits {
        let end = h.byte + phrases.phrases[h.phrase].text.len();
        if blanked.iter().any(|&(s, e)| h.byte < e && s < end) {
            continue;
        }
        blanked.push((h.byte, end));
        let blank: String = text[h.byte..end]
            .chars()
            .map(|c| {
                if is_word_char(c) {
                    "_".repeat(c.len_utf8())
                } else {
                    c.to_string()
                }
            })
            .collect();
        text.replace_range(h.byte..end, &blank);
    }
    text
}

/// The clauses of a folded note: cut at punctuation and at the clause-break words.
fn clauses<'a>(text: &'a str, breaks: &PhraseList) -> Vec<&'a str> {
    let mut out = Vec::new();
    for piece in text.split(['.', ',', ';', ':', '!', '?', '\n', '(', ')', '/', '|']) {
        let mut cuts: Vec<usize> = breaks.hits(piece).iter().map(|h| h.byte).collect();
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

mod phrases;

#[cfg(test)]
mod tests;
