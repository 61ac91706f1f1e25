//! `report --format html` and `--format md` on the sample logs, with a diary entry whose note
//! tries to inject a script: the pages tell the same story as the terminal report, escape the
//! note, and (HTML) load nothing from anywhere.

use crate::support::*;

const HOSTILE_NOTE: &str = "numbness <script>alert(1)</script>";

/// The sample diary plus a red-flag entry whose note carries a script tag. It falls inside the
/// 9-day lower-back episode, so the sample story's numbers stay as they are.
fn hostile_diary(dir: &std::path::Path) -> std::path::PathBuf {
    let mut diary = std::fs::read_to_string(root().join("sample_logs/pain_diary.csv")).unwrap();
    if !diary.ends_with('\n') {
        diary.push('\n');
    }
    diary.push_str(&format!(
        "2026-08-28,12:00,lower-back,,5,,,{HOSTILE_NOTE}\n"
    ));
    let path = dir.join("pain_diary.csv");
    std::fs::write(&path, diary).unwrap();
    path
}

fn report(format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let diary = hostile_diary(dir.path());
    let out = strainscope([
        "report".as_ref(),
        "--workouts".as_ref(),
        "sample_logs/strong.csv".as_ref(),
        "sample_logs/hevy.csv".as_ref(),
        "--pain".as_ref(),
        diary.as_os_str(),
        "--format".as_ref(),
        std::ffi::OsStr::new(format),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// The terminal report's section titles, in order: each is underlined with ─.
fn text_titles() -> Vec<String> {
    let text = report("text");
    let lines: Vec<&str> = text.lines().collect();
    lines
        .windows(2)
        .filter(|w| w[1].starts_with('─'))
        .map(|w| w[0].to_string())
        .collect()
}

/// Said by every format (the sample story, sample_logs/README.md).
const STORY: &[&str] = &[
    "Association, not proof",
    "Not medical advice",
    "Lower back pain lasted 9 days (2026-08-25 to 2026-09-02), peak 6/10",
    "You trained 6 or more days in a row 1 time since 2026-07; last time 2026-07-26",
    "Safer alternatives: Romanian deadlift, Hip hinge drill.",
    "See a doctor promptly",
];

#[test]
fn html_report_is_self_contained_and_escapes_the_diary_note() {
    let html = report("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"), "a raw script tag");
    for banned in ["http://", "https://", "src=\"http", "@import"] {
        assert!(!html.contains(banned), "{banned}");
    }
    // url() only ever points inside the page (charts may use url(#gradient)).
    for (i, _) in html.match_indices("url(") {
        assert!(html[i + 4..].starts_with('#'), "{}", &html[i..i + 20]);
    }
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none';"));
    // The words as read: dates sit in no-break spans and numbers are glued to their units.
    let read = html
        .replace("<span class=\"nowrap\">", "")
        .replace("</span>", "")
        .replace('\u{a0}', " ");
    for needle in STORY {
        assert!(read.contains(needle), "missing {needle:?}");
    }
    assert!(html.contains("from <span class=\"nowrap\">2026-08-25</span> to"));
    assert!(read.contains(
        "In 7 of your 25 sessions with Deadlift, lower back pain started within 48 hours; \
         after other sessions, 0 of 86. <abbr title="
    ));
    // The injected note is a red flag: urgent, first, and it sends the user to a professional.
    let first = html.split("<article class=\"finding ").nth(1).unwrap();
    assert!(first.starts_with("urgent\">"), "{}", &first[..40]);
    assert!(first.contains("numbness &lt;script&gt;"), "{first}");
    assert!(first.contains("See a doctor promptly"));
    // The h2 sections are the terminal report's, in its order.
    let h2: Vec<String> = html
        .split("<h2>")
        .skip(1)
        .map(|s| {
            s.split("</h2>")
                .next()
                .unwrap()
                .replace("<span class=\"sub\">", "")
                .replace("</span>", "")
                .replace("&#x27;", "'")
        })
        .collect();
    // The terminal report's sections in its order, then the charts, drawn inline.
    let mut expected = text_titles();
    expected.push("Charts".into());
    assert_eq!(h2, expected);
    assert_eq!(html.matches("<svg").count(), 5, "the five charts, inline");
    for title in [
        "Training load and pain",
        "What came before pain: relative risk by exposure",
    ] {
        assert!(html.contains(title), "chart {title}");
    }
}

#[test]
fn markdown_report_has_the_text_sections_and_escapes_the_diary_note() {
    let md = report("md");
    assert!(
        md.contains("numbness &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{md}"
    );
    assert!(!md.contains("<script"));
    for needle in STORY {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    assert!(md.contains(
        "- In 7 of your 25 sessions with Deadlift, lower back pain started within 48 hours; \
         after other sessions, 0 of 86. RR 50.2 (3.0–849.7), p &lt; 0.001, q &lt; 0.001\n"
    ));
    assert!(md.contains("### 🔴 URGENT: Numbness with lower back pain on 2026-08-28"));
    let h2: Vec<String> = md
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(|t| t.replace('\\', ""))
        .collect();
    let titles = text_titles();
    assert_eq!(h2, titles);
    assert_eq!(titles[3], "Ordinary training soreness");
    assert_eq!(titles[4], "What to change");
    // Tables: the episodes table has a row per episode (18), 7 cells each.
    let episode_rows: Vec<&str> = md
        .lines()
        .filter(|l| {
            ["| lower back |", "| thigh |", "| knee |"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect();
    assert_eq!(episode_rows.len(), 18);
    assert!(episode_rows.iter().all(|l| l.matches(" |").count() == 7));
    assert!(episode_rows.contains(
        &"| lower back | 2026-08-25 | 2026-09-02 | 9 | 6 | 2026-09-03 | acute onset, persistent, trained through pain, recurrence |"
    ));
}
