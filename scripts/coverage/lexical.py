"""Today's coverage rule (src/analysis/coverage.rs) in Python, split into the
source side (terms, weights, sentence masses) that the soft methods reuse,
and the précis side.

Source side, for a passage of n sentences (all sentences the tool split):
  term t's weight  w_t = ln(1 + n / df_t) × (1.5 if t is a title term)
  figure f's weight w_f = ln(1 + n / df_f) × 1.5
  sentence mass   M_i = Σ w over its distinct terms and figures
  sentence weight W_i = M_i / Σ_j M_j
Précis side: score_i = min(1, Σ_{t in sentence i, t in précis} w_t / M_i).
"""

import math
from collections import defaultdict

import textproc


class SourceSide:
    def __init__(self, passage):
        self.passage = passage
        n = len(passage.sentences)
        self.n = n
        # per sentence: ordered distinct terms, with the surface word of first use
        self.terms = []
        self.words = []   # per sentence: [(term, surface letters, original token)]
        for s in passage.sentences:
            seen = {}
            for st, en, low, t in textproc.content_words(s):
                if t not in seen:
                    seen[t] = (low, s[st:en])
            self.terms.append(list(seen))
            self.words.append([(t, v[0], v[1]) for t, v in seen.items()])
        df = defaultdict(int)
        for ts in self.terms:
            for t in ts:
                df[t] += 1
        heavy = set()
        if passage.title:
            heavy = {x[3] for x in textproc.content_words(passage.title)}
        self.heavy = heavy
        self.df = dict(df)
        self.w = {t: math.log(1 + n / df[t]) * (1.5 if t in heavy else 1.0) for t in df}
        # figures: first place -> weight; per sentence the figures it states
        self.fig_w = {f: math.log(1 + n / len(sents)) * 1.5 for f, sents in passage.figures.items()}
        self.figs = [[] for _ in range(n)]
        for f, sents in passage.figures.items():
            for i in sents:
                self.figs[i].append(f)
        self.mass = [sum(self.w[t] for t in ts) + sum(self.fig_w[f] for f in fs)
                     for ts, fs in zip(self.terms, self.figs)]
        tot = sum(self.mass) or 1.0
        self.weight = [m / tot for m in self.mass]


def precis_terms(text):
    return {x[3] for x in textproc.content_words(text)}


def score(src, case, text=None, fig_starts=None):
    """Today's per-sentence scores for précis `text` (default: the whole
    précis) with matched source figures `fig_starts` (default: all)."""
    if text is None:
        text = case.text
    if fig_starts is None:
        fig_starts = {s for _, s in case.figures}
    pt = precis_terms(text)
    out = []
    for ts, figs, m in zip(src.terms, src.figs, src.mass):
        if m <= 0:
            out.append(0.0)
            continue
        got = sum(src.w[t] for t in ts if t in pt) + sum(src.fig_w[f] for f in figs if f in fig_starts)
        out.append(min(1.0, got / m))
    return out


if __name__ == "__main__":
    import data
    worst = []
    for p in data.load():
        src = SourceSide(p)
        for kind, c in p.cases.items():
            mine = score(src, c)
            for i, (a, b) in enumerate(zip(mine, c.today)):
                worst.append((abs(a - b), p.id, kind, i + 1, round(a, 3), round(b, 3)))
            wd = max(abs(a - b) for a, b in zip(src.weight, c.today_weight))
            if wd > 1e-3:
                print("weight diff", p.id, kind, wd)
    worst.sort(reverse=True)
    print("max abs diff per sentence; top 15:")
    for w in worst[:15]:
        print(w)
    print("mean abs diff", sum(w[0] for w in worst) / len(worst))
