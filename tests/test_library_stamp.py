"""Opening a library that a clean close left skips SQLite's full page check; any write
since (a failing disk's garbage page, a crash's WAL) brings the check back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.core.ingest.pipeline import import_files
from briefing.core.store import health
from briefing.core.workspace import Workspace
from faults_support import write_articles

PAGE = 4096


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full check run, by the path of the library it read."""
    real, seen = health.quick_check, []

    def counting(conn):  # noqa: ANN001, ANN202
        seen.append(conn)
        return real(conn)

    monkeypatch.setattr(health, "quick_check", counting)
    return seen


def _library(tmp_path: Path) -> Path:
    ws_dir = tmp_path / "ws"
    with Workspace.open(ws_dir) as ws:
        list(import_files(ws, write_articles(tmp_path / "in", 30, words=600)))
    return ws_dir


def test_a_cleanly_closed_library_opens_without_the_full_check(tmp_path: Path,
                                                                checks: list) -> None:
    ws_dir = _library(tmp_path)
    assert (ws_dir / health.SOUND_STAMP).exists()
    checks.clear()
    with Workspace.open(ws_dir) as ws:
        assert not ws.readonly and ws.articles.count() == 30
    assert checks == []
    with Workspace.open(ws_dir) as ws:  # and again after this writer's own close
        assert not ws.readonly
    assert checks == []


def test_a_garbage_page_written_after_the_close_is_still_found(tmp_path: Path,
                                                               checks: list) -> None:
    ws_dir = _library(tmp_path)
    path = ws_dir / "library.sqlite3"
    size = path.stat().st_size
    with path.open("r+b") as stream:  # at once, as a failing disk would
        stream.seek(max(PAGE, (size // PAGE // 2) * PAGE))
        stream.write(os.urandom(PAGE * 3))
    checks.clear()
    with Workspace.open(ws_dir) as ws:
        assert ws.readonly and ws.damage and "SQLite" in ws.damage
    assert len(checks) == 1


def test_a_library_a_crash_left_is_checked(tmp_path: Path, checks: list) -> None:
    ws_dir = _library(tmp_path)
    (ws_dir / health.SOUND_STAMP).unlink()  # as a writer that never closed leaves it
    checks.clear()
    with Workspace.open(ws_dir) as ws:
        assert not ws.readonly
    assert len(checks) == 1
