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
import re
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
DOC_MARGIN = 28
SERIF_FAMILIES = ["Source Serif 4", "Source Serif Pro", "Charter", "Georgia", "Noto Serif",
                  "Liberation Serif", "DejaVu Serif", "Times New Roman"]
SANS_FAMILIES = ["Inter", "Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans",
                 "Liberation Sans", "Arial"]
# Hangul and Han after the Latin families (which have Cyrillic), the article's own language
# first: Han characters take Chinese, Japanese or Korean forms by font, and a Korean
# article's Han (or a Chinese one's) should not be drawn in another language's forms.
# Linux (fonts-noto-cjk, from bootstrap.sh), Windows and macOS names.
CJK_SERIF = {"zh": ["Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC"],
             "ko": ["Noto Serif CJK KR", "Source Han Serif K", "Batang", "AppleMyungjo"],
             "ja": ["Noto Serif CJK JP", "Source Han Serif", "Yu Mincho", "Hiragino Mincho ProN"]}
CJK_SANS = {"zh": ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"],
            "ko": ["Noto Sans CJK KR", "Source Han Sans K", "Malgun Gothic", "Apple SD Gothic Neo"],
            "ja": ["Noto Sans CJK JP", "Source Han Sans", "Yu Gothic", "Hiragino Sans"]}


def font_families(serif: bool, language: str | None = None) -> list[str]:
    """Latin families, then CJK ones with the article's language (if CJK) first."""
    cjk = CJK_SERIF if serif else CJK_SANS
    order = [language] if language in cjk else []
    order += [code for code in ("zh", "ko", "ja") if code not in order]
    return [*(SERIF_FAMILIES if serif else SANS_FAMILIES),
            *(family for code in order for family in cjk[code])]


def _font(point_size: float, weight: QFont.Weight = QFont.Weight.Normal,
          serif: bool = True, language: str | None = None) -> QFont:
    font = QFont()
    font.setFamilies(font_families(serif, language))
    font.setStyleHint(QFont.StyleHint.Serif if serif else QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    font.setWeight(weight)
    return font


def body_font(language: str | None = None) -> QFont:
    return _font(12.5, language=language)


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

    def __init__(self, language: str | None = None) -> None:
        self.language = language  # the article's, for its fonts
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


_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _display(line: str) -> tuple[str, list[int] | None]:
    """A paragraph's text safe to show (control characters become spaces, same length)."""
    if _UNSAFE.search(line):
        line = _UNSAFE.sub(lambda m: "\ufffd" if m.group() >= "\ud800" else " ", line)
    astral = [m.start() for m in _ASTRAL.finditer(line)] if not line.isascii() else []
    return line, (astral or None)


def build_document(doc: QTextDocument, article: Article, palette: QPalette,
                   runs: Sequence[Run] = (), side_margin: float = 0) -> OffsetMap:
    """Fill `doc` with the article's header and body, marks drawn in; returns the offset map.

    `side_margin` widens the left and right margins (set before any text, so the
    document is laid out once).
    """
    doc.clear()
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(DOC_MARGIN)
    set_side_margin(doc, side_margin)
    text_colour = palette.color(QPalette.ColorRole.Text)
    muted = QColor(text_colour)
    muted.setAlphaF(0.62)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()

    title_block = QTextBlockFormat()
    title_block.setBottomMargin(6)
    title_block.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    title_fmt = QTextCharFormat()
    title_fmt.setFont(_font(20, QFont.Weight.Bold, language=article.language))
    cursor.setBlockFormat(title_block)
    cursor.setBlockCharFormat(title_fmt)
    cursor.insertText(_display(article.title or "Untitled")[0], title_fmt)

    meta_fmt = QTextCharFormat()
    meta_fmt.setFont(_font(10, serif=False, language=article.language))
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
    body_fmt = base_format(article.language)
    body_fmt.setForeground(text_colour)
    mapping = OffsetMap(article.language)
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
        _insert_marked(cursor, shown, start, body_fmt, runs)
    cursor.endEditBlock()
    return mapping


def set_side_margin(doc: QTextDocument, margin: float) -> bool:
    """Set the extra left/right margin of the text; False when it was already that."""
    root = doc.rootFrame()
    fmt = root.frameFormat()
    if abs(fmt.leftMargin() - margin) < 1 and abs(fmt.rightMargin() - margin) < 1:
        return False
    fmt.setLeftMargin(margin)
    fmt.setRightMargin(margin)
    root.setFrameFormat(fmt)
    return True


def _insert_marked(cursor: QTextCursor, shown: str, start: int, body_fmt: QTextCharFormat,
                   runs: Sequence[Run]) -> None:
    """Insert one paragraph, each marked run with its format merged over the body's."""
    end = start + len(shown)
    i = bisect.bisect_right(runs, start, key=lambda r: r[1])  # first run ending after start
    at = start
    while i < len(runs) and runs[i][0] < end:
        a, b, fmt = runs[i]
        a, b = max(a, start), min(b, end)
        if a > at:
            cursor.insertText(shown[at - start:a - start], body_fmt)
        merged = QTextCharFormat(body_fmt)
        merged.merge(fmt)
        cursor.insertText(shown[a - start:b - start], merged)
        at = b
        i += 1
    if at < end:
        cursor.insertText(shown[at - start:], body_fmt)


def base_format(language: str | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(body_font(language))
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


Run = tuple[int, int, QTextCharFormat]  # article offsets [start, end) and what to draw


def decorate(doc: QTextDocument, mapping: OffsetMap, runs: Sequence[Run],
             palette: QPalette) -> None:
    """Repaint every mark over the body (resetting earlier ones first)."""
    if not mapping.paras:
        return
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setPosition(mapping.body_start)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    reset = base_format(mapping.language)
    reset.setForeground(palette.color(QPalette.ColorRole.Text))
    cursor.setCharFormat(reset)
    for a, b, fmt in runs:
        cursor.setPosition(mapping.to_doc(a))
        cursor.setPosition(mapping.to_doc(b), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()


class MarkPainter:
    """Turns marks into runs of character formats (visual parts cached across runs)."""

    def __init__(self, perspectives: dict[str, Perspective], palette: QPalette) -> None:
        self.perspectives = perspectives
        self.palette = palette
        self.base = palette.color(QPalette.ColorRole.Base)
        self.text_colour = palette.color(QPalette.ColorRole.Text)
        self._cache: dict[tuple, QTextCharFormat] = {}

    def runs(self, marks: Marks) -> list[Run]:
        """Non-overlapping runs in text order, one format for each distinct set of marks."""
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
        out: list[Run] = []
        for a, b in zip(points, points[1:], strict=False):
            active.difference_update(ends.get(a, ()))
            active.update(starts.get(a, ()))
            if active:
                out.append((a, b, self._format([(spans[i][2], spans[i][3])
                                                for i in sorted(active)])))
        return out

    def _format(self, covering: list[tuple[str, object]]) -> QTextCharFormat:
        highlights = [obj for kind, obj in covering if kind == "h"]
        suggestions = [obj for kind, obj in covering if kind == "s"]
        keys: list[str] = []
        for h in highlights:
            for k in h.perspectives or [""]:
                if k not in keys:
                    keys.append(k)
        s_key = None
        if suggestions:
            s_key = suggestions[0].perspectives[0] if suggestions[0].perspectives else ""
        hit = any(kind == "x" for kind, _ in covering)
        look = (tuple(keys), len(highlights), s_key, hit)
        fmt = self._cache.get(look)
        if fmt is None:
            fmt = self._cache[look] = _run_format(look, self.perspectives, self.palette,
                                                  self.base, self.text_colour)
        if highlights:
            fmt = QTextCharFormat(fmt)
            fmt.setProperty(PROP_HIGHLIGHTS, ",".join(str(h.id) for h in highlights))
        return fmt


def perspective_colour(key: str, perspectives: dict[str, Perspective]) -> QColor:
    p = perspectives.get(key)
    return QColor(p.colour) if p else NO_PERSPECTIVE


def _run_format(look: tuple, perspectives: dict[str, Perspective], palette: QPalette,
                base: QColor, text_colour: QColor) -> QTextCharFormat:
    """Background for highlights, dotted underline for a suggestion, marker for a hit."""
    keys, layers, s_key, hit = look
    fmt = QTextCharFormat()
    if keys:
        alpha = highlight_alpha(palette, layers)
        colours = [tint(perspective_colour(k, perspectives), base, alpha) for k in keys]
        fmt.setBackground(colours[0] if len(colours) == 1 else _bands(colours))
        fmt.setProperty(PROP_PERSPECTIVES, ",".join(keys))
    if s_key is not None:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(suggestion_colour(s_key, perspectives, palette))
        fmt.setProperty(PROP_SUGGESTION, s_key)
    foreground = text_colour
    if hit:
        if not keys:  # a marker-pen yellow in both themes, with dark text on it
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
