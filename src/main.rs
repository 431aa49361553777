//! The `precis` binary: parses arguments and hands over to the library.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{Arg, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use precis::analysis::spelling::{Language, Speller};
use precis::analysis::target::{TargetRule, parse_ratio, parse_tolerance};
use precis::analysis::words::{Contractions, CountingOptions, Hyphenated};
use precis::analysis::{Preset, Settings};
use precis::check::{self, CheckError, CheckOptions, Outcome};
use precis::config::{self, Config, ThemeChoice};
use precis::review::{self, Exported};
use precis::store::export::Format;
use precis::ui::runtime::{self, ExamOptions, StartWith};

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
    override_usage = "precis [OPTIONS] [SOURCE]\n       precis <COMMAND>",
    disable_help_subcommand = true
)]
struct Cli {
    /// A text or markdown file to summarise (a first `# Heading` is its
    /// title), a built-in passage's id or number (see `precis passages`),
    /// or - for standard input. Without it, précis resumes your latest
    /// draft or opens a built-in passage.
    source: Option<String>,
    /// Exam rules: css (title required), upsc (no title allowed), plain.
    #[arg(long, value_parser = str::parse::<Preset>)]
    preset: Option<Preset>,
    /// Spelling: en-gb (British, the default), en-us (American) or off.
    #[arg(long, value_name = "LANG", value_parser = str::parse::<Language>)]
    spelling: Option<Language>,
    #[command(flatten)]
    data_dir: DataDir,
    /// Read a SOURCE that is not valid UTF-8, replacing bad bytes with �.
    #[arg(long)]
    lossy: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

/// `--data-dir`, an option of the commands that read or write drafts.
#[derive(clap::Args)]
struct DataDir {
    /// Where drafts are kept (default: the platform data directory).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Check a précis against its source and print the report.
    #[command(after_long_help = COUNTING_RULES)]
    Check(CheckArgs),
    /// List the built-in practice passages.
    Passages(PassagesArgs),
    /// A timed exam: a countdown, a hard stop at time-up, then a review.
    ///
    /// Without SOURCE, a built-in passage you have not yet attempted (in
    /// practice or in an exam) is chosen. The default time (35 minutes) comes from config.toml:
    /// the CSS paper gives 3 hours for 100 marks and the précis carries 20,
    /// about 36 minutes; set your own with --time or `exam_time`.
    Exam(ExamArgs),
    /// Browse your saved drafts (open, delete, export, history per passage).
    ///
    /// In a terminal this opens the drafts browser. `--list` (or output to
    /// a pipe) prints a plain-text table of every draft, newest first: id,
    /// title, source, date (local time), mode, body words/target, flags
    /// (errors and warnings) and time used. Files that are not readable
    /// drafts are listed last with the reason and left untouched. `--json`
    /// prints the same as one JSON array.
    Drafts(DraftsArgs),
    /// Export a draft as Markdown or plain text.
    ///
    /// The document has the title and the body as written (with the declared
    /// word count `(N words)` when the student wrote one), and with
    /// `--report` the check report after it. It is printed, or written to
    /// `-o FILE`, or to a new file named after the title in `-o FOLDER`.
    Export(ExportArgs),
    /// Print a shell completion script: bash, zsh, fish, powershell, elvish.
    ///
    /// For example `precis completions bash > ~/.local/share/bash-completion/completions/precis`
    /// (see the README for each shell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), of précis or of one of its commands.
    ///
    /// For example `precis man > ~/.local/share/man/man1/precis.1`, then
    /// `man precis`.
    Man(ManArgs),
    /// Print this message or the help of the given command.
    Help(HelpArgs),
}

#[derive(clap::Args)]
struct PassagesArgs {
    /// Print one JSON array instead of the table.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: Shell,
}

#[derive(clap::Args)]
struct ManArgs {
    /// A command whose own page to print (`precis-check.1`); without it,
    /// the page of précis itself.
    command: Option<String>,
}

#[derive(clap::Args)]
struct HelpArgs {
    /// The command whose help to print.
    command: Option<String>,
}

#[derive(clap::Args)]
struct ExamArgs {
    /// A text or markdown file to summarise, a built-in passage's id or
    /// number, or - for standard input.
    source: Option<String>,
    /// Writing time: 90s, 35m, 1h, 1h30m.
    #[arg(long, value_parser = config::parse_exam_time)]
    time: Option<std::time::Duration>,
    /// Reading time first, with the précis locked: 5m (0s for none).
    #[arg(long, value_parser = config::parse_duration)]
    reading: Option<std::time::Duration>,
    /// Exam rules: css (title and declared count required), upsc (no
    /// title), plain.
    #[arg(long, value_parser = str::parse::<Preset>)]
    preset: Option<Preset>,
    /// No terminal bell at five and one minute left.
    #[arg(long)]
    quiet: bool,
    /// Spelling: en-gb (British, the default), en-us (American) or off.
    #[arg(long, value_name = "LANG", value_parser = str::parse::<Language>)]
    spelling: Option<Language>,
    /// Read a SOURCE that is not valid UTF-8, replacing bad bytes with �.
    #[arg(long)]
    lossy: bool,
    #[command(flatten)]
    data_dir: DataDir,
}

#[derive(clap::Args)]
struct DraftsArgs {
    /// Print the drafts as a plain-text table, newest first.
    #[arg(long)]
    list: bool,
    /// Print one JSON array instead of the table (or the browser).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data_dir: DataDir,
}

#[derive(clap::Args)]
struct ExportArgs {
    /// A draft: its id (as `precis drafts --list` shows it), the start of
    /// one id, its title (any case), or the path of a draft file
    /// (containing a `/` or ending in `.json`).
    draft: String,
    /// The document format.
    #[arg(long, value_enum, default_value_t = FormatArg::Md)]
    format: FormatArg,
    /// Write the document to FILE (replaced atomically) instead of standard
    /// output; when FILE is a folder, to a new file in it named after the
    /// title (`taxing-the-untaxed.md`), whose path is printed.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Append the check report (as `precis check` prints it, without colour).
    #[arg(long)]
    report: bool,
    #[command(flatten)]
    data_dir: DataDir,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Markdown: `# Title`, the body, `(N words)`.
    Md,
    /// Plain text: `Title: …`, the body, `(N words)`.
    Txt,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The source passage (a text or markdown file, a built-in passage's id
    /// or number, or - for standard input).
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
    #[arg(long, value_parser = parse_tolerance)]
    tolerance: Option<f64>,
    /// Exam rules: css (title required), upsc (no title allowed), plain.
    #[arg(long, value_parser = str::parse::<Preset>)]
    preset: Option<Preset>,
    /// Count hyphenated words as one word or as one per part.
    #[arg(long, value_enum)]
    hyphenated: Option<HyphenArg>,
    /// Count contractions as one word or two.
    #[arg(long, value_enum)]
    contractions: Option<ContractionArg>,
    /// Spelling: en-gb (British, the default), en-us (American) or off.
    #[arg(long, value_name = "LANG", value_parser = str::parse::<Language>)]
    spelling: Option<Language>,
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
    /// The check's options: these arguments over the user's config, with
    /// the student's own `words`.
    fn options(self, config: &Config, words: Vec<String>) -> CheckOptions {
        let target = match (self.target, self.ratio) {
            (Some(n), _) => TargetRule::Words(n),
            (None, Some(r)) => TargetRule::Ratio(r),
            (None, None) => config.settings.target,
        };
        CheckOptions {
            source: self.source,
            precis: self.precis,
            json: self.json,
            settings: Settings {
                preset: self.preset.unwrap_or(config.settings.preset),
                target,
                tolerance: self.tolerance.unwrap_or(config.settings.tolerance),
            },
            counting: CountingOptions {
                hyphenated: self
                    .hyphenated
                    .map_or(config.counting.hyphenated, |h| match h {
                        HyphenArg::One => Hyphenated::One,
                        HyphenArg::Several => Hyphenated::Several,
                    }),
                contractions: self
                    .contractions
                    .map_or(config.counting.contractions, |c| match c {
                        ContractionArg::One => Contractions::One,
                        ContractionArg::Two => Contractions::Two,
                    }),
            },
            lossy: self.lossy,
            spelling: self.spelling.unwrap_or(config.spelling),
            words,
        }
    }
}

fn main() -> ExitCode {
    let cli = parse_cli();
    let (config, config_problem) = config::load(config::default_path().as_deref());
    let data_dir = cli.data_dir.data_dir;
    match cli.command {
        Some(Command::Check(args)) => {
            if let Some(problem) = &config_problem {
                eprintln!("precis: warning: {problem}");
            }
            let (words, problem) = personal_words();
            if let Some(problem) = &problem {
                eprintln!("precis: warning: {problem}");
            }
            let mut out = anstream::stdout();
            match check::run(&args.options(&config, words), &mut out, &mut io::stderr()) {
                Ok(Outcome::Clean) => ExitCode::SUCCESS,
                Ok(Outcome::Findings) => ExitCode::from(1),
                Err(CheckError::Output(e)) => write_failed(&e),
                Err(e) => fail(&e),
            }
        }
        Some(Command::Passages(args)) => print_out(&if args.json {
            precis::passages::to_json()
        } else {
            precis::passages::table()
        }),
        Some(Command::Drafts(args)) if args.list || args.json || !io::stdout().is_terminal() => {
            match review::list(args.data_dir.data_dir.or(data_dir), args.json) {
                Ok(text) => print_out(&text),
                Err(e) => fail(&e),
            }
        }
        Some(Command::Drafts(args)) => editor(
            StartWith::Drafts,
            args.data_dir.data_dir.or(data_dir),
            config,
            config_problem,
            Overrides::default(),
            None,
        ),
        Some(Command::Exam(args)) => {
            let exam = ExamOptions {
                time: args.time.unwrap_or(config.exam_time),
                // `--reading 0s` asks for no reading time at all.
                reading: args.reading.filter(|d| !d.is_zero()),
                quiet: args.quiet || !config.bell,
                feedback: config.live_feedback,
            };
            editor(
                StartWith::Exam(args.source),
                args.data_dir.data_dir.or(data_dir),
                config,
                config_problem,
                Overrides {
                    preset: args.preset,
                    spelling: args.spelling,
                    lossy: args.lossy,
                },
                Some(exam),
            )
        }
        Some(Command::Export(args)) => {
            let format = match args.format {
                FormatArg::Md => Format::Md,
                FormatArg::Txt => Format::Txt,
            };
            let to_terminal = io::stdout().is_terminal();
            // The report is checked as the editor checks the draft: in the
            // student's language, with their own words.
            let speller = args.report.then(|| {
                if let Some(problem) = &config_problem {
                    eprintln!("precis: warning: {problem}");
                }
                let (words, problem) = personal_words();
                if let Some(problem) = &problem {
                    eprintln!("precis: warning: {problem}");
                }
                Speller::new(config.spelling, words)
            });
            match review::export(
                args.data_dir.data_dir.or(data_dir),
                &args.draft,
                format,
                speller.as_ref(),
                args.output.as_deref(),
                to_terminal,
            ) {
                Ok(Exported::Text(text)) => print_out(&text),
                Ok(Exported::Written) => ExitCode::SUCCESS,
                Ok(Exported::NewFile(path)) => print_out(&format!("{}\n", path.display())),
                Err(e) => fail(&e),
            }
        }
        Some(Command::Completions(args)) => {
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut command(), "precis", &mut script);
            print_out(&String::from_utf8_lossy(&script))
        }
        Some(Command::Man(args)) => man(args.command.as_deref()),
        Some(Command::Help(args)) => help(args.command.as_deref()),
        None => editor(
            cli.source.map_or(StartWith::Default, StartWith::File),
            data_dir,
            config,
            config_problem,
            Overrides {
                preset: cli.preset,
                spelling: cli.spelling,
                lossy: cli.lossy,
            },
            None,
        ),
    }
}

/// The editor's command-line options that override the user's config.
#[derive(Default)]
struct Overrides {
    /// `--preset`.
    preset: Option<Preset>,
    /// `--spelling`.
    spelling: Option<Language>,
    /// `--lossy`: read a source that is not UTF-8.
    lossy: bool,
}

/// The student's word list and, when it cannot be read, why.
fn personal_words() -> (Vec<String>, Option<String>) {
    match config::words_path().as_deref().map(config::load_words) {
        Some(Ok(words)) => (words, None),
        Some(Err(e)) => (Vec::new(), Some(e.to_string())),
        None => (Vec::new(), None),
    }
}

/// Runs the editor with the user's config, the command line's `overrides`
/// and exam options over it.
fn editor(
    start: StartWith,
    data_dir: Option<PathBuf>,
    config: Config,
    problem: Option<String>,
    overrides: Overrides,
    exam: Option<ExamOptions>,
) -> ExitCode {
    let mut settings = config.settings;
    if let Some(p) = overrides.preset {
        settings.preset = p;
    }
    let (words, words_problem) = personal_words();
    let lossy = overrides.lossy;
    let problem = match (problem, words_problem) {
        (Some(a), Some(b)) => Some(format!("{a} · {b}")),
        (a, b) => a.or(b),
    };
    let options = runtime::Options {
        start,
        data_dir,
        settings,
        counting: config.counting,
        lossy,
        color: config.theme == ThemeChoice::Auto,
        notice: problem,
        exam: exam.unwrap_or(ExamOptions {
            time: config.exam_time,
            reading: None,
            quiet: !config.bell,
            feedback: config.live_feedback,
        }),
        spelling: overrides.spelling.unwrap_or(config.spelling),
        words,
        words_path: config::words_path(),
    };
    match runtime::run(options) {
        Ok(runtime::Ended::Quit) => ExitCode::SUCCESS,
        // The shell convention for "stopped by signal N", after saving.
        Ok(runtime::Ended::Signal(n)) => ExitCode::from(u8::try_from(128 + n).unwrap_or(u8::MAX)),
        Err(e) => fail(&e),
    }
}

/// The command line as parsed, documented, completed and shown in the
/// manual: the derived definition, with `--data-dir` also accepted, unlisted,
/// by `check` and `passages`, where it changes nothing (it was once global,
/// and scripts may pass it there).
fn command() -> clap::Command {
    let unlisted_data_dir = |cmd: clap::Command| {
        cmd.arg(
            Arg::new("data_dir")
                .long("data-dir")
                .value_name("DIR")
                .value_parser(clap::value_parser!(PathBuf))
                .hide(true),
        )
    };
    Cli::command()
        .mut_subcommand("check", unlisted_data_dir)
        .mut_subcommand("passages", unlisted_data_dir)
}

/// Parses the arguments. The editor's own arguments (SOURCE, --preset,
/// --spelling) cannot be combined with a subcommand, but --data-dir can stand before it
/// (`precis --data-dir DIR drafts --list`), which clap's
/// `args_conflicts_with_subcommands` would refuse.
fn parse_cli() -> Cli {
    let matches = command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Some(name) = matches.subcommand_name() {
        let editor_arg = if cli.source.is_some() {
            Some("[SOURCE]")
        } else if matches.value_source("preset") == Some(ValueSource::CommandLine) {
            Some("--preset <PRESET>")
        } else if matches.value_source("spelling") == Some(ValueSource::CommandLine) {
            Some("--spelling <LANG>")
        } else {
            None
        };
        if let Some(arg) = editor_arg {
            command()
                .error(
                    ErrorKind::ArgumentConflict,
                    format!("the subcommand '{name}' cannot be used with '{arg}'"),
                )
                .exit();
        }
    }
    cli
}

/// The subcommand `name` of the built command line (its usage line then
/// reads `precis NAME`), or clap's error for an unknown one, which exits.
fn subcommand(name: &str) -> clap::Command {
    let mut cmd = command();
    cmd.build();
    match cmd.find_subcommand(name) {
        Some(sub) => sub.clone(),
        None => cmd
            .error(
                ErrorKind::InvalidSubcommand,
                format!("unrecognized subcommand '{name}'"),
            )
            .exit(),
    }
}

/// `precis help [COMMAND]`: what `precis [COMMAND] --help` prints.
fn help(name: Option<&str>) -> ExitCode {
    let mut args = vec!["precis"];
    if let Some(name) = name {
        // An unknown name is an error here, not a SOURCE for the editor.
        subcommand(name);
        args.push(name);
    }
    args.push("--help");
    let shown = match command().try_get_matches_from(args) {
        Err(e) if e.kind() == ErrorKind::DisplayHelp => e,
        Err(e) => e.exit(),
        Ok(_) => return ExitCode::SUCCESS,
    };
    // Through anstream, so the styles go when the output is no terminal.
    print_to(&mut anstream::stdout(), &shown.render().ansi().to_string())
}

/// `precis man [COMMAND]`: the manual page of précis or of one command.
fn man(name: Option<&str>) -> ExitCode {
    let page = clap_mangen::Man::new(name.map_or_else(command, subcommand))
        .source(concat!("precis ", env!("CARGO_PKG_VERSION")));
    let mut roff = Vec::new();
    match page.render(&mut roff) {
        Ok(()) => print_out(&String::from_utf8_lossy(&roff)),
        Err(e) => fail(&e),
    }
}

/// Prints `text` to standard output as it is.
fn print_out(text: &str) -> ExitCode {
    print_to(&mut io::stdout().lock(), text)
}

/// Writes `text` to `out`, standard output. A reader that has gone away
/// (`precis passages | head -1`) ends it quietly, as grep and rg do.
fn print_to(out: &mut dyn Write, text: &str) -> ExitCode {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// The exit for a failed write to standard output: quiet success when the
/// reader closed the pipe, else one error line and status 2.
fn write_failed(error: &io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        ExitCode::SUCCESS
    } else {
        fail(&format!("cannot write to standard output: {error}"))
    }
}

/// Prints one error line and returns the "bad input" exit status.
fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("precis: {error}");
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::command;

    /// clap's own consistency checks over every command and option.
    #[test]
    fn the_command_line_is_consistent() {
        command().debug_assert();
    }
}
