"""Undoable corrections of an article's cleaning for the shared QUndoStack.

``ChooseLine`` puts a line that cleaning removed back into the text ("keep") or removes a
paragraph as page furniture ("drop") through the core (``briefing.core.cleaning_choices``),
which re-cleans the article from its original and re-anchors its highlights. Undo files
the earlier choice again and re-cleans, so the earlier text comes back and the highlights
sit on their words again (one orphaned by the drop is placed again). After each step the
article is announced on ``ArticleEvents`` (the reader, library and details redraw; the
index catches up in the background) and on ``HighlightEvents``.
Re-reading an original takes a moment for a long PDF: `choose_in_background` runs the
first step on a pool thread (``run_task``) and pushes the command once it is done, its
first redo only announcing it; undo and redo then re-clean on the spot.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefing.core.cleaning_choices import apply_choice, choose_line, current_choice
from briefing.core.elide import elide
from briefing.core.errors import CleaningError
from briefing.core.reclean import RecleanResult
from briefing.core.workspace import Workspace, WorkspaceError
from briefing.ui.article_commands import article_events
from briefing.ui.highlight_commands import highlight_events
from briefing.ui.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)


def _short(text: str) -> str:
    return elide(text, 40)


class ChooseLine(QUndoCommand):
    """Keep a removed line or drop a kept paragraph; undo restores the earlier choice.
    A refused first redo marks it obsolete with `error`."""

    def __init__(self, ws: Workspace, article_id: int, line: str, decision: str,
                 before: str | None = None, done: RecleanResult | None = None) -> None:
        """`done`: the step was taken already (in the background) from the choice `before`;
        the first redo only announces it."""
        verb = "Put back" if decision == "keep" else "Remove paragraph"
        super().__init__(f"{verb} “{_short(line)}”")
        self.ws, self.article_id, self.line, self.decision = ws, article_id, line, decision
        self.before = before if done is not None else current_choice(ws, article_id, line)
        self.after: str | None = current_choice(ws, article_id, line) if done else decision
        self.result: RecleanResult | None = done
        self.error: str | None = None
        self._done = done is not None
        self._taken = done is not None  # the first redo has nothing left to do

    def redo(self) -> None:
        if self._taken:
            self._taken = False
            self._announce()
            return
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


def choose_in_background(ws: Workspace, stack: QUndoStack, article_id: int, line: str,
                         decision: str, owner: QObject,
                         on_done: Callable[[ChooseLine], None] | None = None,
                         on_error: Callable[[str], None] | None = None) -> TaskHandle:
    """Take the step on a pool thread, then push it as an undoable ChooseLine; `on_error`
    gets the one-line reason if the core refuses (nothing is pushed then)."""
    before = current_choice(ws, article_id, line)

    def done(result: object) -> None:
        if not isinstance(result, RecleanResult):
            return  # cancelled: the owner went away
        cmd = ChooseLine(ws, article_id, line, decision, before=before, done=result)
        stack.push(cmd)
        if on_done is not None:
            on_done(cmd)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, CleaningError | WorkspaceError):  # a bug: logged in full
            log.error("a cleaning choice failed", exc_info=exc)
        if on_error is not None:
            on_error(str(exc))

    return run_task(choose_line, ws, article_id, line, decision, index=False, owner=owner,
                    on_done=done, on_error=failed)
