//! Reading the texts a student hands in, with a clear one-line error for
//! every way a file can be unusable.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use crate::analysis::structure;
use crate::analysis::words;

/// The largest text accepted, so a wrong file cannot exhaust memory.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Why a text could not be read; each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("{0}: no such file")]
    NotFound(String),
    /// The path is a directory.
    #[error("{0}: is a directory, not a text file")]
    Directory(String),
    /// The file exists but could not be read.
    #[error("{path}: cannot read it ({source})")]
    Io {
        /// The file.
        path: String,
        /// The system's reason.
        source: io::Error,
    },
    /// The file holds NUL bytes.
    #[error("{0}: looks like a binary file (it contains NUL bytes), not text")]
    Binary(String),
    /// The file is not UTF-8.
    #[error(
        "{path}: is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8, or pass --lossy to replace bad bytes with �"
    )]
    NotUtf8 {
        /// The file.
        path: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file holds nothing but whitespace.
    #[error("{0}: is empty")]
    Empty(String),
    /// A source that is a `# Heading` and nothing more.
    #[error("{0}: is only a heading, with no passage under it to summarise")]
    HeadingOnly(String),
    /// A source with no words at all (symbols or punctuation only).
    #[error("{0}: has no words to summarise")]
    NoWords(String),
    /// The file is larger than [`MAX_BYTES`].
    #[error("{path}: is too large ({mib} MiB; the limit is {} MiB)", MAX_BYTES / 1024 / 1024)]
    TooLarge {
        /// The file.
        path: String,
        /// Its size in MiB.
        mib: u64,
    },
    /// Both texts were asked for from standard input.
    #[error("only one of the texts can come from standard input ('-')")]
    StdinTwice,
}

/// How a path is named in messages: `-` is standard input.
pub fn display_name(path: &str) -> String {
    if path == "-" {
        "standard input".to_string()
    } else {
        path.to_string()
    }
}

/// What a source argument names: a file (or `-`), or a built-in passage
/// by id or number (`silk-road`, `4`) when no file has that name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceArg {
    /// A file path (`~/` expanded), or `-` for standard input.
    File(String),
    /// A built-in passage.
    BuiltIn(&'static crate::passages::Passage),
}

/// Reads a source argument: a file wins over a passage of the same name.
pub fn source_arg(arg: &str) -> SourceArg {
    let path = expand_home(arg);
    if path != "-"
        && !Path::new(&path).exists()
        && let Some(p) = crate::passages::find(arg)
    {
        return SourceArg::BuiltIn(p);
    }
    SourceArg::File(path)
}

/// A path with a leading `~` (the home folder) spelled out, as a shell
/// would; other paths as they are.
pub fn expand_home(path: &str) -> String {
    let rest = match path.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        _ => return path.to_string(),
    };
    match std::env::var_os("HOME") {
        Some(home) => format!("{}{rest}", home.to_string_lossy()),
        None => path.to_string(),
    }
}

/// Reads a source argument's text: the file, or the built-in passage. A
/// file with no words to summarise (a `# Heading` alone, or only symbols)
/// is refused.
pub fn read_source(arg: &str, lossy: bool) -> Result<String, InputError> {
    match source_arg(arg) {
        SourceArg::BuiltIn(p) => Ok(p.text.to_string()),
        SourceArg::File(path) => {
            let text = read_text(&path, lossy)?;
            check_source(&text, &display_name(&path))?;
            Ok(text)
        }
    }
}

/// Reads a text file (or standard input for `-`) as UTF-8; with `lossy`,
/// invalid bytes become U+FFFD instead of an error. A leading byte-order
/// mark is dropped.
pub fn read_text(path: &str, lossy: bool) -> Result<String, InputError> {
    let name = display_name(path);
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|source| InputError::Io {
                path: name.clone(),
                source,
            })?;
        if buf.len() as u64 > MAX_BYTES {
            return Err(InputError::TooLarge {
                path: name,
                mib: buf.len() as u64 >> 20,
            });
        }
        buf
    } else {
        read_file(Path::new(path), &name)?
    };
    decode(bytes, &name, lossy)
}

/// Whether `text` has a passage to summarise: some word after its
/// `# Heading`, if it has one. The error names the file as `name`.
pub fn check_source(text: &str, name: &str) -> Result<(), InputError> {
    let heading = structure::heading(text);
    let body = heading.as_ref().map_or(0, |(line, _)| line.end);
    // The first word is enough: counting them all would walk a huge source
    // once more for nothing.
    if words::words(&text[body..]).next().is_some() {
        return Ok(());
    }
    Err(match heading {
        Some(_) => InputError::HeadingOnly(name.to_string()),
        None => InputError::NoWords(name.to_string()),
    })
}

fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, InputError> {
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => InputError::NotFound(name.to_string()),
        _ => InputError::Io {
            path: name.to_string(),
            source: e,
        },
    })?;
    if meta.is_dir() {
        return Err(InputError::Directory(name.to_string()));
    }
    if meta.len() > MAX_BYTES {
        return Err(InputError::TooLarge {
            path: name.to_string(),
            mib: meta.len() >> 20,
        });
    }
    fs::read(path).map_err(|source| InputError::Io {
        path: name.to_string(),
        source,
    })
}

/// Checks and decodes the bytes of a text.
pub fn decode(bytes: Vec<u8>, name: &str, lossy: bool) -> Result<String, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary(name.to_string()));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) => {
            return Err(InputError::NotUtf8 {
                path: name.to_string(),
                offset: e.utf8_error().valid_up_to(),
            });
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty(name.to_string()));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_what_is_not_text() {
        assert!(matches!(
            decode(b"a\0b".to_vec(), "f", false),
            Err(InputError::Binary(_))
        ));
        assert!(matches!(
            decode(b"ab\xffc".to_vec(), "f", false),
            Err(InputError::NotUtf8 { offset: 2, .. })
        ));
        assert_eq!(
            decode(b"ab\xffc".to_vec(), "f", true).ok().as_deref(),
            Some("ab\u{fffd}c")
        );
        assert!(matches!(
            decode(b" \n\t".to_vec(), "f", false),
            Err(InputError::Empty(_))
        ));
        assert_eq!(
            decode("\u{feff}hi".as_bytes().to_vec(), "f", false)
                .ok()
                .as_deref(),
            Some("hi")
        );
    }

    #[test]
    fn a_source_needs_words_under_its_heading() {
        assert!(check_source("# Title\n\nOne word.", "f").is_ok());
        assert!(check_source("No heading, some words.", "f").is_ok());
        let only_heading = check_source("# Only a Heading\n\n", "notes.md")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            only_heading.as_deref(),
            Some("notes.md: is only a heading, with no passage under it to summarise")
        );
        let symbols = check_source("— — →\n", "s.txt")
            .err()
            .map(|e| e.to_string());
        assert_eq!(symbols.as_deref(), Some("s.txt: has no words to summarise"));
    }

    #[test]
    fn messages_name_the_file() {
        let e = read_text("/definitely/not/here.txt", false)
            .err()
            .map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("/definitely/not/here.txt: no such file"));
    }
}
