"""The analyst corrects the library in the app: the details pane, library row actions, and
what a read-only window allows. Real widgets on a real workspace with the sample corpus."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.core.export import BriefingSpec, export_briefing
from briefing.core.ingest.pipeline import Importer
from briefing.core.ingest.sample import mark_sample
from briefing.core.workspace import Workspace
from briefing.ui.app import create_main_window
from briefing.ui.main_window import MainWindow

LOAD_TIMEOUT = 30_000
ECONOMIST = "001_096c5dfba91e82fd.txt"
HTML_PAGE = ("<!doctype html><html><head><title>Envoy warns of wider war | Example News</title>"
             "<meta name='author' content='Jane Roe'>"
             "<img src='https://tracker.example/pixel.gif'></head><body><article>"
             "<h1>Envoy warns of wider war</h1>" + "".join(
                 f"<p>Paragraph {i}: the envoy said the talks in Geneva would resume next "
                 "week, according to officials who briefed reporters.</p>" for i in range(6))
             + "</article></body></html>")


@pytest.fixture
def window(qtbot, workspace_dir: Path, settings: QSettings):
    ws = Workspace.open(workspace_dir)
    mark_sample(ws)  # the Sample workspace: its first opening imports the five articles
    win = create_main_window(ws, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 5 and win.search.ready
                    and not win.importer.busy, timeout=LOAD_TIMEOUT)
    yield win
    win.close()
    ws.close()


def _article_id(win: MainWindow, source_file: str) -> int:
    return next(a.id for a in win.ws.articles.list() if a.source_file == source_file)


def _row_title(win: MainWindow, article_id: int) -> str:
    model = win.library.model
    return model.index(model.row_of(article_id), model.TITLE).data()


def _header(win: MainWindow) -> str:
    return win.reader.editor.document().firstBlock().text()


def _search(qtbot, win: MainWindow, query: str) -> list[str]:
    win.search.search_edit.clear()
    qtbot.keyClicks(win.search.search_edit, query)
    qtbot.waitUntil(lambda: win.search.model.rowCount() > 0, timeout=LOAD_TIMEOUT)
    return [r.title for r in win.search.model.rows]


def test_edit_a_title_and_see_it_everywhere_then_undo(qtbot, window: MainWindow,
                                                      tmp_path: Path) -> None:
    win = window
    aid = _article_id(win, ECONOMIST)
    win.open_article(aid)
    pane = win.details
    assert pane.current_article_id() == aid
    assert pane.is_marked_inferred("title")  # the title was guessed from the text
    assert pane.marks["title"].text() == "?" and pane.confirm_buttons["title"].isEnabled()
    old = win.ws.articles.get(aid).title

    pane.set_field("title", "Kim's gamble in Kursk")
    assert "saved" in win.statusBar().currentMessage()
    assert not pane.is_marked_inferred("title") and pane.marks["title"].text() == "✓"
    assert _row_title(win, aid) == "Kim's gamble in Kursk"
    assert _header(win) == "Kim's gamble in Kursk"
    assert "Title inferred" not in win.reader.editor.toPlainText()
    assert _search(qtbot, win, "gamble") == ["Kim's gamble in Kursk"]

    text = win.ws.articles.text(aid)
    win.ws.highlights.add(aid, text, 0, text.index(".") + 1, ["ukrainian"])
    out = tmp_path / "note.docx"
    export_briefing(win.ws, BriefingSpec(title="Note", date="2025-01-20"), out)
    note = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "\u201cKim's gamble in Kursk\u201d" in note and ECONOMIST not in note

    win.undo_action.trigger()
    assert _row_title(win, aid) == old
    assert _header(win) == old.split("\n")[0][:len(_header(win))]
    assert pane.is_marked_inferred("title")
    win.redo_action.trigger()
    assert _row_title(win, aid) == "Kim's gamble in Kursk"


def test_authors_date_kind_and_confirm_in_the_pane(window: MainWindow) -> None:
    win = window
    aid = _article_id(win, ECONOMIST)
    win.open_article(aid)
    pane = win.details
    pane.set_field("authors", "Jane Roe;  John Doe ")
    pane.set_field("published", "2024-10")
    pane.set_field("kind", "analysis")
    pane.set_field("note", "Check against the RSIS piece")
    article = win.ws.articles.get(aid)
    assert article.authors == ["Jane Roe", "John Doe"]
    assert article.published == "2024-10" and article.kind == "analysis"
    assert article.note == "Check against the RSIS piece"
    assert "date to the month" in pane.heading.text()
    assert "Jane Roe" in win.reader.editor.toPlainText()
    model = win.library.model
    assert model.index(model.row_of(aid), model.DATE).data() == "2024-10"

    pane.confirm("publisher")
    assert win.ws.articles.get(aid).provenance["publisher"] == "confirmed"
    assert pane.marks["publisher"].text() == "✓"


def test_a_bad_date_is_refused_with_one_line_and_nothing_changes(window: MainWindow) -> None:
    win = window
    aid = _article_id(win, ECONOMIST)
    win.open_article(aid)
    before = win.ws.articles.get(aid)
    win.details.set_field("published", "31/12/2024")
    assert win.details.error.isVisibleTo(win.details)
    assert "not YYYY, YYYY-MM or YYYY-MM-DD" in win.details.error.text()
    assert win.details.editors["published"].text() == (before.published or "")
    assert win.ws.articles.get(aid) == before
    assert win.undo_stack.count() == 0


def test_delete_two_articles_with_confirmation_and_undo(qtbot, window: MainWindow,
                                                        monkeypatch) -> None:
    win = window
    ids = [a.id for a in win.ws.articles.list()][:2]
    text = win.ws.articles.text(ids[0])
    win.ws.highlights.add(ids[0], text, 0, 20, ["us"])
    win.library.refresh()
    asked: list[str] = []

    def yes(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    table = win.library.table
    for n, aid in enumerate(ids):  # click the first, Ctrl+click the second
        index = win.library.proxy.mapFromSource(win.library.model.index(
            win.library.model.row_of(aid), 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier if n else
                         Qt.KeyboardModifier.NoModifier, table.visualRect(index).center())
    assert sorted(win.library.selected_ids()) == sorted(ids)
    menu = win.library_actions.build_menu()
    assert "Delete 2 articles…" in [a.text() for a in menu.actions()]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked and "Delete 2 articles" in asked[0]
    assert win.library.model.rowCount() == 3
    assert win.count_label.text() == "3 articles"
    assert all(win.ws.articles.get(i) is None for i in ids)
    assert "Ctrl+Z puts them back" in win.statusBar().currentMessage()

    win.undo_action.trigger()
    assert win.library.model.rowCount() == 5
    restored = win.ws.articles.get(ids[0])
    assert restored is not None and win.ws.highlights.for_article(ids[0])
    assert any(p.name.endswith("-bulk.sqlite3") for p in (win.ws.root / "backups").iterdir())
    qtbot.waitUntil(lambda: not win.ws.db.scalar("SELECT count(*) FROM index_queue"),
                    timeout=LOAD_TIMEOUT)
    assert ids[0] in {h.article_id for h in win.ws.index.search(restored.title.split()[0]).hits}


def test_show_an_html_original_as_text_and_in_the_file_manager(window: MainWindow,
                                                               monkeypatch) -> None:
    win = window
    result = Importer(win.ws).import_bytes(HTML_PAGE.encode(), "envoy.html")
    assert result.status == "imported", result.reason
    win.library.refresh()
    win.open_article(result.article_id)
    dialog = win.library_actions.show_original()
    assert dialog is not None and dialog.isVisible()
    shown = dialog.text.toPlainText()
    assert shown.startswith("<!doctype html>") and "tracker.example/pixel.gif" in shown
    assert "HTML source, shown as text" in dialog.about.text()
    dialog.close()

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    win.library_actions.show_in_folder()
    article = win.ws.articles.get(result.article_id)
    assert opened == [str(win.ws.original_path(article.original_hash).parent)]


def test_date_sort_respects_partial_dates_and_the_filter_finds_authors_and_tags(
        window: MainWindow) -> None:
    win = window
    ids = [a.id for a in win.ws.articles.list()]
    for aid, date in zip(ids, ["2024-11-15", "2024", None, "2024-11", "2023-12-31"],
                         strict=True):
        win.ws.articles.update_metadata(aid, published=date)
    win.ws.articles.set_tags(ids[2], ["kursk-offensive"])
    text = win.ws.articles.text(ids[4])
    win.ws.highlights.add(ids[4], text, 0, 20, tags=["casualty-figures"])
    win.library.model.reload()
    model = win.library.model
    win.library.table.sortByColumn(model.DATE, Qt.SortOrder.AscendingOrder)
    dates = [win.library.proxy.index(r, model.DATE).data() for r in range(5)]
    assert dates == ["2023-12-31", "2024", "2024-11", "2024-11-15", ""]
    win.library.table.sortByColumn(model.DATE, Qt.SortOrder.DescendingOrder)
    dates = [win.library.proxy.index(r, model.DATE).data() for r in range(5)]
    assert dates == ["2024-11-15", "2024-11", "2024", "2023-12-31", ""]

    win.library.filter_edit.setText("kursk-offensive")
    assert win.library.proxy.rowCount() == 1
    win.library.filter_edit.setText("casualty")
    assert win.library.proxy.rowCount() == 1
    win.library.filter_edit.setText("drew thompson")  # the RSIS article's author
    assert win.library.visible_titles() == [
        "North Korea in the Ukraine War Presages an Era of Confrontation With China"]


def test_reclean_from_the_library_keeps_the_analysts_title(qtbot, window: MainWindow,
                                                           monkeypatch) -> None:
    win = window
    aid = _article_id(win, ECONOMIST)
    win.open_article(aid)
    win.details.set_field("title", "Kim's gamble")
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)
    task = win.library_actions.reclean_selected()
    assert task is not None
    qtbot.waitUntil(lambda: task.finished, timeout=LOAD_TIMEOUT)
    lines = win.library_actions.reclean_lines
    assert lines and lines[0].startswith(f"recleaned  #{aid} Kim's gamble")
    assert win.ws.articles.get(aid).title == "Kim's gamble"
    assert "Re-cleaned 1 article:" in win.statusBar().currentMessage()


def test_a_read_only_window_disables_marking_and_editing_and_says_why(
        qtbot, workspace_dir: Path, settings: QSettings) -> None:
    with Workspace.open(workspace_dir) as ws:
        from briefing.core.ingest.sample import import_sample_corpus

        list(import_sample_corpus(ws))
    ro = Workspace.open(workspace_dir, readonly=True)
    win = create_main_window(ro, settings, start=False)
    qtbot.addWidget(win)
    win.show()
    try:
        aid = ro.articles.list()[0].id
        win.open_article(aid)
        reader = win.reader
        cursor = reader.editor.textCursor()
        body = reader.mapping.to_doc(0)
        cursor.setPosition(body)
        cursor.setPosition(body + 30, cursor.MoveMode.KeepAnchor)
        reader.editor.setTextCursor(cursor)
        reader.editor.setFocus()
        qtbot.keyClick(reader.editor, Qt.Key.Key_1)
        assert ro.highlights.for_article(aid) == []
        assert reader.notice.isVisibleTo(reader) and "Read-only" in reader.notice.text()
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            qtbot.keyClick(reader.editor, key)
        menu = reader.build_context_menu(reader.editor.cursorRect().center())
        texts = [a.text() for a in menu.actions()]
        assert not any(t.startswith("Highlight as") for t in texts)
        assert any("Read-only" in t for t in texts)

        pane = win.details
        assert pane.readonly_note.isVisibleTo(pane) and "Read-only" in pane.readonly_note.text()
        assert pane.editors["title"].isReadOnly()
        assert "Read-only" in pane.editors["title"].toolTip()
        pane.set_field("title", "Not allowed")  # typed anyway: nothing is saved, nothing throws
        assert ro.articles.get(aid).title != "Not allowed"

        actions = win.library_actions
        assert not actions.delete_action.isEnabled()
        assert "Read-only" in actions.delete_action.toolTip()
        assert not actions.reclean_action.isEnabled()
        menu = actions.build_menu()
        assert not next(a for a in menu.actions() if a.text().startswith("Delete")).isEnabled()
        assert actions.original_action.isEnabled()  # looking is fine
        for action in (win.import_files_action, win.perspectives_action):
            assert not action.isEnabled() and "Read-only" in action.toolTip()
        editor = win.highlights.editor if hasattr(win.highlights, "editor") else None
        if editor is not None:
            assert not editor.isEnabled() or "Read-only" in editor.toolTip()
        assert QApplication.activeModalWidget() is None
    finally:
        win.close()
        ro.close()
