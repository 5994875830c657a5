"""Import speed per language and the memory of a mixed-language library.

Each language's stories in tests/data/languages/ are copied `--copies` times (each copy
made unique by a numbered sentence, so none is a duplicate) and imported through the
real pipeline into a fresh workspace, one language at a time: articles per second per
language, with the analysers (kiwipiepy, jieba, simplemma) loaded once in the process
as the app would. Then one search per language runs on the mixed library, and the
process's peak memory (max RSS) is reported with every model loaded.

    python benchmarks/bench_languages.py [--copies 100]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from briefing.core.ingest.pipeline import import_files
from briefing.core.search import languages
from briefing.core.workspace import Workspace

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "languages"
FILLER = {"uk": "Це речення номер {n} у копії статті.", "ru": "Это предложение номер {n} в копии.",
          "ko": "이것은 사본 {n}번의 문장이다.", "zh": "这是第{n}号副本中的句子。",
          "en": "This is sentence number {n} of the copy."}
QUERIES = {"uk": "Буданова", "ru": "Пескова", "ko": "국정원은", "zh": "林剑", "en": "troops"}


def _copies(lang: str, n: int, folder: Path) -> list[Path]:
    """`n` distinct stories: a source story's page (menu, headline, date, footer) around
    paragraphs of its language's sentences in a random order and cut at random points,
    so that no two are duplicates."""
    rng = random.Random(7)
    sources = sorted(DATA.glob(f"{lang}_*.txt"))
    pages = [s.read_text(encoding="utf-8").splitlines() for s in sources]
    sentences = [line for page in pages for line in page[3:-2] if len(line) > 40]
    out = []
    for i in range(n):
        page = pages[i % len(pages)]
        body = []
        for _ in range(6):
            words = " ".join(rng.sample(sentences, 2))
            cut = rng.randrange(0, len(words) // 3)
            body.append(words[cut:] + " " + FILLER[lang].format(n=i * 10 + len(body)))
        lines = page[:3] + body + page[-2:]
        path = folder / f"{lang}_{i:05d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append(path)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=100)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ws = Workspace.open(root / "ws")
        try:
            print(f"{'lang':<5}{'articles':>10}{'seconds':>10}{'articles/s':>12}")
            for lang in ("uk", "ru", "ko", "zh"):
                folder = root / lang
                folder.mkdir()
                files = _copies(lang, args.copies, folder)
                start = time.perf_counter()
                results = [p.result.status for p in import_files(ws, files)]
                seconds = time.perf_counter() - start
                imported = results.count("imported")
                print(f"{lang:<5}{imported:>10}{seconds:>10.1f}{imported / seconds:>12.1f}")
            for lang, query in QUERIES.items():
                start = time.perf_counter()
                hits = ws.index.search(query).total
                ms = (time.perf_counter() - start) * 1000
                print(f"search {lang} {query!r}: {hits} hits, {ms:.0f} ms")
        finally:
            ws.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"analysers loaded: {sorted(languages.loaded())}; peak memory {rss:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
