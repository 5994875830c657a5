"""Tree model of the numeric claims comparison: one subject per parent, one source per child.

Built from core `ClaimComparison` rows (plain data). Children carry the
article id, passage span and stored claim id in custom roles so the view can open
the source and correct the row. A subject whose independent sources contradict each
other is marked: warning sign, bold red text and a tooltip giving the spread; a figure
that changed over time says so. Corrected figures carry ✎ and say what the article
wrote; excluded ones are struck through and greyed. Every cell of a figure shows the
full passage on hover.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from briefing.core.export.selection import short_date
from briefing.core.models import Article, ClaimComparison, ComparisonEntry, Perspective
from briefing.ui.highlights_model import swatch_icon

DISAGREE = QColor("#c0392b")
CHANGED = QColor("#b9770e")
EXCLUDED = QColor("#8a8a8a")
VERDICTS = {"disagree": "sources disagree", "changed": "changed over time",
            "agree": "sources agree", "single": ""}
ENTRY_STATUS = {"disagree": "Contradicted by another source's figure",
                "changed": "Differs from a figure published more than a month apart",
                "agree": "An independent source gives a compatible figure",
                "single": "No independent source to compare with"}


class ClaimsModel(QStandardItemModel):
    """Subjects and their figures, source by source."""

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    SpanRole = Qt.ItemDataRole.UserRole + 2  # (start, end) of the passage
    EntryRole = Qt.ItemDataRole.UserRole + 3  # the ComparisonEntry (children)
    ComparisonRole = Qt.ItemDataRole.UserRole + 4  # the ClaimComparison (parents)
    DisagreementRole = Qt.ItemDataRole.UserRole + 5
    ClaimIdRole = Qt.ItemDataRole.UserRole + 6  # the stored claims row (children)
    StatusRole = Qt.ItemDataRole.UserRole + 7  # agree | disagree | changed | single

    COLUMNS = ("Figure", "Perspectives", "Source", "Date", "Passage")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(list(self.COLUMNS))

    def set_comparisons(self, rows: Sequence[ClaimComparison],
                        perspectives: Sequence[Perspective],
                        articles: dict[int, Article]) -> None:
        self.removeRows(0, self.rowCount())
        by_key = {p.key: p for p in perspectives}
        for comparison in rows:
            self.appendRow(self._parent_row(comparison, by_key))
            parent = self.item(self.rowCount() - 1, 0)
            for entry in comparison.entries:
                parent.appendRow(self._entry_row(entry, by_key, articles))

    def _parent_row(self, c: ClaimComparison, by_key: dict[str, Perspective]) -> list[QStandardItem]:
        """One line per subject (the view spans it across the columns)."""
        shown = [e for e in c.entries if not e.excluded] or c.entries  # excluded don't count
        ordered = sorted(shown, key=lambda e: e.figure)
        spread = "" if not ordered else (
            ordered[0].text if ordered[0].figure == ordered[-1].figure
            else f"{ordered[0].text} – {ordered[-1].text}")
        live = [e for e in c.entries if not e.excluded]
        sources = {e.source or f"article:{e.article_id}" for e in live}
        counts = (f"{len(live)} figure{'s' if len(live) != 1 else ''} from "
                  f"{len(sources)} source{'s' if len(sources) != 1 else ''}")
        if len(live) < len(c.entries):
            counts += f" ({len(c.entries) - len(live)} excluded)"
        status = "disagree" if c.disagreement else c.status if c.status in VERDICTS else "single"
        verdict = VERDICTS[status]
        label = f"{c.subject} ({c.unit})" if c.unit and c.unit.lower() not in c.subject.lower() \
            else c.subject
        text = " · ".join(x for x in (f"{label}: {spread}", verdict, counts) if x)
        mark = {"disagree": "⚠ ", "changed": "◷ "}.get(status, "")
        subject = QStandardItem(mark + text)
        subject.setData(c, self.ComparisonRole)
        subject.setData(c.disagreement, self.DisagreementRole)
        subject.setData(status, self.StatusRole)
        subject.setEditable(False)
        bold = QFont()
        bold.setBold(True)
        subject.setFont(bold)
        # The line is elided at the view's width ("· 47 figures f…"): the tooltip holds it
        # whole, then what the verdict means.
        why = ""
        if status == "disagree":
            subject.setForeground(DISAGREE)
            why = f"Independent sources give different figures for {c.subject}: {spread}"
        elif status == "changed":
            subject.setForeground(CHANGED)
            why = (f"The figures for {c.subject} differ between articles published more than "
                   f"a month apart: {spread}")
        subject.setToolTip("\n".join(x for x in (text, why) if x))
        rest = [QStandardItem("") for _ in self.COLUMNS[1:]]
        for item in rest:
            item.setEditable(False)
        return [subject, *rest]

    def _entry_row(self, e: ComparisonEntry, by_key: dict[str, Perspective],
                   articles: dict[int, Article]) -> list[QStandardItem]:
        figure = QStandardItem(e.written + (" ✎" if e.corrected else ""))
        who = QStandardItem(", ".join(_name(k, by_key) for k in e.perspectives) or "—")
        who.setIcon(swatch_icon([by_key[k].colour for k in e.perspectives if k in by_key]))
        article = articles.get(e.article_id)
        published = e.published or (article.published if article else None)
        if article is None:
            source_text = f"Article #{e.article_id}"
        else:
            source_text = " — ".join(b for b in (article.publisher or "", article.title) if b)
        source = QStandardItem(source_text)
        date = QStandardItem(short_date(published) or "undated")
        quote_text = " ".join(e.quote.split())
        quote = QStandardItem(quote_text)
        items = [figure, who, source, date, quote]
        tip = self._passage_tip(e, source_text, published, quote_text)
        for item in items:
            item.setEditable(False)
            item.setData(e.article_id, self.ArticleIdRole)
            item.setData((e.start, e.end), self.SpanRole)
            item.setData(e, self.EntryRole)
            item.setData(e.claim_id, self.ClaimIdRole)
            item.setData("excluded" if e.excluded else e.status, self.StatusRole)
            item.setToolTip(tip)
            if e.excluded:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(EXCLUDED)
        if not e.excluded and e.status == "disagree":
            figure.setForeground(DISAGREE)
        elif not e.excluded and e.status == "changed":
            figure.setForeground(CHANGED)
        return items

    @staticmethod
    def _passage_tip(e: ComparisonEntry, source: str, published: str | None,
                     passage: str) -> str:
        """The full passage, its source and what the analyst changed (rich text wraps)."""
        lines = [f"<p>{html.escape(passage, quote=False)}</p>",
                 f"<p><i>{html.escape(source, quote=False)}, "
                 f"{html.escape(short_date(published) or 'undated', quote=False)}</i></p>"]
        notes = []
        if e.excluded:
            notes.append("Excluded from the comparison by you.")
        else:
            notes.append(ENTRY_STATUS.get(e.status, ""))
        if "figure" in e.corrected:
            notes.append(f"Figure corrected by you; the article says {e.article_text}.")
        if "subject" in e.corrected:
            notes.append("Subject corrected by you.")
        if "perspectives" in e.corrected:
            notes.append("Perspectives corrected by you.")
        notes.append("Enter or double-click opens the passage; right-click corrects it.")
        lines.append("<p>" + "<br>".join(html.escape(n, quote=False) for n in notes if n)
                     + "</p>")
        return "<qt>" + "".join(lines) + "</qt>"


def _name(key: str, by_key: dict[str, Perspective]) -> str:
    p = by_key.get(key)
    return p.name if p else key
