"""Values passed along the import pipeline: read -> refine (clean + metadata) -> store."""

from __future__ import annotations

from dataclasses import dataclass, field


class ReadError(Exception):
    """A file could not be read. The message is the reason, written for a person.

    Example: "binary data, not text (a .txt file holding 41% control bytes)".
    The pipeline prefixes the file name itself.
    """


@dataclass
class DocumentHints:
    """Metadata a file format states itself (HTML <meta>, DOCX core properties, PDF info)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    site_host: str | None = None  # the host most of the page's links point to, if any
    # an extractor's guess at the date (trafilatura's, from the URL or the text): weaker
    # than the page's own date line, so taken only when the page states none
    guessed_date: str | None = None
    # the stated date is a UTC instant's ("2025-01-05T23:41:12Z"): its calendar day may be
    # the day before or after the one the page shows at the story's place
    published_utc: bool = False


BLOCK_KINDS = ("heading", "paragraph", "list_item", "quote", "footnote", "turn", "table")


@dataclass
class Block:
    """One block of a document as its format marks it (a heading, a list item, a note...).

    `text` is plain text as a reader sees it: links as their text, no markup, footnote
    markers removed. `level` is a heading's level (1 for the page's headline).
    """

    kind: str  # one of BLOCK_KINDS
    text: str
    level: int = 0


@dataclass
class Extracted:
    """Plain text pulled out of one file, before cleaning.

    `text` has paragraphs separated by blank lines where the format knows them
    (HTML, DOCX, PDF); scraped .txt is passed through as decoded.
    """

    text: str
    format: str  # "txt", "md", "html", "docx", "pdf"
    hints: DocumentHints = field(default_factory=DocumentHints)
    encoding: str | None = None  # for text formats: the charset that decoded it
    blocks: list[Block] | None = None  # the blocks `text` was made of, where the format has them
    page_text: str | None = None  # all visible text of a web page (bylines, footers and all)


@dataclass
class ArticleMetadata:
    """What refine() decided about an article."""

    title: str
    title_inferred: bool = False
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    language: str | None = None
    url: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)  # field -> how it was found
    kind: str | None = None  # news, transcript, statement, analysis, social (models.ARTICLE_KINDS)


@dataclass
class Refined:
    """Cleaned article text (paragraphs separated by "\\n\\n") and its metadata."""

    text: str
    metadata: ArticleMetadata
    # the lines cleaning left out, in page order: (line, reason: a rule kind, "menu",
    # "tail", ..., or "chosen" for a line the analyst dropped); none when the whole page
    # was kept because cleaning would have left nothing
    dropped: list[tuple[str, str]] = field(default_factory=list)
