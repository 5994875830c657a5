"""Undoable corrections of an article's cleaning for the shared QUndoStack.

``ChooseLine`` puts a line that cleaning removed back into the text ("keep") or removes a
paragraph as page furniture ("drop") through the core (``briefing.core.cleaning_choices``),
which re-cleans the article from its original and re-anchors its highlights. Undo files
the earlier choice again and re-cleans, so the earlier text comes back and the highlights
sit on their words again (one orphaned by the drop is placed again). After each step the
article is announced on ``ArticleEvents`` (the reader, library and details redraw; the
index catches up in the background) and on ``HighlightEvents``.
Re-reading one original takes a moment for a long PDF, as an edit does; the step is
synchronous so that undo and redo stay exact.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from briefing.core.cleaning_choices import apply_choice, choose_line, current_choice
from briefing.core.errors import CleaningError
from briefing.core.reclean import RecleanResult
from briefing.core.workspace import Workspace, WorkspaceError
from briefing.ui.article_commands import article_events
from briefing.ui.highlight_commands import highlight_events


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


class ChooseLine(QUndoCommand):
    """Keep a removed line or drop a kept paragraph; undo restores the earlier choice.
    A refused first redo marks it obsolete with `error`."""

    def __init__(self, ws: Workspace, article_id: int, line: str, decision: str) -> None:
        verb = "Put back" if decision == "keep" else "Remove paragraph"
        super().__init__(f"{verb} “{_short(line)}”")
        self.ws, self.article_id, self.line, self.decision = ws, article_id, line, decision
        self.before = current_choice(ws, article_id, line)
        self.after: str | None = decision
        self.result: RecleanResult | None = None
        self.error: str | None = None
        self._done = False

    def redo(self) -> None:
        try:
            if not self._done:
                self.result = choose_line(self.ws, self.article_id, self.line, self.decision,
                                          index=False)
                self.after = current_choice(self.ws, self.article_id, self.line)
                self._done = True
            else:
                self.result = apply_choice(self.ws, self.article_id, self.line, self.after,
                                           index=False)
        except (CleaningError, WorkspaceError) as exc:
            self.error = str(exc)
            if not self._done:
                self.setObsolete(True)
            return
        self._announce()

    def undo(self) -> None:
        try:
            self.result = apply_choice(self.ws, self.article_id, self.line, self.before,
                                       index=False)
        except (CleaningError, WorkspaceError) as exc:
            self.error = str(exc)
            return
        self._announce()

    def _announce(self) -> None:
        article_events(self.ws).changed.emit([self.article_id])
        highlight_events(self.ws).changed.emit(self.article_id)
