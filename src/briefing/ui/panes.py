"""The window's parts built by other modules, loaded defensively, with plain stand-ins.

The reader, highlights panel, claims view and briefing dialog live in their own
modules; if one cannot be imported (e.g. a missing optional dependency), the
window still opens with a simple stand-in instead of failing to start.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from briefing.core.workspace import Workspace

log = logging.getLogger(__name__)


def optional(module: str, name: str) -> type | None:
    """`module.name`, or None when that module (not something inside it) is missing."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name) or exc.name == module:
            log.warning("%s is not available: %s", module, exc)
            return None
        raise


class PlainReader(QWidget):
    """Stand-in reader: the article's cleaned text, read-only, no highlighting."""

    highlightsChanged = Signal(int)

    def __init__(self, ws: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._article_id: int | None = None
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAcceptDrops(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)

    def show_article(self, article_id: int, hits: Sequence[tuple[int, int]] = ()) -> None:
        article = self.ws.articles.get(article_id)
        self._article_id = article_id if article else None
        self.text.setPlainText(f"{article.title}\n\n{article.text}" if article else "")

    def reveal(self, start: int, end: int) -> None:
        return None

    def current_article_id(self) -> int | None:
        return self._article_id


class Placeholder(QLabel):
    """Stand-in for a panel that could not be loaded."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(f"{what} is not available in this build.", parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)

    def refresh(self) -> None:
        return None

    def set_article(self, article_id: int | None) -> None:
        return None


def make_reader(ws: Workspace, undo_stack: QUndoStack, parent: QWidget) -> QWidget:
    cls = optional("briefing.ui.reader", "ReaderPane")
    return (cls or PlainReader)(ws, undo_stack, parent)


def make_highlights_panel(ws: Workspace, undo_stack: QUndoStack, parent: QWidget) -> QWidget:
    cls = optional("briefing.ui.highlights_panel", "HighlightsPanel")
    return cls(ws, undo_stack, parent) if cls else Placeholder("The highlights panel", parent)


def make_claims_view(ws: Workspace, parent: QWidget) -> QWidget:
    cls = optional("briefing.ui.claims_view", "ClaimsView")
    return cls(ws, parent) if cls else Placeholder("The claims view", parent)


def briefing_dialog_class() -> type | None:
    return optional("briefing.ui.briefing_dialog", "BriefingDialog")
