"""Claim suggestion benchmark: suggest_claims on a 5,000-word article.

The article is built deterministically from the sample corpus's own sentences (every
sentence of the five articles, in file order, repeated until 5,000 words), so it holds
a realistic density of attributed claims, quotes and figures. Reported: median and p95
of 20 runs (after one warm-up run that also compiles the cue and rule patterns), the
number of suggestions, and numeric extraction over those suggestions. Target: median
under 200 ms on a 2-core machine.

    python benchmarks/bench_claims.py [--words 5000] [--runs 20]

Prints the figures and writes benchmarks/results/claims.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from briefing.core.claims import numeric_claims, suggest_claims
from briefing.core.claims.sentences import split_sentences
from briefing.core.perspectives import load_default_perspectives
from briefing.core.resources import sample_corpus
from runinfo import context  # noqa: E402

HERE = Path(__file__).resolve().parent
TARGET_MS = 200.0


def build_article(words: int) -> str:
    """Paragraphs of corpus sentences, in a fixed order, until `words` words."""
    sentences = [s.text for path in sample_corpus()
                 for s in split_sentences(path.read_text(encoding="utf-8"))
                 if len(s.text.split()) >= 6 and s.text.endswith((".", "”", '"'))]
    paragraphs: list[str] = []
    count = 0
    i = 0
    while count < words:
        para = sentences[i % len(sentences):i % len(sentences) + 4]
        i += 4
        paragraphs.append(" ".join(para))
        count += sum(len(s.split()) for s in para)
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    perspectives = load_default_perspectives()
    text = build_article(args.words)
    suggest_claims(text, perspectives)  # warm-up: compiles patterns once per process
    times = []
    suggestions = []
    for _ in range(args.runs):
        start = time.perf_counter()
        suggestions = suggest_claims(text, perspectives)
        times.append((time.perf_counter() - start) * 1000)
    numeric_times = []
    figures = 0
    for _ in range(args.runs):
        start = time.perf_counter()
        figures = sum(len(numeric_claims(text, s.start, s.end, s.perspectives))
                      for s in suggestions)
        numeric_times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    result = {
        "run": context(),
        "benchmark": "suggest_claims on one article",
        "words": len(text.split()),
        "characters": len(text),
        "runs": args.runs,
        "median_ms": round(median, 2),
        "p95_ms": round(sorted(times)[max(0, int(0.95 * len(times)) - 1)], 2),
        "min_ms": round(min(times), 2),
        "suggestions": len(suggestions),
        "numeric_claims_median_ms": round(statistics.median(numeric_times), 2),
        "figures": figures,
        "target_ms": TARGET_MS,
        "meets_target": median < TARGET_MS,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {_cpus()} CPU",
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    print(f"suggest_claims, {result['words']} words: median {result['median_ms']} ms, "
          f"p95 {result['p95_ms']} ms over {args.runs} runs "
          f"({result['suggestions']} suggestions; target < {TARGET_MS:.0f} ms: "
          f"{'met' if result['meets_target'] else 'MISSED'})")
    print(f"numeric_claims over those suggestions: median {result['numeric_claims_median_ms']} ms "
          f"({figures} figures)")
    out = HERE / "results" / "claims.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"saved {out}")


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


if __name__ == "__main__":
    main()
