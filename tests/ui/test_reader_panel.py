"""Reader and highlights panel as one (issue 10, item 4), in the real window.

Click a highlight in the text and land on it in the panel; accept a suggestion and type
its note at once; every accept, reject, undo and redo is said in the status bar and
scrolled to; the perspective boxes show their keys; the editor empties with the
selection; the last article and the panel's mode come back after a restart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from briefing.core.ingest.sample import import_sample_corpus
from briefing.core.workspace import Workspace
from briefing.ui.app import create_main_window
from briefing.ui.main_window import MainWindow

LOAD_TIMEOUT = 30_000


def _open(qtbot, workspace_dir: Path, settings: QSettings) -> MainWindow:
    ws = Workspace.open(workspace_dir)
    if ws.articles.count() == 0:  # a new workspace starts empty: the sample articles, once
        list(import_sample_corpus(ws))
    win = create_main_window(ws, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 5 and win.search.ready
                    and not win.importer.busy, timeout=LOAD_TIMEOUT)
    return win


def _close(win: MainWindow) -> None:
    ws = win.ws
    win.close()
    ws.close()


@pytest.fixture
def window(qtbot, workspace_dir: Path, settings: QSettings):
    win = _open(qtbot, workspace_dir, settings)
    yield win
    _close(win)


def _open_article(qtbot, win: MainWindow) -> int:
    """The longest sample article, opened with its suggestions drawn."""
    aid = max(win.ws.articles.list(), key=lambda a: a.words).id
    win.open_article(aid)
    qtbot.waitUntil(lambda: not win.reader.suggestions_pending(), timeout=LOAD_TIMEOUT)
    assert win.reader.suggestions, "the sample article has suggested claims"
    return aid


def _status(win: MainWindow) -> str:
    return win.statusBar().currentMessage()


def _visible(win: MainWindow, offset: int) -> bool:
    reader = win.reader
    cursor = QTextCursor(reader.editor.document())
    cursor.setPosition(reader.mapping.to_doc(offset))
    rect = reader.editor.cursorRect(cursor)
    return 0 <= rect.top() < reader.editor.viewport().height()


def test_clicking_a_highlight_in_the_text_selects_it_in_the_panel(qtbot, window) -> None:
    win = window
    aid = _open_article(qtbot, win)
    text = win.reader.article.text
    start = text.index(". ") + 2
    end = text.index(".", start + 20) + 1
    win.reader.reveal(start, end)
    made = win.reader.highlight_selection(["us"])
    assert made is not None
    win.highlights.view.clearSelection()
    assert win.highlights.editor.highlight is None  # the editor empties with the selection
    assert win.highlights.editor.quote.text().startswith("Select a highlight")

    reader = win.reader
    cursor = QTextCursor(reader.editor.document())
    cursor.setPosition(reader.mapping.to_doc(start + 5))
    reader.editor.setTextCursor(cursor)
    reader._scroll_to(cursor.position())
    point = reader.editor.cursorRect(cursor).center()
    qtbot.mouseClick(reader.editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    panel = win.highlights
    selected = panel.view.selectionModel().selectedRows()
    assert len(selected) == 1
    assert panel.model.rows[selected[0].row()].id == made.id
    assert panel.editor.highlight is not None and panel.editor.highlight.id == made.id
    assert ws_quote(win, made.id) in panel.editor.quote.text()
    assert aid == reader.current_article_id()


def ws_quote(win: MainWindow, hid: int) -> str:
    return " ".join(win.ws.highlights.get(hid).quote.split())[:60]


def test_accept_lands_in_the_note_and_every_step_is_said_and_shown(qtbot, window) -> None:
    win = window
    _open_article(qtbot, win)
    reader = win.reader
    last = reader.goto_suggestion(-1, after=len(reader.article.text))
    assert last is not None
    reader.editor.setFocus()
    qtbot.keyClick(reader.editor, Qt.Key.Key_Return)

    # the new highlight is selected in the panel, the cursor in its note
    panel = win.highlights
    assert panel.editor.highlight is not None and panel.editor.highlight.quote == last.quote
    assert QApplication.focusWidget() is panel.editor.note
    assert _status(win).startswith("Accepted suggestion \u201c")
    qtbot.keyClicks(panel.editor.note, "Check against the ministry")
    qtbot.keyClick(panel.editor.note, Qt.Key.Key_Escape)  # saved, and back to the text
    assert QApplication.focusWidget() is reader.editor
    assert win.ws.highlights.get(panel.editor.highlight.id).note == "Check against the ministry"

    # undo and redo say so and scroll back to the passage
    win.undo_stack.undo()  # the note
    assert _status(win).startswith("Undid: Edit note")
    reader.editor.verticalScrollBar().setValue(0)
    win.undo_stack.undo()  # the accept
    assert _status(win).startswith("Undid: Accept suggestion \u201c")
    assert _visible(win, last.start) and reader.editor.verticalScrollBar().value() > 0
    assert not [h for h in win.ws.highlights.list() if h.quote == last.quote]
    reader.editor.verticalScrollBar().setValue(0)
    win.undo_stack.redo()
    assert _status(win).startswith("Redid: Accept suggestion \u201c")
    assert _visible(win, last.start)

    # reject with Backspace: said, and undone
    qtbot.waitUntil(lambda: not reader.suggestions_pending(), timeout=LOAD_TIMEOUT)
    first = reader.goto_suggestion(1, after=0)
    reader.editor.setFocus()
    qtbot.keyClick(reader.editor, Qt.Key.Key_Backspace)
    assert _status(win).startswith("Rejected suggestion \u201c")
    reader.editor.verticalScrollBar().setValue(reader.editor.verticalScrollBar().maximum())
    win.undo_stack.undo()
    assert _status(win).startswith("Undid: Reject suggestion \u201c")
    assert _visible(win, first.start)


def test_perspective_boxes_show_their_keys(window) -> None:
    boxes = window.highlights.editor.checks
    for p in window.ws.perspectives.all():
        assert boxes[p.key].text() == (f"{p.name} ({p.shortcut})" if p.shortcut else p.name)


def test_last_article_and_panel_mode_come_back(qtbot, workspace_dir: Path,
                                               settings: QSettings) -> None:
    win = _open(qtbot, workspace_dir, settings)
    aid = _open_article(qtbot, win)
    win.highlights.show_all_articles(True)
    _close(win)

    again = _open(qtbot, workspace_dir, settings)
    try:
        assert again.reader.current_article_id() == aid
        assert again.highlights.all_button.isChecked()
        assert again.highlights.scope_mode() == "all"
        again.highlights.show_all_articles(False)
    finally:
        _close(again)
    third = _open(qtbot, workspace_dir, settings)
    try:
        assert third.highlights.scope_mode() == "this"
        assert third.highlights.article_id == aid
    finally:
        _close(third)
