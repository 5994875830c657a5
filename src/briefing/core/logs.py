"""The log file: errors and repairs written to a rotating file in the platform's log folder.

Configured once by the entry point (the CLI's `main`, the app's `run`), never at import
time, so importing briefing as a library leaves logging alone. The folder is
platformdirs' user_log_dir (e.g. ~/.local/state/Briefing/log on Linux), or
$BRIEFING_LOG_DIR. A log that cannot be written (read-only home, full disk) is
skipped silently: logging must never be the reason a command fails.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
from collections.abc import Callable, Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "briefing.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    """$BRIEFING_LOG_DIR, else the platform's user log folder (resolved when called)."""
    env = os.environ.get("BRIEFING_LOG_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir("Briefing", appauthor=False))


class _BriefingFileHandler(RotatingFileHandler):
    """Marks the handler this module installed, so configuring twice replaces it."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A log that cannot be written is dropped, never a traceback on the terminal."""


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Send the `briefing` loggers to a rotating file; returns its path (None if unwritable).

    Calling it again (tests run `main` many times in one process) replaces the
    handler, following a changed log folder.
    """
    logger = logging.getLogger("briefing")
    for handler in [h for h in logger.handlers if isinstance(h, _BriefingFileHandler)]:
        logger.removeHandler(handler)
        handler.close()
    path = log_dir() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _BriefingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(level)
    logger.addHandler(handler)
    logger.setLevel(min(level, logger.level or level))
    return path


def current_log_file() -> Path | None:
    """The log file configure_logging set up, if any."""
    for handler in logging.getLogger("briefing").handlers:
        if isinstance(handler, _BriefingFileHandler):
            return Path(handler.baseFilename)
    return None


@contextlib.contextmanager
def unraisable_logged() -> Iterator[Callable[[], object]]:
    """Inside the block, errors Python cannot raise (a file a library left open failing
    to flush when collected, e.g. on a full disk) go to the log, not to the terminal as a
    traceback. The yielded function collects such leftovers now, while this is in force."""
    logger = logging.getLogger("briefing")
    previous = sys.unraisablehook

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        exc = unraisable.exc_value
        logger.warning("ignored while cleaning up %r: %s", unraisable.object, exc,
                       exc_info=(unraisable.exc_type, exc, unraisable.exc_traceback)
                       if exc is not None else None)

    sys.unraisablehook = hook
    try:
        yield gc.collect
    finally:
        sys.unraisablehook = previous
