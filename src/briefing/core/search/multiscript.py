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

    def parse(self, text, normalize=True, debug=False):  # noqa: ANN001, ANN201
        self.expanded = []
        return super().parse(text, normalize=normalize, debug=debug)

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
            q = build(fieldname, query_groups(text, self.library()), termclass, boost)
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
                if (name, terms) not in getattr(self, "expanded", []):
                    self.expanded = [*getattr(self, "expanded", []), (name, terms)]
        return query.Or(alts)

    def _other_spellings(self, text: str) -> list[tuple[str, list[list[tuple[str, ...]]]]]:
        """The other spellings of a known name the word is a form of, with their term groups."""
        if not text.strip() or len(TOKEN_RE.findall(text)) != 1:
            return []
        library = self.library()
        groups = query_groups(text, library)
        mine = {t for g in groups for alt in g for t in alt}
        inflected = languages.CYRILLIC.search(text) is not None  # a case form shares a term

        def same_name(other: str) -> bool:
            theirs = query_groups(other, library)
            if inflected:
                return bool(mine & {t for g in theirs for alt in g for t in alt})
            return theirs == groups  # "库尔斯克地区" is not "库尔斯克"

        for names in aliases():
            same_script = [n for n in names if languages.is_special(n) == languages.is_special(text)
                           and len(TOKEN_RE.findall(n)) == 1]
            if any(same_name(n) for n in same_script):
                return [(n, query_groups(n, library)) for n in names if not (
                    n in same_script and same_name(n))]
        return []


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
