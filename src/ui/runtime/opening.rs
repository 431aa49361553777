//! Opening: what the editor starts on, a source file read (a large one
//! analysed on another thread), a new practice draft or exam on a passage,
//! a stored draft, the drafts browser, a stored draft exported as Markdown,
//! and a typed path completed from the files on disk.

use std::io;
use std::sync::mpsc::Sender;

use jiff::Timestamp;

use super::autosave::home_dir;
use super::input::Read;
use super::options::{ExamOptions, Options, RunError, StartWith};
use super::session::Session;
use crate::analysis::Settings;
use crate::analysis::words::CountingOptions;
use crate::input::{self, InputError};
use crate::passages;
use crate::store::{DraftStore, Mode, Origin, StoreError, file_name};
use crate::text::sanitize::one_line;
use crate::ui::app::{App, Opening, Overlay, SaveState, Source, Start};
use crate::ui::browser::{Browser, Entry};

/// What the editor starts on, and the first thing it says: the source or
/// exam asked for, else the latest open draft, else the first built-in
/// passage.
pub(super) fn first_start(
    options: &Options,
    store: &Result<DraftStore, StoreError>,
    incoming: &Sender<Read>,
) -> Result<(Start, String), RunError> {
    let counting = options.counting;
    Ok(match &options.start {
        StartWith::File(path) => {
            let source = file_source(path, counting, options.lossy, incoming)?;
            (
                Start::fresh(source, options.settings, Timestamp::now()),
                "New draft: write your précis in the lower or right pane. F1 for help.".to_string(),
            )
        }
        StartWith::Exam(path) => {
            let source = match path {
                Some(path) => file_source(path, counting, options.lossy, incoming)?,
                None => {
                    let id = store
                        .as_ref()
                        .map_or(passages::ALL[0].id, unattempted_passage);
                    Source::built_in(id, counting)
                        .ok_or_else(|| io::Error::other("no built-in passage"))?
                }
            };
            (
                exam_start(source, options.settings, options.exam),
                exam_greeting(options.exam),
            )
        }
        StartWith::Default | StartWith::Drafts => {
            match store.as_ref().ok().and_then(DraftStore::latest_open) {
                Some(draft) => {
                    let when = draft
                        .updated
                        .to_zoned(jiff::tz::TimeZone::system())
                        .strftime("%d %b %H:%M")
                        .to_string();
                    let title = draft.source.title.clone().unwrap_or_default();
                    let greeting = if draft.mode == Mode::Exam && !draft.is_submitted() {
                        crate::exam::prompts::resumed_note(&title)
                    } else {
                        format!(
                            "Resumed your draft on “{title}” ({when}) · Ctrl+P for another passage"
                        )
                    };
                    (Start::resume(draft, counting), greeting)
                }
                None => {
                    let first = passages::ALL[0].id;
                    let source = Source::built_in(first, counting)
                        .ok_or_else(|| io::Error::other("no built-in passage"))?;
                    (
                    Start::fresh(source, options.settings, Timestamp::now()),
                    "Welcome! Write a précis of the passage in one-third of its length. F1 help · Ctrl+P passages".to_string(),
                )
                }
            }
        }
    })
}

/// Reads a source argument into a source: a file (`~/` expanded), standard
/// input for `-`, or a built-in passage by id or number when no file has
/// that name; `lossy` replaces bytes that are not UTF-8. A large file is
/// analysed on another thread, which sends the result to `incoming`.
fn file_source(
    arg: &str,
    counting: CountingOptions,
    lossy: bool,
    incoming: &Sender<Read>,
) -> Result<Source, InputError> {
    let path = match input::source_arg(arg) {
        input::SourceArg::BuiltIn(p) => {
            return Source::built_in(p.id, counting)
                .ok_or_else(|| InputError::NotFound(p.id.to_string()));
        }
        input::SourceArg::File(path) => path,
    };
    let path = path.as_str();
    let text = input::read_text(path, lossy)?;
    input::check_source(&text, &input::display_name(path))?;
    let origin = if path == "-" {
        Origin::Stdin
    } else {
        Origin::File {
            path: path.to_string(),
        }
    };
    let name = if path == "-" {
        "standard input".to_string()
    } else {
        std::path::Path::new(path)
            .file_name()
            .map_or(path.to_string(), |n| n.to_string_lossy().into_owned())
    };
    let Some(opening) = Source::opening(&text, origin.clone(), counting, &name) else {
        return Ok(Source::from_text(text, origin, counting, &name));
    };
    let incoming = incoming.clone();
    std::thread::spawn(move || {
        let whole = Source::from_text(text, origin, counting, &name);
        let _ = incoming.send(Read::Source(Box::new(whole)));
    });
    Ok(opening)
}

/// Completes a typed path from the files on disk: the one file or folder it
/// can only be, else as far as all candidates agree; and, when several are
/// left, a line naming them.
pub(super) fn complete_path(typed: &str) -> (String, Option<String>) {
    if typed == "~" {
        return ("~/".to_string(), None);
    }
    let expanded = input::expand_home(typed);
    let (dir, prefix) = match expanded.rfind('/') {
        Some(i) => (&expanded[..=i], &expanded[i + 1..]),
        None => ("", expanded.as_str()),
    };
    let listing = std::fs::read_dir(if dir.is_empty() { "." } else { dir });
    let Ok(listing) = listing else {
        return (
            typed.to_string(),
            Some(format!("no folder {}", one_line(dir))),
        );
    };
    let mut names: Vec<(String, bool)> = listing
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let folder = e.file_type().is_ok_and(|t| t.is_dir());
            (name.starts_with(prefix) && !name.starts_with('.')).then_some((name, folder))
        })
        .collect();
    names.sort();
    // Keep what the student typed (`~/` stays `~/`), with the completion.
    let base = &typed[..typed.len() - prefix.len().min(typed.len())];
    match names.as_slice() {
        [] => (typed.to_string(), Some("no file starts so".to_string())),
        [(name, folder)] => (
            format!("{base}{name}{}", if *folder { "/" } else { "" }),
            None,
        ),
        many => {
            let first = &many[0].0;
            let common = first
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .take_while(|&end| many.iter().all(|(n, _)| n.starts_with(&first[..end])))
                .last()
                .map_or("", |end| &first[..end]);
            let shown: Vec<&str> = many.iter().take(6).map(|(n, _)| n.as_str()).collect();
            let more = if many.len() > 6 { ", …" } else { "" };
            let agreed = if common.len() >= prefix.len() {
                common
            } else {
                prefix
            };
            (
                format!("{base}{agreed}"),
                Some(format!("{}{more}", shown.join(", "))),
            )
        }
    }
}

impl Session {
    /// Sets up a new app as every app in this session runs: what a running
    /// exam shows, how long an exam started from the picker runs, and
    /// analysis after the frame; then analyses it under those settings.
    pub(super) fn prepare(&self, app: &mut App) {
        app.source.analysis.set_speller(self.spelling.speller());
        app.feedback = self.exam.feedback;
        app.exam_plan = crate::exam::Plan {
            writing: self.exam.time,
            reading: self.exam.reading,
        };
        app.defer_analysis = true;
        // A big précis is drawn first and checked after that frame.
        if !app.checking() {
            app.reanalyse();
        }
    }

    /// Opens the latest practice draft on a built-in passage the student
    /// chose, when there is one, rather than starting over; `false` when
    /// there is none (or it is not a built-in passage).
    pub(super) fn resume_passage(&mut self, app: &mut App, opening: &Opening) -> bool {
        let Opening::BuiltIn(id) = opening else {
            return false;
        };
        let origin = Origin::BuiltIn { id: id.clone() };
        let Some(draft) = self
            .store
            .as_ref()
            .ok()
            .and_then(|s| s.latest_practice_on(&origin))
        else {
            return false;
        };
        if draft.id == app.draft_id {
            app.tell("This is your draft on that passage already.", false);
            return true;
        }
        let id = draft.id.clone();
        self.open_draft(app, &id);
        app.flags_open = false;
        app.tell(
            "Resumed your draft on this passage · Ctrl+P, then Ctrl+N on it, starts a new one",
            false,
        );
        true
    }

    /// Saves the draft in the editor before another takes its place; when
    /// the save fails, says so and returns false: the draft stays open, so
    /// nothing is lost.
    fn saved_before_leaving(&mut self, app: &mut App) -> bool {
        self.save(app);
        let failed = matches!(app.save, SaveState::Failed(_));
        if failed {
            app.tell(
                "not saved, so this draft stays open; fix the problem or press Ctrl+S to retry",
                true,
            );
        }
        !failed
    }

    /// Saves the draft in the editor, then replaces it with a new one on
    /// `opening`: a practice draft, or an exam with its clock started. If the
    /// save failed, the draft stays open so nothing is lost.
    pub(super) fn replace_draft(&mut self, app: &mut App, opening: &Opening, exam: bool) {
        if !self.saved_before_leaving(app) {
            return;
        }
        let source = match opening {
            Opening::BuiltIn(id) => {
                Source::built_in(id, self.counting).ok_or_else(|| format!("no passage '{id}'"))
            }
            Opening::File(path) => file_source(path, self.counting, self.lossy, &self.incoming)
                .map_err(|e| e.to_string()),
        };
        let source = match source {
            Ok(source) => source,
            Err(e) => {
                // The path stays typed, to be corrected.
                if let Opening::File(path) = opening {
                    app.overlay = Overlay::Picker(crate::ui::picker::Picker::with_problem(path, e));
                } else {
                    app.tell(e, true);
                }
                return;
            }
        };
        let name = one_line(&source.name);
        let mut start = if exam {
            exam_start(source, app.settings, self.exam)
        } else {
            Start::fresh(source, app.settings, Timestamp::now())
        };
        let size = app.size;
        start.source.analysis.set_speller(self.spelling.speller());
        *app = App::new(start, self.counting, size);
        self.prepare(app);
        if exam {
            let _ = app.tick(Timestamp::now());
            app.tell(exam_greeting(self.exam), false);
        } else {
            app.tell(format!("New draft on “{name}”"), false);
        }
        self.saved_revision = 0;
        self.counts_missing = false;
        self.keep_rescue(app);
    }

    /// Opens the drafts browser over the editor, the current draft saved first
    /// so it is listed as it stands.
    pub(super) fn browse(&mut self, app: &mut App) {
        self.save(app);
        match &self.store {
            Ok(store) => {
                let tz = jiff::tz::TimeZone::system();
                let now = Timestamp::now();
                let entries = store
                    .list()
                    .iter()
                    .map(|l| Entry::from_listed(l, &tz, now))
                    .collect();
                app.overlay = Overlay::Browser(Box::new(Browser::new(entries)), Timestamp::now());
            }
            Err(e) => app.tell(format!("drafts cannot be listed: {e}"), true),
        }
    }

    /// Replaces the editor's draft with a stored one, with its report open.
    pub(super) fn open_draft(&mut self, app: &mut App, id: &str) {
        if !self.saved_before_leaving(app) {
            return;
        }
        let loaded = match &self.store {
            Ok(store) => DraftStore::load_file(&store.path_of(id)).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match loaded {
            Ok(draft) => {
                let size = app.size;
                let mut start = Start::resume(draft, self.counting);
                start.source.analysis.set_speller(self.spelling.speller());
                *app = App::new(start, self.counting, size);
                self.prepare(app);
                self.saved_revision = 0;
                self.counts_missing = false;
                app.show_opened();
                // An exam whose time ran out meanwhile is handed in now.
                for effect in app.tick(Timestamp::now()) {
                    self.apply(app, effect);
                }
                self.keep_rescue(app);
            }
            Err(e) => {
                if let Overlay::Browser(browser, _) = &mut app.overlay {
                    browser.tell(e, true);
                }
            }
        }
    }

    /// Writes a stored draft, with its report, as Markdown in the home
    /// folder, named after its title; returns where.
    pub(super) fn export(&self, id: &str) -> Result<String, String> {
        let store = self.store.as_ref().map_err(ToString::to_string)?;
        let draft = DraftStore::load_file(&store.path_of(id)).map_err(|e| e.to_string())?;
        let speller = self.spelling.speller().complete();
        let text =
            crate::store::export::render(&draft, crate::store::export::Format::Md, Some(&speller));
        let home = home_dir();
        let path = file_name::reserve(&home, &file_name::stem(&draft), "md")
            .map_err(|e| format!("{}: {e}", home.display()))?;
        if let Err(e) = crate::store::write_atomic(&path, text.as_bytes()) {
            let _ = std::fs::remove_file(&path);
            return Err(format!("{}: {e}", path.display()));
        }
        Ok(path.display().to_string())
    }
}

/// A new exam attempt on `source`, its clock started now.
fn exam_start(source: Source, settings: Settings, exam: ExamOptions) -> Start {
    let now = Timestamp::now();
    let mut start = Start::fresh(source, settings, now);
    start.mode = Mode::Exam;
    start.exam = Some(crate::exam::clock::start(now, exam.reading, exam.time));
    start
}

fn exam_greeting(exam: ExamOptions) -> String {
    let time = crate::exam::clock::clock_text(exam.time);
    match exam.reading {
        Some(r) => format!(
            "Exam: read for {}, then write for {time}. Ctrl+E starts writing early.",
            crate::exam::clock::clock_text(r)
        ),
        None => format!("Exam: {time} to write. Ctrl+E submits early."),
    }
}

/// The built-in passage for `precis exam` with none named: one not yet
/// attempted in practice or in an exam (chosen by the clock's nanoseconds
/// among them), else the one whose latest attempt is oldest.
fn unattempted_passage(store: &DraftStore) -> &'static str {
    let drafts: Vec<_> = store
        .list()
        .into_iter()
        .filter_map(|l| l.draft.ok())
        .collect();
    let attempts = drafts.iter().filter_map(|d| match &d.source.origin {
        Origin::BuiltIn { id } => Some((id.as_str(), d.updated)),
        Origin::File { .. } | Origin::Stdin => None,
    });
    let pick = Timestamp::now().subsec_nanosecond().unsigned_abs() as usize;
    crate::exam::choice::passage_for_exam(attempts, pick)
}

#[cfg(test)]
mod tests {
    use super::complete_path;

    #[test]
    fn paths_complete_as_far_as_the_files_agree() {
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["passage-one.txt", "passage-two.md", "notes.txt"] {
            std::fs::write(dir.path().join(name), "x").expect("file");
        }
        std::fs::create_dir(dir.path().join("papers")).expect("folder");
        let base = format!("{}/", dir.path().display());
        let (query, hint) = complete_path(&format!("{base}pass"));
        assert_eq!(query, format!("{base}passage-"));
        assert_eq!(hint.as_deref(), Some("passage-one.txt, passage-two.md"));
        assert_eq!(
            complete_path(&format!("{base}no")).0,
            format!("{base}notes.txt")
        );
        assert_eq!(
            complete_path(&format!("{base}pap")).0,
            format!("{base}papers/")
        );
        assert_eq!(
            complete_path(&format!("{base}zz")).1.as_deref(),
            Some("no file starts so")
        );
        assert_eq!(complete_path("~").0, "~/");
    }
}
