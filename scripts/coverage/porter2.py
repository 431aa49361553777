"""The Snowball English ("Porter2") stemmer, as the Rust crate rust_stemmers
(Algorithm::English) applies it, so that the Python harness forms the same
content terms as src/analysis/coverage.rs.

Written from the published algorithm description (snowballstem.org,
"The English (Porter2) stemming algorithm"); no package is needed.
"""

VOWELS = set("aeiouy")
DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
LI_ENDING = set("cdeghkmnrt")

EXCEPTION1 = {
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
    "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
    "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
    "cosmos": "cosmos", "bias": "bias", "andes": "andes",
}
EXCEPTION2 = {"inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"}


def _is_vowel(c):
    return c in VOWELS


def _regions(w):
    """Start indices of R1 and R2."""
    for p in ("gener", "commun", "arsen"):
        if w.startswith(p):
            r1 = len(p)
            break
    else:
        r1 = len(w)
        for i in range(1, len(w)):
            if not _is_vowel(w[i]) and _is_vowel(w[i - 1]):
                r1 = i + 1
                break
    r2 = len(w)
    for i in range(r1 + 1, len(w)):
        if not _is_vowel(w[i]) and _is_vowel(w[i - 1]):
            r2 = i + 1
            break
    return r1, r2


def _short_syllable_at_end(w):
    n = len(w)
    if n == 2:
        return _is_vowel(w[0]) and not _is_vowel(w[1])
    if n >= 3:
        return (not _is_vowel(w[-3]) and _is_vowel(w[-2]) and not _is_vowel(w[-1])
                and w[-1] not in "wxY")
    return False


def _is_short(w, r1):
    return r1 >= len(w) and _short_syllable_at_end(w)


def _longest(w, suffixes):
    best = None
    for s in suffixes:
        if w.endswith(s) and (best is None or len(s) > len(best)):
            best = s
    return best


STEP2 = {
    "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
    "izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
    "alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous",
    "ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble",
    "ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
}
STEP3 = {
    "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic",
    "ical": "ic", "ful": "", "ness": "", "ative": "",
}
STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
         "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion")


def stem(word):
    w = word
    if len(w) <= 2:
        return w
    if w in EXCEPTION1:
        return EXCEPTION1[w]
    if w.startswith("'"):
        w = w[1:]
    # y at the start or after a vowel is a consonant
    chars = list(w)
    for i, c in enumerate(chars):
        if c == "y" and (i == 0 or chars[i - 1] in VOWELS):
            chars[i] = "Y"
    w = "".join(chars)
    r1, r2 = _regions(w)

    # step 0
    s = _longest(w, ("'s'", "'s", "'"))
    if s:
        w = w[: -len(s)]
    # step 1a
    s = _longest(w, ("sses", "ied", "ies", "us", "ss", "s"))
    if s == "sses":
        w = w[:-2]
    elif s in ("ied", "ies"):
        w = w[:-3] + ("i" if len(w) > 4 else "ie")
    elif s == "s":
        if any(_is_vowel(c) for c in w[:-2]):
            w = w[:-1]
    if w in EXCEPTION2:
        return w
    # step 1b
    s = _longest(w, ("eed", "eedly", "ed", "edly", "ing", "ingly"))
    if s in ("eed", "eedly"):
        if len(w) - len(s) >= r1:
            w = w[: -len(s)] + "ee"
    elif s:
        stemmed = w[: -len(s)]
        if any(_is_vowel(c) for c in stemmed):
            w = stemmed
            if w.endswith(("at", "bl", "iz")):
                w += "e"
            elif w.endswith(DOUBLES):
                w = w[:-1]
            elif _is_short(w, r1):
                w += "e"
    # step 1c
    if len(w) > 2 and w[-1] in "yY" and not _is_vowel(w[-2]):
        w = w[:-1] + "i"
    # step 2
    s = _longest(w, STEP2)
    if s and len(w) - len(s) >= r1:
        if s == "ogi":
            if w[:-3].endswith("l"):
                w = w[:-3] + "og"
        elif s == "li":
            if len(w) >= 3 and w[-3] in LI_ENDING:
                w = w[:-2]
        else:
            w = w[: -len(s)] + STEP2[s]
    # step 3
    s = _longest(w, STEP3)
    if s and len(w) - len(s) >= r1:
        if s == "ative":
            if len(w) - len(s) >= r2:
                w = w[:-5]
        else:
            w = w[: -len(s)] + STEP3[s]
    # step 4
    s = _longest(w, STEP4 + ("sion", "tion"))
    if s in ("sion", "tion"):
        s = "ion"
    if s and len(w) - len(s) >= r2:
        if s == "ion":
            if w[:-3].endswith(("s", "t")):
                w = w[:-3]
        else:
            w = w[: -len(s)]
    # step 5
    if w.endswith("e"):
        if len(w) - 1 >= r2 or (len(w) - 1 >= r1 and not _short_syllable_at_end(w[:-1])):
            w = w[:-1]
    elif w.endswith("l"):
        if len(w) - 1 >= r2 and w[:-1].endswith("l"):
            w = w[:-1]
    return w.replace("Y", "y")


if __name__ == "__main__":
    import sys
    for a in sys.argv[1:]:
        print(a, stem(a))
