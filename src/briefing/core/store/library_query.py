"""The library list's queries: the ids in order under a filter, and rows by id.

Opening the window used to read every article, its counts and tags, and sort
them in Python before the first paint (~2 s at 50,000 articles). Now the list
asks for the order as ids only, read from a covering index (`articles_title`
for the first order by title, `articles_library` for the others: a few MB, never the
article pages with their text), and for the rows it shows a
page at a time. Sorting stays in Python over one column so that it is exactly the
list's rule (Unicode case-folding of titles, partial dates; core/library.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from briefing.core.library import (
    DATE,
    HIGHLIGHTS,
    LANGUAGE,
    PUBLISHER,
    TITLE,
    WORDS,
    LibraryFilter,
    LibraryRow,
    filter_text,
    first_spellings,
    matches_words,
    row_key,
)
from briefing.core.store.db import Database
from briefing.core.tags import tag_key

_COLUMN = {TITLE: "title", PUBLISHER: "publisher", DATE: "published", WORDS: "words",
           LANGUAGE: "language"}
_ROW_COLUMNS = "id, title, publisher, authors, published, words, language"
_COUNTS = ("SELECT h.article_id, coalesce(hp.perspective_key, ''), count(*) FROM highlights h "
           "LEFT JOIN highlight_perspectives hp ON hp.highlight_id = h.id ")
_TOTALS = "SELECT article_id, count(*) FROM highlights "
_TAGS = ("SELECT h.article_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id "
         "JOIN highlights h ON h.id = ht.highlight_id{h} UNION "
         "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id{a}")


def _authors(text: str) -> list[str]:
    value = json.loads(text or "[]")
    return [str(a) for a in value] if isinstance(value, list) else []


class LibraryQuery:
    """Read-only queries behind the library list."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- order ---------------------------------------------------------------------
    def order(self, flt: LibraryFilter, column: int | None = None, descending: bool = False,
              after_id: int = 0, up_to_id: int | None = None) -> list[int]:
        """Ids of the articles passing `flt` (with after_id < id <= up_to_id), sorted by
        `column` (None: by id) the list's way."""
        return [aid for _, aid in self.keyed_order(flt, column, descending, after_id,
                                                   up_to_id)]

    def keyed_order(self, flt: LibraryFilter, column: int | None = None,
                    descending: bool = False, after_id: int = 0, up_to_id: int | None = None
                    ) -> list[tuple[tuple, int]]:
        """`order` with each id's sort key: (key, id), in order."""
        where, params = self._where(flt, after_id, up_to_id)
        needed = ["id"]
        if column is not None and column in _COLUMN:
            needed.append(_COLUMN[column])
        if flt.words:
            needed += ["title", "publisher", "authors"]
        names = list(dict.fromkeys(needed))
        rows = self._tuples(f"SELECT {', '.join(names)} FROM articles a{where}", params)
        if flt.words:
            tags = self._tags_of(None)
            at = {name: i for i, name in enumerate(names)}
            t, p, a = at["title"], at["publisher"], at["authors"]
            rows = [r for r in rows if matches_words(flt.words, filter_text(
                r[t] or "(untitled)", r[p] or "", _authors(r[a]), tags.get(r[0], [])))]
        if column is None:
            return [((aid,), aid) for aid in sorted(r[0] for r in rows)]
        if column == HIGHLIGHTS:
            totals: dict[int, int] = {r[0]: r[1] for r in self.db.query(
                _TOTALS + "GROUP BY article_id")}
            keyed = [(row_key(column, descending, totals.get(r[0], 0), r[0]), r[0])
                     for r in rows]
        elif column == TITLE:  # the common case inline: ~4 us a row saved at 50,000 rows
            keyed = [(((r[1] or "(untitled)").lower(), r[0]), r[0]) for r in rows]
        elif column == PUBLISHER:
            keyed = [(((r[1] or "").lower(), r[0]), r[0]) for r in rows]
        else:
            keyed = [(row_key(column, descending, r[1], r[0]), r[0]) for r in rows]
        keyed.sort(reverse=descending)
        return keyed

    def _tuples(self, sql: str, params: list[object]) -> list[tuple]:
        """Rows as plain tuples: ~1 us a row less than sqlite3.Row over 50,000 rows."""
        with self.db.using() as conn:
            cursor = conn.cursor()
            cursor.row_factory = None
            try:
                return cursor.execute(sql, params).fetchall()
            finally:
                cursor.close()

    def _where(self, flt: LibraryFilter, after_id: int, up_to_id: int | None
               ) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if after_id:
            clauses.append("a.id > ?")
            params.append(after_id)
        if up_to_id is not None:  # "+": a bound alone must not turn a scan of the small
            # covering index into a walk over the table's pages (with their text)
            clauses.append("a.id <= ?" if after_id else "+a.id <= ?")
            params.append(up_to_id)
        if flt.articles is not None:
            clauses.append("a.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(flt.articles)))
        if flt.publisher is not None:
            clauses.append("a.publisher = ?")
            params.append(flt.publisher)
        if flt.perspective is not None:
            clauses.append("a.id IN (SELECT h.article_id FROM highlights h JOIN "
                           "highlight_perspectives hp ON hp.highlight_id = h.id "
                           "WHERE hp.perspective_key = ?)")
            params.append(flt.perspective)
        if flt.tag is not None:
            tag_ids = [r[0] for r in self.db.query("SELECT id, name FROM tags")
                       if tag_key(r[1]) == flt.tag]
            marks = json.dumps(tag_ids)
            clauses.append("(a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN "
                           "(SELECT value FROM json_each(?))) OR a.id IN (SELECT h.article_id "
                           "FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id "
                           "WHERE ht.tag_id IN (SELECT value FROM json_each(?))))")
            params += [marks, marks]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    # -- rows ----------------------------------------------------------------------
    def rows(self, article_ids: Iterable[int]) -> list[LibraryRow]:
        """The rows of these articles, in the order given (unknown ids left out)."""
        ids = list(article_ids)
        if not ids:
            return []
        marks = json.dumps(ids)
        found = {r["id"]: r for r in self.db.query(
            f"SELECT {_ROW_COLUMNS} FROM articles WHERE id IN "
            "(SELECT value FROM json_each(?))", (marks,))}
        extra = self._counts_and_tags(marks)
        out = []
        for aid in ids:
            if (a := found.get(aid)) is None:
                continue
            total, counts, tags = extra.get(aid, (0, {}, []))
            out.append(LibraryRow(
                aid, a["title"] or "(untitled)", a["publisher"] or "", _authors(a["authors"]),
                a["published"] or "", a["words"], counts, tags, a["language"] or "", total))
        return out

    def counts_and_tags(self, article_ids: Iterable[int]
                        ) -> dict[int, tuple[int, dict[str, int], list[str]]]:
        """Highlights and tags of these articles (what changes without an edit to the
        article): {id: (highlights, per-perspective counts, tags)}, articles with
        neither left out."""
        ids = list(article_ids)
        return self._counts_and_tags(json.dumps(ids)) if ids else {}

    def _counts_and_tags(self, marks: str) -> dict[int, tuple[int, dict[str, int], list[str]]]:
        within = "WHERE {} IN (SELECT value FROM json_each(?)) "
        totals = {r[0]: r[1] for r in self.db.query(
            _TOTALS + within.format("article_id") + "GROUP BY article_id", (marks,))}
        counts: dict[int, dict[str, int]] = {}
        for r in self.db.query(_COUNTS + within.format("h.article_id")
                               + "GROUP BY h.article_id, hp.perspective_key", (marks,)):
            counts.setdefault(r[0], {})[r[1]] = r[2]
        tags = self._tags_of(marks)
        return {aid: (totals.get(aid, 0), counts.get(aid, {}), tags.get(aid, []))
                for aid in {*totals, *tags}}

    def _tags_of(self, marks: str | None) -> dict[int, list[str]]:
        """{article id: its and its highlights' tags, one spelling each, A-Z folded}."""
        restrict = " WHERE {} IN (SELECT value FROM json_each(?))"
        sql = _TAGS.format(h=restrict.format("h.article_id") if marks else "",
                           a=restrict.format("at.article_id") if marks else "")
        out: dict[int, dict[str, str]] = {}
        for r in self.db.query(sql, (marks, marks) if marks else ()):
            out.setdefault(r[0], {}).setdefault(tag_key(r[1]), r[1])
        return {aid: sorted(names.values(), key=tag_key) for aid, names in out.items()}

    # -- what the filters offer, and change detection --------------------------------
    def publishers(self) -> list[str]:
        """Every publisher named, A-Z (case-insensitively)."""
        names = [r[0] for r in self.db.query(
            "SELECT DISTINCT publisher FROM articles WHERE publisher IS NOT NULL "
            "AND publisher != ''")]
        return sorted(names, key=str.lower)

    def tags(self) -> list[str]:
        """Every tag on an article or a highlight, A-Z, each once."""
        return first_spellings([r[0] for r in self.db.query(
            "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM highlight_tags "
            "UNION SELECT tag_id FROM article_tags) ORDER BY name")])

    def last_id(self) -> int:
        return int(self.db.scalar("SELECT coalesce(max(id), 0) FROM articles"))

    def count_between(self, after_id: int, up_to_id: int) -> int:
        """How many articles have an id in (after_id, up_to_id] (a range of the table)."""
        return int(self.db.scalar("SELECT count(*) FROM articles WHERE id > ? AND id <= ?",
                                  (after_id, up_to_id)))

    def count(self, up_to_id: int) -> int:
        """How many articles have an id up to this one ("+": counted over a small index,
        not over the table's pages)."""
        return int(self.db.scalar("SELECT count(*) FROM articles WHERE +id <= ?", (up_to_id,)))
