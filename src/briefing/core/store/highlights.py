"""Highlight rows: create, edit, delete, restore (for undo), list, re-anchor, rejections."""

from __future__ import annotations

import builtins  # `list` is a method here; annotations name the type through builtins
import sqlite3
from collections.abc import Iterable
from dataclasses import replace

from briefing.core.anchoring import Anchor, make_anchor, reanchor
from briefing.core.errors import HighlightError
from briefing.core.models import CREDIBILITY_GRADES, HIGHLIGHT_KINDS, RELIABILITY_GRADES, Highlight
from briefing.core.store.articles import ensure_tag, queue_for_index
from briefing.core.store.db import Database, inserted_id
from briefing.core.tags import TagError, merge_tags, tag_key
from briefing.core.timeutil import now_iso

_COLUMNS = ('id, article_id, start, "end", quote, prefix, suffix, kind, note, reliability, '
            'credibility, orphaned, created, modified, translation')
EDITABLE = {"perspectives", "kind", "note", "translation", "reliability", "credibility", "tags"}


def validate(kind: str | None = None, reliability: str | None = None,
             credibility: int | None = None) -> None:
    if kind is not None and kind not in HIGHLIGHT_KINDS:
        raise HighlightError(f"unknown kind {kind!r}; use one of {', '.join(HIGHLIGHT_KINDS)}")
    if reliability is not None and reliability not in RELIABILITY_GRADES:
        raise HighlightError(f"source reliability must be A-F, not {reliability!r}")
    if credibility is not None and credibility not in CREDIBILITY_GRADES:
        raise HighlightError(f"information credibility must be 1-6, not {credibility!r}")


class HighlightStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading ---------------------------------------------------------------
    def _hydrate(self, rows: list[sqlite3.Row]) -> list[Highlight]:
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        persp: dict[int, list[str]] = {}
        tags: dict[int, list[str]] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.query(
                    f"SELECT highlight_id, perspective_key FROM highlight_perspectives "
                    f"WHERE highlight_id IN ({marks}) ORDER BY position", chunk):
                persp.setdefault(r[0], []).append(r[1])
            for r in self.db.query(
                    f"SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t "
                    f"ON t.id = ht.tag_id WHERE ht.highlight_id IN ({marks}) ORDER BY t.name",
                    chunk):
                tags.setdefault(r[0], []).append(r[1])
        return [Highlight(
            id=r["id"], article_id=r["article_id"], start=r["start"], end=r["end"],
            quote=r["quote"], prefix=r["prefix"], suffix=r["suffix"],
            perspectives=persp.get(r["id"], []), kind=r["kind"], note=r["note"],
            translation=r["translation"],
            reliability=r["reliability"], credibility=r["credibility"],
            tags=tags.get(r["id"], []), orphaned=bool(r["orphaned"]), created=r["created"],
            modified=r["modified"]) for r in rows]

    def get(self, highlight_id: int) -> Highlight | None:
        found = self._hydrate(self.db.query(f"SELECT {_COLUMNS} FROM highlights WHERE id = ?",
                                            (highlight_id,)))
        return found[0] if found else None

    def for_article(self, article_id: int) -> list[Highlight]:
        return self._hydrate(self.db.query(
            f"SELECT {_COLUMNS} FROM highlights WHERE article_id = ? ORDER BY start, id",
            (article_id,)))

    def list(self, article_ids: Iterable[int] | None = None,
             perspectives: Iterable[str] | None = None,
             tags: Iterable[str] | None = None) -> list[Highlight]:
        """Highlights, optionally of some articles and/or carrying any of some perspectives
        and/or any of some tags (matched case-folded)."""
        sql = f"SELECT {_COLUMNS} FROM highlights WHERE 1=1"
        params: list[object] = []
        if article_ids is not None:
            ids = list(article_ids)
            sql += f" AND article_id IN ({','.join('?' * len(ids)) or 'NULL'})"
            params += ids
        if perspectives is not None:
            keys = list(perspectives)
            sql += (" AND id IN (SELECT highlight_id FROM highlight_perspectives WHERE "
                    f"perspective_key IN ({','.join('?' * len(keys)) or 'NULL'}))")
            params += keys
        found = self._hydrate(self.db.query(sql + " ORDER BY article_id, start, id", params))
        if tags is not None:
            wanted = {tag_key(t) for t in tags}
            found = [h for h in found if wanted & {tag_key(t) for t in h.tags}]
        return found

    def tags_by_article(self) -> dict[int, builtins.list[str]]:
        """{article_id: tags of its highlights and of the article itself}, each tag once."""
        out: dict[int, dict[str, str]] = {}
        for r in self.db.query(
                "SELECT h.article_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id "
                "JOIN highlights h ON h.id = ht.highlight_id UNION "
                "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"):
            out.setdefault(r[0], {}).setdefault(tag_key(r[1]), r[1])
        return {aid: sorted(names.values(), key=tag_key) for aid, names in out.items()}

    def all_tags(self) -> builtins.list[str]:
        """Every tag on a highlight or an article, A-Z (what a completer offers)."""
        names = [r[0] for r in self.db.query(
            "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM highlight_tags "
            "UNION SELECT tag_id FROM article_tags)")]
        return sorted(names, key=tag_key)

    def counts_by_article(self) -> dict[int, dict[str, int]]:
        """{article_id: {perspective_key: n}} with key '' for highlights with no perspective."""
        out: dict[int, dict[str, int]] = {}
        for r in self.db.query(
                "SELECT h.article_id, coalesce(hp.perspective_key, ''), count(*) FROM highlights h "
                "LEFT JOIN highlight_perspectives hp ON hp.highlight_id = h.id "
                "GROUP BY h.article_id, hp.perspective_key"):
            out.setdefault(r[0], {})[r[1]] = r[2]
        return out

    # -- writing -----------------------------------------------------------------
    def add(self, article_id: int, text: str, start: int, end: int,
            perspectives: Iterable[str] = (), kind: str = "claim", note: str = "",
            reliability: str | None = None, credibility: int | None = None,
            tags: Iterable[str] = (), translation: str = "") -> Highlight:
        """Mark text[start:end] of the article (its current cleaned text)."""
        validate(kind, reliability, credibility)
        tags = _clean_tags(tags)
        try:
            anchor = make_anchor(text, start, end)
        except ValueError as exc:
            raise HighlightError(str(exc)) from None
        if not anchor.quote.strip():
            raise HighlightError("the selection is empty")
        now = now_iso()
        with self.db.transaction() as conn:
            cur = conn.execute(
                f"INSERT INTO highlights({_COLUMNS}) VALUES (NULL,?,?,?,?,?,?,?,?,?,?,0,?,?,?)",
                (article_id, anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix,
                 kind, note, reliability, credibility, now, now, translation))
            hid = inserted_id(cur)
            self._write_links(conn, hid, perspectives, tags)
            queue_for_index(conn, [article_id])
        return self.get(hid)  # type: ignore[return-value]

    def _write_links(self, conn: sqlite3.Connection, hid: int, perspectives: Iterable[str],
                     tags: Iterable[str]) -> None:
        conn.execute("DELETE FROM highlight_perspectives WHERE highlight_id = ?", (hid,))
        seen: list[str] = []
        for key in perspectives:
            if key not in seen:
                seen.append(key)
        for pos, key in enumerate(seen):
            try:
                conn.execute("INSERT INTO highlight_perspectives VALUES (?, ?, ?)", (hid, key, pos))
            except sqlite3.IntegrityError:
                raise HighlightError(f"unknown perspective {key!r}") from None
        conn.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", (hid,))
        for name in _clean_tags(tags):
            conn.execute("INSERT OR IGNORE INTO highlight_tags VALUES (?, ?)",
                         (hid, ensure_tag(conn, name)))

    def update(self, highlight_id: int, **changes: object) -> Highlight:
        """Edit perspectives, kind, note, translation, grading or tags of one highlight."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise HighlightError(f"cannot edit {', '.join(sorted(unknown))}")
        current = self.get(highlight_id)
        if current is None:
            raise HighlightError(f"no highlight {highlight_id}")
        new = replace(current, **changes)  # type: ignore[arg-type]
        validate(new.kind, new.reliability, new.credibility)
        with self.db.transaction() as conn:
            conn.execute("UPDATE highlights SET kind = ?, note = ?, translation = ?, "
                         "reliability = ?, credibility = ?, modified = ? WHERE id = ?",
                         (new.kind, new.note, new.translation, new.reliability, new.credibility,
                          now_iso(), highlight_id))
            self._write_links(conn, highlight_id, new.perspectives, new.tags)
            queue_for_index(conn, [current.article_id])
        return self.get(highlight_id)  # type: ignore[return-value]

    def retag(self, highlight_id: int, add: Iterable[str] = (),
              remove: Iterable[str] = ()) -> Highlight:
        """Add and remove tags of one highlight (case-folded match; a known tag keeps its case)."""
        current = self.get(highlight_id)
        if current is None:
            raise HighlightError(f"no highlight {highlight_id}")
        known = {tag_key(t): t for t in self.all_tags()}
        try:
            wanted = merge_tags(current.tags, add, remove)
        except TagError as exc:
            raise HighlightError(str(exc)) from None
        wanted = [known.get(tag_key(t), t) for t in wanted]
        if sorted(map(tag_key, wanted)) == sorted(map(tag_key, current.tags)):
            return current
        return self.update(highlight_id, tags=wanted)

    def delete(self, highlight_id: int) -> Highlight | None:
        """Remove a highlight; returns it as it was, so undo can restore it."""
        current = self.get(highlight_id)
        if current is None:
            return None
        with self.db.transaction() as conn:
            current.brief_rows = [tuple(r) for r in conn.execute(
                "SELECT brief_id, position, chosen FROM brief_highlights WHERE highlight_id = ?",
                (highlight_id,)).fetchall()]
            conn.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
            queue_for_index(conn, [current.article_id])
        return current

    def restore(self, h: Highlight) -> Highlight:
        """Put back a deleted highlight with its id and every field (undo of delete)."""
        with self.db.transaction() as conn:
            conn.execute(
                f"INSERT INTO highlights({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (h.id, h.article_id, h.start, h.end, h.quote, h.prefix, h.suffix, h.kind, h.note,
                 h.reliability, h.credibility, int(h.orphaned), h.created, now_iso(),
                 h.translation))
            self._write_links(conn, h.id, h.perspectives, h.tags)
            for brief_id, position, chosen in h.brief_rows:  # the briefs that still exist
                conn.execute("INSERT OR IGNORE INTO brief_highlights(brief_id, highlight_id, "
                             "position, chosen) SELECT id, ?, ?, ? FROM briefs WHERE id = ?",
                             (h.id, position, chosen, brief_id))
            queue_for_index(conn, [h.article_id])
        return self.get(h.id)  # type: ignore[return-value]

    def add_orphan(self, article_id: int, quote: str, start: int, end: int,
                   perspectives: Iterable[str] = (), kind: str = "claim", note: str = "",
                   reliability: str | None = None, credibility: int | None = None,
                   tags: Iterable[str] = (), translation: str = "") -> Highlight:
        """A highlight whose passage is not in the article's text (carried over from an
        archive): it keeps its quote and fields, marked orphaned, never dropped."""
        validate(kind, reliability, credibility)
        now = now_iso()
        with self.db.transaction() as conn:
            cur = conn.execute(
                f"INSERT INTO highlights({_COLUMNS}) VALUES (NULL,?,?,?,?,'','',?,?,?,?,1,?,?,?)",
                (article_id, start, end, quote, kind, note, reliability, credibility, now, now,
                 translation))
            hid = inserted_id(cur)
            self._write_links(conn, hid, perspectives, tags)
            queue_for_index(conn, [article_id])
        return self.get(hid)  # type: ignore[return-value]

    def reanchor_article(self, conn: sqlite3.Connection, article_id: int, text: str) -> tuple[int, int]:
        """Place every highlight of an article in its new text (caller's transaction).

        Returns (placed, orphaned). Orphans keep their quote and old offsets.
        """
        placed = orphaned = 0
        rows = conn.execute(f"SELECT {_COLUMNS} FROM highlights WHERE article_id = ?",
                            (article_id,)).fetchall()
        for r in rows:
            anchor = Anchor(r["start"], r["end"], r["quote"], r["prefix"], r["suffix"])
            span = reanchor(text, anchor)
            if span is None:
                conn.execute("UPDATE highlights SET orphaned = 1 WHERE id = ?", (r["id"],))
                orphaned += 1
                continue
            fresh = make_anchor(text, *span)
            conn.execute('UPDATE highlights SET start = ?, "end" = ?, quote = ?, prefix = ?, '
                         "suffix = ?, orphaned = 0 WHERE id = ?",
                         (fresh.start, fresh.end, fresh.quote, fresh.prefix, fresh.suffix, r["id"]))
            placed += 1
        return placed, orphaned

    # -- suggestion rejections ----------------------------------------------------
    def reject_suggestion(self, article_id: int, quote: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO rejected_suggestions VALUES (?, ?, ?)",
                         (article_id, quote, now_iso()))

    def unreject_suggestion(self, article_id: int, quote: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM rejected_suggestions WHERE article_id = ? AND quote = ?",
                         (article_id, quote))

    def rejected_quotes(self, article_id: int) -> set[str]:
        return {r[0] for r in self.db.query(
            "SELECT quote FROM rejected_suggestions WHERE article_id = ?", (article_id,))}


def _clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as stored: normalised, one per case-folded name; HighlightError for a bad one."""
    try:
        return merge_tags([], [t for t in tags if str(t).strip()])
    except TagError as exc:
        raise HighlightError(str(exc)) from None
