"""The analyst corrects cleaning: a line the rules dropped goes back, a kept one goes.

Cleaning (core/ingest/clean.py) sometimes drops a real paragraph or keeps page furniture.
The analyst's answer is a choice per line of an article, "keep" or "drop", filed under the
line's folded text (`clean.line_key`) in the workspace (`ws.cleaning`). The cleaner applies
the choices after every rule (`refine.apply_choices`), at import of the same original and
at every re-clean, so they always win. Choosing re-cleans that one article through the
re-clean path (core/reclean.py): highlights are re-anchored (an orphan is kept, never
lost) and confirmed details stay as they are.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.elide import elide
from briefing.core.errors import CleaningError
from briefing.core.ingest.bylines import is_byline_or_date
from briefing.core.ingest.clean import line_key
from briefing.core.ingest.pipeline import read_article
from briefing.core.ingest.types import ReadError, Refined
from briefing.core.models import Article
from briefing.core.reclean import RecleanResult, reclean_one
from briefing.core.resources import resource
from briefing.core.workspace import Workspace

DECISIONS = ("keep", "drop")

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _reasons() -> dict[str, str]:
    with resource("cleaning", "reasons.toml").open("rb") as fh:
        return dict(tomllib.load(fh).get("reasons", {}))


def reason_words(reason: str) -> str:
    """Why a line went, for a person ("navigation/menu", "repeated line", "your choice")."""
    return _reasons().get(reason, f"page furniture ({reason.replace('_', ' ')})")


@dataclass(frozen=True)
class RemovedLine:
    """A line of the article's page that is not in its text, and why."""

    number: int  # 1, 2, ... in page order (what `briefing cleaning ID --keep N` takes)
    text: str
    reason: str  # the cleaner's reason ("menu", "duplicate", a rule kind, "chosen")
    why: str  # the reason in words

    @property
    def chosen(self) -> bool:
        """The analyst dropped it (not a rule)."""
        return self.reason == "chosen"


def _short(line: str) -> str:
    return elide(line, 60)


def _refined(ws: Workspace, article_id: int) -> tuple[Article, Refined]:
    """The article and its original read again with the current rules and its choices."""
    article = ws.articles.get(article_id)
    if article is None:
        raise CleaningError(f"no article #{article_id}")
    try:
        data = ws.read_original(article.original_hash)
    except FileNotFoundError:
        raise CleaningError(f"the original file of article #{article_id} is missing from "
                            "originals/") from None
    except OSError as exc:
        raise CleaningError(f"the original of article #{article_id} cannot be read "
                            f"({exc.strerror or exc})") from None
    try:
        return article, read_article(data, article.source_file,
                                     ws.cleaning.for_article(article_id))[1]
    except ReadError as exc:
        raise CleaningError(f"the original of article #{article_id} cannot be read "
                            f"({exc})") from None


def _as_details(text: str, reason: str, article: Article) -> str:
    """The reason for a line the article's details hold: its headline, or a byline or date
    line naming its author or dated, whatever rule took it ("navigation/menu" would say the
    author's name was thrown away; it went to the details)."""
    if reason == "chosen":
        return reason
    key = line_key(text)
    if article.title and key == line_key(article.title):
        return "title"
    if len(text) <= 120 and (is_byline_or_date(text) or any(
            len(name) > 3 and line_key(name) in key for name in article.authors)):
        return "byline"
    return reason


def removed_lines(ws: Workspace, article_id: int) -> list[RemovedLine]:
    """What cleaning removed from this article's original, in page order, with the reason
    (lines the analyst dropped say "your choice"; the headline and byline lines, that
    they are in the details). Reads the original: may take a moment for a long PDF.
    CleaningError if the article or its original is missing."""
    article, refined = _refined(ws, article_id)
    out = []
    for n, (text, reason) in enumerate(refined.dropped, start=1):
        reason = _as_details(text, reason, article)
        out.append(RemovedLine(n, text, reason, reason_words(reason)))
    return out


def choices(ws: Workspace, article_id: int) -> list[tuple[str, str]]:
    """The analyst's choices for one article: [(line, "keep" | "drop")], oldest first."""
    return ws.cleaning.lines(article_id)


def current_choice(ws: Workspace, article_id: int, line: str) -> str | None:
    """The analyst's choice for this line of the article ("keep" | "drop"), or None."""
    return ws.cleaning.get(article_id, line)


def paragraph_at(text: str, offset: int) -> str | None:
    """The paragraph of an article's text (paragraphs are separated by a blank line) that
    holds `offset`, or None at a paragraph break or outside the text."""
    start = 0
    for paragraph in text.split("\n\n"):
        end = start + len(paragraph)
        if start <= offset < end and paragraph.strip():
            return paragraph
        start = end + 2
    return None


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _matching(lines: list[str], line: str) -> list[str]:
    """The lines that read `line` (folded; a missing full stop or colon is forgiven)."""
    key = line_key(line)
    exact = [candidate for candidate in lines if line_key(candidate) == key]
    if exact:
        return exact
    loose = key.rstrip(_END)
    return [candidate for candidate in lines if line_key(candidate).rstrip(_END) == loose]


_END = " .!?…:;"


def choose_line(ws: Workspace, article_id: int, line: str,
                decision: str | None, index: bool = True) -> RecleanResult:
    """Keep a removed line ("keep"), drop a kept paragraph ("drop"), or forget the choice
    (None: the rules decide again); then re-clean the article. Putting back a line the
    analyst had dropped forgets that choice. Raises CleaningError, with the reason, when
    there is no such article or line, or the original cannot be read (then nothing is
    changed); WorkspaceReadOnly when writing is refused. With `index` False the change
    stays queued for the caller's own index sync (the app syncs in the background)."""
    if decision is not None and decision not in DECISIONS:
        raise CleaningError(f"a cleaning choice is keep or drop, not {decision!r}")
    ws.require_writable("correct the cleaning")
    article = ws.articles.get(article_id)
    if article is None:
        raise CleaningError(f"no article #{article_id}")
    key = line_key(line)
    if not key:
        raise CleaningError("give the text of a line")
    before = ws.cleaning.get(article_id, line)
    if decision == "keep":
        removed = removed_lines(ws, article_id)
        texts = _matching([r.text for r in removed], line)
        found = [r for r in removed if r.text in texts]
        if not found and before != "keep":
            raise CleaningError(f"no removed line of article #{article_id} reads "
                                f"“{_short(line)}”; `briefing cleaning {article_id}` lists them")
        if found:
            line = found[0].text
            if found[0].chosen:
                decision = None  # the analyst's own drop is taken back
    elif decision == "drop":
        found_text = _matching(_paragraphs(article.text), line)
        if not found_text and before != "drop":
            raise CleaningError(f"no paragraph of article #{article_id} reads "
                                f"“{_short(line)}”")
        if found_text and all(p in found_text for p in _paragraphs(article.text)):
            raise CleaningError("the article's only paragraph cannot be dropped")
        line = found_text[0] if found_text else line
    elif before is None:
        raise CleaningError(f"article #{article_id} has no choice of yours for "
                            f"“{_short(line)}”")
    return apply_choice(ws, article_id, line, decision, index)


def apply_choice(ws: Workspace, article_id: int, line: str,
                 decision: str | None, index: bool = True) -> RecleanResult:
    """File the choice as given (no checks: undo puts back an earlier state this way) and
    re-clean the article; if re-cleaning fails the earlier choice is put back and
    CleaningError says why."""
    ws.require_writable("correct the cleaning")
    before = ws.cleaning.get(article_id, line)
    ws.cleaning.set(article_id, line, decision)
    result = reclean_one(ws, article_id)
    if result.error:
        ws.cleaning.set(article_id, line, before)
        raise CleaningError(f"article #{article_id} was not changed: {result.error}")
    if index:
        warning = ws.index.catch_up()
        if warning:  # the change is committed; the index takes it in on the next sync
            log.warning("after a cleaning choice: %s", warning)
    return result
