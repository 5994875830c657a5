"""Importing files from the UI: in the background, with progress, Cancel and a summary.

The work is `core.ingest.pipeline.import_files` run through `run_task`; this
module only shows its progress (a bar and a Cancel button in the status bar)
and, at the end, `ImportSummaryDialog`: how many articles were imported and
every file that was not, with the reason in words a person understands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.ingest.pipeline import ImportProgress, import_files
from briefing.core.ingest.sample import import_sample_corpus
from briefing.core.workspace import Workspace
from briefing.ui.errors import report_error
from briefing.ui.tasks import CancelToken, TaskHandle, run_task

if TYPE_CHECKING:
    from briefing.core.ingest.pipeline import ImportResult

PROGRESS_MS = 100  # progress reaches the UI at most ten times a second
INDEX_BATCH = 50  # articles per index commit: small commits keep the UI thread responsive


def import_and_index(ws: Workspace, paths: Sequence[str | Path],
                     cancelled: Callable[[], bool] | None = None,
                     batch: int = INDEX_BATCH) -> Iterator[ImportProgress]:
    """Worker: `import_files`, committing to the index every `batch` imported articles.

    Whoosh sorts a segment's postings in one C call that holds the GIL; small
    batches keep each of those pauses short, so the UI thread never waits long.
    """
    yield from import_files(ws, paths, cancelled=cancelled, index_every=batch)


def import_sample(ws: Workspace, cancelled: Callable[[], bool] | None = None
                  ) -> Iterator[ImportProgress]:
    """Worker: the sample articles of a first start (marked as offered first)."""
    yield from import_sample_corpus(ws, cancelled, index_every=INDEX_BATCH)

STATUS_WORDS = {"failed": "Failed", "skipped": "Skipped", "duplicate": "Duplicate"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary_line(results: Sequence[ImportResult], cancelled: bool = False) -> str:
    """"Imported 4 articles; 1 duplicate; 1 file failed" (and "cancelled" when so)."""
    by: dict[str, int] = {}
    for r in results:
        by[r.status] = by.get(r.status, 0) + 1
    parts = [f"Imported {_plural(by.get('imported', 0), 'article')}"]
    if by.get("duplicate"):
        parts.append(_plural(by["duplicate"], "duplicate") + " skipped")
    if by.get("skipped"):
        parts.append(_plural(by["skipped"], "file") + " not of an article type")
    if by.get("failed"):
        parts.append(_plural(by["failed"], "file") + " could not be read")
    line = "; ".join(parts)
    return line + " (cancelled before the end)" if cancelled else line


class ImportSummaryDialog(QDialog):
    """What an import did: the counts, and one row per file that was not imported."""

    def __init__(self, results: Sequence[ImportResult], cancelled: bool = False,
                 parent: QWidget | None = None, error: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import stopped" if error else
                            "Import cancelled" if cancelled else "Import finished")
        self.setObjectName("importSummary")
        self.results = list(results)
        self.problems = [r for r in self.results if r.status != "imported"]
        heading = summary_line(self.results, cancelled and not error)
        if error:
            heading += f". The import stopped early because of an error: {error}"
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)

        self.table = QTableWidget(len(self.problems), 3, self)
        self.table.setHorizontalHeaderLabels(["File", "What happened", "Why"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for row, r in enumerate(self.problems):
            path = Path(r.path)
            why = self._why(r)
            items = [QTableWidgetItem(path.name), QTableWidgetItem(STATUS_WORDS.get(
                r.status, r.status)), QTableWidgetItem(why)]
            items[0].setToolTip(str(path))
            items[2].setToolTip(why)
            for col, item in enumerate(items):
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVisible(bool(self.problems))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        if self.problems:
            layout.addWidget(QLabel("These files were not added to the library:", self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setCurrentCell(-1, -1)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resize(820, 170 + 30 * min(len(self.problems), 12))

    @staticmethod
    def _why(r: ImportResult) -> str:
        if r.status == "duplicate":
            title = f" “{r.title}”" if r.title else ""
            return f"already in the library as #{r.duplicate_of}{title}"
        return r.reason or "unknown reason"

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as text: (file name, what happened, why)."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text(),
                 self.table.item(r, 2).text())
                for r in range(self.table.rowCount())]


class ImportController(QObject):
    """Runs imports one batch at a time and shows their progress in a status bar."""

    articlesImported = Signal(list)  # ids of articles just stored (batched)
    finished = Signal(list, bool)  # results, cancelled

    def __init__(self, ws: Workspace, status_bar: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = ws
        self.window = parent
        self.status_bar = status_bar
        self.task: TaskHandle | None = None
        self.results: list[ImportResult] = []
        self.last_summary: ImportSummaryDialog | None = None
        self._queue: list[tuple[list[str], bool]] = []
        self._show_summary = True
        self._closing = False

        self.box = QWidget()
        self.label = QLabel(self.box)
        self.bar = QProgressBar(self.box)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", self.box)
        self.cancel_button.setToolTip("Stop the import after the current file")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self.box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        status_bar.addPermanentWidget(self.box)
        self.box.hide()

    @property
    def busy(self) -> bool:
        return self.task is not None

    def import_paths(self, paths: Sequence[str | Path], summary: bool = True) -> None:
        """Import files and folders in the background (queued behind a running import)."""
        batch = [str(p) for p in paths]
        if not batch:
            return
        if self.ws.readonly:
            self.status_bar.showMessage("This workspace is open read-only: nothing can be imported")
            return
        self._queue.append((batch, summary))
        if self.task is None:
            self._next()

    def import_sample(self) -> None:
        """First start: the sample articles, without a summary dialog."""
        token = CancelToken()
        self._start(import_sample, (self.ws, token), summary=False,
                    label="Adding sample articles", token=token)

    def cancel(self) -> None:
        self._queue.clear()
        if self.task is not None:
            self.task.cancel()
            self.label.setText("Cancelling…")
            self.cancel_button.setEnabled(False)

    def shutdown(self) -> None:
        """Cancel everything quietly: the window is closing."""
        self._show_summary = False
        self._closing = True
        self.cancel()

    # -- internals ----------------------------------------------------------------
    def _next(self) -> None:
        if not self._queue or self._closing:
            return
        paths, summary = self._queue.pop(0)
        token = CancelToken()
        self._start(import_and_index, (self.ws, paths, token), summary=summary,
                    label="Importing", token=token)

    def _start(self, fn: Callable[..., object], args: tuple, summary: bool, label: str,
               token: CancelToken | None = None) -> None:
        if self._closing:
            return
        self.results = []
        self._show_summary = summary
        self.label.setText(label)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.box.show()
        self.task = run_task(fn, *args, on_progress=self._progress,
                             on_done=self._done, on_error=self._failed,
                             cancel=token or CancelToken(), owner=self,
                             batch_ms=PROGRESS_MS)

    def _progress(self, batch: list[ImportProgress]) -> None:
        """A batch of per-file results (run_task batches them: fewer UI wake-ups)."""
        if not batch:
            return
        self.results.extend(p.result for p in batch)
        last = batch[-1]
        self.bar.setRange(0, last.total)
        self.bar.setValue(last.done)
        self.bar.setFormat(f"{last.done} / {last.total}")
        imported = [p.result.article_id for p in batch if p.result.status == "imported"]
        if imported:
            self.articlesImported.emit(imported)

    def _done(self, _result: object) -> None:
        cancelled = bool(self.task and self.task.cancelled)
        self._finish(cancelled)

    def _failed(self, exc: BaseException) -> None:
        """The import stopped (a full disk, a read-only folder...): logged, then summarised."""
        self._finish(True, error=report_error("import", exc, where=self.ws.root, show=False))

    def _finish(self, cancelled: bool, error: str | None = None) -> None:
        results = list(self.results)
        self.task = None
        self.box.hide()
        line = summary_line(results, cancelled and not error)
        self.status_bar.showMessage(f"{line}; stopped by an error: {error}" if error else line,
                                    10_000)
        if self._show_summary:
            self.last_summary = ImportSummaryDialog(results, cancelled, self.window, error)
            self.last_summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.last_summary.open()
        self.finished.emit(results, cancelled)
        self._next()
