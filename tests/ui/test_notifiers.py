"""A workspace's notifiers are deleted on the UI thread, even when the workspace itself is
freed on another thread (Python's cycle collector runs wherever memory is allocated)."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from briefing.core.workspace import Workspace
from briefing.ui.article_commands import ArticleEvents
from briefing.ui.notifiers import notifier


def test_a_workspace_freed_on_a_pool_thread_leaves_its_notifiers_to_the_ui_thread(
        qapp, workspace_dir: Path) -> None:
    ws = Workspace.open(workspace_dir)
    assert notifier(ws, ArticleEvents) is notifier(ws, ArticleEvents)  # one per kind
    deleted_on: list[str] = []
    notifier(ws, ArticleEvents).destroyed.connect(
        lambda *_: deleted_on.append(threading.current_thread().name),
        Qt.ConnectionType.DirectConnection)
    ws.close()
    holder = [ws]
    del ws

    def drop() -> None:  # the workspace's last reference dies here, as in a pool task
        holder.clear()
        gc.collect()

    worker = threading.Thread(target=drop, name="pool")
    worker.start()
    worker.join()
    assert deleted_on == []  # nothing of the UI thread deleted on the pool thread
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert deleted_on == [threading.current_thread().name]
