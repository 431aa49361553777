"""The labelled cases: passages, précis, labels and today's tool output.

Each case is one (passage, précis) pair. The source sentences are the tool's
own split, read from `precis check --json` (coverage.sentences[i].start/end,
byte offsets into the passage file); the same JSON gives today's scores.
Tool output is cached under target/coverage-eval/cache/tool/.
"""

import json
import os
import subprocess
from pathlib import Path

import textproc

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "coverage"
PASSAGES = REPO / "assets" / "passages"
SCRATCH = Path(os.environ.get("COVERAGE_SCRATCH", Path(__file__).resolve().parents[2] / "target" / "coverage-eval"))
CACHE = SCRATCH / "cache"
TOOL = Path(os.environ.get("PRECIS_BIN", REPO / "target" / "release" / "precis"))
KINDS = ("paraphrase", "first_half", "near_copy")
REF_PAGE = REPO.parent / "shared" / "reference" / "004_678a3f4e9cf9bc8f.txt"
REF_PASSAGE = CACHE / "reference" / "passage.txt"
REF_PRECIS = CACHE / "reference" / "precis.txt"
REF_LABELS = FIXTURES / "reference-004" / "labels.tsv"


def split_reference():
    """The reference exam page's passage (to its last full stop before the
    `Precis` label) and the student's précis (after it), written to the
    cache, as tests/coverage_labels.rs reads them. False without the page."""
    if not REF_PAGE.exists():
        return False
    text = REF_PAGE.read_text(encoding="utf-8")
    label = text.find("\nPrecis")
    end = text.rfind(".\n", 0, label) + 1
    if label < 0 or end <= 0:
        return False
    REF_PASSAGE.parent.mkdir(parents=True, exist_ok=True)
    REF_PASSAGE.write_text(text[:end], encoding="utf-8")
    REF_PRECIS.write_text(text[label + 1:], encoding="utf-8")
    return True


def tool_json(passage, precis, name):
    out = CACHE / "tool" / f"{name}.json"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        r = subprocess.run([str(TOOL), "check", str(passage), str(precis), "--json"],
                           capture_output=True)
        data = json.loads(r.stdout)  # exit status 1 just means "flags found"
        out.write_text(json.dumps(data))
    return json.loads(out.read_text())


class Passage:
    def __init__(self, pid, path, title):
        self.id = pid
        self.path = path
        self.raw = path.read_bytes()
        self.title = title
        self.sentences = []      # texts, S1..
        self.ranges = []         # byte ranges
        self.n_all = None        # sentences the tool split, with or without content
        self.figures = {}        # source figure start -> (sentence index or None)
        self.cases = {}          # kind -> Case

    def locate(self, byte_off):
        for i, (s, e) in enumerate(self.ranges):
            if s <= byte_off < e:
                return i
        return None


class Case:
    """One précis of one passage, with labels and today's output."""

    def __init__(self, passage, kind, path, js, labels):
        self.passage = passage
        self.kind = kind
        self.path = path
        raw = path.read_bytes()
        p = js["precis"]
        body = raw[p["body_start"]:p["body_end"]].decode()
        title = p.get("title") or ""
        self.title = title
        # the text the tool measures: title, newline, body
        self.text = f"{title}\n{body}"
        off = len(title) + 1
        self.sent_ranges = ([(0, len(title))] if title.strip() else []) + [
            (off + s, off + e) for s, e in textproc.split_sentences(body)]
        title_b = raw.find(title.encode()) if title else -1

        def to_char(b):
            if p["body_start"] <= b <= p["body_end"]:
                return off + len(raw[p["body_start"]:b].decode(errors="ignore"))
            if title_b >= 0 and title_b <= b <= title_b + len(title.encode()):
                return len(raw[title_b:b].decode(errors="ignore"))
            return None

        # figures the tool matched to a source figure: (char offset in text, source start)
        self.figures = []
        for m in js["numbers"]["precis"]:
            if m["status"] == "matches" and m.get("source"):
                c = to_char(m["start"])
                if c is not None:
                    self.figures.append((c, m["source"]["start"]))
        cov = js["coverage"]["sentences"]
        self.today = [s["covered"] for s in cov]
        self.today_weight = [s["weight"] for s in cov]
        self.today_overall = js["coverage"]["overall"]
        flagged = [f["source"]["start"] for f in js["flags"] if f["kind"] == "uncovered_point"]
        self.today_flags = [passage.locate(b) for b in flagged]
        self.labels = labels     # list of 'C'/'P'/'N' (None if unlabelled)


def _read_labels(path):
    rows = [l.rstrip("\n").split("\t") for l in path.read_text().splitlines() if l.strip()]
    return rows[0], rows[1:]


def _attach_sentences(psg, js):
    cov = js["coverage"]["sentences"]
    psg.ranges = [(s["start"], s["end"]) for s in cov]
    psg.sentences = [psg.raw[s:e].decode() for s, e in psg.ranges]
    figs = {}
    for m in js["numbers"]["precis"]:
        if m.get("source"):
            figs[m["source"]["start"]] = m["source"]["text"]
    for m in js["numbers"]["source_unused"]:
        figs[m["start"]] = m["text"]
    for start in figs:
        i = psg.locate(start)
        if i is not None:
            psg.figures[start] = i


def _self_figures(psg, path, name):
    """Every place of every source figure: the tool run with the passage as
    its own précis matches each figure mention to the figure's first place.
    Sets psg.figures = {first place: [sentence indices stating it]}."""
    js = tool_json(path, path, name)
    figs = {}
    for m in js["numbers"]["precis"]:
        if m["status"] == "matches" and m.get("source"):
            i = psg.locate(m["start"])
            if i is not None:
                lst = figs.setdefault(m["source"]["start"], [])
                if i not in lst:
                    lst.append(i)
    psg.figures = figs


def load(with_reference=True):
    """[Passage], each with .cases[kind]; the reference case last (kind
    'student') when its précis exists; its labels only if the file exists."""
    passages = []
    for d in sorted(FIXTURES.iterdir()):
        pid = d.name
        path = PASSAGES / f"{pid}.md"
        if not path.exists():       # e.g. reference-004: its passage lives outside the repo
            continue
        first = path.read_text().splitlines()[0]
        title = first[2:].strip() if first.startswith("# ") else None
        psg = Passage(pid, path, title)
        header, rows = _read_labels(d / "labels.tsv")
        psg.key = [r[1] == "Y" for r in rows]
        for kind in KINDS:
            js = tool_json(path, d / f"{kind}.txt", f"{pid}__{kind}")
            if not psg.ranges:
                _attach_sentences(psg, js)
            labels = [r[header.index(kind)] for r in rows]
            psg.cases[kind] = Case(psg, kind, d / f"{kind}.txt", js, labels)
        _self_figures(psg, path, f"{pid}__self")
        assert len(rows) == len(psg.sentences), (pid, len(rows), len(psg.sentences))
        passages.append(psg)
    # negative controls: each passage with the paraphrase of the next passage
    # (a précis of another text covers none of it: every label N)
    for k, psg in enumerate(passages):
        other = passages[(k + 1) % len(passages)]
        path = other.cases["paraphrase"].path
        js = tool_json(psg.path, path, f"{psg.id}__foreign")
        psg.foreign = Case(psg, "foreign", path, js, ["N"] * len(psg.sentences))
    if with_reference and split_reference():
        psg = Passage("reference-004", REF_PASSAGE, None)
        js = tool_json(REF_PASSAGE, REF_PRECIS, "reference-004__student")
        _attach_sentences(psg, js)
        _self_figures(psg, REF_PASSAGE, "reference-004__self")
        labels = None
        psg.key = None
        if REF_LABELS.exists():
            header, rows = _read_labels(REF_LABELS)
            psg.key = [r[header.index("key")] == "Y" for r in rows]
            labels = [r[header.index("student")] for r in rows]
            assert len(rows) == len(psg.sentences), ("reference", len(rows), len(psg.sentences))
        psg.cases["student"] = Case(psg, "student", REF_PRECIS, js, labels)
        passages.append(psg)
    return passages


if __name__ == "__main__":
    for p in load():
        print(p.id, len(p.sentences), p.title, len(p.figures),
              {k: (len(c.sent_ranges), len(c.figures), round(c.today_overall, 3)) for k, c in p.cases.items()})
