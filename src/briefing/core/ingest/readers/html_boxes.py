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
    """The blocks with each key-points box the extractor dropped, where the page has it:
    after the kept paragraph it follows, or before the kept block it precedes (a box
    with neither kept stays out)."""
    have = {b.text for b in blocks}
    after: dict[int, list[Block]] = {}
    for box in tree.iter("aside", "div", "section"):
        heading = next((el for el in box if isinstance(el.tag, str)), None)
        if heading is None or heading.tag not in ("h2", "h3", "h4", "h5", "h6"):
            continue  # the box opens with its heading; an article's body does not
        title = _inline(heading.text_content())
        if title in have or not any(p.match(title) for p in note_rules().keep):
            continue
        points = [t for li in box.iter("li") if (t := _inline(li.text_content()))]
        if not points or any(t in have for t in points):
            continue
        at = _kept_before(box, blocks)
        if at is None:
            continue
        after.setdefault(at, []).extend(
            [Block("heading", title), *(Block("list_item", t) for t in points)])
        have.update([title, *points])
    if not after:
        return blocks
    out: list[Block] = list(after.get(-1, []))  # a box above the article's first block
    for i, block in enumerate(blocks):
        out.append(block)
        out += after.get(i, [])
    return out


def _kept_before(box: lxml.html.HtmlElement, blocks: list[Block]) -> int | None:
    """The index of the kept block a box follows on the page: the paragraph before it;
    for a box set above the article ("Key Findings" between a paper's head and its
    "Introduction"), the block before the first one that comes after the box, which is -1
    when that is the article's first block."""
    previous = box.getprevious()
    while previous is not None and not (isinstance(previous.tag, str)
                                        and _inline(previous.text_content())):
        previous = previous.getprevious()
    if previous is not None:
        lead = _inline(previous.text_content())[:60]
        at = next((i for i, b in enumerate(blocks) if len(lead) >= 20
                   and b.text.startswith(lead)), None)
        if at is not None:
            return at
    following = box.getnext()
    while following is not None and not (isinstance(following.tag, str)
                                         and _inline(following.text_content())):
        following = following.getnext()
    if following is None:
        return None
    first = next((_inline(el.text) for el in following.iter()
                  if isinstance(el.tag, str) and el.text and _inline(el.text)), "")
    at = next((i for i, b in enumerate(blocks) if first and (
        b.text == first or (len(first) >= 20 and b.text.startswith(first[:60])))), None)
    return None if at is None else at - 1
