//! The report's content as data, built once from the analysis: the header, every section's
//! title, sentences and tables, and the rows and series the charts draw. The terminal,
//! Markdown, HTML and JSON renderers lay a [`Document`] out in their own markup, the weekly PDF
//! lays out a [`weekly::WeeklyDocument`], and the charts draw a [`charts::ChartData`]; none of
//! them computes anything of its own.

pub mod charts;
mod layout;
mod tables;
mod visible;
mod warnings;
pub mod weekly;

pub use layout::Layout;
pub use tables::{Align, Table, align_codes};
pub use warnings::Warning;

use charts::ChartData;
use warnings::{explains_the_numbers, ordinary_soreness, shown_warnings, warnings};

use crate::analysis::Analysis;
use crate::analysis::findings::FindingKind;
use crate::analysis::summary::Summary;
use crate::pipeline::Sources;
use crate::report::words;

/// A section: its anchor, its title, and either its content or the sentence that says why
/// there is none.
#[derive(Debug, Clone)]
pub struct Section<T> {
    /// The HTML anchor.
    pub id: &'static str,
    pub title: String,
    pub body: Body<T>,
}

#[derive(Debug, Clone)]
pub enum Body<T> {
    Content(T),
    /// Nothing to show, and the sentence that says so.
    Empty(&'static str),
}

impl<T> Section<T> {
    fn new(
        id: &'static str,
        title: impl Into<String>,
        content: Option<T>,
        empty: &'static str,
    ) -> Self {
        Section {
            id,
            title: title.into(),
            body: content.map_or(Body::Empty(empty), Body::Content),
        }
    }
}

/// Where the report came from, and what it covers.
#[derive(Debug, Clone)]
pub struct Header {
    /// The labelled lines, in order: period, workout files, pain source, counts.
    pub facts: [(&'static str, String); 4],
    /// How many bad input rows were skipped, when any were.
    pub rejected: Option<String>,
    pub notices: Vec<String>,
}

impl Header {
    pub fn period(&self) -> &str {
        &self.facts[0].1
    }
}

/// The bottom line every output opens with (analysis/summary.rs).
#[derive(Debug, Clone)]
pub struct BottomLine {
    /// "No red flags · 1 thing to act on · lower back pain on 9 days in the last 4 weeks".
    pub status: String,
    /// At most three sentences, most important first.
    pub actions: Vec<String>,
    /// "1 more thing to act on is in the warnings below.", when the actions were cut.
    pub more: Option<String>,
    /// When nothing needs action: what was checked.
    pub checked: Option<String>,
}

impl BottomLine {
    fn new(s: &Summary) -> Self {
        let shown = s
            .actions
            .iter()
            .filter(|a| a.kind != FindingKind::RedFlag)
            .count();
        BottomLine {
            status: s.status.clone(),
            actions: s.actions.iter().map(|a| a.text.clone()).collect(),
            more: words::more_to_act_on(s.to_act_on.saturating_sub(shown)),
            checked: s.checked.clone(),
        }
    }
}

/// One region's associations at the primary window.
#[derive(Debug, Clone)]
pub struct RegionAssociations {
    /// "Lower back (7 onsets)".
    pub heading: String,
    /// One sentence per tested exposure shown.
    pub sentences: Vec<String>,
    /// What is not shown: more exposures tested, exposures without enough data.
    pub notes: Vec<String>,
}

/// An exercise the warnings name, and what to do about it.
#[derive(Debug, Clone)]
pub struct Change {
    /// "Deadlift (lower back)".
    pub name: String,
    pub because: String,
    pub risk_note: Option<String>,
    pub alternatives: String,
}

/// The load section: the recent trend as series, then the weekly table.
#[derive(Debug, Clone)]
pub struct Load {
    /// "2026-W01 to 2026-W26 (26 weeks)": the weeks the series cover.
    pub recent: String,
    /// (name, one value per recent week; None where there is none).
    pub series: Vec<(&'static str, Vec<Option<f64>>)>,
    pub table: Table,
    /// Each week's load as a share of the heaviest week (0–1), for the bars beside the table.
    pub shares: Vec<f64>,
}

/// The whole report.
pub struct Document<'a> {
    pub title: &'static str,
    pub header: Header,
    pub bottom_line: BottomLine,
    pub warnings: Section<Vec<Warning>>,
    pub episodes: Section<Table>,
    pub associations: Section<Vec<RegionAssociations>>,
    /// Regions whose every episode was soreness-like: after the pain that matters.
    /// Absent when no region had only soreness: an empty section would be one more thing to
    /// read that says nothing.
    pub soreness: Option<Section<Vec<RegionAssociations>>>,
    pub changes: Section<Vec<Change>>,
    pub load: Section<Load>,
    pub habits: Section<Table>,
    /// What every chart draws.
    pub charts: ChartData<'a>,
    /// The analysis as data, for the JSON output (which serializes it whole), and the files
    /// it came from.
    pub analysis: &'a Analysis,
    pub sources: &'a Sources,
}

/// Weeks in the recent series: a year fits in 100 terminal columns.
pub const SERIES_WEEKS: usize = 52;

pub const NOTHING_TO_FLAG: &str = "Nothing to flag.";
pub const NO_PAIN: &str = "No pain entries in this period.";
pub const NO_ONSETS: &str = "No pain onsets to relate to training.";
pub const NO_TRAINING: &str = "No training in this period.";
pub const ONLY_SORENESS: &str =
    "Every pain onset was ordinary training soreness: see the soreness section below.";

impl<'a> Document<'a> {
    pub fn build(a: &'a Analysis, sources: &'a Sources) -> Self {
        let regions = words::primary_associations(a);
        let (sore, other): (Vec<_>, Vec<_>) = regions.iter().partition(|g| g.soreness);
        // Without an association warning to explain them, the numbers are explained in the
        // first region shown.
        let mut key = (!a.warnings.iter().any(explains_the_numbers)).then_some(words::NUMBERS_KEY);
        let associations = regions_of(a, &other, &mut key, |g| g.shown.iter().collect());
        let soreness = regions_of(a, &sore, &mut key, |g| {
            g.shown
                .iter()
                .filter(|d| d.best().adjusted.flags(a.thresholds.q_caution))
                .collect()
        });
        let mut doc = Document {
            title: "strainscope report",
            header: Header {
                facts: [
                    ("Period", words::period(a)),
                    ("Workouts", words::workout_files(sources)),
                    ("Pain", words::pain_source(sources)),
                    ("Counts", words::counts(a)),
                ],
                rejected: words::rejected(sources),
                notices: a.notices.clone(),
            },
            bottom_line: BottomLine::new(&a.summary),
            warnings: {
                let listed = (shown_warnings(a).next().is_some()).then(|| warnings(a));
                Section::new(
                    "warnings",
                    words::warnings_title(listed.as_ref().map_or(0, Vec::len)),
                    listed,
                    NOTHING_TO_FLAG,
                )
            },
            episodes: Section::new(
                "episodes",
                words::EPISODES_TITLE,
                (!a.pain.episodes.is_empty()).then(|| tables::episodes(a)),
                NO_PAIN,
            ),
            associations: Section::new(
                "before-pain",
                words::associations_title(a),
                associations,
                if sore.is_empty() {
                    NO_ONSETS
                } else {
                    ONLY_SORENESS
                },
            ),
            soreness: soreness.map(|regions| Section {
                id: "soreness",
                title: words::SORENESS_TITLE.to_string(),
                body: Body::Content(regions),
            }),
            changes: Section::new(
                "what-to-change",
                words::CHANGE_TITLE,
                changes(a),
                words::NOTHING_TO_CHANGE,
            ),
            load: Section::new("load", words::LOAD_TITLE, load(a), NO_TRAINING),
            habits: Section::new(
                "habits",
                words::HABITS_TITLE,
                a.routine
                    .habits
                    .as_ref()
                    .map(|h| tables::habits(&h.last_4_weeks, &h.whole_period)),
                NO_TRAINING,
            ),
            charts: ChartData::new(a),
            analysis: a,
            sources,
        };
        doc.neutralise();
        doc
    }

    /// Every section's anchor and title, in order, for a table of contents.
    pub fn contents(&self) -> Vec<(&'static str, &str)> {
        let mut all = vec![
            (self.warnings.id, self.warnings.title.as_str()),
            (self.episodes.id, self.episodes.title.as_str()),
            (self.associations.id, self.associations.title.as_str()),
        ];
        if let Some(s) = &self.soreness {
            all.push((s.id, s.title.as_str()));
        }
        all.extend([
            (self.changes.id, self.changes.title.as_str()),
            (self.load.id, self.load.title.as_str()),
            (self.habits.id, self.habits.title.as_str()),
        ]);
        all
    }
}

/// The regions' sections: a heading, one sentence per display group `pick` keeps, and notes
/// (the numbers' key where it is still owed, a soreness region's findings in words, what is
/// not shown). None when there is no region.
fn regions_of<'g>(
    a: &Analysis,
    groups: &[&'g words::RegionAssociations<'g>],
    key: &mut Option<&'static str>,
    pick: impl Fn(&'g words::RegionAssociations<'g>) -> Vec<&'g words::DisplayGroup<'g>>,
) -> Option<Vec<RegionAssociations>> {
    (!groups.is_empty()).then(|| {
        groups
            .iter()
            .map(|g| {
                let shown = pick(g);
                let mut notes: Vec<String> = key.take().map(String::from).into_iter().collect();
                if g.soreness {
                    // The region's soreness findings, said once here instead of as warnings.
                    for f in a
                        .warnings
                        .iter()
                        .filter(|f| ordinary_soreness(a, f) && f.region == Some(g.region))
                    {
                        // The rows above already say what the soreness followed.
                        notes.push(if f.kind == FindingKind::SorenessAssociation {
                            f.said.explanation.clone()
                        } else {
                            f.said.message.clone()
                        });
                    }
                }
                let more = g.shown.len() + g.more - shown.len();
                if more > 0 {
                    notes.push(words::more_associations(more));
                }
                if g.untested > 0 {
                    notes.push(words::untested_associations(a, g.untested));
                }
                // Adjusted-for and explained-by name exposures by id: say their labels.
                let label_of = |id: &str| {
                    a.associations
                        .iter()
                        .find(|r| r.region == g.region && r.exposure == id)
                        .map_or_else(|| id.replace('-', " "), |r| r.label.clone())
                };
                let heading = if g.soreness {
                    format!(
                        "{} ({}, every one ordinary soreness)",
                        crate::text::capitalised(&g.region.words()),
                        crate::text::plural(g.onsets as usize, "onset", "onsets")
                    )
                } else {
                    format!(
                        "{} ({} onsets)",
                        crate::text::capitalised(&g.region.words()),
                        g.onsets
                    )
                };
                RegionAssociations {
                    heading,
                    sentences: shown
                        .iter()
                        .map(|group| words::association_sentence(group, label_of))
                        .collect(),
                    notes,
                }
            })
            .collect()
    })
}

fn changes(a: &Analysis) -> Option<Vec<Change>> {
    (!a.implicated.is_empty()).then(|| {
        a.implicated
            .iter()
            .map(|i| Change {
                name: words::implicated_name(i),
                because: words::implicated_because(i),
                risk_note: words::implicated_risk_note(i),
                alternatives: words::implicated_alternatives(i),
            })
            .collect()
    })
}

fn load(a: &Analysis) -> Option<Load> {
    let recent = &a.weekly[a.weekly.len().saturating_sub(SERIES_WEEKS)..];
    let (first, last) = (recent.first()?, recent.last()?);
    let (table, shares) = tables::weekly_load(a);
    Some(Load {
        recent: format!("{} to {} ({} weeks)", first.week, last.week, recent.len()),
        series: vec![
            ("load", recent.iter().map(|w| Some(w.load.kg)).collect()),
            ("ACWR", recent.iter().map(|w| w.acwr.daily.mean).collect()),
            (
                "peak pain",
                recent
                    .iter()
                    .map(|w| Some(f64::from(w.pain.peak.unwrap_or(0))))
                    .collect(),
            ),
        ],
        table,
        shares,
    })
}
