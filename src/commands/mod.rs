//! One file per subcommand.

pub mod charts;
pub mod import;
pub mod pain;
pub mod report;
pub mod weekly;

use std::io::Write;
use std::path::Path;

use anyhow::Context;

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, renamed into
/// place, so an interrupted run never leaves a half-written output. `-` means stdout; a device
/// or a pipe is written into as it is.
pub fn write_output(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        return Ok(out.flush()?);
    }
    // A device or a pipe (`--out /dev/null`, `--out /dev/stdout`, a FIFO) is written into, never
    // replaced: renaming a temporary file over /dev/null would turn it into a regular file
    // and break every program on the machine that writes to it.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        return out
            .write_all(bytes)
            .and_then(|_| out.flush())
            .with_context(|| format!("cannot write {}", path.display()));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".strainscope-")
        .tempfile_in(dir)
        .with_context(|| {
            format!(
                "cannot write {}: cannot create a file in {}",
                path.display(),
                dir.display()
            )
        })?;
    // tempfile creates files readable by the owner only; a report is an ordinary file, so
    // give it the permissions of the file it replaces, or rw-r--r--.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Prints to stdout through [`crate::output`]; a closed pipe surfaces as an error the caller
/// treats as success.
pub fn print(text: &str) -> anyhow::Result<()> {
    Ok(crate::output::out(text)?)
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
