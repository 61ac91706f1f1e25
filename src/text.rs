//! Text helpers shared across the crate: folding for every reader that matches words people
//! type or phones write (month names in dates, exercise names, note words), the greedy word
//! wrap the charts and the PDF lay their text out with, and the counted nouns and articles every
//! sentence with a number needs.

use unicode_normalization::UnicodeNormalization;

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
    use super::{a_or_an, file_name, fold, plural, wrap_words};

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
