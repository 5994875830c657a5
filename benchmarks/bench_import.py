"""Bulk import benchmark: 10,000 synthetic plain-text articles, end to end.

Measures Briefing's import (read, decode, clean, metadata, dedupe, store the
original, store the article, index in Whoosh) in articles per second, and, as a
reference on the same files in the same run, a bare SQLite FTS5 load (read,
decode, insert into an FTS5 table). Target (issue 13): at least 80 articles/s for
Briefing at 10,000 articles, on the 2-core machine.

    python benchmarks/bench_import.py [--n 10000] [--runs 3]

Prints a table and writes benchmarks/results/import.json and import.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runinfo import context  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from briefing.core.ingest.pipeline import import_files  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from synthetic import write_corpus  # noqa: E402


def briefing_import(files: list[Path], root: Path) -> dict:
    ws = Workspace.open(root)
    try:
        start = time.perf_counter()
        counts: dict[str, int] = {}
        for step in import_files(ws, files):
            counts[step.result.status] = counts.get(step.result.status, 0) + 1
        ws.index.sync()
        seconds = time.perf_counter() - start
        hits = ws.index.index.doc_count()
    finally:
        ws.close()
    return {"seconds": seconds, "counts": counts, "indexed": hits}


def fts5_import(files: list[Path], root: Path) -> dict:
    db = sqlite3.connect(root / "fts.sqlite3")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
    start = time.perf_counter()
    batch = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        title, _, body = text.partition("\n")
        batch.append((title, body))
        if len(batch) >= 250:
            with db:
                db.executemany("INSERT INTO docs(title, body) VALUES (?, ?)", batch)
            batch.clear()
    if batch:
        with db:
            db.executemany("INSERT INTO docs(title, body) VALUES (?, ?)", batch)
    seconds = time.perf_counter() - start
    db.close()
    return {"seconds": seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="briefing-bench-import-"))
    try:
        files = write_corpus(tmp / "corpus", args.n, seed=1)
        briefing_runs, fts_runs = [], []
        for run in range(args.runs):
            b = briefing_import(files, tmp / f"ws{run}")
            f = fts5_import(files, _fresh(tmp / f"fts{run}"))
            briefing_runs.append(b)
            fts_runs.append(f)
            print(f"run {run + 1}: briefing {args.n / b['seconds']:.1f}/s {b['counts']} "
                  f"indexed={b['indexed']}; fts5 {args.n / f['seconds']:.1f}/s", flush=True)
            shutil.rmtree(tmp / f"ws{run}", ignore_errors=True)
        b_med = statistics.median(r["seconds"] for r in briefing_runs)
        f_med = statistics.median(r["seconds"] for r in fts_runs)
        result = {
            "run": context(),
            "articles": args.n, "runs": args.runs,
            "machine": f"{platform.machine()}, {_cores()} cores, Python {platform.python_version()}",
            "briefing": {"median_seconds": round(b_med, 2),
                         "articles_per_second": round(args.n / b_med, 1),
                         "statuses": briefing_runs[-1]["counts"]},
            "sqlite_fts5_reference": {"median_seconds": round(f_med, 2),
                                      "articles_per_second": round(args.n / f_med, 1)},
            "target_articles_per_second": 80,
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "import.json").write_text(json.dumps(result, indent=2) + "\n")
    md = [
        f"# Import benchmark ({args.n:,} synthetic plain-text articles, median of {args.runs})",
        "", f"Machine: {result['machine']}", "",
        "| pipeline | median seconds | articles/s |", "| --- | ---: | ---: |",
        f"| Briefing (read, clean, metadata, dedupe, originals, SQLite, Whoosh) | "
        f"{b_med:.1f} | {args.n / b_med:.1f} |",
        f"| SQLite FTS5 reference (read, decode, insert) | {f_med:.1f} | {args.n / f_med:.1f} |",
        "", "Target: at least 80 articles/s end to end.", "",
        f"Run: commit {result['run']['commit']}, {result['run']['date']}, "
        f"load {result['run']['load']}.", ""]
    (args.out / "import.md").write_text("\n".join(md))
    print("\n".join(md))
    return 0


def _fresh(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    raise SystemExit(main())
