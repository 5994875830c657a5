"""The "Removed by cleaning" dialog: the lines of an article's page that are not in its
text, each with the reason in words, and "Put back" for a real paragraph cleaning took.

The list comes from the core (``cleaning_choices.removed_lines``), read in the background
because it re-reads the article's original. "Put back" is a ``ChooseLine`` command on the
shared undo stack, taken in the background: the line returns to its place in the text and
stays there through every later re-clean; Ctrl+Z takes it out again. The list follows the
undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.cleaning_choices import RemovedLine, removed_lines
from briefing.core.workspace import Workspace
from briefing.ui.cleaning_commands import ChooseLine, choose_in_background
from briefing.ui.tasks import Reloader, TaskHandle
from briefing.ui.wording import count


class RemovedLinesDialog(QDialog):
    """One article's removed lines (line, why) with a Put back button; testable alone."""

    COLUMNS = ("Line", "Why it was removed")
    LINE, WHY = range(2)

    def __init__(self, ws: Workspace, undo_stack: QUndoStack, article_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.undo_stack, self.article_id = ws, undo_stack, article_id
        self.lines: list[RemovedLine] = []
        article = ws.articles.get(article_id)
        self.setWindowTitle(f"Removed by cleaning — {article.title if article else article_id}")
        self.resize(760, 460)
        intro = QLabel("Lines of the original page that cleaning left out of this article. "
                       "Put back a line that belongs to the article: it returns to its place "
                       "and stays through every re-clean. Ctrl+Z undoes.", self)
        intro.setWordWrap(True)
        self.count = QLabel(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter lines (e.g. a word of the paragraph you miss)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _text: self._apply_filter())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.LINE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.WHY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_moved)
        self.table.itemDoubleClicked.connect(lambda _item: self.put_back_selected())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.put_back_button = QPushButton("Put back", self)
        self.put_back_button.setToolTip("Put the selected line back into the article's text")
        self.put_back_button.setEnabled(False)
        self.put_back_button.clicked.connect(self.put_back_selected)
        buttons.addButton(self.put_back_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.count)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        if ws.readonly:
            self.status.setText(f"Read-only: {ws.readonly_reason or 'opened read-only'}; "
                                "lines cannot be put back here.")
        self.undo_stack.indexChanged.connect(self._stack_moved)  # a bound slot: dropped with us
        self._reader = Reloader(self, lambda: (removed_lines, (self.ws, self.article_id)),
                                self._loaded, self._failed)
        self._putting: TaskHandle | None = None
        self.refresh()

    # -- public ---------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._reader.loading

    def refresh(self) -> None:
        """Re-read the removed lines in the background (after a change or an undo)."""
        if not self.lines and not self._reader.loading:
            self.count.setText("Reading the original…")
        self._reader.start()

    def show_lines(self, lines: list[RemovedLine]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            text = QTableWidgetItem(line.text)
            text.setToolTip(line.text)
            self.table.setItem(row, self.LINE, text)
            self.table.setItem(row, self.WHY, QTableWidgetItem(line.why))
        self.table.resizeRowsToContents()
        self.count.setText(f"{count(len(lines), 'line')} removed by cleaning" if lines else
                           "Cleaning removed nothing from this article.")
        self._apply_filter()
        self._selection_moved()

    def shown_rows(self) -> list[int]:
        """Rows the filter leaves visible."""
        return [r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]

    def row_of(self, text: str) -> int:
        """The row showing this line, or -1."""
        return next((i for i, line in enumerate(self.lines) if line.text == text), -1)

    @property
    def busy(self) -> bool:
        """True while a line is being put back (the original is read again)."""
        return self._putting is not None

    def put_back(self, row: int) -> bool:
        """Put the line in `row` back into the text (in the background; the step lands on
        the undo stack when done); False if there is nothing to do here."""
        if not 0 <= row < len(self.lines) or self.ws.readonly or self._putting is not None:
            return False
        line = self.lines[row]
        self.status.setText(f"Putting back “{line.text[:80]}”…")
        self.put_back_button.setEnabled(False)

        def done(_cmd: ChooseLine) -> None:
            self._putting = None
            self.status.setText(f"Put back: “{line.text[:80]}”. Ctrl+Z takes it out again.")

        def failed(reason: str) -> None:
            self._putting = None
            self.status.setText(f"Could not put the line back: {reason}")
            self._selection_moved()

        self._putting = choose_in_background(self.ws, self.undo_stack, self.article_id,
                                             line.text, "keep", self, done, failed)
        return True

    def put_back_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        return self.put_back(rows[0].row()) if rows else False

    # -- internals ------------------------------------------------------------------
    def _loaded(self, lines: object) -> None:
        self.show_lines(list(lines or []))  # type: ignore[call-overload]

    def _failed(self, exc: BaseException) -> None:
        self.count.setText("")
        self.status.setText(f"Could not read the removed lines: {exc}")

    def _apply_filter(self) -> None:
        """Show the lines holding every word typed (case and accents as typed are folded);
        the count says how many of all are shown."""
        words = self.filter.text().casefold().split()
        shown = 0
        for row, line in enumerate(self.lines):
            hide = bool(words) and not all(w in line.text.casefold() for w in words)
            self.table.setRowHidden(row, hide)
            shown += not hide
        if words and self.lines:
            self.count.setText(f"{shown} of {count(len(self.lines), 'line')} removed by "
                               "cleaning match the filter")
        elif self.lines:
            self.count.setText(f"{count(len(self.lines), 'line')} removed by cleaning")

    def _selection_moved(self) -> None:
        self.put_back_button.setEnabled(
            not self.ws.readonly and self._putting is None
            and bool(self.table.selectionModel().selectedRows()))

    def _stack_moved(self, _index: int) -> None:
        self.refresh()

    def done(self, result: int) -> None:  # noqa: D102 - closing stops the background read
        self._reader.stop()
        super().done(result)
