"""Claims view: numeric claims lined up by subject, perspective and source.

Rows come from `briefing.core.suggestions.library_comparisons(ws, subject)`:
stored claims rows with the analyst's corrections applied, excluded ones shown struck
through so they can be put back. A subject box filters as you type. Enter or
double-click on a figure emits `passageActivated(article_id, start, end)` so the window
opens its source. The context menu of a figure corrects its figure, subject or
perspectives, or excludes it: each is an undoable command on the window's QUndoStack
that calls the core (widgets never write the database).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.core.claim_rows import figure_text, parse_figure, recorrect
from briefing.core.errors import ClaimError
from briefing.core.models import ClaimComparison, ComparisonEntry
from briefing.core.suggestions import library_comparisons
from briefing.core.workspace import Workspace
from briefing.ui.claim_commands import CorrectClaim, claim_events
from briefing.ui.claims_model import ClaimsModel
from briefing.ui.highlight_commands import highlight_events

FILTER_PAUSE_MS = 250

log = logging.getLogger(__name__)


class ClaimsView(QWidget):
    """Subject filter, comparison tree, and a one-line summary."""

    passageActivated = Signal(int, int, int)  # article id, start, end

    def __init__(self, ws: Workspace, parent: QWidget | None = None,
                 undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
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
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.installEventFilter(self)  # F2 corrects the current figure, Del excludes it

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
        claim_events(ws).changed.connect(self._claim_changed)

    def refresh(self) -> None:
        """Recompute the comparison for the subject in the box."""
        self._timer.stop()
        self._stale = False
        subject = self.subject.text().strip() or None
        try:
            rows = library_comparisons(self.ws, subject, include_excluded=True)
        except Exception as exc:  # show why rather than leave a blank view
            log.exception("the comparison of %r could not be computed", subject)
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
        changed = sum(1 for c in self.comparisons if c.status == "changed")
        n = len(self.comparisons)
        text = f"{n} subject{'s' if n != 1 else ''} · {disagree} where sources disagree"
        if changed:
            text += f" · {changed} changed over time"
        self.summary.setText(text if n else "")
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
        for col, cap in ((0, 260), (1, 260), (2, 360), (3, 120)):
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

    # -- corrections -----------------------------------------------------------------
    def entry_at(self, index: QModelIndex) -> ComparisonEntry | None:
        """The figure (comparison entry) of a child row, or None for a subject line."""
        entry = index.siblingAtColumn(0).data(ClaimsModel.EntryRole) if index.isValid() else None
        return entry if isinstance(entry, ComparisonEntry) else None

    def index_of_claim(self, claim_id: int) -> QModelIndex:
        """The figure row of a stored claim (invalid when it is not shown)."""
        for r in range(self.model.rowCount()):
            parent = self.model.index(r, 0)
            for c in range(self.model.rowCount(parent)):
                child = self.model.index(c, 0, parent)
                if child.data(ClaimsModel.ClaimIdRole) == claim_id:
                    return child
        return QModelIndex()

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a figure row (None on a subject line)."""
        entry = self.entry_at(index)
        if entry is None:
            return None
        menu = QMenu(self)
        why = self._why_not_editable(entry)
        fig = menu.addAction("Correct the figure…", lambda: self._ask_figure(entry))
        fig.setShortcut(QKeySequence(Qt.Key.Key_F2))
        subj = menu.addAction("Correct the subject…", lambda: self._ask_subject(entry))
        persp = menu.addMenu("Perspectives")
        for p in self.ws.perspectives.all():
            act = persp.addAction(f"{p.name} ({p.shortcut})" if p.shortcut else p.name)
            act.setCheckable(True)
            act.setChecked(p.key in entry.perspectives)
            act.toggled.connect(lambda on, key=p.key: self._toggle_perspective(entry, key, on))
        menu.addSeparator()
        if entry.excluded:
            inc = menu.addAction("Include in the comparison",
                                 lambda: self.set_excluded(entry.claim_id, False))
        else:
            inc = menu.addAction("Exclude from the comparison",
                                 lambda: self.set_excluded(entry.claim_id, True))
        inc.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        reset = menu.addAction("Drop my corrections", lambda: self.reset(entry.claim_id))
        reset.setEnabled(bool(entry.corrected))
        menu.addSeparator()
        menu.addAction("Open the passage", lambda: self.passageActivated.emit(
            entry.article_id, entry.start, entry.end))
        if why:
            for act in (fig, subj, persp.menuAction(), inc, reset):
                act.setEnabled(False)
                act.setToolTip(why)
            note = menu.addAction(why)
            note.setEnabled(False)
        menu.setToolTipsVisible(True)
        return menu

    def _why_not_editable(self, entry: ComparisonEntry) -> str:
        if self.ws.readonly:
            return f"Read-only: {self.ws.readonly_reason or 'opened read-only'}"
        if entry.claim_id is None:
            return "This figure is not stored yet; refresh (F5) first"
        return ""

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.tree.indexAt(pos))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _push(self, command: CorrectClaim) -> bool:
        self.undo_stack.push(command)
        if command.error:
            QMessageBox.warning(self, "Claims", f"The correction was refused: {command.error}")
            return False
        return True

    def correct_figure(self, claim_id: int, figure: float) -> bool:
        """Use `figure` for this row everywhere (undoable)."""
        return self._push(CorrectClaim(self.ws, claim_id, f"Correct figure to {figure_text(figure)}",
                                       fixed_figure=figure))

    def correct_subject(self, claim_id: int, subject: str) -> bool:
        """Count this row under another subject (undoable)."""
        return self._push(CorrectClaim(self.ws, claim_id, f"Correct subject to {subject}",
                                       fixed_subject=subject))

    def set_perspectives(self, claim_id: int, keys: list[str]) -> bool:
        """Replace this row's perspectives (undoable)."""
        return self._push(CorrectClaim(self.ws, claim_id, "Correct perspectives",
                                       fixed_perspectives=list(keys)))

    def set_excluded(self, claim_id: int | None, excluded: bool) -> bool:
        """Leave this row out of the comparison, or put it back (undoable)."""
        if claim_id is None:
            return False
        text = "Exclude figure" if excluded else "Include figure"
        return self._push(CorrectClaim(self.ws, claim_id, text, excluded=excluded))

    def reset(self, claim_id: int | None) -> bool:
        """Drop the corrections of figure, subject and perspectives (undoable)."""
        if claim_id is None:
            return False
        return self._push(CorrectClaim(self.ws, claim_id, "Drop corrections", fixed_figure=None,
                                       fixed_subject=None, fixed_perspectives=None))

    def _ask_figure(self, entry: ComparisonEntry) -> None:
        if entry.claim_id is None:
            return
        typed, ok = QInputDialog.getText(
            self, "Correct the figure", f"The right figure (the article says "
            f"{entry.article_text or entry.text}), e.g. 12,000 or 2.8m:", text=entry.text)
        if not ok or not typed.strip():
            return
        try:
            value = parse_figure(typed)
        except ClaimError as exc:
            QMessageBox.warning(self, "Claims", str(exc))
            return
        self.correct_figure(entry.claim_id, value)

    def _ask_subject(self, entry: ComparisonEntry) -> None:
        if entry.claim_id is None:
            return
        row = self.ws.claims.get(entry.claim_id)
        current = (row.fixed_subject or row.subject) if row else ""
        typed, ok = QInputDialog.getText(self, "Correct the subject",
                                         "What the figure counts, e.g. North Korean troops:",
                                         text=current)
        if ok and typed.strip():
            self.correct_subject(entry.claim_id, typed.strip())

    def _toggle_perspective(self, entry: ComparisonEntry, key: str, on: bool) -> None:
        if entry.claim_id is None:
            return
        keys = [k for k in entry.perspectives if k != key] + ([key] if on else [])
        self.set_perspectives(entry.claim_id, keys)

    def _current_editable(self) -> ComparisonEntry | None:
        entry = self.entry_at(self.tree.currentIndex())
        return entry if entry is not None and not self._why_not_editable(entry) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.tree and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and not event.modifiers():
            if event.key() == Qt.Key.Key_F2:
                self._key_correct()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self._key_exclude()
                return True
        return super().eventFilter(watched, event)

    def _key_correct(self) -> None:
        entry = self._current_editable()
        if entry is not None:
            self._ask_figure(entry)

    def _key_exclude(self) -> None:
        entry = self._current_editable()
        if entry is not None:
            self.set_excluded(entry.claim_id, not entry.excluded)

    def _claim_changed(self, claim_id: int) -> None:
        """A correction (or its undo) landed: redraw now (the figures stay as found, only
        the corrections are read again) and keep the row selected."""
        subject = self.subject.text().strip() or None
        try:
            rows = recorrect(self.ws, self.comparisons, subject)
        except Exception:  # noqa: BLE001 - fall back to computing it all again
            rows = None
        if rows is None:
            self.refresh()
        else:
            self.show_comparisons(rows)
        index = self.index_of_claim(claim_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
