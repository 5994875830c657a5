"""Claims view: figures by subject and source, disagreement marked, rows open their passage."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefing.core.models import ClaimComparison, ComparisonEntry
from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace
from briefing.ui.claims_model import DISAGREE, ClaimsModel
from briefing.ui.claims_view import ClaimsView

TEXT_US = "The Pentagon said about 10,000 North Korean troops had arrived in Russia."
TEXT_UA = "Budanov says at least 11,000 North Korean troops are training."


def add(ws: Workspace, title: str, publisher: str, text: str) -> int:
    return ws.articles.add(NewArticle(
        title=title, text=text, text_hash=title, source_file=f"{title}.txt", original_hash=title,
        format="txt", publisher=publisher, published="2024-11-01", words=len(text.split())))


def comparison(ws: Workspace) -> tuple[ClaimComparison, int, int]:
    us = add(ws, "Pentagon update", "Reuters", TEXT_US)
    ua = add(ws, "Kursk front", "The Economist", TEXT_UA)
    s_us, s_ua = TEXT_US.index("10,000"), TEXT_UA.index("11,000")
    row = ClaimComparison("North Korean troops", "troops", [
        ComparisonEntry(10000, "10,000", ["us"], us, TEXT_US, 0, len(TEXT_US)),
        ComparisonEntry(11000, "11,000", ["ukrainian"], ua, TEXT_UA, s_ua - 9, len(TEXT_UA),
                        qualifier="at least"),
    ], disagreement=True)
    assert s_us > 0
    return row, us, ua


@pytest.fixture
def view(qtbot, ws: Workspace) -> ClaimsView:
    widget = ClaimsView(ws)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    return widget


def test_rows_show_subject_figures_sources_and_disagreement(view: ClaimsView,
                                                            ws: Workspace) -> None:
    row, _us, _ua = comparison(ws)
    agreed = ClaimComparison("shells", "shells", [
        ComparisonEntry(2.8e6, "2.8m", ["ukrainian"], _ua, TEXT_UA, 0, 10)])
    view.show_comparisons([row, agreed])
    model = view.model
    parent = model.index(0, 0)
    assert parent.data() == ("⚠ North Korean troops: 10,000 – 11,000 · sources disagree · "
                             "2 figures from 2 sources")
    assert view.tree.isFirstColumnSpanned(0, view.tree.rootIndex())
    assert parent.data(ClaimsModel.DisagreementRole) is True
    assert parent.data(Qt.ItemDataRole.ForegroundRole).color() == DISAGREE
    assert "different figures" in parent.data(Qt.ItemDataRole.ToolTipRole)
    children = [[model.index(r, c, parent).data() for c in range(5)]
                for r in range(model.rowCount(parent))]
    assert children == [
        ["10,000", "US", "Reuters — Pentagon update", "1 Nov 2024", TEXT_US],
        ["at least 11,000", "Ukrainian", "The Economist — Kursk front", "1 Nov 2024", TEXT_UA],
    ]
    assert model.index(0, 1, parent).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(1, 0).data() == "shells: 2.8m · 1 figure from 1 source"
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None  # no disagreement
    # an elided subject line can be read whole on hover, whatever its verdict
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "shells: 2.8m · 1 figure from 1 source")
    assert parent.data(Qt.ItemDataRole.ToolTipRole).startswith(
        "North Korean troops: 10,000 – 11,000 · sources disagree · 2 figures from 2 sources\n")
    assert view.summary.text() == "2 subjects · 1 where sources disagree"


def test_enter_on_a_figure_emits_passage_activated(qtbot, view: ClaimsView,
                                                   ws: Workspace) -> None:
    row, _us, ua = comparison(ws)
    view.show()
    view.show_comparisons([row])
    child = view.model.index(1, 2, view.model.index(0, 0))
    view.tree.setCurrentIndex(child)
    view.tree.setFocus()
    with qtbot.waitSignal(view.passageActivated) as blocker:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    entry = row.entries[1]
    assert blocker.args == [ua, entry.start, entry.end]
    with qtbot.assertNotEmitted(view.passageActivated):
        view._activate(view.model.index(0, 0))  # a subject row only folds / unfolds
    assert not view.tree.isExpanded(view.model.index(0, 0))


def test_empty_library_says_what_to_do(view: ClaimsView) -> None:
    view.show_comparisons([])
    assert view.tree.isHidden() and not view.empty.isHidden()
    assert "No figures to compare yet" in view.empty.text()


def test_refresh_uses_the_core_comparison(qtbot, view: ClaimsView, ws: Workspace) -> None:
    us = add(ws, "Pentagon update", "Reuters", TEXT_US)
    ws.highlights.add(us, TEXT_US, 0, len(TEXT_US), perspectives=["us"])
    ua = add(ws, "Kursk front", "The Economist", TEXT_UA)
    ws.highlights.add(ua, TEXT_UA, 0, len(TEXT_UA), perspectives=["ukrainian"])
    view.subject.setText("troops")
    view.refresh()
    texts = []
    for r in range(view.model.rowCount()):
        parent = view.model.index(r, 0)
        texts += [view.model.index(i, 0, parent).data() for i in range(view.model.rowCount(parent))]
    assert any("10,000" in t for t in texts) and any("11,000" in t for t in texts)
