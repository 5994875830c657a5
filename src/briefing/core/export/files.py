"""Write an output file all-or-nothing: a temporary file beside it, then os.replace.

python-docx's save(path) writes in place, so a failure mid-write would destroy
the previous note; here the old file stays until the new one is complete, and
a failed export leaves no partial file behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from briefing.core.export.selection import ExportError
from briefing.core.fileio import atomic_write


def check_writable(out: Path) -> None:
    """Refuse early, with a reason a person understands, when `out` cannot be written."""
    parent = out.parent
    if out.is_dir():
        raise ExportError(f"cannot write {out}: it is a folder; give a file name such as "
                          f"{out / 'briefing.docx'}")
    if not parent.exists():
        raise ExportError(f"cannot write {out}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise ExportError(f"cannot write {out}: {parent} is a file, not a folder")
    if not os.access(parent, os.W_OK):
        raise ExportError(f"cannot write {out}: the folder {parent} is not writable; "
                          "choose another folder")


def write_atomic(out: Path, write: Callable[[BinaryIO], None]) -> int:
    """Call `write(stream)` on a temp file in out's folder, then move it over `out`.

    Returns the size in bytes. On any failure the temp file is removed, `out`
    is untouched, and an ExportError says why.
    """
    check_writable(out)
    try:
        atomic_write(out, write, mode=0o644)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None
    return out.stat().st_size
