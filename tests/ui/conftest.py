"""Qt fixtures for the UI tests: private settings, and no window or thread left behind."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack

from briefing.core.workspace import Workspace
from briefing.ui.tasks import wait_for_tasks


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[QSettings]:
    """QSettings in an ini file under the test's temp folder (never the user's)."""
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield s
    s.sync()


@pytest.fixture(autouse=True)
def _join_background_tasks(qapp) -> Iterator[None]:
    """Every test ends with its background tasks cancelled and joined, then the garbage
    it left (Qt wrappers in reference cycles) is collected here, on the UI thread with no
    pool thread running, not during a later test while a background task runs: one CI
    run crashed in such a collection (a segmentation fault in the UI thread's garbage
    collection while a suggestions task ran on a pool thread)."""
    yield
    assert wait_for_tasks(timeout_ms=30_000), "a background task did not finish"
    gc.collect()


@pytest.fixture
def ws(workspace_dir: Path) -> Iterator[Workspace]:
    """A fresh workspace, closed after the test once its background tasks are joined, as
    the main window does before it closes its workspace (a test file may override it)."""
    with Workspace.open(workspace_dir) as workspace:
        yield workspace
        assert wait_for_tasks(timeout_ms=30_000), "a background task did not finish"


@pytest.fixture
def stack() -> QUndoStack:
    """The undo stack a reader or highlights panel shares with the main window."""
    return QUndoStack()
