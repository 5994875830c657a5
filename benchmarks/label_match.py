"""When a publisher found by Briefing is the labelled one: shared by the scorers of the unseen
pages (quality_metadata.py) and of the language stories (languages.py), so both count a name
written another way the same."""

from __future__ import annotations

import re
import unicodedata

from briefing.core.ingest.cues import publishers

# Names that are the same publisher, written differently (case-insensitive).
ALIASES: list[set[str]] = [
    {"associated press", "the associated press", "ap"},
    {"reuters", "thomson reuters"},
    {"u.s. department of defense", "us department of defense", "department of defense"},
    {"u.s. department of state", "us department of state", "department of state"},
    {"yonhap news agency", "yonhap"},
    {"nato", "north atlantic treaty organization"},
    {"the economist", "economist"},
    {"der spiegel", "spiegel"},
    {"rusi", "royal united services institute"},
    {"tass", "tass russian news agency"},
    {"agence france-presse", "agence france presse", "afp"},
    {"xinhua", "xinhua news agency"},
    {"kyodo", "kyodo news"},
    {"deutsche presse-agentur", "dpa"},
    {"bloomberg", "bloomberg news"},
    {"institute for the study of war", "isw"},
    {"center for strategic and international studies", "csis"},
    {"international institute for strategic studies", "iiss"},
    {"rand", "rand corporation"},
    {"council on foreign relations", "cfr"},
    {"european council on foreign relations", "ecfr"},
    {"center for a new american security", "cnas"},
    {"international crisis group", "crisis group"},
    {"chatham house", "royal institute of international affairs",
     "the royal institute of international affairs"},
    # the language stories (tests/data/languages/): a ministry with or without its country
    {"ministry of national defense of korea", "ministry of national defense",
     "republic of korea ministry of national defense", "south korean ministry of national defense"},
    {"ministry of unification of korea", "ministry of unification",
     "republic of korea ministry of unification"},
    {"ministry of foreign affairs of russia", "russian ministry of foreign affairs",
     "ministry of foreign affairs of the russian federation", "russian foreign ministry"},
    {"chinese ministry of foreign affairs", "ministry of foreign affairs of china",
     "ministry of foreign affairs of the people's republic of china", "chinese foreign ministry"},
    {"people's daily online", "people's daily"},
    {"cctv news", "cctv", "china central television"},
    {"lianhe zaobao", "zaobao"},
]


_SPACE = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Text as labels compare it: Unicode NFC, whitespace folded, case ignored."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text or "")).strip().casefold()


def publisher_right(found: str | None, label: str | None) -> bool:
    """Case-insensitive equal, or in one alias set, or one body by the app's own publisher
    table (resources/cleaning/publishers.toml: "Japan Ministry of Defense" is an alias of
    "Ministry of Defense of Japan"); a null label wants no publisher. The table is the
    app's declared knowledge of which names are one body, not a looser string match."""
    if not label:
        return not found
    got, want = _article_off(fold(found)), _article_off(fold(label))
    if got == want:
        return True
    known = publishers().canonical(found or "")
    if known is not None and known == publishers().canonical(label):
        return True
    return any(got in {_article_off(n) for n in names} and want in {_article_off(n) for n in names}
               for names in ALIASES)


def _article_off(name: str) -> str:
    """A name without a leading "the" ("The International Institute for Strategic Studies"
    is the International Institute for Strategic Studies): sites and labels write it either way."""
    return name.removeprefix("the ")
