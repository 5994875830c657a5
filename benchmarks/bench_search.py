"""Search benchmark that cannot flatter: sampled queries, Whoosh beside SQLite FTS5, one run.

For each corpus size (default 10,000 synthetic articles from synthetic.py; 50,000
with --sizes when the machine allows) the same `articles` table is indexed three
ways and the same queries run against each, returning the first page of 20
results with snippets (Whoosh: SearchIndex.search with the article text read from
SQLite, as the app does; FTS5: snippet() and bm25() over an external-content
table, porter tokenizer, plus count(*) for the total):

- whoosh: Briefing's index built in one go (SearchIndex.rebuild);
- whoosh_imports: the index built by 200 successive small imports (SearchIndex.upsert),
  the segments users actually get;
- fts5: SQLite FTS5.

Queries (search_queries.py): >= 200 drawn by a seeded sampler from the corpus itself
(term, AND, phrase, prefix with 2-, 3- and 4-letter stems; half by token frequency,
half uniform over a document's words) plus the corpus's most frequent bigram of
non-stopwords as a phrase. All indexes are built first; then, after one warm-up pass
each, the engines take turns pass by pass (so a shared machine's changing load falls
on all alike), every query timed once per pass; p50 / p95 / max are taken over the
queries of each pass, and the median over passes is reported. Also measured: build
time, segment count, index size, and the time from a fresh process to the first
result (median of 3 fresh processes per engine, taking turns).

    python benchmarks/bench_search.py [--sizes 10000 50000] [--passes 3]
    python benchmarks/bench_search.py --sizes 50000 --engines whoosh fts5 \\
        --workdir /tmp/bench50k --reuse --out results/search_50k.json   # build once, reuse

Writes benchmarks/results/search.json (with `run`: commit, date, machine, load) and
search.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from briefing.core.search import IndexDoc, SearchIndex  # noqa: E402
from runinfo import context  # noqa: E402
from search_queries import CLASSES, BenchQuery, sample_queries  # noqa: E402
from synthetic import generate  # noqa: E402

RESULTS = HERE / "results"
PAGE = 20
IMPORTS = 200
FRESH_RUNS = 3
ENGINES = ("whoosh", "whoosh_imports", "fts5")
LABELS = {"whoosh": "Whoosh, built in one go", "whoosh_imports": f"Whoosh, built by {IMPORTS} "
          "imports", "fts5": "SQLite FTS5"}


# -- corpus -------------------------------------------------------------------------
def make_library(db_path: Path, n: int, seed: int) -> list[str]:
    """The articles table all engines index; returns the bodies (for the sampler)."""
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT, "
                 "publisher TEXT, authors TEXT, published TEXT)")
    bodies: list[str] = []
    rows = []
    for i, a in enumerate(generate(n, seed), 1):
        bodies.append(a["body"])
        rows.append((i, a["title"], a["body"], a["publisher"], "\n".join(a["authors"]),
                     a["published"]))
    with conn:
        conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)", rows)
    conn.close()
    return bodies


def read_bodies(db_path: Path) -> list[str]:
    """The bodies of a library make_library wrote, in its order (for the sampler)."""
    conn = sqlite3.connect(db_path)
    try:
        return [row[0] for row in conn.execute("SELECT body FROM articles ORDER BY id")]
    finally:
        conn.close()


def iter_docs(conn: sqlite3.Connection, lo: int, hi: int):
    for row in conn.execute("SELECT id, title, body, publisher, authors, published FROM articles "
                            "WHERE id BETWEEN ? AND ? ORDER BY id", (lo, hi)):
        yield IndexDoc(article_id=row[0], title=row[1], body=row[2], publisher=row[3],
                       authors=row[4].split("\n") if row[4] else [], published=row[5])


# -- timing -------------------------------------------------------------------------
def _pct(sorted_vals: list[float], p: float) -> float:
    """Percentile with linear interpolation between closest ranks."""
    if len(sorted_vals) == 1:
        return sorted_vals[0]
    k = (len(sorted_vals) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def _stats(vals: list[float]) -> dict[str, float]:
    vals = sorted(vals)
    return {"p50": _pct(vals, 50), "p95": _pct(vals, 95), "max": vals[-1]}


def latencies(runs: dict[str, Callable[[BenchQuery], object]], queries: list[BenchQuery],
              passes: int) -> dict[str, dict]:
    """For each engine: one warm-up pass, then `passes` passes timing every query once;
    p50/p95/max over the queries of each pass (per class and overall), median over the
    passes (ms). The engines take turns pass by pass, so a change in the machine's load
    falls on all of them alike."""
    for run in runs.values():
        for q in queries:
            run(q)
    times: dict[str, list[list[float]]] = {name: [] for name in runs}
    for _ in range(passes):
        for name, run in runs.items():
            one = []
            for q in queries:
                t0 = time.perf_counter()
                run(q)
                one.append((time.perf_counter() - t0) * 1000)
            times[name].append(one)
    result: dict[str, dict] = {}
    for name, engine_times in times.items():
        out: dict = {}
        for cls in (*CLASSES, "all"):
            idx = [i for i, q in enumerate(queries) if cls in ("all", q.cls)]
            per_pass = [_stats([t[i] for i in idx]) for t in engine_times]
            out[cls] = {k: round(statistics.median(s[k] for s in per_pass), 2)
                        for k in ("p50", "p95", "max")}
        out["per_query"] = {q.whoosh: round(statistics.median(t[i] for t in engine_times), 2)
                            for i, q in enumerate(queries)}
        result[name] = out
    return result


def compile_briefing() -> None:
    """Byte-compile Briefing's modules, as an installed copy has them (pip compiles a wheel
    on install, the app bundle ships bytecode). A source checkout run with
    PYTHONDONTWRITEBYTECODE=1 (as on the benchmark machine) otherwise compiled the 23
    modules a search imports from source in every fresh process, ~0.1 s of its time."""
    import compileall

    import briefing

    compileall.compile_dir(Path(briefing.__file__).parent, quiet=1)


def fresh_first_results(specs: dict[str, tuple[str, list[str]]]) -> dict[str, float]:
    """Per engine, median seconds from starting a fresh Python process to its first result
    printed; the engines take turns, FRESH_RUNS times."""
    compile_briefing()
    samples: dict[str, list[float]] = {name: [] for name in specs}
    for _ in range(FRESH_RUNS):
        for name, (code, args) in specs.items():
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                                 text=True, check=True).stdout
            samples[name].append(time.perf_counter() - t0)
            assert out.strip(), "the fresh process found nothing"
    return {name: round(statistics.median(v), 3) for name, v in samples.items()}


WHOOSH_FRESH = """
import sqlite3, sys
from briefing.core.search import SearchIndex
conn = sqlite3.connect(sys.argv[1])
text = lambda i: conn.execute("SELECT body FROM articles WHERE id = ?", (i,)).fetchone()[0]
r = SearchIndex(sys.argv[2]).search(sys.argv[3], limit=20, texts=text)
print(r.total, r.hits[0].snippet if r.hits else "")
"""


# -- engines ------------------------------------------------------------------------
def _segments(folder: Path) -> int:
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(folder))
    try:
        return len(ix._segments())
    finally:
        ix.close()


def build_whoosh(db_path: Path, index_dir: Path, n: int, imports: int) -> dict:
    """Build the index in one go (imports=0) or by `imports` successive upserts."""
    conn = sqlite3.connect(db_path)
    ix = SearchIndex(index_dir)
    t0 = time.perf_counter()
    if imports == 0:
        for _ in ix.rebuild(iter_docs(conn, 1, n), n):
            pass
    else:
        step = -(-n // imports)
        for lo in range(1, n + 1, step):
            ix.upsert(list(iter_docs(conn, lo, min(n, lo + step - 1))))
    build = time.perf_counter() - t0
    ix.set_generation(1)
    ix.close()
    conn.close()
    return {"build_s": round(build, 2), "docs_per_s": round(n / build, 1),
            "segments": _segments(index_dir),
            "index_mb": round(sum(f.stat().st_size for f in index_dir.iterdir()) / 2**20, 1)}


def open_whoosh(db_path: Path, index_dir: Path, queries: list[BenchQuery]):  # noqa: ANN201
    """(figures, run(query), close()) for Briefing's index in `index_dir`."""
    conn = sqlite3.connect(db_path, check_same_thread=False)

    def text(article_id: int) -> str:
        return conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()[0]

    ix = SearchIndex(index_dir)
    t0 = time.perf_counter()
    health = ix.health()
    health_ms = (time.perf_counter() - t0) * 1000
    assert health == "ok", health
    totals = {}
    notes = {}
    for q in queries:
        r = ix.search(q.whoosh, limit=PAGE, texts=text)
        totals[q.whoosh] = r.total
        note = getattr(r, "note", None)
        if note:
            notes[q.whoosh] = note

    def close() -> None:
        ix.close()
        conn.close()

    figures = {"health_check_ms": round(health_ms, 1), "totals": totals, "notes": notes}
    return figures, (lambda q: ix.search(q.whoosh, limit=PAGE, texts=text)), close


FTS_SQL = ("SELECT fts.rowid, fts.title, articles.publisher, articles.published, "
           "snippet(fts, 1, '«', '»', '…', 30), bm25(fts, 3.0, 1.0, 1.0, 1.0) AS score "
           "FROM fts JOIN articles ON articles.id = fts.rowid WHERE fts MATCH ? "
           "ORDER BY score LIMIT ?")


def fts_search(conn: sqlite3.Connection, q: str) -> tuple[list, int]:
    """The first page with snippets and the total, as Briefing's search returns them."""
    page = conn.execute(FTS_SQL, (q, PAGE)).fetchall()
    total = conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (q,)).fetchone()[0]
    return page, total


FTS_FRESH = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
page = conn.execute(sys.argv[2], (sys.argv[3], 20)).fetchall()
total = conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (sys.argv[3],)).fetchone()[0]
print(total, page[0][4] if page else "")
"""


def build_fts5(db_path: Path, n: int) -> dict:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, publisher, authors, "
                 "content='articles', content_rowid='id', "
                 "tokenize='porter unicode61 remove_diacritics 2')")
    t0 = time.perf_counter()
    with conn:
        conn.execute("INSERT INTO fts(rowid, title, body, publisher, authors) SELECT id, title, "
                     "body, publisher, authors FROM articles")
        conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    build = time.perf_counter() - t0
    conn.close()
    return {"build_s": round(build, 2), "docs_per_s": round(n / build, 1)}


def open_fts5(db_path: Path, queries: list[BenchQuery]):  # noqa: ANN201
    """(figures, run(query), close()) for the FTS5 table."""
    conn = sqlite3.connect(db_path)
    totals = {q.whoosh: fts_search(conn, q.fts5)[1] for q in queries}
    return {"totals": totals}, (lambda q: fts_search(conn, q.fts5)), conn.close


def measure(db: Path, work: Path, n: int, queries: list[BenchQuery], passes: int,
            engines: list[str], built: dict | None = None) -> dict:
    """Build every engine's index (but those in `built`: engine -> its build figures,
    already in `work`), then measure them side by side."""
    size: dict = {}
    built = built if built is not None else {}
    for engine in engines:
        if engine in built:
            size[engine] = dict(built[engine])
            continue
        print(f"   building {engine}", file=sys.stderr, flush=True)
        if engine == "fts5":
            size[engine] = build_fts5(db, n)
        else:
            imports = IMPORTS if engine == "whoosh_imports" else 0
            size[engine] = build_whoosh(db, work / engine, n, imports)
        built[engine] = dict(size[engine])
    print("   fresh processes", file=sys.stderr, flush=True)
    fresh = fresh_first_results({
        e: (FTS_FRESH, [str(db), FTS_SQL, queries[-1].fts5]) if e == "fts5" else
        (WHOOSH_FRESH, [str(db), str(work / e), queries[-1].whoosh]) for e in engines})
    runs, closers = {}, []
    for engine in engines:
        figures, run, close = (open_fts5(db, queries) if engine == "fts5"
                               else open_whoosh(db, work / engine, queries))
        size[engine].update(figures, fresh_process_first_result_s=fresh[engine])
        runs[engine] = run
        closers.append(close)
    print("   queries", file=sys.stderr, flush=True)
    for engine, lat in latencies(runs, queries, passes).items():
        size[engine]["latency_ms"] = lat
    for close in closers:
        close()
    return size


# -- report -------------------------------------------------------------------------
def table(results: dict) -> str:
    lines = ["| articles | metric | " + " | ".join(LABELS[e] for e in ENGINES) + " |",
             "|---:|---|" + "---:|" * len(ENGINES)]
    for n, r in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        def row(label: str, cell: Callable[[dict], object], r: dict = r, n: str = n) -> None:
            cells = [str(cell(r[e])) if e in r else "—" for e in ENGINES]
            lines.append(f"| {int(n):,} | {label} | " + " | ".join(cells) + " |")

        row("build (s)", lambda e: e.get("build_s", "—"))
        row("segments", lambda e: e.get("segments", "—"))
        row("index size (MB)", lambda e: e.get("index_mb", "—"))
        row("fresh process to first result (s)", lambda e: e["fresh_process_first_result_s"])
        for cls in (*CLASSES, "all"):
            row(f"{cls}: p50 / p95 / max (ms)",
                lambda e, c=cls: " / ".join(f"{e['latency_ms'][c][k]:g}"
                                            for k in ("p50", "p95", "max")))
    return "\n".join(lines)


def slowest(results: dict, engine: str = "whoosh", k: int = 8) -> list[str]:
    lines = []
    for n, r in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        if engine not in r:
            continue
        per = r[engine]["latency_ms"]["per_query"]
        fts = r["fts5"]["latency_ms"]["per_query"]
        top = sorted(per, key=per.get, reverse=True)[:k]
        lines.append(f"- {int(n):,} articles, slowest for {LABELS[engine]}: " + "; ".join(
            f"`{q}` {per[q]:g} ms (FTS5 {fts.get(q, 0):g})" for q in top))
    return lines


def comparison(before: dict, after: dict) -> list[str]:
    """Before/after lines for each size both runs measured (same machine, other loads)."""
    lines = []
    for n in sorted(set(before["sizes"]) & set(after["sizes"]), key=int):
        b, a = before["sizes"][n], after["sizes"][n]
        lines += [f"Before ({before['run']['commit']}, {before['run']['date']}, load "
                  f"{before['run']['load']}) and after ({after['run']['commit']}, "
                  f"{after['run']['date']}, load {after['run']['load']}), {int(n):,} articles, "
                  "same queries. " + " ".join(f"{label}: {r['run']['note']}." for label, r in
                                              (("Before", before), ("After", after))
                                              if r["run"].get("note")), "",
                  "| metric | before | after | FTS5 (before run) | FTS5 (after run) |",
                  "|---|---:|---:|---:|---:|"]
        for engine in ("whoosh", "whoosh_imports"):
            for cls in (*CLASSES, "all"):
                cells = [" / ".join(f"{r[engine]['latency_ms'][cls][k]:g}"
                                    for k in ("p50", "p95", "max")) for r in (b, a)]
                fts = [" / ".join(f"{r['fts5']['latency_ms'][cls][k]:g}"
                                  for k in ("p50", "p95", "max")) for r in (b, a)]
                lines.append(f"| {LABELS[engine]}: {cls} p50 / p95 / max (ms) | {cells[0]} | "
                             f"{cells[1]} | {fts[0]} | {fts[1]} |")
            lines.append(f"| {LABELS[engine]}: segments | {b[engine]['segments']} | "
                         f"{a[engine]['segments']} | | |")
            lines.append(f"| {LABELS[engine]}: build (s) | {b[engine]['build_s']} | "
                         f"{a[engine]['build_s']} | | |")
            lines.append(f"| {LABELS[engine]}: fresh process to first result (s) | "
                         f"{b[engine]['fresh_process_first_result_s']} | "
                         f"{a[engine]['fresh_process_first_result_s']} | "
                         f"{b['fts5']['fresh_process_first_result_s']} | "
                         f"{a['fts5']['fresh_process_first_result_s']} |")
        lines.append("")
    return lines


def write_results(results: dict, before: dict | None = None) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "search.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    run = results["run"]
    md = [
        "# Search benchmark: Whoosh (Briefing) beside SQLite FTS5, sampled queries",
        "",
        f"Run: commit {run['commit']}, {run['date']}, {run['machine']}, load {run['load']} "
        "(a 2-core machine shared with other sessions: absolute figures move with the load; "
        "compare the columns of one run). Whoosh "
        f"{results['whoosh_version']}, SQLite {results['sqlite']}. Synthetic corpus "
        f"(benchmarks/synthetic.py, seed {results['seed']}, median ~550 words per article).",
        "",
        f"{results['queries']} queries sampled from the corpus (benchmarks/search_queries.py, "
        f"seed {results['query_seed']}): term, AND, phrase, prefix (2-, 3-, 4-letter stems), "
        "half by token frequency and half uniform over a document's words, plus the most "
        f"frequent bigram `{results['top_bigram']}`. Every query returns the first page of "
        "20 with snippets and the total. Each query timed once per pass after a warm-up; "
        f"p50 / p95 / max over the queries, median over {results['passes']} passes.",
        "",
        table(results),
        "",
        *slowest(results),
        *slowest(results, "whoosh_imports"),
        "",
        *(comparison(before, results) if before else []),
        "What the search does to hold at this size (issue 13): a prefix searches its 64 most "
        "frequent words (24 for a two-letter stem), holding at most 20,000 postings together, "
        "and says how many it left out (core/search/prefix.py); one word, a "
        "prefix, two words, an exact phrase or two of these are scored a posting list at a "
        "time with Whoosh's own scores and order (core/search/bulk.py); a phrase with one of "
        "20 very common words (resources/search/common_words.txt: said, not, he, they, "
        "would...) is answered from a pair field that records each such word's neighbours "
        "and their frequencies, so \"missiles not\" reads one short posting list, not two "
        "words' positions in 31,000 articles, and a longer phrase checks positions only in "
        "the articles holding all its pairs (core/search/pairs.py); other phrases decode "
        "positions only for documents holding every word, all of a word's in one unpickling, "
        "and check adjacency as one set intersection of (document, position) keys per word "
        "(core/search/phrase.py); "
        "incremental commits merge segments by a size ladder (core/search/merging.py); the "
        "search panel cancels the query it replaces (core/search/cancel.py); segment files "
        "are read where they are mapped, not copied on opening (core/search/mapped.py).",
        "",
        "Generated by `python benchmarks/bench_search.py`; per-query latencies and totals in "
        "search.json.",
        "",
    ]
    (RESULTS / "search.md").write_text("\n".join(md), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--query-seed", type=int, default=7)
    ap.add_argument("--per-class", type=int, default=52)
    ap.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    ap.add_argument("--out", type=Path, default=None,
                    help="write the JSON here instead of results/search.json (and no .md)")
    ap.add_argument("--workdir", type=Path, default=None,
                    help="where to build (default: a temporary folder, removed afterwards)")
    ap.add_argument("--from-json", type=Path, default=None,
                    help="write results/search.json and search.md from this run's JSON")
    ap.add_argument("--baseline", type=Path, default=None,
                    help="with --from-json: a run of the code before, for a before/after table")
    ap.add_argument("--reuse", action="store_true",
                    help="with --workdir: keep what is built there and reuse it next time "
                         "(the corpus and every index with its build figures, built.json)")
    ap.add_argument("--note", default=None, help="a note recorded with the run")
    args = ap.parse_args(argv)
    if args.from_json:
        before = json.loads(args.baseline.read_text("utf-8")) if args.baseline else None
        write_results(json.loads(args.from_json.read_text("utf-8")), before)
        return 0

    results: dict = {"run": {**context(), **({"note": args.note} if args.note else {})},
                     "fresh_process": "Briefing's modules byte-compiled first, as installed",
                     "whoosh_version": metadata.version("whoosh-reloaded"),
                     "sqlite": sqlite3.sqlite_version, "seed": args.seed,
                     "query_seed": args.query_seed, "passes": args.passes, "sizes": {}}
    base = args.workdir or Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        for n in args.sizes:
            work = base / f"n{n}"
            db = work / "library.sqlite3"
            record = work / "built.json"
            reuse = args.reuse and args.workdir is not None and record.exists()
            built = json.loads(record.read_text("utf-8")) if reuse else {}
            if reuse:
                print(f"== {n:,} articles: reusing {work}", file=sys.stderr, flush=True)
                bodies = read_bodies(db)
            else:
                shutil.rmtree(work, ignore_errors=True)
                work.mkdir(parents=True)
                print(f"== {n:,} articles: generating", file=sys.stderr, flush=True)
                bodies = make_library(db, n, args.seed)
            queries = sample_queries(bodies, args.per_class, args.query_seed)
            results["queries"] = len(queries)
            results["top_bigram"] = queries[-1].whoosh
            size = measure(db, work, n, queries, args.passes, args.engines, built)
            if args.reuse:
                record.write_text(json.dumps(built, indent=2) + "\n", encoding="utf-8")
            results["sizes"][str(n)] = size
            results["run"]["load_after"] = context()["load"]
            if args.out:
                args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
            else:
                write_results(results)
            print(table({"sizes": {str(n): size}}), flush=True)
            if not args.reuse:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
