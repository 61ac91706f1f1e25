//! Sets an export holds more than once are counted once:
//!
//! - **Whole workouts stored twice** inside one file (old Strong exports, 2015–2016): under one
//!   start time the workout's rows split into two consecutive, equal halves. The first copy is
//!   kept.
//! - **Overlapping exports**: people export every week and pass every file, so the same
//!   workout (same app, same start) appears in several files. The latest export wins.
//!
//! `--keep-duplicates` keeps both. Identical set rows that are *not* a whole doubled workout are
//! real (formats without a set number repeat identical sets) and are always kept.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::model::WorkoutSet;

use super::ImportedFile;

/// Removes the second copy of every workout a file stored twice; returns (workouts, sets, the
/// first and last line of the first copy removed).
///
/// Only rows that carry the app's own set number are compared: without one, two equal halves
/// can be an ordinary workout (one exercise, identical sets).
pub(crate) fn drop_doubled_workouts(
    sets: &mut Vec<WorkoutSet>,
) -> (usize, usize, Option<(u64, u64)>) {
    if !sets.iter().any(|s| s.set_index.is_some()) {
        return (0, 0, None);
    }
    // Rows of a workout in file order, workouts in order of first appearance.
    let mut order: Vec<&str> = Vec::new();
    let mut rows: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, s) in sets.iter().enumerate() {
        rows.entry(s.workout_id.as_str())
            .or_insert_with(|| {
                order.push(s.workout_id.as_str());
                Vec::new()
            })
            .push(i);
    }
    let mut drop = vec![false; sets.len()];
    let (mut workouts, mut dropped, mut first_line) = (0, 0, None);
    for id in order {
        let idx = &rows[id];
        let n = idx.len();
        if n < 2 || !n.is_multiple_of(2) || !idx.iter().any(|&i| sets[i].set_index.is_some()) {
            continue;
        }
        let (a, b) = idx.split_at(n / 2);
        if a.iter().zip(b).all(|(&x, &y)| same_set(&sets[x], &sets[y])) {
            workouts += 1;
            dropped += b.len();
            let lines = b.iter().map(|&i| sets[i].source.line);
            first_line = first_line.or(Some((
                lines.clone().min().unwrap_or(0),
                lines.max().unwrap_or(0),
            )));
            for &i in b {
                drop[i] = true;
            }
        }
    }
    if dropped > 0 {
        let mut i = 0;
        sets.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
    }
    (workouts, dropped, first_line)
}

/// The same set in both copies: the same number, kind and numbers, and the same exercise, or
/// a renamed one the catalog maps to the same exercise ("Squat" / "Squat (Barbell)").
fn same_set(a: &WorkoutSet, b: &WorkoutSet) -> bool {
    a.set_index == b.set_index
        && a.kind == b.kind
        && a.weight_kg == b.weight_kg
        && a.measures.reps == b.measures.reps
        && a.measures.distance_m == b.measures.distance_m
        && a.measures.duration_s == b.measures.duration_s
        && (a.exercise == b.exercise || (a.canonical.is_some() && a.canonical == b.canonical))
}

/// What [`merge_overlaps`] counted once.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Overlap {
    /// Workouts found in more than one file, counted from one.
    pub workouts: usize,
    /// The sets of the copies that were left out.
    pub sets: usize,
}

/// Counts each workout once when several files hold it (same app, same workout id, which is
/// the start time, or the day for apps that log days). The latest export wins: the file whose
/// last workout is latest, and of two equally recent files the one named later. A file named
/// twice is read once.
pub fn merge_overlaps(files: &mut [ImportedFile]) -> Overlap {
    if files.len() < 2 {
        return Overlap::default();
    }
    // Rank files by recency: last workout, then position.
    let recency: Vec<(Option<chrono::NaiveDateTime>, usize)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.sets.iter().map(|s| s.start).max(), i))
        .collect();
    // For every (app, workout), the most recent file that has it.
    // The start is part of the key: a generic CSV's own workout ids ("1", "2") repeat across
    // unrelated files.
    let mut owner: HashMap<(&'static str, &str, chrono::NaiveDateTime), usize> = HashMap::new();
    for (i, f) in files.iter().enumerate() {
        for s in &f.sets {
            owner
                .entry((f.app, s.workout_id.as_str(), s.start))
                .and_modify(|o| {
                    if recency[i] > recency[*o] {
                        *o = i;
                    }
                })
                .or_insert(i);
        }
    }
    let mut losers: Vec<Vec<bool>> = Vec::with_capacity(files.len());
    let mut notes: Vec<Option<String>> = vec![None; files.len()];
    let mut total = Overlap::default();
    for (i, f) in files.iter().enumerate() {
        let mut lose = Vec::with_capacity(f.sets.len());
        let mut workouts: HashMap<(&str, chrono::NaiveDateTime), usize> = HashMap::new();
        let mut winners: Vec<usize> = Vec::new();
        for s in &f.sets {
            let o = owner[&(f.app, s.workout_id.as_str(), s.start)];
            lose.push(o != i);
            if o != i {
                workouts
                    .entry((s.workout_id.as_str(), s.start))
                    .or_insert(o);
                if !winners.contains(&o) {
                    winners.push(o);
                }
            }
        }
        let sets = lose.iter().filter(|&&l| l).count();
        if sets > 0 {
            total.workouts += workouts.len();
            total.sets += sets;
            let names: Vec<&str> = winners.iter().map(|&w| files[w].path.as_str()).collect();
            notes[i] = Some(if names == [f.path.as_str()] {
                "this file is named twice: it is read once".to_string()
            } else {
                format!(
                    "{} workouts ({sets} sets) are also in {}, a later export: counted once, from there (--keep-duplicates counts both)",
                    workouts.len(),
                    names.join(", ")
                )
            });
        }
        losers.push(lose);
    }
    for ((f, lose), note) in files.iter_mut().zip(losers).zip(notes) {
        if let Some(note) = note {
            let mut i = 0;
            f.sets.retain(|_| {
                i += 1;
                !lose[i - 1]
            });
            f.notices.push(note);
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn set(id: &str, exercise: &str, index: Option<u32>, weight: f64, line: u64) -> WorkoutSet {
        let start = NaiveDate::from_ymd_opt(2016, 3, 1)
            .unwrap()
            .and_hms_opt(18, 0, 0)
            .unwrap();
        let mut s = crate::analysis::testing::set(start, "back-squat", weight, 5.0);
        s.workout_id = id.into();
        s.exercise = exercise.into();
        // Only the squats resolve (to one exercise, whichever name the copy uses).
        if !exercise.to_lowercase().starts_with("squat") {
            s.canonical = None;
        }
        s.set_index = index;
        s.source.line = line;
        s
    }

    #[test]
    fn a_workout_stored_twice_keeps_its_first_copy_even_when_renamed() {
        let mut sets = vec![
            set("w1", "Squat", Some(1), 100.0, 2),
            set("w1", "Squat", Some(2), 100.0, 3),
            set("w1", "Bench", Some(1), 60.0, 4),
            set("w1", "Squat (Barbell)", Some(1), 100.0, 5),
            set("w1", "Squat (Barbell)", Some(2), 100.0, 6),
            set("w1", "Bench", Some(1), 60.0, 7),
            set("w2", "Bench", Some(1), 60.0, 8),
        ];
        assert_eq!(drop_doubled_workouts(&mut sets), (1, 3, Some((5, 7))));
        let lines: Vec<u64> = sets.iter().map(|s| s.source.line).collect();
        assert_eq!(lines, [2, 3, 4, 8]);
    }

    #[test]
    fn equal_sets_that_are_not_a_doubled_workout_stay() {
        // Set numbers 1 and 2: two real sets of one exercise, not two copies.
        let mut sets = vec![
            set("w1", "Plank", Some(1), 0.0, 2),
            set("w1", "Plank", Some(2), 0.0, 3),
        ];
        assert_eq!(drop_doubled_workouts(&mut sets), (0, 0, None));
        // No set numbers at all (FitNotes, Fit Notes iOS): never compared.
        let mut sets = vec![
            set("w1", "Curl", None, 10.0, 2),
            set("w1", "Curl", None, 10.0, 3),
        ];
        assert_eq!(drop_doubled_workouts(&mut sets), (0, 0, None));
        // Halves that differ in one weight.
        let mut sets = vec![
            set("w1", "Bench", Some(1), 60.0, 2),
            set("w1", "Bench", Some(1), 62.5, 3),
        ];
        assert_eq!(drop_doubled_workouts(&mut sets).1, 0);
    }
}
