"""Bulk scoring (core/search/bulk.py) gives exactly Whoosh's hits, scores, order and totals.

A real index of seeded random articles over a small vocabulary (so words are common,
phrases repeat and scores tie), searched both ways: with bulk scoring and with it
switched off (Whoosh's matchers and collector). Also on an index of several segments
with deleted articles.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import briefing.core.search.running as running
from briefing.core.search import IndexDoc, SearchIndex

VOCAB = ["troops", "border", "officials", "said", "missile", "kursk", "north", "korean",
         "army", "drones", "village", "ceasefire", "talks", "report", "units", "front"]
QUERIES = ["troops", "said", "kursk", "troops kursk", "officials said", '"officials said"',
           '"north korean"', '"north korean army"', 'kursk "north korean"', '"said said"',
           "missile drones", '"front units"', "nosuchword", '"north nosuchword"',
           "troops nosuchword", "title:troops", "troops OR kursk", "troops NOT kursk",
           "kur*", '"north korean" "army units"', "troops kursk village", "k*", "troops k*",
           "*", "d*"]


def _docs(n: int, seed: int) -> list[IndexDoc]:
    rng = random.Random(seed)
    weights = [1 / (r + 1) for r in range(len(VOCAB))]
    out = []
    for i in range(1, n + 1):
        words = rng.choices(VOCAB, weights=weights, k=rng.randint(5, 60))
        out.append(IndexDoc(i, " ".join(rng.choices(VOCAB, k=3)), " ".join(words)))
    return out


def _both(ix: SearchIndex, q: str, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """(hits and scores, total) with bulk scoring and without. Prefixes are compared by
    the documents found (all of them) and the total: their ranking is by relevance in
    bulk scoring, where Whoosh's depends on the segment's size (see bulk.py)."""
    limit = 1000 if "*" in q else 25
    fast = ix.search(q, limit=limit)
    with monkeypatch.context() as m:
        m.setattr(running, "bulk_search", lambda *a, **k: None)
        slow = ix.search(q, limit=limit)
    if "*" in q:
        scores = [h.score for h in fast.hits]
        assert scores == sorted(scores, reverse=True), q
        return ({h.article_id for h in fast.hits}, fast.total), (
            {h.article_id for h in slow.hits}, slow.total)
    return ([(h.article_id, h.score) for h in fast.hits], fast.total), (
        [(h.article_id, h.score) for h in slow.hits], slow.total)


@pytest.fixture(scope="module")
def one(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bulk") / "index"
    ix = SearchIndex(folder)
    docs = _docs(400, 3)
    for _ in ix.rebuild(iter(docs), len(docs)):
        pass
    ix.close()
    return folder


def test_bulk_scoring_equals_whoosh_on_one_segment(one: Path, monkeypatch):
    ix = SearchIndex(one)
    used = []
    real = running.bulk_search

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        result = real(*args, **kwargs)
        used.append(result is not None)
        return result

    monkeypatch.setattr(running, "bulk_search", spy)
    for q in QUERIES:
        fast, slow = _both(ix, q, monkeypatch)
        assert fast == slow, q
    assert sum(used) >= 10  # the common shapes did go through bulk scoring
    ix.close()


def test_bulk_scoring_equals_whoosh_on_segments_with_deletions(tmp_path: Path, monkeypatch):
    ix = SearchIndex(tmp_path / "index")
    docs = _docs(300, 5)
    for start in range(0, 300, 60):
        ix.upsert(docs[start:start + 60])
    ix.delete(list(range(1, 300, 7)))
    ix.upsert([IndexDoc(d.article_id, d.title, d.body + " kursk troops")
               for d in docs[10:40]])
    for q in QUERIES:
        fast, slow = _both(ix, q, monkeypatch)
        assert fast == slow, q
        found = {h if isinstance(h, int) else h[0] for h in fast[0]}
        assert not found & (set(range(1, 300, 7)) - set(range(11, 41))), q  # deleted
    ix.close()


def test_positions_decoded_together_equal_whooshs_own_decoding():
    """phrase._deltas unpickles many posting values in one call; each must come out as
    Whoosh's Positions format decodes it alone (one position, many, past 255 and 65,535)."""
    from itertools import accumulate

    from whoosh.formats import Positions

    from briefing.core.search.phrase import _deltas

    fmt = Positions()
    rng = random.Random(3)
    lists = [[0], [7], [1, 2, 3], [300, 70_000, 70_001, 5_000_000],
             *(sorted(rng.sample(range(100_000), rng.randint(1, 40))) for _ in range(50))]
    values = [fmt.encode(p) for p in lists]
    assert [list(accumulate(d)) for d in _deltas(values)] == [
        fmt.decode_positions(v) for v in values] == lists
    stripped = [v[:-1] for v in values]  # without the STOP: decoded one by one, alike
    assert [list(accumulate(d)) for d in _deltas(stripped)] == lists
    assert _deltas([]) == []
