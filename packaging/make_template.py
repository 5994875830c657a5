"""Generate resources/template/briefing.docx, the shipped briefing-note template.

Run from the repository root:  python packaging/make_template.py
The exporter needs these style names (an organisation's own template must use
them too): paragraph styles Title, Heading 1, Heading 2, Quote, Source, and
optionally Note, Meta, Marking, Source List; table style "Briefing Table".
Fonts are Arial (metric-compatible Liberation Sans on Linux; both have Cyrillic) with an
East Asian font for Hangul and Han (resources/export/fonts.toml), A4, 2.2 cm margins.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from briefing.core.export.docx import place_border
from briefing.core.export.fonts import note_fonts

OUT = Path(__file__).resolve().parents[1] / "resources" / "template" / "briefing.docx"
FONT = note_fonts().latin               # Latin and Cyrillic
EAST_ASIAN = note_fonts().default       # Hangul and Han when a run names no font of its own
INK = RGBColor(0x1A, 0x1A, 0x1A)
NAVY = RGBColor(0x1F, 0x2A, 0x44)
GREY = RGBColor(0x55, 0x5B, 0x66)


def set_font(style, size: float, bold: bool = False, italic: bool = False,
             colour: RGBColor = INK) -> None:
    """Set a style's font plainly: drop theme-font attributes that would override the name."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN.font)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = colour
    style.font.all_caps = False


def spacing(style, before: float = 0, after: float = 6, line: float = 1.15,
            keep_next: bool = False, left: float = 0, hanging: float = 0) -> None:
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    pf.line_spacing = line
    pf.keep_with_next = keep_next
    pf.left_indent = Cm(left + hanging) if hanging else Cm(left)
    pf.first_line_indent = Cm(-hanging) if hanging else Cm(0)


def border(style, side: str, colour: str, size: int = 6, space: int = 4) -> None:
    """A paragraph border on one side (size in eighths of a point)."""
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    bdr = parse_xml(f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="{size}" '
                    f'w:space="{space}" w:color="{colour}"/></w:pBdr>')
    place_border(ppr, bdr)


def paragraph_style(doc, name: str, base: str = "Normal"):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.quick_style = True
    style.base_style = styles[base] if name != base else None
    return style


def table_style(doc) -> None:
    """'Briefing Table': thin grey grid, bold header row on a light grey band."""
    xml = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="BriefingTable">
  <w:name w:val="Briefing Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="40"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{EAST_ASIAN.font}"/>
    <w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="1F2A44"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="1F2A44"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="B8BEC8"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="D5D9E0"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="90" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="90" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tcPr>
      <w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="1F2A44"/></w:tcBorders>
      <w:shd w:val="clear" w:color="auto" w:fill="E6E9EE"/>
    </w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="firstCol"><w:rPr><w:b/><w:bCs/></w:rPr></w:tblStylePr>
</w:style>"""
    doc.styles.element.append(parse_xml(xml))


def document_defaults(doc) -> None:
    """The defaults every style inherits: named fonts instead of the theme's (whose East
    Asian font is empty) and the East Asian language of the default East Asian font."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN.font)
    rpr.find(qn("w:lang")).set(qn("w:eastAsia"), EAST_ASIAN.lang)


def build() -> Document:
    doc = Document()
    document_defaults(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.0)

    normal = doc.styles["Normal"]
    set_font(normal, 10.5)
    spacing(normal, after=6, line=1.2)

    title = paragraph_style(doc, "Title")
    set_font(title, 22, bold=True, colour=NAVY)
    spacing(title, before=6, after=6, line=1.0)
    border(title, "bottom", "1F2A44", size=12, space=6)

    h1 = paragraph_style(doc, "Heading 1")
    set_font(h1, 14, bold=True, colour=NAVY)
    spacing(h1, before=18, after=8, line=1.0, keep_next=True)
    h2 = paragraph_style(doc, "Heading 2")
    set_font(h2, 12, bold=True, colour=NAVY)
    spacing(h2, before=12, after=6, line=1.0, keep_next=True)

    quote = paragraph_style(doc, "Quote")
    set_font(quote, 10.5, colour=INK)
    spacing(quote, before=6, after=2, line=1.2, keep_next=True, left=0.6)
    border(quote, "left", "9AA3B0", size=12, space=8)
    quote.paragraph_format.right_indent = Cm(0.3)

    source = paragraph_style(doc, "Source")
    set_font(source, 9, colour=GREY)
    spacing(source, after=2, line=1.1, left=0.6)

    note = paragraph_style(doc, "Note")
    set_font(note, 9.5, colour=INK)
    spacing(note, after=10, line=1.15, left=0.6)

    meta = paragraph_style(doc, "Meta")
    set_font(meta, 9, colour=GREY)
    spacing(meta, after=4, line=1.1)

    marking = paragraph_style(doc, "Marking")
    set_font(marking, 9, bold=True, colour=INK)
    spacing(marking, after=0, line=1.0)

    sources = paragraph_style(doc, "Source List")
    set_font(sources, 9.5)
    spacing(sources, after=4, line=1.15, hanging=0.9)
    tabs = sources.element.get_or_add_pPr()
    tabs_el = parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="left" w:pos="510"/></w:tabs>')
    spacing_el = tabs.find(qn("w:spacing"))
    spacing_el.addprevious(tabs_el)

    table_style(doc)
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = doc.core_properties
    props.title = "Briefing note"
    props.author = "Briefing"
    props.comments = ("Template for Briefing notes. Keep the style names: Title, Heading 1, "
                      "Heading 2, Quote, Source, Note, Meta, Marking, Source List, Briefing Table.")
    return doc


def main(out: Path = OUT) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    build().save(str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
