//! StrongLifts 5×5, both exports:
//!
//! | dialect             | one row per          | dates                         | weight unit                   |
//! |---------------------|----------------------|-------------------------------|-------------------------------|
//! | `stronglifts-wide`  | workout              | `mm/dd/yy` or `dd/mm/yy(yy)`  | `Weight (KG)` / `Weight (LB)` |
//! | `stronglifts`       | exercise per workout | `yyyy/mm/dd`, 12-hour times   | `Set N (KG)` / `Set N (LB)`   |
//!
//! The wide ("spreadsheet") export repeats the same column names in every exercise block
//! (`Exercise N, Weight (KG), Weight (LB), Set 1 … Set 5`), so columns are looked up inside a
//! block, from one `Exercise N` to the next. Its numeric dates come in either day/month order
//! under the same header: the file settles the order ([`Dialect::prepare`]), or `--date-order`
//! does, and a file that settles nothing is refused rather than guessed.
//!
//! In both exports a set cell holds the reps done (`0`, or `-` in the current export, is a
//! failed set), except for timed exercises (planks), whose cells hold seconds.

mod current;
#[cfg(test)]
mod tests;
mod wide;

use current::Current;
use wide::Wide;

use crate::error::FileError;
use crate::model::Measures;

use super::source::Header;
use super::{DetectContext, Dialect, Format};

pub(crate) const FORMAT: Format = Format::table("StrongLifts", detect);

fn detect(header: &Header, ctx: &DetectContext) -> Result<Option<Box<dyn Dialect>>, FileError> {
    if let Some(wide) = Wide::detect(header, ctx) {
        return Ok(Some(Box::new(wide)));
    }
    Ok(Current::detect(header, ctx).map(|c| Box::new(c) as Box<dyn Dialect>))
}

/// Whether an exercise is held for time, so its set cells hold seconds instead of reps.
/// StrongLifts exports no set type, so this is decided from the name: planks, holds, hangs and
/// wall sits; plank variations done for reps (shoulder taps, plank jacks) are not timed.
pub(super) fn is_timed(exercise: &str) -> bool {
    let name = crate::text::fold(exercise);
    let timed = ["plank", "hold", "dead hang", "wall sit", "l-sit", "l sit"]
        .iter()
        .any(|w| name.contains(w));
    let for_reps = ["tap", "jack", "walk", "up"].iter().any(|w| {
        name.split(|c: char| !c.is_alphanumeric())
            .any(|t| t.starts_with(w))
    });
    timed && !for_reps
}

/// Drops empty fields past the header's end: a row written with a trailing comma under a header
/// written without one (or a shorter header) loses nothing.
pub(super) fn drop_trailing_empty(fields: &mut Vec<String>, header: &Header) -> bool {
    if fields[header.len()..].iter().all(|f| f.trim().is_empty()) {
        fields.truncate(header.len());
        true
    } else {
        false
    }
}

/// A set cell: reps for most exercises, seconds for timed ones.
pub(super) fn set_from_cell(value: f64, timed: bool) -> Measures {
    if timed {
        Measures {
            duration_s: Some(value),
            ..Measures::default()
        }
    } else {
        Measures {
            reps: Some(value),
            ..Measures::default()
        }
    }
}
