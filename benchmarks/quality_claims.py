"""Claim suggestion quality on the labelled unseen pages (tests/data/unseen/{dev,test}).

Each half is imported through the real pipeline (benchmarks/unseen.py); the suggestion
engine runs on each article's cleaned text as the app runs it (`suggest_claims(text,
perspectives, title=..., publisher=...)`), and is scored against the labels:

- statements found: a suggestion overlaps the labelled sentence (located in the cleaned
  text after whitespace folding; a sentence the cleaner lost counts as a miss);
- statements right: found, and an overlapping suggestion carries exactly the labelled
  perspectives;
- precision with perspective: suggestions that overlap a labelled statement or figure
  sentence and carry its perspectives / all suggestions;
- figures right: the labelled figure's value (and unit) is among the numeric claims of an
  overlapping suggestion, and that figure carries the right perspectives as the claims
  view lines it up (the suggestion's, or, in a sentence with several sources, the one
  that reports it: `numeric_claims(..., sources=...)`).

    python benchmarks/quality_claims.py [--half dev|test|both]

Prints a table per genre and pooled; for the dev half also every miss and false alarm
(the test half is frozen: only its numbers are printed). Writes
benchmarks/results/quality_claims.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling scripts below

from briefing.core.claims import numeric_claims, suggest_claims  # noqa: E402
from briefing.core.claims.cues import CueMatcher, matcher_for  # noqa: E402
from briefing.core.models import Suggestion  # noqa: E402
from briefing.core.perspectives import load_default_perspectives  # noqa: E402
from quality_summary import claims_table  # noqa: E402
from quality_summary import main as write_summary  # noqa: E402
from runinfo import context  # noqa: E402
from unseen import HALVES, imported, norm  # noqa: E402

HERE = Path(__file__).resolve().parent
METRICS = ("statements_found", "statements_right", "precision", "figures_right")
LOSSES = (  # every kind of loss the scorer counts, in the order the summary shows them
    "statement lost by the cleaner", "statement not suggested", "statement given no side",
    "statement given a wrong side", "figure lost by the cleaner", "figure not suggested",
    "figure value, unit or side", "false alarm: a sentence nobody labelled",
    "false alarm: no side", "false alarm: a wrong side")


@dataclass
class Tally:
    """Counts for one genre (or pooled)."""

    statements: int = 0
    found: int = 0
    right: int = 0
    suggestions: int = 0
    precise: int = 0
    figures: int = 0
    figures_right: int = 0
    notes: list[str] = field(default_factory=list)
    losses: Counter[str] = field(default_factory=Counter)  # kind of loss -> how many

    def add(self, other: Tally) -> None:
        for name in ("statements", "found", "right", "suggestions", "precise", "figures",
                     "figures_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.losses.update(other.losses)

    def lose(self, kind: str, note: str) -> None:
        """One loss: its kind is counted on both halves (the frozen half's counts say where
        it loses without showing its pages), its note is printed for the dev half only."""
        self.losses[kind] += 1
        self.notes.append(note)

    def scores(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0
        return {"statements": self.statements, "figures": self.figures,
                "suggestions": self.suggestions,
                "statements_found": ratio(self.found, self.statements),
                "statements_right": ratio(self.right, self.statements),
                "precision": ratio(self.precise, self.suggestions),
                "figures_right": ratio(self.figures_right, self.figures),
                "losses": {kind: self.losses[kind] for kind in LOSSES if self.losses[kind]}}


def locate(text: str, sentence: str) -> tuple[int, int] | None:
    """Span of a labelled sentence in the cleaned text (whitespace-tolerant), or None."""
    words = norm(sentence).split(" ")
    if not words or not words[0]:
        return None
    rx = r"\s+".join(re.escape(w) for w in words)
    m = re.search(rx, text)
    return (m.start(), m.end()) if m else None


def _overlapping(span: tuple[int, int] | None, found: list[Suggestion]) -> list[Suggestion]:
    if span is None:
        return []
    return [s for s in found if min(s.end, span[1]) > max(s.start, span[0])]


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _figure_hit(text: str, label: dict, sugs: list[Suggestion], sources: CueMatcher) -> bool:
    """The figure is among an overlapping suggestion's figures, read as the claims view
    reads them (`numeric_claims` with the perspectives' cues), with its perspectives."""
    want = set(label.get("perspectives") or [])
    unit = str(label.get("unit") or "")
    for s in sugs:
        for c in numeric_claims(text, s.start, s.end, s.perspectives, sources=sources):
            if set(c.perspectives) != want:
                continue
            subject = c.subject.split()[-1] if c.subject else ""
            if _same_value(c.figure, float(label["value"])) and \
                    (unit in (c.unit, subject) or unit.split()[-1:] == [subject]):
                return True
    return False


def score_page(text: str, label: dict, perspectives: list, title: str = "",
               publisher: str = "") -> Tally:
    """Score one article's suggestions against its labels."""
    text = unicodedata.normalize("NFC", text)
    found = suggest_claims(text, perspectives, title=title, publisher=publisher)
    sources = matcher_for(perspectives)
    t = Tally()
    labelled: list[tuple[tuple[int, int], set[str]]] = []
    for st in label.get("statements", []):
        t.statements += 1
        want = set(st.get("perspectives") or [])
        span = locate(text, st["text"])
        sugs = _overlapping(span, found)
        if span is not None:
            labelled.append((span, want))
        if span is None:
            t.lose("statement lost by the cleaner",
                   f"MISS (not in cleaned text) [{sorted(want)}] {st['text'][:160]}")
        elif not sugs:
            t.lose("statement not suggested",
                   f"MISS (not suggested) [{sorted(want)}] {st['text'][:160]}")
        else:
            t.found += 1
            if any(set(s.perspectives) == want for s in sugs):
                t.right += 1
            else:
                got = "; ".join(f"{sorted(s.perspectives)} speaker={s.speaker!r}" for s in sugs)
                sided = any(s.perspectives for s in sugs)
                t.lose("statement given a wrong side" if sided else "statement given no side",
                       f"WRONG want {sorted(want)} got {got} :: {st['text'][:160]}")
    for fig in label.get("figures", []):
        t.figures += 1
        want = set(fig.get("perspectives") or [])
        span = locate(text, fig["text"])
        if span is not None:
            labelled.append((span, want))
        sugs = _overlapping(span, found)
        if _figure_hit(text, fig, sugs, sources):
            t.figures_right += 1
        else:
            why = "not in cleaned text" if span is None else (
                "not suggested" if not sugs else "value/unit/perspective")
            read = [(s, [(c.figure, c.unit, c.subject, c.perspectives) for c in numeric_claims(
                text, s.start, s.end, s.perspectives, sources=sources)]) for s in sugs]
            got = "; ".join(f"{sorted(s.perspectives)} {claims}" for s, claims in read)
            kind = {"not in cleaned text": "figure lost by the cleaner",
                    "not suggested": "figure not suggested"}.get(why, "figure value, unit or side")
            t.lose(kind, f"FIGURE MISS ({why}) want {fig['value']} {fig['unit']} "
                   f"{sorted(want)} got {got} :: {fig['figure']}")
    for s in found:
        t.suggestions += 1
        hits = [want for span, want in labelled if min(s.end, span[1]) > max(s.start, span[0])]
        if any(set(s.perspectives) == want for want in hits):
            t.precise += 1
        else:
            why = "not a labelled statement" if not hits else f"want {sorted(hits[0])}"
            kind = ("false alarm: a sentence nobody labelled" if not hits else
                    "false alarm: a wrong side" if s.perspectives else "false alarm: no side")
            t.lose(kind, f"FALSE ALARM ({why}) got {sorted(s.perspectives)} "
                   f"speaker={s.speaker!r} :: {s.quote[:160]}")
    return t


def score(half: str, root: Path, only: str | None = None) -> dict:
    """Scores of one half (of its pages matching the glob `only`, when given):
    {"genres": {genre: scores}, "pooled": scores, "notes": {page: [...]}}."""
    perspectives = load_default_perspectives()
    by_genre: dict[str, Tally] = defaultdict(Tally)
    pooled = Tally()
    notes: dict[str, list[str]] = {}
    for page, article in imported(half, root, only):
        t = score_page(article.text, page.label, perspectives, article.title,
                       article.publisher or "")
        by_genre[page.genre].add(t)
        pooled.add(t)
        notes[page.name] = t.notes
    return {"genres": {g: by_genre[g].scores() for g in sorted(by_genre)},
            "pooled": pooled.scores(), "notes": notes}


def _table(half: str, result: dict) -> str:
    head = f"{'genre':24} {'stmts':>5} {'found':>6} {'right':>6} {'prec':>6} {'figs':>5} " \
           f"{'figOK':>6}"
    lines = [f"== {half} ==", head]
    rows = [*result["genres"].items(), ("POOLED", result["pooled"])]
    for genre, s in rows:
        lines.append(f"{genre:24} {s['statements']:>5} {s['statements_found']:>6.3f} "
                     f"{s['statements_right']:>6.3f} {s['precision']:>6.3f} "
                     f"{s['figures']:>5} {s['figures_right']:>6.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=[*HALVES, "both"], default="both")
    ap.add_argument("--quiet", action="store_true", help="numbers only, no dev-half details")
    ap.add_argument("--only", metavar="GLOB", help="score only the pages matching GLOB (e.g. "
                    "'*_13.*', a batch of new pages, out of sample); the results files are "
                    "left as they are")
    args = ap.parse_args(argv)
    halves = HALVES if args.half == "both" else (args.half,)
    out: dict = {"context": context()}
    for half in halves:
        with tempfile.TemporaryDirectory() as tmp:
            result = score(half, Path(tmp) / "ws", args.only)
        if half == "dev" and not args.quiet:
            for name, notes in result["notes"].items():
                for note in notes:
                    print(f"{name}: {note}")
        print(_table(half, result))
        out[half] = {"genres": result["genres"], "pooled": result["pooled"]}
    if args.only:
        return 0
    path = HERE / "results" / "quality_claims.json"
    previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    previous.update(out)
    path.write_text(json.dumps(previous, indent=2) + "\n", encoding="utf-8")
    _write_markdown(previous)
    write_summary()
    return 0


def _write_markdown(results: dict) -> None:
    """benchmarks/results/quality_claims.md: the tables, with the run's commit."""
    ctx = results.get("context", {})
    lines = ["# Claim suggestions on the unseen pages", "",
             f"Commit {ctx.get('commit', '?')}, {ctx.get('date', '?')}. "
             "Produced by `python benchmarks/quality_claims.py`. Targets (issue 9, test half): "
             "statements right >= 0.90, precision >= 0.90, figures right >= 0.85.", ""]
    for half in HALVES:
        if half not in results:
            continue
        lines += [f"## {half}", "", *claims_table(results[half]), ""]
    (HERE / "results" / "quality_claims.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
