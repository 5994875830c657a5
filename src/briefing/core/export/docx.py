"""The briefing note as a Word document, built on a .docx template.

Styles come from the template by name (Title, Heading 1, Heading 2, Quote,
Source, Briefing Table, and optional Note, Meta, Marking, Source List), so an
organisation can swap in its own template. Each style is looked up once:
python-docx spends most of a large export resolving style names per paragraph
otherwise. A style missing from a user's template falls back to Normal and the
report says so. All text passes through `clean_text` first.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from briefing.core.export.chicago import full_note, short_note
from briefing.core.export.fonts import mark_east_asian_runs
from briefing.core.export.footnotes import Footnotes
from briefing.core.export.sanitize import clean_text, one_line
from briefing.core.export.selection import BriefingContent, ExportError, NoteItem
from briefing.core.outputs import DOCX_MARK
from briefing.core.resources import resource

Progress = Callable[[int, int], None] | None
MAX_TEMPLATE_BYTES = 50_000_000  # uncompressed; a template is a few hundred KB

PARAGRAPH_STYLES = {  # role -> (style name, required)
    "body": ("Normal", False), "title": ("Title", True), "h1": ("Heading 1", True), "h2": ("Heading 2", True),
    "quote": ("Quote", True), "source": ("Source", True), "note": ("Note", False),
    "meta": ("Meta", False), "marking": ("Marking", False), "source_list": ("Source List", False),
}
TABLE_STYLE = "Briefing Table"
TRANSLATION_LABEL = "Analyst's translation: "


def default_template() -> Path:
    return resource("template", "briefing.docx")


def _check_template(path: Path) -> None:
    if not path.is_file():
        raise ExportError(f"the template {path} does not exist")
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ExportError(f"the template {path} is not a Word .docx file ({exc})") from None
    if "word/document.xml" not in names:
        raise ExportError(f"the template {path} is not a Word .docx file")
    if total > MAX_TEMPLATE_BYTES:
        raise ExportError(f"the template {path} expands to {total:,} bytes; refusing it")


class _Styles:
    """Every style the writer uses, resolved once from the template."""

    def __init__(self, doc, warnings: list[str]) -> None:
        by_name: dict[tuple[object, str], Any] = {}
        for style in doc.styles:
            by_name.setdefault((style.type, style.name), style)
        normal = by_name.get((WD_STYLE_TYPE.PARAGRAPH, "Normal"))
        self.found: dict[str, object] = {}
        for role, (name, required) in PARAGRAPH_STYLES.items():
            style = by_name.get((WD_STYLE_TYPE.PARAGRAPH, name))
            if style is None:
                if required:
                    warnings.append(f"the template has no paragraph style {name!r}; "
                                    "used Normal instead")
                style = normal
            self.found[role] = style
        self.table = by_name.get((WD_STYLE_TYPE.TABLE, TABLE_STYLE))
        if self.table is None:
            self.table = by_name.get((WD_STYLE_TYPE.TABLE, "Table Grid"))
            warnings.append(f"the template has no table style {TABLE_STYLE!r}; "
                            f"used {'Table Grid' if self.table is not None else 'no style'}")

    def __getitem__(self, role: str):
        return self.found[role]

    def id(self, role: str) -> str:
        return self.found[role].style_id  # type: ignore[attr-defined]


# -- low-level XML helpers ----------------------------------------------------------
def _left_bar(paragraph, colour: str) -> None:
    """A thick left border in the perspective's colour (reads as grey in black and white)."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "36"), ("w:space", "8"),
                       ("w:color", colour.lstrip("#").upper())):
        left.set(qn(key), value)
    bdr.append(left)
    place_border(ppr, bdr)


def place_border(ppr, bdr) -> None:
    """Put a w:pBdr where CT_PPr's schema order wants it (before shading, tabs, spacing,
    indentation and justification); Word rejects the file otherwise."""
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)


def _shade(cell, colour: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour.lstrip("#").upper())
    tcpr.append(shd)


def _tint(colour: str | None, amount: float = 0.72) -> str:
    """The colour mixed with white: a light fill that black text stays readable on."""
    if not colour or len(colour) != 7:
        return "EDEFF2"
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def _field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES) as begin/instr/separate/result/end runs."""
    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _row_flags(row, header: bool = False) -> None:
    """Rows never split across pages; the header row repeats on each page."""
    trpr = row._tr.get_or_add_trPr()
    names = ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",)
    for name in names:
        el = OxmlElement(name)
        el.set(qn("w:val"), "true")
        trpr.append(el)


def _set_cell(cell, text: str, bold: bool | None = None, keep: bool = False) -> None:
    """Cell text with tight spacing (Normal's space-after would pad every row)."""
    p = cell.paragraphs[0]
    fmt = p.paragraph_format
    fmt.space_after = Pt(0)
    fmt.space_before = Pt(0)
    fmt.keep_with_next = keep
    run = p.add_run(text)
    if bold is not None:
        run.bold = bold


_BREAKS = re.compile(r"(\n|\t)")


def _fast_p(anchor, style_id: str, keep: bool = False):
    """A bare <w:p> in a style, inserted before `anchor` (the body's sectPr).

    The item paragraphs of a large note are built this way: python-docx's
    element helpers search the children on every insert, costing most of the time.
    """
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    ppr.append(style)
    if keep:
        ppr.append(OxmlElement("w:keepNext"))
    p.append(ppr)
    anchor.addprevious(p)
    return p


def _fast_run(p, text: str, bold: bool = False, italic: bool = False) -> None:
    """A run of text; newlines become <w:br/> and tabs <w:tab/>, as python-docx does."""
    r = OxmlElement("w:r")
    if bold or italic:
        rpr = OxmlElement("w:rPr")
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
        r.append(rpr)
    for piece in _BREAKS.split(text):
        if piece == "\n":
            r.append(OxmlElement("w:br"))
        elif piece == "\t":
            r.append(OxmlElement("w:tab"))
        elif piece:
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = piece
            r.append(t)
    p.append(r)


def _keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


# -- the writer ------------------------------------------------------------------
class DocxWriter:
    """Renders BriefingContent into a python-docx Document."""

    def __init__(self, content: BriefingContent, progress: Progress = None) -> None:
        self.c = content
        self.progress = progress
        self.warnings: list[str] = []
        template = content.template or default_template()
        _check_template(Path(template))
        try:
            self.doc = Document(str(template))
        except Exception as exc:  # python-docx raises many types on a damaged package
            raise ExportError(f"the template {template} cannot be opened ({exc})") from None
        self.styles = _Styles(self.doc, self.warnings)
        self._clear_body()
        self._sect = self.doc.element.body.find(qn("w:sectPr"))
        if self._sect is None:
            self._sect = OxmlElement("w:sectPr")
            self.doc.element.body.append(self._sect)
        # Chicago notes as real Word footnotes, beside the numbered source list
        self.footnotes = Footnotes(self.doc) if content.citation_style == "footnotes" else None
        self._noted: set[int] = set()  # sources already given a full note

    def _clear_body(self) -> None:
        body = self.doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)

    def _add(self, role: str, text: str = ""):
        """A new body paragraph in a style, set by id: python-docx's own style setter
        scans every style in the template for each paragraph (most of a big export)."""
        p = self.doc.add_paragraph()
        p._p.style = self.styles.id(role)
        if text:
            p.add_run(text)
        return p

    def _para(self, text: str, role: str):
        return self._add(role, clean_text(text))

    def build(self):
        self._header_footer()
        self._title_block()
        self._summary()
        total = max(1, len(self.c.items))
        done = 0
        for section in self.c.sections:
            heading = self._para(one_line(section.heading), "h1")
            if section.colour:
                _left_bar(heading, section.colour)
            for item in section.items:
                self._item(item)
                done += 1
                if self.progress and (done % 25 == 0 or done == total):
                    self.progress(done, total)
        self._comparison()
        self._sources()
        self._east_asian_fonts()
        if self.footnotes is not None:
            self.footnotes.finish()
        return self.doc

    def _east_asian_fonts(self) -> None:
        """Korean, Chinese and Japanese runs name their script's font and language, so Word
        and LibreOffice draw them in a font that has them, under any template."""
        mark_east_asian_runs(self.doc.element.body)
        for section in self.doc.sections:
            for part in (section.header, section.footer):
                mark_east_asian_runs(part._element)
        if self.footnotes is not None:
            mark_east_asian_runs(self.footnotes.root)

    # -- parts --------------------------------------------------------------------
    def _header_footer(self) -> None:
        marking = one_line(self.c.marking)
        for section in self.doc.sections:
            for part in (section.header, section.footer):
                part.is_linked_to_previous = False
                p = self._first_empty(part) or part.add_paragraph()
                p.style = self.styles["marking"]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(marking).bold = True
            footer = section.footer
            pages = footer.add_paragraph(style=self.styles["meta"])
            pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pages.add_run("Page ")
            _field(pages, "PAGE")
            pages.add_run(" of ")
            _field(pages, "NUMPAGES")

    @staticmethod
    def _first_empty(part):
        for p in part.paragraphs:
            if not p.text.strip() and not p._p.xpath(".//w:drawing"):
                return p
        return None

    def _title_block(self) -> None:
        self._para(one_line(self.c.title), "title")
        bits = [self.c.long_date]
        if self.c.author:
            bits.append(f"Prepared by {one_line(self.c.author)}")
        if self.c.marking:
            bits.append(f"Handling: {one_line(self.c.marking)}")
        self._para("  \u00b7  ".join(bits), "meta")
        n_items, n_sources = len(self.c.items), len(self.c.sources)
        groups = {"perspective": "grouped by perspective", "tag": "grouped by theme",
                  "article": "grouped by source", "order": "in the order the analyst chose"}
        notes = (" Footnotes give each source in full." if self.footnotes is not None else "")
        scope = (f"Drawn from {n_items} highlighted passage{'s' * (n_items != 1)} in "
                 f"{n_sources} source{'s' * (n_sources != 1)}, "
                 f"{groups.get(self.c.group_by, 'grouped')}. Numbers in brackets refer to the "
                 f"source list.{notes}")
        self._para(scope, "meta")

    def _summary(self) -> None:
        if not self.c.summary:
            return
        _keep_with_next(self._para("Bottom line up front", "h1"))
        for block in clean_text(self.c.summary).split("\n"):
            if block.strip():
                self._add("body", block.strip())

    def _item(self, item: NoteItem) -> None:
        """Quote, the analyst's translation (if any), then source line with reference, then
        note and grading (if any)."""
        end = self._sect
        extras = []
        if item.note:
            extras.append(("Note: ", clean_text(item.note)))
        if item.grading:
            extras.append(("Grading: ", item.grading))
        if item.also:
            extras.append(("Also: ", ", ".join(one_line(a) for a in item.also)))
        if item.highlight.orphaned:
            extras.append(("Check: ", "this passage is no longer found in the article's "
                                      "current text."))
        if item.new_since:
            extras.append((item.new_since, ""))
        quote = _fast_p(end, self.styles.id("quote"), keep=True)
        _fast_run(quote, f"\u201c{clean_text(item.quote).strip()}\u201d")
        if item.translation:  # its own paragraph under the quote, marked as the analyst's
            translation = _fast_p(end, self.styles.id("note"), keep=True)
            _fast_run(translation, TRANSLATION_LABEL, bold=True)
            _fast_run(translation, clean_text(item.translation), italic=True)
        source = _fast_p(end, self.styles.id("source"), keep=bool(extras))
        _fast_run(source, f"\u2014 {one_line(item.source_line)}")
        if self.footnotes is not None:
            first = item.source.number not in self._noted
            self._noted.add(item.source.number)
            text = full_note(item.source) if first else short_note(item.source)
            self.footnotes.add(source, one_line(text))
        if not extras:
            return
        p = _fast_p(end, self.styles.id("note"))
        for i, (label, text) in enumerate(extras):
            if i:
                _fast_run(p, "  \u00b7  ")
            _fast_run(p, label, bold=True)
            _fast_run(p, text)

    def _comparison(self) -> None:
        _keep_with_next(self._para("Comparison of figures", "h1"))
        if not self.c.comparisons:
            self._para(self.c.comparison_status or "No figures to compare.", "meta")
            return
        columns = self.c.columns
        rows = self.c.comparisons
        keep = len(rows) <= 12  # a short table stays on one page
        table = self.doc.add_table(rows=1, cols=len(columns) + 2)
        if self.styles.table is not None:
            table.style = self.styles.table
        head = table.rows[0].cells
        _set_cell(head[0], "Figure", bold=True, keep=keep)
        for i, col in enumerate(columns, start=1):
            _set_cell(head[i], one_line(col.name), bold=True, keep=keep)
            if col.colour:
                _shade(head[i], _tint(col.colour))
        _set_cell(head[-1], "Agreement", bold=True, keep=keep)
        _row_flags(table.rows[0], header=True)
        for n, row in enumerate(rows, start=1):
            added = table.add_row()
            _row_flags(added)
            cells = added.cells
            more = keep and n < len(rows)
            _set_cell(cells[0], one_line(row.label), bold=True, keep=more)
            for i, value in enumerate(row.cells, start=1):
                _set_cell(cells[i], one_line(value) or "\u2013", keep=more)
            _set_cell(cells[-1], row.verdict, bold=row.disagreement, keep=more)
        self._widths(table, len(columns))
        note = self._para("Figures as each perspective states them; numbers in brackets refer to "
                          "the source list. \u201cSources differ\u201d marks figures of "
                          "independent sources that cannot both be true; \u201cChanged over "
                          "time\u201d, figures from articles dated more than a month apart.",
                          "meta")
        note.paragraph_format.space_before = Pt(4)

    @staticmethod
    def _widths(table, n_columns: int) -> None:
        usable = 16.6
        first, last = 3.8, 2.8
        middle = (usable - first - last) / max(1, n_columns)
        widths = [Cm(first)] + [Cm(middle)] * n_columns + [Cm(last)]
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=False):
            column.width = width  # the grid, which LibreOffice follows
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = width

    def _sources(self) -> None:
        _keep_with_next(self._para("Sources", "h1"))
        for src in self.c.sources:
            p = self._add("source_list")
            p.add_run(f"[{src.number}]\t")
            p.add_run(one_line(src.listing()))
            if src.new_since:
                p.add_run(f"  {src.new_since}").bold = True


def write_docx(content: BriefingContent, stream: BinaryIO, progress: Progress = None) -> list[str]:
    """Render the note into `stream`; returns warnings (e.g. styles missing from a template)."""
    writer = DocxWriter(content, progress)
    doc = writer.build()
    props = doc.core_properties
    props.title = one_line(content.title)[:255]
    props.author = one_line(content.author)[:255]
    props.subject = one_line(content.marking)[:255]
    props.comments = DOCX_MARK  # how a later export knows it may replace this file
    doc.save(stream)
    return writer.warnings

