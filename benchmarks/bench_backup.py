"""Backups of a 10,000-article library: how long a verified backup, a restore and the
damage check on open take.

Builds a workspace of N synthetic articles (stored through the core and indexed) with one
highlight per ten articles, then, several times: takes a verified backup (SQLite backup API
+ integrity_check + counts), restores it (verify again, set the current file aside, swap,
rebuild the search index), and opens the workspace for writing (lock + header/size checks +
PRAGMA quick_check + migrations check). Writes benchmarks/results/backup.json and .md with
the commit, date, machine and load.

    python benchmarks/bench_backup.py [--articles 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from benchmarks.bench_ui_startup import build_workspace  # noqa: E402
from benchmarks.runinfo import context  # noqa: E402

from briefing.core import recovery  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        build_workspace(root, args.articles, seed=7)
        with Workspace.open(root) as ws:
            for article_id in range(1, args.articles + 1, 10):
                ws.highlights.add(article_id, ws.articles.text(article_id), 0, 40, ["us"])
        size = (root / "library.sqlite3").stat().st_size
        backup_s, restore_s, open_s, reindex_s = [], [], [], []
        for run in range(args.runs):
            started = time.perf_counter()
            with Workspace.open(root) as ws:
                open_s.append(time.perf_counter() - started)
                started = time.perf_counter()
                backup = ws.backup("manual", f"benchmark run {run}")
                backup_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            report = recovery.restore(root, backup.name, reindex=False)
            restore_s.append(time.perf_counter() - started)
            assert report.articles == args.articles, report
            started = time.perf_counter()
            with Workspace.open(root) as ws:  # the next writer rebuilds the stale index
                ws.index.ensure()
                assert ws.index.index.doc_count() == args.articles
            reindex_s.append(time.perf_counter() - started)
            print(f"run {run + 1}: open {open_s[-1]:.2f} s, backup {backup_s[-1]:.2f} s, "
                  f"restore {restore_s[-1]:.2f} s, index rebuild {reindex_s[-1]:.2f} s",
                  flush=True)
    result = {"run": context(), "articles": args.articles, "runs": args.runs,
              "library_mb": round(size / 1e6, 1),
              "open_for_writing_seconds": round(statistics.median(open_s), 2),
              "verified_backup_seconds": round(statistics.median(backup_s), 2),
              "restore_seconds": round(statistics.median(restore_s), 2),
              "index_rebuild_seconds": round(statistics.median(reindex_s), 2),
              "max_seconds": {"open": round(max(open_s), 2), "backup": round(max(backup_s), 2),
                              "restore": round(max(restore_s), 2),
                              "index_rebuild": round(max(reindex_s), 2)}}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "backup.json").write_text(json.dumps(result, indent=2) + "\n")
    md = [f"# Backup and restore ({args.articles:,} articles, "
          f"{result['library_mb']} MB library, median of {args.runs})", "",
          f"Commit {result['run']['commit']}, {result['run']['date']}, {result['run']['machine']}, "
          f"load {result['run']['load']}", "",
          "| step | median seconds | max seconds |", "| --- | ---: | ---: |",
          f"| open for writing (lock, damage check incl. quick_check, migrations) | "
          f"{result['open_for_writing_seconds']} | {result['max_seconds']['open']} |",
          f"| verified backup (backup API, integrity_check, counts) | "
          f"{result['verified_backup_seconds']} | {result['max_seconds']['backup']} |",
          f"| restore: verify the backup, set the current file aside, swap | "
          f"{result['restore_seconds']} | {result['max_seconds']['restore']} |",
          f"| search index rebuild after the restore (next writer to open) | "
          f"{result['index_rebuild_seconds']} | {result['max_seconds']['index_rebuild']} |",
          ""]
    (args.out / "backup.md").write_text("\n".join(md))
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
