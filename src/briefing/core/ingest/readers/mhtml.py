"""Web pages saved as a single file (.mhtml/.mht, "Webpage, Single File"): a MIME message
whose text/html part is the page. That part is decoded and read like any saved page; the
other parts (images, stylesheets, frames) are ignored, and nothing is fetched.
"""

from __future__ import annotations

import email
import email.policy

from briefing.core.ingest.readers import decode
from briefing.core.ingest.readers.html import read_html
from briefing.core.ingest.types import Extracted, ReadError


def read_mhtml(data: bytes) -> Extracted:
    """The first text/html part of the archive, read as HTML."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        text, encoding = decode.decode_bytes(payload, part.get_content_charset())
        extracted = read_html(text)
        extracted.encoding = encoding
        if not extracted.hints.url:
            location = (message.get("Snapshot-Content-Location")
                        or part.get("Content-Location") or "").strip()
            if location.startswith(("http://", "https://")):
                extracted.hints.url = location
        return extracted
    raise ReadError("no web page inside this .mhtml file (it has no text/html part)")
