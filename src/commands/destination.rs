//! Where outputs go, and how they get there without harming anything else.
//!
//! - An output never lands on an input: [`Inputs`] names every file a run reads (exports, the
//!   pain diary, the config), and [`Inputs::refuse`] stops the run, before any work, when an
//!   output path is one of them, however it is spelled (`./x/../in.csv`, a hard link, a
//!   symlink): the same device and inode, or the same canonical path.
//! - A regular file is replaced atomically: written whole to a temporary file beside it, synced,
//!   then renamed over it. The temporary file is deleted on every error path (`tempfile` deletes
//!   it on drop). Only a `kill -9` between its creation and the rename can leave one; its name
//!   (`.strainscope-tmp-…`) says what it is, and the next write into the same directory removes
//!   those older than a minute. A minute is safe: everything is rendered before the temporary
//!   file is created, so a live one only lives for the time its bytes take to reach the disk.
//! - Anything else (a device such as /dev/null, a FIFO, `-` for stdout) is written into as it
//!   is: renaming over /dev/null would turn it into a regular file for the whole machine.
//! - A set of files (the charts) arrives all or not at all: each is written to a temporary
//!   directory in the destination, and only when every one is written are they moved in.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Context;

use crate::config::Settings;
use crate::error::AppError;

/// How every temporary name of strainscope starts, so a stale one can be recognised.
const TEMP_PREFIX: &str = ".strainscope-tmp-";
/// A temporary file older than this was left by a killed run.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// The files a run reads, which no output may replace.
#[derive(Debug, Default)]
pub struct Inputs {
    files: Vec<(PathBuf, &'static str)>,
}

impl Inputs {
    /// The exports, the pain diary and the config of an analysis run.
    pub fn of(settings: &Settings) -> Inputs {
        let mut inputs = Inputs::default();
        for w in &settings.inputs.workouts {
            inputs.files.push((w.clone(), "the workout export"));
        }
        if let Some(p) = &settings.inputs.pain {
            inputs.files.push((p.clone(), "the pain diary"));
        }
        inputs.with_config(settings)
    }

    /// The exports `import` reads, and its config.
    pub fn of_import(files: &[PathBuf], settings: &Settings) -> Inputs {
        let files = files
            .iter()
            .map(|f| (f.clone(), "the workout export"))
            .collect();
        Inputs { files }.with_config(settings)
    }

    fn with_config(mut self, settings: &Settings) -> Inputs {
        if let Some(c) = &settings.source {
            self.files.push((c.clone(), "the config"));
        }
        self
    }

    /// A usage error when `out`, given to `option`, is one of the inputs.
    pub fn refuse(&self, option: &str, out: &Path) -> Result<(), AppError> {
        if out.as_os_str() == "-" {
            return Ok(());
        }
        match self.files.iter().find(|(input, _)| same_file(out, input)) {
            None => Ok(()),
            Some((input, what)) => Err(AppError::Usage(format!(
                "{option} {} is {what} {}: strainscope never writes over a file it reads (expected another path for {option})",
                out.display(),
                input.display()
            ))),
        }
    }
}

/// Whether `a` and `b` name the same file: the same device and inode where both exist (hard
/// links, symlinks), else the same canonical path (`./x/../in.csv`, a file yet to be created).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
        use std::os::unix::fs::MetadataExt;
        return ma.dev() == mb.dev() && ma.ino() == mb.ino();
    }
    match (canonical(a), canonical(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// The canonical form of `path`, or of its directory joined with its name when the file does
/// not exist yet.
fn canonical(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let name = path.file_name()?;
    let dir = parent(path).canonicalize().ok()?;
    Some(dir.join(name))
}

/// The directory `path` is in (`.` for a bare file name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// An I/O error with what was being done and the operating system's reason.
fn failed(what: String) -> impl FnOnce(std::io::Error) -> anyhow::Error {
    move |e| anyhow::anyhow!("{what}: {e}")
}

/// Writes `bytes` to `path`: atomically for a regular file (or a new one), straight into
/// anything else. `-` means stdout.
pub fn write_output(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        return super::print_bytes(bytes);
    }
    let shown = path.display();
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(failed(format!("cannot write {shown}")))?;
        return out
            .write_all(bytes)
            .and_then(|_| out.flush())
            .map_err(failed(format!("cannot write {shown}")));
    }
    let dir = parent(path);
    remove_stale_temps(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(failed(format!(
            "cannot write {shown}: cannot create a file in {}",
            dir.display()
        )))?;
    // tempfile creates files readable by the owner only; a report is an ordinary file, so
    // give it the permissions of the file it replaces, or rw-r--r--.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(failed(format!("cannot write {shown}")))?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(failed(format!("cannot write {shown}")))?;
    // On failure the PersistError holds the temporary file, which is deleted when it drops.
    tmp.persist(path)
        .map_err(|e| anyhow::anyhow!("cannot write {shown}: {}", e.error))?;
    Ok(())
}

/// Writes every `(file name, bytes)` into `dir`, all or none: each is written and synced in a
/// temporary directory inside `dir`, and only then are they renamed into place. Returns the
/// paths written.
pub fn write_set(dir: &Path, files: &[(String, Vec<u8>)]) -> anyhow::Result<Vec<PathBuf>> {
    let shown = dir.display();
    // A rename that would fail must fail before the first one, or the set would be mixed.
    if let Some((name, _)) = files.iter().find(|(name, _)| dir.join(name).is_dir()) {
        anyhow::bail!(
            "cannot write {}: it is a directory (nothing of the new set was written)",
            dir.join(name).display()
        );
    }
    remove_stale_temps(dir);
    let staging = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempdir_in(dir)
        .map_err(failed(format!("cannot write into {shown}")))?;
    for (name, bytes) in files {
        let path = staging.path().join(name);
        let written = dir.join(name);
        std::fs::File::create(&path)
            .and_then(|mut f| f.write_all(bytes).and_then(|_| f.sync_all()))
            .map_err(failed(format!("cannot write {}", written.display())))?;
    }
    // Every file is on disk: the renames that follow only change names.
    let mut written = Vec::with_capacity(files.len());
    for (name, _) in files {
        let to = dir.join(name);
        std::fs::rename(staging.path().join(name), &to)
            .map_err(failed(format!("cannot write {}", to.display())))?;
        written.push(to);
    }
    staging
        .close()
        .context(format!("cannot remove a temporary directory in {shown}"))?;
    Ok(written)
}

/// Removes the temporary files and directories a killed run left in `dir` (best effort: one
/// that cannot be removed does not stop this run's write).
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !is_temp_name(&name.to_string_lossy()) {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if !old {
            continue;
        }
        let _ = if meta.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        };
    }
}

/// Whether `name` is one of strainscope's temporary names. Earlier versions named theirs
/// `.strainscope-` and six random characters; those are left alone, since a person's own
/// `.strainscope-config` has the same shape.
fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_and_nothing_else() {
        assert!(is_temp_name(".strainscope-tmp-Ab12cd"));
        assert!(!is_temp_name(".strainscope-config"));
        assert!(!is_temp_name("strainscope-tmp-Ab12cd"));
        assert!(!is_temp_name("report.md"));
    }

    #[test]
    fn a_path_and_its_spellings_are_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.csv");
        std::fs::write(&input, "x").unwrap();
        std::fs::create_dir(dir.path().join("x")).unwrap();
        assert!(same_file(&dir.path().join("x/../in.csv"), &input));
        let link = dir.path().join("link.csv");
        std::fs::hard_link(&input, &link).unwrap();
        assert!(same_file(&link, &input));
        assert!(!same_file(&dir.path().join("new.csv"), &input));
        // Neither exists: the same canonical path still counts.
        assert!(same_file(
            &dir.path().join("x/../gone.csv"),
            &dir.path().join("gone.csv")
        ));
    }
}
