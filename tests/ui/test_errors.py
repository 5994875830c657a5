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


def test_an_import_stopped_by_a_full_disk_says_so_and_keeps_what_was_imported(
        qtbot, tmp_path: Path, settings: QSettings, isolated_environment: Path) -> None:
    from briefing.core.ingest.sample import SEEDED_KEY
    from faults_support import small_disk, snapshot, write_articles

    write_articles(tmp_path / "in", 300, words=500)
    with small_disk(tmp_path / "disk", "2m") as disk:
        ws_dir = disk / "ws"
        with Workspace.open(ws_dir) as ws:
            ws.db.set_setting(SEEDED_KEY, "1")  # not a first start: no sample articles
        configure_logging()
        ws = Workspace.open(ws_dir)
        window = create_main_window(ws, settings, start=False)
        qtbot.addWidget(window)
        try:
            window.importer.import_paths([tmp_path / "in"])
            qtbot.waitUntil(lambda: window.importer.last_summary is not None, timeout=120_000)
            summary = window.importer.last_summary
            imported = [r for r in summary.results if r.status == "imported"]
            assert 0 < len(imported) < 300
            assert summary.windowTitle() == "Import stopped"
            heading = summary.heading.text()
            assert heading.startswith(f"Imported {len(imported)} articles. The import stopped "
                                      "early because of an error: import stopped: cannot write ")
            assert "the disk is full (" in heading and "needed); free some space" in heading
            summary.close()
        finally:
            window.shutdown()
            window.close()
            ws.close()
        after = snapshot(ws_dir)
        assert after["integrity"] == "ok" and len(after["articles"]) == len(imported)
    assert "import stopped: cannot write" in _log_text(isolated_environment)
