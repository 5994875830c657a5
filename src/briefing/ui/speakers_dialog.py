"""The Speakers dialog: who speaks in the library, and the perspective the analyst gives each.

One row per speaker (unassigned first): how many statements, in how many articles, what
decides the perspective now (the speaker book, the cues, or nothing), and a combo that
assigns one. Every assignment is an ``AssignSpeaker`` command on the shared undo stack
and goes through the core (``briefing.core.speakers``); after it, the reader and the
highlights panel redraw the suggestions of every article the speaker appears in.
The list is read in the background (it needs every article's suggestions); `loading`
says when it is under way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.models import Perspective
from briefing.core.speakers import SpeakerEntry, library_speakers
from briefing.core.workspace import Workspace
from briefing.ui.highlights_model import swatch_icon
from briefing.ui.speaker_commands import AssignSpeaker
from briefing.ui.tasks import Reloader
from briefing.ui.wording import count


class SpeakersDialog(QDialog):
    """Speakers table with a perspective combo per row; testable on its own."""

    COLUMNS = ("Speaker", "Statements", "Articles", "Decided by", "Perspective")
    NAME, STATEMENTS, ARTICLES, SOURCE, PERSPECTIVE = range(5)
    CUES = "__cues__"  # combo data: no book entry, the cues decide

    def __init__(self, ws: Workspace, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.undo_stack = ws, undo_stack
        self.entries: list[SpeakerEntry] = []
        self.perspectives: list[Perspective] = []
        self.setWindowTitle("Speakers")
        self.resize(820, 520)

        intro = QLabel("Who speaks in the library's suggested statements. Give a speaker a "
                       "perspective once and every statement by that speaker follows; your "
                       "correction on a highlight still wins. Ctrl+Z undoes.", self)
        intro.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter speakers")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.unassigned_only = QCheckBox("Only unassigned", self)
        self.unassigned_only.toggled.connect(lambda _on: self.refresh())
        self.count = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for col in (self.STATEMENTS, self.ARTICLES, self.SOURCE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.PERSPECTIVE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.PERSPECTIVE, 200)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.unassigned_only)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        if ws.readonly:  # the combos are off: say why
            self.status.setText(f"Read-only: {ws.readonly_reason or 'opened read-only'}; "
                                "speakers cannot be assigned here.")
        self.undo_stack.indexChanged.connect(self._stack_moved)  # a bound slot: dropped with us
        self._reader = Reloader(self, lambda: (library_speakers, (
            self.ws, self.unassigned_only.isChecked())), self._loaded, self._failed)
        self._announce: tuple[str, str] | None = None  # (speaker, what was done)
        self.refresh()

    # -- public ---------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._reader.loading

    def refresh(self) -> None:
        """Re-read the speakers in the background (after an assignment, an undo, an import)."""
        if not self.entries and not self._reader.loading:
            self.count.setText("Reading the speakers of every article…")
        self._reader.start()

    def _loaded(self, entries: object) -> None:
        self.show_entries(list(entries or []))  # type: ignore[call-overload]

    def _failed(self, exc: BaseException) -> None:
        self.count.setText("")
        self.status.setText(f"Could not read the speakers: {exc}")

    def show_entries(self, entries: list[SpeakerEntry]) -> None:
        """Fill the table with these speakers."""
        self.perspectives = self.ws.perspectives.all()
        self.entries = entries
        names = {p.key: p.name for p in self.perspectives}
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            self._item(row, self.NAME, e.name,
                       "Written as: " + "; ".join(e.mentions[:6]) if e.mentions else e.name)
            self._item(row, self.STATEMENTS, str(e.statements))
            self._item(row, self.ARTICLES, str(len(e.articles)))
            tip = ""
            if e.perspective:
                source = "speaker book"
            elif e.unassigned and not e.cue_perspectives:
                source = "— unassigned"
            elif e.unassigned:  # "cues, 1 without" had left the analyst to guess: without what
                source = f"cues; {count(e.without_perspective, 'statement')} with none"
                tip = (f"Cues in the text place {e.statements - e.without_perspective} of "
                       f"this speaker's {count(e.statements, 'statement')}; the other "
                       f"{e.without_perspective} get a perspective when you give the speaker one")
            else:
                source = "cues"
            self._item(row, self.SOURCE, source, tip)
            self.table.setCellWidget(row, self.PERSPECTIVE, self._combo(e, names))
        if self._announce is not None:
            now = next((e for e in entries if e.name == self._announce[0]), None)
            if now is not None:  # not shown under "only unassigned": keep the first count
                self._say_what_follows(now)
            self._announce = None
        unassigned = sum(e.unassigned for e in self.entries)
        self.count.setText(f"{len(self.entries)} speakers, {unassigned} unassigned")
        self._apply_filter(self.filter.text())

    def row_of(self, name: str) -> int:
        """The row showing this speaker (by name as shown), or -1."""
        return next((i for i, e in enumerate(self.entries) if e.name == name), -1)

    def combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, self.PERSPECTIVE)  # type: ignore[return-value]

    def assign(self, name: str, perspective: str | None) -> bool:
        """Assign (None: clear) as the combo does; False with a status line when refused."""
        seen = next((e for e in self.entries if e.name == name), None)
        cmd = AssignSpeaker(self.ws, name, perspective, seen)
        self.undo_stack.push(cmd)
        if cmd.error:
            self.status.setText(f"Could not assign {name}: {cmd.error}")
            return False
        self._announce = (cmd.filed, cmd.text())
        self._say_what_follows(cmd.entry)  # counted again when the list is re-read
        return True

    def _say_what_follows(self, entry: SpeakerEntry | None) -> None:
        if self._announce is None:
            return
        follows = f"{count(entry.statements, 'statement')} in {count(len(entry.articles), 'article')}" \
            if entry else "no statement"
        self.status.setText(f"{self._announce[1]}: {follows} follow.")

    # -- internals ------------------------------------------------------------------
    def _stack_moved(self, _index: int) -> None:
        self.refresh()

    def done(self, result: int) -> None:  # noqa: D102 - closing stops the background read
        self._reader.stop()
        super().done(result)

    def _item(self, row: int, col: int, text: str, tip: str = "") -> None:
        item = QTableWidgetItem(text)
        if tip:
            item.setToolTip(tip)
        if col in (self.STATEMENTS, self.ARTICLES):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, col, item)

    def _combo(self, e: SpeakerEntry, names: dict[str, str]) -> QComboBox:
        combo = QComboBox(self.table)
        cued = ", ".join(names.get(k, k) for k in e.cue_perspectives)
        combo.addItem(f"Cues decide ({cued})" if cued else "Cues decide (none)", self.CUES)
        for p in self.perspectives:
            combo.addItem(swatch_icon([p.colour]), p.name, p.key)
        combo.setCurrentIndex(max(0, combo.findData(e.perspective)) if e.perspective else 0)
        combo.setToolTip(f"The perspective of every statement by {e.name}")
        combo.setEnabled(not self.ws.readonly)
        combo.activated.connect(lambda i, c=combo, n=e.name: self._chosen(n, c.itemData(i)))
        return combo

    def _chosen(self, name: str, data: str) -> None:
        perspective = None if data == self.CUES else data
        entry = next((e for e in self.entries if e.name == name), None)
        if entry is not None and entry.perspective == perspective:
            return
        self.assign(name, perspective)

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for row, e in enumerate(self.entries):
            hay = " ".join([e.name, *e.mentions]).casefold()
            self.table.setRowHidden(row, not all(w in hay for w in words))
