//! `precis export`: a draft as a Markdown or plain-text document, the way it
//! would be handed in: the title, the body exactly as written, and the
//! declared word count, optionally followed by the check report.

use std::path::{Path, PathBuf};

use super::{Draft, DraftStore, StoreError};
use crate::analysis::spelling::Speller;
use crate::check;
use crate::exam::checklist::checklist;
use crate::exam::clock;

/// The document format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Markdown: a `# Title` heading; the report in a fenced code block.
    #[default]
    Md,
    /// Plain text: a `Title:` line; the report under a line of dashes.
    Txt,
}

/// Why a draft could not be found or read.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// No single draft in the drafts directory has this id, id prefix or
    /// title.
    #[error(transparent)]
    Lookup(#[from] super::lookup::LookupError),
    /// The draft file could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The line of dashes above the report in a plain-text export.
const RULE: &str = "----------------------------------------";

/// Loads the draft `reference` names: a path to a draft file when it
/// contains a path separator or ends in `.json`, otherwise a draft in
/// `drafts_dir` named by id, id prefix or title (see [`super::lookup`]; the
/// directory is asked for only then, so a path works with no data
/// directory). `name.json` with no such file in the current directory is
/// also tried as the id `name`.
pub fn load(
    reference: &str,
    drafts_dir: impl FnOnce() -> Result<PathBuf, StoreError>,
) -> Result<Draft, ExportError> {
    let as_path = Path::new(reference);
    let has_separator = reference.contains('/') || reference.contains(std::path::MAIN_SEPARATOR);
    if has_separator || (reference.ends_with(".json") && as_path.exists()) {
        return Ok(DraftStore::load_file(as_path)?);
    }
    let path = super::lookup::find(reference, &drafts_dir()?)?;
    Ok(DraftStore::load_file(&path)?)
}

/// The check report as plain text (colour codes stripped), its spelling
/// checked by `speller`; for an exam attempt, preceded by the exam review:
/// time used and the checklist.
pub fn report_text(draft: &Draft, speller: &Speller) -> String {
    let report = draft.report(speller);
    let mut styled = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = check::render(&report, &mut styled);
    let styled = String::from_utf8_lossy(&styled);
    let text = anstream::adapter::strip_str(&styled).to_string();
    let Some(allowed) = draft.time_allowed() else {
        return text;
    };
    let used = draft
        .time_used()
        .map_or_else(|| "not submitted".to_string(), clock::clock_text);
    let mut review = format!("exam: time used {used} of {}\n", clock::clock_text(allowed));
    for check in checklist(&report, draft.settings.preset) {
        let mark = if check.passed { "✓" } else { "✗" };
        review.push_str(&format!("{mark} {} — {}\n", check.label, check.detail));
    }
    format!("{review}\n{text}")
}

/// The draft as a document, exactly as written (trailing whitespace
/// trimmed): a declared count is part of the body when the student wrote
/// one, and is never added, so the document and its report agree.
///
/// With `report`, the check report follows, its spelling checked by that
/// speller.
pub fn render(draft: &Draft, format: Format, report: Option<&Speller>) -> String {
    let title = draft.title.trim().replace(['\r', '\n'], " ");
    let body = draft.body.trim_end();
    let mut out = String::new();
    if !title.is_empty() {
        match format {
            Format::Md => out.push_str(&format!("# {title}\n\n")),
            Format::Txt => out.push_str(&format!("Title: {title}\n\n")),
        }
    }
    if !body.is_empty() {
        out.push_str(body);
        out.push('\n');
    }
    if let Some(speller) = report {
        let text = report_text(draft, speller);
        match format {
            Format::Md => {
                let fence = "`".repeat(longest_backtick_run(&text).max(2) + 1);
                out.push_str(&format!("\n## Report\n\n{fence}text\n{text}"));
                if !text.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&fence);
                out.push('\n');
            }
            Format::Txt => {
                out.push_str(&format!("\n{RULE}\n{text}"));
                if !text.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The longest run of backticks in `text`, so a code fence can be longer.
fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(title: &str, body: &str) -> Draft {
        let mut d = Draft::sample("e");
        d.title = title.into();
        d.body = body.into();
        d
    }

    #[test]
    fn an_exam_export_carries_its_review() {
        let exam = Draft::submitted_exam("e");
        let text = render(&exam, Format::Txt, Some(&Speller::default()));
        assert!(text.contains("exam: time used 31:00 of 35:00\n"), "{text}");
        assert!(text.contains("✓ no first person — none found\n"), "{text}");
        assert!(
            text.contains("✗ declared count present and correct — none given; body has 3\n"),
            "{text}"
        );
        let practice = render(&Draft::sample("p"), Format::Txt, Some(&Speller::default()));
        assert!(!practice.contains("exam:"), "{practice}");
    }

    #[test]
    fn markdown_has_the_title_and_the_body_as_written() {
        let d = draft("A title here", "Some précis words.  \n\n");
        assert_eq!(
            render(&d, Format::Md, None),
            "# A title here\n\nSome précis words.\n",
            "no count is added that the student did not write"
        );
    }

    #[test]
    fn plain_text_has_a_title_line() {
        let d = draft("A title here", "Some précis words.\n\n(3 words)");
        assert_eq!(
            render(&d, Format::Txt, None),
            "Title: A title here\n\nSome précis words.\n\n(3 words)\n"
        );
    }

    #[test]
    fn no_title_no_heading() {
        let d = draft(" ", "Some précis words.");
        assert_eq!(render(&d, Format::Md, None), "Some précis words.\n");
        assert_eq!(render(&d, Format::Txt, None), "Some précis words.\n");
    }

    #[test]
    fn a_declared_count_is_kept_even_when_wrong() {
        let d = draft("A title here", "Some précis words.\n\n(5 words)\n");
        assert_eq!(
            render(&d, Format::Md, None),
            "# A title here\n\nSome précis words.\n\n(5 words)\n"
        );
    }

    #[test]
    fn the_report_is_appended_without_colour() {
        let d = draft("A title here", "Some précis words.");
        let plain = render(&d, Format::Md, None);
        let md = render(&d, Format::Md, Some(&Speller::default()));
        let report = report_text(&d, &Speller::default());
        assert!(!report.contains('\u{1b}'));
        assert!(report.starts_with("précis 3 words · target "), "{report}");
        assert_eq!(md, format!("{plain}\n## Report\n\n```text\n{report}```\n"));
        let txt = render(&d, Format::Txt, Some(&Speller::default()));
        let plain = render(&d, Format::Txt, None);
        assert_eq!(txt, format!("{plain}\n{RULE}\n{report}"));
    }

    #[test]
    fn the_fence_is_longer_than_any_backticks_in_the_report() {
        assert_eq!(longest_backtick_run("a ```` b ` c"), 4);
        let d = draft("A title here", "Some ```` précis words.");
        let md = render(&d, Format::Md, Some(&Speller::default()));
        let report = report_text(&d, &Speller::default());
        let fence = "`".repeat(longest_backtick_run(&report).max(2) + 1);
        assert!(md.contains(&format!("\n{fence}text\n")), "{md}");
    }

    #[test]
    fn ids_and_paths_are_told_apart() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DraftStore::open(dir.path()).expect("store");
        store.save(&Draft::sample("kept")).expect("save");
        let drafts = dir.path().join("drafts");
        let by_id = load("kept", || Ok(drafts.clone())).expect("by id");
        assert_eq!(by_id.id, "kept");
        let path = store.path_of("kept");
        let by_path = load(&path.to_string_lossy(), || Err(StoreError::NoDataDir));
        assert_eq!(by_path.expect("by path").id, "kept");
        let by_file_name = load("kept.json", || Ok(drafts.clone())).expect("kept.json");
        assert_eq!(by_file_name.id, "kept");
        let missing = load("gone", || Ok(drafts.clone()))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            missing,
            Some(format!("no draft 'gone' in {}", drafts.display()))
        );
    }
}
