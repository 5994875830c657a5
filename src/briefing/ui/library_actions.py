"""Actions on library rows: a context menu and keys, for one or several selected articles.

Open (Enter), edit details (F2), show the original (Ctrl+U, as text in a dialog: an HTML
original is never handed to a browser that would fetch its remote content), show it in the
file manager, re-clean from the original, delete (Del, after a confirmation; Ctrl+Z puts
the articles back, and a backup is taken first). Every action calls the core or pushes a
command; in a read-only window the writing ones are disabled and say why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.core.backups import BackupError
from briefing.core.ingest.types import ReadError
from briefing.core.originals import original_text
from briefing.core.reclean import RecleanResult, reclean
from briefing.core.workspace import WorkspaceReadOnly
from briefing.ui.article_commands import DeleteArticles, article_events
from briefing.ui.errors import report_error
from briefing.ui.tasks import CancelToken, TaskHandle, run_task
from briefing.ui.wording import count

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow


class OriginalDialog(QDialog):
    """An original file as plain text, read-only."""

    def __init__(self, title: str, about: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("originalDialog")
        self.setWindowTitle(f"Original — {title}")
        self.about = QLabel(about, self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(text)  # plain text: no markup is interpreted, nothing fetched
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(820, 620)


class LibraryActions:
    """The library's row actions, owned by the main window."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.ws = window.ws
        self._reclean: TaskHandle | None = None
        self.reclean_lines: list[str] = []  # the last re-clean's report
        table = window.library.table
        self.open_action = self._action("Open", ["Return"], self.open_selected,
                                        "Open the article in the reader", "library_open")
        self.edit_action = self._action("Edit details…", ["F2"], self.edit_details,
                                        "Correct title, publisher, authors, date, URL, kind",
                                        "library_edit")
        self.original_action = self._action("Show original…", ["Ctrl+U"], self.show_original,
                                            "The file as imported, shown as text",
                                            "library_original")
        self.folder_action = self._action("Show in file manager", [], self.show_in_folder,
                                          "Open the folder holding the original file",
                                          "library_folder")
        self.reclean_action = self._action("Re-clean from original", [], self.reclean_selected,
                                           "Clean again with the current rules (your "
                                           "corrections are kept)", "library_reclean")
        self.delete_action = self._action("Delete…", ["Delete"], self.delete_selected,
                                          "Delete the selected articles (Ctrl+Z undoes)",
                                          "library_delete")
        self.writing = (self.edit_action, self.reclean_action, self.delete_action)
        if self.ws.readonly:
            reason = f"Read-only: {self.ws.readonly_reason or 'opened read-only'}"
            for action in (self.reclean_action, self.delete_action):
                action.setEnabled(False)
                action.setToolTip(reason)
                action.setStatusTip(reason)
            self.edit_action.setText("Show details")
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)

    def _action(self, text: str, keys: list[str], slot, tip: str, name: str) -> QAction:
        table = self.w.library.table
        action = QAction(text, table)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        shown = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                          for k in keys)
        action.setToolTip(f"{tip} ({shown})" if shown else tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        table.addAction(action)
        return action

    # -- the menu -------------------------------------------------------------------------
    def build_menu(self) -> QMenu:
        menu = QMenu(self.w.library.table)
        menu.setToolTipsVisible(True)
        ids = self.w.library.selected_ids()
        one = len(ids) == 1
        for action in (self.open_action, self.edit_action, self.original_action,
                       self.folder_action):
            action.setEnabled(one)
            menu.addAction(action)
        menu.addSeparator()
        n = f" {len(ids)} articles" if len(ids) > 1 else ""
        self.reclean_action.setText(f"Re-clean{n} from original" if not n else
                                    f"Re-clean{n} from originals")
        self.delete_action.setText(f"Delete{n}…")
        menu.addSeparator()
        self._collection_items(menu, ids)
        for action in (self.reclean_action, self.delete_action):
            action.setEnabled(bool(ids) and not self.ws.readonly)
            menu.addAction(action)
        return menu

    def _collection_items(self, menu: QMenu, ids: list[int]) -> None:
        """Add to collection ▸ (each set, New collection…); Remove from the set shown."""
        library = self.w.library
        writable = bool(ids) and not self.ws.readonly
        into = menu.addMenu("Add to collection")
        into.setObjectName("addToCollectionMenu")
        into.setEnabled(writable)
        for name in library.collections.sets():
            action = into.addAction(name)
            action.setObjectName(f"collection_add_{name}")
            action.triggered.connect(
                lambda _checked=False, n=name: library.add_to_collection(n, ids))
        into.addSeparator()
        new = into.addAction("New collection…")
        new.setObjectName("collection_new")
        new.triggered.connect(lambda _checked=False: self.new_collection(ids))
        shown = library.collections.current()
        if shown is not None and shown.query is None:
            out = menu.addAction(f"Remove from {shown.name}")
            out.setObjectName("collection_remove")
            out.setEnabled(writable)
            out.triggered.connect(
                lambda _checked=False: library.remove_from_collection(shown.name, ids))

    def new_collection(self, ids: list[int], name: str | None = None) -> None:
        """Ask a name (unless given) and put the articles in the new set."""
        if name is None:
            name, ok = QInputDialog.getText(self.w, "New collection",
                                            f"Name of the collection for {len(ids)} "
                                            "article(s):")
            if not ok or not name.strip():
                return
        self.w.library.add_to_collection(name.strip(), ids)

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.build_menu()
        menu.exec(self.w.library.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- actions ----------------------------------------------------------------------------
    def _one(self) -> int | None:
        ids = self.w.library.selected_ids()
        if len(ids) != 1:
            self._status("Choose one article for this action")
            return None
        return ids[0]

    def _status(self, text: str) -> None:
        self.w.statusBar().showMessage(text, 8000)

    def open_selected(self) -> None:
        if (article_id := self._one()) is not None:
            self.w.open_article(article_id)

    def edit_details(self) -> None:
        """Open the article and put the keyboard in its details."""
        if (article_id := self._one()) is None:
            return
        self.w.open_article(article_id)
        self.w.details.show()
        title = self.w.details.editors["title"]
        title.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.ws.readonly:
            self._status(f"Read-only: {self.ws.readonly_reason}; details cannot be edited")

    def show_original(self) -> OriginalDialog | None:
        if (article_id := self._one()) is None:
            return None
        article = self.ws.articles.get(article_id)
        if article is None:
            return None
        try:
            shown = original_text(self.ws, article)
        except FileNotFoundError:
            self._status(f"#{article_id}: the original file is missing from originals/")
            return None
        except (OSError, ReadError) as exc:
            self._status(f"#{article_id}: the original cannot be shown ({exc})")
            return None
        dialog = OriginalDialog(article.title, shown.about, shown.text, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_in_folder(self) -> None:
        if (article_id := self._one()) is None:
            return
        article = self.ws.articles.get(article_id)
        if article is None:
            return
        path = self.ws.original_path(article.original_hash)
        if not path.exists():
            self._status(f"#{article_id}: the original file is missing from originals/")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        self._status(f"The original of #{article_id} is {path.name} in {path.parent}")

    def delete_selected(self) -> None:
        ids = self.w.library.selected_ids()
        if not ids:
            return
        if self.ws.readonly:
            self._status(f"Read-only: {self.ws.readonly_reason}; nothing can be deleted")
            return
        titles = [a.title for i in ids if (a := self.ws.articles.get(i)) is not None]
        listed = "\n".join(f"• {t[:80]}" for t in titles[:8]) + (
            f"\n… and {len(titles) - 8} more" if len(titles) > 8 else "")
        answer = QMessageBox.question(
            self.w, "Delete articles",
            f"Delete {count(len(titles), 'article')} and their highlights?\n\n{listed}\n\n"
            "A backup is taken first, and Edit ▸ Undo (Ctrl+Z) puts them back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        cmd = DeleteArticles(self.ws, ids)
        self.w.undo_stack.push(cmd)
        if cmd.error:
            self._status(f"Not deleted: {cmd.error}")
            return
        if self.w.reader.current_article_id() in ids:
            self.w.details.set_article(None)
        self._status(f"Deleted {count(len(titles), 'article')} — Ctrl+Z puts them back")

    def reclean_selected(self) -> TaskHandle | None:
        """Re-clean the selected articles in the background (a backup is taken first); the
        report goes to the status bar and a box listing each article and orphaned highlight."""
        ids = self.w.library.selected_ids()
        if not ids or self._reclean is not None:
            if self._reclean is not None:
                self._status("A re-clean is already running")
            return None
        if self.ws.readonly:
            self._status(f"Read-only: {self.ws.readonly_reason}; nothing can be re-cleaned")
            return None
        self.reclean_lines = []
        changed: list[int] = []

        def progress(result: RecleanResult) -> None:
            self.reclean_lines.append(result.line())
            self.reclean_lines.extend(f"    orphaned highlight {hid}: “{q[:70]}”"
                                      for hid, q in result.orphaned)
            if result.changed:
                changed.append(result.article_id)
            self._status(f"Re-cleaning… {len(self.reclean_lines)}/{len(ids)}")

        def done(_result: object) -> None:
            self._reclean = None
            self.w.undo_stack.clear()  # earlier highlight steps refer to the old text
            article_events(self.ws).changed.emit(list(ids))
            summary = (f"Re-cleaned {count(len(ids), 'article')}: {len(changed)} changed "
                       "(a backup was taken first)")
            self._status(summary)
            box = QMessageBox(QMessageBox.Icon.Information, "Re-clean", summary,
                              QMessageBox.StandardButton.Ok, self.w)
            box.setDetailedText("\n".join(self.reclean_lines))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        def failed(exc: BaseException) -> None:
            self._reclean = None
            if isinstance(exc, WorkspaceReadOnly | BackupError):
                self._status(f"Not re-cleaned: {exc}")
            else:
                line = report_error("re-clean", exc, self.w, show=False)
                self._status(f"Re-cleaning stopped: {line}")
            if self.reclean_lines:
                article_events(self.ws).changed.emit(list(ids))

        self._status(f"Re-cleaning {count(len(ids), 'article')}…")
        token = CancelToken()
        self._reclean = run_task(reclean, self.ws, ids, cancelled=token, cancel=token,
                                 on_progress=progress, on_done=done, on_error=failed,
                                 owner=self.w)
        return self._reclean
