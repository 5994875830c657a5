"""One notifier object of each kind per open workspace, made on first use.

Commands and views of the same workspace share it: a change announced by one (an undo,
a correction, a deletion) reaches every view that shows that workspace.
"""

from __future__ import annotations

import weakref
from typing import TypeVar

from PySide6.QtCore import QObject

from briefing.core.workspace import Workspace

N = TypeVar("N", bound=QObject)

_NOTIFIERS: weakref.WeakKeyDictionary[Workspace, dict[type, QObject]] = (
    weakref.WeakKeyDictionary())


def notifier(ws: Workspace, kind: type[N]) -> N:
    """The workspace's one `kind` object (created on first use, gone with the workspace)."""
    made = _NOTIFIERS.setdefault(ws, {})
    found = made.get(kind)
    if found is None:
        found = made[kind] = kind()
    return found  # type: ignore[return-value]
