"""Undoable article actions for the shared QUndoStack: edit details, delete articles.

Each command calls the core (``briefing.core.details``, ``briefing.core.deletion``), never
SQL, and commits as it happens. After every change it announces the article ids on the
workspace's ``ArticleEvents``, so the library row, the reader header, the details pane and
search results redraw whoever pushed the command (details pane, library menu, Edit ▸ Undo).
A command whose first ``redo`` is refused by the core marks itself obsolete, so
``QUndoStack.push`` drops it; its ``error`` says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from briefing.core.backups import BackupError
from briefing.core.deletion import DeletedArticles, delete_articles, restore_articles
from briefing.core.details import DetailsChange, DetailsError, edit_details, restore_details
from briefing.core.workspace import Workspace, WorkspaceReadOnly
from briefing.ui import qtcompat  # noqa: F401  (guards Signal.emit in PySide6 6.12.0)
from briefing.ui.notifiers import notifier
from briefing.ui.wording import count


class ArticleEvents(QObject):
    """Announces that articles' details changed, or that articles went or came back."""

    changed = Signal(list)  # article ids


def article_events(ws: Workspace) -> ArticleEvents:
    """The one article notifier of a workspace (created on first use)."""
    return notifier(ws, ArticleEvents)


class EditDetails(QUndoCommand):
    """Set and/or confirm fields of one article; undo puts the old values and provenance back."""

    def __init__(self, ws: Workspace, article_id: int, changes: Mapping[str, Any] | None = None,
                 confirm: Iterable[str] = ()) -> None:
        super().__init__("Edit article details")
        self.ws = ws
        self.article_id = article_id
        self.changes = dict(changes or {})
        self.confirm = list(confirm)
        self.change: DetailsChange | None = None
        self.error: str | None = None

    def redo(self) -> None:
        if self.change is None:
            try:
                self.change = edit_details(self.ws, self.article_id, self.changes, self.confirm,
                                           index=False)
            except (DetailsError, WorkspaceReadOnly) as exc:
                self.error = str(exc)
                self.setObsolete(True)
                return
            if not self.change.changed:
                self.setObsolete(True)  # nothing to undo
                return
            verb = "Confirm" if not self.changes else "Edit"
            self.setText(f"{verb} {', '.join(_label(f) for f in self.change.changed)}")
        elif not self._put(self.change.after):
            return
        article_events(self.ws).changed.emit([self.article_id])

    def undo(self) -> None:
        if self.change is not None and self._put(self.change.before):
            article_events(self.ws).changed.emit([self.article_id])

    def _put(self, values: dict[str, Any]) -> bool:
        """Restore a snapshot; False (and `error` set) if the article is gone meanwhile."""
        try:
            restore_details(self.ws, self.article_id, values, index=False)
        except (DetailsError, WorkspaceReadOnly) as exc:
            self.error = str(exc)
            return False
        return True


class DeleteArticles(QUndoCommand):
    """Delete articles (after a verified backup); undo puts them back with their highlights."""

    def __init__(self, ws: Workspace, article_ids: Iterable[int]) -> None:
        ids = list(article_ids)
        super().__init__(f"Delete {count(len(ids), 'article')}")
        self.ws = ws
        self.article_ids = ids
        self.deleted: DeletedArticles | None = None
        self.error: str | None = None

    def redo(self) -> None:
        try:
            self.deleted = delete_articles(self.ws, self.article_ids)
        except (WorkspaceReadOnly, BackupError) as exc:
            self.error = f"{exc}; nothing was deleted"
            self.setObsolete(True)
            return
        if not self.deleted.ids:
            self.setObsolete(True)
            return
        article_events(self.ws).changed.emit(list(self.deleted.ids))

    def undo(self) -> None:
        if self.deleted is not None:
            restore_articles(self.ws, self.deleted)
            article_events(self.ws).changed.emit(list(self.deleted.ids))


_LABELS = {"published": "date", "source_url": "URL"}


def _label(name: str) -> str:
    return _LABELS.get(name, name)
