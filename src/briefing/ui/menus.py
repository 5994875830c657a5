"""The window's menus: every action with its shortcut, named in its tooltip."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from briefing.core.workspace import workspace_name
from briefing.ui import archive_commands, theme

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow


def _tip(text: str, keys: Sequence[str]) -> str:
    shown = ", ".join(
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys
    )
    return f"{text} ({shown})" if shown else text


def add_action(
    w: MainWindow,
    menu: QMenu,
    text: str,
    keys: Sequence[str],
    slot: Callable[[], object],
    tip: str,
    name: str = "",
) -> QAction:
    action = QAction(text, w)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setToolTip(_tip(tip, keys))
    action.setStatusTip(tip)
    action.setObjectName(name or text.strip("…").lower().replace(" ", "_"))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    w.addAction(action)
    return action


def _writing(w: MainWindow, action: QAction) -> None:
    """An action that changes the library: in a read-only window it is off and says why."""
    if not w.ws.readonly:
        return
    reason = f"Read-only: {w.ws.readonly_reason or 'opened read-only'}"
    action.setEnabled(False)
    action.setToolTip(f"{action.toolTip()} — {reason}")
    action.setStatusTip(reason)


def fill_recent(w: MainWindow) -> None:
    """File ▸ Open recent: the workspaces opened lately (Ctrl+Alt+1… for the first nine);
    the current one is shown checked."""
    menu = w.recent_menu
    menu.clear()
    current = w.ws.root.expanduser().absolute()
    for n, root in enumerate(w.recent_workspaces()):
        keys = [f"Ctrl+Alt+{n + 1}"] if n < 9 else []
        action = QAction(workspace_name(root), menu)
        action.setObjectName(f"recent_{n + 1}")
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setToolTip(_tip(str(root), keys))
        action.setStatusTip(str(root))
        action.setCheckable(True)
        action.setChecked(root == current)
        action.setData(str(root))
        action.triggered.connect(lambda _checked=False, r=root: w.request_workspace(r))
        menu.addAction(action)
        w.addAction(action)  # its keys work with the menu closed
    menu.setEnabled(bool(menu.actions()))


def build(w: MainWindow) -> None:
    bar = w.menuBar()
    file = bar.addMenu("&File")
    w.import_files_action = add_action(
        w,
        file,
        "Import files…",
        ["Ctrl+O"],
        w.choose_files,
        "Add articles (.txt, .html, .md, .docx, .pdf) to the library",
    )
    w.import_folder_action = add_action(
        w,
        file,
        "Import folder…",
        ["Ctrl+Shift+O"],
        w.choose_folder,
        "Add every article file in a folder and its sub-folders",
    )
    file.addSeparator()
    w.new_workspace_action = add_action(
        w,
        file,
        "New workspace…",
        ["Ctrl+Shift+N"],
        w.new_workspace,
        "Start an empty workspace in a folder of its own (this one is closed)",
    )
    w.open_workspace_action = add_action(
        w,
        file,
        "Open workspace…",
        ["Ctrl+Alt+O"],
        w.choose_workspace,
        "Switch to another workspace folder (this one is closed)",
    )
    w.recent_menu = file.addMenu("Open recent")
    w.recent_menu.setObjectName("recentMenu")
    w.recent_menu.setToolTipsVisible(True)
    w.recent_menu.aboutToShow.connect(lambda: fill_recent(w))
    fill_recent(w)
    file.addSeparator()
    w.export_action = add_action(
        w,
        file,
        "Export briefing…",
        ["Ctrl+E"],
        w.open_briefing_dialog,
        "Write the selected highlights as a Word briefing note",
    )
    w.briefs_action = add_action(
        w,
        file,
        "Briefs",
        ["Ctrl+Shift+E"],
        w.show_briefs,
        "The saved briefs: reopen, duplicate or export a note kept from an earlier day",
    )
    w.export_archive_action = add_action(
        w,
        file,
        "Export archive…",
        ["Ctrl+Alt+E"],
        lambda: archive_commands.choose_export(w),
        "Hand on the collection shown (or the whole workspace) as one verified file",
    )
    w.import_archive_action = add_action(
        w,
        file,
        "Import archive…",
        ["Ctrl+Alt+I"],
        lambda: archive_commands.choose_import(w),
        "Check an archive part by part, then add its articles, highlights and speaker book",
    )
    w.reindex_action = add_action(
        w,
        file,
        "Rebuild search index",
        ["Ctrl+Shift+I"],
        w.rebuild_index,
        "Rebuild the search index from the library",
    )
    file.addSeparator()
    add_action(w, file, "Quit", ["Ctrl+Q"], w.close, "Close Briefing")
    for action in (w.import_files_action, w.import_folder_action, w.reindex_action,
                   w.import_archive_action):
        _writing(w, action)

    edit = bar.addMenu("&Edit")
    w.undo_action = w.undo_stack.createUndoAction(w, "Undo")
    w.redo_action = w.undo_stack.createRedoAction(w, "Redo")
    for action, keys, tip in (
        (w.undo_action, ["Ctrl+Z"], "Undo the last highlight, details or delete action"),
        (w.redo_action, ["Ctrl+Shift+Z", "Ctrl+Y"], "Redo the action just undone"),
    ):
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setToolTip(_tip(tip, keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        edit.addAction(action)
        w.addAction(action)

    edit.addSeparator()
    w.perspectives_action = add_action(
        w,
        edit,
        "Perspectives…",
        ["Ctrl+Shift+P"],
        w.open_perspectives_dialog,
        "Add perspectives and edit their names, colours, keys and cues",
    )
    _writing(w, w.perspectives_action)
    w.speakers_action = add_action(
        w,
        edit,
        "Speakers…",
        ["Ctrl+Shift+S"],
        w.open_speakers_dialog,
        "Give a speaker a perspective once: every statement by that speaker follows",
    )
    _writing(w, w.speakers_action)

    view = bar.addMenu("&View")
    add_action(
        w,
        view,
        "Search all articles",
        ["Ctrl+K"],
        w.search.focus_search,
        "Search the whole library as you type",
        "search_all",
    )
    add_action(
        w,
        view,
        "Filter library",
        ["Ctrl+L"],
        w.focus_library,
        "Filter the article list by title, publisher or author",
    )
    view.addSeparator()
    add_action(
        w,
        view,
        "Reader",
        ["Ctrl+Shift+R"],
        lambda: w.show_tab(w.reader, w.reader.editor),
        "Show the open article and put the keyboard in it",
    )
    add_action(
        w,
        view,
        "Claims",
        ["Ctrl+Shift+C"],
        lambda: w.show_tab(w.claims),
        "Compare figures and claims across perspectives",
    )
    w.toggle_highlights_action = add_action(
        w,
        view,
        "Highlights panel",
        ["Ctrl+Shift+H"],
        w._toggle_highlights,
        "Show (and focus) or hide the highlights panel",
    )
    view.addSeparator()
    w.dark_action = add_action(
        w,
        view,
        "Dark theme",
        ["Ctrl+Shift+D"],
        w._toggle_dark,
        "Switch between the light and the dark palette",
    )
    w.dark_action.setCheckable(True)
    w.dark_action.setChecked(theme.is_dark())

    help_menu = bar.addMenu("&Help")
    add_action(
        w,
        help_menu,
        "Keyboard shortcuts",
        ["F1"],
        w.show_shortcuts,
        "List the keys that drive Briefing",
    )
    w.open_sample_action = add_action(
        w,
        help_menu,
        "Open the sample",
        ["Ctrl+Shift+F1"],
        w.open_sample,
        "Switch to the Sample workspace: five shipped articles to try Briefing on",
    )
    add_action(w, help_menu, "About Briefing", ["Ctrl+F1"], w.show_about, "Version and workspace")
    for menu in (file, edit, view, help_menu):
        menu.setToolTipsVisible(True)  # hovering an item shows what it does and its keys
