"""The selected highlights as CSV: one row per highlight, for spreadsheets.

Named `tabular` so it never shadows the standard library's csv module.
"""

from __future__ import annotations

import csv
import io

from briefing.core.export.sanitize import clean_text
from briefing.core.export.selection import BriefingContent

COLUMNS = ("reference", "section", "quote", "translation", "perspectives", "kind", "note", "reliability",
           "credibility", "tags", "publisher", "title", "published", "source_url", "article_id",
           "highlight_id", "start", "end", "orphaned")


def render_csv(content: BriefingContent) -> str:
    """CSV text (header row first); the caller writes it as UTF-8 with a BOM for Excel."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    marked = any(item.new_since for item in content.items)  # a brief's "New since" option
    writer.writerow(COLUMNS + ("new_since",) if marked else COLUMNS)
    for section in content.sections:
        for item in section.items:
            h, a = item.highlight, item.article
            row: tuple[object, ...] = (item.reference, section.heading, item.quote, item.translation, "; ".join(item.perspectives),
                   h.kind, item.note, h.reliability or "", h.credibility or "",
                   "; ".join(h.tags), a.publisher or "", a.title, a.published or "",
                   a.source_url or "", a.id, h.id, h.start, h.end, "yes" if h.orphaned else "")
            if marked:
                row += (item.new_since,)
            writer.writerow([clean_text(str(v)) for v in row])
    return buf.getvalue()
