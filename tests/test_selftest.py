"""`briefing --self-test`, the check the frozen app is built with, run from source here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from briefing.core.resources import resources_dir
from briefing.selftest import SelfTest


def self_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, "-m", "briefing", "--self-test"], env=environ,
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)


def test_the_self_test_uses_every_part_and_passes(tmp_path: Path) -> None:
    result = self_test(tmp_path)
    lines = result.stdout.splitlines()
    steps = [name for name, _ in SelfTest(tmp_path, print).steps()]
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(steps) == 13
    for name in steps:
        assert any(line.startswith(f"ok    {name} (") for line in lines), name
    assert lines[-1] == f"self-test: {len(steps)} passed, 0 failed"
    assert "propagateSizeHints" not in result.stderr  # the offscreen platform's noise
    # nothing of the user's was touched: no default workspace (BRIEFING_WORKSPACE points
    # there in the tests), no log in the user's log folder
    assert not (tmp_path / "workspace").exists()
    assert list(Path(os.environ["XDG_STATE_HOME"]).iterdir()) == []


def test_a_file_missing_from_the_bundle_fails_the_self_test_and_names_it(
        tmp_path: Path) -> None:
    bundle = tmp_path / "resources"
    shutil.copytree(resources_dir(), bundle)
    (bundle / "template" / "briefing.docx").unlink()
    result = self_test(tmp_path, BRIEFING_RESOURCES=str(bundle))
    assert result.returncode == 1
    [failed] = [line for line in result.stdout.splitlines() if line.startswith("FAIL  ")]
    assert failed.startswith("FAIL  resources (") and "template/briefing.docx" in failed
    assert result.stdout.splitlines()[-1] == "self-test: 1 passed, 1 failed"
