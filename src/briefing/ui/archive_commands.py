"""File ▸ Export archive… / Import archive…: hand a workspace or a collection on.

The work runs in the background (briefing.core.archive does all of it); the window
shows one line when it is done, or the reason an archive was refused (the part named).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing import APP_NAME
from briefing.core.archive import SUFFIX, ArchiveReport, export_archive, import_archive
from briefing.core.errors import ArchiveError
from briefing.ui.errors import report_error
from briefing.ui.tasks import run_task

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

FILTER = f"Briefing archives (*{SUFFIX});;All files (*)"


def export_to(window: MainWindow, out: Path) -> None:
    """Write the collection the library shows (or the whole workspace) to `out`."""
    name = window.library.collection
    what = f"the collection {name}" if name else "the workspace"
    window.statusBar().showMessage(f"Writing {what} to {out}…")

    def done(report: ArchiveReport) -> None:
        window.last_archive_message = report.line("Wrote")
        window.statusBar().showMessage(window.last_archive_message, 15_000)

    run_task(export_archive, window.ws, out, name, True, on_done=done,
             on_error=lambda exc: _failed(window, "export the archive", exc), owner=window)


def import_from(window: MainWindow, path: Path) -> None:
    """Verify `path`, then add what it holds; the library, collections and index follow."""
    window.statusBar().showMessage(f"Checking {path.name}…")

    def done(report: ArchiveReport) -> None:
        window.last_archive_message = report.line("Imported")
        window.statusBar().showMessage(window.last_archive_message, 15_000)
        window.library.model.reload()
        window.library.refresh()
        window._update_count()
        window._sync_timer.start()

    run_task(import_archive, window.ws, path, on_done=done,
             on_error=lambda exc: _failed(window, "import the archive", exc), owner=window)


def _failed(window: MainWindow, action: str, exc: BaseException) -> None:
    if isinstance(exc, ArchiveError):
        window.last_archive_message = f"Could not {action}: {exc}"
        window.statusBar().showMessage(window.last_archive_message, 20_000)
        box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME}: archive",
                          window.last_archive_message, QMessageBox.StandardButton.Close, window)
        box.open()
        return
    window.last_archive_message = report_error(action, exc, window, window.ws.root)


def choose_export(window: MainWindow) -> None:
    name = window.library.collection or window.workspace_name
    start = str(Path.home() / f"{name}{SUFFIX}")
    out, _ = QFileDialog.getSaveFileName(window, f"Export {name} as an archive", start, FILTER)
    if out:
        path = Path(out)
        export_to(window, path if path.suffix else path.with_suffix(SUFFIX))


def choose_import(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Import an archive", str(Path.home()), FILTER)
    if path:
        import_from(window, Path(path))
