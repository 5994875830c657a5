"""Errors in the app are logged and shown: an exception escaping a slot, a failed index sync."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.core.logs import configure_logging
from briefing.core.workspace import Workspace
from briefing.ui.app import create_main_window
from briefing.ui.errors import install_exception_hook


def _log_text(home: Path) -> str:
    return (home / "state" / "Briefing" / "log" / "briefing.log").read_text(encoding="utf-8")


def _error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible()]


def test_an_exception_in_a_slot_is_logged_and_shown_not_fatal(
        qtbot, isolated_environment: Path) -> None:
    log_file = configure_logging()
    previous = sys.excepthook
    restore = install_exception_hook()
    try:
        def broken_slot() -> None:
            raise RuntimeError("the claims table lost its model")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(_error_boxes()), timeout=5000)
        box = _error_boxes()[0]
        assert box.text() == "an action failed: RuntimeError: the claims table lost its model"
        assert box.informativeText() == f"Your work so far is saved. Details are in {log_file}."
        box.accept()
        qtbot.waitUntil(lambda: not _error_boxes(), timeout=5000)
    finally:
        restore()
    assert sys.excepthook is previous
    logged = _log_text(isolated_environment)
    assert "unhandled error" in logged
    assert "Traceback" in logged and "RuntimeError: the claims table lost its model" in logged


def test_a_failed_index_sync_is_shown_and_logged(
        qtbot, workspace_dir: Path, settings: QSettings, isolated_environment: Path,
        monkeypatch) -> None:
    configure_logging()
    ws = Workspace.open(workspace_dir)
    window = create_main_window(ws, settings, start=False)
    qtbot.addWidget(window)
    index_dir = ws.index_dir

    def full_disk() -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(index_dir / "MAIN.toc"))

    monkeypatch.setattr(ws.index, "sync", full_disk)
    try:
        window._sync_index()
        qtbot.waitUntil(lambda: "could not be updated" in window.statusBar().currentMessage(),
                        timeout=10_000)
        message = window.statusBar().currentMessage()
        assert message.startswith("The search index could not be updated (index update "
                                  f"stopped: cannot write {index_dir}: the disk is full (")
        assert message.endswith("search may miss the latest changes until it is")
        assert window._sync_task is None  # the next change can try again
    finally:
        window.shutdown()
        window.close()
        ws.close()
    logged = _log_text(isolated_environment)
    assert "index update stopped" in logged and "No space left on device" in logged
