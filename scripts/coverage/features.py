"""What every method needs from a passage and a précis, computed once:
source terms and weights (today's), précis content words and the units a
source sentence is aligned against (the whole précis, each précis sentence,
sliding windows of précis words), and similarities between source terms and
précis words (exact stems, WordNet relations, static vectors).
"""

import hashlib
import math
import os
from pathlib import Path

import numpy as np

import lexical
import textproc
from porter2 import stem

SCRATCH = Path(os.environ.get("COVERAGE_SCRATCH", Path(__file__).resolve().parents[2] / "target" / "coverage-eval"))
WINDOWS = (12, 16, 20, 24, 30)
STRIDE = 4


# ---- static vectors (PVEC1 files) and WordNet relations ----------------------

class Vectors:
    """Stem-keyed static vectors; a hyphenated compound missing from the
    table is the mean of its parts' vectors."""

    def __init__(self, path):
        import derive_vectors
        self.path = Path(path)
        words, vecs = derive_vectors.read(path)
        self.index = {w: i for i, w in enumerate(words)}
        self.vecs = vecs
        self.dims = vecs.shape[1]
        self.size = self.path.stat().st_size

    def of(self, token, term):
        i = self.index.get(term)
        if i is not None:
            return self.vecs[i]
        parts = [stem(p) for p in textproc.surface_parts(token) if len(p) >= 3 and p not in textproc.STOP]
        got = [self.vecs[self.index[p]] for p in parts if p in self.index]
        if not got:
            return None
        v = np.mean(got, axis=0)
        return v / (np.linalg.norm(v) + 1e-12)


class WordNet:
    """Related stems from derive_wordnet.py's table."""

    RELS = ("syn", "der", "sim", "hyp")

    def __init__(self, path):
        self.path = Path(path)
        self.size = self.path.stat().st_size
        self._ranks = {}
        for line in open(path):
            a, b, r, k = line.rstrip("\n").split("\t")
            self._ranks.setdefault(a, {}).setdefault(b, {})[r] = int(k)

    def ranks(self):
        """{stem: {other: {relation: best sense rank}}}"""
        return self._ranks


# ---- passage side -------------------------------------------------------------

class PassageFeat:
    def __init__(self, passage):
        self.p = passage
        src = lexical.SourceSide(passage)
        self.src = src
        self.n = src.n
        self.terms = sorted(src.w)
        self.tix = {t: i for i, t in enumerate(self.terms)}
        self.tw = np.array([src.w[t] for t in self.terms])
        self.token_of = {}
        for ws in src.words:
            for t, low, tok in ws:
                self.token_of.setdefault(t, tok)
        A = np.zeros((self.n, len(self.terms)))
        for i, ts in enumerate(src.terms):
            for t in ts:
                A[i, self.tix[t]] = src.w[t]
        self.A = A
        self.figs = sorted(src.fig_w)
        self.fix = {f: i for i, f in enumerate(self.figs)}
        F = np.zeros((self.n, len(self.figs)))
        for i, fs in enumerate(src.figs):
            for f in fs:
                F[i, self.fix[f]] = src.fig_w[f]
        self.F = F
        self.mass = np.array(src.mass)
        self.weight = np.array(src.weight)
        # paragraph starts and positions, for key-point rules
        raw = passage.raw
        self.para_first = []
        prev_end = None
        for s, e in passage.ranges:
            gap = raw[prev_end:s] if prev_end is not None else b"\n\n"
            self.para_first.append(b"\n\n" in gap.replace(b"\r", b"") or prev_end is None)
            prev_end = e
        self.para_last = [self.para_first[i + 1] if i + 1 < self.n else True for i in range(self.n)]
        self.position = np.arange(self.n) / max(1, self.n - 1)
        self._wt = {}

    # corpus frequency ranks of stems (1 = commonest), set from a vector file
    RANKS = None

    def rarity(self, t):
        """ln(rank) / ln(vocabulary size): near 0 for the commonest words of
        English, 1 for the rarest and for words outside the vocabulary."""
        r = PassageFeat.RANKS
        n = len(r)
        return math.log(r.get(t, n) + 1) / math.log(n + 1)

    def weighting(self, gamma=1.0, title=1.5, fig=1.5, kappa=0.0):
        """(A, F, mass) under term weight ln(1 + n/df)^gamma × (title if a
        title term) × rarity^kappa; figure weight ln(1 + n/df)^gamma × fig.
        Today: (1, 1.5, 1.5, 0)."""
        key = (gamma, title, fig, kappa)
        if key not in self._wt:
            src = self.src
            base = {t: math.log(1 + self.n / src.df[t]) ** gamma * (self.rarity(t) ** kappa if kappa else 1.0)
                    for t in self.terms}
            w = np.array([base[t] * (title if t in src.heavy else 1.0) for t in self.terms])
            A = (self.A > 0) * w[None, :]
            F = np.zeros_like(self.F)
            for f, sents in self.p.figures.items():
                for i in sents:
                    F[i, self.fix[f]] = math.log(1 + self.n / len(sents)) ** gamma * fig
            mass = A.sum(1) + F.sum(1)
            self._wt[key] = (A, F, mass)
        return self._wt[key]

    def term_vectors(self, vectors):
        key = id(vectors)
        cache = self.__dict__.setdefault("_tv", {})
        if key not in cache:
            V = np.zeros((len(self.terms), vectors.dims), dtype=np.float32)
            ok = np.zeros(len(self.terms), dtype=bool)
            for t, i in self.tix.items():
                v = vectors.of(self.token_of[t], t)
                if v is not None:
                    V[i] = v
                    ok[i] = True
            cache[key] = (V, ok)
        return cache[key]

    def sentence_vectors(self, vectors):
        """IDF-weighted mean of each sentence's term vectors, unit length."""
        V, ok = self.term_vectors(vectors)
        S = self.A @ (V * ok[:, None])
        return S / (np.linalg.norm(S, axis=1, keepdims=True) + 1e-12)


# ---- précis side ----------------------------------------------------------------

class CaseFeat:
    def __init__(self, pf, case):
        self.pf = pf
        self.case = case
        text = case.text
        self.tokens = [(s, e, t) for s, e, t in textproc.tokens(text) if textproc.is_word(t)]
        self.cw = []    # (token index, term, token)
        for k, (s, e, t) in enumerate(self.tokens):
            term = textproc.content_term(t)
            if term is not None:
                self.cw.append((k, term, t))
        starts = [s for s, _, _ in self.tokens]
        # figures the tool matched, as (token index, source figure)
        self.figs = []
        for c, src_start in case.figures:
            k = max(0, np.searchsorted(starts, c, side="right") - 1)
            if src_start in pf.fix:
                self.figs.append((k, pf.fix[src_start]))
        nt = len(self.tokens)
        # units as token ranges
        self.units = {"whole": [(0, nt)]}
        sents = []
        for s, e in case.sent_ranges:
            a = np.searchsorted(starts, s, side="left")
            b = np.searchsorted(starts, e, side="left")
            if b > a:
                sents.append((int(a), int(b)))
        self.units["sent"] = sents or [(0, nt)]
        for W in WINDOWS:
            if nt <= W:
                self.units[f"win{W}"] = [(0, nt)]
            else:
                r = [(i, i + W) for i in range(0, nt - W + 1, STRIDE)]
                if r[-1][1] < nt:
                    r.append((nt - W, nt))
                self.units[f"win{W}"] = r
        # membership of content words and figures in each unit
        cw_tok = np.array([k for k, _, _ in self.cw])
        fig_tok = np.array([k for k, _ in self.figs])
        self.member = {}
        self.fig_in = {}
        for name, rs in self.units.items():
            M = np.zeros((len(rs), len(self.cw)), dtype=bool)
            G = np.zeros((len(rs), len(pf.figs)))
            for u, (a, b) in enumerate(rs):
                if len(cw_tok):
                    M[u] = (cw_tok >= a) & (cw_tok < b)
                for (k, f) in self.figs:
                    if a <= k < b:
                        G[u, f] = 1.0
            self.member[name] = M
            self.fig_in[name] = G
        self.exact = np.zeros((len(pf.terms), len(self.cw)), dtype=np.float32)
        for j, (_, term, _) in enumerate(self.cw):
            i = pf.tix.get(term)
            if i is not None:
                self.exact[i, j] = 1.0
        self._sims = {}

    def unit_texts(self, name):
        text = self.case.text
        return [text[self.tokens[a][0]:self.tokens[b - 1][1]] for a, b in self.units[name]]

    # similarity of each source term to each précis content word (T × n_cw)
    def wn_ranks(self, wn):
        """Per relation, the best sense rank linking source term i to précis
        word j (99: none): {relation: (T × n_cw) array}."""
        key = ("wnr", id(wn))
        if key not in self._sims:
            table = wn.ranks()
            out = {r: np.full((len(self.pf.terms), len(self.cw)), 99, dtype=np.int8) for r in wn.RELS}
            pterms = [t for _, t, _ in self.cw]
            for i, t in enumerate(self.pf.terms):
                rel = table.get(t)
                if not rel:
                    continue
                for j, u in enumerate(pterms):
                    got = rel.get(u)
                    if got:
                        for r, k in got.items():
                            out[r][i, j] = k
            self._sims[key] = out
        return self._sims[key]

    def sim_wordnet(self, wn, credits, max_rank):
        key = ("wn", id(wn), tuple(sorted(credits.items())), max_rank)
        if key not in self._sims:
            S = self.exact.copy()
            for r, R in self.wn_ranks(wn).items():
                c = credits.get(r, 0.0)
                if c > 0:
                    S = np.maximum(S, c * (R <= max_rank))
            self._sims[key] = S
        return self._sims[key]

    def sim_vectors(self, vectors):
        key = ("vec", id(vectors))
        if key not in self._sims:
            V, ok = self.pf.term_vectors(vectors)
            P = np.zeros((len(self.cw), vectors.dims), dtype=np.float32)
            pok = np.zeros(len(self.cw), dtype=bool)
            for j, (_, term, tok) in enumerate(self.cw):
                v = vectors.of(tok, term)
                if v is not None:
                    P[j] = v
                    pok[j] = True
            S = (V @ P.T) * ok[:, None] * pok[None, :]
            S = np.maximum(S, self.exact)
            self._sims[key] = S
            self._pvec = getattr(self, "_pvec", {})
            self._pvec[id(vectors)] = (P, pok)
        return self._sims[key]

    def best(self, S, unit):
        """For each unit, each source term's best similarity within it: (U × T)."""
        M = self.member[unit]
        out = np.zeros((M.shape[0], S.shape[0]), dtype=np.float32)
        for u in range(M.shape[0]):
            if M[u].any():
                out[u] = S[:, M[u]].max(1)
        return out

    def unit_vectors(self, vectors, unit):
        """Mean of each unit's content-word vectors, unit length (U × d)."""
        self.sim_vectors(vectors)
        P, pok = self._pvec[id(vectors)]
        M = self.member[unit] & pok[None, :]
        U = M.astype(np.float32) @ P
        return U / (np.linalg.norm(U, axis=1, keepdims=True) + 1e-12)


# ---- full MiniLM embeddings, cached ---------------------------------------------

class EncoderCache:
    """all-MiniLM-L6-v2 sentence embeddings of texts, cached on disk by hash."""

    def __init__(self, path=SCRATCH / "cache" / "minilm_texts.npz"):
        self.path = Path(path)
        self.store = {}
        if self.path.exists():
            z = np.load(self.path)
            self.store = {k: z[k] for k in z.files}
        self.model = None
        self.dirty = False

    @staticmethod
    def key(text):
        return hashlib.sha1(text.encode()).hexdigest()[:16]

    def embed(self, texts):
        todo = [t for t in dict.fromkeys(texts) if self.key(t) not in self.store]
        if todo:
            if self.model is None:
                import minilm
                self.model = minilm.MiniLM()
            vecs = self.model.embed(todo, batch=32)
            for t, v in zip(todo, vecs):
                self.store[self.key(t)] = v.astype(np.float32)
            self.dirty = True
        return np.stack([self.store[self.key(t)] for t in texts]) if texts else np.zeros((0, 384))

    def save(self):
        if self.dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, **self.store)
            self.dirty = False
