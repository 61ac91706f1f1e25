//! Text helpers shared across the crate: folding for every reader that matches words people
//! type or phones write (month names in dates, exercise names, note words), and the greedy word
//! wrap the charts and the PDF lay their text out with.

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

#[cfg(test)]
mod tests {
    use super::{fold, wrap_words};

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
