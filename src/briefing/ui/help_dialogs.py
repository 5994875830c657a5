"""Help: the keyboard shortcuts and the About box (plain text, nothing loaded)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing import APP_NAME, __version__
from briefing.core.workspace import Workspace

SHORTCUT_HELP = [
    ("Ctrl+K", "Search all articles; Enter opens the first hit, ↓ moves into the results"),
    ("Ctrl+L", "Filter the library by title, publisher, author or tag"),
    ("F2 (library)", "Edit the article's details: title, publisher, authors, date, URL, kind"),
    ("Ctrl+U (library)", "Show the original file as text"),
    ("Del (library)", "Delete the selected articles (asks first; Ctrl+Z puts them back)"),
    ("F2 (claims)", "Correct the current figure (right-click: subject, perspectives)"),
    ("Del (claims)", "Exclude the current figure from the comparison, or include it again"),
    ("Ctrl+F", "Find in the open article"),
    ("1 – 9", "Tag the selected text with a perspective (Edit › Perspectives lists the keys)"),
    ("Enter / Backspace", "Accept / reject the suggested highlight under the cursor"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo any highlight action, details edit, deletion or claims correction"),
    ("Ctrl+E", "Export a briefing note"),
    ("Ctrl+Shift+E", "Briefs: reopen, duplicate or export a note kept from an earlier day"),
    ("Ctrl+O / Ctrl+Shift+O", "Import files / a folder (or drop them on the window)"),
    ("Ctrl+Shift+P", "Edit perspectives: names, colours, keys and cues"),
    ("Ctrl+Shift+S", "Speakers: give a speaker a perspective for all their statements"),
    ("N / P", "Next / previous suggested claim in the reader"),
    ("Ctrl+Shift+N", "New workspace: an empty one in a folder of its own"),
    ("Ctrl+Alt+O / Ctrl+Alt+1…9", "Open a workspace / one of the recent ones (File › Open "
                                  "recent)"),
    ("Ctrl+Shift+F1", "Open the Sample workspace (five shipped articles)"),
]


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box


def show_shortcuts(parent: QWidget) -> QMessageBox:
    lines = "\n".join(f"{keys:<24}{what}" for keys, what in SHORTCUT_HELP)
    return _box(parent, QMessageBox.Icon.NoIcon, "Keyboard shortcuts", lines)


def show_about(parent: QWidget, ws: Workspace) -> QMessageBox:
    return _box(parent, QMessageBox.Icon.Information, f"About {APP_NAME}",
                f"{APP_NAME} {__version__}\nOffline reading, highlighting and briefing notes "
                f"for analysts.\nWorkspace: {ws.root}")
