"""Quality on the language test stories (tests/data/languages/): per language, the share of
stories with the right language, title, date and publisher, of labelled search terms that
find their story, and of labelled attributions suggested with the right perspective.

    python benchmarks/languages.py            # every story
    python benchmarks/languages.py --held-out # only those the rules were not written against
    python benchmarks/languages.py --heldout-set [--json FILE]
    python benchmarks/languages.py --data tests/data/languages/heldout2 [--json FILE]
        # the twelve stories of tests/data/languages/heldout/ (outlets and layouts the rules
        # were not written against; labelled by another session before any rule ran)
"""

from __future__ import annotations

import json
import sys
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing.core.claims import suggest_claims  # noqa: E402
from briefing.core.ingest.cues import publishers  # noqa: E402
from briefing.core.ingest.pipeline import read_article  # noqa: E402
from briefing.core.perspectives import load_default_perspectives  # noqa: E402
from briefing.core.search import IndexDoc, SearchIndex  # noqa: E402
from label_match import publisher_right  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "languages"
HELDOUT = DATA / "heldout"
MEASURES = ("language", "title", "date", "publisher", "search", "claims")


def labels(held_out_only: bool = False, data: Path = DATA) -> dict[str, dict]:
    found = tomllib.loads((data / "labels.toml").read_text(encoding="utf-8"))
    return {k: v for k, v in found.items() if v.get("held_out") or not held_out_only}


def same_publisher(found: str | None, label: str | None) -> bool:
    """The label's publisher, under any of its names: a label may name it in its own
    script ("Лента.ру", "新京报") where the library shows the table's name (Lenta.ru)."""
    if publisher_right(found, label):
        return True
    return bool(found and label and publishers().canonical(label) == found)


def score(held_out_only: bool = False, data: Path = DATA
          ) -> dict[str, dict[str, tuple[int, int]]]:
    """language -> measure -> (right, total), on the stories (and labels.toml) in `data`."""
    pages = labels(held_out_only, data)
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    perspectives = load_default_perspectives()
    texts: dict[int, str] = {}
    docs: list[IndexDoc] = []
    ids: dict[str, int] = {}
    for i, (name, label) in enumerate(sorted(pages.items()), start=1):
        lang = label["language"]
        _extracted, refined = read_article((data / f"{name}.txt").read_bytes(),
                                           f"{name}.txt")
        meta = refined.metadata
        for measure, right in (("language", meta.language == lang),
                               ("title", meta.title == label["title"]),
                               ("date", meta.published == label["published"]),
                               ("publisher", same_publisher(meta.publisher,
                                                            label["publisher"]))):
            out[lang][measure][0] += right
            out[lang][measure][1] += 1
        found = {s.quote: s for s in suggest_claims(refined.text, perspectives,
                                                          title=meta.title or "",
                                                          publisher=meta.publisher or "")}
        for claim in label.get("claims", []):
            hit = found.get(claim["text"])
            # the sides as a set: labels list them alphabetically, the app in the order the
            # text names them (as quality_claims.py compares them)
            out[lang]["claims"][0] += hit is not None and sorted(hit.perspectives) == sorted(
                claim["perspectives"])
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
    data = HELDOUT if "--heldout-set" in sys.argv else DATA
    if "--data" in sys.argv:  # another set of stories in the same layout (heldout2/ …)
        data = Path(sys.argv[sys.argv.index("--data") + 1]).resolve()
    result = score(held_out, data)
    print(f"{'lang':<5}" + "".join(f"{m:>12}" for m in MEASURES))
    for lang in sorted(result):
        row = result[lang]
        print(f"{lang:<5}" + "".join(f"{row[m][0]:>7}/{row[m][1]:<4}" for m in MEASURES))
    if "--json" in sys.argv:
        from runinfo import context

        out = {"run": context(), "data": str(data.relative_to(DATA.parent.parent.parent)),
               "scores": {lang: {m: {"right": r, "total": t,
                                     "share": round(r / t, 3) if t else None}
                                 for m, (r, t) in row.items()}
                          for lang, row in sorted(result.items())}}
        path = Path(sys.argv[sys.argv.index("--json") + 1])
        path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
