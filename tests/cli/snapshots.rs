//! Snapshots of every output on the sample logs (insta): the terminal, Markdown, JSON and HTML
//! reports and the weekly PDF's text. A change to any output shows as a diff of its snapshot,
//! so a refactor that should change nothing proves it, and one that should is reviewed line by
//! line. Update with `INSTA_UPDATE=always cargo test --test cli snapshots` and review the diff.

use std::process::Command;

use crate::support::*;

const CONFIG: &[&str] = &["--config", "sample_logs/strainscope.toml"];

fn report(format: &str) -> String {
    let mut args = CONFIG.to_vec();
    args.extend(["report", "--format", format, "--color", "never"]);
    let out = strainscope(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn terminal_report() {
    insta::assert_snapshot!(report("text"));
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(report("md"));
}

#[test]
fn json_report() {
    insta::assert_snapshot!(report("json"));
}

#[test]
fn html_report_with_its_svg() {
    insta::assert_snapshot!(report("html"));
}

#[test]
fn weekly_pdf_text() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("week.pdf");
    let mut args = CONFIG.to_vec();
    args.extend([
        "weekly",
        "--week",
        "2026-W45",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    let out = strainscope(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (poppler-utils; .ci/run installs it)");
    insta::assert_snapshot!(String::from_utf8_lossy(&text.stdout));
}
