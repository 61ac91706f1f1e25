//! Parse, dispatch, and map errors to exit codes: `error: …` on stderr, data on stdout.

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, PainCommand};
use crate::commands;
use crate::config::Settings;
use crate::error::{AppError, exit};
use crate::model::PlausibleDates;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(AppError::Other(e)) if is_broken_pipe(&e) => ExitCode::from(exit::OK),
        Err(e) => {
            // Every error passes here: the file names and values it echoes are the user's.
            // `:#` keeps the causes: "cannot write adir: Is a directory (os error 21)".
            let message = format!("error: {e:#}");
            crate::output::err_line(&crate::text::visible(&message, crate::text::Breaks::Keep));
            ExitCode::from(e.exit_code())
        }
    }
}

/// `--help`, `--version` or a usage error, printed by clap. Unlike `Error::exit`, a help text
/// that cannot be written (`--help > /dev/full`) is a failure, not a success; a closed pipe
/// (`--help | head -1`) still is not.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let code = u8::try_from(e.exit_code()).unwrap_or(exit::USAGE);
    // clap writes without flushing: what is left in stdout's buffer must fail here too.
    match e
        .print()
        .and_then(|()| std::io::Write::flush(&mut std::io::stdout()))
    {
        Ok(()) => ExitCode::from(code),
        Err(io) if io.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(code),
        Err(io) => {
            crate::output::err_line(&format!("error: cannot write the help: {io}"));
            ExitCode::from(exit::FAILURE)
        }
    }
}

pub fn run(cli: Cli) -> Result<u8, AppError> {
    // Only the commands that read exports read the config: a broken strainscope.toml in the
    // working directory must not stop `completions`, `man` or `pain add`. Those that do build
    // their settings here, once: the file's values, then the flags over them.
    // Every date read or given is checked against today (`--today`, or the system date).
    let dates = cli
        .today
        .map_or_else(PlausibleDates::default, PlausibleDates::ending);
    let config = || crate::config::load(cli.config.as_deref()).map(|s| s.with_dates(dates));
    let analysed = |input: &crate::cli::AnalysisArgs| -> Result<Settings, AppError> {
        dates
            .check_option("--from", input.from)
            .map_err(AppError::Usage)?;
        dates
            .check_option("--to", input.to)
            .map_err(AppError::Usage)?;
        Ok(config()?.with_analysis_flags(input))
    };
    match cli.command {
        Command::Import(ref args) => {
            commands::import::run(args, &config()?.with_read_flags(&args.read))
        }
        Command::Pain(PainCommand::Check(args)) => commands::pain::check(&args, &dates),
        Command::Pain(PainCommand::Add(args)) => commands::pain::add(&args, &dates),
        Command::Report(ref args) => {
            commands::report::run(args, &analysed(&args.input)?, cli.quiet)
        }
        Command::Charts(ref args) => {
            commands::charts::run(args, &analysed(&args.input)?, cli.quiet)
        }
        Command::Weekly(ref args) => {
            commands::weekly::run(args, &analysed(&args.input)?, cli.quiet)
        }
        Command::Completions { shell } => commands::completions(shell),
        Command::Man => commands::man(),
    }
}

/// `strainscope import … | head` closing the pipe early is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
