//! JEFIT's packed sets (`"50.0x15,50.0x15"`, five numbers per set for timed exercises) and
//! what kind each exercise is (weight and reps, reps only, timed).

use rustc_hash::FxHashMap;

use super::super::fields::{MAX_REPS, parse_number};
use super::ExerciseKey;

/// A packed `logs` string, unpacked.
pub(super) enum Packed {
    /// `weight x reps` per set, weight in the lifter's unit.
    Lifts(Vec<(f64, f64)>),
    /// Seconds per set (the fifth of five numbers).
    Timed(Vec<f64>),
}

/// Which exercises are timed and which are reps only (their weight is a placeholder).
///
/// Custom exercises say it in CUSTOM EXERCISES `recordtype` (0 weight and reps, 1 reps only,
/// 2 cardio, 3 time). System exercises do not, but each log's `record` does: for an exercise
/// with a load JEFIT stores the best estimated one-rep max (Epley, `w × (1 + r/30)`, or the
/// weight of a single), for a reps-only exercise the best number of reps, whatever weight was
/// typed. An exercise whose logs mostly carry the best reps is reps only. CARDIO LOGS is no
/// guide to which exercises are timed: a real backup lists a bench press there, with no time.
pub(super) struct ExerciseKinds {
    pub(super) custom: FxHashMap<String, (u8, String)>,
    /// (logs whose record is the best reps, logs whose record is the one-rep max).
    pub(super) evidence: FxHashMap<ExerciseKey, (u32, u32)>,
}

impl ExerciseKinds {
    pub(super) fn custom_type(&self, key: &ExerciseKey) -> Option<u8> {
        (key.0 == "0")
            .then(|| self.custom.get(&key.1).map(|c| c.0))
            .flatten()
    }

    pub(super) fn timed(&self, key: &ExerciseKey) -> bool {
        matches!(self.custom_type(key), Some(2 | 3))
    }

    /// True when the exercise's logged weights are placeholders, not load.
    pub(super) fn reps_only(&self, key: &ExerciseKey) -> bool {
        match self.custom_type(key) {
            Some(t) => t != 0,
            None => self
                .evidence
                .get(key)
                .is_some_and(|&(reps, one_rm)| reps > one_rm),
        }
    }
}

/// What a log's `record` says about its exercise: `Some(true)` reps only, `Some(false)` a load.
pub(super) fn record_evidence(lifts: &[(f64, f64)], record: Option<f64>) -> Option<bool> {
    let record = record.filter(|r| *r > 0.0)?;
    let done: Vec<(f64, f64)> = lifts.iter().copied().filter(|l| l.1 > 0.0).collect();
    if done.iter().all(|l| l.0 == 0.0) {
        return None;
    }
    // JEFIT writes the record with two decimals, sometimes cut rather than rounded.
    let one_rm = done.iter().any(|&(w, r)| {
        let estimate = if r > 1.0 { w * (1.0 + r / 30.0) } else { w };
        (record - estimate).abs() <= 0.011
    });
    if one_rm {
        return Some(false);
    }
    let best_reps = done.iter().map(|l| l.1).fold(0.0, f64::max);
    ((record - best_reps).abs() < 1e-6).then_some(true)
}

/// Unpacks a `logs` string; `None` when it is malformed. Empty pieces (a trailing comma) are
/// skipped.
pub(super) fn unpack(raw: &str, timed_exercise: bool) -> Option<Packed> {
    let mut pairs = Vec::new();
    for piece in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (w, r) = piece.split_once(['x', 'X'])?;
        let (w, r) = (parse_number(w, false)?, parse_number(r, false)?);
        if w < 0.0 || r < 0.0 {
            return None;
        }
        pairs.push((w, r));
    }
    if timed_exercise || looks_timed(&pairs) {
        if !pairs.len().is_multiple_of(5) {
            return None;
        }
        return Some(Packed::Timed(pairs.chunks(5).map(|g| g[4].1).collect()));
    }
    if pairs.iter().any(|p| p.1.fract() != 0.0 || p.1 > MAX_REPS) {
        return None;
    }
    Some(Packed::Lifts(pairs))
}

/// Five numbers per set with no weight, whose first three are zero (or not whole, which reps
/// never are): a timed pack even where the exercise is not known to be timed (a hang, a
/// plank). Five bodyweight sets are told apart by their reps in the first three places.
pub(super) fn looks_timed(pairs: &[(f64, f64)]) -> bool {
    !pairs.is_empty()
        && pairs.len().is_multiple_of(5)
        && pairs.iter().all(|p| p.0 == 0.0)
        && (pairs.chunks(5).all(|g| g[..3].iter().all(|p| p.1 == 0.0))
            || pairs.iter().any(|p| p.1.fract() != 0.0))
}
