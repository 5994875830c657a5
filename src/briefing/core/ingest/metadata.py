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
from functools import lru_cache
from pathlib import Path

from briefing.core.ingest.clean import Unit, is_prose
from briefing.core.ingest.cues import metadata_cues, name_key, publishers
from briefing.core.ingest.dates import date_line, find_dates
from briefing.core.ingest.language import detect_language
from briefing.core.ingest.scripts import word_count
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
        if low in not_name:
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


def _split_names(text: str) -> list[str]:
    cues = metadata_cues()["byline"]
    parts = [text]
    for sep in cues["separators"]:
        parts = [piece for part in parts for piece in part.split(sep)]
    roles = set(cues["roles"])
    names = []
    for part in parts:
        words = part.strip().split()
        # "Jane Doe Senior Correspondent" -> "Jane Doe"
        while words and words[-1].lower().strip(".,") in roles:
            words.pop()
        name = " ".join(words)
        if is_person_name(name):
            names.append(name.title() if name.isupper() else name)  # "JANE DOE"
    return names


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
        return _pattern_byline(text)
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
    candidates = []  # title-shaped lines above the article's opening, nearest first
    for i in range(first_prose - 1, max(-1, first_prose - 10), -1):
        unit = units[i]
        text = _MD_HEADING.sub("", unit.text).strip()
        if unit.dropped == "navigation" and candidates:
            break  # a menu between two lines: the upper one is the site's, not the story's
        if unit.dropped in ("advert", "image_credit", "navigation", "share", "subscription",
                            "cookie", "copyright") or date_line(text) or _byline(text)[0]:
            continue
        if author_line(text) or word_count(text) < 3:
            continue
        if (unit.prose and not text.endswith(("?", "!"))) or len(candidates) == 2:
            break
        if unit.run > 6 and len(text.split()) < 5:  # a long menu: its items are short
            continue
        if not _title_shape(text):
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


def _hint_title(title: str | None, publisher: str | None) -> str | None:
    """The format's own title, without a " | Site name" tail."""
    if not title or not title.strip():
        return None
    title = " ".join(title.split())
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1:
        tail = parts[-1]
        if publishers().canonical(tail) or (publisher and name_key(tail) == name_key(publisher)):
            title = title[: title.rfind(tail)].rstrip(" |–—-")
    return title if len(title.split()) >= 2 else None


# --- publisher ---------------------------------------------------------------

def _publisher_and_year(units: list[Unit],
                        authors: list[str]) -> tuple[str | None, str | None]:
    """The publisher named by the page (and a copyright year, if one was stated)."""
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
        if name_key(cleaned) in author_keys:  # "© 2025 Ann Smith": a blogger's own copyright
            return None
        return cleaned if 1 <= len(words) <= 6 and cleaned[:1].isupper() else None

    kept_idx = [i for i, u in enumerate(units) if u.kept and u.prose]
    attached = set(range(kept_idx[-1] + 1, kept_idx[-1] + 4)) if kept_idx else set()
    found: str | None = None
    for kind in ("licence", "dateline", "copyright"):
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
                    found = name
    if found:
        return found, year
    tail_lines = [u.text for u in units[kept_idx[-1]:kept_idx[-1] + 4]] if kept_idx else []
    for text in tail_lines:  # "... this position. Bloomberg" / a lone "REUTERS" line
        for pattern in pubs.patterns.get("credit", ()):
            m = pattern.search(text)
            if m and pubs.canonical(m["name"]):
                return pubs.canonical(m["name"]), year
    for text in texts:
        sig = pubs.signatures.get(name_key(text))
        if sig:
            return sig, year
    for _, unit in _body_units(units):
        if unit.kept or unit.words > 8:
            continue
        for pattern in pubs.patterns.get("masthead", ()):
            m = pattern.search(unit.text)
            name = resolve(m["name"]) if m else None
            if name:
                return name, year
    return None, year


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

def _authors(units: list[Unit]) -> list[str]:
    body = _body_units(units)
    for _, unit in body:
        if unit.words <= 16:
            names = _byline(unit.text)[0]
            if names:
                return list(names)
    for pos, (_, unit) in enumerate(body):  # "Drew Thompson" just above "15 November 2024"
        if pos > 0 and unit.words <= 12 and date_line(unit.text):
            above = body[pos - 1][1].text
            name = author_line(above)
            if name:
                return [name]
    return []


def extract_metadata(units: list[Unit], cleaned: str, hints: DocumentHints,
                     filename: str = "") -> ArticleMetadata:
    """Everything the library records about an article, from hints first, then the page."""
    authors = [a for a in hints.authors if a.strip()] or _authors(units)
    publisher, year = _publisher_and_year(units, authors)
    if hints.publisher:
        publisher = publishers().canonical(hints.publisher) or hints.publisher.strip()
    title = _hint_title(hints.title, publisher) or _title_from_units(units)
    inferred = title is None
    if title is None:
        title = infer_title(cleaned, filename)
    published = hints.published or _published(units) or year
    return ArticleMetadata(
        title=title, title_inferred=inferred, publisher=publisher, authors=authors,
        published=published, language=hints.language or detect_language(cleaned),
        url=hints.url or _url(units))
