"""The desktop app end to end on a temporary workspace, with the real core.

The Sample workspace's first opening imports the 5 sample articles in the background; search "Budanov"
and open the hit; highlight a sentence with the Ukrainian key, undo, redo;
accept a suggestion; restart and find everything still there; drop a folder
with one bad file and see that file reported and the rest imported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from briefing.core.ingest.sample import SEEDED_KEY, mark_sample
from briefing.core.workspace import Workspace
from briefing.ui.app import create_main_window
from briefing.ui.main_window import MainWindow

LOAD_TIMEOUT = 30_000


def _open(qtbot, workspace_dir: Path, settings: QSettings,
          sample: bool = False) -> tuple[Workspace, MainWindow]:
    """A window on the workspace; `sample`: it is the Sample workspace (whose first opening
    imports the shipped articles; the user's own workspaces start empty)."""
    ws = Workspace.open(workspace_dir)
    if sample:
        mark_sample(ws)
    window = create_main_window(ws, settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return ws, window


def _settled(window: MainWindow) -> bool:
    return window.search.ready and not window.importer.busy


def _close(window: MainWindow, ws: Workspace) -> None:
    window.close()
    ws.close()


def _library_counts(window: MainWindow, article_id: int) -> dict[str, int]:
    model = window.library.model
    row = model.row_of(article_id)
    return model.index(row, model.HIGHLIGHTS).data(model.CountsRole)


def _sentence_with(text: str, word: str) -> tuple[int, int]:
    at = text.index(word)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    end = text.index(".", at) + 1
    return start, end


def test_first_start_search_highlight_undo_redo_suggestion_and_restart(
        qtbot, workspace_dir: Path, settings: QSettings) -> None:
    ws, window = _open(qtbot, workspace_dir, settings, sample=True)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 5 and _settled(window),
                    timeout=LOAD_TIMEOUT)
    titles = window.library.visible_titles()
    assert len(titles) == 5 and all(t and t != "(untitled)" for t in titles)
    assert "How North Korea is giving Russia an edge in the war on Ukraine" in titles
    assert window.count_label.text() == "5 articles"

    # Ctrl+K, type, results appear without blocking; Enter opens the first hit.
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search.search_edit
    qtbot.keyClicks(window.search.search_edit, "Budanov")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=LOAD_TIMEOUT)
    first = window.search.model.rows[0]
    assert "Budanov" in first.excerpt[slice(*first.spans[0])]
    qtbot.keyClick(window.search.search_edit, Qt.Key.Key_Return)
    reader = window.reader
    assert reader.current_article_id() == first.article_id
    text = reader.article.text
    assert reader.hits and text[slice(*reader.hits[0])].lower() == "budanov"
    assert "Budanov" in reader.editor.toPlainText()
    article_id = first.article_id

    # Select a sentence and press the Ukrainian key "1".
    start, end = _sentence_with(text, "Budanov")
    cursor = QTextCursor(reader.editor.document())
    cursor.setPosition(reader.mapping.to_doc(start))
    cursor.setPosition(reader.mapping.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
    reader.editor.setTextCursor(cursor)
    reader.editor.setFocus()
    qtbot.keyClick(reader.editor, Qt.Key.Key_1)
    marks = ws.highlights.for_article(article_id)
    assert [(h.quote, h.perspectives) for h in marks] == [(text[start:end], ["ukrainian"])]
    qtbot.waitUntil(lambda: _library_counts(window, article_id) == {"ukrainian": 1}, timeout=5000)

    # Undo removes it, redo restores it (the window's Edit actions, by keyboard).
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.highlights.for_article(article_id) == []
    qtbot.waitUntil(lambda: _library_counts(window, article_id) == {}, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [h.quote for h in ws.highlights.for_article(article_id)] == [text[start:end]]

    # Accept a suggestion with Enter (they are computed off the UI thread: wait for them).
    qtbot.waitUntil(lambda: not reader.suggestions_pending(), timeout=LOAD_TIMEOUT)
    assert reader.suggestions, "the reader proposes attributed claims"
    suggestion = reader.goto_suggestion(1, after=0)
    reader.editor.setFocus()
    qtbot.keyClick(reader.editor, Qt.Key.Key_Return)
    quotes = {h.quote: h.perspectives for h in ws.highlights.for_article(article_id)}
    assert quotes[suggestion.quote] == suggestion.perspectives
    expected = {h.id: (h.quote, h.perspectives) for h in ws.highlights.for_article(article_id)}
    screen = window.screen().availableGeometry()
    window.resize(screen.width() - 40, screen.height() - 60)  # restorable on this screen
    qtbot.waitUntil(lambda: window.width() == screen.width() - 40, timeout=2000)
    window.splitter.setSizes([1, 2, 1])
    sizes, size = window.splitter.sizes(), window.size()
    _close(window, ws)

    # Restart on the same workspace: articles, highlights, search and layout are all there.
    ws, window = _open(qtbot, workspace_dir, settings)
    qtbot.waitUntil(lambda: _settled(window), timeout=LOAD_TIMEOUT)
    assert sorted(window.library.visible_titles()) == sorted(titles)
    assert {h.id: (h.quote, h.perspectives)
            for h in ws.highlights.for_article(article_id)} == expected
    assert sum(_library_counts(window, article_id).values()) >= 2
    assert (window.size(), window.splitter.sizes()) == (size, sizes)
    qtbot.keyClicks(window.search.search_edit, "Budanov")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=LOAD_TIMEOUT)
    window.search.open_current()
    assert window.reader.current_article_id() == window.search.model.rows[0].article_id
    assert ws.articles.count() == 5
    _close(window, ws)


def _drop(window: MainWindow, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    try:  # PySide6 >= 6.12 takes a QPointF (the QPoint form is deprecated there)
        enter = QDragEnterEvent(pos, *args)
    except TypeError:  # earlier releases take only a QPoint
        enter = QDragEnterEvent(pos.toPoint(), *args)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_dropping_a_folder_imports_the_good_files_and_reports_the_bad_one(
        qtbot, workspace_dir: Path, settings: QSettings, corpus_dir: Path, tmp_path: Path) -> None:
    with Workspace.open(workspace_dir) as ws:
        ws.db.set_setting(SEEDED_KEY, "1")  # not a first start: no sample articles
    folder = tmp_path / "drop"
    folder.mkdir()
    for f in sorted(corpus_dir.iterdir())[:2]:
        shutil.copy2(f, folder / f.name)
    (folder / "scan.txt").write_bytes(bytes(range(256)) * 64)
    ws, window = _open(qtbot, workspace_dir, settings)
    qtbot.waitUntil(lambda: _settled(window), timeout=LOAD_TIMEOUT)
    assert window.library.model.rowCount() == 0

    assert _drop(window, [folder])
    qtbot.waitUntil(lambda: window.importer.last_summary is not None, timeout=LOAD_TIMEOUT)
    summary = window.importer.last_summary
    assert summary.isVisible()
    assert summary.heading.text() == "Imported 2 articles; 1 file could not be read"
    [(name, status, why)] = summary.rows()
    assert (name, status) == ("scan.txt", "Failed")
    assert why  # the reader's reason, in words
    assert why == next(r.reason for r in summary.results if r.path.endswith("scan.txt"))
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2, timeout=5000)
    summary.close()
    _close(window, ws)


@pytest.mark.parametrize("readonly_second", [True])
def test_a_second_window_on_the_same_workspace_opens_read_only(
        qtbot, workspace_dir: Path, settings: QSettings, readonly_second: bool) -> None:
    from briefing.core.workspace import WorkspaceBusy

    first = Workspace.open(workspace_dir)
    try:
        with pytest.raises(WorkspaceBusy):
            Workspace.open(workspace_dir)
        ro = Workspace.open(workspace_dir, readonly=readonly_second)
        window = create_main_window(ro, settings, start=False)
        qtbot.addWidget(window)
        assert "read-only" in window.windowTitle()
        assert not window.import_files_action.isEnabled()
        assert not _drop(window, [workspace_dir])
        window.close()
        ro.close()
    finally:
        first.close()


def test_a_deleted_index_is_rebuilt_in_the_background_and_search_works(
        qtbot, workspace_dir: Path, settings: QSettings) -> None:
    ws, window = _open(qtbot, workspace_dir, settings, sample=True)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 5 and _settled(window),
                    timeout=LOAD_TIMEOUT)
    _close(window, ws)
    shutil.rmtree(workspace_dir / "index")

    ws, window = _open(qtbot, workspace_dir, settings)
    assert window.library.model.rowCount() == 5  # the library does not wait for the index
    qtbot.waitUntil(lambda: _settled(window), timeout=LOAD_TIMEOUT)
    assert "rebuilt" in window.statusBar().currentMessage()
    qtbot.keyClicks(window.search.search_edit, "Budanov")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 2, timeout=LOAD_TIMEOUT)
    assert ws.index.state() == "ok"

    # File › Rebuild search index does it again on demand, in the background.
    window.reindex_action.trigger()
    assert not window.search.ready
    qtbot.waitUntil(lambda: _settled(window), timeout=LOAD_TIMEOUT)
    assert not window.index_progress.isVisible()
    assert "rebuilt" in window.statusBar().currentMessage()
    assert ws.index.state() == "ok"
    _close(window, ws)


def test_cancel_stops_an_import_and_the_summary_says_what_was_done(
        qtbot, workspace_dir: Path, settings: QSettings, tmp_path: Path) -> None:
    with Workspace.open(workspace_dir) as ws:
        ws.db.set_setting(SEEDED_KEY, "1")
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        words = " ".join(f"word{i}x{j}" for j in range(120))
        (folder / f"note_{i:03d}.txt").write_text(f"Field note {i}\n\n{words}.\n", encoding="utf-8")
    ws, window = _open(qtbot, workspace_dir, settings)
    qtbot.waitUntil(lambda: _settled(window), timeout=LOAD_TIMEOUT)
    window.import_paths([folder])
    assert window.importer.busy and window.importer.box.isVisible()
    qtbot.waitUntil(lambda: len(window.importer.results) > 0, timeout=LOAD_TIMEOUT)
    qtbot.mouseClick(window.importer.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.importer.last_summary is not None, timeout=LOAD_TIMEOUT)
    summary = window.importer.last_summary
    assert summary.heading.text().endswith("(cancelled before the end)")
    imported = [r for r in summary.results if r.status == "imported"]
    assert 0 < len(imported) < 300
    assert ws.articles.count() == len(imported)  # nothing half-imported
    assert not window.importer.box.isVisible()
    summary.close()
    _close(window, ws)


def test_an_import_asked_for_during_the_start_up_check_runs_after_it(
        qtbot, workspace_dir: Path, settings: QSettings, corpus_dir: Path) -> None:
    with Workspace.open(workspace_dir) as ws:
        ws.db.set_setting(SEEDED_KEY, "1")
    ws, window = _open(qtbot, workspace_dir, settings)
    first = sorted(corpus_dir.iterdir())[0]
    window.import_paths([first])  # the index check may still be running
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1 and _settled(window),
                    timeout=LOAD_TIMEOUT)
    qtbot.waitUntil(lambda: window.importer.last_summary is not None, timeout=LOAD_TIMEOUT)
    assert window.importer.last_summary.heading.text() == "Imported 1 article"
    window.importer.last_summary.close()
    _close(window, ws)


def test_a_new_workspace_does_not_report_a_repaired_index(
        qtbot, workspace_dir: Path, settings: QSettings) -> None:
    """A new, empty workspace had opened with "The search index was rebuilt from the
    library": a repair message for a library that was never damaged."""
    ws, window = _open(qtbot, workspace_dir, settings)
    qtbot.waitUntil(lambda: _settled(window), timeout=LOAD_TIMEOUT)
    message = window.statusBar().currentMessage()
    assert "rebuilt" not in message
    assert message.startswith("Ready: drop article files")
    _close(window, ws)
