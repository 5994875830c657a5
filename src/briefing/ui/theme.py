"""Light and dark palettes, and perspective colours that stay readable in both.

The app follows the platform palette (and its colour scheme where Qt reports
one). `set_dark(True/False)` forces a scheme, for screenshots and tests.
Perspective colours are drawn as tints over the view's base colour so the
text on top keeps its normal colour and contrast in either scheme.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_DARK = {
    QPalette.ColorRole.Window: "#2b2d31",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f2023",
    QPalette.ColorRole.AlternateBase: "#26282c",
    QPalette.ColorRole.ToolTipBase: "#3a3c42",
    QPalette.ColorRole.ToolTipText: "#f0f0f0",
    QPalette.ColorRole.PlaceholderText: "#8c8f96",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#34363c",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#7ab7ff",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Light: "#45484f",
    QPalette.ColorRole.Midlight: "#3a3c42",
    QPalette.ColorRole.Mid: "#2f3136",
    QPalette.ColorRole.Dark: "#18191b",
    QPalette.ColorRole.Shadow: "#000000",
}
_LIGHT_OVERRIDES = {QPalette.ColorRole.Highlight: "#3875d7",
                    QPalette.ColorRole.HighlightedText: "#ffffff"}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#7d8088")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def light_palette() -> QPalette:
    app = QApplication.instance()
    palette = app.style().standardPalette() if app else QPalette()
    for role, colour in _LIGHT_OVERRIDES.items():
        palette.setColor(role, QColor(colour))
    return palette


def system_prefers_dark() -> bool:
    """What the platform asks for (its colour scheme), else what its palette looks like."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return is_dark(QGuiApplication.palette())


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def apply_system_theme() -> None:
    """Follow the platform: its palette, made consistent under the Fusion style."""
    set_dark(system_prefers_dark())


def set_dark(dark: bool) -> None:
    """Force the dark (True) or light (False) palette on the whole application."""
    app = QApplication.instance()
    if app is None:
        return
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else light_palette())


def perspective_tint(colour: str, palette: QPalette | None = None, strength: float = 1.0) -> QColor:
    """The background for a perspective's highlight: its colour blended into the base.

    Light scheme: a pale tint, dark text stays readable. Dark scheme: a deep
    tint, light text stays readable. `strength` > 1 for a stronger mark.
    """
    palette = palette or QGuiApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    tint = QColor(colour)
    alpha = (0.45 if is_dark(palette) else 0.38) * strength
    alpha = max(0.0, min(alpha, 0.85))
    return QColor.fromRgbF(
        base.redF() + (tint.redF() - base.redF()) * alpha,
        base.greenF() + (tint.greenF() - base.greenF()) * alpha,
        base.blueF() + (tint.blueF() - base.blueF()) * alpha,
    )


def perspective_ink(colour: str, palette: QPalette | None = None) -> QColor:
    """The perspective's colour for small marks (counts, underlines) on the base colour."""
    palette = palette or QGuiApplication.palette()
    ink = QColor(colour)
    if is_dark(palette):
        return ink.lighter(115) if ink.lightnessF() < 0.55 else ink
    return ink.darker(135) if ink.lightnessF() > 0.6 else ink


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background`."""
    r, g, b = background.redF(), background.greenF(), background.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#111111") if luminance > 0.5 else QColor("#ffffff")
