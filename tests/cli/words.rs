//! Words a reader can use: no internal names, no diary implied where there is none, dates
//! whole on one line, file names without the user's folders, and every association said in
//! plain counts before its statistics.

use crate::support::*;

const CONFIG: &[&str] = &["--config", "sample_logs/strainscope.toml"];

fn sample(format: &str) -> String {
    let mut args = CONFIG.to_vec();
    args.extend(["report", "--format", format, "--color", "never"]);
    let out = strainscope(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

fn report(workouts: &[&std::path::Path]) -> String {
    let mut args: Vec<std::ffi::OsString> = vec!["report".into(), "--workouts".into()];
    args.extend(workouts.iter().map(|p| p.as_os_str().to_owned()));
    args.extend(["--color".into(), "never".into()]);
    let out = strainscope(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// The sample Strong export with every note emptied: training without a word about pain.
fn strong_without_notes(dir: &std::path::Path) -> std::path::PathBuf {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(root().join("sample_logs/strong.csv"))
        .expect("the sample export opens");
    let headers = reader.headers().expect("a header").clone();
    let notes: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.contains("Notes"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(notes.len(), 2, "{headers:?}");
    let path = dir.join("strong.csv");
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_path(&path)
        .expect("a temporary file");
    writer.write_record(&headers).expect("written");
    for row in reader.records() {
        let row = row.expect("a row");
        let cells: Vec<&str> = row
            .iter()
            .enumerate()
            .map(|(i, c)| if notes.contains(&i) { "" } else { c })
            .collect();
        writer.write_record(&cells).expect("written");
    }
    writer.flush().expect("written");
    path
}

#[test]
fn no_internal_name_reaches_the_reader() {
    for format in ["text", "md", "html"] {
        let text = sample(format);
        for internal in [
            "seeds",
            "exercise-jump",
            "spike-then-pain",
            "named by:",
            "training-through-pain",
        ] {
            assert!(
                !text.contains(internal),
                "{format} says {internal:?}:\n{}",
                text.lines()
                    .filter(|l| l.contains(internal))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

#[test]
fn dates_never_break_across_terminal_lines() {
    let text = sample("text");
    let broken: Vec<&str> = text
        .lines()
        .filter(|l| {
            let l = l.trim_end();
            l.ends_with('-') && l[..l.len() - 1].ends_with(|c: char| c.is_ascii_digit())
        })
        .collect();
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(text.contains("\n         2026-09-03\n"), "{text}");
}

#[test]
fn the_reports_name_input_files_without_their_folders() {
    for format in ["text", "md", "html"] {
        let text = sample(format);
        assert!(!text.contains("sample_logs/"), "{format}");
        // Markdown escapes the underscore.
        let diary = text.replace("\\_", "_");
        assert!(diary.contains("pain_diary.csv line 32"), "{format}");
        assert!(text.contains("strong.csv, hevy.csv"), "{format}");
    }
}

#[test]
fn an_association_is_said_in_plain_counts_before_its_statistics() {
    let text = sample("text");
    let plain = "In 7 of your 25 Deadlift sessions, lower back pain started within 48 hours; after other sessions, 0 of 86.";
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = flat.find(plain).unwrap_or_else(|| panic!("{text}"));
    let rr = flat.find("relative risk").expect("the statistic follows");
    assert!(at < rr, "the plain sentence comes first");
    // The report's association list says each row the same way.
    assert!(
        flat.contains("In 7 of your 25 sessions with Deadlift, lower back pain started within 48 hours; after other sessions, 0 of 86. RR 50.2"),
        "{text}"
    );
    // The numbers are explained once, where they first appear.
    for format in ["text", "md"] {
        let text = sample(format);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            flat.matches("How to read the numbers").count(),
            1,
            "{format}"
        );
    }
    let html = sample("html");
    assert!(
        html.contains("<abbr title=\"relative risk"),
        "the HTML explains RR"
    );
}

#[test]
fn without_a_diary_no_finding_implies_one() {
    // Pain only from workout notes.
    let notes = report(&[
        &root().join("sample_logs/strong.csv"),
        &root().join("sample_logs/hevy.csv"),
    ]);
    assert!(!notes.contains("in your diary"), "{notes}");
    // No pain at all: strainscope says it cannot tell.
    let dir = tempfile::tempdir().unwrap();
    let silent = report(&[&strong_without_notes(dir.path())]);
    assert!(silent.contains("0 pain entries"), "{silent}");
    let flat = silent.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!flat.contains("diary no pain"), "{silent}");
    assert!(
        flat.contains("strainscope cannot tell whether pain followed"),
        "{silent}"
    );
}

#[test]
fn counts_are_said_in_good_english() {
    let text = sample("text");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("… 1 more exposure tested"), "{text}");
    assert!(!flat.contains("1 more exposures"), "{text}");
    // The habit table counts weeks, and no more than the period has.
    let line = text
        .lines()
        .find(|l| l.starts_with("repetitive-strain weeks"))
        .expect("the habit row");
    assert!(line.ends_with(" 4 | 23"), "{line}");
}

#[test]
fn advice_fits_the_region() {
    let text = sample("text");
    // Running came before knee pain: its note about the spine is not the knee's advice.
    let block = text
        .split("\n\n")
        .find(|b| b.contains("Running distance jumped"))
        .expect("the running finding");
    assert!(!block.contains("spine"), "{block}");
    assert!(block.contains("Instead of Running, try"), "{block}");
    let change = text
        .split("\n\n")
        .find(|b| b.starts_with("Running (knee)"))
        .expect("running under what to change");
    assert!(!change.contains("spine"), "{change}");
    // The deadlift came before lower-back pain: its note stays.
    let deadlift = text
        .split("\n\n")
        .find(|b| b.contains("Deadlift (lower back)\n"))
        .expect("deadlift under what to change");
    assert!(deadlift.contains("compresses the spine"), "{deadlift}");
}
