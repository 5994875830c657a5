"""Memory of the app with a mixed-language library: its own process and the index helper.

The desktop app indexes in a helper process (SearchIndex.write_in_process), so each
language model (kiwipiepy, jieba, simplemma) may be loaded twice: in the helper, to
index, and in the app, to analyse queries and light hits. This runs the app's core the
way the window does: index writes in the helper, an import of English, Ukrainian,
Russian, Korean and Chinese stories (tests/data/languages, copied `--copies` times), one
search per language with its hits lit (English ones first); then it reads the resident memory (VmRSS) of
this process and of the helper, right after the import and once the helper has been
idle for longer than HELPER_IDLE_S.

    python benchmarks/bench_language_memory.py [--copies 30] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from briefing.core.ingest.pipeline import import_files
from briefing.core.resources import sample_corpus
from briefing.core.search import index as index_module
from briefing.core.search import languages
from briefing.core.workspace import Workspace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_languages import QUERIES, _copies  # noqa: E402
from runinfo import context  # noqa: E402


def rss_mb(pid: int | str = "self") -> float | None:
    """Resident memory of a process in MB (None when it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    return round(kb / 1024, 1)


def snapshot(ws: Workspace) -> dict:
    pid = ws.index.index.helper_pid
    helper = rss_mb(pid) if pid is not None else None
    app = rss_mb()
    return {"app_mb": app, "helper_mb": helper,
            "total_mb": round((app or 0) + (helper or 0), 1),
            "app_models": sorted(languages.loaded())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=30)
    ap.add_argument("--idle", type=float, default=None,
                    help="seconds the helper may idle before it is stopped (default: the app's)")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if args.idle is not None:
        index_module.HELPER_IDLE_S = args.idle  # type: ignore[attr-defined]
    idle = getattr(index_module, "HELPER_IDLE_S", None)  # None: the helper never idles out
    out: dict = {"run": context(), "copies": args.copies, "helper_idle_s": idle}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ws = Workspace.open(root / "ws")
        try:
            ws.index.write_in_process()  # as the desktop app does
            out["start"] = snapshot(ws)
            files = list(sample_corpus())
            for lang in ("uk", "ru", "ko", "zh"):
                folder = root / lang
                folder.mkdir()
                files += _copies(lang, args.copies, folder)
            start = time.perf_counter()
            statuses = [p.result.status for p in import_files(ws, files)]
            out["imported"] = statuses.count("imported")
            out["import_s"] = round(time.perf_counter() - start, 1)
            out["after_import"] = snapshot(ws)
            for query in ("troops", "Budanov", "NIS", "North Korean troops"):
                ws.index.search(query)  # English searches, names with other spellings
            out["after_english_searches"] = snapshot(ws)
            found = {}
            for lang, query in QUERIES.items():
                results = ws.index.search(query)
                found[lang] = results.total
            out["hits"] = found
            out["after_searches"] = snapshot(ws)
            deadline = time.monotonic() + (idle if idle is not None else 0) + 30
            while ws.index.index.helper_pid is not None and time.monotonic() < deadline:
                time.sleep(1)
            out["after_idle"] = snapshot(ws)
        finally:
            ws.close()
    text = json.dumps(out, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
