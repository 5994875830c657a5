"""The library as a Qt item model over the core's article queries.

`ArticleTableModel` holds one light row per article (no text) and the
highlight counts per perspective; `refresh()` re-reads the database and
applies the difference (new rows inserted, changed rows updated) so a
selection survives an import running in the background.
`ArticleFilterProxyModel` filters as you type (title, publisher, authors) and
by perspective, publisher and tag (of the article or any of its highlights), and sorts on
each column's SortRole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from briefing.core.models import Article, Perspective
from briefing.core.tags import tag_key
from briefing.core.workspace import Workspace
from briefing.ui.collections_panel import ARTICLE_MIME, article_mime

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class ArticleRow:
    id: int
    title: str
    publisher: str
    authors: list[str]
    published: str
    words: int
    counts: dict[str, int] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)  # the article's and its highlights' tags
    language: str = ""  # ISO 639-1 ("uk", "ko"), as detected or set by the analyst

    @classmethod
    def of(cls, a: Article, counts: dict[str, int], tags: list[str] | None = None
           ) -> ArticleRow:
        return cls(a.id, a.title or "(untitled)", a.publisher or "", list(a.authors),
                   a.published or "", a.words, counts,
                   sorted({*a.tags, *(tags or [])}, key=str.lower), a.language or "")

    @property
    def filter_text(self) -> str:
        """Title, publisher, authors and tags in lower case: what filter-as-you-type
        searches."""
        return " ".join([self.title, self.publisher, *self.authors, *self.tags]).lower()

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def date_key(published: str) -> tuple[int, int, int]:
    """A partial date in order: a year-only date sorts before the dated days of that year
    and a month-only one before the days of that month (it is their earliest possible day)."""
    parts = [int(p) if p.isdigit() else 0 for p in published.split("-")[:3]]
    return (parts + [0, 0, 0])[0], (parts + [0, 0, 0])[1], (parts + [0, 0, 0])[2]


class ArticleTableModel(QAbstractTableModel):
    """Articles: Title, Publisher, Date, Words, Highlights (counts per perspective), Language."""

    TITLE, PUBLISHER, DATE, WORDS, HIGHLIGHTS, LANGUAGE = range(6)
    HEADERS = ("Title", "Publisher", "Date", "Words", "Highlights", "Lang")

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    CountsRole = Qt.ItemDataRole.UserRole + 3  # {perspective_key: n}
    AuthorsRole = Qt.ItemDataRole.UserRole + 4
    FilterTextRole = Qt.ItemDataRole.UserRole + 5  # title, publisher, authors, lower-case
    TagsRole = Qt.ItemDataRole.UserRole + 6

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._rows: list[ArticleRow] = []
        self._pos: dict[int, int] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.perspectives: list[Perspective] = []
        self.reload()

    # -- loading ---------------------------------------------------------------
    def refresh(self) -> None:
        """Catch up with the database: new articles appended, highlight counts updated.

        Reads as few rows as it can (a count, the new ids, the counts, the new
        articles): on the UI thread every row fetched from SQLite is a round trip
        through the interpreter lock, which a background import is competing for.
        If articles were removed, everything is re-read; after metadata edits
        call `reload()`.
        """
        self.perspectives = self.ws.perspectives.all()
        counts = self.ws.highlights.counts_by_article()
        tags = self.ws.highlights.tags_by_article()
        last = max(self._pos, default=0)
        kept = self.ws.articles.count(up_to_id=last)
        if kept != len(self._rows):
            self.reload(counts)
            return
        for i, row in enumerate(self._rows):
            fresh = counts.get(row.id, {})
            fresh_tags = tags.get(row.id, [])
            if fresh != row.counts or fresh_tags != row.tags:
                row.counts, row.tags = fresh, fresh_tags
                cell = self.index(i, self.HIGHLIGHTS)
                self.dataChanged.emit(cell, cell)
            if tags.get(row.id) and not set(tags[row.id]) <= set(row.tags):
                row.tags = sorted({*row.tags, *tags[row.id]}, key=str.lower)
        articles = self.ws.articles.list(after_id=last)
        if not articles:
            return
        rows = [ArticleRow.of(a, counts.get(a.id, {}), tags.get(a.id)) for a in articles]
        if self._sort is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._set_rows(self._rows + rows)
            self.endInsertRows()
        else:
            self._insert_sorted(rows)

    def _insert_sorted(self, rows: list[ArticleRow]) -> None:
        """Insert rows at their sorted places, new rows that land side by side in one insert:
        the filter proxy then maps only the new rows, where a re-sort (layoutChanged) made it
        re-filter every row, and one insert per row cost the UI thread ~0.8 ms a row (70 ms
        a refresh while an import stored 85 articles a second)."""
        column, order = self._sort  # type: ignore[misc]
        key = self._key(column)
        descending = order == Qt.SortOrder.DescendingOrder
        keys = [key(r) for r in self._rows]
        blocks: list[tuple[int, list[ArticleRow]]] = []  # (place among the old rows, rows)
        for row in sorted(rows, key=key, reverse=descending):
            k = key(row)
            lo, hi = 0, len(keys)
            while lo < hi:
                mid = (lo + hi) // 2
                if (k > keys[mid]) if descending else (k < keys[mid]):
                    hi = mid
                else:
                    lo = mid + 1
            if blocks and blocks[-1][0] == lo:
                blocks[-1][1].append(row)
            else:
                blocks.append((lo, [row]))
        shift = 0  # rows inserted before this block so far
        for place, block in blocks:
            at = place + shift
            self.beginInsertRows(QModelIndex(), at, at + len(block) - 1)
            self._rows[at:at] = block
            self.endInsertRows()
            shift += len(block)
        self._set_rows(self._rows)  # positions by id, once (data() reads _rows directly)

    def reload(self, counts: dict[int, dict[str, int]] | None = None) -> None:
        """Re-read every row (after deletions or metadata edits)."""
        self.perspectives = self.ws.perspectives.all()
        counts = self.ws.highlights.counts_by_article() if counts is None else counts
        tags = self.ws.highlights.tags_by_article()
        rows = [ArticleRow.of(a, counts.get(a.id, {}), tags.get(a.id))
                for a in self.ws.articles.list()]
        if self._sort is not None:
            rows.sort(key=self._key(self._sort[0]),
                      reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._set_rows(rows)
        self.endResetModel()

    def _key(self, column: int) -> Callable[[ArticleRow], object]:
        if column == self.DATE:
            # Undated articles go last whichever way the dates run.
            last = 1 if self._sort is None or self._sort[1] == Qt.SortOrder.AscendingOrder \
                else -1
            return lambda row: ((last, ()) if not row.published else
                                (0, date_key(row.published)), row.id)
        return lambda row: (self._sort_key(row, column), row.id)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with one key function: with 10,000 rows this takes milliseconds,
        where a proxy's comparisons through data() took a second."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in old]
        rows = sorted(self._rows, key=self._key(column),
                      reverse=order == Qt.SortOrder.DescendingOrder)
        self._set_rows(rows)
        self.changePersistentIndexList(
            old, [self.index(self._pos[aid], i.column()) for aid, i in zip(old_ids, old,
                                                                              strict=True)])
        self.layoutChanged.emit()

    def _set_rows(self, rows: list[ArticleRow]) -> None:
        self._rows = rows
        self._pos = {r.id: i for i, r in enumerate(rows)}

    def row_of(self, article_id: int) -> int | None:
        return self._pos.get(article_id)

    def article_row(self, row: int) -> ArticleRow:
        return self._rows[row]

    def publishers(self) -> list[str]:
        return sorted({r.publisher for r in self._rows if r.publisher}, key=str.lower)

    def tags(self) -> list[str]:
        """Every tag in the library, A-Z, each once (first spelling seen)."""
        found: dict[str, str] = {}
        for r in self._rows:
            for t in r.tags:
                found.setdefault(tag_key(t), t)
        return [found[k] for k in sorted(found)]

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
        ids = sorted({self._rows[i.row()].id for i in indexes
                      if i.isValid() and 0 <= i.row() < len(self._rows)})
        return article_mime(ids)

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == self.SortRole:
            return self._sort_key(row, col)
        if role == self.ArticleIdRole:
            return row.id
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

    def _sort_key(self, row: ArticleRow, col: int) -> object:
        if col == self.TITLE:
            return row.title.lower()
        if col == self.PUBLISHER:
            return row.publisher.lower()
        if col == self.DATE:
            return date_key(row.published) if row.published else ()
        if col == self.WORDS:
            return row.words
        if col == self.LANGUAGE:
            return row.language
        return row.total

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


class ArticleFilterProxyModel(QSortFilterProxyModel):
    """Filter-as-you-type on title/publisher/authors, plus perspective and publisher."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._perspective: str | None = None
        self._publisher: str | None = None
        self._tag: str | None = None  # case-folded
        self._articles: frozenset[int] | None = None  # a collection's members
        self.setSortRole(ArticleTableModel.SortRole)

    def _refilter(self, change: Callable[[], None]) -> None:
        """Apply a filter change (Qt >= 6.10 wants begin/endFilterChange around it)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", text.lower().split()))

    def set_perspective(self, key: str | None) -> None:
        self._refilter(lambda: setattr(self, "_perspective", key or None))

    def set_publisher(self, publisher: str | None) -> None:
        self._refilter(lambda: setattr(self, "_publisher", publisher or None))

    def set_tag(self, name: str | None) -> None:
        """Only articles tagged `name` or holding a highlight so tagged (None: all)."""
        self._refilter(lambda: setattr(self, "_tag", tag_key(name) if name else None))

    def set_articles(self, ids: set[int] | list[int] | None) -> None:
        """Only these articles (a collection's); None: all."""
        self._refilter(lambda: setattr(self, "_articles",
                                       None if ids is None else frozenset(ids)))

    @property
    def tag(self) -> str | None:
        """The case-folded tag filtered on, or None."""
        return self._tag

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source model sort (fast); this proxy only filters, keeping its order."""
        source = self.sourceModel()
        if isinstance(source, ArticleTableModel) and column >= 0:
            source.sort(column, order)
        else:
            super().sort(column, order)

    def article_id(self, proxy_row: int) -> int | None:
        index = self.index(proxy_row, 0)
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        """Reads the source's plain rows, never model indexes: each Qt call made here for
        every row gives up the interpreter lock, which a background import then holds."""
        if not self._words and self._publisher is None and self._perspective is None \
                and self._tag is None and self._articles is None:
            return True
        model = self.sourceModel()
        if not isinstance(model, ArticleTableModel):
            return True
        row = model.article_row(source_row)
        if self._articles is not None and row.id not in self._articles:
            return False
        if self._words:
            haystack = row.filter_text
            if not all(w in haystack for w in self._words):
                return False
        if self._publisher is not None and row.publisher != self._publisher:
            return False
        if self._tag is not None and self._tag not in {tag_key(t) for t in row.tags}:
            return False
        return not (self._perspective is not None and not row.counts.get(self._perspective))
