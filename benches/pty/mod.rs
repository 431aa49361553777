//! A program started in a fresh 120×40 pseudo-terminal for the benchmarks
//! that time or measure the real binary, with its HOME and XDG directories
//! inside a temporary home.

use std::path::Path;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Starts `argv` in a new 120×40 terminal with HOME, XDG_DATA_HOME and
/// XDG_CONFIG_HOME inside `home`; the terminal's master side and the child.
pub fn spawn(
    argv: &[&str],
    home: &Path,
) -> (Box<dyn MasterPty + Send>, Box<dyn Child + Send + Sync>) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(argv[0]);
    cmd.args(&argv[1..]);
    cmd.env("HOME", home);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
    drop(pair.slave);
    (pair.master, child)
}
