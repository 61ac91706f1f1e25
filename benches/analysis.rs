//! Import + full analysis, end to end, on the sample logs and on generated logs of 1, 5 and 20
//! years; then the outputs (HTML report with its charts, every chart as PNG and SVG, the
//! weekly PDF) for the sample logs and the 5-year log. A bench binary, not a timed test:
//! `cargo bench --bench analysis`.
//!
//! Each case writes its logs as real export files (Strong v6 + the diary) once, then times
//! `import_file` + `read_diary` + `analyse` over several runs and prints the median, min and
//! max wall-clock time as a Markdown table (copied into docs/performance.md).
//!
//! A third table times `import_file` alone, in sets per second, on the 5-year log and on every
//! real export in ../shared/real-exports/ (where that folder exists); `BENCH_ONLY=import` prints
//! only that table.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use strainscope::analysis::settings::Thresholds;
use strainscope::analysis::{Input, analyse};
use strainscope::catalog::Catalog;
use strainscope::diary::read_diary_within;
use strainscope::import::{ImportOptions, import_file};
use strainscope::model::PlausibleDates;
use strainscope::synth::{self, PainModel, SimOptions};

// The same allocator as the binary, so the figures are what a user gets.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Case {
    name: String,
    workouts: Vec<PathBuf>,
    diary: PathBuf,
    /// The plausible dates the case is read with: a generated log may run past the real today
    /// (the 20-year one ends in 2040), so it is read as `--today` at its end would read it.
    dates: PlausibleDates,
}

/// One end-to-end run; returns (sets, pain entries) so the work cannot be optimised away.
fn run(case: &Case) -> (usize, usize) {
    let catalog = Catalog::embedded();
    let opts = case_options(case);
    let mut sets = Vec::new();
    for w in &case.workouts {
        sets.extend(import_file(w, &opts, catalog).expect("import").sets);
    }
    let pain = read_diary_within(&case.diary, &case.dates)
        .expect("diary")
        .entries;
    let a = analyse(&Input {
        sets: &sets,
        pain: &pain,
        catalog,
        thresholds: &Thresholds::default(),
        conditions: &[],
        from: None,
        to: None,
        focus_weeks: strainscope::analysis::FOCUS_WEEKS,
    })
    .expect("analysis");
    std::hint::black_box(&a);
    (sets.len(), pain.len())
}

fn case_options(case: &Case) -> ImportOptions {
    let mut opts = ImportOptions::default();
    opts.dates.plausible = case.dates;
    opts
}

fn generated(dir: &Path, years: u32) -> Case {
    let start = chrono::NaiveDate::from_ymd_opt(2021, 1, 4).expect("date");
    let weeks = 52 * years;
    let log = synth::simulate(&SimOptions {
        seed: 42,
        start,
        weeks,
        pain: PainModel::Planted,
    });
    let workouts = dir.join(format!("strong_{years}y.csv"));
    let diary = dir.join(format!("diary_{years}y.csv"));
    synth::write_strong_v6(
        &log.workouts,
        std::fs::File::create(&workouts).expect("file"),
    )
    .expect("write");
    synth::write_diary(&log.pain, std::fs::File::create(&diary).expect("file")).expect("write");
    Case {
        name: format!(
            "generated, {years} year{}",
            if years == 1 { "" } else { "s" }
        ),
        workouts: vec![workouts],
        diary,
        dates: PlausibleDates::ending(start + chrono::Days::new(7 * u64::from(weeks))),
    }
}

/// The outputs of one weekly run, rendered in memory as the commands render them: returns the
/// bytes produced so nothing is optimised away.
struct Outputs {
    html: Duration,
    charts: Duration,
    weekly: Duration,
    bytes: usize,
}

fn outputs(case: &Case) -> Outputs {
    use strainscope::chart::{self, ChartKind};
    use strainscope::cli::{AnalysisArgs, ReadArgs, ReportFormat};
    use strainscope::commands::report::{figures, render};
    use strainscope::commands::weekly::week_pdf;
    use strainscope::pipeline::read_inputs;
    use strainscope::progress::Progress;
    use strainscope::report::document::Document;
    use strainscope::report::document::charts::ChartData;

    let args = AnalysisArgs {
        workouts: case.workouts.clone(),
        pain: Some(case.diary.clone()),
        pain_from_notes: false,
        from: None,
        to: None,
        focus_weeks: None,
        read: ReadArgs {
            unit: None,
            tz: None,
            date_order: None,
            keep_duplicates: false,
            map: None,
        },
    };
    let settings = strainscope::config::Settings::default().with_analysis_flags(&args);
    let progress = Progress::new(true, 1);
    let mut bytes = 0;

    // The HTML report: import, analysis, five SVG charts, the page.
    let t = Instant::now();
    let loaded = read_inputs(&settings, &progress).expect("inputs");
    let a = loaded.analyse(None, None).expect("analysis");
    let doc = Document::build(&a, &loaded.sources);
    let figs = figures(&doc.charts).expect("figures");
    bytes += render(&doc, ReportFormat::Html, false, &figs)
        .expect("html")
        .len();
    let html = t.elapsed();

    // Every chart as PNG and SVG (from the same analysis).
    let t = Instant::now();
    let data = ChartData::new(&a);
    for kind in ChartKind::ALL {
        let size = kind.default_size();
        bytes += chart::svg(kind, &data, None, size).expect("svg").len();
        bytes += chart::png(kind, &data, None, size).expect("png").len();
    }
    let charts = t.elapsed();

    // The weekly PDF of the last complete week: its own analysis up to that Sunday.
    let t = Instant::now();
    let last = a.period.to.expect("data");
    let monday = strainscope::analysis::digest::last_complete_week(last);
    bytes += week_pdf(&loaded, None, None, monday).expect("pdf").len();
    let weekly = t.elapsed();
    Outputs {
        html,
        charts,
        weekly,
        bytes,
    }
}

/// The options a real export needs (the files that name no unit, or no date order).
fn real_file_options(name: &str) -> ImportOptions {
    use strainscope::model::WeightUnit;
    let unit = if name.contains("fitnotes_ios") {
        WeightUnit::Kg
    } else {
        WeightUnit::Lb
    };
    ImportOptions {
        unit: Some(unit),
        ..ImportOptions::default()
    }
}

/// Import alone (read, decode, parse, normalise, resolve names, sort), median of 5 runs after a
/// warm-up, in sets per second.
fn import_speed(root: &Path, five_years: &Case) {
    let catalog = Catalog::embedded();
    let mut files: Vec<(String, PathBuf, ImportOptions)> = vec![(
        five_years.name.clone(),
        five_years.workouts[0].clone(),
        case_options(five_years),
    )];
    let real = root.join("../shared/real-exports");
    if let Ok(dir) = std::fs::read_dir(&real) {
        let mut names: Vec<String> = dir
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".csv"))
            .collect();
        names.sort();
        for n in names {
            let opts = real_file_options(&n);
            files.push((n.clone(), real.join(&n), opts));
        }
    }
    println!();
    println!("| file | sets | median | sets per second | runs |");
    println!("|---|---:|---:|---:|---:|");
    for (name, path, opts) in &files {
        let Ok(first) = import_file(path, opts, catalog) else {
            println!("| {name} | (does not import) | | | |");
            continue;
        };
        let sets = first.sets.len();
        let mut times: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(import_file(path, opts, catalog).expect("import"));
                t.elapsed()
            })
            .collect();
        times.sort();
        let median = times[2].as_secs_f64();
        println!(
            "| {name} | {sets} | {:.2} ms | {:.2} M | 5 |",
            median * 1000.0,
            sets as f64 / median / 1e6
        );
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    // BENCH_ONLY=import prints only the import-speed table.
    if std::env::var("BENCH_ONLY").is_ok_and(|v| v == "import") {
        import_speed(&root, &generated(dir.path(), 5));
        return;
    }
    // BENCH_PROFILE=FILE imports one file 500 times, for a profiler.
    if let Ok(mut file) = std::env::var("BENCH_PROFILE") {
        if file == "5y" {
            file = generated(dir.path(), 5).workouts[0].display().to_string();
        }
        let opts = real_file_options(&file);
        let n: usize = std::env::var("BENCH_N")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(500);
        let mut times: Vec<f64> = (0..n)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(
                    import_file(Path::new(&file), &opts, Catalog::embedded()).ok(),
                );
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        eprintln!(
            "µs per import: min {:.1}, median {:.1}, max {:.1}",
            times[0],
            times[n / 2],
            times[n - 1]
        );
        return;
    }
    let mut cases = vec![Case {
        name: "sample_logs (6 months)".into(),
        workouts: vec![
            root.join("sample_logs/strong.csv"),
            root.join("sample_logs/hevy.csv"),
        ],
        diary: root.join("sample_logs/pain_diary.csv"),
        dates: PlausibleDates::default(),
    }];
    for years in [1, 5, 20] {
        cases.push(generated(dir.path(), years));
    }
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);

    // Import speed first, in a process that has done nothing else yet, as a CLI run is.
    import_speed(&root, &cases[2]);
    println!();

    println!("| input | sets | pain entries | median | min | max | runs |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for case in &cases {
        let (sets, pain) = run(case); // warm-up: page cache, allocator, catalog
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(run(case));
                t.elapsed()
            })
            .collect();
        times.sort();
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            case.name,
            sets,
            pain,
            ms(times[times.len() / 2]),
            ms(times[0]),
            ms(times[times.len() - 1]),
            runs
        );
    }

    let output_runs = runs.min(9);
    println!();
    println!(
        "| input | HTML report (import + analysis + 5 SVG charts) | 10 chart files | weekly PDF | total | runs |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for case in [&cases[0], &cases[2]] {
        std::hint::black_box(outputs(case).bytes); // warm-up
        let mut all: Vec<Outputs> = (0..output_runs).map(|_| outputs(case)).collect();
        let median = |all: &mut Vec<Outputs>, f: fn(&Outputs) -> Duration| {
            let mut v: Vec<Duration> = all.iter().map(f).collect();
            v.sort();
            format!("{:.0} ms", v[v.len() / 2].as_secs_f64() * 1000.0)
        };
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            case.name,
            median(&mut all, |o| o.html),
            median(&mut all, |o| o.charts),
            median(&mut all, |o| o.weekly),
            median(&mut all, |o| o.html + o.charts + o.weekly),
            output_runs
        );
    }
}
