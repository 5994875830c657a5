"""The title a page's format states (<title>, og:title, front matter) and the site name
around it: "Headline | Reuters", "NATO - Opinion: Headline", "Headline - Ministry of Foreign
Affairs of Ruritania"; and the page's own headline line that such a title starts with.

Read by briefing.core.ingest.metadata and briefing.core.ingest.refine.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.core.ingest.bylines import TITLE_SEP, head_limit
from briefing.core.ingest.clean import Unit
from briefing.core.ingest.cues import metadata_cues, name_key, publishers
from briefing.core.ingest.publisher import institution_line
from briefing.core.institutions import alternation

MD_HEADING = re.compile(r"^#{1,6}\s+")


_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|net|org|cn|ru|kr|jp|ua|gov|int|eu|de|uk|io|info)\b",
                     re.IGNORECASE)


@lru_cache(maxsize=1)
def institution_start() -> re.Pattern[str]:
    """A title tail opening with an institution's name ("… - Ministry of Foreign Affairs of
    Ruritania", "… | Permanent Mission of …"): its site name, even when the publishers table
    does not know it (the words: resources/institutions.toml)."""
    return re.compile(rf"(?:The )?(?:Permanent )?(?:{alternation('government', 'organisations')})\b")


def title_site(title: str | None, publisher: str | None,
               strip: bool = True) -> tuple[str | None, str | None]:
    """The format's own title without a site-name tail or head ("… | Reuters",
    "…_Ministry of Foreign Affairs…", "NATO - …", "… > U.S. Department of Defense >
    Transcript"), and the site it named (a known publisher, or the page's publisher); the
    tags a site adds around a headline off too, unless `strip` is False."""
    if not title or not title.strip():
        return None, None
    title = " ".join(title.split())
    parts = TITLE_SEP.split(title)
    site = None
    for k, part in enumerate(parts):
        known = publishers().canonical(part)
        named = k > 0 and len(" ".join(parts[:k]).split()) >= 3 and (
            institution_start().match(part) is not None or institution_line(part))
        address = _DOMAIN.search(part) is not None and len(part.split()) <= 3
        domain = address or named
        if len(parts) > 1 and (known or domain
                               or (publisher and name_key(part) == name_key(publisher))):
            # an institution's name, or a site named by its address ("Korea.net")
            site = known or (publisher if not domain else
                             part if named or (address and len(part.split()) == 1) else None)
            if k == 0:  # "NATO - Opinion: …"
                title = title[title.index(part) + len(part):].lstrip(" |–—>-_")
            else:  # "… | Reuters", "… > Site > Transcript"
                start = title.index(part, len(parts[0]))
                title = title[:start].rstrip(" |–—>-_")
            break
    if strip:
        title = strip_title_tags(title)
    return (title if len(title.split()) >= 2 else None), site


def strip_title_tags(title: str) -> str:
    """Section tags and dates a site adds around a headline (see metadata.toml [title])."""
    for pattern in _title_tags():
        title = pattern.sub("", title).strip()
    return title


@lru_cache(maxsize=1)
def _title_tags() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in metadata_cues()["title"].get("strip", []))


def title_has_tail(title: str) -> bool:
    """The title has a separator a site name may follow ("Headline - Site")."""
    return TITLE_SEP.search(title) is not None


def headline_in(hint: str, units: list[Unit]) -> str | None:
    """A headline line of the page that the format's title starts with ("Headline" for a
    <title> "Headline - Unknown Site Name"), when the title has more after it."""
    key = name_key(hint)
    # "Home | Headline", "News - Headline - Ministry": a segment that is a line of the page
    segments = {name_key(p) for p in TITLE_SEP.split(hint) if len(p.split()) >= 3}
    segments = segments if len(segments) < len(TITLE_SEP.split(hint)) else set()
    found: list[str] = []
    for unit in units[:head_limit(units) + 1]:
        text = strip_title_tags(MD_HEADING.sub("", unit.text).strip())
        k = name_key(text)
        if (len(text.split()) >= 3 and k != key and key.startswith(k + " ")
                and len(k) >= 0.4 * len(key) and TITLE_SEP.search(hint[len(text) - 2:])
                ) or k in segments:
            found.append(text)
    # a breadcrumb's last item shortens the headline under it ("North Korean arms for
    # Russia" over "North Korean arms for Russia: what we know"): the longest line wins
    return max(found, key=len) if found else None
