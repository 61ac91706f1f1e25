//! The report's content as data, built once from the analysis: the header, every section's
//! title, sentences and tables, and the rows and series the charts draw. The terminal,
//! Markdown, HTML and JSON renderers lay a [`Document`] out in their own markup, the weekly PDF
//! lays out a [`weekly::WeeklyDocument`], and the charts draw a [`charts::ChartData`]; none of
//! them computes anything of its own.

pub mod charts;
mod layout;
mod tables;
pub mod weekly;

pub use layout::Layout;
pub use tables::{Align, Table, align_codes};

use std::borrow::Cow;

use charts::ChartData;

use crate::analysis::Analysis;
use crate::analysis::episodes::soreness_only;
use crate::analysis::findings::{Finding, FindingKind, Scope, Severity};
use crate::analysis::summary::Summary;
use crate::pipeline::Sources;
use crate::report::words;
use crate::text::{self, Breaks};

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

/// A finding as the reader sees it.
#[derive(Debug, Clone)]
pub struct Warning {
    pub severity: Severity,
    pub message: String,
    pub evidence: String,
    pub explanation: String,
    pub advice: Vec<String>,
}

impl From<&Finding> for Warning {
    fn from(f: &Finding) -> Self {
        Warning {
            severity: f.severity,
            message: f.said.message.clone(),
            evidence: f.said.evidence.clone(),
            explanation: f.said.explanation.clone(),
            advice: f.said.advice.clone(),
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

    /// Every string the terminal, Markdown and HTML show passes [`text::visible`] here, once:
    /// notes, exercise and file names are the user's, and a control byte in one must reach
    /// no renderer. The JSON serializes the analysis, not these strings, and stays exact.
    fn neutralise(&mut self) {
        let h = &mut self.header;
        let b = &mut self.bottom_line;
        let mut all: Vec<&mut String> = h.facts.iter_mut().map(|(_, v)| v).collect();
        all.extend(h.rejected.iter_mut().chain(&mut h.notices));
        all.extend([&mut b.status].into_iter().chain(&mut b.actions));
        all.extend(b.more.iter_mut().chain(&mut b.checked));
        all.push(&mut self.warnings.title);
        if let Body::Content(warnings) = &mut self.warnings.body {
            for w in warnings {
                all.extend([&mut w.message, &mut w.evidence, &mut w.explanation]);
                all.extend(&mut w.advice);
            }
        }
        all.push(&mut self.episodes.title);
        if let Body::Content(t) = &mut self.episodes.body {
            all.extend(t.rows.iter_mut().flatten());
        }
        for section in [&mut self.associations]
            .into_iter()
            .chain(self.soreness.as_mut())
        {
            all.push(&mut section.title);
            if let Body::Content(groups) = &mut section.body {
                for g in groups {
                    all.push(&mut g.heading);
                    all.extend(g.sentences.iter_mut().chain(&mut g.notes));
                }
            }
        }
        all.push(&mut self.changes.title);
        if let Body::Content(changes) = &mut self.changes.body {
            for c in changes {
                all.extend([&mut c.name, &mut c.because, &mut c.alternatives]);
                all.extend(&mut c.risk_note);
            }
        }
        all.push(&mut self.load.title);
        if let Body::Content(l) = &mut self.load.body {
            all.push(&mut l.recent);
            all.extend(l.table.rows.iter_mut().flatten());
        }
        all.push(&mut self.habits.title);
        if let Body::Content(t) = &mut self.habits.body {
            all.extend(t.rows.iter_mut().flatten());
        }
        for s in all {
            if let Cow::Owned(shown) = text::visible(s, Breaks::Keep) {
                *s = shown;
            }
        }
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

/// The findings the warnings section lists: all but the soreness of regions whose every
/// episode was soreness-like, which the soreness section says after the pain that matters.
fn shown_warnings(a: &Analysis) -> impl Iterator<Item = &Finding> {
    a.warnings.iter().filter(|f| !ordinary_soreness(a, f))
}

/// A soreness finding about a region with nothing but soreness.
fn ordinary_soreness(a: &Analysis, f: &Finding) -> bool {
    matches!(
        f.kind,
        FindingKind::Soreness | FindingKind::SorenessAssociation
    ) && f.region.is_some_and(|r| soreness_only(&a.pain.episodes, r))
}

/// The first association warning explains its numbers; the rest of the report uses them.
fn warnings(a: &Analysis) -> Vec<Warning> {
    let shown: Vec<&Finding> = shown_warnings(a).collect();
    let mut out: Vec<Warning> = shown.iter().map(|f| Warning::from(*f)).collect();
    if let Some(i) = shown.iter().position(|f| explains_the_numbers(f)) {
        out[i].explanation = format!("{} {}", out[i].explanation, words::NUMBERS_KEY);
    }
    group_jumps(&shown, out, a.summary.focus.weeks)
}

/// The recent load jumps no pain followed, one caution per exercise in the analysis, said as
/// one warning where the first of them ranks: a month with 20 exercises progressed would
/// otherwise fill the top of the report with the same advice 20 times. The JSON keeps each.
fn group_jumps(shown: &[&Finding], out: Vec<Warning>, focus_weeks: u32) -> Vec<Warning> {
    let is_jump = |f: &Finding| {
        f.kind == FindingKind::ExerciseJump
            && f.scope == Scope::Recent
            && f.severity == Severity::Caution
    };
    let jumps: Vec<usize> = (0..shown.len()).filter(|&i| is_jump(shown[i])).collect();
    if jumps.len() < 2 {
        return out;
    }
    let grouped = words::grouped_jumps(
        &jumps.iter().map(|&i| &out[i]).collect::<Vec<_>>(),
        focus_weeks,
    );
    let mut grouped = Some(grouped);
    out.into_iter()
        .enumerate()
        .filter_map(|(i, w)| match jumps.contains(&i) {
            true => grouped.take(),
            false => Some(w),
        })
        .collect()
}

fn explains_the_numbers(f: &Finding) -> bool {
    f.kind == crate::analysis::findings::FindingKind::Association
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
