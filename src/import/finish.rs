//! The steps every format shares once its rows are read: canonical names, whole workouts
//! stored twice, set numbers, implausible workout durations, time order, and the check that a
//! file was readable enough to report on.

use std::collections::BTreeMap;

use crate::catalog::Catalog;
use crate::error::{FileError, RowError};
use crate::model::WorkoutSet;

use super::{ImportedFile, fields, merge};

/// The steps every format shares once its rows are read: canonical names, whole workouts
/// stored twice, set numbers, implausible workout durations, chronological order.
pub(super) fn finish_sets(out: &mut ImportedFile, catalog: &Catalog, keep_duplicates: bool) {
    // A file names few distinct exercises; resolve each name once.
    let mut resolved: rustc_hash::FxHashMap<String, Option<String>> = Default::default();
    for set in &mut out.sets {
        set.canonical = match resolved.get(&set.exercise) {
            Some(id) => id.clone(),
            None => {
                let id = catalog.resolve(&set.exercise).map(|e| e.id.clone());
                resolved.insert(set.exercise.clone(), id.clone());
                id
            }
        };
    }
    if !keep_duplicates {
        let (workouts, sets, lines) = merge::drop_doubled_workouts(&mut out.sets);
        if let (true, Some((first, last))) = (workouts > 0, lines) {
            out.notices.push(format!(
                "{workouts} workouts are stored twice in this file (the first copy left out is \
                 lines {first}–{last}); {sets} copied sets were left out (--keep-duplicates keeps them)"
            ));
        }
    }
    // Set numbers are positions within an exercise's contiguous run in a workout: Strong
    // replaces the number of tagged sets with W/D/F, and FitNotes and Fitbod have none.
    let mut number = 0;
    let mut clamped = 0;
    for i in 0..out.sets.len() {
        let same_run = i > 0 && {
            let (a, b) = (&out.sets[i - 1], &out.sets[i]);
            a.workout_id == b.workout_id && a.exercise == b.exercise
        };
        number = if same_run { number + 1 } else { 1 };
        let set = &mut out.sets[i];
        set.set_number = number;
        if set
            .workout_duration_s
            .is_some_and(|d| d > fields::MAX_WORKOUT_S)
        {
            set.workout_duration_s = None;
            clamped += 1;
        }
    }
    if clamped > 0 {
        out.notices.push(format!(
            "{clamped} sets belong to workouts logged as lasting over 24 h (a timer left running); those durations were ignored"
        ));
    }
    in_time_order(&mut out.sets);
}

/// Puts sets in chronological order of their workouts, keeping file order within a workout
/// (a stable order). Hevy, Fitbod, GymBook and older Strong files are newest-first: their
/// workouts are reversed as blocks, moving each set once, instead of sorted.
fn in_time_order(sets: &mut Vec<WorkoutSet>) {
    if sets.is_sorted_by_key(|s| s.start) {
        return;
    }
    // Runs of sets with one start, and whether the runs come newest first.
    let mut runs: Vec<usize> = vec![0];
    for i in 1..sets.len() {
        if sets[i].start != sets[i - 1].start {
            runs.push(i);
        }
    }
    let newest_first = runs.windows(2).all(|w| sets[w[1]].start < sets[w[0]].start);
    if !newest_first {
        sets.sort_by_key(|s| s.start);
        return;
    }
    runs.push(sets.len());
    let mut old: Vec<Option<WorkoutSet>> = std::mem::take(sets).into_iter().map(Some).collect();
    for w in runs.windows(2).rev() {
        sets.extend(old[w[0]..w[1]].iter_mut().filter_map(Option::take));
    }
}

/// A file the run cannot trust: no set at all, or more bad rows than good ones. Reporting on
/// the few rows that did read would be a false all-clear ("Nothing to flag").
pub(super) fn check_readable(out: &ImportedFile) -> Result<(), FileError> {
    if !out.sets.is_empty() && out.rejected.len() <= out.imported_rows {
        return Ok(());
    }
    if out.rejected.is_empty() {
        return Err(FileError::NoSets {
            path: out.path.clone(),
            format: out.format,
        });
    }
    // The most common complaint is the likely cause.
    let mut causes: BTreeMap<(&str, &str), (usize, &RowError)> = BTreeMap::new();
    for e in &out.rejected {
        causes
            .entry((e.column_name.as_str(), e.expected.as_str()))
            .or_insert((0, e))
            .0 += 1;
    }
    let (_, example) = causes
        .values()
        .max_by_key(|(n, _)| *n)
        .copied()
        .unwrap_or((0, &out.rejected[0]));
    let cause = if example.column_name.is_empty() {
        format!(
            "rows like line {} are broken: {}",
            example.at.line, example.expected
        )
    } else {
        format!(
            "values like {:?} in column {:?} are not understood (expected {})",
            example.value, example.column_name, example.expected
        )
    };
    Err(FileError::MostlyRejected {
        path: out.path.clone(),
        format: out.format,
        rejected: out.rejected.len(),
        imported: out.imported_rows,
        first: out
            .rejected
            .iter()
            .take(3)
            .map(|e| format!("\n  {e}"))
            .collect(),
        cause,
    })
}

/// The distinct exported names the catalog does not know, with how many sets use each.
pub fn unknown_exercises(sets: &[WorkoutSet]) -> BTreeMap<String, usize> {
    let mut unknown = BTreeMap::new();
    for set in sets.iter().filter(|s| s.canonical.is_none()) {
        *unknown.entry(set.exercise.clone()).or_default() += 1;
    }
    unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn set(day: u32, line: u64) -> WorkoutSet {
        let mut s = crate::analysis::testing::set(
            NaiveDate::from_ymd_opt(2025, 1, day)
                .unwrap()
                .and_hms_opt(18, 0, 0)
                .unwrap(),
            "back-squat",
            100.0,
            5.0,
        );
        s.source.line = line;
        s
    }

    fn lines(sets: &[WorkoutSet]) -> Vec<u64> {
        sets.iter().map(|s| s.source.line).collect()
    }

    #[test]
    fn newest_first_workouts_are_reversed_as_blocks_keeping_file_order_inside() {
        let mut sets = vec![set(9, 2), set(9, 3), set(5, 4), set(1, 5), set(1, 6)];
        in_time_order(&mut sets);
        assert_eq!(lines(&sets), [5, 6, 4, 2, 3]);
        // Mixed order falls back to a stable sort.
        let mut sets = vec![set(5, 2), set(9, 3), set(1, 4), set(5, 5)];
        in_time_order(&mut sets);
        assert_eq!(lines(&sets), [4, 2, 5, 3]);
        // Already in order: untouched.
        let mut sets = vec![set(1, 2), set(1, 3), set(2, 4)];
        in_time_order(&mut sets);
        assert_eq!(lines(&sets), [2, 3, 4]);
    }
}
