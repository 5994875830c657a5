"""Shared fixtures: every test gets its own workspace, settings and home folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from briefing.core.resources import sample_corpus  # noqa: E402

CORPUS_FILES = sample_corpus()


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point home, XDG folders and the default workspace at a fresh temp folder."""
    home = tmp_path / "home"
    for sub in ("config", "data", "cache", "state"):
        (home / sub).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("BRIEFING_WORKSPACE", str(tmp_path / "workspace"))
    return home


@pytest.fixture
def workspace_dir(tmp_path: Path) -> Path:
    """Folder for a test workspace (not created: opening the workspace creates it)."""
    return tmp_path / "workspace"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A private copy of the sample corpus that a test may modify."""
    dest = tmp_path / "corpus"
    dest.mkdir()
    for f in CORPUS_FILES:
        shutil.copy2(f, dest / f.name)
    return dest


@pytest.fixture
def corpus_texts() -> dict[str, str]:
    """Raw text of each sample article, keyed by file name."""
    return {f.name: f.read_text(encoding="utf-8") for f in CORPUS_FILES}
