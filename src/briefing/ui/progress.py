"""A status-bar strip for long background work: what, how far, and Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class ProgressStrip(QWidget):
    """Hidden until `start()`; `step(done, total)` moves the bar; `finish()` hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop this work (it can be done again later)")
        self.cancel_button.clicked.connect(self._cancel)
        self._on_cancel: Callable[[], None] | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self.hide()

    def start(self, text: str, on_cancel: Callable[[], None] | None = None) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self._on_cancel = on_cancel
        self.cancel_button.setVisible(on_cancel is not None)
        self.cancel_button.setEnabled(True)
        self.show()

    def step(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done} / {total}")

    def finish(self) -> None:
        self._on_cancel = None
        self.hide()

    def _cancel(self) -> None:
        if self._on_cancel is not None:
            self.cancel_button.setEnabled(False)
            self.label.setText("Cancelling…")
            self._on_cancel()
