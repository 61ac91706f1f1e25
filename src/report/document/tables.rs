//! The report's tables: finished cell text in named, aligned columns.

use crate::analysis::Analysis;
use crate::analysis::episodes::EpisodeClass;
use crate::analysis::habits::Habits;
use crate::report::words;

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    /// Left-aligned text that may wrap onto several lines (names and descriptions).
    Wrap,
}

/// A table: named columns and rows of finished cell text.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<(&'static str, Align)>,
    pub rows: Vec<Vec<String>>,
}

/// An episode class in words, not its id: "training through pain".
fn class_words(c: EpisodeClass) -> &'static str {
    match c {
        EpisodeClass::SorenessLike => "soreness-like",
        EpisodeClass::AcuteOnset => "acute onset",
        EpisodeClass::NotImproving => "not improving",
        EpisodeClass::Persistent => "persistent",
        EpisodeClass::PersistentLong => "long-lasting",
        EpisodeClass::Worsening => "worsening",
        EpisodeClass::TrainingThroughPain => "trained through pain",
        EpisodeClass::Recurrence => "recurrence",
    }
}

/// Pain episodes, newest first: region, onset day, last day with pain, days, peak, the day a
/// pain-free entry resolved it, and its classes.
pub fn episodes(a: &Analysis) -> Table {
    use Align::{Left, Right};
    let columns = vec![
        ("region", Left),
        ("onset", Left),
        ("last pain", Left),
        ("days", Right),
        ("peak", Right),
        ("resolved", Left),
        ("classes", Left),
    ];
    let mut eps: Vec<_> = a.pain.episodes.iter().collect();
    eps.sort_by_key(|e| std::cmp::Reverse(e.onset));
    let rows = eps
        .iter()
        .map(|e| {
            let names: Vec<&str> = e.classes.iter().map(|c| class_words(*c)).collect();
            let mut classes = names.join(", ");
            if e.inferred {
                classes.push_str(" (inferred from notes)");
            }
            vec![
                e.region.words(),
                e.onset.date().to_string(),
                e.end.to_string(),
                e.days.to_string(),
                e.peak.to_string(),
                e.resolved_on.map_or("no".to_string(), |d| d.to_string()),
                classes.trim_start().to_string(),
            ]
        })
        .collect();
    Table { columns, rows }
}

/// The columns as the Markdown and HTML tables name their alignment (`l`, `r`).
pub fn align_codes(t: &Table) -> Vec<(&'static str, char)> {
    t.columns
        .iter()
        .map(|&(name, align)| {
            let code = match align {
                Align::Left => 'l',
                Align::Right => 'r',
                Align::Wrap => 'w',
            };
            (name, code)
        })
        .collect()
}

/// The weekly load table: one row per ISO week (week, load, change, monotony, strain, rest
/// days, longest streak, peak pain, mean ACWR), and each week's load as a share of the
/// heaviest week (0–1), for the bars beside it.
pub fn weekly_load(a: &Analysis) -> (Table, Vec<f64>) {
    use Align::{Left, Right};
    let columns = vec![
        ("week", Left),
        ("load kg", Right),
        ("change", Right),
        ("monot.", Right),
        ("strain", Right),
        ("rest", Right),
        ("streak", Right),
        ("pain", Right),
        ("ACWR", Right),
    ];
    let none = || "–".to_string();
    let rows = a
        .weekly
        .iter()
        .map(|w| {
            vec![
                w.week.to_string(),
                format!("{:.0}", w.load.kg),
                w.load.change_pct.map_or_else(none, |c| format!("{c:+.0}%")),
                w.load.monotony.map_or_else(none, |m| format!("{m:.2}")),
                w.load.strain.map_or_else(none, |m| format!("{m:.0}")),
                w.training.rest_days.to_string(),
                w.training.longest_streak.to_string(),
                w.pain.peak.map_or_else(none, |p| p.to_string()),
                w.acwr.daily.mean.map_or_else(none, |r| format!("{r:.2}")),
            ]
        })
        .collect();
    let max = a.weekly.iter().map(|w| w.load.kg).fold(0.0, f64::max);
    let shares = a
        .weekly
        .iter()
        .map(|w| if max > 0.0 { w.load.kg / max } else { 0.0 })
        .collect();
    (Table { columns, rows }, shares)
}

/// The habits table: the last 4 weeks beside the whole period.
pub fn habits(recent: &Habits, whole: &Habits) -> Table {
    let rows = words::habit_rows(recent, whole)
        .into_iter()
        .map(|(name, recent, whole)| vec![name.to_string(), recent, whole])
        .collect();
    Table {
        columns: vec![
            ("habit", Align::Wrap),
            ("last 4 weeks", Align::Right),
            ("whole period", Align::Right),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::words::fixture;

    #[test]
    fn the_weekly_load_table_has_a_row_and_a_share_per_week() {
        let a = fixture::analysis();
        let (table, shares) = weekly_load(&a);
        assert_eq!(table.columns.len(), 9);
        assert_eq!(table.columns[0], ("week", Align::Left));
        assert_eq!(table.rows.len(), a.weekly.len());
        assert_eq!(shares.len(), a.weekly.len());
        let row = &table.rows[0];
        assert_eq!(row[0], a.weekly[0].week.to_string());
        assert_eq!(row[1], format!("{:.0}", a.weekly[0].load.kg));
        assert!(row.iter().all(|c| !c.is_empty()));
        assert!(shares.iter().all(|s| (0.0..=1.0).contains(s)));
        assert!(shares.contains(&1.0), "the heaviest week is the full bar");
    }

    #[test]
    fn repetitive_strain_counts_weeks_not_repeats() {
        use crate::analysis::habits::Repetition;
        let a = fixture::analysis();
        let mut whole = a.routine.habits.expect("habits").whole_period;
        let repeat = |week: &str, name: &str| Repetition {
            week: week.parse().expect("week"),
            kind: "region",
            name: name.into(),
            days: 5,
        };
        // Two areas in one week, one in the next: two weeks.
        whole.repetitive = vec![
            repeat("2026-W11", "hip"),
            repeat("2026-W11", "lower-back"),
            repeat("2026-W12", "hip"),
        ];
        let table = habits(&whole, &whole);
        let row = table.rows.last().expect("the repetitive-strain row");
        assert_eq!(row, &["repetitive-strain weeks", "2", "2"]);
    }
}
