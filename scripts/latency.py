#!/usr/bin/env python3
"""Start-up and keystroke-to-screen latency of précis, nano and vim.

Each editor runs in the same 120x40 pseudo-terminal on the same passage,
with a fresh HOME. Start-up is the time from fork until the editor's first
screen is written; keystroke latency is the time from writing one key to
the pty until the editor writes that character back. Prints medians, 95th
percentiles and ratios. Needs nano and vim on PATH (apt-get install nano
vim) and a release build (cargo build --release).

    python3 scripts/latency.py [--runs 15] [--keys 100]
"""

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSAGE = os.path.join(ROOT, "assets", "passages", "01-narrow-tax-base.md")
PRECIS = os.path.join(ROOT, "target", "release", "precis")
ROWS, COLS = 40, 120
# A key no editor draws elsewhere on these screens.
KEY = b"z"


def spawn(argv, home):
    """Forks `argv` onto a new pty of ROWS x COLS in `home`, with the passage
    copied there as passage.md; returns (pid, fd, t0)."""
    shutil.copy(PASSAGE, os.path.join(home, "passage.md"))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.chdir(home)
        os.execvpe(argv[0], argv, env)
    return pid, fd, t0


def read_until(fd, marker, timeout=10.0):
    """Reads until `marker` appears; returns the time it was read."""
    seen = b""
    deadline = time.perf_counter() + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"no {marker!r} within {timeout}s; read {seen[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                raise EOFError(f"the program ended before {marker!r}")
            seen += chunk
            if marker in seen:
                return time.perf_counter()


def drain(fd, quiet=0.15):
    """Reads until nothing arrives for `quiet` seconds."""
    while select.select([fd], [], [], quiet)[0]:
        if not os.read(fd, 65536):
            return


def stop(pid, fd):
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)


# Each editor: its command line, what shows its first screen, and the keys
# that put it in a state where typing inserts text.
# Each runs in a fresh HOME on its own copy of the passage (vim without a
# swap file), so a killed run leaves nothing behind.
EDITORS = {
    "précis": ([PRECIS, "passage.md"], "Précis ·".encode(), b""),
    "nano": (["nano", "--ignorercfiles", "passage.md"], b"Help", b""),
    "vim": (["vim", "-u", "NONE", "-i", "NONE", "-N", "-n", "passage.md"], b'"passage.md"', b"i"),
}


def startup(argv, marker):
    with tempfile.TemporaryDirectory() as home:
        pid, fd, t0 = spawn(argv, home)
        try:
            return read_until(fd, marker) - t0
        finally:
            stop(pid, fd)


def keystrokes(argv, marker, prepare, count):
    with tempfile.TemporaryDirectory() as home:
        pid, fd, _ = spawn(argv, home)
        try:
            read_until(fd, marker)
            drain(fd)
            if prepare:
                os.write(fd, prepare)
                drain(fd)
            # A first key (précis's dismisses its greeting) is not measured.
            os.write(fd, KEY)
            read_until(fd, KEY)
            drain(fd)
            times = []
            for _ in range(count):
                t = time.perf_counter()
                os.write(fd, KEY)
                times.append(read_until(fd, KEY) - t)
                drain(fd, 0.05)
            return times
        finally:
            stop(pid, fd)


def ms(xs, q=None):
    if q is None:
        return statistics.median(xs) * 1000
    return statistics.quantiles(xs, n=100)[q - 1] * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="start-ups per editor")
    parser.add_argument("--keys", type=int, default=100, help="keystrokes per editor")
    args = parser.parse_args()
    missing = [e for e in ("nano", "vim") if not shutil.which(e)]
    if missing or not os.path.exists(PRECIS):
        raise SystemExit(
            f"latency.py: need {' and '.join(missing) or 'a release build'}: "
            "apt-get install nano vim; cargo build --release"
        )
    results = {}
    for name, (argv, marker, prepare) in EDITORS.items():
        starts = [startup(argv, marker) for _ in range(args.runs)]
        keys = keystrokes(argv, marker, prepare, args.keys)
        results[name] = (starts, keys)
    print(f"{os.cpu_count()} cores, {os.uname().sysname} {os.uname().machine}; "
          f"{args.runs} start-ups and {args.keys} keystrokes each, {COLS}x{ROWS} pty\n")
    print("| editor | start-up median | keystroke median | keystroke p95 |")
    print("| --- | --- | --- | --- |")
    for name, (starts, keys) in results.items():
        print(f"| {name} | {ms(starts):.1f} ms | {ms(keys):.2f} ms | {ms(keys, 95):.2f} ms |")
    p_start, p_keys = results["précis"]
    for other in ("nano", "vim"):
        o_start, o_keys = results[other]
        print(f"précis / {other}: start-up {ms(p_start) / ms(o_start):.2f}x, "
              f"keystroke {ms(p_keys) / ms(o_keys):.2f}x (median), "
              f"{ms(p_keys, 95) / ms(o_keys, 95):.2f}x (p95)")


if __name__ == "__main__":
    main()
