"""Highlights panel on a real workspace: lists, filters, edits through undoable commands."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace
from briefing.ui.highlights_model import HighlightTableModel
from briefing.ui.highlights_panel import HighlightsPanel
from briefing.ui.reader import ReaderPane

TEXT_A = ("Kyiv says 11,000 North Korean troops are in Russia. "
          "The Pentagon said about 10,000 troops had arrived.")
TEXT_B = "Seoul's spy agency told lawmakers that 12,000 soldiers were involved."


def add(ws: Workspace, title: str, text: str) -> int:
    return ws.articles.add(NewArticle(
        title=title, text=text, text_hash=title, source_file=f"{title}.txt",
        original_hash=title, format="txt", publisher="Reuters", words=len(text.split())))


def mark(ws: Workspace, aid: int, text: str, quote: str, *keys: str, **fields):
    start = text.index(quote)
    return ws.highlights.add(aid, text, start, start + len(quote), perspectives=keys, **fields)


@pytest.fixture
def library(ws: Workspace) -> dict:
    a = add(ws, "Troops", TEXT_A)
    b = add(ws, "Seoul", TEXT_B)
    h1 = mark(ws, a, TEXT_A, "Kyiv says 11,000 North Korean troops are in Russia.", "ukrainian")
    h2 = mark(ws, a, TEXT_A, "The Pentagon said about 10,000 troops", "us", note="DoD figure")
    h3 = mark(ws, b, TEXT_B, "12,000 soldiers", "south_korean")
    return {"a": a, "b": b, "h1": h1, "h2": h2, "h3": h3}


@pytest.fixture
def panel(qtbot, ws: Workspace, stack: QUndoStack) -> HighlightsPanel:
    widget = HighlightsPanel(ws, stack)
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.show()
    return widget


def cell(panel: HighlightsPanel, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    return panel.model.index(row, col).data(role)


def quotes(panel: HighlightsPanel) -> list[str]:
    return [cell(panel, r, 0) for r in range(panel.model.rowCount())]


def test_lists_this_article_or_all_and_filters(panel: HighlightsPanel, library: dict) -> None:
    assert quotes(panel) == []  # no article open yet
    panel.set_article(library["a"])
    assert quotes(panel) == ["Kyiv says 11,000 North Korean troops are in Russia.",
                             "The Pentagon said about 10,000 troops"]
    assert cell(panel, 1, HighlightTableModel.PERSPECTIVES) == "US"
    assert cell(panel, 1, HighlightTableModel.KIND) == "claim"
    assert cell(panel, 0, 0, HighlightTableModel.PerspectivesRole) == ["ukrainian"]
    assert cell(panel, 0, 0, Qt.ItemDataRole.DecorationRole) is not None  # colour swatch
    assert panel.count_label.text() == "2 highlights"

    panel.all_button.click()
    assert len(quotes(panel)) == 3
    assert cell(panel, 2, HighlightTableModel.SOURCE) == "Reuters — Seoul"
    assert not panel.view.isColumnHidden(HighlightTableModel.SOURCE)

    panel.perspective_filter.setCurrentIndex(panel.perspective_filter.findData("south_korean"))
    panel.perspective_filter.activated.emit(panel.perspective_filter.currentIndex())
    assert quotes(panel) == ["12,000 soldiers"]
    panel.perspective_filter.setCurrentIndex(0)
    panel.perspective_filter.activated.emit(0)
    panel.text_filter.setText("dod")  # matches the note
    assert quotes(panel) == ["The Pentagon said about 10,000 troops"]


def test_orphaned_highlight_is_flagged(panel: HighlightsPanel, ws: Workspace,
                                       library: dict) -> None:
    with ws.db.transaction() as conn:  # re-clean the article so the quote disappears
        ws.articles.replace_text(conn, library["b"], "Completely different text now.", "x", 4)
        ws.highlights.reanchor_article(conn, library["b"], "Completely different text now.")
    panel.set_article(library["b"])
    assert quotes(panel) == ["⚠ orphaned · 12,000 soldiers"]
    assert cell(panel, 0, 0, HighlightTableModel.OrphanedRole) is True


def test_clicking_a_row_emits_highlight_activated(qtbot, panel: HighlightsPanel,
                                                  library: dict) -> None:
    panel.set_article(library["a"])
    rect = panel.view.visualRect(panel.model.index(1, 0))
    with qtbot.waitSignal(panel.highlightActivated) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    h2 = library["h2"]
    assert blocker.args == [library["a"], h2.start, h2.end]
    assert panel.editor.highlight.id == h2.id
    assert panel.editor.note.toPlainText() == "DoD figure"


def test_editor_changes_note_grading_kind_perspectives_with_undo(
        qtbot, panel: HighlightsPanel, ws: Workspace, stack: QUndoStack, library: dict) -> None:
    panel.set_article(library["a"])
    panel.view.selectRow(0)
    h1 = library["h1"]
    editor = panel.editor
    assert editor.highlight.id == h1.id

    editor.reliability.setCurrentIndex(editor.reliability.findData("B"))
    editor.reliability.activated.emit(editor.reliability.currentIndex())
    editor.credibility.setCurrentIndex(editor.credibility.findData(2))
    editor.credibility.activated.emit(editor.credibility.currentIndex())
    editor.kind.setCurrentText("evidence")
    editor.kind.activated.emit(editor.kind.currentIndex())
    editor.checks["us"].click()
    stored = ws.highlights.get(h1.id)
    assert (stored.reliability, stored.credibility, stored.kind, stored.perspectives) == (
        "B", 2, "evidence", ["ukrainian", "us"])
    assert cell(panel, 0, HighlightTableModel.GRADE) == "B2"
    assert cell(panel, 0, HighlightTableModel.PERSPECTIVES) == "Ukrainian, US"

    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "Confirmed by NIS")
    qtbot.waitUntil(lambda: ws.highlights.get(h1.id).note == "Confirmed by NIS", timeout=3000)
    qtbot.keyClicks(editor.note, " later")
    panel.view.setFocus()  # focus-out commits at once
    assert ws.highlights.get(h1.id).note == "Confirmed by NIS later"

    stack.undo()  # both note commits merged into one step
    assert ws.highlights.get(h1.id).note == ""
    assert editor.note.toPlainText() == ""
    stack.undo()
    assert ws.highlights.get(h1.id).perspectives == ["ukrainian"]
    assert not editor.checks["us"].isChecked()
    stack.redo()
    assert ws.highlights.get(h1.id).perspectives == ["ukrainian", "us"]


def test_delete_from_panel_and_reader_stays_in_step(qtbot, panel: HighlightsPanel,
                                                    ws: Workspace, stack: QUndoStack,
                                                    library: dict) -> None:
    reader = ReaderPane(ws, stack)
    qtbot.addWidget(reader)
    reader.show_article(library["a"])
    panel.set_article(library["a"])
    panel.view.selectRow(1)
    panel.editor.delete_button.click()
    assert ws.highlights.get(library["h2"].id) is None
    assert [h.id for h in reader.highlights] == [library["h1"].id]
    assert len(quotes(panel)) == 1
    stack.undo()
    assert len(quotes(panel)) == 2
    assert len(reader.highlights) == 2
    assert panel.model.index(0, 0, QModelIndex()).isValid()


def test_editor_sets_the_translation_of_a_korean_quote_with_undo(
        qtbot, panel: HighlightsPanel, ws: Workspace, stack: QUndoStack) -> None:
    text = "국가정보원은 북한이 러시아에 1만1천여명의 병력을 파병했다고 밝혔다. 다른 문장."
    quote = "국가정보원은 북한이 러시아에 1만1천여명의 병력을 파병했다고 밝혔다."
    aid = add(ws, "NIS", text)
    h = mark(ws, aid, text, quote, "south_korean", translation="NIS says troops were sent.")
    panel.set_article(aid)
    panel.view.selectRow(0)
    editor = panel.editor
    assert editor.highlight.id == h.id
    assert editor.translation.toPlainText() == "NIS says troops were sent."
    assert editor.translation.isVisible()
    tip = cell(panel, 0, 0, Qt.ItemDataRole.ToolTipRole)
    assert "Analyst's translation: NIS says troops were sent." in tip
    panel.text_filter.setText("troops were")  # the filter matches translations too
    assert quotes(panel) == [quote]
    panel.text_filter.setText("")
    panel.view.selectRow(0)

    editor.translation.setFocus()
    editor.translation.selectAll()
    qtbot.keyClicks(editor.translation, "The NIS said North Korea sent")
    qtbot.waitUntil(lambda: ws.highlights.get(h.id).translation
                    == "The NIS said North Korea sent", timeout=3000)
    qtbot.keyClicks(editor.translation, " about 11,000 troops.")
    panel.view.setFocus()  # focus-out commits at once
    wanted = "The NIS said North Korea sent about 11,000 troops."
    assert ws.highlights.get(h.id).translation == wanted
    assert ws.highlights.get(h.id).note == ""  # the note is left alone

    stack.undo()  # both commits are one step, back to the translation it had
    assert ws.highlights.get(h.id).translation == "NIS says troops were sent."
    assert editor.translation.toPlainText() == "NIS says troops were sent."
    stack.redo()
    assert ws.highlights.get(h.id).translation == wanted
    assert editor.translation.toPlainText() == wanted


def test_a_narrow_side_panel_shows_the_list_and_every_perspective_name_whole(
        qtbot, ws: Workspace) -> None:
    """At the main window's default size the editor under the list had squeezed the list to
    two rows (of five) and clipped its checkboxes to "South Korean (3" and "North Korean (6"."""
    text = " ".join(f"Sentence {i} says 1,000 troops." for i in range(8))
    aid = add(ws, "Many", text)
    for i in range(6):
        mark(ws, aid, text, f"Sentence {i} says", "ukrainian")
    panel = HighlightsPanel(ws, QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(300, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_article(aid)
    assert panel.model.rowCount() == 6
    qtbot.waitUntil(lambda: panel.view.viewport().height() >= 5 * panel.view.rowHeight(0))
    panel.view.selectRow(0)
    editor = panel.editor
    assert len(editor.checks) >= 7
    for box in editor.checks.values():
        assert box.isVisible()
        assert box.width() >= box.sizeHint().width(), f"{box.text()!r} is clipped"
        right = box.mapTo(panel, box.rect().topRight()).x()
        assert right <= panel.width(), f"{box.text()!r} runs off the panel"


def test_an_empty_list_says_why_and_what_to_do(qtbot, ws: Workspace, library: dict) -> None:
    """"0 highlights" over a blank table had said neither why nor how to make one."""
    plain = add(ws, "Plain", "Nothing marked here yet.")
    panel = HighlightsPanel(ws, QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(320, 600)
    panel.show()
    assert panel.empty_hint.isVisible()
    assert panel.empty_hint.text().startswith("Open an article to see its highlights")
    panel.set_article(plain)
    assert panel.count_label.text() == "0 highlights"
    assert panel.empty_hint.text().startswith("No highlights in this article yet. Select a "
                                              "passage and press 1–9")
    panel.set_article(library["a"])
    assert panel.model.rowCount() == 2 and not panel.empty_hint.isVisible()
    qtbot.keyClicks(panel.text_filter, "zzz")
    assert panel.empty_hint.isVisible()
    assert panel.empty_hint.text() == "No highlight matches these filters."
