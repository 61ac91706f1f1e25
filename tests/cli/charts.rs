//! `strainscope charts` on the sample logs: ten files, every PNG decodes and shows something,
//! every SVG is XML and carries its title; directories it cannot use fail clearly.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use crate::support::{file_names, root, stderr, stdout, strainscope};

const TITLES: [(&str, &str); 5] = [
    ("load", "Training load and pain"),
    (
        "acwr",
        "Weekly ACWR: this week's load ÷ the 4-week mean — a heuristic",
    ),
    (
        "associations",
        "What came before pain: relative risk by exposure",
    ),
    ("calendar", "Training and pain calendar"),
    (
        "progress",
        "Strength and tonnage of the exercises in question",
    ),
];

fn charts(out_dir: &Path) -> std::process::Output {
    let logs = root().join("sample_logs");
    strainscope([
        "charts".as_ref(),
        "--workouts".as_ref(),
        logs.join("strong.csv").as_os_str(),
        logs.join("hevy.csv").as_os_str(),
        "--pain".as_ref(),
        logs.join("pain_diary.csv").as_os_str(),
        "--out-dir".as_ref(),
        out_dir.as_os_str(),
    ])
}

/// (width, height, distinct colours) of a PNG.
fn decode_png(path: &Path) -> (u32, u32, usize) {
    let file = std::fs::File::open(path).unwrap();
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .unwrap_or_else(|e| panic!("{} is not a PNG: {e}", path.display()));
    let mut buf = vec![0; reader.output_buffer_size().expect("the PNG fits in memory")];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let colours: HashSet<&[u8]> = buf[..info.buffer_size()].chunks(channels).collect();
    (info.width, info.height, colours.len())
}

#[test]
fn charts_writes_every_chart_as_png_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("new").join("charts");
    let o = charts(&out);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));

    let files: BTreeSet<String> = file_names(&out).into_iter().collect();
    let expected: BTreeSet<String> = TITLES
        .iter()
        .flat_map(|(stem, _)| [format!("{stem}.png"), format!("{stem}.svg")])
        .collect();
    assert_eq!(files, expected, "exactly 10 files, no temporaries left");

    let printed: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert_eq!(printed.len(), 10, "{printed:?}");
    for name in &expected {
        let line = format!("wrote {}", out.join(name).display());
        assert!(printed.contains(&line), "{line:?} not in {printed:?}");
    }

    for (stem, title) in TITLES {
        let (w, h, colours) = decode_png(&out.join(format!("{stem}.png")));
        assert_eq!(w, 960, "{stem}.png width");
        assert!((300..=1000).contains(&h), "{stem}.png height {h}");
        assert!(colours > 50, "{stem}.png has {colours} colours: blank?");

        let svg = std::fs::read_to_string(out.join(format!("{stem}.svg"))).unwrap();
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{stem}.svg is not XML: {e}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert!(
            doc.descendants()
                .any(|n| n.is_text() && n.text().is_some_and(|t| t.trim() == title)),
            "{stem}.svg has no title {title:?}"
        );
    }
}

#[test]
fn charts_quiet_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let logs = root().join("sample_logs");
    let o = strainscope([
        "--quiet".as_ref(),
        "charts".as_ref(),
        "--workouts".as_ref(),
        logs.join("strong.csv").as_os_str(),
        "--out-dir".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert!(dir.path().join("progress.svg").is_file());
}

#[test]
fn charts_out_dir_under_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let out = file.join("charts");
    let o = charts(&out);
    assert_eq!(o.status.code(), Some(1), "stdout: {}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "cannot create the chart directory {}",
            out.display()
        )),
        "{err}"
    );
}

#[test]
fn charts_unwritable_out_dir_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("read-only");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(out.join("probe"), "x").is_ok() {
        // Running as root: permissions do not stop writes, so there is nothing to test.
        eprintln!("skipped: the read-only directory is writable (root?)");
        return;
    }
    let o = charts(&out);
    assert_eq!(o.status.code(), Some(1), "stdout: {}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("cannot write {}", out.join("load.png").display())),
        "{err}"
    );
    assert!(err.contains(&out.display().to_string()), "{err}");
}

#[test]
fn charts_out_dir_that_is_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charts");
    std::fs::write(&file, "x").unwrap();
    let o = charts(&file);
    assert_eq!(o.status.code(), Some(1), "stdout: {}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "cannot create the chart directory {}",
            file.display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x", "left alone");
}

/// Every word of the sample's weekly PDF with its height in points (pdftotext -bbox: a word's
/// box is as high as its font size).
fn pdf_word_heights(pdf: &Path) -> Vec<(String, f64)> {
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success());
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let num = |s: &str, key: &str| -> f64 {
        let i = s.find(key).unwrap() + key.len();
        s[i..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let word = w.split('>').nth(1).unwrap().split('<').next().unwrap();
            (word.to_string(), num(w, "yMax=\"") - num(w, "yMin=\""))
        })
        .collect()
}

#[test]
fn weekly_pdf_text_including_the_charts_is_at_least_7_pt() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("week.pdf");
    let out = strainscope([
        "--config",
        "sample_logs/strainscope.toml",
        "weekly",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let words = pdf_word_heights(&pdf);
    // The load chart's legend and axis title, and the associations table's marked row, are
    // among them.
    for chart_word in ["Daily", "Date", "Deadlift†"] {
        assert!(words.iter().any(|(w, _)| w == chart_word), "{chart_word}");
    }
    let small: Vec<&(String, f64)> = words.iter().filter(|(_, h)| *h < 6.99).collect();
    assert!(small.is_empty(), "text below 7 pt: {small:?}");
}
