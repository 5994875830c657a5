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

_EMPTY_REASON = {
    "html": "no text found in the web page",
    "docx": "the Word document contains no text",
    "pdf": "the PDF contains no text",
}


def read_document(data: bytes, filename: str) -> Extracted:
    """Read one file's bytes; raise ReadError (a reason for a person) if it cannot be read."""
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(f"the file is too large ({len(data) / 1e6:.0f} MB; the limit is "
                        f"{MAX_FILE_BYTES / 1e6:.0f} MB)")
    if not data:
        raise ReadError("empty file (0 bytes)")
    container = detect.detect_container(data, filename)
    if container == "pdf":
        from briefing.core.ingest.readers.pdf import read_pdf
        extracted = read_pdf(data)
    elif container == "mhtml":
        from briefing.core.ingest.readers.mhtml import read_mhtml
        extracted = read_mhtml(data)
    elif container == "docx":
        from briefing.core.ingest.readers.docx import read_docx
        extracted = read_docx(data)
    else:
        declared = detect.declared_charset(data)
        text, encoding = decode.decode_bytes(data, declared)
        fmt = detect.text_format(text, filename)
        if fmt == "html":
            from briefing.core.ingest.readers.html import read_html
            extracted = read_html(text)
            extracted.encoding = encoding
        else:
            extracted = Extracted(text=text, format=fmt, encoding=encoding)
    extracted.text = decode.normalise(extracted.text)
    if not extracted.text.strip():
        raise ReadError(_EMPTY_REASON.get(extracted.format, "empty file (only whitespace)"))
    return extracted
