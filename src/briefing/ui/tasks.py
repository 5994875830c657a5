"""Background work for the UI: one helper, `run_task`, over a QThreadPool.

The function run in the background is core code: it touches no widget and
reports progress by yielding plain values (a generator) or just returns a
result. Progress, result and error reach the UI thread through queued signals
on a small QObject that lives there, so callbacks always run on the UI thread.
A CancelToken is checked between yields (and may be passed to the function, e.g.
as `import_files(..., cancelled=token)`). `wait_for_tasks()` cancels and joins
every task so no thread outlives the window.
"""

from __future__ import annotations

import inspect
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)

from briefing.ui import qtcompat  # noqa: F401  (must run before any signal is emitted)

Callback = Callable[[Any], None] | None


class CancelToken:
    """A thread-safe flag; calling the token returns whether it was cancelled."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def __call__(self) -> bool:
        return self._event.is_set()


class TaskHandle(QObject):
    """The UI-thread side of one task: relays worker signals to the callbacks.

    A handle (made on the UI thread: run_task refuses other threads) is owned by the
    application and deleted by the UI event loop once its result is delivered: the
    worker also holds a reference, and if that were the last one, freeing it would
    delete a UI-thread object on the pool thread (the kind of race that crashed the
    UI's garbage collection).
    """

    _progress = Signal(object)
    _done = Signal(object)
    _error = Signal(object, str)

    def __init__(self, token: CancelToken, on_progress: Callback, on_done: Callback,
                 on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self.token = token
        self.finished = False
        self.error: BaseException | None = None
        self.traceback = ""
        self._callbacks = (on_progress, on_done, on_error)
        queued = Qt.ConnectionType.QueuedConnection
        self._progress.connect(self._deliver_progress, queued)
        self._done.connect(self._deliver_done, queued)
        self._error.connect(self._deliver_error, queued)

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def cancel(self) -> None:
        self.token.cancel()

    def detach(self) -> None:
        """Cancel and forget the callbacks (their owner is going away)."""
        self.token.cancel()
        self._callbacks = (None, None, None)

    @Slot(object)
    def _deliver_progress(self, value: object) -> None:
        if self._callbacks[0] is not None and not self.finished:
            self._callbacks[0](value)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        self.finished = True
        _forget(self)
        try:
            if self._callbacks[1] is not None:
                self._callbacks[1](result)
        finally:
            self._release()

    @Slot(object, str)
    def _deliver_error(self, exc: BaseException, text: str) -> None:
        self.finished = True
        self.error = exc
        self.traceback = text
        _forget(self)
        try:
            if self._callbacks[2] is not None:
                self._callbacks[2](exc)
        finally:
            self._release()

    def _release(self) -> None:
        """Hand an application-owned handle to the UI event loop for deletion."""
        if self.parent() is not None:
            self._callbacks = (None, None, None)
            self.deleteLater()


class _Runner(QRunnable):
    def __init__(self, handle: TaskHandle, fn: Callable[..., Any], args: tuple,
                 kwargs: dict, batch_ms: int) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.batch_ms = batch_ms
        self.handle = handle
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self) -> None:  # runs on a pool thread: no widgets here
        handle = self.handle
        token = handle.token
        try:
            result = None
            if not token.cancelled:
                result = self.fn(*self.args, **self.kwargs)
                if inspect.isgenerator(result):
                    result = _drain(result, handle, self.batch_ms / 1000)
            handle._done.emit(result)
        except BaseException as exc:  # delivered to on_error, never lost
            handle._error.emit(exc, traceback.format_exc())


def _drain(gen: Any, handle: TaskHandle, batch_s: float) -> Any:
    """Run a generator, relaying each yielded value (or lists of them every `batch_s`
    seconds, when batching); closes it when cancelled."""
    pending: list[Any] = []
    last = time.monotonic()
    try:
        while True:
            if handle.token.cancelled:
                return None
            try:
                value = next(gen)
            except StopIteration as stop:
                return stop.value
            if not batch_s:
                handle._progress.emit(value)
                continue
            pending.append(value)
            now = time.monotonic()
            if now - last >= batch_s:
                handle._progress.emit(pending)
                pending, last = [], now
    finally:
        if pending:  # what was done before a cancel is still reported
            handle._progress.emit(pending)
        gen.close()  # runs the generator's finally blocks on this worker thread


_live: set[TaskHandle] = set()
_live_lock = threading.Lock()


def _forget(handle: TaskHandle) -> None:
    with _live_lock:
        _live.discard(handle)


def run_task(fn: Callable[..., Any], *args: Any, on_progress: Callback = None,
             on_done: Callback = None, on_error: Callable[[BaseException], None] | None = None,
             cancel: CancelToken | None = None, pool: QThreadPool | None = None,
             owner: QObject | None = None, batch_ms: int = 0, **kwargs: Any) -> TaskHandle:
    """Run `fn(*args, **kwargs)` on a pool thread; callbacks run on the UI thread.

    If `fn` returns a generator, every yielded value goes to `on_progress` and the
    generator's return value to `on_done`. With `batch_ms`, `on_progress` gets
    lists of the values yielded in each such period instead (fewer wake-ups of
    the UI thread for fast generators). When cancelled, the generator is closed
    and `on_done(None)` is called. If `owner` is destroyed first, the task is
    cancelled and its callbacks dropped.
    """
    app = QCoreApplication.instance()
    if app is not None and QThread.currentThread() is not app.thread():
        # a handle made here could not be owned by the application, so its last reference
        # could be dropped on a pool thread; every caller is a widget on the UI thread
        raise RuntimeError("run_task is called on the UI thread")
    token = cancel or CancelToken()
    handle = TaskHandle(token, on_progress, on_done, on_error)
    if app is not None:
        handle.setParent(app)  # owned by Qt: deleted on the UI thread (see TaskHandle)
    if owner is not None:
        owner.destroyed.connect(handle.detach)
    with _live_lock:
        _live.add(handle)
    (pool or QThreadPool.globalInstance()).start(_Runner(handle, fn, args, kwargs, batch_ms))
    return handle


_pools: weakref.WeakSet[QThreadPool] = weakref.WeakSet()


def serial_pool() -> QThreadPool:
    """A pool with one thread: tasks on it run one after another (e.g. searches)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    _pools.add(pool)
    return pool


def live_tasks() -> list[TaskHandle]:
    with _live_lock:
        return list(_live)


def wait_for_tasks(timeout_ms: int = 30_000, cancel: bool = True) -> bool:
    """Cancel (by default) and join every background task; True if all finished.

    Queued results are delivered afterwards, so callbacks see the final state.
    """
    if cancel:
        for handle in live_tasks():
            handle.cancel()
    ok = True
    for pool in [QThreadPool.globalInstance(), *list(_pools)]:
        ok = pool.waitForDone(timeout_ms) and ok
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents()
    return ok


class Reloader:
    """One background read at a time for a view that re-reads its data after an edit, an
    undo or an import: asked again while a read runs, it reads once more when that one
    ends (with the arguments `request` gives then), and hands only the newest result on.

    `request` runs on the UI thread and returns the function and arguments to run
    (`(library_speakers, (ws, unassigned))`): widgets are read there, never on the pool.
    """

    def __init__(self, owner: QObject,
                 request: Callable[[], tuple[Callable[..., Any], tuple[Any, ...]]],
                 on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None]) -> None:
        self._owner = owner
        self._request = request
        self._on_done = on_done
        self._on_error = on_error
        self._task: TaskHandle | None = None
        self._again = False

    @property
    def loading(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        """Read now, or once more after the read that is running."""
        if self._task is not None:
            self._again = True  # one more pass when this one ends
            return
        fn, args = self._request()
        self._task = run_task(fn, *args, on_done=self._done, on_error=self._failed,
                              owner=self._owner)

    def stop(self) -> None:
        """Drop the running read's result (the view is closing)."""
        if self._task is not None:
            self._task.detach()
            self._task = None

    def _done(self, value: Any) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.start()
            return
        self._on_done(value)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._on_error(exc)
