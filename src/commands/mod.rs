//! One file per subcommand, and where their outputs go (destination.rs).

pub mod charts;
pub mod import;
pub mod pain;
pub mod report;
pub mod weekly;

use anyhow::Context;

mod destination;

pub use destination::{Inputs, write_output, write_set};

/// Prints to stdout through [`crate::output`]; a closed pipe surfaces as an error the caller
/// treats as success.
pub fn print(text: &str) -> anyhow::Result<()> {
    print_bytes(text.as_bytes())
}

/// Writes `bytes` to stdout; the error keeps the operating system's reason ("No space left on
/// device") and its kind, so a closed pipe is still recognised.
/// A path the user chose, as the "wrote …" lines show it: control characters as escapes.
pub fn shown_path(path: &std::path::Path) -> String {
    crate::text::visible(&path.display().to_string(), crate::text::Breaks::Escape).into_owned()
}

pub fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    crate::output::out_bytes(bytes).context("cannot write to standard output")
}

/// `strainscope completions SHELL`: generated from the clap definition, so it never drifts.
pub fn completions(shell: clap_complete::Shell) -> Result<u8, crate::error::AppError> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(
        shell,
        &mut crate::cli::Cli::command(),
        "strainscope",
        &mut out,
    );
    print(&String::from_utf8_lossy(&out))?;
    Ok(crate::error::exit::OK)
}

/// `strainscope man`: the man page, generated from the clap definition.
pub fn man() -> Result<u8, crate::error::AppError> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_mangen::Man::new(crate::cli::Cli::command())
        .render(&mut out)
        .map_err(anyhow::Error::from)?;
    print(&String::from_utf8_lossy(&out))?;
    Ok(crate::error::exit::OK)
}
