"""The query parser's hook for words in Cyrillic, Hangul and Han script.

Whoosh turns a query word that analyses to several terms into an AND of them, which
is wrong for alternatives (a Russian stem OR a Ukrainian lemma) and for a Chinese
word that may be indexed whole or as bigrams. Such words are built here from their
term groups (analysis.query_groups): AND over groups, OR over alternatives.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh import query
from whoosh.qparser import MultifieldPlugin, QueryParser

from briefing.core.search import languages
from briefing.core.search.analysis import BriefingTokenizer, query_groups

Library = Callable[[], frozenset[str] | None]


def _no_library() -> frozenset[str] | None:
    return None


class ScriptAwareParser(QueryParser):
    """MultifieldParser whose words in Cyrillic, Hangul or Han are matched across languages.

    `library()` names the languages the library holds, so a query in a script the
    library lacks does not load that language's model.
    """

    library: Library = staticmethod(_no_library)

    @classmethod
    def multifield(cls, fieldnames: list[str], schema, **kwargs) -> ScriptAwareParser:  # noqa: ANN001
        """Like whoosh's MultifieldParser(): unfielded words searched in `fieldnames`."""
        parser = cls(None, schema, **kwargs)
        parser.add_plugin(MultifieldPlugin(fieldnames))
        return parser

    def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True,  # noqa: ANN001
                   removestops=True):
        field = self.schema[fieldname] if self.schema and fieldname in self.schema else None
        if (tokenize and field is not None and isinstance(text, str)
                and isinstance(getattr(field, "analyzer", None), BriefingTokenizer)
                and languages.is_special(text)):
            return build(fieldname, query_groups(text, self.library()), termclass, boost)
        return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)


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
