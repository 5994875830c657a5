"""The Speakers dialog on its own and with the reader: assign a perspective to a speaker,
see every suggestion by that speaker change in the reader, undo and redo it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.core.store.articles import NewArticle  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from briefing.ui.reader import ReaderPane  # noqa: E402
from briefing.ui.speakers_dialog import SpeakersDialog  # noqa: E402
from export_sample import add_articles  # noqa: E402

REPORT = """Brigade reports from the river crossing

Taras Hnatenko said on Monday that 3,000 troops had crossed the river near the village. \
Mr Hnatenko told reporters that the brigade had lost 200 soldiers in the first week. \
He said the attack would continue until the bridgehead was secure.
"""


def _report(ws: Workspace) -> int:
    return ws.articles.add(NewArticle(
        title="Brigade reports", text=REPORT, text_hash="r", source_file="r.txt",
        original_hash="r", format="txt", words=len(REPORT.split())))


@pytest.fixture
def parts(qtbot, ws: Workspace, stack: QUndoStack):
    aid = _report(ws)
    reader = ReaderPane(ws, stack)
    qtbot.addWidget(reader)
    reader.resize(700, 500)
    reader.show()
    reader.show_article(aid)
    qtbot.waitUntil(lambda: not reader.suggestions_pending(), timeout=10_000)
    dialog = SpeakersDialog(ws, stack)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, dialog)
    return aid, reader, dialog


def settle(qtbot, dialog: SpeakersDialog) -> None:
    """The list is read in the background: wait for it."""
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)


def choose(qtbot, dialog: SpeakersDialog, name: str, text: str) -> None:
    combo = dialog.combo(dialog.row_of(name))
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    settle(qtbot, dialog)


def test_assign_a_speaker_and_the_reader_follows_with_undo(qtbot, parts, ws: Workspace,
                                                          stack: QUndoStack) -> None:
    aid, reader, dialog = parts
    assert [s.perspectives for s in reader.suggestions] == [[], [], []]
    row = dialog.row_of("Taras Hnatenko")
    assert row == 0  # unassigned speakers come first
    assert dialog.table.item(row, dialog.SOURCE).text() == "— unassigned"
    assert dialog.combo(row).currentText() == "Cues decide (none)"
    assert dialog.count.text() == "1 speakers, 1 unassigned"

    choose(qtbot, dialog, "Taras Hnatenko", "Ukrainian")
    assert [s.perspectives for s in reader.suggestions] == [["ukrainian"]] * 3
    assert "speaker book: Taras Hnatenko" in reader.suggestions[1].cue
    assert dialog.status.text() == \
        "Taras Hnatenko → Ukrainian: 3 statements in 1 article follow."
    row = dialog.row_of("Taras Hnatenko")
    assert dialog.table.item(row, dialog.SOURCE).text() == "speaker book"
    assert dialog.combo(row).currentText() == "Ukrainian"
    assert ws.speakers.get("hnatenko") is None and ws.speakers.get("Taras Hnatenko") == \
        "ukrainian"

    choose(qtbot, dialog, "Taras Hnatenko", "Russian")
    assert [s.perspectives for s in reader.suggestions] == [["russian"]] * 3
    stack.undo()  # back to Ukrainian
    settle(qtbot, dialog)
    assert [s.perspectives for s in reader.suggestions] == [["ukrainian"]] * 3
    assert dialog.combo(dialog.row_of("Taras Hnatenko")).currentText() == "Ukrainian"
    stack.undo()  # back to the cues
    assert [s.perspectives for s in reader.suggestions] == [[], [], []]
    assert ws.speakers.entries() == {}
    stack.redo()
    assert [s.perspectives for s in reader.suggestions] == [["ukrainian"]] * 3

    choose(qtbot, dialog, "Taras Hnatenko", "Cues decide (none)")
    assert ws.speakers.entries() == {}
    assert [s.perspectives for s in reader.suggestions] == [[], [], []]

    # kept across a restart: a new dialog on the reopened workspace shows the assignment
    choose(qtbot, dialog, "Taras Hnatenko", "US")
    root = ws.root
    ws.close()
    with Workspace.open(root) as again:
        fresh = SpeakersDialog(again, QUndoStack())
        settle(qtbot, fresh)
        assert fresh.combo(fresh.row_of("Taras Hnatenko")).currentText() == "US"
        fresh.deleteLater()


def test_filter_and_picture_of_the_dialog(qtbot, parts, ws: Workspace, tmp_path: Path) -> None:
    _, _, dialog = parts
    add_articles(ws)
    ws.speakers.assign("Kyrylo Budanov", "ukrainian")
    dialog.refresh()
    settle(qtbot, dialog)
    assert dialog.row_of("Taras Hnatenko") < dialog.row_of("Kyrylo Budanov")
    budanov = dialog.row_of("Kyrylo Budanov")
    assert dialog.table.item(budanov, dialog.SOURCE).text() == "speaker book"
    assert int(dialog.table.item(budanov, dialog.STATEMENTS).text()) >= 5
    dialog.filter.setText("zelensky")
    shown = [dialog.entries[r].name for r in range(dialog.table.rowCount())
             if not dialog.table.isRowHidden(r)]
    assert shown == ["Volodymyr Zelensky"]
    dialog.filter.clear()
    dialog.resize(860, 560)
    qtbot.wait(50)
    assert dialog.grab().save(str(tmp_path / "speakers.png"))  # docs/make_screenshots.py


def test_the_window_opens_it_and_its_reader_follows(qtbot, workspace_dir: Path,
                                                     settings) -> None:
    from briefing.ui.app import create_main_window

    with Workspace.open(workspace_dir) as ws:
        aid = _report(ws)
        window = create_main_window(ws, settings, start=False)
        qtbot.addWidget(window)
        window.open_article(aid)
        qtbot.waitUntil(lambda: not window.reader.suggestions_pending(), timeout=10_000)
        assert [s.perspectives for s in window.reader.suggestions] == [[], [], []]
        window.speakers_action.trigger()
        dialog = window.speakers_dialog
        settle(qtbot, dialog)
        assert isinstance(dialog, SpeakersDialog) and dialog.undo_stack is window.undo_stack
        choose(qtbot, dialog, "Taras Hnatenko", "South Korean")
        assert [s.perspectives for s in window.reader.suggestions] == [["south_korean"]] * 3
        window.undo_stack.undo()
        assert [s.perspectives for s in window.reader.suggestions] == [[], [], []]
        dialog.close()
        window.close()


def test_the_readers_menu_assigns_the_speaker_of_a_suggestion(qtbot, ws: Workspace,
                                                               stack: QUndoStack) -> None:
    from PySide6.QtGui import QTextCursor

    aid = _report(ws)
    reader = ReaderPane(ws, stack)
    qtbot.addWidget(reader)
    reader.resize(700, 500)
    reader.show()
    reader.show_article(aid)
    qtbot.waitUntil(lambda: not reader.suggestions_pending(), timeout=10_000)
    second = reader.suggestions[1]  # "Mr Hnatenko told reporters …"
    cursor = QTextCursor(reader.editor.document())
    cursor.setPosition(reader.mapping.to_doc(second.start + 2))
    menu = reader.build_context_menu(reader.editor.cursorRect(cursor).center())
    sub = next(a.menu() for a in menu.actions() if a.text() == "Every statement by Hnatenko")
    next(a for a in sub.actions() if a.text() == "Chinese").trigger()
    assert [s.perspectives for s in reader.suggestions] == [["chinese"]] * 3
    assert "every statement by Hnatenko follows" in reader.notice.text()
    stack.undo()
    assert [s.perspectives for s in reader.suggestions] == [[], [], []]
    assert ws.speakers.entries() == {}


def test_a_read_only_dialog_refuses_with_a_reason(qtbot, ws: Workspace) -> None:
    _report(ws)
    with Workspace.open(ws.root, readonly=True) as ro:
        stack = QUndoStack()
        dialog = SpeakersDialog(ro, stack)
        qtbot.addWidget(dialog)
        settle(qtbot, dialog)
        assert dialog.status.text().startswith("Read-only:")
        assert not dialog.combo(dialog.row_of("Taras Hnatenko")).isEnabled()
        assert not dialog.assign("Taras Hnatenko", "us")
        assert dialog.status.text().startswith("Could not assign Taras Hnatenko: cannot assign")
        assert stack.count() == 0 and ro.speakers.entries() == {}


def test_decided_by_says_what_the_cues_left_without_a_perspective(qtbot, ws: Workspace) -> None:
    """A speaker the cues place only in part had read "cues, 1 without" — without what?"""
    from briefing.core.speakers import SpeakerEntry

    dialog = SpeakersDialog(ws, QUndoStack())
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, dialog)
    dialog.show_entries([
        SpeakerEntry(key="democratic party", name="Democratic Party", statements=3,
                     without_perspective=1, articles=[1, 2], cue_perspectives=["south_korean"]),
        SpeakerEntry(key="vernet", name="Vernet", statements=2, without_perspective=2,
                     articles=[1]),
    ])
    decided = dialog.table.item(dialog.row_of("Democratic Party"), dialog.SOURCE)
    assert decided.text() == "cues; 1 statement with none"
    assert "place 2 of this speaker's 3 statements" in decided.toolTip()
    assert dialog.table.item(dialog.row_of("Vernet"), dialog.SOURCE).text() == "— unassigned"
    width = dialog.table.fontMetrics().horizontalAdvance(decided.text())
    assert dialog.table.columnWidth(dialog.SOURCE) >= width, "the column cuts its text"
