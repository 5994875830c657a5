"""Library model, filters and the import summary, over a real workspace database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace
from briefing.ui.import_flow import ImportSummaryDialog, summary_line
from briefing.ui.library_model import ArticleFilterProxyModel, ArticleTableModel
from briefing.ui.library_view import LibraryView


def _add(ws: Workspace, title: str, publisher: str, published: str, words: int,
         authors: list[str] | None = None) -> int:
    text = f"{title}. " + "word " * words
    return ws.articles.add(NewArticle(
        title=title, text=text, text_hash=title, source_file=f"{title}.txt",
        original_hash=title, format="txt", publisher=publisher, published=published,
        authors=authors or [], words=words, language="en"))


def test_rows_show_what_the_library_holds_and_sort_by_each_column(qtbot, ws: Workspace) -> None:
    a = _add(ws, "Troops in Kursk", "Bloomberg", "2024-11-15", 900, ["Jane Roe"])
    _add(ws, "Shells for Russia", "The Economist", "2024-10", 1500)
    _add(ws, "A quiet border", "BBC", "2023", 300)
    text = ws.articles.text(a)
    ws.highlights.add(a, text, 0, 6, perspectives=["ukrainian"])
    ws.highlights.add(a, text, 0, 6, perspectives=["ukrainian", "us"])
    model = ArticleTableModel(ws)
    proxy = ArticleFilterProxyModel()
    proxy.setSourceModel(model)
    assert model.rowCount() == 3
    row = model.row_of(a)
    assert model.index(row, model.TITLE).data() == "Troops in Kursk"
    assert model.index(row, model.PUBLISHER).data() == "Bloomberg"
    assert model.index(row, model.DATE).data() == "2024-11-15"
    assert model.index(row, model.WORDS).data() == "900"
    assert model.index(row, model.LANGUAGE).data() == "en"
    assert model.index(row, model.HIGHLIGHTS).data(ArticleTableModel.CountsRole) == {
        "ukrainian": 2, "us": 1}
    tip = model.index(row, model.HIGHLIGHTS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Ukrainian: 2" in tip and "US: 1" in tip

    def column(col: int) -> list[str]:
        return [proxy.index(r, col).data() for r in range(proxy.rowCount())]

    proxy.sort(model.WORDS, Qt.SortOrder.DescendingOrder)
    assert column(model.WORDS) == ["1,500", "900", "300"]
    proxy.sort(model.DATE, Qt.SortOrder.AscendingOrder)
    assert column(model.DATE) == ["2023", "2024-10", "2024-11-15"]
    proxy.sort(model.TITLE, Qt.SortOrder.AscendingOrder)
    assert column(model.TITLE) == ["A quiet border", "Shells for Russia", "Troops in Kursk"]


def test_filter_as_you_type_and_by_perspective_and_publisher(qtbot, ws: Workspace) -> None:
    a = _add(ws, "Troops in Kursk", "Bloomberg", "2024-11-15", 900, ["Jane Roe"])
    _add(ws, "Shells for Russia", "The Economist", "2024-10", 1500)
    _add(ws, "Kursk counter-offensive", "BBC", "2024-08", 300)
    ws.highlights.add(a, ws.articles.text(a), 0, 6, perspectives=["south_korean"])
    view = LibraryView(ws)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.filter_edit, "kursk")
    assert sorted(view.visible_titles()) == ["Kursk counter-offensive", "Troops in Kursk"]
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "roe")  # an author
    assert view.visible_titles() == ["Troops in Kursk"]
    view.filter_edit.clear()
    view.publisher_combo.setCurrentIndex(view.publisher_combo.findText("The Economist"))
    assert view.visible_titles() == ["Shells for Russia"]
    view.publisher_combo.setCurrentIndex(0)
    view.perspective_combo.setCurrentIndex(view.perspective_combo.findText("South Korean"))
    assert view.visible_titles() == ["Troops in Kursk"]
    view.perspective_combo.setCurrentIndex(view.perspective_combo.findText("Chinese"))
    assert view.visible_titles() == []


def test_refresh_appends_new_articles_and_keeps_the_selection(qtbot, ws: Workspace) -> None:
    a = _add(ws, "Troops in Kursk", "Bloomberg", "2024-11-15", 900)
    view = LibraryView(ws)
    qtbot.addWidget(view)
    assert view.select_article(a)
    _add(ws, "Shells for Russia", "The Economist", "2024-10", 1500)
    with qtbot.waitSignal(view.model.rowsInserted, timeout=1000):
        view.refresh()
    assert view.model.rowCount() == 2
    assert view.current_article_id() == a
    assert view.publisher_combo.findText("The Economist") > 0


class _Result:  # the shape of core.ingest.pipeline.ImportResult, without importing readers
    def __init__(self, path: str, status: str, reason: str | None = None, title: str | None = None,
                 duplicate_of: int | None = None) -> None:
        self.path, self.status, self.reason = path, status, reason
        self.title, self.duplicate_of, self.article_id = title, duplicate_of, None


def test_import_summary_lists_every_file_not_imported_with_its_reason(qtbot) -> None:
    results = [
        _Result("/in/a.txt", "imported", title="A"),
        _Result("/in/b.txt", "imported", title="B"),
        _Result("/in/bad.txt", "failed", reason="this is a binary file, not text"),
        _Result("/in/copy.txt", "duplicate", title="A", duplicate_of=1),
        _Result("/in/photo.jpg", "skipped", reason="not an article file type (.jpg)"),
    ]
    dialog = ImportSummaryDialog(results)
    qtbot.addWidget(dialog)
    assert dialog.heading.text() == ("Imported 2 articles; 1 duplicate skipped; 1 file not of an "
                                     "article type; 1 file could not be read")
    assert dialog.rows() == [
        ("bad.txt", "Failed", "this is a binary file, not text"),
        ("copy.txt", "Duplicate", "already in the library as #1 “A”"),
        ("photo.jpg", "Skipped", "not an article file type (.jpg)"),
    ]
    assert summary_line(results[:1], cancelled=True) == (
        "Imported 1 article (cancelled before the end)")


def test_an_import_stopped_by_an_error_says_so_in_the_summary(qtbot) -> None:
    results = [_Result("/in/a.txt", "imported", title="A")]
    dialog = ImportSummaryDialog(results, cancelled=True, error="database or disk is full")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Import stopped"
    assert dialog.heading.text() == ("Imported 1 article. The import stopped early because of "
                                     "an error: database or disk is full")


def test_numbers_dates_and_languages_show_whole_in_a_narrow_library(qtbot, ws: Workspace) -> None:
    """At the main window's default width the Words column had shown 1,371 as "1,3…" and
    its header as "ords": a count that hides its digits is a wrong count."""
    _add(ws, "Troops in Kursk", "Bloomberg", "2024-11-15", 1371)
    _add(ws, "Shells for Russia", "The Economist", "2024-10", 12_345)
    view = LibraryView(ws)
    qtbot.addWidget(view)
    view.resize(500, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    table, header = view.table, view.table.horizontalHeader()
    for col in (ArticleTableModel.WORDS, ArticleTableModel.DATE, ArticleTableModel.LANGUAGE):
        assert not table.isColumnHidden(col)
        shown = header.sectionSize(col)
        label = view.model.headerData(col, Qt.Orientation.Horizontal)
        assert shown >= header.fontMetrics().horizontalAdvance(label) + 8, f"{label} clipped"
        assert shown >= table.sizeHintForColumn(col), f"values of column {col} are elided"
    assert header.sectionSize(ArticleTableModel.TITLE) >= 150  # the title still reads


def test_filters_that_hide_every_article_say_so_and_one_click_shows_all(
        qtbot, ws: Workspace) -> None:
    """A filter with no match had left an empty table and no word: it looked like an empty
    (or broken) library."""
    _add(ws, "Troops in Kursk", "Bloomberg", "2024-11-15", 900)
    _add(ws, "Shells for Russia", "The Economist", "2024-10", 1500)
    view = LibraryView(ws)
    qtbot.addWidget(view)
    view.resize(500, 600)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert view.table.isVisible() and not view.no_match_box.isVisible()
    view.publisher_combo.setCurrentIndex(view.publisher_combo.findText("Bloomberg"))
    qtbot.keyClicks(view.filter_edit, "shells")
    assert view.proxy.rowCount() == 0
    assert not view.table.isVisible()
    assert view.no_match.isVisible()
    assert view.no_match.text() == ("No article matches the filter “shells” and publisher "
                                    "Bloomberg.")
    qtbot.mouseClick(view.show_all_button, Qt.MouseButton.LeftButton)
    assert view.filter_edit.text() == "" and view.publisher_combo.currentIndex() == 0
    assert view.proxy.rowCount() == 2
    assert view.table.isVisible() and not view.no_match_box.isVisible()
