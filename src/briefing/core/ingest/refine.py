"""Refine extracted text into an article: clean the page, then read its metadata."""

from __future__ import annotations

import re

from briefing.core.ingest.clean import clean_units, join_units
from briefing.core.ingest.metadata import extract_metadata, is_byline_or_date
from briefing.core.ingest.types import DocumentHints, Refined

_MD_HEADING = re.compile(r"^#{1,6}\s+")


def refine_article(text: str, hints: DocumentHints, filename: str) -> Refined:
    """Cleaned text (paragraphs separated by a blank line) and the article's metadata.

    If the cleaner would leave nothing although the page had text, the page is kept
    as it is (minus blank lines): a file is never emptied by a cleaning mistake.
    """
    units = clean_units(text)
    for unit in units:  # a byline or date line left inside the body (not a sentence)
        if unit.kept and not unit.prose and unit.words <= 16 and is_byline_or_date(unit.text):
            unit.dropped = "byline"
    cleaned = join_units(units)
    if not cleaned.strip() and units:
        cleaned = "\n\n".join(u.text for u in units)
    metadata = extract_metadata(units, cleaned, hints, filename)
    kept = [u for u in units if u.kept]
    # The file's own headline (an HTML <h1> that is a question) is shown from the
    # metadata, not twice. A headline guessed from the text stays in the body: it
    # may be the article's first sentence.
    if (hints.title and len(kept) > 1 and metadata.title == _MD_HEADING.sub("", kept[0].text)):
        kept[0].dropped = "title"
        cleaned = join_units(units)
    return Refined(text=cleaned, metadata=metadata)
