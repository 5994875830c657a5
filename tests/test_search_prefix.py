"""Short prefixes search their most frequent words only, and say how many were left out.

A real index of invented articles: word "zqv<k>" is in k articles, so the most frequent
expansions are known, and which articles a bounded prefix may find is worked out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.search import IndexDoc, SearchIndex
from briefing.core.search.prefix import PREFIX_EXPANSIONS, SHORT_PREFIX_EXPANSIONS

WORDS = PREFIX_EXPANSIONS + 6  # zqv1x .. zqv70x: six more words than the bound


def _docs() -> dict[int, IndexDoc]:
    """Article i holds zqv<k> for every k with k >= i: zqv<k> is in exactly k articles."""
    docs = {}
    for i in range(1, WORDS + 1):
        words = " ".join(f"zqv{k}x" for k in range(i, WORDS + 1))
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
    results = ix.search("zqv*", limit=200, texts=lambda i: docs[i].body)
    # The bound keeps zqv7x .. zqv70x (the 64 most frequent); zqv1x .. zqv6x are left out.
    # Article i holds zqv<k> for k >= i, so every article up to 70 still holds a kept word:
    assert {h.article_id for h in results.hits} == set(range(1, WORDS + 1))
    assert results.total == WORDS
    assert results.note == f"zqv* searched its {PREFIX_EXPANSIONS} most frequent words (and 6 more)"
    # Only the words searched are lit: article 1's zqv1x..zqv6x are not.
    first = next(h for h in results.hits if h.article_id == 1)
    lit = {docs[1].body[s:e] for s, e in first.hits}
    assert lit == {f"zqv{k}x" for k in range(7, WORDS + 1)}
    ix.close()


def test_a_two_letter_stem_searches_fewer_words(built):
    folder, docs = built
    ix = SearchIndex(folder)
    results = ix.search("zq*", limit=200, texts=lambda i: docs[i].body)
    left_out = WORDS - SHORT_PREFIX_EXPANSIONS
    assert results.note == (f"zq* searched its {SHORT_PREFIX_EXPANSIONS} most frequent words "
                            f"(and {left_out} more)")
    assert results.total == WORDS  # every article holds zqv70x, a kept word
    first = next(h for h in results.hits if h.article_id == 1)
    assert {docs[1].body[s:e] for s, e in first.hits} == {
        f"zqv{k}x" for k in range(left_out + 1, WORDS + 1)}
    ix.close()


def test_words_holding_too_many_postings_together_are_left_out(built, monkeypatch):
    from briefing.core.search import prefix

    monkeypatch.setattr(prefix, "PREFIX_POSTINGS", 70 + 69 + 68 + 10)
    folder, docs = built
    ix = SearchIndex(folder)
    results = ix.search("zqv*", limit=200, texts=lambda i: docs[i].body)
    # zqv70x, zqv69x and zqv68x fit the budget; zqv67x would not
    assert results.note == f"zqv* searched its 3 most frequent words (and {WORDS - 3} more)"
    first = next(h for h in results.hits if h.article_id == 1)
    assert {docs[1].body[s:e] for s, e in first.hits} == {"zqv68x", "zqv69x", "zqv70x"}
    monkeypatch.setattr(prefix, "PREFIX_POSTINGS", 5)  # the most frequent word is always kept
    assert ix.search("zqv*", limit=200).note == (
        f"zqv* searched its 1 most frequent words (and {WORDS - 1} more)")
    ix.close()


def test_a_left_out_word_can_still_be_searched_by_a_longer_prefix_or_in_full(built):
    folder, docs = built
    ix = SearchIndex(folder)
    for q in ("zqv1x", "zqv1*"):
        results = ix.search(q, limit=200, texts=lambda i: docs[i].body)
        assert 1 in {h.article_id for h in results.hits}
    assert ix.search("zqv1*").note is None  # zqv1x, zqv10x..zqv19x: within the bound
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
    results = ix.search("zqv* report", limit=200, texts=lambda i: docs[i].body)
    assert results.total == WORDS
    assert results.note is not None and "and 6 more" in results.note
    ix.close()


def test_a_cancelled_search_stops_and_an_uncancelled_one_is_unchanged(built):
    from briefing.core.search.cancel import SearchCancelled

    folder, docs = built
    ix = SearchIndex(folder)
    plain = ix.search("zqv* report", limit=200, texts=lambda i: docs[i].body)
    same = ix.search("zqv* report", limit=200, texts=lambda i: docs[i].body,
                     cancelled=lambda: False)
    assert [(h.article_id, h.score, h.hits) for h in same.hits] == [
        (h.article_id, h.score, h.hits) for h in plain.hits]
    assert same.total == plain.total
    with pytest.raises(SearchCancelled):
        ix.search("zqv* report", texts=lambda i: docs[i].body, cancelled=lambda: True)
    asked = []

    def later() -> bool:  # cancelled while the search is under way
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(SearchCancelled):
        ix.search("zqv* report", limit=200, texts=lambda i: docs[i].body, cancelled=later)
    assert ix.search("report", limit=1).total == WORDS  # the index still answers
    ix.close()
