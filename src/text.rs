//! Text folding shared by every reader that matches words people type or phones write: month
//! names in dates, exercise names, note words.

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

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Déc."), "dec.");
        assert_eq!(fold("LESIÓN"), "lesion");
        assert_eq!(fold("août"), "aout");
        assert_eq!(fold("Mayıs"), "mayis");
        assert_eq!(fold("März"), "marz");
        assert_eq!(fold("października"), "pazdziernika");
        assert_eq!(fold("ธ.ค."), "ธ.ค.");
        assert_eq!(fold("오후"), "오후");
    }
}
