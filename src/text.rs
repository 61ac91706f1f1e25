//! Text helpers shared across the crate: folding for every reader that matches words people
//! type or phones write (month names in dates, exercise names, note words), the greedy word
//! wrap the charts and the PDF lay their text out with, and the counted nouns and articles every
//! sentence with a number needs, and [`visible`], the one neutraliser of control characters
//! every user-controlled string passes before a terminal, Markdown, HTML or PDF.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Whether line breaks and tabs may stay: text laid out over lines keeps them, a single
/// value (a cell, a file name in an error) shows them as escapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    Escape,
    Keep,
}

/// The text with every character that could act on a terminal or reorder what is read made
/// visible as an escape: C0 controls (`\x1b`), DEL (`\x7f`), C1 controls (`\u{9b}`) and the
/// bidirectional overrides, isolates and marks (`\u{202e}`). A note holding `ESC[2J` can then
/// neither clear the screen nor set the window title, and a right-to-left override cannot
/// make a file name read backwards. Ordinary Unicode (accents, emoji, CJK) is left alone.
/// JSON never passes here: serde escapes it, and it stays exact.
pub fn visible(s: &str, breaks: Breaks) -> Cow<'_, str> {
    let hidden = |c: char| match c {
        '\n' | '\t' => breaks == Breaks::Escape,
        c => is_hidden(c),
    };
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !hidden(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// Controls (C0, DEL, C1) and the bidirectional formatting characters.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// The most characters of a value an error echoes.
pub const ECHO_CHARS: usize = 80;

/// A value as an error echoes it: its first [`ECHO_CHARS`] characters and "…" when longer
/// (a 100,000-character cell would bury the message), with its controls made visible.
pub fn echoed(value: &str) -> String {
    visible(&clipped(value), Breaks::Escape).into_owned()
}

/// The first [`ECHO_CHARS`] characters of `value` and "…" when it is longer; for the errors
/// that quote a value with `{:?}` (which escapes controls itself).
pub fn clipped(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(ECHO_CHARS) {
        Some((end, _)) => Cow::Owned(format!("{}…", &value[..end])),
        None => Cow::Borrowed(value),
    }
}

/// Lower-cases and removes accents: Unicode NFKD, then the Latin combining marks
/// (U+0300–U+036F) are dropped, so "Déc.", "DÉC." and "dec." fold alike. Letters that do not
/// decompose but are written without their mark on other keyboards are mapped too (Turkish
/// dotless ı, Polish ł, German ß). Marks of other scripts (Thai vowels) are kept: they are
/// letters there, not accents. The rest is recomposed (NFC), so Hangul syllables stay whole.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        match c {
            '\u{0300}'..='\u{036f}' => {}
            'ı' => out.push('i'),
            'ł' | 'Ł' => out.push('l'),
            'ß' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

/// Greedy word wrap of one paragraph: each line takes words while `fits` accepts it. A word
/// that does not fit on a line of its own (a file path) is broken by characters. The widths are
/// the caller's: pixels of a chart font, points of the PDF font.
pub fn wrap_words(paragraph: &str, fits: impl Fn(&str) -> bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            line.push(c);
            if !fits(&line) {
                let last = line.pop().unwrap_or(' ');
                lines.push(std::mem::take(&mut line));
                line.push(last);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A file as the reader is shown it: its name, without the folders it sits in (they are the
/// user's own, and mean nothing to a physiotherapist reading the report).
pub fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// A count and its noun: "1 warning", "2 warnings", "0 warnings".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The article before a number said aloud: "an" for the numbers that start with a vowel sound
/// (8, 11, 18, 80–89, 800…, 11 000, 18 000 …), "a" for the rest: "an 18-day break".
pub fn a_or_an(n: u64) -> &'static str {
    let digits = n.to_string();
    // Said in groups of three digits; the first group is what is heard first.
    let lead = match digits.len() % 3 {
        0 => &digits[..3],
        k => &digits[..k],
    };
    if lead.starts_with('8') || lead == "11" || lead == "18" {
        "an"
    } else {
        "a"
    }
}

/// The no-break space: holds two words together through a wrap (terminal or browser).
pub const NBSP: char = '\u{a0}';

/// The text with the spaces a reader should not see broken replaced by [`NBSP`]: around a
/// comparison ("p < 0.001", "q = 0.04"), between a number and its unit ("48 h", "30 %",
/// "2100 kg"), and between a statistic and its value ("q 1.000", "RR 50.2"). A line that ends in "q <" or starts with "%" reads as a mistake.
pub fn glued(text: &str) -> String {
    const JOINS_BOTH: [&str; 4] = ["<", ">", "=", "≤"];
    const UNITS: [&str; 7] = ["%", "h", "kg", "km", "min", "s", "m"];
    // A statistic's short name and its value: "p 0.020", "q 1.000", "RR 50.2".
    const STATISTICS: [&str; 3] = ["p", "q", "RR"];
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let prev = words[i - 1];
            let bare = word.trim_end_matches([',', '.', ';', ':', ')']);
            let keep = JOINS_BOTH.contains(word)
                || JOINS_BOTH.contains(&prev)
                || (UNITS.contains(&bare) && prev.ends_with(|c: char| c.is_ascii_digit()))
                || (STATISTICS.contains(&prev) && word.starts_with(|c: char| c.is_ascii_digit()));
            out.push(if keep { NBSP } else { ' ' });
        }
        out.push_str(word);
    }
    out
}

/// A date or an ISO week ("2026-08-27", "2026-W35"): a browser may break these after a hyphen.
pub fn is_date_like(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

/// The text with its first letter upper-cased: "lower back" → "Lower back".
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Breaks, a_or_an, echoed, file_name, fold, plural, visible, wrap_words};

    #[test]
    fn controls_and_bidi_overrides_become_visible_and_ordinary_unicode_stays() {
        assert_eq!(
            visible("a\x1b[2J\x1b]0;pwn\x07b", Breaks::Keep),
            "a\\x1b[2J\\x1b]0;pwn\\x07b"
        );
        assert_eq!(
            visible(
                "txt.\u{202e}fdp\u{2066}\u{200f}\u{7f}\u{9b}\r",
                Breaks::Escape
            ),
            "txt.\\u{202e}fdp\\u{2066}\\u{200f}\\x7f\\u{9b}\\x0d"
        );
        // Lines keep their breaks and tabs; a single value shows them.
        assert_eq!(visible("one\n\ttwo", Breaks::Keep), "one\n\ttwo");
        assert_eq!(visible("one\n\ttwo", Breaks::Escape), "one\\x0a\\x09two");
        for plain in [
            "Épaulé-jeté",
            "💪 squat",
            "深蹲",
            "ธ.ค.",
            "오후",
            "שלום",
            "a\u{a0}b",
        ] {
            assert!(
                matches!(
                    visible(plain, Breaks::Escape),
                    std::borrow::Cow::Borrowed(_)
                ),
                "{plain}"
            );
        }
    }

    #[test]
    fn an_echoed_value_is_cut_at_80_characters_with_an_ellipsis() {
        let long = "é".repeat(100_000);
        let shown = echoed(&long);
        assert_eq!(shown.chars().count(), 81);
        assert!(shown.ends_with("é…"));
        assert_eq!(echoed(&"x".repeat(80)), "x".repeat(80));
        assert_eq!(echoed("bad\x1b"), "bad\\x1b");
    }

    #[test]
    fn a_file_is_named_without_its_folders() {
        assert_eq!(file_name("sample_logs/pain_diary.csv"), "pain_diary.csv");
        assert_eq!(file_name("/home/ana/Downloads/strong.csv"), "strong.csv");
        assert_eq!(file_name("strong.csv"), "strong.csv");
    }

    #[test]
    fn counted_nouns_agree_with_their_count() {
        assert_eq!(plural(1, "more warning", "more warnings"), "1 more warning");
        assert_eq!(plural(0, "week", "weeks"), "0 weeks");
        assert_eq!(plural(2, "exposure", "exposures"), "2 exposures");
    }

    #[test]
    fn numbers_said_with_a_vowel_sound_take_an() {
        for n in [
            8, 11, 18, 80, 83, 800, 8_000, 11_000, 18_000, 80_000, 8_000_000,
        ] {
            assert_eq!(a_or_an(n), "an", "{n}");
        }
        for n in [
            1, 2, 7, 10, 12, 17, 19, 28, 100, 110, 180, 1_100, 1_800, 100_000,
        ] {
            assert_eq!(a_or_an(n), "a", "{n}");
        }
    }

    #[test]
    fn accents_and_case_fold_away() {
        for (typed, folded) in [
            ("Déc.", "dec."),
            ("LESIÓN", "lesion"),
            ("août", "aout"),
            ("Mayıs", "mayis"),
            ("März", "marz"),
            ("października", "pazdziernika"),
            ("ธ.ค.", "ธ.ค."),
            ("오후", "오후"),
        ] {
            assert_eq!(fold(typed), folded, "{typed}");
        }
    }

    #[test]
    fn words_wrap_greedily_and_an_overlong_word_breaks() {
        let ten = |line: &str| line.chars().count() <= 10;
        assert_eq!(
            wrap_words("the quick brown fox jumps", ten),
            ["the quick", "brown fox", "jumps"]
        );
        assert_eq!(
            wrap_words("ab abcdefghijklmn cd", ten),
            ["ab", "abcdefghij", "klmn cd"]
        );
        assert!(wrap_words("  ", ten).is_empty());
    }
}
