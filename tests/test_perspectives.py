"""Perspectives are data: the shipped file, the user's own perspectives and cue edits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.perspectives import PerspectiveFileError, load_perspectives
from briefing.core.resources import resources_dir
from briefing.core.workspace import Workspace

ARTICLE = """Japan weighs its response to Korean troop deployment

Tokyo is watching the deployment of North Korean soldiers with alarm. Chief Cabinet Secretary
Yoshimasa Hayashi told reporters on Tuesday that the transfer of troops posed a grave threat to
the region and that Japan would coordinate closely with its partners on any response.

Officials in Seoul and Washington have made similar statements in recent days, and analysts
expect further sanctions to follow before the end of the year, according to diplomats in the
region who asked not to be named because the talks are private.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_shipped_perspectives_have_the_seven_defaults_with_distinct_keys() -> None:
    items = load_perspectives(resources_dir() / "perspectives.toml")
    names = [p.name for p in items]
    assert names == ["Ukrainian", "US", "South Korean", "Chinese", "Russian", "North Korean",
                     "NATO/European"]
    assert len({p.shortcut for p in items}) == 7
    assert "Budanov" in items[0].cues and "Pentagon" in items[1].cues


def test_a_malformed_perspectives_file_names_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "perspectives.toml"
    bad.write_text('[[perspective]]\nkey = "x"\nname = "X"\ncolour = "blue"\n')
    with pytest.raises(PerspectiveFileError, match=r"perspective #1 \(X\): colour 'blue'"):
        load_perspectives(bad)


def test_user_perspective_drives_suggestions(capsys, workspace_dir: Path, tmp_path: Path) -> None:
    ws_arg = ("--workspace", str(workspace_dir))
    code, out, _ = run(capsys, *ws_arg, "perspectives", "add", "Japanese", "--colour", "#aa3377",
                       "--key", "8", "--cue", "Yoshimasa Hayashi", "--cue", "Tokyo")
    assert code == 0, out
    article = tmp_path / "japan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run(capsys, *ws_arg, "import", str(article))[0] == 0
    code, out, _ = run(capsys, *ws_arg, "suggest", "1", "--json")
    suggestions = json.loads(out)
    hayashi = [s for s in suggestions if "Hayashi told reporters" in s["quote"]]
    assert hayashi and hayashi[0]["perspectives"] == ["Japanese"]
    assert hayashi[0]["cue"] == "Yoshimasa Hayashi"


def test_cue_edits_survive_reopening_and_an_upgraded_shipped_file(
        capsys, workspace_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws_arg = ("--workspace", str(workspace_dir))
    code, out, _ = run(capsys, *ws_arg, "perspectives", "edit", "US", "--add-cue", "Foggy Bottom",
                       "--remove-cue", "Congress")
    assert code == 0, out

    # A new release ships different cues for US and Chinese.
    upgraded = tmp_path / "resources"
    shutil.copytree(resources_dir(), upgraded)
    toml = upgraded / "perspectives.toml"
    toml.write_text(toml.read_text().replace('"Wang Yi",', '"Wang Yi", "Zhongguo officials",')
                    .replace('"Pentagon",', '"Pentagon", "Arlington officials",'))
    monkeypatch.setenv("BRIEFING_RESOURCES", str(upgraded))

    with Workspace.open(workspace_dir) as ws:
        us = ws.perspectives.get("us")
        chinese = ws.perspectives.get("chinese")
    assert "Foggy Bottom" in us.cues and "Congress" not in us.cues
    assert "Arlington officials" not in us.cues  # the user's edit wins over the new file
    assert "Zhongguo officials" in chinese.cues  # untouched defaults follow the new file


def test_bad_perspective_edits_are_refused_with_the_reason(capsys, workspace_dir: Path) -> None:
    ws_arg = ("--workspace", str(workspace_dir))
    code, _, err = run(capsys, *ws_arg, "perspectives", "add", "Japanese", "--colour", "#aa3377",
                       "--key", "1")
    assert code == 1 and "key 1 is already used by Ukrainian" in err
    code, _, err = run(capsys, *ws_arg, "perspectives", "edit", "Martian", "--colour", "#000000")
    assert code == 2 and "unknown perspective 'Martian'" in err
