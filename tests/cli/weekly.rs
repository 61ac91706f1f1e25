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
    assert!(pages >= 2, "{pages} pages");

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
    assert!(text.contains("Open pain episodes"));
    assert!(text.contains("What to change"));
    assert!(
        text.contains("Romanian deadlift"),
        "a safer alternative is named"
    );
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
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
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
