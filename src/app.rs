//! Parse, dispatch, and map errors to exit codes: `error: …` on stderr, data on stdout.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, PainCommand};
use crate::commands;
use crate::error::{FileError, exit};

/// Errors that end a run.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Input files that cannot be read as exports; all of them are reported.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\nerror: "))]
    Files(Vec<FileError>),
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl AppError {
    fn exit_code(&self) -> u8 {
        match self {
            AppError::Files(errors) if errors.iter().all(|e| matches!(e, FileError::Io { .. })) => {
                exit::FAILURE
            }
            AppError::Files(_) => exit::BAD_DATA,
            AppError::Usage(_) | AppError::Config(_) => exit::USAGE,
            AppError::Other(_) => exit::FAILURE,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(AppError::Other(e)) if is_broken_pipe(&e) => ExitCode::from(exit::OK),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

pub fn run(cli: Cli) -> Result<u8, AppError> {
    let config = crate::config::load(cli.config.as_deref())?;
    match cli.command {
        Command::Import(args) => commands::import::run(&args, &config),
        Command::Pain(PainCommand::Check(args)) => commands::pain::check(&args),
        Command::Pain(PainCommand::Add(args)) => commands::pain::add(&args),
        Command::Report(args) => commands::report::run(&args, &config, cli.quiet),
        Command::Charts(args) => commands::charts::run(&args, &config, cli.quiet),
        Command::Weekly(args) => commands::weekly::run(&args, &config, cli.quiet),
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
