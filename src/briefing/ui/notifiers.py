"""One notifier object of each kind per open workspace, made on first use.

Commands and views of the same workspace share it: a change announced by one (an undo,
a correction, a deletion) reaches every view that shows that workspace.

A workspace can be freed on any thread: Python's cycle collector runs wherever memory is
allocated, a background task's pool thread included. The notifiers are Qt objects of the
UI thread, and deleting one on another thread can crash the app, so they are owned by
the application object and, when their workspace goes, handed to Qt's deferred delete,
which runs on their own thread.
"""

from __future__ import annotations

import weakref
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject

from briefing.core.workspace import Workspace

N = TypeVar("N", bound=QObject)

_NOTIFIERS: weakref.WeakKeyDictionary[Workspace, dict[type, QObject]] = (
    weakref.WeakKeyDictionary())


def _release(made: dict[type, QObject]) -> None:
    """The workspace is gone (on whatever thread): delete its notifiers on theirs."""
    for obj in made.values():
        obj.deleteLater()


def notifier(ws: Workspace, kind: type[N]) -> N:
    """The workspace's one `kind` object (created on first use, gone with the workspace)."""
    made = _NOTIFIERS.get(ws)
    if made is None:
        made = _NOTIFIERS[ws] = {}
        weakref.finalize(ws, _release, made)
    found = made.get(kind)
    if found is None:
        found = made[kind] = kind()
        app = QCoreApplication.instance()
        if app is not None:
            found.setParent(app)  # owned by Qt: freeing the wrapper never deletes it
    return found  # type: ignore[return-value]
