"""The library's collections list: All articles, each set and each saved search.

Choosing one filters the library (and limits search and export to it); articles
dragged from the library table onto a set join it. Every change goes through
briefing.core.collections; a saved search's members are its query re-run, so the
counts here follow imports and highlights.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from briefing.core import collections
from briefing.core.collections import Collection
from briefing.core.workspace import Workspace
from briefing.ui.wording import count

log = logging.getLogger(__name__)

ARTICLE_MIME = "application/x-briefing-article-ids"
ALL_ARTICLES = "All articles"


def article_mime(ids: list[int]) -> QMimeData:
    """What a drag of library rows carries: the article ids, as JSON."""
    mime = QMimeData()
    mime.setData(ARTICLE_MIME, json.dumps(ids).encode("ascii"))
    return mime


def dragged_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(ARTICLE_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(ARTICLE_MIME).data()))]
    except (ValueError, TypeError):
        return []


class CollectionsList(QListWidget):
    """All articles, then the collections; emits `chosen(name or None)` and
    `articlesDropped(name, ids)` when library rows are dropped on a set."""

    chosen = Signal(object)
    articlesDropped = Signal(str, list)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("collectionsList")
        self.setAcceptDrops(not ws.readonly)
        self.setDropIndicatorShown(True)
        self.setToolTip("Choose a collection to filter the library, search and export by it; "
                        "drop articles on a set to add them")
        self.items: dict[str | None, Collection | None] = {}
        self.currentItemChanged.connect(self._current_changed)
        self.refresh()

    # -- public -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the collections (saved searches are re-run); the choice is kept."""
        chosen = self.current_name()
        try:
            found = collections.list_collections(self.ws)
        except Exception:  # noqa: BLE001 - a damaged library opened read-only: show none
            log.warning("the collections of %s cannot be read", self.ws.root, exc_info=True)
            found = []
        self.items = {None: None, **{c.name: c for c in found}}
        self.blockSignals(True)
        self.clear()
        try:
            total = self.ws.articles.count()
        except Exception:  # noqa: BLE001 - as above
            total = 0
        self._add(f"{ALL_ARTICLES}  ·  {total:,}", None, "Every article in this workspace")
        for c in found:
            if c.query is not None:
                tip = f"Saved search: {c.query}\nIts articles are the ones the query matches now"
                label = f"⌕ {c.name}  ·  {len(c.article_ids):,}"
            else:
                tip = f"A set of {count(len(c.article_ids), 'article')}; drop articles here to add them"
                label = f"{c.name}  ·  {len(c.article_ids):,}"
            self._add(label, c.name, tip)
        names = [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]
        self.setCurrentRow(names.index(chosen) if chosen in names else 0)
        self.blockSignals(False)
        if chosen not in names:
            self.chosen.emit(None)
        self.setMaximumHeight(max(44, min(6, self.count()) * self.sizeHintForRow(0) + 6))

    def current_name(self) -> str | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def current(self) -> Collection | None:
        return self.items.get(self.current_name())

    def choose(self, name: str | None) -> bool:
        for i in range(self.count()):
            data = self.item(i).data(Qt.ItemDataRole.UserRole)
            if (data is None and name is None) or (
                    data is not None and name is not None and data.lower() == name.lower()):
                self.setCurrentRow(i)
                return True
        return False

    def sets(self) -> list[str]:
        return [name for name, c in self.items.items() if c is not None and c.query is None]

    # -- internals --------------------------------------------------------------------
    def _add(self, label: str, name: str | None, tip: str) -> None:
        item = QListWidgetItem(label, self)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setToolTip(tip)

    def _current_changed(self, *_args: object) -> None:
        self.chosen.emit(self.current_name())

    def _set_at(self, pos: QPoint) -> str | None:
        item = self.itemAt(pos)
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return name if name in self.sets() else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if dragged_ids(event.mimeData()) and not self.ws.readonly:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if dragged_ids(event.mimeData()) and self._set_at(event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        ids = dragged_ids(event.mimeData())
        name = self._set_at(event.position().toPoint())
        if not ids or name is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.articlesDropped.emit(name, ids)
