"""Tag chips: drawn in list cells, editable in the highlight editor, asked for from menus.

Widgets here only show tags and report what the analyst typed or clicked; the
commands that change a highlight's tags (``TagHighlight``) go through the core.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

CHIP_PAD = 6
CHIP_GAP = 4


def chip_colours(palette: QPalette, selected: bool = False) -> tuple[QColor, QColor]:
    """(fill, ink) of a tag chip: a light tint of the palette's highlight, readable in both themes."""
    base = palette.color(QPalette.ColorRole.Base)
    accent = palette.color(QPalette.ColorRole.Highlight)
    mix = 0.45 if selected else 0.18
    fill = QColor(round(base.red() + (accent.red() - base.red()) * mix),
                  round(base.green() + (accent.green() - base.green()) * mix),
                  round(base.blue() + (accent.blue() - base.blue()) * mix))
    return fill, palette.color(QPalette.ColorRole.Text)


def paint_chips(painter: QPainter, rect: QRect, tags: Sequence[str], palette: QPalette,
                font_metrics: QFontMetrics, selected: bool = False) -> None:
    """Draw each tag as a rounded chip, left to right, clipped to `rect`."""
    painter.save()
    painter.setClipRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill, ink = chip_colours(palette, selected)
    h = font_metrics.height() + 2
    x = rect.left() + 3
    y = rect.top() + (rect.height() - h) // 2
    for i, tag in enumerate(tags):
        w = font_metrics.horizontalAdvance(tag) + 2 * CHIP_PAD
        rest = len(tags) - i
        more = f"+{rest}"
        if i and x + w > rect.right() - 2:  # no room: say how many are not shown
            painter.setPen(ink)
            painter.drawText(QRect(x, y, font_metrics.horizontalAdvance(more) + 4, h),
                             Qt.AlignmentFlag.AlignVCenter, more)
            break
        chip = QRect(x, y, w, h)
        painter.setPen(fill.darker(125))
        painter.setBrush(fill)
        painter.drawRoundedRect(chip, h / 2, h / 2)
        painter.setPen(ink)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, tag)
        x += w + CHIP_GAP
    painter.restore()


class TagChipsDelegate(QStyledItemDelegate):
    """Draws a cell's tags (a list under `role`) as chips instead of text."""

    def __init__(self, role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        tags = index.data(self.role) or []
        if tags:
            paint_chips(painter, opt.rect, tags, opt.palette, QFontMetrics(opt.font),
                        bool(opt.state & QStyle.StateFlag.State_Selected))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        fm = QFontMetrics(option.font)
        tags = index.data(self.role) or []
        width = sum(fm.horizontalAdvance(t) + 2 * CHIP_PAD + CHIP_GAP for t in tags) + 6
        return QSize(max(base.width(), width), max(base.height(), fm.height() + 6))


class TagEditor(QWidget):
    """A highlight's tags as removable chips, and a field to add one (completing known tags).

    Emits `tagAdded(name)` on Enter and `tagRemoved(name)` when a chip's × is clicked.
    """

    tagAdded = Signal(str)
    tagRemoved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tags: list[str] = []
        self.chips: dict[str, QToolButton] = {}
        self._chip_row = QHBoxLayout()
        self._chip_row.setContentsMargins(0, 0, 0, 0)
        self._chip_row.setSpacing(CHIP_GAP)
        self._chip_row.addStretch(1)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Add a tag and press Enter")
        self.field.setToolTip("Tags group highlights across articles: search tag:NAME, "
                              "filter the panel and the library, export by tag")
        self._known = QStringListModel(self)
        self.completer = QCompleter(self._known, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(self.completer)
        self.field.returnPressed.connect(self._submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(self._chip_row)
        layout.addWidget(self.field)

    def set_known(self, names: Sequence[str]) -> None:
        """The tags the completer offers."""
        if self._known.stringList() != list(names):
            self._known.setStringList(list(names))

    def known(self) -> list[str]:
        return self._known.stringList()

    def set_tags(self, tags: Sequence[str]) -> None:
        """Show these tags as chips (no signal)."""
        if list(tags) == self.tags:
            return
        self.tags = list(tags)
        for chip in self.chips.values():
            self._chip_row.removeWidget(chip)
            chip.deleteLater()
        self.chips = {}
        for i, tag in enumerate(self.tags):
            chip = QToolButton(self)
            chip.setText(f"{tag}  ×")
            chip.setToolTip(f"Remove the tag “{tag}” (Ctrl+Z undoes)")
            chip.setAutoRaise(False)
            fill, ink = chip_colours(self.palette())
            chip.setStyleSheet(f"QToolButton {{ background: {fill.name()}; color: {ink.name()}; "
                               f"border: 1px solid {fill.darker(125).name()}; "
                               "border-radius: 9px; padding: 1px 7px; }")
            chip.clicked.connect(lambda _=False, t=tag: self.tagRemoved.emit(t))
            self._chip_row.insertWidget(i, chip)
            self.chips[tag] = chip

    def _submit(self) -> None:
        name = " ".join(self.field.text().split())
        self.field.clear()
        if name:
            self.tagAdded.emit(name)


def ask_tag(parent: QWidget, known: Sequence[str], title: str = "Tag") -> str | None:
    """Ask for a tag name: an editable list of the known tags, completing as you type."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText("Tag (new or existing):")
    if known:
        dialog.setComboBoxItems(list(known))
        dialog.setComboBoxEditable(True)
    dialog.setTextValue("")
    if not dialog.exec():
        return None
    name = " ".join(dialog.textValue().split())
    return name or None
