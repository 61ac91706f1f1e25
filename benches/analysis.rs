//! Import + full analysis, end to end, on the sample logs and on generated logs of 1, 5 and 20
//! years. A bench binary, not a timed test: `cargo bench --bench analysis`.
//!
//! Each case writes its logs as real export files (Strong v6 + the diary) once, then times
//! `import_file` + `read_diary` + `analyse` over several runs and prints the median, min and
//! max wall-clock time as a Markdown table (copied into docs/performance.md).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use strainscope::analysis::settings::Thresholds;
use strainscope::analysis::{Input, analyse};
use strainscope::catalog::Catalog;
use strainscope::diary::read_diary;
use strainscope::import::{ImportOptions, import_file};
use strainscope::synth::{self, PainModel, SimOptions};

// The same allocator as the binary, so the figures are what a user gets.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Case {
    name: String,
    workouts: Vec<PathBuf>,
    diary: PathBuf,
}

/// One end-to-end run; returns (sets, pain entries) so the work cannot be optimised away.
fn run(case: &Case) -> (usize, usize) {
    let catalog = Catalog::embedded();
    let opts = ImportOptions::default();
    let mut sets = Vec::new();
    for w in &case.workouts {
        sets.extend(import_file(w, &opts, catalog).expect("import").sets);
    }
    let pain = read_diary(&case.diary).expect("diary").entries;
    let a = analyse(&Input {
        sets: &sets,
        pain: &pain,
        catalog,
        thresholds: &Thresholds::default(),
        conditions: &[],
        from: None,
        to: None,
    })
    .expect("analysis");
    std::hint::black_box(&a);
    (sets.len(), pain.len())
}

fn generated(dir: &Path, years: u32) -> Case {
    let log = synth::simulate(&SimOptions {
        seed: 42,
        start: chrono::NaiveDate::from_ymd_opt(2021, 1, 4).expect("date"),
        weeks: 52 * years,
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
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cases = vec![Case {
        name: "sample_logs (6 months)".into(),
        workouts: vec![
            root.join("sample_logs/strong.csv"),
            root.join("sample_logs/hevy.csv"),
        ],
        diary: root.join("sample_logs/pain_diary.csv"),
    }];
    for years in [1, 5, 20] {
        cases.push(generated(dir.path(), years));
    }
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);

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
}
