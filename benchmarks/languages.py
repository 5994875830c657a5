"""Quality on the language test stories (tests/data/languages/): per language, the share of
stories with the right language, title, date and publisher, of labelled search terms that
find their story, and of labelled attributions suggested with the right perspective.

    python benchmarks/languages.py            # every story
    python benchmarks/languages.py --held-out # only those the rules were not written against
"""

from __future__ import annotations

import sys
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

from briefing.core.claims import suggest_claims
from briefing.core.ingest.pipeline import read_article
from briefing.core.perspectives import load_default_perspectives
from briefing.core.search import IndexDoc, SearchIndex

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "languages"


def labels(held_out_only: bool = False) -> dict[str, dict]:
    data = tomllib.loads((DATA / "labels.toml").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if v.get("held_out") or not held_out_only}


def score(held_out_only: bool = False) -> dict[str, dict[str, tuple[int, int]]]:
    """language -> measure -> (right, total)."""
    pages = labels(held_out_only)
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    perspectives = load_default_perspectives()
    texts: dict[int, str] = {}
    docs: list[IndexDoc] = []
    ids: dict[str, int] = {}
    for i, (name, label) in enumerate(sorted(pages.items()), start=1):
        lang = label["language"]
        _extracted, refined = read_article((DATA / f"{name}.txt").read_bytes(), f"{name}.txt")
        meta = refined.metadata
        for measure, got, want in (("language", meta.language, lang),
                                   ("title", meta.title, label["title"]),
                                   ("date", meta.published, label["published"]),
                                   ("publisher", meta.publisher, label["publisher"])):
            out[lang][measure][0] += got == want
            out[lang][measure][1] += 1
        found = {s.quote: s for s in suggest_claims(refined.text, perspectives)}
        for claim in label.get("claims", []):
            hit = found.get(claim["text"])
            out[lang]["claims"][0] += hit is not None and hit.perspectives == claim["perspectives"]
            out[lang]["claims"][1] += 1
        texts[i] = refined.text
        ids[name] = i
        docs.append(IndexDoc(i, meta.title, refined.text, language=meta.language))
    with tempfile.TemporaryDirectory() as tmp:
        ix = SearchIndex(Path(tmp))
        list(ix.rebuild(docs, len(docs)))
        for name, label in pages.items():
            for term in label["finds"]:
                hits = [h.article_id for h in ix.search(term, limit=50).hits]
                out[label["language"]]["search"][0] += ids[name] in hits
                out[label["language"]]["search"][1] += 1
        ix.close()
    return {lang: {m: (v[0], v[1]) for m, v in measures.items()} for lang, measures in out.items()}


def main() -> None:
    held_out = "--held-out" in sys.argv
    result = score(held_out)
    print(f"{'lang':<5}" + "".join(f"{m:>12}" for m in
                                   ("language", "title", "date", "publisher", "search", "claims")))
    for lang in sorted(result):
        row = result[lang]
        print(f"{lang:<5}" + "".join(f"{row[m][0]:>7}/{row[m][1]:<4}" for m in
                                     ("language", "title", "date", "publisher", "search", "claims")))


if __name__ == "__main__":
    main()
