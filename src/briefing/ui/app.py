"""Start the desktop app: QApplication, identity, theme, workspace, main window.

The default workspace is resolved when `run()` is called (never at import
time), so `BRIEFING_WORKSPACE` and `--workspace` are honoured. A workspace
held by another Briefing window is offered read-only instead of failing.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefing import APP_ID, APP_NAME, __version__
from briefing.core.resources import resource
from briefing.core.workspace import Workspace, WorkspaceBusy, WorkspaceError, default_workspace
from briefing.ui import theme
from briefing.ui.main_window import MainWindow


def create_main_window(ws: Workspace, settings: QSettings, start: bool = True) -> MainWindow:
    """The main window over an open workspace; `start` begins the background checks
    (index, and the sample articles on the first start of an empty workspace).

    Index writes go to a helper process: in a thread, Whoosh's writer kept the
    interpreter lock from the UI thread for up to 400 ms during an import.
    """
    if not ws.readonly:
        ws.index.write_in_process()
    window = MainWindow(ws, settings)
    if start:
        window.start_background()
    return window


def open_workspace(root: Path, parent: QWidget | None = None) -> Workspace | None:
    """Open for writing; if another window holds it, ask whether to open read-only."""
    try:
        return Workspace.open(root)
    except WorkspaceBusy as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME}: workspace in use",
                          f"{str(exc)[:1].upper()}{str(exc)[1:]}.", parent=parent)
        box.setInformativeText("Read-only lets you read and search; highlights and imports "
                               "are made in the other window.")
        readonly = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(readonly)
        box.exec()
        if box.clickedButton() is not readonly:
            return None
        try:
            return Workspace.open(root, readonly=True)
        except WorkspaceError as again:
            QMessageBox.critical(parent, APP_NAME, str(again))
            return None
    except WorkspaceError as exc:
        QMessageBox.critical(parent, f"{APP_NAME}: cannot open the workspace", str(exc))
        return None


def apply_theme(settings: QSettings) -> None:
    """The user's choice if they made one, else the platform's light or dark scheme."""
    choice = settings.value("theme/dark")
    if choice is None:
        theme.apply_system_theme()
    else:
        theme.set_dark(str(choice).lower() in ("true", "1"))


SWITCH_INTERVAL_S = 0.002


def init_application() -> QApplication:
    """The QApplication with Briefing's names, desktop id and icon.

    Background work is Python too and shares the interpreter lock with the UI
    thread; a shorter switch interval (CPython's default is 5 ms) lets the UI
    thread get it back sooner, so it keeps answering while an import runs.
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = resource("icons", f"{APP_ID}.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def settle_memory() -> None:
    """Once the window is built: collect, then freeze what exists (modules, Qt wrappers).

    Python's full garbage collections scan every tracked object while holding
    the interpreter lock; leaving the start-up objects out of them keeps those
    pauses short while background work allocates.
    """
    gc.collect()
    gc.freeze()


def run(workspace: str | None) -> int:
    """Open the main window on `workspace` (default: the user's) and run until it closes."""
    app = init_application()
    settings = QSettings()
    apply_theme(settings)
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda _scheme: apply_theme(settings))
    root = Path(workspace).expanduser() if workspace else default_workspace()
    ws = open_workspace(root)
    if ws is None:
        return 2
    window = create_main_window(ws, settings)
    window.show()
    settle_memory()
    try:
        return int(app.exec())
    finally:
        window.shutdown()
        ws.close()
