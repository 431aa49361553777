//! The `precis` binary: parses arguments and hands over to the library.

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use precis::analysis::target::{TargetRule, parse_ratio, parse_tolerance};
use precis::analysis::words::{Contractions, CountingOptions, Hyphenated};
use precis::analysis::{Preset, Settings};
use precis::check::{self, CheckOptions, Outcome};
use precis::ui::runtime::{self, StartWith};

const COUNTING_RULES: &str = "\
Counting rules:
  A word is a maximal run of non-whitespace that contains at least one letter
  or digit: China-Pakistan = 1, $65 = 1, 12% = 1, they've = 1; a lone →, &
  or — is no word. The title line (Title: …, Title :- …, TITLE - …, # …) and
  the declared count at the end ((95 words), 95 words, Words: 95, [95]) are
  not part of the body's count. --hyphenated several counts China-Pakistan
  as 2; --contractions two counts they've as 2.

Target:
  One-third of the source's words (rounded), with a band of ±5% (at least
  ±2 words). --ratio 0.25 or --target 120 change it; --tolerance 10% widens it.

Exit status: 0 nothing to fix, 1 findings (errors or warnings), 2 bad usage
or unreadable input.";

#[derive(Parser)]
#[command(
    name = "precis",
    version,
    about = "Practise précis writing: your précis beside its source, checked as you go",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// A text or markdown file to summarise (a first `# Heading` is its
    /// title), or - for standard input. Without it, précis resumes your
    /// latest draft or opens a built-in passage.
    source: Option<String>,
    /// Exam rules: css (title required), upsc (no title allowed), plain.
    #[arg(long, value_parser = str::parse::<Preset>, default_value = "css")]
    preset: Preset,
    /// Where drafts are kept (default: the platform data directory).
    #[arg(long, value_name = "DIR", global = true)]
    data_dir: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check a précis against its source and print the report.
    #[command(after_long_help = COUNTING_RULES)]
    Check(CheckArgs),
    /// List the built-in practice passages.
    Passages,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The source passage (a text or markdown file, or - for standard input).
    source: String,
    /// The précis (a text or markdown file, or - for standard input).
    precis: String,
    /// Print the report as one JSON object.
    #[arg(long)]
    json: bool,
    /// Target as a share of the source: 1/3, 0.25 or 25%.
    #[arg(long, value_parser = parse_ratio, conflicts_with = "target")]
    ratio: Option<f64>,
    /// Target as an explicit word limit.
    #[arg(long)]
    target: Option<usize>,
    /// Half-width of the band around the target: 5%, 10%.
    #[arg(long, value_parser = parse_tolerance, default_value = "5%")]
    tolerance: f64,
    /// Exam rules: css (title required), upsc (no title allowed), plain.
    #[arg(long, value_parser = str::parse::<Preset>, default_value = "css")]
    preset: Preset,
    /// Count hyphenated words as one word or as one per part.
    #[arg(long, value_enum, default_value_t = HyphenArg::One)]
    hyphenated: HyphenArg,
    /// Count contractions as one word or two.
    #[arg(long, value_enum, default_value_t = ContractionArg::One)]
    contractions: ContractionArg,
    /// Read files that are not valid UTF-8, replacing bad bytes with �.
    #[arg(long)]
    lossy: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum HyphenArg {
    One,
    Several,
}

#[derive(Clone, Copy, ValueEnum)]
enum ContractionArg {
    One,
    Two,
}

impl CheckArgs {
    fn options(self) -> CheckOptions {
        let target = match (self.target, self.ratio) {
            (Some(n), _) => TargetRule::Words(n),
            (None, Some(r)) => TargetRule::Ratio(r),
            (None, None) => TargetRule::default(),
        };
        CheckOptions {
            source: self.source,
            precis: self.precis,
            json: self.json,
            settings: Settings {
                preset: self.preset,
                target,
                tolerance: self.tolerance,
            },
            counting: CountingOptions {
                hyphenated: match self.hyphenated {
                    HyphenArg::One => Hyphenated::One,
                    HyphenArg::Several => Hyphenated::Several,
                },
                contractions: match self.contractions {
                    ContractionArg::One => Contractions::One,
                    ContractionArg::Two => Contractions::Two,
                },
            },
            lossy: self.lossy,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => {
            let mut out = anstream::stdout();
            match check::run(&args.options(), &mut out) {
                Ok(Outcome::Clean) => ExitCode::SUCCESS,
                Ok(Outcome::Findings) => ExitCode::from(1),
                Err(e) => fail(&e),
            }
        }
        Some(Command::Passages) => {
            print!("{}", precis::passages::table());
            ExitCode::SUCCESS
        }
        None => {
            let options = runtime::Options {
                start: cli.source.map_or(StartWith::Default, StartWith::File),
                data_dir: cli.data_dir,
                settings: Settings::for_preset(cli.preset),
                counting: CountingOptions::default(),
            };
            match runtime::run(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&e),
            }
        }
    }
}

/// Prints one error line and returns the "bad input" exit status.
fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("precis: {error}");
    ExitCode::from(2)
}
