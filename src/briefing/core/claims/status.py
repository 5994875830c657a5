"""Judge a comparison row: do its sources agree, disagree, or did the figure change over time?

Three rules, so that an analyst can trust the verdict:

* ranges and qualifiers are intervals: "up to 12,000" covers 10,000, so the two do not
  disagree (bounds per qualifier live in resources/claims/status.toml);
* "changed over time" only when both articles are dated to the day or the month and the
  dates lie more than `changed_after_days` apart; undated and year-only never count;
* agreement needs independent sources: the same outlet twice is one source.

Pure functions over `ComparisonEntry` values (which carry their article's date and source).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from briefing.core.models import ClaimComparison, ComparisonEntry
from briefing.core.resources import resource

INF = float("inf")


@dataclass(frozen=True)
class StatusRules:
    changed_after_days: int
    tolerance: float
    bounds: dict[str, tuple[float, float]]


@lru_cache(maxsize=1)
def status_rules() -> StatusRules:
    """The shipped rules, parsed once."""
    data = tomllib.loads(resource("claims", "status.toml").read_text(encoding="utf-8"))
    bounds = {q.lower(): (float(lo), float(hi))
              for q, (lo, hi) in data["qualifier_bounds"].items()}
    return StatusRules(int(data["changed_after_days"]), float(data["relative_tolerance"]),
                       bounds)


def interval(entry: ComparisonEntry) -> tuple[float, float]:
    """What the entry allows the true figure to be: (low, high)."""
    low, high = entry.figure, entry.figure
    if entry.value_high is not None and entry.value_high > entry.figure:
        high = entry.value_high
    if entry.qualifier:
        lo_k, hi_k = status_rules().bounds.get(entry.qualifier.lower(), (1.0, 1.0))
        low, high = low * lo_k, (INF if hi_k == INF else high * hi_k)
    return low, high


def compatible(a: ComparisonEntry, b: ComparisonEntry) -> bool:
    """Could both figures be true at once (their intervals overlap, within tolerance)?"""
    (a_lo, a_hi), (b_lo, b_hi) = interval(a), interval(b)
    slack = status_rules().tolerance * max(abs(a.figure), abs(b.figure), 1.0)
    return a_lo <= b_hi + slack and b_lo <= a_hi + slack


def date_span(published: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a day- or month-precision date can mean; None otherwise."""
    if not published:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", published.strip())
    if not m:
        return None
    try:
        year, month = int(m.group(1)), int(m.group(2))
        if m.group(3):
            day = dt.date(year, month, int(m.group(3)))
            return day, day
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last)
    except ValueError:
        return None


def apart_in_time(a: str | None, b: str | None) -> bool:
    """Are two dates surely more than `changed_after_days` apart?"""
    sa, sb = date_span(a), date_span(b)
    if sa is None or sb is None:
        return False
    gap = max((sb[0] - sa[1]).days, (sa[0] - sb[1]).days, 0)
    return gap > status_rules().changed_after_days


def source_key(publisher: str | None, url: str | None, article_id: int) -> str:
    """Who stands behind an article: its outlet, else its web site, else the article."""
    if publisher and publisher.strip():
        name = " ".join(re.sub(r"[^\w\s&]", " ", publisher.casefold()).split())
        name = re.sub(r"^the ", "", name)
        if name:
            return "publisher:" + name
    if url:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        host = re.sub(r"^www\d*\.", "", host.lower())
        if host:
            return "site:" + host
    return f"article:{article_id}"


def _source(e: ComparisonEntry) -> str:
    return e.source or f"article:{e.article_id}"


def _sides_differ(a: ComparisonEntry, b: ComparisonEntry) -> bool:
    """Both figures are attributed, and to different sides."""
    return bool(a.perspectives) and bool(b.perspectives) and set(a.perspectives) != set(
        b.perspectives)


def judge(entries: Sequence[ComparisonEntry]) -> str:
    """Status of a set of figures (excluded ones do not count); sets each entry's status.

    Between two figures: "same" when their intervals overlap; else "changed" when they come
    from different articles dated over `changed_after_days` apart; else "disagree" — but only
    between different sources or different sides: two figures one source gives for a subject
    in one voice are most often two things (a total and a part, two dates), while the same
    outlet quoting Kyiv at 30 and Washington at 1,000 is the disagreement an analyst wants
    shown. An entry is "agree" when a compatible figure comes from another source and none
    contradicts it.
    """
    rules = status_rules()
    live = [e for e in entries if not e.excluded]
    spans = [interval(e) for e in live]  # computed once: rows can hold hundreds of figures
    dates = [date_span(e.published) for e in live]
    sources = [_source(e) for e in live]
    relations: list[set[str]] = [set() for _ in live]
    agreeing = [False] * len(live)
    for i, a in enumerate(live):
        a_lo, a_hi = spans[i]
        for j in range(i + 1, len(live)):
            b = live[j]
            b_lo, b_hi = spans[j]
            slack = rules.tolerance * max(abs(a.figure), abs(b.figure), 1.0)
            if a_lo <= b_hi + slack and b_lo <= a_hi + slack:
                if sources[i] != sources[j]:
                    agreeing[i] = agreeing[j] = True
                continue
            if sources[i] == sources[j] and not _sides_differ(a, b):
                continue
            da, db = dates[i], dates[j]
            apart = (a.article_id != b.article_id and da is not None and db is not None
                     and max((db[0] - da[1]).days, (da[0] - db[1]).days, 0)
                     > rules.changed_after_days)
            rel = "changed" if apart else "disagree"
            relations[i].add(rel)
            relations[j].add(rel)
    for e in entries:
        if e.excluded:
            e.status = "single"
    for i, e in enumerate(live):
        found = relations[i]
        e.status = ("disagree" if "disagree" in found else "changed" if "changed" in found
                    else "agree" if agreeing[i] else "single")
    statuses = {e.status for e in live}
    for status in ("disagree", "changed", "agree"):
        if status in statuses:
            return status
    return "single"


def assess(row: ClaimComparison) -> ClaimComparison:
    """Set a row's status (and its entries'); `disagreement` follows the status."""
    row.status = judge(row.entries)
    row.disagreement = row.status == "disagree"
    return row
