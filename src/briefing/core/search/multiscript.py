"""The query parser's hook for words in Cyrillic, Hangul and Han script.

Whoosh turns a query word that analyses to several terms into an AND of them, which
is wrong for alternatives (a Russian stem OR a Ukrainian lemma) and for a Chinese
word that may be indexed whole or as bigrams. Such words are built here from their
term groups (analysis.query_groups): AND over groups, OR over alternatives.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import lru_cache

from whoosh import query
from whoosh.qparser import MultifieldPlugin, QueryParser

from briefing.core.resources import resource
from briefing.core.search import languages
from briefing.core.search.analysis import TOKEN_RE, BriefingTokenizer, query_groups

Library = Callable[[], frozenset[str] | None]


def _no_library() -> frozenset[str] | None:
    return None


class ScriptAwareParser(QueryParser):
    """MultifieldParser whose words in Cyrillic, Hangul or Han are matched across languages.

    `library()` names the languages the library holds, so a query in a script the
    library lacks does not load that language's model.
    """

    library: Library = staticmethod(_no_library)
    expanded: list[tuple[str, list[str]]]  # (other spelling, its terms) added by the last parse

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - QueryParser's
        super().__init__(*args, **kwargs)
        self.expanded = []
        self._languages: frozenset[str] | None = None

    def parse(self, text, normalize=True, debug=False):  # noqa: ANN001, ANN201
        self.expanded = []
        self._languages = self.library()  # once per query: it reads the index's lexicon
        return super().parse(text, normalize=normalize, debug=debug)

    def _library(self) -> frozenset[str] | None:
        return self._languages

    @classmethod
    def multifield(cls, fieldnames: list[str], schema, **kwargs) -> ScriptAwareParser:  # noqa: ANN001
        """Like whoosh's MultifieldParser(): unfielded words searched in `fieldnames`."""
        parser = cls(None, schema, **kwargs)
        parser.add_plugin(MultifieldPlugin(fieldnames))
        return parser

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True,  # noqa: ANN001
                   removestops=True):
        field = self.schema[fieldname] if self.schema and fieldname in self.schema else None
        ours = (tokenize and field is not None and isinstance(text, str)
                and isinstance(getattr(field, "analyzer", None), BriefingTokenizer))
        if ours and languages.is_special(text):
            q = build(fieldname, query_groups(text, self._library()), termclass, boost)
        else:
            q = super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        if not ours or q is None:
            return q
        others = self._other_spellings(text)
        if not others:
            return q
        alts = [q]
        for name, groups in others:
            alt = build(fieldname, groups, termclass, boost)
            if alt is not None:
                alts.append(alt)
                terms = [t for g in groups for alt_terms in g for t in alt_terms]
                if (name, terms) not in self.expanded:
                    self.expanded = [*self.expanded, (name, terms)]
        return query.Or(alts)

    def _other_spellings(self, text: str) -> list[tuple[str, Groups]]:
        """The other spellings of a known name the word is a form of, with their term groups."""
        if not text.strip() or len(TOKEN_RE.findall(text)) != 1:
            return []
        # Other spellings are analysed only with the models already loaded: an English
        # query in a library holding Korean must not load the Korean model for 부다노프
        # (its bare noun is how the index holds it anyway).
        library = languages.loaded_languages(self._library())
        exact, by_term = _alias_index(library, frozenset(languages.loaded()))
        groups = query_groups(text, library)
        found = exact.get(_key(groups))
        mine = {t for g in groups for alt in g for t in alt}
        if found is None and languages.CYRILLIC.search(text):  # a case form shares a term
            found = next((by_term[t] for t in sorted(mine) if t in by_term), None)
        if found is None:
            return []
        out = []
        for name in aliases()[found]:
            theirs = query_groups(name, library)
            if _key(theirs) != _key(groups) and not (
                    languages.CYRILLIC.search(name) and languages.CYRILLIC.search(text)
                    and mine & {t for g in theirs for alt in g for t in alt}):
                out.append((name, theirs))
        return out


Groups = list[list[tuple[str, ...]]]


def _key(groups: Groups) -> tuple[tuple[tuple[str, ...], ...], ...]:
    return tuple(tuple(g) for g in groups)


@lru_cache(maxsize=16)
def _alias_index(library: frozenset[str] | None, loaded: frozenset[str]
                 ) -> tuple[dict[tuple, int], dict[str, int]]:
    """Which alias list a word's analysis names: by its exact term groups, and (Cyrillic,
    whose case forms differ) by any of its terms. Rebuilt when the library's languages or
    the loaded analysers change, as they change the analysis."""
    exact: dict[tuple, int] = {}
    by_term: dict[str, int] = {}
    for i, names in enumerate(aliases()):
        for name in names:
            if len(TOKEN_RE.findall(name)) != 1:
                continue
            groups = query_groups(name, library)
            exact.setdefault(_key(groups), i)
            if languages.CYRILLIC.search(name):
                for t in {t for g in groups for alt in g for t in alt}:
                    by_term.setdefault(t, i)
    return exact, by_term


@lru_cache(maxsize=1)
def aliases() -> tuple[tuple[str, ...], ...]:
    """resources/search/aliases.toml: each name's spellings in several scripts."""
    try:
        data = tomllib.loads(resource("search", "aliases.toml").read_text(encoding="utf-8"))
    except OSError:
        return ()
    return tuple(tuple(names) for names in data.get("names", []) if len(names) > 1)


def build(fieldname: str, groups: list[list[tuple[str, ...]]], termclass: type,
          boost: float = 1.0) -> query.Query | None:
    """AND over groups of OR over alternatives (each an AND of terms); None when empty."""
    parts: list[query.Query] = []
    for group in groups:
        alts: list[query.Query] = []
        for terms in group:
            if not terms:
                continue
            if len(terms) == 1:
                alts.append(termclass(fieldname, terms[0], boost=boost))
            else:
                alts.append(query.And([termclass(fieldname, t, boost=boost) for t in terms]))
        if alts:
            parts.append(alts[0] if len(alts) == 1 else query.Or(alts))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else query.And(parts)
