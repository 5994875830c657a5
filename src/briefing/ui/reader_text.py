"""The reader's text view and word-boundary helper: a read-only QTextEdit that never loads a
resource and hands keys, clicks, menus and tooltips to its ReaderPane."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QTextEdit, QToolTip

if TYPE_CHECKING:
    from briefing.ui.reader import ReaderPane

_WORD = re.compile(r"[\w’'\-]")


def _is_word(c: str) -> bool:
    return bool(_WORD.match(c))


def extend_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The range grown to whole words at both ends, without outer whitespace."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return start, start
    while start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        start -= 1
    while end < len(text) and _is_word(text[end]) and _is_word(text[end - 1]):
        end += 1
    return start, end


class ReaderTextEdit(QTextEdit):
    """Read-only text view that never loads a resource and hands keys to the pane."""

    def __init__(self, pane: ReaderPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setAcceptDrops(False)  # drops go to the main window (import)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setPlaceholderText("Choose an article in the library to read it here.")
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        # A fixed scroll bar keeps the width steady, so opening an article lays it out once.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def loadResource(self, type_: int, name: QUrl) -> None:  # noqa: N802 (Qt override)
        """Refuse every resource: article text never loads images, files or URLs."""
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._pane.handle_key(event):
            super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self._pane.clicked_at_cursor()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # Menu key: at the text cursor
            pos = self.cursorRect().center()
            self._pane.show_context_menu(pos, self.viewport().mapToGlobal(pos))
        else:
            self._pane.show_context_menu(event.pos(), event.globalPos())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._pane.fit_measure()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self._pane.tooltip_at(self.viewport().mapFromGlobal(event.globalPos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
