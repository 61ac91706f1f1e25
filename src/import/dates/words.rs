//! The general date reader: a date in any language cut into numbers, clock times and folded
//! words, and put back together from a month name (in 21 alphabets) or East Asian markers,
//! day and year numbers, a clock time and AM/PM.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::DateOrder;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    /// A run of digits: its value and how many digits it had (`05` is 2).
    Number(u32, usize),
    /// A clock time `h:mm` or `h:mm:ss`.
    Clock(u32, u32, u32),
    /// A run of letters, case and accents folded, dots removed.
    Word(String),
}

/// Splits a date into numbers, clock times and folded words; punctuation separates.
pub(super) fn tokenize(raw: &str) -> Vec<Token> {
    let folded = crate::text::fold(raw);
    let chars: Vec<char> = folded.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let (value, len, next) = digits(&chars, i);
            // h:mm or h:mm:ss
            if chars.get(next) == Some(&':')
                && chars.get(next + 1).is_some_and(char::is_ascii_digit)
            {
                let (minute, _, after_m) = digits(&chars, next + 1);
                let (second, after) = if chars.get(after_m) == Some(&':')
                    && chars.get(after_m + 1).is_some_and(char::is_ascii_digit)
                {
                    let (s, _, after_s) = digits(&chars, after_m + 1);
                    // Fractions of a second are dropped.
                    let mut end = after_s;
                    if chars.get(end) == Some(&'.') {
                        end += 1;
                        while chars.get(end).is_some_and(char::is_ascii_digit) {
                            end += 1;
                        }
                    }
                    (s, end)
                } else {
                    (0, after_m)
                };
                tokens.push(Token::Clock(value, minute, second));
                i = after;
            } else {
                tokens.push(Token::Number(value, len));
                i = next;
            }
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while i < chars.len() && (chars[i].is_alphabetic() || chars[i] == '.') {
                if chars[i] != '.' {
                    word.push(chars[i]);
                }
                // A dot ends a word only when it is followed by a space ("déc. 2025"); inside
                // it belongs to the abbreviation ("a.m.", Thai "ม.ค.").
                if chars[i] == '.' && !chars.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
                    i += 1;
                    break;
                }
                i += 1;
            }
            if !word.is_empty() {
                tokens.push(Token::Word(word));
            }
        } else {
            i += 1;
        }
    }
    tokens
}

/// The digits starting at `i`: (value, number of digits, index after them). Values too large
/// for a date field saturate, so they fail validation instead of wrapping.
fn digits(chars: &[char], i: usize) -> (u32, usize, usize) {
    let mut value: u32 = 0;
    let mut j = i;
    while j < chars.len() && chars[j].is_ascii_digit() {
        value = value
            .saturating_mul(10)
            .saturating_add(chars[j] as u32 - '0' as u32);
        j += 1;
    }
    (value, j - i, j)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meridiem {
    Am,
    Pm,
}

pub(super) fn meridiem_of(word: &str) -> Option<Meridiem> {
    match word {
        "am" | "a" | "vorm" | "午前" | "上午" | "오전" | "sa" | "ös" | "os" | "ص" | "ก่อนเที่ยง" => {
            Some(Meridiem::Am)
        }
        "pm" | "p" | "nachm" | "午後" | "下午" | "오후" | "ch" | "öS" | "ps" | "م" | "หลังเที่ยง" => {
            Some(Meridiem::Pm)
        }
        _ => None,
    }
}

/// Words that mark the number before them (East Asian dates: `2025年12月1日`, `2025년 12월 1일`).
enum Marker {
    Year,
    Month,
    Day,
}

fn marker_of(word: &str) -> Option<Marker> {
    match word {
        "年" | "년" => Some(Marker::Year),
        "月" | "월" => Some(Marker::Month),
        "日" | "일" => Some(Marker::Day),
        _ => None,
    }
}

/// Words after which the next number is the month (Vietnamese `1 thg 12, 2025`).
fn month_number_prefix(word: &str) -> bool {
    matches!(word, "thg" | "thang")
}

/// Builds a date-time from tokens: a month name or marker, numbers for day and year, a clock
/// time and an optional AM/PM.
pub(super) fn read_tokens(tokens: &[Token], order: Option<DateOrder>) -> Option<NaiveDateTime> {
    let mut year: Option<i32> = None;
    let mut month: Option<u32> = None;
    let mut day: Option<u32> = None;
    let mut clock: Option<(u32, u32, u32)> = None;
    let mut meridiem = None;
    let mut thai_era = false;
    let mut loose: Vec<(u32, usize)> = Vec::new();

    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Clock(h, m, s) => {
                if clock.is_none() {
                    clock = Some((*h, *m, *s));
                }
            }
            Token::Number(v, len) => match tokens.get(i + 1) {
                Some(Token::Word(w)) if marker_of(w).is_some() => {
                    match marker_of(w) {
                        Some(Marker::Year) => year = Some(*v as i32),
                        Some(Marker::Month) => month = Some(*v),
                        _ => day = Some(*v),
                    }
                    i += 1;
                }
                _ => loose.push((*v, *len)),
            },
            Token::Word(w) => {
                if let Some(m) = meridiem_of(w) {
                    meridiem = Some(m);
                } else if month_number_prefix(w) {
                    if let Some(Token::Number(v, _)) = tokens.get(i + 1) {
                        month = Some(*v);
                        i += 1;
                    }
                } else if let Some((m, thai)) = month_of(w)
                    && month.is_none()
                {
                    month = Some(m);
                    thai_era |= thai;
                }
                // Any other word ("de", "à", "um", "г", "at") is filler.
            }
        }
        i += 1;
    }

    if month.is_some() {
        // A month name: the 4-digit (or > 31) number is the year, the other the day.
        for (v, len) in loose {
            if year.is_none() && (len >= 3 || v > 31) {
                year = Some(v as i32);
            } else if day.is_none() && (1..=31).contains(&v) {
                day = Some(v);
            } else if year.is_none() && len == 2 {
                year = Some(two_digit_year(v));
            } else {
                return None;
            }
        }
    } else if year.is_none() && day.is_none() {
        // Numbers only.
        let [a, b, c] = <[(u32, usize); 3]>::try_from(loose.get(..3)?).ok()?;
        if loose.len() > 3 {
            return None;
        }
        if a.1 == 4 {
            year = Some(a.0 as i32);
            month = Some(b.0);
            day = Some(c.0);
        } else {
            let y = if c.1 == 4 {
                c.0 as i32
            } else if c.1 == 2 {
                two_digit_year(c.0)
            } else {
                return None;
            };
            let order = match order {
                Some(o) => o,
                None => match (a.0 > 12, b.0 > 12) {
                    (true, false) => DateOrder::Dmy,
                    (false, true) => DateOrder::Mdy,
                    _ => return None,
                },
            };
            let (d, m) = match order {
                DateOrder::Dmy => (a.0, b.0),
                DateOrder::Mdy => (b.0, a.0),
            };
            year = Some(y);
            month = Some(m);
            day = Some(d);
        }
    } else if !loose.is_empty() {
        return None;
    }

    let mut year = year?;
    if thai_era && year > 2400 {
        year -= 543; // Buddhist era
    }
    let date = NaiveDate::from_ymd_opt(year, month?, day?)?;
    let (mut h, m, s) = clock.unwrap_or((0, 0, 0));
    match meridiem {
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(Meridiem::Am) if h == 12 => h = 0,
        Some(Meridiem::Pm) if h != 12 => h += 12,
        _ => {}
    }
    Some(date.and_time(NaiveTime::from_hms_opt(h, m, s)?))
}

/// `18` is 2018: gym apps are younger than 2000, and a year like `99` is 1999.
fn two_digit_year(v: u32) -> i32 {
    if v < 70 {
        2000 + v as i32
    } else {
        1900 + v as i32
    }
}

/// Month names and abbreviations in the languages phones write dates in (every language the
/// Hevy app offers, and the other languages of the supported apps). Folded like the input.
/// Abbreviations are listed where they are not simply the start of a full name.
#[rustfmt::skip]
pub(super) const MONTHS: &[(&str, [&str; 12])] = &[
    ("en", ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]),
    ("en-abbr", ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
    ("fr", ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]),
    ("fr-abbr", ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"]),
    ("es", ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]),
    ("es-abbr", ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"]),
    ("es-alt", ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "setiembre", "oct", "nov", "dic"]),
    ("de", ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"]),
    ("de-abbr", ["jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"]),
    ("de-at", ["jänner", "feber", "mrz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"]),
    ("it", ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"]),
    ("it-abbr", ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]),
    ("pt", ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"]),
    ("pt-abbr", ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"]),
    ("nl", ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]),
    ("nl-abbr", ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]),
    ("sv", ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]),
    ("da", ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]),
    ("nb", ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"]),
    ("nb-abbr", ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"]),
    ("pl", ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"]),
    ("pl-gen", ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"]),
    ("pl-abbr", ["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"]),
    ("tr", ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"]),
    ("tr-abbr", ["oca", "şub", "mar", "nis", "may", "haz", "tem", "ağu", "eyl", "eki", "kas", "ara"]),
    ("id", ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"]),
    ("id-abbr", ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agt", "sep", "okt", "nov", "des"]),
    ("ro", ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"]),
    ("ro-abbr", ["ian", "feb", "mar", "apr", "mai", "iun", "iul", "aug", "sept", "oct", "nov", "dec"]),
    ("cs", ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"]),
    ("hu", ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"]),
    ("hu-abbr", ["jan", "febr", "márc", "ápr", "máj", "jún", "júl", "aug", "szept", "okt", "nov", "dec"]),
    ("fi", ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"]),
    ("ru", ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]),
    ("ru-gen", ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]),
    ("ru-abbr", ["янв", "февр", "мар", "апр", "мая", "июн", "июл", "авг", "сент", "окт", "нояб", "дек"]),
    ("ru-abbr2", ["янв", "фев", "март", "апр", "май", "июня", "июля", "авг", "сен", "окт", "ноя", "дек"]),
    ("uk", ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"]),
    ("uk-gen", ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"]),
    ("uk-abbr", ["січ", "лют", "бер", "квіт", "трав", "черв", "лип", "серп", "вер", "жовт", "лист", "груд"]),
    ("el", ["ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου", "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"]),
    ("el-abbr", ["ιαν", "φεβ", "μαρ", "απρ", "μαΐ", "ιουν", "ιουλ", "αυγ", "σεπ", "οκτ", "νοε", "δεκ"]),
    ("th", ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]),
    ("th-abbr", ["มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"]),
];

/// The month a word names (1–12), and whether it is Thai (years in the Buddhist era). An exact
/// name or abbreviation wins; otherwise a word of 3+ letters that starts exactly one month's
/// full names (`sept`, `févr`) is that month.
pub(super) fn month_of(word: &str) -> Option<(u32, bool)> {
    let table = month_table();
    if let Some(&hit) = table.exact.get(word) {
        return Some(hit);
    }
    if word.chars().count() < 3 {
        return None;
    }
    let mut found: Option<(u32, bool)> = None;
    for (name, hit) in &table.full {
        if name.starts_with(word) {
            match found {
                Some(f) if f.0 != hit.0 => return None,
                _ => found = Some(*hit),
            }
        }
    }
    found
}

struct MonthTable {
    exact: HashMap<String, (u32, bool)>,
    full: Vec<(String, (u32, bool))>,
}

fn month_table() -> &'static MonthTable {
    static TABLE: OnceLock<MonthTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut exact = HashMap::new();
        let mut full = Vec::new();
        for (lang, names) in MONTHS {
            let thai = lang.starts_with("th");
            for (i, name) in names.iter().enumerate() {
                let key = crate::text::fold(name).replace('.', "");
                let hit = (i as u32 + 1, thai);
                exact.entry(key.clone()).or_insert(hit);
                if !lang.contains('-') {
                    full.push((key, hit));
                }
            }
        }
        MonthTable { exact, full }
    })
}
