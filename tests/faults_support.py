"""Shared by the fault tests: what the library holds, small disks, read-only mounts.

`snapshot` is the "nothing committed was lost" check: the integrity check plus
every article and highlight row, compared before and after a fault. Mounts need
CAP_SYS_ADMIN (CI runs as root); without it the tests that need them skip and
say so.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

WORDS = ["officials", "said", "troops", "deployed", "artillery", "shells", "region", "border",
         "talks", "minister", "intelligence", "estimate", "forces", "village", "attack",
         "supply", "agreement", "sanctions", "economy"]


def article_text(i: int, words: int = 220) -> str:
    """Article number `i`: a title line and a body no other number comes near duplicating."""
    body = " ".join(WORDS[(i * 7 + j * 3 + j * j) % len(WORDS)] + (f" {i}-{j}" if j % 9 == 0
                                                                    else "")
                    for j in range(words))
    return f"Report number {i} on the war\n\n{body} Code {i}."


def write_articles(folder: Path, n: int, start: int = 0, words: int = 220) -> list[Path]:
    """`n` distinct plain-text articles in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        path = folder / f"article-{i:04d}.txt"
        path.write_text(article_text(i, words), encoding="utf-8")
        out.append(path)
    return out


def snapshot(ws_dir: Path) -> dict[str, object]:
    """The integrity check and every committed article and highlight, read straight from SQLite."""
    uri = f"file:{ws_dir / 'library.sqlite3'}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        return {
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "articles": conn.execute(
                "SELECT id, title, text_hash, original_hash, source_file FROM articles "
                "ORDER BY id").fetchall(),
            "highlights": conn.execute(
                'SELECT h.id, h.article_id, h.start, h."end", h.quote, h.note, '
                "group_concat(p.perspective_key) FROM highlights h LEFT JOIN "
                "highlight_perspectives p ON p.highlight_id = h.id GROUP BY h.id "
                "ORDER BY h.id").fetchall(),
        }


def part_files(folder: Path) -> list[Path]:
    """Temp files of interrupted writes anywhere under `folder`."""
    return sorted(p for p in folder.rglob("*.part"))


def _mount(args: list[str]) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip("this test needs to mount a file system (root with CAP_SYS_ADMIN): "
                    + (done.stderr.strip() or f"mount exited {done.returncode}"))


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextlib.contextmanager
def small_disk(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` (e.g. "2m") mounted at `path` for the block."""
    path.mkdir(parents=True, exist_ok=True)
    _mount(["-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)])
    try:
        yield path
    finally:
        _umount(path)


def resize(path: Path, size: str) -> None:
    """Give the tmpfs at `path` a new size (the user "freeing space")."""
    subprocess.run(["mount", "-o", f"remount,size={size}", str(path)], check=True)


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """`path` bind-mounted over itself read-only for the block (root ignores permissions)."""
    _mount(["--bind", str(path), str(path)])
    try:
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(path)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip("this test needs a read-only bind mount: " + done.stderr.strip())
        yield path
    finally:
        _umount(path)


def fill(folder: Path, leave: int) -> Path:
    """Fill the file system holding `folder` until about `leave` bytes are free."""
    filler = folder / "filler.bin"
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    with open(filler, "wb", buffering=0) as fh:
        remaining = max(0, free - leave)
        block = b"\0" * (1 << 16)
        while remaining > 0:
            chunk = block[:remaining]
            try:
                written = fh.write(chunk)
            except OSError:
                break
            remaining -= written or len(chunk)
    return filler
