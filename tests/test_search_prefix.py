"""Short prefixes search their most frequent words only, and say how many were left out.

A real index of invented articles: word "zq<k>" is in k articles, so the most frequent
expansions are known, and which articles a bounded prefix may find is worked out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.search import IndexDoc, SearchIndex
from briefing.core.search.prefix import PREFIX_EXPANSIONS

WORDS = PREFIX_EXPANSIONS + 6  # zq1 .. zq70: six more words than the bound


def _docs() -> dict[int, IndexDoc]:
    """Article i holds zq<k> for every k with k >= i: zq<k> is in exactly k articles."""
    docs = {}
    for i in range(1, WORDS + 1):
        words = " ".join(f"zq{k}x" for k in range(i, WORDS + 1))
        docs[i] = IndexDoc(i, f"Report {i}", f"The report mentions {words}.")
    docs[WORDS + 1] = IndexDoc(WORDS + 1, "Other", "Nothing here but sanctions and a sanctioned bank.")
    return docs


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, IndexDoc]]:
    docs = _docs()
    folder = tmp_path_factory.mktemp("prefix") / "index"
    ix = SearchIndex(folder)
    for _ in ix.rebuild(iter(docs.values()), len(docs)):
        pass
    ix.close()
    return folder, docs


def test_a_short_prefix_searches_its_most_frequent_words_and_says_how_many_more(built):
    folder, docs = built
    ix = SearchIndex(folder)
    results = ix.search("zq*", limit=200, texts=lambda i: docs[i].body)
    # The bound keeps zq7x .. zq70x (the 64 most frequent); zq1x .. zq6x are left out.
    # Article i holds zq<k> for k >= i, so every article up to 70 still holds a kept word:
    assert {h.article_id for h in results.hits} == set(range(1, WORDS + 1))
    assert results.total == WORDS
    assert results.note == f"zq* searched its {PREFIX_EXPANSIONS} most frequent words (and 6 more)"
    # Only the words searched are lit: article 1's zq1x..zq6x are not.
    first = next(h for h in results.hits if h.article_id == 1)
    lit = {docs[1].body[s:e] for s, e in first.hits}
    assert lit == {f"zq{k}x" for k in range(7, WORDS + 1)}
    ix.close()


def test_a_left_out_word_can_still_be_searched_by_a_longer_prefix_or_in_full(built):
    folder, docs = built
    ix = SearchIndex(folder)
    for q in ("zq1x", "zq1*"):
        results = ix.search(q, limit=200, texts=lambda i: docs[i].body)
        assert 1 in {h.article_id for h in results.hits}
    assert ix.search("zq1*").note is None  # zq1, zq1x..zq19x: within the bound
    ix.close()


def test_a_prefix_within_the_bound_runs_as_before_and_has_no_note(built):
    folder, docs = built
    ix = SearchIndex(folder)
    results = ix.search("sanction*", texts=lambda i: docs[i].body)
    assert [h.article_id for h in results.hits] == [WORDS + 1]
    assert results.note is None
    body = docs[WORDS + 1].body
    assert [body[s:e] for s, e in results.hits[0].hits] == ["sanctions", "sanctioned"]
    ix.close()


def test_a_bounded_prefix_combines_with_other_words(built):
    folder, docs = built
    ix = SearchIndex(folder)
    results = ix.search("zq* report", limit=200, texts=lambda i: docs[i].body)
    assert results.total == WORDS
    assert results.note is not None and "and 6 more" in results.note
    ix.close()


def test_a_cancelled_search_stops_and_an_uncancelled_one_is_unchanged(built):
    from briefing.core.search.cancel import SearchCancelled

    folder, docs = built
    ix = SearchIndex(folder)
    plain = ix.search("zq* report", limit=200, texts=lambda i: docs[i].body)
    same = ix.search("zq* report", limit=200, texts=lambda i: docs[i].body,
                     cancelled=lambda: False)
    assert [(h.article_id, h.score, h.hits) for h in same.hits] == [
        (h.article_id, h.score, h.hits) for h in plain.hits]
    assert same.total == plain.total
    with pytest.raises(SearchCancelled):
        ix.search("zq* report", texts=lambda i: docs[i].body, cancelled=lambda: True)
    asked = []

    def later() -> bool:  # cancelled while the search is under way
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(SearchCancelled):
        ix.search("zq* report", limit=200, texts=lambda i: docs[i].body, cancelled=later)
    assert ix.search("report", limit=1).total == WORDS  # the index still answers
    ix.close()
