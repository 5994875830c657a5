"""Parsing what the user typed into a Whoosh query, and never failing on it.

Bare words must all match (AND), each looked up in title, body, publisher,
authors, tags and highlights. Whoosh's language works: AND/OR/NOT, "phrases",
prefix*, field:value, ranges. A query that does not parse cleanly (unbalanced
quote or bracket, a lone operator, a field without a value, a bad date) is
searched as its plain words instead, and the reason goes back as a message.
"""

from __future__ import annotations

import re

from whoosh import query
from whoosh.fields import Schema
from whoosh.qparser import (
    AndGroup,
    FieldAliasPlugin,
    MultifieldParser,
)

from briefing.core.search.analysis import TOKEN_RE, fold
from briefing.core.search.multiscript import Library, ScriptAwareParser
from briefing.core.search.phrase import exact_phrases
from briefing.core.search.schema import DEFAULT_FIELDS

ALIASES = {
    "text": ["body", "all"],
    "date": ["published", "dated"],
    "authors": ["author", "by"],
    "perspective": ["perspectives", "persp"],
    "tags": ["tag"],
    "language": ["lang"],
    "highlights": ["highlight", "notes", "note"],
    "publisher": ["source"],
}
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_QUOTED = re.compile(r'"[^"]*"')
_FIELD_PREFIX = re.compile(r"\b(\w+):")
_DATE_CLAUSE = re.compile(r"\b(?:date|published|dated):(?:\[[^\]]*\]|\{[^}]*\}|\S*)")
_PAIRS = {")": "(", "]": "[", "}": "{"}


def make_parser(schema: Schema, library: Library | None = None) -> ScriptAwareParser:
    parser = ScriptAwareParser.multifield(list(DEFAULT_FIELDS), schema, group=AndGroup)
    if library is not None:
        parser.library = library
    parser.add_plugin(FieldAliasPlugin(ALIASES))
    return parser


def _field_names(schema: Schema) -> set[str]:
    names = set(schema.names())
    for aliases in ALIASES.values():
        names.update(aliases)
    return names


def problem(text: str, schema: Schema) -> str | None:
    """Why `text` would not parse as the user meant, or None when it looks well formed."""
    if text.count('"') % 2:
        return "unbalanced quote"
    bare = _QUOTED.sub(" ", text)
    stack: list[str] = []
    for ch in bare:
        if ch in "([{":
            stack.append(ch)
        elif ch in _PAIRS and (not stack or stack.pop() != _PAIRS[ch]):
            return "unbalanced bracket"
    if stack:
        return "unbalanced bracket"
    words = re.sub(r"[()\[\]{}]", " ", bare).split()
    ops = [w in OPERATORS for w in words]
    if words and (ops[0] and words[0] != "NOT" or ops[-1]):
        return f"a lone {words[0] if ops[0] and words[0] != 'NOT' else words[-1]}"
    for i in range(1, len(words)):
        if ops[i] and ops[i - 1] and words[i] != "NOT":
            return f"two operators in a row ({words[i - 1]} {words[i]})"
    fields = _field_names(schema)
    marked = _QUOTED.sub('"q"', text)
    for m in _FIELD_PREFIX.finditer(marked):
        rest = marked[m.end():]
        if m.group(1) in fields and (not rest or rest[0].isspace() or rest[0] in ")]}:"):
            return f"{m.group(1)}: without a value"
    if re.search(r"(^|\s):|:(\s|$)", marked):
        return "a stray colon"
    return None


def plain_words(text: str) -> str:
    """The query's words without syntax: operators, field names and punctuation dropped."""
    text = _DATE_CLAUSE.sub(" ", text)  # a date is no use as a word
    text = _FIELD_PREFIX.sub(" ", text)
    words = [m.group(0) for m in TOKEN_RE.finditer(text) if m.group(0) not in OPERATORS]
    return " ".join(words)


def _errors(q: query.Query) -> list[str]:
    found = []
    if getattr(q, "error", None):
        found.append(str(q.error))
    if q.is_leaf():
        return found
    for child in q.children():
        found.extend(_errors(child))
    return found


def _fold_wildcards(q: query.Query) -> query.Query:
    """Prefix and wildcard text is not analysed by Whoosh: fold it like indexed words."""
    if isinstance(q, query.Wildcard | query.Prefix):
        q = q.copy()
        q.text = fold(q.text)
    return q


def _is_null(q: query.Query) -> bool:
    return isinstance(q, type(query.NullQuery))


def parse(parser: MultifieldParser, text: str) -> tuple[query.Query | None, str | None]:
    """(query or None when nothing is left to search, message or None)."""
    reason = problem(text, parser.schema)
    if reason is None:
        try:
            q = parser.parse(text, normalize=False)
            errors = _errors(q)
            if errors:
                reason = errors[0]
            else:
                q = q.normalize().accept(_fold_wildcards).accept(exact_phrases)
                if not _is_null(q):
                    return q, None
                return None, "nothing to search for: only very common words or operators"
        except Exception as exc:  # noqa: BLE001 - any parser failure means "search the words"
            reason = f"could not read the query ({exc.__class__.__name__})"
    return words_query(parser, text, reason)


def words_query(parser: MultifieldParser, text: str, reason: str
                ) -> tuple[query.Query | None, str]:
    """Fallback: every plain word of `text` must match."""
    words = plain_words(text)
    if not words:
        return None, f"{reason} — nothing left to search for"
    q = parser.parse(words).accept(_fold_wildcards).accept(exact_phrases)
    if _is_null(q):
        return None, f"{reason} — nothing left to search for"
    return q, f"{reason} — searched the words instead"
