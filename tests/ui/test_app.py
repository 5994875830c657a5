"""Starting the app: the `briefing` command, a busy workspace, shortcuts and their tooltips."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from briefing.core.workspace import Workspace
from briefing.launch import main as briefing_main
from briefing.ui.app import create_main_window, open_workspace
from briefing.ui.main_window import MainWindow
from briefing.ui.wording import count


@pytest.fixture
def keep_app_look(qapp):
    """run() applies the theme to the whole application: put it back afterwards."""
    style, palette = qapp.style().name(), qapp.palette()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_briefing_without_a_command_first_opens_the_sample_beside_an_empty_library(
        qtbot, keep_app_look, tmp_path: Path) -> None:
    seen: dict[str, object] = {}

    def close_when_loaded() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].library.model.rowCount() == 5 \
                and not windows[0].importer.busy:
            seen["title"] = windows[0].windowTitle()
            seen["root"] = windows[0].ws.root
            seen["icon"] = not QApplication.windowIcon().isNull()
            windows[0].close()
        else:
            QTimer.singleShot(50, close_when_loaded)

    QTimer.singleShot(50, close_when_loaded)
    assert briefing_main([]) == 0
    assert seen["title"] == "Briefing — Sample"
    assert seen["root"] == tmp_path / "home" / "data" / "Briefing" / "Sample"
    assert seen["icon"]
    assert QApplication.applicationName() == "Briefing"
    with Workspace.open(tmp_path / "workspace") as ws:  # BRIEFING_WORKSPACE, read at run()
        assert ws.articles.count() == 0, "the user's own library starts empty"
    with Workspace.open(seen["root"]) as sample:  # the lock was released on exit
        assert sample.articles.count() == 5


def test_a_busy_workspace_is_offered_read_only(qtbot, workspace_dir: Path) -> None:
    holder = Workspace.open(workspace_dir)
    texts: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        texts.append(box.text())
        [readonly] = [b for b in box.buttons() if b.text() == "Open read-only"]
        readonly.click()

    QTimer.singleShot(20, answer)
    try:
        ws = open_workspace(workspace_dir)
        assert ws is not None and ws.readonly
        assert "open in another Briefing window" in texts[0]
        ws.close()
    finally:
        holder.close()


def test_every_menu_action_has_a_shortcut_named_in_its_tooltip(
        qtbot, workspace_dir: Path, settings: QSettings) -> None:
    with Workspace.open(workspace_dir) as ws:
        window = create_main_window(ws, settings, start=False)
        qtbot.addWidget(window)
        actions = [a for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
                   for a in menu.actions() if not a.isSeparator() and a.text()]
        assert len(actions) >= 12
        for action in actions:
            if action.menu() is not None or action.objectName().startswith("recent_"):
                continue  # a submenu opens by its own key; recent workspaces: Ctrl+Alt+1…9
            keys = action.shortcut().toString()
            assert keys, f"{action.text()} has no shortcut"
            assert f"({keys}" in action.toolTip(), action.toolTip()
        window.close()


def test_ctrl_e_opens_the_briefing_dialog(qtbot, workspace_dir: Path,
                                          settings: QSettings) -> None:
    with Workspace.open(workspace_dir) as ws:
        window = create_main_window(ws, settings, start=False)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        window.library.filter_edit.setFocus()  # a line edit would take Ctrl+E as "end of line"
        qtbot.keyClick(window.library.filter_edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        dialog = window.briefing_dialog
        assert dialog is not None and dialog.isVisible()
        assert type(dialog).__name__ == "BriefingDialog"
        dialog.close()
        window.close()


def test_perspective_edits_reach_the_library_filters(qtbot, workspace_dir: Path,
                                                     settings: QSettings) -> None:
    with Workspace.open(workspace_dir) as ws:
        window = create_main_window(ws, settings, start=False)
        qtbot.addWidget(window)
        window.perspectives_action.trigger()
        dialogs = [d for d in window.findChildren(QDialog) if type(d).__name__ ==
                   "PerspectivesDialog"]
        assert dialogs and dialogs[0].isVisible()
        ws.perspectives.add("Japanese", "#aa3377", "8", ["Tokyo"])
        dialogs[0].perspectivesChanged.emit()
        combo = window.library.perspective_combo
        assert combo.findText("Japanese") > 0
        window.close()


def test_view_keys_move_the_keyboard_between_panes(qtbot, workspace_dir: Path,
                                                   settings: QSettings) -> None:
    with Workspace.open(workspace_dir) as ws:
        window = create_main_window(ws, settings, start=False)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(window, Qt.Key.Key_H, shift_ctrl)
        assert window.highlights.isAncestorOf(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, shift_ctrl)
        assert window.reader.isAncestorOf(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, shift_ctrl)
        assert window.tabs.currentWidget() is window.claims
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is window.library.filter_edit
        window.close()


def _damaged_library_with_a_backup(workspace_dir: Path) -> tuple[int, int]:
    from briefing.core.ingest.sample import import_sample_corpus

    with Workspace.open(workspace_dir) as ws:
        list(import_sample_corpus(ws))
        ws.highlights.add(1, ws.articles.text(1), 0, 20, ["us"])
        ws.backup("manual", "test")
        counts = ws.articles.count(), len(ws.highlights.list())
    (workspace_dir / "library.sqlite3").write_bytes(b"")  # emptied by a crash or a tool
    return counts


def test_a_damaged_library_offers_the_newest_good_backup_and_restores_it(
        qtbot, workspace_dir: Path, settings: QSettings) -> None:
    articles, highlights = _damaged_library_with_a_backup(workspace_dir)
    asked: list[tuple[str, list[str]]] = []

    def choose(title: str, text: str, buttons: list[str]) -> str:
        asked.append((text, buttons))
        return "Restore the backup"

    ws = open_workspace(workspace_dir, choose=choose)
    assert ws is not None and not ws.readonly
    try:
        [(text, buttons)] = asked
        assert "is damaged: the library file is empty (0 bytes)" in text
        assert f"({count(articles, 'article')}, {count(highlights, 'highlight')})" in text
        assert buttons == ["Restore the backup", "Quit"]  # nothing readable to show
        assert ws.articles.count() == articles and len(ws.highlights.list()) == highlights
    finally:
        ws.close()


def test_a_workspace_on_a_read_only_medium_opens_read_only_and_the_window_says_why(
        qtbot, workspace_dir: Path, settings: QSettings, tmp_path: Path) -> None:
    import subprocess

    _damaged_library_with_a_backup(workspace_dir)
    from briefing.core import recovery

    recovery.restore(workspace_dir)
    stick = tmp_path / "stick"
    stick.mkdir()
    if subprocess.run(["mount", "--bind", str(workspace_dir), str(stick)]).returncode or \
            subprocess.run(["mount", "-o", "remount,bind,ro", str(stick)]).returncode:
        subprocess.run(["umount", str(stick)], capture_output=True)
        pytest.skip("this machine does not allow a read-only bind mount")
    try:
        ws = open_workspace(stick, choose=lambda *a: pytest.fail("nothing to ask"))
        assert ws is not None and ws.readonly
        window = create_main_window(ws, settings, start=False)
        qtbot.addWidget(window)
        try:
            from PySide6.QtWidgets import QLabel

            notice = window.findChild(QLabel, "readonlyNotice")
            assert notice is not None
            assert notice.text() == "Read-only: the workspace is on a read-only medium"
            assert not window.import_files_action.isEnabled()
            assert window.library.model.rowCount() == 5
        finally:
            window.close()
            ws.close()
    finally:
        subprocess.run(["umount", str(stick)], check=True)
