"""Markdown pages -> plain-text blocks, parsed with markdown-it-py (CommonMark + footnotes).

A page saved as Markdown carries its structure in syntax: `# headline`, `**Speaker:**`,
`[link text](url)`, `[^4]` footnote markers. The cleaner and the claim finder want what a
reader sees: the block's text, links as their text, emphasis gone, footnote markers detached
from the sentence, and the note texts kept as footnote blocks at the end. Each block is one
paragraph of the Extracted text (blocks are separated by blank lines); the first top-level
heading is the page's own headline (a DocumentHints title).
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections import Counter
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from briefing.core.ingest.readers.props import iso_date, split_authors
from briefing.core.ingest.types import Block, DocumentHints, Extracted

# A static-site generator's front matter (Jekyll, Hugo): "---", "key: value" lines, "---".
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_-]+)\s*:\s*(.*?)\s*$")
# Hugo's and Zola's TOML front matter: "+++", 'title = "…"', "date = 2025-01-04T09:00:00Z", "+++"
_TOML_FRONT_MATTER = re.compile(r"\A\ufeff?\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*\n", re.DOTALL)

log = logging.getLogger(__name__)

_BLOCK_KIND = {"paragraph_open": "paragraph", "heading_open": "heading",
               "blockquote_open": "quote", "list_item_open": "list_item",
               "footnote_open": "footnote"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Raw HTML is parsed as HTML tokens so that it can be dropped (a <sup>4</sup> marker,
    # a <div> wrapper), never shown as markup.
    return MarkdownIt("commonmark", {"html": True}).enable("table").use(footnote_plugin)


def inline_text(token: Token) -> str:
    """What a reader sees of one inline token: text and link text; no markup, no markers."""
    parts: list[str] = []
    in_sup = False
    for child in token.children or []:
        kind = child.type
        if kind == "html_inline":
            tag = child.content.lower().replace(" ", "")
            in_sup = tag.startswith("<sup") or (in_sup and not tag.startswith("</sup"))
        elif in_sup:
            continue  # a <sup>4</sup> footnote marker
        elif kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            # a line of its own: pages saved as Markdown put menus, bylines and stamps on
            # consecutive lines; the cleaner rejoins a hard-wrapped paragraph (clean.unwrap)
            parts.append("\n")
        # link_open/close, em/strong, images, html_inline, footnote_ref: nothing shown
    return "\n".join(" ".join(line.split(" ")).strip()
                     for line in "".join(parts).split("\n")).strip()


def markdown_blocks(text: str) -> list[Block]:
    """The page's blocks in reading order, footnote texts last."""
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    notes: list[Block] = []
    kinds: list[str] = []  # the open block containers, innermost last
    level = 0
    rows: list[list[str]] | None = None  # the rows of the table being read, cells each
    for token in tokens:
        if token.type == "table_open":
            rows = []
            continue
        if token.type == "table_close" and rows is not None:
            blocks.extend(table_blocks(rows))
            rows = None
            continue
        if token.type == "tr_open" and rows is not None:
            rows.append([])
            continue
        if token.type == "inline" and rows:
            rows[-1].append(" ".join(inline_text(token).split()))
            continue
        if token.type in _BLOCK_KIND:
            kinds.append(_BLOCK_KIND[token.type])
            if token.type == "heading_open":
                level = int(token.tag[1:])
            continue
        if token.type.endswith("_close") and token.type.replace("_close", "_open") in _BLOCK_KIND:
            kinds.pop()
            continue
        if token.type == "inline":
            content = inline_text(token)
            if not content:
                continue
            kind = next((k for k in reversed(kinds) if k != "paragraph"), "paragraph")
            block = Block(kind=kind, text=content, level=level if kind == "heading" else 0)
            (notes if "footnote" in kinds else blocks).append(block)
            level = 0
        elif token.type in ("fence", "code_block"):
            if token.type == "fence" and token.info.strip():
                continue  # code in a language ("```{r setup}", "```python"): not prose
            blocks.append(Block(kind="paragraph", text=token.content.strip()))
    return blocks + notes


def table_blocks(rows: list[list[str]]) -> list[Block]:
    """A data table's rows, each one block with its cells joined as the page shows them
    ("Troops | 11,000–12,000 | South Korean NIS | Dec 2024"): a figure stays in its row,
    with its source and the header row above naming what it counts. A table of one row is
    layout ("Date | 2024-10-28 | Views | 1,204" atop a page): its cells stay lines of their
    own, as before."""
    if len(rows) < 2:
        return [Block(kind="paragraph", text=cell) for row in rows for cell in row if cell]
    return [Block(kind="table", text=" | ".join(c for c in row if c)) for row in rows if any(row)]


_NAV_WORDS = {"home", "menu", "search", "skip", "sign", "log", "subscribe", "open", "write",
              "follow", "share", "about", "contact", "donate", "archive"}


def _links(token: Token) -> list[tuple[str, str]]:
    """(text, href) of each link in an inline token."""
    out: list[tuple[str, str]] = []
    href: str | None = None
    text: list[str] = []
    for child in token.children or []:
        if child.type == "link_open":
            href, text = str(child.attrs.get("href") or ""), []
        elif child.type == "link_close" and href is not None:
            out.append(("".join(text).strip(), href))
            href = None
        elif href is not None and child.type in ("text", "code_inline", "image"):
            text.append(child.content)  # an image's content is its alt text (a logo link)
    return out


# a line that is one link, perhaps around a logo image: "[Site](…)", "[![Site](logo.png)](…)"
_MASTHEAD_LINK = re.compile(r"[*_#\s]*\[(?:[^\[\]]|!\[[^\]]*\]\([^)]*\))*\]\([^)]*\)[*_\s]*")
_ANY_LINK = re.compile(r"\]\(")
_ANCHOR_ONLY = re.compile(r"[*_\s]*\[[^\[\]]*\]\(#[^)]*\)[*_\s]*")


def site_name(text: str) -> str | None:
    """The site's name as its masthead link shows it: the first link near the top whose
    target is the site's root ("[Channel Watch](https://channelwatch.substack.com/)"),
    standing alone on the page's first line with a link (a row of links is a menu or a
    language switcher: "[中文](…) | [Français](…/fra/)")."""
    tokens = [t for t in _parser().parse(text) if t.type == "inline"][:4]
    lines = [line.strip() for t in tokens for line in t.content.split("\n")][:12]
    # the page's first line with a link, if that line is the link alone (below it come
    # menus, one link a line)
    # (a link within the page, "[Skip to content](#content)", is an accessibility aid)
    for line in [line for line in lines if _ANY_LINK.search(line)
                 and not _ANCHOR_ONLY.fullmatch(line)][:1]:
        if _MASTHEAD_LINK.fullmatch(line) is None:
            continue
        inline = [t for t in _parser().parseInline(line) if t.type == "inline"]
        links = _links(inline[0]) if inline else []
        for label, href in links[:1]:
            parts = urlsplit(href)
            segments = [p for p in parts.path.split("/") if p]
            words = label.split()
            if (parts.scheme in ("http", "https") and len(segments) <= 1 and not parts.query
                    and words and words[0].lower() not in _NAV_WORDS
                    and all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "the", "and", "on")
                            for w in words)):
                return label
    return None


def main_host(text: str) -> str | None:
    """The host most of the page's links point to (the site itself, on a saved page)."""
    hosts: Counter[str] = Counter()
    for token in _parser().parse(text):
        if token.type == "inline":
            for _label, href in _links(token):
                host = urlsplit(href).hostname or ""
                if host:
                    hosts[host.removeprefix("www.")] += 1
    if not hosts:
        return None
    host, count = hosts.most_common(1)[0]
    return host if count >= 3 else None


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter's simple "key: value" fields (lower-case keys) and the text after it.

    A key with a list under it ("author:" then "  - \"[[Joon Ha Lee]]\"", as a web clipper
    writes it) gets its items joined by " and "; wiki-link brackets come off. TOML front
    matter between "+++" lines (Hugo, Zola) gives the same fields."""
    toml = _TOML_FRONT_MATTER.match(text)
    if toml:
        return _toml_fields(toml.group(1)), text[toml.end():]
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    key = None
    for line in m.group(1).splitlines():
        item = _LIST_ITEM.match(line)
        if item and key:
            # a list of mappings (Quarto's "author:" then "  - name: Mei Ling Harrow" and
            # "    affiliation: …"): the item's name
            named = _NAMED_ITEM.match(item.group(1))
            value = _unquote(named.group(1) if named else item.group(1))
            if value and (named or not _FIELD.match(item.group(1))):
                fields[key] = f"{fields[key]} and {value}" if fields.get(key) else value
            continue
        if line[:1].isspace():
            continue  # a nested field of the list's item ("    affiliation: …")
        f = _FIELD.match(line)
        key = f.group(1).lower() if f else None
        if f and f.group(2):
            fields[f.group(1).lower()] = _unquote(f.group(2))
    return fields, text[m.end():]


def _toml_fields(source: str) -> dict[str, str]:
    """TOML front matter's top-level text, date and list-of-text fields (lower-case keys),
    as the YAML reader gives them: a list joined by " and ", a date in ISO form. Front
    matter that is not valid TOML gives no fields (logged), never its lines as text."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        log.warning("front matter is not valid TOML: %s", exc)
        return {}
    fields: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, str):
            text = _unquote(value)
        elif isinstance(value, date):  # a datetime is a date too
            text = value.isoformat()
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            text = " and ".join(_unquote(v) for v in value)
        else:
            continue
        if text:
            fields[key.lower()] = text
    return fields


_LIST_ITEM = re.compile(r"^\s*-\s+(.*?)\s*$")
_NAMED_ITEM = re.compile(r"^name\s*:\s*(.+)$", re.IGNORECASE)


def _unquote(value: str) -> str:
    return value.strip("'\"").removeprefix("[[").removesuffix("]]").strip()


# Pandoc's and Quarto's fenced divs: "::: {.callout-note}" … ":::"
# and Docusaurus's admonitions: ":::info Status" … ":::"
_CALLOUT = re.compile(r"^:{3,}\s*(?:\{\.callout[^}]*\}|(?:note|tip|info|caution|warning|danger)\b)"
                      r"[^\n]*\n.*?^:{3,}[ \t]*$", re.DOTALL | re.MULTILINE)
_DIV_FENCE = re.compile(r"^:{3,}.*$", re.MULTILINE)
# a Hugo shortcode on a line of its own ("{{< figure src=… >}}", "{{% notice %}}"):
# template markup, never text
_SHORTCODE = re.compile(r"^[ \t]*\{\{[<%].*?[%>]\}\}[ \t]*$", re.MULTILINE)
# a Hugo aside box ("{{% notice note %}} This page is updated every Monday. {{% /notice %}}"):
# the site's note, as a callout is
_SHORTCODE_BOX = re.compile(r"^[ \t]*\{\{[<%]\s*(?P<name>notice|alert|callout|admonition|hint|"
                            r"note|tip|info|warning|aside)\b[^\n]*?[%>]\}\}.*?\{\{[<%]\s*/"
                            r"(?P=name)\s*[%>]\}\}[ \t]*$", re.DOTALL | re.MULTILINE)
# Jekyll's and Hexo's Liquid tags: "{% blockquote [author] %}" … "{% endblockquote %}" is a
# block quotation (read as Markdown's "> ", its author signing it); "{% note info %}" …
# "{% endnote %}" an aside box, as a callout is; any other tag on a line of its own
# ("{% include share-buttons.html %}") is template markup.
_LIQUID_QUOTE = re.compile(r"^[ \t]*\{%-?\s*blockquote\b(?P<args>[^%\n]*)-?%\}[ \t]*\n"
                           r"(?P<body>.*?)^[ \t]*\{%-?\s*endblockquote\s*-?%\}[ \t]*$",
                           re.DOTALL | re.MULTILINE)
_LIQUID_NOTE = re.compile(r"^[ \t]*\{%-?\s*note\b[^%\n]*%\}.*?\{%-?\s*endnote\s*-?%\}[ \t]*$",
                          re.DOTALL | re.MULTILINE)
_LIQUID_TAG = re.compile(r"^[ \t]*\{%.*?%\}[ \t]*$", re.MULTILINE)


def _liquid_quote(m: re.Match[str]) -> str:
    """A Liquid block quotation as Markdown's: each line under "> ", its author (the tag's
    first argument, before a comma or a link) signing it with a dash line."""
    lines = [f"> {line}".rstrip() for line in m.group("body").strip("\n").split("\n")]
    author = re.split(r",|\shttps?://", m.group("args").strip())[0].strip()
    return "\n".join(lines + ([">", f"> — {author}"] if author else []))


def _without_divs(text: str) -> str:
    """The page without its callout boxes (a data note's "Reproduce this note", "This note
    is updated when …", a tracker's "This page is a living summary …": the site's asides),
    without template shortcodes and without the fences of other divs, whose content
    stays; Hexo's note boxes, Hugo's notice boxes and Liquid tags likewise (a Liquid
    quotation as a quotation)."""
    text = _LIQUID_QUOTE.sub(_liquid_quote, _LIQUID_NOTE.sub("", text))
    text = _SHORTCODE_BOX.sub("", text)
    return _LIQUID_TAG.sub("", _SHORTCODE.sub("", _DIV_FENCE.sub("", _CALLOUT.sub("", text))))


def read_markdown(text: str) -> Extracted:
    """The Markdown page as paragraphs of plain text; title, date and author from its front
    matter where it has one, else its first `#` headline as the title."""
    fields, text = front_matter(text)
    text = _without_divs(text)
    blocks = markdown_blocks(text)
    site = site_name(text)
    # the first "#" heading that is not the site's name (a masthead linked to the home page)
    title = fields.get("title") or next(
        (b.text for b in blocks if b.kind == "heading" and b.level == 1 and b.text != site),
        None)
    author = fields.get("author") or fields.get("authors")
    # Jekyll and Hugo write "date"; a web clipper (Obsidian) "published" and "source"
    published = fields.get("date") or fields.get("published")
    url = next((fields[k] for k in ("source", "url", "canonical", "link")
                if fields.get(k, "").startswith(("http://", "https://"))), None)
    # the front matter's own name for the site ("publisher:", "site_name:"), if the page
    # has no masthead link
    named = next((fields[k] for k in ("publisher", "site_name", "site", "source_name",
                                      "organization", "organisation")
                  if fields.get(k) and "://" not in fields[k]), None)
    hints = DocumentHints(title=title, published=iso_date(published),
                          authors=split_authors(author.strip("[]")) if author else [],
                          publisher=site or named, site_host=main_host(text), url=url)
    return Extracted(text="\n\n".join(b.text for b in blocks), format="md", hints=hints,
                     blocks=blocks)
