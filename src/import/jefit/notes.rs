//! NOTES: free text goes on a set of its exercise and day (so pain-from-notes reads it); an
//! injury note filed against a body part becomes an inferred pain entry of that region.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::model::{PainEntry, Region};

use super::super::RowOutcome;
use super::super::dates::parse_stamp;
use super::{Backup, Logged, exercise_key};

/// The region of a JEFIT body-part code, as its custom exercises use the codes (the real
/// backups file a triceps extension under 7, a piriformis stretch under 5, squats under 8):
/// 0 abs, 1 back, 2 biceps, 3 chest, 4 forearms, 5 glutes, 6 shoulders, 7 triceps, 8 upper
/// legs, 9 lower legs. `-1` is unset and 10 (cardio) names no body part. "Back" is read as the
/// lower back, as the note reader reads the bare word.
pub(super) fn body_part_region(code: &str) -> Option<Region> {
    Some(match code.trim() {
        "0" => Region::Abdomen,
        "1" => Region::LowerBack,
        "2" | "7" => Region::UpperArm,
        "3" => Region::Chest,
        "4" => Region::Forearm,
        "5" => Region::Glute,
        "6" => Region::Shoulder,
        "8" => Region::Thigh,
        "9" => Region::Calf,
        _ => return None,
    })
}

impl Backup<'_> {
    /// Puts each NOTES text on the first set of its exercise that day, or on the day's first
    /// set when the exercise was not logged that day; notes of days without sets are counted.
    pub(super) fn attach_notes(&mut self, logged: &[Logged]) {
        let Some(t) = self.notes else {
            return;
        };
        let (note, date) = (t.col("mynote").unwrap_or(0), t.col("mydate").unwrap_or(0));
        let (eid, sys) = (t.col("eid"), t.col("belongSys"));
        let (body_part, recovered) = (t.col("bodypart"), t.col("is_recovered"));
        let mut by_day: FxHashMap<NaiveDate, Vec<&Logged>> = FxHashMap::default();
        for l in logged {
            by_day.entry(l.day).or_default().push(l);
        }
        let mut unplaced: Vec<u64> = Vec::new();
        for r in &t.records {
            let Some(row) = self.accept(t, r) else {
                continue;
            };
            let text = row.text(note);
            if text.is_empty() {
                continue;
            }
            let Some(day) = parse_stamp(row.text(date), None).map(|s| s.wall.date()) else {
                self.rows.push(Err(row.error(
                    date,
                    row.text(date),
                    "a date such as 2026-02-04",
                )));
                continue;
            };
            // Plausible like every set's date: an injury note dated 9999 became a pain entry
            // that stretched the daily calendar to millions of days.
            if let Err(e) = row.plausible(date, day, &self.ctx.opts.dates.plausible) {
                self.rows.push(Err(e));
                continue;
            }
            // A note filed against a body part is an injury note: it becomes a pain entry of
            // that region (0 when marked recovered), and its text stays with the entry rather
            // than also going on a set, where the note reader would count it a second time.
            if let Some(region) = body_part.and_then(|c| body_part_region(row.text(c))) {
                let healed = recovered.is_some_and(|c| row.text(c) == "1");
                self.pain.push(PainEntry {
                    at: day.and_time(chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()),
                    time_given: false,
                    region,
                    side: None,
                    intensity: if healed {
                        0
                    } else {
                        crate::model::INFERRED_INTENSITY
                    },
                    quality: None,
                    symptoms: Vec::new(),
                    notes: text.to_string(),
                    inferred: true,
                    source: self.ctx.source(row.line()),
                });
                continue;
            }
            let key = exercise_key(&row, sys, eid);
            let day_logs = by_day.get(&day).map(Vec::as_slice).unwrap_or_default();
            let target = day_logs
                .iter()
                .find(|l| !key.1.is_empty() && l.key == key)
                .or_else(|| day_logs.iter().min_by_key(|l| l.start));
            let Some(target) = target else {
                unplaced.push(row.line());
                continue;
            };
            if let Some(Ok(RowOutcome::Sets(sets))) = self.rows.get_mut(target.row)
                && let Some(first) = sets.first_mut()
            {
                if !first.notes.is_empty() {
                    first.notes.push_str("; ");
                }
                first.notes.push_str(text);
            }
        }
        if let Some(first) = unplaced.first() {
            self.notices.push(format!(
                "{} JEFIT notes are on days with no logged set, so no workout carries them (first: line {first})",
                unplaced.len()
            ));
        }
    }
}
