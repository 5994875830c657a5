"""Saved web pages -> article text and the metadata the page states.

Only the given text is parsed: nothing is ever fetched (no scripts run, no frames, images
or stylesheets loaded; lxml's parser runs with network access off). The article body comes
from trafilatura (favouring recall: losing a paragraph is worse than keeping a menu line),
with a plain HTML-to-text fallback when it finds nothing. Paragraphs are separated by blank
lines.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from configparser import ConfigParser
from functools import lru_cache
from typing import Any

import lxml.html
from lxml import etree

from briefing.core.ingest.cues import publishers
from briefing.core.ingest.publisher import institution_line, section_label_line
from briefing.core.ingest.readers.decode import strip_controls
from briefing.core.ingest.readers.html_boxes import restore_key_points
from briefing.core.ingest.readers.props import iso_date, split_authors
from briefing.core.ingest.types import Block, DocumentHints, Extracted
from briefing.core.institutions import any_institution

MAX_TREE_ELEMENTS = 60_000  # a news page has 1,000-20,000 elements
SHORT_PAGE_WORDS = 80
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_BREAK = "\ue001"  # private-use character standing for a line break while collapsing spaces
_PARA_BREAK = re.compile(f"{_BREAK}(?:\\s*{_BREAK})+")  # two breaks in a row: new paragraph
_DROP_TAGS = ("script", "style", "noscript", "iframe", "frame", "frameset", "object",
              "embed", "template", "svg", "math", "canvas", "video", "audio", "picture",
              "img", "head", "nav", "button", "select", "textarea", "input", "form")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
               "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
               "blockquote", "pre", "table", "tr", "figure", "figcaption", "address",
               "hr", "body", "caption"}
_CELL_TAGS = {"td", "th"}
# Never text and never loaded: removed before any extractor sees the page.
_UNSAFE_TAGS = ("script", "style", "noscript", "iframe", "frame", "frameset", "object",
                "embed", "applet", "template", "svg", "math", "canvas", "video", "audio",
                "source", "track")
_TRAF_CONTAINERS = {"body", "doc", "main", "list", "table", "div"}


def read_html(text: str) -> Extracted:
    """Extract the article text and DocumentHints from a decoded HTML page."""
    markup = strip_controls(_XML_DECL.sub("", text, count=1))
    tree = _parse(markup)
    if tree is None:
        return Extracted(text="", format="html")
    ld = _json_ld(tree)
    etree.strip_elements(tree, *_UNSAFE_TAGS, with_tail=False)
    notes = _note_blocks(tree)  # before the markers go: note ids sit on the marker links
    _drop_note_markers(tree)
    fallback = fallback_text(tree)
    article: str = ""
    traf_meta: dict[str, Any] = {}
    if sum(1 for _ in tree.iter()) <= MAX_TREE_ELEMENTS:  # beyond: slow, and no article page
        article, traf_meta = _trafilatura(copy.deepcopy(tree))
    text = _choose(article, fallback)
    blocks = list(traf_meta.get("blocks") or []) if text == article else []
    if blocks:
        restored = restore_key_points(tree, _restore_lead(
            tree, _restore_credits(tree, _restore_headings(tree, blocks))))
        if len(restored) > len(blocks):
            blocks = restored
            text = "\n\n".join(b.text for b in blocks)
    return Extracted(text=text, format="html", hints=_hints(tree, ld, traf_meta),
                     page_text=fallback, blocks=(blocks + notes) or None)


_NOTE_ID = re.compile(r"^(?:fn|footnote|endnote|_?edn|note|ftn)[-_:]?\d+$", re.IGNORECASE)
_NOTE_CLASS = {"footnote", "endnote", "footnotes", "endnotes", "fn", "note-text"}
_NOTE_LEAD = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\.|\(\d{1,3}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*")


def _note_blocks(tree: lxml.html.HtmlElement) -> list[Block]:
    """Footnote and endnote texts the page marks as notes (<li id="fn3">, <p class="endnote">,
    a <p> holding <a name="_edn3">), without their numbers: kept as notes by refine."""
    blocks: list[Block] = []
    for el in tree.iter("li", "p", "div"):
        ident = el.get("id") or ""
        classes = set((el.get("class") or "").lower().split())
        anchor = next((a for a in el.iter("a") if _NOTE_ID.match(a.get("name") or a.get("id")
                                                                 or "")), None)
        if not (_NOTE_ID.match(ident) or classes & _NOTE_CLASS
                or (anchor is not None and el.tag == "p")):
            continue
        if any(child.tag in ("p", "li", "div") for child in el):
            continue  # a container: its own blocks are the notes
        text = _NOTE_LEAD.sub("", _inline(el.text_content())).strip()
        if text and len(text) < 1000:
            blocks.append(Block(kind="footnote", text=text))
    return blocks


_NOTE_MARKER = re.compile(r"\[?\(?[0-9]{1,3}[a-z]?\)?\]?|[*†‡a-z]")


def _drop_note_markers(tree: lxml.html.HtmlElement) -> None:
    """Remove <sup>4</sup> note markers (their text, not what follows): the sentence reads
    as written, and the note itself stays where the page lists it."""
    for sup in list(tree.iter("sup")):
        if _NOTE_MARKER.fullmatch(sup.text_content().strip()) and sup.getparent() is not None:
            sup.drop_tree()


def _restore_headings(tree: lxml.html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """The blocks with the section headings (<h2>-<h6>: "Opening Remarks", "Questions and
    Answers") the extractor dropped between paragraphs it kept, each put back before the
    paragraph that follows it in the page."""
    have = {b.text for b in blocks}
    before: dict[int, list[Block]] = {}
    for heading in tree.iter("h2", "h3", "h4", "h5", "h6"):
        text = _inline(heading.text_content())
        if not text or text in have or len(text.split()) > 20:
            continue
        after = heading.getnext()
        while after is not None and not (isinstance(after.tag, str)
                                         and _inline(after.text_content())):
            after = after.getnext()
        follow = _inline(after.text_content())[:60] if after is not None else ""
        at = next((i for i, b in enumerate(blocks) if b.text.startswith(follow)), 0) if (
            len(follow) >= 20) else 0
        if at > 0:  # between two kept paragraphs, not above the article
            before.setdefault(at, []).append(Block("heading", text, int(str(heading.tag)[1])))
            have.add(text)
    if not before:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        out += before.get(i, [])
        out.append(block)
    return out


def _quote_credit(tree: lxml.html.HtmlElement, name: str) -> bool:
    """The extractor's author guess is the speaker under a quotation (<p class="quote-author">
    in an EU press release, a <blockquote>'s <cite>), not the writer of the page."""
    first = split_authors(name)[:1]
    if not first:
        return False
    for el in tree.iter("p", "div", "span", "cite", "footer", "figcaption"):
        classes = (el.get("class") or "").lower()
        inside_quote = "quote" in classes or any(
            a.tag == "blockquote" for a in el.iterancestors())
        if (inside_quote or el.tag == "cite") and first[0] in _inline(el.text_content()):
            return True
    return False


_CREDIT_CLASS = re.compile(r"quote-?(?:author|source|credit|cite)|attribution", re.IGNORECASE)


_LEAD_WORDS = 20
_ITEM_WORDS = 8


def _restore_lead(tree: lxml.html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """The blocks with the lead paragraphs the extractor dropped between the headline and
    the first paragraph it kept (government.nl's <div class="intro"><p> beside its
    <div class="article-content">): the lead says what the statement is; and a summary
    box's heading and points (<section class="summary"><h2>Summary</h2><ul><li>…). Only
    whole sentences of some length come back, so a date line or a caption does not."""
    h1 = next(tree.iter("h1"), None)
    # the first kept block long enough to find (a heading "Introduction" is not)
    first = next((b.text[:60] for b in blocks if len(b.text) >= 20), None)
    if h1 is None or first is None:
        return blocks
    have = {b.text for b in blocks}
    lead: list[Block] = []
    for el in h1.itersiblings():
        if not isinstance(el.tag, str):
            continue
        if first in _inline(el.text_content()):
            break  # reached the article the extractor kept
        heading: Block | None = None
        for p in ([el] if el.tag == "p" else list(el.iter("p", "li", "h2", "h3", "h4"))):
            text = _inline(p.text_content())
            if not text or text in have or any(b.text == text for b in lead):
                continue
            if p.tag in ("h2", "h3", "h4"):
                heading = Block("heading", text)  # kept if whole sentences follow it
                continue
            sentence = text.rstrip("\"'’”)").endswith((".", "!", "?"))
            if p.tag == "li" and sentence and len(text.split()) >= _ITEM_WORDS:
                # a summary box's points ("Summary", then one sentence an item)
                lead += [heading, Block("list_item", text)] if heading else [
                    Block("list_item", text)]
                heading = None
            elif (p.tag == "p" and sentence and len(text.split()) >= _LEAD_WORDS
                  and len(blocks[0].text) >= 20):  # a lead only right above the opening
                lead.append(Block("paragraph", text))
    else:
        return blocks  # the kept article is not below the headline: nothing to place
    return lead + blocks


def _restore_credits(tree: lxml.html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """The blocks with the credit under a quotation the extractor dropped (<p
    class="quote-author">Kaja Kallas, High Representative …</p> after a <blockquote>): who
    said it is part of the statement. Put back right after the quotation."""
    have = {b.text for b in blocks}
    out = list(blocks)
    for el in tree.iter("p", "div", "cite", "footer", "figcaption"):
        if not _CREDIT_CLASS.search(el.get("class") or ""):
            continue
        text = _inline(el.text_content())
        quote = el.getprevious()
        if (not text or text in have or len(text.split()) > 25 or quote is None
                or not isinstance(quote.tag, str)):
            continue
        start = _inline(quote.text_content())[:60]
        at = next((i for i, b in enumerate(out) if len(start) >= 20 and b.text.startswith(start)),
                  None)
        if at is not None:
            out.insert(at + 1, Block("paragraph", text))
            have.add(text)
    return out


def _choose(article: str, fallback: str) -> str:
    """trafilatura's article, unless it is empty, the page is short (the extractor is
    unreliable there, and there is little furniture to lose), or the fallback has the same
    words with more structure (pages without <p>, run together into one paragraph)."""
    if not article.strip() or len(fallback.split()) < SHORT_PAGE_WORDS:
        return fallback
    article_words, fallback_words = len(article.split()), len(fallback.split())
    article_paras, fallback_paras = article.count("\n\n") + 1, fallback.count("\n\n") + 1
    if fallback_words <= article_words * 1.15 and fallback_paras > 2 * article_paras:
        return fallback
    return article


def _parse(markup: str) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                  huge_tree=False)
    try:
        return lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _trafilatura(tree: lxml.html.HtmlElement) -> tuple[str, dict]:
    """Article body via trafilatura; ("", {}) if it is unavailable or finds nothing."""
    try:
        import trafilatura
    except ImportError:
        return "", {}
    try:
        doc: Any = trafilatura.bare_extraction(
            tree, favor_recall=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, with_metadata=True,
            # markup dates only: a scan of the whole text is slow on big pages, and
            # refine infers dates from the text itself
            date_extraction_params={"extensive_search": False, "original_date": True},
            config=_trafilatura_config())
    except (ValueError, TypeError, AttributeError, etree.LxmlError, RecursionError):
        return "", {}  # an extractor failure on odd markup: the plain fallback still runs
    if doc is None or doc.body is None:
        return "", {}
    meta = {"title": doc.title, "author": doc.author, "date": doc.date,
            "sitename": doc.sitename, "url": doc.url, "language": doc.language}
    meta["blocks"] = [Block(kind, text) for kind, text in traf_block_kinds(doc.body) if text]
    return "\n\n".join(b.text for b in meta["blocks"]), meta


@lru_cache(maxsize=1)
def _trafilatura_config() -> ConfigParser:
    """trafilatura's defaults, with the same cap on the element count as read_html."""
    from trafilatura.settings import use_config
    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_ELEMENTS))
    return config


_TRAF_KIND = {"head": "heading", "item": "list_item", "quote": "quote", "row": "table",
              "p": "paragraph"}


def traf_block_kinds(el: etree._Element) -> Iterator[tuple[str, str]]:
    """(kind, text) of each block of trafilatura's XML body: heading, paragraph, list item,
    quote or table row (the DOM's structure, as Block kinds)."""
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _TRAF_CONTAINERS or (tag == "quote" and _has_blocks(child)):
            if child.text and child.text.strip():
                yield "paragraph", _inline(child.text)
            yield from traf_block_kinds(child)
        elif tag == "row":
            cells = [_element_text(c) for c in child]
            yield "table", " | ".join(c for c in cells if c)
        elif tag:
            yield _TRAF_KIND.get(tag, "paragraph"), _element_text(child)
        if child.tail and child.tail.strip():
            yield "paragraph", _inline(child.tail)


def _has_blocks(el: etree._Element) -> bool:
    return any(c.tag in {"p", "list", "quote", "table", "head"} for c in el)


def _element_text(el: etree._Element) -> str:
    """Text of one block: whitespace collapsed as a browser would, <lb>/<br> kept as "\n"
    (two in a row start a new paragraph)."""
    for br in el.iter("lb", "br"):
        br.tail = _BREAK + (br.tail or "")
    paragraphs = []
    for chunk in _PARA_BREAK.split("".join(el.itertext())):
        lines = [line.strip() for line in _inline(chunk).split(_BREAK)]
        paragraphs.append("\n".join(line for line in lines if line))
    return "\n\n".join(p for p in paragraphs if p)


def _inline(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def fallback_text(tree: lxml.html.HtmlElement) -> str:
    """Plain HTML-to-text: visible text, one paragraph per block element."""
    tree = copy.deepcopy(tree)
    etree.strip_elements(tree, *_DROP_TAGS, etree.Comment, with_tail=False)
    marker = "\ue000"  # a private-use character marks block boundaries
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            el.tail = _BREAK + (el.tail or "")
        elif tag in _BLOCK_TAGS:
            el.text = marker + (el.text or "")
            el.tail = marker + (el.tail or "")
        elif tag in _CELL_TAGS:
            el.tail = " | " + (el.tail or "")
    raw = "".join(tree.itertext())
    paragraphs = []
    for chunk in _PARA_BREAK.split(raw.replace(marker, _BREAK * 2)):
        lines = [line.strip(" |") for line in _inline(chunk).split(_BREAK)]
        para = "\n".join(line for line in lines if line)
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs)


def _meta(tree: lxml.html.HtmlElement, *keys: str) -> str | None:
    """First non-empty <meta> content whose property/name/itemprop is one of keys."""
    wanted = {k.lower() for k in keys}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key in wanted and content:
            return _inline(content)
    return None


def _meta_all(tree: lxml.html.HtmlElement, *keys: str) -> list[str]:
    """Every non-empty <meta> content of the first of keys that has any."""
    for key in keys:
        values = [_inline(m.get("content") or "") for m in tree.iter("meta")
                  if (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
                  == key and (m.get("content") or "").strip()]
        if values:
            return values
    return []


def _json_ld(tree: lxml.html.HtmlElement) -> dict[str, object]:
    """The first schema.org Article-like object in <script type="application/ld+json">."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _ld_items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith(("Article", "BlogPosting", "Report"))
                   for k in kinds):
                return item
    return {}


def _ld_items(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for d in data:
            yield from _ld_items(d)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_items(data["@graph"])


def _ld_names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _ld_names(v)]
    return []


def _hints(tree: lxml.html.HtmlElement, ld: dict[str, Any],
           traf: dict[str, str | None]) -> DocumentHints:
    title_el = tree.find(".//title")
    page_title = _inline(title_el.text_content()) if title_el is not None else None
    title = (_meta(tree, "og:title", "twitter:title")
             or (ld.get("headline") if isinstance(ld.get("headline"), str) else None)
             or page_title or traf.get("title"))
    h1 = _first_h1(tree)
    if h1 and title and h1 != title and h1.casefold() in title.casefold():
        title = h1  # "Site | Section | Headline" in <title>, "Headline" in the <h1>
    elif (h1 and title and page_title and title != page_title
          and h1.casefold() in page_title.casefold()
          and title.casefold() not in page_title.casefold()):
        title = h1  # og:title a short form; the <h1> and the <title> agree on the headline
    site_title = None
    heading = h1 or _first_h1(tree, "h2")  # a page without an <h1>: its first <h2>
    if heading and title and title == page_title and heading != title and _site_title(title):
        site_title, title = title, heading  # <title>U.S. Department of State</title>, <h1>…
    # an organisation in the author field ("Ministry of Foreign Affairs, Republic of
    # Korea") stays whole: the publisher is read from it (publisher.hinted_publisher)
    authors = [name for value in _meta_all(tree, "author", "article:author", "byl",
                                           "dc.creator", "sailthru.author", "parsely-author")
               for name in ([" ".join(value.split())] if _site_title(" ".join(value.split()))
                            else split_authors(value))]
    # Highwire Press tags of scholarly pages (Google Scholar's): "Cha, Victor", one per author
    authors += [_first_last(value) for value in _meta_all(tree, "citation_author")]
    authors = list(dict.fromkeys(authors))  # one <meta> per author is common
    if not authors:
        authors = [_inline(a) for a in _ld_names(ld.get("author")) if a.strip()]
    traf_author = traf.get("author")
    if not authors and traf_author and not _quote_credit(tree, traf_author):
        authors = split_authors(traf_author)
    date = (_meta(tree, "article:published_time", "datepublished", "pubdate", "date",
                  "dc.date", "dc.date.issued", "publish-date", "og:published_time")
            or (ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None)
            or _time_element(tree))
    # the evidence ranked: the site's own tags, JSON-LD, its logo, the <title>'s tail;
    # trafilatura's guess last (on a page without tags it may name the headline itself)
    guessed = traf.get("sitename")
    if guessed and title and (guessed.casefold() in title.casefold()
                              or title.casefold() in guessed.casefold()):
        guessed = None  # the <title> cut at its last separator: the headline is in it
    publisher = (_meta(tree, "og:site_name", "application-name")
                 or next(iter(_ld_names(ld.get("publisher"))), None) or _logo_name(tree)
                 or _title_tail(page_title, title) or site_title or guessed)
    url = _canonical(tree) or _meta(tree, "og:url") or traf.get("url")
    language = (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
                or _meta(tree, "og:locale", "content-language", "language")
                or traf.get("language"))
    return DocumentHints(
        title=_without_site(title, publisher) or None, authors=authors, published=iso_date(date),
        guessed_date=None if date else iso_date(traf.get("date")),
        published_utc=bool(date and _UTC_STAMP.search(date.strip())),
        publisher=publisher or None, url=url or None,
        language=_language(language))


_UTC_STAMP = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)$", re.IGNORECASE)
_TAIL_SEP = re.compile(r"^\s*(?:[|•·–—:_>-]|::)\s*")
_HEAD_SEP = re.compile(r"\s*(?:[|•·–—:_>-]|::)\s*$")


def _site_title(title: str) -> bool:
    """A <title> (or <h1>) that is only the site's name (a known publisher's, an
    institution's): the headline is then the <h1>. A short headline naming an institution
    ("Statement of the Ministry of Foreign Affairs") is a document's title, not a name."""
    return publishers().canonical(title) is not None or (
        institution_line(title) and not _DOCUMENT.match(title))


_DOCUMENT = re.compile(r"^(?:(?:joint|press|final|official) )?(?:statement|communiqu|declaration|"
                       r"readout|remarks|transcript|speech|briefing|press|interview|address|"
                       r"message|letter|report|comment|note|notice|announcement)", re.IGNORECASE)


def _first_last(name: str) -> str:
    """"Cha, Victor" -> "Victor Cha" (a citation tag's order); other names as they are."""
    parts = [p.strip() for p in name.split(",")]
    return f"{parts[1]} {parts[0]}" if len(parts) == 2 and all(parts) else name.strip()


def _first_h1(tree: lxml.html.HtmlElement, level: str = "h1") -> str | None:
    """The page's first <h1> of three words or more (a one-word <h1> is a logo, and so is
    one that is the site's name: <h1 class="logo">Ministry of Defence of Ukraine</h1>)."""
    for h1 in tree.iter(level):
        text = _inline(h1.text_content())
        if len(text.split()) >= 3 and not _site_title(text):
            return text
    return None


def _title_tail(page_title: str | None, headline: str | None) -> str | None:
    """The site name a page's <title> adds after or before its headline ("Headline • Site",
    "Ministry of Foreign Affairs of Japan : Headline")."""
    if not page_title or not headline or page_title == headline:
        return None
    at = page_title.find(headline)
    first = re.split(r"\s+[-|–—•·]\s+", page_title[:at], maxsplit=1)[0].strip() if at > 0 else ""
    if first and first != page_title[:at].strip() and publishers().canonical(first):
        return first  # "NATO - Opinion: Headline, 04-Nov.-2024": a known site, then a section
    if (at > 0 and _HEAD_SEP.search(page_title[:at])
            and _TAIL_SEP.match(page_title[at + len(headline):])):
        page_title = page_title[at:]  # "News - Headline - Site": the section is no site
    if page_title.startswith(headline):
        rest = page_title[len(headline):]
        if _TAIL_SEP.match(rest):
            # "… > U.S. Department of Defense > Transcript": the site, then its section
            tail = _TAIL_SEP.sub("", rest).split(" > ")[0].strip()
            # "… | News item | Government.nl": the section's label is no site
            named = [p for p in re.split(r"\s+[|•·]\s+", tail) if not section_label_line(p)]
            if not named:  # "… | Meetings Coverage and Press Releases"
                return None
            tail = named[-1].strip()
            # an institution's full name is long ("… — Ministry of Foreign Affairs of the
            # People's Republic of China"); other site names are short
            limit = 14 if any_institution().search(tail) else 8
            return tail if 1 <= len(tail.split()) <= limit else None
    if page_title.endswith(headline):
        rest = page_title[:-len(headline)]
        m = _HEAD_SEP.search(rest)
        if m and m.end() == len(rest):
            head = rest[:m.start()].strip()
            limit = 14 if any_institution().search(head) else 10
            return head if 1 <= len(head.split()) <= limit else None
    return None


def _without_site(title: str | None, publisher: str | None) -> str | None:
    """"Troops sent | Example News" -> "Troops sent" when the publisher is known."""
    if not title or not publisher:
        return title
    for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "):
        if title.endswith(sep + publisher) and len(title) > len(sep + publisher):
            return title[: -len(sep + publisher)].strip()
        if title.startswith(publisher + sep) and len(title) > len(publisher + sep):
            return title[len(publisher + sep):].strip()
    return title


_LOGO_WORDS = re.compile(r"\b(?:logo(?:type)?|home\s*page|home|link to|go to|back to)\b",
                         re.IGNORECASE)


def _logo_name(tree: lxml.html.HtmlElement) -> str | None:
    """The site's name its logo gives: the alt text of a logo image ("Pacific Policy Forum
    logo") or the text of a logo block ("The Economist"); a logo in the footer (a licence's,
    a partner's) is not the site's."""
    for el in tree.iter("img", "a", "div", "span", "p"):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if el.tag == "img":
            marks += f" {el.get('src') or ''}".lower()
        if "logo" not in marks or "footer" in marks or any(
                a.tag == "footer" or "footer" in (a.get("class") or "").lower()
                for a in el.iterancestors()):
            continue
        if el.tag == "img":
            text = el.get("alt") or ""
        else:
            text = _inline(el.text_content()) or next(
                (img.get("alt") or "" for img in el.iter("img") if img.get("alt")), "")
        name = _LOGO_WORDS.sub("", _inline(text)).strip(" -|:·•")
        # an institution's full name is long ("Embassy of the People's Republic of China
        # in the United States of America"); other site names are short
        if 1 <= len(name.split()) <= (14 if any_institution().search(name) else 8):
            return name
    return None


# the page's furniture around an article: a <time> in it dates another story ("Most read",
# a related-stories list) or the page itself (a footer's "last updated")
_ASIDE_TAGS = {"aside", "nav", "footer"}
_ASIDE_MARKS = re.compile(r"related|sidebar|most-?(?:read|popular|viewed)|trending|popular|"
                          r"recommend|more-?stories|teaser|widget|promo", re.IGNORECASE)


def _time_element(tree: lxml.html.HtmlElement) -> str | None:
    """The first <time datetime> of the article, not of the furniture around it (a "Most
    read" list beside the headline dates other stories): none when only such furniture
    has one, and the page's date lines are read instead."""
    for el in tree.iter("time"):
        value = el.get("datetime")
        if not value or not iso_date(value):
            continue
        if not any(a.tag in _ASIDE_TAGS or _ASIDE_MARKS.search(
                f"{a.get('class') or ''} {a.get('id') or ''}") for a in el.iterancestors()):
            return value
    return None


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = (link.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                return href
    return None


def _language(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None
