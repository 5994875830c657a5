"""Start the desktop app: QApplication, identity, theme, workspace, main window.

The default workspace is resolved when `run()` is called (never at import
time), so `BRIEFING_WORKSPACE` and `--workspace` are honoured. A workspace
held by another Briefing window is offered read-only instead of failing.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefing import APP_ID, APP_NAME, __version__
from briefing.core import recovery
from briefing.core.backups import BackupError, newest_good
from briefing.core.ingest.sample import is_first_start, sample_workspace_dir
from briefing.core.logs import configure_logging
from briefing.core.resources import resource
from briefing.core.workspace import Workspace, WorkspaceBusy, WorkspaceError, default_workspace
from briefing.ui import theme
from briefing.ui.errors import install_exception_hook
from briefing.ui.main_window import MainWindow
from briefing.ui.wording import count
from briefing.ui.workspace_switcher import (
    WorkspaceSwitcher,
    recent_workspaces,
    remember_workspace,
)

log = logging.getLogger(__name__)


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


Chooser = Callable[[str, str, list[str]], str | None]


def ask(title: str, text: str, buttons: list[str], parent: QWidget | None = None) -> str | None:
    """A question with named buttons (the first is the default); the chosen name or None."""
    box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME}: {title}", text, parent=parent)
    made = [box.addButton(name, QMessageBox.ButtonRole.AcceptRole if i == 0 else
                          QMessageBox.ButtonRole.RejectRole if name == "Quit" else
                          QMessageBox.ButtonRole.ActionRole) for i, name in enumerate(buttons)]
    box.setDefaultButton(made[0])
    box.exec()
    clicked = box.clickedButton()
    return next((name for name, button in zip(buttons, made, strict=True) if button is clicked),
                None)


def _readable(ws: Workspace) -> bool:
    """Can the window show this damaged library at all (its tables still read)?"""
    try:
        ws.perspectives.all()
        ws.articles.list()
    except Exception:  # noqa: BLE001 - any failure: the damage reaches what the window reads
        return False
    return True


def offer_repair(ws: Workspace, choose: Chooser, parent: QWidget | None = None
                 ) -> Workspace | None:
    """A damaged library: offer the newest good backup (or a recovery from originals/),
    the way Zotero does; else open read-only. Returns the workspace to show, or None."""
    root = ws.root
    good = newest_good(root)
    if good is not None:
        offer = "Restore the backup"
        text = (f"The library in {root} is damaged: {ws.damage}.\n\nThe newest good backup "
                f"is from {good.created[:16].replace('T', ' ')} UTC "
                f"({count(good.articles, 'article')}, {count(good.highlights, 'highlight')}). Restoring it keeps the damaged "
                "file in the backups folder.")
    else:
        offer = "Recover from originals"
        text = (f"The library in {root} is damaged: {ws.damage}.\n\nThere is no good "
                "backup. Briefing can rebuild the library from what it still holds and from "
                "the original files it kept; highlights in damaged parts may be lost.")
    buttons = [offer, "Open read-only", "Quit"] if _readable(ws) else [offer, "Quit"]
    answer = choose("the library is damaged", text, buttons)
    if answer == "Open read-only":
        return ws
    ws.close()
    if answer != offer:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if good is not None:
            recovery.restore(root, good.name)
        else:
            recovery.recover(root)
    except (BackupError, WorkspaceError, OSError) as exc:
        log.exception("repairing %s failed", root)
        QMessageBox.critical(parent, APP_NAME, f"Nothing was changed: {exc}")
        return None
    finally:
        QApplication.restoreOverrideCursor()
    try:
        return Workspace.open(root)
    except WorkspaceError as exc:
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return None


def open_workspace(root: Path, parent: QWidget | None = None,
                   choose: Chooser | None = None) -> Workspace | None:
    """Open for writing; if another window holds it, ask whether to open read-only; if the
    library is damaged, offer to restore it."""
    choose = choose or (lambda title, text, buttons: ask(title, text, buttons, parent))
    try:
        ws = Workspace.open(root)
    except WorkspaceBusy as exc:
        text = (f"{str(exc)[:1].upper()}{str(exc)[1:]}.\n\nRead-only lets you read, search "
                "and export; highlights and imports are made in the other window.")
        if choose("workspace in use", text, ["Open read-only", "Quit"]) != "Open read-only":
            return None
        try:
            return Workspace.open(root, readonly=True)
        except WorkspaceError as again:
            QMessageBox.critical(parent, APP_NAME, str(again))
            return None
    except WorkspaceError as exc:
        QMessageBox.critical(parent, f"{APP_NAME}: cannot open the workspace", str(exc))
        return None
    if ws.damage:
        return offer_repair(ws, choose, parent)
    return ws


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


def start_workspace(settings: QSettings, workspace: str | None) -> tuple[Path, bool]:
    """(the workspace to open first, whether it is the Sample).

    `--workspace` (or $BRIEFING_WORKSPACE) wins. On the very first start the user's own
    library is made empty and the Sample workspace opens beside it with the shipped
    articles; later starts open the workspace used last, else the user's library.
    """
    if workspace:
        return Path(workspace).expanduser(), False
    default = default_workspace()
    if is_first_start(default):
        try:
            Workspace.open(default).close()  # the user's own library exists, empty
            remember_workspace(settings, default)
        except WorkspaceError as exc:
            log.warning("could not make the default workspace: %s", exc)
        return sample_workspace_dir(), True
    if "BRIEFING_WORKSPACE" not in os.environ:
        recent = recent_workspaces(settings)
        if recent:
            return recent[0], False
    return default, False


def run(workspace: str | None) -> int:
    """Open the main window on `workspace` (default: the user's) and run until it closes."""
    configure_logging()
    app = init_application()
    settings = QSettings()
    apply_theme(settings)
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: apply_theme(settings))
    root, sample = start_workspace(settings, workspace)
    switcher = WorkspaceSwitcher(settings)
    if switcher.open(root, sample=sample) is None:
        return 2
    restore_hooks = install_exception_hook(lambda: switcher.window)
    settle_memory()
    try:
        return int(app.exec())
    finally:
        switcher.close()
        restore_hooks()
