"""Claim suggestions and figure comparisons for a workspace (used by the app and the CLI).

Suggestions are computed from an article's cleaned text and the workspace's perspectives
(including the user's own cues), cached per article text and cue set, and filtered against
what the user already did: rejected quotes and sentences already covered by a highlight
are not proposed again.

Precedence of a suggestion's perspectives: the analyst's correction on a highlight (a
highlighted sentence is no longer suggested, and its figures come from the highlight),
then the speaker book (`apply_speaker_book`, applied after the cache so an assignment
shows at once), then the cues.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import replace

from briefing.core.anchoring import find_quote
from briefing.core.claim_rows import line_up
from briefing.core.claims import numeric_claims, suggest_claims
from briefing.core.claims.cues import matcher_for
from briefing.core.errors import HighlightError
from briefing.core.models import (
    Article,
    ClaimComparison,
    Highlight,
    NumericClaim,
    Perspective,
    Suggestion,
)
from briefing.core.speaker_names import BookLookup, book_hits
from briefing.core.workspace import Workspace

COVERED_FRACTION = 0.5  # a highlight over half a sentence means the user has dealt with it
# Articles whose suggestions stay cached. The claims comparison reads every article in
# turn: a library larger than the cache would recompute them all on each refresh (an LRU
# scanned in order never hits). About 8 kB per article.
_CACHE_SIZE = 4096
_cache: OrderedDict[tuple[str, int], tuple[str, list[Suggestion]]] = OrderedDict()
# The figures in each cached suggestion (same key and signature), for the comparison.
_figures: OrderedDict[tuple[str, int], tuple[str, list[list[NumericClaim]]]] = OrderedDict()
_lock = threading.Lock()


def _signature(text: str, perspectives: list[Perspective]) -> str:
    h = hashlib.sha1(text.encode("utf-8", "surrogatepass"))
    for p in perspectives:
        h.update(("\x00" + p.key + "\x01" + "\x02".join(p.cues)).encode("utf-8"))
    return h.hexdigest()


def _article_signature(article: Article, perspectives: list[Perspective]) -> str:
    """What an article's suggestions depend on: its text, title, publisher and the cues."""
    return _signature(article.text + "\x00" + article.title + "\x00" + (article.publisher or ""),
                      perspectives)


def _cached(ws: Workspace, article: Article, perspectives: list[Perspective]
            ) -> tuple[str, list[Suggestion] | None]:
    """(signature, the cached suggestions for this article's text, title, publisher and
    cue set, or None)."""
    key = (str(ws.root), article.id)
    sig = _article_signature(article, perspectives)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] == sig:
            _cache.move_to_end(key)
            return sig, hit[1]
    return sig, None


def _all_suggestions(ws: Workspace, article: Article,
                     perspectives: list[Perspective]) -> list[Suggestion]:
    """Every suggestion for the article (cached on text, title, publisher and cues)."""
    key = (str(ws.root), article.id)
    sig, hit = _cached(ws, article, perspectives)
    if hit is not None:
        return hit
    found = suggest_claims(article.text, perspectives, title=article.title,
                           publisher=article.publisher or "")
    with _lock:
        _cache[key] = (sig, found)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def raw_suggestions(ws: Workspace, article: Article) -> list[Suggestion]:
    """Every suggestion of an article as the cues give it (no book, nothing filtered out)."""
    return _all_suggestions(ws, article, ws.perspectives.all())


def apply_speaker_book(found: list[Suggestion], book: BookLookup) -> list[Suggestion]:
    """Copies of the suggestions, each whose speaker is in the book taking its perspective.

    The cue then names the book entry ("speaker book: Kyrylo Budanov"), so the reader's
    tooltip and `suggest --json` say why.
    """
    out = []
    for s, hit in zip(found, book_hits(found, book), strict=True):
        if hit is None:
            out.append(Suggestion(s.start, s.end, s.quote, list(s.perspectives), s.cue,
                                  s.speaker, s.verb))
        else:
            _key, name, perspective = hit
            out.append(Suggestion(s.start, s.end, s.quote, [perspective],
                                  f"speaker book: {name}", s.speaker, s.verb))
    return out


def _suggestion_figures(ws: Workspace, article: Article, perspectives: list[Perspective]
                        ) -> list[tuple[Suggestion, list[NumericClaim]]]:
    """Every suggestion with the figures it states (both cached on the article and cues)."""
    found = _all_suggestions(ws, article, perspectives)
    text = article.text
    key = (str(ws.root), article.id)
    sig = _article_signature(article, perspectives)
    with _lock:
        hit = _figures.get(key)
        if hit is not None and hit[0] == sig and len(hit[1]) == len(found):
            _figures.move_to_end(key)
            return list(zip(found, hit[1], strict=True))
    sources = matcher_for(perspectives)  # a figure is the side that reports it
    figures = [numeric_claims(text, s.start, s.end, s.perspectives, sources=sources)
               for s in found]
    with _lock:
        _figures[key] = (sig, figures)
        while len(_figures) > _CACHE_SIZE:
            _figures.popitem(last=False)
    return list(zip(found, figures, strict=True))


def _covered(s: Suggestion, highlights: list[Highlight]) -> bool:
    length = max(1, s.end - s.start)
    for h in highlights:
        if h.orphaned:
            continue
        overlap = min(s.end, h.end) - max(s.start, h.start)
        if overlap > 0 and overlap >= COVERED_FRACTION * length:
            return True
    return False


def pending_suggestions(ws: Workspace, article_id: int) -> list[Suggestion]:
    """Suggestions for an article that the user has neither rejected nor highlighted."""
    article = ws.articles.get(article_id)
    if article is None:
        return []
    return _pending(ws, article, _all_suggestions(ws, article, ws.perspectives.all()))


def pending_if_ready(ws: Workspace, article_id: int) -> list[Suggestion] | None:
    """`pending_suggestions` if they can be had at once (already computed for this text
    and cue set), else None: the caller computes them in the background instead."""
    article = ws.articles.get(article_id)
    if article is None:
        return []
    found = _cached(ws, article, ws.perspectives.all())[1]
    return None if found is None else _pending(ws, article, found)


def _pending(ws: Workspace, article: Article, found: list[Suggestion]) -> list[Suggestion]:
    """The article's suggestions with the speaker book applied, less those the analyst
    rejected or already highlighted."""
    rejected = ws.highlights.rejected_quotes(article.id)
    highlights = ws.highlights.for_article(article.id)
    # the book sees every statement in order ("he" follows the speaker named before it)
    booked = apply_speaker_book(found, ws.speakers.lookup())
    return [s for s in booked if s.quote not in rejected and not _covered(s, highlights)]


def accept_suggestion(ws: Workspace, article_id: int, suggestion: Suggestion,
                      perspectives: list[str] | None = None) -> Highlight:
    """Make a suggestion a highlight of kind "claim" (with its own or the given perspectives)."""
    text = ws.articles.text(article_id)
    if not text:
        raise HighlightError(f"no article #{article_id}")
    start, end = suggestion.start, suggestion.end
    if text[start:end] != suggestion.quote:
        span = find_quote(text, suggestion.quote)
        if span is None:
            raise HighlightError("the suggested sentence is no longer in the article's text")
        start, end = span
    keys = list(suggestion.perspectives) if perspectives is None else list(perspectives)
    return ws.highlights.add(article_id, text, start, end, perspectives=keys, kind="claim")


def reject_suggestion(ws: Workspace, article_id: int, suggestion: Suggestion) -> None:
    """Remember that this sentence is not a claim; it is not suggested again."""
    ws.highlights.reject_suggestion(article_id, suggestion.quote)


def library_comparisons(ws: Workspace, subject: str | None = None,
                        include_excluded: bool = False) -> list[ClaimComparison]:
    """Figures from highlights and pending suggestions of every article, lined up as
    stored claims rows (stable ids, the analyst's corrections applied, each judged).

    `subject` filters rows by words ("how many North Korean troops" -> rows whose subject
    has "north", "korean" and "troops"). Highlights win over the suggestion they came from.
    """
    claims: list[tuple[int, str, NumericClaim, int | None]] = []
    perspectives = ws.perspectives.all()
    sources = matcher_for(perspectives)
    book = ws.speakers.lookup()
    by_article: dict[int, list[Highlight]] = {}
    for h in ws.highlights.list():
        by_article.setdefault(h.article_id, []).append(h)
    with_rows = ws.claims.article_ids()
    texts: dict[int, str] = {}
    articles: dict[int, Article] = {}
    for article in ws.articles.iter_with_text():
        text = article.text
        before = len(claims)
        highlights = by_article.get(article.id, [])
        for h in highlights:
            if h.orphaned or text[h.start:h.end] != h.quote:
                continue
            for c in numeric_claims(text, h.start, h.end, h.perspectives, sources=sources):
                claims.append((article.id, h.quote, c, h.id))
        rejected = ws.highlights.rejected_quotes(article.id)
        found = _suggestion_figures(ws, article, perspectives)
        booked = apply_speaker_book([s for s, _figures in found], book)
        for (s, figures), b in zip(found, booked, strict=True):
            if s.quote in rejected or _covered(s, highlights):
                continue
            for c in figures:  # the speaker book decides the figure's perspective too
                if b.perspectives != s.perspectives:
                    c = replace(c, perspectives=list(b.perspectives))
                claims.append((article.id, s.quote, c, None))
        if len(claims) > before or article.id in with_rows:
            texts[article.id] = text  # only articles with figures need their text kept
            article.text = ""
            articles[article.id] = article
    return line_up(ws, claims, texts, articles, subject, include_excluded)
