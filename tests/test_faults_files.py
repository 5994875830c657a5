"""Every file an importer can meet in a folder: pipes, sockets, devices, odd names, lying extensions.

The import runs as the real command in a subprocess with a time limit, so a file
that hangs it (open() on a named pipe blocks forever) fails the test instead of
hanging the suite. Each file gets exactly one line in the report.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.core.ingest.sources import printable_name
from briefing.core.workspace import Workspace
from faults_support import article_text, snapshot, write_articles

HTML_PAGE = """<!DOCTYPE html><html><head><title>Kursk offensive stalls</title></head><body>
<nav><ul><li>Home</li><li>World</li></ul></nav><article><h1>Kursk offensive stalls</h1>
<p>Ukrainian commanders said on Tuesday that the offensive in the Kursk region had slowed as
North Korean troops reinforced Russian positions along the border.</p>
<p>According to South Korean intelligence, about 11,000 soldiers were deployed in the area,
and officials in Seoul said more could follow before the end of the year.</p>
<p>The Pentagon estimated that several hundred of them had been killed or wounded in the
first weeks of fighting, a figure Kyiv officials described as too low.</p></article>
</body></html>"""


def _run_import(ws_dir: Path, folder: Path) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "briefing", "--workspace", str(ws_dir), "import", str(folder)]
    return subprocess.run(cmd, capture_output=True, timeout=120)


def _hostile_folder(folder: Path) -> dict[str, str]:
    """Build the folder; returns {printable file name: expected line start after the path}."""
    folder.mkdir()
    expected: dict[str, str] = {}
    write_articles(folder, 1)
    expected["article-0000.txt"] = "imported"
    os.mkfifo(folder / "pipe.txt")
    expected["pipe.txt"] = "skipped: a named pipe (FIFO), not a file; it was not opened"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(folder / "socket.txt"))
    sock.close()
    expected["socket.txt"] = "skipped: a socket, not a file; it was not opened"
    (folder / "zero.txt").symlink_to("/dev/zero")  # read to the end, this never ends
    expected["zero.txt"] = "skipped: a device, not a file; it was not opened"
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    expected["dangling.txt"] = "failed: the file does not exist (or is a broken link)"
    odd = {
        b"caf\xe9-latin1-name.txt": "Latin-1 name",
        b"two\nlines.txt": "Newline name",
        b"\x1b[31mred.txt": "Escape name",
        b"tab\there.md": "Tab name",
    }
    for number, (raw, title) in enumerate(odd.items(), start=500):
        path = os.path.join(os.fsencode(folder), raw)
        with open(path, "wb") as fh:
            fh.write(f"{title}\n\n{article_text(number)}".encode())
        expected[printable_name(os.fsdecode(raw))] = "imported"
    (folder / "saved-page.pdf").write_text(HTML_PAGE, encoding="utf-8")
    expected["saved-page.pdf"] = "imported"
    return expected


def test_hostile_folder_is_imported_one_line_per_file(tmp_path: Path) -> None:
    ws_dir = tmp_path / "ws"
    with Workspace.open(ws_dir) as ws:  # something committed before, that must survive
        from briefing.core.ingest.pipeline import import_files

        list(import_files(ws, write_articles(tmp_path / "first", 2, start=100)))
        article = ws.articles.get(1)
        ws.highlights.add(1, article.text, 0, 20, perspectives=["us"], note="kept")
    before = snapshot(ws_dir)
    folder = tmp_path / "in"
    expected = _hostile_folder(folder)

    done = _run_import(ws_dir, folder)
    out = done.stdout.decode("utf-8")  # the report is valid UTF-8 whatever the names were
    assert done.returncode == 1, done.stderr.decode(errors="replace")  # the dangling link
    assert "Traceback" not in out + done.stderr.decode(errors="replace")
    lines = out.splitlines()
    assert len(lines) == len(expected) + 1  # one line per file, plus the totals
    assert lines[-1] == "6 imported, 0 duplicate(s), 1 failed, 3 skipped"
    shown = printable_name(folder)
    for name, outcome in expected.items():
        status, _, reason = outcome.partition(": ")
        matching = [line for line in lines if line.startswith(f"{status:<10} {shown}/{name}: ")]
        assert len(matching) == 1, (name, lines)
        if reason:
            assert matching[0].endswith(f": {reason}")
    for line in lines:
        assert all(ch.isprintable() for ch in line), line

    after = snapshot(ws_dir)
    assert after["integrity"] == "ok"
    assert after["articles"][:2] == before["articles"]
    assert after["highlights"] == before["highlights"]
    files = {row[4] for row in after["articles"][2:]}
    assert files == {"article-0000.txt", "caf\\xe9-latin1-name.txt", "two\\nlines.txt",
                     "\\x1b[31mred.txt", "tab\\there.md", "saved-page.pdf"}

    listed = subprocess.run([sys.executable, "-m", "briefing", "--workspace", str(ws_dir),
                             "list", "--json"], capture_output=True, timeout=60)
    assert listed.returncode == 0
    by_file = {a["source_file"]: a for a in json.loads(listed.stdout.decode("utf-8"))}
    assert by_file["saved-page.pdf"]["format"] == "html"  # the content decided, not ".pdf"
    assert by_file["saved-page.pdf"]["title"] == "Kursk offensive stalls"


def test_a_pipe_named_explicitly_is_skipped_not_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "news.txt"
    os.mkfifo(pipe)
    done = subprocess.run([sys.executable, "-m", "briefing", "--workspace", str(tmp_path / "ws"),
                           "import", str(pipe)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        f"skipped    {pipe}: a named pipe (FIFO), not a file; it was not opened",
        "0 imported, 0 duplicate(s), 0 failed, 1 skipped"]


def test_a_device_file_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        os.mknod(folder / "null.txt", 0o600 | 0o020000, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD (root)")
    done = _run_import(tmp_path / "ws", folder)
    assert done.returncode == 0
    assert done.stdout.decode().splitlines()[0] == (
        f"skipped    {folder}/null.txt: a device, not a file; it was not opened")


@pytest.mark.parametrize("raw,shown", [
    (b"caf\xe9.txt", "caf\\xe9.txt"),
    (b"a\nb.txt", "a\\nb.txt"),
    (b"bell\x07.txt", "bell\\x07.txt"),
    ("rtl\u202etxt.exe".encode(), "rtl\\u202etxt.exe"),
    ("Буданов заявив.txt".encode(), "Буданов заявив.txt"),
    ("북한군.md".encode(), "북한군.md"),
])
def test_file_names_are_shown_on_one_printable_line(raw: bytes, shown: str) -> None:
    assert printable_name(os.fsdecode(raw)) == shown
