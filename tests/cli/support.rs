use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The names of the entries in `dir`, sorted: what a run left there, temporaries included.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

pub fn strainscope<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_strainscope"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .expect("the strainscope binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `report` on both sample exports with the given diary, in one format.
pub fn sample_report_with(diary: &str, format: &str) -> Output {
    strainscope([
        "report",
        "--workouts",
        "sample_logs/strong.csv",
        "sample_logs/hevy.csv",
        "--pain",
        diary,
        "--format",
        format,
    ])
}

/// `report --format json` on the sample logs (both exports and the diary), exit 0 checked.
pub fn sample_report_json() -> serde_json::Value {
    let out = sample_report_with("sample_logs/pain_diary.csv", "json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

/// Runs `import --json` and parses the document; panics with stderr if it fails.
pub fn import_json(files: &[&Path], extra: &[&str]) -> serde_json::Value {
    let mut args: Vec<std::ffi::OsString> = vec!["import".into(), "--json".into()];
    args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    args.extend(extra.iter().map(Into::into));
    let out = strainscope(&args);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("import --json prints JSON")
}

/// Asserts the totals of an import document (or of one of its `files` entries).
#[track_caller]
pub fn assert_totals(
    v: &serde_json::Value,
    workouts: u64,
    sets: u64,
    warmup_sets: u64,
    volume_kg: f64,
    first_day: &str,
    last_day: &str,
) {
    assert_eq!(v["workouts"], workouts, "workouts in {v}");
    assert_eq!(v["sets"], sets, "sets in {v}");
    assert_eq!(v["warmup_sets"], warmup_sets, "warmup_sets in {v}");
    let got = v["volume_kg"].as_f64().expect("volume_kg is a number");
    assert!(
        (got - volume_kg).abs() <= 1e-6 * volume_kg.abs().max(1.0),
        "volume_kg {got} != {volume_kg}"
    );
    assert_eq!(v["first_day"], first_day, "first_day in {v}");
    assert_eq!(v["last_day"], last_day, "last_day in {v}");
}

pub const LB: f64 = 0.45359237;

/// The sets `import --out -` writes for one file (the generic CSV), one map per row: lets a
/// test check single sets (start, kind, duration) beside the totals.
pub fn exported_sets(
    file: &Path,
    extra: &[&str],
) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut args = vec!["import", file.to_str().unwrap(), "--out", "-"];
    args.extend_from_slice(extra);
    let out = strainscope(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Analyses a synthetic log the way a user would: written in Strong's format, imported, analysed.
pub fn analyse_synthetic(
    log: &strainscope::synth::SyntheticLog,
) -> strainscope::analysis::Analysis {
    use strainscope::analysis::{Input, analyse, settings::Thresholds};
    use strainscope::catalog::Catalog;
    use strainscope::import::{ImportOptions, import_file};
    let dir = tempfile::tempdir().unwrap();
    let (w, p) = (dir.path().join("strong.csv"), dir.path().join("diary.csv"));
    strainscope::synth::write_strong_v6(&log.workouts, std::fs::File::create(&w).unwrap()).unwrap();
    strainscope::synth::write_diary(&log.pain, std::fs::File::create(&p).unwrap()).unwrap();
    let catalog = Catalog::embedded();
    let sets = import_file(&w, &ImportOptions::default(), catalog)
        .unwrap()
        .sets;
    let pain = strainscope::diary::read_diary(&p).unwrap().entries;
    analyse(&Input {
        sets: &sets,
        pain: &pain,
        catalog,
        thresholds: &Thresholds::default(),
        conditions: &[],
        from: None,
        to: None,
        focus_weeks: strainscope::analysis::FOCUS_WEEKS,
    })
    .unwrap()
}
