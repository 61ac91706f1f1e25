//! A log's sets: from its EXERCISE SET LOGS rows when it has them, otherwise unpacked from
//! its `logs` string, never both.

use crate::error::{FileError, RowError};
use crate::model::{DistanceUnit, SetKind, WeightUnit, WorkoutSet};

use super::super::fields::{MAX_WEIGHT_KG, Row};
use super::packs::{Packed, unpack};
use super::*;

impl Backup<'_> {
    /// The sets of an exercise log from its EXERCISE SET LOGS rows (weights always in lb).
    pub(super) fn sets_from_rows(
        &mut self,
        records: &[&Record],
        template: &WorkoutSet,
        reps_only: bool,
        unknown_types: &mut BTreeMap<String, usize>,
    ) -> Vec<WorkoutSet> {
        let Some(t) = self.set_logs else {
            return Vec::new();
        };
        let col = |n: &str| t.col(n);
        let (index, weight, reps) = (col("set_index"), col("weight_lbs"), col("reps"));
        let (duration, distance, set_type) = (col("duration"), col("distance_mi"), col("set_type"));
        let mut sets = Vec::with_capacity(records.len());
        for r in records {
            let row = t.row(self.file, r);
            if let Some(e) = t.overlong(&row) {
                self.rows.push(Err(e));
                continue;
            }
            let read = || -> Result<WorkoutSet, RowError> {
                let mut set = template.clone();
                set.source = self.ctx.source(row.line());
                set.set_index = row
                    .number(index, "a set number such as 0")?
                    .filter(|v| *v >= 0.0 && v.fract() == 0.0)
                    .map(|v| v as u32);
                set.weight_kg = row.weight_kg(weight, WeightUnit::Lb)?;
                set.measures.reps = row.reps(reps)?.filter(|r| *r > 0.0);
                set.measures.duration_s = row.seconds(duration)?.filter(|d| *d > 0.0);
                set.measures.distance_m = row
                    .distance_m(distance, DistanceUnit::Mi)?
                    .filter(|d| *d > 0.0);
                if reps_only || set.measures.reps.is_none() {
                    set.weight_kg = None;
                }
                Ok(set)
            };
            let mut set = match read() {
                Ok(s) => s,
                Err(e) => {
                    self.rows.push(Err(e));
                    continue;
                }
            };
            if set.measures.reps.is_none()
                && set.measures.duration_s.is_none()
                && set.measures.distance_m.is_none()
            {
                self.rows.push(Ok(RowOutcome::Pseudo(PLANNED)));
                continue;
            }
            let raw = row.opt_text(set_type);
            set.kind = match raw.to_ascii_lowercase().as_str() {
                "" | "default" | "normal" => SetKind::Working,
                "warm-up" | "warmup" | "warm up" => SetKind::Warmup,
                "drop" | "dropset" | "drop-set" | "drop set" => SetKind::Drop,
                "failure" => SetKind::Failure,
                _ => {
                    *unknown_types.entry(raw.to_string()).or_default() += 1;
                    SetKind::Working
                }
            };
            sets.push(set);
        }
        sets
    }

    /// The sets of an exercise log from its packed `logs` string. The outer error is a file
    /// error (no unit known), the inner one a malformed row.
    pub(super) fn unpacked_sets(
        &mut self,
        row: &Row,
        template: &WorkoutSet,
        key: &ExerciseKey,
        reps_only: bool,
    ) -> Result<Result<Vec<WorkoutSet>, RowError>, FileError> {
        let c = &self.columns;
        let raw = row.text(c.logs);
        let Some(packed) = unpack(raw, self.kinds.timed(key)) else {
            return Ok(Err(row.error(c.logs, raw, EXPECTED_PACK)));
        };
        let mut sets = Vec::new();
        let mut planned = 0;
        match packed {
            Packed::Timed(seconds) => {
                for (i, s) in seconds.into_iter().enumerate() {
                    if s == 0.0 {
                        planned += 1;
                        continue;
                    }
                    let mut set = template.clone();
                    set.set_index = Some(i as u32);
                    set.measures.duration_s = Some(s);
                    sets.push(set);
                }
            }
            Packed::Lifts(lifts) => {
                let unit = self.unit(row)?;
                for (i, (w, r)) in lifts.into_iter().enumerate() {
                    if r == 0.0 {
                        planned += 1;
                        continue;
                    }
                    let kg = unit.to_kg(w);
                    if kg > MAX_WEIGHT_KG + 1e-9 {
                        return Ok(Err(row.error(
                            c.logs,
                            raw,
                            "weights from 0 to 1000 kg (2204 lb) in the packed sets",
                        )));
                    }
                    let mut set = template.clone();
                    set.set_index = Some(i as u32);
                    set.weight_kg = (!reps_only).then_some(kg);
                    set.measures.reps = Some(r);
                    sets.push(set);
                }
            }
        }
        for _ in 0..planned {
            self.rows.push(Ok(RowOutcome::Pseudo(PLANNED)));
        }
        Ok(Ok(sets))
    }

    /// The unit of packed weights: SETTING `mass`, else `--unit`, else the file cannot be read.
    pub(super) fn unit(&self, row: &Row) -> Result<WeightUnit, FileError> {
        self.stated_unit
            .or(self.ctx.opts.unit)
            .ok_or_else(|| FileError::NoUnit {
                path: self.file.to_string(),
                column: self.columns.logs as u64 + 1,
                name: row.header.name(self.columns.logs).to_string(),
                format: "JEFIT (SETTING names no mass unit)",
            })
    }
}
