"""What the speaker book is worth on the labelled unseen pages, and what it costs.

For one half (dev or test) the pages are imported through the real pipeline. A labelled
statement counts as found when a pending suggestion overlaps its sentence, and as right
when that suggestion also carries exactly the labelled perspectives (the unseen-material
scoring rule). Then an analyst is simulated: for every found statement that is not right,
the speaker of its suggestion (when it names one) is given the labelled perspective in the
speaker book, once per speaker. Reported: statements right before and after, how many
assignments that took, statements the book made wrong, and the time `library_speakers`
(the Speakers dialog's list) takes cold and warm.

No rule is read from or written against the pages: the labels only drive the simulated
analyst. Running it on the frozen test half reports numbers, as the rules allow.

    python benchmarks/bench_speaker_book.py [--half dev|test]

Prints the figures and writes benchmarks/results/speaker_book_<half>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing.core.ingest.pipeline import import_files  # noqa: E402
from briefing.core.speaker_names import book_hits, is_listed_speaker, speaker_name  # noqa: E402
from briefing.core.speakers import library_speakers  # noqa: E402
from briefing.core.suggestions import _cache, pending_suggestions  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from runinfo import context  # noqa: E402
from unseen import norm, pages  # noqa: E402

HERE = Path(__file__).resolve().parent


def _span(text: str, sentence: str) -> tuple[int, int] | None:
    """Where `sentence` is in `text`, comparing with whitespace folded (as labels do)."""
    folded: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if folded and folded[-1] == " ":
                continue
            ch = " "
        folded.append(ch)
        where.append(i)
    wanted = norm(sentence)
    at = "".join(folded).find(wanted)
    if at < 0 or not wanted:
        return None
    return where[at], where[at + len(wanted) - 1] + 1


def score(ws: Workspace, items: list[tuple[int, str, dict]]) -> tuple[int, int, list]:
    """(found, right, [(statement, suggestion or None)]) over labelled statements."""
    found = right = 0
    matched = []
    cache: dict[int, list] = {}
    for article_id, text, st in items:
        sugg = cache.setdefault(article_id, pending_suggestions(ws, article_id))
        span = _span(text, st["text"])
        hit = None
        if span is not None:
            hit = next((s for s in sugg if s.start < span[1] and span[0] < s.end), None)
        matched.append((article_id, st, hit))
        if hit is not None:
            found += 1
            right += sorted(hit.perspectives) == sorted(st.get("perspectives", []))
    return found, right, matched


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", default="dev", choices=("dev", "test"))
    args = ap.parse_args()
    items = pages(args.half)
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp) / "ws") as ws:
        results = {Path(r.result.path).name: r.result
                   for r in import_files(ws, [p.path for p in items], index=False)}
        labelled: list[tuple[int, str, dict]] = []
        for page in items:
            result = results.get(page.name)
            if result is None or result.article_id is None:
                continue
            text = ws.articles.text(result.article_id)
            labelled += [(result.article_id, text, st)
                         for st in page.label.get("statements", [])]
        total = len(labelled)
        _cache.clear()
        t0 = time.perf_counter()
        speakers = library_speakers(ws)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        library_speakers(ws)
        warm = time.perf_counter() - t0
        found, right_before, matched = score(ws, labelled)
        right_flags_before = [h is not None and sorted(h.perspectives) == sorted(st["perspectives"])
                              for _a, st, h in matched]
        assigned: dict[str, str] = {}
        for _article, st, hit in matched:
            if hit is None or sorted(hit.perspectives) == sorted(st.get("perspectives", [])):
                continue
            wanted = st.get("perspectives", [])
            if len(wanted) != 1:
                continue  # the book gives one perspective per speaker
            hits = book_hits([hit], ws.speakers.lookup())
            name = hits[0][1] if hits[0] else (speaker_name(hit.speaker)
                                               if is_listed_speaker(hit.speaker) else None)
            if not name or name.casefold() in assigned:
                continue
            ws.speakers.assign(name, wanted[0])
            assigned[name.casefold()] = wanted[0]
        _found, right_after, matched_after = score(ws, labelled)
        broken = sum(1 for before, (_a, st, h) in zip(right_flags_before, matched_after,
                                                      strict=True)
                     if before and not (h is not None and sorted(h.perspectives)
                                        == sorted(st["perspectives"])))
    out = {
        **context(), "half": args.half, "pages": len(items), "statements": total,
        "found": found, "right_before": right_before, "right_after": right_after,
        "assignments": len(assigned), "made_wrong_by_book": broken,
        "speakers_listed": len(speakers),
        "unassigned_listed": sum(e.unassigned for e in speakers),
        "library_speakers_cold_s": round(cold, 2), "library_speakers_warm_s": round(warm, 3),
    }
    pct = (lambda n: f"{100 * n / total:.1f}%") if total else (lambda n: "-")
    print(f"{args.half}: {len(items)} pages, {total} labelled statements, {found} found")
    print(f"right perspective: {right_before} ({pct(right_before)}) -> {right_after} "
          f"({pct(right_after)}) after {len(assigned)} speaker assignment(s); "
          f"{broken} made wrong by the book")
    print(f"speakers listed: {len(speakers)} ({out['unassigned_listed']} unassigned); "
          f"list cold {cold:.2f} s, warm {warm * 1000:.0f} ms")
    results_dir = HERE / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / f"speaker_book_{args.half}.json").write_text(
        json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
