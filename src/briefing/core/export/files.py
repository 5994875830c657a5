"""Write an output file all-or-nothing: a temporary file beside it, then os.replace.

python-docx's save(path) writes in place, so a failure mid-write would destroy
the previous note; here the old file stays until the new one is complete, and
a failed export leaves no partial file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.core.diskerrors import is_write_fault, write_failed
from briefing.core.export.selection import ExportError
from briefing.core.fileio import atomic_write_bytes, remove_stale_parts


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


def write_atomic(out: Path, data: bytes) -> int:
    """Write `data` to a temp file in out's folder, then move it over `out`.

    Returns the size in bytes. On any failure the temp file is removed, `out`
    is untouched, and an ExportError says why (for a full disk: the space needed).
    Temp files left by an export that was killed are removed first.
    """
    check_writable(out)
    remove_stale_parts(out.parent, out.name)
    try:
        atomic_write_bytes(out, data, mode=0o644)
    except OSError as exc:
        if is_write_fault(exc):
            raise ExportError(str(write_failed("export", out, exc, len(data)))) from None
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None
    return out.stat().st_size
