"""The article details pane (like Zotero's info pane): title, publisher, authors, date with
its precision, URL, language, kind, note and handling caveat of the open article.

Each field shows how it was found; an inferred field is marked and offers "Confirm". An
edit is saved when the field is left (Enter, Tab, focus elsewhere) as an `EditDetails`
command on the window's undo stack: the widget never writes to the database itself. A bad
value is refused with one line under the form, and the field shows the stored value again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.models import ARTICLE_KINDS, Article, date_precision
from briefing.core.workspace import Workspace
from briefing.ui.article_commands import EditDetails, article_events

# field -> label shown in the form, in order
FIELDS = (("title", "Title"), ("publisher", "Publisher"), ("authors", "Authors"),
          ("published", "Date"), ("source_url", "URL"), ("language", "Language"),
          ("kind", "Kind"), ("caveat", "Caveat"), ("note", "Note"))
CONFIRMABLE = ("title", "publisher", "authors", "published", "source_url", "language", "kind")
PROVENANCE_TEXT = {"explicit": "written in the document", "structured": "read from the page's "
                   "structured data", "inferred": "guessed from the text", "confirmed":
                   "confirmed by you"}
PRECISION_TEXT = {"year": "year only", "month": "month", "day": "day"}


def _authors_text(authors: list[str]) -> str:
    return "; ".join(authors)


def _authors_value(text: str) -> list[str]:
    return [a.strip() for a in text.split(";") if a.strip()]


def _same(name: str, typed: object, stored: object) -> bool:
    """Is what the user typed what is stored already (as the core would store it)?"""
    if name == "authors":
        return typed == list(stored or [])  # type: ignore[call-overload]
    if name == "kind":
        return (typed or None) == (stored or None)
    text = str(typed or "")
    text = text.strip() if name == "note" else " ".join(text.split())
    return text == (stored or "")


class DetailsPane(QWidget):
    """Details of one article; `set_article(None)` empties and disables it."""

    message = Signal(str)  # what happened, for the status bar

    def __init__(self, ws: Workspace, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsPane")
        self.ws, self.undo_stack = ws, undo_stack
        self.article: Article | None = None
        self.editors: dict[str, QLineEdit | QComboBox | QPlainTextEdit] = {}
        self.marks: dict[str, QLabel] = {}
        self.confirm_buttons: dict[str, QToolButton] = {}
        self.hints: dict[str, QWidget] = {}

        self.heading = QLabel("Details", self)
        self.heading.setObjectName("detailsHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label in FIELDS:
            editor = self._make_editor(name)
            editor.setObjectName(f"details_{name}")
            self.editors[name] = editor
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            row.addWidget(editor, 1)
            if name not in CONFIRMABLE:
                form.addRow(label, row)
                continue
            mark = QLabel(self)  # ✓ when confirmed; how it was found in its tooltip
            mark.setObjectName(f"mark_{name}")
            mark.setFixedWidth(14)
            self.marks[name] = mark
            row.addWidget(mark)
            # An inferred field gets a line of its own under the value: "inferred · Confirm"
            hint = QWidget(self)
            hint_row = QHBoxLayout(hint)
            hint_row.setContentsMargins(0, 0, 0, 2)
            hint_row.setSpacing(6)
            note = QLabel("inferred — check it", hint)
            note.setStyleSheet("color: #b9770e; font-style: italic;")
            button = QToolButton(hint)
            button.setText("Confirm")
            button.setObjectName(f"confirm_{name}")
            button.setToolTip(f"Confirm the {label.lower()} as it is: re-cleaning will then "
                              "keep it")
            button.clicked.connect(lambda _=False, n=name: self.confirm(n))
            hint_row.addWidget(note)
            hint_row.addWidget(button)
            hint_row.addStretch(1)
            self.confirm_buttons[name] = button
            self.hints[name] = hint
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addLayout(row)
            column.addWidget(hint)
            form.addRow(label, column)
        self.error = QLabel(self)
        self.error.setObjectName("detailsError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.readonly_note = QLabel(self)
        self.readonly_note.setWordWrap(True)
        self.readonly_note.setObjectName("detailsReadOnly")
        self.readonly_note.setVisible(ws.readonly)
        if ws.readonly:
            self.readonly_note.setText(f"Read-only: {ws.readonly_reason or 'opened read-only'}"
                                       " — details cannot be edited")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.readonly_note)
        layout.addStretch(1)
        article_events(ws).changed.connect(self._articles_changed)
        self.set_article(None)

    # -- building ----------------------------------------------------------------------
    def _make_editor(self, name: str) -> QLineEdit | QComboBox | QPlainTextEdit:
        if name == "kind":
            combo = QComboBox(self)
            combo.addItem("—", None)
            for kind in ARTICLE_KINDS:
                combo.addItem(kind, kind)
            combo.activated.connect(lambda _i: self.commit("kind"))
            return combo
        if name == "note":
            note = QPlainTextEdit(self)
            note.setPlaceholderText("Your note on this article")
            note.setTabChangesFocus(True)
            note.setFixedHeight(64)
            note.installEventFilter(self)
            return note
        edit = QLineEdit(self)
        edit.setPlaceholderText({"authors": "Name; Name", "published": "YYYY, YYYY-MM or "
                                 "YYYY-MM-DD", "source_url": "https://…", "language": "en",
                                 "caveat": "the source's own handling caveat"}.get(name, ""))
        edit.editingFinished.connect(lambda n=name: self.commit(n))
        return edit

    # -- showing -----------------------------------------------------------------------
    def set_article(self, article_id: int | None) -> None:
        """Show an article's details (None: nothing open)."""
        self.article = self.ws.articles.get(article_id) if article_id is not None else None
        self.error.hide()
        self._fill()

    def current_article_id(self) -> int | None:
        return self.article.id if self.article else None

    def _fill(self) -> None:
        a = self.article
        editable = a is not None and not self.ws.readonly
        reason = (f"Read-only: {self.ws.readonly_reason or 'opened read-only'}"
                  if self.ws.readonly else "")
        for name, editor in self.editors.items():
            editor.blockSignals(True)
            try:
                value = self._value_of(name) if a else ""
                if isinstance(editor, QComboBox):
                    editor.setCurrentIndex(max(0, editor.findData(value or None)))
                    editor.setEnabled(editable)
                elif isinstance(editor, QPlainTextEdit):
                    if editor.toPlainText() != value:
                        editor.setPlainText(str(value))
                    editor.setReadOnly(not editable)
                    editor.setEnabled(a is not None)
                else:
                    editor.setText(str(value))
                    editor.setCursorPosition(0)
                    editor.setReadOnly(not editable)
                    editor.setEnabled(a is not None)
                editor.setToolTip(reason)
            finally:
                editor.blockSignals(False)
        for name in CONFIRMABLE:
            how = self._provenance(name) if a else None
            mark, button = self.marks[name], self.confirm_buttons[name]
            inferred = how == "inferred"
            mark.setText("?" if inferred else ("✓" if how == "confirmed" else ""))
            mark.setStyleSheet("color: #b9770e; font-weight: bold;" if inferred else "")
            mark.setToolTip(PROVENANCE_TEXT.get(how or "", "not known"))
            self.hints[name].setVisible(inferred)
            button.setEnabled(editable)
            if reason:
                button.setToolTip(reason)
        self.heading.setText(self._heading())

    def _heading(self) -> str:
        a = self.article
        if a is None:
            return "Details — no article open"
        precision = date_precision(a.published)
        date = f" · date to the {PRECISION_TEXT[precision]}" if precision else " · undated"
        if precision == "year":
            date = " · date: year only"
        return f"Details of #{a.id}{date}"

    def _value_of(self, name: str) -> str:
        a = self.article
        assert a is not None
        if name == "authors":
            return _authors_text(a.authors)
        value = getattr(a, name)
        return "" if value is None else str(value)

    def _provenance(self, name: str) -> str | None:
        a = self.article
        assert a is not None
        how = a.provenance.get(name)
        if name == "title" and a.title_inferred and how != "confirmed":
            return "inferred"
        return how

    def is_marked_inferred(self, name: str) -> bool:
        return self.hints[name].isVisibleTo(self)

    # -- editing -----------------------------------------------------------------------
    def set_field(self, name: str, value: str) -> None:
        """Type `value` into a field and leave it (what a user does; used by tests)."""
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value or None)))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            editor.setText(value)
        self.commit(name)

    def _typed(self, name: str) -> object:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        text = editor.text()
        return _authors_value(text) if name == "authors" else text

    def commit(self, name: str) -> None:
        """Save one field if it differs from the stored value."""
        if self.article is None or self.ws.readonly:
            return
        typed = self._typed(name)
        if _same(name, typed, getattr(self.article, name)):
            return
        self._push(EditDetails(self.ws, self.article.id, {name: typed}))

    def confirm(self, name: str) -> None:
        """Confirm a field as it is (no value changes)."""
        if self.article is not None and not self.ws.readonly:
            self._push(EditDetails(self.ws, self.article.id, confirm=[name]))

    def _push(self, cmd: EditDetails) -> None:
        self.undo_stack.push(cmd)
        if cmd.error:
            self.error.setText(f"Not saved: {cmd.error}")
            self.error.show()
            self.message.emit(f"Details not saved: {cmd.error}")
            self._fill()  # the stored values again
            return
        self.error.hide()
        if not cmd.isObsolete():
            self.message.emit(f"{cmd.text()} — saved (Ctrl+Z undoes)")

    def _articles_changed(self, ids: list) -> None:
        if self.article is not None and self.article.id in ids:
            self.article = self.ws.articles.get(self.article.id)
            self._fill()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.editors.get("note") and event.type() == QEvent.Type.FocusOut:
            self.commit("note")
        return super().eventFilter(watched, event)
