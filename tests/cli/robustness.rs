//! Issue 14's robustness check, run by hand (it is `#[ignore]`d: about 1,000 runs of the
//! binary): every file of the fuzz corpora (fuzz/corpus, after a campaign) and 1,000 seeded
//! random mutations of the real exports (../shared/real-exports, skipped where absent) go
//! through the binary, which must neither panic nor run past 5 s on any of them.
//!
//!     cargo test --release --locked --test cli robustness -- --ignored --nocapture

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};

use crate::support::root;

const MUTATIONS: usize = 1000;
const SEED: u64 = 14;
const LIMIT: Duration = Duration::from_secs(5);

/// How one run ended.
#[derive(Debug, PartialEq)]
enum Outcome {
    Exited(i32),
    Panicked(String),
    TimedOut,
}

/// Runs the binary with a 5 s limit; a panic is exit 101, a signal, or "panicked at".
fn run(args: &[OsString]) -> Outcome {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_strainscope"))
        .args(args)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut err);
            }
            return match status.code() {
                Some(101) | None => Outcome::Panicked(err),
                Some(_) if err.contains("panicked at") => Outcome::Panicked(err),
                Some(code) => Outcome::Exited(code),
            };
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Outcome::TimedOut;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// One random change of the kinds real files and hostile users make.
fn mutate(rng: &mut rand_chacha::ChaCha8Rng, bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..rng.random_range(1..=4) {
        if out.is_empty() {
            out.extend_from_slice(b"x");
        }
        let at = rng.random_range(0..out.len());
        match rng.random_range(0..9) {
            // A flipped byte.
            0 => out[at] ^= 1 << rng.random_range(0..8),
            // A cut: a range gone, or the file truncated.
            1 => {
                let end = (at + rng.random_range(1..200)).min(out.len());
                out.drain(at..end);
            }
            2 => out.truncate(at),
            // A line repeated many times.
            3 => {
                let start = out[..at]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
                let end = out[at..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(out.len(), |i| at + i + 1);
                let line = out[start..end].to_vec();
                for _ in 0..rng.random_range(1..50) {
                    out.splice(end..end, line.iter().copied());
                }
            }
            // Hostile values where a field was.
            4..=6 => {
                const VALUES: &[&[u8]] = &[
                    b"9999-12-31 23:59:59",
                    b"0001-01-01",
                    b"1e308",
                    b"-1",
                    b"NaN",
                    b"inf",
                    b"18446744073709551616",
                    b"\"",
                    b"\"\"\"",
                    b"\x1b[2J\x1b]0;pwn\x07",
                    b"\xe2\x80\xae",
                    b"\xff\xfe",
                    b"\r",
                    b";;;;;;",
                    b",,,,,,,,",
                    b"31/02/2026",
                    b"24:61",
                ];
                let v = VALUES[rng.random_range(0..VALUES.len())];
                let end = out[at..]
                    .iter()
                    .position(|b| matches!(b, b',' | b';' | b'\n'))
                    .map_or(out.len(), |i| at + i);
                out.splice(at..end, v.iter().copied());
            }
            // Random bytes inserted.
            7 => {
                let n = rng.random_range(1..16);
                let junk: Vec<u8> = (0..n).map(|_| rng.random()).collect();
                out.splice(at..at, junk);
            }
            // Two lines swapped, so dates go out of order.
            _ => {
                let lines: Vec<&[u8]> = out.split(|b| *b == b'\n').collect();
                if lines.len() > 3 {
                    let (i, j) = (
                        rng.random_range(1..lines.len()),
                        rng.random_range(1..lines.len()),
                    );
                    let mut l: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
                    l.swap(i, j);
                    out = l.join(&b'\n');
                }
            }
        }
    }
    out
}

/// The options a corpus file's first byte stands for (fuzz/fuzz_targets/common.rs).
fn import_flags(choice: u8) -> Vec<&'static str> {
    let mut flags = Vec::new();
    match choice % 3 {
        1 => flags.extend(["--unit", "kg"]),
        2 => flags.extend(["--unit", "lb"]),
        _ => {}
    }
    match choice / 3 % 3 {
        1 => flags.extend(["--date-order", "dmy"]),
        2 => flags.extend(["--date-order", "mdy"]),
        _ => {}
    }
    flags
}

/// `report` over a workout file, with pain read from its notes.
fn report_on(file: &Path, flags: &[&str]) -> Outcome {
    let mut args: Vec<OsString> = vec!["report".into(), "--workouts".into(), file.into()];
    args.extend(
        ["--pain-from-notes", "--format", "json", "--quiet"]
            .iter()
            .chain(flags)
            .map(OsString::from),
    );
    run(&args)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

#[test]
#[ignore = "about 1,000 runs of the binary; run by hand in release (issue 14)"]
fn no_mutated_export_or_corpus_file_panics_or_hangs() {
    let scratch = tempfile::tempdir().expect("a temp dir");
    let mut failures: Vec<String> = Vec::new();
    let mut runs = 0usize;
    let mut check = |what: String, outcome: Outcome| {
        runs += 1;
        if !matches!(outcome, Outcome::Exited(_)) {
            failures.push(format!("{what}: {outcome:?}"));
        }
    };

    let real = files_in(&root().join("../shared/real-exports"));
    let real: Vec<PathBuf> = real
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(SEED);
    if !real.is_empty() {
        for i in 0..MUTATIONS {
            let source = &real[i % real.len()];
            let bytes = std::fs::read(source).expect("readable");
            let mutated = mutate(&mut rng, &bytes);
            let path = scratch.path().join(format!("m{i}.csv"));
            std::fs::write(&path, &mutated).expect("writable");
            let flags = import_flags(rng.random());
            let name = source.file_name().unwrap_or_default().to_string_lossy();
            check(format!("mutation {i} of {name}"), report_on(&path, &flags));
        }
    }

    let corpus = root().join("fuzz/corpus");
    let mut targets: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    targets.retain(|p| p.is_dir());
    targets.sort();
    for target in targets {
        let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        for file in files_in(&target) {
            // A fuzzer still running on the corpus deletes the inputs it has reduced.
            let bytes = match std::fs::read(&file) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => panic!("{}: {e}", file.display()),
            };
            let shown = format!(
                "{name}/{}",
                file.file_name().unwrap_or_default().to_string_lossy()
            );
            let outcome = if name.starts_with("import_") {
                let Some((&choice, body)) = bytes.split_first() else {
                    continue;
                };
                let path = scratch.path().join("corpus.csv");
                std::fs::write(&path, body).expect("writable");
                report_on(&path, &import_flags(choice))
            } else if name == "diary" {
                let sample = root().join("sample_logs/strong.csv");
                run(&[
                    "report".into(),
                    "--workouts".into(),
                    sample.into(),
                    "--pain".into(),
                    file.into(),
                    "--quiet".into(),
                ])
            } else if name == "config" {
                let sample = root().join("sample_logs/strong.csv");
                run(&[
                    "report".into(),
                    "--config".into(),
                    file.into(),
                    "--workouts".into(),
                    sample.into(),
                    "--pain-from-notes".into(),
                    "--quiet".into(),
                ])
            } else {
                continue;
            };
            check(shown, outcome);
        }
    }
    println!("{runs} runs, {} failures", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(runs >= MUTATIONS || real.is_empty(), "{runs} runs");
}
