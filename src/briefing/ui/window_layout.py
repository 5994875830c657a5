"""The main window's layout memory in QSettings: geometry, splitters, the highlights
panel, and the article that was open, restored on the next start."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow


def restore(w: MainWindow) -> None:
    """Geometry, dock state, splitters and the highlights panel as they were left."""
    geometry = w.settings.value("window/geometry")
    if geometry is not None:
        w.restoreGeometry(geometry)
    else:
        w.resize(1360, 820)
    state = w.settings.value("window/state")
    if state is not None:
        w.restoreState(state)
    restore_splitters(w)
    w.highlights.setVisible(w.settings.value("window/highlights", True, bool))
    w.highlights.show_all_articles(w.settings.value("window/highlights_scope", "this") == "all")


def restore_splitters(w: MainWindow) -> None:
    """Splitter sizes (again once the window is shown: they only stick at its real size)."""
    sizes = w.settings.value("window/splitter")
    if sizes is not None:
        w.splitter.restoreState(sizes)
    else:
        w.splitter.setSizes([500, 560, 300])
    side = w.settings.value("window/side")
    if side is not None:
        w.side.restoreState(side)
    else:
        w.side.setSizes([560, 300])


def last_article(w: MainWindow) -> int | None:
    """The article open when the window last closed, if it still exists."""
    article_id = w.settings.value("window/article")
    try:
        article_id = int(article_id) if article_id not in (None, "") else None
    except (TypeError, ValueError):
        return None
    if article_id is not None and w.ws.articles.get(article_id) is not None:
        return article_id
    return None


def save(w: MainWindow) -> None:
    """Write the layout and the open article to the settings, now."""
    w.settings.setValue("window/geometry", w.saveGeometry())
    w.settings.setValue("window/state", w.saveState())
    w.settings.setValue("window/splitter", w.splitter.saveState())
    w.settings.setValue("window/side", w.side.saveState())
    w.settings.setValue("window/highlights", w.highlights.isVisible())
    w.settings.setValue("window/highlights_scope", w.highlights.scope_mode())
    current = w.reader.current_article_id()
    w.settings.setValue("window/article", current if current is not None else "")
    w.settings.sync()
