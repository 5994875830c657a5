"""The export half of the briefing builder (BriefingDialog): the ready-to-send check, the
replace question, writing the note in the background and reporting how it went.

A mixin: the dialog holds the widgets (`out_edit`, `format_combo`, `progress`, `status`,
`export_button`, `open_button`) and the task runner; the rules are the core's
(`check_ready`, `export_briefing`, the output guard behind ExportError).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from briefing.core.export import (
    BriefingSpec,
    ExportError,
    ExportReport,
    ReadyReport,
    check_ready,
    export_briefing,
)
from briefing.ui.wording import count


class ProgressRelay(QObject):
    """Carries (done, total) from the export thread to the dialog (queued signal)."""

    progressed = Signal(int, int)


def open_file(path: Path) -> bool:
    """Hand a written note to the desktop's application for its type (Word, LibreOffice)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class NoteExport:
    """Export, ready check, replace question, progress and result for BriefingDialog."""

    @Slot()
    def export(self) -> None:
        """Write the note in the background; progress, result and errors come back here."""
        self._export(force=False)

    def _ask_replace(self, message: str) -> bool:
        answer = QMessageBox.question(
            self, "Replace the file?", f"{message[:1].upper()}{message[1:]}\n\nReplace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_ready(self, report: ReadyReport) -> bool:
        lines = report.lines()
        shown = "\n".join(f"\u2022 {line[:1].upper()}{line[1:]}" for line in lines[:12])
        if len(lines) > 12:
            shown += f"\n\u2026 and {len(lines) - 12} more"
        box = QMessageBox(QMessageBox.Icon.Question, "Ready to send?",
                          "The note cites things nobody has checked yet:", parent=self)
        box.setInformativeText(shown)
        box.setTextFormat(Qt.TextFormat.PlainText)
        anyway = box.addButton("Export anyway", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Go back", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is anyway

    def _export(self, force: bool) -> None:
        if self._task is not None and not self._task.finished:
            return
        spec = self.spec()
        out_text = self.out_edit.text().strip()
        if not spec.highlight_ids:
            self._fail("Choose at least one highlight.")
            return
        if not out_text:
            self._fail("Choose where to save the note.")
            return
        self.save_settings()
        if self.brief is not None:  # written from the brief as saved, as the CLI writes it
            spec = self._brief_spec(spec)
        self.last_report = None
        self.last_error = None
        self.last_ready = None
        self.open_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        if force:  # the replace question comes after the ready step: write now
            self._write(spec, Path(out_text).expanduser(), force)
            return
        self.status.setText("Checking the note is ready to send\u2026")
        self._task = self._runner(
            check_ready, self.ws, spec, owner=self,
            on_done=lambda report: self._ready_checked(report, spec, out_text),
            on_error=self._error)

    def _ready_checked(self, report: ReadyReport | None, spec: BriefingSpec,
                       out_text: str) -> None:
        self._task = None
        if report is None:  # cancelled
            self._done(None)
            return
        self.last_ready = report
        if report.issues and not self.confirm_ready(report):
            self.export_button.setEnabled(True)
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self._fail(f"Not exported: {count(len(report.issues), 'thing')} to check first \u2014 "
                       + "; ".join(report.lines()[:3]))
            return
        self._write(spec, Path(out_text).expanduser(), False)

    def _write(self, spec: BriefingSpec, out: Path, force: bool) -> None:
        self.status.setText("Exporting\u2026")
        relay = self._relay
        self._task = self._runner(
            export_briefing, self.ws, spec, out,
            self.format_combo.currentData(), relay.progressed.emit, None, force,
            on_done=self._done, on_error=self._error, owner=self)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _done(self, report: ExportReport | None) -> None:
        self.export_button.setEnabled(True)
        self.progress.setRange(0, 1)
        if report is None:  # cancelled
            self.progress.setValue(0)
            self.status.setText("Export cancelled.")
            return
        self.progress.setValue(1)
        self.last_report = report
        text = (f"Wrote {report.path}: {count(report.highlights, 'highlight')}, "
                f"{count(report.sources, 'source')}.")
        if report.warnings:
            text += " Note: " + "; ".join(report.warnings)
        self.status.setText(text)
        self.open_button.setEnabled(True)
        if self.brief is not None:
            self._record(report)
        self.exported.emit(report)

    def _error(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, ExportError) and exc.needs_confirmation:
            if self.confirm_replace(str(exc)):
                self._export(force=True)
                return
            self._fail("Nothing was written: choose another file name.")
            return
        message = str(exc) if isinstance(exc, ExportError) else (
            f"The export failed: {type(exc).__name__}: {exc}")
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.last_error = message
        self.status.setText(message)
