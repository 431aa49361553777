"""The candidate coverage methods. Each family gives, for one précis, a score
per source sentence, under parameters taken from its grid; evaluate.py fits
the parameters and the two thresholds on one fold and reports on the other.

Score kinds: "share" scores are today's kind, the share of the sentence's
weighted content the précis restates (0..1); "cos" scores are cosines.
"""

import numpy as np


class Family:
    kind = "share"
    name = "?"
    fixed_thresholds = None   # (t_low, t_high) to use instead of fitting

    def grid(self):
        return [{}]

    def score(self, cf, params):
        raise NotImplementedError

    def describe(self, params):
        return ",".join(f"{k}={v}" for k, v in params.items())


class Today(Family):
    """The tool as it is: scores read from its JSON."""

    def __init__(self, refit=False):
        self.name = "today (tool JSON)" + (", thresholds refit" if refit else "")
        self.fixed_thresholds = None if refit else (0.3, 0.6)

    def score(self, cf, params):
        return np.array(cf.case.today)


def _ramp(B, a, b):
    if b <= a:
        return (B >= a).astype(np.float32)
    return np.clip((B - a) / (b - a), 0.0, 1.0)


def soft_scores(cf, S, scope, a, b, cache_key, wt=(1.0, 1.5, 1.5), beta=0.0, rho=0.0, floor=0.0, boost=None,
                borrow=False):
    """Today's weighting with soft term credit, aligned to units of the
    précis, with competition between source sentences and optional smoothing.

    For each alignment unit u (the whole précis, a sentence or a window of
    précis words) and source term t:
      best_t,u = max over the unit's content words w of sim(t, w)  (1 for the same stem)
      credit_t,u = clip((best_t,u - a) / (b - a), 0, 1)    (a = b: 1 if best ≥ a, else 0)
      share_u,i = min(1, (Σ_{t in S_i} w_t credit_t,u + Σ_{figures f of S_i matched in u} w_f) / M_i)
    floor: M_i in the division is replaced by max(M_i, floor × median_j M_j)
    competition (rho > 0): share_u,i counts only if share_u,i ≥ rho × max_j share_u,j
      (with boost: it counts boost × share_u,i if so, share_u,i otherwise)
    s_i = max_u share_u,i
    borrowing (with floor): s_i += (D_i - M_i)/D_i × mean(s_{i-1}, s_{i+1}), capped at 1,
      where D_i = max(M_i, floor × median M): a light sentence takes the rest
      of its credit at its neighbours' rate
    smoothing (beta > 0): s'_i = (M_i s_i + beta Σ_{j=i±1} M_j s_j) / (M_i + beta Σ_{j=i±1} M_j)
    Weights: w_t = ln(1 + n/df_t)^gamma × (title if t is a title term)
    × rarity_t^kappa, figures ln(1 + n/df_f)^gamma × fig, M_i = Σ of its
    terms' and figures' weights; rarity_t = ln(rank_t + 1)/ln(V + 1), rank in
    the vector file (frequency order), V its size (unknown words: rank V);
    wt = (gamma, title, fig, kappa); today is (1, 1.5, 1.5, 0).
    """
    key = ("best", cache_key, scope)
    B = cf._sims.get(key)
    if B is None:
        B = cf.best(S, scope)
        cf._sims[key] = B
    A, F, mass = cf.pf.weighting(*wt)
    C = _ramp(B, a, b)
    num = C @ A.T + cf.fig_in[scope] @ F.T
    den = np.maximum(mass, floor * np.median(mass)) if floor else mass
    sh = np.minimum(1.0, num / den[None, :])
    if rho > 0 and sh.shape[0] > 1:
        win = sh >= rho * sh.max(1, keepdims=True)
        sh = np.where(win, sh * boost, sh) if boost else np.where(win, sh, 0.0)
    s = sh.max(0)
    if borrow and floor:
        # a sentence lighter than the floor takes the rest of its credit
        # at its neighbours' rate (signposts such as "The reasons are clear.")
        deficit = (den - mass) / den
        nb = np.zeros_like(s)
        cnt = np.zeros_like(s)
        nb[1:] += s[:-1]
        cnt[1:] += 1
        nb[:-1] += s[1:]
        cnt[:-1] += 1
        s = np.minimum(1.0, s + deficit * nb / np.maximum(cnt, 1))
    if beta > 0:
        s = smooth(s, mass, beta)
    return s


def smooth(s, mass, beta):
    ms = mass * s
    num = ms.copy()
    den = mass.copy()
    num[1:] += beta * ms[:-1]
    den[1:] += beta * mass[:-1]
    num[:-1] += beta * ms[1:]
    den[:-1] += beta * mass[1:]
    return num / np.maximum(den, 1e-12)


# the knobs a SoftTerms family may search (each a list of values)
_W = [(1.0, 1.5, 1.5, 0.0), (1.0, 1.5, 1.5, 1.0), (2.0, 1.0, 1.0, 0.0), (2.0, 1.0, 1.0, 1.0)]
TODAY_SPACE = {"scope": ["whole"], "wt": [(1.0, 1.5, 1.5, 0.0)], "floor": [0.0], "borrow": [False],
               "beta": [0.0], "rho": [0.0], "boost": [None]}
REWEIGHTED_SPACE = {"scope": ["whole"], "wt": _W, "floor": [0.0, 0.5, 0.75, 1.0, 1.25, 1.5], "borrow": [False, True],
                    "beta": [0.0], "rho": [0.0], "boost": [None]}
SMOOTHED_SPACE = dict(REWEIGHTED_SPACE, borrow=[False], beta=[0.0, 0.5, 1.0])
COMPETITIVE_SPACE = {"scope": ["win16", "win20", "win30"], "wt": [_W[1], _W[3]], "floor": [1.0, 1.25],
                     "borrow": [True], "beta": [0.0], "rho": [0.5, 0.7], "boost": [None, 2.0]}


# the recommended configuration, fixed (only the thresholds are fitted)
RECOMMENDED = {"scope": ["whole"], "wt": [(2.0, 1.0, 1.0, 1.0)], "floor": [1.25], "borrow": [True],
               "beta": [0.0], "rho": [0.0], "boost": [None]}
RECOMMENDED_RAMP = ((0.6, 1.0),)
RECOMMENDED_COMPETITIVE = dict(RECOMMENDED, scope=["win20"], rho=[0.5], boost=[2.0])


class SoftTerms(Family):
    """Soft term matching inside today's weighting (see soft_scores).
    space: the knobs searched — TODAY_SPACE (today's rule, soft credit only),
    REWEIGHTED_SPACE (whole précis; weighting, floor, borrowing),
    SMOOTHED_SPACE (the same with plain smoothing instead of borrowing),
    COMPETITIVE_SPACE (windows with competition between sentences)."""

    def __init__(self, name, sim, ramps, space=TODAY_SPACE):
        self.name = name
        self.sim = sim          # cf -> (S, cache key)
        self.ramps = ramps
        self.space = space

    def grid(self):
        sp = self.space
        out = []
        for sc in sp["scope"]:
            for (a, b) in self.ramps:
                for wt in sp["wt"]:
                    for floor in sp["floor"]:
                        for borrow in (sp["borrow"] if floor else [False]):
                            for beta in sp["beta"]:
                                for rho in (sp["rho"] if sc != "whole" else [0.0]):
                                    for boost in (sp["boost"] if rho else [None]):
                                        out.append({"scope": sc, "a": a, "b": b, "wt": wt, "floor": floor,
                                                    "borrow": borrow, "beta": beta, "rho": rho, "boost": boost})
        return out

    def score(self, cf, p):
        S, key = self.sim(cf)
        return soft_scores(cf, S, p["scope"], p["a"], p["b"], key, wt=p["wt"], beta=p["beta"], rho=p["rho"],
                           floor=p["floor"], boost=p["boost"], borrow=p["borrow"])


def cos_scores(src, U, delta):
    """s_i = max_u cos(i, u), with competition (delta ≥ 0): a unit counts for
    sentence i only if cos(i, u) ≥ max_j cos(j, u) - delta."""
    C = src @ U.T                       # n × U
    if delta is not None and C.shape[1] > 1:
        C = np.where(C >= C.max(0, keepdims=True) - delta, C, -1.0)
    return C.max(1)


COS_SCOPES = ("sent", "win12", "win20", "win30", "whole")
DELTAS = (None, 0.02, 0.05, 0.1, 0.2)


class SentenceVectors(Family):
    """Cosine between the source sentence's IDF-weighted mean term vector and
    the mean content-word vector of each alignment unit (max over units)."""
    kind = "cos"

    def __init__(self, label, vectors, competitive=False):
        self.vectors = vectors
        self.competitive = competitive
        self.name = f"sentence vectors: {label}" + (" + competition" if competitive else "")

    def grid(self):
        ds = DELTAS[1:] if self.competitive else (None,)
        return [{"scope": s, "delta": d} for s in COS_SCOPES for d in ds if not (s == "whole" and d is not None)]

    def score(self, cf, p):
        src = cf.pf.sentence_vectors(self.vectors)
        return cos_scores(src, cf.unit_vectors(self.vectors, p["scope"]), p["delta"])


class Encoder(Family):
    """all-MiniLM-L6-v2 sentence embeddings (meant as the upper bound)."""
    kind = "cos"

    def __init__(self, enc, competitive=False):
        self.enc = enc
        self.competitive = competitive
        self.name = "MiniLM encoder" + (" + competition" if competitive else "")

    def grid(self):
        ds = DELTAS[1:] if self.competitive else (None,)
        return [{"scope": s, "delta": d} for s in COS_SCOPES for d in ds if not (s == "whole" and d is not None)]

    def src(self, pf):
        if not hasattr(pf, "_enc"):
            pf._enc = self.enc.embed(pf.p.sentences)
        return pf._enc

    def units(self, cf, scope):
        d = cf.__dict__.setdefault("_enc_units", {})
        if scope not in d:
            d[scope] = self.enc.embed(cf.unit_texts(scope))
        return d[scope]

    def score(self, cf, p):
        return cos_scores(self.src(cf.pf), self.units(cf, p["scope"]), p["delta"])


class Combo(Family):
    """max of two fitted methods' calibrated scores (see calibrate())."""

    def __init__(self, name, a, b):
        self.name = name
        self.parts = (a, b)
        self.fitted = None  # set by evaluate: [(family, params, t_low, t_high), ...]

    def score(self, cf, params):
        out = None
        for fam, p, lo, hi in self.fitted:
            c = calibrate(fam.score(cf, p), lo, hi, clip=False)
            out = c if out is None else np.maximum(out, c)
        return out


def calibrate(s, lo, hi, clip=True):
    """A common scale for any method: t_low -> 0.25, t_high -> 0.75, linear,
    clipped to 0..1 (so levels keep their meaning: P from 0.25, C from 0.75).
    With t_low = t_high (no P band) the slope uses a span of 0.1."""
    span = hi - lo if hi - lo > 1e-6 else 0.1
    c = 0.25 + 0.5 * (np.asarray(s) - lo) / span
    return np.clip(c, 0.0, 1.0) if clip else c
