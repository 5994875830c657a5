"""Phrases with a very common word are answered from the pair field (core/search/pairs.py)
with exactly the hits, scores and totals that Whoosh's own phrase query gives; an index
written before the field existed is still read right, and is rebuilt."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import briefing.core.search.index as index_module
import briefing.core.search.query as query_module
import briefing.core.search.running as running
from briefing.core.search import IndexDoc, SearchIndex
from briefing.core.search import pairs as pairs_module

# "said", "not", "they", "he" are in resources/search/common_words.txt; "the" and "of"
# are stop words (no gap in positions); Песков/заявил give two terms at one position.
VOCAB = ["said", "not", "they", "he", "troops", "border", "officials", "missiles", "kursk",
         "north", "korean", "the", "of", "drones", "Песков", "заявил"]
PHRASES = ['"said not"', '"not said"', '"missiles not"', '"officials said"', '"he said"',
           '"said said"', '"they said not"', '"north korean troops said"',
           '"troops of the border"', '"said the troops"', '"Песков заявил"', '"заявил not"',
           '"he Песков"', '"missiles kursk"', '"north korean"', '"not nosuchword"',
           '"nosuchword said"', '"said not" troops', '"he said" "not missiles"',
           'title:"said not"']


def _docs(n: int, seed: int) -> list[IndexDoc]:
    rng = random.Random(seed)
    weights = [1 / (r + 1) ** 0.7 for r in range(len(VOCAB))]
    return [IndexDoc(i, " ".join(rng.choices(VOCAB, weights=weights, k=4)),
                     " ".join(rng.choices(VOCAB, weights=weights, k=rng.randint(3, 80))))
            for i in range(1, n + 1)]


def _hits(ix: SearchIndex, q: str) -> tuple[list[tuple[int, float]], int]:
    r = ix.search(q, limit=500)
    return [(h.article_id, h.score) for h in r.hits], r.total


def _whooshs_own(ix: SearchIndex, q: str, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """The same query run by Whoosh's own Phrase (positions, SpanNear2) and collector."""
    with monkeypatch.context() as m:
        m.setattr(query_module, "exact_phrases", lambda sub: sub)
        m.setattr(running, "bulk_search", lambda *a, **k: None)
        return _hits(ix, q)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pairs") / "index"
    ix = SearchIndex(folder)
    docs = _docs(600, 5)
    list(ix.rebuild(iter(docs), len(docs)))
    ix.upsert(_docs(40, 6)[:30])  # a second segment, with replaced articles
    ix.delete([3, 4, 5])
    ix.close()
    return folder


def test_phrases_from_pairs_equal_whooshs_own_phrase_query(built: Path, monkeypatch):
    ix = SearchIndex(built)
    assert {"said", "not", "they", "he"} <= pairs_module.COMMON
    used = []
    real = pairs_module.find

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        used.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(pairs_module, "find", spy)
    for q in PHRASES:
        used.clear()
        fast = _hits(ix, q)
        assert fast == _whooshs_own(ix, q, monkeypatch), q
        if q in ('"said not"', '"missiles not"', '"they said not"'):
            assert used and fast[1] > 0, q  # answered from the pair field, and found
    # within a collection the phrase runs through Whoosh's matcher, also from the pairs
    within = set(range(1, 300))
    for q in ('"said not"', '"they said not"', '"missiles kursk"'):
        with monkeypatch.context() as m:
            m.setattr(query_module, "exact_phrases", lambda sub: sub)
            own = ix.search(q, limit=500, within=within)
        fast_r = ix.search(q, limit=500, within=within)
        assert [(h.article_id, h.score) for h in fast_r.hits] == [
            (h.article_id, h.score) for h in own.hits], q
    ix.close()


def test_pairs_follow_the_text_fields_positions():
    """A stop word leaves no gap; a word with two terms pairs with both."""
    text = "Песков заявил he said the missiles not"
    found = {k: v for k, _f, _w, v in pairs_module.pair_postings(text)}
    for first, second in (("заяв", "he"), ("заявить", "he"), ("he", "said"),
                          ("said", "missil"), ("missil", "not")):
        assert any(k in found and pairs_module.find([found[k]], n)[0] == [True]
                   for k, n, _c in pairs_module.ways(first, second)), (first, second)
    assert not pairs_module.ways("песк", "заяв")  # no common word: nothing recorded


def test_an_index_from_before_the_pair_field_is_read_right_and_rebuilt(
        workspace_dir: Path, corpus_dir: Path, monkeypatch) -> None:
    from briefing.core.ingest.pipeline import import_files
    from briefing.core.workspace import Workspace

    real_fields = index_module.to_fields

    def without_pairs(doc: IndexDoc) -> dict:
        out = real_fields(doc)
        out.pop(pairs_module.PAIR_FIELD)
        return out

    with Workspace.open(workspace_dir) as ws:
        list(import_files(ws, [corpus_dir]))
        phrase = '"he said"'
        expected = [(h.article_id, h.score) for h in ws.index.search(phrase).hits]
        assert expected
        with monkeypatch.context() as m:  # the index as the previous version wrote it
            m.setattr(index_module, "to_fields", without_pairs)
            list(ws.index.rebuild())
        meta = ws.index_dir / "briefing-index.json"
        stamp = json.loads(meta.read_text("utf-8"))
        assert not any(pairs_module.has_pairs(leaf) for leaf, _o in
                       ws.index.index._get_searcher().reader().leaf_readers())
        # read right: segments without the field are searched by positions
        assert [(h.article_id, h.score) for h in ws.index.search(phrase).hits] == expected
        stamp.pop("pairs")
        stamp["schema"] = 5
        meta.write_text(json.dumps(stamp), encoding="utf-8")
    with Workspace.open(workspace_dir) as ws:
        assert ws.index.state() == "stale"
        assert ws.index.ensure() == "stale"  # rebuilt
        assert ws.index.state() == "ok"
        assert all(pairs_module.has_pairs(leaf) for leaf, _o in
                   ws.index.index._get_searcher().reader().leaf_readers())
        assert [(h.article_id, h.score) for h in ws.index.search(phrase).hits] == expected
