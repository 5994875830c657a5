"""Perspective definitions shipped in resources/perspectives.toml.

The file is data: name, colour, keyboard key and cues for each perspective.
The workspace copies it into its database on open (PerspectiveStore.sync_defaults),
where the user's own edits live and survive upgrades of the file.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from briefing.core.models import Perspective
from briefing.core.resources import resource

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class PerspectiveFileError(ValueError):
    """The perspectives file is malformed; the message names the entry and the problem."""


def load_perspectives(path: Path) -> list[Perspective]:
    """Read and validate a perspectives TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PerspectiveFileError(f"{path}: {exc}") from exc
    result: list[Perspective] = []
    seen_keys: set[str] = set()
    seen_shortcuts: set[str] = set()
    for n, entry in enumerate(data.get("perspective", []), start=1):
        where = f"{path.name}: perspective #{n}"
        key = str(entry.get("key", "")).strip()
        name = str(entry.get("name", "")).strip()
        colour = str(entry.get("colour", "")).strip()
        shortcut = str(entry.get("shortcut", "")).strip()
        cues = entry.get("cues", [])
        if not key or not name:
            raise PerspectiveFileError(f"{where} needs a key and a name")
        if key in seen_keys:
            raise PerspectiveFileError(f"{where}: key {key!r} is used twice")
        if not _HEX.match(colour):
            raise PerspectiveFileError(f"{where} ({name}): colour {colour!r} is not #rrggbb")
        if shortcut and (shortcut in seen_shortcuts or not shortcut.isdigit() or len(shortcut) != 1):
            raise PerspectiveFileError(f"{where} ({name}): shortcut {shortcut!r} is invalid or taken")
        if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
            raise PerspectiveFileError(f"{where} ({name}): cues must be a list of strings")
        seen_keys.add(key)
        if shortcut:
            seen_shortcuts.add(shortcut)
        result.append(Perspective(key=key, name=name, colour=colour, shortcut=shortcut,
                                  cues=[c.strip() for c in cues if c.strip()], builtin=True))
    return result


def load_default_perspectives() -> list[Perspective]:
    """The perspectives shipped with the app."""
    return load_perspectives(resource("perspectives.toml"))
