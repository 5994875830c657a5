"""Refine extracted text into an article: clean the page, then read its metadata."""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefing.core.ingest.bylines import bio_units, desk_line, is_byline_or_date
from briefing.core.ingest.clean import Unit, clean_units, join_units, line_key, marker_key
from briefing.core.ingest.metadata import extract_metadata
from briefing.core.ingest.notes import (
    keep_figure_sources,
    mark_notes,
    note_rules,
    settle_with_metadata,
)
from briefing.core.ingest.page_dates import labelled_numeric_line
from briefing.core.ingest.publisher import (
    expanded,
    issuer_line,
    masthead_publisher,
    publisher_and_year,
    stated_origin,
    with_country,
)
from briefing.core.ingest.title_site import headline_in, title_has_tail
from briefing.core.ingest.types import ArticleMetadata, Block, DocumentHints, Refined

_MD_HEADING = re.compile(r"^#{1,6}\s+")


# Reasons a footnote block is dropped for by position only (after the article's last
# paragraph, below a "Share" line): the note text belongs to the article all the same.
_POSITIONAL = {"tail", "foot", "menu", "head", "absorbed", "teaser"}


def _keep_notes(units: list[Unit], blocks: list[Block]) -> None:
    """Footnote and endnote texts the format marked as such stay in the article, and so
    does a list under a notes heading ("## Sources" then "- [Office of …, 20 February
    2024](…)"): its items are the notes, without numbers."""
    notes = {b.text for b in blocks if b.kind == "footnote"}
    headings = note_rules().headings
    heading: str | None = None
    for block in blocks:
        if block.kind == "heading":
            heading = block.text if marker_key(block.text) in headings else None
        elif block.kind == "list_item" and heading is not None:
            notes.update((heading, block.text))
        else:
            heading = None
    for unit in units:
        if unit.dropped in _POSITIONAL and unit.text in notes:
            unit.dropped = None


def _fill_from_page(meta: ArticleMetadata, page_text: str, hints: DocumentHints,
                    filename: str) -> None:
    """Fields the article text did not give, read from the whole page (an extractor keeps
    the article and drops its byline, date line and copyright footer)."""
    wrapped = meta.provenance.get("title") == "structured" and title_has_tail(meta.title)
    dated = meta.published and meta.provenance.get("published") != "inferred"
    if meta.authors and dated and meta.publisher and not wrapped:
        return
    units = clean_units(page_text)
    if wrapped:  # "Headline - Unknown Site": the page's own headline line
        headline = headline_in(meta.title, units)
        if headline:
            meta.title = headline
    page = extract_metadata(units, join_units(units), DocumentHints(), filename)
    if meta.provenance.get("publisher") == "structured":
        # the page says whose text it is ("From: Foreign, Commonwealth & Development
        # Office" on GOV.UK, "From The Economist, published under licence"), in a line
        # the extractor left out: that beats the name of the site carrying it
        stated, _, how = publisher_and_year(units, page.authors or meta.authors)
        if how in ("licence", "labelled") and stated_origin(stated):
            meta.publisher, meta.provenance["publisher"] = stated, "explicit"
    for name, value in (("authors", page.authors), ("published", page.published),
                        ("publisher", page.publisher)):
        guessed = name == "published" and meta.provenance.get(name) == "inferred"
        if value and (not getattr(meta, name) or guessed) and page.provenance.get(
                name) == "explicit":  # the page's own date line beats a guess
            setattr(meta, name, value)
            meta.provenance[name] = "explicit"
    if page.publisher and not meta.publisher:
        # the site's name atop the whole page ("Royal United Services Institute" over the
        # menu), read as a .txt copy of the page would be: better than none
        meta.publisher, meta.provenance["publisher"] = page.publisher, "inferred"


def apply_choices(units: list[Unit], choices: Mapping[str, str]) -> bool:
    """The analyst's choices over the rules' verdicts: a line filed "keep" (by `line_key`)
    goes back in its place, one filed "drop" goes as "chosen". True if any unit changed."""
    changed = False
    for unit in units:
        decision = choices.get(line_key(unit.text))
        if decision == "keep" and not unit.kept:
            unit.dropped = None
            changed = True
        elif decision == "drop" and unit.kept:
            unit.dropped = "chosen"
            changed = True
    return changed


def refine_article(text: str, hints: DocumentHints, filename: str,
                   blocks: list[Block] | None = None,
                   page_text: str | None = None,
                   choices: Mapping[str, str] | None = None) -> Refined:
    """Cleaned text (paragraphs separated by a blank line) and the article's metadata.

    `blocks` are the reader's blocks where the format has them (Markdown): a footnote
    block is article text wherever it sits on the page.
    If the cleaner would leave nothing although the page had text, the page is kept
    as it is (minus blank lines): a file is never emptied by a cleaning mistake.
    `choices` ({line key: "keep" | "drop"}, the analyst's) are applied after every rule,
    so they win over the rules, now and at every re-clean; the metadata is read as the
    rules left the page.
    """
    units = clean_units(text)
    has_notes = mark_notes(units) or any(b.kind == "footnote" for b in blocks or [])
    keep_figure_sources(units)
    if blocks:
        _keep_notes(units, blocks)
    rows = {b.text for b in blocks or [] if b.kind == "table"}  # a data table's rows stay
    for unit in units:  # a byline or date line left inside the body (not a sentence)
        if unit.kept and not unit.prose and unit.words <= 16 and unit.text not in rows and (
                is_byline_or_date(unit.text) or labelled_numeric_line(unit.text)
                or issuer_line(unit.text)  # "From Department of Foreign Affairs"
                or desk_line(unit.text)):  # "Militarnyi OSINT desk"
            unit.dropped = "byline"
    for at in bio_units(units):  # "Jane Roe is a senior fellow at …" over or under it
        units[at].dropped = "bio"
    cleaned = join_units(units)
    if not cleaned.strip() and units:
        cleaned = "\n\n".join(u.text for u in units)
    metadata = extract_metadata(units, cleaned, hints, filename)
    if page_text and page_text != text:
        _fill_from_page(metadata, page_text, hints, filename)
    if not metadata.publisher:
        # the weakest evidence, once tags, JSON-LD, copyright, <title> and address of the
        # article and of the whole page named none: a site's name above the headline
        metadata.publisher = masthead_publisher(units, metadata.title) or (
            masthead_publisher(clean_units(page_text), metadata.title) if page_text else None)
        if metadata.publisher:
            metadata.provenance["publisher"] = "inferred"
    head = (page_text or text).split("\n\n")[:12]
    metadata.publisher = expanded(with_country(metadata.publisher, head),
                                  [line for para in head for line in para.split("\n")])
    if has_notes and metadata.kind is None:  # a paper with its notes
        metadata.kind = "analysis"
        metadata.provenance["kind"] = "inferred"
    if settle_with_metadata(units, metadata):
        cleaned = join_units(units) or cleaned
    kept = [u for u in units if u.kept]
    # The file's own headline (an HTML <h1> that is a question) is shown from the
    # metadata, not twice. A headline guessed from the text stays in the body: it
    # may be the article's first sentence.
    if (hints.title and len(kept) > 1 and metadata.title == _MD_HEADING.sub("", kept[0].text)):
        kept[0].dropped = "title"
        cleaned = join_units(units)
    whole_page = not join_units(units).strip()  # nothing was left: the page is the text
    if choices and not whole_page and apply_choices(units, choices):
        cleaned = join_units(units) or cleaned  # the analyst dropped every line: keep some
    dropped = [] if whole_page else [(u.text, u.dropped) for u in units if u.dropped]
    return Refined(text=cleaned, metadata=metadata, dropped=dropped)
