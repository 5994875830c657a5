"""Undoable changes to the list of saved briefs for the shared QUndoStack: make, duplicate,
rename, delete (Edit ▸ Undo puts a deleted brief back with its order and history).

Each command calls briefing.core.briefs, never SQL, and announces the change on the
workspace's ``BriefEvents`` so the Briefs list (and an open builder) redraw. A command the
core refuses on its first ``redo`` marks itself obsolete and keeps the reason in ``error``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from briefing.core import briefs
from briefing.core.errors import BriefError, CollectionError
from briefing.core.workspace import Workspace, WorkspaceError
from briefing.ui import qtcompat  # noqa: F401  (guards Signal.emit in PySide6 6.12.0)
from briefing.ui.notifiers import notifier

REFUSALS = (BriefError, CollectionError, WorkspaceError)


class BriefEvents(QObject):
    """Announces that the briefs changed (a name, or "" for the whole list)."""

    changed = Signal(str)


def brief_events(ws: Workspace) -> BriefEvents:
    """The one briefs-change notifier of a workspace (created on first use)."""
    return notifier(ws, BriefEvents)


class _BriefCommand(QUndoCommand):
    def __init__(self, ws: Workspace, text: str) -> None:
        super().__init__(text)
        self.ws = ws
        self.error: str | None = None

    def _refused(self, exc: Exception) -> None:
        self.error = str(exc)
        self.setObsolete(True)

    def _announce(self, name: str = "") -> None:
        brief_events(self.ws).changed.emit(name)


class NewBrief(_BriefCommand):
    """A new brief (from `source`, a duplicate of that one); undo deletes it again."""

    def __init__(self, ws: Workspace, name: str, source: str | None = None,
                 collection: str | None = None, title: str | None = None) -> None:
        super().__init__(ws, f"Duplicate brief {source} as {name}" if source
                         else f"New brief {name}")
        self.name, self.source, self.collection, self.title = name, source, collection, title
        self.made: briefs.BriefRow | None = None

    def redo(self) -> None:
        try:
            if self.made is not None:  # redo after undo: the very same brief again
                briefs.restore(self.ws, self.made)
            elif self.source:
                self.name = briefs.duplicate(self.ws, self.source, self.name, self.title).name
            else:
                self.name = briefs.create(self.ws, self.name, self.title,
                                          collection=self.collection).name
        except REFUSALS as exc:
            self._refused(exc)
            return
        self._announce(self.name)

    def undo(self) -> None:
        try:
            self.made = briefs.delete(self.ws, self.name)
        except REFUSALS as exc:
            self.error = str(exc)
            return
        self._announce()


class RenameBrief(_BriefCommand):
    def __init__(self, ws: Workspace, name: str, new_name: str) -> None:
        super().__init__(ws, f"Rename brief {name} to {new_name}")
        self.old, self.new = name, new_name

    def redo(self) -> None:
        try:
            self.new = briefs.rename(self.ws, self.old, self.new)
        except REFUSALS as exc:
            self._refused(exc)
            return
        self._announce(self.new)

    def undo(self) -> None:
        try:
            briefs.rename(self.ws, self.new, self.old)
        except REFUSALS as exc:
            self.error = str(exc)
            return
        self._announce(self.old)


class DeleteBrief(_BriefCommand):
    """Delete a brief; undo puts it back as it was (order, settings, export history)."""

    def __init__(self, ws: Workspace, name: str) -> None:
        super().__init__(ws, f"Delete brief {name}")
        self.name = name
        self.gone: briefs.BriefRow | None = None

    def redo(self) -> None:
        try:
            self.gone = briefs.delete(self.ws, self.name)
        except REFUSALS as exc:
            self._refused(exc)
            return
        self._announce()

    def undo(self) -> None:
        if self.gone is None:
            return
        try:
            briefs.restore(self.ws, self.gone)
        except REFUSALS as exc:
            self.error = str(exc)
            return
        self._announce(self.gone.name)
