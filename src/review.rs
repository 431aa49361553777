//! The review commands: `precis drafts --list` (a table or JSON of every
//! draft) and `precis export` (a draft as a document, printed or written to
//! a file). They produce text; the binary prints it.

use std::path::{Path, PathBuf};

use crate::analysis::spelling::Speller;
use crate::store::export::{self, ExportError, Format};
use crate::store::{DraftStore, StoreError, file_name, listing, write_atomic};
use crate::text::sanitize::terminal_safe;

/// Why a review command failed; the message names the file or draft.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The drafts store could not be opened or read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The draft to export could not be found or read.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The output file could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
}

/// The data directory: the one given, or the platform's.
pub fn data_dir(given: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    given.map_or_else(DraftStore::default_data_dir, Ok)
}

/// `precis drafts --list [--json]`: every draft as a table, newest first,
/// unreadable files last; or one JSON array.
pub fn list(data_dir_given: Option<PathBuf>, json: bool) -> Result<String, ReviewError> {
    let dir = data_dir(data_dir_given)?;
    let store = DraftStore::open(&dir)?;
    let entries = listing::entries(&store.list(), jiff::Timestamp::now());
    Ok(if json {
        format!("{}\n", listing::to_json(&entries))
    } else if entries.is_empty() {
        listing::empty_message(&dir.join("drafts"))
    } else {
        listing::table(&entries, &jiff::tz::TimeZone::system())
    })
}

/// What `precis export` did with the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    /// The document, for standard output.
    Text(String),
    /// Written to the file `-o` named.
    Written,
    /// Written to this new file, named after the title, in the folder `-o`
    /// named.
    NewFile(PathBuf),
}

/// `precis export DRAFT`: the draft as a document, returned for standard
/// output (made terminal-safe when `to_terminal`), or written atomically to
/// `output`: that file, or a new file named after the title when `output`
/// is a folder. With `report`, the check report follows, its spelling
/// checked by that speller.
pub fn export(
    data_dir_given: Option<PathBuf>,
    draft: &str,
    format: Format,
    report: Option<&Speller>,
    output: Option<&Path>,
    to_terminal: bool,
) -> Result<Exported, ReviewError> {
    let draft = export::load(draft, || data_dir(data_dir_given).map(|d| d.join("drafts")))?;
    let text = export::render(&draft, format, report);
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ReviewError::Write { path, source }
    };
    match output {
        Some(dir) if dir.is_dir() => {
            let extension = match format {
                Format::Md => "md",
                Format::Txt => "txt",
            };
            let path = file_name::reserve(dir, &file_name::stem(&draft), extension)
                .map_err(write_error(dir))?;
            if let Err(e) = write_atomic(&path, text.as_bytes()) {
                let _ = std::fs::remove_file(&path);
                return Err(write_error(&path)(e));
            }
            Ok(Exported::NewFile(path))
        }
        Some(path) => {
            write_atomic(path, text.as_bytes()).map_err(write_error(path))?;
            Ok(Exported::Written)
        }
        None if to_terminal => Ok(Exported::Text(terminal_safe(&text).into_owned())),
        None => Ok(Exported::Text(text)),
    }
}
