"""Says what every highlight action did, and shows where (issue 10, item 4).

Watches the window's shared QUndoStack: a new command, an undo and a redo each put one
line in the status bar ("Accepted suggestion “…”", "Undid: Reject suggestion “…”") and
scroll the reader to the passage it touched, opening its article when another is open.
A new highlight, edit or deletion is announced where the user already is; accepting
or rejecting a suggestion, and every undo and redo, also scroll to the passage. Commands
that are not about highlights (article details, deletions) are only announced.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefing.ui.highlight_commands import AcceptSuggestion, RejectSuggestion

STATUS_MS = 8000
_DONE = (("Accept suggestion", "Accepted suggestion"), ("Reject suggestion", "Rejected suggestion"),
         ("Delete highlight", "Deleted highlight"), ("Highlight ", "Highlighted "),
         ("Edit ", "Edited "))


def done_text(text: str) -> str:
    """'Accept suggestion “x”' -> 'Accepted suggestion “x”' (what a new command did)."""
    for verb, past in _DONE:
        if text.startswith(verb):
            return past + text[len(verb):]
    return text


class UndoAnnouncer(QObject):
    """Status line and scroll for each push, undo and redo on `stack`."""

    def __init__(self, stack: QUndoStack, say: Callable[[str, int], None],
                 show: Callable[[int, int, int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.say = say  # (message, milliseconds)
        self.show = show  # (article id, start, end): bring the passage into view
        self.last_message = ""
        self._index = stack.index()
        self.active = True
        stack.indexChanged.connect(self._changed)
        stack.destroyed.connect(self.stop)

    def stop(self, *_: object) -> None:
        """Announce nothing more (the window is closing: its stack clears itself)."""
        self.active = False

    def _changed(self, index: int) -> None:
        if not self.active:
            return
        try:
            self._announce(index)
        except RuntimeError:  # the stack is being deleted with its window
            self.active = False

    def _announce(self, index: int) -> None:
        before, self._index = self._index, index
        if index < before:
            cmd = self.stack.command(index)
            verb = "Undid"
        elif index > before:
            cmd = self.stack.command(index - 1)
            verb = "Redid" if getattr(cmd, "_briefing_announced", False) else ""
        else:
            return
        if cmd is None:
            return
        cmd._briefing_announced = True  # type: ignore[attr-defined]  # the next is a redo
        error = getattr(cmd, "error", None)
        if error:
            return  # refused: the reader already said why
        message = f"{verb}: {cmd.text()}" if verb else done_text(cmd.text())
        self.last_message = message
        self.say(message, STATUS_MS)
        if verb or isinstance(cmd, AcceptSuggestion | RejectSuggestion):
            self._scroll(cmd)

    def _scroll(self, cmd: QUndoCommand) -> None:
        span = getattr(cmd, "span", None)
        article_id = getattr(cmd, "article_id", None)
        if span is None or not article_id:
            return
        where = span()
        if where is not None:
            self.show(article_id, *where)
