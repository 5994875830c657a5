"""The library pane: filter box, perspective, publisher and tag filters, and the article table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.core import collections
from briefing.core.errors import CollectionError
from briefing.core.tags import tag_key
from briefing.core.workspace import Workspace, WorkspaceReadOnly
from briefing.ui import theme
from briefing.ui.collections_panel import CollectionsList
from briefing.ui.library_model import ArticleFilterProxyModel, ArticleTableModel
from briefing.ui.wording import count

EMPTY_GUIDE = ("This workspace is empty.\n\nDrop article files or a folder anywhere on this "
               "window, or use File ▸ Import files… (Ctrl+O): .txt, .html, .md, .docx, .pdf.\n\n"
               "Help ▸ Open the sample shows Briefing with five articles.")
EMPTY_GUIDE_READONLY = "This workspace holds no articles (it is open read-only)."

T = TypeVar("T")


class CountsDelegate(QStyledItemDelegate):
    """Draws highlight counts as small numbers in each perspective's colour."""

    def __init__(self, model: ArticleTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def _chips(self, counts: dict[str, int]) -> list[tuple[str, str]]:
        chips = []
        for p in self.model.perspectives:
            if counts.get(p.key):
                chips.append((str(counts[p.key]), p.colour))
        if counts.get(""):
            chips.append((str(counts[""]), ""))
        return chips

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        chips = self._chips(index.data(ArticleTableModel.CountsRole) or {})
        if not chips:
            return
        painter.save()
        painter.setClipRect(opt.rect)
        fm = QFontMetrics(opt.font)
        x = opt.rect.right() - 4
        h = fm.height()
        y = opt.rect.top() + (opt.rect.height() - h) // 2
        for text, colour in reversed(chips):
            w = max(fm.horizontalAdvance(text) + 8, h)
            rect = QRect(x - w, y, w, h)
            if colour:
                bg = theme.perspective_tint(colour, opt.palette, strength=1.8)
                painter.setBrush(bg)
                selected = bool(opt.state & QStyle.StateFlag.State_Selected)
                painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText) if selected
                               else theme.perspective_ink(colour, opt.palette))
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.drawRoundedRect(rect, 4, 4)
                painter.setPen(theme.text_on(bg))
            else:
                painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            x -= w + 3
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        fm = QFontMetrics(option.font)
        chips = self._chips(index.data(ArticleTableModel.CountsRole) or {})
        width = sum(max(fm.horizontalAdvance(t) + 8, fm.height()) + 3 for t, _ in chips) + 8
        return QSize(max(base.width(), width), base.height())


class LibraryView(QWidget):
    """Article table with filters. Emits `articleActivated(id)` when one is chosen."""

    articleActivated = Signal(int)
    message = Signal(str)  # a line for the status bar
    collectionChanged = Signal(object, object)  # name or None, its article ids or None

    ALL_PERSPECTIVES = "All perspectives"
    ALL_PUBLISHERS = "All publishers"
    ALL_TAGS = "All tags"

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.collection: str | None = None  # the collection the library is filtered by
        self.collection_ids: set[int] | None = None
        self.model = ArticleTableModel(
            ws, self, sort=(ArticleTableModel.TITLE, Qt.SortOrder.AscendingOrder))
        self.proxy = ArticleFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("libraryFilter")
        self.filter_edit.setPlaceholderText("Filter by title, publisher, author or tag (Ctrl+L)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.perspective_combo = QComboBox(self)
        self.perspective_combo.setToolTip("Only articles with highlights of this perspective")
        self.perspective_combo.currentIndexChanged.connect(self._perspective_chosen)
        self.publisher_combo = QComboBox(self)
        self.publisher_combo.setToolTip("Only articles from this publisher")
        self.publisher_combo.currentIndexChanged.connect(self._publisher_chosen)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setToolTip("Only articles tagged so, or with a highlight tagged so")
        self.tag_combo.currentIndexChanged.connect(self._tag_chosen)

        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.proxy)
        # The indicator first, so that enabling sorting asks for the model's own order (by
        # title): it is not read again, where choosing after enabling sorted twice.
        self.table.horizontalHeader().setSortIndicator(ArticleTableModel.TITLE,
                                                       Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setItemDelegateForColumn(ArticleTableModel.HIGHLIGHTS,
                                            CountsDelegate(self.model, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ArticleTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (ArticleTableModel.PUBLISHER, ArticleTableModel.DATE,
                    ArticleTableModel.WORDS, ArticleTableModel.HIGHLIGHTS,
                    ArticleTableModel.LANGUAGE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
        self.table.setDragEnabled(True)  # rows go onto a collection
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)

        self.collections = CollectionsList(ws, self)
        self.collections.chosen.connect(self._collection_chosen)
        self.collections.articlesDropped.connect(self.add_to_collection)
        self.collections.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.collections.customContextMenuRequested.connect(self._collections_menu)
        self.current_query: Callable[[], str] = lambda: ""  # the search box's text
        self.empty_guide = QLabel(self)
        self.empty_guide.setObjectName("emptyGuide")
        self.empty_guide.setWordWrap(True)
        self.empty_guide.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_guide.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_guide.setText(EMPTY_GUIDE_READONLY if ws.readonly else EMPTY_GUIDE)

        # Filters that hide every article say so and undo in one click: an empty table with
        # no word had looked like an empty (or broken) library.
        self.no_match = QLabel(self)
        self.no_match.setObjectName("noMatchGuide")
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setTextFormat(Qt.TextFormat.PlainText)
        self.show_all_button = QPushButton("Show all articles", self)
        self.show_all_button.setToolTip("Clear the filter box, the perspective, publisher and "
                                        "tag filters and the collection")
        self.show_all_button.clicked.connect(self.clear_filters)
        self.no_match_box = QWidget(self)
        no_match_layout = QVBoxLayout(self.no_match_box)
        no_match_layout.addStretch(1)
        no_match_layout.addWidget(self.no_match)
        no_match_layout.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignCenter)
        no_match_layout.addStretch(2)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.perspective_combo, 1)
        filters.addWidget(self.publisher_combo, 1)
        filters.addWidget(self.tag_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addLayout(filters)
        layout.addWidget(self.collections)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_guide, 1)
        layout.addWidget(self.no_match_box, 1)

        self._fill_combos()
        # a filter re-reads the list (a reset): the current article stays current
        self._kept: int | None = None
        self.model.modelAboutToBeReset.connect(self._keep_current)
        self.model.modelReset.connect(self._restore_current)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._show_guide)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._show_guide)
        self._show_guide()

    # -- public ---------------------------------------------------------------------
    def refresh(self, highlights: bool = True) -> None:
        """Re-read the library (after an import or a highlight change; `highlights` False
        when only articles were added); the collections' counts follow (saved searches are
        re-run)."""
        self.model.refresh(highlights)
        self._fill_combos()
        self.refresh_collections()

    def reload_articles(self) -> None:
        """Articles edited, deleted or put back: their rows and the publisher and tag
        filter lists are read again."""
        self.model.reload()
        self._fill_combos()

    def refresh_collections(self) -> None:
        self.collections.refresh()
        self._collection_chosen(self.collections.current_name())

    def filter_by_collection(self, name: str | None) -> bool:
        """Show only this collection's articles (None: all); False when there is none."""
        if not self.collections.choose(name):
            return False
        self._collection_chosen(self.collections.current_name())
        return True

    def add_to_collection(self, name: str, ids: list[int]) -> int:
        """Put articles in a set (made when new); how many joined. Refusals are shown."""
        done = self._collection_change("Add to collection",
                                       lambda: collections.add(self.ws, name, ids))
        if done is None:
            return 0
        added, _unknown = done
        self.refresh_collections()
        self.message.emit(f"{count(added, 'article')} added to {name}")
        return added

    def _collection_change(self, action: str, change: Callable[[], T]) -> T | None:
        """Run one change to the collections; a refusal is one status line, "action: reason"."""
        try:
            return change()
        except (CollectionError, WorkspaceReadOnly) as exc:
            self.message.emit(f"{action}: {exc}")
            return None

    def save_search(self, name: str, query: str) -> bool:
        """Keep a query as a live collection and show it; False (and a message) if refused."""
        saved = self._collection_change("Save search",
                                        lambda: collections.save_search(self.ws, name, query))
        if saved is None:
            return False
        self.collections.refresh()
        self.filter_by_collection(saved.name)
        self.message.emit(f"Saved search {saved.name}: {count(len(saved.article_ids), 'article')} "
                          "match now; new ones join by themselves")
        return True

    def delete_collection(self, name: str) -> bool:
        """Delete a collection (never its articles)."""
        gone = self._collection_change("Delete collection",
                                       lambda: collections.delete(self.ws, name))
        if gone is None:
            return False
        self.refresh_collections()
        self.message.emit(f"Deleted the collection {gone.name}; its articles stay in the "
                          "library")
        return True

    def ask_save_search(self) -> None:
        name, ok = QInputDialog.getText(self, "Save search", "Name of the saved search:")
        if not ok or not name.strip():
            return
        query, ok = QInputDialog.getText(self, "Save search", "Query (re-run whenever the "
                                         "collection is shown), e.g. perspective:chinese "
                                         "date:2024-11", text=self.current_query())
        if ok and query.strip():
            self.save_search(name.strip(), query.strip())

    def ask_new_collection(self) -> None:
        name, ok = QInputDialog.getText(self, "New collection", "Name of the collection "
                                        "(drag articles onto it to fill it):")
        if ok and name.strip():
            self.add_to_collection(name.strip(), [])

    def _collections_menu(self, pos: QPoint) -> None:
        menu = self.collections_menu()
        menu.exec(self.collections.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def collections_menu(self) -> QMenu:
        menu = QMenu(self.collections)
        writable = not self.ws.readonly
        menu.addAction("New collection…", self.ask_new_collection).setEnabled(writable)
        menu.addAction("Save a search…", self.ask_save_search).setEnabled(writable)
        name = self.collections.current_name()
        if name is not None:
            menu.addSeparator()
            delete = menu.addAction(f"Delete {name}", lambda: self.delete_collection(name))
            delete.setEnabled(writable)
        return menu

    def remove_from_collection(self, name: str, ids: list[int]) -> int:
        """Take articles out of a set (never out of the library); how many left it."""
        n = self._collection_change("Remove from collection",
                                    lambda: collections.remove(self.ws, name, ids))
        if n is None:
            return 0
        self.refresh_collections()
        self.message.emit(f"{count(n, 'article')} taken out of {name} (they stay in the library)")
        return n

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def visible_titles(self) -> list[str]:
        """The titles of the rows the filters show, in table order (reads every row)."""
        return [self.proxy.index(r, ArticleTableModel.TITLE).data()
                for r in range(self.proxy.rowCount())]

    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """The selected articles, in table order (the current row when none is selected)."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        ids = [self.proxy.article_id(r) for r in rows]
        if not ids and (current := self.current_article_id()) is not None:
            ids = [current]
        return [int(i) for i in ids if i is not None]

    def select_article(self, article_id: int) -> bool:
        """Select the row of an article (without emitting articleActivated twice)."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        if self.table.currentIndex().row() != index.row():
            self.table.blockSignals(True)
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(index.row())
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(False)
            self.table.blockSignals(False)
            self.table.viewport().update()
        self.table.scrollTo(index)
        return True

    # -- internals ----------------------------------------------------------------
    COLUMN_WIDTHS = {ArticleTableModel.PUBLISHER: 104, ArticleTableModel.DATE: 80,
                     ArticleTableModel.WORDS: 54, ArticleTableModel.HIGHLIGHTS: 84,
                     ArticleTableModel.LANGUAGE: 44}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns(self.table.viewport().width())
        return super().eventFilter(watched, event)

    def _fit_columns(self, width: int) -> None:
        """Keep the title readable: narrow panes drop Words and Lang and shrink the others."""
        narrow = width < 480
        dropped = (ArticleTableModel.WORDS, ArticleTableModel.LANGUAGE)
        for col in dropped:
            self.table.setColumnHidden(col, narrow)
        others = {c: w for c, w in self.COLUMN_WIDTHS.items()
                  if not (narrow and c in dropped)}
        total = sum(others.values())
        scale = min(1.0, max(0.6, 0.55 * width / total))
        header = self.table.horizontalHeader()
        for col, w in others.items():
            if col == ArticleTableModel.PUBLISHER:  # a name can be read elided; a number not
                header.resizeSection(col, int(w * scale))
            else:  # the date, the counts, the word count and the language stay whole
                header.resizeSection(col, max(w, self._whole_width(col)))

    WIDEST = {ArticleTableModel.DATE: "2024-11-15", ArticleTableModel.WORDS: "88,888",
              ArticleTableModel.LANGUAGE: "zh"}

    def _whole_width(self, col: int) -> int:
        """The width that shows the column's header and its widest value without eliding
        ("1,371" words had shown as "1,3…" and the header as "ords")."""
        header = self.table.horizontalHeader()
        cell = self.table.fontMetrics().horizontalAdvance(self.WIDEST.get(col, "")) + 10
        label = str(self.model.headerData(col, Qt.Orientation.Horizontal))
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return max(cell, header.fontMetrics().horizontalAdvance(label) + 2 * margin + 4)

    def _fill_combos(self, *_args: object) -> None:
        self._refill(self.perspective_combo, self.ALL_PERSPECTIVES,
                     [(p.name, p.key) for p in self.model.perspectives])
        self._refill(self.publisher_combo, self.ALL_PUBLISHERS,
                     [(name, name) for name in self.model.publishers()])
        self._refill(self.tag_combo, self.ALL_TAGS, [(name, name) for name in self.model.tags()])
        chosen = self.tag_combo.currentData()
        if (tag_key(chosen) if chosen else None) != self.proxy.tag:  # the tag went away
            self.proxy.set_tag(chosen)

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        wanted = [(everything, None), *items]
        have = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        if have == wanted:
            return
        combo.blockSignals(True)
        combo.clear()
        for text, data in wanted:
            combo.addItem(text, data)
        pos = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(pos, 0))
        combo.blockSignals(False)

    def _perspective_chosen(self, _i: int) -> None:
        self.proxy.set_perspective(self.perspective_combo.currentData())

    def _publisher_chosen(self, _i: int) -> None:
        self.proxy.set_publisher(self.publisher_combo.currentData())

    def _tag_chosen(self, _i: int) -> None:
        chosen = self.tag_combo.currentData()
        if (tag_key(chosen) if chosen else None) != self.proxy.tag:  # the tag went away
            self.proxy.set_tag(chosen)

    def filter_by_tag(self, name: str | None) -> bool:
        """Show only articles with this tag (None: all); False when no article has it."""
        pos = 0 if name is None else next(
            (i for i in range(1, self.tag_combo.count())
             if tag_key(self.tag_combo.itemData(i)) == tag_key(name)), -1)
        if pos < 0:
            return False
        self.tag_combo.setCurrentIndex(pos)
        return True

    def _collection_chosen(self, name: object) -> None:
        chosen = self.collections.current()
        ids = set(chosen.article_ids) if chosen is not None else None
        if name == self.collection and ids == self.collection_ids:
            return
        self.collection = chosen.name if chosen is not None else None
        self.collection_ids = ids
        self.proxy.set_articles(ids)
        self.collectionChanged.emit(self.collection, ids)

    def _keep_current(self) -> None:
        self._kept = self.current_article_id()

    def _restore_current(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None:
            self.select_article(kept)

    def _show_guide(self, *_args: object) -> None:
        empty = self.model.article_count() == 0
        hidden = not empty and self.proxy.rowCount() == 0
        if hidden:
            self.no_match.setText(f"No article matches {self._active_filters()}.")
        self.empty_guide.setVisible(empty)
        self.no_match_box.setVisible(hidden)
        self.table.setVisible(not empty and not hidden)

    def _active_filters(self) -> str:
        """The filters in force, as a reader names them: 'the filter “zzz” and tag kursk'."""
        parts = []
        if self.filter_edit.text().strip():
            parts.append(f"the filter “{self.filter_edit.text().strip()}”")
        for word, combo in (("perspective", self.perspective_combo),
                            ("publisher", self.publisher_combo), ("tag", self.tag_combo)):
            if combo.currentIndex() > 0:
                parts.append(f"{word} {combo.currentText()}")
        if self.collection:
            parts.append(f"collection “{self.collection}”")
        if not parts:
            return "the filters"
        return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]

    def clear_filters(self) -> None:
        """Every article again: the filter box, the three filters and the collection cleared."""
        self.filter_edit.clear()
        for combo in (self.perspective_combo, self.publisher_combo, self.tag_combo):
            combo.setCurrentIndex(0)
        if self.collection:
            self.filter_by_collection(None)
        self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            article_id = indexes[0].data(ArticleTableModel.ArticleIdRole)
            if article_id is not None:
                self.articleActivated.emit(int(article_id))

    def _activated(self, index: QModelIndex) -> None:
        article_id = index.data(ArticleTableModel.ArticleIdRole)
        if article_id is not None:
            self.articleActivated.emit(int(article_id))
