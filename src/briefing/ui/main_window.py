"""The main window: library and search | reader and claims | highlights panel.

It wires the parts together and owns what they share: the workspace, the one
QUndoStack for every highlight action, the settings (geometry, splitter
sizes), the status bar, and the background jobs (index check, imports, index
upkeep after highlight edits). Every index write runs on a worker thread
through `ws.index`, the workspace's single writer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from briefing import APP_NAME
from briefing.core.ingest.sample import needs_sample, sample_workspace_dir
from briefing.core.workspace import Workspace, workspace_name
from briefing.ui import help_dialogs, menus, theme, window_layout
from briefing.ui.article_commands import article_events
from briefing.ui.briefing_dialog import BriefingDialog
from briefing.ui.briefs_panel import BriefsPanel
from briefing.ui.claims_view import ClaimsView
from briefing.ui.details_pane import DetailsPane
from briefing.ui.errors import report_error
from briefing.ui.highlights_panel import HighlightsPanel
from briefing.ui.import_flow import ImportController
from briefing.ui.library_actions import LibraryActions
from briefing.ui.library_view import LibraryView
from briefing.ui.perspectives_dialog import PerspectivesDialog
from briefing.ui.progress import ProgressStrip
from briefing.ui.reader import ReaderPane
from briefing.ui.search_panel import SearchPanel
from briefing.ui.speakers_dialog import SpeakersDialog
from briefing.ui.tasks import TaskHandle, run_task, wait_for_tasks
from briefing.ui.undo_announcer import UndoAnnouncer
from briefing.ui.workspace_switcher import (
    WorkspaceSwitcher,
    new_workspace_problem,
    recent_workspaces,
)

IMPORT_FILTER = ("Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.docx *.pdf);;"
                 "All files (*)")
TEXT_EDITING_KEYS = {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y"}  # a text field's own undo/redo


class MainWindow(QMainWindow):
    """The Briefing window over one open workspace."""

    articleOpened = Signal(int)

    def __init__(self, ws: Workspace, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self._closing = False
        self._shown = False
        self._startup: TaskHandle | None = None
        self._sync_task: TaskHandle | None = None
        self.briefing_dialog: QWidget | None = None
        self.switcher: WorkspaceSwitcher | None = None  # set by the switcher that made it
        self.last_archive_message = ""  # what the last archive export or import said
        self._waiting_imports: list[list[str | Path]] = []
        _ = ws.index  # the one IndexManager, made here before any worker could race to it
        self.workspace_name = workspace_name(ws.root)
        title = f"{APP_NAME} — {self.workspace_name}" + (" (read-only)" if ws.readonly else "")
        self.setWindowTitle(title)
        self.setObjectName("mainWindow")

        self.library = LibraryView(ws, self)
        self.search = SearchPanel(ws, self.library, self)
        self.reader = ReaderPane(ws, self.undo_stack, self)
        self.reader.setObjectName("reader")
        self.claims = ClaimsView(ws, self, undo_stack=self.undo_stack)
        self.highlights = HighlightsPanel(ws, self.undo_stack, self)
        self.details = DetailsPane(ws, self.undo_stack, self)
        self.side = QSplitter(Qt.Orientation.Vertical, self)  # highlights over details
        self.side.setObjectName("sideSplitter")
        self.side.addWidget(self.highlights)
        details_scroll = QScrollArea(self)  # the pane can shrink below its form's height
        details_scroll.setWidget(self.details)
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.side.addWidget(details_scroll)
        self.side.setStretchFactor(0, 3)
        self.side.setStretchFactor(1, 2)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.reader, "Reader")
        self.tabs.addTab(self.claims, "Claims")
        self.briefs = BriefsPanel(ws, self.undo_stack, self,
                                  collection=lambda: self.library.collection)
        self.tabs.addTab(self.briefs, "Briefs")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for w, minimum in ((self.search, 220), (self.tabs, 260), (self.side, 180)):
            w.setMinimumWidth(minimum)  # so the window fits small screens
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(True)
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.count_label)
        self.index_progress = ProgressStrip(self)
        self.statusBar().addPermanentWidget(self.index_progress)
        self.workspace_label = QLabel(f"Workspace: {self.workspace_name}", self)
        self.workspace_label.setObjectName("workspaceLabel")
        self.workspace_label.setToolTip(f"{ws.root}\nFile ▸ Open recent switches workspaces")
        self.statusBar().addPermanentWidget(self.workspace_label)
        if ws.readonly:  # why marking, importing and editing are switched off
            notice = QLabel(f"Read-only: {ws.readonly_reason or 'opened read-only'}")
            notice.setObjectName("readonlyNotice")
            notice.setToolTip(notice.text())
            self.statusBar().addPermanentWidget(notice)
        self.importer = ImportController(ws, self.statusBar(), self)
        self.importer.articlesImported.connect(self._articles_arrived)
        self.importer.finished.connect(self._import_finished)

        self._library_timer = self._timer(1000, self._refresh_library)
        self._sync_timer = self._timer(800, self._sync_index)
        self._claims_stale = True
        self._connect_parts()
        self._build_menus()
        self.library_actions = LibraryActions(self)
        self.setAcceptDrops(True)
        window_layout.restore(self)
        self._update_count()
        self.restore_article()
        self._window_keys = {a.shortcut().toString() for a in self.actions()
                             if not a.shortcut().isEmpty()} - TEXT_EDITING_KEYS
        for edit in self.findChildren(QLineEdit):
            edit.installEventFilter(self)
        self.library.table.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows browse at once

    # -- wiring -----------------------------------------------------------------
    def _timer(self, ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _connect_parts(self) -> None:
        self.library.articleActivated.connect(self.open_article)
        self.search.openRequested.connect(self.open_article)
        self.reader.highlightsChanged.connect(self._highlights_changed)
        self.undo_stack.indexChanged.connect(lambda _i: self._highlights_changed(None))
        self.highlights.highlightActivated.connect(self.reveal)
        # reader and panel as one: a click in a highlight selects it in the panel; an
        # accepted suggestion is selected there with the cursor in its note (Esc: back)
        self.reader.highlightClicked.connect(self.highlights.select_highlight)
        self.reader.suggestionAccepted.connect(self._edit_accepted)
        self.highlights.editor.noteDone.connect(
            lambda: self.reader.editor.setFocus(Qt.FocusReason.OtherFocusReason))
        self.announcer = UndoAnnouncer(self.undo_stack, self.statusBar().showMessage,
                                       self.show_passage, self)
        self.claims.passageActivated.connect(self.reveal)
        self.briefs.openRequested.connect(self.open_brief)
        self.tabs.currentChanged.connect(self._tab_changed)
        article_events(self.ws).changed.connect(self._articles_changed)
        self.details.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.library.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.library.collectionChanged.connect(self.search.set_scope)
        self.library.current_query = lambda: self.search.search_edit.text().strip()

    def _build_menus(self) -> None:
        menus.build(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Line edits take Ctrl+E, Ctrl+K… as Emacs keys on Linux; the window's win."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit):
            keys = QKeySequence(event.keyCombination()).toString()
            if keys in self._window_keys:
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    # -- background work -----------------------------------------------------------
    def start_background(self) -> None:
        """Check (and if needed rebuild) the index, then import the sample on first start."""
        self.statusBar().showMessage("Checking the search index…")
        self._startup = run_task(_ensure_index, self.ws, on_progress=self._index_progress,
                                 on_done=self._index_ready, on_error=self._index_failed,
                                 owner=self)

    def _index_progress(self, value: tuple[int, int]) -> None:
        if not self.index_progress.isVisible():
            task = self._startup
            self.index_progress.start("Rebuilding the search index",
                                      task.cancel if task is not None else None)
        self.index_progress.step(*value)

    def _index_ready(self, found: object) -> None:
        cancelled = bool(self._startup and self._startup.cancelled)
        self._startup = None
        self.index_progress.finish()
        if cancelled:
            self.statusBar().showMessage("Index rebuild cancelled: it is finished on the next "
                                         "start (search may miss articles until then)", 10_000)
        elif found in ("missing", "damaged", "stale", "rebuilt") and self.ws.articles.count():
            self.statusBar().showMessage("The search index was rebuilt from the library", 8000)
        elif found == "missing":  # a new workspace: its first index is not a repair
            self.statusBar().showMessage("Ready: drop article files or a folder here to "
                                         "import them", 8000)
        else:
            self.statusBar().clearMessage()
        self.search.set_ready(True)
        if self._closing:
            return
        if needs_sample(self.ws):
            self.importer.import_sample()
        self._start_waiting_imports()

    def _index_failed(self, exc: BaseException) -> None:
        self._startup = None
        self.index_progress.finish()
        self.search.set_ready(True)
        line = report_error("reindex", exc, self, self.ws.index_dir, show=False)
        self.statusBar().showMessage(f"The search index could not be prepared: {line}")
        if not self._closing:
            self._start_waiting_imports()

    def _sync_index(self) -> None:
        if self.ws.readonly or self._closing:
            return
        if self._sync_task is not None or self.importer.busy or self._startup is not None:
            self._sync_timer.start()  # the running job catches up queued changes too
            return

        def done(_n: object) -> None:
            self._sync_task = None
            self.search.rerun()

        self._sync_task = run_task(self.ws.index.sync, on_done=done,
                                   on_error=self._sync_failed, owner=self)

    def _sync_failed(self, exc: BaseException) -> None:
        """Shown in the status bar and logged; the changes stay queued for the next try."""
        self._sync_task = None
        line = report_error("index update", exc, self, self.ws.index_dir, show=False)
        self.statusBar().showMessage(f"The search index could not be updated ({line}); "
                                     "search may miss the latest changes until it is")

    def rebuild_index(self) -> None:
        if self.ws.readonly or self._startup is not None:
            return
        self.search.set_ready(False)

        def rebuild(ws: Workspace):  # generator run on the worker
            yield from ws.index.rebuild()
            return "rebuilt"

        self._startup = run_task(rebuild, self.ws, on_progress=self._index_progress,
                                 on_done=self._index_ready, on_error=self._index_failed,
                                 owner=self, batch_ms=0)

    # -- opening and revealing --------------------------------------------------------
    def open_article(self, article_id: int, hits: Sequence[tuple[int, int]] = ()) -> None:
        self.reader.show_article(article_id, [tuple(h) for h in hits])
        self.highlights.set_article(article_id)
        self.details.set_article(article_id)
        self.library.select_article(article_id)
        self.tabs.setCurrentWidget(self.reader)
        self.articleOpened.emit(article_id)

    def reveal(self, article_id: int, start: int, end: int) -> None:
        """Open an article (if needed) and scroll the reader to one passage."""
        if self.reader.current_article_id() != article_id:
            self.open_article(article_id)
        self.tabs.setCurrentWidget(self.reader)
        self.reader.reveal(start, end)

    def show_passage(self, article_id: int, start: int, end: int) -> None:
        """Scroll the reader to a passage an action touched (opening its article if needed),
        leaving the cursor and selection where the user has them."""
        if self.reader.current_article_id() != article_id:
            if self.ws.articles.get(article_id) is None:
                return
            self.open_article(article_id)
        self.tabs.setCurrentWidget(self.reader)
        self.reader.scroll_to_offset(start)

    def _edit_accepted(self, highlight_id: int) -> None:
        self.highlights.refresh()
        if self.highlights.select_highlight(highlight_id):
            self.highlights.editor.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_tab(self, page: QWidget, focus: QWidget | None = None) -> None:
        """Bring a tab (reader, claims, briefs) forward with the keyboard in `focus`."""
        self.tabs.setCurrentWidget(page)
        (focus or page).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _toggle_highlights(self) -> None:
        show = not self.highlights.isVisible() or not self.highlights.isAncestorOf(
            QApplication.focusWidget())
        self.highlights.setVisible(show)
        if show:
            focusable = [w for w in self.highlights.findChildren(QWidget)
                         if w.isVisibleTo(self.highlights) and w.isEnabled()
                         and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
            if focusable:
                focusable[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_library(self) -> None:
        self.search.search_edit.clear()
        self.library.focus_filter()

    # -- workspaces -------------------------------------------------------------------------
    def request_workspace(self, root: Path | str, sample: bool = False) -> MainWindow | None:
        """Switch this window's place to another workspace (this one is closed properly);
        the new window, or None when the other one could not be opened."""
        switcher = self.switcher or WorkspaceSwitcher.adopt(self)
        return switcher.open(Path(root), sample=sample)

    def new_workspace(self) -> None:
        """Choose (or make) an empty folder; the new workspace opens empty."""
        start = str(self.ws.root.parent)
        folder = QFileDialog.getExistingDirectory(
            self, "New workspace: choose or make an empty folder", start)
        if folder:
            self.create_workspace(Path(folder))

    def create_workspace(self, folder: Path) -> MainWindow | None:
        problem = new_workspace_problem(folder)
        if problem:
            self.statusBar().showMessage(f"New workspace: {problem}", 10_000)
            return None
        return self.request_workspace(folder)

    def choose_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a workspace folder",
                                                  str(self.ws.root.parent))
        if not folder:
            return
        if not (Path(folder) / "library.sqlite3").exists():
            self.statusBar().showMessage(f"Open workspace: {folder} holds no Briefing library; "
                                         "File ▸ New workspace… makes one", 10_000)
            return
        self.request_workspace(folder)

    def recent_workspaces(self) -> list[Path]:
        return recent_workspaces(self.settings)

    def open_sample(self) -> MainWindow | None:
        """The Sample workspace (the five shipped articles), beside the user's own."""
        return self.request_workspace(sample_workspace_dir(), sample=True)

    # -- import ------------------------------------------------------------------------
    def choose_files(self) -> None:
        start = str(self.settings.value("import/last_folder", str(Path.home())))
        files, _ = QFileDialog.getOpenFileNames(self, "Import articles", start, IMPORT_FILTER)
        if files:
            self.settings.setValue("import/last_folder", str(Path(files[0]).parent))
            self.import_paths(files)

    def choose_folder(self) -> None:
        start = str(self.settings.value("import/last_folder", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles", start)
        if folder:
            self.settings.setValue("import/last_folder", folder)
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[str | Path]) -> None:
        """Import in the background; waits for the start-up index check to finish first."""
        if self._startup is not None:
            self._waiting_imports.append(list(paths))
            self.statusBar().showMessage("The import starts as soon as the search index is ready")
            return
        self.importer.import_paths(paths)

    def _start_waiting_imports(self) -> None:
        waiting, self._waiting_imports = self._waiting_imports, []
        for paths in waiting:
            self.importer.import_paths(paths)

    def _import_finished(self, _results: list, _cancelled: bool) -> None:
        self._refresh_library()
        self.search.rerun()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if not self.ws.readonly and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths or self.ws.readonly:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # -- refreshing ----------------------------------------------------------------------
    def _highlights_changed(self, _article_id: int | None) -> None:
        if self._closing:  # the undo stack clears itself as the window goes
            return
        self._refresh_library()
        self._sync_timer.start()
        self._claims_stale = True
        self.highlights.refresh()
        if self.tabs.currentWidget() is self.claims:
            self._refresh_claims()

    def _articles_changed(self, ids: list) -> None:
        """Details edited, articles deleted or put back: every view that shows them redraws,
        and the index catches up in the background (then search results follow)."""
        self.library.reload_articles()
        self._update_count()
        if self._closing:
            return
        current = self.reader.current_article_id()
        if current is not None and current in ids:
            bar = self.reader.editor.verticalScrollBar()
            position = bar.value()
            self.reader.show_article(current)
            bar.setValue(position)
            if self.ws.articles.get(current) is not None:
                self.library.select_article(current)
        self._claims_stale = True
        self.highlights.refresh()
        self._sync_timer.start()

    def _articles_arrived(self, _ids: list) -> None:
        if not self._library_timer.isActive():  # refresh at most once a second while importing
            self._library_timer.start()

    def _refresh_library(self) -> None:
        self.library.refresh(highlights=False)  # an import adds articles only
        self._update_count()

    def _update_count(self) -> None:
        n = self.library.model.article_count()
        self.count_label.setText(f"{n:,} article{'s' if n != 1 else ''}")

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.claims and self._claims_stale:
            self._refresh_claims()
        elif self.tabs.currentWidget() is self.briefs:  # offers and news follow new highlights
            self.briefs.refresh()

    def _refresh_claims(self) -> None:
        self._claims_stale = False
        self.claims.refresh()

    # -- dialogs --------------------------------------------------------------------------
    def open_briefing_dialog(self) -> None:
        dialog = BriefingDialog(self.ws, self.settings, self)
        dialog.limit_to_collection(self.library.collection)
        self.briefing_dialog = dialog
        dialog.show()

    def open_brief(self, name: str) -> BriefingDialog:
        """The builder on a saved brief: it edits the brief and saves as it goes."""
        dialog = BriefingDialog(self.ws, self.settings, self, brief=name)
        self.briefing_dialog = dialog
        dialog.show()
        return dialog

    def show_briefs(self) -> None:
        self.show_tab(self.briefs)

    def open_perspectives_dialog(self) -> None:
        dialog = PerspectivesDialog(self.ws, self)
        dialog.perspectivesChanged.connect(self._perspectives_changed)
        dialog.open()

    def open_speakers_dialog(self) -> None:
        self.speakers_dialog = SpeakersDialog(self.ws, self.undo_stack, self)
        self.speakers_dialog.open()

    def _perspectives_changed(self) -> None:
        """New colours, names or keys: redraw everything that shows perspectives."""
        self.library.refresh()
        current = self.reader.current_article_id()
        if current is not None:
            self.reader.show_article(current)
        self._highlights_changed(current)

    def show_shortcuts(self) -> None:
        help_dialogs.show_shortcuts(self)

    def show_about(self) -> None:
        help_dialogs.show_about(self, self.ws)

    def _toggle_dark(self) -> None:
        dark = not theme.is_dark()
        theme.set_dark(dark)
        self.dark_action.setChecked(dark)
        self.settings.setValue("theme/dark", dark)

    # -- layout memory and shutdown ----------------------------------------------------------
    def restore_article(self) -> None:
        """Reopen the article that was open when the window last closed, if it still exists."""
        article_id = window_layout.last_article(self)
        if article_id is not None:
            self.open_article(article_id)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._shown:  # sizes only stick once the window has its real size
            self._shown = True
            window_layout.restore_splitters(self)

    def save_layout(self) -> None:
        window_layout.save(self)

    def shutdown(self) -> None:
        """Stop and join background work (the workspace stays open for the caller)."""
        if self._closing:
            return
        self._closing = True
        self.announcer.stop()
        self.save_layout()
        for timer in (self._library_timer, self._sync_timer):
            timer.stop()
        self.importer.shutdown()
        wait_for_tasks()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)


def _ensure_index(ws: Workspace):
    """Worker: make the index usable, yielding (done, total) while rebuilding."""
    found = ws.index.state()
    if found in ("missing", "damaged", "stale") and not ws.readonly:
        yield from ws.index.rebuild()
    elif found == "behind" and not ws.readonly:
        ws.index.sync()
    return found
