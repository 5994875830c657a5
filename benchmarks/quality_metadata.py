"""Metadata and cleaning quality on the labelled unseen pages (issue 9, items 1 and 6).

Each half of tests/data/unseen is imported through the real pipeline into a fresh
workspace; every article is compared with its labels:

- title right: norm-equal, case-insensitive;
- date right: the exact partial ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``);
- authors right: the same set of names (after norm, case-insensitive);
- publisher right: case-insensitive equal, or equal through the small alias table below
  (``null`` labels want no publisher);
- body kept: share of body entries that are substrings of norm(article.text);
- furniture dropped: share of furniture entries that are NOT in norm(article.text).

Scores are given per genre and pooled (page shares for the fields, entry shares for body
and furniture).

    python benchmarks/quality_metadata.py [--half dev|test|both]
    python benchmarks/quality_metadata.py --half dev --only '*_7.*'
        # one batch of pages alone (out-of-sample, before rules are written for them);
        # prints only, the results files are left as they are

Every miss is printed for the dev half only; the frozen test half prints numbers only.
Writes benchmarks/results/quality_metadata.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing.core.models import Article  # noqa: E402
from label_match import fold, publisher_right  # noqa: E402
from quality_summary import main as write_summary  # noqa: E402
from runinfo import context  # noqa: E402
from unseen import HALVES, imported, norm  # noqa: E402

HERE = Path(__file__).resolve().parent
FIELDS = ("title", "date", "authors", "publisher", "body", "furniture")
TARGETS = {"title": 0.95, "date": 0.95, "authors": 0.90, "publisher": 0.90,
           "body": 1.00, "furniture": 0.95}

def _field_misses(article: Article, label: dict) -> dict[str, str | None]:
    """Per field: None when right, else a one-line description of the miss."""
    out: dict[str, str | None] = {}
    want_title = label.get("title") or ""
    out["title"] = (None if fold(article.title) == fold(want_title)
                    else f"got {article.title!r}, want {want_title!r}")
    out["date"] = (None if (article.published or None) == (label.get("date") or None)
                   else f"got {article.published!r}, want {label.get('date')!r}")
    got_a = {fold(a) for a in article.authors}
    want_a = {fold(a) for a in label.get("authors") or []}
    out["authors"] = (None if got_a == want_a
                      else f"got {article.authors!r}, want {label.get('authors')!r}")
    out["publisher"] = (None if publisher_right(article.publisher, label.get("publisher"))
                        else f"got {article.publisher!r}, want {label.get('publisher')!r}")
    return out


def score(half: str, root: Path, only: str | None = None) -> dict:
    """Import one half into a workspace under `root` and score it.

    Returns {"pooled": {field: share}, "genres": {genre: {field: share}},
    "counts": {...}, "misses": [{"page", "field", "detail"}]}.
    """
    hits: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses: list[dict] = []

    def tally(genre: str, name: str, right: bool) -> None:
        for bucket in (genre, "pooled"):
            hits[bucket][name][0] += int(right)
            hits[bucket][name][1] += 1

    for page, article in imported(half, root / f"ws-{half}", only):
        genre = page.genre
        for name, miss in _field_misses(article, page.label).items():
            tally(genre, name, miss is None)
            if miss is not None:
                misses.append({"page": page.name, "field": name, "detail": miss})
        text = norm(article.text)
        for entry in page.label.get("body") or []:
            kept = norm(entry) in text
            tally(genre, "body", kept)
            if not kept:
                misses.append({"page": page.name, "field": "body",
                               "detail": f"lost: {norm(entry)[:120]!r}"})
        for entry in page.label.get("furniture") or []:
            dropped = norm(entry) not in text
            tally(genre, "furniture", dropped)
            if not dropped:
                misses.append({"page": page.name, "field": "furniture",
                               "detail": f"kept: {norm(entry)[:120]!r}"})

    def shares(bucket: dict[str, list[int]]) -> dict[str, float]:
        return {f: round(bucket[f][0] / bucket[f][1], 4) if bucket[f][1] else 1.0
                for f in FIELDS}

    pooled = hits.pop("pooled")
    return {"half": half,
            "pooled": shares(pooled),
            "counts": {f: pooled[f] for f in FIELDS},
            "genres": {g: shares(b) for g, b in sorted(hits.items())},
            "misses": misses}


def _table(result: dict) -> str:
    head = f"{'genre':<22}" + "".join(f"{f:>10}" for f in FIELDS)
    rows = [head, "-" * len(head)]
    for genre, s in result["genres"].items():
        rows.append(f"{genre:<22}" + "".join(f"{s[f] * 100:>9.1f}%" for f in FIELDS))
    rows.append("-" * len(head))
    rows.append(f"{'pooled':<22}" + "".join(f"{result['pooled'][f] * 100:>9.1f}%"
                                             for f in FIELDS))
    rows.append(f"{'target':<22}" + "".join(f"{TARGETS[f] * 100:>9.1f}%" for f in FIELDS))
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=(*HALVES, "both"), default="both")
    parser.add_argument("--only", metavar="GLOB",
                        help="score only the pages whose file name matches (prints only)")
    args = parser.parse_args()
    halves = HALVES if args.half == "both" else (args.half,)
    out: dict = {"context": context(), "halves": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for half in halves:
            result = score(half, Path(tmp), args.only)
            print(f"== {half} half ==")
            print(_table(result))
            if half == "dev" or (args.only and half != "test"):
                print(f"\n{len(result['misses'])} misses:")
                for m in result["misses"]:
                    print(f"  {m['page']:<36} {m['field']:<10} {m['detail']}")
            else:
                del result["misses"]  # the frozen half: numbers only
            print()
            out["halves"][half] = result
    if args.only:
        return  # a batch alone is not the half's score
    path = HERE / "results" / "quality_metadata.json"
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {path}")
    write_summary()


if __name__ == "__main__":
    main()
