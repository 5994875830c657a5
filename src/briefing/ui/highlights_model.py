"""Item model over a list of highlights: swatch + quote, tags, perspectives, kind, grade, source.

Rows are core `Highlight` values; the model only formats them. Custom roles
(class constants) give views and tests the raw values.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from briefing.core.elide import elide
from briefing.core.models import Article, Highlight, Perspective

_Index = QModelIndex | QPersistentModelIndex
RELIABILITY_MEANING = {
    "A": "Completely reliable", "B": "Usually reliable", "C": "Fairly reliable",
    "D": "Not usually reliable", "E": "Unreliable", "F": "Reliability cannot be judged",
}
CREDIBILITY_MEANING = {
    1: "Confirmed by other sources", 2: "Probably true", 3: "Possibly true",
    4: "Doubtful", 5: "Improbable", 6: "Truth cannot be judged",
}


def swatch_icon(colours: Sequence[str], size: int = 14) -> QIcon:
    """Small square split into one vertical stripe per colour (grey when there is none)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    shown = list(colours) or ["#9e9e9e"]
    width = size / len(shown)
    for i, colour in enumerate(shown):
        painter.fillRect(int(i * width), 1, int(width + 0.999), size - 2, QColor(colour))
    painter.setPen(QColor(0, 0, 0, 70))
    painter.drawRect(0, 1, size - 1, size - 3)
    painter.end()
    return QIcon(pix)


class HighlightTableModel(QAbstractTableModel):
    """Highlights as table rows. Column 0 carries the colour swatch and the quote."""

    HighlightRole = Qt.ItemDataRole.UserRole + 1  # the Highlight value
    IdRole = Qt.ItemDataRole.UserRole + 2
    ArticleIdRole = Qt.ItemDataRole.UserRole + 3
    SpanRole = Qt.ItemDataRole.UserRole + 4  # (start, end)
    PerspectivesRole = Qt.ItemDataRole.UserRole + 5  # list of perspective keys
    OrphanedRole = Qt.ItemDataRole.UserRole + 6
    TagsRole = Qt.ItemDataRole.UserRole + 7  # list of tag names (drawn as chips)

    COLUMNS = ("Quote", "Tags", "Perspectives", "Kind", "Grade", "Source")
    QUOTE, TAGS, PERSPECTIVES, KIND, GRADE, SOURCE = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Highlight] = []
        self.perspectives: dict[str, Perspective] = {}
        self.articles: dict[int, Article] = {}
        self._icons: dict[tuple[str, ...], QIcon] = {}

    def set_rows(self, rows: Sequence[Highlight], perspectives: Sequence[Perspective],
                 articles: dict[int, Article] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.perspectives = {p.key: p for p in perspectives}
        self.articles = articles or {}
        self._icons.clear()
        self.endResetModel()

    def row_of(self, highlight_id: int) -> int:
        return next((i for i, h in enumerate(self.rows) if h.id == highlight_id), -1)

    # -- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        h = self.rows[index.row()]
        col = index.column()
        if role == self.HighlightRole:
            return h
        if role == self.IdRole:
            return h.id
        if role == self.ArticleIdRole:
            return h.article_id
        if role == self.SpanRole:
            return (h.start, h.end)
        if role == self.PerspectivesRole:
            return list(h.perspectives)
        if role == self.OrphanedRole:
            return h.orphaned
        if role == self.TagsRole:
            return list(h.tags)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(h, col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.QUOTE:
            return self._icon(h)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(h)
        if role == Qt.ItemDataRole.ForegroundRole and h.orphaned:
            return QColor("#c0392b")
        return None

    def _display(self, h: Highlight, col: int) -> str:
        if col == self.QUOTE:
            quote = " ".join(h.quote.split())
            quote = elide(quote, 140)
            return f"⚠ orphaned · {quote}" if h.orphaned else quote
        if col == self.TAGS:
            return ", ".join(h.tags)
        if col == self.PERSPECTIVES:
            return ", ".join(self._name(k) for k in h.perspectives) or "—"
        if col == self.KIND:
            return h.kind
        if col == self.GRADE:
            return f"{h.reliability or '–'}{h.credibility or '–'}" \
                if (h.reliability or h.credibility) else ""
        article = self.articles.get(h.article_id)
        if article is None:
            return f"#{h.article_id}"
        return " — ".join(x for x in (article.publisher, article.title) if x)

    def _tooltip(self, h: Highlight) -> str:
        who = ", ".join(self._name(k) for k in h.perspectives) or "No perspective"
        parts = [h.quote, f"{who} · {h.kind}"]
        if h.translation:
            parts.insert(1, f"Analyst's translation: {h.translation}")
        if h.tags:
            parts.append(f"Tags: {', '.join(h.tags)}")
        if h.note:
            parts.append(f"Note: {h.note}")
        if h.reliability:
            parts.append(f"Source reliability {h.reliability}: {RELIABILITY_MEANING[h.reliability]}")
        if h.credibility:
            parts.append(f"Information credibility {h.credibility}: "
                         f"{CREDIBILITY_MEANING[h.credibility]}")
        if h.orphaned:
            parts.append("Orphaned: the quote is no longer in the article's text; kept here.")
        return "\n".join(parts)

    def _icon(self, h: Highlight) -> QIcon:
        key = tuple(h.perspectives)
        if key not in self._icons:
            self._icons[key] = swatch_icon([self.perspectives[k].colour for k in key
                                            if k in self.perspectives])
        return self._icons[key]

    def _name(self, key: str) -> str:
        p = self.perspectives.get(key)
        return p.name if p else key
