#!/usr/bin/env python3
"""Write large and hostile sources (and a ~300-word précis) for timing `precis check`.

The sentences come from the built-in passages (assets/passages/*.md), shuffled
with a fixed seed, so every run writes the same bytes. Every file written is
named on standard output with its size, its word count and what it holds.

Large sources (--mb megabytes, 10 by default):

  prose        the passages' sentences, in paragraphs
  figures      every sentence carries `$65 billion`, `2024`, `62 percent`,
               `1,200` and `five` (the values vary)
  mixed        prose with mixed scripts, bidirectional and zero-width marks,
               combining marks, emoji and figures between the words
  numberwords  runs of number words (`one one`, `twenty one`, `one hundred`)
               inside the prose
  all          the four above, in turn, paragraph by paragraph

Hostile sources (one line, no sentence end; --count, 32,000 by default):

  adjacent         `65 65 65 …`, --count figures
  mixedline        `\\u202e\\u200b\\u0301中文 😀 65 ` repeated --count times
  one-one          `one one one …`, --count words
  twenty-one       `twenty one twenty one …`, --count words
  one-hundred      `one hundred one hundred …`, --count words

Usage:
  python3 scripts/bigsource.py KIND OUT [--mb 10] [--count N] [--precis PRECIS_OUT]
  python3 scripts/bigsource.py --set DIR

--set writes the whole set the README's performance section measures into
DIR: the five large sources, the hostile lines at the sizes the issue
measured (adjacent and mixed lines × 8,000 and 32,000; number-word runs
× 500, 1,000, 2,000 and 8,000) and precis.md. Then, side by side with
`wc -w` (as the README does):

  hyperfine -N 'wc -w DIR/figures.md' 'target/release/precis check DIR/figures.md DIR/precis.md'
"""

import argparse
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
PASSAGES = ROOT / "assets" / "passages"
MODEL = PASSAGES / "12-price-of-power.precis.md"

MIXED = ["\u202e\u200b\u0301中文 😀 65", "پاکستان", "é\u0301", "\u200d", "Ωμέγα", "65%"]
NUMBER_RUNS = ["one one one one", "twenty one twenty one", "one hundred one hundred"]

LARGE = {
    "prose": "prose from the built-in passages",
    "figures": "prose with five figures in every sentence",
    "mixed": "prose with mixed scripts, marks and emoji between the words",
    "numberwords": "prose with runs of number words",
    "all": "the four kinds above, paragraph by paragraph",
}

# Each hostile kind: its piece, what --count counts, and what it is.
HOSTILE = {
    "adjacent": ("65 ", "figures", "one line of adjacent figures `65 65 …`"),
    "mixedline": ("\u202e\u200b\u0301中文 😀 65 ", "pieces",
                  "one line of `\\u202e\\u200b\\u0301中文 😀 65 ` pieces"),
    "one-one": ("one ", "words", "a run of number words `one one …`"),
    "twenty-one": ("twenty one ", "words", "a run of number words `twenty one …`"),
    "one-hundred": ("one hundred ", "words", "a run of number words `one hundred …`"),
}

# The sizes the issue measured, for --set.
HOSTILE_COUNTS = {
    "adjacent": [8_000, 32_000],
    "mixedline": [8_000, 32_000],
    "one-one": [500, 1_000, 2_000, 8_000],
    "twenty-one": [500, 1_000, 2_000, 8_000],
    "one-hundred": [500, 1_000, 2_000, 8_000],
}


def sentences():
    """Every sentence of the built-in passages, headings left out."""
    out = []
    for path in sorted(PASSAGES.glob("*.md")):
        if path.name.endswith(".precis.md"):
            continue
        body = "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
        )
        out.extend(s for s in re.split(r"(?<=[.!?])\s+", body) if len(s.split()) > 3)
    return out


def with_figures(sentence, rng):
    """The sentence with a clause of five figures of every kind."""
    billions = rng.randint(2, 99)
    year = rng.randint(1990, 2030)
    share = rng.randint(2, 98)
    count = rng.randint(1, 9) * 1000 + rng.randint(0, 9) * 100
    words = rng.choice(["two", "three", "four", "five", "six"])
    return (
        f"{sentence.rstrip('.!?')}, with ${billions} billion spent in {year}, "
        f"{share} percent of it on {count:,} schools in {words} provinces."
    )


def with_mixed(sentence, rng):
    """The sentence with mixed-script pieces between its words."""
    words = sentence.split()
    for _ in range(3):
        words.insert(rng.randrange(len(words) + 1), rng.choice(MIXED))
    return " ".join(words)


def with_number_run(sentence, rng):
    """The sentence with a run of number words in it."""
    words = sentence.split()
    words.insert(rng.randrange(len(words) + 1), rng.choice(NUMBER_RUNS))
    return " ".join(words)


def paragraph(kind, pool, rng):
    """About a hundred words of `kind`."""
    chosen = [rng.choice(pool) for _ in range(4)]
    if kind == "figures":
        chosen = [with_figures(s, rng) for s in chosen]
    elif kind == "mixed":
        chosen = [with_mixed(s, rng) for s in chosen]
    elif kind == "numberwords":
        chosen = [with_number_run(s, rng) for s in chosen]
    return " ".join(chosen)


def large(kind, mb):
    """A source of `kind` of about `mb` megabytes, with a heading."""
    rng = random.Random(15)
    pool = sentences()
    kinds = ["prose", "figures", "mixed", "numberwords"] if kind == "all" else [kind]
    limit = int(mb * 1_000_000)
    parts = ["# A Long Source\n\n"]
    size = len(parts[0].encode())
    turn = 0
    while size < limit:
        p = paragraph(kinds[turn % len(kinds)], pool, rng) + "\n\n"
        parts.append(p)
        size += len(p.encode())
        turn += 1
    return "".join(parts)


def hostile(kind, count):
    """One line of `count` figures, pieces or words, as the kind counts."""
    piece, unit, _ = HOSTILE[kind]
    repeats = count // len(piece.split()) if unit == "words" else count
    return "# A Hostile Source\n\n" + piece * max(1, repeats) + "\n"


def hostile_what(kind, count):
    """What a hostile source of `count` holds, in words."""
    _, unit, what = HOSTILE[kind]
    return f"{what}, {count:,} {unit}"


def precis_300():
    """The model précis of passage 12, lengthened to about 300 words."""
    lines = MODEL.read_text(encoding="utf-8").splitlines()
    title, body = lines[0], " ".join(l for l in lines[2:] if l and not l.startswith("("))
    extra = " Households pay for unreliable supply through generators and lost work."
    while len(body.split()) < 300:
        body += extra
    return f"{title}\n\n{body}\n\n({len(body.split())} words)\n"


def write(path, text, what):
    """Writes `text` to `path` and names it on standard output."""
    path.write_text(text, encoding="utf-8")
    size = len(text.encode())
    shown = f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
    print(f"{str(path):<40} {shown:>14} {len(text.split()):>11,} words  {what}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", nargs="?", choices=[*LARGE, *HOSTILE])
    parser.add_argument("out", nargs="?", type=pathlib.Path)
    parser.add_argument("--mb", type=float, default=10.0, help="size of a large source (10)")
    parser.add_argument("--count", type=int, default=32_000, help="pieces in a hostile line")
    parser.add_argument("--precis", type=pathlib.Path, help="also write a ~300-word précis here")
    parser.add_argument("--set", type=pathlib.Path, metavar="DIR", help="write the whole set")
    args = parser.parse_args()

    if args.set:
        args.set.mkdir(parents=True, exist_ok=True)
        for kind, what in LARGE.items():
            write(args.set / f"{kind}.md", large(kind, args.mb), f"{args.mb:g} MB of {what}")
        for kind, counts in HOSTILE_COUNTS.items():
            for count in counts:
                write(args.set / f"{kind}-{count}.md", hostile(kind, count),
                      hostile_what(kind, count))
        write(args.set / "precis.md", precis_300(), "a précis of about 300 words")
        return
    if not args.kind or not args.out:
        parser.error("give KIND and OUT, or --set DIR")
    if args.kind in LARGE:
        write(args.out, large(args.kind, args.mb), f"{args.mb:g} MB of {LARGE[args.kind]}")
    else:
        write(args.out, hostile(args.kind, args.count), hostile_what(args.kind, args.count))
    if args.precis:
        write(args.precis, precis_300(), "a précis of about 300 words")


if __name__ == "__main__":
    main()
