"""Undoable highlight actions for the shared QUndoStack (Edit ▸ Undo / Redo).

Each command calls the core (``ws.highlights`` or ``briefing.core.suggestions``),
never SQL, and commits as it happens. ``redo`` and ``undo`` invert each other
exactly: a deleted highlight comes back with the same id through
``HighlightStore.restore``. After every change the command announces the
article on the workspace's ``HighlightEvents`` so the reader, the highlights
panel and the library redraw, whoever pushed the command (reader, panel or the
Edit menu's undo).

A command whose first ``redo`` is refused by the core (``HighlightError``)
marks itself obsolete, so ``QUndoStack.push`` drops it; its ``error`` says why.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from briefing.core import suggestions
from briefing.core.elide import elide
from briefing.core.errors import HighlightError
from briefing.core.models import Highlight, Suggestion
from briefing.core.workspace import Workspace, WorkspaceError
from briefing.ui import qtcompat  # noqa: F401  (guards Signal.emit in PySide6 6.12.0)
from briefing.ui.notifiers import notifier

_EDIT_MERGE_ID = 0x4844  # "HD": consecutive note edits of one highlight merge into one undo step


class HighlightEvents(QObject):
    """Announces that an article's highlights (or suggestions) changed."""

    changed = Signal(int)  # article id


def highlight_events(ws: Workspace) -> HighlightEvents:
    """The one change notifier of a workspace (created on first use)."""
    return notifier(ws, HighlightEvents)


class _HighlightCommand(QUndoCommand):
    """Shared plumbing: workspace, article, error capture and change notification."""

    def __init__(self, ws: Workspace, article_id: int, text: str) -> None:
        super().__init__(text)
        self.ws = ws
        self.article_id = article_id
        self.error: str | None = None
        # what the command is about, set by each kind: where span() scrolls to
        self.highlight: Highlight | None = None
        self.suggestion: Suggestion | None = None
        self.highlight_id: int | None = None

    def _announce(self) -> None:
        highlight_events(self.ws).changed.emit(self.article_id)

    def span(self) -> tuple[int, int] | None:
        """(start, end) in the article's text of what the command changed, to scroll to."""
        if self.highlight is not None:
            return self.highlight.start, self.highlight.end
        if self.suggestion is not None:
            return self.suggestion.start, self.suggestion.end
        hid = self.highlight_id
        current = self.ws.highlights.get(hid) if hid is not None else None
        return (current.start, current.end) if current is not None else None

    def _refuse(self, exc: Exception) -> None:
        self.error = str(exc)
        self.setObsolete(True)


class AddHighlight(_HighlightCommand):
    """Mark text[start:end] of an article; undo deletes it, redo restores the same id."""

    def __init__(self, ws: Workspace, article_id: int, start: int, end: int,
                 perspectives: Iterable[str] = (), kind: str = "claim", note: str = "",
                 tags: Iterable[str] = ()) -> None:
        super().__init__(ws, article_id, "Add highlight")
        self.start, self.end = start, end
        self.perspectives = list(perspectives)
        self.kind, self.note = kind, note
        self.tags = list(tags)
        self.highlight: Highlight | None = None

    def redo(self) -> None:
        if self.highlight is None:
            try:
                self.highlight = self.ws.highlights.add(
                    self.article_id, self.ws.articles.text(self.article_id), self.start, self.end,
                    perspectives=self.perspectives, kind=self.kind, note=self.note,
                    tags=self.tags)
            except HighlightError as exc:
                self._refuse(exc)
                return
            names = ", ".join(self.perspectives) or "no perspective"
            tagged = f", tagged {', '.join(self.highlight.tags)}" if self.highlight.tags else ""
            self.setText(f"Highlight “{_short(self.highlight.quote)}” ({names}{tagged})")
        else:
            self.highlight = self.ws.highlights.restore(self.highlight)
        self._announce()

    def undo(self) -> None:
        if self.highlight is not None:
            self.highlight = self.ws.highlights.delete(self.highlight.id) or self.highlight
            self._announce()


class DeleteHighlight(_HighlightCommand):
    """Remove a highlight; undo puts it back with its id and every field."""

    def __init__(self, ws: Workspace, highlight_id: int) -> None:
        current = ws.highlights.get(highlight_id)
        super().__init__(ws, current.article_id if current else 0, "Delete highlight")
        self.highlight_id = highlight_id
        self.highlight: Highlight | None = current
        if current is not None:
            self.setText(f"Delete highlight “{_short(current.quote)}”")

    def redo(self) -> None:
        removed = self.ws.highlights.delete(self.highlight_id)
        if removed is None and self.highlight is None:
            self._refuse(HighlightError(f"no highlight {self.highlight_id}"))
            return
        self.highlight = removed or self.highlight
        self._announce()

    def undo(self) -> None:
        if self.highlight is not None:
            self.highlight = self.ws.highlights.restore(self.highlight)
            self._announce()


class EditHighlight(_HighlightCommand):
    """Change perspectives, kind, note, translation, reliability or credibility; undo restores
    the old values."""

    FIELDS = ("perspectives", "kind", "note", "translation", "reliability", "credibility")
    TYPED = ({"note"}, {"translation"})  # text typed in debounced steps: one undo step each

    def __init__(self, ws: Workspace, highlight_id: int, **changes: object) -> None:
        unknown = set(changes) - set(self.FIELDS)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        current = ws.highlights.get(highlight_id)
        super().__init__(ws, current.article_id if current else 0,
                         f"Edit {', '.join(changes)} of highlight")
        self.highlight_id = highlight_id
        self.changes = dict(changes)
        self.before = {k: getattr(current, k) for k in changes} if current else {}

    def redo(self) -> None:
        try:
            self.ws.highlights.update(self.highlight_id, **self.changes)
        except HighlightError as exc:
            self._refuse(exc)
            return
        self._announce()

    def undo(self) -> None:
        if self.before:
            self.ws.highlights.update(self.highlight_id, **self.before)
            self._announce()

    def id(self) -> int:
        return _EDIT_MERGE_ID if set(self.changes) in self.TYPED else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing a note (or a translation) in several debounced steps undoes as one edit."""
        if (not isinstance(other, EditHighlight) or other.highlight_id != self.highlight_id
                or set(other.changes) != set(self.changes)
                or set(other.changes) not in self.TYPED or other.error):
            return False
        self.changes.update(other.changes)
        return True


class TagHighlight(_HighlightCommand):
    """Add and/or remove tags of one highlight (core ``retag``); undo puts the old tags back.

    Adding a tag the highlight already has (in any case) changes nothing, so the
    command is refused with a reason and never reaches the undo stack.
    """

    def __init__(self, ws: Workspace, highlight_id: int, add: Iterable[str] = (),
                 remove: Iterable[str] = ()) -> None:
        current = ws.highlights.get(highlight_id)
        super().__init__(ws, current.article_id if current else 0, "Tag highlight")
        self.highlight_id = highlight_id
        self.add, self.remove = list(add), list(remove)
        self.before = list(current.tags) if current else []
        self.highlight: Highlight | None = current
        self._first = True
        quote = f"“{_short(current.quote)}”" if current else f"#{highlight_id}"
        parts = ([f"Tag {quote}: {', '.join(self.add)}"] if self.add else []) + \
            ([f"Untag {quote}: {', '.join(self.remove)}"] if self.remove else [])
        self.setText("; ".join(parts) or "Tag highlight")

    def redo(self) -> None:
        first, self._first = self._first, False
        try:
            self.ws.require_writable("change tags")
            if self.highlight is None:
                raise HighlightError(f"no highlight {self.highlight_id}")
            self.highlight = self.ws.highlights.retag(self.highlight_id, self.add, self.remove)
        except (HighlightError, WorkspaceError) as exc:
            self._refuse(exc)
            return
        if first and self.highlight.tags == self.before:
            self._refuse(HighlightError("the highlight already has these tags"
                                        if self.add else "the highlight has none of these tags"))
            return
        self._announce()

    def undo(self) -> None:
        if self.highlight is not None:
            self.highlight = self.ws.highlights.update(self.highlight_id, tags=self.before)
            self._announce()


class AcceptSuggestion(_HighlightCommand):
    """Turn a suggested claim into a highlight (core accept); undo deletes it, redo restores it."""

    def __init__(self, ws: Workspace, article_id: int, suggestion: Suggestion,
                 perspectives: Iterable[str] | None = None) -> None:
        super().__init__(ws, article_id, f"Accept suggestion “{_short(suggestion.quote)}”")
        self.suggestion = suggestion
        self.perspectives = list(perspectives) if perspectives is not None else None
        self.highlight: Highlight | None = None

    def redo(self) -> None:
        if self.highlight is None:
            try:
                self.highlight = self._accept()
            except HighlightError as exc:
                self._refuse(exc)
                return
        else:
            self.highlight = self.ws.highlights.restore(self.highlight)
        self._announce()

    def _accept(self) -> Highlight:
        return suggestions.accept_suggestion(self.ws, self.article_id, self.suggestion,
                                             perspectives=self.perspectives)

    def undo(self) -> None:
        if self.highlight is not None:
            self.highlight = self.ws.highlights.delete(self.highlight.id) or self.highlight
            self._announce()


class RejectSuggestion(_HighlightCommand):
    """Remember that a suggestion is not a claim; undo forgets the rejection."""

    def __init__(self, ws: Workspace, article_id: int, suggestion: Suggestion) -> None:
        super().__init__(ws, article_id, f"Reject suggestion “{_short(suggestion.quote)}”")
        self.suggestion = suggestion

    def redo(self) -> None:
        try:
            suggestions.reject_suggestion(self.ws, self.article_id, self.suggestion)
        except HighlightError as exc:
            self._refuse(exc)
            return
        self._announce()

    def undo(self) -> None:
        self.ws.highlights.unreject_suggestion(self.article_id, self.suggestion.quote)
        self._announce()


def _short(text: str, limit: int = 40) -> str:
    return elide(" ".join(text.split()), limit)
