"""Word (.docx) documents -> paragraph text and the title/author/date the file states.

A .docx is a zip package. python-docx does not stop a zip bomb (0.75 MB expanding to
hundreds of MB of XML), so the zip directory is checked first: total uncompressed size,
per-member compression ratio, size of the XML to parse and number of members (zipfile
never inflates a member past the size the directory declares, so these bound the memory). Only then is python-docx called.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from briefing.core.ingest.readers.props import iso_date, split_authors
from briefing.core.ingest.types import DocumentHints, Extracted, ReadError

MAX_UNCOMPRESSED_BYTES = 200_000_000  # whole package, as the zip directory declares it
MAX_RATIO = 100                       # uncompressed / compressed, for members over 1 MB
RATIO_CHECK_FROM = 1_000_000
MAX_XML_BYTES = 40_000_000            # XML parts, parsed into memory by python-docx/lxml
MAX_MEMBERS = 10_000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt"
_T, _TAB, _BR, _CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_NB_HYPHEN, _TXBX = f"{_W}noBreakHyphen", f"{_W}txbxContent"
# Inside a paragraph: deleted text, field instructions, properties and the duplicate
# (VML) fallback of drawings are not visible text.
_SKIP = {f"{_W}del", f"{_W}delText", f"{_W}moveFrom", f"{_W}instrText", f"{_W}pPr", f"{_W}rPr",
         f"{_MC}Fallback", f"{_W}fldData"}
# Containers of block content in the body or a cell: content controls, custom XML, etc.
_BLOCK_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins",
                   f"{_W}smartTag"}


def check_zip(data: bytes) -> None:
    """Refuse damaged zips and zip bombs before anything decompresses them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadError(f"damaged Word document (the zip package is corrupt: {exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"looks like a zip bomb ({len(infos)} files inside the package); "
                        "not opened")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ReadError(f"looks like a zip bomb ({len(data) / 1e6:.1f} MB expanding to "
                        f"{total / 1e6:.0f} MB; the limit is "
                        f"{MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB); not opened")
    if sum(i.compress_size for i in infos) > len(data):
        raise ReadError("damaged Word document (the zip directory does not match the file)")
    xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
    if xml > MAX_XML_BYTES:
        raise ReadError(f"the Word document is too large to read safely ({xml / 1e6:.0f} MB "
                        f"of XML; the limit is {MAX_XML_BYTES / 1e6:.0f} MB)")
    for info in infos:
        if info.file_size > RATIO_CHECK_FROM:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise ReadError(f"looks like a zip bomb ({info.filename} expands {ratio:.0f}"
                                f" times, to {info.file_size / 1e6:.0f} MB); not opened")


def read_docx(data: bytes) -> Extracted:
    """Paragraphs and table text of a .docx, with core properties as hints."""
    check_zip(data)
    try:
        import docx
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_body_paragraphs(document))
    except ReadError:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors...
        raise ReadError(f"damaged Word document ({_short(exc)})") from None
    return Extracted(text="\n\n".join(paragraphs), format="docx", hints=_hints(document))


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 120 else text[:117] + "..."


def _body_paragraphs(document: object) -> Iterator[str]:
    """Body paragraphs and tables in document order (content controls and nested tables
    included, tracked deletions and field codes left out)."""
    yield from _block_paragraphs(document.element.body)  # type: ignore[attr-defined]


def _block_paragraphs(container: etree._Element) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == _P:
            text, boxes = _paragraph_text(child)
            if text:
                yield text
            for box in boxes:
                yield from _block_paragraphs(box)
        elif child.tag == _TBL:
            yield from _table_paragraphs(child)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _block_paragraphs(child)


def _paragraph_text(p: etree._Element) -> tuple[str, list[etree._Element]]:
    """Visible text of one w:p, and the text boxes (w:txbxContent) anchored in it."""
    parts: list[str] = []
    boxes: list[etree._Element] = []

    def walk(el: etree._Element) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _NB_HYPHEN:
                parts.append("-")
            elif tag == _TXBX:
                boxes.append(child)
            elif tag in _SKIP:
                continue
            else:
                walk(child)

    walk(p)
    text = "".join(parts)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip()), boxes


def _cell_paragraphs(tc: etree._Element) -> list[str]:
    return list(_block_paragraphs(tc))


def _table_paragraphs(tbl: etree._Element) -> Iterator[str]:
    """A row of one-line cells becomes "a | b | c"; longer cells give their own paragraphs."""
    for tr in tbl.iterchildren(_TR):
        cells = [c for c in tr.iterchildren() if c.tag == _TC]
        cells += [c for sdt in tr.iterchildren(_SDT) for c in sdt.iter(_TC)]
        contents = [_cell_paragraphs(tc) for tc in cells]
        simple = all(len(c) <= 1 and all("\n" not in t and len(t) < 200 for t in c)
                     for c in contents) and not any(tc.find(f".//{_TBL}") is not None
                                                    for tc in cells)
        if simple:
            line = " | ".join(c[0] for c in contents if c)
            if line:
                yield line
        else:
            for content in contents:
                yield from content


def _hints(document: object) -> DocumentHints:
    try:
        props = document.core_properties  # type: ignore[attr-defined]
        title = (props.title or "").strip() or None
        authors = split_authors(props.author)
        created = props.created
    except Exception:  # damaged docProps/core.xml: the text is still worth having
        return DocumentHints()
    published = iso_date(created)
    if created is not None and (created.year, created.month, created.day) == (2013, 12, 23):
        published = None  # python-docx's template date, not the document's
    return DocumentHints(title=title, authors=authors, published=published)
