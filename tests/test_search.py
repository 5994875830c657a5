"""Search on a real Whoosh index on disk: the five sample articles plus invented ones.

Expected result sets are worked out from the raw text with plain regexes, so a
test fails if the index finds too much or too little.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.core.resources import sample_corpus
from briefing.core.search import MARK_CLOSE, MARK_OPEN, IndexDoc, SearchIndex, SearchResults

CORPUS_META = [  # publisher, published, for the sample articles in file order (ids 1..5)
    ("Bloomberg", "2024-11-05"),
    ("The Economist", "2024-10-24"),
    ("Bloomberg", "2024-11-20"),
    ("RSIS", "2024-11"),
    ("NK News", "2024"),
]
FAR = 40_000  # characters of filler before a late match (Whoosh's highlighter stops at 32K)

INVENTED = [
    IndexDoc(101, "Seoul briefs lawmakers on troop numbers",
             "The spy agency told lawmakers that 12,000 soldiers had been deployed and that "
             "the units were running drills near the border.",
             publisher="The Economist", authors=["Anna Kim"], published="2024-12-03",
             tags=["korea", "estimates"], perspectives=["south_korean", "South Korean"],
             highlights="NIS estimates 12,000 soldiers. Note: compare with the US figure."),
    IndexDoc(102, "Beijing keeps its distance",
             "Wang Yi met diplomats at a café in Beijing; the Chinese foreign ministry said "
             "nothing about the troops.",
             publisher="Bloomberg", authors=["Wei Chen"], published="2024-10",
             perspectives=["chinese", "Chinese"], highlights="foreign ministry said nothing"),
    IndexDoc(103, "Run-up to the summit",
             "Officials run the numbers again. Nothing here about the war.",
             publisher="Reuters", published="2024"),
    IndexDoc(104, "A long report",
             ("Filler sentence about logistics and railways. " * (FAR // 46))
             + "At the very end Zaporizhzhia is named once.",
             publisher="Yonhap", published="2023-12-05"),
    IndexDoc(105, "Cafe culture", "A cafe\u0301 in Pyongyang serves naengmyeon.",
             publisher="NK News", published="2025-01-15"),
]


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower())
                   if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index of the sample articles and the invented ones, built once per module.

    Reads the same files as the `corpus_texts` fixture (which is per test).
    """
    folder = tmp_path_factory.mktemp("built") / "index"
    ix = SearchIndex(folder)
    docs = _library({f.name: f.read_text(encoding="utf-8") for f in sample_corpus()})
    progress = list(ix.rebuild(iter(docs.values()), len(docs)))
    assert progress[-1] == (len(docs), len(docs))
    ix.close()
    return folder


def _library(corpus_texts: dict[str, str]) -> dict[int, IndexDoc]:
    docs = {}
    for i, (name, (publisher, published)) in enumerate(
            zip(sorted(corpus_texts), CORPUS_META, strict=True), start=1):
        text = corpus_texts[name]
        docs[i] = IndexDoc(i, text.strip().splitlines()[0][:120], text, publisher=publisher,
                           published=published)
    for doc in INVENTED:
        docs[doc.article_id] = replace(doc)
    return docs


@pytest.fixture
def library(corpus_texts: dict[str, str]) -> dict[int, IndexDoc]:
    return _library(corpus_texts)


@pytest.fixture
def index(built: Path, tmp_path: Path) -> SearchIndex:
    """A private copy of the built index (tests may change or damage it)."""
    shutil.copytree(built, tmp_path / "index")
    ix = SearchIndex(tmp_path / "index")
    yield ix
    ix.close()


def ids(results: SearchResults) -> set[int]:
    return {h.article_id for h in results.hits}


def search(index: SearchIndex, library: dict[int, IndexDoc], q: str) -> SearchResults:
    return index.search(q, limit=50, texts=lambda i: library[i].body)


def matching(library: dict[int, IndexDoc], pattern: str) -> set[int]:
    rx = re.compile(pattern, re.IGNORECASE)
    return {i for i, d in library.items() if rx.search(d.body) or rx.search(d.title)}


# -- what analysts search for ---------------------------------------------------------------
def test_a_name_finds_exactly_the_articles_that_mention_it(index, library):
    expected = matching(library, r"\bbudanov")
    assert expected == {1, 2}
    results = search(index, library, "Budanov")
    assert ids(results) == expected
    assert results.total == len(expected)
    assert results.message is None
    for hit in results.hits:
        assert f"{MARK_OPEN}Budanov{MARK_CLOSE}" in hit.snippet
        assert len(hit.snippet) < 260
        text = library[hit.article_id].body
        assert len(hit.hits) == len(re.findall(r"\bbudanov", text, re.IGNORECASE))
        assert all(text[s:e].lower().startswith("budanov") for s, e in hit.hits)


def test_a_phrase_finds_only_the_articles_with_that_phrase(index, library):
    expected = matching(library, r"legitimate\s+targets")
    assert expected == {4}
    loose = matching(library, r"\blegitimate\b") & matching(library, r"\btargets?\b")
    results = search(index, library, '"legitimate targets"')
    assert ids(results) == expected
    (hit,) = results.hits
    text = library[4].body
    assert hit.hits, "the phrase is lit in the text"
    assert all(re.fullmatch(r"legitimate\s+targets", text[s:e], re.I) for s, e in hit.hits)
    assert f"{MARK_OPEN}legitimate targets{MARK_CLOSE}" in hit.snippet
    assert ids(search(index, library, "legitimate targets")) == loose >= expected


def test_a_three_word_phrase_lights_the_whole_phrase_only(index, library):
    results = search(index, library, '"North Korean troops"')
    assert ids(results) == matching(library, r"north\s+korean\s+troops")
    for hit in results.hits:
        text = library[hit.article_id].body
        assert all(re.fullmatch(r"north\s+korean\s+troops", text[s:e], re.I)
                   for s, e in hit.hits)


def test_stemming_finds_every_form_of_a_word(index, library):
    expected = matching(library, r"\bdeploy\w*")
    assert {1, 2, 3, 4, 101} <= expected
    results = search(index, library, "deploy")
    assert ids(results) == expected
    for hit in results.hits:
        text = library[hit.article_id].body
        assert all(re.fullmatch(r"deploy\w*", text[s:e], re.I) for s, e in hit.hits)
    # Snowball, not Porter: "run" finds "running" and "run"
    assert {101, 103} <= ids(search(index, library, "run"))


def test_figures_are_found_as_written_and_without_separator(index, library):
    expected = matching(library, r"\b15,?000\b")
    assert expected == {1}
    for q in ("15,000", "15000"):
        results = search(index, library, q)
        assert ids(results) == expected, q
        text = library[1].body
        assert [text[s:e] for s, e in results.hits[0].hits] == ["15,000"]
    assert ids(search(index, library, "12,000")) == matching(library, r"\b12,000\b")


def test_publisher_filter_narrows_results(index, library):
    assert ids(search(index, library, "publisher:bloomberg")) == {1, 3, 102}
    assert ids(search(index, library, 'publisher:"the economist"')) == {2, 101}
    troops = ids(search(index, library, "troops"))
    both = ids(search(index, library, "troops publisher:bloomberg"))
    assert both == troops & {1, 3, 102}
    assert both < troops


@pytest.mark.parametrize(("q", "expected"), [
    ("date:2024", {1, 2, 3, 4, 5, 101, 102, 103}),
    ("date:2024-11", {1, 3, 4}),
    ("date:2024-11-05", {1}),
    ("date:[2024-10 to 2024-12]", {1, 2, 3, 4, 101, 102}),  # '2024' alone: month unknown
    ("date:[2024-11-10 to 2024-12-31]", {3, 101}),
    ("date:[2024-12 to]", {101, 105}),
    ("date:[to 2023]", {104}),
    ("published:2025", {105}),
])
def test_date_filters_and_ranges(index, library, q, expected):
    results = search(index, library, q)
    assert results.message is None
    assert ids(results) == expected


def test_date_filter_combines_with_words(index, library):
    assert ids(search(index, library, "troops date:2024-11")) == \
        matching(library, r"\btroops?\b") & {1, 3, 4}


@pytest.mark.parametrize(("q", "expected"), [
    ("perspective:chinese", {102}),
    ('perspective:"south korean"', {101}),
    ("perspective:south_korean", {101}),
    ("perspective:korean", {101}),
    ("highlights:nis", {101}),
    ("tag:korea", {101}),
    ("author:kim", {101}),
])
def test_fields_of_highlights_tags_and_authors(index, library, q, expected):
    assert ids(search(index, library, q)) == expected


def test_bare_words_search_highlights_tags_and_publisher_too(index, library):
    assert 101 in ids(search(index, library, "NIS"))  # only in its highlights
    assert ids(search(index, library, "yonhap")) == {104}  # only its publisher


def test_boolean_operators(index, library):
    kursk = ids(search(index, library, "kursk"))
    budanov = ids(search(index, library, "budanov"))
    assert ids(search(index, library, "kursk NOT budanov")) == kursk - budanov
    assert ids(search(index, library, "kursk OR budanov")) == kursk | budanov
    assert ids(search(index, library, "kursk budanov")) == kursk & budanov


def test_prefix_query_lights_every_word_with_the_prefix(index, library):
    results = search(index, library, "Deplo*")
    assert ids(results) == matching(library, r"\bdeplo\w*")
    for hit in results.hits:
        text = library[hit.article_id].body
        assert hit.hits and all(text[s:e].lower().startswith("deplo") for s, e in hit.hits)


def test_accents_are_folded_both_ways(index, library):
    assert ids(search(index, library, "cafe")) == {102, 105}
    assert ids(search(index, library, "café")) == {102, 105}
    hit = next(h for h in search(index, library, "cafe").hits if h.article_id == 105)
    (s, e), = hit.hits
    assert library[105].body[s:e] == "cafe\u0301"


def test_title_matches_rank_first(index, library):
    results = search(index, library, "summit")
    assert results.hits[0].article_id == 103  # "summit" is in its title only


def test_a_match_past_32k_characters_gets_a_snippet_and_offsets(index, library):
    results = search(index, library, "zaporizhzhia")
    (hit,) = results.hits
    (s, e), = hit.hits
    assert s > FAR - 100
    assert library[104].body[s:e] == "Zaporizhzhia"
    assert f"{MARK_OPEN}Zaporizhzhia{MARK_CLOSE}" in hit.snippet
    assert hit.excerpt[hit.excerpt_spans[0][0]:hit.excerpt_spans[0][1]] == "Zaporizhzhia"


def test_results_carry_metadata_and_page_limit(index, library):
    results = index.search("troops", limit=2, texts=lambda i: library[i].body)
    assert len(results.hits) == 2
    assert results.total == len(ids(search(index, library, "troops"))) > 2
    hit = results.hits[0]
    doc = library[hit.article_id]
    assert (hit.title, hit.publisher, hit.published) == (doc.title, doc.publisher, doc.published)
    assert hit.score > results.hits[1].score > 0


def test_without_texts_results_still_come_back(index, library):
    results = index.search("budanov")
    assert ids(results) == {1, 2}
    assert all(h.snippet == "" and h.hits == [] for h in results.hits)


# -- queries that do not parse ------------------------------------------------------------
@pytest.mark.parametrize("q", [
    '"legitimate targets', 'troops "', "AND", "NOT", "OR troops", "troops AND", "troops OR OR kursk",
    "(troops", "troops)", "[2024", "troops]", "{", "publisher:", ":", "troops :", "date:yesterday",
    "date:[2024-13 to 2025]", 'publisher:"the economist', "title:(", "*", "**", "?", "\\", "^",
    "troops^", "'", "''", "a AND the", "", "   ", "\x00", "troops \x00 kursk", "date:[2024 to",
    "perspective:", '"', '""', "((troops)", "kursk:", "NOT NOT troops", "troops~",
])
def test_malformed_queries_never_raise(index, library, q):
    results = search(index, library, q)
    assert isinstance(results, SearchResults)
    assert results.hits or results.message, q
    for hit in results.hits:
        text = library[hit.article_id].body
        assert all(0 <= s < e <= len(text) for s, e in hit.hits)


def test_an_unbalanced_quote_searches_the_words_and_says_so(index, library):
    results = search(index, library, '"legitimate targets')
    assert results.message == "unbalanced quote — searched the words instead"
    assert 4 in ids(results)
    results = search(index, library, "budanov AND")
    assert "AND" in results.message
    assert ids(results) == {1, 2}
    results = search(index, library, "date:yesterday budanov")
    assert "yesterday" in results.message
    assert ids(results) == {1, 2}


# -- hit offsets ---------------------------------------------------------------------------
@pytest.mark.parametrize(("q", "pattern"), [
    ("budanov", r"budanov\w*"),
    ("troops kursk", r"troops?|kursk"),
    ("kursk NOT budanov", r"kursk"),
    ('"artillery shells" missiles', r"artillery\s+shells|missiles?"),
    ("15000", r"15,000"),
    ("pyongyang OR seoul", r"pyongyang|seoul"),
])
def test_hit_offsets_point_at_the_matched_words(index, library, q, pattern):
    results = search(index, library, q)
    assert results.hits
    for hit in results.hits:
        text = library[hit.article_id].body
        expected = [m.span() for m in
                    re.finditer(rf"\b(?:{pattern})(?:['’]s)?\b", text, re.IGNORECASE)]
        assert hit.hits == expected, (q, hit.article_id)
        assert all(hit.hits[i][1] <= hit.hits[i + 1][0] for i in range(len(hit.hits) - 1))


# -- upkeep ------------------------------------------------------------------------------
def test_upsert_replaces_and_delete_removes(index, library):
    assert ids(search(index, library, "budanov")) == {1, 2}
    changed = IndexDoc(2, "Rewritten", "Nothing about the general any more; sanctions only.",
                       publisher="Reuters", published="2024-09")
    library[2] = changed
    index.upsert([changed, IndexDoc(200, "New arrival", "Budanov spoke again.",
                                    perspectives=["ukrainian", "Ukrainian"])])
    library[200] = IndexDoc(200, "New arrival", "Budanov spoke again.")
    assert ids(search(index, library, "budanov")) == {1, 200}
    assert ids(search(index, library, "publisher:reuters")) == {2, 103}
    assert ids(search(index, library, "perspective:ukrainian")) == {200}
    index.delete([1, 200, 9999])
    assert ids(search(index, library, "budanov")) == set()
    assert index.doc_count() == len(library) - 2
    assert index.health() == "ok"


def test_generation_is_stored_with_the_index_and_tied_to_the_schema(index, tmp_path):
    assert index.generation is None  # a fresh build has none until the caller stamps it
    index.set_generation(123456789)
    assert SearchIndex(tmp_path / "index").generation == 123456789
    meta = tmp_path / "index" / "briefing-index.json"
    meta.write_text('{"schema": 0, "generation": 123456789}', encoding="utf-8")
    assert index.generation is None  # an older schema reads as stale
    meta.write_text("{garbage", encoding="utf-8")
    assert index.generation is None


def test_missing_index(tmp_path):
    ix = SearchIndex(tmp_path / "nowhere")
    assert ix.health() == "missing"
    (tmp_path / "nowhere").mkdir()
    assert ix.health() == "missing"
    results = ix.search("budanov")
    assert results.hits == [] and results.message


def _truncate_segment(folder: Path) -> None:
    seg = max(folder.glob("*.seg"), key=lambda f: f.stat().st_size)
    with open(seg, "r+b") as fh:
        fh.truncate(seg.stat().st_size // 2)


def _delete_toc(folder: Path) -> None:
    for toc in folder.glob("*.toc"):
        toc.unlink()


def _garbage_toc(folder: Path) -> None:
    for toc in folder.glob("*.toc"):
        toc.write_bytes(b"\x80\x04garbage" * 10)


def _empty_toc(folder: Path) -> None:
    for toc in folder.glob("*.toc"):
        toc.write_bytes(b"")


def _empty_segment(folder: Path) -> None:
    for seg in folder.glob("*.seg"):
        seg.write_bytes(b"")


def _delete_segment(folder: Path) -> None:
    for seg in folder.glob("*.seg"):
        seg.unlink()


@pytest.mark.parametrize("damage", [_truncate_segment, _delete_toc, _garbage_toc, _empty_toc,
                                    _empty_segment, _delete_segment])
def test_damaged_index_is_detected_and_a_rebuild_restores_the_same_results(
        index, library, tmp_path, damage):
    queries = ["budanov", '"legitimate targets"', "15,000", "publisher:bloomberg date:2024-11"]
    before = [[(h.article_id, h.snippet, h.hits) for h in search(index, library, q).hits]
              for q in queries]
    index.close()
    damage(tmp_path / "index")
    fresh = SearchIndex(tmp_path / "index")
    assert fresh.health() == "damaged"
    results = fresh.search("budanov", texts=lambda i: library[i].body)
    assert results.hits == [] and results.message  # no traceback on a damaged index
    list(fresh.rebuild(iter(library.values()), len(library)))
    assert fresh.health() == "ok"
    after = [[(h.article_id, h.snippet, h.hits) for h in search(fresh, library, q).hits]
             for q in queries]
    assert after == before
    assert not list(tmp_path.glob(".index-*")), "no build or old folders left behind"
    fresh.close()


def test_an_abandoned_rebuild_leaves_the_old_index_untouched(index, library, tmp_path):
    steps = index.rebuild(iter([IndexDoc(1, "only", "one document")] * 300), 300)
    next(steps)
    next(steps)
    steps.close()
    assert index.health() == "ok"
    assert ids(search(index, library, "budanov")) == {1, 2}
    assert not list(tmp_path.glob(".index-*"))


def test_searcher_sees_writes_made_through_another_instance(index, library, tmp_path):
    assert ids(search(index, library, "naengmyeon")) == {105}
    other = SearchIndex(tmp_path / "index")
    other.delete([105])
    other.close()
    assert ids(search(index, library, "naengmyeon")) == set()


def test_fast_exact_phrase_agrees_with_whoosh_phrase(index):
    from whoosh import query

    from briefing.core.search.phrase import ExactPhrase

    index.health()
    searcher = index._get_searcher()
    phrases = [["north", "korean", "troop"], ["legitim", "target"], ["kim", "jong", "un"],
               ["troop", "troop"], ["militari", "intellig"], ["no", "such", "phrase"]]
    found = 0
    for words in phrases:
        slow = searcher.search(query.Phrase("text", words), limit=None, optimize=False)
        fast = searcher.search(ExactPhrase("text", words), limit=None, optimize=False)
        assert [(h.docnum, round(h.score, 6)) for h in fast] == \
            [(h.docnum, round(h.score, 6)) for h in slow], words
        found += len(fast)
    assert found > 10


def test_table_scoring_gives_exactly_bm25f_scores(index, library):
    from whoosh import scoring

    from briefing.core.search.query import parse
    from briefing.core.search.scoring import TableBM25F

    index.upsert([IndexDoc(300, "Extra", "Troops and more troops near Kursk.")])  # 2 segments
    index.health()
    ix = index._open()
    with ix.searcher(weighting=scoring.BM25F()) as std, \
            ix.searcher(weighting=TableBM25F()) as fast:
        for q in ["troops", "troops kursk", '"north korean troops"', "deplo*", "budanov OR cafe"]:
            parsed, _ = parse(index._parser, q)
            expected = [(h.docnum, h.score) for h in std.search(parsed, limit=None)]
            assert expected
            assert [(h.docnum, h.score) for h in fast.search(parsed, limit=None)] == expected
