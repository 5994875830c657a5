"""Correcting cleaning in the app: the "Removed by cleaning" dialog on its own and from the
reader's menu, "Remove paragraph as page furniture", and undo/redo of both with the text,
the reader and the highlights following. Real workspace, a real page imported."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QUndoStack

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.core.ingest.pipeline import import_files  # noqa: E402
from briefing.core.store.articles import NewArticle  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from briefing.ui import reader_cleaning  # noqa: E402
from briefing.ui.reader import ReaderPane  # noqa: E402
from briefing.ui.removed_lines_dialog import RemovedLinesDialog  # noqa: E402
from test_cleaning_choices import PAGE, SPONSOR, SUBSCRIBE  # noqa: E402


@pytest.fixture
def aid(ws: Workspace, tmp_path: Path) -> int:
    page = tmp_path / "drones.txt"
    page.write_text(PAGE, encoding="utf-8")
    [progress] = list(import_files(ws, [page]))
    return progress.result.article_id


@pytest.fixture
def reader(qtbot, ws: Workspace, stack: QUndoStack, aid: int) -> ReaderPane:
    pane = ReaderPane(ws, stack)
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    pane.show_article(aid)
    return pane


def _open(qtbot, ws: Workspace, stack: QUndoStack, aid: int) -> RemovedLinesDialog:
    dialog = RemovedLinesDialog(ws, stack, aid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading and bool(dialog.lines), timeout=10_000)
    return dialog


def _mark(ws: Workspace, aid: int, words: str):
    text = ws.articles.text(aid)
    start = text.index(words)
    return ws.highlights.add(aid, text, start, start + len(words))


def _on_its_words(ws: Workspace, h, words: str) -> bool:
    now = ws.highlights.get(h.id)
    return not now.orphaned and ws.articles.text(now.article_id)[now.start:now.end] == words


def test_dialog_lists_lines_with_reasons_and_puts_one_back_undoably(
        qtbot, ws: Workspace, stack: QUndoStack, aid: int, reader: ReaderPane) -> None:
    h = _mark(ws, aid, "weekly updates")
    dialog = _open(qtbot, ws, stack, aid)
    row = dialog.row_of(SUBSCRIBE)
    assert row >= 0
    assert dialog.table.item(row, dialog.WHY).text() == "newsletter or subscription prompt"
    assert not dialog.put_back_button.isEnabled()  # nothing selected yet
    dialog.table.selectRow(row)
    assert dialog.put_back_button.isEnabled()
    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.put_back_button.isEnabled()  # off the UI thread
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.status.text().startswith("Put back: “Subscribe to our newsletter.”")
    assert SUBSCRIBE in ws.articles.text(aid)
    assert SUBSCRIBE in reader.editor.toPlainText()  # the reader shows the new text
    assert _on_its_words(ws, h, "weekly updates")
    assert stack.undoText().startswith("Put back “Subscribe to our newsletter.”")
    qtbot.waitUntil(lambda: not dialog.loading and dialog.row_of(SUBSCRIBE) < 0,
                    timeout=10_000)
    stack.undo()
    assert SUBSCRIBE not in ws.articles.text(aid)
    assert SUBSCRIBE not in reader.editor.toPlainText()
    assert _on_its_words(ws, h, "weekly updates")
    qtbot.waitUntil(lambda: not dialog.loading and dialog.row_of(SUBSCRIBE) >= 0,
                    timeout=10_000)
    stack.redo()
    assert SUBSCRIBE in reader.editor.toPlainText()
    assert _on_its_words(ws, h, "weekly updates")


def _point(pane: ReaderPane, offset: int):
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.mapping.to_doc(offset))
    return pane.editor.cursorRect(cursor).center()


def test_reader_menu_removes_a_paragraph_as_furniture_and_undo_puts_it_back(
        qtbot, ws: Workspace, stack: QUndoStack, aid: int, reader: ReaderPane) -> None:
    h = _mark(ws, aid, "Baltic Defence Expo")
    at = ws.articles.text(aid).index("Baltic") + 2
    menu = reader.build_context_menu(_point(reader, at))
    remove = next(a for a in menu.actions() if a.text() == "Remove paragraph as page furniture")
    remove.trigger()
    qtbot.waitUntil(lambda: stack.count() == 1, timeout=10_000)
    assert SPONSOR not in ws.articles.text(aid)
    assert "Baltic" not in reader.editor.toPlainText()
    assert ws.highlights.get(h.id).orphaned  # kept, never lost
    stack.undo()
    assert SPONSOR in reader.editor.toPlainText()
    assert _on_its_words(ws, h, "Baltic Defence Expo")
    stack.redo()
    assert "Baltic" not in reader.editor.toPlainText()
    menu = reader.build_context_menu(_point(reader, 3))
    listed = next(a for a in menu.actions() if a.text() == "Removed by cleaning…")
    listed.trigger()
    dialog = reader.removed_dialog
    assert isinstance(dialog, RemovedLinesDialog)
    qtbot.waitUntil(lambda: not dialog.loading and bool(dialog.lines), timeout=10_000)
    row = dialog.row_of(SPONSOR)
    assert dialog.table.item(row, dialog.WHY).text() == "your choice"
    assert dialog.put_back(row)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert SPONSOR in reader.editor.toPlainText()
    assert stack.count() == 2
    dialog.close()


def test_a_read_only_window_lists_but_does_not_change(
        qtbot, workspace_dir: Path, ws: Workspace, aid: int) -> None:
    with Workspace.open(workspace_dir, readonly=True) as viewer:
        dialog = _open(qtbot, viewer, QUndoStack(), aid)
        dialog.table.selectRow(dialog.row_of(SUBSCRIBE))
        assert not dialog.put_back_button.isEnabled()
        assert dialog.status.text().startswith("Read-only")
        assert not dialog.put_back(dialog.row_of(SUBSCRIBE))
        assert SUBSCRIBE not in viewer.articles.text(aid)
        dialog.close()


def test_a_refused_removal_says_why_and_leaves_nothing_to_undo(
        qtbot, ws: Workspace, stack: QUndoStack) -> None:
    one = "A single paragraph that is the whole article, the minister said on Friday."
    only = ws.articles.add(NewArticle(
        title="One", text=one, text_hash="one", source_file="one.txt", original_hash="0" * 64,
        format="txt", words=len(one.split())))
    pane = ReaderPane(ws, stack)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_article(only)
    assert reader_cleaning.remove_paragraph(pane, 3)
    qtbot.waitUntil(lambda: pane.notice.text().startswith("Could not remove"), timeout=10_000)
    assert pane.notice.text() == ("Could not remove the paragraph: the article's only "
                                  "paragraph cannot be dropped")
    assert stack.count() == 0 and ws.articles.text(only) == one


def test_the_filter_narrows_the_list_to_lines_holding_the_words(
        qtbot, ws: Workspace, stack: QUndoStack, aid: int) -> None:
    dialog = _open(qtbot, ws, stack, aid)
    every = len(dialog.lines)
    assert every > 2 and dialog.shown_rows() == list(range(every))
    dialog.filter.setText("NEWSLETTER subscribe")
    [row] = dialog.shown_rows()
    assert dialog.lines[row].text == SUBSCRIBE
    assert dialog.count.text() == f"1 of {every} lines removed by cleaning match the filter"
    dialog.filter.clear()
    assert len(dialog.shown_rows()) == every and dialog.count.text().startswith(f"{every} lines")
