"""Where Briefing may write a file the user named: never inside a workspace, never over a
file it did not write.

Every output path the user chooses (an exported note, a backup copy, an archive) goes
through `check_output` before anything is written. A path inside the workspace is refused
outright — a note written over `library.sqlite3` once replaced a whole library. An existing
file is replaced only when Briefing wrote it, recognised by a marker inside it (a .docx core
property, a first-line comment in Markdown, a `generator` key in JSON), or when the user
confirmed (`--force` in the CLI, a dialog in the app). CSV files carry no marker, so
replacing one always needs confirmation.
"""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
from pathlib import Path

# The marks Briefing leaves in what it writes (the exporters use these constants).
DOCX_MARK = "Exported by Briefing"  # docProps/core.xml dc:description (python-docx `comments`)
MARKDOWN_MARK = "<!-- Exported by Briefing -->"  # first line of a Markdown note
JSON_GENERATOR = {"id": "urn:briefing:app", "type": "Software", "name": "Briefing"}

_MARK_READ_LIMIT = 64 * 1024 * 1024  # never read more than this to look for a mark


class OutputError(Exception):
    """The output path cannot be used; `needs_confirmation` when the user may overrule it."""

    def __init__(self, message: str, needs_confirmation: bool = False) -> None:
        super().__init__(message)
        self.needs_confirmation = needs_confirmation


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(os.path.expanduser(path)))


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path` (after following links) is `folder` or lies below it."""
    target, root = _resolved(path), _resolved(folder)
    return target == root or root in target.parents


def written_by_briefing(path: Path) -> bool:
    """Does this existing file carry Briefing's mark? (False for anything unreadable.)"""
    try:
        suffix = path.suffix.lower()
        if suffix == ".docx":
            return _docx_marked(path)
        if suffix in (".md", ".markdown"):
            with path.open("rb") as stream:
                first = stream.readline(256).decode("utf-8-sig", "replace").strip()
            return first == MARKDOWN_MARK
        if suffix == ".briefing":  # an archive: its manifest says who wrote it
            with zipfile.ZipFile(path) as archive:
                info = archive.getinfo("manifest.json")
                if info.file_size > _MARK_READ_LIMIT:
                    return False
                data = json.loads(archive.read(info))
            return isinstance(data, dict) and data.get("format") == "briefing-archive"
        if suffix in (".json", ".jsonld"):
            if path.stat().st_size > _MARK_READ_LIMIT:
                return False
            data = json.loads(path.read_text(encoding="utf-8"))
            return isinstance(data, dict) and data.get("generator") == JSON_GENERATOR
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, RuntimeError):
        return False
    return False


def _docx_marked(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("docProps/core.xml")
        if info.file_size > 1024 * 1024:
            return False
        xml = archive.read(info).decode("utf-8", "replace")
    found = re.search(r"<dc:description>(.*?)</dc:description>", xml, re.S)
    return bool(found and found.group(1).strip() == DOCX_MARK)


def check_output(out: Path, protected: list[Path] | tuple[Path, ...] = (),
                 force: bool = False) -> None:
    """Refuse `out` when it is inside a protected folder (a workspace) or would replace a
    file Briefing did not write (unless `force`). Raises OutputError saying why."""
    out = Path(out)
    for folder in protected:
        if is_inside(out, folder):
            raise OutputError(
                f"cannot write {out}: it is inside the workspace {folder}, which holds your "
                "library; choose a folder outside it")
    try:
        info = out.stat()
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there to overwrite; whether the folder is usable is checked later
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {out}: it is a folder; give a file name such as "
                          f"{out / 'briefing.docx'}")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"cannot write {out}: it is not a regular file")
    if force or written_by_briefing(out):
        return
    if out.suffix.lower() == ".csv":
        reason = "CSV files carry no mark of who wrote them"
    else:
        reason = "it was not written by Briefing"
    raise OutputError(f"{out} already exists and {reason}; choose another name, or confirm "
                      "that it may be replaced (--force)", needs_confirmation=True)
