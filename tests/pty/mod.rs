//! A program run in a pseudo-terminal for end-to-end tests: keys go in as
//! a terminal sends them, and the output is kept both as raw bytes and as
//! the screen a vt100 emulator draws from it. Every wait is bounded, and
//! the child is killed when the harness is dropped.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use serde_json::Value;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_precis");
/// How long any wait lasts before the test fails.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(20);

/// What the emulator was asked to do besides drawing: set window titles
/// (OSC 0/2), or print C1 control characters (U+0080 to U+009F).
#[derive(Default)]
pub struct Seen {
    pub titles: Vec<Vec<u8>>,
    pub c1: bool,
}

impl vt100::Callbacks for Seen {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }

    fn unhandled_char(&mut self, _: &mut vt100::Screen, c: char) {
        self.c1 |= ('\u{80}'..'\u{a0}').contains(&c);
    }
}

/// Everything the child wrote: the raw bytes and the emulated screen.
pub struct Output {
    pub raw: Vec<u8>,
    pub parser: vt100::Parser<Seen>,
    closed: bool,
}

/// One run of a program in a pseudo-terminal; killed when dropped.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output>>,
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size is never zero")
}

/// The screen's rows joined and its runs of spaces collapsed, so a message
/// wrapped over several rows can be found as one line.
pub fn flat(screen: &vt100::Screen) -> String {
    let (_, cols) = screen.size();
    let rows: Vec<String> = screen.rows(0, cols.get()).collect();
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where `needle` first starts on the screen: (row, column in characters).
pub fn find(screen: &vt100::Screen, needle: &str) -> Option<(usize, usize)> {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .enumerate()
        .find_map(|(r, row)| row.find(needle).map(|b| (r, row[..b].chars().count())))
}

pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

pub fn last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

impl Pty {
    /// Runs `precis ARGS` with its data and config under `home`.
    pub fn precis(home: &Path, args: &[&str]) -> Self {
        let mut argv = vec![BIN];
        argv.extend_from_slice(args);
        Self::spawn(home, &argv)
    }

    /// Runs `argv` in a fresh 120×40 terminal whose HOME and XDG
    /// directories are inside `home`.
    pub fn spawn(home: &Path, argv: &[&str]) -> Self {
        let pair = native_pty_system()
            .openpty(size(40, 120))
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(argv[0]);
        cmd.args(&argv[1..]);
        cmd.env_clear();
        cmd.env(
            "PATH",
            std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()),
        );
        cmd.env("HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.cwd(home);
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        drop(pair.slave);
        let output = Arc::new(Mutex::new(Output {
            raw: Vec::new(),
            parser: vt100::Parser::new_with_callbacks(
                nonzero(40),
                nonzero(120),
                0,
                Seen::default(),
            ),
            closed: false,
        }));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&output);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let Ok(mut out) = sink.lock() else { return };
                if n == 0 {
                    out.closed = true;
                    return;
                }
                out.raw.extend_from_slice(&buf[..n]);
                out.parser.process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Pty {
            master: pair.master,
            writer,
            child,
            output,
        }
    }

    pub fn out(&self) -> MutexGuard<'_, Output> {
        self.output.lock().expect("output lock")
    }

    /// Types `keys` as the terminal would send them.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.out().parser.screen().contents()
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.out().raw.clone()
    }

    /// Polls until `ok` holds for the screen; panics with the screen after
    /// the timeout, naming `what` was awaited.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        self.wait_until_within(TIMEOUT, what, ok);
    }

    /// Like [`Self::wait_until`], for a program given `timeout` to get there
    /// (a huge file to index).
    pub fn wait_until_within(
        &self,
        timeout: Duration,
        what: &str,
        ok: impl Fn(&vt100::Screen) -> bool,
    ) {
        let start = Instant::now();
        loop {
            if ok(self.out().parser.screen()) {
                return;
            }
            if start.elapsed() > timeout {
                panic!(
                    "timed out waiting for {what}; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until `needle` is on the screen (rows may wrap it).
    pub fn wait_for(&self, needle: &str) {
        self.wait_until(&format!("{needle:?}"), |s| flat(s).contains(needle));
    }

    /// Resizes the terminal and the emulator together.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.out().parser.set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(size(rows, cols))
            .expect("resize the pty");
    }

    /// Waits for the program to exit and for its last output to be read.
    pub fn wait_exit(&mut self) -> ExitStatus {
        self.wait_exit_within(TIMEOUT)
    }

    /// Like [`Self::wait_exit`], for a program given `timeout` to finish (a
    /// huge draft to save).
    pub fn wait_exit_within(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            if start.elapsed() > timeout {
                panic!(
                    "the program did not exit; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(POLL);
        };
        while !self.out().closed {
            assert!(
                start.elapsed() < 2 * timeout,
                "the pty never closed after the program exited"
            );
            thread::sleep(POLL);
        }
        status
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Asserts the raw output leaves the terminal as it was found.
pub fn assert_terminal_restored(raw: &[u8]) {
    for seq in ["\x1b[?1049l", "\x1b[?1000l", "\x1b[?2004l", "\x1b[?25h"] {
        assert!(
            count(raw, seq.as_bytes()) > 0,
            "the output never sends {seq:?}"
        );
    }
    let entered = last(raw, b"\x1b[?1049h").expect("the alternate screen was entered");
    let left = last(raw, b"\x1b[?1049l").expect("the alternate screen was left");
    assert!(
        left > entered,
        "the alternate screen was entered again after leaving it"
    );
    let shown = last(raw, b"\x1b[?25h").expect("cursor shown");
    assert!(
        last(raw, b"\x1b[?25l").is_none_or(|hidden| shown > hidden),
        "the cursor is left hidden"
    );
}

/// Runs `precis ARGS` through a shell that writes its process id first,
/// then execs it (so the id is the editor's own).
pub fn precis_with_pid(home: &Path, args: &[&str]) -> (Pty, u32) {
    let pidfile = home.join("precis.pid");
    // A pid file left by an earlier run would name a process that is gone.
    let _ = std::fs::remove_file(&pidfile);
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut script = format!(
        "echo $$ > {}; exec {}",
        quote(&pidfile.display().to_string()),
        quote(BIN)
    );
    for arg in args {
        script.push(' ');
        script.push_str(&quote(arg));
    }
    let pty = Pty::spawn(home, &["sh", "-c", &script]);
    let pid = wait_disk("the pid file", || {
        std::fs::read_to_string(&pidfile)
            .ok()?
            .trim()
            .parse::<u32>()
            .ok()
    });
    (pty, pid)
}

/// Sends `signal` (a name such as `TERM` or `KILL`) to `pid` with kill(1).
pub fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args(["-s", signal, &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -s {signal} {pid}: {status}");
}

/// The longest any file on disk is waited for.
pub const DISK_TIMEOUT: Duration = Duration::from_secs(10);

/// A fresh temporary home for one test.
pub fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Where the editor keeps drafts under a test's home.
pub fn drafts_dir(home: &Path) -> PathBuf {
    home.join("data/precis/drafts")
}

/// The draft files (`<id>.json`, not backups or temporaries) under `home`.
pub fn draft_files(home: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(drafts_dir(home)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Polls `probe` until it gives a value; panics naming `what` after the
/// timeout.
pub fn wait_disk<T>(what: &str, probe: impl Fn() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = probe() {
            return v;
        }
        assert!(
            start.elapsed() < DISK_TIMEOUT,
            "timed out waiting for {what}"
        );
        thread::sleep(Duration::from_millis(20));
    }
}

/// A draft file read as JSON, or `None` while it is missing or unreadable.
pub fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}
