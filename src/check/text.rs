//! The report as a compact, readable text: counts and target first, then
//! flags grouped by severity with `line:col`. Colour comes from `anstream`,
//! which drops it when output is not a terminal or `NO_COLOR` is set.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::analysis::coverage::Levels;
use crate::analysis::readability::Readability;
use crate::analysis::report::{Flag, FlagKind, NumberStatus, Report, Severity};
use crate::analysis::target::LengthStatus;
use crate::text::sanitize::one_line;

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const INFO: Style = AnsiColor::Cyan.on_default();
const GOOD: Style = AnsiColor::Green.on_default().bold();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

/// The longest flagged text shown before it is cut with `…`.
const SHOWN_CHARS: usize = 60;

/// From this many flags of one spelling kind in a severity, they are
/// listed on one line.
const GROUPED: usize = 3;

/// How many words a grouped line names before `and N more`.
const GROUP_SHOWN: usize = 12;

/// Writes the report as text; colour codes are written as styles and left
/// to the caller's stream to keep or strip.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let t = &report.target;
    let (status, style) = match t.status {
        LengthStatus::Within => ("within the band".to_string(), GOOD),
        LengthStatus::Under => (format!("{} under the band", t.outside_band_by), ERROR),
        LengthStatus::Over => (format!("{} over the band", t.outside_band_by), ERROR),
    };
    writeln!(
        out,
        "{BOLD}précis {} words{BOLD:#} · target {} ({}–{}) · {style}{status}{style:#} · source {} words",
        report.precis.words, t.words, t.min, t.max, report.source.words
    )?;
    let title = match &report.precis.title {
        Some(title) => {
            let line = report
                .precis
                .title_line
                .map_or(String::new(), |l| format!(", line {l}"));
            format!(
                "“{}” ({} words{line})",
                one_line(title),
                report.precis.title_words
            )
        }
        None => "none".to_string(),
    };
    let about = if report.precis.declared_approx {
        "about "
    } else {
        ""
    };
    let declared = report
        .precis
        .declared_words
        .map_or("none".to_string(), |n| format!("{about}{n}"));
    writeln!(
        out,
        "title: {title} · declared count: {declared} · preset: {}",
        report.preset.name()
    )?;

    for (severity, label, style) in [
        (Severity::Error, "errors", ERROR),
        (Severity::Warning, "warnings", WARNING),
        (Severity::Info, "info", INFO),
    ] {
        let flags: Vec<&Flag> = report
            .flags
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if flags.is_empty() {
            continue;
        }
        writeln!(out, "\n{style}{label} ({}){style:#}", flags.len())?;
        let grouped = |kind: FlagKind| {
            matches!(kind, FlagKind::Spelling | FlagKind::SpellingVariant)
                && flags.iter().filter(|f| f.kind == kind).count() >= GROUPED
        };
        for f in flags.iter().filter(|f| !grouped(f.kind)) {
            write_flag(f, out)?;
        }
        for kind in [FlagKind::Spelling, FlagKind::SpellingVariant] {
            if grouped(kind) {
                write_group(kind, &flags, out)?;
            }
        }
    }

    let n = &report.numbers;
    let matched = n
        .precis
        .iter()
        .filter(|c| c.status == NumberStatus::Matches)
        .count();
    writeln!(
        out,
        "\n{DIM}figures: {} in the précis, {matched} match the source; {} source figures left out (fine: examiners expect data to be dropped){DIM:#}",
        n.precis.len(),
        n.source_unused.len()
    )?;
    write_wordy(report, out)?;
    write_coverage(report, out)?;
    write_readability(report, out)?;
    if report.flags.iter().all(|f| f.severity == Severity::Info) {
        writeln!(out, "{GOOD}no errors or warnings{GOOD:#}")?;
    }
    Ok(())
}

/// The spelling flags of `kind` among `flags` on one line:
/// `spelling (7): goverment → government (2:5), recieve → receive (3:1), …`.
fn write_group(kind: FlagKind, flags: &[&Flag], out: &mut dyn Write) -> io::Result<()> {
    let of_kind: Vec<&&Flag> = flags.iter().filter(|f| f.kind == kind).collect();
    let mut words: Vec<String> = of_kind
        .iter()
        .take(GROUP_SHOWN)
        .map(|f| {
            let word = one_line(&f.text);
            match &f.suggestion {
                Some(s) => format!("{word} → {} ({}:{})", one_line(s), f.line, f.column),
                None => format!("{word} ({}:{})", f.line, f.column),
            }
        })
        .collect();
    if of_kind.len() > GROUP_SHOWN {
        words.push(format!("and {} more", of_kind.len() - GROUP_SHOWN));
    }
    writeln!(
        out,
        "  {DIM}{} ({}):{DIM:#} {}",
        kind.name(),
        of_kind.len(),
        words.join(", ")
    )
}

/// One line on what the wordy phrases would save, when there are any.
fn write_wordy(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let phrases = report
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::WordyPhrase)
        .count();
    if phrases == 0 {
        return Ok(());
    }
    let n = report.wordy_savings;
    let words = if n == 1 { "word" } else { "words" };
    let over = match report.target.status {
        LengthStatus::Over => format!(
            " (the body is {} over its band)",
            report.target.outside_band_by
        ),
        _ => String::new(),
    };
    writeln!(
        out,
        "{DIM}wordy phrases: {phrases}, {n} {words} to save{over}{DIM:#}"
    )
}

/// One line on how much of the passage the précis covers, by sentence.
fn write_coverage(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let c = &report.coverage;
    let steps = Levels::of(&c.sentences);
    writeln!(
        out,
        "{DIM}coverage: {:.0}% of the passage's weighted content; of {} source sentences {} covered, {} partly, {} not{DIM:#}",
        c.overall * 100.0,
        c.sentences.len(),
        steps.covered,
        steps.partly,
        steps.not
    )
}

/// One line comparing the précis's readability with the source's.
fn write_readability(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let describe = |r: &Readability| {
        format!(
            "{:.1} words a sentence (longest {}), reading ease {:.0}, grade {:.1}",
            r.average_sentence_words,
            r.longest_sentence_words,
            r.flesch_reading_ease,
            r.flesch_kincaid_grade
        )
    };
    writeln!(
        out,
        "{DIM}readability: précis {}; source {}{DIM:#}",
        describe(&report.readability.precis),
        describe(&report.readability.source)
    )
}

fn write_flag(f: &Flag, out: &mut dyn Write) -> io::Result<()> {
    let at = format!("{}:{}", f.line, f.column);
    let mut line = format!(
        "  {at:>7}  {DIM}{:<24}{DIM:#} {}",
        f.kind.name(),
        one_line(&f.message)
    );
    if let Some(s) = &f.source {
        line.push_str(&format!(" {DIM}(source {}:{}){DIM:#}", s.line, s.column));
    }
    let shown = crate::text::shorten(&one_line(&f.text), SHOWN_CHARS);
    if !shown.is_empty() && !f.kind.is_number() && !f.message.contains(f.text.as_str()) {
        line.push_str(&format!(" {DIM}[{shown}]{DIM:#}"));
    }
    writeln!(out, "{line}")
}
