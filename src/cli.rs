//! The command line as clap sees it ("low args"). Commands turn these into validated settings
//! at the edge; nothing deeper reads clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::import::ColumnMap;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (bad rows inside a readable file are reported and skipped)
  1  failure not caused by the input (an output that cannot be written)
  2  usage error (unknown option, bad argument value)
  3  bad input: a file that cannot be read as a supported export or diary,
     or any bad row when --strict is given";

#[derive(Debug, Parser)]
#[command(
    name = "strainscope",
    version,
    about = "Find what you do in the gym before it hurts",
    long_about = "strainscope reads the CSV files gym apps export (Strong, Hevy, FitNotes, Fitbod, \
StrongLifts, JEFIT, GymBook, Fit Notes for iOS, or any CSV with --map) together with a pain diary, and looks for the exercises, load jumps and \
short rests that come before pain.\n\nEverything runs locally; nothing is sent anywhere. \
Findings are associations, not proof, and not medical advice.",
    after_help = EXIT_CODES,
    propagate_version = true
)]
pub struct Cli {
    /// Settings file (default: strainscope.toml in the working directory, if present)
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print no warnings about skipped rows and no progress; errors are still printed
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// The date taken as today (YYYY-MM-DD; default: the system date). Dates in the files,
    /// --from, --to and --at must lie from 1990-01-01 to 2 days after it
    #[arg(long, global = true, value_name = "DATE")]
    pub today: Option<chrono::NaiveDate>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate gym-app exports and summarise what they contain
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
    /// Work with the pain diary
    #[command(subcommand)]
    Pain(PainCommand),
    /// Analyse training and pain: what comes before pain, overtraining, red flags
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Draw the charts (load and pain, ACWR, associations, calendar, progress) as PNG and SVG
    #[command(after_help = CHARTS_EXAMPLES)]
    Charts(ChartsArgs),
    /// Write the weekly PDF report: the week against the 4 before it, warnings, associations
    #[command(after_help = WEEKLY_EXAMPLES)]
    Weekly(WeeklyArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    #[command(
        after_help = "Example: strainscope completions bash > ~/.local/share/bash-completion/completions/strainscope"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    #[command(after_help = "Example: strainscope man > strainscope.1 && man ./strainscope.1")]
    Man,
}

const REPORT_EXAMPLES: &str = "\
Examples:
  strainscope report --workouts strong.csv hevy.csv --pain pain_diary.csv
  strainscope report                                     (files named in strainscope.toml)
  strainscope report --format html --out report.html     (one self-contained file)
  strainscope report --format md --out report.md
  strainscope report --from 2026-06-01 --format json
  strainscope report --workouts hevy.csv                 (pain read from workout notes)

Colour follows --color, NO_COLOR and CLICOLOR_FORCE; it is off when stdout is not a terminal.
Findings are associations, not proof, and not medical advice.";

const CHARTS_EXAMPLES: &str = "\
Examples:
  strainscope charts --out-dir charts                    (files named in strainscope.toml)
  strainscope charts --workouts strong.csv --pain diary.csv --out-dir charts

Writes load.png/.svg, acwr, associations, calendar and progress, each as PNG and SVG.";

const WEEKLY_EXAMPLES: &str = "\
Examples:
  strainscope weekly                                     (last complete ISO week -> week.pdf)
  strainscope weekly --week 2026-W46 --out week46.pdf
  strainscope weekly --all-weeks --out-dir weeks         (one PDF per week)";

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A readable terminal report
    Text,
    /// Markdown, for notes and issue trackers
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML file with inline charts (no network requests)
    Html,
    /// Everything, as one JSON document (docs/json.md)
    Json,
}

/// When to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when stdout is a terminal and NO_COLOR is not set
    Auto,
    Always,
    Never,
}

/// What to analyse: shared by `report`, `charts` and `weekly`. Any of it may come from the
/// config file instead (`[inputs]`, `[import]`).
#[derive(Debug, Args)]
pub struct AnalysisArgs {
    /// Exported workout files (Strong, Hevy, FitNotes, Fitbod, StrongLifts, JEFIT, GymBook, Fit
    /// Notes for iOS, generic); pass every weekly export: overlaps are counted once
    /// [default: [inputs] workouts in the config]
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub workouts: Vec<PathBuf>,

    /// The pain diary (strainscope's format or a Bearable export)
    /// [default: [inputs] pain in the config]
    #[arg(long, value_name = "DIARY")]
    pub pain: Option<PathBuf>,

    /// Also read pain mentioned in workout notes ("right shoulder tweaked"), marked as
    /// inferred. Without a diary this is always on.
    #[arg(long)]
    pub pain_from_notes: bool,

    /// First day to analyse (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from: Option<chrono::NaiveDate>,

    /// Last day to analyse (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub to: Option<chrono::NaiveDate>,

    /// Load and routine findings are about the last N weeks; older ones fold into one history
    /// line per kind. Pain, episodes, associations and red flags are never folded
    /// [default: [report] focus_weeks in the config, else 4]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=520))]
    pub focus_weeks: Option<u32>,

    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: AnalysisArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,

    /// Write the report to FILE instead of stdout (written whole, never half)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Colour the text report
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorWhen,
}

#[derive(Debug, Args)]
pub struct ChartsArgs {
    #[command(flatten)]
    pub input: AnalysisArgs,

    /// Directory for the charts (created if missing)
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct WeeklyArgs {
    #[command(flatten)]
    pub input: AnalysisArgs,

    /// The ISO week, e.g. 2026-W46 [default: the last complete week in the data]
    #[arg(long, value_name = "YYYY-Www", conflicts_with = "all_weeks")]
    pub week: Option<String>,

    /// The PDF to write
    #[arg(
        long,
        value_name = "FILE",
        default_value = "week.pdf",
        conflicts_with = "all_weeks"
    )]
    pub out: PathBuf,

    /// One PDF per ISO week in the data, into --out-dir (weeks deep in a layoff, with no
    /// training or pain in them or the 4 weeks before, are left out)
    #[arg(long, requires = "out_dir")]
    pub all_weeks: bool,

    /// Directory for --all-weeks (created if missing)
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

const IMPORT_EXAMPLES: &str = "\
Examples:
  strainscope import strong.csv hevy.csv
  strainscope import strong_ios.csv --unit lb        (Strong iOS files name no unit)
  strainscope import fitbod.csv --tz Europe/Berlin --json
  strainscope import other_app.csv --map date=Day,exercise=Lift,weight_kg=Kg,reps=Reps
  strainscope import strong.csv --out sets.csv        (write the generic format)

Exit codes:
  0  success (bad rows are reported and skipped)
  1  the --out file cannot be written
  2  usage error
  3  a file cannot be read as an export, or --strict and a bad row";

/// How a file's weights are read when the file names no unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitArg {
    Kg,
    #[value(alias = "lbs")]
    Lb,
}

/// How workout files are read: shared by `import` and `report`.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Unit of files that name none (Strong iOS). Files that name their unit always use it.
    #[arg(long, value_enum)]
    pub unit: Option<UnitArg>,

    /// Time zone whose calendar days count, for exports with UTC times (Fitbod, Fit Notes iOS,
    /// JEFIT, ISO times with Z) [default: UTC]
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<chrono_tz::Tz>,

    /// Day/month order of numeric dates (31/12/25 is dmy, 12/31/25 is mdy), for files whose
    /// dates never show it (StrongLifts, GymBook). Files that show it are read as they are.
    #[arg(long, value_name = "ORDER", value_parser = parse_date_order)]
    pub date_order: Option<crate::import::DateOrder>,

    /// Keep workouts an app stored twice, and workouts found in more than one file
    /// (by default each is counted once)
    #[arg(long)]
    pub keep_duplicates: bool,

    /// Read the files as generic CSV, naming which column holds what:
    /// field=Column pairs separated by commas (fields: see docs/formats.md)
    #[arg(long, value_name = "FIELD=COLUMN,...")]
    pub map: Option<ColumnMap>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Exported CSV files (Strong, Hevy, FitNotes, Fitbod, StrongLifts, JEFIT, GymBook, Fit Notes
    /// for iOS, or the generic format)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub read: ReadArgs,

    /// Exit with code 3 if any row is bad (by default bad rows are reported and skipped)
    #[arg(long)]
    pub strict: bool,

    /// Print one JSON object for the whole run instead of the text summary
    #[arg(long)]
    pub json: bool,

    /// Write every imported set to FILE in the generic CSV format ("-" for stdout)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum PainCommand {
    /// Validate a pain diary and summarise it
    Check(PainCheckArgs),
    /// Append one entry to the pain diary (creates it, with its header, if missing)
    #[command(after_help = PAIN_ADD_EXAMPLES)]
    Add(PainAddArgs),
}

const PAIN_ADD_EXAMPLES: &str = "\
Examples:
  strainscope pain add --diary diary.csv --region lower-back --intensity 6 --quality sharp
  strainscope pain add --diary diary.csv --region knee --side right --intensity 3 \\
      --note \"after the long run\" --at \"2026-11-21 08:00\"
  strainscope pain add --diary diary.csv --region lower-back --intensity 0    (the pain is gone)

Regions: neck, shoulder, upper-back, lower-back, chest, abdomen, upper-arm, elbow, forearm,
wrist, hand, hip, groin, glute, hamstring, thigh, knee, calf, shin, ankle, foot (aliases such
as \"lower back\" or \"lumbar\" work too).";

#[derive(Debug, Args)]
pub struct PainAddArgs {
    /// The diary file (strainscope's format)
    #[arg(long, value_name = "FILE")]
    pub diary: PathBuf,

    /// Body region, e.g. lower-back, knee, shoulder
    #[arg(long, value_parser = parse_vocab::<crate::model::Region>)]
    pub region: crate::model::Region,

    /// Pain now, 0 (none) to 10 (worst imaginable)
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub intensity: u8,

    /// left, right or both
    #[arg(long, value_parser = parse_vocab::<crate::model::Side>)]
    pub side: Option<crate::model::Side>,

    /// dull, ache, sharp, burning, stiffness or radiating
    #[arg(long, value_parser = parse_vocab::<crate::model::Quality>)]
    pub quality: Option<crate::model::Quality>,

    /// Comma-separated: numbness, tingling, weakness, radiating, bladder, bowel,
    /// saddle-numbness, fever, night-pain, trauma
    #[arg(long, value_delimiter = ',', value_parser = parse_vocab::<crate::model::Symptom>)]
    pub symptoms: Vec<crate::model::Symptom>,

    /// Free text
    #[arg(long)]
    pub note: Option<String>,

    /// When the pain was felt, \"YYYY-MM-DD HH:MM\" [default: now]
    #[arg(long, value_name = "WHEN", value_parser = parse_at)]
    pub at: Option<chrono::NaiveDateTime>,
}

fn parse_date_order(s: &str) -> Result<crate::import::DateOrder, String> {
    s.parse()
}

fn parse_vocab<T>(s: &str) -> Result<T, String>
where
    T: std::str::FromStr<Err = crate::model::VocabularyError>,
{
    s.parse()
        .map_err(|e: crate::model::VocabularyError| e.to_string())
}

fn parse_at(s: &str) -> Result<chrono::NaiveDateTime, String> {
    chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M:%S"))
        .map_err(|_| format!("{s:?} is not a date and time (expected YYYY-MM-DD HH:MM)"))
}

#[derive(Debug, Args)]
pub struct PainCheckArgs {
    /// The diary: strainscope's own CSV format, or a Bearable export
    #[arg(value_name = "DIARY")]
    pub diary: PathBuf,

    /// Exit with code 3 if any row is bad
    #[arg(long)]
    pub strict: bool,

    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}
