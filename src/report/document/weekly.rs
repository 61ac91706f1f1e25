//! The weekly PDF's content: the week's bottom line, the week against the four before it, its
//! red flags and open episodes, its other findings and the associations to date. Built once
//! per week from the week's digest and the analysis it was cut from.

use chrono::NaiveDate;

use crate::analysis::Analysis;
use crate::analysis::digest::WeekDigest;
use crate::analysis::findings::{FindingKind, fmt_p};
use crate::model::IsoWeek;
use crate::pipeline::Sources;
use crate::text::plural;

use super::charts::ChartData;
use super::{Align, BottomLine, Table, Warning};

/// One row of the numbers table: the metric's name and its cells (this week, the previous
/// weeks' mean, then each previous week, oldest first).
pub struct MetricRow {
    pub name: String,
    pub cells: Vec<String>,
}

pub struct WeeklyDocument {
    pub week: IsoWeek,
    pub title: String,
    /// The week's dates and the weeks it is compared with.
    pub compared: String,
    /// The workout files and the diary, by file name (never the user's folders).
    pub sources: String,
    pub bottom_line_title: &'static str,
    /// The week's status and at most three actions, red flags first.
    pub bottom_line: BottomLine,
    pub numbers_title: &'static str,
    /// The numbers table's column heads (after the metric name).
    pub numbers_head: Vec<String>,
    pub numbers: Vec<MetricRow>,
    /// Shown whatever else is cut for space: the week's red flags and open episodes.
    pub urgent_title: &'static str,
    pub red_flags: Vec<Warning>,
    pub no_red_flags: &'static str,
    /// The week's other warnings, most severe first.
    pub warnings_title: String,
    pub warnings: Vec<Warning>,
    pub no_warnings: &'static str,
    /// "N warnings about earlier weeks are in the full report", when there are any.
    pub earlier_warnings: Option<String>,
    pub associations_title: String,
    /// The forest plot's rows, in its order: region, exposure, with it, without, RR, q.
    pub associations: Table,
    pub no_associations: &'static str,
    /// How to read a row, and what † means when a row carries it.
    pub associations_key: String,
    /// One line per episode open at the end of the week.
    pub episodes: Vec<String>,
    pub no_episodes: &'static str,
    pub notices: Vec<String>,
}

fn day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

fn value(v: Option<f64>, decimals: usize) -> String {
    v.map_or("–".into(), |v| format!("{v:.decimals$}"))
}

impl WeeklyDocument {
    pub fn build(d: &WeekDigest, a: &Analysis, charts: &ChartData, sources: &Sources) -> Self {
        let previous: Vec<String> = d.previous_weeks.iter().map(|w| w.to_string()).collect();
        let mut numbers_head = vec![d.week.short(), format!("{}-wk mean", previous.len())];
        // The year is in the page title.
        numbers_head.extend(d.previous_weeks.iter().map(|w| w.short()));
        let numbers = d
            .metrics
            .iter()
            .map(|m| {
                let name = if m.unit.is_empty() || m.unit.starts_with('/') {
                    m.name.to_string()
                } else {
                    format!("{} ({})", m.name, m.unit)
                };
                let mut cells = vec![
                    value(m.this_week, m.decimals),
                    value(m.previous_mean, m.decimals.max(1)),
                ];
                cells.extend(m.previous.iter().map(|v| value(*v, m.decimals)));
                MetricRow { name, cells }
            })
            .collect();
        let from = format!(
            "Workouts: {} · Pain: {}",
            super::words::workout_files(sources),
            super::words::pain_source(sources)
        );
        let (red_flags, warnings): (Vec<_>, Vec<_>) = d
            .warnings
            .iter()
            .partition(|f| f.kind == FindingKind::RedFlag);
        WeeklyDocument {
            week: d.week,
            title: format!("Weekly report · {}", d.week),
            compared: format!(
                "{} to {}, compared with the {} weeks before ({})",
                day(d.week.monday()),
                day(d.week.sunday()),
                previous.len(),
                previous.join(", ")
            ),
            sources: from,
            bottom_line_title: "Bottom line",
            bottom_line: BottomLine::new(&d.summary),
            numbers_title: "This week against the previous weeks",
            numbers_head,
            numbers,
            urgent_title: "Red flags and open pain episodes",
            red_flags: red_flags.into_iter().map(Warning::from).collect(),
            no_red_flags: "No red flags logged up to the end of this week.",
            warnings_title: format!("Other findings ({})", warnings.len()),
            warnings: warnings.into_iter().map(Warning::from).collect(),
            no_warnings: "Nothing else to flag in this week or the four before it.",
            earlier_warnings: (d.earlier_warnings > 0).then(|| {
                format!(
                    "{} in the full report (strainscope report).",
                    plural(
                        d.earlier_warnings,
                        "warning about earlier weeks is",
                        "warnings about earlier weeks are"
                    )
                )
            }),
            associations_title: format!(
                "Associations to date: pain onsets within {} h of a session",
                a.thresholds.window_h
            ),
            associations: association_rows(charts),
            no_associations: "Not enough sessions or pain onsets yet to test any exposure.",
            associations_key: associations_key(charts),
            episodes: d.open_episodes.iter().map(episode_line).collect(),
            no_episodes: "No pain episode was open at the end of the week.",
            notices: a.notices.clone(),
        }
    }

    /// The pointer when the page cannot hold every finding of the week.
    pub fn more_warnings(&self, shown: usize) -> String {
        format!(
            "{} in the full report (strainscope report).",
            plural(
                self.warnings.len() - shown,
                "more finding of these weeks is",
                "more findings of these weeks are"
            )
        )
    }

    /// The pointer when the associations table is cut.
    pub fn more_associations(&self, shown: usize) -> Option<String> {
        let more = self.associations.rows.len().saturating_sub(shown);
        (more > 0).then(|| {
            format!(
                "{} in the full report.",
                plural(more, "more association is", "more associations are")
            )
        })
    }

    /// The running footer of page `i` of `n`.
    pub fn footer(&self, i: usize, n: usize) -> String {
        format!(
            "strainscope · {} · association, not proof · not medical advice · page {i} of {n}",
            self.week
        )
    }
}

fn associations_key(charts: &ChartData) -> String {
    let key = "Exposures never followed by pain are left out. Read a row as: of the sessions with the exposure, how many were followed by a pain onset in the region (\"with it\"), against the sessions without it. RR is the ratio of those two risks; the adjusted RR compares sessions with and without the exercises that explain the region's pain, so an exercise that only rode along with the cause drops to about 1 (\"explained by\"). q corrects the p-value for the number of exposures tested. Association, not proof.";
    if charts.forest.rows.iter().any(|r| r.haldane) {
        format!("{key} {}", crate::report::words::HALDANE_NOTE)
    } else {
        key.to_string()
    }
}

fn association_rows(charts: &ChartData) -> Table {
    use Align::Left;
    let rows = charts
        .forest
        .rows
        .iter()
        // A page has room only for what came before pain: an exposure never followed by an
        // onset names nothing (the HTML report's forest plot still shows it, as context).
        .filter(|r| r.with.0 > 0)
        .map(|r| {
            let adjusted = match (&r.explained_by, r.adjusted) {
                (Some(by), _) => format!("explained by {by}"),
                (None, Some(e)) => format!("{:.1}", e.rr),
                (None, None) => "same".to_string(),
            };
            // The same marks as the forest plot: soreness said, the Haldane correction flagged.
            let region = if r.soreness {
                format!("{} (soreness)", r.region.words())
            } else {
                r.region.words()
            };
            let mark = if r.haldane {
                crate::report::words::HALDANE_MARK
            } else {
                ""
            };
            vec![
                region,
                format!("{}{mark}", r.label),
                format!("{} of {}", r.with.0, r.with.1),
                format!("{} of {}", r.without.0, r.without.1),
                format!("{:.1} ({:.1}–{:.1})", r.crude.rr, r.crude.low, r.crude.high),
                adjusted,
                fmt_p(r.q_adjusted.unwrap_or(1.0)),
            ]
        })
        .collect();
    Table {
        columns: vec![
            ("Region", Left),
            ("Exposure", Left),
            ("With it", Left),
            ("Without", Left),
            ("RR (95 % CI)", Left),
            ("Adjusted RR", Left),
            ("q adj.", Left),
        ],
        rows,
    }
}

fn episode_line(e: &crate::analysis::episodes::Episode) -> String {
    let classes: Vec<&str> = e.classes.iter().map(|c| c.as_str()).collect();
    let side = e
        .side
        .map_or(String::new(), |s| format!(" ({})", s.as_str()));
    format!(
        "{}{side}: since {}, {} days, peak {}/10, last {}/10 on {}{}",
        e.region.words(),
        day(e.onset.date()),
        e.days,
        e.peak,
        e.last_intensity,
        day(e.end),
        if classes.is_empty() {
            String::new()
        } else {
            format!(" · {}", classes.join(", "))
        }
    )
}
