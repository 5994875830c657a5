"""Segments stay few as imports accumulate, and a merged index answers like one built in one go."""

from __future__ import annotations

import math
from pathlib import Path

from whoosh import index as whoosh_index

from briefing.core.search import IndexDoc, SearchIndex
from briefing.core.search.merging import LADDER_RATIO, plan


def _simulate(batches: int, size: int) -> tuple[int, int, float]:
    """(segments at the end, most segments ever, articles copied per article)."""
    segs: list[int] = []
    copied = most = 0
    for _ in range(batches):
        ordered = sorted(segs)
        k = plan(ordered)
        if k:
            copied += sum(ordered[:k])
            segs = [*ordered[k:], sum(ordered[:k])]
        segs.append(size)
        most = max(most, len(segs))
    return len(segs), most, copied / (batches * size)


def test_the_ladder_keeps_segments_logarithmic_and_copies_each_article_a_few_times():
    for batches, size in ((200, 50), (1000, 50), (200, 5)):
        final, most, copies = _simulate(batches, size)
        assert most <= 2 * math.ceil(math.log(batches, LADDER_RATIO)), (batches, most)
        assert copies < 10, (batches, copies)


def test_plan_merges_the_smallest_only_when_the_ladder_breaks():
    assert plan([]) == 0 and plan([50]) == 0
    assert plan([50, 50]) == 2  # equal sizes: merge
    assert plan([50, 1000]) == 0  # the bigger is already >= 4x the smaller
    assert plan([50, 50, 120, 5000]) == 3  # 50+50=100 -> 120 < 400: merged too; 5000 stays


def _doc(i: int) -> IndexDoc:
    return IndexDoc(i, f"Report {i}", f"Troops moved near Kursk on day {i}; "
                    f"officials counted {i % 7} convoys and word{i % 11}.")


def test_many_small_imports_keep_few_segments_and_the_same_results(tmp_path: Path):
    one = SearchIndex(tmp_path / "one")
    for _ in one.rebuild((_doc(i) for i in range(1, 121)), 120):
        pass
    many = SearchIndex(tmp_path / "many")
    for start in range(1, 121, 3):  # 40 imports of 3 articles
        many.upsert([_doc(i) for i in range(start, start + 3)])
    ix = whoosh_index.open_dir(str(tmp_path / "many"))
    segments = len(ix._segments())
    ix.close()
    assert segments <= 2 * math.ceil(math.log(40, LADDER_RATIO))
    for q in ("troops", "kursk convoys", '"officials counted"', "word1*", "report 7"):
        a, b = one.search(q, limit=200), many.search(q, limit=200)
        assert sorted(h.article_id for h in a.hits) == sorted(h.article_id for h in b.hits), q
        assert a.total == b.total > 0, q
    one.close()
    many.close()
