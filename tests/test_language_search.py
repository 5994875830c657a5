"""Search in Ukrainian, Russian, Korean and Chinese in the one index (core/search/languages.py).

The four wire stories of tests/data/languages/ and an English one are indexed once per
module (the Korean and Chinese models load once); each labelled search term, an
inflected or particle-bearing form, must find its story and light the word in it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from briefing.core.search import IndexDoc, SearchIndex

DATA = Path(__file__).parent / "data" / "languages"
LABELS = tomllib.loads((DATA / "labels.toml").read_text(encoding="utf-8"))
NAMES = sorted(k for k, v in LABELS.items() if not v.get("held_out"))  # the first four
ENGLISH = ("Budanov says 11,000 North Korean troops are in Kursk. The intelligence chief "
           "said the soldiers were running drills.")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[SearchIndex, dict[int, str]]:
    texts = {i: (DATA / f"{name}.txt").read_text(encoding="utf-8")
             for i, name in enumerate(NAMES, start=1)}
    texts[99] = ENGLISH
    docs = [IndexDoc(i, LABELS[name]["title"], texts[i], language=LABELS[name]["language"])
            for i, name in enumerate(NAMES, start=1)]
    docs.append(IndexDoc(99, "Budanov on troops", ENGLISH, language="en"))
    ix = SearchIndex(tmp_path_factory.mktemp("index"))
    list(ix.rebuild(docs, len(docs)))
    yield ix, texts
    ix.close()


def ids(library, q: str) -> list[int]:
    ix, texts = library
    return [h.article_id for h in ix.search(q, texts=texts.__getitem__).hits]


CASES = [(name, term) for name in NAMES for term in LABELS[name]["finds"]]


@pytest.mark.parametrize(("name", "term"), CASES)
def test_inflected_and_particle_forms_find_their_story(library, name: str, term: str) -> None:
    assert NAMES.index(name) + 1 in ids(library, term)


def test_a_word_is_matched_across_languages(library) -> None:
    # Ukrainian "Кореї" and Russian "Кореи" (Korea, genitive) meet at one term
    both = {NAMES.index("uk_pravda_budanov") + 1, NAMES.index("ru_interfax_peskov") + 1}
    assert set(ids(library, "Кореї")) == set(ids(library, "Кореи")) == both


@pytest.mark.parametrize(("query", "lit"), [
    ("Буданова", "Буданов"),  # Ukrainian name in another case
    ("Пескова", "Песков"),  # Russian surname: Snowball alone reads "Песков" as a plural
    ("Курской", "Курской"),
    ("국정원은", "국정원"),  # the particle is not part of the match
    ("파병했으며", "파병"),  # nor the verb ending
    ("林剑", "林剑"),
    ("库尔斯克", "库尔斯克"),
])
def test_hits_light_the_word_itself_in_every_script(library, query: str, lit: str) -> None:
    ix, texts = library
    # a known name also finds its other spellings (Kursk, Курской, 库尔斯克): the story in
    # the query's own script is the one checked here
    hits = [h for h in ix.search(query, texts=texts.__getitem__).hits if lit in texts[h.article_id]]
    assert len(hits) == 1
    text = texts[hits[0].article_id]
    shown = {text[s:e] for s, e in hits[0].hits}
    assert lit in shown
    excerpt = hits[0].excerpt
    assert any(excerpt[s:e] == lit for s, e in hits[0].excerpt_spans)


def test_phrases_in_cyrillic_and_chinese(library) -> None:
    assert ids(library, '"Курской области"') == [NAMES.index("ru_interfax_peskov") + 1]
    assert ids(library, '"库尔斯克地区"') == [NAMES.index("zh_xinhua_linjian") + 1]
    assert ids(library, '"области Курской"') == []


def test_chinese_word_segmented_otherwise_still_found_by_its_characters(library) -> None:
    # jieba may keep 库尔斯克地区 as one word in a query; the bigrams still find the text
    assert ids(library, "库尔斯克地区") == [NAMES.index("zh_xinhua_linjian") + 1]
    assert ids(library, "斯克地") == [NAMES.index("zh_xinhua_linjian") + 1]
    assert ids(library, "地斯克") == []


def test_english_search_is_unchanged_beside_other_languages(library) -> None:
    assert ids(library, "soldiers running") == [99]
    assert ids(library, "11,000") == [99]
    assert ids(library, "lang:ko") == [NAMES.index("ko_yonhap_nis") + 1]


def test_an_english_library_never_loads_the_language_models(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys
        from briefing.core.search import IndexDoc, SearchIndex
        from briefing.core.search import languages
        ix = SearchIndex({str(tmp_path / "ix")!r})
        docs = [IndexDoc(1, "Troops", {ENGLISH!r}, language="en")]
        list(ix.rebuild(docs, 1))
        found = [len(ix.search(q).hits) for q in ("troops", "국정원은", "林剑", "Кореї")]
        ix.close()
        print(found, sorted(languages.loaded()),
              "kiwipiepy" in sys.modules, "jieba" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=120).stdout.split("\n")[-2]
    assert out == "[1, 0, 0, 0] [] False False"  # not even the Cyrillic dictionaries


def test_a_process_that_did_not_index_the_library_still_analyses_queries_by_its_languages(
        library) -> None:
    """The app indexes in a helper process, so its own process has loaded no model: the
    languages it analyses a query for come from the index (a Ukrainian form finds the
    Ukrainian story there too, not only in the process that wrote it)."""
    ix, _texts = library
    script = textwrap.dedent(f"""
        from briefing.core.search import SearchIndex
        ix = SearchIndex({str(ix.folder)!r})
        print([h.title for h in ix.search("Курська").hits])
        ix.close()
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert LABELS["uk_pravda_budanov"]["title"] in out


def test_a_known_name_finds_its_other_spellings_and_says_so(library) -> None:
    ix, texts = library
    uk = NAMES.index("uk_pravda_budanov") + 1
    latin = ix.search("Budanov", texts=texts.__getitem__)
    assert sorted(h.article_id for h in latin.hits) == sorted([uk, 99])
    assert latin.message == "also matched: Буданов"
    cyrillic = ix.search("Буданова", texts=texts.__getitem__)
    assert sorted(h.article_id for h in cyrillic.hits) == sorted([uk, 99])
    assert cyrillic.message == "also matched: Budanov"
    assert {texts[uk][s:e] for s, e in next(h for h in latin.hits if h.article_id == uk).hits
            } >= {"Буданов"}
    nis = ix.search("NIS", texts=texts.__getitem__)
    assert [h.article_id for h in nis.hits] == [NAMES.index("ko_yonhap_nis") + 1]
    assert nis.message is not None and "국정원" in nis.message
    plain = ix.search("troops", texts=texts.__getitem__)
    assert plain.message is None


MIXED = ("South Korea's spy agency, the National Intelligence Service (국정원은 the name "
         "Koreans use), said about 10,000 North Korean troops were in Russia. Kremlin "
         "spokesman Dmitry Peskov (Дмитрий Песков) declined to comment on the reports. "
         "China's foreign ministry spokesman Lin Jian (林剑) said Beijing was not aware of "
         "the situation, and Ukrainian officials said the soldiers were in the Kursk region.")


def test_foreign_words_in_an_english_article_are_found_and_lit(tmp_path: Path) -> None:
    """An English story quoting a few names in their own scripts: each is found by its
    other forms and lit, by a search in a fresh process (the app indexes in a helper
    process, so its own process has loaded no language model)."""
    index = textwrap.dedent(f"""
        from briefing.core.search import IndexDoc, SearchIndex
        ix = SearchIndex({str(tmp_path / "ix")!r})
        list(ix.rebuild([IndexDoc(1, "Troops in Kursk", {MIXED!r}, language="en")], 1))
        ix.close()
    """)
    subprocess.run([sys.executable, "-c", index], check=True, timeout=120)
    search = textwrap.dedent(f"""
        from briefing.core.search import SearchIndex
        text = {MIXED!r}
        ix = SearchIndex({str(tmp_path / "ix")!r})
        for q in ("국정원", "국정원은", "Пескова", "Дмитрия", "林剑", "troops"):
            hits = ix.search(q, texts=lambda i: text).hits
            print(q, [h.article_id for h in hits],
                  sorted({{text[s:e] for h in hits for s, e in h.hits}}))
        ix.close()
    """)
    out = subprocess.run([sys.executable, "-c", search], capture_output=True, text=True,
                         check=True, timeout=120).stdout.splitlines()
    assert out == ["국정원 [1] ['국정원']",
                   "국정원은 [1] ['국정원']",
                   "Пескова [1] ['Peskov', 'Песков']",  # and its known Latin spelling
                   "Дмитрия [1] ['Дмитрий']",
                   "林剑 [1] ['Jian', 'Lin', '林剑']",  # and its known Latin spelling
                   "troops [1] ['troops']"]


def test_a_fresh_process_analyses_a_query_for_the_languages_the_index_holds(
        tmp_path: Path) -> None:
    """The app searches in its own process while a helper indexes: the languages it reads
    from the index (Whoosh's lexicon gives bytes) decide which models a query loads."""
    nis = (DATA / "ko_yonhap_nis.txt").read_text(encoding="utf-8")
    index = textwrap.dedent(f"""
        from briefing.core.search import IndexDoc, SearchIndex
        ix = SearchIndex({str(tmp_path / "ix")!r})
        list(ix.rebuild([IndexDoc(1, "NIS", {nis!r}, language="ko")], 1))
        ix.close()
    """)
    subprocess.run([sys.executable, "-c", index], check=True, timeout=120)
    search = textwrap.dedent(f"""
        from briefing.core.search import SearchIndex, languages
        ix = SearchIndex({str(tmp_path / "ix")!r})
        print(len(ix.search("국정원은").hits), len(ix.search("파병했으며").hits),
              sorted(languages.loaded()))
        ix.close()
    """)
    out = subprocess.run([sys.executable, "-c", search], capture_output=True, text=True,
                         check=True, timeout=120).stdout.splitlines()[-1]
    assert out == "1 1 ['kiwi']"


def test_other_spellings_load_no_model_an_english_query_does_not_need(tmp_path: Path) -> None:
    """In a library holding a Korean story, English searches (and their other spellings in
    Hangul, Cyrillic and Han) load no model; `NIS` still finds 국정원 as the index holds it."""
    nis = (DATA / "ko_yonhap_nis.txt").read_text(encoding="utf-8")
    index = textwrap.dedent(f"""
        from briefing.core.search import IndexDoc, SearchIndex
        ix = SearchIndex({str(tmp_path / "ix")!r})
        list(ix.rebuild([IndexDoc(1, "NIS", {nis!r}, language="ko"),
                         IndexDoc(2, "Troops", {ENGLISH!r}, language="en")], 2))
        ix.close()
    """)
    subprocess.run([sys.executable, "-c", index], check=True, timeout=120)
    search = textwrap.dedent(f"""
        from briefing.core.search import SearchIndex, languages
        ix = SearchIndex({str(tmp_path / "ix")!r})
        texts = {{1: {nis!r}, 2: {ENGLISH!r}}}
        for q in ("troops", "Budanov", "NIS"):
            r = ix.search(q, texts=texts.get)
            lit = sorted({{texts[h.article_id][s:e] for h in r.hits for s, e in h.hits}})
            print(q, [h.article_id for h in r.hits], r.message, lit, sorted(languages.loaded()))
        ix.close()
    """)
    out = subprocess.run([sys.executable, "-c", search], capture_output=True, text=True,
                         check=True, timeout=120).stdout.splitlines()
    # 국정원 is lit inside 국정원은 and 국정원에 without the Korean model (a noun's particles
    # follow it)
    assert out == ["troops [2] None ['troops'] []", "Budanov [2] None ['Budanov'] []",
                   "NIS [1] also matched: 국정원 ['국가정보원', '국정원'] []"]


def test_a_case_the_dictionaries_lack_finds_the_other_cases(tmp_path: Path) -> None:
    """"Кореей" is in neither lemma dictionary and Snowball stems it unlike "Кореи": the
    stem of its stem still meets the other cases (round 3)."""
    ix = SearchIndex(tmp_path / "ix")
    list(ix.rebuild([IndexDoc(1, "Разведка", "Разведка Южной Кореи ранее сообщила об этом.",
                              language="ru")], 1))
    try:
        assert [h.article_id for h in ix.search("Южной Кореей", limit=5).hits] == [1]
    finally:
        ix.close()
