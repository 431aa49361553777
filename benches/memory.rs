//! Peak memory of the real binary (Linux): the resident set high-water mark
//! of `precis check` (from `wait4`) and of the editor once its first frame
//! is on screen (`VmHWM` in `/proc`), with 2,000 and 100,000-word sources.
//! Prints a Markdown table; run with `cargo bench --bench memory`.

use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
mod pty;

use common::{body_of, source_of};

const BIN: &str = env!("CARGO_BIN_EXE_precis");

/// The peak resident size of `precis check SOURCE PRECIS`, in KiB.
fn check_peak(home: &Path, source: &Path, precis: &Path) -> u64 {
    // Reaped by wait4 below, which also reports its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(BIN)
        .arg("check")
        .arg(source)
        .arg(precis)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn precis check");
    let pid = i32::try_from(child.id()).expect("pid");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for; both pointers
    // point at live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4 failed");
    u64::try_from(usage.ru_maxrss).expect("maxrss")
}

/// The peak resident size of the editor on `source` once its first frame
/// is drawn, in KiB.
fn editor_peak(home: &Path, source: &Path) -> u64 {
    let source = source.display().to_string();
    let (master, mut child) = pty::spawn(&[BIN, &source], home);
    let mut reader = master.try_clone_reader().expect("pty reader");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains("Précis ·") {
                let _ = tx.send(());
                break;
            }
        }
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the first frame within a minute");
    let pid = child.process_id().expect("pid");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    let _ = child.kill();
    let _ = child.wait();
    peak
}

fn main() {
    // `cargo test` runs benches once with --bench absent: nothing to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let started = Instant::now();
    println!("| source | `precis check` peak RSS | editor peak RSS at first frame |");
    println!("| --- | --- | --- |");
    for words in [2_000, 100_000] {
        let home = tempfile::tempdir().expect("temp dir");
        let source = home.path().join("source.md");
        std::fs::write(&source, source_of(words)).expect("write source");
        let precis = home.path().join("precis.txt");
        std::fs::write(&precis, format!("Title: Rigid Power\n\n{}\n", body_of(300)))
            .expect("write précis");
        let check = check_peak(home.path(), &source, &precis);
        let editor = editor_peak(home.path(), &source);
        println!(
            "| {words} words | {:.1} MiB | {:.1} MiB |",
            check as f64 / 1024.0,
            editor as f64 / 1024.0
        );
    }
    println!("(measured in {:.1?})", started.elapsed());
}
