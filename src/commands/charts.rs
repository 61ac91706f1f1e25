//! `strainscope charts`: every chart as PNG and SVG in one directory.

use anyhow::Context;

use crate::chart::{self, ChartKind};
use crate::cli::ChartsArgs;
use crate::config::Settings;
use crate::error::AppError;
use crate::error::exit;

use super::{Inputs, print, shown_path, write_set};
use crate::progress::Progress;

pub fn run(args: &ChartsArgs, settings: &Settings, quiet: bool) -> Result<u8, AppError> {
    let dir = &args.out_dir;
    let names: Vec<String> = ChartKind::ALL
        .iter()
        .flat_map(|kind| ["png", "svg"].map(|ext| format!("{}.{ext}", kind.file_stem())))
        .collect();
    let inputs = Inputs::of(settings);
    for name in &names {
        inputs.refuse("--out-dir", &dir.join(name))?;
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the chart directory {}", dir.display()))?;
    let progress = Progress::new(quiet, 3 + ChartKind::ALL.len() as u64);
    let (analysis, _sources) =
        crate::pipeline::load(settings, args.input.from, args.input.to, &progress)?;
    let data = crate::report::document::charts::ChartData::new(&analysis);
    chart::register_fonts()?;
    // Every chart is drawn before any is written: the directory gets the whole new set or,
    // on any error, keeps the old one untouched.
    let mut files = Vec::with_capacity(names.len());
    for kind in ChartKind::ALL {
        progress.step(&format!("drawing {}", kind.file_stem()));
        let size = kind.default_size();
        let png = chart::png(kind, &data, None, size)
            .with_context(|| format!("drawing the {} chart", kind.file_stem()))?;
        files.push((format!("{}.png", kind.file_stem()), png));
        let svg = chart::svg(kind, &data, None, size)
            .with_context(|| format!("drawing the {} chart", kind.file_stem()))?;
        files.push((format!("{}.svg", kind.file_stem()), svg.into_bytes()));
    }
    let written = write_set(dir, &files)?;
    progress.finish();
    if !quiet {
        let lines: String = written
            .iter()
            .map(|p| format!("wrote {}\n", shown_path(p)))
            .collect();
        print(&lines)?;
    }
    Ok(exit::OK)
}
