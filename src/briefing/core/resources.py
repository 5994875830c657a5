"""Locate the data files in `resources/` (perspectives, cleaning rules, template, corpus)."""

from __future__ import annotations

import os
from pathlib import Path


def resources_dir() -> Path:
    """The resources folder: $BRIEFING_RESOURCES, the source checkout, or the bundled copy."""
    env = os.environ.get("BRIEFING_RESOURCES")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for candidate in (here.parents[3] / "resources", here.parents[1] / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Briefing's resources folder was not found; set BRIEFING_RESOURCES")


def resource(*parts: str) -> Path:
    """Path of one file under resources/."""
    return resources_dir().joinpath(*parts)


def sample_corpus() -> list[Path]:
    """The sample articles shipped with the app, in a stable order."""
    return sorted(p for p in resource("corpus").iterdir() if p.is_file())
