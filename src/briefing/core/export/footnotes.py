"""Real Word footnotes for the .docx note, written as a footnotes part.

python-docx has no footnote API, so this module writes the part itself with its OPC
layer: a `/word/footnotes.xml` part (the separator and continuation separator footnotes
Word expects, ids -1 and 0, then one footnote per citation), related to the document part
with the footnotes relationship, and a `<w:footnoteReference>` run where each note is cited.
A template that already has a footnotes part keeps its separators; its other footnotes are
dropped (a template's body is cleared too).
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

_EMPTY = (
    f'<w:footnotes {nsdecls("w")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote></w:footnotes>')
FOOTNOTE_TEXT_SIZE = "18"  # half-points: 9 pt when the template has no Footnote Text style


# Word's built-in footnote styles, added when a template lacks them: Word and LibreOffice
# both draw the note's number from "footnote reference" (LibreOffice ignores run formatting
# on the number at the foot of the page).
_STYLES = (
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
    '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
    '<w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
)


def _ensure_styles(doc) -> None:
    present = {s.style_id for s in doc.styles}
    root = doc.styles.element
    for xml in _STYLES:
        style = parse_xml(xml)
        if style.get(qn("w:styleId")) not in present:
            root.append(style)


class Footnotes:
    """Collects footnotes for one document and writes the part on `finish()`."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.part = doc.part
        self._existing: Part | None = None
        for rel in self.part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                self._existing = rel.target_part
        if self._existing is not None:
            self.root = parse_xml(self._existing.blob)
            for fn in self.root.findall(qn("w:footnote")):
                if fn.get(qn("w:type")) not in ("separator", "continuationSeparator"):
                    self.root.remove(fn)
        else:
            self.root = parse_xml(_EMPTY)
        _ensure_styles(doc)
        styles = {s.style_id for s in doc.styles}
        self.text_style = "FootnoteText" if "FootnoteText" in styles else None
        self.ref_style = "FootnoteReference" if "FootnoteReference" in styles else None
        self.next_id = 1
        self.count = 0

    def _ref_props(self):
        rpr = OxmlElement("w:rPr")
        if self.ref_style:
            style = OxmlElement("w:rStyle")
            style.set(qn("w:val"), self.ref_style)
            rpr.append(style)
        else:
            va = OxmlElement("w:vertAlign")
            va.set(qn("w:val"), "superscript")
            rpr.append(va)
        return rpr

    def _mark_props(self):
        """The number at the start of the footnote: superscript, at the footnote's size."""
        rpr = self._ref_props()
        if not self.text_style:
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), FOOTNOTE_TEXT_SIZE)
            rpr.insert(0, size)  # CT_RPr order: w:sz before w:vertAlign
        return rpr

    def add(self, paragraph_element, text: str) -> int:
        """Append a footnote reference to the paragraph and the note to the part; its id."""
        fid = self.next_id
        self.next_id += 1
        self.count += 1
        run = OxmlElement("w:r")
        run.append(self._ref_props())
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(fid))
        run.append(ref)
        paragraph_element.append(run)

        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(fid))
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        if self.text_style:
            style = OxmlElement("w:pStyle")
            style.set(qn("w:val"), self.text_style)
            ppr.append(style)
        p.append(ppr)
        mark = OxmlElement("w:r")
        mark.append(self._mark_props())
        mark.append(OxmlElement("w:footnoteRef"))
        p.append(mark)
        body = OxmlElement("w:r")
        if not self.text_style:
            rpr = OxmlElement("w:rPr")
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), FOOTNOTE_TEXT_SIZE)
            rpr.append(size)
            body.append(rpr)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = " " + text
        body.append(t)
        p.append(body)
        note.append(p)
        self.root.append(note)
        return fid

    def finish(self) -> None:
        """Write the part into the package (only when a footnote was added)."""
        if not self.count:
            return
        blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if isinstance(self._existing, XmlPart):  # should python-docx ever parse the part
            self._existing._element = self.root
            return
        if self._existing is not None:
            self._existing._blob = blob  # a generic Part: python-docx serialises its blob
            return
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, self.part.package)
        self.part.relate_to(part, RT.FOOTNOTES)


def read_footnotes(doc) -> dict[int, str]:
    """{id: text} of the document's footnotes (separators left out); for tests and checks."""
    for rel in doc.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            out = {}
            for fn in root.findall(qn("w:footnote")):
                if fn.get(qn("w:type")) in ("separator", "continuationSeparator"):
                    continue
                text = "".join(t.text or "" for t in fn.iter(qn("w:t")))
                out[int(fn.get(qn("w:id")))] = text.strip()
            return out
    return {}
