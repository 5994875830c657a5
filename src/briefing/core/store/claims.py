"""Stored claims rows: figures anchored in their article, with the analyst's corrections.

Rows are created and refreshed by `sync` whenever the comparison is computed (from the
highlights and the pending suggestions of every article). A row is found again by where
its figure stands in the text: first its position, then its quote with the surrounding
context (the same re-anchoring highlights use), so re-cleaning an article moves the row
and keeps its id and corrections. A figure no longer found becomes inactive, never deleted:
should it come back (a rejected suggestion made a highlight), it keeps its id.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from briefing.core.anchoring import Anchor, make_anchor, reanchor
from briefing.core.errors import ClaimError
from briefing.core.models import NumericClaim, StoredClaim
from briefing.core.store.db import Database, inserted_id
from briefing.core.timeutil import now_iso

_COLUMNS = ('id, article_id, start, "end", quote, prefix, suffix, passage, highlight_id, '
            'figure, value_high, unit, subject, qualifier, perspectives, fixed_figure, '
            'fixed_subject, fixed_perspectives, excluded, active, orphaned')
CORRECTABLE = ("fixed_figure", "fixed_subject", "fixed_perspectives", "excluded")
# (article_id, passage, claim, highlight_id): what the comparison found
Found = tuple[int, str, NumericClaim, int | None]


def _row(r: sqlite3.Row) -> StoredClaim:
    fixed = r["fixed_perspectives"]
    return StoredClaim(
        id=r["id"], article_id=r["article_id"], start=r["start"], end=r["end"],
        quote=r["quote"], prefix=r["prefix"], suffix=r["suffix"], passage=r["passage"],
        highlight_id=r["highlight_id"], figure=r["figure"], value_high=r["value_high"],
        unit=r["unit"], subject=r["subject"], qualifier=r["qualifier"],
        perspectives=json.loads(r["perspectives"]), fixed_figure=r["fixed_figure"],
        fixed_subject=r["fixed_subject"],
        fixed_perspectives=None if fixed is None else json.loads(fixed),
        excluded=bool(r["excluded"]), active=bool(r["active"]), orphaned=bool(r["orphaned"]))


def _detected(article_id: int, passage: str, claim: NumericClaim,
              highlight_id: int | None) -> dict[str, object]:
    return {"passage": passage, "highlight_id": highlight_id, "figure": claim.figure,
            "value_high": getattr(claim, "value_high", None), "unit": claim.unit,
            "subject": claim.subject, "qualifier": claim.qualifier,
            "perspectives": list(claim.perspectives), "active": True, "orphaned": False}


class ClaimStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading ---------------------------------------------------------------
    def get(self, claim_id: int) -> StoredClaim | None:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM claims WHERE id = ?", (claim_id,))
        return _row(rows[0]) if rows else None

    def by_ids(self, claim_ids: Iterable[int]) -> dict[int, StoredClaim]:
        """Rows by id (missing ids are left out)."""
        ids = list(dict.fromkeys(claim_ids))
        out: dict[int, StoredClaim] = {}
        for at in range(0, len(ids), 500):
            chunk = ids[at:at + 500]
            for r in self.db.query(f"SELECT {_COLUMNS} FROM claims WHERE id IN "
                                   f"({','.join('?' * len(chunk))})", chunk):
                out[r["id"]] = _row(r)
        return out

    def article_ids(self) -> set[int]:
        """Articles that have stored rows."""
        return {r[0] for r in self.db.query("SELECT DISTINCT article_id FROM claims")}

    def rows(self, article_ids: Iterable[int] | None = None) -> list[StoredClaim]:
        """Every row (active or not), optionally of some articles."""
        sql, params = f"SELECT {_COLUMNS} FROM claims", []
        if article_ids is not None:
            ids = list(article_ids)
            sql += f" WHERE article_id IN ({','.join('?' * len(ids)) or 'NULL'})"
            params = ids
        return [_row(r) for r in self.db.query(sql + " ORDER BY article_id, start, id", params)]

    # -- refreshing from what the comparison found -----------------------------------
    def sync(self, texts: Mapping[int, str], found: Sequence[Found],
             write: bool = True) -> list[StoredClaim | None]:
        """The stored row of each found figure (in `found`'s order), creating and refreshing
        rows when `write`; without it (a read-only workspace) unknown figures get None.

        `texts` are the current cleaned texts of the articles looked at: their rows are
        re-anchored, and rows of those articles found no more become inactive.
        """
        stored = self.rows(texts.keys())
        changed: dict[int, StoredClaim] = {}
        for row in stored:
            text = texts[row.article_id]
            if not row.orphaned and text[row.start:row.end] == row.quote:
                continue
            span = reanchor(text, Anchor(row.start, row.end, row.quote, row.prefix, row.suffix))
            if span is None:
                if not row.orphaned or row.active:
                    changed[row.id] = replace(row, orphaned=True, active=False)
                continue
            at = make_anchor(text, *span)
            changed[row.id] = replace(row, start=at.start, end=at.end, quote=at.quote,
                                      prefix=at.prefix, suffix=at.suffix, orphaned=False)
        places: dict[tuple[int, int, int], StoredClaim] = {}
        for old in stored:
            now_row = changed.get(old.id, old)
            if not now_row.orphaned:
                places.setdefault((now_row.article_id, now_row.start, now_row.end), now_row)
        out: list[StoredClaim | None] = []
        new: list[tuple[int, Found]] = []
        matched: set[int] = set()
        for i, item in enumerate(found):
            article_id, passage, claim, highlight_id = item
            hit = places.get((article_id, claim.start, claim.end))
            if hit is None or hit.id in matched:
                new.append((i, item))
                out.append(None)
                continue
            matched.add(hit.id)
            fresh = replace(hit, **_detected(*item))  # type: ignore[arg-type]
            if fresh != hit:
                changed[hit.id] = fresh
            out.append(fresh)
        for old in stored:
            now_row = changed.get(old.id, old)
            if now_row.active and now_row.id not in matched:
                changed[old.id] = replace(now_row, active=False)
        if not write or not (changed or new):
            return out
        now = now_iso()
        with self.db.transaction() as conn:
            for row in changed.values():
                self._write(conn, row, now)
            for i, (article_id, passage, claim, highlight_id) in new:
                text = texts[article_id]
                try:
                    anchor = make_anchor(text, claim.start, claim.end)
                except ValueError:
                    continue
                d = _detected(article_id, passage, claim, highlight_id)
                cur = conn.execute(
                    f"INSERT INTO claims({_COLUMNS}, created, modified) VALUES "
                    "(NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,NULL,0,1,0,?,?)",
                    (article_id, anchor.start, anchor.end, anchor.quote, anchor.prefix,
                     anchor.suffix, passage, highlight_id, claim.figure, d["value_high"],
                     claim.unit, claim.subject, claim.qualifier,
                     json.dumps(list(claim.perspectives)), now, now))
                out[i] = StoredClaim(
                    id=inserted_id(cur), article_id=article_id, start=anchor.start,
                    end=anchor.end, quote=anchor.quote, prefix=anchor.prefix,
                    suffix=anchor.suffix, passage=passage, highlight_id=highlight_id,
                    figure=claim.figure, unit=claim.unit, subject=claim.subject,
                    qualifier=claim.qualifier, perspectives=list(claim.perspectives),
                    value_high=d["value_high"])  # type: ignore[arg-type]
        return out

    def _write(self, conn: sqlite3.Connection, row: StoredClaim, now: str) -> None:
        conn.execute(
            'UPDATE claims SET start = ?, "end" = ?, quote = ?, prefix = ?, suffix = ?, '
            "passage = ?, highlight_id = ?, figure = ?, value_high = ?, unit = ?, subject = ?, "
            "qualifier = ?, perspectives = ?, active = ?, orphaned = ?, modified = ? "
            "WHERE id = ?",
            (row.start, row.end, row.quote, row.prefix, row.suffix, row.passage,
             row.highlight_id, row.figure, row.value_high, row.unit, row.subject,
             row.qualifier, json.dumps(row.perspectives), int(row.active), int(row.orphaned),
             now, row.id))

    # -- the analyst's corrections ---------------------------------------------------
    def correct(self, claim_id: int, **changes: object) -> StoredClaim:
        """Set corrections: fixed_figure, fixed_subject, fixed_perspectives (None drops the
        correction) and excluded. Returns the row as it is now."""
        unknown = set(changes) - set(CORRECTABLE)
        if unknown:
            raise ClaimError(f"cannot correct {', '.join(sorted(unknown))}")
        current = self.get(claim_id)
        if current is None:
            raise ClaimError(f"no claim #{claim_id}; `briefing claims --json` shows the ids")
        new = replace(current, **changes)  # type: ignore[arg-type]
        figure = new.fixed_figure
        if figure is not None and (not isinstance(figure, int | float) or not math.isfinite(figure)
                                   or figure < 0):
            raise ClaimError(f"a figure must be a number of zero or more, not {figure!r}")
        if new.fixed_subject is not None:
            new.fixed_subject = " ".join(str(new.fixed_subject).split())
            if not new.fixed_subject:
                raise ClaimError("the subject cannot be empty")
        if new.fixed_perspectives is not None:
            known = {r[0] for r in self.db.query("SELECT key FROM perspectives")}
            keys = list(dict.fromkeys(new.fixed_perspectives))
            missing = [k for k in keys if k not in known]
            if missing:
                raise ClaimError(f"unknown perspective {missing[0]!r}")
            new.fixed_perspectives = keys
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE claims SET fixed_figure = ?, fixed_subject = ?, fixed_perspectives = ?, "
                "excluded = ?, modified = ? WHERE id = ?",
                (None if figure is None else float(figure), new.fixed_subject,
                 None if new.fixed_perspectives is None else json.dumps(new.fixed_perspectives),
                 int(bool(new.excluded)), now_iso(), claim_id))
        return self.get(claim_id)  # type: ignore[return-value]
