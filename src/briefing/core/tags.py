"""Tag names: how the analyst's free text becomes a tag, and how tags are matched.

A tag is stored with the spelling first used ("Air defence") and matched case-folded,
with runs of whitespace collapsed, so "air  DEFENCE " finds and reuses it.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_TAG_CHARS = 60


class TagError(ValueError):
    """A tag name was refused; the message says why."""


def normalise_tag(name: str) -> str:
    """The tag as stored: trimmed, inner whitespace collapsed; TagError when empty or too long."""
    clean = " ".join(str(name).split())
    if not clean:
        raise TagError("a tag needs at least one letter or digit")
    if len(clean) > MAX_TAG_CHARS:
        raise TagError(f"a tag is at most {MAX_TAG_CHARS} characters: {clean[:30]!r}…")
    return clean


def tag_key(name: str) -> str:
    """What two spellings of one tag share: collapsed whitespace, case-folded."""
    return " ".join(str(name).split()).casefold()


def merge_tags(current: Iterable[str], add: Iterable[str] = (),
               remove: Iterable[str] = ()) -> list[str]:
    """`current` with `add` appended (when new) and `remove` taken out, matched case-folded.

    A tag already there keeps its spelling; the order is current first, then added ones.
    """
    gone = {tag_key(t) for t in remove}
    out: dict[str, str] = {}
    for name in current:
        key = tag_key(name)
        if key and key not in gone:
            out.setdefault(key, name)
    for name in add:
        clean = normalise_tag(name)
        if tag_key(clean) not in gone:
            out.setdefault(tag_key(clean), clean)
    return list(out.values())


def has_tag(tags: Iterable[str], wanted: str) -> bool:
    """Whether `wanted` is among `tags`, case-folded."""
    key = tag_key(wanted)
    return any(tag_key(t) == key for t in tags)
