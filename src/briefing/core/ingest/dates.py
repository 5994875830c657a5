"""Find calendar dates in a line of text and say how precise each one is.

Dates come out as "YYYY-MM-DD", "YYYY-MM" or "YYYY". Recognised shapes:
"15 November 2024", "Nov 15, 2024", "Nov. 15th 2024", "2024-11-15",
"2024/11/15", "15/11/2024" (only when the day is over 12, so the order is
certain), "November 2024". Month names come from resources/cleaning/metadata.toml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.ingest.cues import metadata_cues

_DIGIT = re.compile(r"\d")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
                   r"|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)"
                   r"|\b(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?", re.IGNORECASE)
_CLOCK = re.compile(r"(?<![\d.])\d{1,2}:\d{2}(?!\d)")
_TOKEN = re.compile(r"[\w.]+|[^\w\s]")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class FoundDate:
    """A date in a line: its ISO value (with precision) and where it was."""

    value: str
    start: int
    end: int


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    day_month_year: re.Pattern[str]
    month_day_year: re.Pattern[str]
    month_year: re.Pattern[str]
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    extra: tuple[re.Pattern[str], ...] = ()  # [dates] patterns: "2024年10月31日", "2024년 11월 13일"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    months = {k.lower(): int(v) for k, v in metadata_cues()["dates"]["months"].items()}
    names = "|".join(sorted(months, key=len, reverse=True))
    month = rf"(?P<month>{names})\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d{2})(?!\d)"
    flags = re.IGNORECASE
    return _Patterns(
        months=months,
        # "15 November 2024", "03-Dec.-2024"; "Nov 15, 2024", "Nov-15-2024"
        day_month_year=re.compile(rf"(?<![\w]){day}(?:\s+|-)(?:of\s+)?{month},?(?:\s+|-){year}",
                                  flags),
        month_day_year=re.compile(rf"\b{month}(?:\s+|-){day},?(?:\s+|-){year}", flags),
        month_year=re.compile(rf"\b{month},?\s+{year}", flags),
        iso=re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[-/.](?P<month>\d{1,2})[-/.]"
                       r"(?P<day>\d{1,2})(?!\d)"
                       r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"),
        # "04-11-2024" (a Dutch or Indian page) as well: the same separator twice
        numeric=re.compile(r"(?<![\d-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)"
                           r"(?P<year>(?:19|20)\d{2})(?![\d-])"),
        extra=tuple(re.compile(p) for p in metadata_cues()["dates"].get("patterns", [])),
    )


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(line: str) -> list[FoundDate]:
    """Every date in the line, most precise readings first where they overlap."""
    if not _DIGIT.search(line):
        return []
    pats = _patterns()
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(value: str | None, m: re.Match[str]) -> None:
        """Record a match; an impossible date ("31 February") still claims its span."""
        if not any(m.start() < e and s < m.end() for s, e in taken):
            if value:
                found.append(FoundDate(value, m.start(), m.end()))
            taken.append((m.start(), m.end()))

    for m in pats.iso.finditer(line):
        add(_iso(int(m["year"]), int(m["month"]), int(m["day"])), m)
    for m in (m for p in pats.extra for m in p.finditer(line)):  # numbers with year/month/day marks
        year = int(m["year"])  # a two-digit year ("25.01.08 11:05") is of this century
        add(_iso(year + 2000 if year < 100 else year, int(m["month"]),
                 int(m["day"]) if m["day"] else None), m)
    for pattern in (pats.day_month_year, pats.month_day_year):
        for m in pattern.finditer(line):
            add(_iso(int(m["year"]), pats.months[m["month"].lower()], int(m["day"])), m)
    for m in pats.numeric.finditer(line):
        a, b = int(m["a"]), int(m["b"])
        if m["sep"] in ".-" and b <= 12 or a > 12 >= b:  # "11.01.2025": day first
            add(_iso(int(m["year"]), b, a), m)
        elif b > 12 >= a:
            add(_iso(int(m["year"]), a, b), m)
    for m in pats.month_year.finditer(line):
        add(_iso(int(m["year"]), pats.months[m["month"].lower()]), m)
    return sorted(found, key=lambda f: f.start)


_SEGMENTS = re.compile(r"\s+[|•·–—-]\s+")


@lru_cache(maxsize=1)
def _counters() -> re.Pattern[str] | None:
    """A page's view counter beside its date ("조회수 2,418", "Просмотров: 1 204"), from
    the languages' [metadata.dates] counters: furniture, not words about the date."""
    found = metadata_cues()["dates"].get("counters", [])
    return re.compile("|".join(f"(?:{c})" for c in found), re.IGNORECASE) if found else None


def _without_counters(line: str) -> str:
    rx = _counters()
    return rx.sub(" ", line).strip() if rx is not None and rx.search(line) else line


@lru_cache(maxsize=65536)
def date_line(line: str) -> tuple[str, str] | None:
    """(date, label) when the line is essentially a date, e.g. "Published: 15 Nov 2024".

    label is "published", "updated" or "plain". None when the line says more than a date.
    A line of short segments one of which is a date ("KYODO NEWS - Jan 13, 2025 - 21:05 |
    World") is a date line too: the other segments are a site's labels.
    """
    line = _BRACKET_NOTE.sub("", _without_counters(_unglued(line)))
    found = _date_line(line)
    if found or len(find_dates(line)) != 1:
        return found
    segments = _SEGMENTS.split(line)
    if not 2 <= len(segments) <= 6 or len(line.split()) > 16:
        return None
    dated = [seg for seg in segments if find_dates(seg)]
    others = [seg for seg in segments if not find_dates(seg)]
    # the other segments are labels: short, or a name in capitals ("KYODO NEWS"), or the
    # issuer's name in Title Case ("January 10, 2025 · Ministry of External Affairs,
    # Government of India")
    if len(dated) == 1 and all(len(seg.split()) <= 4 or seg.isupper() or _issuer_name(seg)
                               for seg in others):
        return _date_line(dated[0])
    return None


def _issuer_name(segment: str) -> bool:
    """A segment beside a date that is an organisation's name: at most ten words, each in
    Title Case or a connector, no event word ("Press Briefing by the Spokesperson" beside
    its date is a headline: metadata.toml [masthead] event_words)."""
    words = segment.replace(",", " ").split()
    events = set(metadata_cues()["masthead"]["event_words"])
    return (2 <= len(words) <= 10 and words[0][:1].isupper()
            and all(w[:1].isupper() or w in _PLACE_LINKS for w in words)
            and not any(w.lower() in events for w in words))


# a note in brackets beside a date ("2 March 2025 (figures table revised)", "5:30 am
# (Paris)"): no date in it, and not part of the date line's meaning
_BRACKET_NOTE = re.compile(r"\s*\((?=[^()]*[A-Za-z]{3})[^()\d]{3,40}\)")


@lru_cache(maxsize=65536)
def strict_date_line(line: str) -> tuple[str, str] | None:
    """date_line without the labelled-segments reading: the line is only a date."""
    return _date_line(_without_counters(_unglued(line)))


# "December 23, 20245:32 AM GMT+9Updated 2 hours ago": a page's stamp copied without the
# spaces its layout put between the date, the time and the update note
_GLUED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\d{1,2}:\d{2}(?!\d))")
_GLUED_WORD = re.compile(r"(?<=[\d)])(?=[A-Z][a-z])")
# "Updated 2 hours ago" beside the date: when the page was last changed, relative to now
_AGO = re.compile(r"\b(?:(?:last\s+)?(?:updated|modified|edited)\s+)?(?:an?|\d{1,3})\s+"
                  r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b",
                  re.IGNORECASE)


def _unglued(line: str) -> str:
    """The line with a glued stamp spaced again and a relative update note taken off."""
    if not _DIGIT.search(line):
        return line
    line = _GLUED_WORD.sub(" ", _GLUED_YEAR.sub(r"\1 ", line))
    return _AGO.sub(" ", line).strip()


def _date_line(line: str) -> tuple[str, str] | None:
    dates = find_dates(line)
    if len(dates) == 2:
        return _published_and_updated(line, dates)
    if len(dates) != 1:
        return None
    cues = metadata_cues()["dates"]
    rest = (line[:dates[0].start] + " " + line[dates[0].end:]).lower()
    # a time inside the date's own match ("2024-12-19 16:30") makes a timestamp line too;
    # there only a clock time counts ("2024.11.25" holds "11.25", the month and the day)
    timed = _TIME.search(rest) is not None or _CLOCK.search(
        line[dates[0].start:dates[0].end]) is not None
    rest = _TIME.sub(" ", rest)
    label = "plain"
    for kind in ("updated", "published"):
        for word in sorted(cues[kind], key=len, reverse=True):
            if re.search(rf"\b{re.escape(word)}\b", rest):
                rest = re.sub(rf"\b{re.escape(word)}\b", " ", rest)
                label = kind if label == "plain" else label
    filler = set(cues["filler"])
    leftover = [t for t in _TOKEN.findall(rest) if t not in filler and t.strip(":.") != ""]
    # A date with a time beside it is a timestamp line even under a short section label
    # ("All News 16:22 November 13, 2024") or before the issuer's name ("…, 4:03 p.m.
    # Ministry of Foreign Affairs").
    if sum(map(_words, leftover)) <= (2 if timed else 1):
        return dates[0].value, label
    tail = line[dates[0].end:]
    words = [w for w in _TIME.sub(" ", tail).replace(",", " ").split()]
    if (timed and words and len(words) <= 6 and len(leftover) == len(words)
            and all(w[:1].isupper() or w in ("of", "and", "the", "for") for w in words)):
        return dates[0].value, label
    if _place_and_date(line, dates[0], timed):
        return dates[0].value, label
    return None


_PLACE_SEP = re.compile(r"\s*[,;|•·–—]\s*|\s+-\s+")
_PLACE_LINKS = {"of", "and", "the", "for", "de", "&"}


def _place_and_date(line: str, date: FoundDate, timed: bool) -> bool:
    """A place and a date, perhaps a time, and nothing else ("Kyiv, Ukraine, December 3,
    2024", "Washington, D.C., November 21, 2024", "Tuesday, December 3, 2024, 10:20 a.m.
    Front Entrance Hall, Ministry of Foreign Affairs"): where a briefing, a doorstep or a
    press conference was held, set apart from the date by commas. Each place is a name in
    Title Case; without a time, a place of two parts or of two words ("Kyiv, Ukraine"),
    at most five words and no event word ("Press Conference, Kyiv, 3 December 2024" may be
    a headline: metadata.toml [masthead] event_words)."""
    cues = metadata_cues()
    filler = set(cues["dates"]["filler"])
    rest = _TIME.sub(" , ", line[:date.start] + " , " + line[date.end:])
    places = [seg for seg in (part.strip(" -") for part in _PLACE_SEP.split(rest))
              if seg and seg.lower().strip(".") not in filler]
    words = [w for seg in places for w in seg.split()]
    if not places or len(words) > (10 if timed else 5) or any(len(seg.split()) > 5
                                                              for seg in places):
        return False
    if not all(w[:1].isupper() or w in _PLACE_LINKS for w in words) or not words[0][:1].isupper():
        return False
    if any(not re.fullmatch(r"[\w.’'&-]+", w) for w in words):
        return False  # "(Kyodo)", "Q:": not a place's name
    events = set(cues["masthead"]["event_words"])
    if timed:
        return True
    return ((len(places) >= 2 or len(words) <= 2)
            and not any(w.lower().strip(".") in events for w in words))


def _published_and_updated(line: str, dates: list[FoundDate]) -> tuple[str, str] | None:
    """A line with the publication date and then the update ("입력 2024.11.07 (12:31) 수정
    2024.11.07 (13:05)", "19:34 29.11.2024 (обновлено: 20:02 29.11.2024)", "Published 12
    Nov 2024, updated 13 Nov 2024"): the first date, when each half is a date line."""
    between = line[dates[0].end:dates[1].start]
    for word in sorted(metadata_cues()["dates"]["updated"], key=len, reverse=True):
        m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", between, re.IGNORECASE)
        if m is None:
            continue
        cut = dates[0].end + m.start()
        first = line[:cut].rstrip(" ,;(|·•-–—")
        second = line[cut:].strip(" ()")
        published, updated = _date_line(first), _date_line(second)
        if published and updated and updated[1] == "updated":
            return published[0], "published" if published[1] == "plain" else published[1]
    # the update first ("Updated: Nov. 14, 2024 Published: Nov. 13, 2024", "Last Updated:
    # … | Originally published …"): the second date, when the halves say so
    for word in sorted(metadata_cues()["dates"]["published"], key=len, reverse=True):
        m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", between, re.IGNORECASE)
        if m is None:
            continue
        cut = dates[0].end + m.start()
        updated, published = _date_line(line[:cut].rstrip(" ,;(|·•-–—")), _date_line(line[cut:])
        # the page's latest stamp, then "First published on …" (the Guardian): the first
        # publication, whatever the stamp before it is labelled
        original = word.lower().startswith("first ")
        if (published and updated and (updated[1] == "updated" or original)
                and published[1] == "published"):
            return published[0], "published"
    return None


_YEARLESS = None


def yearless_date(line: str) -> tuple[int, int] | None:
    """(month, day) of a date stamp without a year ("March 2, 14:35 UTC+3", "2 March,
    14:35"), or None. The year then comes from elsewhere on the page."""
    global _YEARLESS
    if _YEARLESS is None:
        pats = _patterns()
        names = "|".join(sorted(pats.months, key=len, reverse=True))
        _YEARLESS = re.compile(
            rf"^(?:\w+,\s+)?(?:(?P<m1>{names})\.?\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+"
            rf"(?P<m2>{names})\.?),?\s+\d{{1,2}}[:.]\d{{2}}(?:\s*(?:[ap]\.?m\.?))?"
            rf"(?:\s*\(?(?:[A-Z]{{2,5}}(?:\s*[+-]\s*\d{{1,2}})?)\)?)?$", re.IGNORECASE)
    if len(line) > 40 or find_dates(line):
        return None
    m = _YEARLESS.match(line.strip())
    if not m:
        return None
    month = _patterns().months[(m["m1"] or m["m2"]).lower()]
    day = int(m["d1"] or m["d2"])
    return (month, day) if 1 <= day <= 31 else None


@lru_cache(maxsize=1)
def _relative() -> tuple[dict[str, int], re.Pattern[str]] | None:
    words = {k.lower(): int(v) for k, v in metadata_cues()["dates"].get("relative", {}).items()}
    if not words:
        return None
    names = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return words, re.compile(rf"^(?P<word>{names})(?![\w])[,\s]*(?:\d{{1,2}}[:.]\d{{2}})?"
                             r"(?:\s*(?:[ap]\.?m\.?|msk|мск|kst|gmt|utc))?\s*$", re.IGNORECASE)


def relative_date(line: str) -> int | None:
    """Days from the page's own date of a stamp that names none ("Сегодня, 12:40" = 0,
    "вчора, 21:15" = -1, "어제 10:15", "昨天 15:23"): the words are per language data
    ([dates.relative]); the calendar date comes from the page's other dates."""
    found = _relative()
    if found is None or len(line) > 40:
        return None
    m = found[1].match(line.strip())
    return found[0][m["word"].lower()] if m else None


def shift(iso: str, days: int) -> str:
    """"2024-11-21" moved by `days` ("2024-11-20" for -1)."""
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


@lru_cache(maxsize=1)
def _opening_rx() -> re.Pattern[str]:
    names = "|".join(sorted(_patterns().months, key=len, reverse=True))
    # "МОСКВА, 6 ноября." (day first) or "SEOUL, Dec. 23 (Reuters) -" (month first)
    return re.compile(rf"^\(?[^\W\d_][^\W\d_ .,-]*(?:[ -][^\W\d_]+){{0,3}}[.,]\s+"
                      rf"(?:(?P<day>\d{{1,2}})\s+(?P<month>{names})\.?(?=[\s.,/)-])"
                      rf"|(?P<month2>(?i:{names}))\.?\s+(?P<day2>\d{{1,2}})(?=[\s.,/)-]))")


def opening_date(text: str) -> tuple[int, int] | None:
    """(month, day) of a wire dateline opening a paragraph ("МОСКВА, 6 ноября. /ТАСС/.",
    "КИЇВ, 5 листопада. …", "МОСКВА, 8 ноя - РИА Новости."): the day the story was
    filed; the year comes from the page's other dates."""
    m = _opening_rx().match(text)
    if m is None or not m.group().split(",")[0].split(".")[0].strip("(").isupper():
        return None
    day = int(m["day"] or m["day2"])
    month = (m["month"] or m["month2"]).lower()
    return (_patterns().months[month], day) if 1 <= day <= 31 else None


def _words(token: str) -> int:
    """A leftover token's weight: a run of Chinese characters may be a whole headline."""
    return 1 + len(token) // 5 if _HAN.match(token) else 1
