"""Switching workspaces in the app: New, Open, Open recent, and the Sample.

The switcher owns the open workspace and its window. A switch opens the other
workspace first (so a refusal — busy, damaged, not a library — leaves the current
one untouched), then shuts the current window down (background tasks joined, layout
saved), builds the new window in its place and only then closes the old workspace,
which releases its writer lock. The recent list lives in QSettings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from briefing.core.ingest.sample import mark_sample
from briefing.core.workspace import DB_NAME, Workspace

if TYPE_CHECKING:
    from briefing.ui.app import Chooser
    from briefing.ui.main_window import MainWindow

RECENT_KEY = "workspaces/recent"
MAX_RECENT = 8


def _key(root: Path | str) -> str:
    return str(Path(root).expanduser().absolute())


def recent_workspaces(settings: QSettings) -> list[Path]:
    """The workspaces opened lately, newest first (folders that no longer hold a library
    are left out)."""
    value = settings.value(RECENT_KEY, [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [Path(p) for p in items if p and (Path(p) / DB_NAME).exists()]


def remember_workspace(settings: QSettings, root: Path) -> None:
    value = settings.value(RECENT_KEY, [])
    items = [value] if isinstance(value, str) else [str(p) for p in value or []]
    key = _key(root)
    settings.setValue(RECENT_KEY, [key, *[p for p in items if p != key]][:MAX_RECENT])
    settings.sync()


def new_workspace_problem(folder: Path) -> str | None:
    """Why `folder` cannot take a new workspace (None when it can: missing, empty, or
    already a workspace, which is then simply opened)."""
    if not folder.exists() or (folder / DB_NAME).exists():
        return None
    if not folder.is_dir():
        return f"{folder} is a file, not a folder"
    if any(folder.iterdir()):
        return (f"{folder} already holds other files; choose an empty folder (or make a new "
                "one) for the workspace")
    return None


class WorkspaceSwitcher(QObject):
    """The app's one open workspace and its window; `switch()` replaces both."""

    switched = Signal(object)  # the new MainWindow

    def __init__(self, settings: QSettings, choose: Chooser | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.choose = choose
        self.window: MainWindow | None = None
        self.ws: Workspace | None = None

    @classmethod
    def adopt(cls, window: MainWindow) -> WorkspaceSwitcher:
        """A switcher for a window made without one (the window's workspace is its own)."""
        switcher = cls(window.settings)
        switcher.window, switcher.ws = window, window.ws
        window.switcher = switcher
        return switcher

    def open(self, root: Path, sample: bool = False, start: bool = True) -> MainWindow | None:
        """Open `root` in a window (the first one, or in place of the current one); None
        when it could not be opened (the reason was shown; the current window stays)."""
        from briefing.ui.app import create_main_window, open_workspace

        root = Path(root).expanduser()
        if self.window is not None and self.ws is not None and _key(self.ws.root) == _key(root):
            self.window.raise_()
            self.window.activateWindow()
            return self.window
        ws = open_workspace(root, parent=self.window, choose=self.choose)
        if ws is None:
            return None
        if sample:
            mark_sample(ws)
        old_window, old_ws = self.window, self.ws
        if old_window is not None:
            old_window.shutdown()  # joins its background tasks and saves the layout
        window = create_main_window(ws, self.settings, start=start)
        window.switcher = self
        self.window, self.ws = window, ws
        remember_workspace(self.settings, ws.root)
        window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_ws is not None:
            old_ws.close()  # releases the writer lock
        self.switched.emit(window)
        return window

    def close(self) -> None:
        """The app is quitting: stop the window's work and release the workspace."""
        if self.window is not None:
            self.window.shutdown()
        if self.ws is not None:
            self.ws.close()
        self.window = self.ws = None
