"""Faults a workspace must survive: a killed import, a second instance, a damaged index."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.workspace import Workspace, WorkspaceBusy, WorkspaceError

WORDS = ["officials", "said", "troops", "deployed", "artillery", "shells", "region", "border", "talks", "minister", "intelligence", "estimate", "forces", "village", "attack", "supply", "agreement", "sanctions", "economy"]


def _write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        words = [WORDS[(i * 7 + j * 3 + j * j) % len(WORDS)] for j in range(220)]
        body = " ".join(words)
        paragraphs = [body[k:k + 400] for k in range(0, len(body), 400)]
        (folder / f"article-{i:04d}.txt").write_text(
            f"Report number {i} on the war\n\n" + f" Item {i}.\n\n".join(paragraphs) + f" Code {i}.",
            encoding="utf-8")


def test_sigkill_during_bulk_import_leaves_a_consistent_library(tmp_path: Path) -> None:
    folder = tmp_path / "bulk"
    _write_articles(folder, 400)
    ws_dir = tmp_path / "ws"
    cmd = [sys.executable, "-m", "briefing", "--workspace", str(ws_dir), "import", str(folder)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db_path = ws_dir / "library.sqlite3"
    deadline = time.monotonic() + 60
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db_path.exists():
            try:
                with sqlite3.connect(db_path, timeout=1) as conn:
                    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                continue
            if count >= 20:
                break
    assert proc.poll() is None, "the import finished before it could be killed; raise the file count"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT id, text, words, original_hash FROM articles").fetchall()
        assert 20 <= len(rows) < 400
        for article_id, text, words, digest in rows:  # no half-imported article
            assert text and words > 0
            assert (ws_dir / "originals" / digest[:2] / digest).exists()
            assert conn.execute("SELECT count(*) FROM article_sketch WHERE article_id = ?",
                                (article_id,)).fetchone()[0] > 0

    # the same import simply runs again and completes the library
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stdout[-2000:] + rerun.stderr[-2000:]
    assert "0 failed" in rerun.stdout
    with Workspace.open(ws_dir) as ws:
        assert ws.articles.count() == 400
        assert ws.index.state() == "ok"
        assert ws.index.search("report").total == 400


def test_second_writer_gets_a_clear_message(tmp_path: Path, capsys) -> None:
    ws = Workspace.open(tmp_path / "ws")
    try:
        with pytest.raises(WorkspaceBusy, match="open in another Briefing window"):
            Workspace.open(tmp_path / "ws")
        code = main(["--workspace", str(tmp_path / "ws"), "demo"])
        assert code == 2
        assert "another Briefing window" in capsys.readouterr().err
        # readers are never locked out by a writer
        assert main(["--workspace", str(tmp_path / "ws"), "list"]) == 0
        assert capsys.readouterr().out.strip() == "0 article(s)"
        # read-only access still works while the other instance writes
        with Workspace.open(tmp_path / "ws", readonly=True) as reader:
            assert reader.articles.count() == 0
    finally:
        ws.close()
    Workspace.open(tmp_path / "ws").close()  # the lock is released on close


def test_read_only_workspace_refuses_writes_but_reads(tmp_path: Path, corpus_dir: Path) -> None:
    with Workspace.open(tmp_path / "ws") as ws:
        from briefing.core.ingest.pipeline import import_files

        list(import_files(ws, [corpus_dir / "002_d7106082c63f3c31.txt"]))
    with Workspace.open(tmp_path / "ws", readonly=True) as ro:
        assert ro.articles.count() == 1
        with pytest.raises(sqlite3.OperationalError):
            ro.articles.set_tags(1, ["x"])
    with pytest.raises(WorkspaceError, match="no Briefing library"):
        Workspace.open(tmp_path / "elsewhere", readonly=True)


@pytest.mark.parametrize("damage", ["delete", "truncate", "garbage"])
def test_damaged_index_is_rebuilt_with_the_same_results(tmp_path: Path, corpus_dir: Path, capsys,
                                                        damage: str) -> None:
    ws_dir = str(tmp_path / "ws")
    assert main(["--workspace", ws_dir, "import", str(corpus_dir)]) == 0
    capsys.readouterr()
    assert main(["--workspace", ws_dir, "search", "Budanov", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert len(before) >= 2
    index = tmp_path / "ws" / "index"
    if damage == "delete":
        import shutil

        shutil.rmtree(index)
    else:
        files = sorted((p for p in index.rglob("*") if p.is_file() and p.stat().st_size > 0),
                       key=lambda p: p.stat().st_size, reverse=True)
        target = files[0]
        if damage == "truncate":
            with open(target, "r+b") as fh:
                fh.truncate(target.stat().st_size // 3)
        else:
            target.write_bytes(os.urandom(target.stat().st_size))
        for toc in index.rglob("*.toc"):
            if damage == "garbage":
                toc.write_bytes(b"\x00" * 10)
    assert main(["--workspace", ws_dir, "search", "Budanov", "--json"]) == 0
    captured = capsys.readouterr()
    after = json.loads(captured.out)
    assert "rebuilt" in captured.err
    assert [(h["article_id"], h["hits"]) for h in after] == [(h["article_id"], h["hits"]) for h in before]


EDITOR = """
import sys
from briefing.core.details import edit_details
from briefing.core.workspace import Workspace

ws = Workspace.open(sys.argv[1])
hid, aid = int(sys.argv[2]), int(sys.argv[3])
keys = [["us"], ["ukrainian", "south_korean"], ["chinese"]]
n = 0
while True:
    n += 1
    ws.highlights.update(hid, note=f"edit {n}", perspectives=keys[n % 3])
    edit_details(ws, aid, {"title": f"Title {n}", "authors": [f"Author {n}", f"Second {n}"]})
    print(n, flush=True)
"""


def test_sigkill_during_edits_keeps_every_edit_whole(tmp_path: Path) -> None:
    """A writer killed while it edits a highlight and an article's details: each edit is
    there entirely or not at all, the library passes its integrity check, the index follows."""
    ws_dir = tmp_path / "ws"
    text = "The ministry said 12,000 troops were sent. Officials disagreed."
    with Workspace.open(ws_dir) as ws:
        from briefing.core.store.articles import NewArticle

        aid = ws.articles.add(NewArticle(title="Start", text=text, text_hash="t",
                                         source_file="a.txt", original_hash="a", format="txt",
                                         words=10))
        hid = ws.highlights.add(aid, text, 0, 41, ["us"]).id
        ws.index.sync()
    proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(ws_dir), str(hid), str(aid)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    done = 0
    while done < 40:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else "the editor stopped"
        done = int(line.split()[0])
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    with sqlite3.connect(ws_dir / "library.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Workspace.open(ws_dir) as ws:
        [h] = ws.highlights.for_article(aid)
        n = int(h.note.split()[1])
        assert n >= done
        assert h.perspectives == [["us"], ["ukrainian", "south_korean"], ["chinese"]][n % 3]
        article = ws.articles.get(aid)
        assert article is not None
        m = int(article.title.split()[1])
        assert m in (n, n - 1)  # the details edit of round n may not have been committed
        assert article.authors == [f"Author {m}", f"Second {m}"]
        assert article.provenance.get("title") == "confirmed"
        ws.index.sync()
        assert [hit.article_id for hit in ws.index.search(f'"Title {m}"').hits] == [aid]
