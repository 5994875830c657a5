"""The client side of the index helper process: start it, talk to it, stop it.

The desktop app sends index writes (and rebuilds) to a helper process (worker.serve is
the other side): Whoosh's writer is pure Python, and in a background thread it kept the
interpreter lock from the UI thread for 100-500 ms at a time during imports. This
module owns that process: it starts it on first use, sends one pickled request at a
time and waits for the answer under a watchdog (a helper that does not answer in time
is killed and started afresh), and stops it once it has been idle for a while.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from briefing.core.search.worker import WORKER_CODE, _worker_env

log = logging.getLogger(__name__)
# The helper must answer (a reply, or a progress message during a rebuild) within this
# time; a helper that does not is taken as hung, killed and started afresh.
HELPER_TIMEOUT_S = 300.0
# A helper idle this long is stopped (the next write starts another): it holds its own
# copy of each language model it indexed with (Korean ~300 MB, Chinese, Cyrillic), which
# doubled the app's memory for as long as the app ran after a mixed-language import.
HELPER_IDLE_S = 60.0


class HelperTimeout(Exception):
    """The index helper process did not answer in time and was stopped."""


class IndexHelper:
    """One helper process, started on first use; one conversation with it at a time.

    `busy` is the index's own lock: while another thread holds it (a search, or a write
    being prepared) the helper counts as in use and is not stopped for idling.
    """

    def __init__(self, busy: threading.RLock, timeout: float = HELPER_TIMEOUT_S,
                 idle_s: float = HELPER_IDLE_S) -> None:
        self.process: subprocess.Popen | None = None
        self.timeout = timeout
        self.idle_s = idle_s
        self.lock = threading.RLock()  # one conversation with the helper at a time
        self._busy = busy
        self._idle_timer: threading.Timer | None = None
        self._last_use = 0.0

    @property
    def pid(self) -> int | None:
        """The running helper's process id; None when there is none."""
        proc = self.process
        return proc.pid if proc is not None and proc.poll() is None else None

    def write(self, request: tuple,
              ask: Callable[[tuple], BaseException | None] | None = None) -> bool:
        """Send one write and wait for it; raises the error the helper reports. A hung
        helper is killed and the write tried once more. False if the helper died (the
        caller then writes in its own process). `ask` sends the request (default: ask)."""
        ask = ask or self.ask
        with self.lock:
            for attempt in (1, 2):
                try:
                    reply = ask(request)
                except HelperTimeout:
                    self.stop()
                    log.warning("the index helper hung (no answer in %.0f s); restarted it",
                                self.timeout)
                    if attempt == 2:
                        raise
                    continue
                except (OSError, EOFError, pickle.PickleError):  # the helper died
                    self.stop()
                    return False
                except BaseException:  # interrupted mid-request: its answer would be stale
                    self.stop()
                    raise
                if reply is not None:
                    raise reply
                return True
        return False

    def ask(self, request: tuple) -> BaseException | None:
        """Send one write to the helper (started on first use); its error, or None."""
        with self.lock:
            proc = self._start()
            self._send(proc, request)
            try:
                return self._receive(proc)  # type: ignore[return-value]
            finally:
                self._idle_after_use()

    def rebuild(self, folder: Path, root: Path) -> Iterator[tuple[int, int]]:
        """Rebuild the index in `folder` from the workspace at `root`, in the helper.

        Yields (done, total) as the helper reports it. Stopping early stops the
        helper; its half-built folder is removed by the next rebuild.
        """
        message: object = None
        with self.lock:
            proc = self._start()
            self._send(proc, (str(folder), "rebuild", str(root)))
            try:
                while True:
                    message = self._receive(proc)
                    if isinstance(message, tuple) and message[:1] == ("progress",):
                        yield message[1], message[2]
                        continue
                    break
            except BaseException:  # stopped early: the build is abandoned, like rebuild()'s
                with contextlib.suppress(OSError):
                    proc.kill()
                self.stop()
                raise
            self._idle_after_use()
        if isinstance(message, BaseException):
            raise message

    @staticmethod
    def _send(proc: subprocess.Popen, request: tuple) -> None:
        assert proc.stdin is not None and proc.stdout is not None
        pickle.dump(request, proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        proc.stdin.flush()

    def _start(self) -> subprocess.Popen:
        """The helper process, started on first use (or again after it exited)."""
        if self.process is not None and self.process.poll() is not None:
            self.stop()  # it exited: close its pipes before starting another
        if self.process is None:
            command = ([sys.executable, "--index-worker"] if getattr(sys, "frozen", False)
                       else [sys.executable, "-c", WORKER_CODE])
            self.process = subprocess.Popen(
                command, stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, env=_worker_env())
        return self.process

    def _idle_after_use(self) -> None:
        """Stop the helper once it has been idle for idle_s (its memory goes with it)."""
        self._last_use = time.monotonic()
        if self._idle_timer is None or not self._idle_timer.is_alive():
            self._idle_check(self.idle_s)

    def _idle_check(self, after: float) -> None:
        self._idle_timer = threading.Timer(after, self._stop_if_idle)
        self._idle_timer.daemon = True
        self._idle_timer.start()

    def _stop_if_idle(self) -> None:
        """Never waits: a search or a write (a rebuild holds the helper for minutes) in
        progress means the helper is in use, so it looks again later."""
        if not self._busy.acquire(blocking=False):
            self._idle_check(self.idle_s)
            return
        try:
            if not self.lock.acquire(blocking=False):
                self._idle_check(self.idle_s)
                return
            try:
                self._idle_timer = None
                idle = time.monotonic() - self._last_use
                if self.process is None:
                    return
                if idle >= self.idle_s * 0.99:
                    self.stop()
                else:  # used since: look again when it may have idled long enough
                    self._idle_check(self.idle_s - idle)
            finally:
                self.lock.release()
        finally:
            self._busy.release()

    def _receive(self, proc: subprocess.Popen) -> object:
        """The helper's next message; HelperTimeout (and the helper killed) if none comes
        within the timeout. The wait releases the interpreter lock."""
        fired = threading.Event()

        def kill() -> None:
            fired.set()
            with contextlib.suppress(OSError):
                proc.kill()

        watchdog = threading.Timer(self.timeout, kill)
        watchdog.daemon = True
        watchdog.start()
        try:
            return pickle.load(proc.stdout)  # type: ignore[arg-type]
        except (OSError, EOFError, pickle.UnpicklingError):
            if fired.is_set():
                raise HelperTimeout(f"the search index helper did not answer within "
                                    f"{self.timeout:.0f} s and was stopped") from None
            raise
        finally:
            watchdog.cancel()

    def stop(self) -> None:
        """Stop the helper (it exits when its input closes); the next write starts another."""
        with self.lock:  # never in the middle of another thread's conversation
            proc, self.process = self.process, None
        if proc is None:
            return
        for _ in range(2):  # a dead helper: the first close fails flushing, the second closes
            with contextlib.suppress(OSError):
                if proc.stdin is not None:
                    proc.stdin.close()  # the helper exits on EOF
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        with contextlib.suppress(OSError):
            proc.stdout.close()  # type: ignore[union-attr]

    def close(self) -> None:
        """Stop the idle timer and the helper."""
        timer, self._idle_timer = self._idle_timer, None
        if timer is not None:
            timer.cancel()
        self.stop()
