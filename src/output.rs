//! The one way strainscope writes to its standard streams. A closed pipe
//! (`strainscope report | head -1`) ends the run quietly, the way ripgrep does: stdout errors
//! come back as errors the caller propagates (and `app` turns a broken pipe into success), and
//! a write to stderr that fails is dropped, since there is nowhere left to say so. Nothing here
//! panics, unlike `println!`.

use std::io::Write;

/// Writes `text` to stdout and flushes it.
pub fn out(text: &str) -> std::io::Result<()> {
    out_bytes(text.as_bytes())
}

/// Writes `bytes` to stdout and flushes them.
pub fn out_bytes(bytes: &[u8]) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()
}

/// Writes `text` and a line break to stderr; a stderr that cannot be written is ignored.
pub fn err_line(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_all(text.as_bytes())
        .and_then(|_| stderr.write_all(b"\n"));
}

/// Writes `text` as it is to stderr; a stderr that cannot be written is ignored.
pub fn err(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
