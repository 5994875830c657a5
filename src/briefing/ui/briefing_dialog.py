"""Briefing builder dialog (Ctrl+E): choose, order and group highlights, then export a note.

The dialog only gathers choices: it builds a `BriefingSpec` and calls the core
(`select_highlights` to list candidates, `build_content` for the outline
preview, `check_ready` then `export_briefing` in the background). Filters,
grouping, numbering, the ready-to-send check and writing are the core's rules.
Before writing, the ready-to-send check lists what the note cites that nobody
checked; the analyst exports anyway or goes back. The order the up/down buttons
make is remembered per workspace, as are the output folder and every choice. Text from articles is
shown only as plain text (list items and tree items), never as rich text.

Given a saved brief (`brief=NAME`), the dialog edits that brief instead and saves as it
goes (briefing.core.briefs): its title block, filter and order ("My order" is the brief's
order). Highlights its filter matches that it never considered are offered in a bar
("3 new highlights match this brief — add?"), never added by themselves; each export is
written from the brief as the CLI writes it and recorded in its history, and may mark what
is new since the previous export.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core import collections
from briefing.core.export import (
    FORMATS,
    BriefingSpec,
    ExportError,
    ExportReport,
    ReadyReport,
    build_content,
    select_highlights,
)
from briefing.core.export.markings import levels as marking_levels
from briefing.core.export.selection import short_date
from briefing.core.workspace import Workspace
from briefing.ui.brief_draft import NEW_MATCH, BriefDraft
from briefing.ui.note_export import NoteExport, ProgressRelay, open_file
from briefing.ui.tasks import TaskHandle, run_task
from briefing.ui.wording import count

SETTINGS_GROUP = "briefing_dialog"
GROUP_LABELS = (("perspective", "Perspective"), ("tag", "Tag"), ("article", "Article"),
                ("order", "My order"))
CITATION_LABELS = (("numbered", "Numbered source list"),
                   ("footnotes", "Numbered list and Word footnotes (Chicago)"))
FORMAT_LABELS = (("docx", "Word document (.docx)"), ("md", "Markdown (.md)"),
                 ("csv", "CSV table (.csv)"), ("json", "Web Annotations JSON (.json)"))
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_ROLE = Qt.ItemDataRole.UserRole
PREVIEW_DELAY_MS = 250

Runner = Callable[..., Any]


def _clip(text: str, limit: int = 150) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "\u2026"


class BriefingDialog(BriefDraft, NoteExport, QDialog):
    """Choose highlights, write the title block and summary, preview, export."""

    exported = Signal(object)  # ExportReport

    def __init__(self, ws: Workspace, settings: QSettings, parent: QWidget | None = None,
                 runner: Runner | None = None, brief: str | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._loading = True
        self.settings = settings
        self._runner = runner or run_task
        self._order: list[int] = []  # every highlight id seen, in the user's order
        self._unchecked: set[int] = set()
        self._task: TaskHandle | None = None
        self.last_report: ExportReport | None = None
        self.last_error: str | None = None
        # asked when the chosen file exists and Briefing did not write it; tests replace it
        self.confirm_replace: Callable[[str], bool] = self._ask_replace
        # the ready-to-send step: True exports anyway; tests replace it
        self.confirm_ready: Callable[[ReadyReport], bool] = self._ask_ready
        self.open_file: Callable[[Path], object] = open_file  # "Open the note"; tests replace it
        self.last_ready: ReadyReport | None = None
        self.setWindowTitle("Export briefing note")
        self.resize(1100, 720)
        self._relay = ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._init_brief(brief)
        self._build()
        self._load_settings()
        if brief is not None:
            self._load_brief(brief)
        self._loading = False
        self.refresh_highlights()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self._build_selection())
        split.addWidget(self._build_note())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.hide()  # an idle "0%" bar read as a stuck export: shown once one runs
        self.status = QLabel("", self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.open_button = buttons.addButton("Open the note",
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(False)
        self.open_button.setToolTip("Open the note just written in its usual application")
        self.open_button.clicked.connect(self.open_note)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.export)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _build_selection(self) -> QWidget:
        box = QGroupBox("Highlights", self)
        self.perspective_filter = QComboBox(box)
        self.perspective_filter.addItem("All perspectives", None)
        for p in self.ws.perspectives.all():
            self.perspective_filter.addItem(p.name, p.key)
        self.tag_filter = QComboBox(box)
        self.tag_filter.addItem("All tags", None)
        for tag in self._known_tags():
            self.tag_filter.addItem(tag, tag)
        self.article_filter = QComboBox(box)
        self.article_filter.addItem("All articles", None)
        for a in self.ws.articles.list():
            self.article_filter.addItem(_clip(f"#{a.id} {a.title}", 70), a.id)
        self.collection_filter = QComboBox(box)  # a set or a saved search (re-run)
        self.collection_filter.setObjectName("collectionFilter")
        self.collection_filter.setToolTip("Only highlights in the articles of this collection")
        self.collection_filter.addItem("Every collection", None)
        for name in collections.names(self.ws):
            self.collection_filter.addItem(name, name)
        self.date_from_edit = QLineEdit(box)
        self.date_from_edit.setPlaceholderText("from YYYY[-MM[-DD]]")
        self.date_to_edit = QLineEdit(box)
        self.date_to_edit.setPlaceholderText("to YYYY[-MM[-DD]]")
        for combo in (self.perspective_filter, self.tag_filter, self.article_filter,
                      self.collection_filter):
            combo.currentIndexChanged.connect(self.refresh_highlights)
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.editingFinished.connect(self.refresh_highlights)
            # the placeholder is the format to type: it had shown as "from YYYY[-MM[-…"
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText())
                                 + 16)
        filters = QHBoxLayout()
        for w in (self.perspective_filter, self.tag_filter, self.article_filter):
            filters.addWidget(w, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.collection_filter, 1)
        dates.addWidget(QLabel("Published", box))
        dates.addWidget(self.date_from_edit)
        dates.addWidget(self.date_to_edit)

        self.list = QListWidget(box)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.itemChanged.connect(self._item_changed)
        self.all_button = QPushButton("Select all", box)
        self.none_button = QPushButton("Select none", box)
        self.up_button = QPushButton("Move up", box)
        self.down_button = QPushButton("Move down", box)
        self.up_button.setToolTip("Move up in your order (Alt+Up); group by \u201cMy order\u201d "
                                  "to write the note exactly in this order")
        self.down_button.setToolTip("Move down in your order (Alt+Down)")
        self.up_button.setShortcut("Alt+Up")
        self.down_button.setShortcut("Alt+Down")
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        row = QHBoxLayout()
        for b in (self.all_button, self.none_button):
            row.addWidget(b)
        row.addStretch(1)
        for b in (self.up_button, self.down_button):
            row.addWidget(b)
        self.count_label = QLabel("", box)
        self._build_offer_bar(box)
        layout = QVBoxLayout(box)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.offer_bar)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.count_label)
        return box

    def _build_note(self) -> QWidget:
        box = QWidget(self)
        form = QFormLayout()
        self.title_edit = QLineEdit(box)
        self.author_edit = QLineEdit(box)
        self.marking_edit = QComboBox(box)
        self.marking_edit.setEditable(True)
        self.marking_edit.addItems(marking_levels())  # resources/export/markings.toml
        self.group_combo = QComboBox(box)
        for key, label in GROUP_LABELS:
            self.group_combo.addItem(label, key)
        self.summary_edit = QPlainTextEdit(box)
        self.summary_edit.setPlaceholderText("Bottom line up front: what the reader must know")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMaximumHeight(110)
        self.citation_combo = QComboBox(box)
        for key, label in CITATION_LABELS:
            self.citation_combo.addItem(label, key)
        self.citation_combo.setToolTip("Word footnotes give each source in full (Chicago notes "
                                       "style) beside the numbered list; .docx only")
        form.addRow("Title", self.title_edit)
        form.addRow("Author", self.author_edit)
        form.addRow("Marking", self.marking_edit)
        form.addRow("Group by", self.group_combo)
        form.addRow("Citations", self.citation_combo)
        form.addRow("Summary", self.summary_edit)
        self._build_mark_new(box, form)
        for edit in (self.title_edit, self.author_edit):
            edit.textChanged.connect(self._schedule_preview)
        self.marking_edit.currentTextChanged.connect(self._schedule_preview)
        self.summary_edit.textChanged.connect(self._schedule_preview)
        self.group_combo.currentIndexChanged.connect(self._schedule_preview)

        self.preview = QTreeWidget(box)
        self.preview.setHeaderLabels(["Outline"])
        self.preview.setUniformRowHeights(True)

        self.out_edit = QLineEdit(box)
        browse = QPushButton("Browse\u2026", box)
        browse.clicked.connect(self._browse_out)
        self.format_combo = QComboBox(box)
        for key, label in FORMAT_LABELS:
            self.format_combo.addItem(label, key)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.template_edit = QLineEdit(box)
        self.template_edit.setPlaceholderText("shipped template")
        template_browse = QPushButton("Browse\u2026", box)
        template_browse.clicked.connect(self._browse_template)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_edit, 1)
        template_row.addWidget(template_browse)
        out_form = QFormLayout()
        out_form.addRow("Save as", out_row)
        out_form.addRow("Format", self.format_combo)
        out_form.addRow("Template", template_row)

        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(QLabel("Preview", box))
        layout.addWidget(self.preview, 1)
        layout.addLayout(out_form)
        return box

    # -- settings -------------------------------------------------------------------------
    def _key(self, name: str) -> str:
        return f"{SETTINGS_GROUP}/{name}"

    def _load_settings(self) -> None:
        s = self.settings
        self.title_edit.setText(str(s.value(self._key("title"), "Briefing note")))
        self.author_edit.setText(str(s.value(self._key("author"), "")))
        self.marking_edit.setCurrentText(str(s.value(self._key("marking"), "UNCLASSIFIED")))
        self.summary_edit.setPlainText(str(s.value(self._key("summary"), "")))
        self._select_data(self.group_combo, s.value(self._key("group_by"), "perspective"))
        self._select_data(self.format_combo, s.value(self._key("format"), "docx"))
        self._select_data(self.citation_combo, s.value(self._key("citations"), "numbered"))
        self.template_edit.setText(str(s.value(self._key("template"), "")))
        folder = Path(str(s.value(self._key("folder"), str(Path.home()))))
        out = str(s.value(self._key("out"), ""))
        name = Path(out).name if out else "briefing-note" + FORMATS[self.format_combo.currentData()]
        self.out_edit.setText(str(folder / name))
        try:
            order = json.loads(str(s.value(self._order_key(), "{}")))
            self._order = [int(i) for i in order.get("order", [])]
            self._unchecked = {int(i) for i in order.get("unchecked", [])}
        except (ValueError, TypeError, AttributeError):
            self._order, self._unchecked = [], set()  # a damaged entry: start afresh

    def save_settings(self) -> None:
        s = self.settings
        s.setValue(self._key("title"), self.title_edit.text())
        s.setValue(self._key("author"), self.author_edit.text())
        s.setValue(self._key("marking"), self.marking_edit.currentText())
        s.setValue(self._key("summary"), self.summary_edit.toPlainText())
        s.setValue(self._key("group_by"), self.group_combo.currentData())
        s.setValue(self._key("format"), self.format_combo.currentData())
        s.setValue(self._key("citations"), self.citation_combo.currentData())
        s.setValue(self._key("template"), self.template_edit.text())
        s.setValue(self._key("out"), self.out_edit.text())
        out = self.out_edit.text().strip()
        if out:
            s.setValue(self._key("folder"), str(Path(out).expanduser().parent))
        if self.brief is None:  # a brief keeps its own order
            s.setValue(self._order_key(), json.dumps({"order": self._order,
                                                      "unchecked": sorted(self._unchecked)}))
        s.sync()
        self.save_brief()

    def _order_key(self) -> str:
        """The user's order is kept per workspace: highlight ids mean nothing elsewhere."""
        root = hashlib.sha1(str(self.ws.root.resolve()).encode("utf-8")).hexdigest()[:16]
        return self._key(f"order_{root}")

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # -- the spec ---------------------------------------------------------------------------
    def _date(self, edit: QLineEdit) -> str | None:
        text = edit.text().strip()
        return text if DATE_RE.match(text) else None

    def filter_spec(self) -> BriefingSpec:
        """The filters alone (what the list shows)."""
        p, t, a = (c.currentData() for c in (self.perspective_filter, self.tag_filter,
                                             self.article_filter))
        spec = BriefingSpec(perspectives=[p] if p else [], tags=[t] if t else [],
                            article_ids=[a] if a else [], date_from=self._date(self.date_from_edit),
                            date_to=self._date(self.date_to_edit),
                            collection=self.collection_filter.currentData())
        for key, values in self._kept_filters.items():  # several values: the combo shows "All"
            if not getattr(spec, key):
                setattr(spec, key, list(values))
        return spec

    def limit_to_collection(self, name: str | None) -> None:
        """Start from the collection the library shows (None: every article)."""
        index = self.collection_filter.findData(name) if name else 0
        self.collection_filter.setCurrentIndex(max(index, 0))

    def spec(self) -> BriefingSpec:
        """Everything the user chose: filters, checked highlights in order, title block."""
        spec = self.filter_spec()
        spec.highlight_ids = self.checked_ids()
        spec.title = self.title_edit.text()
        spec.author = self.author_edit.text()
        spec.marking = self.marking_edit.currentText()
        spec.summary = self.summary_edit.toPlainText()
        spec.group_by = self.group_combo.currentData()
        spec.citation_style = self.citation_combo.currentData()
        template = self.template_edit.text().strip()
        spec.template = Path(template).expanduser() if template else None
        return spec

    def checked_ids(self) -> list[int]:
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(ID_ROLE)))
        return out

    # -- the list ---------------------------------------------------------------------------
    def _known_tags(self) -> list[str]:
        return self.ws.highlights.all_tags()  # each tag once, whatever case it was typed in

    @Slot()
    def refresh_highlights(self) -> None:
        """List the highlights the filters select, in the user's order, checked as left."""
        bad = [e.text() for e in (self.date_from_edit, self.date_to_edit)
               if e.text().strip() and not DATE_RE.match(e.text().strip())]
        if bad:
            self.status.setText(f"Dates look like 2024, 2024-11 or 2024-11-15; ignoring {bad[0]!r}")
        try:
            found = select_highlights(self.ws, self.filter_spec())
        except ExportError as exc:
            self.status.setText(str(exc))
            found = []
        names = {p.key: p.name for p in self.ws.perspectives.all()}
        for h, _ in found:
            if h.id not in self._order:
                self._order.append(h.id)
                if self.brief is not None:  # offered, never added by itself
                    self._pending.add(h.id)
                    self._unchecked.add(h.id)
        if self.brief is not None:  # chosen by hand outside the filter: still in the note
            shown = {h.id for h, _ in found}
            for hid in self._pending - shown:  # offered under another filter: not any more
                self._pending.discard(hid)
                self._unchecked.discard(hid)
                self._order.remove(hid)
            extra = [hid for hid in self._order if hid not in self._unchecked and hid not in shown]
            if extra:
                found += select_highlights(self.ws, BriefingSpec(highlight_ids=extra))
        rank = {hid: i for i, hid in enumerate(self._order)}
        found.sort(key=lambda pair: rank[pair[0].id])
        fresh = set(self._news.highlights) if self._news is not None else set()
        self.list.blockSignals(True)
        self.list.clear()
        for h, article in found:
            persp = ", ".join(names.get(k, k) for k in h.perspectives) or "No perspective"
            source = ", ".join(x for x in (article.publisher, short_date(article.published)) if x)
            text = f"{persp}  \u00b7  {_clip(h.quote)}  \u2014 {source}"
            if h.id in self._pending:
                text = NEW_MATCH + text
            elif h.id in fresh and self._news is not None:
                text += f"  \u00b7  {self._news.label}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, h.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if h.id in self._unchecked
                               else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update_count()
        self._update_offer()
        self._schedule_preview()

    def _item_changed(self, item: QListWidgetItem) -> None:
        hid = int(item.data(ID_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self._unchecked.discard(hid)
        else:
            self._unchecked.add(hid)
        if hid in self._pending:  # the analyst decided on this offer
            self._pending.discard(hid)
            if item.text().startswith(NEW_MATCH):
                self.list.blockSignals(True)
                item.setText(item.text()[len(NEW_MATCH):])
                self.list.blockSignals(False)
            self._update_offer()
        self._update_count()
        self._schedule_preview()

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def move_current(self, step: int) -> None:
        """Move the current highlight up (-1) or down (+1) in the note's order."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        a = int(self.list.item(row).data(ID_ROLE))
        b = int(self.list.item(target).data(ID_ROLE))
        ia, ib = self._order.index(a), self._order.index(b)
        self._order[ia], self._order[ib] = b, a
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(target)
        self._schedule_preview()

    def _update_count(self) -> None:
        n = len(self.checked_ids())
        total = self.list.count()
        self.count_label.setText(f"{n} of {count(total, 'highlight')} chosen")

    # -- preview ----------------------------------------------------------------------------
    def _schedule_preview(self, *_: object) -> None:
        self._preview_timer.start()
        if self.brief is not None and not self._loading:
            self._save_timer.start()

    @Slot()
    def refresh_preview(self) -> None:
        """The outline of the note as it would be written (without the figures table)."""
        self._preview_timer.stop()
        self.preview.clear()
        spec = self.spec()
        if not spec.highlight_ids:
            QTreeWidgetItem(self.preview, ["No highlights chosen"])
            return
        try:
            content = build_content(self.ws, spec, comparisons=[])
        except ExportError as exc:
            QTreeWidgetItem(self.preview, [str(exc)])
            return
        head = QTreeWidgetItem(self.preview, [_clip(f"{content.title}  \u00b7  {content.marking}",
                                                   120)])
        if content.summary:
            QTreeWidgetItem(head, ["Bottom line up front"])
        for section in content.sections:
            node = QTreeWidgetItem(self.preview, [f"{section.heading} ({len(section.items)})"])
            for item in section.items:
                QTreeWidgetItem(node, [f"\u201c{_clip(item.quote, 110)}\u201d [{item.reference}]"])
        QTreeWidgetItem(self.preview, ["Comparison of figures (from the claims engine)"])
        sources = QTreeWidgetItem(self.preview, [f"Sources ({len(content.sources)})"])
        for src in content.sources:
            QTreeWidgetItem(sources, [f"[{src.number}] {_clip(src.citation(), 110)}"])
        self.preview.expandAll()

    # -- output -----------------------------------------------------------------------------
    def _format_changed(self) -> None:
        fmt = self.format_combo.currentData()
        text = self.out_edit.text().strip()
        if text:
            self.out_edit.setText(str(Path(text).with_suffix(FORMATS[fmt])))

    def _browse_out(self) -> None:
        fmt = self.format_combo.currentData()
        path, _ = QFileDialog.getSaveFileName(self, "Save briefing note as", self.out_edit.text(),
                                              f"{fmt.upper()} (*{FORMATS[fmt]})")
        if path:
            self.out_edit.setText(path)
            self.settings.setValue(self._key("folder"), str(Path(path).parent))

    def open_note(self) -> None:
        """Open the note just written in the system's application for it."""
        if self.last_report is not None and self.last_report.path.exists():
            self.open_file(self.last_report.path)

    def _browse_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Word template", self.template_edit.text(),
                                              "Word documents (*.docx)")
        if path:
            self.template_edit.setText(path)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.save_settings()
        if self._task is not None and not self._task.finished:
            self._task.detach()
        super().closeEvent(event)
