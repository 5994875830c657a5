"""Undoable corrections of claims rows for the shared QUndoStack (Edit ▸ Undo / Redo).

Each command calls the core (``ws.claims.correct``), never SQL: the correction is saved at
once and used by every reader of the comparison (the claims view, the CLI, the note).
``undo`` puts back the row's corrections as they were before. After each change the
workspace's ``ClaimEvents`` announce the row so the claims view redraws, whoever pushed
the command. A command the core refuses on its first ``redo`` marks itself obsolete (the
stack drops it) and keeps the reason in ``error``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from briefing.core.errors import ClaimError
from briefing.core.workspace import Workspace
from briefing.ui import qtcompat  # noqa: F401  (guards Signal.emit in PySide6 6.12.0)
from briefing.ui.notifiers import notifier

FIELDS = ("fixed_figure", "fixed_subject", "fixed_perspectives", "excluded")


class ClaimEvents(QObject):
    """Announces that a claims row's corrections changed."""

    changed = Signal(int)  # claim id


def claim_events(ws: Workspace) -> ClaimEvents:
    """The one claims-change notifier of a workspace (created on first use)."""
    return notifier(ws, ClaimEvents)


class CorrectClaim(QUndoCommand):
    """Set some corrections of one row (see ``ClaimStore.correct``); undo restores them."""

    def __init__(self, ws: Workspace, claim_id: int, text: str, **changes: object) -> None:
        super().__init__(text)
        self.ws, self.claim_id, self.changes = ws, claim_id, changes
        self.before: dict[str, object] | None = None
        self.error: str | None = None

    def redo(self) -> None:
        try:
            row = self.ws.claims.get(self.claim_id)
            if row is None:
                raise ClaimError(f"claim #{self.claim_id} no longer exists")
            if self.before is None:
                self.before = {name: getattr(row, name) for name in FIELDS}
            self.ws.claims.correct(self.claim_id, **self.changes)
        except ClaimError as exc:
            self.error = str(exc)
            self.setObsolete(True)
            return
        claim_events(self.ws).changed.emit(self.claim_id)

    def undo(self) -> None:
        if self.before is None:
            return
        try:
            self.ws.claims.correct(self.claim_id, **self.before)
        except ClaimError as exc:
            self.error = str(exc)
            return
        claim_events(self.ws).changed.emit(self.claim_id)
