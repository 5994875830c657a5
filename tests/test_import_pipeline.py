"""The overlapped import: lines in file order, the index in step with the library, and a
fault in the background (the index, an original's write) stopping the batch with one line."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from briefing.core.diskerrors import WriteFailed
from briefing.core.ingest import pipeline
from briefing.core.ingest.pipeline import import_files
from briefing.core.search import SearchIndex
from briefing.core.workspace import Workspace
from faults_support import snapshot, write_articles


def test_lines_come_in_file_order_with_duplicates_and_failures_between(tmp_path: Path) -> None:
    files = write_articles(tmp_path / "in", 4)
    shutil.copy(files[1], tmp_path / "in" / "article-0001-copy.txt")  # sorts after 0001
    (tmp_path / "in" / "article-0002-short.txt").write_text("Too short.\n", encoding="utf-8")
    with Workspace.open(tmp_path / "ws") as ws:
        steps = list(import_files(ws, [tmp_path / "in"]))
        assert [s.done for s in steps] == list(range(1, 7))
        assert [(Path(s.result.path).name, s.result.status) for s in steps] == [
            ("article-0000.txt", "imported"), ("article-0001-copy.txt", "imported"),
            ("article-0001.txt", "duplicate"), ("article-0002-short.txt", "failed"),
            ("article-0002.txt", "imported"), ("article-0003.txt", "imported")]
        assert steps[2].result.duplicate_of == steps[1].result.article_id
        assert ws.index.disagreements() == (set(), set())


def test_a_large_import_indexes_in_the_helper_process_and_agrees_with_the_library(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "HELPER_FROM", 5)
    write_articles(tmp_path / "in", 14)
    helpers: set[int | None] = set()
    with Workspace.open(tmp_path / "ws") as ws:
        ws.index.ensure()  # as the CLI and the app do on opening
        for _step in import_files(ws, [tmp_path / "in"], index_every=4):
            helpers.add(ws.index.index.helper_pid)
        assert helpers - {None}, "the index was never written by the helper process"
        assert ws.index.index.helper_pid is None  # stopped once the import ended
        assert not ws.index.index.uses_process
        assert ws.index.disagreements() == (set(), set())
        assert ws.index.state() == "ok"
        assert ws.index.search('"report number"', limit=1).total == 14
        assert len(ws.db._all) == 1  # the background syncs' connections were closed


def test_an_index_fault_in_the_background_stops_the_import_and_keeps_what_was_added(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_articles(tmp_path / "in", 10)
    ws_dir = tmp_path / "ws"
    real_upsert, calls = SearchIndex.upsert, []

    def full_disk(self: SearchIndex, docs: list, policy: str = "ladder") -> None:
        calls.append(len(docs))
        if len(calls) >= 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.folder / "x.seg"))
        real_upsert(self, docs, policy)

    monkeypatch.setattr(SearchIndex, "upsert", full_disk)
    shown = []
    with Workspace.open(ws_dir) as ws, pytest.raises(WriteFailed) as stop:
        for step in import_files(ws, [tmp_path / "in"], index_every=2):
            shown.append(step.result)
    imported = [r for r in shown if r.status == "imported"]
    assert 2 <= len(imported) < 10
    line = str(stop.value)
    assert line.startswith(f"import stopped: cannot write {ws_dir / 'index'}: the disk is full")
    assert line.endswith(f"the {len(imported)} article(s) imported before it are kept")
    assert len(snapshot(ws_dir)["articles"]) == len(imported)  # every line shown is in

    monkeypatch.undo()  # room again: the rerun adds the rest and the index catches up
    with Workspace.open(ws_dir) as ws:
        statuses = [s.result.status for s in import_files(ws, [tmp_path / "in"])]
        assert statuses.count("imported") == 10 - len(imported)
        assert ws.index.disagreements() == (set(), set())
        assert ws.index.search('"report number"', limit=1).total == 10


def test_stopping_early_adds_nothing_that_was_not_shown(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 6)
    with Workspace.open(tmp_path / "ws") as ws:
        steps = import_files(ws, [tmp_path / "in"])
        shown = [next(steps).result, next(steps).result]
        steps.close()
        assert [a.id for a in ws.articles.list()] == sorted(r.article_id for r in shown)
        assert ws.index.disagreements() == (set(), set())
