"""Damage is detected, named and recoverable: verified backups, restore, recover.

Each case damages a real library file the way a disk or a careless command does, then
asserts what the user sees (one line, no traceback, nothing written into the damage) and
that a restore or recovery gives back every article and highlight that was committed.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core import backups
from briefing.core.ingest.pipeline import import_files
from briefing.core.workspace import Workspace

PAGE = 4096


def run(ws_dir: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws_dir), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def snapshot(ws_dir: Path) -> dict:
    """What was committed: articles and highlights, read straight from the file."""
    conn = sqlite3.connect(f"file:{ws_dir / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        return {
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "articles": conn.execute(
                "SELECT id, title, text_hash FROM articles ORDER BY id").fetchall(),
            "highlights": conn.execute(
                "SELECT id, article_id, quote, note FROM highlights ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


@pytest.fixture
def library(workspace_dir: Path, corpus_dir: Path, capsys) -> Path:
    """The sample corpus with two highlights, cleanly closed."""
    with Workspace.open(workspace_dir) as ws:
        list(import_files(ws, [corpus_dir]))
    assert run(workspace_dir, "highlight", "add", "1", "--quote", "North Korea",
               "--perspective", "us", "--note", "keep me", capsys=capsys)[0] == 0
    assert run(workspace_dir, "highlight", "add", "2", "--quote", "Russia",
               "--perspective", "russian", capsys=capsys)[0] == 0
    return workspace_dir


def damage_a_page(path: Path) -> None:
    """Overwrite the middle of the file with garbage, as a failing disk does."""
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.seek(max(PAGE, (size // PAGE // 2) * PAGE))
        stream.write(os.urandom(PAGE * 3))


def no_traceback(*texts: str) -> None:
    for text in texts:
        assert "Traceback" not in text and 'File "' not in text, text


def test_the_first_writing_session_of_a_day_takes_a_verified_backup(library: Path,
                                                                    capsys) -> None:
    found = backups.list_backups(library)
    # the first writing command after the import took it, before making its change
    assert [b.kind for b in found] == ["daily"]
    assert found[0].verified and found[0].articles == 5 and found[0].highlights == 0
    run(library, "highlight", "add", "3", "--quote", "Kim", capsys=capsys)
    assert len(backups.list_backups(library)) == 1  # once a day
    code, out, _ = run(library, "backup", capsys=capsys)
    assert code == 0 and "5 article(s), 3 highlight(s), verified" in out
    code, out, _ = run(library, "restore", "--list", capsys=capsys)
    assert code == 0 and "2 backup(s)" in out and out.count("verified") == 2


def test_bulk_deletes_are_backed_up_first_and_can_be_undone_by_restore(library: Path,
                                                                      capsys) -> None:
    before = snapshot(library)
    code, out, _ = run(library, "delete", "1", "2", capsys=capsys)
    assert code == 0 and "deleted 2 article(s)" in out
    bulk = [b for b in backups.list_backups(library) if b.kind == "bulk"]
    assert len(bulk) == 1 and "before deleting 2 article(s)" in bulk[0].reason
    code, out, err = run(library, "restore", bulk[0].name, capsys=capsys)
    assert code == 0, err
    assert "5 article(s), 2 highlight(s)" in out
    assert snapshot(library) == before
    code, out, _ = run(library, "search", "Budanov", capsys=capsys)
    assert code == 0 and "#1 " in out or "#2 " in out


@pytest.mark.parametrize("how", ["garbage page", "truncated", "emptied", "deleted",
                                 "overwritten"])
def test_a_damaged_library_is_named_never_written_and_restored(library: Path, how: str,
                                                               capsys) -> None:
    run(library, "backup", capsys=capsys)
    before = snapshot(library)
    path = library / "library.sqlite3"
    if how == "garbage page":
        damage_a_page(path)
    elif how == "truncated":
        with path.open("r+b") as stream:
            stream.truncate(path.stat().st_size // 2 + 100)
    elif how == "emptied":
        path.write_bytes(b"")
    elif how == "deleted":
        path.unlink()
    else:  # what `export library.sqlite3 --format md` once did
        path.write_text("# Briefing note\n\nSomething else entirely.\n")
    damaged = path.read_bytes() if path.exists() else None

    code, out, err = run(library, "check", capsys=capsys)
    assert code == 1
    assert out.startswith("database: damaged:") and "briefing restore" in out
    assert len(out.strip().splitlines()) == 1
    for args in (["import", str(library / "originals")], ["highlight", "add", "1",
                                                         "--quote", "Kim"]):
        code, out, err = run(library, *args, capsys=capsys)
        assert code == 2, (args, out, err)
        assert "the library is damaged" in err and "nothing was changed" in err
        no_traceback(out, err)
    for args in (["list"], ["highlight", "list"], ["show", "1"], ["search", "Budanov"]):
        code, out, err = run(library, *args, capsys=capsys)
        no_traceback(out, err)
        assert "damaged" in err or code == 0, (args, out, err)
    assert (path.read_bytes() if path.exists() else None) == damaged  # nothing written

    code, out, err = run(library, "restore", capsys=capsys)
    assert code == 0, err
    assert "5 article(s), 2 highlight(s)" in out and "search index rebuilt" in out
    assert snapshot(library) == before
    code, out, _ = run(library, "check", capsys=capsys)
    assert code == 0 and out.startswith("ok: 5 article(s)")
    replaced = [b for b in backups.list_backups(library) if b.kind == "replaced"]
    if damaged is not None:
        assert replaced and replaced[0].path.read_bytes() == damaged  # the damage is kept


def test_with_no_good_backup_recover_salvages_rows_and_rebuilds_from_originals(
        library: Path, capsys) -> None:
    before = snapshot(library)
    for backup in backups.list_backups(library):
        backup.path.write_bytes(b"not a database")  # every backup is bad too
    path = library / "library.sqlite3"
    path.write_bytes(b"")
    code, out, err = run(library, "restore", capsys=capsys)
    assert code == 2 and "no good backup" in err and "briefing recover" in err
    code, out, err = run(library, "recover", capsys=capsys)
    assert code == 0, err
    assert "5 article(s) re-imported from originals" in out
    assert "library now holds 5 article(s), 0 highlight(s)" in out
    after = snapshot(library)
    assert after["integrity"] == "ok"
    assert sorted(a[2] for a in after["articles"]) == sorted(a[2] for a in before["articles"])
    code, out, _ = run(library, "search", "Budanov", capsys=capsys)
    assert code == 0 and "match(es)" in out and not out.startswith("0 match")


def test_recover_keeps_the_highlights_a_damaged_file_still_holds(library: Path,
                                                                 capsys) -> None:
    before = snapshot(library)
    path = library / "library.sqlite3"
    # damage the articles' text pages only: highlights and perspectives live elsewhere
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.seek(size - PAGE * 2)
        stream.write(os.urandom(PAGE))
    code, out, err = run(library, "recover", capsys=capsys)
    assert code == 0, err
    after = snapshot(library)
    assert after["integrity"] == "ok"
    # every article is back (salvaged or re-imported); what survived of highlights is kept
    assert sorted(a[2] for a in after["articles"]) == sorted(a[2] for a in before["articles"])
    kept = {h[2] for h in after["highlights"]}
    assert kept <= {h[2] for h in before["highlights"]}


def undo_migration(conn: sqlite3.Connection, statements: list[str]) -> None:
    """Drop what a migration created (tables, indexes, triggers, added columns), whatever
    migration is the last one, so the library looks as it did before it."""
    for sql in reversed(statements):
        made = re.match(r"\s*CREATE\s+(?:UNIQUE\s+)?(TABLE|INDEX|TRIGGER)\s+(\w+)", sql, re.I)
        if made:
            conn.execute(f"DROP {made.group(1).upper()} IF EXISTS {made.group(2)}")
        added = re.match(r"\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)", sql, re.I)
        if added:
            conn.execute(f"ALTER TABLE {added.group(1)} DROP COLUMN {added.group(2)}")


def test_a_newer_migration_is_backed_up_first(library: Path, capsys) -> None:
    path = library / "library.sqlite3"
    with sqlite3.connect(path) as conn:  # pretend the library predates the last migration
        from briefing.core.store.schema import MIGRATIONS

        undo_migration(conn, MIGRATIONS[-1])
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    before = snapshot(library)
    assert run(library, "highlight", "add", "3", "--quote", "Kim", capsys=capsys)[0] == 0
    migration = [b for b in backups.list_backups(library) if b.kind == "migration"]
    assert len(migration) == 1 and migration[0].verified
    with sqlite3.connect(migration[0].path) as conn:
        assert conn.execute("SELECT count(*) FROM highlights").fetchone()[0] == len(
            before["highlights"])


def test_rotation_keeps_a_bounded_number_of_each_kind(library: Path) -> None:
    with Workspace.open(library) as ws:
        for _ in range(backups.KEEP["manual"] + 3):
            ws.backup("manual", "test")
    manual = [b for b in backups.list_backups(library) if b.kind == "manual"]
    assert len(manual) == backups.KEEP["manual"]
    assert all(b.verified for b in manual)


def test_a_backup_killed_midway_leaves_no_backup_that_looks_good(library: Path) -> None:
    code = ("import sys; from briefing.core.workspace import Workspace\n"
            "ws = Workspace.open(sys.argv[1], readonly=True)\n"
            "import briefing.core.backups as b\n"
            "orig = b.inspect\n"
            "def slow(path):\n"
            "    print('copied', flush=True); import time; time.sleep(30); return orig(path)\n"
            "b.inspect = slow\n"
            "b.take_backup(ws.db.conn, ws.root, 'manual', 'killed')\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(library)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "copied"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert [b.kind for b in backups.list_backups(library)] == ["daily"]
    parts = list((library / "backups").glob(".*.part"))
    assert len(parts) == 1  # the dead copy, never taken for a backup
    Workspace.open(library).close()  # the next writer removes it
    assert not list((library / "backups").glob(".*.part"))


def test_readers_are_never_locked_out_by_a_writer(library: Path, tmp_path: Path) -> None:
    writer = Workspace.open(library)  # the app, or an import, holds the workspace
    try:
        writer.highlights.update(1, note="changed by the writer")
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        for args in (["list"], ["show", "1"], ["search", "Budanov"], ["highlight", "list"],
                     ["claims"], ["suggest", "1"], ["perspectives"], ["check"], ["backup"],
                     ["export", str(tmp_path / "note.md")]):
            done = subprocess.run([sys.executable, "-m", "briefing", "--workspace",
                                   str(library), *args], capture_output=True, text=True,
                                  timeout=120, env=env)
            assert done.returncode == 0, (args, done.stdout, done.stderr)
            no_traceback(done.stdout, done.stderr)
        listed = subprocess.run([sys.executable, "-m", "briefing", "--workspace", str(library),
                                 "highlight", "list", "--json"], capture_output=True,
                                text=True, timeout=60)
        assert "changed by the writer" in listed.stdout  # readers see committed data
        busy = subprocess.run([sys.executable, "-m", "briefing", "--workspace", str(library),
                               "import", str(library / "originals")], capture_output=True,
                              text=True, timeout=60)
        assert busy.returncode == 2 and "another Briefing window" in busy.stderr
    finally:
        writer.close()


def test_an_article_deleted_behind_the_apps_back_never_comes_up_in_search(library: Path,
                                                                         capsys) -> None:
    code, out, _ = run(library, "search", "Budanov", "--json", capsys=capsys)
    hit = __import__("json").loads(out)[0]["article_id"]
    writer = Workspace.open(library)
    try:
        with sqlite3.connect(library / "library.sqlite3") as conn:  # another tool deletes it
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("DELETE FROM articles WHERE id = ?", (hit,))
        # a reader beside the writer: the index lags, but the deleted article is not shown
        code, out, err = run(library, "search", "Budanov", "--json", capsys=capsys)
        assert code == 0 and hit not in [h["article_id"] for h in __import__("json").loads(out)]
        assert "behind the library" in err
    finally:
        writer.close()
    # nobody writes now: the next reader repairs the index, and check finds all well
    code, out, err = run(library, "search", "Budanov", "--json", capsys=capsys)
    assert code == 0 and hit not in [h["article_id"] for h in __import__("json").loads(out)]
    code, out, _ = run(library, "check", capsys=capsys)
    assert code == 0, out
    with Workspace.open(library) as ws:
        assert ws.index.disagreements() == (set(), set())
        assert hit not in ws.index.index.article_ids()


def test_check_finds_an_index_that_disagrees_with_the_library(library: Path, capsys) -> None:
    with Workspace.open(library) as ws:
        ws.index.index.delete([3])  # the index loses an article the library holds
    code, out, _ = run(library, "check", capsys=capsys)
    assert code == 1 and "1 article(s) missing from the index" in out


def _mount_read_only(source: Path, target: Path) -> bool:
    target.mkdir()
    done = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True)
    if done.returncode:
        return False
    again = subprocess.run(["mount", "-o", "remount,bind,ro", str(target)],
                           capture_output=True)
    if again.returncode:
        subprocess.run(["umount", str(target)])
        return False
    return True


def test_a_workspace_on_read_only_media_reads_searches_and_exports(library: Path,
                                                                   tmp_path: Path,
                                                                   capsys) -> None:
    mounted = tmp_path / "stick"
    if not _mount_read_only(library, mounted):
        pytest.skip("this machine does not allow a read-only bind mount (needs root and "
                    "mount privileges)")
    try:
        time.sleep(0.1)
        for args in (["list"], ["show", "1"], ["search", "Budanov"], ["highlight", "list"],
                     ["check"], ["export", str(tmp_path / "note.docx")]):
            code, out, err = run(mounted, *args, capsys=capsys)
            assert code == 0, (args, out, err)
            no_traceback(out, err)
        assert (tmp_path / "note.docx").exists()
        code, out, err = run(mounted, "import", str(tmp_path), capsys=capsys)
        assert code == 2 and "read-only medium" in err
        code, out, err = run(mounted, "highlight", "add", "1", "--quote", "Kim", capsys=capsys)
        assert code == 2 and "read-only medium" in err
    finally:
        subprocess.run(["umount", str(mounted)], check=True)
