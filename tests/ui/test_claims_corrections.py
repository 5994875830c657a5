"""Correct a claims row in the app: the view, undo and the exported note's table follow."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog

from briefing.core.export import export_briefing
from briefing.core.export.selection import BriefingSpec
from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace
from briefing.ui.claims_model import ClaimsModel
from briefing.ui.claims_view import ClaimsView

US = "The Pentagon said 10,000 North Korean troops had arrived in Russia."
UA = "Budanov said up to 12,000 North Korean troops are training near Kursk."
KR = "Seoul's spy agency said 15,000 North Korean troops were sent to Russia in convoys."


def add(ws: Workspace, name: str, publisher: str, published: str, text: str,
        perspectives: list[str]) -> int:
    aid = ws.articles.add(NewArticle(
        title=name, text=text, text_hash=name, source_file=f"{name}.txt", original_hash=name,
        format="txt", publisher=publisher, published=published, words=len(text.split())))
    ws.highlights.add(aid, text, 0, len(text), perspectives=perspectives)
    return aid


@pytest.fixture
def setup(qtbot, ws: Workspace):
    ids = (add(ws, "Pentagon update", "Reuters", "2024-11-01", US, ["us"]),
           add(ws, "Kursk front", "Kyiv Independent", "2024-11-03", UA, ["ukrainian"]),
           add(ws, "Convoys", "Yonhap", "2024-11-04", KR, ["us"]))
    stack = QUndoStack()
    view = ClaimsView(ws, undo_stack=stack)
    qtbot.addWidget(view)
    view.resize(1100, 400)
    view.show()
    view.refresh()
    return view, stack, ids


def figures(view: ClaimsView) -> dict[str, list[str]]:
    """{subject line: [figure cell, ...]} as the user sees them."""
    out = {}
    for r in range(view.model.rowCount()):
        parent = view.model.index(r, 0)
        out[parent.data()] = [view.model.index(i, 0, parent).data()
                              for i in range(view.model.rowCount(parent))]
    return out


def korea_row(view: ClaimsView, kr: int):
    for r in range(view.model.rowCount()):
        parent = view.model.index(r, 0)
        for i in range(view.model.rowCount(parent)):
            child = view.model.index(i, 0, parent)
            if child.data(ClaimsModel.ArticleIdRole) == kr:
                return child
    raise AssertionError("the Yonhap figure is not shown")


def action(menu, text: str):
    for act in menu.actions():
        if act.text() == text:
            return act
        if act.menu() is not None and act.text() == text.split(" ▸ ")[0]:
            return next(a for a in act.menu().actions() if a.text() == text.split(" ▸ ")[1])
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


def note_table(path: Path) -> list[list[str]]:
    doc = docx.Document(str(path))
    body = list(doc.element.body)
    at = next(i for i, el in enumerate(body) if el.tag.endswith("}p")
              and docx.text.paragraph.Paragraph(el, doc).text == "Comparison of figures")
    table = next(el for el in body[at:] if el.tag.endswith("}tbl"))
    return [[c.text for c in r.cells] for r in docx.table.Table(table, doc).rows]


def test_date_column_and_the_full_passage_on_hover(setup) -> None:
    view, _stack, (_us, _ua, kr) = setup
    assert view.model.horizontalHeaderItem(3).text() == "Date"
    row = korea_row(view, kr)
    assert row.siblingAtColumn(3).data() == "4 Nov 2024"
    for col in range(5):
        tip = row.siblingAtColumn(col).data(Qt.ItemDataRole.ToolTipRole)
        assert "Seoul's spy agency said 15,000 North Korean troops were sent to Russia in " \
               "convoys." in tip and "Yonhap" in tip
    assert "Contradicted by another source" in row.data(Qt.ItemDataRole.ToolTipRole)


def test_correct_a_row_and_see_the_view_and_the_note_follow(
        setup, monkeypatch: pytest.MonkeyPatch, ws: Workspace, tmp_path: Path) -> None:
    view, stack, (_us, _ua, kr) = setup
    [subject] = figures(view)
    assert subject.startswith("⚠ North Korean troops: 10,000 – 15,000 · sources disagree")
    export_briefing(ws, BriefingSpec(title="T"), tmp_path / "a.docx")
    troops = next(r for r in note_table(tmp_path / "a.docx") if r[0] == "North Korean troops")
    assert "15,000 [3]" in " ".join(troops) and troops[-1] == "Sources differ"

    # Correct the figure from the context menu (the dialog answers "10,000").
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("10,000", True)))
    action(view.menu_for(korea_row(view, kr)), "Correct the figure…").trigger()
    [subject] = figures(view)
    assert subject == ("North Korean troops: 10,000 – 12,000 · sources agree · "
                       "3 figures from 3 sources")
    row = korea_row(view, kr)
    assert row.data() == "10,000 ✎" and view.tree.currentIndex() == row
    assert "the article says 15,000" in row.data(Qt.ItemDataRole.ToolTipRole)
    export_briefing(ws, BriefingSpec(title="T"), tmp_path / "b.docx")
    troops = next(r for r in note_table(tmp_path / "b.docx") if r[0] == "North Korean troops")
    assert "10,000 [3]" in " ".join(troops) and "15,000" not in " ".join(troops)
    assert troops[-1] == "Consistent"

    # Perspectives from the submenu: US off, South Korean on.
    action(view.menu_for(korea_row(view, kr)), "Perspectives ▸ South Korean (3)").trigger()
    action(view.menu_for(korea_row(view, kr)), "Perspectives ▸ US (2)").trigger()
    assert korea_row(view, kr).siblingAtColumn(1).data() == "South Korean"
    export_briefing(ws, BriefingSpec(title="T"), tmp_path / "c.docx")
    table = note_table(tmp_path / "c.docx")
    troops = next(r for r in table if r[0] == "North Korean troops")
    assert troops[table[0].index("South Korean")] == "10,000 [3]"

    # Exclude: struck through in the view, gone from the note.
    action(view.menu_for(korea_row(view, kr)), "Exclude from the comparison").trigger()
    row = korea_row(view, kr)
    assert row.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "1 excluded" in next(iter(figures(view)))
    export_briefing(ws, BriefingSpec(title="T"), tmp_path / "d.docx")
    flat = " ".join(" ".join(r) for r in note_table(tmp_path / "d.docx"))
    assert "[3]" not in flat

    # Every step is undoable, and the view follows the undo.
    assert stack.count() == 4
    for _ in range(4):
        stack.undo()
    [subject] = figures(view)
    assert subject.startswith("⚠ North Korean troops") and "15,000" in figures(view)[subject]
    assert korea_row(view, kr).siblingAtColumn(1).data() == "US"
    stack.redo()
    assert korea_row(view, kr).data() == "10,000 ✎"


def test_a_read_only_window_offers_no_correction(qtbot, setup, ws: Workspace) -> None:
    _view, _stack, (_us, _ua, kr) = setup
    reader = Workspace.open(ws.root, readonly=True)
    try:
        view = ClaimsView(reader)
        qtbot.addWidget(view)
        view.refresh()
        menu = view.menu_for(korea_row(view, kr))
        fix = action(menu, "Correct the figure…")
        assert not fix.isEnabled() and "Read-only" in fix.toolTip()
        assert action(menu, "Open the passage").isEnabled()
        assert view.menu_for(view.model.index(0, 0)) is None  # a subject line has no menu
    finally:
        reader.close()


def test_keys_exclude_and_correct_the_current_figure(qtbot, setup,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    view, stack, (_us, _ua, kr) = setup
    view.tree.setCurrentIndex(korea_row(view, kr))
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert korea_row(view, kr).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert view.tree.currentIndex() == korea_row(view, kr)  # still on it after the redraw
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    font = korea_row(view, kr).data(Qt.ItemDataRole.FontRole)
    assert font is None or not font.strikeOut()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("2.8m", True)))
    qtbot.keyClick(view.tree, Qt.Key.Key_F2)
    assert korea_row(view, kr).data() == "2,800,000 ✎"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("lots", True)))
    warned = []
    monkeypatch.setattr("briefing.ui.claims_view.QMessageBox.warning",
                        staticmethod(lambda *a: warned.append(a[2])))
    qtbot.keyClick(view.tree, Qt.Key.Key_F2)
    assert warned == ["'lots' is not a figure; write it like 12000, 12,000 or 2.8m"]
    assert stack.count() == 3


def test_in_the_window_edit_undo_reverts_a_correction(qtbot, ws: Workspace, settings,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.ui.app import create_main_window

    ids = (add(ws, "Pentagon update", "Reuters", "2024-11-01", US, ["us"]),
           add(ws, "Kursk front", "Kyiv Independent", "2024-11-03", UA, ["ukrainian"]),
           add(ws, "Convoys", "Yonhap", "2024-11-04", KR, ["us"]))
    window = create_main_window(ws, settings, start=False)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.claims)
    view = window.claims
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("10,000", True)))
    action(view.menu_for(korea_row(view, ids[2])), "Correct the figure…").trigger()
    assert korea_row(view, ids[2]).data() == "10,000 ✎"
    assert window.undo_action.text() == "Undo Correct figure to 10,000"
    window.undo_action.trigger()
    assert korea_row(view, ids[2]).data() == "15,000"
    window.redo_action.trigger()
    assert korea_row(view, ids[2]).data() == "10,000 ✎"
    window.close()
