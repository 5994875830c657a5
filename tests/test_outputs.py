"""Output paths: nothing is ever written inside a workspace or over a file Briefing did not
write (issue: `export <workspace>/library.sqlite3 --format md` once replaced a library)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from briefing.core.outputs import OutputError, check_output, written_by_briefing

CORPUS = Path(__file__).resolve().parents[1] / "resources" / "corpus"


def briefing(workspace: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing", "--workspace", str(workspace), *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    """A workspace with the sample corpus and one highlight."""
    ws = tmp_path_factory.mktemp("outputs") / "ws"
    assert briefing(ws, "import", str(CORPUS)).returncode == 0
    done = briefing(ws, "highlight", "add", "1", "--quote", "North Korea", "--perspective", "us")
    assert done.returncode == 0, done.stderr
    return ws


def counts(ws: Path) -> tuple[int, int, str]:
    conn = sqlite3.connect(f"file:{ws / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        return (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                conn.execute("SELECT count(*) FROM highlights").fetchone()[0],
                conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("target", ["library.sqlite3", "index/note.md", "originals",
                                    "new-note.docx", "../ws/./library.sqlite3"])
@pytest.mark.parametrize("force", [False, True])
def test_nothing_is_ever_written_inside_the_workspace(library: Path, target: str,
                                                      force: bool) -> None:
    before = counts(library)
    files = sorted(p.relative_to(library) for p in library.rglob("*"))
    args = ["export", str(library / target), "--format", "md"] + (["--force"] if force else [])
    done = briefing(library, *args)
    assert done.returncode != 0
    assert "inside the workspace" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert counts(library) == before
    assert sorted(p.relative_to(library) for p in library.rglob("*")) == files


def test_a_link_into_the_workspace_is_refused_too(library: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.md"
    link.symlink_to(library / "library.sqlite3")
    before = counts(library)
    done = briefing(library, "export", str(link), "--force")
    assert done.returncode != 0 and "inside the workspace" in done.stderr
    assert counts(library) == before


def test_an_existing_file_is_replaced_only_if_briefing_wrote_it_or_the_user_forces(
        library: Path, tmp_path: Path) -> None:
    for name in ("note.docx", "note.md", "note.json"):
        out = tmp_path / name
        out.write_text("somebody else's work\n")
        done = briefing(library, "export", str(out))
        assert done.returncode == 1
        assert "was not written by Briefing" in done.stderr and "--force" in done.stderr
        assert out.read_text() == "somebody else's work\n"
        # --force replaces it; then it is ours and a second export needs no --force
        assert briefing(library, "export", str(out), "--force").returncode == 0
        assert written_by_briefing(out)
        again = briefing(library, "export", str(out))
        assert again.returncode == 0, again.stderr
    assert docx.Document(str(tmp_path / "note.docx")).core_properties.comments
    assert json.loads((tmp_path / "note.json").read_text())["generator"]["name"] == "Briefing"


def test_csv_always_needs_confirmation(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    assert briefing(library, "export", str(out)).returncode == 0
    again = briefing(library, "export", str(out))
    assert again.returncode == 1 and "CSV files carry no mark" in again.stderr
    assert briefing(library, "export", str(out), "--force").returncode == 0


def test_marks_are_read_without_trusting_the_file(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    assert not written_by_briefing(fake)
    md = tmp_path / "other.md"
    md.write_text("# Notes\n<!-- Exported by Briefing -->\n")
    assert not written_by_briefing(md)  # the mark counts only on the first line
    with pytest.raises(OutputError) as refused:
        check_output(md)
    assert refused.value.needs_confirmation
    check_output(md, force=True)
    fifo = tmp_path / "pipe.md"
    import os

    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        check_output(fifo, force=True)
