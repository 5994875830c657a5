"""A title made from an article's first sentence, when the page states none: the
sentence without its wire dateline ("SEOUL, Nov. 4 (Yonhap) --"), small capitals at its
start recased, cut to a readable length (metadata.toml [title] inferred_chars).

Read by briefing.core.ingest.metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.core.ingest.clean import is_prose
from briefing.core.ingest.cues import metadata_cues, publishers

_SENTENCE = re.compile(r"^(.+?[.!?…])[\"'”’)]*(?=\s+[\"“‘'(\[]?[A-Z0-9]|\s*$)")

_CJK_SENTENCE = re.compile(r"^(.+?)[。！？]")  # Chinese and Japanese: no space after a full stop

_CJK_CLAUSE = "，；、"

_CAPS_WORD = re.compile(r"^[A-Z][A-Z’'.-]+,?$")


def _without_dateline(text: str) -> str:
    """The paragraph without the wire dateline opening it ("SEOUL, Nov. 4 (Yonhap) -- …",
    "MOSCOW, March 2. /TASS/. …"; the [patterns] dateline of publishers.toml)."""
    text = text.strip()
    for pattern in publishers().patterns.get("dateline", ()):
        m = pattern.match(text)
        if m and m.end() < len(text):
            return text[m.end():].lstrip(" -–—.:")
    return text


def _recase_lead(sentence: str) -> str:
    """"UKRAINE’S PRESIDENT, Volodymyr..." -> "Ukraine’s President, Volodymyr...": small caps."""
    words = sentence.split(" ")
    i = 0
    while i < len(words) and _CAPS_WORD.match(words[i]) and len(words[i].strip(",.")) > 1:
        i += 1
    if i >= 2:
        words[:i] = [w[:1] + w[1:].lower() for w in words[:i]]
    return " ".join(words)


def infer_title(text: str, filename: str = "") -> str:
    """A title made from the first sentence (cut to a readable length), or the file name."""
    limit = int(metadata_cues()["title"]["inferred_chars"])
    # not a paragraph that is never a headline ("QUESTION: Minister, will …?")
    never = [re.compile(p) for p in metadata_cues()["title"].get("never", [])]
    first = next((p for p in text.split("\n\n")
                  if is_prose(p) and not any(n.search(p) for n in never)), "")
    first = _without_dateline(first)
    if not first:
        stem = Path(filename).stem.replace("_", " ").replace("-", " ").strip()
        return stem or "Untitled article"
    match = _CJK_SENTENCE.match(first) or _SENTENCE.match(first)
    sentence = _recase_lead(match.group(1) if match else first)
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    if len(sentence) > limit and " " not in sentence[:limit]:  # unspaced script: cut at a comma
        cut = sentence[:limit]
        clause = max(cut.rfind(c) for c in _CJK_CLAUSE)
        sentence = (cut[:clause] if clause > limit // 2 else cut) + "…"
    elif len(sentence) > limit:
        cut = sentence[:limit].rsplit(" ", 1)[0]
        clause = max(cut.rfind(", "), cut.rfind("; "), cut.rfind(" — "))
        if clause > limit // 2:
            cut = cut[:clause]
        sentence = cut.rstrip(",;:–— ") + "…"
    return sentence
