"""An article's original file as text a person can look at, inside the app.

An HTML original is shown as its source text, never rendered: a browser (or a rich text
widget) would fetch its remote images, scripts and trackers. Word and PDF originals are
binary, so their text as the reader extracted it is shown instead, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.core.ingest.readers import detect, read_document
from briefing.core.ingest.readers.decode import decode_bytes
from briefing.core.ingest.types import ReadError
from briefing.core.models import Article
from briefing.core.workspace import Workspace

MAX_SHOWN_CHARS = 2_000_000


@dataclass
class OriginalText:
    """What to show: the text, one line about what it is, and where the file is kept."""

    text: str
    about: str
    path: Path


def original_text(ws: Workspace, article: Article) -> OriginalText:
    """The original of `article` as plain text; raises OSError or ReadError with a reason."""
    path = ws.original_path(article.original_hash)
    data = path.read_bytes()
    container = detect.detect_container(data, article.source_file)
    if container in ("txt", "text"):
        declared = detect.declared_charset(data)
        text, encoding = decode_bytes(data, declared)
        kind = detect.text_format(text, article.source_file)
        what = {"html": "HTML source, shown as text (nothing is loaded from the web)",
                "md": "Markdown source"}.get(kind, "plain text")
        about = f"{article.source_file}: {what}, {encoding}, {len(data):,} bytes"
    else:
        try:
            text = read_document(data, article.source_file).text
        except ReadError:
            raise
        about = (f"{article.source_file}: a {container.upper()} file; its text as read on "
                 f"import, {len(data):,} bytes")
    if len(text) > MAX_SHOWN_CHARS:
        text = text[:MAX_SHOWN_CHARS] + "\n\n[… the rest of the file is not shown]"
    return OriginalText(text, about, path)
