"""Decide a file's format from its content, using the extension only to break ties.

Containers (PDF, DOCX) are recognised by their magic bytes; OLE2 files (legacy .doc and
password-protected Office files) and other known binary formats are refused with a reason.
Everything else is text; among text, HTML is sniffed from the markup, Markdown is chosen by
extension.
"""

from __future__ import annotations

import io
import re
import tomllib
import zipfile
from functools import lru_cache
from pathlib import PurePath

from briefing.core.ingest.types import ReadError
from briefing.core.resources import resource

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"<(?:html|head|body|title|meta|p|div)[\s>/]", re.IGNORECASE)
_MIME_HEAD = re.compile(rb"\A(?:[\x21-\x39\x3b-\x7e]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?"
                        rb"MIME-Version:\s*1\.0", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@lru_cache(maxsize=1)
def _signatures() -> list[tuple[int, bytes, str]]:
    with resource("readers", "signatures.toml").open("rb") as fh:
        table = tomllib.load(fh)
    return [(int(s.get("offset", 0)), bytes.fromhex(s["hex"]), s["reason"])
            for s in table["signature"]]


def _suffix(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def detect_container(data: bytes, filename: str) -> str:
    """Return "pdf", "docx", "mhtml" or "text"; raise ReadError for formats Briefing cannot read."""
    head = data[:1024]
    pdf_at = head.find(PDF_MAGIC)
    if pdf_at == 0 or (pdf_at > 0 and b"%%EOF" in data[-4096:]):  # junk before the header
        return "pdf"
    if data.startswith(OLE2_MAGIC):
        raise ReadError(_ole2_reason(data, filename))
    if data.startswith(ZIP_MAGIC) or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data, filename)
    if looks_like_mhtml(data):
        return "mhtml"
    for offset, magic, reason in _signatures():
        if data[offset:offset + len(magic)] == magic:
            raise ReadError(reason)
    # The content decides: a web page saved under a PDF or Word name (browsers and web
    # apps do this) is read as the HTML it is; anything else with that name is damaged.
    is_html = bool(_HTML_START.match(head.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")))
    if _suffix(filename) == ".pdf" and not is_html:
        raise ReadError("damaged PDF (the file does not start like a PDF)")
    if _suffix(filename) == ".docx" and not is_html:
        raise ReadError("damaged Word document (the file is not a .docx zip package)")
    return "text"


def _ole2_reason(data: bytes, filename: str) -> str:
    """OLE2 holds encrypted OOXML ("EncryptedPackage") and legacy binary Office files."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return ("password-protected or encrypted Word document; remove the password in Word "
                "(File > Info > Protect Document) and import it again")
    if "WordDocument".encode("utf-16-le") in data or _suffix(filename) == ".doc":
        return ("old .doc format not supported; open it in Word or LibreOffice, save it as "
                ".docx and import that")
    if _suffix(filename) == ".docx":
        return ("password-protected or encrypted Word document; remove the password in Word "
                "(File > Info > Protect Document) and import it again")
    return ("old Microsoft Office format (.doc/.xls/.ppt) not supported; save it as .docx "
            "and import that")


def _zip_kind(data: bytes, filename: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        if _suffix(filename) == ".docx" or b"word/" in data[:4096] or \
                b"[Content_Types].xml" in data[:4096]:
            raise ReadError("damaged Word document (the zip package is truncated or corrupt)"
                            ) from None
        raise ReadError("damaged zip archive, not an article file") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise ReadError("this is an Excel workbook, not an article; save the text as .docx")
    if "ppt/presentation.xml" in names:
        raise ReadError("this is a PowerPoint presentation, not an article")
    if "content.xml" in names and "mimetype" in names:
        raise ReadError("OpenDocument files are not supported; save it as .docx and "
                        "import that")
    if _suffix(filename) == ".docx":
        raise ReadError("damaged Word document (word/document.xml is missing)")
    raise ReadError("this is a zip archive; unpack it and import the files inside")


def looks_like_mhtml(data: bytes) -> bool:
    """A saved single-file page: MIME headers naming multipart/related at the start."""
    head = data[:4096]
    return bool(_MIME_HEAD.match(head)) and b"multipart/related" in head.lower()


def declared_charset(data: bytes) -> str | None:
    """The charset a markup file declares (<meta charset>, XML declaration), if any."""
    head = data[:4096]
    if b"<" not in head:
        return None
    match = _META_CHARSET.search(head)
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "ignore").lower() or None


def text_format(text: str, filename: str) -> str:
    """"html", "md" or "txt" for decoded text: markup is sniffed, Markdown is by extension."""
    suffix = _suffix(filename)
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if suffix in HTML_SUFFIXES:
        return "html" if _HTML_TAGS.search(text[:65536]) else "txt"
    if suffix in MARKDOWN_SUFFIXES:
        return "md"
    return "txt"
