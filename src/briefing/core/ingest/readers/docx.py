"""Word (.docx) documents -> paragraph text and the title/author/date the file states.

A .docx is a zip package. python-docx does not stop a zip bomb (0.75 MB expanding to
hundreds of MB of XML), so the zip directory is checked first: total uncompressed size,
per-member compression ratio and number of members. Only then is python-docx called.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from briefing.core.ingest.readers.props import iso_date, split_authors
from briefing.core.ingest.types import DocumentHints, Extracted, ReadError

MAX_UNCOMPRESSED_BYTES = 200_000_000  # whole package, as the zip directory declares it
MAX_RATIO = 100                       # uncompressed / compressed, for members over 1 MB
RATIO_CHECK_FROM = 1_000_000
MAX_MEMBERS = 10_000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
    """Body paragraphs and tables in document order (nested tables included)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            text = Paragraph(child, document).text.strip()
            if text:
                yield text
        elif child.tag == f"{_W}tbl":
            yield from _table_paragraphs(Table(child, document))


def _table_paragraphs(table: object) -> Iterator[str]:
    """A row of one-line cells becomes "a | b | c"; longer cells give their own paragraphs."""
    for row in table.rows:  # type: ignore[attr-defined]
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        texts = [c.text.strip() for c in cells]
        simple = all("\n" not in t and len(t) < 200 for t in texts) and not any(
            c.tables for c in cells)
        if simple:
            line = " | ".join(t for t in texts if t)
            if line:
                yield line
            continue
        for cell in cells:
            for p in cell.paragraphs:
                if p.text.strip():
                    yield p.text.strip()
            for inner in cell.tables:
                yield from _table_paragraphs(inner)


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
