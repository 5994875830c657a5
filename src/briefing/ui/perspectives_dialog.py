"""Edit perspectives: add your own, rename, recolour, change the key and the cues.

Every change goes through the core's PerspectiveStore, which validates it and
commits it at once; edited perspectives keep the user's version when a new
release ships different defaults.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.errors import PerspectiveError
from briefing.core.models import Perspective
from briefing.core.workspace import Workspace

KeyRole = Qt.ItemDataRole.UserRole + 1


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(QColor(colour))
    return QIcon(pix)


class PerspectivesDialog(QDialog):
    """List of perspectives on the left, the selected one's fields on the right."""

    perspectivesChanged = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle("Perspectives")
        self.resize(720, 460)
        self._colour = "#888888"

        self.list = QListWidget()
        self.list.setMaximumWidth(220)
        self.list.currentItemChanged.connect(self._show_current)
        self.name = QLineEdit()
        self.colour_button = QPushButton()
        self.colour_button.setToolTip("Choose the highlight colour")
        self.colour_button.clicked.connect(self._pick_colour)
        self.key = QLineEdit()
        self.key.setMaxLength(1)
        self.key.setInputMask("D")
        self.key.setToolTip("Key 1-9 that tags a selection in the reader")
        self.cues = QPlainTextEdit()
        self.cues.setPlaceholderText("One cue per line: people, offices, institutions, phrases")
        self.cues.setToolTip("Who, when speaking, signals this perspective — one per line")
        self.message = QLabel()
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Colour", self.colour_button)
        form.addRow("&Key", self.key)
        form.addRow("C&ues", self.cues)
        self.apply_button = QPushButton("&Apply")
        self.apply_button.setToolTip("Save this perspective (Ctrl+S)")
        self.apply_button.setShortcut("Ctrl+S")
        self.apply_button.clicked.connect(self.apply)
        self.new_button = QPushButton("&New perspective")
        self.new_button.setToolTip("Add a perspective of your own (Ctrl+N)")
        self.new_button.setShortcut("Ctrl+N")
        self.new_button.clicked.connect(self.new)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.message)
        right.addLayout(row)

        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.reload()

    # -- list --------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        for p in self.ws.perspectives.all():
            label = f"{p.name}  ({p.shortcut})" if p.shortcut else p.name
            item = QListWidgetItem(_swatch(p.colour), label)
            item.setData(KeyRole, p.key)
            self.list.addItem(item)
            if p.key == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(KeyRole) if item else None

    def _show_current(self, *_: object) -> None:
        key = self.current_key()
        p = self.ws.perspectives.get(key) if key else None
        if p is not None:
            self._fill(p)

    def _fill(self, p: Perspective) -> None:
        self.name.setText(p.name)
        self._set_colour(p.colour)
        self.key.setText(p.shortcut)
        self.cues.setPlainText("\n".join(p.cues))
        self.message.clear()

    def _set_colour(self, colour: str) -> None:
        self._colour = colour
        self.colour_button.setText(colour)
        self.colour_button.setIcon(_swatch(colour))

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, "Highlight colour")
        if chosen.isValid():
            self._set_colour(chosen.name())

    # -- edits -------------------------------------------------------------------
    def new(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self._fill(Perspective(key="", name="", colour="#7f7f7f"))
        self.name.setFocus()

    def apply(self) -> bool:
        """Save the form: update the selected perspective, or add a new one."""
        cues = [line.strip() for line in self.cues.toPlainText().splitlines() if line.strip()]
        key = self.current_key()
        try:
            if key:
                saved = self.ws.perspectives.update(key, name=self.name.text(),
                                                    colour=self._colour,
                                                    shortcut=self.key.text(), cues=cues)
            else:
                saved = self.ws.perspectives.add(self.name.text(), self._colour,
                                                 self.key.text(), cues)
        except PerspectiveError as exc:
            self.message.setText(f"Not saved: {exc}")
            return False
        self.reload(select=saved.key)
        self.message.setText(f"Saved {saved.name} ({len(saved.cues)} cues).")
        self.perspectivesChanged.emit()
        return True
