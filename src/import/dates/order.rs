//! The day/month order of numeric dates (`03/04/18`): what one date shows, what a whole file
//! shows, and the one rule every reader of numeric dates settles a file's order by.

use std::fmt;
use std::str::FromStr;

use crate::error::{DateColumn, FileError};

use super::parse_stamp;
use super::words::{Token, month_of, tokenize};

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
    let at = || DateColumn {
        path: path.to_string(),
        column: column.to_string(),
    };
    match infer_order(numeric.iter().copied()) {
        FileOrder::Settled(order) => Ok(Some(order)),
        FileOrder::Mixed {
            day_first,
            month_first,
        } => Err(FileError::MixedDateOrder {
            at: at(),
            day_first,
            month_first,
        }),
        FileOrder::Ambiguous => match either {
            None => Ok(None),
            Some(_) if given.is_some() => Ok(given),
            Some(_) if default.is_some() => Ok(default),
            Some(example) => Err(FileError::AmbiguousDateOrder {
                at: at(),
                example: example.to_string(),
                dmy: describe(example, DateOrder::Dmy),
                mdy: describe(example, DateOrder::Mdy),
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
