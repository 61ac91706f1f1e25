//! The normalized sets as a polars frame, one row per set.

use polars::prelude::*;

use crate::model::{SetKind, WorkoutSet};

/// Columns: `file`, `workout_id`, `session` (a number per file and workout id: the same
/// timestamp in two files is two sessions), `day` (date), `exercise`, `canonical`, `kind`,
/// `warmup`, `weight_kg`, `reps`, `volume_kg`, `rpe`, `distance_m`, `duration_s`.
pub fn sets_frame<'a>(
    sets: impl ExactSizeIterator<Item = &'a WorkoutSet> + Clone,
) -> PolarsResult<DataFrame> {
    let n = sets.len();
    let session = session_ids(sets.clone());
    let mut file = Vec::with_capacity(n);
    let mut workout = Vec::with_capacity(n);
    let mut day = Vec::with_capacity(n);
    let mut exercise = Vec::with_capacity(n);
    let mut canonical = Vec::with_capacity(n);
    let mut kind = Vec::with_capacity(n);
    let mut warmup = Vec::with_capacity(n);
    let mut weight = Vec::with_capacity(n);
    let mut reps = Vec::with_capacity(n);
    let mut volume = Vec::with_capacity(n);
    let mut rpe = Vec::with_capacity(n);
    let mut distance = Vec::with_capacity(n);
    let mut duration = Vec::with_capacity(n);
    for s in sets {
        file.push(&*s.source.file);
        workout.push(s.workout_id.as_str());
        day.push(s.day());
        exercise.push(s.exercise.as_str());
        canonical.push(s.canonical.as_deref());
        kind.push(s.kind.as_str());
        warmup.push(s.kind == SetKind::Warmup);
        weight.push(s.weight_kg);
        reps.push(s.reps);
        volume.push(s.volume_kg());
        rpe.push(s.rpe);
        distance.push(s.distance_m);
        duration.push(s.duration_s);
    }
    df!(
        "file" => file,
        "workout_id" => workout,
        "session" => session,
        "day" => day,
        "exercise" => exercise,
        "canonical" => canonical,
        "kind" => kind,
        "warmup" => warmup,
        "weight_kg" => weight,
        "reps" => reps,
        "volume_kg" => volume,
        "rpe" => rpe,
        "distance_m" => distance,
        "duration_s" => duration,
    )
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
