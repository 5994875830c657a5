"""Highlights panel: this article's (or every) highlight, filterable, and an editor for one.

The list is a `HighlightTableModel`; clicking a row (or Enter) emits
`highlightActivated(article_id, start, end)` so the window can open the reader
there. The editor below changes perspectives, kind, note, the analyst's translation
of the quote and the A–F / 1–6 grading through `EditHighlight` commands on the shared
undo stack; note and translation are committed when they lose focus or after a short
pause in typing (successive commits of one of them merge into one undo step).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.models import (
    CREDIBILITY_GRADES,
    HIGHLIGHT_KINDS,
    RELIABILITY_GRADES,
    Highlight,
    Perspective,
)
from briefing.core.tags import tag_key
from briefing.core.workspace import Workspace
from briefing.ui.highlight_commands import (
    DeleteHighlight,
    EditHighlight,
    TagHighlight,
    highlight_events,
)
from briefing.ui.highlights_model import (
    CREDIBILITY_MEANING,
    RELIABILITY_MEANING,
    HighlightTableModel,
    swatch_icon,
)
from briefing.ui.tag_widgets import TagChipsDelegate, TagEditor

NOTE_PAUSE_MS = 700


class HighlightEditor(QGroupBox):
    """Perspectives, kind, grading, note and translation of one highlight; every edit is a
    command."""

    noteDone = Signal()  # Escape in the note: back to where the user came from

    def __init__(self, ws: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__("Selected highlight", parent)
        self.ws, self.undo_stack = ws, undo_stack
        self.highlight: Highlight | None = None
        self.quote = QLabel(self)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checks: dict[str, QCheckBox] = {}
        self._check_columns = 0
        self._check_grid = QGridLayout()
        self._check_grid.setHorizontalSpacing(12)
        self.kind = QComboBox(self)
        self.kind.addItems(list(HIGHLIGHT_KINDS))
        self.kind.setToolTip("What the passage is: a claim, evidence, context or an open question")
        self.reliability = QComboBox(self)
        self.reliability.addItem("—", None)
        for g in RELIABILITY_GRADES:
            self.reliability.addItem(f"{g} — {RELIABILITY_MEANING[g]}", g)
        self.reliability.setToolTip("Source reliability (A–F, Admiralty code)")
        self.credibility = QComboBox(self)
        self.credibility.addItem("—", None)
        for c in CREDIBILITY_GRADES:
            self.credibility.addItem(f"{c} — {CREDIBILITY_MEANING[c]}", c)
        self.credibility.setToolTip("Information credibility (1–6, Admiralty code)")
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText("Your note on this passage")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.note.installEventFilter(self)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_PAUSE_MS)
        self._note_timer.timeout.connect(self.commit_note)
        # Shown for every highlight, whatever the article's detected language: detection can
        # be wrong, and an English quote may still need a gloss for another reader.
        self.translation = QPlainTextEdit(self)
        self.translation.setPlaceholderText("Your translation of the quote (shown under it in "
                                            "the note as the analyst's)")
        self.translation.setTabChangesFocus(True)
        self.translation.setFixedHeight(60)
        self.translation.installEventFilter(self)
        self._translation_timer = QTimer(self)
        self._translation_timer.setSingleShot(True)
        self._translation_timer.setInterval(NOTE_PAUSE_MS)
        self._translation_timer.timeout.connect(self.commit_translation)
        self.tag_editor = TagEditor(self)
        if ws.readonly:  # a visible reason instead of an error after typing
            self.tag_editor.field.setEnabled(False)
            self.tag_editor.field.setPlaceholderText("Read-only: tags cannot be changed here")
        self.tag_editor.tagAdded.connect(self.add_tag)
        self.tag_editor.tagRemoved.connect(self.remove_tag)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        self.delete_button = QPushButton("Delete highlight", self)
        self.delete_button.setToolTip("Delete this highlight (Del in the list; Ctrl+Z undoes)")

        # Long grade meanings ("B — Usually reliable") must not push the combo under its
        # label in a narrow dock: the combos shrink to a few characters and elide instead.
        for combo in (self.kind, self.reliability, self.credibility):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QLabel("Perspectives", self))
        form.addRow(self._check_grid)
        form.addRow("Tags", self.tag_editor)
        form.addRow("Kind", self.kind)
        form.addRow("Reliability", self.reliability)
        form.addRow("Credibility", self.credibility)
        form.addRow("Note", self.note)
        form.addRow("Translation", self.translation)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignRight)

        self.kind.activated.connect(lambda _i: self._edit(kind=self.kind.currentText()))
        self.reliability.activated.connect(
            lambda _i: self._edit(reliability=self.reliability.currentData()))
        self.credibility.activated.connect(
            lambda _i: self._edit(credibility=self.credibility.currentData()))
        self.note.textChanged.connect(self._note_typed)
        self.translation.textChanged.connect(self._translation_typed)
        self.delete_button.clicked.connect(self.delete_current)
        self.set_highlight(None, [])

    def set_perspectives(self, perspectives: list[Perspective]) -> None:
        labels = [_check_label(p) for p in perspectives]
        if [p.key for p in perspectives] == list(self.checks) and \
                labels == [b.text() for b in self.checks.values()]:
            return
        for box in self.checks.values():
            box.deleteLater()
        self.checks = {}
        for p in perspectives:
            box = QCheckBox(_check_label(p), self)
            box.setIcon(swatch_icon([p.colour]))
            if p.shortcut:
                box.setToolTip(f"{p.name} — key {p.shortcut} in the reader")
            box.toggled.connect(lambda _on, _k=p.key: self._perspectives_toggled())
            self.checks[p.key] = box
        self._check_columns = 0
        self._reflow_checks()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._reflow_checks()

    def _reflow_checks(self) -> None:
        """As many columns of perspective boxes as fit whole: two fixed columns had clipped
        "South Korean (3)" to "South Korean (3" in the default side panel."""
        boxes = list(self.checks.values())
        if not boxes:
            return
        widest = max(b.sizeHint().width() for b in boxes)
        spacing = self._check_grid.horizontalSpacing()
        margins = self.layout().contentsMargins() if self.layout() else None
        room = self.contentsRect().width() - (margins.left() + margins.right() if margins else 0)
        columns = max(1, min(len(boxes), 3, (room + spacing) // (widest + spacing)))
        if columns == self._check_columns:
            return
        self._check_columns = columns
        for box in boxes:
            self._check_grid.removeWidget(box)
        for i, box in enumerate(boxes):
            self._check_grid.addWidget(box, i // columns, i % columns)

    def set_highlight(self, h: Highlight | None, perspectives: list[Perspective]) -> None:
        """Show one highlight (None disables the editor); no command is pushed."""
        if self.highlight is not None and (h is None or h.id != self.highlight.id):
            self.commit_note()
            self.commit_translation()
        if perspectives:
            self.set_perspectives(perspectives)
        self.highlight = h
        self.setEnabled(h is not None and not self.ws.readonly)
        if self.ws.readonly:  # why nothing here can be changed
            reason = f"Read-only: {self.ws.readonly_reason or 'opened read-only'}"
            self.setTitle(f"Selected highlight — {reason}")
            self.setToolTip(reason)
        self.error.hide()
        self.tag_editor.set_tags(h.tags if h is not None else [])
        self.tag_editor.set_known(self.ws.highlights.all_tags())
        widgets = [self.kind, self.reliability, self.credibility, self.note, self.translation,
                   *self.checks.values()]
        for w in widgets:
            w.blockSignals(True)
        try:
            if h is None:
                self.quote.setText("Select a highlight to edit its perspectives, note and grading.")
                self.note.setPlainText("")
                self.translation.setPlainText("")
                for box in self.checks.values():
                    box.setChecked(False)
                return
            quote = " ".join(h.quote.split())
            self.quote.setText(("⚠ Orphaned — " if h.orphaned else "")
                               + (f"“{quote[:300]}…”" if len(quote) > 300 else f"“{quote}”"))
            for key, box in self.checks.items():
                box.setChecked(key in h.perspectives)
            self.kind.setCurrentText(h.kind)
            self.reliability.setCurrentIndex(max(0, self.reliability.findData(h.reliability)))
            self.credibility.setCurrentIndex(max(0, self.credibility.findData(h.credibility)))
            if self.note.toPlainText() != h.note:
                self.note.setPlainText(h.note)
            if self.translation.toPlainText() != h.translation:
                self.translation.setPlainText(h.translation)
        finally:
            for w in widgets:
                w.blockSignals(False)

    def _edit(self, **changes: object) -> None:
        if self.highlight is None or self.ws.readonly:
            return
        if all(getattr(self.highlight, k) == v for k, v in changes.items()):
            return
        self.undo_stack.push(EditHighlight(self.ws, self.highlight.id, **changes))

    def add_tag(self, name: str) -> None:
        """Tag the shown highlight (an undoable command); a refusal is shown under the form."""
        self._retag(add=[name])

    def remove_tag(self, name: str) -> None:
        self._retag(remove=[name])

    def _retag(self, add: list[str] | None = None, remove: list[str] | None = None) -> None:
        if self.highlight is None:
            return
        cmd = TagHighlight(self.ws, self.highlight.id, add or [], remove or [])
        self.undo_stack.push(cmd)
        if cmd.error:
            self.error.setText(f"Could not change the tags: {cmd.error}")
            self.error.show()

    def _perspectives_toggled(self) -> None:
        if self.highlight is None:
            return
        current = [k for k in self.highlight.perspectives if self.checks.get(k, None) is None
                   or self.checks[k].isChecked()]
        added = [k for k, box in self.checks.items() if box.isChecked() and k not in current]
        self._edit(perspectives=current + added)

    def _note_typed(self) -> None:
        if self.highlight is not None:
            self._note_timer.start()

    def commit_note(self) -> None:
        """Save the note now if it differs from the stored one."""
        self._note_timer.stop()
        if self.highlight is not None and self.note.toPlainText() != self.highlight.note:
            self._edit(note=self.note.toPlainText())

    def _translation_typed(self) -> None:
        if self.highlight is not None:
            self._translation_timer.start()

    def commit_translation(self) -> None:
        """Save the translation now if it differs from the stored one."""
        self._translation_timer.stop()
        if (self.highlight is not None
                and self.translation.toPlainText() != self.highlight.translation):
            self._edit(translation=self.translation.toPlainText())

    def delete_current(self) -> None:
        if self.highlight is not None and not self.ws.readonly:
            self._note_timer.stop()
            self._translation_timer.stop()
            self.undo_stack.push(DeleteHighlight(self.ws, self.highlight.id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.commit_note()
        if watched is self.translation and event.type() == QEvent.Type.FocusOut:
            self.commit_translation()
        if (watched is self.note and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape):  # type: ignore[attr-defined]
            self.commit_note()
            self.noteDone.emit()
            return True
        return super().eventFilter(watched, event)


class HighlightsPanel(QWidget):
    """This article's or the whole library's highlights, filterable, with an editor."""

    highlightActivated = Signal(int, int, int)  # article id, start, end

    def __init__(self, ws: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.undo_stack = ws, undo_stack
        self.article_id: int | None = None
        self.perspectives: list[Perspective] = []

        self.this_button = QToolButton(self)
        self.this_button.setText("This article")
        self.all_button = QToolButton(self)
        self.all_button.setText("All articles")
        self.scope = QButtonGroup(self)
        for i, b in enumerate((self.this_button, self.all_button)):
            b.setCheckable(True)
            b.setAutoRaise(True)
            self.scope.addButton(b, i)
        self.this_button.setChecked(True)
        self.this_button.setToolTip("Highlights of the article open in the reader")
        self.all_button.setToolTip("Highlights of every article in the library")
        self.perspective_filter = QComboBox(self)
        self.perspective_filter.setToolTip("Show only highlights with this perspective")
        self.tag_filter = QComboBox(self)
        self.tag_filter.setToolTip("Show only highlights with this tag")
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText("Filter quotes, notes and translations")
        self.text_filter.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        self.model = HighlightTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(HighlightTableModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        self.view.setItemDelegateForColumn(
            HighlightTableModel.TAGS, TagChipsDelegate(HighlightTableModel.TagsRole, self.view))
        header.setSectionResizeMode(HighlightTableModel.TAGS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(HighlightTableModel.TAGS, 100)
        for col in (HighlightTableModel.KIND, HighlightTableModel.GRADE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col in (HighlightTableModel.PERSPECTIVES, HighlightTableModel.SOURCE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, 110)  # the quote gets the room; tooltips carry the rest
        self.editor = HighlightEditor(ws, undo_stack, self)

        delete = QAction("Delete highlight", self.view)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.editor.delete_current)
        self.view.addAction(delete)

        top = QHBoxLayout()
        top.addWidget(self.this_button)
        top.addWidget(self.all_button)
        top.addWidget(self.perspective_filter, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.count_label)
        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addLayout(filters)
        # An empty list says why and what to do: "0 highlights" over a blank table had not.
        self.empty_hint = QLabel(self)
        self.empty_hint.setObjectName("highlightsEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_hint.hide()
        list_layout.addWidget(self.empty_hint)
        list_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        # The editor scrolls rather than squeezing the list: in the default side panel its
        # height had left the list two rows.
        editor_scroll = QScrollArea(self)
        editor_scroll.setWidget(self.editor)
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(list_box)
        splitter.addWidget(editor_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.scope.idToggled.connect(lambda _i, on: on and self.refresh())
        self.perspective_filter.activated.connect(lambda _i: self.refresh())
        self.tag_filter.activated.connect(lambda _i: self.refresh())
        self.text_filter.textChanged.connect(lambda _t: self.refresh())
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        highlight_events(ws).changed.connect(self._on_changed)
        self.refresh()

    # -- public API -----------------------------------------------------------------
    def set_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        if self.this_button.isChecked():
            self.refresh()

    def filter_by_tag(self, name: str | None) -> bool:
        """Show only highlights tagged `name` (None: every tag); False if no such tag."""
        self._load_tags()
        pos = 0 if name is None else next(
            (i for i in range(1, self.tag_filter.count())
             if tag_key(self.tag_filter.itemData(i)) == tag_key(name)), -1)
        if pos < 0:
            return False
        self.tag_filter.setCurrentIndex(pos)
        self.refresh()
        return True

    def show_all_articles(self, on: bool = True) -> None:
        (self.all_button if on else self.this_button).setChecked(True)

    def refresh(self) -> None:
        """Reload the list from the workspace, keeping the selected highlight."""
        self._load_perspectives()
        self._load_tags()
        keep = self.editor.highlight.id if self.editor.highlight else None
        key = self.perspective_filter.currentData()
        keys = [key] if key else None
        tag = self.tag_filter.currentData()
        tags = [tag] if tag else None
        all_scope = self.all_button.isChecked()
        if all_scope:
            rows = self.ws.highlights.list(perspectives=keys, tags=tags)
            articles = {a.id: a for a in self.ws.articles.list()}
        elif self.article_id is not None:
            rows = self.ws.highlights.list(article_ids=[self.article_id], perspectives=keys,
                                           tags=tags)
            article = self.ws.articles.get(self.article_id)
            articles = {article.id: article} if article else {}
        else:
            rows, articles = [], {}
        needle = self.text_filter.text().strip().lower()
        if needle:
            rows = [h for h in rows if needle in h.quote.lower() or needle in h.note.lower()
                    or needle in h.translation.lower()]
        self.model.set_rows(rows, self.perspectives, articles)
        self.view.setColumnHidden(HighlightTableModel.SOURCE, not all_scope)
        self.count_label.setText(f"{len(rows)} highlight{'s' if len(rows) != 1 else ''}")
        self.empty_hint.setText("" if rows else self._why_empty(bool(keys or tags or needle)))
        self.empty_hint.setVisible(not rows)
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.view.selectRow(row)
            self.editor.set_highlight(self.model.rows[row], self.perspectives)
        else:
            self.editor.set_highlight(None, self.perspectives)

    def select_highlight(self, highlight_id: int) -> bool:
        """Select one highlight's row (scrolled into view) and show it in the editor."""
        row = self.model.row_of(highlight_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
            self.editor.set_highlight(self.model.rows[row], self.perspectives)
        return row >= 0

    def scope_mode(self) -> str:
        """"this" (the open article's highlights) or "all" (the library's)."""
        return "all" if self.all_button.isChecked() else "this"

    def _why_empty(self, filtered: bool) -> str:
        """What an empty list means here, and what to do about it."""
        if filtered:
            return "No highlight matches these filters."
        if self.all_button.isChecked():
            return "No highlights in the library yet: mark passages in the reader."
        if self.article_id is None:
            return "Open an article to see its highlights, or choose All articles."
        return ("No highlights in this article yet. Select a passage and press 1–9 (one key "
                "per perspective), or press N for the next suggested claim and Enter to "
                "accept it.")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """In a narrow panel the quote needs the room: the swatch and tooltip name the rest."""
        super().resizeEvent(event)
        narrow = self.width() < 420
        self.view.setColumnHidden(HighlightTableModel.PERSPECTIVES, narrow)
        self.view.setColumnHidden(HighlightTableModel.KIND, narrow)

    # -- internals ----------------------------------------------------------------------
    def _load_perspectives(self) -> None:
        current = self.ws.perspectives.all()
        if [(p.key, p.name, p.colour) for p in current] == \
                [(p.key, p.name, p.colour) for p in self.perspectives]:
            return
        self.perspectives = current
        chosen = self.perspective_filter.currentData()
        self.perspective_filter.clear()
        self.perspective_filter.addItem("All perspectives", None)
        for p in current:
            self.perspective_filter.addItem(swatch_icon([p.colour]), p.name, p.key)
        self.perspective_filter.setCurrentIndex(max(0, self.perspective_filter.findData(chosen)))
        self.editor.set_perspectives(current)

    def _load_tags(self) -> None:
        names = self.ws.highlights.all_tags()
        chosen = self.tag_filter.currentData()
        if chosen and tag_key(chosen) not in {tag_key(n) for n in names}:
            names = sorted([*names, chosen], key=tag_key)  # an undo must not drop the filter
        if [self.tag_filter.itemData(i) for i in range(1, self.tag_filter.count())] == names \
                and self.tag_filter.count():
            return
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", None)
        for name in names:
            self.tag_filter.addItem(name, name)
        found = self.tag_filter.findData(chosen) if chosen else 0
        self.tag_filter.setCurrentIndex(max(0, found))
        self.tag_filter.blockSignals(False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        h = current.data(HighlightTableModel.HighlightRole) if current.isValid() else None
        self.editor.set_highlight(h, self.perspectives)

    def _selection_changed(self, *_: object) -> None:
        """The editor follows the selection: nothing selected, nothing to edit."""
        if not self.view.selectionModel().hasSelection():
            self.editor.set_highlight(None, self.perspectives)

    def _activate(self, index: QModelIndex) -> None:
        h = index.data(HighlightTableModel.HighlightRole)
        if h is not None:
            self.highlightActivated.emit(h.article_id, h.start, h.end)

    def _on_changed(self, article_id: int) -> None:
        if self.all_button.isChecked() or article_id == self.article_id:
            self.refresh()


def _check_label(p: Perspective) -> str:
    """'Ukrainian (1)': the name and the reader key that marks a passage with it."""
    return f"{p.name} ({p.shortcut})" if p.shortcut else p.name
