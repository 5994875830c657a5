"""The builder dialog's saved-brief half: load a brief, save it as the analyst works, offer
new matches, write the note from the brief and record the export (briefing.core.briefs).

A mixin of `BriefingDialog` (which owns the widgets it names): kept apart so the dialog
stays one job per module. Nothing here decides what a brief holds; the core does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from briefing.core import briefs
from briefing.core.errors import BriefError, CollectionError
from briefing.core.export import BriefingSpec, ExportReport
from briefing.core.workspace import WorkspaceError
from briefing.ui.brief_commands import brief_events

if TYPE_CHECKING:
    from briefing.ui.briefing_dialog import BriefingDialog

SAVE_DELAY_MS = 400  # a brief is saved this long after the last change
NEW_MATCH = "New match  \u00b7  "  # the list's prefix of an offered highlight


class BriefDraft:
    """The saved-brief behaviour of the builder (`self` is a BriefingDialog)."""

    def _init_brief(self: BriefingDialog, brief: str | None) -> None:
        self.brief = brief  # the saved brief this dialog edits, or None
        self._pending: set[int] = set()  # offered highlights the analyst has not decided on
        self._news: briefs.NewSince | None = None
        self._kept_filters: dict[str, list] = {}  # a brief's filters the combos cannot show
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_brief)

    def _build_offer_bar(self: BriefingDialog, box: QWidget) -> None:
        self.offer_bar = QWidget(box)
        self.offer_bar.setObjectName("offerBar")
        self.offer_label = QLabel("", self.offer_bar)
        self.offer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.offer_add = QPushButton("Add them", self.offer_bar)
        self.offer_add.setToolTip("Put the new matches at the end of the brief's order")
        self.offer_skip = QPushButton("Leave them out", self.offer_bar)
        self.offer_skip.setToolTip("Keep them out of this brief; they are not offered again")
        self.offer_add.clicked.connect(self.accept_offer)
        self.offer_skip.clicked.connect(self.decline_offer)
        offer = QHBoxLayout(self.offer_bar)
        offer.setContentsMargins(0, 0, 0, 0)
        offer.addWidget(self.offer_label, 1)
        offer.addWidget(self.offer_add)
        offer.addWidget(self.offer_skip)
        self.offer_bar.hide()

    def _build_mark_new(self: BriefingDialog, box: QWidget, form: QFormLayout) -> None:
        self.mark_new_check = QCheckBox("Mark what is new since the last export", box)
        self.mark_new_check.setObjectName("markNew")
        self.mark_new_check.setToolTip("Highlights and sources the brief's previous export "
                                       "did not hold carry \u201cNew since <date>\u201d")
        self.mark_new_check.setVisible(self.brief is not None)
        self.mark_new_check.setEnabled(False)
        if self.brief is not None:
            form.addRow("", self.mark_new_check)

    def _load_brief(self: BriefingDialog, name: str) -> None:
        """Fill the dialog from the brief: title block, grouping, filter and its order."""
        try:
            found = briefs.get(self.ws, name)
        except BriefError as exc:
            self._fail(str(exc))
            self.brief = None
            return
        row = found.row
        self.brief = row.name
        self.setWindowTitle(f"Brief: {row.name} \u2014 export briefing note")
        self.title_edit.setText(row.title)
        self.author_edit.setText(row.author)
        self.marking_edit.setCurrentText(row.marking)
        self.summary_edit.setPlainText(row.summary)
        self._select_data(self.group_combo, row.group_by)
        self._select_data(self.citation_combo, row.citation_style)
        filters = briefs.filters_of(row)
        combos = {"perspectives": self.perspective_filter, "tags": self.tag_filter,
                  "article_ids": self.article_filter}
        for key, combo in combos.items():
            combo.blockSignals(True)
            values = filters[key]
            combo.setCurrentIndex(max(combo.findData(values[0]), 0) if len(values) == 1 else 0)
            if len(values) > 1:
                self._kept_filters[key] = values
            combo.blockSignals(False)
            combo.activated.connect(lambda _i, k=key: self._kept_filters.pop(k, None))
        self.collection_filter.blockSignals(True)
        self.limit_to_collection(filters["collection"])
        self.collection_filter.blockSignals(False)
        self.date_from_edit.setText(filters["date_from"] or "")
        self.date_to_edit.setText(filters["date_to"] or "")
        self._order = [hid for hid, _ in row.rows]
        self._unchecked = {hid for hid, chosen in row.rows if not chosen}
        self._pending = set()
        self._set_news(found.new)

    def _set_news(self: BriefingDialog, news: briefs.NewSince | None) -> None:
        self._news = news
        self.mark_new_check.setEnabled(news is not None)
        if news is not None:
            self.mark_new_check.setText(f"Mark what is new since the last export "
                                        f"({news.label[10:]})")

    @Slot()
    def save_brief(self: BriefingDialog) -> None:
        """Store the brief as the dialog shows it (offered highlights stay undecided)."""
        self._save_timer.stop()
        if self.brief is None or self._loading or self.ws.readonly:
            return
        rows = [(hid, hid not in self._unchecked) for hid in self._order
                if hid not in self._pending]
        spec = self.filter_spec()
        filters = {key: getattr(spec, key) for key in briefs.FILTER_KEYS}
        settings = {"title": self.title_edit.text(), "author": self.author_edit.text(),
                    "marking": self.marking_edit.currentText(),
                    "summary": self.summary_edit.toPlainText(),
                    "group_by": self.group_combo.currentData(),
                    "citation_style": self.citation_combo.currentData()}
        try:
            briefs.save_draft(self.ws, self.brief, settings, filters, rows)
        except (BriefError, CollectionError, WorkspaceError) as exc:
            self._fail(f"The brief could not be saved: {exc}")
            return
        brief_events(self.ws).changed.emit(self.brief)

    def offered(self: BriefingDialog) -> list[int]:
        """The highlights offered now (matching the brief's filter, never considered)."""
        return [hid for hid in self._order if hid in self._pending]

    @Slot()
    def accept_offer(self: BriefingDialog) -> None:
        """Put every offered highlight into the note, at the end of the order."""
        for hid in self.offered():
            self._unchecked.discard(hid)
            self._order.remove(hid)
            self._order.append(hid)
        self._pending.clear()
        self.refresh_highlights()

    @Slot()
    def decline_offer(self: BriefingDialog) -> None:
        """Leave the offered highlights out; the brief does not offer them again."""
        self._pending.clear()
        self.refresh_highlights()

    def _update_offer(self: BriefingDialog) -> None:
        n = len(self._pending)
        self.offer_bar.setVisible(self.brief is not None and n > 0)
        if n:
            self.offer_label.setText(f"{n} new highlight{'s' * (n != 1)} "
                                     f"match{'es' * (n == 1)} this brief \u2014 add?")

    def _brief_spec(self: BriefingDialog, shown: BriefingSpec) -> BriefingSpec:
        try:
            row = briefs.get(self.ws, self.brief or "").row
        except BriefError:  # renamed or deleted meanwhile: the note as the dialog shows it
            return shown
        spec = briefs.spec_of(self.ws, row, mark_new=self.mark_new_check.isChecked())
        spec.template = shown.template
        return spec

    def _record(self: BriefingDialog, report: ExportReport) -> None:
        """The export goes into the brief's history; what counts as new starts again."""
        try:
            briefs.record_export(self.ws, self.brief or "", report)
            self._set_news(briefs.get(self.ws, self.brief or "").new)
        except (BriefError, WorkspaceError) as exc:
            self.status.setText(f"{self.status.text()} The brief's history could not be "
                                f"updated: {exc}")
            return
        self.refresh_highlights()
        brief_events(self.ws).changed.emit(self.brief or "")
