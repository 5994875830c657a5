"""Search as you type: a box (Ctrl+K), live results with marked snippets, Enter opens.

Queries run off the UI thread, one at a time on a private one-thread pool,
after a short pause in typing; a result for a query that is no longer the
latest is dropped, and only the newest waiting query runs next, so typing
never waits for the index. Snippets are drawn as plain text with the matched
terms in bold on a tint: no HTML is parsed and nothing is ever loaded.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.search.cancel import SearchCancelled
from briefing.core.search.types import MARK_CLOSE, MARK_OPEN, SearchHit
from briefing.core.workspace import Workspace
from briefing.ui.tasks import CancelToken, TaskHandle, run_task, serial_pool

DEBOUNCE_MS = 120
PAGE = 20


@dataclass
class ResultRow:
    """One search result, as plain values made on the worker thread."""

    article_id: int
    title: str
    source: str  # "Publisher · 2024-11-15"
    excerpt: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    hits: list[tuple[int, int]] = field(default_factory=list)


def split_marked(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """Plain text and spans from a snippet whose matches are wrapped in « »."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    start = None
    for ch in snippet:
        if ch == MARK_OPEN and start is None:
            start = pos
        elif ch == MARK_CLOSE and start is not None:
            spans.append((start, pos))
            start = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), spans


def _row(hit: SearchHit) -> ResultRow:
    excerpt, spans = hit.excerpt, [tuple(s) for s in hit.excerpt_spans]
    if not excerpt:
        excerpt, spans = split_marked(hit.snippet)
    source = " · ".join(x for x in (hit.publisher, hit.published) if x)
    return ResultRow(int(hit.article_id), hit.title or "(untitled)", source,
                     " ".join(excerpt.split()) if "\n" in excerpt else excerpt,
                     spans, [(int(a), int(b)) for a, b in hit.hits])


def run_search(ws: Workspace, query: str, limit: int = PAGE,
               within: frozenset[int] | None = None,
               cancelled: Callable[[], bool] | None = None
               ) -> tuple[list[ResultRow], str] | None:
    """Worker side: search (only `within` these articles when given) and turn the hits into
    plain rows; returns (rows, status text), or None when `cancelled()` became true first
    (a newer query replaced this one)."""
    started = time.perf_counter()
    try:
        results = ws.index.search(query, limit=limit, within=within, cancelled=cancelled)
    except SearchCancelled:
        return None
    rows = [_row(h) for h in results.hits]
    ms = (time.perf_counter() - started) * 1000
    total = results.total
    if not rows:  # a bare "No articles match" had left the analyst with nothing to try
        status = _nothing_found(ws, within)
    else:
        status = f"{total} article{'s' if total != 1 else ''} · {ms:.0f} ms"
    note = results.note  # a short prefix searched its commonest words only
    if note and rows:
        status = f"{status} · {note}"
    message = results.message
    return rows, f"{message} — {status}" if message else status


def _nothing_found(ws: Workspace, within: frozenset[int] | None) -> str:
    """Why a search found nothing, and what to try next."""
    if ws.articles.count() == 0:
        return "Nothing to search yet: import articles first (File ▸ Import files…)"
    where = "in the chosen collection " if within is not None else ""
    return (f"No articles {where}match — try fewer words, another spelling or a prefix "
            "(deploy*)")


class ResultsModel(QAbstractListModel):
    RowRole = Qt.ItemDataRole.UserRole + 1
    ArticleIdRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{row.source}"
        if role == self.RowRole:
            return row
        if role == self.ArticleIdRole:
            return row.article_id
        return None


class ResultDelegate(QStyledItemDelegate):
    """Title, source line and snippet (matched terms bold on a tint), as plain text.

    Each row's layout is built once per width and state and cached: painting
    then costs a handful of calls, which keeps the UI thread quick while a
    background import competes for the interpreter.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[int, int, bool, int], QTextDocument] = {}

    def clear(self) -> None:
        self._cache.clear()

    def _document(self, row: ResultRow, option: QStyleOptionViewItem, width: int) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        key = (id(row), width, selected, palette.color(QPalette.ColorRole.Base).rgb())
        doc = self._cache.get(key)
        if doc is None:
            if len(self._cache) > 400:
                self._cache.clear()
            doc = self._cache[key] = self._build(row, option, width, selected)
        return doc

    @staticmethod
    def _build(row: ResultRow, option: QStyleOptionViewItem, width: int,
               selected: bool) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(6)
        doc.setDefaultFont(option.font)
        doc.setTextWidth(max(width, 80))
        palette = option.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        cursor = QTextCursor(doc)
        title = QTextCharFormat()
        title.setFontWeight(700)
        title.setForeground(text_colour)
        cursor.insertText(row.title, title)
        muted = QTextCharFormat()
        muted.setForeground(text_colour if selected
                            else palette.color(QPalette.ColorRole.PlaceholderText))
        muted.setFontPointSize(max(option.font.pointSizeF() - 1, 7))
        if row.source:
            cursor.insertText("\n" + row.source, muted)
        plain = QTextCharFormat()
        plain.setForeground(text_colour)
        mark = QTextCharFormat(plain)
        mark.setFontWeight(700)
        if not selected:
            mark.setBackground(palette.color(QPalette.ColorRole.Highlight).lighter(
                170 if palette.color(QPalette.ColorRole.Base).lightnessF() > 0.5 else 60))
        cursor.insertText("\n", plain)
        pos = 0
        for start, end in sorted(row.spans):
            if start < pos or end > len(row.excerpt):
                continue
            cursor.insertText(row.excerpt[pos:start], plain)
            cursor.insertText(row.excerpt[start:end], mark)
            pos = end
        cursor.insertText(row.excerpt[pos:], plain)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row = index.data(ResultsModel.RowRole)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if row is None:
            return
        doc = self._document(row, opt, opt.rect.width())
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        row = index.data(ResultsModel.RowRole)
        width = option.rect.width() if option.rect.width() > 0 else 320
        if option.widget is not None:
            width = option.widget.viewport().width() or width
        if row is None:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        opt.state &= ~QStyle.StateFlag.State_Selected  # same height either way
        doc = self._document(row, opt, width)
        return QSize(width, int(doc.size().height()) + 2)


class SearchPanel(QWidget):
    """The search box over a stack: the library when empty, results when typing."""

    openRequested = Signal(int, list)  # article id, [(start, end), ...] hits in its text
    resultsShown = Signal(int)  # number of results now listed

    def __init__(self, ws: Workspace, library: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ready = False
        self._pool = serial_pool()
        self._task: TaskHandle | None = None
        self._seq = 0  # number of the latest query asked for
        self._waiting: str | None = None
        self.last_query = ""
        self.scope: str | None = None  # the collection searched, None: every article
        self._within: frozenset[int] | None = None

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchBox")
        self.search_edit.setPlaceholderText("Search all articles (Ctrl+K)  e.g. Budanov, "
                                            "\"15,000 troops\", publisher:bloomberg")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._typed)
        self.search_edit.returnPressed.connect(self.open_current)
        self.search_edit.installEventFilter(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)  # a long status (a bad query, what to try) wraps
        self.model = ResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.delegate = ResultDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.activated.connect(self._activated)
        self.results_page = QWidget(self)
        page = QVBoxLayout(self.results_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.status)
        page.addWidget(self.results, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(library)
        self.stack.addWidget(self.results_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.stack, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)

    # -- public ---------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def set_ready(self, ready: bool = True) -> None:
        """The index can be searched (called once the background check is done)."""
        self.ready = ready
        if ready and self.search_edit.text().strip():
            self._fire()

    def set_scope(self, name: str | None, ids: set[int] | None) -> None:
        """Search only this collection's articles (None: all of them)."""
        within = None if ids is None else frozenset(ids)
        if (name, within) == (self.scope, self._within):
            return
        self.scope, self._within = name, within
        where = f"the collection {name}" if name else "all articles"
        self.search_edit.setPlaceholderText(f"Search {where} (Ctrl+K)  e.g. Budanov, "
                                            "\"15,000 troops\", publisher:bloomberg")
        self.rerun()

    def rerun(self) -> None:
        """Search again for the current text (after an import or a highlight change)."""
        if self.search_edit.text().strip():
            self._timer.start()

    def open_current(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._activated(index)

    def titles(self) -> list[str]:
        return [r.title for r in self.model.rows]

    # -- typing and searching ---------------------------------------------------------
    def _typed(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._seq += 1  # anything in flight is now stale
            self._waiting = None
            self.model.set_rows([])
            self.status.clear()
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self._timer.start()

    def _fire(self) -> None:
        query = self.search_edit.text().strip()
        if not query:
            return
        if not self.ready:
            self.status.setText("Preparing the search index…")
            return
        self._seq += 1
        if self._task is not None:  # one at a time: the running one stops, the newest waits
            self._task.cancel()
            self._waiting = query
            return
        self._start(query)

    def _start(self, query: str) -> None:
        seq = self._seq
        self._waiting = None

        scope = self.scope

        def done(result: tuple[list[ResultRow], str] | None) -> None:
            if result is not None and scope:
                rows, status = result
                result = (rows, f"In {scope}: {status}")
            self._finished(seq, query, result)

        token = CancelToken()
        self._task = run_task(run_search, self.ws, query, PAGE, self._within,
                              pool=self._pool, owner=self,
                              on_done=done, on_error=lambda exc: self._failed(seq, exc),
                              cancel=token, cancelled=token)

    def _finished(self, seq: int, query: str, result: tuple[list[ResultRow], str] | None) -> None:
        self._task = None
        if seq == self._seq and result is not None and self.search_edit.text().strip():
            rows, status = result
            self.last_query = query
            self.delegate.clear()
            self.model.set_rows(rows)
            self.status.setText(status)
            if rows:
                self.results.setCurrentIndex(self.model.index(0, 0))
            self.resultsShown.emit(len(rows))
        self._next()

    def _failed(self, seq: int, exc: BaseException) -> None:
        self._task = None
        if seq == self._seq:
            self.status.setText(f"Search failed: {exc}")
        self._next()

    def _next(self) -> None:
        if self._waiting is not None:
            self._start(self._waiting)

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ResultsModel.RowRole)
        if row is not None:
            self.openRequested.emit(row.article_id, list(row.hits))

    # -- keys: Down moves into the results, Esc clears ---------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                self.results.setFocus()
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.currentIndex().row() + step,
                                 self.model.rowCount() - 1))
                self.results.setCurrentIndex(self.model.index(row, 0))
                return True
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                return True
        return super().eventFilter(watched, event)
