"""Words and content terms exactly as src/analysis/words.rs and
src/analysis/coverage.rs form them, and a précis sentence splitter."""

import re

from porter2 import stem

STOP = set("""a an the and or but nor so yet of in on at by for with to from into onto as is are
was were be been being has have had do does did this that these those it its their they them he
she his her we our you your i my not no which who whom whose what when where while than then there
here also only such each every all any both either neither will would can could may might shall
should must if up out about after before over under more most less least other some many much very
even just now still because since though although however thus therefore one its' s""".split())

_STEM_MEMO = {}


def tokens(text):
    """Whitespace-separated runs with their character offsets."""
    for m in re.finditer(r"\S+", text):
        yield m.start(), m.end(), m.group()


def is_word(tok):
    return any(c.isalnum() for c in tok)


def letters(word):
    return "".join(c for c in word if c.isalpha()).lower()


def content_term(word):
    """The stemmed content term of a word, or None (function word, < 3 letters)."""
    low = letters(word)
    if len(low) < 3 or low in STOP:
        return None
    t = _STEM_MEMO.get(low)
    if t is None:
        t = _STEM_MEMO[low] = stem(low)
    return t


def content_words(text):
    """[(start, end, lower-cased letters, term)] for each content word, in order."""
    out = []
    for s, e, tok in tokens(text):
        if not is_word(tok):
            continue
        t = content_term(tok)
        if t is not None:
            out.append((s, e, letters(tok), t))
    return out


def surface_parts(word):
    """Lower-cased alphabetic parts of a token, for vector look-up
    ("China-Pakistan" -> ["china", "pakistan"], "Pakistan's" -> ["pakistan"])."""
    w = word.lower().replace("\u2019", "'")
    w = re.sub(r"'s\b", "", w)
    return [p for p in re.split(r"[^a-zà-ÿ]+", w) if p]


_ABBREV = {"dr", "mr", "mrs", "ms", "prof", "st", "e.g", "i.e", "etc", "vs", "no", "fig", "u.s", "u.k"}


def split_sentences(text):
    """Character ranges of the sentences of a précis body (a simple rule:
    ., ! or ? then space and a capital, digit or quote; not after a known
    abbreviation or a single capital)."""
    out = []
    start = None
    for s, e, tok in tokens(text):
        if start is None:
            start = s
        if tok[-1] in ".!?" or tok.rstrip("\"'\u201d\u2019)")[-1:] in (".", "!", "?"):
            core = tok.rstrip(".!?\"'\u201d\u2019)").lower()
            if core in _ABBREV or (len(core) == 1 and core.isalpha()):
                continue
            out.append((start, e))
            start = None
    if start is not None:
        out.append((start, len(text.rstrip())))
    return out
