//! Parse, dispatch, and map errors to exit codes: `error: …` on stderr, data on stdout.

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, PainCommand};
use crate::commands;
use crate::error::{AppError, exit};

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(AppError::Other(e)) if is_broken_pipe(&e) => ExitCode::from(exit::OK),
        Err(e) => {
            // Every error passes here: the file names and values it echoes are the user's.
            let message = format!("error: {e}");
            crate::output::err_line(&crate::text::visible(&message, crate::text::Breaks::Keep));
            ExitCode::from(e.exit_code())
        }
    }
}

pub fn run(cli: Cli) -> Result<u8, AppError> {
    // Only the commands that read exports read the config: a broken strainscope.toml in the
    // working directory must not stop `completions`, `man` or `pain add`. Those that do build
    // their settings here, once: the file's values, then the flags over them.
    let config = || crate::config::load(cli.config.as_deref());
    match cli.command {
        Command::Import(ref args) => {
            commands::import::run(args, &config()?.with_read_flags(&args.read))
        }
        Command::Pain(PainCommand::Check(args)) => commands::pain::check(&args),
        Command::Pain(PainCommand::Add(args)) => commands::pain::add(&args),
        Command::Report(ref args) => {
            let settings = config()?.with_analysis_flags(&args.input);
            commands::report::run(args, &settings, cli.quiet)
        }
        Command::Charts(ref args) => {
            let settings = config()?.with_analysis_flags(&args.input);
            commands::charts::run(args, &settings, cli.quiet)
        }
        Command::Weekly(ref args) => {
            let settings = config()?.with_analysis_flags(&args.input);
            commands::weekly::run(args, &settings, cli.quiet)
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
