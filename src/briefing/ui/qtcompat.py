"""Work around PySide6 6.12.0's reference-count bugs on CPython 3.11.

In PySide6 6.12.0 on CPython 3.11, each `SignalInstance.emit()` drops one
reference to `True`, and each call of a C++ method returning void (e.g.
`QLabel.setText`) drops one reference to `None`, references they never took.
After a few thousand calls CPython aborts with "Fatal Python error:
bool_dealloc" or "none_dealloc". PySide6 6.11.3 does not do this, and on
CPython >= 3.12 these objects are immortal, which hides the bug there.

`guard_bool_refcounts()` measures the leak once with a private object and, only
if it is there, gives `True`, `False` and `None` a very large extra reference
count so they can never reach zero (what CPython 3.12 does for every program).
The proper fix is to exclude the broken release (`PySide6-Essentials!=6.12.0`).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_BOOST = 1 << 40
_probe_done = False


class _Probe(QObject):
    ping = Signal()


def emit_leaks_bools() -> bool:
    """True when PySide6 loses references to True, False or None in this build."""
    probe = _Probe()
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(20):
        probe.ping.emit()
        probe.setObjectName("probe")
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    return any(a < b for a, b in zip(after, before, strict=True))


def guard_bool_refcounts() -> bool:
    """Apply the workaround once if needed; returns whether it was applied."""
    global _probe_done
    if _probe_done:
        return False
    _probe_done = True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not emit_leaks_bools():
        return False
    for value in (True, False, None):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(value)).value += _BOOST
    return True


guard_bool_refcounts()
