"""Index terms for words in Cyrillic, Hangul and Han script: one index, analysed per script.

A word's script says which analysis it gets, so the one Whoosh index holds every
language and a query needs no language of its own:

- Cyrillic (Russian, Ukrainian): the Snowball Russian stem (PyStemmer) and the
  lemma from simplemma's Ukrainian and Russian dictionaries, as alternatives at
  the same position. "Буданова" finds "Буданов", "Курська" finds "Курській".
- Hangul (Korean): morphological analysis with kiwipiepy; nouns, verb and
  adjective stems, roots and foreign words are kept, particles and endings
  dropped, so "국정원은" is indexed as 국정원 and "파병했으며" as 파병.
- Han (Chinese): jieba's words (search mode, so long words also give their
  parts) and every character bigram, the fallback when the query is segmented
  differently from the text.

Each analyser is loaded on the first word of its script, so an English-only
library never loads the Korean or Chinese models. `terms` gives offsets within
the word, so hit offsets and snippets are right in every script.
"""

from __future__ import annotations

import logging
import re
import threading
import tomllib
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import Stemmer

from briefing.core.resources import resource

CYRILLIC = re.compile(r"[\u0400-\u052f]")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SPECIAL = re.compile(r"[\u0400-\u052f\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
                     r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Kiwi's part-of-speech tags whose morphemes are indexed (Sejong tag set): common and
# proper nouns, verb and adjective stems, roots, foreign words, Hanja and numbers.
KOREAN_KEEP = ("NNG", "NNP", "VV", "VA", "XR", "SL", "SH", "SN")

Term = tuple[str, int, int]  # (term, start, end) within the word
CYRILLIC_LANGUAGES = frozenset({"uk", "ru", "be", "bg", "sr", "mk", "kk", "ky", "mn"})
Other = Callable[[str], str | None]  # analysis of a word in another script (English)

_lock = threading.Lock()
_loaded: dict[str, Any] = {}
_ru = Stemmer.Stemmer("russian")
_ru.maxCacheSize = 50000


def loaded() -> set[str]:
    """Which analysers have been loaded in this process ("kiwi", "jieba", "simplemma")."""
    return set(_loaded)


def analyser(name: str) -> Any:
    """The loaded analyser `name` ("kiwi", "jieba", "simplemma"), loading it once per
    process: claim rules read Korean verbs with the same Kiwi the index uses."""
    return _load(name)


def _load(name: str) -> Any:
    with _lock:
        if name not in _loaded:
            _loaded[name] = _LOADERS[name]()
        return _loaded[name]


def _load_kiwi() -> Any:
    from kiwipiepy import Kiwi

    # Without the multi-word and typo dictionaries: 320 MB instead of 500 MB resident, and
    # the same nouns and stems for the index.
    return Kiwi(load_multi_dict=False, load_typo_dict=False)


def _load_jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    words = resource("search", "zh_words.txt")
    if words.is_file():
        tokenizer.load_userdict(str(words))
    return tokenizer


def _load_simplemma() -> Any:
    import simplemma

    return simplemma


_LOADERS: dict[str, Callable[[], Any]] = {
    "kiwi": _load_kiwi, "jieba": _load_jieba, "simplemma": _load_simplemma,
}


@lru_cache(maxsize=1)
def _surname() -> re.Pattern[str] | None:
    try:
        data = tomllib.loads(resource("search", "cyrillic.toml").read_text(encoding="utf-8"))
    except OSError:
        return None
    pattern = data.get("names", {}).get("surname")
    return re.compile(pattern) if pattern else None


# Languages whose articles are written (mostly) in a script analysed here.
SPECIAL_LANGUAGES = CYRILLIC_LANGUAGES | {"ko", "zh", "ja"}


_MODEL_LANGUAGES = {"simplemma": CYRILLIC_LANGUAGES, "kiwi": frozenset({"ko"}),
                    "jieba": frozenset({"zh", "ja"})}


def loaded_languages(library: frozenset[str] | None) -> frozenset[str]:
    """The languages of `library` whose analyser is already loaded: analysing with this set
    loads nothing (other scripts get their model-free fallback)."""
    ready = frozenset().union(*(_MODEL_LANGUAGES[name] for name in _loaded))
    return ready if library is None else library & ready


def may_hold_special(language: str | None) -> bool:
    """False for an article known to be in a language of another script (English, ...):
    its few foreign words are not worth scanning the whole text for."""
    return language is None or language.split("-")[0].lower() in SPECIAL_LANGUAGES


def is_special(text: str) -> bool:
    """True when `text` holds a word in a script analysed here."""
    return SPECIAL.search(text) is not None


@lru_cache(maxsize=100_000)
def cyrillic_terms(word: str) -> tuple[str, ...]:
    """The Russian stem and the Ukrainian/Russian lemma of one Cyrillic word (deduplicated)."""
    w = word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    lemmatizer = _load("simplemma")
    out = [_ru.stemWord(w)]
    lemma = lemmatizer.lemmatize(w, lang=("uk", "ru")).lower().replace("ё", "е")
    if lemma not in out:
        out.append(lemma)
    if lemma == w and len(out[0]) >= 4:
        # a form the dictionaries lack ("Кореей"): the stem of its stem ("коре" -> "кор") is
        # what Snowball makes of the other cases ("Кореи", "Корее", "Корею")
        again = _ru.stemWord(out[0])
        if again not in out:
            out.append(again)
    surname = _surname()
    m = surname.match(w) if surname is not None and word[:1].isupper() else None
    if m and m.group(1) not in out:
        out.append(m.group(1))
    return tuple(out)


@lru_cache(maxsize=100_000)
def korean_terms(word: str) -> tuple[Term, ...]:
    """Nouns, verb stems, roots of one space-separated Korean word, with their offsets."""
    out: list[Term] = []
    for tok in _load("kiwi").tokenize(word):
        if tok.tag.startswith(KOREAN_KEEP):
            form = tok.form.lower()
            out.append((form, tok.start, tok.start + tok.len))
    return tuple(out)


def _bigrams(run: str, offset: int) -> list[Term]:
    if len(run) == 1:
        return [(run, offset, offset + 1)]
    return [(run[i:i + 2], offset + i, offset + i + 2) for i in range(len(run) - 1)]


def chinese_terms(run: str) -> list[Term]:
    """jieba's words (search mode) and character bigrams of a run of Han characters."""
    seen: set[Term] = set()
    out: list[Term] = []
    for term in [*((w, s, e) for w, s, e in _load("jieba").tokenize(run, mode="search")),
                 *_bigrams(run, 0)]:
        if term not in seen:
            seen.add(term)
            out.append(term)
    out.sort(key=lambda t: (t[1], t[2]))
    return out


def light_terms(word: str, other: Other) -> list[Term]:
    """Terms to light a word with, loading no model: a word in a script whose analyser is
    loaded gets its index terms; otherwise (the query was analysed without that model too,
    e.g. another spelling of a name) a Korean word its prefixes (particles follow the
    noun), a Cyrillic word its stem, and Chinese text its bigrams."""
    if HAN.search(word):
        if "jieba" in _loaded:
            return terms(word, other)
        out: list[Term] = []
        for m in _HAN_RUNS.finditer(word):
            run, pos = m.group(), m.start()
            sub = _bigrams(run, 0) if HAN.match(run) else light_terms(run, other)
            out.extend((t, pos + s, pos + e) for t, s, e in sub)
        return out
    if HANGUL.search(word):
        if "kiwi" in _loaded:
            return terms(word, other)
        w = word.lower()
        return [(w[:k], 0, k) for k in range(1, len(w) + 1)]
    if CYRILLIC.search(word):
        if "simplemma" in _loaded:
            return terms(word, other)
        return [(_ru.stemWord(word.lower().replace("ё", "е")), 0, len(word))]
    return terms(word, other)


def terms(word: str, other: Other) -> list[Term]:
    """Index terms of one word token holding a Cyrillic, Hangul or Han letter."""
    if HAN.search(word):
        out: list[Term] = []
        for m in _HAN_RUNS.finditer(word):
            run, pos = m.group(), m.start()
            if HAN.match(run):
                sub = chinese_terms(run)
            elif is_special(run):
                sub = terms(run, other)
            else:
                sub = []
                _plain(run, 0, other, sub)
            out.extend((t, pos + s, pos + e) for t, s, e in sub)
        return out
    if HANGUL.search(word):
        return list(korean_terms(word))
    if CYRILLIC.search(word):
        return [(t, 0, len(word)) for t in cyrillic_terms(word)]
    plain: list[Term] = []
    _plain(word, 0, other, plain)
    return plain


def _plain(word: str, pos: int, other: Other, out: list[Term]) -> None:
    t = word if word.isdigit() else other(word)
    if t:
        out.append((t, pos, pos + len(word)))


def query_groups(word: str, other: Other, library: frozenset[str] | None = None
                 ) -> list[list[tuple[str, ...]]]:
    """How a query word matches: all groups must match; a group matches when any of its
    alternatives does; an alternative is a set of terms that must all be present.

    A Cyrillic word is one group of its stem and lemma; a Korean word a group per kept
    morpheme; a Chinese word (jieba's accurate segmentation) its word or its bigrams.
    `library` is the set of languages the library holds (None: unknown): a model not yet
    loaded is not loaded for a query in a language the library does not hold.
    """
    groups: list[list[tuple[str, ...]]] = []
    if HAN.search(word):
        for m in _HAN_RUNS.finditer(word):
            run = m.group()
            if not HAN.match(run):
                groups.extend(query_groups(run, other))
                continue
            if library is not None and "jieba" not in _loaded and "zh" not in library:
                groups.extend([[(t,)] for t, _s, _e in _bigrams(run, 0)])
                continue
            at = 0
            for piece in _load("jieba").lcut(run, HMM=True):
                alts: list[tuple[str, ...]] = [(piece,)]
                if len(piece) > 2:
                    alts.append(tuple(t for t, _s, _e in _bigrams(piece, 0)))
                elif len(piece) == 1 and len(run) > 1:
                    # "国家情报院" -> 国家/情报/院: a lone character is indexed only inside
                    # a word or a bigram ("院称"), so it also matches as the bigram it makes
                    # with its neighbour in the query ("报院")
                    alts += [(run[i:i + 2],) for i in (at - 1, at) if i >= 0 and i + 2 <= len(run)]
                groups.append(alts)
                at += len(piece)
        return groups
    if CYRILLIC.search(word) and not HANGUL.search(word):
        if library is not None and "simplemma" not in _loaded and not library & CYRILLIC_LANGUAGES:
            return [[(_ru.stemWord(word.lower().replace("ё", "е")),)]]  # no dictionaries
        return [[(t,) for t in cyrillic_terms(word)]]
    if (HANGUL.search(word) and library is not None and "kiwi" not in _loaded
            and "ko" not in library):
        return [[(word.lower(),)]]
    return [[(t,)] for t, _s, _e in terms(word, other)]
