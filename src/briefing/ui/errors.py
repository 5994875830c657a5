"""Errors nobody caught: logged with their traceback and shown in one short message.

`install_exception_hook` replaces sys.excepthook (and threading.excepthook and
sys.unraisablehook) while the app runs: an exception escaping a slot or timer is written to the log file
and shown in a small non-modal message box, instead of the app dying or a
traceback going to a terminal nobody reads. `report_error` does the same for
errors a background task hands back.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefing import APP_NAME
from briefing.core.diskerrors import WriteFailed, is_write_fault, write_failed
from briefing.core.logs import current_log_file

log = logging.getLogger("briefing.ui")
_shown: list[QMessageBox] = []  # keeps open boxes alive; at most a few at a time
MAX_BOXES = 3


def describe(action: str, exc: BaseException, where: object = "") -> str:
    """One line for a person: a disk fault in words, else the error's type and message."""
    if isinstance(exc, WriteFailed):
        return str(exc)
    if is_write_fault(exc):
        return str(write_failed(action, where or "the workspace", exc))
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{action} failed: {type(exc).__name__}" + (f": {text[:200]}" if text else "")


def show_error(message: str, parent: QWidget | None = None) -> QMessageBox | None:
    """A short non-modal error box naming the log file; None when no app is running."""
    if QApplication.instance() is None:
        return None
    while len(_shown) >= MAX_BOXES:  # an error in a loop must not bury the window in boxes
        _shown.pop(0).close()
    box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME}: something went wrong", message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    log_file = current_log_file()
    box.setInformativeText("Your work so far is saved."
                           + (f" Details are in {log_file}." if log_file else ""))
    box.setObjectName("errorBox")
    box.finished.connect(lambda _r, b=box: _shown.remove(b) if b in _shown else None)
    _shown.append(box)
    box.open()
    return box


def report_error(action: str, exc: BaseException, parent: QWidget | None = None,
                 where: object = "", show: bool = True) -> str:
    """Log `exc` with its traceback and (by default) show it; returns the line shown."""
    line = describe(action, exc, where)
    log.error("%s", line, exc_info=(type(exc), exc, exc.__traceback__))
    if show:
        show_error(line, parent)
    return line


Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def install_exception_hook(parent: Callable[[], QWidget | None] = lambda: None) -> Callable[[], None]:
    """Route uncaught exceptions to the log and a message box; returns a function that
    puts the previous hooks back."""
    previous_sys, previous_thread = sys.excepthook, threading.excepthook
    busy = threading.Lock()

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_sys(exc_type, exc, tb)
            return
        log.error("unhandled error", exc_info=(exc_type, exc, tb))
        if threading.current_thread() is not threading.main_thread():
            return  # widgets only on the UI thread; the log has it
        if busy.acquire(blocking=False):  # an error while showing an error: log only
            try:
                show_error(describe("an action", exc), parent())
            finally:
                busy.release()

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.error("unhandled error in thread %s", getattr(args.thread, "name", "?"),
                      exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    def unraisable_hook(unraisable: sys.UnraisableHookArgs) -> None:
        exc = unraisable.exc_value
        log.warning("ignored while cleaning up %r", unraisable.object,
                    exc_info=(unraisable.exc_type, exc, unraisable.exc_traceback)
                    if exc is not None else None)

    previous_unraisable = sys.unraisablehook
    sys.excepthook = hook
    threading.excepthook = thread_hook
    sys.unraisablehook = unraisable_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_sys, previous_thread
        sys.unraisablehook = previous_unraisable

    return restore
