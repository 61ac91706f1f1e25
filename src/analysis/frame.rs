//! The normalized sets as a polars frame, one row per set, and reading result columns back
//! into plain vectors.

use polars::prelude::*;

use crate::model::{SetKind, WorkoutSet};

/// Columns: `file`, `workout_id`, `session` (a number per file and workout id: the same
/// timestamp in two files is two sessions), `day` (date), `exercise`, `canonical`, `kind`,
/// `warmup`, `weight_kg`, `reps`, `volume_kg`, `rpe`, `distance_m`, `duration_s`.
pub fn sets_frame<'a>(
    sets: impl ExactSizeIterator<Item = &'a WorkoutSet> + Clone,
) -> PolarsResult<DataFrame> {
    // One line a column: its name and what it holds of a set.
    df!(
        "file" => values(sets.clone(), |s| &*s.source.file),
        "workout_id" => values(sets.clone(), |s| s.workout_id.as_str()),
        "session" => session_ids(sets.clone()),
        "day" => values(sets.clone(), |s| s.day()),
        "exercise" => values(sets.clone(), |s| s.exercise.as_str()),
        "canonical" => values(sets.clone(), |s| s.canonical.as_deref()),
        "kind" => values(sets.clone(), |s| s.kind.as_str()),
        "warmup" => values(sets.clone(), |s| s.kind == SetKind::Warmup),
        "weight_kg" => values(sets.clone(), |s| s.weight_kg),
        "reps" => values(sets.clone(), |s| s.measures.reps),
        "volume_kg" => values(sets.clone(), |s| s.volume_kg()),
        "rpe" => values(sets.clone(), |s| s.measures.rpe),
        "distance_m" => values(sets.clone(), |s| s.measures.distance_m),
        "duration_s" => values(sets.clone(), |s| s.measures.duration_s),
    )
}

fn values<'a, T>(
    sets: impl Iterator<Item = &'a WorkoutSet>,
    value: impl FnMut(&'a WorkoutSet) -> T,
) -> Vec<T> {
    sets.map(value).collect()
}

/// Numbers each set's session (one workout of one file) 0, 1, 2, … in order of first
/// appearance: the same timestamp in two files is two sessions.
pub fn session_ids<'a>(sets: impl Iterator<Item = &'a WorkoutSet>) -> Vec<u32> {
    let mut ids: rustc_hash::FxHashMap<(&'a str, &'a str), u32> = Default::default();
    sets.map(|s| {
        let next = ids.len() as u32;
        *ids.entry((&*s.source.file, s.workout_id.as_str()))
            .or_insert(next)
    })
    .collect()
}

/// Float columns of `frame` by name, one value a row (null stays None).
pub fn floats<const N: usize>(
    frame: &DataFrame,
    names: [&str; N],
) -> PolarsResult<[Vec<Option<f64>>; N]> {
    columns(frame, names, |c| Ok(c.f64()?.iter().collect()))
}

/// Count columns of `frame` by name, as u32, one value a row (null is 0).
pub fn counts<const N: usize>(frame: &DataFrame, names: [&str; N]) -> PolarsResult<[Vec<u32>; N]> {
    columns(frame, names, |c| {
        Ok(c.cast(&DataType::UInt32)?
            .u32()?
            .iter()
            .map(Option::unwrap_or_default)
            .collect())
    })
}

fn columns<T, const N: usize>(
    frame: &DataFrame,
    names: [&str; N],
    read: impl Fn(&Column) -> PolarsResult<Vec<T>>,
) -> PolarsResult<[Vec<T>; N]> {
    let mut out = Vec::with_capacity(N);
    for name in names {
        out.push(read(frame.column(name)?)?);
    }
    match out.try_into() {
        Ok(columns) => Ok(columns),
        Err(_) => unreachable!("one column a name"),
    }
}
