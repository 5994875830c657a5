"""The perspectives dialog: add a perspective, edit cues, refuse bad input with the reason."""

from __future__ import annotations

from pathlib import Path

from briefing.core.workspace import Workspace
from briefing.ui.perspectives_dialog import PerspectivesDialog


def test_add_and_edit_perspectives(qtbot, workspace_dir: Path) -> None:
    with Workspace.open(workspace_dir) as ws:
        dialog = PerspectivesDialog(ws)
        qtbot.addWidget(dialog)
        assert dialog.list.count() == 7
        assert dialog.list.item(0).text() == "Ukrainian  (1)"
        assert "Budanov" in dialog.cues.toPlainText().splitlines()

        # Edit the Ukrainian cues.
        dialog.cues.setPlainText(dialog.cues.toPlainText() + "\nHanna Maliar")
        with qtbot.waitSignal(dialog.perspectivesChanged):
            assert dialog.apply()
        assert "Hanna Maliar" in ws.perspectives.get("ukrainian").cues

        # Add a perspective of one's own.
        dialog.new()
        dialog.name.setText("Japanese")
        dialog._set_colour("#aa3377")
        dialog.key.setText("8")
        dialog.cues.setPlainText("Tokyo\nShigeru Ishiba\n")
        assert dialog.apply()
        japanese = ws.perspectives.get("japanese")
        assert japanese.cues == ["Tokyo", "Shigeru Ishiba"] and japanese.shortcut == "8"
        assert dialog.list.count() == 8
        assert dialog.list.currentItem().text() == "Japanese  (8)"

        # A key already taken is refused, the reason shown, nothing stored.
        dialog.key.setText("1")
        assert not dialog.apply()
        assert "key 1 is already used by Ukrainian" in dialog.message.text()
        assert ws.perspectives.get("japanese").shortcut == "8"
