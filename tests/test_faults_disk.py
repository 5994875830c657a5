"""Full disks, I/O errors and read-only folders while importing, reindexing and exporting.

Each case runs on a real small tmpfs (or a read-only bind mount) and checks what
the user sees (one line naming the action, the reason and the space needed, no
traceback), that nothing half-written is left, that everything committed before
is still there (integrity check, articles and highlights compared), and that the
same command completes once there is room again.
"""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

import docx
import pytest

from briefing.cli import main
from briefing.core.export import BriefingSpec, ExportError, export_briefing
from briefing.core.resources import sample_corpus
from briefing.core.workspace import Workspace
from export_sample import build_sample
from faults_support import fill, part_files, read_only, resize, small_disk, snapshot, write_articles

STOP_LINE = re.compile(
    r"^briefing: (?P<action>import|reindex|export) stopped: cannot write (?P<target>.+?): "
    r"the disk is full \((?P<free>[\d.]+ (?:bytes|KB|MB)) free; about (?P<need>[\d.]+ (?:KB|MB)) "
    r"needed\); free some space and run the (?P=action) again(?:; (?P<kept>.+))?$")


def _seed(ws_dir: Path) -> None:
    """Five articles and their highlights, committed and indexed before the fault."""
    with Workspace.open(ws_dir) as ws:
        build_sample(ws)
        for path in sample_corpus():  # their originals too, so `check` finds them
            ws.store_original(path.read_text(encoding="utf-8").encode())
        ws.index.ensure()


def _no_traceback(*texts: str) -> None:
    for text in texts:
        assert "Traceback" not in text


def test_full_disk_stops_an_import_cleanly_and_the_rerun_completes(tmp_path: Path, capsys) -> None:
    files = write_articles(tmp_path / "in", 300, words=500)
    with small_disk(tmp_path / "disk", "3m") as disk:
        ws_dir = disk / "ws"
        _seed(ws_dir)
        before = snapshot(ws_dir)
        capsys.readouterr()

        code = main(["--workspace", str(ws_dir), "import", str(tmp_path / "in")])
        out, err = capsys.readouterr()
        _no_traceback(out, err)
        assert code == 2
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        stop = STOP_LINE.match(lines[0])
        assert stop, lines[0]
        assert stop["action"] == "import"
        imported = [line for line in out.splitlines() if line.startswith("imported ")]
        assert stop["kept"] == f"the {len(imported)} article(s) imported before it are kept"
        assert out.splitlines()[-1] == f"{len(imported)} imported, 0 duplicate(s), 0 failed"
        assert 0 < len(imported) < len(files)

        after = snapshot(ws_dir)
        assert after["integrity"] == "ok"
        assert after["highlights"] == before["highlights"]
        assert after["articles"][:len(before["articles"])] == before["articles"]
        assert len(after["articles"]) == len(before["articles"]) + len(imported)
        for row in after["articles"][len(before["articles"]):]:  # each new one has its original
            original = ws_dir / "originals" / row[3][:2] / row[3]
            assert original.exists()
        assert part_files(ws_dir) == []

        resize(disk, "64m")  # the user frees space and runs the same import again
        code = main(["--workspace", str(ws_dir), "import", str(tmp_path / "in")])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert out.splitlines()[-1] == (f"{len(files) - len(imported)} imported, "
                                        f"{len(imported)} duplicate(s), 0 failed")
        final = snapshot(ws_dir)
        assert final["highlights"] == before["highlights"]
        assert final["articles"][:len(after["articles"])] == after["articles"]
        with Workspace.open(ws_dir) as ws:
            assert ws.articles.count() == len(before["articles"]) + len(files)
            assert ws.index.state() == "ok"
            assert ws.index.search('"report number"', limit=1).total == len(files)
        assert main(["--workspace", str(ws_dir), "check"]) == 0


def test_full_disk_during_reindex_keeps_the_old_index_and_the_rerun_completes(
        tmp_path: Path, capsys) -> None:
    write_articles(tmp_path / "in", 60, words=400)
    with small_disk(tmp_path / "disk", "8m") as disk:
        ws_dir = disk / "ws"
        _seed(ws_dir)
        assert main(["--workspace", str(ws_dir), "import", str(tmp_path / "in")]) == 0
        before = snapshot(ws_dir)
        capsys.readouterr()
        assert main(["--workspace", str(ws_dir), "search", "Budanov", "--json"]) == 0
        found_before = json.loads(capsys.readouterr().out)
        assert found_before
        filler = fill(disk, leave=40_000)

        code = main(["--workspace", str(ws_dir), "reindex"])
        out, err = capsys.readouterr()
        _no_traceback(out, err)
        assert code == 2
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        stop = STOP_LINE.match(lines[0])
        assert stop and stop["action"] == "reindex", lines[0]
        assert stop["target"] == str(ws_dir / "index")
        assert stop["kept"] == "the library is not affected"
        assert not list(ws_dir.glob(".index-*")), "a half-built index was left behind"
        assert snapshot(ws_dir) == before
        # the old index still answers, unchanged
        assert main(["--workspace", str(ws_dir), "search", "Budanov", "--json"]) == 0
        out, err = capsys.readouterr()
        assert json.loads(out) == found_before and "rebuilt" not in err

        filler.unlink()
        assert main(["--workspace", str(ws_dir), "reindex"]) == 0
        assert capsys.readouterr().out.strip() == f"reindexed {len(before['articles'])} article(s)"
        with Workspace.open(ws_dir) as ws:
            assert ws.index.state() == "ok"
            assert ws.index.search('"report number"', limit=1).total == 60


@pytest.mark.parametrize("fmt", ["docx", "md", "csv", "json"])
def test_full_disk_during_export_keeps_the_previous_note(tmp_path: Path, fmt: str) -> None:
    ws_dir = tmp_path / "ws"
    _seed(ws_dir)
    before = snapshot(ws_dir)
    spec = BriefingSpec(title="Troops", summary="Figures differ.", date="2025-01-20")
    with small_disk(tmp_path / "disk", "1m") as disk, Workspace.open(ws_dir) as ws:
        out = disk / f"note.{fmt}"
        first = export_briefing(ws, spec, out)
        previous = out.read_bytes()
        filler = fill(disk, leave=2_000)
        spec.title = "Troops, second version"
        spec.article_ids = [1, 2]
        with pytest.raises(ExportError) as caught:
            export_briefing(ws, spec, out, force=True)  # (a CSV is replaced only when told so)
        message = str(caught.value)
        assert "\n" not in message
        stop = STOP_LINE.match(f"briefing: {message}")
        assert stop and stop["action"] == "export" and stop["target"] == str(out), message
        assert out.read_bytes() == previous  # the old note is untouched
        assert sorted(p.name for p in disk.iterdir()) == sorted(["filler.bin", out.name])

        filler.unlink()
        second = export_briefing(ws, spec, out, force=True)
        assert second.bytes > 0 and out.read_bytes() != previous
        assert 0 < second.highlights < first.highlights
        if fmt == "docx":
            assert docx.Document(str(out)).paragraphs  # a whole note that opens
    assert snapshot(ws_dir) == before


def test_full_disk_export_from_the_command_line_is_one_line(tmp_path: Path, capsys) -> None:
    ws_dir = tmp_path / "ws"
    _seed(ws_dir)
    with small_disk(tmp_path / "disk", "1m") as disk:
        fill(disk, leave=1_000)
        code = main(["--workspace", str(ws_dir), "export", str(disk / "note.docx")])
        out, err = capsys.readouterr()
        _no_traceback(out, err)
        assert code == 1
        assert out == ""
        assert STOP_LINE.match(err.strip()), err
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]


def test_io_error_while_exporting_names_it_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    """EIO (a failing stick) is simulated at the lowest write call: os.fsync."""
    ws_dir = tmp_path / "ws"
    _seed(ws_dir)
    out = tmp_path / "notes" / "note.md"
    out.parent.mkdir()

    def failing_fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with Workspace.open(ws_dir) as ws:
        export_briefing(ws, BriefingSpec(title="First"), out)
        previous = out.read_bytes()
        monkeypatch.setattr(os, "fsync", failing_fsync)
        with pytest.raises(ExportError) as caught:
            export_briefing(ws, BriefingSpec(title="Second"), out)
        monkeypatch.undo()
    assert str(caught.value) == (f"export stopped: cannot write {out}: an input/output error "
                                 "(the disk may be failing or was removed); fix this and run "
                                 "the export again")
    assert out.read_bytes() == previous
    assert sorted(p.name for p in out.parent.iterdir()) == ["note.md"]


def test_read_only_index_folder_stops_an_import_and_the_rerun_completes(
        tmp_path: Path, capsys) -> None:
    ws_dir = tmp_path / "ws"
    _seed(ws_dir)
    before = snapshot(ws_dir)
    files = write_articles(tmp_path / "in", 12)
    capsys.readouterr()
    with read_only(ws_dir / "index"):
        code = main(["--workspace", str(ws_dir), "import", str(tmp_path / "in")])
        out, err = capsys.readouterr()
    _no_traceback(out, err)
    assert code == 2
    assert err == (f"briefing: import stopped: cannot write {ws_dir / 'index'}: the disk or "
                   "folder is read-only; fix this and run the import again; the 12 article(s) "
                   "imported before it are kept\n")
    after = snapshot(ws_dir)
    assert after["integrity"] == "ok"
    assert after["highlights"] == before["highlights"]
    assert after["articles"][:5] == before["articles"] and len(after["articles"]) == 17

    # writable again: the rerun finds every file already in, and the index catches up
    code = main(["--workspace", str(ws_dir), "import", str(tmp_path / "in")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.splitlines()[-1] == f"0 imported, {len(files)} duplicate(s), 0 failed"
    with Workspace.open(ws_dir) as ws:
        assert ws.index.state() == "ok"
        assert ws.index.search('"report number"', limit=1).total == len(files)
    assert snapshot(ws_dir) == after


def test_a_highlight_made_while_the_index_is_read_only_is_saved_and_indexed_later(
        tmp_path: Path, capsys) -> None:
    ws_dir = tmp_path / "ws"
    _seed(ws_dir)
    before = snapshot(ws_dir)
    capsys.readouterr()
    with read_only(ws_dir / "index"):
        code = main(["--workspace", str(ws_dir), "highlight", "add", "3", "--quote",
                     "North Korea", "--perspective", "us", "--note", "zanzibarish"])
        out, err = capsys.readouterr()
    assert code == 0, err  # the highlight is saved: the command did what was asked
    assert out.startswith("highlight #14 added to #3: North Korea")
    assert err == (f"briefing: warning: the search index could not be updated (the disk or "
                   f"folder is read-only at {ws_dir / 'index'}); the change is saved, and the "
                   "index catches up on the next start once it can be written\n")
    after = snapshot(ws_dir)
    assert after["articles"] == before["articles"]
    assert after["highlights"][:-1] == before["highlights"]
    assert after["highlights"][-1][1:] == (3, *after["highlights"][-1][2:4], "North Korea",
                                           "zanzibarish", "us")
    assert main(["--workspace", str(ws_dir), "search", "zanzibarish", "--json"]) == 0
    assert [hit["article_id"] for hit in json.loads(capsys.readouterr().out)] == [3]


def test_io_error_while_importing_stops_the_batch_and_names_it(tmp_path: Path, capsys,
                                                               monkeypatch) -> None:
    """EIO on the third original (a stick pulled out), simulated in the originals' write."""
    from briefing.core import workspace

    ws_dir = tmp_path / "ws"
    _seed(ws_dir)
    before = snapshot(ws_dir)
    write_articles(tmp_path / "in", 6)
    real_write, calls = workspace.atomic_write_bytes, []

    def failing_write(path: Path, data: bytes, mode: int | None = None) -> None:
        calls.append(path)
        if len(calls) >= 3:
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
        real_write(path, data, mode)

    capsys.readouterr()
    monkeypatch.setattr(workspace, "atomic_write_bytes", failing_write)
    code = main(["--workspace", str(ws_dir), "import", str(tmp_path / "in")])
    monkeypatch.undo()
    out, err = capsys.readouterr()
    _no_traceback(out, err)
    assert code == 2
    assert out.splitlines()[-1] == "2 imported, 0 duplicate(s), 0 failed"
    assert err == (f"briefing: import stopped: cannot write {ws_dir}: an input/output error (the "
                   "disk may be failing or was removed); fix this and run the import again; "
                   "the 2 article(s) imported before it are kept\n")
    after = snapshot(ws_dir)
    assert after["integrity"] == "ok" and after["highlights"] == before["highlights"]
    assert len(after["articles"]) == len(before["articles"]) + 2
    assert part_files(ws_dir) == []
    assert main(["--workspace", str(ws_dir), "import", str(tmp_path / "in")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "4 imported, 2 duplicate(s), 0 failed"
