"""File readers: turn one file's bytes into plain text plus the metadata the format states.

Public contract (used by the import pipeline):

- ``MAX_FILE_BYTES``: files larger than 50 MB (50,000,000 bytes) are refused; no article
  is that big, and the limit bounds the memory one import can take.
- ``read_document(data, filename) -> Extracted``: detects the format from the content (not
  only the extension), decodes or parses it, and returns text with paragraphs separated by
  blank lines. Bad input always raises ``ReadError`` with a reason written for a person;
  nothing is ever fetched from the network.

One module per job: ``detect`` (which format), ``decode`` (bytes -> clean str), ``props``
(dates and author fields), and the format readers ``html``, ``mhtml``, ``docx`` and ``pdf``
(PDFs are parsed in a time- and memory-limited subprocess, ``pdf_worker``).
"""

from __future__ import annotations

from briefing.core.ingest.readers import decode, detect
from briefing.core.ingest.types import Extracted, ReadError

MAX_FILE_BYTES = 50_000_000

__all__ = ["MAX_FILE_BYTES", "ReadError", "read_document"]

_FORMAT_NAMES = {"pdf": "a PDF", "docx": "a Word document", "mhtml": "a saved web page",
                 "text": "text"}
_EMPTY_REASON = {
    "html": "no text found in the web page",
    "docx": "the Word document contains no text",
    "pdf": "the PDF contains no text",
}


def _read(data: bytes, filename: str, container: str) -> Extracted:
    if container == "pdf":
        from briefing.core.ingest.readers.pdf import read_pdf
        return read_pdf(data)
    if container == "mhtml":
        from briefing.core.ingest.readers.mhtml import read_mhtml
        return read_mhtml(data)
    if container == "docx":
        from briefing.core.ingest.readers.docx import read_docx
        return read_docx(data)
    declared = detect.declared_charset(data)
    text, encoding = decode.decode_bytes(data, declared)
    fmt = detect.text_format(text, filename)
    if fmt == "html":
        from briefing.core.ingest.readers.html import read_html
        extracted = read_html(text)
        extracted.encoding = encoding
        return extracted
    if fmt == "md":
        from briefing.core.ingest.readers.markdown import read_markdown
        extracted = read_markdown(text)
        extracted.encoding = encoding
        return extracted
    return Extracted(text=text, format=fmt, encoding=encoding)


def read_document(data: bytes, filename: str) -> Extracted:
    """Read one file's bytes; raise ReadError (a reason for a person) if it cannot be read."""
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(f"the file is too large ({len(data) / 1e6:.0f} MB; the limit is "
                        f"{MAX_FILE_BYTES / 1e6:.0f} MB)")
    if not data:
        raise ReadError("empty file (0 bytes)")
    container = detect.detect_container(data, filename)
    try:
        extracted = _read(data, filename, container)
    except ReadError:
        raise
    except Exception as exc:  # a library failing on odd input: still a reason, not a crash
        detail = f"{type(exc).__name__}: {exc}"
        raise ReadError(f"could not read this file as {_FORMAT_NAMES.get(container, container)}"
                        f" ({detail[:160]})") from exc
    extracted.text = decode.normalise(extracted.text)
    if not extracted.text.strip():
        raise ReadError(_EMPTY_REASON.get(extracted.format, "empty file (only whitespace)"))
    return extracted
