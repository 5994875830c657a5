"""The article's own publication date from its page: date lines near the opening
("published" beats plain beats "updated"), a wire dateline or a relative stamp in the
year of the page's other dates, a date in the title, a yearless stamp in the copyright
year. What the format states itself (HTML meta, JSON-LD, front matter) wins over all.

Read by briefing.core.ingest.metadata; the date grammar itself is briefing.core.ingest.dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from briefing.core.ingest.bylines import TITLE_SEP, body_units, byline, head_limit, names_line
from briefing.core.ingest.clean import Unit
from briefing.core.ingest.cues import metadata_cues
from briefing.core.ingest.dates import (
    date_line,
    find_dates,
    opening_date,
    relative_date,
    shift,
    strict_date_line,
    yearless_date,
)
from briefing.core.ingest.publisher import footer_year


def article_date(units: list[Unit], stated: str | None, title: str, title_inferred: bool,
                 year: str | None, guessed: str | None = None,
                 stated_utc: bool = False) -> tuple[str | None, str]:
    """(date, provenance): the format's own date ("structured"), else the page's date line
    ("explicit"), else a date the title names, a yearless stamp in the copyright year or
    the copyright year alone ("inferred"). `year` is a copyright year stated right after
    the article (see publisher_and_year); `guessed` an extractor's guess, taken after the
    page's own date lines. A stated UTC instant (`stated_utc`) a day off the page's own
    publication line near its opening gives way to it: the page dates the story where it
    happened ("2025-01-05T23:41Z" for a Seoul story the page dates January 6)."""
    if stated:
        if stated_utc and len(stated) == 10:
            shown = _dated_lines(units, ranked=True)
            if (shown and shown[1] and len(shown[0]) == 10
                    and shown[0] in (shift(stated, 1), shift(stated, -1))):
                return shown[0], "explicit"
        return stated, "structured"
    published = _published(units) or _labelled_numeric(units)
    if published:
        return published, "explicit"
    if guessed:  # an extractor's guess (the URL's date, a date in the text)
        return guessed, "inferred"
    if not title_inferred:
        in_title = find_dates(title)  # "…Regular Press Conference on January 13, 2025"
        if len(in_title) == 1:
            return in_title[0].value, "inferred"
    stamp = next((yearless_date(u.text) for u in units[:head_limit(units) + 1]
                  if yearless_date(u.text)), None)
    # "March 2, 14:35 UTC+3" atop a page whose copyright runs to 2025: 2025-03-02 (a
    # site leaves the year out of this year's stamps; its footer says which year)
    stamp_year = year or footer_year(units)
    if stamp and stamp_year:
        return f"{stamp_year}-{stamp[0]:02d}-{stamp[1]:02d}", "inferred"
    if year:
        return year, "inferred"
    return None, "inferred"


def _published(units: list[Unit]) -> str | None:
    """The article's own date line; "published" beats plain beats "updated"; earliest wins.

    Date lines around the article's opening (where a dateline sits) are preferred to
    ones elsewhere on the page (a sidebar of other stories, a footer); a stamp that names
    no date ("Сегодня, 12:40") or a wire dateline without a year ("МОСКВА, 6 ноября.")
    beats those far ones (see _stamped).
    """
    found = _dated_lines(units)
    if found is None or not found[1]:
        stamped = _stamped(units)
        if stamped:
            return stamped
    return found[0] if found else None


def _stamped(units: list[Unit]) -> str | None:
    """The date of a page whose head gives none in full: the wire dateline opening its
    first paragraph ("МОСКВА, 6 ноября. /ТАСС/.") in the year of the page's other dates,
    else a relative stamp atop it ("вчора, 21:15") counted back from the latest of the
    page's other dates. A copyright year alone never gives a day."""
    limit = head_limit(units)
    first = next((u for u in units if u.kept and u.prose), None)
    others = sorted(f.value for u in units for f in find_dates(u.text) if len(f.value) == 10
                    and not u.text.lstrip().startswith(("©", "(c)", "ⓒ", "Copyright")))
    opening = opening_date(first.text) if first is not None else None
    if opening:
        year = others[-1][:4] if others else footer_year(units)
        if year:
            return f"{year}-{opening[0]:02d}-{opening[1]:02d}"
    days = next((d for u in units[:limit + 2] if (d := relative_date(u.text)) is not None), None)
    if days is not None and others:
        return shift(others[-1], days)
    return None


def _dated_lines(units: list[Unit], ranked: bool = False) -> tuple[str, bool] | None:
    """(date, near the opening) of the best date line, see _published; with `ranked`, only
    a publication or plain date line (never an update's), and no place-and-date opening."""
    rank = {"published": 0, "plain": 1, "updated": 2}
    first = next((i for i, u in enumerate(units) if u.kept and u.prose), 0)
    near: list[tuple[int, str]] = []
    far: list[tuple[int, str]] = []
    for i, unit in body_units(units):
        if unit.words > 20 or (i > first and unit.text.count(" | ") >= 2
                               and _bare_date(unit.text.split(" | ", 1)[0])):
            continue  # a table's row in the article ("2025-01-23 | Ukraine, HUR | 200")
        hit = date_line(unit.text)
        if hit is None and " by " in unit.text:  # "Last updated on September 22, 2025 by A"
            hit = date_line(unit.text.rsplit(" by ", 1)[0])
        if hit is None and names_line(unit.text):  # "Victor Cha and Ellen Kim | November 2024"
            hit = date_line(TITLE_SEP.split(unit.text)[-1])
        found = (rank[hit[1]], hit[0]) if hit else None
        if found is None:
            date = byline(unit.text)[1]
            found = (rank["plain"], date) if date else None
        if found:
            (near if first - 12 <= i <= first + 3 else far).append(found)
    best = near or far
    if ranked:
        best = [b for b in best if b[0] < rank["updated"]]
        return (min(best)[1], bool(near)) if best else None
    if best:
        return min(best)[1], bool(near)
    # no date line: a place and date opening the article ("*Berlin, 12 November 2024.
    # Joint press statement after the talks …*")
    for unit in units[max(0, first - 3):first + 3]:
        m = _PLACE_DATE.match(unit.text)
        hit = strict_date_line(m["date"]) if m else None
        if hit:
            return hit[0], True
    return None


def _bare_date(cell: str) -> bool:
    """A table cell that is only a date ("2025-01-23"), no label beside it ("등록일 …")."""
    cell = cell.strip()
    found = find_dates(cell)
    return len(found) == 1 and found[0].start == 0 and found[0].end >= len(cell) - 1


_PLACE_DATE = re.compile(r"^[*_]*[A-Z][\w'’. -]{1,30},\s+(?P<date>[^.]{4,40}?\d{4})\.\s")


_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])")


def _labelled_numeric(units: list[Unit]) -> str | None:
    """A labelled publication date written in numbers that could be either order ("Date:
    05/11/2024" on a European government's page): day first, as most of the world writes
    it, unless the page writes another such date month first ("11/25/2024"). The first
    date after a label naming the publication ([dates] published) in the page's head."""
    orders = {("md" if int(m[2]) > 12 else "dm") for u in units for m in _SLASHED.finditer(u.text)
              if (int(m[1]) > 12) != (int(m[2]) > 12)}
    day_first = orders != {"md"}
    for unit in units[:head_limit(units) + 3]:
        found = _labelled_slash(unit.text) if unit.words <= 24 else None
        bare = _BARE_SLASHED.match(unit.text.strip()) if found is None else None
        if bare:  # "11/5/2024 3:12 PM": a twelve-hour clock is the American order's
            found = int(bare[1]), int(bare[2]), int(bare[3])
        if found:
            a, b, year = found
            first = day_first and not (bare and bare["ampm"] and orders != {"dm"})
            day, month = (a, b) if first else (b, a)
            return _iso_day(year, month, day)
    return None


# a line that is only a slashed date, perhaps with its time ("05/11/2024", "11/5/2024 3:12 PM")
_BARE_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?:,?\s+\d{1,2}:\d{2}"
                           r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?(?:\s+[A-Z]{2,4})?)?$", re.IGNORECASE)


def labelled_numeric_line(text: str) -> bool:
    """A short line stating the publication date in numbers ("Press release | Date:
    05/11/2024 | No: 142/24"): the page's date line, furniture to the reader."""
    return len(text.split()) <= 24 and (_labelled_slash(text) is not None
                                        or _BARE_SLASHED.match(text.strip()) is not None)


def _labelled_slash(text: str) -> tuple[int, int, int] | None:
    """The two numbers and year of the first slashed date after a publication label."""
    for label in _label_rx().finditer(text):
        m = _SLASHED.match(text, label.end())
        if m:
            return int(m[1]), int(m[2]), int(m[3])
    return None


@lru_cache(maxsize=1)
def _label_rx() -> re.Pattern[str]:
    labels = "|".join(re.escape(w) for w in sorted(_published_labels(), key=len, reverse=True))
    # a place heading the date line is its label too ("Brussels, 04/11/2024": the
    # Council's and Commission's layout)
    place = r"^[A-Z][\w .'’-]{1,30},\s*(?=\d{1,2}/\d{1,2}/\d{4}\s*$)"
    return re.compile(rf"(?:^|[|•·]\s*)(?:{labels})\s*:?\s*(?=\d)|{place}", re.IGNORECASE)


def _published_labels() -> list[str]:
    return list(metadata_cues()["dates"]["published"])


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
