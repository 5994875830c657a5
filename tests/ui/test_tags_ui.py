"""Tags in the app: tag a reader selection, see chips in the panel, filter the panel and the
library by the tag, export by it (the .docx read back), edit tags in the panel with undo."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.core.workspace import Workspace  # noqa: E402
from briefing.ui import reader as reader_module  # noqa: E402
from briefing.ui.briefing_dialog import BriefingDialog  # noqa: E402
from briefing.ui.highlights_model import HighlightTableModel  # noqa: E402
from briefing.ui.highlights_panel import HighlightsPanel  # noqa: E402
from briefing.ui.library_view import LibraryView  # noqa: E402
from briefing.ui.reader import ReaderPane  # noqa: E402
from export_sample import build_sample  # noqa: E402

QUOTE = "He says deployment includes at least 500 officers and three full generals."
INSIDE = "Kim Jong Un, has decided to commit at least 11,000 troops"  # an existing highlight


@pytest.fixture
def sample(workspace_dir: Path) -> Iterator[tuple[Workspace, dict[str, int]]]:
    with Workspace.open(workspace_dir) as ws:
        ids, _ = build_sample(ws)
        yield ws, ids


@pytest.fixture
def parts(qtbot, sample, stack: QUndoStack):
    ws, ids = sample
    pane = ReaderPane(ws, stack)
    panel = HighlightsPanel(ws, stack)
    library = LibraryView(ws)
    for w in (pane, panel, library):
        qtbot.addWidget(w)
        w.resize(760, 560)
        w.show()
    panel.show_all_articles()
    return ws, ids, pane, panel, library


def select(pane: ReaderPane, start: int, end: int) -> None:
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.mapping.to_doc(start))
    cursor.setPosition(pane.mapping.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
    pane.editor.setTextCursor(cursor)


def rows(panel: HighlightsPanel) -> list[tuple[str, list[str]]]:
    m = panel.model
    return [(m.index(r, 0).data(HighlightTableModel.HighlightRole).quote,
             m.index(r, HighlightTableModel.TAGS).data(HighlightTableModel.TagsRole))
            for r in range(m.rowCount())]


def test_tag_a_selection_filter_by_it_and_export_by_it(qtbot, parts, stack, settings,
                                                       tmp_path: Path, monkeypatch) -> None:
    ws, ids, pane, panel, library = parts
    pane.show_article(ids["001"])
    text = ws.articles.text(ids["001"])
    start = text.index(QUOTE)
    select(pane, start, start + len(QUOTE))
    asked: list[list[str]] = []
    monkeypatch.setattr(reader_module, "ask_tag",
                        lambda _parent, known, _title: asked.append(list(known)) or "Frontline")
    menu = pane.build_context_menu(QPoint(5, 5))
    next(a for a in menu.actions() if a.text() == "Tag selection…").trigger()
    assert "troops" in asked[0]  # the completer's list: tags already in use

    [h] = [x for x in ws.highlights.for_article(ids["001"]) if x.quote == QUOTE]
    assert h.tags == ["Frontline"] and h.perspectives == []
    assert (QUOTE, ["Frontline"]) in rows(panel)  # chips on the panel's row
    assert "Frontline" in pane.tooltip_at(pane.editor.cursorRect(
        _cursor_at(pane, start + 3)).center())

    # the panel and the library filter by the tag (any case)
    assert panel.filter_by_tag("frontline")
    assert rows(panel) == [(QUOTE, ["Frontline"])]
    assert panel.count_label.text() == "1 highlight"
    library.refresh()
    assert library.filter_by_tag("FRONTLINE")
    assert library.visible_titles() == ["What North Korean troops mean for Russia\u2019s war"]

    # export by the tag through the briefing dialog, and read the note back
    dialog = BriefingDialog(ws, settings)
    qtbot.addWidget(dialog)
    dialog.confirm_ready = lambda report: True  # "Export anyway" at the ready-to-send step
    dialog.tag_filter.setCurrentIndex(dialog.tag_filter.findText("Frontline"))
    assert dialog.list.count() == 1
    out = tmp_path / "frontline.docx"
    dialog.out_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_report is not None or dialog.last_error is not None,
                    timeout=20_000)
    assert dialog.last_error is None
    note = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert QUOTE in note and "40 per cent" not in note

    # a selection inside an existing highlight tags that highlight, no new one
    before = len(ws.highlights.list())
    start = text.index(INSIDE)
    select(pane, start, start + len(INSIDE))
    monkeypatch.setattr(reader_module, "ask_tag", lambda *_a: "Seoul backs Kyiv")
    menu = pane.build_context_menu(QPoint(5, 5))
    next(a for a in menu.actions() if a.text() == "Tag selection…").trigger()
    assert len(ws.highlights.list()) == before
    [tagged] = ws.highlights.list(tags=["seoul backs kyiv"])
    assert INSIDE in tagged.quote and sorted(tagged.tags) == ["Seoul backs Kyiv", "troops"]
    stack.undo()
    assert ws.highlights.list(tags=["seoul backs kyiv"]) == []

    # undo takes the tagged highlight away everywhere; redo brings it back
    stack.undo()
    assert rows(panel) == [] and not [x for x in ws.highlights.list() if x.quote == QUOTE]
    stack.redo()
    assert rows(panel) == [(QUOTE, ["Frontline"])]


def test_panel_editor_adds_and_removes_tags_with_undo(qtbot, parts, stack) -> None:
    ws, _, _, panel, library = parts
    panel.view.selectRow(0)
    h = panel.editor.highlight
    assert h is not None and h.tags == ["munitions"]
    editor = panel.editor.tag_editor
    assert editor.known() == ws.highlights.all_tags()
    assert list(editor.chips) == ["munitions"]

    qtbot.keyClicks(editor.field, "  Kursk  front ")
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert ws.highlights.get(h.id).tags == ["Kursk front", "munitions"]
    assert list(panel.editor.tag_editor.chips) == ["Kursk front", "munitions"]
    assert panel.model.index(0, HighlightTableModel.TAGS).data(HighlightTableModel.TagsRole) \
        == ["Kursk front", "munitions"]
    assert panel.filter_by_tag("kursk FRONT") and panel.model.rowCount() == 1
    panel.filter_by_tag(None)
    library.refresh()
    assert library.filter_by_tag("Kursk front") and len(library.visible_titles()) == 1

    # the same tag again, in another case: refused with a reason, nothing on the undo stack
    count = stack.count()
    qtbot.keyClicks(editor.field, "KURSK FRONT")
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert stack.count() == count
    assert "already has" in panel.editor.error.text() and panel.editor.error.isVisible()

    panel.view.selectRow(panel.model.row_of(h.id))
    qtbot.mouseClick(panel.editor.tag_editor.chips["munitions"], Qt.MouseButton.LeftButton)
    assert ws.highlights.get(h.id).tags == ["Kursk front"]
    stack.undo()
    assert ws.highlights.get(h.id).tags == ["Kursk front", "munitions"]
    stack.undo()
    assert ws.highlights.get(h.id).tags == ["munitions"]


def test_tag_chips_draw_in_the_panel(qtbot, parts, tmp_path: Path) -> None:
    ws, _, _, panel, _ = parts
    for h in ws.highlights.list()[:3]:
        ws.highlights.retag(h.id, add=["Kursk front", "needs check"])
    panel.refresh()
    panel.resize(900, 760)
    panel.view.horizontalHeader().resizeSection(HighlightTableModel.TAGS, 220)
    panel.view.selectRow(0)
    qtbot.wait(50)
    image = panel.grab()  # docs/make_screenshots.py takes the one in docs/
    assert image.save(str(tmp_path / "tag_chips.png"))
    assert isinstance(panel, QWidget) and image.width() == 900
    chips = panel.model.index(0, HighlightTableModel.TAGS).data(HighlightTableModel.TagsRole)
    assert "Kursk front" in chips and "needs check" in chips


def _cursor_at(pane: ReaderPane, offset: int) -> QTextCursor:
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.mapping.to_doc(offset))
    return cursor


def test_a_read_only_window_refuses_tags_with_a_reason(qtbot, sample, stack) -> None:
    ws, ids = sample
    root = ws.root
    with Workspace.open(root, readonly=True) as ro:
        pane = ReaderPane(ro, stack)
        panel = HighlightsPanel(ro, stack)
        for w in (pane, panel):
            qtbot.addWidget(w)
        pane.show_article(ids["001"])
        text = ro.articles.text(ids["001"])
        start = text.index(QUOTE)
        select(pane, start, start + len(QUOTE))
        assert pane.tag_selection("Frontline") is None
        assert pane.notice.text().startswith("Read-only:")
        h = ro.highlights.list()[0]
        assert pane.tag_highlight(h, "Frontline") is None
        assert "cannot change tags" in pane.notice.text()
        assert stack.count() == 0 and ro.highlights.get(h.id).tags == h.tags
        panel.show_all_articles()
        panel.view.selectRow(0)
        assert not panel.editor.tag_editor.field.isEnabled()
