"""The undoable speaker book assignment, shared by the Speakers dialog and the reader's menu.

The command calls the core (``briefing.core.speakers.assign_speaker``), never SQL, and
announces every article the speaker appears in on the workspace's ``HighlightEvents``
so the reader redraws those suggestions.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from briefing.core.errors import SpeakerError
from briefing.core.speakers import SpeakerEntry, assign_speaker, find_speaker
from briefing.core.workspace import Workspace, WorkspaceError
from briefing.ui.highlight_commands import highlight_events


class AssignSpeaker(QUndoCommand):
    """Give a speaker a perspective everywhere (None: the cues decide again); undo restores
    the assignment it replaced. A refused first redo marks it obsolete with `error`."""

    def __init__(self, ws: Workspace, name: str, perspective: str | None,
                 seen: SpeakerEntry | None = None) -> None:
        super().__init__()
        self.ws, self.name, self.perspective = ws, name, perspective
        seen = seen if seen is not None else find_speaker(ws, name)
        self.seen = seen
        self.filed = seen.name if seen is not None else name
        self.before = ws.speakers.get(self.filed)
        self.articles: list[int] = list(seen.articles) if seen is not None else []
        self.error: str | None = None
        self.entry: SpeakerEntry | None = None
        names = {p.key: p.name for p in ws.perspectives.all()}
        self.setText(f"{self.filed} → {names.get(perspective, perspective)}" if perspective
                     else f"{self.filed}: cues decide")

    def _set(self, perspective: str | None) -> None:
        if perspective is None and self.ws.speakers.get(self.filed) is None:
            return  # nothing booked: nothing to clear
        self.entry = assign_speaker(self.ws, self.filed, perspective, self.seen)
        self.articles = sorted(set(self.articles) | set(self.entry.articles))
        for article_id in self.articles:
            highlight_events(self.ws).changed.emit(article_id)

    def redo(self) -> None:
        try:
            self.ws.require_writable("assign a speaker")
            self._set(self.perspective)
        except (SpeakerError, WorkspaceError) as exc:
            self.error = str(exc)
            self.setObsolete(True)

    def undo(self) -> None:
        self._set(self.before)
