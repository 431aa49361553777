#!/usr/bin/env python3
"""Start-up and keystroke-to-screen latency of précis, nano and vim.

Each editor runs in the same 120x40 pseudo-terminal on the same passage,
with a fresh HOME. Start-up is the time from fork until the editor's first
screen is written; keystroke latency is the time from writing one key to
the pty until the editor writes that character back. Prints medians, 95th
percentiles and ratios. Needs nano and vim on PATH (apt-get install nano
vim) and a release build (cargo build --release); --in-place also needs
pyte (pip install pyte) to read the count off an emulated screen.

    python3 scripts/latency.py [--runs 15] [--keys 100]
    python3 scripts/latency.py --in-place [--keys 100]
    python3 scripts/latency.py --large-source [--runs 15]
    python3 scripts/latency.py ... --before OLD/target/release/precis

--large-source times the first screen with a source of 100,000 words (the
passage repeated), against nano opening the same file. --before adds a
précis binary built from an earlier commit as one more editor, "précis
(before)", so a change is measured against its past and nano in one run.

With --in-place, each editor holds a précis of 300, 1,000 and 3,000 words
(précis: pasted into the body; nano and vim: the same text in the file
after the passage) and keys are typed at its end and in the middle of a
line ten rows up; for précis it also times how long after a key the word
count on screen is updated (the checks that follow a pause).
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


def spawn(argv, home, words=None):
    """Forks `argv` onto a new pty of ROWS x COLS in `home`, with the passage
    copied there as passage.md (repeated to at least `words` words when
    given); returns (pid, fd, t0)."""
    if words:
        write_large(os.path.join(home, "passage.md"), words)
    else:
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


def read_until(fd, marker, timeout=10.0, tap=None):
    """Reads until `marker` appears; returns the time it was read. What is
    read is also given to `tap` (an emulated screen), if any."""
    seen = b""
    deadline = time.perf_counter() + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"no {marker!r} within {timeout}s; read {seen[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            at = time.perf_counter()
            if not chunk:
                raise EOFError(f"the program ended before {marker!r}")
            seen += chunk
            if marker in seen:
                # The emulated screen is fed once the marker has come: feeding
                # it is the harness's cost, and feeding a frame's first
                # writes before reading its last would count it as the
                # editor's.
                if tap:
                    tap(seen)
                return at


def screen_shows(fd, tap, screen, text, timeout=10.0):
    """Feeds the editor's output to an emulated screen (through `tap`) until
    a row shows `text`; returns the time it did."""
    deadline = time.perf_counter() + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"no {text!r} on screen within {timeout}s")
        if select.select([fd], [], [], left)[0]:
            tap(os.read(fd, 65536))
            if any(text in row for row in screen.display):
                return time.perf_counter()


def drain(fd, quiet=0.15, limit=3.0, tap=None):
    """Reads until nothing arrives for `quiet` seconds (or `limit` passes:
    an editor that redraws while idle never falls quiet)."""
    end = time.perf_counter() + limit
    while time.perf_counter() < end and select.select([fd], [], [], quiet)[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            return
        if tap:
            tap(chunk)


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


def write_large(path, words):
    """The passage's paragraphs repeated until the file holds `words` words."""
    text = open(PASSAGE, encoding="utf-8").read()
    heading, _, body = text.partition("\n")
    n = len(body.split())
    with open(path, "w", encoding="utf-8") as f:
        f.write(heading + "\n")
        for _ in range(-(-words // n)):
            f.write(body.strip() + "\n\n")


def startup(argv, marker, words=None):
    with tempfile.TemporaryDirectory() as home:
        pid, fd, t0 = spawn(argv, home, words)
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


def precis_words(n):
    """A précis body of `n` words: the model précis of passage 1, repeated."""
    model = open(os.path.join(ROOT, "assets", "passages", "01-narrow-tax-base.precis.md"),
                 encoding="utf-8").read()
    body = [w for line in model.splitlines()[2:] if not line.startswith("(") for w in line.split()]
    words = []
    while len(words) < n:
        words.extend(body)
    return " ".join(words[:n])


# Moving to the end of the text, and ten rows up from it, in each editor.
TO_END = {"précis": b"\x1b[1;5F", "nano": b"\x1b/", "vim": b"\x1bGA"}
TEN_UP = b"\x1b[A" * 10


def in_place(name, argv, marker, words, where, count):
    """Keystroke latencies with a précis of `words` words in place, typing
    at its end or in the middle of a line; for précis also the time until
    the count on screen follows a key."""
    body = precis_words(words)
    import pyte
    screen = pyte.Screen(COLS, ROWS)
    # Only précis's screen is read (for its count); pyte cannot parse some
    # of vim's private sequences.
    mine = name.startswith("précis")
    tap = pyte.ByteStream(screen).feed if mine else None
    with tempfile.TemporaryDirectory() as home:
        if mine:
            pid, fd, _ = spawn(argv, home)
        else:
            shutil.copy(PASSAGE, os.path.join(home, "passage.md"))
            with open(os.path.join(home, "passage.md"), "a", encoding="utf-8") as f:
                f.write("\n" + body + "\n")
            pid, fd, _ = spawn_existing(argv, home)
        try:
            read_until(fd, marker, tap=tap)
            drain(fd, tap=tap)
            if mine:
                os.write(fd, b"\x1b[200~" + body.encode() + b"\x1b[201~")
                screen_shows(fd, tap, screen, f"{words}/", timeout=30)
                drain(fd, 0.3, tap=tap)
            os.write(fd, TO_END["précis" if mine else name])
            drain(fd, tap=tap)
            if where == "middle":
                os.write(fd, TEN_UP)
                drain(fd, tap=tap)
            os.write(fd, KEY)
            read_until(fd, KEY, tap=tap)
            drain(fd, 0.3, tap=tap)
            times = []
            for _ in range(count):
                t = time.perf_counter()
                os.write(fd, KEY)
                times.append(read_until(fd, KEY, tap=tap) - t)
                drain(fd, 0.05, tap=tap)
            settle = []
            if mine:
                # A new word: how long until the count on screen has it (the
                # screen is emulated, since only changed cells are written).
                n = words
                for _ in range(min(count, 20)):
                    n += 1
                    t = time.perf_counter()
                    os.write(fd, b" " + KEY)
                    settle.append(screen_shows(fd, tap, screen, f"{n}/") - t)
                    drain(fd, 0.15, tap=tap)
            return times, settle
        finally:
            stop(pid, fd)


def spawn_existing(argv, home):
    """Forks `argv` in `home` where passage.md is already written."""
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


def ms(xs, q=None):
    if q is None:
        return statistics.median(xs) * 1000
    return statistics.quantiles(xs, n=100)[q - 1] * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="start-ups per editor")
    parser.add_argument("--keys", type=int, default=100, help="keystrokes per editor")
    parser.add_argument("--in-place", action="store_true",
                        help="with a précis of 300, 1,000 and 3,000 words in place")
    parser.add_argument("--large-source", action="store_true",
                        help="start-up only, with a source of 100,000 words")
    parser.add_argument("--before", metavar="BIN",
                        help="also measure this précis binary, built from an earlier commit")
    args = parser.parse_args()
    if args.before:
        argv, marker, prepare = EDITORS["précis"]
        EDITORS["précis (before)"] = ([os.path.abspath(args.before)] + argv[1:], marker, prepare)
    if args.large_source:
        print(f"{os.cpu_count()} cores; first screen with a 100,000-word source, "
              f"{args.runs} runs each, {COLS}x{ROWS} pty\n")
        print("| editor | first screen median | min | ratio to nano (median) |")
        print("| --- | --- | --- | --- |")
        starts = {name: [startup(argv, marker, 100_000) for _ in range(args.runs)]
                  for name, (argv, marker, _) in EDITORS.items() if name != "vim"}
        for name, xs in starts.items():
            print(f"| {name} | {ms(xs):.1f} ms | {min(xs) * 1000:.1f} ms "
                  f"| {ms(xs) / ms(starts['nano']):.2f}x |")
        return
    missing = [e for e in ("nano", "vim") if not shutil.which(e)]
    if missing or not os.path.exists(PRECIS):
        raise SystemExit(
            f"latency.py: need {' and '.join(missing) or 'a release build'}: "
            "apt-get install nano vim; cargo build --release"
        )
    if args.in_place:
        print(f"{os.cpu_count()} cores; {args.keys} keystrokes each, {COLS}x{ROWS} pty\n")
        print("| précis words | typing at | précis median / p95 | nano median / p95 | vim median / p95 "
              "| ratio to nano (median, p95) | précis count on screen after a key (median / p95) |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for words in (300, 1000, 3000):
            for where in ("end", "middle"):
                row = {}
                for name, (argv, marker, _) in EDITORS.items():
                    row[name] = in_place(name, argv, marker, words, where, args.keys)
                n, _ = row["nano"]
                v, _ = row["vim"]
                for name in (e for e in row if e.startswith("précis")):
                    p, settle = row[name]
                    print(f"| {words:,} | {where} | {name}: {ms(p):.2f} / {ms(p, 95):.2f} ms "
                          f"| {ms(n):.2f} / {ms(n, 95):.2f} ms | {ms(v):.2f} / {ms(v, 95):.2f} ms "
                          f"| {ms(p) / ms(n):.2f}x, {ms(p, 95) / ms(n, 95):.2f}x "
                          f"| {ms(settle):.1f} / {ms(settle, 95):.1f} ms |")
        return
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
