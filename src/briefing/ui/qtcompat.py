"""Work around a PySide6 6.12.0 reference-count bug in `Signal.emit()`.

On CPython 3.11 each `SignalInstance.emit()` in PySide6 6.12.0 drops one
reference to `True` that it never took. After a few hundred emits CPython
aborts with "Fatal Python error: bool_dealloc: deallocating True or False".
PySide6 6.11.3 does not do this, and on CPython >= 3.12 `True` is immortal.

`guard_bool_refcounts()` measures the leak once with a private signal and, only
if it is there, gives `True`/`False` a very large extra reference count so they
can never reach zero (what CPython 3.12 does for every interpreter). The proper
fix is to exclude the broken release (`PySide6-Essentials!=6.12.0`).
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
    """True when `Signal.emit()` loses references to True or False in this PySide6 build."""
    probe = _Probe()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(20):
        probe.ping.emit()
    after = sys.getrefcount(True), sys.getrefcount(False)
    return after[0] < before[0] or after[1] < before[1]


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
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(value)).value += _BOOST
    return True


guard_bool_refcounts()
