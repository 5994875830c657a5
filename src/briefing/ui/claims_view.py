"""Claims view: numeric claims lined up by subject, perspective and source.

Rows come from `briefing.core.suggestions.library_comparisons(ws, subject)`
(imported when used, so the view works before that module lands and says so).
A subject box filters as you type. Enter or double-click on a figure emits
`passageActivated(article_id, start, end)` so the window opens its source.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.core.models import ClaimComparison
from briefing.core.suggestions import library_comparisons
from briefing.core.workspace import Workspace
from briefing.ui.claims_model import ClaimsModel
from briefing.ui.highlight_commands import highlight_events

FILTER_PAUSE_MS = 250


class ClaimsView(QWidget):
    """Subject filter, comparison tree, and a one-line summary."""

    passageActivated = Signal(int, int, int)  # article id, start, end

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.comparisons: list[ClaimComparison] = []
        self._stale = True
        self.subject = QLineEdit(self)
        self.subject.setPlaceholderText("Subject, e.g. North Korean troops")
        self.subject.setClearButtonEnabled(True)
        self.subject.setToolTip("Show only figures whose subject contains these words")
        refresh = QToolButton(self)
        refresh.setText("⟳")
        refresh.setToolTip("Recompute the comparison (F5)")
        refresh.setShortcut("F5")
        refresh.clicked.connect(self.refresh)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ClaimsModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.empty = QLabel(self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_PAUSE_MS)
        self._timer.timeout.connect(self.refresh)
        self.subject.textChanged.connect(lambda _t: self._timer.start())
        self.tree.activated.connect(self._activate)

        top = QHBoxLayout()
        top.addWidget(self.subject, 1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        highlight_events(ws).changed.connect(self._mark_stale)

    def refresh(self) -> None:
        """Recompute the comparison for the subject in the box."""
        self._timer.stop()
        self._stale = False
        subject = self.subject.text().strip() or None
        try:
            rows = library_comparisons(self.ws, subject)
        except Exception as exc:  # show why rather than leave a blank view
            self.show_comparisons([], f"The comparison could not be computed: {exc}")
            return
        self.show_comparisons(rows)

    def show_comparisons(self, rows: Sequence[ClaimComparison], empty_text: str = "") -> None:
        """Display comparison rows (what refresh computed)."""
        self.comparisons = list(rows)
        articles = {a.id: a for a in self.ws.articles.list()}
        self.model.set_comparisons(self.comparisons, self.ws.perspectives.all(), articles)
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, self.tree.rootIndex(), True)
        self.tree.expandAll()
        self._fit_columns()
        disagree = sum(1 for c in self.comparisons if c.disagreement)
        n = len(self.comparisons)
        self.summary.setText(f"{n} subject{'s' if n != 1 else ''} · {disagree} where sources "
                             f"disagree" if n else "")
        has_rows = bool(self.comparisons)
        self.tree.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if not has_rows:
            self.empty.setText(empty_text or (
                "No figures to compare yet. Highlight or accept claims that give numbers "
                "(troops, shells, dollars, casualties) and they line up here."
                if not self.subject.text().strip()
                else f"No figures about “{self.subject.text().strip()}”."))

    def _fit_columns(self) -> None:
        """Size columns to the figure rows (the spanned subject lines would make them huge)."""
        metrics = self.tree.fontMetrics()
        for col, cap in ((0, 260), (1, 260), (2, 360)):
            width = 60
            for r in range(self.model.rowCount()):
                parent = self.model.index(r, 0)
                for c in range(self.model.rowCount(parent)):
                    width = max(width, metrics.horizontalAdvance(
                        str(self.model.index(c, col, parent).data() or "")))
            extra = self.tree.indentation() * 2 if col == 0 else 0
            icon = self.tree.iconSize().width() + 20 if col == 1 else 0
            self.tree.setColumnWidth(col, min(cap, width + extra + icon + 16))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _mark_stale(self, _article_id: int) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def _activate(self, index: QModelIndex) -> None:
        article_id = index.data(ClaimsModel.ArticleIdRole)
        span = index.data(ClaimsModel.SpanRole)
        if article_id is None or span is None:
            self.tree.setExpanded(index.siblingAtColumn(0),
                                  not self.tree.isExpanded(index.siblingAtColumn(0)))
            return
        self.passageActivated.emit(int(article_id), int(span[0]), int(span[1]))
