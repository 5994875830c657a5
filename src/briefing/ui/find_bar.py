"""Ctrl+F find bar for the reader: live matches, next/previous, "3 of 12", Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)


class _FindField(QLineEdit):
    """The query box: Enter finds the next match, Shift+Enter the previous, Esc closes."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._bar.find_previous()
            else:
                self._bar.find_next()
            return
        if key == Qt.Key.Key_Escape:
            self._bar.close_bar()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Finds text in a QTextEdit; `matchesChanged` carries every match for painting."""

    matchesChanged = Signal()
    closed = Signal()

    def __init__(self, editor: QTextEdit | QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.field = _FindField(self)
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._search)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setMinimumWidth(80)
        prev_btn = QToolButton(self)
        prev_btn.setText("↑")
        prev_btn.setToolTip("Previous match (Shift+Enter)")
        prev_btn.clicked.connect(self.find_previous)
        next_btn = QToolButton(self)
        next_btn.setText("↓")
        next_btn.setToolTip("Next match (Enter)")
        next_btn.clicked.connect(self.find_next)
        close_btn = QToolButton(self)
        close_btn.setText("✕")
        close_btn.setToolTip(f"Close ({QKeySequence(Qt.Key.Key_Escape).toString()})")
        close_btn.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(prev_btn)
        layout.addWidget(next_btn)
        layout.addWidget(close_btn)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar, seeded with the selected word if there is one, and focus it."""
        selected = self.editor.textCursor().selectedText().strip()
        self.show()
        if selected and "\u2029" not in selected and len(selected) < 80:
            self.field.setText(selected)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self.matchesChanged.emit()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def refresh(self) -> None:
        """Search again (the document was rebuilt)."""
        if self.isVisible():
            self._search(self.field.text(), move=False)

    def _search(self, query: str, move: bool = True) -> None:
        doc: QTextDocument = self.editor.document()
        self.matches = []
        if query:
            cursor = doc.find(query, 0)
            while not cursor.isNull() and len(self.matches) < 10_000:
                self.matches.append(cursor)
                cursor = doc.find(query, cursor)
        here = self.editor.textCursor().selectionStart()
        self.current = next((i for i, c in enumerate(self.matches)
                             if c.selectionStart() >= here), 0) if self.matches else -1
        if move:
            self._select_current()
        self._show_count()
        self.matchesChanged.emit()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self._select_current()
        self._show_count()
        self.matchesChanged.emit()

    def _select_current(self) -> None:
        if 0 <= self.current < len(self.matches):
            self.editor.setTextCursor(self.matches[self.current])
            self.editor.ensureCursorVisible()

    def _show_count(self) -> None:
        if not self.field.text():
            self.count_label.setText("")
        elif not self.matches:
            self.count_label.setText("No matches")
        else:
            self.count_label.setText(f"{self.current + 1} of {len(self.matches)}")
