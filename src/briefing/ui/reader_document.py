"""The reader's QTextDocument: an article's plain text laid out for reading, and its marks.

The document is built with QTextCursor and QTextCharFormat from the article's
plain text (never from HTML), so nothing in an article can load a resource.
Each non-empty line of the cleaned text becomes a paragraph; `OffsetMap`
converts between offsets in the article text (Python code points, what the
core stores) and document positions (UTF-16 units, what Qt uses).

`decorate` paints highlights, suggestions and search hits as character
formats: a highlight tints the background with its perspective colour
(stronger where highlights overlap); several perspectives on one passage are
drawn as stacked horizontal bands, one per perspective, so each stays visible;
a suggestion gets a dotted underline in its suggested colour (grey when no
perspective); a search hit is a saturated marker with a solid amber underline.
Custom format properties record what was painted, for hit-testing and tests.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGradient,
    QLinearGradient,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from briefing.core.models import Article, Highlight, Perspective, Suggestion

PROP_HIGHLIGHTS = QTextFormat.Property.UserProperty + 1  # "12,15": highlight ids painted here
PROP_PERSPECTIVES = QTextFormat.Property.UserProperty + 2  # "ukrainian,us": keys painted here
PROP_SUGGESTION = QTextFormat.Property.UserProperty + 3  # "ukrainian" (or "") for a suggestion
PROP_HIT = QTextFormat.Property.UserProperty + 4  # True on a search hit

NO_PERSPECTIVE = QColor("#9e9e9e")
HIT_LIGHT = QColor("#ffe83d")
HIT_LINE = QColor("#d97c00")
SERIF_FAMILIES = ["Source Serif 4", "Source Serif Pro", "Charter", "Georgia", "Noto Serif",
                  "Liberation Serif", "DejaVu Serif", "Times New Roman"]
SANS_FAMILIES = ["Inter", "Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans",
                 "Liberation Sans", "Arial"]


def _font(families: list[str], point_size: float, weight: QFont.Weight = QFont.Weight.Normal,
          serif: bool = True) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setStyleHint(QFont.StyleHint.Serif if serif else QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    font.setWeight(weight)
    return font


def body_font() -> QFont:
    return _font(SERIF_FAMILIES, 12.5)


def tint(colour: QColor | str, base: QColor, alpha: float) -> QColor:
    """`colour` laid over `base` at `alpha` opacity, as an opaque colour."""
    c = QColor(colour)
    return QColor.fromRgbF(base.redF() + (c.redF() - base.redF()) * alpha,
                           base.greenF() + (c.greenF() - base.greenF()) * alpha,
                           base.blueF() + (c.blueF() - base.blueF()) * alpha)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def highlight_alpha(palette: QPalette, layers: int = 1) -> float:
    """Opacity of a highlight tint: enough colour to see, little enough to read through."""
    base = 0.50 if is_dark(palette) else 0.42
    return min(0.85, base + 0.2 * (layers - 1))


@dataclass
class _Para:
    text_start: int  # offset in the article text
    text_end: int
    doc_start: int  # document position of the paragraph's first character
    astral: list[int] | None  # offsets (relative) of characters outside the BMP, if any


class OffsetMap:
    """Article text offsets <-> document positions for the body paragraphs."""

    def __init__(self) -> None:
        self.paras: list[_Para] = []
        self._text_starts: list[int] = []
        self._doc_starts: list[int] = []

    def add(self, para: _Para) -> None:
        self.paras.append(para)
        self._text_starts.append(para.text_start)
        self._doc_starts.append(para.doc_start)

    @property
    def body_start(self) -> int:
        return self.paras[0].doc_start if self.paras else 0

    def to_doc(self, offset: int) -> int:
        """Document position of article offset (offsets between paragraphs snap to an end)."""
        if not self.paras:
            return 0
        i = max(0, bisect.bisect_right(self._text_starts, offset) - 1)
        p = self.paras[i]
        rel = min(max(offset, p.text_start), p.text_end) - p.text_start
        extra = bisect.bisect_left(p.astral, rel) if p.astral else 0
        return p.doc_start + rel + extra

    def to_text(self, position: int) -> int | None:
        """Article offset of a document position; None inside the header."""
        if not self.paras or position < self.paras[0].doc_start:
            return None
        i = bisect.bisect_right(self._doc_starts, position) - 1
        p = self.paras[i]
        rel = position - p.doc_start
        if p.astral:
            for a in p.astral:  # each astral character before `rel` takes two units
                if a < rel:
                    rel -= 1
                else:
                    break
        return p.text_start + min(rel, p.text_end - p.text_start)


def _display(line: str) -> tuple[str, list[int] | None]:
    """A paragraph's text safe to show (control characters become spaces, same length)."""
    chars = [_safe_char(c) for c in line]
    astral = [i for i, c in enumerate(chars) if ord(c) > 0xFFFF]
    return "".join(chars), (astral or None)


def _safe_char(c: str) -> str:
    if c == "\t":
        return c
    if c < " " or "\x7f" <= c <= "\x9f" or c in "\u2028\u2029":
        return " "
    if "\ud800" <= c <= "\udfff":  # a lone surrogate cannot cross into Qt
        return "\ufffd"
    return c


def build_document(doc: QTextDocument, article: Article, palette: QPalette) -> OffsetMap:
    """Fill `doc` with the article's header and body; returns the offset map."""
    doc.clear()
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(28)
    text_colour = palette.color(QPalette.ColorRole.Text)
    muted = QColor(text_colour)
    muted.setAlphaF(0.62)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()

    title_block = QTextBlockFormat()
    title_block.setBottomMargin(6)
    title_block.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    title_fmt = QTextCharFormat()
    title_fmt.setFont(_font(SERIF_FAMILIES, 20, QFont.Weight.Bold))
    cursor.setBlockFormat(title_block)
    cursor.setBlockCharFormat(title_fmt)
    cursor.insertText(_display(article.title or "Untitled")[0], title_fmt)

    meta_fmt = QTextCharFormat()
    meta_fmt.setFont(_font(SANS_FAMILIES, 10, serif=False))
    meta_fmt.setForeground(muted)
    meta = [article.publisher or "", ", ".join(article.authors), article.published or ""]
    meta_line = " · ".join(m for m in meta if m) or article.source_file
    meta_block = QTextBlockFormat()
    meta_block.setBottomMargin(2 if article.title_inferred else 18)
    cursor.insertBlock(meta_block, meta_fmt)
    cursor.insertText(_display(meta_line)[0], meta_fmt)
    if article.title_inferred:
        hint_fmt = QTextCharFormat(meta_fmt)
        hint_fmt.setFontItalic(True)
        hint_block = QTextBlockFormat()
        hint_block.setBottomMargin(18)
        cursor.insertBlock(hint_block, hint_fmt)
        cursor.insertText("Title inferred from the text (the file had none)", hint_fmt)

    body_block = QTextBlockFormat()
    body_block.setBottomMargin(12)
    body_block.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    body_fmt = base_format()
    body_fmt.setForeground(text_colour)
    mapping = OffsetMap()
    offset = 0
    for line in article.text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start, end = start + lead, start + lead + len(stripped)
        shown, astral = _display(stripped)
        cursor.insertBlock(body_block, body_fmt)
        mapping.add(_Para(start, end, cursor.position(), astral))
        cursor.insertText(shown, body_fmt)
    cursor.endEditBlock()
    return mapping


def base_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(body_font())
    return fmt


@dataclass
class Marks:
    """What to paint over the body: highlights, pending suggestions, search hits."""

    highlights: Sequence[Highlight] = ()
    suggestions: Sequence[Suggestion] = ()
    hits: Sequence[tuple[int, int]] = ()


def _bands(colours: list[QColor]) -> QBrush:
    """Stacked horizontal bands, one per colour, filling each run of text top to bottom."""
    gradient = QLinearGradient(0, 0, 0, 1)
    gradient.setCoordinateMode(QGradient.CoordinateMode.ObjectBoundingMode)
    n = len(colours)
    for i, colour in enumerate(colours):
        gradient.setColorAt(i / n, colour)
        gradient.setColorAt(max(i / n, (i + 1) / n - 0.001), colour)
    return QBrush(gradient)


def decorate(doc: QTextDocument, mapping: OffsetMap, marks: Marks,
             perspectives: dict[str, Perspective], palette: QPalette) -> None:
    """Repaint every mark over the body (resetting earlier ones first)."""
    if not mapping.paras:
        return
    base = palette.color(QPalette.ColorRole.Base)
    text_colour = palette.color(QPalette.ColorRole.Text)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setPosition(mapping.body_start)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    reset = base_format()
    reset.setForeground(text_colour)
    cursor.setCharFormat(reset)

    # Boundaries of every mark, then one format per run between boundaries.
    spans: list[tuple[int, int, str, object]] = []
    for h in marks.highlights:
        if not h.orphaned:
            spans.append((h.start, h.end, "h", h))
    for s in marks.suggestions:
        spans.append((s.start, s.end, "s", s))
    for a, b in marks.hits:
        spans.append((a, b, "x", None))
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (a, b, _, _) in enumerate(spans):
        if a < b:
            starts.setdefault(a, []).append(i)
            ends.setdefault(b, []).append(i)
    points = sorted(set(starts) | set(ends))
    active: set[int] = set()
    for a, b in zip(points, points[1:], strict=False):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        if not active:
            continue
        covering = [(spans[i][2], spans[i][3]) for i in sorted(active)]
        fmt = _run_format(covering, perspectives, palette, base, text_colour)
        cursor.setPosition(mapping.to_doc(a))
        cursor.setPosition(mapping.to_doc(b), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()


def perspective_colour(key: str, perspectives: dict[str, Perspective]) -> QColor:
    p = perspectives.get(key)
    return QColor(p.colour) if p else NO_PERSPECTIVE


def _run_format(covering: list[tuple[str, object]], perspectives: dict[str, Perspective],
                palette: QPalette, base: QColor, text_colour: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    highlights = [obj for kind, obj in covering if kind == "h"]
    suggestions = [obj for kind, obj in covering if kind == "s"]
    hit = any(kind == "x" for kind, _ in covering)
    if highlights:
        keys: list[str] = []
        for h in highlights:
            for k in h.perspectives or [""]:
                if k not in keys:
                    keys.append(k)
        alpha = highlight_alpha(palette, len(highlights))
        colours = [tint(perspective_colour(k, perspectives), base, alpha) for k in keys]
        fmt.setBackground(colours[0] if len(colours) == 1 else _bands(colours))
        fmt.setProperty(PROP_HIGHLIGHTS, ",".join(str(h.id) for h in highlights))
        fmt.setProperty(PROP_PERSPECTIVES, ",".join(keys))
    if suggestions:
        s = suggestions[0]
        key = s.perspectives[0] if s.perspectives else ""
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(suggestion_colour(key, perspectives, palette))
        fmt.setProperty(PROP_SUGGESTION, key)
    foreground = text_colour
    if hit:
        if not highlights:  # a marker-pen yellow in both themes, with dark text on it
            fmt.setBackground(HIT_LIGHT)
            foreground = QColor("#1a1a1a")
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(HIT_LINE)
        fmt.setFontWeight(QFont.Weight.DemiBold)
        fmt.setProperty(PROP_HIT, True)
    fmt.setForeground(QBrush(foreground, Qt.BrushStyle.SolidPattern))
    return fmt


def suggestion_colour(key: str, perspectives: dict[str, Perspective],
                      palette: QPalette) -> QColor:
    """The dotted underline of a suggestion: its perspective's colour, contrasted to the page."""
    colour = perspective_colour(key, perspectives)
    return colour.lighter(125) if is_dark(palette) else colour.darker(135)
