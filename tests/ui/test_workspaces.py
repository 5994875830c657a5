"""Workspaces and collections in the app, with the real core and real windows.

Make a workspace, switch to it and back (the lock follows, the recent list is kept);
the first start opens the Sample workspace and leaves the user's library empty;
a collection and a saved search filter the library, limit search and the export.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from briefing.core.ingest.sample import import_sample_corpus, is_sample, sample_workspace_dir
from briefing.core.workspace import Workspace, WorkspaceBusy
from briefing.ui import menus
from briefing.ui.app import create_main_window, start_workspace
from briefing.ui.collections_panel import article_mime
from briefing.ui.main_window import MainWindow
from briefing.ui.workspace_switcher import WorkspaceSwitcher, recent_workspaces

LOAD_TIMEOUT = 30_000


def _settled(window: MainWindow) -> bool:
    return window.search.ready and not window.importer.busy


def _switcher_window(qtbot, settings: QSettings, root: Path,
                     sample: bool = False) -> tuple[WorkspaceSwitcher, MainWindow]:
    switcher = WorkspaceSwitcher(settings)
    window = switcher.open(root, sample=sample)
    assert window is not None
    qtbot.waitUntil(lambda: _settled(window), timeout=LOAD_TIMEOUT)
    return switcher, window


def _locked(root: Path) -> bool:
    try:
        Workspace.open(root).close()
    except WorkspaceBusy:
        return True
    return False


def test_create_a_workspace_switch_to_it_and_back(qtbot, workspace_dir: Path,
                                                  settings: QSettings, tmp_path: Path) -> None:
    switcher, first = _switcher_window(qtbot, settings, workspace_dir)
    assert first.windowTitle() == "Briefing — My library"
    assert first.library.empty_guide.isVisibleTo(first)
    assert "Drop article files" in first.library.empty_guide.text()

    crowded = tmp_path / "crowded"
    crowded.mkdir()
    (crowded / "notes.txt").write_text("mine", encoding="utf-8")
    assert first.create_workspace(crowded) is None
    assert "choose an empty folder" in first.statusBar().currentMessage()
    assert switcher.window is first

    topic = tmp_path / "Topic A"
    second = first.create_workspace(topic)
    assert second is not None and switcher.window is second and switcher.ws is second.ws
    qtbot.waitUntil(lambda: _settled(second), timeout=LOAD_TIMEOUT)
    assert second.windowTitle() == "Briefing — Topic A"
    assert second.workspace_label.text() == "Workspace: Topic A"
    assert second.library.model.rowCount() == 0 and second.library.empty_guide.isVisibleTo(second)
    assert not _locked(workspace_dir), "the workspace left behind is closed, its lock released"
    assert _locked(topic)
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=5000)  # the old window went
    assert recent_workspaces(settings) == [topic.absolute(), workspace_dir.absolute()]

    # File ▸ Open recent lists both, the current one checked; choosing the other switches back
    menus.fill_recent(second)
    entries = {a.text(): a for a in second.recent_menu.actions()}
    assert list(entries) == ["Topic A", "My library"]
    assert entries["Topic A"].isChecked() and not entries["My library"].isChecked()
    assert entries["My library"].shortcut().toString() == "Ctrl+Alt+2"
    entries["My library"].trigger()
    third = switcher.window
    assert third is not None and third is not second and third.ws.root == workspace_dir
    qtbot.waitUntil(lambda: _settled(third), timeout=LOAD_TIMEOUT)
    assert third.windowTitle() == "Briefing — My library"
    assert not _locked(topic) and _locked(workspace_dir)
    assert recent_workspaces(settings) == [workspace_dir.absolute(), topic.absolute()]
    switcher.close()
    assert not _locked(workspace_dir)
    third.close()


def test_first_start_opens_the_sample_and_leaves_the_default_library_empty(
        qtbot, workspace_dir: Path, settings: QSettings) -> None:
    root, sample = start_workspace(settings, None)
    assert (root, sample) == (sample_workspace_dir(), True)
    assert root.parent.name == "Briefing" and root.name == "Sample"
    switcher, window = _switcher_window(qtbot, settings, root, sample=True)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 5 and _settled(window),
                    timeout=LOAD_TIMEOUT)
    assert window.windowTitle() == "Briefing — Sample"
    assert not window.library.empty_guide.isVisibleTo(window)
    with Workspace.open(workspace_dir, readonly=True) as mine:
        assert mine.articles.count() == 0, "the sample never goes into the user's library"
    assert recent_workspaces(settings) == [root.absolute(), workspace_dir.absolute()]

    # later starts are not first starts; the user's library opens empty, with the guide
    assert start_workspace(settings, None) == (workspace_dir, False)
    mine_window = window.request_workspace(workspace_dir)
    assert mine_window is not None
    qtbot.waitUntil(lambda: _settled(mine_window), timeout=LOAD_TIMEOUT)
    assert mine_window.library.model.rowCount() == 0
    assert mine_window.library.empty_guide.isVisibleTo(mine_window)

    # Help ▸ Open the sample brings it back, without importing the articles again
    again = mine_window.open_sample_action
    assert again.shortcut().toString() == "Ctrl+Shift+F1"
    again.trigger()
    back = switcher.window
    assert back is not None and back.ws.root == root and is_sample(back.ws)
    qtbot.waitUntil(lambda: _settled(back), timeout=LOAD_TIMEOUT)
    assert back.ws.articles.count() == 5
    switcher.close()
    back.close()


def _drop_on(widget, row_rect_center, ids: list[int]) -> bool:
    mime = article_mime(ids)
    pos = QPointF(row_rect_center)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    try:  # PySide6 >= 6.12 takes a QPointF
        enter = QDragEnterEvent(pos, *args)
        move = QDragMoveEvent(pos, *args)
    except TypeError:
        enter = QDragEnterEvent(pos.toPoint(), *args)
        move = QDragMoveEvent(pos.toPoint(), *args)
    QApplication.sendEvent(widget.viewport(), enter)
    QApplication.sendEvent(widget.viewport(), move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget.viewport(), drop)
    return drop.isAccepted()


@pytest.fixture
def sample_ws(workspace_dir: Path):
    with Workspace.open(workspace_dir) as ws:
        list(import_sample_corpus(ws))
        ids = sorted(ws.articles.ids())
        for article_id in ids:  # one highlight per article, for the export
            ws.highlights.add(article_id, ws.articles.text(article_id), 0, 40, ["us"])
        ws.index.sync()
        yield ws


def test_collections_filter_the_library_search_and_export(
        qtbot, sample_ws: Workspace, settings: QSettings, tmp_path: Path) -> None:
    ws = sample_ws
    window = create_main_window(ws, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: _settled(window), timeout=LOAD_TIMEOUT)
    library = window.library
    ids = sorted(ws.articles.ids())
    assert len(library.visible_titles()) == 5

    # a set: made from the context menu, filled by a drag onto it
    library.select_article(ids[0])
    menu = window.library_actions.build_menu()
    into = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Add to collection")
    assert [a.text() for a in into.actions() if a.text()] == ["New collection…"]
    window.library_actions.new_collection([ids[0]], name="Korea troops")
    assert library.collections.sets() == ["Korea troops"]
    item = library.collections.item(1)
    assert item.text() == "Korea troops  ·  1"
    center = library.collections.visualItemRect(item).center()
    assert _drop_on(library.collections, center, [ids[1], ids[2]])
    assert library.collections.item(1).text() == "Korea troops  ·  3"
    assert not _drop_on(library.collections,
                        library.collections.visualItemRect(library.collections.item(0)).center(),
                        [ids[3]]), "All articles is not a set to drop on"

    # filtering by it shows its articles; removing one from the context menu
    assert library.filter_by_collection("korea troops")
    assert sorted(library.proxy.article_id(r) for r in range(library.proxy.rowCount())) \
        == ids[:3]
    library.select_article(ids[2])
    menu = window.library_actions.build_menu()
    remove = next(a for a in menu.actions() if a.objectName() == "collection_remove")
    assert remove.text() == "Remove from Korea troops"
    remove.trigger()
    assert sorted(library.proxy.article_id(r) for r in range(library.proxy.rowCount())) \
        == ids[:2]
    assert ws.articles.count() == 5

    # search is limited to the collection shown
    window.search.search_edit.setText("Russia")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=LOAD_TIMEOUT)
    assert {r.article_id for r in window.search.model.rows} <= set(ids[:2])
    assert window.search.status.text().startswith("In Korea troops: ")
    window.search.search_edit.clear()

    # the export dialog starts limited to it, and the note holds only its articles
    window.open_briefing_dialog()
    dialog = window.briefing_dialog
    dialog.confirm_ready = lambda report: True  # "Export anyway" at the ready-to-send step
    assert dialog.collection_filter.currentText() == "Korea troops"
    assert dialog.list.count() == 2
    out = tmp_path / "korea.json"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    dialog.out_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_report is not None or dialog.last_error is not None,
                    timeout=20_000)
    assert dialog.last_error is None
    note = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(item["target"]["source"]["id"] for item in note["first"]["items"]) == [
        f"urn:briefing:article:{i}" for i in ids[:2]]
    dialog.close()

    # a saved search stays live: it is its query re-run
    assert library.save_search("Budanov", "Budanov")
    assert library.collection == "Budanov"
    expected = {h.article_id for h in ws.index.search("Budanov", limit=10).hits}
    shown = {library.proxy.article_id(r) for r in range(library.proxy.rowCount())}
    assert shown == expected and 0 < len(shown) < 5
    assert library.collections.currentItem().text().startswith("⌕ Budanov")
    window.open_briefing_dialog()  # the export follows the saved search too
    dialog = window.briefing_dialog
    assert dialog.collection_filter.currentText() == "Budanov"
    assert dialog.spec().collection == "Budanov"
    assert sorted(dialog.checked_ids()) == sorted(
        h.id for h in ws.highlights.list() if h.article_id in expected)
    dialog.close()
    assert not library.save_search("Korea troops", "x")
    assert "is a set of articles" in window.statusBar().currentMessage()

    # delete the set: its articles stay
    assert library.delete_collection("Korea troops")
    assert library.collections.sets() == []
    assert ws.articles.count() == 5
    window.close()


def test_hand_a_collection_on_as_an_archive_and_refuse_a_changed_one(
        qtbot, sample_ws: Workspace, settings: QSettings, tmp_path: Path) -> None:
    from briefing.ui import archive_commands

    ws = sample_ws
    window = create_main_window(ws, settings)  # replaced (and deleted) by the switch below
    window.show()
    qtbot.waitUntil(lambda: _settled(window), timeout=LOAD_TIMEOUT)
    ids = sorted(ws.articles.ids())
    window.library.add_to_collection("Pair", ids[:2])
    window.library.filter_by_collection("Pair")
    out = tmp_path / "pair.briefing"
    archive_commands.export_to(window, out)
    qtbot.waitUntil(lambda: window.last_archive_message.startswith("Wrote"), timeout=20_000)
    assert window.last_archive_message == (f"Wrote {out}: 2 article(s), 2 highlight(s), "
                                           "0 speaker assignment(s), 1 collection(s)")

    # a colleague's empty workspace takes it in; the library and collections show it
    other = window.create_workspace(tmp_path / "Colleague")
    assert other is not None
    qtbot.waitUntil(lambda: _settled(other), timeout=LOAD_TIMEOUT)
    assert other.import_archive_action.shortcut().toString() == "Ctrl+Alt+I"
    archive_commands.import_from(other, out)
    qtbot.waitUntil(lambda: other.last_archive_message.startswith("Imported"), timeout=20_000)
    qtbot.waitUntil(lambda: other.library.model.rowCount() == 2, timeout=5000)
    assert other.library.collections.sets() == ["Pair"]
    assert len(other.ws.highlights.list()) == 2

    # a changed archive is refused with the part named, and nothing is added
    bad = tmp_path / "bad.briefing"
    with zipfile.ZipFile(out) as old, zipfile.ZipFile(bad, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            new.writestr(name, data + b" " if name == "highlights.json" else data)
    archive_commands.import_from(other, bad)
    qtbot.waitUntil(lambda: other.last_archive_message.startswith("Could not"), timeout=20_000)
    assert "the part highlights.json does not match its checksum" in other.last_archive_message
    assert len(other.ws.highlights.list()) == 2
    box = next(w for w in QApplication.topLevelWidgets()
               if w.isVisible() and w.windowTitle() == "Briefing: archive")
    box.close()
    other.switcher.close()  # type: ignore[union-attr]
    other.close()


def test_switching_during_an_import_joins_it_and_releases_the_lock(
        qtbot, workspace_dir: Path, settings: QSettings, corpus_dir: Path,
        tmp_path: Path) -> None:
    switcher, window = _switcher_window(qtbot, settings, workspace_dir)
    window.import_paths([corpus_dir])
    qtbot.waitUntil(lambda: window.importer.busy, timeout=5000)
    other = window.create_workspace(tmp_path / "Other")
    assert other is not None and switcher.window is other
    assert not _locked(workspace_dir), "the import was stopped and the workspace closed"
    with Workspace.open(workspace_dir, readonly=True) as ws:
        assert not ws.damage and ws.articles.count() <= 5  # what was committed before it stopped
    qtbot.waitUntil(lambda: _settled(other), timeout=LOAD_TIMEOUT)
    switcher.close()
    other.close()

