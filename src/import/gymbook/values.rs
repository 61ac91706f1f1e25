//! GymBook's values carry their unit inside (`"20,00 kg"`, `"60 secondi"`, `"8
//! Wiederholungen"`), with a decimal comma or dot: one number and one unit word per cell.

use crate::import::dates::{duration_unit_s, parse_clock};
use crate::import::fields::{MAX_REPS, MAX_WEIGHT_KG};
use crate::model::{DistanceUnit, WeightUnit};
use crate::text::fold;

/// Words for repetitions after a number, folded (`20 ripetizioni`, `8 Wiederholungen`).
const REPS_WORDS: &[&str] = &[
    "rep",
    "reps",
    "repetition",
    "repetitions",
    "ripetizione",
    "ripetizioni",
    "rip",
    "wiederholung",
    "wiederholungen",
    "wdh",
    "repetitie",
    "repetities",
    "herhaling",
    "herhalingen",
    "repeticion",
    "repeticiones",
    "repeticao",
    "repeticoes",
    "rep.",
    "x",
    "powtorzenie",
    "powtorzenia",
    "powtorzen",
    "repetitioner",
    "gentagelser",
    "повтор",
    "повторы",
    "повторений",
    "повторения",
];

/// What the reps/time column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Amount {
    Reps(f64),
    Seconds(f64),
    Empty,
}

/// What the weight/distance column holds, converted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Load {
    Kg(f64),
    Meters(f64),
    Empty,
}

/// Splits `"20,00 kg"` into its number and its unit word (folded, possibly empty).
pub(super) fn number_and_unit(raw: &str) -> Option<(f64, String)> {
    let raw = raw.trim();
    let end = raw
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == '\u{a0}'))
        .unwrap_or(raw.len());
    let value = parse_localized(&raw[..end])?;
    Some((value, fold(raw[end..].trim())))
}

/// A number with a decimal comma or dot, and perhaps thousands separators: `20,00`, `20.5`,
/// `1.234,5`, `1,234.5`.
pub(super) fn parse_localized(raw: &str) -> Option<f64> {
    // The usual cell, `20,00` or `8`, is read without building new strings.
    if raw.bytes().all(|b| b.is_ascii_digit()) && !raw.is_empty() {
        return raw.parse().ok();
    }
    let raw: String = raw
        .chars()
        .filter(|c| *c != '\u{a0}' && *c != ' ')
        .collect();
    if raw.is_empty() {
        return None;
    }
    let decimal = match (raw.rfind(','), raw.rfind('.')) {
        (Some(c), Some(d)) => Some(if c > d { ',' } else { '.' }),
        (Some(_), None) if raw.matches(',').count() == 1 => Some(','),
        (None, Some(_)) if raw.matches('.').count() == 1 => Some('.'),
        (None, None) => None,
        _ => return None, // `1.234.567` or `1,234,567` without decimals: not a set's value
    };
    let plain: String = raw
        .chars()
        .filter_map(|c| match (c, decimal) {
            (c, Some(d)) if c == d => Some('.'),
            (',' | '.', _) => None,
            (c, _) => Some(c),
        })
        .collect();
    let value: f64 = plain.parse().ok()?;
    value.is_finite().then_some(value)
}

/// `20 ripetizioni`, `8 reps`, `12` → reps; `60 secondi`, `6 minuti`, `1:30` → seconds.
pub(super) fn parse_amount(raw: &str) -> Option<Amount> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(Amount::Empty);
    }
    if raw.contains(':') {
        return parse_clock(raw).map(Amount::Seconds);
    }
    let (value, unit) = number_and_unit(raw)?;
    if value < 0.0 {
        return None;
    }
    if unit.is_empty() || REPS_WORDS.contains(&unit.as_str()) {
        return (value <= MAX_REPS).then_some(Amount::Reps(value));
    }
    duration_unit_s(&unit).map(|factor| Amount::Seconds(value * factor))
}

/// `20,00 kg`, `45 lb` → kg (0 to 1000); `0,55 km`, `400 m`, `1,2 mi` → meters. A bare number
/// is a weight in `--unit` when given.
pub(super) fn parse_load(raw: &str, fallback: Option<WeightUnit>) -> Option<Load> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(Load::Empty);
    }
    let (value, unit) = number_and_unit(raw)?;
    let weight = match unit.trim_end_matches('.') {
        "" => fallback,
        "kg" | "kgs" | "kilo" | "kilos" | "chili" | "kilogrammi" | "kilogramm" => {
            Some(WeightUnit::Kg)
        }
        "lb" | "lbs" | "pound" | "pounds" | "libbre" | "pfund" => Some(WeightUnit::Lb),
        _ => None,
    };
    if let Some(unit) = weight {
        let kg = unit.to_kg(value);
        return (0.0..=MAX_WEIGHT_KG + 1e-9)
            .contains(&kg)
            .then_some(Load::Kg(kg));
    }
    let distance: DistanceUnit = match unit.trim_end_matches('.') {
        "metri" | "metro" | "meter" | "metres" | "metros" => DistanceUnit::M,
        "chilometri" | "chilometro" | "kilometer" | "kilometro" | "kilometros" => DistanceUnit::Km,
        "miglia" | "meile" | "meilen" | "milla" | "millas" => DistanceUnit::Mi,
        other => other.parse().ok()?,
    };
    (value >= 0.0).then_some(Load::Meters(distance.to_m(value)))
}
