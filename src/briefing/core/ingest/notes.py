"""Footnote and endnote markers detached from sentences, a notes section kept as notes;
and what the metadata settles about the page's lines (standfirst, author bios, masthead).

A footnoted paper marks sources with "[4]", "¹" or a superscript number after the sentence.
The analyst wants the sentence as written ("…in the spring.") and the note text as a note
at the end, without its number. Patterns live in resources/cleaning/boilerplate.toml
([notes]).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.ingest.clean import (
    Unit,
    heading_over_paragraph,
    is_prose,
    marker_key,
    word_count,
)
from briefing.core.ingest.cues import name_key
from briefing.core.ingest.dates import date_line
from briefing.core.ingest.page_dates import labelled_numeric_line
from briefing.core.ingest.types import ArticleMetadata
from briefing.core.resources import resource


@dataclass(frozen=True)
class NoteRules:
    attached: tuple[re.Pattern[str], ...]
    lead: re.Pattern[str]
    headings: frozenset[str]
    keep: tuple[re.Pattern[str], ...] = ()
    headings_over_text: tuple[re.Pattern[str], ...] = ()
    captions: tuple[re.Pattern[str], ...] = ()
    credits: tuple[re.Pattern[str], ...] = ()


@lru_cache(maxsize=1)
def note_rules() -> NoteRules:
    with resource("cleaning", "boilerplate.toml").open("rb") as fh:
        data = tomllib.load(fh).get("notes", {})
    with resource("cleaning", "boilerplate.toml").open("rb") as fh:
        kept = tomllib.load(fh).get("keep", {})
    keep, over_text = kept.get("patterns", []), kept.get("headings_over_text", [])
    return NoteRules(attached=tuple(re.compile(p) for p in data.get("attached", [])),
                     lead=re.compile(data.get("lead", r"^\[\d{1,3}\]\s*")),
                     headings=frozenset(data.get("headings", [])),
                     keep=tuple(re.compile(p, re.IGNORECASE) for p in keep),
                     headings_over_text=tuple(re.compile(p, re.IGNORECASE)
                                              for p in over_text),
                     captions=tuple(re.compile(p, re.IGNORECASE)
                                    for p in kept.get("captions", [])),
                     credits=tuple(re.compile(p, re.IGNORECASE)
                                   for p in kept.get("credits", [])))


def keep_figure_sources(units: list[Unit]) -> None:
    """A "Source: IISS research; NIS; HUR" line under a kept table or figure caption (or a
    table's row) credits the data: article text, not a photo credit ([keep] captions)."""
    rules = note_rules()
    for before, unit in zip(units, units[1:], strict=False):
        if (not unit.kept and unit.words <= 20 and before.kept
                and any(p.match(unit.text) for p in rules.credits)
                and any(p.search(before.text) for p in rules.captions)):
            unit.dropped = None


def detach_markers(text: str) -> str:
    """The line without note markers attached to its words ("spring.[4]" -> "spring.")."""
    for pattern in note_rules().attached:
        text = pattern.sub("", text)
    return text


def _set_text(unit: Unit, text: str) -> None:
    unit.text = text
    unit.words = word_count(text)
    unit.prose = is_prose(text)


def mark_notes(units: list[Unit]) -> bool:
    """Detach markers from every line; keep a notes section (heading + numbered notes).

    The section is a heading ("Notes", "Endnotes") followed by lines that start with a
    marker; each such note is kept (whatever position rule dropped it) without its marker.
    Returns True if the page has such a section.
    """
    rules = note_rules()
    found = False
    for unit in units:
        if rules.lead.match(unit.text) is None:
            stripped = detach_markers(unit.text)
            if stripped != unit.text:
                _set_text(unit, stripped)
    i = 0
    while i < len(units):
        if marker_key(units[i].text) not in rules.headings:
            i += 1
            continue
        j = i + 1
        notes = []
        while j < len(units) and rules.lead.match(units[j].text):
            notes.append(j)
            j += 1
        if notes:
            found = True
            units[i].dropped = None
            for k in notes:
                _set_text(units[k], detach_markers(rules.lead.sub("", units[k].text)))
                units[k].dropped = None
        i = max(j, i + 1)
    return found


# Reasons a line goes for where it sits, not for what it says.
_POSITIONAL = {"head", "foot", "menu", "absorbed", "teaser"}
# a bio says what one is or does; "NK News has not been able to verify …" is reporting
_BIO_VERB = re.compile(r"^(?:is|was|has|writes|covers|leads|directs|heads)\b(?!\s+(?:not|never)\b)")


def _starts_with_name(text: str, name: str, comma: bool = False) -> bool:
    """"Jane Doe is a fellow…" (a bio); with comma, also "Chatham House, the Royal…"."""
    if not name or not text.startswith(name):
        return False
    rest = text[len(name):]
    return _BIO_VERB.match(rest.lstrip()) is not None or (comma and rest.startswith(", "))


def settle_with_metadata(units: list[Unit], meta: ArticleMetadata) -> bool:
    """Line decisions the metadata settles; True if any unit changed.

    - a delivery note ("(As delivered)") and a transcript's turn (by a speaker who
      speaks twice) are article text wherever they sit;
    - the standfirst right under the headline is article text, sentence or not;
    - an author's bio ("Jane Doe is a fellow at …") and the publisher's own line
      ("NK Watch", "NK Watch is funded by its readers.") are furniture.
    """
    from briefing.core.ingest.headlines import turn_label

    changed = False
    rules = note_rules()
    speakers: set[str] = set()
    if meta.kind == "transcript":  # "Q", "A" and speakers who speak at least twice
        labels = [turn_label(u.text) for u in units if u.kept or u.dropped in _POSITIONAL]
        speakers = {lab for lab in labels if lab and labels.count(lab) >= 2}
        speakers |= {"q", "a", "question", "answer"}
    under_heading = False
    for i, unit in enumerate(units):
        # "Introduction" over a paragraph, never amid a site menu ("About RSIS",
        # "Introduction", "Building the Foundations")
        heading = (i + 1 < len(units) and units[i + 1].kept and units[i + 1].prose
                   and any(p.match(unit.text) for p in rules.headings_over_text))
        if unit.dropped in _POSITIONAL and (
                heading or any(p.match(unit.text) for p in rules.keep)
                or turn_label(unit.text) in speakers):
            unit.dropped, changed = None, True  # a transcript's turn is never furniture
            under_heading = True
        elif under_heading and unit.dropped == "head":
            # the lines under a "Key points" / "Summary" heading above the first paragraph
            # (a live page's key points, a paper's summary bullets) are the article's
            unit.dropped, changed = None, True
        else:
            under_heading = False
    title_key = name_key(meta.title)
    for i, unit in enumerate(units[:40]):
        if name_key(re.sub(r"^#{1,6}\s+", "", unit.text)) != title_key or i + 1 >= len(units):
            continue
        below = units[i + 1]
        if (below.dropped in _POSITIONAL and below.words >= 8 and not date_line(below.text)
                and not labelled_numeric_line(below.text)
                and not below.text.lower().startswith("by ")
                and not any(below.text.startswith(a) for a in meta.authors)  # "A Research Fellow, …"
                and name_key(below.text) != title_key):
            below.dropped, changed = None, True
        break
    changed = _first_section_heading(units, title_key) or changed
    kept = [u for u in units if u.kept]
    last = set(map(id, kept[-4:]))
    publisher = meta.publisher or ""
    author_keys = {name_key(a) for a in meta.authors}
    after_name = False
    for unit in kept:
        if unit.words > 60:
            after_name = False
            continue
        if author_keys and name_key(unit.text) in author_keys and not unit.prose:
            # an author box under the article: the writer's name on a line of its own,
            # then the job ("Olena Hrytsenko" / "Reporter") and the bio
            unit.dropped, changed, after_name = "bio", True, True
            continue
        if after_name and unit.words <= 4 and not unit.prose:
            unit.dropped, changed, after_name = "bio", True, False
            continue
        after_name = False
        if any(_starts_with_name(unit.text, a) for a in meta.authors):
            unit.dropped, changed = "bio", True
        elif publisher and unit.words <= 4 and name_key(unit.text) == name_key(publisher):
            unit.dropped, changed = "masthead", True
        elif (publisher and id(unit) in last
              and _starts_with_name(unit.text, publisher, comma=True)):
            unit.dropped, changed = "bio", True
    return changed


def _first_section_heading(units: list[Unit], title_key: str) -> bool:
    """The heading right over the article's first paragraph, dropped with the page head
    or a menu run ("Live feed" / "Updated at 15.02 GMT" / "Kremlin declines to comment"),
    when later sections have headings of the same kind kept: the first section's heading,
    article text. Not the headline itself. True if it was put back."""
    first = next((i for i, u in enumerate(units) if u.kept and u.prose and u.words >= 12), None)
    if not first:
        return False
    top = units[first - 1]
    if (top.dropped not in ("head", "menu") or name_key(top.text) == title_key
            or not heading_over_paragraph(units, first - 1)):
        return False
    # a live page's posts under their time stamps ("12:41 GMT" / heading / paragraph): the
    # later posts' headings may be short ("Kremlin comment")
    stamped = first >= 2 and _LONE_TIME.match(units[first - 2].text.strip()) is not None
    if not any(units[j].kept and (heading_over_paragraph(units, j) or (
            stamped and _LONE_TIME.match(units[j - 1].text.strip()) is not None
            and heading_over_paragraph(units, j, fewest=2)))
               for j in range(first + 1, len(units))):
        return False
    top.dropped = None
    return True


_LONE_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?$", re.IGNORECASE)
