//! The phrases of the vocabulary and where they occur in a folded note. Every list is searched
//! in one pass with an Aho–Corasick automaton: a log may hold tens of thousands of distinct
//! notes, and trying ~900 phrases one by one on each made reading them cost 48 times the rest
//! of the report (docs/performance.md).

use aho_corasick::{AhoCorasick, MatchKind};

/// One phrase of the vocabulary, folded like the notes it is matched in.
#[derive(Debug)]
pub(super) struct Phrase {
    pub text: String,
    /// Ends in `*`: matches at the start of a word.
    pub prefix: bool,
    /// Starts with `*`: matches inside a word too.
    pub infix: bool,
    /// How many words it spans ("tut weh" is two, "j'ai mal" three: the apostrophe splits).
    pub words: usize,
}

impl Phrase {
    pub fn new(raw: &str) -> Phrase {
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

/// A list of phrases, in the file's order, with the automaton that finds them all at once.
#[derive(Debug)]
pub(super) struct PhraseList {
    pub phrases: Vec<Phrase>,
    automaton: Option<AhoCorasick>,
    /// The phrase of each automaton pattern (empty phrases are left out: they match nothing).
    pattern_phrase: Vec<usize>,
}

/// Where a phrase occurs: its place in the list, its byte offset and its word index.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub phrase: usize,
    pub byte: usize,
    pub word: usize,
}

impl PhraseList {
    pub fn new<'a>(raw: impl IntoIterator<Item = &'a str>) -> PhraseList {
        let phrases: Vec<Phrase> = raw.into_iter().map(Phrase::new).collect();
        let pattern_phrase: Vec<usize> = (0..phrases.len())
            .filter(|&i| !phrases[i].text.is_empty())
            .collect();
        // Standard match kind: overlapping search reports every occurrence of every phrase,
        // "lower back" and "back" alike.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(pattern_phrase.iter().map(|&i| &phrases[i].text))
            .ok();
        PhraseList {
            phrases,
            automaton,
            pattern_phrase,
        }
    }

    /// Every occurrence as whole words (or at a word start, for a stem; anywhere, for an
    /// infix), in no particular order.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut starts: Option<Vec<usize>> = None;
        let mut out = Vec::new();
        for m in automaton.find_overlapping_iter(text) {
            let phrase = self.pattern_phrase[m.pattern().as_usize()];
            let p = &self.phrases[phrase];
            let starts_word = !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(is_word_char);
            let ends_word = !text[m.end()..].chars().next().is_some_and(is_word_char);
            if (p.infix || starts_word) && (p.prefix || ends_word) {
                let starts = starts.get_or_insert_with(|| word_starts(text));
                let word = starts
                    .partition_point(|&s| s <= m.start())
                    .saturating_sub(1);
                out.push(Hit {
                    phrase,
                    byte: m.start(),
                    word,
                });
            }
        }
        out
    }

    /// Whether any phrase occurs.
    pub fn occurs_in(&self, text: &str) -> bool {
        !self.hits(text).is_empty()
    }

    /// The first phrase of the list that occurs, with its hits.
    pub fn first_listed(&self, text: &str) -> Option<(usize, Vec<Hit>)> {
        let hits = self.hits(text);
        let first = hits.iter().map(|h| h.phrase).min()?;
        Some((
            first,
            hits.into_iter().filter(|h| h.phrase == first).collect(),
        ))
    }
}

/// The byte offsets where the words of a text start.
pub(super) fn word_starts(text: &str) -> Vec<usize> {
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
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}
