"""Saved briefs in the app: the Briefs list (new, duplicate, rename, delete with undo) and the
builder editing a brief, saving as it goes; reopened after a restart it writes the same note.
New matches are offered, never added; an export can mark what is new since the last one."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.core import briefs  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from briefing.ui.app import create_main_window  # noqa: E402
from briefing.ui.briefing_dialog import NEW_MATCH, BriefingDialog  # noqa: E402
from briefing.ui.main_window import MainWindow  # noqa: E402
from export_sample import HIGHLIGHTS, build_sample  # noqa: E402

TIMEOUT = 30_000


@pytest.fixture
def sample_dir(workspace_dir: Path) -> Path:
    with Workspace.open(workspace_dir) as ws:
        build_sample(ws)
    return workspace_dir


def _open(qtbot, root: Path, settings: QSettings) -> tuple[Workspace, MainWindow]:
    ws = Workspace.open(root)
    window = create_main_window(ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.search.ready, timeout=TIMEOUT)
    return ws, window


def _close(window: MainWindow, ws: Workspace) -> None:
    if window.briefing_dialog is not None:
        window.briefing_dialog.close()
    window.close()
    ws.close()


def _export(qtbot, dialog: BriefingDialog, out: Path) -> None:
    dialog.confirm_ready = lambda report: True
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(out.suffix[1:]))
    dialog.out_edit.setText(str(out))
    dialog.last_report = dialog.last_error = None
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_report is not None or dialog.last_error is not None,
                    timeout=TIMEOUT)
    assert dialog.last_error is None


def _quotes(path: Path) -> list[str]:
    return [p.text.strip("\u201c\u201d\u2026") for p in docx.Document(str(path)).paragraphs
            if p.style.name == "Quote"]


def _list_quotes(dialog: BriefingDialog) -> list[str]:
    """The passages as the dialog lists them (clipped), checked ones only, in order."""
    out = []
    for i in range(dialog.list.count()):
        item = dialog.list.item(i)
        if item.checkState() == Qt.CheckState.Checked:
            out.append(item.text().split("  \u00b7  ", 1)[1].split("  \u2014 ")[0].strip("\u2026"))
    return out


def test_create_a_brief_reorder_restart_and_export_the_same_note(
        qtbot, sample_dir: Path, settings: QSettings, tmp_path: Path) -> None:
    ws, window = _open(qtbot, sample_dir, settings)
    window.show_briefs()
    assert window.tabs.currentWidget() is window.briefs
    panel = window.briefs
    assert panel.rows() == []
    assert panel.new_brief("Morning note") == "Morning note"
    assert panel.rows() == [["Morning note", "Briefing note", str(len(HIGHLIGHTS)), "never",
                             ""]]
    qtbot.mouseClick(panel.buttons["open"], Qt.MouseButton.LeftButton)
    dialog = window.briefing_dialog
    assert isinstance(dialog, BriefingDialog) and dialog.brief == "Morning note"
    assert dialog.windowTitle().startswith("Brief: Morning note")
    assert dialog.list.count() == len(HIGHLIGHTS) and not dialog.offer_bar.isVisible()
    dialog.title_edit.setText("Troops and talks")
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("order"))
    dialog.list.setCurrentRow(4)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    order = _list_quotes(dialog)
    assert len(order) == len(HIGHLIGHTS) - 1
    # saved as it goes: the core sees the order without any "save" button
    qtbot.waitUntil(lambda: ws.briefs.get("Morning note").title == "Troops and talks",
                    timeout=5000)
    first = tmp_path / "first.docx"
    _export(qtbot, dialog, first)
    assert [q[:40] for q in _quotes(first)] == [q[:40] for q in order]
    qtbot.waitUntil(lambda: panel.rows()[0][3].endswith("(docx)"), timeout=5000)

    _close(window, ws)  # the app closes; the brief stays in the workspace
    ws, window = _open(qtbot, sample_dir, settings)
    window.show_briefs()
    assert window.briefs.names() == ["Morning note"]
    assert window.briefs.rows()[0][1] == "Troops and talks"
    dialog = window.open_brief("Morning note")
    assert dialog.title_edit.text() == "Troops and talks"
    assert dialog.group_combo.currentData() == "order"
    assert _list_quotes(dialog) == order
    second = tmp_path / "second.docx"
    _export(qtbot, dialog, second)
    one = [p.text for p in docx.Document(str(first)).paragraphs]
    two = [p.text for p in docx.Document(str(second)).paragraphs]
    assert one == two  # same day: even the date line is the same
    history = briefs.get(ws, "Morning note").row.exports
    assert [Path(e.path).name for e in history] == ["first.docx", "second.docx"]
    _close(window, ws)


def test_duplicate_rename_and_delete_with_undo(qtbot, sample_dir: Path,
                                               settings: QSettings) -> None:
    ws, window = _open(qtbot, sample_dir, settings)
    panel = window.briefs
    briefs.create(ws, "Monday", "Monday note", perspectives=["US"])
    panel.refresh()
    assert panel.choose("monday")
    panel.ask = lambda title, label, default: "Tuesday" if title == "Duplicate brief" else None
    qtbot.mouseClick(panel.buttons["duplicate"], Qt.MouseButton.LeftButton)
    assert panel.names() == ["Monday", "Tuesday"] and panel.current_name() == "Tuesday"
    dialog = window.open_brief("Tuesday")
    assert dialog.title_edit.text() == "Monday note" and dialog.list.count() == 3
    dialog.title_edit.setText("Tuesday note")
    dialog.close()  # closing saves at once
    assert [r[1] for r in panel.rows()] == ["Monday note", "Tuesday note"]
    assert briefs.get(ws, "Tuesday").highlights == briefs.get(ws, "Monday").highlights

    assert panel.rename("Tuesday draft") == "Tuesday draft"
    assert panel.names() == ["Monday", "Tuesday draft"]
    assert panel.rename("monday") is None and "already a brief named" in panel.last_error
    panel.choose("Monday")
    qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    assert panel.names() == ["Tuesday draft"]
    window.undo_stack.undo()  # Edit ▸ Undo puts it back, with its order and settings
    assert panel.names() == ["Monday", "Tuesday draft"]
    assert briefs.get(ws, "Monday").row.title == "Monday note"
    window.undo_stack.undo()
    assert panel.names() == ["Monday", "Tuesday"]
    window.undo_stack.undo()  # the duplicate itself
    assert panel.names() == ["Monday"]
    window.undo_stack.redo()
    assert panel.names() == ["Monday", "Tuesday"]
    _close(window, ws)


def test_new_matches_are_offered_and_new_items_marked(qtbot, sample_dir: Path,
                                                      settings: QSettings,
                                                      tmp_path: Path) -> None:
    ws, window = _open(qtbot, sample_dir, settings)
    briefs.create(ws, "Talks", "Talks", tags=["diplomacy"])
    before = briefs.get(ws, "Talks").highlights
    dialog = window.open_brief("Talks")
    assert not dialog.mark_new_check.isEnabled()  # never exported: nothing to compare
    _export(qtbot, dialog, tmp_path / "talks.md")
    assert dialog.mark_new_check.isEnabled()
    dialog.close()

    article = ws.articles.list()[0]
    text = ws.articles.text(article.id)
    later = ws.highlights.add(article.id, text, 0, 40, perspectives=["us"], tags=["diplomacy"])
    window.show_briefs()  # showing the list reads it again
    assert window.briefs.rows()[0][4] == "1 new match to add"
    dialog = window.open_brief("Talks")
    assert dialog.offer_bar.isVisibleTo(dialog)
    assert dialog.offer_label.text() == "1 new highlight matches this brief \u2014 add?"
    offered = [dialog.list.item(i) for i in range(dialog.list.count())
               if dialog.list.item(i).text().startswith(NEW_MATCH)]
    assert len(offered) == 1 and offered[0].checkState() == Qt.CheckState.Unchecked
    # a narrower filter hides the offer; back to the brief's filter, it is offered again
    dialog.perspective_filter.setCurrentIndex(dialog.perspective_filter.findData("chinese"))
    assert not dialog.offer_bar.isVisibleTo(dialog)
    dialog.perspective_filter.setCurrentIndex(0)
    assert dialog.offer_label.text() == "1 new highlight matches this brief \u2014 add?"
    dialog.save_brief()
    assert briefs.get(ws, "Talks").highlights == before  # not added by itself
    qtbot.mouseClick(dialog.offer_add, Qt.MouseButton.LeftButton)
    assert not dialog.offer_bar.isVisibleTo(dialog)
    dialog.save_brief()
    assert briefs.get(ws, "Talks").highlights == [*before, later.id]
    window.briefs.refresh()
    assert window.briefs.rows()[0][4].startswith("1 highlight, 1 source new since ")

    dialog.mark_new_check.setChecked(True)
    out = tmp_path / "talks-2.md"
    _export(qtbot, dialog, out)
    note = out.read_text(encoding="utf-8")
    assert note.count("**New since ") == 2  # the new highlight and its new source
    window.briefs.refresh()
    assert window.briefs.rows()[0][4] == ""  # nothing is new after that export
    _close(window, ws)
    QApplication.processEvents()
