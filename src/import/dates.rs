//! Every date, time and duration form the importers read, in one place.
//!
//! - [`parse_datetime`]: fixed chrono formats (`2024-05-29 06:45:21`), for formats that only ever
//!   write one form.
//! - [`parse_stamp`]: the forms a phone writes in its own language and locale: `1 Dec 2025,
//!   10:53`, `Apr 12, 2026, 12:29 PM`, `1 déc. 2025, 10:53`, `1. Dez. 2025, 10:53`,
//!   `2025年12月1日 10:53`, ISO 8601 with or without an offset (`2026-04-12T12:29:00Z`), and
//!   numeric dates (`05/16/18`) in a day/month order the caller knows or the file settles.
//! - [`DateOrder`] and [`OrderEvidence`]: numeric dates are ambiguous (`03/04/18`); a file
//!   settles the order when one of its dates has a field above 12, and never by guessing.
//! - [`parse_clock`], [`parse_time_of_day`], [`parse_duration_s`]: clock times and durations.
//! - [`parse_epoch_local`]: Unix epoch seconds (JEFIT), as wall-clock time in the `--tz` zone.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

use super::fields::parse_number;
use crate::error::FileError;

/// The order of day and month in a numeric date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// Day first: `16/05/18` (most of the world).
    Dmy,
    /// Month first: `05/16/18` (the US).
    Mdy,
}

impl DateOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
        }
    }
}

impl fmt::Display for DateOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DateOrder {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "dmy" | "dd/mm/yy" | "day-first" => Ok(DateOrder::Dmy),
            "mdy" | "mm/dd/yy" | "month-first" => Ok(DateOrder::Mdy),
            _ => Err(format!(
                "{s:?} is not a date order (expected dmy for 31/12/25 or mdy for 12/31/25)"
            )),
        }
    }
}

/// A numeric date read in one order, spelled out: "3 April 2018" (dmy) or "March 4, 2018"
/// (mdy), for messages that show both readings.
pub fn describe(raw: &str, order: DateOrder) -> String {
    match parse_stamp(raw, Some(order)) {
        Some(s) => match order {
            DateOrder::Dmy => s.wall.format("%-d %B %Y").to_string(),
            DateOrder::Mdy => s.wall.format("%B %-d, %Y").to_string(),
        },
        None => "no date".into(),
    }
}

/// What one numeric date says about the day/month order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderEvidence {
    /// The first field is above 12: only a day fits there.
    DayFirst,
    /// The second field is above 12.
    MonthFirst,
    /// Both fields are 12 or less: either order gives a date.
    Either,
    /// Not a numeric date with a day and a month.
    None,
}

/// Reads the day/month evidence of a numeric date such as `05/16/18` or `16.05.2018 19:30`.
pub fn order_evidence(raw: &str) -> OrderEvidence {
    let Some([a, b, _]) = numeric_fields(raw) else {
        return OrderEvidence::None;
    };
    match (a.0, b.0) {
        (a, b) if a > 12 && (1..=12).contains(&b) && a <= 31 => OrderEvidence::DayFirst,
        (a, b) if b > 12 && (1..=12).contains(&a) && b <= 31 => OrderEvidence::MonthFirst,
        (a, b) if (1..=12).contains(&a) && (1..=12).contains(&b) => OrderEvidence::Either,
        _ => OrderEvidence::None,
    }
}

/// What the dates of a whole file say about their order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOrder {
    Settled(DateOrder),
    /// No date has a field above 12 (every date reads both ways).
    Ambiguous,
    /// Some dates only read day first and others only month first: the file mixes forms
    /// (typically edited by hand in a spreadsheet). The two examples, as written.
    Mixed {
        day_first: String,
        month_first: String,
    },
}

/// Settles the day/month order of a file's numeric dates from the dates themselves.
pub fn infer_order<'a>(dates: impl IntoIterator<Item = &'a str>) -> FileOrder {
    let mut day_first = None;
    let mut month_first = None;
    for raw in dates {
        match order_evidence(raw) {
            OrderEvidence::DayFirst if day_first.is_none() => day_first = Some(raw.to_string()),
            OrderEvidence::MonthFirst if month_first.is_none() => {
                month_first = Some(raw.to_string())
            }
            _ => {}
        }
        if day_first.is_some() && month_first.is_some() {
            break;
        }
    }
    match (day_first, month_first) {
        (Some(d), Some(m)) => FileOrder::Mixed {
            day_first: d,
            month_first: m,
        },
        (Some(_), None) => FileOrder::Settled(DateOrder::Dmy),
        (None, Some(_)) => FileOrder::Settled(DateOrder::Mdy),
        (None, None) => FileOrder::Ambiguous,
    }
}

/// Settles the day/month order of the numeric dates in one column of a file. A file whose
/// dates show their order (a field above 12) is read in that order; otherwise the order the user
/// gave (`--date-order`, `[import] date_order`), else `default` (an order the file's language
/// fixes: GymBook's Italian header means day first). A file whose numeric dates never show it
/// and that nothing else settles, or that mixes both orders, is refused: a wrong guess would
/// move workouts by months. The file's own evidence outranks the option, so one `date_order`
/// in the config cannot misread another file that shows its order.
/// `Ok(None)` when the column holds no numeric dates at all (month names, ISO dates).
pub fn settle_order<'a>(
    path: &str,
    column: &str,
    values: impl IntoIterator<Item = &'a str>,
    given: Option<DateOrder>,
    default: Option<DateOrder>,
) -> Result<Option<DateOrder>, FileError> {
    // Rows of a workout repeat their date, and text dates ("1 Dec 2025") cannot be numeric:
    // both are skipped cheaply.
    let mut previous = "";
    let mut either: Option<&str> = None;
    let mut numeric = Vec::new();
    for v in values {
        let v = v.trim();
        if v == previous {
            continue;
        }
        previous = v;
        if v.is_empty() || !could_be_numeric_date(v) {
            continue;
        }
        if either.is_none() && order_evidence(v) == OrderEvidence::Either {
            either = Some(v);
        }
        numeric.push(v);
    }
    match infer_order(numeric.iter().copied()) {
        FileOrder::Settled(order) => Ok(Some(order)),
        FileOrder::Mixed {
            day_first,
            month_first,
        } => Err(FileError::MixedDateOrder {
            path: path.to_string(),
            column: column.to_string(),
            day_first,
            month_first,
        }),
        FileOrder::Ambiguous => match either {
            None => Ok(None),
            Some(_) if given.is_some() => Ok(given),
            Some(_) if default.is_some() => Ok(default),
            Some(example) => Err(FileError::AmbiguousDateOrder {
                path: path.to_string(),
                column: column.to_string(),
                example: example.to_string(),
            }),
        },
    }
}

/// A date written with numbers only and no year first (`05/16/18`, `16.05.2018 19:30`, with an
/// optional AM/PM): the only form whose day/month order can be in doubt.
fn could_be_numeric_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.first().is_some_and(u8::is_ascii_digit)
        && !(b.len() > 4 && b[..4].iter().all(u8::is_ascii_digit))
        && v.chars().filter(|c| c.is_alphabetic()).count() <= 4
        && v.contains(['/', '.', '-'])
}

/// The first three numeric fields of a date written with numbers only (`05/16/18`,
/// `16.05.2018`, `2018-05-16`), as (value, digits); `None` if it has a month name.
fn numeric_fields(raw: &str) -> Option<[(u32, usize); 3]> {
    let tokens = tokenize(raw);
    let mut numbers = tokens.iter().filter_map(|t| match t {
        Token::Number(v, len) => Some((*v, *len)),
        _ => None,
    });
    if tokens
        .iter()
        .any(|t| matches!(t, Token::Word(w) if month_of(w).is_some()))
    {
        return None;
    }
    Some([numbers.next()?, numbers.next()?, numbers.next()?])
}

/// A timestamp as an export writes it: the wall-clock time, and the UTC offset when the export
/// states one (`Z`, `+0000`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub wall: NaiveDateTime,
    pub offset: Option<FixedOffset>,
}

impl Stamp {
    /// The local wall-clock time: a stated offset is converted into `tz` (the calendar day is
    /// the lifter's, not UTC's); a time without one is already local.
    pub fn local(&self, tz: Tz) -> NaiveDateTime {
        match self.offset {
            None => self.wall,
            Some(off) => match off.from_local_datetime(&self.wall).single() {
                Some(at) => at.with_timezone(&tz).naive_local(),
                None => self.wall,
            },
        }
    }
}

/// Parses a date and time in any form [`parse_stamp`] knows, with the caller's numeric date
/// order (`None` refuses a numeric date whose order the date itself does not settle).
///
/// Every row of a workout repeats its timestamp, so the last few distinct inputs are
/// remembered.
pub fn parse_stamp(raw: &str, order: Option<DateOrder>) -> Option<Stamp> {
    let raw = raw.trim();
    let key = match order {
        None => 0,
        Some(DateOrder::Dmy) => 1,
        Some(DateOrder::Mdy) => 2,
    };
    STAMPS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(hit) = cache.iter().find(|(k, r, _)| *k == key && r == raw) {
            return hit.2;
        }
        let parsed = parse_stamp_uncached(raw, order);
        if cache.len() == 4 {
            cache.remove(0);
        }
        cache.push((key, raw.to_string(), parsed));
        parsed
    })
}

type RecentStamps = Vec<(u8, String, Option<Stamp>)>;

thread_local! {
    static STAMPS: RefCell<RecentStamps> = const { RefCell::new(Vec::new()) };
}

/// ISO 8601 forms, tried before the general reader (they are the most common and the fastest).
const ISO_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
];

fn parse_stamp_uncached(raw: &str, order: Option<DateOrder>) -> Option<Stamp> {
    if raw.is_empty() {
        return None;
    }
    if let Some(stamp) = iso_fast(raw.as_bytes()) {
        return Some(stamp);
    }
    if raw.as_bytes()[0].is_ascii_digit() && raw.len() >= 10 && raw.as_bytes()[4] == b'-' {
        if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
            return Some(Stamp {
                wall: at.naive_local(),
                offset: Some(*at.offset()),
            });
        }
        for f in [
            "%Y-%m-%d %H:%M:%S %z",
            "%Y-%m-%d %H:%M:%S%z",
            "%Y-%m-%dT%H:%M:%S%z",
        ] {
            if let Ok(at) = DateTime::parse_from_str(raw, f) {
                return Some(Stamp {
                    wall: at.naive_local(),
                    offset: Some(*at.offset()),
                });
            }
        }
        for f in ISO_FORMATS {
            if let Ok(wall) = NaiveDateTime::parse_from_str(raw, f) {
                return Some(Stamp { wall, offset: None });
            }
        }
    }
    let wall = read_tokens(&tokenize(raw), order)?;
    Some(Stamp { wall, offset: None })
}

/// The common ISO 8601 forms read byte by byte (chrono's format parser re-reads its format
/// string on every call): `YYYY-MM-DD`, then optionally `T` or a space and `HH:MM[:SS[.f]]`,
/// then optionally `Z`, ` +0000`, `+02:00` or `+0200`. Anything else goes to the general reader.
fn iso_fast(b: &[u8]) -> Option<Stamp> {
    fn num(b: &[u8], at: usize, len: usize) -> Option<u32> {
        let digits = b.get(at..at + len)?;
        digits.iter().try_fold(0u32, |v, &d| {
            d.is_ascii_digit().then(|| v * 10 + u32::from(d - b'0'))
        })
    }
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(num(b, 0, 4)? as i32, num(b, 5, 2)?, num(b, 8, 2)?)?;
    if b.len() == 10 {
        return Some(Stamp {
            wall: date.and_time(NaiveTime::MIN),
            offset: None,
        });
    }
    if !matches!(b[10], b'T' | b' ') || b.get(13) != Some(&b':') {
        return None;
    }
    let (h, m) = (num(b, 11, 2)?, num(b, 14, 2)?);
    let mut at = 16;
    let (mut sec, mut nanos) = (0, 0);
    if b.get(at) == Some(&b':') {
        sec = num(b, 17, 2)?;
        at = 19;
        if b.get(at) == Some(&b'.') {
            at += 1;
            let mut scale = 100_000_000;
            while let Some(d) = b.get(at).filter(|d| d.is_ascii_digit()) {
                nanos += u32::from(d - b'0') * scale;
                scale /= 10;
                at += 1;
            }
        }
    }
    let wall = date.and_time(NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?);
    let rest = &b[at..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let offset = match rest {
        [] => None,
        [b'Z'] => Some(FixedOffset::east_opt(0)?),
        [sign @ (b'+' | b'-'), tail @ ..] => {
            let (oh, om) = match tail.len() {
                4 => (num(tail, 0, 2)?, num(tail, 2, 2)?),
                5 if tail[2] == b':' => (num(tail, 0, 2)?, num(tail, 3, 2)?),
                _ => return None,
            };
            let secs = (oh * 3600 + om * 60) as i32;
            Some(FixedOffset::east_opt(if *sign == b'-' {
                -secs
            } else {
                secs
            })?)
        }
        _ => return None,
    };
    Some(Stamp { wall, offset })
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A run of digits: its value and how many digits it had (`05` is 2).
    Number(u32, usize),
    /// A clock time `h:mm` or `h:mm:ss`.
    Clock(u32, u32, u32),
    /// A run of letters, case and accents folded, dots removed.
    Word(String),
}

/// Splits a date into numbers, clock times and folded words; punctuation separates.
fn tokenize(raw: &str) -> Vec<Token> {
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
enum Meridiem {
    Am,
    Pm,
}

fn meridiem_of(word: &str) -> Option<Meridiem> {
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
fn read_tokens(tokens: &[Token], order: Option<DateOrder>) -> Option<NaiveDateTime> {
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
const MONTHS: &[(&str, [&str; 12])] = &[
    (
        "en",
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
    ),
    (
        "en-abbr",
        [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ],
    ),
    (
        "fr",
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    ),
    (
        "fr-abbr",
        [
            "janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov",
            "déc",
        ],
    ),
    (
        "es",
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    ),
    (
        "es-abbr",
        [
            "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
        ],
    ),
    (
        "es-alt",
        [
            "ene",
            "feb",
            "mar",
            "abr",
            "may",
            "jun",
            "jul",
            "ago",
            "setiembre",
            "oct",
            "nov",
            "dic",
        ],
    ),
    (
        "de",
        [
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        ],
    ),
    (
        "de-abbr",
        [
            "jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez",
        ],
    ),
    (
        "de-at",
        [
            "jänner", "feber", "mrz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov",
            "dez",
        ],
    ),
    (
        "it",
        [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
    ),
    (
        "it-abbr",
        [
            "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
        ],
    ),
    (
        "pt",
        [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
    ),
    (
        "pt-abbr",
        [
            "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
        ],
    ),
    (
        "nl",
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "nl-abbr",
        [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
    ),
    (
        "sv",
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "da",
        [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "nb",
        [
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
        ],
    ),
    (
        "nb-abbr",
        [
            "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des",
        ],
    ),
    (
        "pl",
        [
            "styczeń",
            "luty",
            "marzec",
            "kwiecień",
            "maj",
            "czerwiec",
            "lipiec",
            "sierpień",
            "wrzesień",
            "październik",
            "listopad",
            "grudzień",
        ],
    ),
    (
        "pl-gen",
        [
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ],
    ),
    (
        "pl-abbr",
        [
            "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru",
        ],
    ),
    (
        "tr",
        [
            "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül",
            "ekim", "kasım", "aralık",
        ],
    ),
    (
        "tr-abbr",
        [
            "oca", "şub", "mar", "nis", "may", "haz", "tem", "ağu", "eyl", "eki", "kas", "ara",
        ],
    ),
    (
        "id",
        [
            "januari",
            "februari",
            "maret",
            "april",
            "mei",
            "juni",
            "juli",
            "agustus",
            "september",
            "oktober",
            "november",
            "desember",
        ],
    ),
    (
        "id-abbr",
        [
            "jan", "feb", "mar", "apr", "mei", "jun", "jul", "agt", "sep", "okt", "nov", "des",
        ],
    ),
    (
        "ro",
        [
            "ianuarie",
            "februarie",
            "martie",
            "aprilie",
            "mai",
            "iunie",
            "iulie",
            "august",
            "septembrie",
            "octombrie",
            "noiembrie",
            "decembrie",
        ],
    ),
    (
        "ro-abbr",
        [
            "ian", "feb", "mar", "apr", "mai", "iun", "iul", "aug", "sept", "oct", "nov", "dec",
        ],
    ),
    (
        "cs",
        [
            "ledna",
            "února",
            "března",
            "dubna",
            "května",
            "června",
            "července",
            "srpna",
            "září",
            "října",
            "listopadu",
            "prosince",
        ],
    ),
    (
        "hu",
        [
            "január",
            "február",
            "március",
            "április",
            "május",
            "június",
            "július",
            "augusztus",
            "szeptember",
            "október",
            "november",
            "december",
        ],
    ),
    (
        "hu-abbr",
        [
            "jan", "febr", "márc", "ápr", "máj", "jún", "júl", "aug", "szept", "okt", "nov", "dec",
        ],
    ),
    (
        "fi",
        [
            "tammikuuta",
            "helmikuuta",
            "maaliskuuta",
            "huhtikuuta",
            "toukokuuta",
            "kesäkuuta",
            "heinäkuuta",
            "elokuuta",
            "syyskuuta",
            "lokakuuta",
            "marraskuuta",
            "joulukuuta",
        ],
    ),
    (
        "ru",
        [
            "январь",
            "февраль",
            "март",
            "апрель",
            "май",
            "июнь",
            "июль",
            "август",
            "сентябрь",
            "октябрь",
            "ноябрь",
            "декабрь",
        ],
    ),
    (
        "ru-gen",
        [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ],
    ),
    (
        "ru-abbr",
        [
            "янв", "февр", "мар", "апр", "мая", "июн", "июл", "авг", "сент", "окт", "нояб", "дек",
        ],
    ),
    (
        "ru-abbr2",
        [
            "янв", "фев", "март", "апр", "май", "июня", "июля", "авг", "сен", "окт", "ноя", "дек",
        ],
    ),
    (
        "uk",
        [
            "січень",
            "лютий",
            "березень",
            "квітень",
            "травень",
            "червень",
            "липень",
            "серпень",
            "вересень",
            "жовтень",
            "листопад",
            "грудень",
        ],
    ),
    (
        "uk-gen",
        [
            "січня",
            "лютого",
            "березня",
            "квітня",
            "травня",
            "червня",
            "липня",
            "серпня",
            "вересня",
            "жовтня",
            "листопада",
            "грудня",
        ],
    ),
    (
        "uk-abbr",
        [
            "січ", "лют", "бер", "квіт", "трав", "черв", "лип", "серп", "вер", "жовт", "лист",
            "груд",
        ],
    ),
    (
        "el",
        [
            "ιανουαρίου",
            "φεβρουαρίου",
            "μαρτίου",
            "απριλίου",
            "μαΐου",
            "ιουνίου",
            "ιουλίου",
            "αυγούστου",
            "σεπτεμβρίου",
            "οκτωβρίου",
            "νοεμβρίου",
            "δεκεμβρίου",
        ],
    ),
    (
        "el-abbr",
        [
            "ιαν", "φεβ", "μαρ", "απρ", "μαΐ", "ιουν", "ιουλ", "αυγ", "σεπ", "οκτ", "νοε", "δεκ",
        ],
    ),
    (
        "th",
        [
            "มกราคม",
            "กุมภาพันธ์",
            "มีนาคม",
            "เมษายน",
            "พฤษภาคม",
            "มิถุนายน",
            "กรกฎาคม",
            "สิงหาคม",
            "กันยายน",
            "ตุลาคม",
            "พฤศจิกายน",
            "ธันวาคม",
        ],
    ),
    (
        "th-abbr",
        [
            "มค",
            "กพ",
            "มีค",
            "เมย",
            "พค",
            "มิย",
            "กค",
            "สค",
            "กย",
            "ตค",
            "พย",
            "ธค",
        ],
    ),
];

/// The month a word names (1–12), and whether it is Thai (years in the Buddhist era). An exact
/// name or abbreviation wins; otherwise a word of 3+ letters that starts exactly one month's
/// full names (`sept`, `févr`) is that month.
fn month_of(word: &str) -> Option<(u32, bool)> {
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

/// Tries each chrono format as a date-time, then as a bare date at 00:00.
///
/// Every row of a workout repeats its timestamp, and chrono re-reads the format string on each
/// call, so the last two distinct inputs are remembered (Hevy alternates start and end).
pub fn parse_datetime(raw: &str, formats: &[&str]) -> Option<NaiveDateTime> {
    let raw = raw.trim();
    let key = formats.as_ptr() as usize;
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        if let Some(hit) = recent.iter().find(|(k, r, _)| *k == key && r == raw) {
            return hit.2;
        }
        let parsed = parse_datetime_uncached(raw, formats);
        if recent.len() == 2 {
            recent.remove(0);
        }
        recent.push((key, raw.to_string(), parsed));
        parsed
    })
}

type RecentParses = Vec<(usize, String, Option<NaiveDateTime>)>;

thread_local! {
    static RECENT: RefCell<RecentParses> = const { RefCell::new(Vec::new()) };
}

fn parse_datetime_uncached(raw: &str, formats: &[&str]) -> Option<NaiveDateTime> {
    formats.iter().find_map(|f| {
        NaiveDateTime::parse_from_str(raw, f).ok().or_else(|| {
            NaiveDate::parse_from_str(raw, f)
                .ok()
                .map(|d| d.and_time(NaiveTime::MIN))
        })
    })
}

/// A timestamp with an explicit offset (`2025-08-20 01:49:39 +0000`).
pub fn parse_offset_datetime(raw: &str, format: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_str(raw.trim(), format).ok()
}

/// A time of day: `19:30`, `19:30:05`, `7:30 PM`, `12:05 AM` (just after midnight).
pub fn parse_time_of_day(raw: &str) -> Option<NaiveTime> {
    // Most cells are a plain 24-hour `H:MM` or `HH:MM[:SS]`, one per set: read those directly.
    let raw = raw.trim();
    if raw.len() <= 8 && raw.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        let mut parts = raw.split(':').map(|p| p.parse::<u32>().ok());
        let (h, m, s) = (
            parts.next()??,
            parts.next()??,
            parts.next().unwrap_or(Some(0))?,
        );
        if parts.next().is_some() {
            return None;
        }
        return NaiveTime::from_hms_opt(h, m, s);
    }
    let tokens = tokenize(raw);
    let mut clock = None;
    let mut meridiem = None;
    for t in &tokens {
        match t {
            Token::Clock(h, m, s) if clock.is_none() => clock = Some((*h, *m, *s)),
            Token::Word(w) => meridiem = Some(meridiem_of(w)?),
            _ => return None,
        }
    }
    let (mut h, m, s) = clock?;
    match meridiem {
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(Meridiem::Am) if h == 12 => h = 0,
        Some(Meridiem::Pm) if h != 12 => h += 12,
        _ => {}
    }
    NaiveTime::from_hms_opt(h, m, s)
}

/// Workout durations as Strong writes them: `1h 5m`, `58m`, `38min`, `22s`, `1h`, `264h 1m`,
/// or plain seconds (`2176`).
pub fn parse_duration_s(raw: &str) -> Option<f64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    if let Some(secs) = parse_number(raw, false) {
        return (secs >= 0.0).then_some(secs);
    }
    if let Some(hms) = parse_clock(raw) {
        return Some(hms);
    }
    let mut total = 0.0;
    let mut rest = raw;
    let mut any = false;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        let value: f64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let factor = match rest[..unit_len].to_ascii_lowercase().as_str() {
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            _ => return None,
        };
        total += value * factor;
        any = true;
        rest = &rest[unit_len..];
    }
    any.then_some(total)
}

/// Seconds in one of a duration unit written as a word, in the languages of the supported
/// apps (GymBook writes `60 secondi`, `6 minuti`, `45 Sekunden`): `None` for other words.
pub fn duration_unit_s(word: &str) -> Option<f64> {
    let word = crate::text::fold(word.trim().trim_end_matches('.'));
    let factor =
        match word.as_str() {
            // English, Italian, German, French, Spanish, Portuguese, Dutch, Nordic, Polish, Russian
            "s" | "sec" | "secs" | "second" | "seconds" | "secondo" | "secondi" | "sek"
            | "sekunde" | "sekunden" | "seconde" | "secondes" | "segundo" | "segundos"
            | "seconden" | "sekund" | "sekunder" | "sekundy" | "sekundi" | "с" | "сек"
            | "секунд" | "секунды" | "秒" | "초" => 1.0,
            "m" | "min" | "mins" | "minute" | "minutes" | "minuto" | "minuti" | "minuten"
            | "minutos" | "minuut" | "minuter" | "minutter" | "minut" | "minuty" | "мин"
            | "минут" | "минуты" | "分" | "分钟" | "분" => 60.0,
            "h" | "hr" | "hrs" | "hour" | "hours" | "ora" | "ore" | "std" | "stunde"
            | "stunden" | "heure" | "heures" | "hora" | "horas" | "uur" | "timme" | "timmar"
            | "time" | "timer" | "godzina" | "godziny" | "ч" | "час" | "часа" | "часов"
            | "時間" | "小时" | "시간" => 3600.0,
            _ => return None,
        };
    Some(factor)
}

/// `H:MM:SS` or `MM:SS` (FitNotes' Time column), in seconds.
pub fn parse_clock(raw: &str) -> Option<f64> {
    let parts: Vec<&str> = raw.trim().split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut total = 0.0;
    for p in &parts {
        if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        total = total * 60.0 + p.parse::<f64>().ok()?;
    }
    Some(total)
}

/// Unix epoch seconds (UTC, as JEFIT writes session times) as wall-clock time in `tz`. Only
/// whole, positive seconds up to the year 2100 are times; anything else is not.
pub fn parse_epoch_local(raw: &str, tz: Tz) -> Option<NaiveDateTime> {
    const YEAR_2100: i64 = 4_102_444_800;
    let raw = raw.trim();
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = raw.parse().ok().filter(|s| (1..YEAR_2100).contains(s))?;
    let utc = DateTime::from_timestamp(secs, 0)?;
    Some(utc.with_timezone(&tz).naive_local())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_seconds_become_local_wall_clock_time() {
        let ny: Tz = "America/New_York".parse().unwrap();
        let at = |raw: &str, tz: Tz| parse_epoch_local(raw, tz).map(|t| t.to_string());
        // 2014-12-17 02:20:48 UTC is the evening before in New York (EST, UTC-5).
        assert_eq!(
            at("1418782848", Tz::UTC).as_deref(),
            Some("2014-12-17 02:20:48")
        );
        assert_eq!(at("1418782848", ny).as_deref(), Some("2014-12-16 21:20:48"));
        // Summer time (EDT, UTC-4).
        assert_eq!(
            at(" 1501028141 ", ny).as_deref(),
            Some("2017-07-25 20:15:41")
        );
        assert_eq!(at("0", Tz::UTC), None);
        assert_eq!(at("-5", Tz::UTC), None);
        assert_eq!(at("1.5e9", Tz::UTC), None);
        assert_eq!(at("", Tz::UTC), None);
        assert_eq!(at("99999999999", Tz::UTC), None);
    }

    fn at(s: &str) -> String {
        parse_stamp(s, None)
            .map(|t| t.wall.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn hevy_day_first_24_hour() {
        assert_eq!(at("1 Dec 2025, 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("02 Jul 2025, 07:05"), "2025-07-02 07:05:00");
        assert_eq!(at("30 Jun 2025, 19:56"), "2025-06-30 19:56:00");
    }

    #[test]
    fn hevy_us_month_first_12_hour() {
        assert_eq!(at("Apr 12, 2026, 12:29 PM"), "2026-04-12 12:29:00");
        assert_eq!(at("Apr 12, 2026, 2:01 PM"), "2026-04-12 14:01:00");
        assert_eq!(at("Jul 28, 2026, 6:49 PM"), "2026-07-28 18:49:00");
        // 12:xx AM is just after midnight.
        assert_eq!(at("Jan 3, 2026, 12:05 AM"), "2026-01-03 00:05:00");
        assert_eq!(at("Jan 3, 2026, 11:59 AM"), "2026-01-03 11:59:00");
        assert_eq!(at("Jan 3, 2026, 9:15 a.m."), "2026-01-03 09:15:00");
        assert_eq!(at("Jan 3, 2026, 9:15 p. m."), "2026-01-03 21:15:00");
        assert_eq!(at("Jan 3, 2026, 13:15 PM"), "none");
        assert_eq!(at("Jan 3, 2026, 0:15 AM"), "none");
    }

    #[test]
    fn iso_8601_with_and_without_offset() {
        let s = parse_stamp("2026-04-12T12:29:00Z", None).unwrap();
        assert_eq!(s.wall.to_string(), "2026-04-12 12:29:00");
        assert_eq!(s.offset, Some(FixedOffset::east_opt(0).unwrap()));
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(s.local(berlin).to_string(), "2026-04-12 14:29:00");
        assert_eq!(at("2026-04-12 12:29:00"), "2026-04-12 12:29:00");
        assert_eq!(at("2026-04-12T12:29"), "2026-04-12 12:29:00");
        let f = parse_stamp("2025-08-20 01:49:39 +0000", None).unwrap();
        assert!(f.offset.is_some());
        assert_eq!(at("2026-04-12T12:29:00.250+02:00"), "2026-04-12 12:29:00");
    }

    #[test]
    fn month_names_in_the_phone_language() {
        // French, with and without the dot, and the three names that broke another importer.
        assert_eq!(at("1 déc. 2025, 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("14 févr. 2025, 08:00"), "2025-02-14 08:00:00");
        assert_eq!(at("3 août 2025, 18:20"), "2025-08-03 18:20:00");
        assert_eq!(at("3 aout 2025, 18:20"), "2025-08-03 18:20:00");
        assert_eq!(at("3 juil. 2025, 18:20"), "2025-07-03 18:20:00");
        assert_eq!(at("3 juin 2025, 18:20"), "2025-06-03 18:20:00");
        assert_eq!(at("1 DÉC 2025, 10:53"), "2025-12-01 10:53:00");
        // German, Spanish, Portuguese, Italian, Dutch.
        assert_eq!(at("1. Dez. 2025, 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("5. März 2025, 10:53"), "2025-03-05 10:53:00");
        assert_eq!(at("5 mar 2025, 10:53"), "2025-03-05 10:53:00");
        assert_eq!(at("1 dic 2025, 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("1 de dic. de 2025, 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("1 de dez. de 2025 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("9 set 2025, 10:53"), "2025-09-09 10:53:00");
        assert_eq!(at("9 out 2025, 10:53"), "2025-10-09 10:53:00");
        assert_eq!(at("1 gen 2025, 10:53"), "2025-01-01 10:53:00");
        assert_eq!(at("7 mrt 2025, 10:53"), "2025-03-07 10:53:00");
        // Polish, Turkish, Russian, Ukrainian, Greek.
        assert_eq!(at("1 gru 2025, 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("12 października 2025, 10:53"), "2025-10-12 10:53:00");
        assert_eq!(at("1 Ara 2025 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("3 Mayıs 2025 10:53"), "2025-05-03 10:53:00");
        assert_eq!(at("1 дек. 2025 г., 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("3 мая 2025 г., 10:53"), "2025-05-03 10:53:00");
        assert_eq!(at("1 груд. 2025 р., 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("1 Δεκ 2025, 10:53"), "2025-12-01 10:53:00");
        // East Asian numbers with markers, Korean with dots, Vietnamese, Thai (Buddhist era).
        assert_eq!(at("2025年12月1日 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("2025년 12월 1일 오후 3:05"), "2025-12-01 15:05:00");
        assert_eq!(at("2025/12/01 午前 9:05"), "2025-12-01 09:05:00");
        assert_eq!(at("1 thg 12, 2025, 10:53"), "2025-12-01 10:53:00");
        assert_eq!(at("1 ธ.ค. 2568 10:53"), "2025-12-01 10:53:00");
    }

    #[test]
    fn impossible_or_unknown_dates_are_refused() {
        assert_eq!(at("31 Feb 2025, 10:53"), "none");
        assert_eq!(at("1 Foo 2025, 10:53"), "none");
        assert_eq!(at("1 Dec 2025, 25:00"), "none");
        assert_eq!(at(""), "none");
        assert_eq!(at("soon"), "none");
        assert_eq!(at("99999999999999 Dec 2025"), "none");
    }

    #[test]
    fn numeric_dates_need_a_settled_order() {
        assert_eq!(at("05/16/18"), "2018-05-16 00:00:00"); // only month-first fits
        assert_eq!(at("16/05/18"), "2018-05-16 00:00:00");
        assert_eq!(at("03/04/18"), "none"); // either order: the caller must say
        let mdy = parse_stamp("03/04/18", Some(DateOrder::Mdy)).unwrap();
        assert_eq!(mdy.wall.date().to_string(), "2018-03-04");
        let dmy = parse_stamp("03/04/2018", Some(DateOrder::Dmy)).unwrap();
        assert_eq!(dmy.wall.date().to_string(), "2018-04-03");
        assert_eq!(at("16.05.2018 19:30"), "2018-05-16 19:30:00");
        assert_eq!(at("2018/05/16"), "2018-05-16 00:00:00");
    }

    #[test]
    fn a_file_settles_the_order_or_says_why_not() {
        assert_eq!(
            infer_order(["03/04/18", "05/16/18"]),
            FileOrder::Settled(DateOrder::Mdy)
        );
        assert_eq!(
            infer_order(["03/04/18", "16/05/18"]),
            FileOrder::Settled(DateOrder::Dmy)
        );
        assert_eq!(infer_order(["03/04/18", "01/02/18"]), FileOrder::Ambiguous);
        assert_eq!(
            infer_order(["2/5/2017", "15/05/17", "05/16/17"]),
            FileOrder::Mixed {
                day_first: "15/05/17".into(),
                month_first: "05/16/17".into()
            }
        );
        assert_eq!(order_evidence("Dec 1, 2025"), OrderEvidence::None);
    }

    #[test]
    fn settling_a_whole_file() {
        let col = |v: &[&'static str]| settle_order("f.csv", "Date", v.iter().copied(), None, None);
        assert_eq!(
            col(&["03/04/18", "05/16/18"]).unwrap(),
            Some(DateOrder::Mdy)
        );
        assert_eq!(col(&["1 Dec 2025, 10:53", "2026-01-02"]).unwrap(), None);
        let err = col(&["03/04/18", "03/04/18", "01/02/18"])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("\"03/04/18\" reads as 3 April 2018 or as March 4, 2018"),
            "{err}"
        );
        assert!(err.contains("--date-order dmy"), "{err}");
        assert!(err.contains("date_order = \"dmy\" under [import]"), "{err}");
        let err = col(&["15/05/17", "05/16/17"]).unwrap_err().to_string();
        assert!(
            err.contains("day first (\"15/05/17\") and month first (\"05/16/17\")"),
            "{err}"
        );
        let given = settle_order("f.csv", "Date", ["03/04/18"], Some(DateOrder::Dmy), None);
        assert_eq!(given.unwrap(), Some(DateOrder::Dmy));
        // A file that shows its order is read in it, whatever the option says.
        let shown = settle_order("f.csv", "Date", ["05/16/18"], Some(DateOrder::Dmy), None);
        assert_eq!(shown.unwrap(), Some(DateOrder::Mdy));
    }

    #[test]
    fn a_file_order_comes_from_the_user_the_dates_or_the_language() {
        let settle = |dates: &[&'static str], given, default| {
            settle_order("f.csv", "Data", dates.iter().copied(), given, default)
        };
        let ambiguous = ["03/04/18", "01/02/18"];
        assert!(settle(&ambiguous, None, None).is_err());
        assert_eq!(
            settle(&ambiguous, None, Some(DateOrder::Dmy)).unwrap(),
            Some(DateOrder::Dmy)
        );
        assert_eq!(
            settle(&ambiguous, Some(DateOrder::Mdy), Some(DateOrder::Dmy)).unwrap(),
            Some(DateOrder::Mdy)
        );
        // The dates outrank the language's default.
        assert_eq!(
            settle(&["03/04/18", "04/13/18"], None, Some(DateOrder::Dmy)).unwrap(),
            Some(DateOrder::Mdy)
        );
        assert_eq!(
            settle(&["16.05.2018 19:30"], None, None).unwrap(),
            Some(DateOrder::Dmy)
        );
        assert_eq!(
            settle(&["Jan 9, 2025", "2025-01-09"], None, None).unwrap(),
            None
        );
        // Mixed dates are refused even where the language has an order.
        let mixed = settle(&["13/01/18", "01/13/18"], None, Some(DateOrder::Dmy));
        let message = mixed.unwrap_err().to_string();
        assert!(
            message.contains("mix day first (\"13/01/18\") and month first (\"01/13/18\")"),
            "{message}"
        );
    }

    #[test]
    fn duration_words_in_several_languages() {
        assert_eq!(duration_unit_s("secondi"), Some(1.0));
        assert_eq!(duration_unit_s("Sekunden"), Some(1.0));
        assert_eq!(duration_unit_s("seconds"), Some(1.0));
        assert_eq!(duration_unit_s("minuti"), Some(60.0));
        assert_eq!(duration_unit_s("Minuten"), Some(60.0));
        assert_eq!(duration_unit_s("min."), Some(60.0));
        assert_eq!(duration_unit_s("ore"), Some(3600.0));
        assert_eq!(duration_unit_s("ripetizioni"), None);
        assert_eq!(duration_unit_s("kg"), None);
    }

    #[test]
    fn the_iso_fast_path_agrees_with_chrono() {
        for raw in [
            "2026-04-12",
            "2026-04-12 12:29",
            "2026-04-12T12:29:05",
            "2026-04-12T12:29:05.125",
            "2026-04-12T12:29:05Z",
            "2025-08-20 01:49:39 +0000",
            "2026-04-12T12:29:00+02:00",
            "2026-04-12T12:29:00-0530",
        ] {
            let fast = iso_fast(raw.as_bytes()).unwrap_or_else(|| panic!("{raw}"));
            let slow = DateTime::parse_from_rfc3339(raw)
                .ok()
                .map(|t| (t.naive_local(), Some(*t.offset())))
                .or_else(|| {
                    DateTime::parse_from_str(raw, "%Y-%m-%d %H:%M:%S %z")
                        .or_else(|_| DateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S%z"))
                        .ok()
                        .map(|t| (t.naive_local(), Some(*t.offset())))
                })
                .or_else(|| {
                    ISO_FORMATS
                        .iter()
                        .find_map(|f| NaiveDateTime::parse_from_str(raw, f).ok())
                        .or_else(|| {
                            NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                                .ok()
                                .map(|d| d.and_time(NaiveTime::MIN))
                        })
                        .map(|t| (t, None))
                })
                .unwrap();
            assert_eq!((fast.wall, fast.offset), slow, "{raw}");
        }
        for raw in [
            "2026-02-30",
            "2026-04-12 25:00",
            "2026-04-12T12:29:00+2",
            "2026-4-12",
        ] {
            assert!(iso_fast(raw.as_bytes()).is_none(), "{raw}");
        }
    }

    #[test]
    fn times_of_day() {
        assert_eq!(
            parse_time_of_day("10:56 PM").unwrap().to_string(),
            "22:56:00"
        );
        assert_eq!(
            parse_time_of_day("12:10 AM").unwrap().to_string(),
            "00:10:00"
        );
        assert_eq!(
            parse_time_of_day("12:10 PM").unwrap().to_string(),
            "12:10:00"
        );
        assert_eq!(parse_time_of_day("19:30").unwrap().to_string(), "19:30:00");
        assert_eq!(parse_time_of_day("7:30 xx"), None);
        assert_eq!(parse_time_of_day("noon"), None);
    }

    #[test]
    fn strong_durations_parse() {
        assert_eq!(parse_duration_s("1h 5m"), Some(3900.0));
        assert_eq!(parse_duration_s("58m"), Some(3480.0));
        assert_eq!(parse_duration_s("22s"), Some(22.0));
        assert_eq!(parse_duration_s("264h 1m"), Some(264.0 * 3600.0 + 60.0));
        assert_eq!(parse_duration_s("38min"), Some(2280.0));
        assert_eq!(parse_duration_s("1h"), Some(3600.0));
        assert_eq!(parse_duration_s("2176"), Some(2176.0));
        assert_eq!(parse_duration_s("1:59:30"), Some(7170.0));
        assert_eq!(parse_duration_s("soon"), None);
        assert_eq!(parse_duration_s("5x"), None);
    }

    #[test]
    fn fixed_formats_refuse_impossible_dates() {
        assert!(parse_datetime("2026-02-30 10:00:00", &["%Y-%m-%d %H:%M:%S"]).is_none());
        assert!(parse_datetime("2026-02-28 10:00:00", &["%Y-%m-%d %H:%M:%S"]).is_some());
        let d = parse_datetime("2025-04-29", &["%Y-%m-%d"]).unwrap();
        assert_eq!(d.to_string(), "2025-04-29 00:00:00");
    }

    #[test]
    fn no_month_word_is_ambiguous_between_months() {
        // Every listed name maps to one month: a word that two tables give different months
        // would make dates depend on table order.
        let mut seen: HashMap<String, u32> = HashMap::new();
        for (_, names) in MONTHS {
            for (i, n) in names.iter().enumerate() {
                let key = crate::text::fold(n);
                if let Some(&m) = seen.get(&key) {
                    assert_eq!(m, i as u32 + 1, "{n} names two months");
                }
                seen.insert(key, i as u32 + 1);
            }
        }
    }
}
