"""Tree model of the numeric claims comparison: one subject per parent, one source per child.

Built from core `ClaimComparison` rows (plain data). Children carry the
article id and passage span in custom roles so the view can open the source.
A subject whose figures differ between sources is marked: warning sign, bold
red text and a tooltip giving the spread.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from briefing.core.models import Article, ClaimComparison, ComparisonEntry, Perspective
from briefing.ui.highlights_model import swatch_icon

DISAGREE = QColor("#c0392b")


class ClaimsModel(QStandardItemModel):
    """Subjects and their figures, source by source."""

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    SpanRole = Qt.ItemDataRole.UserRole + 2  # (start, end) of the passage
    EntryRole = Qt.ItemDataRole.UserRole + 3  # the ComparisonEntry (children)
    ComparisonRole = Qt.ItemDataRole.UserRole + 4  # the ClaimComparison (parents)
    DisagreementRole = Qt.ItemDataRole.UserRole + 5

    COLUMNS = ("Figure", "Perspectives", "Source", "Passage")

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
        ordered = sorted(c.entries, key=lambda e: e.figure)
        spread = "" if not ordered else (
            ordered[0].text if ordered[0].figure == ordered[-1].figure
            else f"{ordered[0].text} – {ordered[-1].text}")
        sources = {e.article_id for e in c.entries}
        counts = (f"{len(c.entries)} figure{'s' if len(c.entries) != 1 else ''} from "
                  f"{len(sources)} source{'s' if len(sources) != 1 else ''}")
        verdict = "sources disagree" if c.disagreement else (
            "sources agree" if len(sources) > 1 else "")
        label = f"{c.subject} ({c.unit})" if c.unit and c.unit.lower() not in c.subject.lower() \
            else c.subject
        text = " · ".join(x for x in (f"{label}: {spread}", verdict, counts) if x)
        subject = QStandardItem(("⚠ " if c.disagreement else "") + text)
        subject.setData(c, self.ComparisonRole)
        subject.setData(c.disagreement, self.DisagreementRole)
        subject.setEditable(False)
        bold = QFont()
        bold.setBold(True)
        subject.setFont(bold)
        if c.disagreement:
            subject.setForeground(DISAGREE)
            subject.setToolTip(f"The sources give different figures for {c.subject}: {spread}")
        rest = [QStandardItem("") for _ in self.COLUMNS[1:]]
        for item in rest:
            item.setEditable(False)
        return [subject, *rest]

    def _entry_row(self, e: ComparisonEntry, by_key: dict[str, Perspective],
                   articles: dict[int, Article]) -> list[QStandardItem]:
        figure = QStandardItem(f"{e.qualifier} {e.text}" if e.qualifier else e.text)
        who = QStandardItem(", ".join(_name(k, by_key) for k in e.perspectives) or "—")
        who.setIcon(swatch_icon([by_key[k].colour for k in e.perspectives if k in by_key]))
        article = articles.get(e.article_id)
        if article is None:
            source_text = f"Article #{e.article_id}"
        else:
            bits = [article.publisher or "", article.title, article.published or ""]
            source_text = " — ".join(b for b in bits[:2] if b)
            if article.published:
                source_text += f" ({article.published})"
        source = QStandardItem(source_text)
        quote_text = " ".join(e.quote.split())
        quote = QStandardItem(quote_text)
        quote.setToolTip(quote_text + "\n\nEnter or double-click opens the passage")
        items = [figure, who, source, quote]
        for item in items:
            item.setEditable(False)
            item.setData(e.article_id, self.ArticleIdRole)
            item.setData((e.start, e.end), self.SpanRole)
            item.setData(e, self.EntryRole)
        source.setToolTip(source_text)
        return items


def _name(key: str, by_key: dict[str, Perspective]) -> str:
    p = by_key.get(key)
    return p.name if p else key
