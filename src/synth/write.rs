//! Writers for the exact dialects the importers read: Strong v6, Hevy (kg) and the project's
//! own pain diary.

use std::io::Write;

use super::lifter::names;
use super::{SynthSet, SynthWorkout};
use crate::model::{PainEntry, SetKind};

/// The header of Strong's v6 export (semicolon-separated, every field quoted).
pub const STRONG_V6_HEADER: [&str; 13] = [
    "Workout #",
    "Date",
    "Workout Name",
    "Duration (sec)",
    "Exercise Name",
    "Set Order",
    "Weight (kg)",
    "Reps",
    "RPE",
    "Distance (meters)",
    "Seconds",
    "Notes",
    "Workout Notes",
];

const HEVY_HEADER: [&str; 14] = [
    "title",
    "start_time",
    "end_time",
    "description",
    "exercise_title",
    "superset_id",
    "exercise_notes",
    "set_index",
    "set_type",
    "weight_kg",
    "reps",
    "distance_km",
    "duration_seconds",
    "rpe",
];

/// The name Hevy's exercise library uses for a (Strong-named) exercise.
pub fn hevy_exercise_name(strong: &str) -> &str {
    match strong {
        names::SEATED_ROW => "Seated Cable Row - V Grip (Cable)",
        names::PUSHDOWN => "Triceps Pushdown",
        names::LEG_PRESS => "Leg Press (Machine)",
        names::FACE_PULL => "Face Pull",
        other => other,
    }
}

/// Strong writes floats with at least one decimal: `100.0`, `102.5`, `60.0`.
fn strong_float(x: f64) -> String {
    if (x * 10.0).fract() == 0.0 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

/// Shortest form: `100`, `102.5`, `5.02`.
fn plain_float(x: f64) -> String {
    format!("{x}")
}

fn opt<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map(f).unwrap_or_default()
}

/// Writes `workouts` as a Strong v6 export: `;`-separated, every field quoted, oldest workout
/// first, `Workout #` from 1, `Set Order` `W`/`D`/`F` or the working-set number, `Rest Timer`
/// pseudo-rows after the sets of exercises that used the rest timer and `Note` pseudo-rows for
/// pinned notes. The exercise note is on the exercise's first set row, the workout note on the
/// workout's first row.
pub fn write_strong_v6(workouts: &[SynthWorkout], w: impl Write) -> csv::Result<()> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(w);
    out.write_record(STRONG_V6_HEADER)?;
    let mut ordered: Vec<&SynthWorkout> = workouts.iter().collect();
    ordered.sort_by_key(|w| w.start);
    for (n, wo) in ordered.iter().enumerate() {
        let head = [
            (n + 1).to_string(),
            wo.start.format("%Y-%m-%d %H:%M:%S").to_string(),
            wo.name.clone(),
            wo.duration_s.to_string(),
        ];
        let mut workout_note = wo.notes.as_str();
        let total_sets = wo.set_count();
        let mut sets_written = 0;
        for ex in &wo.exercises {
            // [Set Order, Weight, Reps, RPE, Distance, Seconds, Notes]
            let mut rows: Vec<[String; 7]> = Vec::new();
            if let Some(pinned) = &ex.pseudo_rows.pinned_note {
                rows.push(pseudo_row("Note", "", pinned));
            }
            let mut working = 0;
            for (i, set) in ex.sets.iter().enumerate() {
                let order = match set.kind {
                    SetKind::Warmup => "W".to_string(),
                    SetKind::Drop => "D".to_string(),
                    SetKind::Failure => "F".to_string(),
                    SetKind::Working => {
                        working += 1;
                        working.to_string()
                    }
                };
                let note = if i == 0 { ex.notes.as_str() } else { "" };
                rows.push(strong_set_row(order, set, note));
                sets_written += 1;
                if let Some(rest) = ex.pseudo_rows.rest_timer_s
                    && sets_written < total_sets
                {
                    rows.push(pseudo_row("Rest Timer", &strong_float(f64::from(rest)), ""));
                }
            }
            for row in rows {
                let mut record: Vec<&str> = head.iter().map(String::as_str).collect();
                record.push(&ex.name);
                record.extend(row.iter().map(String::as_str));
                record.push(workout_note);
                out.write_record(&record)?;
                workout_note = "";
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn strong_set_row(order: String, set: &SynthSet, note: &str) -> [String; 7] {
    [
        order,
        opt(set.weight_kg, strong_float),
        opt(set.measures.reps, |r| r.to_string()),
        opt(set.measures.rpe, plain_float),
        opt(set.measures.distance_m, strong_float),
        opt(set.measures.duration_s, strong_float),
        note.to_string(),
    ]
}

fn pseudo_row(order: &str, seconds: &str, note: &str) -> [String; 7] {
    [
        order.to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        seconds.to_string(),
        note.to_string(),
    ]
}

/// A quoted Hevy text field (inner quotes doubled).
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn hevy_time(t: chrono::NaiveDateTime) -> String {
    t.format("%-d %b %Y, %H:%M").to_string()
}

/// Writes `workouts` as a Hevy export with kg and km: `,`-separated, text fields quoted and
/// numbers bare as Hevy does, newest workout first, times like `1 Dec 2025, 10:53`, `set_index`
/// from 0 within each exercise, workout description and exercise notes on every row. Pinned
/// notes and rest timers are Strong-only and not written.
pub fn write_hevy(workouts: &[SynthWorkout], mut w: impl Write) -> csv::Result<()> {
    let header: Vec<String> = HEVY_HEADER.iter().map(|h| q(h)).collect();
    writeln!(w, "{}", header.join(","))?;
    let mut ordered: Vec<&SynthWorkout> = workouts.iter().collect();
    ordered.sort_by_key(|w| std::cmp::Reverse(w.start));
    for wo in ordered {
        let title = q(&wo.name);
        let start = q(&hevy_time(wo.start));
        let end = q(&hevy_time(wo.end()));
        let description = q(&wo.notes);
        for ex in &wo.exercises {
            let exercise = q(hevy_exercise_name(&ex.name));
            let superset = opt(ex.superset_id, |s| s.to_string());
            let notes = q(&ex.notes);
            for (i, set) in ex.sets.iter().enumerate() {
                let set_type = match set.kind {
                    SetKind::Working => "normal",
                    SetKind::Warmup => "warmup",
                    SetKind::Failure => "failure",
                    SetKind::Drop => "dropset",
                };
                let fields: [&str; 14] = [
                    title.as_str(),
                    &start,
                    &end,
                    &description,
                    &exercise,
                    &superset,
                    &notes,
                    &i.to_string(),
                    &q(set_type),
                    &opt(set.weight_kg, plain_float),
                    &opt(set.measures.reps, |r| r.to_string()),
                    &opt(set.measures.distance_m, |m| plain_float(m / 1000.0)),
                    &opt(set.measures.duration_s, |s| s.to_string()),
                    &opt(set.measures.rpe, plain_float),
                ];
                writeln!(w, "{}", fields.join(","))?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// Writes the pain diary in the project's own format, oldest entry first:
/// `date,time,region,side,intensity,quality,symptoms,notes`.
pub fn write_diary(pain: &[PainEntry], w: impl Write) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(crate::diary::COLUMNS)?;
    let mut ordered: Vec<&PainEntry> = pain.iter().collect();
    ordered.sort_by_key(|p| p.at);
    for p in ordered {
        let symptoms: Vec<&str> = p.symptoms.iter().map(|s| s.as_str()).collect();
        out.write_record([
            p.at.format("%Y-%m-%d").to_string(),
            opt(p.time_given.then_some(p.at), |t| {
                t.format("%H:%M").to_string()
            }),
            p.region.as_str().to_string(),
            opt(p.side, |s| s.as_str().to_string()),
            p.intensity.to_string(),
            opt(p.quality, |q| q.as_str().to_string()),
            symptoms.join(";"),
            p.notes.clone(),
        ])?;
    }
    out.flush()?;
    Ok(())
}
