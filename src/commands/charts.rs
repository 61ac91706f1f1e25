//! `strainscope charts`: every chart as PNG and SVG in one directory.

use anyhow::Context;

use crate::chart::{self, ChartKind};
use crate::cli::ChartsArgs;
use crate::config::Settings;
use crate::error::AppError;
use crate::error::exit;

use super::{print, write_output};
use crate::progress::Progress;

pub fn run(args: &ChartsArgs, settings: &Settings, quiet: bool) -> Result<u8, AppError> {
    let dir = &args.out_dir;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the chart directory {}", dir.display()))?;
    let progress = Progress::new(quiet, 3 + ChartKind::ALL.len() as u64);
    let (analysis, _sources) =
        crate::pipeline::load(settings, args.input.from, args.input.to, &progress)?;
    let data = crate::report::document::charts::ChartData::new(&analysis);
    chart::register_fonts()?;
    let mut written = Vec::new();
    for kind in ChartKind::ALL {
        progress.step(&format!("drawing {}", kind.file_stem()));
        let size = kind.default_size();
        let png = chart::png(kind, &data, None, size)
            .with_context(|| format!("drawing the {} chart", kind.file_stem()))?;
        let path = dir.join(format!("{}.png", kind.file_stem()));
        write_output(&path, &png)?;
        written.push(path);
        let svg = chart::svg(kind, &data, None, size)
            .with_context(|| format!("drawing the {} chart", kind.file_stem()))?;
        let path = dir.join(format!("{}.svg", kind.file_stem()));
        write_output(&path, svg.as_bytes())?;
        written.push(path);
    }
    progress.finish();
    if !quiet {
        let lines: String = written
            .iter()
            .map(|p| format!("wrote {}\n", p.display()))
            .collect();
        print(&lines)?;
    }
    Ok(exit::OK)
}
