"""Read an article's title, publisher, authors, date, language and URL from its page.

Works on the cleaner's units (kept and dropped lines alike: the byline and
date line are furniture to the reader but metadata to the library). What the
file format stated itself (DocumentHints) wins; then what the page states in
its own furniture (a "CO24175 | Title" line, "(Bloomberg) --", "© 2024, The
Economist...", "Drew Thompson" above "15 November 2024"); dates mentioned in
the article's prose are never taken for its publication date. A title that
had to be made from the first sentence is marked inferred.
"""

from __future__ import annotations

import re

from briefing.core.ingest.bylines import (
    TITLE_SEP,
    head_limit,
    hint_authors,
    page_authors,
)
from briefing.core.ingest.clean import Unit
from briefing.core.ingest.cues import metadata_cues, name_key, publishers
from briefing.core.ingest.dates import (
    strict_date_line,
)
from briefing.core.ingest.headlines import (
    TYPE_LABEL,
    authors_between,
    is_turn,
    issue_line,
    title_by_anchor,
    title_from_units,
    turn_label,
)
from briefing.core.ingest.inferred_title import infer_title
from briefing.core.ingest.language import detect_language
from briefing.core.ingest.page_dates import article_date
from briefing.core.ingest.publisher import (
    DOMAIN_NAME,
    hinted_publisher,
    host_publisher,
    institution_line,
    publisher_and_year,
    stated_origin,
)
from briefing.core.ingest.title_site import (
    MD_HEADING,
    headline_in,
    strip_title_tags,
    title_has_tail,
    title_site,
)
from briefing.core.ingest.types import ArticleMetadata, DocumentHints

_URL_LINE = re.compile(r"^(?:(?:url|source|link|original(?:ly)? (?:at|published at))\s*:?\s*)?"
                       r"(https?://\S+)$", re.IGNORECASE)


def _url(units: list[Unit]) -> str | None:
    edges = units[:10] + units[-10:]
    for unit in edges:
        m = _URL_LINE.match(unit.text)
        if m:
            return m.group(1).rstrip(".,)")
    return None


def article_kind(units: list[Unit], title: str, news: bool) -> str | None:
    """news, transcript, statement or social when the page's structure makes it clear."""
    cues = metadata_cues()["kind"]
    labels = [turn_label(u.text) for u in units if u.kept and is_turn(u.text)]
    repeated = {lab for lab in labels if labels.count(lab) >= 2}
    if len(labels) >= int(cues["min_turns"]) and repeated:
        return "transcript"
    low = title.lower()
    if any(re.search(rf"\b{re.escape(w)}\b", low) for w in cues["social_title"]):
        return "social"
    if any(re.search(rf"\b{re.escape(w)}\b", low) for w in cues["statement_title"]):
        return "statement"
    return "news" if news else None


def _tags_off(title: str, units: list[Unit]) -> str:
    """The format's title without the tags a site adds (metadata.toml [title] strip); a
    type label the page's own headline carries ("Transcript: Press briefing of …" as its
    <h1>) is part of the headline, one only in the <title> ("Opinion: …") is not."""
    bare = strip_title_tags(title)
    if bare != title and TYPE_LABEL.match(title):
        key = name_key(title)
        if any(name_key(MD_HEADING.sub("", u.text)) == key
               for u in units[:head_limit(units) + 1]):
            return title
    return bare


def extract_metadata(units: list[Unit], cleaned: str, hints: DocumentHints,
                     filename: str = "") -> ArticleMetadata:
    """Everything the library records about an article, from hints first, then the page.

    `provenance` says for each field how it was found: "structured" (the format's own
    metadata: HTML meta, JSON-LD, front matter, DOCX properties), "explicit" (a line of the
    page that says it: "By …", "Published …", a dateline, a copyright line, the headline
    above the byline) or "inferred" (guessed: the first sentence as title, an author line
    without "By", a site name atop the page, a copyright year as date).
    """
    prov: dict[str, str] = {}
    hint_publisher = hinted_publisher(hints)
    title_hint, named_site = title_site(hints.title, hint_publisher, strip=False)
    if title_hint:
        title_hint = _tags_off(title_hint, units)
    anchored = title_by_anchor(units)
    parts = TITLE_SEP.split(title_hint or "")
    if anchored and len(parts) >= 2 and strict_date_line(parts[0]):
        # "Thursday, October 31, 2024 (AM) | Press Conferences by …": a <title> made of
        # the date and the section names a page of a series; its headline is on the page
        title_hint = None

    authors = hint_authors(hints.authors, hint_publisher)
    if authors:
        prov["authors"] = "structured"
        on_page, page_how = page_authors(units)
        if (page_how == "explicit" and len(on_page) > len(authors)
                and {name_key(a) for a in authors} <= {name_key(a) for a in on_page}):
            authors, prov["authors"] = on_page, "explicit"  # meta named only the first
    else:
        authors, how_authors = page_authors(units)
        if authors:
            prov["authors"] = how_authors
        elif anchored:
            title_at, _, anchor = anchored
            # author lines between headline and date, else just under the date
            # a headline under the date: its authors are under it ("World Economy Brief" /
            # "June 12, 2025 | Vol. 15" / title / "Park Ji-hoon Research Fellow, …")
            # a headline under its date: the line of writers under it when it names two
            # or more ("Martina Herzog and Andreas Stein, dpa"); one name there may be the
            # person the story is about or who speaks
            under = authors_between(units, title_at, min(title_at + 4, head_limit(units)))
            authors = (authors_between(units, title_at, anchor) if title_at < anchor else
                       under if issue_line().search(units[anchor].text) or len(under) >= 2
                       else [])
            if not authors and title_at < anchor and not units[anchor].text.lower().startswith(
                    "by "):
                authors = authors_between(units, anchor, min(anchor + 4, head_limit(units)))
            if authors:
                prov["authors"] = "inferred"

    publisher, year, how = publisher_and_year(units, authors)
    # the page says whose article it is ("From: Foreign, Commonwealth & Development
    # Office", "From The Economist, published under licence"): that beats the name of the
    # site carrying it (a portal such as GOV.UK, a syndicating paper)
    stated = how in ("licence", "labelled") and stated_origin(publisher)
    if (hint_publisher and DOMAIN_NAME.fullmatch(hint_publisher) and publisher
            and (institution_line(publisher) or how == "labelled")):
        # a portal named by its address ("Government.rr", "Canada.ca"), the ministry atop
        # or "From: Global Affairs Canada" under the headline
        stated = True
    elif (hint_publisher and len(hint_publisher.split()) == 1 and publisher
          and publishers().canonical(hint_publisher) is None and institution_line(publisher)
          and not any(hint_publisher in u.text for u in units)):
        # a site name in the site's own language that the page never shows
        # ("Välisministeerium" in <title>), the ministry named in English on the page
        stated = True
    if how in ("licence", "labelled"):
        how = "explicit"
    if hint_publisher and not stated:
        publisher, how = hint_publisher, "structured"
    elif named_site and not stated and (publisher is None or how == "inferred"):
        publisher, how = named_site, "structured"
    elif publisher is None:  # the site's own address: a link host, the page's URL
        for address in (hints.site_host, hints.url, _url(units)):
            known = host_publisher(address)
            if known:
                publisher, how = known, "inferred"
                break
    if publisher:
        # a known publisher as the library shows it, however the page wrote it
        # ("Ministry of External Affairs, Government of India")
        publisher = publishers().canonical(publisher) or publisher
        prov["publisher"] = "explicit" if how == "dateline" else how

    title = title_hint
    prov["title"] = "structured"
    if title and (named_site is None or title_has_tail(title)):
        # "Headline | Some Site", "News - Headline": the page's own headline line
        title = headline_in(title, units) or title
    if title is None:
        title = anchored[1] if anchored else title_from_units(units)
        prov["title"] = "explicit"
    if title is None:
        title = infer_title(cleaned, filename)
        prov["title"] = "inferred"

    published, prov_date = article_date(units, hints.published, title,
                                        prov["title"] == "inferred", year, hints.guessed_date,
                                        hints.published_utc)
    if published:
        prov["published"] = prov_date

    language = hints.language
    if language:
        prov["language"] = "structured"
    else:
        language = detect_language(cleaned)
        if language:
            prov["language"] = "inferred"
    url = hints.url
    if url:
        prov["source_url"] = "structured"
    else:
        url = _url(units)
        if url:
            prov["source_url"] = "explicit"
    kind = article_kind(units, title, news=how == "dateline")
    if kind in ("transcript", "statement") and prov.get("authors") == "inferred":
        authors = []  # the speaker's name and job under a transcript's title: not an author
        del prov["authors"]
    if kind:
        prov["kind"] = "inferred"
    return ArticleMetadata(
        title=title, title_inferred=prov["title"] == "inferred", publisher=publisher,
        authors=authors, published=published, language=language, url=url,
        provenance=prov, kind=kind)
