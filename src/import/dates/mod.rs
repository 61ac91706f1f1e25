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

mod order;
mod words;

#[cfg(test)]
mod tests;

use std::cell::RefCell;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

use super::fields::parse_number;
use crate::model::PlausibleDates;

pub use order::{
    DateOrder, FileOrder, OrderEvidence, describe, infer_order, order_evidence, settle_order,
};
use words::{Meridiem, Token, meridiem_of, read_tokens, tokenize};

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

/// How the dates of a file are read: in which zone, in which day/month order, and which days
/// a set may fall on.
#[derive(Debug, Clone, Default)]
pub struct DateReading {
    /// The zone whose calendar days count, for exports with explicit offsets (Fitbod); UTC by
    /// default.
    pub tz: Tz,
    /// The day/month order of numeric dates, for files whose dates do not settle it.
    pub order: Option<DateOrder>,
    /// Sets dated outside are rejected rows.
    pub plausible: PlausibleDates,
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
        cache
            .borrow_mut()
            .get_or_parse(key, raw, 4, || parse_stamp_uncached(raw, order))
    })
}

thread_local! {
    static STAMPS: RefCell<Recent<u8, Option<Stamp>>> = const { RefCell::new(Recent::new()) };
}

/// The last few distinct inputs of a parser, with their results: every row of a workout
/// repeats its timestamp, and parsing it again for each row is the importers' largest waste.
struct Recent<K, V> {
    entries: Vec<(K, String, V)>,
}

impl<K: PartialEq + Copy, V: Copy> Recent<K, V> {
    const fn new() -> Self {
        Recent {
            entries: Vec::new(),
        }
    }

    /// The result for (`key`, `raw`), parsed only when it is not among the last `keep` inputs.
    fn get_or_parse(&mut self, key: K, raw: &str, keep: usize, parse: impl FnOnce() -> V) -> V {
        if let Some(hit) = self.entries.iter().find(|(k, r, _)| *k == key && r == raw) {
            return hit.2;
        }
        let parsed = parse();
        if self.entries.len() >= keep {
            self.entries.remove(0);
        }
        self.entries.push((key, raw.to_string(), parsed));
        parsed
    }
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

/// Tries each chrono format as a date-time, then as a bare date at 00:00.
///
/// Every row of a workout repeats its timestamp, and chrono re-reads the format string on each
/// call, so the last two distinct inputs are remembered (Hevy alternates start and end).
pub fn parse_datetime(raw: &str, formats: &[&str]) -> Option<NaiveDateTime> {
    let raw = raw.trim();
    let key = formats.as_ptr() as usize;
    RECENT.with(|recent| {
        recent
            .borrow_mut()
            .get_or_parse(key, raw, 2, || parse_datetime_uncached(raw, formats))
    })
}

thread_local! {
    static RECENT: RefCell<Recent<usize, Option<NaiveDateTime>>> =
        const { RefCell::new(Recent::new()) };
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
