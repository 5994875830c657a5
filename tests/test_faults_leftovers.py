"""Killed writers and what they leave; a hung index helper; the log file.

The kills are real SIGKILLs of a real process, sent at a chosen point of the
write (the process kills itself there), so the leftover is exactly what a crash
at that point leaves. Each case then checks that nothing committed was lost, the
leftover is gone after the next open (or export), and the same action completes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from briefing.cli import main
from briefing.core.fileio import atomic_write_bytes, remove_stale_parts
from briefing.core.ingest.pipeline import import_files
from briefing.core.search import IndexDoc, SearchIndex
from briefing.core.workspace import Workspace
from export_sample import build_sample
from faults_support import part_files, snapshot, write_articles


def _run_script(code: str, *args: str) -> int:
    """Run `code` in a fresh interpreter; returns its exit status (-9 when it was SIGKILLed)."""
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=300)
    return done.returncode


def _library(tmp_path: Path, n: int = 0) -> Path:
    ws_dir = tmp_path / "ws"
    with Workspace.open(ws_dir) as ws:
        build_sample(ws)
        if n:
            list(import_files(ws, write_articles(tmp_path / "in", n)))
        ws.index.ensure()
    return ws_dir


KILL_DURING_REINDEX = """
import os, signal, sys
from briefing.core.workspace import Workspace
ws = Workspace.open(sys.argv[1])
for done, total in ws.index.rebuild():
    if done >= 100:  # half way through writing the new index
        os.kill(os.getpid(), signal.SIGKILL)
"""


def test_sigkill_during_reindex_leaves_the_old_index_and_the_leftover_is_removed(
        tmp_path: Path, capsys) -> None:
    ws_dir = _library(tmp_path, 200)
    before = snapshot(ws_dir)
    with Workspace.open(ws_dir) as ws:
        found = ws.index.search('"report number"', limit=1).total
    assert found == 200

    assert _run_script(KILL_DURING_REINDEX, str(ws_dir)) == -signal.SIGKILL
    leftovers = list(ws_dir.glob(".index-build-*"))
    assert len(leftovers) == 1 and any(leftovers[0].iterdir())  # the half-built index

    with Workspace.open(ws_dir, readonly=True):
        assert leftovers[0].exists()  # a reader never deletes anything
    with Workspace.open(ws_dir) as ws:
        assert not leftovers[0].exists()
        assert ws.index.state() == "ok"  # the old index was never touched
        assert ws.index.search('"report number"', limit=1).total == 200
    assert snapshot(ws_dir) == before
    assert main(["--workspace", str(ws_dir), "reindex"]) == 0
    assert capsys.readouterr().out == "reindexed 205 article(s)\n"
    assert main(["--workspace", str(ws_dir), "check"]) in (0, 1)  # sample has no originals
    with Workspace.open(ws_dir) as ws:
        assert ws.index.state() == "ok"
        assert ws.index.search('"report number"', limit=1).total == 200
    assert snapshot(ws_dir) == before


def test_sigkill_of_a_running_reindex_command_loses_nothing(tmp_path: Path) -> None:
    """The user's view: `briefing reindex` killed at a moment it chooses not."""
    ws_dir = _library(tmp_path, 300)
    before = snapshot(ws_dir)
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "--workspace", str(ws_dir),
                             "reindex"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if list(ws_dir.glob(".index-build-*")):
            break
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Workspace.open(ws_dir) as ws:
        assert not list(ws_dir.glob(".index-*"))
        assert ws.index.ensure() in ("ok", "missing", "stale")
        assert ws.index.state() == "ok"
        assert ws.index.search('"report number"', limit=1).total == 300
    assert snapshot(ws_dir) == before


KILL_DURING_EXPORT = """
import os, signal, sys
from pathlib import Path
from briefing.core.export import BriefingSpec, build_content, write_content
from briefing.core.workspace import Workspace
ws = Workspace.open(sys.argv[1], readonly=True)
content = build_content(ws, BriefingSpec(title="Second version"))
def killed(fd):  # the note's bytes are in the temp file; the rename has not happened
    os.kill(os.getpid(), signal.SIGKILL)
os.fsync = killed
write_content(content, Path(sys.argv[2]), protected=(ws.root,), force=True)
"""


@pytest.mark.parametrize("fmt", ["docx", "md", "csv", "json"])
def test_sigkill_during_export_keeps_the_old_note_and_the_rerun_completes(
        tmp_path: Path, capsys, fmt: str) -> None:
    ws_dir = _library(tmp_path)
    before = snapshot(ws_dir)
    out = tmp_path / "notes" / f"note.{fmt}"
    out.parent.mkdir()
    assert main(["--workspace", str(ws_dir), "export", str(out), "--title", "First"]) == 0
    first = out.read_bytes()

    assert _run_script(KILL_DURING_EXPORT, str(ws_dir), str(out)) == -signal.SIGKILL
    assert out.read_bytes() == first  # the old note, whole
    parts = part_files(out.parent)
    assert len(parts) == 1 and parts[0].name.startswith(f".{out.name}.")

    capsys.readouterr()
    assert main(["--workspace", str(ws_dir), "export", str(out), "--title", "Third",
                 "--force"]) == 0  # (a CSV is always replaced only when told so)
    assert capsys.readouterr().out.startswith(f"wrote {out} ({fmt})")
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # the .part is gone
    if fmt == "docx":
        assert docx.Document(str(out)).core_properties.title == "Third"
    assert snapshot(ws_dir) == before


KILL_DURING_IMPORT = """
import os, signal, sys
from briefing.core.ingest.pipeline import import_files
from briefing.core.workspace import Workspace
ws = Workspace.open(sys.argv[1])
def killed(fd):  # the original's bytes are written, not yet renamed or committed
    os.kill(os.getpid(), signal.SIGKILL)
os.fsync = killed
list(import_files(ws, [sys.argv[2]]))
"""


def test_sigkill_while_storing_an_original_leaves_nothing_after_the_next_open(
        tmp_path: Path, capsys) -> None:
    ws_dir = _library(tmp_path)
    before = snapshot(ws_dir)
    article = write_articles(tmp_path / "more", 1, start=700)[0]
    assert _run_script(KILL_DURING_IMPORT, str(ws_dir), str(article)) == -signal.SIGKILL
    assert len(part_files(ws_dir / "originals")) == 1
    assert snapshot(ws_dir) == before  # the article was never half-stored

    capsys.readouterr()
    assert main(["--workspace", str(ws_dir), "import", str(article)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 imported, 0 duplicate(s), 0 failed"
    assert part_files(ws_dir) == []
    after = snapshot(ws_dir)
    assert after["articles"][:5] == before["articles"] and len(after["articles"]) == 6
    assert after["highlights"] == before["highlights"]


def test_a_temp_file_of_a_live_writer_is_left_alone(tmp_path: Path) -> None:
    tmp_path = tmp_path / "notes"
    tmp_path.mkdir()
    out = tmp_path / "note.md"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f".note.md.{sleeper.pid}.abcd1234.part"
        live.write_bytes(b"half")
        dead = tmp_path / ".note.md.999999999.efgh5678.part"
        dead.write_bytes(b"half")
        other = tmp_path / ".other.md.999999999.ijkl9012.part"
        other.write_bytes(b"half")
        assert remove_stale_parts(tmp_path, "note.md") == [dead]
        atomic_write_bytes(out, b"# note\n")
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [live.name, other.name, "note.md"])
    finally:
        sleeper.kill()
        sleeper.wait()
    assert remove_stale_parts(tmp_path, "note.md") == [live]


def test_a_hung_index_helper_is_killed_and_restarted(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    index.write_in_process(True)
    index.helper_timeout = 3.0
    try:
        doc = IndexDoc(article_id=1, title="Troops", body="Budanov said troops arrived.")
        index.upsert([doc])
        hung = index._process
        assert hung is not None and hung.poll() is None
        os.kill(hung.pid, signal.SIGSTOP)  # alive, but never answers again
        started = time.monotonic()
        index.upsert([IndexDoc(article_id=2, title="Shells", body="Shells were shipped.")])
        waited = time.monotonic() - started
        assert 3.0 <= waited < 30
        assert hung.poll() == -signal.SIGKILL
        assert index._process is not None and index._process.pid != hung.pid
        assert index.search("shells").total == 1 and index.search("budanov").total == 1
    finally:
        index.close()


def test_unexpected_errors_are_one_line_and_the_traceback_is_in_the_log(
        tmp_path: Path, capsys, monkeypatch, isolated_environment: Path) -> None:
    from briefing.cli import library

    def broken(args) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(library, "cmd_list", broken)
    code = main(["--workspace", str(tmp_path / "ws"), "list"])
    err = capsys.readouterr().err
    log_file = isolated_environment / "state" / "Briefing" / "log" / "briefing.log"
    assert code == 2
    assert err == (f"briefing: list failed: an unexpected error (RuntimeError: boom) "
                   f"(details in {log_file})\n")
    logged = log_file.read_text(encoding="utf-8")
    assert "`list` failed" in logged and "Traceback" in logged and "RuntimeError: boom" in logged


def test_removed_leftovers_are_logged(tmp_path: Path, isolated_environment: Path) -> None:
    ws_dir = _library(tmp_path)
    stale = ws_dir / ".index-build-abc123"
    stale.mkdir()
    assert main(["--workspace", str(ws_dir), "reindex"]) == 0  # a writer: it cleans up
    assert not stale.exists()
    log_file = isolated_environment / "state" / "Briefing" / "log" / "briefing.log"
    assert f"removed a leftover of an interrupted write: {stale}" in log_file.read_text()
