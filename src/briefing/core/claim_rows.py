"""Line up the library's figures as stored, correctable claims rows.

`suggestions.library_comparisons` finds the figures (in highlights and pending suggestions);
this module stores them (`ws.claims.sync`: stable ids), applies the analyst's corrections
(figure, subject, perspectives, exclusion) and judges each row with the articles' dates and
outlets. Every consumer (the claims view, the CLI, the note's comparison table) reads these
rows, so a correction shows everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from briefing.core.claims.comparison import filter_subject, group_entries
from briefing.core.claims.status import source_key
from briefing.core.errors import ClaimError
from briefing.core.models import Article, ClaimComparison, ComparisonEntry, StoredClaim
from briefing.core.store.claims import Found
from briefing.core.workspace import Workspace

_SCALES = {"": 1.0, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6,
           "b": 1e9, "bn": 1e9, "billion": 1e9}
_NUMBER = re.compile(r"\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*")


def parse_figure(text: str) -> float:
    """A figure as the analyst types it: '12000', '12,000', '2.8m', '5.5 billion'."""
    m = _NUMBER.fullmatch(text)
    scale = _SCALES.get(m.group(2).lower()) if m else None
    if m is None or scale is None:
        raise ClaimError(f"{text!r} is not a figure; write it like 12000, 12,000 or 2.8m")
    return float(m.group(1).replace(",", "")) * scale


def figure_text(value: float) -> str:
    """A corrected figure as a person writes it: 12,000 · 2.5 · 1,250,000."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _dedupe(found: Sequence[Found]) -> list[Found]:
    """One figure per place in an article; a highlight wins over its suggestion."""
    out: list[Found] = []
    at: dict[tuple[int, int, int], int] = {}
    for item in found:
        article_id, _passage, claim, highlight_id = item
        place = (article_id, claim.start, claim.end)
        i = at.get(place)
        if i is None:
            at[place] = len(out)
            out.append(item)
        elif out[i][3] is None and highlight_id is not None:
            out[i] = item
    return out


def entry_for(item: Found, row: StoredClaim | None, article: Article | None) -> ComparisonEntry:
    """The comparison entry of a found figure, with the analyst's corrections applied."""
    article_id, passage, claim, highlight_id = item
    entry = ComparisonEntry(
        figure=claim.figure, text=claim.text, perspectives=list(claim.perspectives),
        article_id=article_id, quote=passage, start=claim.start, end=claim.end,
        highlight_id=highlight_id, qualifier=claim.qualifier,
        value_high=getattr(claim, "value_high", None))
    if article is not None:
        entry.published = article.published
        entry.source = source_key(article.publisher, article.source_url, article.id)
    if row is None:
        return entry
    entry.claim_id = row.id
    entry.excluded = row.excluded
    entry.corrected = row.corrected
    if row.fixed_figure is not None:
        entry.article_text = claim.text
        entry.figure, entry.value_high = row.fixed_figure, None
        entry.text = figure_text(row.fixed_figure)
    if row.fixed_perspectives is not None:
        entry.perspectives = list(row.fixed_perspectives)
    return entry


def line_up(ws: Workspace, found: Sequence[Found], texts: Mapping[int, str],
            articles: Mapping[int, Article], subject: str | None = None,
            include_excluded: bool = False) -> list[ClaimComparison]:
    """Store the found figures (when the workspace is writable) and compare them.

    Excluded rows are left out (their status would not count anyway) unless
    `include_excluded`, which the claims view uses so they can be included again.
    """
    found = _dedupe(found)
    rows = ws.claims.sync(texts, found, write=not ws.readonly)
    items: list[tuple[str, str, ComparisonEntry]] = []
    for item, row in zip(found, rows, strict=True):
        entry = entry_for(item, row, articles.get(item[0]))
        if entry.excluded and not include_excluded:
            continue
        claim = item[2]
        label: str = claim.subject
        if row is not None and row.fixed_subject:
            label = row.fixed_subject
        items.append((label, claim.unit, entry))
    return filter_subject(group_entries(items), subject)


def recorrect(ws: Workspace, rows: Sequence[ClaimComparison], subject: str | None = None,
              include_excluded: bool = True) -> list[ClaimComparison]:
    """`rows` again with the corrections as stored now, without finding the figures again.

    After a correction (or its undo) only the corrections changed: this regroups and
    re-judges in milliseconds where `library_comparisons` reads every article.
    """
    entries = [(r, e) for r in rows for e in r.entries]
    stored = ws.claims.by_ids(e.claim_id for _r, e in entries if e.claim_id is not None)
    items: list[tuple[str, str, ComparisonEntry]] = []
    for r, e in entries:
        row = stored.get(e.claim_id) if e.claim_id is not None else None
        if row is None:
            items.append((r.subject, r.unit, replace(e)))
            continue
        fixed = row.fixed_figure is not None
        figure = row.fixed_figure if row.fixed_figure is not None else row.figure
        entry = replace(
            e, figure=figure, text=figure_text(figure) if fixed else row.quote,
            value_high=None if fixed else row.value_high, article_text=row.quote if fixed else "",
            perspectives=list(row.fixed_perspectives if row.fixed_perspectives is not None
                              else row.perspectives),
            excluded=row.excluded, corrected=row.corrected)
        if entry.excluded and not include_excluded:
            continue
        items.append((row.fixed_subject or row.subject, row.unit, entry))
    return filter_subject(group_entries(items), subject)
