//! GymBook (iOS): one row per set, headers in the app's language, units inside the values.
//!
//! ```text
//! Data,Programma,Orario,Esercizio,Zona,Gruppi muscolari (Primari),Gruppi muscolari (Secondari),Set / Set di riscaldamento / Set di defaticamento,Ripetizioni / Tempo,Peso / Distanza,Appunti,Saltato
//! 09/01/25,"Giorno 4",19:30,"Crunches",Addome,…,Set,"20 ripetizioni","0,00 kg",,No
//! ```
//!
//! - The header is recognised from its shape, so every language of the app reads: a set-kind
//!   column whose name lists its three values (`Set / Set di riscaldamento / Set di
//!   defaticamento`: working, warm-up, cool-down), then a reps/time and a weight/distance
//!   column (`Ripetizioni / Tempo`, `Peso / Distanza`).
//! - Values carry their unit: `20 ripetizioni`, `60 secondi`, `6 minuti`; `20,00 kg`,
//!   `0,55 km`, with a decimal comma or dot.
//! - Skipped sets (`Saltato` = `Si`) are dropped and counted.
//! - There is no workout id: a workout is a calendar day (one day can hold two programmes done
//!   in one sitting). It starts at the earliest set time of that day.
//! - Dates are numeric (`09/01/25`, `16.05.2024 19:30`): their day/month order is settled for
//!   the whole file (see [`GymBook::prepare`]).

#[cfg(test)]
mod tests;
mod values;

use values::{Amount, Load, parse_amount, parse_load};

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::error::{FileError, RowError};
use crate::model::{Measures, SetKind, WorkoutSet};
use crate::text::fold;

use super::dates::{DateOrder, parse_stamp, parse_time_of_day};
use super::fields::Row;
use super::source::{Header, Record};
use super::{DetectContext, Dialect, Format, RowContext, RowOutcome};

pub(crate) const FORMAT: Format = Format::table("GymBook", detect);

/// The pseudo-row kind skipped sets are counted under.
const SKIPPED: &str = "skipped set";

// Column names in the app's languages, for the columns whose header has no telling shape.
const DATE: &[&str] = &[
    "Data",
    "Date",
    "Datum",
    "Fecha",
    "Dato",
    "Päivämäärä",
    "Tarih",
    "Дата",
    "日付",
    "日期",
    "날짜",
];
const PROGRAMME: &[&str] = &[
    "Programma",
    "Program",
    "Programme",
    "Programm",
    "Training",
    "Programa",
    "Routine",
    "Workout",
    "Программа",
];
const TIME: &[&str] = &[
    "Orario",
    "Time",
    "Zeit",
    "Uhrzeit",
    "Hora",
    "Heure",
    "Tijd",
    "Horário",
    "Tid",
    "Время",
];
const EXERCISE: &[&str] = &[
    "Esercizio",
    "Exercise",
    "Übung",
    "Ejercicio",
    "Exercice",
    "Exercício",
    "Oefening",
    "Övning",
    "Øvelse",
    "Ćwiczenie",
    "Упражнение",
];
const NOTES: &[&str] = &[
    "Appunti",
    "Notes",
    "Notizen",
    "Notas",
    "Note",
    "Notities",
    "Anteckningar",
    "Notatki",
    "Заметки",
];
const SKIPPED_COLUMN: &[&str] = &[
    "Saltato",
    "Skipped",
    "Ausgelassen",
    "Omitido",
    "Saltado",
    "Ignoré",
    "Sauté",
    "Overgeslagen",
    "Pulado",
    "Hoppad över",
    "Pominięto",
    "Пропущено",
];
/// Date column names of languages whose phones write the day first (Italian, Portuguese,
/// Polish `Data`; German, Dutch, Nordic `Datum`; Spanish `Fecha`; Russian `Дата`): the
/// language settles numeric dates that never show their order. `Date` is both English
/// (month first in the US) and French, so it settles nothing.
const DAY_FIRST_DATE_NAMES: &[&str] = &["data", "datum", "fecha", "дата"];

/// "Yes" and "no" in the skipped column, folded.
const YES: &[&str] = &[
    "si", "yes", "y", "ja", "j", "oui", "sim", "tak", "da", "да", "true", "1",
];
const NO: &[&str] = &[
    "no", "n", "nein", "non", "nao", "nee", "nej", "nie", "нет", "false", "0", "",
];

struct Columns {
    date: usize,
    programme: Option<usize>,
    time: Option<usize>,
    exercise: usize,
    set_kind: usize,
    reps_time: usize,
    load: usize,
    notes: Option<usize>,
    skipped: Option<usize>,
}

/// The set-kind values, as the set-kind column's own name lists them (folded).
struct SetKinds {
    working: String,
    warmup: String,
    cooldown: String,
}

/// A workout (a calendar day), known once every row has been seen.
struct Workout {
    start: NaiveDateTime,
    name: String,
    /// The day as `YYYY-MM-DD`, formatted once.
    id: String,
}

struct GymBook {
    cols: Columns,
    kinds: SetKinds,
    /// The order the file's language fixes, if any.
    language_order: Option<DateOrder>,
    date_name: String,
    order: Option<DateOrder>,
    workouts: HashMap<NaiveDate, Workout>,
}

/// A header's ` / `-separated parts, trimmed; `None` unless every part has text.
fn parts(name: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = name.split('/').map(str::trim).collect();
    (parts.len() > 1 && parts.iter().all(|p| !p.is_empty())).then_some(parts)
}

fn detect(header: &Header, _ctx: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    let shapes: Vec<Option<Vec<&str>>> = header.names.iter().map(|n| parts(n)).collect();
    let Some(set_kind) = shapes
        .iter()
        .position(|p| p.as_ref().is_some_and(|p| p.len() == 3))
    else {
        return Ok(None);
    };
    // The reps/time column comes before the weight/distance column in every language.
    let mut pairs =
        (set_kind + 1..header.len()).filter(|&c| shapes[c].as_ref().is_some_and(|p| p.len() == 2));
    let (Some(reps_time), Some(load)) = (pairs.next(), pairs.next()) else {
        return Ok(None);
    };
    // Names first; the app's fixed column order for languages not listed.
    let standard = set_kind == 7 && reps_time == 8 && load == 9 && header.len() >= 12;
    let at = |names: &[&str], position: usize| {
        header.find(names).or_else(|| standard.then_some(position))
    };
    let (Some(date), Some(exercise)) = (at(DATE, 0), at(EXERCISE, 3)) else {
        return Ok(None);
    };
    let kind_names = shapes[set_kind].as_deref().unwrap_or_default();
    let kinds = SetKinds {
        working: fold(kind_names[0]),
        warmup: fold(kind_names[1]),
        cooldown: fold(kind_names[2]),
    };
    let language_order = DAY_FIRST_DATE_NAMES
        .contains(&fold(header.name(date)).as_str())
        .then_some(DateOrder::Dmy);
    Ok(Some(Box::new(GymBook {
        cols: Columns {
            date,
            programme: at(PROGRAMME, 1),
            time: at(TIME, 2),
            exercise,
            set_kind,
            reps_time,
            load,
            notes: at(NOTES, 10),
            skipped: at(SKIPPED_COLUMN, 11),
        },
        kinds,
        language_order,
        date_name: header.name(date).to_string(),
        order: None,
        workouts: HashMap::new(),
    })))
}

fn cell(record: &Record, column: usize) -> &str {
    record.fields.get(column).map_or("", super::fields::trim)
}

/// Whether a skipped cell says the set was skipped: `Some(true)` for yes, `None` when it is
/// neither yes nor no.
fn is_skipped(raw: &str) -> Option<bool> {
    // Nearly every cell is a plain `No`: compared without folding (the lists are folded).
    if raw.is_ascii() {
        return if YES.iter().any(|y| y.eq_ignore_ascii_case(raw)) {
            Some(true)
        } else if NO.iter().any(|n| n.eq_ignore_ascii_case(raw)) {
            Some(false)
        } else {
            None
        };
    }
    let folded = fold(raw);
    if YES.contains(&folded.as_str()) {
        Some(true)
    } else if NO.contains(&folded.as_str()) {
        Some(false)
    } else {
        None
    }
}

impl GymBook {
    /// The date cell's date with the time column's time; the date cell's own time (`16.05.2024
    /// 19:30`) when the time column is missing or empty.
    fn when(&self, record: &Record) -> Option<NaiveDateTime> {
        let stamp = parse_stamp(cell(record, self.cols.date), self.order)?.wall;
        match self.cols.time.map(|c| cell(record, c)) {
            Some(raw) if !raw.is_empty() => Some(stamp.date().and_time(parse_time_of_day(raw)?)),
            _ => Some(stamp),
        }
    }

    fn skipped(&self, record: &Record) -> bool {
        self.cols
            .skipped
            .is_some_and(|c| is_skipped(cell(record, c)) == Some(true))
    }
}

impl Dialect for GymBook {
    fn name(&self) -> &'static str {
        "gymbook"
    }

    /// Settles the day/month order of the file's dates (`--date-order`, else the dates, else
    /// the language of the header), then finds each day's start and programmes.
    fn prepare(&mut self, records: &[Record], ctx: &DetectContext) -> Result<(), FileError> {
        let dates = records.iter().map(|r| cell(r, self.cols.date));
        self.order = super::dates::settle_order(
            ctx.path,
            &self.date_name,
            dates,
            ctx.opts.dates.order,
            self.language_order,
        )?;
        let mut workouts: HashMap<NaiveDate, Workout> = HashMap::new();
        let mut names: HashMap<NaiveDate, Vec<&str>> = HashMap::new();
        for record in records.iter().filter(|r| !self.skipped(r)) {
            let Some(at) = self.when(record) else {
                continue; // the row is rejected when it is read
            };
            let day = at.date();
            workouts
                .entry(day)
                .and_modify(|w| w.start = w.start.min(at))
                .or_insert_with(|| Workout {
                    start: at,
                    name: String::new(),
                    id: day.format("%Y-%m-%d").to_string(),
                });
            let programme = self.cols.programme.map_or("", |c| cell(record, c));
            let day_names = names.entry(day).or_default();
            if !programme.is_empty() && !day_names.contains(&programme) {
                day_names.push(programme);
            }
        }
        for (day, day_names) in names {
            if let Some(w) = workouts.get_mut(&day) {
                w.name = day_names.join(" + ");
            }
        }
        self.workouts = workouts;
        Ok(())
    }

    fn read_row(&mut self, row: &Row, ctx: &RowContext) -> Result<RowOutcome, RowError> {
        let cols = &self.cols;
        if let Some(c) = cols.skipped {
            match is_skipped(row.text(c)) {
                Some(true) => return Ok(RowOutcome::Pseudo(SKIPPED)),
                Some(false) => {}
                None => return Err(row.error(c, row.text(c), "Yes or No (Si/No, Ja/Nein)")),
            }
        }
        let at = self.when(row.record).ok_or_else(|| {
            let (c, expected) = match cols.time.map(|c| (c, row.text(c))) {
                Some((c, raw))
                    if !raw.is_empty()
                        && parse_stamp(row.text(cols.date), self.order).is_some() =>
                {
                    (c, "a time of day such as 19:30")
                }
                _ => (cols.date, self.expected_date()),
            };
            row.error(c, row.text(c), expected)
        })?;
        let exercise = row.text(cols.exercise);
        if exercise.is_empty() {
            return Err(row.error(cols.exercise, exercise, "an exercise name"));
        }
        let kind = self.kind(row)?;
        let amount = parse_amount(row.text(cols.reps_time)).ok_or_else(|| {
            row.error(
                cols.reps_time,
                row.text(cols.reps_time),
                "reps or a time with its unit, such as \"8 reps\", \"60 seconds\" or \"6 minutes\"",
            )
        })?;
        let load = parse_load(row.text(cols.load), ctx.opts.unit).ok_or_else(|| {
            row.error(
                cols.load,
                row.text(cols.load),
                "a weight from 0 to 1000 kg or a distance, with its unit, such as \"20,00 kg\", \"45 lb\" or \"0,55 km\"",
            )
        })?;
        let day = at.date();
        let (start, workout_name, workout_id) = match self.workouts.get(&day) {
            Some(w) => (w.start, w.name.clone(), w.id.clone()),
            None => (
                at,
                row.opt_text(cols.programme).to_string(),
                day.format("%Y-%m-%d").to_string(),
            ),
        };
        let (reps, duration_s) = match amount {
            Amount::Reps(n) => (Some(n), None),
            Amount::Seconds(s) => (None, Some(s)),
            Amount::Empty => (None, None),
        };
        let (weight_kg, distance_m) = match load {
            Load::Kg(kg) => (Some(kg), None),
            Load::Meters(m) => (None, Some(m)),
            Load::Empty => (None, None),
        };
        Ok(RowOutcome::Set(WorkoutSet {
            workout_name,
            kind,
            weight_kg,
            measures: Measures {
                reps,
                rpe: None,
                distance_m,
                duration_s,
            },
            notes: row.opt_text(cols.notes).to_string(),
            ..ctx.new_set(row, workout_id, start, exercise)
        }))
    }
}

impl GymBook {
    fn expected_date(&self) -> &'static str {
        match self.order {
            Some(DateOrder::Dmy) => "a date, day first, such as 09/01/25 or 16.05.2024 19:30",
            Some(DateOrder::Mdy) => "a date, month first, such as 01/09/25",
            None => "a date such as 2025-01-09",
        }
    }

    /// Warm-up sets are the header's second value; cool-down sets (the third) are ordinary
    /// working sets.
    fn kind(&self, row: &Row) -> Result<SetKind, RowError> {
        let c = self.cols.set_kind;
        let raw = row.text(c);
        let kinds = &self.kinds;
        // Plain ASCII values need no folding: the set kinds are folded (lower case) already.
        let folded = if raw.is_ascii() {
            std::borrow::Cow::Borrowed(raw)
        } else {
            std::borrow::Cow::Owned(fold(raw))
        };
        let is = |kind: &str| kind.eq_ignore_ascii_case(&folded);
        if folded.is_empty() || is(&kinds.working) || is(&kinds.cooldown) {
            Ok(SetKind::Working)
        } else if is(&kinds.warmup) {
            Ok(SetKind::Warmup)
        } else {
            Err(row.error(
                c,
                raw,
                format!("one of the values the column names: {}", row.header.name(c)),
            ))
        }
    }
}
