"""A key-points box set inside an article (<aside class="keypoints"><h4>Key points</h4>
<ul><li>…), which the extractor drops as a sidebar: its heading and points are the
article's own summary, put back where the page has them.

Read by briefing.core.ingest.readers.html; the headings that make such a box are the
[keep] patterns of resources/cleaning/boilerplate.toml ("Key points", "Summary", …).
"""

from __future__ import annotations

import re

import lxml.html

from briefing.core.ingest.notes import note_rules
from briefing.core.ingest.types import Block

_SPACES = re.compile(r"\s+")


def _inline(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def restore_key_points(tree: lxml.html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """The blocks with each key-points box the extractor dropped, after the kept paragraph
    the box follows on the page (a box above the article, or with no such paragraph
    kept, stays out)."""
    have = {b.text for b in blocks}
    after: dict[int, list[Block]] = {}
    for box in tree.iter("aside", "div", "section"):
        heading = next(box.iter("h2", "h3", "h4", "h5", "h6"), None)
        if heading is None:
            continue
        title = _inline(heading.text_content())
        if title in have or not any(p.match(title) for p in note_rules().keep):
            continue
        points = [t for li in box.iter("li") if (t := _inline(li.text_content()))]
        previous = box.getprevious()
        while previous is not None and not (isinstance(previous.tag, str)
                                            and _inline(previous.text_content())):
            previous = previous.getprevious()
        if not points or previous is None or any(t in have for t in points):
            continue
        lead = _inline(previous.text_content())[:60]
        at = next((i for i, b in enumerate(blocks) if len(lead) >= 20
                   and b.text.startswith(lead)), None)
        if at is not None:
            after.setdefault(at, []).extend(
                [Block("heading", title), *(Block("list_item", t) for t in points)])
            have.update([title, *points])
    if not after:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        out.append(block)
        out += after.get(i, [])
    return out
