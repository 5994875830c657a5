"""The library list loads on demand: the table has every row at once (its scroll bar spans
the library) but reads a row's page only when it is shown, and sorting, filtering and
selecting an article are exact over the rows not read yet (real workspace, real view)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace
from briefing.ui.collections_panel import dragged_ids
from briefing.ui.library_model import ArticleTableModel
from briefing.ui.library_view import LibraryView

PAGE = 10


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ArticleTableModel, "PAGE", PAGE)


def _add(ws: Workspace, title: str, publisher: str = "Reuters", published: str = "2024-05-01",
         authors: list[str] | None = None) -> int:
    return ws.articles.add(NewArticle(
        title=title, text=f"{title}. body", text_hash=title, source_file=f"{title}.txt",
        original_hash=title, format="txt", publisher=publisher, published=published,
        authors=authors or [], words=len(title), language="en"))


def _library(ws: Workspace, n: int = 35) -> list[int]:
    """n articles "Report 000".. with dates spread over 2020-2024; returns their ids."""
    return [_add(ws, f"Report {i:03d}", published=f"{2020 + i % 5}-{1 + i % 12:02d}")
            for i in range(n)]


def _titles(view: LibraryView) -> list[str]:
    return view.visible_titles()


def test_the_scroll_bar_spans_the_library_and_rows_are_read_as_shown(
        qtbot, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _library(ws)
    read: list[int] = []
    rows = ws.library.rows

    def counted(ids):  # noqa: ANN001, ANN202
        found = rows(ids)
        read.extend(r.id for r in found)
        return found

    monkeypatch.setattr(ws.library, "rows", counted)
    view = LibraryView(ws)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    assert view.proxy.rowCount() == 35  # every row, so the scroll bar spans them all
    bar = view.table.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    assert view.model.article_count() == 35
    shown = view.table.indexAt(view.table.viewport().rect().topLeft())
    assert shown.data() == "Report 000"  # sorted by title
    assert len(read) <= 2 * PAGE  # the pages on screen, not the library
    bar.setValue(bar.maximum())  # dragged to the end: the last page is read, no more
    qtbot.wait(20)
    bottom = view.table.indexAt(view.table.viewport().rect().bottomLeft() - QPoint(0, 2))
    assert bottom.data() == "Report 034"
    assert len(set(read)) < 35
    assert _titles(view) == [f"Report {i:03d}" for i in range(35)]


def test_sort_and_filter_are_exact_over_rows_not_fetched(qtbot, ws: Workspace) -> None:
    ids = _library(ws)
    far = _add(ws, "Zeppelin over Kursk", publisher="Meduza", published="2019",
               authors=["Ivan Ivanov"])
    undated = _add(ws, "aardvark notes", published="")
    view = LibraryView(ws)
    qtbot.addWidget(view)
    assert _titles(view)[0] == "aardvark notes"  # titles sort case-insensitively
    view.proxy.sort(ArticleTableModel.TITLE, Qt.SortOrder.DescendingOrder)
    assert _titles(view)[0] == "Zeppelin over Kursk"
    view.proxy.sort(ArticleTableModel.DATE, Qt.SortOrder.AscendingOrder)
    assert _titles(view)[0] == "Zeppelin over Kursk"  # 2019, the earliest
    view.proxy.sort(ArticleTableModel.DATE, Qt.SortOrder.DescendingOrder)
    assert view.proxy.rowCount() == 37
    assert _titles(view)[-1] == "aardvark notes"  # undated last whichever way
    assert view.model.article_row(0).published.startswith("2024")

    qtbot.keyClicks(view.filter_edit, "ivanov")  # an author of the far article
    assert _titles(view) == ["Zeppelin over Kursk"]
    view.filter_edit.clear()
    assert view.proxy.rowCount() == 37
    view.publisher_combo.setCurrentIndex(view.publisher_combo.findText("Meduza"))
    assert _titles(view) == ["Zeppelin over Kursk"]
    view.publisher_combo.setCurrentIndex(0)
    ws.articles.set_tags(ids[30], ["Kursk front"])
    view.refresh()
    assert view.filter_by_tag("kursk FRONT")
    assert _titles(view) == ["Report 030"]
    view.filter_by_tag(None)
    text = ws.articles.text(undated)
    ws.highlights.add(undated, text, 0, 8, perspectives=["chinese"])
    view.refresh()
    view.perspective_combo.setCurrentIndex(view.perspective_combo.findText("Chinese"))
    assert _titles(view) == ["aardvark notes"]
    view.perspective_combo.setCurrentIndex(0)
    assert view.select_article(far)  # found wherever it sorts


def test_selecting_a_far_article_selects_its_row(qtbot, ws: Workspace) -> None:
    ids = _library(ws)
    view = LibraryView(ws)
    qtbot.addWidget(view)
    assert view.select_article(ids[31])
    assert view.current_article_id() == ids[31]
    assert view.table.currentIndex().data() == "Report 031"
    assert view.selected_ids() == [ids[31]]
    # a filter change keeps the current article when it still passes
    qtbot.keyClicks(view.filter_edit, "report 03")
    assert view.current_article_id() == ids[31]
    assert _titles(view) == ["Report 003"] + [f"Report {i:03d}" for i in range(30, 35)]


def test_new_articles_land_in_sort_order_during_an_import(qtbot, ws: Workspace) -> None:
    _library(ws)
    view = LibraryView(ws)
    qtbot.addWidget(view)
    first = view.model.article_row(0).id
    assert view.select_article(first)
    _add(ws, "Report 000a")  # lands inside the fetched page
    late = _add(ws, "Report 999")  # lands beyond it
    view.refresh()
    assert view.model.article_count() == 37
    assert view.proxy.rowCount() == 37
    assert view.current_article_id() == first  # the selection survived
    assert _titles(view)[:3] == ["Report 000", "Report 000a", "Report 001"]
    assert _titles(view)[-1] == "Report 999"
    assert view.model.row_of(late) == 36


def test_dragging_rows_read_late_carries_their_ids(qtbot, ws: Workspace) -> None:
    ids = _library(ws)
    view = LibraryView(ws)
    qtbot.addWidget(view)
    assert view.select_article(ids[33])
    rows = [view.proxy.index(view.model.row_of(aid), 0) for aid in (ids[2], ids[33])]
    assert dragged_ids(view.proxy.mimeData(rows)) == [ids[2], ids[33]]


def test_select_all_selects_rows_not_read_yet(qtbot, ws: Workspace) -> None:
    ids = _library(ws)
    view = LibraryView(ws)
    qtbot.addWidget(view)
    view.show()
    view.table.setFocus()
    qtbot.keySequence(view.table, QKeySequence.StandardKey.SelectAll)
    assert sorted(view.selected_ids()) == sorted(ids)


def test_an_import_under_a_typed_filter_shows_only_new_articles_that_match(
        qtbot, ws: Workspace) -> None:
    _library(ws)
    view = LibraryView(ws)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.filter_edit, "kursk")
    assert _titles(view) == []
    _add(ws, "Kursk after the incursion")
    _add(ws, "Donbas logistics")
    view.refresh(highlights=False)  # what the window does while an import runs
    assert _titles(view) == ["Kursk after the incursion"]
    assert view.model.article_count() == 37
