"""The Briefs list: every saved brief with its size, last export and what is new.

New, Duplicate, Rename and Delete go on the window's undo stack (see brief_commands);
Open (or a double-click) hands the brief to the builder dialog, which edits it and saves as
it goes. What a brief holds, offers and counts as new is the core's (briefing.core.briefs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core import briefs
from briefing.core.export.selection import short_date
from briefing.core.workspace import Workspace
from briefing.ui.brief_commands import DeleteBrief, NewBrief, RenameBrief, brief_events

log = logging.getLogger(__name__)

COLUMNS = ("Brief", "Title", "Highlights", "Last export", "What is new")
NAME_ROLE = Qt.ItemDataRole.UserRole

Ask = Callable[[str, str, str], str | None]  # (title, label, default) -> text or None


def news_text(brief: briefs.Brief) -> str:
    """'2 highlights, 1 source new since 5 Dec 2026 · 3 new matches to add' (or '')."""
    parts = []
    news = brief.new
    if news is not None and (news.highlights or news.sources):
        bits = [f"{len(news.highlights)} highlight{'s' * (len(news.highlights) != 1)}"]
        if news.sources:
            bits.append(f"{len(news.sources)} source{'s' * (len(news.sources) != 1)}")
        parts.append(f"{', '.join(bits)} {news.label[0].lower()}{news.label[1:]}")
    if brief.offered:
        n = len(brief.offered)
        parts.append(f"{n} new match{'es' * (n != 1)} to add")
    return "  ·  ".join(parts)


class BriefsPanel(QWidget):
    """The saved briefs of a workspace; emits `openRequested(name)` to edit one."""

    openRequested = Signal(str)

    def __init__(self, ws: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None,
                 collection: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.undo_stack = undo_stack
        self.collection = collection  # the library's collection: a new brief draws from it
        self.ask: Ask = self._ask  # tests replace it
        self.last_error: str | None = None
        self.setObjectName("briefsPanel")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("briefsList")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(lambda item, _col: self.open_current())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, label, slot, tip in (
                ("new", "New…", self.new_brief, "A new brief drawing from the collection "
                                                "the library shows"),
                ("duplicate", "Duplicate…", self.duplicate, "A new brief from this one: same "
                                                            "order and settings, no history"),
                ("rename", "Rename…", self.rename, "Give this brief another name"),
                ("delete", "Delete", self.delete, "Delete this brief (Edit ▸ Undo puts it "
                                                  "back)"),
                ("open", "Open…", self.open_current, "Edit and export this brief")):
            button = QPushButton(label, self)
            button.setObjectName(f"brief_{key}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self.message = QLabel("", self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        brief_events(ws).changed.connect(self._changed)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------
    def refresh(self, choose: str | None = None) -> None:
        """Re-read every brief; keeps (or moves to) the chosen one."""
        keep = choose or self.current_name()
        try:
            found = briefs.list_briefs(self.ws)
        except Exception:  # noqa: BLE001 - a damaged library opened read-only: show none
            log.warning("the briefs of %s cannot be read", self.ws.root, exc_info=True)
            found = []
        self.tree.clear()
        for b in found:
            last = b.row.exports[-1] if b.row.exports else None
            when = short_date(last.exported[:10]) + f" ({last.format})" if last else "never"
            item = QTreeWidgetItem(self.tree, [b.name, b.row.title, str(len(b.highlights)),
                                               when, news_text(b)])
            item.setData(0, NAME_ROLE, b.name)
            if last is not None:
                item.setToolTip(3, last.path)
            if keep and b.name.lower() == keep.lower():
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        self._update_buttons()

    def names(self) -> list[str]:
        return [self.tree.topLevelItem(i).data(0, NAME_ROLE)
                for i in range(self.tree.topLevelItemCount())]

    def rows(self) -> list[list[str]]:
        """What the list shows, row by row (tests read it as a user would)."""
        return [[self.tree.topLevelItem(i).text(c) for c in range(len(COLUMNS))]
                for i in range(self.tree.topLevelItemCount())]

    def current_name(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, NAME_ROLE) if item is not None else None

    def choose(self, name: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, NAME_ROLE).lower() == name.lower():
                self.tree.setCurrentItem(item)
                return True
        return False

    # -- changing (each an undoable command) ---------------------------------------------------
    def new_brief(self, name: str | None = None) -> str | None:
        name = name or self.ask("New brief", "Name of the new brief:", "")
        if not name or not name.strip():
            return None
        return self._push(NewBrief(self.ws, name.strip(), collection=self.collection()))

    def duplicate(self, new_name: str | None = None) -> str | None:
        source = self.current_name()
        if source is None:
            return None
        new_name = new_name or self.ask("Duplicate brief", f"Name of the copy of {source}:",
                                        f"{source} (copy)")
        if not new_name or not new_name.strip():
            return None
        return self._push(NewBrief(self.ws, new_name.strip(), source=source))

    def rename(self, new_name: str | None = None) -> str | None:
        old = self.current_name()
        if old is None:
            return None
        new_name = new_name or self.ask("Rename brief", f"New name for {old}:", old)
        if not new_name or not new_name.strip() or new_name.strip() == old:
            return None
        return self._push(RenameBrief(self.ws, old, new_name.strip()))

    def delete(self) -> bool:
        name = self.current_name()
        if name is None:
            return False
        return self._push(DeleteBrief(self.ws, name)) is not None

    def open_current(self) -> None:
        name = self.current_name()
        if name is not None:
            self.openRequested.emit(name)

    # -- internals -------------------------------------------------------------------------
    def _push(self, command: NewBrief | RenameBrief | DeleteBrief) -> str | None:
        self.undo_stack.push(command)
        if command.error:
            self.last_error = command.error
            self.message.setText(command.error[:1].upper() + command.error[1:])
            return None
        self.last_error = None
        self.message.setText(f"{command.text()} (Edit ▸ Undo takes it back)")
        name = getattr(command, "name", None) or getattr(command, "new", None)
        if isinstance(command, DeleteBrief):
            return command.name
        if name:
            self.refresh(choose=name)
        return name

    def _changed(self, name: str) -> None:
        self.refresh(choose=name or None)

    def _update_buttons(self) -> None:
        chosen = self.current_name() is not None
        writable = not self.ws.readonly
        self.buttons["new"].setEnabled(writable)
        for key in ("duplicate", "rename", "delete"):
            self.buttons[key].setEnabled(chosen and writable)
        self.buttons["open"].setEnabled(chosen)

    def _ask(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, text=default)
        return text if ok else None
