//! The charts drawn from the sample story: well-formed, titled, labelled, not blank.

use std::collections::HashSet;
use std::sync::OnceLock;
use std::time::Instant;

use chrono::{Datelike, NaiveDate};

use super::style::{date_ticks, kg};
use super::*;
use crate::analysis::Analysis;
use crate::analysis::settings::Thresholds;
use crate::analysis::stats::Table;
use crate::analysis::{Input, analyse};
use crate::catalog::Catalog;
use crate::import::{ImportOptions, import_file};
use crate::report::document::charts::{ChartData, FOREST_ROWS, SORENESS_ROWS};
use crate::synth::{self, SyntheticLog};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Writes the log as a Strong export and a diary, imports both and analyses them.
fn analyse_log(log: &SyntheticLog) -> Analysis {
    let dir = tempfile::tempdir().unwrap();
    let (w, p) = (dir.path().join("strong.csv"), dir.path().join("diary.csv"));
    synth::write_strong_v6(&log.workouts, std::fs::File::create(&w).unwrap()).unwrap();
    synth::write_diary(&log.pain, std::fs::File::create(&p).unwrap()).unwrap();
    let catalog = Catalog::embedded();
    let sets = import_file(&w, &ImportOptions::default(), catalog)
        .unwrap()
        .sets;
    let pain = crate::diary::read_diary(&p).unwrap().entries;
    analyse(&Input {
        sets: &sets,
        pain: &pain,
        catalog,
        thresholds: &Thresholds::default(),
        conditions: &[],
        from: None,
        to: None,
        focus_weeks: crate::analysis::FOCUS_WEEKS,
    })
    .unwrap()
}

pub(super) fn story() -> &'static Analysis {
    static STORY: OnceLock<Analysis> = OnceLock::new();
    STORY.get_or_init(|| analyse_log(&synth::sample_story()))
}

/// Every text node of an SVG document, which must parse as XML.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

#[track_caller]
fn assert_has(texts: &[String], want: &str) {
    assert!(
        texts.iter().any(|t| t == want),
        "no text {want:?} in {texts:?}"
    );
}

#[track_caller]
fn assert_contains(texts: &[String], want: &str) {
    assert!(
        texts.iter().any(|t| t.contains(want)),
        "no text containing {want:?} in {texts:?}"
    );
}

/// The texts of a chart of `a` at its default size, over `window`.
fn chart_texts(kind: ChartKind, a: &Analysis, window: Window) -> Vec<String> {
    texts(&svg(kind, &ChartData::new(a), window, kind.default_size()).unwrap())
}

#[track_caller]
fn assert_has_all(texts: &[String], want: &[&str]) {
    for w in want {
        assert_has(texts, w);
    }
}

fn story_svg(kind: ChartKind) -> Vec<String> {
    chart_texts(kind, story(), None)
}

#[test]
fn kinds_have_distinct_stems_and_titles() {
    let stems: HashSet<_> = ChartKind::ALL.iter().map(|k| k.file_stem()).collect();
    assert_eq!(
        stems,
        HashSet::from(["load", "acwr", "associations", "calendar", "progress"])
    );
    let titles: HashSet<_> = ChartKind::ALL.iter().map(|k| k.title()).collect();
    assert_eq!(titles.len(), 5);
}

#[test]
fn register_fonts_is_idempotent() {
    register_fonts().unwrap();
    register_fonts().unwrap();
}

#[test]
fn load_chart_has_title_axes_dates_and_region_legend() {
    let t = story_svg(ChartKind::Load);
    assert_has_all(
        &t,
        &[
            "Training load and pain",
            "Load (kg)",
            "Pain (0–10)",
            "Date",
            "Jun 2026",
            "Nov 2026",
            "lower back pain (0–10)",
            "knee pain (0–10)",
            "Daily load (kg)",
        ],
    );
    assert_contains(&t, "18 May 2026 – 14 Nov 2026");
}

#[test]
fn acwr_chart_is_the_weekly_ratio_and_calls_the_bands_a_heuristic() {
    let t = story_svg(ChartKind::Acwr);
    assert_contains(&t, "Each point is one ISO week");
    assert_has_all(
        &t,
        &[
            "Weekly ACWR: this week's load ÷ the 4-week mean — a heuristic",
            "Weekly ACWR (no unit)",
            "weekly ACWR (week ÷ 4-week mean)",
            "sweet spot 0.8–1.3 (heuristic)",
            "danger ≥ 1.5 (heuristic)",
            "Sep 2026",
        ],
    );
}

#[test]
fn forest_plot_writes_the_counts_beside_the_deadlift_row() {
    let a = story();
    let deadlift = a
        .associations
        .iter()
        .find(|r| {
            r.window_h == a.thresholds.window_h
                && r.exposure == "deadlift"
                && r.region == crate::model::Region::LowerBack
        })
        .expect("the story has a deadlift → lower back row");
    assert_eq!(
        deadlift.table,
        Table {
            a: 7,
            b: 18,
            c: 0,
            d: 86
        }
    );
    let t = story_svg(ChartKind::Associations);
    // 7 of 25 against 0 of 86: the 0 needed the Haldane correction, and the label says so.
    assert_has_all(
        &t,
        &["lower back: Deadlift†", "7/25 vs 0/86   RR 50 (3.0–850)"],
    );
    assert_contains(
        &t,
        "† A count was 0, so 0.5 was added to every count (Haldane)",
    );
    assert_contains(&t, "Relative risk");
    assert_contains(&t, "Analysed period 18 May 2026 – 14 Nov 2026");
    assert_has(&t, "RR = 1: no difference");
    let data = ChartData::new(a);
    let (rows, total) = (&data.forest.rows, data.forest.total);
    assert_eq!(rows.len(), FOREST_ROWS);
    assert!(total > FOREST_ROWS);
    // The pain that matters first, ordinary thigh soreness after it, at most 3 rows.
    let sore = rows
        .iter()
        .position(|r| r.soreness)
        .expect("thigh soreness rows");
    assert!(rows[sore..].iter().all(|r| r.soreness));
    assert_eq!(rows.len() - sore, SORENESS_ROWS);
    assert!(
        rows[sore..]
            .iter()
            .all(|r| r.region == crate::model::Region::Thigh)
    );
    assert_eq!(
        rows[sore].label,
        "Back squat + Standing calf raise + Leg curl + Leg press"
    );
    // Long labels wrap onto a second line rather than being cut.
    assert_has_all(
        &t,
        &[
            "thigh soreness: Back squat + Standing calf raise + Leg",
            "curl + Leg press†",
        ],
    );
    assert!(!t.iter().any(|s| s.contains('…')), "no label is cut: {t:?}");
    assert!(
        rows[..sore].windows(2).all(|w| {
            let (x, y) = (w[0].estimate(), w[1].estimate());
            (x.low > 1.0) >= (y.low > 1.0)
        }),
        "intervals above 1 first"
    );
    assert_eq!(rows[0].label, "Deadlift");
    let row = rows.iter().find(|r| r.label == "Deadlift").unwrap();
    assert_eq!(row.counts, "7/25 vs 0/86");
    // Pull-ups and rows ride along with the deadlift: one row for the pair, adjusted to the
    // null and said to be explained by it.
    let pair = rows
        .iter()
        .find(|r| r.label.contains("Pull-up"))
        .expect("a pull-up row");
    assert!(pair.label.contains(" + "), "{}", pair.label);
    assert_eq!(pair.explained_by.as_deref(), Some("Deadlift"));
    assert!(pair.adjusted.unwrap().low < 1.0);
    assert_has(&t, "7/43 vs 0/68   RR 24 → 1.2");
}

#[test]
fn forest_plot_without_enough_data_says_so() {
    let mut a = story().clone();
    for r in &mut a.associations {
        r.enough_data = false;
    }
    let t = chart_texts(ChartKind::Associations, &a, None);
    assert_has(&t, ChartKind::Associations.title());
    assert_contains(&t, "Not enough data for any association yet");
}

#[test]
fn calendar_labels_months_and_weekdays() {
    let t = story_svg(ChartKind::Calendar);
    assert_has(&t, "Training and pain calendar");
    for day in ["Mon", "Wed", "Sun"] {
        assert_has(&t, day);
    }
    assert_has_all(&t, &["May 2026", "Sep", "pain 7–10"]);
}

#[test]
fn calendar_of_a_long_window_shows_its_last_52_weeks() {
    let window = Some((d(2024, 1, 1), d(2026, 11, 14)));
    let t = chart_texts(ChartKind::Calendar, story(), window);
    assert_contains(&t, "The last 52 weeks of 1 Jan 2024 – 14 Nov 2026");
}

#[test]
fn progress_charts_the_implicated_lifts() {
    let t = story_svg(ChartKind::Progress);
    assert_has_all(
        &t,
        &[
            "e1RM (kg)",
            "Tonnage (kg per week)",
            "Week starting",
            "Deadlift",
        ],
    );
    // Back squat, pull-ups and rows came before pain only alongside the deadlift: named by
    // no warning of their own, they are not drawn. Face pulls jumped only before the weeks in
    // focus: a history line names no exercise.
    assert!(
        !t.iter()
            .any(|s| s == "Back squat" || s == "Pull-up" || s == "Face pull"),
        "{t:?}"
    );
    assert_contains(&t, "Not shown (no weighted sets): Running.");
}

#[test]
fn progress_falls_back_to_the_most_trained_lifts() {
    let mut a = story().clone();
    a.implicated.clear();
    let t = chart_texts(ChartKind::Progress, &a, None);
    assert_contains(&t, "the 3 with the most working sets are shown");
}

#[test]
fn a_window_narrows_the_dates() {
    let window = Some((d(2026, 9, 1), d(2026, 9, 30)));
    let t = chart_texts(ChartKind::Load, story(), window);
    assert_contains(&t, "1 Sep 2026 – 30 Sep 2026");
    assert_has(&t, "07 Sep");
    assert!(!t.iter().any(|s| s == "Jun 2026"), "{t:?}");
}

#[test]
fn pngs_decode_to_the_requested_size_and_show_text() {
    for kind in ChartKind::ALL {
        let size = (900, 520);
        let bytes = png(kind, &ChartData::new(story()), None, size).unwrap();
        let decoder = ::png::Decoder::new(std::io::Cursor::new(bytes.as_slice()));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().expect("the PNG fits in memory")];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), size, "{kind:?}");
        assert_eq!(info.color_type, ::png::ColorType::Rgb);
        let px: Vec<[u8; 3]> = buf[..info.buffer_size()]
            .chunks(3)
            .map(|c| [c[0], c[1], c[2]])
            .collect();
        let colours: HashSet<[u8; 3]> = px.iter().copied().collect();
        assert!(colours.len() > 50, "{kind:?}: {} colours", colours.len());
        assert_eq!(px[0], [255, 255, 255], "{kind:?}: white background");
        // The title, rasterised from the embedded font: dark pixels in its band.
        let dark = (12..40)
            .flat_map(|y| (18..300).map(move |x| (x, y)))
            .filter(|&(x, y)| px[y * 900 + x].iter().all(|&v| v < 80))
            .count();
        assert!(dark > 200, "{kind:?}: {dark} dark pixels in the title");
    }
}

#[test]
fn every_chart_of_the_story_has_its_title() {
    for kind in ChartKind::ALL {
        assert_has(&story_svg(kind), kind.title());
    }
}

#[test]
fn an_empty_analysis_still_draws_titled_charts() {
    let mut a = story().clone();
    a.period.from = None;
    a.period.to = None;
    a.daily.clear();
    a.weekly.clear();
    a.associations.clear();
    for kind in ChartKind::ALL {
        let t = chart_texts(kind, &a, None);
        assert_has(&t, kind.title());
        assert!(t.len() >= 2, "{kind:?} says why it is empty: {t:?}");
    }
}

#[test]
fn sizes_out_of_range_are_refused() {
    let err = svg(ChartKind::Load, &ChartData::new(story()), None, (10, 10)).unwrap_err();
    assert!(err.to_string().contains("10×10"), "{err}");
}

#[test]
fn date_ticks_follow_the_span() {
    let six_months = date_ticks(d(2026, 5, 18), d(2026, 11, 14), 10);
    assert_eq!(six_months.format, "%b %Y");
    assert_eq!(six_months.ticks.first(), Some(&d(2026, 6, 1)));
    assert_eq!(six_months.ticks.len(), 6);
    let month = date_ticks(d(2026, 9, 1), d(2026, 9, 30), 8);
    assert_eq!(month.format, "%d %b");
    assert_eq!(month.ticks.first(), Some(&d(2026, 9, 7)), "a Monday");
    let five_years = date_ticks(d(2021, 1, 4), d(2025, 12, 28), 10);
    assert!(five_years.ticks.len() <= 10, "{:?}", five_years.ticks);
    assert!(five_years.ticks.len() >= 4);
    assert!(five_years.ticks.iter().all(|t| t.day() == 1));
}

#[test]
fn kilograms_get_thousands_separators() {
    assert_eq!(kg(12345.6), "12,346");
    assert_eq!(kg(999.0), "999");
    assert_eq!(kg(1_000_000.0), "1,000,000");
}

/// `cargo test --release --lib five_year -- --ignored --nocapture`; set
/// STRAINSCOPE_CHART_DIR to keep the PNGs.
#[test]
#[ignore = "slow: simulates, imports and analyses five years"]
fn five_year_log_renders_all_charts_quickly() {
    let log = synth::simulate(&synth::SimOptions {
        seed: 42,
        start: d(2021, 1, 4),
        weeks: 52 * 5,
        pain: synth::PainModel::Planted,
    });
    let a = analyse_log(&log);
    let started = Instant::now();
    let keep = std::env::var_os("STRAINSCOPE_CHART_DIR").map(std::path::PathBuf::from);
    for kind in ChartKind::ALL {
        let size = kind.default_size();
        let p = png(kind, &ChartData::new(&a), None, size).unwrap();
        let s = svg(kind, &ChartData::new(&a), None, size).unwrap();
        texts(&s);
        if let Some(dir) = &keep {
            std::fs::write(dir.join(format!("{}.png", kind.file_stem())), &p).unwrap();
            std::fs::write(dir.join(format!("{}.svg", kind.file_stem())), &s).unwrap();
        }
    }
    let took = started.elapsed();
    eprintln!("five years, 10 files: {took:?}");
    assert!(took.as_secs() < 30, "{took:?}");
}
