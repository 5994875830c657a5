"""The library as a Qt item model that loads on demand.

`ArticleTableModel` asks the core (`Workspace.library`) for the ids of the library
in the chosen order under the chosen filters, and reads the rows themselves a page
at a time when the table first shows one: opening a window of 50,000 articles reads
one column of a small index, not every article, yet the table has every row from the
start (its scroll bar spans the library; a drag to the end reads only the last page).
Sorting and filtering re-query, so both stay exact over rows not yet read;
`refresh()` places new articles at their sorted places so a selection survives an
import running in the background. `ArticleFilterProxyModel` is a pass-through that hands
the filter box and the filter lists to the model.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QIdentityProxyModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from briefing.core import library
from briefing.core.library import LibraryFilter, LibraryRow, date_key
from briefing.core.models import Perspective
from briefing.core.tags import tag_key
from briefing.core.workspace import Workspace
from briefing.ui.collections_panel import ARTICLE_MIME, article_mime

_Index = QModelIndex | QPersistentModelIndex

ArticleRow = LibraryRow  # the row type's name before it moved to the core
__all__ = ["ArticleFilterProxyModel", "ArticleRow", "ArticleTableModel", "date_key"]


class ArticleTableModel(QAbstractTableModel):
    """Articles: Title, Publisher, Date, Words, Highlights (counts per perspective), Language."""

    TITLE, PUBLISHER, DATE, WORDS, HIGHLIGHTS, LANGUAGE = (
        library.TITLE, library.PUBLISHER, library.DATE, library.WORDS, library.HIGHLIGHTS,
        library.LANGUAGE)
    HEADERS = ("Title", "Publisher", "Date", "Words", "Highlights", "Lang")
    PAGE = 200  # rows read at a time (a screen holds ~40)

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    CountsRole = Qt.ItemDataRole.UserRole + 3  # {perspective_key: n}
    AuthorsRole = Qt.ItemDataRole.UserRole + 4
    FilterTextRole = Qt.ItemDataRole.UserRole + 5  # title, publisher, authors, lower-case
    TagsRole = Qt.ItemDataRole.UserRole + 6

    def __init__(self, ws: Workspace, parent: QObject | None = None,
                 sort: tuple[int, Qt.SortOrder] | None = None) -> None:
        """`sort`: the order to read first (None: by id), so that a view sorting by it
        at once does not read the order twice."""
        super().__init__(parent)
        self.ws = ws
        self._filter = LibraryFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = sort
        self._order: list[int] = []  # every id passing the filter, in order
        self._keys: list[tuple] = []  # their sort keys ((id,) when in id order)
        self._pos: dict[int, int] | None = None  # id -> place in _order, when asked
        self._rows: list[LibraryRow | None] = []  # _order's rows, None until read
        self._last_id = 0  # the newest article read
        self._known = 0  # how many articles there were up to _last_id
        self.perspectives: list[Perspective] = []
        self.reload()

    # -- loading ---------------------------------------------------------------
    def _descending(self) -> bool:
        return self._sort is not None and self._sort[1] == Qt.SortOrder.DescendingOrder

    def _query(self, after_id: int = 0) -> list[tuple[tuple, int]]:
        """(key, id) of the articles passing the filter up to the newest read, in order."""
        column = None if self._sort is None else self._sort[0]
        return self.ws.library.keyed_order(self._filter, column, self._descending(), after_id,
                                           self._last_id)

    def _catch_up(self) -> None:
        """Note the newest article and how many there are up to it (an import may be adding
        more meanwhile: they are read by the next refresh)."""
        self._last_id = self.ws.library.last_id()
        self._known = self.ws.library.count(self._last_id)

    def _set_order(self, keyed: list[tuple[tuple, int]],
                   read: dict[int, LibraryRow] | None = None) -> None:
        """Take a new order; its rows are unread but for those in `read` (by id)."""
        self._keys = [k for k, _ in keyed]
        self._order = [aid for _, aid in keyed]
        self._rows = [read.get(aid) for aid in self._order] if read else [None] * len(keyed)
        self._pos = None

    def _position(self, article_id: int) -> int | None:
        """Where an article is in the order (positions are indexed on first use: an import
        inserting rows every second would otherwise rebuild them, ~35 ms at 50,000)."""
        if self._pos is None:
            self._pos = {aid: i for i, aid in enumerate(self._order)}
        return self._pos.get(article_id)

    def reload(self) -> None:
        """Re-read the order and the rows shown (after deletions or metadata edits)."""
        self._reset()

    def _reset(self) -> None:
        self.perspectives = self.ws.perspectives.all()
        self._catch_up()
        keyed = self._query()
        self.beginResetModel()
        self._set_order(keyed)
        self.endResetModel()

    def _row(self, i: int) -> LibraryRow:
        """Row `i`, reading its page (the rows around it not read yet) on first use."""
        row = self._rows[i]
        if row is not None:
            return row
        start = i - i % self.PAGE
        end = min(start + self.PAGE, len(self._order))
        wanted = [j for j in range(start, end) if self._rows[j] is None]
        found = {r.id: r for r in self.ws.library.rows(self._order[j] for j in wanted)}
        for j in wanted:
            self._rows[j] = found.get(self._order[j])
        row = self._rows[i]
        if row is None:  # removed since the order was read: shown blank until refresh()
            row = self._rows[i] = LibraryRow(self._order[i], "", "", [], "", 0)
        return row

    def _read(self) -> list[tuple[int, LibraryRow]]:
        """The rows read so far, with their places."""
        return [(i, r) for i, r in enumerate(self._rows) if r is not None]

    def set_filter(self, flt: LibraryFilter) -> None:
        """Show only the articles passing `flt` (the view keeps its current article)."""
        if flt == self._filter:
            return
        self._filter = flt
        self._reset()

    @property
    def filter(self) -> LibraryFilter:
        return self._filter

    def article_count(self) -> int:
        """How many articles the library holds (whatever the filters show)."""
        return self._known

    def refresh(self, highlights: bool = True) -> None:
        """Catch up with the database: new articles placed in order, counts and tags of the
        rows shown updated. Reads only the new articles and the rows already read: on the
        UI thread every row read is a round trip through the interpreter lock, which a
        background import is competing for. If articles were removed, or the filter
        depends on highlights and `highlights` may have changed (not so while an import
        only adds articles), the order is re-read; after metadata edits call `reload()`."""
        self.perspectives = self.ws.perspectives.all()
        # removals are noticed by a count (~20 ms at 50,000); an import only adds
        if highlights and self.ws.library.count(self._last_id) != self._known:
            self.reload()
            return
        if highlights and (self._filter.perspective is not None or self._filter.tag is not None
                           or self._filter.words):  # highlights decide membership: re-read
            before = self._last_id, self._known
            self._catch_up()
            keyed = self._query()
            if [aid for _, aid in keyed] != self._order:
                self.beginResetModel()
                self._set_order(keyed)
                self.endResetModel()
                return
            self._last_id, self._known = before  # nothing changed: new ones are read below
        read = self._read()
        fresh = self.ws.library.counts_and_tags(r.id for _, r in read)
        for i, row in read:
            total, counts, tags = fresh.get(row.id, (0, {}, []))
            if (total, counts, tags) != (row.highlights, row.counts, row.tags):
                row.highlights, row.counts, row.tags = total, counts, tags
                cell = self.index(i, self.HIGHLIGHTS)
                self.dataChanged.emit(cell, cell)
        after = self._last_id
        self._last_id = self.ws.library.last_id()
        self._known += self.ws.library.count_between(after, self._last_id)
        new = self._query(after_id=after)  # ids in (after, _last_id]: none of them listed yet
        if new:
            self._insert_sorted(new)

    def _insert_sorted(self, new: list[tuple[tuple, int]]) -> None:
        """Insert rows at their sorted places, new rows that land side by side in one insert
        (one insert per row cost the UI thread ~0.8 ms a row while an import stored 85
        articles a second)."""
        descending = self._descending()
        blocks: list[tuple[int, list[tuple[tuple, int]]]] = []  # (place among old, rows)
        keys = self._keys
        for k, aid in new:  # already in order
            lo, hi = 0, len(keys)
            while lo < hi:
                mid = (lo + hi) // 2
                if (k > keys[mid]) if descending else (k < keys[mid]):
                    hi = mid
                else:
                    lo = mid + 1
            if blocks and blocks[-1][0] == lo:
                blocks[-1][1].append((k, aid))
            else:
                blocks.append((lo, [(k, aid)]))
        # the new rows read in one go: a query per block cost ~4 queries for each place an
        # import's articles landed (a title sort scatters them)
        fetched = {r.id: r for r in self.ws.library.rows(aid for _, aid in new)}
        shift = 0
        for place, found in blocks:
            block = [(k, aid) for k, aid in found if aid in fetched]  # not removed meanwhile
            if not block:
                continue
            at = place + shift
            self.beginInsertRows(QModelIndex(), at, at + len(block) - 1)
            self._keys[at:at] = [k for k, _ in block]
            self._order[at:at] = [aid for _, aid in block]
            self._rows[at:at] = [fetched[aid] for _, aid in block]
            self.endInsertRows()
            shift += len(block)
        self._pos = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-read the order by `column`; the rows read stay read, the rows the view holds
        on to (the selection, the current one) follow their articles. The order it
        already has (kept by refresh and reload) is not read again."""
        if (column, order) == self._sort:
            return
        self._sort = (column, order)
        keyed = self._query()
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._order[i.row()] if 0 <= i.row() < len(self._order) else None
                   for i in old]
        self._set_order(keyed, {r.id: r for _, r in self._read()})
        self.changePersistentIndexList(old, [
            self.index(pos, i.column()) if (pos := self._position(aid) if aid else None)
            is not None else QModelIndex() for aid, i in zip(old_ids, old, strict=True)])
        self.layoutChanged.emit()

    def rows_read(self) -> int:
        """How many rows have been read from the library (the rest are read when shown)."""
        return len(self._rows) - self._rows.count(None)

    def row_of(self, article_id: int) -> int | None:
        """The row of an article passing the filter, or None."""
        return self._position(article_id)

    def article_row(self, row: int) -> LibraryRow:
        return self._row(row)

    def publishers(self) -> list[str]:
        return self.ws.library.publishers()

    def tags(self) -> list[str]:
        """Every tag in the library, A-Z, each once."""
        return self.ws.library.tags()

    def perspective(self, key: str) -> Perspective | None:
        return next((p for p in self.perspectives if p.key == key), None)

    # -- Qt model API ------------------------------------------------------------
    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Rows can be dragged onto a collection."""
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt override)
        return [ARTICLE_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802, ANN001 (Qt override)
        ids = sorted({self._order[i.row()] for i in indexes
                      if i.isValid() and 0 <= i.row() < len(self._order)})
        return article_mime(ids)

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._order):
            return None
        if role == self.ArticleIdRole:
            return self._order[index.row()]
        row = self._row(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == self.SortRole:
            return self._sort_key(row, col)
        if role == self.CountsRole:
            return row.counts
        if role == self.AuthorsRole:
            return row.authors
        if role == self.FilterTextRole:
            return row.filter_text
        if role == self.TagsRole:
            return row.tags
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.WORDS, self.HIGHLIGHTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ArticleRow, col: int) -> str:
        if col == self.TITLE:
            return row.title
        if col == self.PUBLISHER:
            return row.publisher
        if col == self.DATE:
            return row.published
        if col == self.WORDS:
            return f"{row.words:,}"
        if col == self.LANGUAGE:
            return row.language
        return str(row.total) if row.total else ""

    def _sort_key(self, row: LibraryRow, col: int) -> object:
        value = {self.TITLE: row.title, self.PUBLISHER: row.publisher,
                 self.DATE: row.published, self.WORDS: row.words, self.HIGHLIGHTS: row.total,
                 self.LANGUAGE: row.language}[col]
        return library.sort_value(col, value)

    def _tooltip(self, row: ArticleRow, col: int) -> str:
        if col == self.HIGHLIGHTS:
            if not row.counts:
                return "No highlights yet"
            parts = []
            for key, n in row.counts.items():
                p = self.perspective(key)
                parts.append(f"{p.name if p else 'No perspective'}: {n}")
            return "\n".join(parts)
        if col == self.TITLE and row.authors:
            return f"{row.title}\nby {', '.join(row.authors)}"
        return self._display(row, col)


class ArticleFilterProxyModel(QIdentityProxyModel):
    """Filter-as-you-type on title/publisher/authors/tags, and perspective, publisher, tag
    and collection: handed to the model, which re-queries (exact over rows not read)."""

    def _source(self) -> ArticleTableModel | None:
        source = self.sourceModel()
        return source if isinstance(source, ArticleTableModel) else None

    def _change(self, **changes: object) -> None:
        source = self._source()
        if source is not None:
            source.set_filter(replace(source.filter, **changes))

    def set_text(self, text: str) -> None:
        self._change(words=LibraryFilter.typed(text))

    def set_perspective(self, key: str | None) -> None:
        self._change(perspective=key or None)

    def set_publisher(self, publisher: str | None) -> None:
        self._change(publisher=publisher or None)

    def set_tag(self, name: str | None) -> None:
        """Only articles tagged `name` or holding a highlight so tagged (None: all)."""
        self._change(tag=tag_key(name) if name else None)

    def set_articles(self, ids: set[int] | list[int] | None) -> None:
        """Only these articles (a collection's); None: all."""
        self._change(articles=None if ids is None else frozenset(ids))

    @property
    def tag(self) -> str | None:
        """The case-folded tag filtered on, or None."""
        source = self._source()
        return source.filter.tag if source is not None else None

    def article_id(self, proxy_row: int) -> int | None:
        index = self.index(proxy_row, 0)
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None
