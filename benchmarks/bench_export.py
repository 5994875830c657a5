"""Briefing-note export benchmark: a 500-highlight note, end to end.

Builds a workspace of 50 articles (the sample corpus under ten publishers) with
500 highlights across four perspectives, most with a note and a grading, then
times `export_briefing` (select, group, number, render on the template, write
atomically) to .docx, and to Markdown, CSV and JSON for reference; the .docx
again with Chicago-style Word footnotes; and the ready-to-send check (inferred
details, orphaned highlights, suggestions never confirmed in the 50 cited
articles) with the suggestion cache cold (first check) and warm.
Target: the .docx under 1.5 s (median of 5 runs).

    python benchmarks/bench_export.py [--highlights 500] [--runs 5]

Prints a table and writes benchmarks/results/export.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runinfo import context  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from briefing.core import suggestions  # noqa: E402
from briefing.core.export import (  # noqa: E402
    BriefingSpec,
    build_content,
    check_ready,
    export_briefing,
)
from briefing.core.resources import sample_corpus  # noqa: E402
from briefing.core.store.articles import NewArticle  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from export_sample import comparisons  # noqa: E402

TARGET_SECONDS = 1.5
PERSPECTIVES = ["ukrainian", "us", "south_korean", "chinese"]
PUBLISHERS = ["Bloomberg", "The Economist", "Reuters", "RSIS", "Intrigue", "Yonhap",
              "Kyiv Independent", "Nikkei Asia", "Financial Times", "Associated Press"]
SENTENCE = re.compile(r"[A-Z][^.\n]{60,400}\.")


def build(ws: Workspace, n_highlights: int) -> dict[str, int]:
    texts = [p.read_text(encoding="utf-8") for p in sample_corpus()]
    spans = [[m.span() for m in SENTENCE.finditer(t)] for t in texts]
    ids: dict[str, int] = {}
    article_ids = []
    for i in range(50):
        base = i % len(texts)
        text = texts[base]
        digest = hashlib.sha256(f"{i}{text}".encode()).hexdigest()
        aid = ws.articles.add(NewArticle(
            title=f"Article {i}: " + text.split("\n", 1)[0][:70], text=text, text_hash=digest,
            source_file=f"article-{i}.txt", original_hash=digest, format="txt",
            publisher=PUBLISHERS[i % len(PUBLISHERS)],
            published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", words=len(text.split())))
        article_ids.append((aid, base))
        ids.setdefault(f"{base:03d}", aid)
    made = 0
    while made < n_highlights:
        aid, base = article_ids[made % len(article_ids)]
        start, end = spans[base][(made // len(article_ids)) % len(spans[base])]
        persp = [PERSPECTIVES[made % 4]] + ([PERSPECTIVES[(made + 1) % 4]] if made % 7 == 0 else [])
        ws.highlights.add(aid, texts[base], start, end, perspectives=persp,
                          note=f"Analyst note {made}: check against the other estimates."
                          if made % 3 else "",
                          reliability="ABCDEF"[made % 6] if made % 2 else None,
                          credibility=1 + made % 6 if made % 2 else None,
                          tags=[["troops", "munitions", "diplomacy"][made % 3]])
        made += 1
    return ids


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--highlights", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        root = Path(tmp)
        with Workspace.open(root / "ws") as ws:
            ids = build(ws, args.highlights)
            compare = comparisons(ids)
            spec = BriefingSpec(title="Benchmark note", summary="Bottom line.", author="Bench")
            content = build_content(ws, spec, compare)
            assert len(content.items) == args.highlights
            results = {}
            for fmt in ("docx", "md", "csv", "json"):
                out = root / f"note.{fmt}"
                secs = timed(lambda out=out: export_briefing(ws, spec, out, comparisons=compare,
                                                             force=True),  # CSV: re-runs
                             args.runs)
                results[fmt] = {"median_s": round(statistics.median(secs), 4),
                                "min_s": round(min(secs), 4), "runs": [round(s, 4) for s in secs],
                                "bytes": out.stat().st_size}
            select = timed(lambda: build_content(ws, spec, compare), args.runs)
            noted = BriefingSpec(title="Benchmark note", summary="Bottom line.", author="Bench",
                                 citation_style="footnotes")
            footnotes = timed(lambda: export_briefing(ws, noted, root / "notes.docx",
                                                      comparisons=compare), args.runs)
            cold = []
            for _ in range(args.runs):
                suggestions._cache.clear()  # as after a restart: no article's suggestions known
                cold += timed(lambda: check_ready(ws, spec), 1)
            warm = timed(lambda: check_ready(ws, spec), args.runs)
            issues = len(check_ready(ws, spec).issues)
            engine = timed(lambda: export_briefing(ws, spec, root / "engine.docx"), args.runs)
    report = {
        "run": context(),
        "benchmark": "export a briefing note",
        "highlights": args.highlights, "articles": 50, "sections": len(content.sections),
        "runs": args.runs, "target_docx_s": TARGET_SECONDS,
        "docx_meets_target": results["docx"]["median_s"] < TARGET_SECONDS,
        "select_and_group_median_s": round(statistics.median(select), 4),
        "docx_with_footnotes_median_s": round(statistics.median(footnotes), 4),
        "ready_check": {"cold_median_s": round(statistics.median(cold), 4),
                        "cold_max_s": round(max(cold), 4),
                        "warm_median_s": round(statistics.median(warm), 4),
                        "issues": issues},
        "docx_with_claims_engine_comparisons_median_s": round(statistics.median(engine), 4),
        "formats": results,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": __import__("os").cpu_count()},
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    out = HERE / "results" / "export.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"{'format':<6} {'median s':>9} {'min s':>8} {'bytes':>9}")
    for fmt, r in results.items():
        print(f"{fmt:<6} {r['median_s']:>9.3f} {r['min_s']:>8.3f} {r['bytes']:>9}")
    print(f"docx with the claims engine's comparisons (50 articles): "
          f"{report['docx_with_claims_engine_comparisons_median_s']:.3f} s median")
    print(f"docx with Word footnotes: {report['docx_with_footnotes_median_s']:.3f} s median")
    ready = report["ready_check"]
    print(f"ready-to-send check: cold {ready['cold_median_s']:.3f} s median "
          f"(max {ready['cold_max_s']:.3f}), warm {ready['warm_median_s']:.3f} s, "
          f"{ready['issues']} issue(s)")
    print(f"select+group median {report['select_and_group_median_s']:.3f} s; "
          f"target docx < {TARGET_SECONDS} s: {'met' if report['docx_meets_target'] else 'MISSED'}")
    print(f"wrote {out}")
    return 0 if report["docx_meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
