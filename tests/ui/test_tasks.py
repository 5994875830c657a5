"""run_task: progress, result, error and cancel, delivered on the UI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from briefing.ui.tasks import CancelToken, live_tasks, run_task, wait_for_tasks


def _count(n: int):
    yield from range(1, n + 1)
    return "counted"


def test_progress_values_and_result_arrive_in_order_on_the_ui_thread(qtbot) -> None:
    seen: list[object] = []
    threads: set[object] = set()
    done: list[object] = []

    def progress(value: object) -> None:
        seen.append(value)
        threads.add(QThread.currentThread())

    handle = run_task(_count, 5, on_progress=progress, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert seen == [1, 2, 3, 4, 5]
    assert done == ["counted"]
    assert threads == {qtbot_main_thread()}
    assert handle.finished and handle not in live_tasks()


def qtbot_main_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_a_plain_function_runs_off_the_ui_thread_and_returns_its_value(qtbot) -> None:
    names: list[str] = []
    done: list[object] = []

    def work(a: int, b: int) -> int:
        names.append(threading.current_thread().name)
        return a * b

    run_task(work, 6, 7, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [42]
    assert names and names[0] != threading.main_thread().name


def test_an_exception_goes_to_on_error_with_its_message(qtbot) -> None:
    errors: list[BaseException] = []
    done: list[object] = []

    def broken() -> None:
        raise ValueError("the file is not text")

    handle = run_task(broken, on_done=done.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "the file is not text"
    assert "ValueError" in handle.traceback
    assert done == []


def test_cancel_stops_a_generator_and_runs_its_cleanup(qtbot) -> None:
    cleaned = threading.Event()
    started = threading.Event()
    seen: list[int] = []
    done: list[object] = []

    def endless(cancelled: CancelToken):
        try:
            i = 0
            while True:
                i += 1
                started.set()
                time.sleep(0.002)
                yield i
        finally:
            cleaned.set()

    token = CancelToken()
    handle = run_task(endless, token, on_progress=seen.append, on_done=done.append, cancel=token)
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [None]
    assert cleaned.is_set()
    assert handle.cancelled


def test_wait_for_tasks_cancels_and_joins_everything(qtbot) -> None:
    stopped = threading.Event()

    def slow(cancelled: CancelToken):
        while not cancelled():
            time.sleep(0.005)
            yield 0
        stopped.set()

    token = CancelToken()
    run_task(slow, token, cancel=token)
    time.sleep(0.05)
    assert wait_for_tasks(timeout_ms=5000)
    assert live_tasks() == []


@pytest.mark.parametrize("n", [200])
def test_many_progress_values_are_all_delivered(qtbot, n: int) -> None:
    seen: list[int] = []
    done: list[object] = []
    run_task(_count, n, on_progress=seen.append, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert seen == list(range(1, n + 1))


def test_batched_progress_arrives_as_lists_and_loses_nothing(qtbot) -> None:
    batches: list[list[int]] = []
    done: list[object] = []

    def slow_count(n: int):
        for i in range(n):
            time.sleep(0.001)
            yield i

    run_task(slow_count, 100, on_progress=batches.append, on_done=done.append, batch_ms=20)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert all(isinstance(b, list) for b in batches)
    assert 1 < len(batches) < 100
    assert [i for b in batches for i in b] == list(range(100))


def test_a_handle_whose_pool_thread_lets_go_last_is_deleted_on_the_ui_thread(
        qtbot, monkeypatch) -> None:
    """The worker keeps its reference to the handle until the pool deletes the runner;
    when that is after the UI thread has delivered the result, freeing it must not
    delete a UI-thread object on the pool thread."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt

    from briefing.ui import tasks

    run = tasks._Runner.run

    def slow_to_let_go(self) -> None:  # a pool thread descheduled after its last emit
        run(self)
        time.sleep(0.2)

    monkeypatch.setattr(tasks._Runner, "run", slow_to_let_go)
    deleted_on: list[int] = []
    done: list[object] = []
    handle = run_task(lambda: 7, on_done=done.append)
    handle.destroyed.connect(lambda *_: deleted_on.append(threading.get_ident()),
                             Qt.ConnectionType.DirectConnection)
    del handle
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert wait_for_tasks()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert done == [7]
    assert deleted_on == [threading.get_ident()]


def test_run_task_refuses_a_call_from_a_pool_thread(qtbot) -> None:
    """A handle made off the UI thread could not be owned by the application (and could
    be freed on a pool thread): run_task says so instead of making one."""
    raised: list[BaseException] = []

    def start_from_a_worker() -> None:
        try:
            run_task(lambda: None)
        except RuntimeError as exc:
            raised.append(exc)

    worker = threading.Thread(target=start_from_a_worker)
    worker.start()
    worker.join(5)
    assert raised and "UI thread" in str(raised[0])
    assert live_tasks() == []
