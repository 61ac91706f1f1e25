//! Progress on stderr for runs long enough to wonder about (a 5-year log, many weekly PDFs).
//! Hidden when stderr is not a terminal or with `--quiet`, and only drawn once a run has
//! taken half a second, so quick runs never flash a bar.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const SHOW_AFTER: Duration = Duration::from_millis(500);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    quiet: bool,
    attended: bool,
}

impl Progress {
    /// A bar of `steps` steps.
    pub fn new(quiet: bool, steps: u64) -> Self {
        let bar = ProgressBar::with_draw_target(Some(steps), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{elapsed:>3} [{bar:24}] {pos}/{len} {msg}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress {
            bar,
            started: Instant::now(),
            quiet,
            attended: !quiet && std::io::stderr().is_terminal(),
        }
    }

    /// More steps than first thought (one per weekly PDF, say).
    pub fn add_steps(&self, n: u64) {
        self.bar.inc_length(n);
    }

    /// Starts the next step.
    pub fn step(&self, what: &str) {
        if self.attended && self.bar.is_hidden() && self.started.elapsed() >= SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        if self.bar.message() != "" {
            self.bar.inc(1);
        }
        self.bar.set_message(what.to_string());
    }

    /// A warning on stderr that does not tear the bar; silent under `--quiet`.
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            self.bar.suspend(|| {
                let line = format!("warning: {message}");
                crate::output::err_line(&crate::text::visible(&line, crate::text::Breaks::Keep))
            });
        }
    }

    /// Runs `f` (which prints) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Clears the bar before the output is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if !self.bar.is_finished() {
            self.bar.finish_and_clear();
        }
    }
}
