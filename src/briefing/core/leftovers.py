"""What a killed writer leaves in a workspace, removed the next time it is opened for writing.

A process killed mid-write can leave temp files (".<name>.<pid>.<random>.part",
see fileio) beside originals, index metadata or the library, and a rebuild
killed mid-way leaves its half-built ".index-build-*" folder (or the
".index-old-*" it was swapping out). None of them is ever read; the caller
holds the workspace's writer lock, so no one else can be writing them.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from briefing.core.fileio import remove_stale_parts

log = logging.getLogger(__name__)
INDEX_NAME = "index"
_PROBE = ".mtime-probe"


def clean_leftovers(root: Path) -> list[Path]:
    """Remove stale temp files and half-built index folders under the workspace `root`.

    Returns what was removed (logged too). Never raises: a leftover that cannot
    be removed (e.g. on a read-only medium) is simply left where it is.
    """
    removed: list[Path] = []
    for prefix in (f".{INDEX_NAME}-build-", f".{INDEX_NAME}-old-"):
        for folder in root.glob(prefix + "*"):
            if folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)
                if not folder.exists():
                    removed.append(folder)
    folders = [root, root / INDEX_NAME, root / "originals"]
    originals = root / "originals"
    if originals.is_dir():
        folders.extend(p for p in originals.iterdir() if p.is_dir() and not p.is_symlink())
    for folder in folders:
        removed.extend(remove_stale_parts(folder, any_owner=True))
    backups = root / "backups"  # readers back up without the lock: only dead owners' parts
    if backups.is_dir():
        removed.extend(remove_stale_parts(backups))
    probe = root / INDEX_NAME / _PROBE
    try:
        os.unlink(probe)
        removed.append(probe)
    except OSError:
        pass
    for path in removed:
        log.info("removed a leftover of an interrupted write: %s", path)
    return removed
