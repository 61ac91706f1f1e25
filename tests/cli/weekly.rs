//! `strainscope weekly`: a real A4 PDF whose text (including the charts' text) can be
//! extracted, for the last complete week by default, any week, or every week.

use std::path::Path;
use std::process::Command;

use crate::support::*;

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (poppler-utils; .ci/run installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pdfinfo parses the whole file; returns its report.
fn pdfinfo(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("Syntax Error"), "{err}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn page_count(pdf: &Path) -> usize {
    pdfinfo(pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

fn weekly(args: &[&str]) -> std::process::Output {
    let mut all = vec!["--config", "sample_logs/strainscope.toml", "weekly"];
    all.extend_from_slice(args);
    strainscope(all)
}

#[test]
fn the_default_week_is_the_last_complete_one_and_its_pdf_is_a4_with_chart_text() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("week.pdf");
    let out = weekly(&["--out", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The sample data ends on Thursday 2026-11-12: the last complete week is W45.
    assert!(stdout(&out).contains("(2026-W45)"), "{}", stdout(&out));
    let info = pdfinfo(&pdf);
    assert!(info.contains("A4"), "{info}");
    assert!(
        info.contains("strainscope weekly report 2026-W45"),
        "{info}"
    );
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert_eq!(pages, 2, "a normal week fits on 2 A4 pages");

    let text = pdftotext(&pdf);
    assert!(text.contains("Weekly report · 2026-W45"), "{text}");
    assert!(text.contains("2 Nov 2026 to 8 Nov 2026"));
    // The week against the four before it.
    for row in [
        "Sessions",
        "Tonnage (kg)",
        "Working sets",
        "ACWR",
        "Monotony",
        "Rest days",
        "Pain days",
        "Peak pain",
    ] {
        assert!(text.contains(row), "missing {row}");
    }
    // The top warning of the week, and the page-2 sections.
    assert!(
        text.contains("Deadlift sessions were followed by lower back pain more often than"),
        "{text}"
    );
    assert!(text.contains("Associations to date"));
    assert!(text.contains("Red flags and open pain episodes"));
    // The bottom line opens page 1 and names the safer alternative.
    let (page1, page2) = text.split_once('\x0c').unwrap();
    assert!(page1.contains("Bottom line"), "{page1}");
    assert!(
        page1.contains("swap Deadlift for Romanian deadlift"),
        "{page1}"
    );
    assert!(
        page1.contains("Training load and pain"),
        "the load chart is on page 1: {page1}"
    );
    assert!(page2.contains("Other findings"), "{page2}");
    // File names, never the folders they are in.
    assert!(
        text.contains("Workouts: strong.csv, hevy.csv · Pain: pain_diary.csv"),
        "{text}"
    );
    assert!(!text.contains("sample_logs/"), "{text}");
    // A long exposure name is cut to its column with "…" instead of running into the next.
    let row = text
        .lines()
        .find(|l| l.starts_with("thigh (soreness)") && l.contains("8 of 25"))
        .expect("the thigh row of the associations table");
    assert!(row.contains("Back squat + Stand"), "{row}");
    assert!(row.contains(" …"), "{row}");
    assert!(row.contains("< 0.001"), "{row}");
    assert!(row.contains("8 of 25"), "{row}");
    // Chart text survived SVG -> PDF: an axis label drawn inside the chart.
    assert!(text.contains("Load (kg)"), "{text}");
    assert!(text.contains("not medical advice"));
}

#[test]
fn a_chosen_week_with_a_red_flag_leads_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("w35.pdf");
    let out = weekly(&["--week", "2026-W35", "--out", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = pdftotext(&pdf);
    let urgent = text.find("URGENT").expect("an urgent warning");
    let first_warning = ["URGENT", "WARNING", "CAUTION"]
        .iter()
        .filter_map(|t| text.find(t))
        .min()
        .unwrap();
    assert_eq!(urgent, first_warning, "the red flag comes first");
    assert!(
        text.contains("Numbness and pain spreading down a leg with lower back pain on 2026-08-27"),
        "{text}"
    );
    assert!(text.contains("See a doctor promptly"));
    // The 9-day episode (2026-08-25 to 09-02) is open at the end of W35 (Sunday 08-30), and
    // the PDF knows only what was logged by then: 6 days so far.
    assert!(
        text.contains("lower back (left): since 25 Aug 2026, 6 days, peak 6/10"),
        "{text}"
    );
}

#[test]
fn red_flags_and_open_episodes_are_shown_even_when_findings_are_cut() {
    let dir = tempfile::tempdir().unwrap();
    for (week, cut) in [
        ("2026-W35", "6 more findings"),
        ("2026-W45", "3 more findings"),
    ] {
        let pdf = dir.path().join(format!("{week}.pdf"));
        let out = weekly(&["--week", week, "--out", pdf.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(page_count(&pdf), 2, "{week}");
        let text = pdftotext(&pdf);
        assert!(text.contains(cut), "{week}: findings are cut: {text}");
        // The red flag of 27 Aug stays on every later week, its bottom line first.
        assert!(
            text.contains("1 red flag – see a professional"),
            "{week}: {text}"
        );
        assert!(
            text.contains(
                "Numbness and pain spreading down a leg with lower back pain on 2026-08-27"
            ),
            "{week}: {text}"
        );
    }
    let w35 = pdftotext(&dir.path().join("2026-W35.pdf"));
    assert!(
        w35.contains("lower back (left): since 25 Aug 2026"),
        "{w35}"
    );
}

#[test]
fn all_weeks_writes_one_pdf_per_week_and_bad_weeks_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("weeks");
    let out = weekly(&[
        "--all-weeks",
        "--out-dir",
        out_dir.to_str().unwrap(),
        "--from",
        "2026-09-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let names = file_names(&out_dir);
    // 2026-09-01 (W36) to 2026-11-12 (W46): 11 ISO weeks, no temp files left behind.
    assert_eq!(names.len(), 11, "{names:?}");
    assert_eq!(names.first().map(String::as_str), Some("week-2026-W36.pdf"));
    assert_eq!(names.last().map(String::as_str), Some("week-2026-W46.pdf"));
    assert!(pdftotext(&out_dir.join("week-2026-W40.pdf")).contains("Weekly report · 2026-W40"));

    let out = weekly(&["--week", "2026-W99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"2026-W99\" is not an ISO week"),
        "{}",
        stderr(&out)
    );
    let out = weekly(&["--week", "2025-W10"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("2025-W10 is outside the data"),
        "{}",
        stderr(&out)
    );
    let out = weekly(&["--all-weeks"]);
    assert_eq!(out.status.code(), Some(2), "--all-weeks needs --out-dir");
}

/// The 5-year log the performance figure is measured on (examples/make_long_log.rs): Strong v6
/// and a diary, planted pain model, seed 42.
fn five_year_log(dir: &Path) -> strainscope::config::Settings {
    use strainscope::synth::{self, PainModel, SimOptions};
    let log = synth::simulate(&SimOptions {
        seed: 42,
        start: chrono::NaiveDate::from_ymd_opt(2021, 1, 4).unwrap(),
        weeks: 52 * 5,
        pain: PainModel::Planted,
    });
    let (w, p) = (dir.join("strong.csv"), dir.join("pain_diary.csv"));
    synth::write_strong_v6(&log.workouts, std::fs::File::create(&w).unwrap()).unwrap();
    synth::write_diary(&log.pain, std::fs::File::create(&p).unwrap()).unwrap();
    let mut settings = strainscope::config::Settings::default();
    settings.inputs.workouts = vec![w];
    settings.inputs.pain = Some(p);
    settings
}

fn sample_settings() -> strainscope::config::Settings {
    strainscope::config::load(Some(Path::new("sample_logs/strainscope.toml"))).unwrap()
}

/// Every `step`-th week of the settings' log, and its last, each laid out from one analysis.
fn layouts(
    settings: &strainscope::config::Settings,
    step: usize,
) -> Vec<(String, strainscope::report::pdf::layout::Pages)> {
    use strainscope::commands::weekly::Weeks;
    use strainscope::model::IsoWeek;
    let progress = strainscope::progress::Progress::new(true, 1);
    let loaded = strainscope::pipeline::read_inputs(settings, &progress).unwrap();
    let analysis = loaded.analyse(None, None).unwrap();
    let weeks = Weeks::new(&loaded, &analysis).unwrap();
    let mondays: Vec<IsoWeek> = analysis.weekly.iter().map(|w| w.week).collect();
    let last = mondays.len() - 1;
    mondays
        .iter()
        .enumerate()
        .filter(|(i, _)| i % step == 0 || *i == last)
        .map(|(_, w)| (w.to_string(), weeks.layout(w.monday()).unwrap()))
        .collect()
}

/// No two placed elements share any area, each lies inside the margins and above the footer,
/// everything drawn belongs to an element, and no text line overlaps another or a chart.
fn assert_clean_layout(week: &str, pages: &strainscope::report::pdf::layout::Pages) {
    use strainscope::report::pdf::layout::{BOTTOM, Item, MARGIN, PAGE_W};
    let eps = 0.01;
    for (n, (placed, items)) in pages.placed.iter().zip(&pages.pages).enumerate() {
        let at = format!("{week} page {}", n + 1);
        assert!(!placed.is_empty(), "{at} is empty");
        for (i, a) in placed.iter().enumerate() {
            assert!(
                a.x >= MARGIN - eps
                    && a.x + a.w <= PAGE_W - MARGIN + eps
                    && a.y >= MARGIN - 1.0 - eps
                    && a.y + a.h <= BOTTOM + eps,
                "{at}: {a:?} leaves the text area"
            );
            for b in &placed[i + 1..] {
                assert!(!a.overlaps(b), "{at}: {a:?} overlaps {b:?}");
            }
        }
        let boxes: Vec<_> = items.iter().map(|i| (i, i.bounds())).collect();
        for (item, b) in &boxes {
            assert!(
                placed.iter().any(|p| b.x >= p.x - eps
                    && b.y >= p.y - eps
                    && b.x + b.w <= p.x + p.w + eps
                    && b.y + b.h <= p.y + p.h + eps),
                "{at}: {b:?} is drawn outside every element"
            );
            if !matches!(item, Item::Text { .. }) {
                continue;
            }
            for (other, c) in &boxes {
                let solid = matches!(other, Item::Text { .. } | Item::Svg { .. });
                if solid && !std::ptr::eq(*item, *other) {
                    assert!(!b.overlaps(c), "{at}: text {b:?} overlaps {c:?}");
                }
            }
        }
    }
}

#[test]
fn no_element_overlaps_another_on_any_page_of_any_sample_week() {
    let weeks = layouts(&sample_settings(), 1);
    assert_eq!(weeks.len(), 26);
    for (week, pages) in &weeks {
        assert_eq!(pages.pages.len(), 2, "{week} fits on 2 pages");
        assert_clean_layout(week, pages);
    }
}

#[test]
fn no_element_overlaps_another_in_a_five_year_log() {
    let dir = tempfile::tempdir().unwrap();
    let weeks = layouts(&five_year_log(dir.path()), 13);
    assert_eq!(weeks.len(), 21, "every 13th of 261 weeks, and the last");
    for (week, pages) in &weeks {
        assert_clean_layout(week, pages);
    }
}

/// Each page's text lines (pdftotext -layout, so a table row is one line); none may appear
/// twice on one page.
fn assert_no_line_twice(pdf: &Path) {
    for page in 1..=page_count(pdf) {
        let n = page.to_string();
        let out = Command::new("pdftotext")
            .args(["-layout", "-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let mut seen = std::collections::BTreeSet::new();
        // Chart ticks (numbers, short dates) may repeat on two axes; sentences may not.
        let lines = text
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));
        for line in lines.filter(|l| l.len() > 8) {
            assert!(
                seen.insert(line.clone()),
                "{} page {page}: {line:?} appears twice",
                pdf.display()
            );
        }
    }
}

#[test]
fn no_line_of_text_appears_twice_on_a_page_of_any_sample_week() {
    let dir = tempfile::tempdir().unwrap();
    let out = weekly(&["--all-weeks", "--out-dir", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut pdfs: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pdfs.sort();
    assert_eq!(pdfs.len(), 26);
    for pdf in &pdfs {
        assert_no_line_twice(pdf);
    }
}

#[test]
fn no_line_of_text_appears_twice_on_a_page_of_a_five_year_log() {
    use strainscope::commands::weekly::Weeks;
    let dir = tempfile::tempdir().unwrap();
    let settings = five_year_log(dir.path());
    let progress = strainscope::progress::Progress::new(true, 1);
    let loaded = strainscope::pipeline::read_inputs(&settings, &progress).unwrap();
    let analysis = loaded.analyse(None, None).unwrap();
    let weeks = Weeks::new(&loaded, &analysis).unwrap();
    let n = analysis.weekly.len();
    for at in [0, n / 4, n / 2, 3 * n / 4, n - 1] {
        let week = analysis.weekly[at].week;
        let pdf = dir.path().join(format!("{week}.pdf"));
        std::fs::write(&pdf, weeks.pdf(week.monday()).unwrap()).unwrap();
        assert_no_line_twice(&pdf);
    }
}
