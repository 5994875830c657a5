"""Opening an article in the reader: how long the UI thread is busy.

Two cases an analyst meets: a 5,000-word article carrying 300 highlights, and a
50,000-word article (a long transcript or report) opened for the first time, whose claim
suggestions have never been computed. Each run opens a fresh copy of the article (a
different id and text, so no cache helps) in a real ReaderPane, offscreen, and measures
the time `show_article` holds the UI thread, then how long until the suggestions are shown.

    python benchmarks/bench_open_article.py [--runs 10]

Writes benchmarks/results/open_article.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_claims import build_article  # noqa: E402
from runinfo import context  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefing.core.store.articles import NewArticle  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from briefing.ui.reader import ReaderPane  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_MS = 100.0


def _add(ws: Workspace, text: str, run: int, highlights: int) -> int:
    text = f"Copy {run}.\n\n{text}"
    aid = ws.articles.add(NewArticle(title=f"Bench article {run}", text=text,
                                     text_hash=f"bench-{run}-{len(text)}",
                                     source_file=f"bench-{run}.txt", original_hash=f"bench-{run}",
                                     format="txt", words=len(text.split())))
    step = max(1, len(text) // (highlights + 1))
    for i in range(highlights):
        start = i * step + 10
        ws.highlights.add(aid, text, start, start + 40, ["us"])
    return aid


def _open(app: QApplication, pane: ReaderPane, aid: int) -> tuple[float, float]:
    """(ms the UI thread was held by show_article, ms until suggestions were shown).
    The redraw when the suggestions arrive also runs on the UI thread: it is timed into
    REDRAWS."""
    started = time.perf_counter()
    pane.show_article(aid)
    held = (time.perf_counter() - started) * 1000
    while pane.suggestions_pending():
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    return held, (time.perf_counter() - started) * 1000


REDRAWS: list[float] = []


def _timed_redraws(pane: ReaderPane) -> None:
    """Time every redraw of the pane (the UI-thread work when suggestions arrive)."""
    original = pane._redraw

    def redraw() -> None:
        started = time.perf_counter()
        original()
        REDRAWS.append((time.perf_counter() - started) * 1000)

    pane._redraw = redraw  # type: ignore[method-assign]


def _stats(values: list[float]) -> dict:
    ordered = sorted(values)
    return {"median": round(statistics.median(ordered), 1),
            "p95": round(ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)], 1),
            "max": round(ordered[-1], 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    cases = {"5000_words_300_highlights": (5000, 300), "50000_words": (50_000, 0)}
    result: dict = {"run": context(), "runs": args.runs, "target_ui_thread_ms": TARGET_MS,
                    "cases": {}}
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp) / "ws") as ws:
        stack = QUndoStack()
        pane = ReaderPane(ws, stack)
        pane.resize(900, 700)
        pane.show()
        _timed_redraws(pane)
        for name, (words, marks) in cases.items():
            text = build_article(words)
            ids = [_add(ws, text, run + 1000 * len(result["cases"]), marks)
                   for run in range(args.runs + 1)]
            _open(app, pane, ids[0])  # warm-up: fonts, patterns
            REDRAWS.clear()
            held, shown = zip(*(_open(app, pane, aid) for aid in ids[1:]), strict=True)
            result["cases"][name] = {"words": words, "highlights": marks,
                                     "ui_thread_ms": _stats(list(held)),
                                     "redraw_when_suggestions_arrive_ms": _stats(REDRAWS),
                                     "suggestions_shown_ms": _stats(list(shown))}
            print(name, result["cases"][name], flush=True)
        pane.close()
        pane.deleteLater()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "open_article.json").write_text(json.dumps(result, indent=2) + "\n",
                                               encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
