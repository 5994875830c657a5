"""Read an article's title, publisher, authors, date, language and URL from its page.

Works on the cleaner's units (kept and dropped lines alike: the byline and
date line are furniture to the reader but metadata to the library). What the
file format stated itself (DocumentHints) wins; then what the page states in
its own furniture (a "CO24175 | Title" line, "(Bloomberg) --", "© 2024, The
Economist...", "Drew Thompson" above "15 November 2024"); dates mentioned in
the article's prose are never taken for its publication date. A title that
had to be made from the first sentence is marked inferred.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from briefing.core.ingest.clean import Unit, is_prose, word_count
from briefing.core.ingest.cues import metadata_cues, name_key, publishers
from briefing.core.ingest.dates import date_line, find_dates, strict_date_line, yearless_date
from briefing.core.ingest.language import detect_language
from briefing.core.ingest.types import ArticleMetadata, DocumentHints

_FURNITURE_REASONS = {"tail", "duplicate"}
_SENTENCE = re.compile(r"^(.+?[.!?…])[\"'”’)]*(?=\s+[\"“‘'(\[]?[A-Z0-9]|\s*$)")
_CJK_SENTENCE = re.compile(r"^(.+?)[。！？]")  # Chinese and Japanese: no space after a full stop
_CJK_CLAUSE = "，；、"
_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af]")
_DATELINE = re.compile(r"^(?:\([^)]{1,40}\)|[A-Z][A-Z .,'-]{1,40}\([^)]{1,40}\))\s*(?:--|—|–|-)\s*")
_URL_LINE = re.compile(r"^(?:(?:url|source|link|original(?:ly)? (?:at|published at))\s*:?\s*)?"
                       r"(https?://\S+)$", re.IGNORECASE)
_CAPS_WORD = re.compile(r"^[A-Z][A-Z’'.-]+,?$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_PARTICLES = {"de", "van", "von", "der", "den", "bin", "binti", "al", "el", "la", "le", "da",
              "di", "du", "dos", "del", "ter", "ten", "st", "mc", "o"}


def _body_units(units: list[Unit]) -> list[tuple[int, Unit]]:
    """Units that belong to this article's page (not related articles or a repeat)."""
    return [(i, u) for i, u in enumerate(units) if u.dropped not in _FURNITURE_REASONS]


# --- names -------------------------------------------------------------------

def is_person_name(text: str) -> bool:
    """A capitalised 2-5 word name with no digits and no organisation words."""
    cues = metadata_cues()["byline"]
    text = text.strip(" ,.;")
    if not text or len(text) > 48 or any(ch.isdigit() for ch in text):
        return False
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    not_name = set(cues["not_name"])
    for token in tokens:
        low = token.lower().strip(".,")
        if low in not_name or low.endswith(("'s", "’s")):  # "North Korea's Soldiers"
            return False
        if low in _PARTICLES:
            continue
        if not (token[:1].isupper() and re.fullmatch(r"[\w.'’-]+", token)):
            return False
    return publishers().canonical(text) is None


def author_line(text: str) -> str | None:
    """The person a line names ("Drew Thompson", "Justin McCurry in Tokyo"), or None."""
    name = re.split(r",\s*|\s+(?:in|for|at|from)\s+|\s*[|•·]\s*", text.strip(), maxsplit=1)[0]
    return name.strip() if is_person_name(name) else None


_EDITORS = re.compile(r"[;.]?\s*(?:editing|edited|additional reporting|compiled|"
                      r"writing|graphics|photos?) by\b.*$", re.IGNORECASE)
_PLACE = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w .'-]*$")


def _split_names(text: str) -> list[str]:
    """Names of a byline: "Jane Doe in Seoul and JOHN ROE, Associated Press; Editing by …"
    -> Jane Doe, John Roe (places, outlets and editors off)."""
    cues = metadata_cues()["byline"]
    text = _EDITORS.sub("", text)
    parts = [text]
    for sep in cues["separators"]:
        parts = [piece for part in parts for piece in part.split(sep)]
    roles = set(cues["roles"])
    names = []
    for part in parts:
        part = _PLACE.sub("", part.strip())  # "Jane Doe in Seoul"
        words = part.split()
        # "JANE DOE Associated Press": the outlet after the name
        for cut in range(len(words) - 1, 1, -1):
            if publishers().canonical(" ".join(words[cut:])):
                words = words[:cut]
                break
        # "Xinhua writer Wang Jiaxin": the outlet and the role before the name
        for cut in range(1, len(words) - 1):
            if publishers().canonical(" ".join(words[:cut])):
                rest = words[cut:]
                while rest and rest[0].lower().strip(".,") in roles:
                    rest.pop(0)
                if len(rest) < len(words) - cut:  # a role followed the outlet
                    words = rest
                break
        # "Jane Doe Senior Correspondent" -> "Jane Doe"
        while words and words[-1].lower().strip(".,") in roles:
            words.pop()
        name = " ".join(words)
        if is_person_name(name):
            names.append(name.title() if name.isupper() else name)  # "JANE DOE"
    return names


_SERIES_BY = re.compile(r"^[A-Z][\w'’&]*(?: [A-Z][\w'’&]*){0,3} by (.+)$")


@lru_cache(maxsize=65536)
def _byline(text: str) -> tuple[tuple[str, ...], str | None]:
    """Authors (and a date, if the line has one) from "By Jane Doe and John Roe | March 3"."""
    cues = metadata_cues()["byline"]
    text = text.strip("*_ ")  # Markdown emphasis: "*By Lee Min-ho, March 2025*"
    low = text.lower()
    for prefix in sorted(cues["prefixes"], key=len, reverse=True):
        if low.startswith(prefix + " ") or (prefix.endswith(":") and low.startswith(prefix)):
            rest = text[len(prefix):].strip()
            break
    else:
        # "Critical Questions by Victor Cha and Ellen Kim": a series label before "by"
        m = _SERIES_BY.match(text)
        if not m:
            return _pattern_byline(text)  # a language's own layout ("김민수 기자")
        rest = m.group(1)
        names = _split_names(re.split(r"\s*[|•·—–]\s*|\s+-\s+", rest)[0])
        if not names or len(rest.split()) > 3 * len(names) + 2:
            return (), None
    found = find_dates(rest)
    date = found[0].value if found else None
    if found:
        rest = rest[:found[0].start]
    rest = re.split(r"\s*[|•·—–]\s*|\s+-\s+", rest)[0]
    return tuple(_split_names(rest)), date


def _pattern_byline(text: str) -> tuple[tuple[str, ...], str | None]:
    """A byline in a language's own layout ([byline] patterns: "김민수 기자",
    "Олена Коваленко — 5 листопада 2024"): names from group `names`, a date from `rest`."""
    for pattern in _byline_patterns():
        m = pattern.match(text.strip())
        if m:
            names = [n.strip() for n in re.split("|".join(
                re.escape(s) for s in metadata_cues()["byline"]["separators"]), m["names"])]
            found = find_dates(m["rest"] or "")
            return tuple(n for n in names if n), found[0].value if found else None
    return (), None


@lru_cache(maxsize=1)
def _byline_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in metadata_cues()["byline"].get("patterns", []))


def is_byline_or_date(text: str) -> bool:
    """A line that only says who wrote the article or when ("By Jane Doe | 3 March 2025")."""
    return bool(_byline(text)[0]) or date_line(text) is not None


# --- title -------------------------------------------------------------------

def _title_shape(text: str) -> bool:
    cues = metadata_cues()["title"]
    words = word_count(text)
    return (cues["min_words"] <= words <= cues["max_words"] and not text.endswith((".", ":", ","))
            and not text.startswith(("•", "-", "*", "(", "©")) and "http" not in text
            and not _dated(text))


def _dated(text: str) -> bool:
    """A date in the line; a Chinese or Korean headline may hold one ("2024年11月1日外交部
    发言人毛宁主持例行记者会") when the date is under half of it."""
    found = find_dates(text)
    if not found or not _CJK.search(text):
        return bool(found)
    return sum(f.end - f.start for f in found) * 2 >= len(text)


def _job_words() -> frozenset[str]:
    return frozenset(metadata_cues()["byline"].get("job_words", []))


def strip_honorifics(name: str) -> str:
    """"Dr Helen Marsh" -> "Helen Marsh"."""
    honorifics = set(metadata_cues()["byline"].get("honorifics", []))
    words = name.split()
    while len(words) > 2 and words[0].lower() in honorifics:
        words.pop(0)
    return " ".join(words)


def job_line_name(text: str) -> str | None:
    """The person of a "Name, Job" line ("Dr Helen Marsh, Senior Research Fellow"), or None."""
    if "," not in text or len(text.split()) > 16:
        return None
    head, tail = text.split(",", 1)
    jobs = _job_words()
    if not any(w.lower().strip(".,;") in jobs for w in tail.split()):
        return None
    name = strip_honorifics(head.strip())
    return name if is_person_name(name) and not _has_job_word(name) else None


def _has_job_word(name: str) -> bool:
    """"Senior Fellow" is a job, not a name."""
    return any(w.lower().strip(".,") in _job_words() for w in name.split())


def _author_line(text: str) -> str | None:
    """author_line, without jobs taken for names."""
    name = author_line(text)
    return name if name and not _has_job_word(name) else None


_NAME_LIST = re.compile(r",\s*|\s+and\s+|\s*&\s*|;\s*")


def _author_names(text: str) -> list[str]:
    """The people an author line without "By" names: one ("Justin McCurry in Tokyo",
    "Dr Helen Marsh, Senior Fellow") or a list of names, perhaps with the outlet last
    ("Dara Massicot, Bruce W. Bennett", "Martina Herzog and Andreas Stein, dpa")."""
    name = job_line_name(text)
    if name:
        return [name]
    parts = [p.strip() for p in _NAME_LIST.split(text.strip()) if p.strip()]
    if len(parts) >= 2:
        names = [strip_honorifics(p) for p in parts]
        people = [n for n in names if is_person_name(n) and not _has_job_word(n)]
        outlets = [n for n in names if publishers().canonical(n)]
        if len(people) >= 2 and len(people) + len(outlets) == len(parts) and (
                not outlets or names[-1] in outlets):
            return people
    single = _author_line(text)
    return [single] if single else []


_CONNECTORS = {"of", "for", "and", "the", "on", "to", "in"}


def is_job_title_line(text: str) -> bool:
    """A line naming someone's job ("Air Force Maj. Gen. Pat Ryder, Pentagon Press
    Secretary", "Principal Deputy National Security Adviser Kim Tae-hyo", "Senior OSINT
    editor"): an author or speaker line, never a headline."""
    text = text.strip()
    if job_line_name(text):
        return True
    jobs = _job_words()
    head = text.split(",", 1)[0].split()
    if "," in text and head and all(w.lower().strip(".") in jobs | _CONNECTORS for w in head):
        return True  # "Senior Fellow, Maritime Programme"
    tokens = text.replace(",", " ").split()
    if not tokens or len(tokens) > 12 or any(ch.isdigit() for ch in text):
        return False
    if (any(t.lower().strip(".") in jobs for t in tokens) and not text.isupper()
            and all(t.lower().strip(".") in jobs | _CONNECTORS or (t.isupper() and len(t) > 1)
                    for t in tokens)):
        return True  # "Senior OSINT editor"
    if not all(t[:1].isupper() or t in _CONNECTORS for t in tokens):
        return False
    last_job = max((i for i, t in enumerate(tokens) if t.lower().strip(".") in jobs), default=-1)
    name = " ".join(tokens[last_job + 1:])
    return last_job >= 0 and 2 <= len(tokens) - last_job - 1 <= 3 and is_person_name(name)


@lru_cache(maxsize=1)
def _never_title() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in metadata_cues()["title"].get("never", []))


_DATES_OUT = re.compile(r"\d")
_NOT_HEADLINE = {"advert", "image_credit", "navigation", "share", "subscription", "cookie",
                 "copyright", "banner", "credits", "comments"}


def _headline_shape(text: str) -> bool:
    """Title-shaped; a headline may name a date ("…Press Conference on January 13, 2025"),
    a date line may not."""
    return _title_shape(text) or (word_count(text) >= 4 and not strict_date_line(text)
                                  and _title_shape(_DATES_OUT.sub("", text)))


def _headline(unit: Unit, before: Unit | None = None) -> str | None:
    """The unit's text if it can be a headline (see _title_by_anchor); not the value of a
    label line above it ("From:" then the department's name)."""
    if unit.dropped in _NOT_HEADLINE:
        return None
    if before is not None and before.words <= 3 and before.text.rstrip().endswith(":"):
        return None
    text = _strip_title_tags(_MD_HEADING.sub("", unit.text).strip())
    if yearless_date(text):
        return None
    if (word_count(text) < int(metadata_cues()["title"]["min_words"])  # "Military & Defense"
            or not _headline_shape(text)):
        return None
    if (author_line(text) or _byline(text)[0] or is_job_title_line(text)
            or any(p.search(text) for p in _never_title()) or _bare_dateline(text)):
        return None
    return text


def _bare_dateline(text: str) -> bool:
    """A wire dateline with nothing after it ("Pyongyang, November 2 (KCNA) --"): it opens
    the article's first paragraph, it is never the headline."""
    for pattern in publishers().patterns.get("dateline", ()):
        m = pattern.search(text)
        if m and not text[m.end():].strip(" -–—.:"):
            return True
    return False


def _head_limit(units: list[Unit]) -> int:
    """Where the page head ends: the first real paragraph (or 40 lines)."""
    for i, unit in enumerate(units[:40]):
        if unit.kept and unit.prose and unit.words >= 25:
            return i
    return min(len(units), 40)


def _title_by_anchor(units: list[Unit]) -> tuple[int, str, int] | None:
    """(index, headline, anchor index): the headline next to the page's byline or date line.

    Across layouts the headline sits just above "By A and B" or the date line (a
    standfirst, an author line or a job title may come between), or, on some sites,
    just below the date. Navigation, section labels and banners are never taken.
    """
    limit = _head_limit(units)
    strict = [i for i in range(limit) if units[i].words <= 20
              and (strict_date_line(units[i].text) or _byline(units[i].text)[0]
                   or yearless_date(units[i].text))]
    # a date among labelled segments ("Briefing – January 7, 2025") anchors only when
    # the page has no line that is just a date or a byline: it may be the headline
    anchors = strict or [i for i in range(limit) if units[i].words <= 20
                         and date_line(units[i].text)]
    for anchor in anchors[:2]:
        for i in range(anchor - 1, max(-1, anchor - 7), -1):
            title = _headline(units[i], units[i - 1] if i > 0 else None)
            if title:
                # a standfirst without a full stop under the headline: the longer line
                upper = _headline(units[i - 1], units[i - 2] if i > 1 else None) if i > 0 else None
                if (upper and len(title.split()) >= 8
                        and 3 <= len(upper.split()) < len(title.split())):
                    return i - 1, upper, anchor
                return i, title, anchor
        for i in range(anchor + 1, min(limit, anchor + 4)):
            title = _headline(units[i], units[i - 1])
            if title:
                return i, title, anchor
    return None


def title_has_tail(title: str) -> bool:
    """The title has a separator a site name may follow ("Headline - Site")."""
    return _TITLE_SEP.search(title) is not None


def headline_in(hint: str, units: list[Unit]) -> str | None:
    """A headline line of the page that the format's title starts with ("Headline" for a
    <title> "Headline - Unknown Site Name"), when the title has more after it."""
    key = name_key(hint)
    for unit in units[:_head_limit(units) + 1]:
        text = _strip_title_tags(_MD_HEADING.sub("", unit.text).strip())
        k = name_key(text)
        if (len(text.split()) >= 3 and k != key and key.startswith(k + " ")
                and len(k) >= 0.4 * len(key) and _TITLE_SEP.search(hint[len(text) - 2:])):
            return text
    return None


def _authors_between(units: list[Unit], start: int, end: int) -> list[str]:
    """Author lines without "By" between the headline and the date line ("Rachel Minsky",
    "Dr Helen Marsh, Senior Research Fellow, …"), honorifics off; job lines alone skipped."""
    names: list[str] = []
    for unit in units[start + 1:end]:
        text = unit.text.strip()
        found = [] if (is_job_title_line(text) and not job_line_name(text)) else (
            _author_names(text))
        if found and unit.words <= 16:
            for name in found:
                name = strip_honorifics(name)
                if name not in names:
                    names.append(name)
    return names


def _title_from_units(units: list[Unit]) -> str | None:
    cues = metadata_cues()["title"]
    code = re.compile(cues["code_prefix"])
    body = _body_units(units)
    first_prose = next((i for i, u in body if u.kept and u.prose), len(units))
    for i, unit in body:  # "CO24175 | Title": a series code names the title line
        if i >= first_prose:
            break
        text = _MD_HEADING.sub("", unit.text)
        if code.match(text) and _title_shape(code.sub("", text)):
            return code.sub("", text).strip()
    candidates: list[str] = []  # title-shaped lines above the article's opening, nearest first
    for i in range(first_prose - 1, max(-1, first_prose - 10), -1):
        unit = units[i]
        text = _MD_HEADING.sub("", unit.text).strip()
        if unit.dropped == "navigation" and candidates:
            break  # a menu between two lines: the upper one is the site's, not the story's
        if unit.dropped in ("advert", "image_credit", "navigation", "share", "subscription",
                            "cookie", "copyright") or date_line(text) or _byline(text)[0]:
            continue
        if (author_line(text) or word_count(text) < 3 or is_job_title_line(text)
                or any(p.search(text) for p in _never_title())):
            continue
        if (unit.prose and not text.endswith(("?", "!"))) or len(candidates) == 2:
            break
        if unit.run > 6 and len(text.split()) < 5:  # a long menu: its items are short
            continue
        if not _headline_shape(text):
            break
        candidates.append(text)
    if len(candidates) == 2:
        # Title above a standfirst: the standfirst is the longer, sentence-like line.
        lower, upper = candidates
        if len(lower.split()) >= 8 and 4 <= len(upper.split()) < len(lower.split()):
            return upper
    if candidates:
        return candidates[0]
    # A headline that is a question ("Why is Kim sending troops?") heads the body itself.
    kept = [u for _, u in body if u.kept]
    if (len(kept) >= 2 and kept[0].prose and kept[1].prose and kept[0].words <= 16
            and kept[0].text.endswith(("?", "!")) and _title_shape(kept[0].text)
            and kept[0].words < kept[1].words):
        return _MD_HEADING.sub("", kept[0].text).strip()
    return None


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
    first = next((p for p in text.split("\n\n") if is_prose(p)), "")
    first = _DATELINE.sub("", first).strip()
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


_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|net|org|cn|ru|kr|jp|ua|gov|int|eu|de|uk|io|info)\b",
                     re.IGNORECASE)
# A title tail naming an institution ("… - Ministry of Foreign Affairs of Ruritania"): its
# site name, even when the publishers table does not know it.
_INSTITUTION = re.compile(r"(?:The )?(?:Ministry|Department|Office|Embassy|Government|"
                          r"Council|Agency|Commission|Mission|Permanent Mission|Consulate)\b")
_TITLE_SEP = re.compile(r"\s+[|–—>•·-]\s+|\s+::\s+|\s*_(?=[A-Z])")


def _title_site(title: str | None, publisher: str | None) -> tuple[str | None, str | None]:
    """The format's own title without a site-name tail or head ("… | Reuters",
    "…_Ministry of Foreign Affairs…", "NATO - …", "… > U.S. Department of Defense >
    Transcript"), and the site it named (a known publisher, or the page's publisher)."""
    if not title or not title.strip():
        return None, None
    title = " ".join(title.split())
    parts = _TITLE_SEP.split(title)
    site = None
    for k, part in enumerate(parts):
        known = publishers().canonical(part)
        domain = ((_DOMAIN.search(part) is not None and len(part.split()) <= 3)
                  or (k > 0 and _INSTITUTION.match(part) is not None
                      and len(" ".join(parts[:k]).split()) >= 3))
        if len(parts) > 1 and (known or domain
                               or (publisher and name_key(part) == name_key(publisher))):
            site = known or (publisher if not domain else
                             part if _INSTITUTION.match(part) else None)
            if k == 0:  # "NATO - Opinion: …"
                title = title[title.index(part) + len(part):].lstrip(" |–—>-_")
            else:  # "… | Reuters", "… > Site > Transcript"
                start = title.index(part, len(parts[0]))
                title = title[:start].rstrip(" |–—>-_")
            break
    title = _strip_title_tags(title)
    return (title if len(title.split()) >= 2 else None), site


def _strip_title_tags(title: str) -> str:
    """Section tags and dates a site adds around a headline (see metadata.toml [title])."""
    for pattern in _title_tags():
        title = pattern.sub("", title).strip()
    return title


@lru_cache(maxsize=1)
def _title_tags() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in metadata_cues()["title"].get("strip", []))


def _hint_title(title: str | None, publisher: str | None) -> str | None:
    """The format's own title, without a " | Site name" tail."""
    return _title_site(title, publisher)[0]


# --- publisher ---------------------------------------------------------------

def _publisher_and_year(units: list[Unit],
                        authors: list[str]) -> tuple[str | None, str | None, str]:
    """The publisher named by the page, a copyright year if one was stated, and how the
    publisher was found ("dateline" for a wire dateline, "licence" for a syndication line,
    "labelled" for a "From:" line, else a provenance)."""
    pubs = publishers()
    author_keys = {name_key(a) for a in authors}
    texts = [u.text for u in units]
    year: str | None = None

    def resolve(name: str) -> str | None:
        name = name.strip(" ,.;:")
        known = pubs.canonical(name)
        if known:
            return known
        cleaned = pubs.strip_legal(name)
        words = cleaned.split()
        if name_key(cleaned) in author_keys or (author_keys and all(
                name_key(part) in author_keys for part in _NAME_LIST.split(cleaned) if part)):
            return None  # "© 2025 Ann Smith & Bo Lee": the writers' own copyright
        # An institution's full name is long ("Embassy of the People's Republic of China
        # in the United States of America"); other names stay short.
        limit = 14 if _ORG_WORD.search(cleaned) else 6
        return cleaned if 1 <= len(words) <= limit and cleaned[:1].isupper() else None

    kept_idx = [i for i, u in enumerate(units) if u.kept and u.prose]
    attached = set(range(kept_idx[-1] + 1, kept_idx[-1] + 4)) if kept_idx else set()
    found: str | None = None
    how = "explicit"
    head_end = _head_limit(units)
    for kind in ("licence", "dateline", "labelled", "head", "copyright"):
        if kind == "head":  # the site's name atop the page, when it is a known publisher
            if found is None:
                found, how = _head_publisher(texts[:8]), "inferred"
            continue
        if kind == "labelled":  # "From:" / "Source: Xinhua" in the page head
            if found is None:
                found, issuer = _labelled_publisher(texts[:head_end + 1], resolve)
                # "From:" / "Issued by:" name who issued the page; "Source:" may credit
                # the data, a photo or a wire: only the first kind beats the site's name
                how = "labelled" if found and issuer else how
            continue
        for i, text in enumerate(texts):
            if kind == "dateline" and i not in kept_idx[:3]:
                continue  # a dateline opens the article, not a related story below it
            for pattern in pubs.patterns.get(kind, ()):
                m = pattern.search(text)
                if not m:
                    continue
                name = resolve(m["name"])
                # A copyright year right after the article dates it (a syndication line);
                # a site footer's year is only the year the page was saved.
                if (kind == "copyright" and i in attached and m["year"] and year is None
                        and (found is None or name == found)):
                    year = m["year"]
                if name and found is None:
                    found, how = name, (kind if kind in ("dateline", "licence") else "explicit")
    if found:
        return found, year, how
    head_org = _head_institution(texts[:3])
    if head_org:  # "Federal Foreign Office" atop a ministry's page, not in the table
        return head_org, year, "inferred"
    tail_lines = [u.text for u in units[kept_idx[-1]:kept_idx[-1] + 4]] if kept_idx else []
    for text in tail_lines:  # "... this position. Bloomberg" / a lone "REUTERS" line
        for pattern in pubs.patterns.get("credit", ()):
            m = pattern.search(text)
            if m and pubs.canonical(m["name"]):
                return pubs.canonical(m["name"]), year, "explicit"
    for text in texts:
        sig = pubs.signatures.get(name_key(text))
        if sig:
            return sig, year, "inferred"
    for _, unit in _body_units(units):
        if unit.kept or unit.words > 8:
            continue
        for pattern in pubs.patterns.get("masthead", ()):
            m = pattern.search(unit.text)
            name = resolve(m["name"]) if m else None
            if name:
                return name, year, "inferred"
    return None, year, "inferred"


_DOMAIN_NAME = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}", re.IGNORECASE)


def _words(name: str) -> set[str]:
    return {w for w in re.split(r"[\W_]+", name.lower()) if len(w) > 2}


def _stated_origin(name: str | None) -> bool:
    """A name a syndication or "From:" line gives that is a publisher: a known one or an
    institution's ("originally published in German" names a language, not a source)."""
    if not name:
        return False
    return publishers().canonical(name) is not None or _HEAD_ORG.search(name) is not None


_ORG_WORD = re.compile(r"\b(?:Embassy|Ministry|Office|Council|Institute|Agency|Government|"
                      r"Department|Commission|Organi[sz]ation|Service|Centre|Center)\b")
_SITE_SPLIT = re.compile(r"\s*(?::|\||·|•|\s-\s|–|—)\s*")


def _head_publisher(lines: list[str]) -> str | None:
    """A known publisher named by one of the page's first lines ("Yonhap News Agency",
    "38 North: Informed Analysis of North Korea", "Office of the President" above
    "Republic of Korea")."""
    pubs = publishers()
    for i, line in enumerate(lines):
        candidates = [line, _SITE_SPLIT.split(line, maxsplit=1)[0]]
        if i + 1 < len(lines):
            candidates += [f"{line}, {lines[i + 1]}", f"{line} {lines[i + 1]}"]
        for candidate in candidates:
            known = pubs.canonical(candidate) if len(candidate.split()) <= 16 else None
            if known:
                return known
    return None


_ISSUER_LABEL = re.compile(r"^\s*(?:from|issued by|published by|released by)\s*:",
                           re.IGNORECASE)


def _labelled_publisher(lines: list[str], resolve: Callable[[str], str | None]
                        ) -> tuple[str | None, bool]:
    """The publisher a labelled head line names ("From:" then "Ministry of X" on the next
    line, "Source: Xinhua"), and whether the label names the issuer ("From:", "Issued
    by:") rather than a source."""
    for i, line in enumerate(lines):
        text = line
        if line.rstrip().endswith(":") and len(line.split()) <= 2 and i + 1 < len(lines):
            text = f"{line.rstrip()} {lines[i + 1]}"  # the value on the next line
        for pattern in publishers().patterns.get("labelled", ()):
            m = pattern.match(text)
            name = resolve(m["name"]) if m else None
            if name:
                return name, _ISSUER_LABEL.match(text) is not None
    return None, False


_HEAD_ORG = re.compile(r"\b(?:Ministry|Office|Embassy|Government|Council|Department|"
                       r"Presidency|Chancellery|Commission|Parliament|Cabinet|Mission|"
                       r"Secretariat|Institute|Centre|Center|Foundation|Agency|Staff|Command|"
                       r"Headquarters|Directorate|Bureau|Administration|Service)\b")


def _head_institution(lines: list[str]) -> str | None:
    """An institution's name as the first line of its own page ("Federal Foreign Office",
    "Ministry of Defence of Ruritania"): Title Case, short, no sentence."""
    for line in lines:
        words = line.split()
        if (2 <= len(words) <= 12 and _HEAD_ORG.search(line) and not is_prose(line)
                and all(w[:1].isupper() or w in ("of", "the", "for", "and", "on", "in", "&")
                        for w in words)):
            return line.strip()
    return None


_FOOTER_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?"
                          r"((?:19|20)\d{2})", re.IGNORECASE)


def _footer_year(units: list[Unit]) -> str | None:
    """The last year a copyright line names (the year the page was saved)."""
    years = [m.group(1) for u in units[-40:] for m in [_FOOTER_YEAR.search(u.text)] if m]
    return years[-1] if years else None


def _host_publisher(address: str | None) -> str | None:
    """A known publisher named by a web address ("https://www.nato.int/cps/…" -> NATO)."""
    if not address:
        return None
    host = (urlsplit(address).hostname if "//" in address else address) or ""
    host = host.lower().removeprefix("www.")
    parts = host.split(".")
    for i in range(len(parts) - 1):  # "en.yna.co.kr", "yna.co.kr" (never "co.kr" alone)
        suffix = ".".join(parts[i:])
        if i > 0 and len(parts) - i == 2 and len(parts[i]) <= 3:
            break
        known = publishers().canonical(suffix)
        if known:
            return known
    return None


def site_publisher(name: str | None) -> str | None:
    """A publisher named by a site name or title tail, as the library shows it."""
    if not name or not name.strip():
        return None
    head = _SITE_SPLIT.split(name.strip(), maxsplit=1)[0]  # "38 North: Informed Analysis…"
    return publishers().canonical(name) or publishers().canonical(head) or head


# --- dates, language, url ----------------------------------------------------

def _published(units: list[Unit]) -> str | None:
    """The article's own date line; "published" beats plain beats "updated"; earliest wins.

    Date lines around the article's opening (where a dateline sits) are preferred to
    ones elsewhere on the page (a sidebar of other stories, a footer).
    """
    rank = {"published": 0, "plain": 1, "updated": 2}
    first = next((i for i, u in enumerate(units) if u.kept and u.prose), 0)
    near: list[tuple[int, str]] = []
    far: list[tuple[int, str]] = []
    for i, unit in _body_units(units):
        if unit.words > 20:
            continue
        hit = date_line(unit.text)
        found = (rank[hit[1]], hit[0]) if hit else None
        if found is None:
            date = _byline(unit.text)[1]
            found = (rank["plain"], date) if date else None
        if found:
            (near if first - 12 <= i <= first + 3 else far).append(found)
    best = near or far
    return min(best)[1] if best else None


def _url(units: list[Unit]) -> str | None:
    edges = units[:10] + units[-10:]
    for unit in edges:
        m = _URL_LINE.match(unit.text)
        if m:
            return m.group(1).rstrip(".,)")
    return None


# --- authors -----------------------------------------------------------------

def _authors(units: list[Unit]) -> tuple[list[str], str]:
    """Authors from a "By" byline ("explicit"), else author lines above the date ("inferred")."""
    body = _body_units(units)
    for _, unit in body:
        if unit.words <= 16:
            found = _byline(unit.text)[0]
            if found:
                return list(found), "explicit"
    for pos, (_, unit) in enumerate(body):  # "Drew Thompson" just above "15 November 2024"
        if pos > 0 and unit.words <= 12 and date_line(unit.text):
            names: list[str] = []  # one author line each, just above the date
            for _, line in reversed(body[max(0, pos - 6):pos]):
                text = line.text.strip()
                line_names = _author_names(text)
                if not line_names and is_job_title_line(text):
                    continue  # "Senior OSINT editor" under the author's name
                if not line_names or line.words > 16:
                    break
                names[:0] = [strip_honorifics(n) for n in line_names]
            if names:
                return names, "inferred"
    return [], "inferred"


def _hint_authors(names: list[str], publisher: str | None) -> list[str]:
    """Author names a format states, without a site name or a job ("The Economist",
    "High Representative") that an author field sometimes holds."""
    jobs = _job_words()
    out = []
    for name in names:
        name = strip_honorifics(" ".join(name.split()))
        if (not name or len(name.split()) < 2 or publishers().canonical(name)
                or (publisher and name_key(name) == name_key(publisher))
                or any(w.lower().strip(".,") in jobs for w in name.split())):
            continue
        out.append(name)
    return out


@lru_cache(maxsize=1)
def _turn() -> re.Pattern[str]:
    return re.compile(metadata_cues()["kind"]["turn"])


def is_turn(text: str) -> bool:
    """A transcript turn: a paragraph opened by a speaker label ("Q:", "MR. KIRBY:")."""
    return _turn().match(text) is not None


def turn_label(text: str) -> str | None:
    """The speaker label of a transcript turn, lower case ("mr. kirby"), or None."""
    m = _turn().match(text)
    return m[0].rstrip(": ").lower() if m else None


def article_kind(units: list[Unit], title: str, news: bool) -> str | None:
    """news, transcript, statement or social when the page's structure makes it clear."""
    cues = metadata_cues()["kind"]
    labels = [_turn().match(u.text)[0].rstrip(": ").lower()  # type: ignore[index]
              for u in units if u.kept and is_turn(u.text)]
    repeated = {lab for lab in labels if labels.count(lab) >= 2}
    if len(labels) >= int(cues["min_turns"]) and repeated:
        return "transcript"
    low = title.lower()
    if any(re.search(rf"\b{re.escape(w)}\b", low) for w in cues["social_title"]):
        return "social"
    if any(re.search(rf"\b{re.escape(w)}\b", low) for w in cues["statement_title"]):
        return "statement"
    return "news" if news else None


def extract_metadata(units: list[Unit], cleaned: str, hints: DocumentHints,
                     filename: str = "") -> ArticleMetadata:
    """Everything the library records about an article, from hints first, then the page.

    `provenance` says for each field how it was found: "structured" (the format's own
    metadata: HTML meta, JSON-LD, front matter, DOCX properties), "explicit" (a line of the
    page that says it: "By …", "Published …", a dateline, a copyright line, the headline
    above the byline) or "inferred" (guessed: the first sentence as title, an author line
    without "By", a site name atop the page, a copyright year as date).
    """
    prov: dict[str, str] = {}
    hint_publisher = site_publisher(hints.publisher)
    if hint_publisher and _DOMAIN_NAME.fullmatch(hint_publisher):
        # a site named by its address ("English.news.cn"): the publisher behind it, if known
        hint_publisher = _host_publisher(hint_publisher.lower()) or hint_publisher
    if hint_publisher and publishers().canonical(hint_publisher) is None:
        # a site-name string the table does not know ("Kyodo_English") on the address of a
        # known publisher it names ("Kyodo News"); a blog's own name on its platform's
        # address ("Channel Watch" on substack.com) stays
        host = _host_publisher(hints.url) or _host_publisher(hints.site_host)
        if host and _words(host) & _words(hint_publisher):
            hint_publisher = host
    title_hint, title_site = _title_site(hints.title, hint_publisher)
    anchored = _title_by_anchor(units)

    authors = _hint_authors(hints.authors, hint_publisher)
    if authors:
        prov["authors"] = "structured"
        page_authors, page_how = _authors(units)
        if (page_how == "explicit" and len(page_authors) > len(authors)
                and {name_key(a) for a in authors} <= {name_key(a) for a in page_authors}):
            authors, prov["authors"] = page_authors, "explicit"  # meta named only the first
    else:
        authors, how_authors = _authors(units)
        if authors:
            prov["authors"] = how_authors
        elif anchored:
            title_at, _, anchor = anchored
            # author lines between headline and date, else just under the date
            authors = (_authors_between(units, title_at, anchor) if title_at < anchor else [])
            if not authors and title_at < anchor and not units[anchor].text.lower().startswith(
                    "by "):
                authors = _authors_between(units, anchor, min(anchor + 4, _head_limit(units)))
            if authors:
                prov["authors"] = "inferred"

    publisher, year, how = _publisher_and_year(units, authors)
    # the page says whose article it is ("From: Foreign, Commonwealth & Development
    # Office", "From The Economist, published under licence"): that beats the name of the
    # site carrying it (a portal such as GOV.UK, a syndicating paper)
    stated = how in ("licence", "labelled") and _stated_origin(publisher)
    if how in ("licence", "labelled"):
        how = "explicit"
    if hint_publisher and not stated:
        publisher, how = hint_publisher, "structured"
    elif title_site and not stated and (publisher is None or how == "inferred"):
        publisher, how = title_site, "structured"
    elif publisher is None:  # the site's own address: a link host, the page's URL
        for address in (hints.site_host, hints.url, _url(units)):
            known = _host_publisher(address)
            if known:
                publisher, how = known, "inferred"
                break
    if publisher:
        prov["publisher"] = "explicit" if how == "dateline" else how

    title = title_hint
    prov["title"] = "structured"
    if title and title_site is None:  # "Headline | Some Site": the page's own headline line
        title = headline_in(title, units) or title
    if title is None:
        title = anchored[1] if anchored else _title_from_units(units)
        prov["title"] = "explicit"
    if title is None:
        title = infer_title(cleaned, filename)
        prov["title"] = "inferred"

    published = hints.published
    prov_date = "structured"
    if not published:
        published, prov_date = _published(units), "explicit"
    if not published and prov["title"] != "inferred":
        in_title = find_dates(title)  # "…Regular Press Conference on January 13, 2025"
        if len(in_title) == 1:
            published, prov_date = in_title[0].value, "inferred"
    if not published:
        stamp = next((yearless_date(u.text) for u in units[:_head_limit(units) + 1]
                      if yearless_date(u.text)), None)
        # "March 2, 14:35 UTC+3" atop a page whose copyright runs to 2025: 2025-03-02 (a
        # site leaves the year out of this year's stamps; its footer says which year)
        stamp_year = year or _footer_year(units)
        if stamp and stamp_year:
            published, prov_date = f"{stamp_year}-{stamp[0]:02d}-{stamp[1]:02d}", "inferred"
        elif year:
            published, prov_date = year, "inferred"
    if published:
        prov["published"] = prov_date

    language = hints.language
    if language:
        prov["language"] = "structured"
    else:
        language = detect_language(cleaned)
        if language:
            prov["language"] = "inferred"
    url = hints.url
    if url:
        prov["source_url"] = "structured"
    else:
        url = _url(units)
        if url:
            prov["source_url"] = "explicit"
    kind = article_kind(units, title, news=how == "dateline")
    if kind in ("transcript", "statement") and prov.get("authors") == "inferred":
        authors = []  # the speaker's name and job under a transcript's title: not an author
        del prov["authors"]
    if kind:
        prov["kind"] = "inferred"
    return ArticleMetadata(
        title=title, title_inferred=prov["title"] == "inferred", publisher=publisher,
        authors=authors, published=published, language=language, url=url,
        provenance=prov, kind=kind)
