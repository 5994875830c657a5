"""Who wrote an article: person names, bylines ("By A and B"), author and job-title
lines without "By", and the page units they sit among (where the page head ends).

Read by briefing.core.ingest.metadata; cues in resources/cleaning/metadata.toml [byline].
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.core.ingest.clean import Unit
from briefing.core.ingest.cues import metadata_cues, name_key, publishers
from briefing.core.ingest.dates import date_line, find_dates
from briefing.core.institutions import any_institution

FURNITURE_REASONS = {"tail", "duplicate"}

_PARTICLES = {"de", "van", "von", "der", "den", "bin", "binti", "al", "el", "la", "le", "da",
              "di", "du", "dos", "del", "ter", "ten", "st", "mc", "o"}


def body_units(units: list[Unit]) -> list[tuple[int, Unit]]:
    """Units that belong to this article's page (not related articles or a repeat)."""
    return [(i, u) for i, u in enumerate(units) if u.dropped not in FURNITURE_REASONS]


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
                      r"writing|graphics|photos?|(?:abridged |english )?translation|"
                      r"translated) by\b.*$", re.IGNORECASE)

_PLACE = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w .'-]*$")


def _split_names(text: str) -> list[str]:
    """Names of a byline: "Jane Doe in Seoul and JOHN ROE, Associated Press; Editing by …"
    -> Jane Doe, John Roe (places, outlets and editors off)."""
    cues = metadata_cues()["byline"]
    parts = split_names(_EDITORS.sub("", text))
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

_SEGMENT = re.compile(r"\s+[|•·]\s+")

_SERIES_BY = re.compile(r"^[A-Z][\w'’&]*(?: [A-Z][\w'’&]*){0,3} by (.+)$")


@lru_cache(maxsize=65536)
def byline(text: str) -> tuple[tuple[str, ...], str | None]:
    """Authors (and a date, if the line has one) from "By Jane Doe and John Roe | March 3"."""
    cues = metadata_cues()["byline"]
    text = text.strip("*_ ")  # Markdown emphasis: "*By Lee Min-ho, March 2025*"
    low = text.lower()
    for prefix in sorted(cues["prefixes"], key=len, reverse=True):
        if low.startswith(prefix + " ") or (prefix.endswith(":") and low.startswith(prefix)):
            rest = text[len(prefix):].strip()
            break
    else:
        segments = _SEGMENT.split(text)
        if len(segments) > 1:  # "November 14, 2024 | By Rachel Kim and Thomas Berg"
            for segment in segments:
                bylined, date = byline(segment)
                if bylined:
                    stated = find_dates(text)
                    return bylined, date or (stated[0].value if stated else None)
        # "Posted on 7 February 2025 by Ilze Ozola": a date line, then its writer (who
        # last updated a page is not its writer)
        head, by, tail = text.rpartition(" by ")
        stamp = date_line(head) if by and len(head.split()) <= 8 else None
        if stamp and stamp[1] != "updated":
            named = byline(f"By {tail}")[0]
            if named:
                return named, stamp[0]
        # "Critical Questions by Victor Cha and Ellen Kim": a series label before "by"
        m = _SERIES_BY.match(text)
        if not m:
            return _pattern_byline(text)  # a language's own layout ("김민수 기자")
        rest = m.group(1)
        names = _split_names(re.split(r"\s*[|•·—–]\s*|\s+-\s+", rest)[0])
        if not names or len(rest.split()) > 3 * len(names) + 2:
            return (), None
        if any(_has_job_word(n) for n in names):
            return (), None  # "Press Conference by Foreign Minister IWAYA Takeshi": a title
    # a writer's place or job in brackets ("Pierre Lanvin (Seoul, special correspondent)
    # and Claire Dumas", "Hanna Virtanen (Senior Fellow)") is not part of a name
    rest = _BRACKETED.sub("", rest).strip(" *_")
    found = find_dates(rest)
    date = found[0].value if found else None
    if found:
        rest = rest[:found[0].start]
    rest = re.split(r"\s*[|•·—–]\s*|\s+-\s+", rest)[0]
    rest = _NEXT_SENTENCE.split(rest, maxsplit=1)[0]  # "… and B. Corrections: desk@…"
    return tuple(strip_honorifics(n) for n in _split_names(rest)), date  # "By Dr Jane Roe"


_NEXT_SENTENCE = re.compile(r"(?<=[a-z])\.\s+(?=[A-Z])")


_BRACKETED = re.compile(r"\s*\([^()]{1,60}\)")


def _pattern_byline(text: str) -> tuple[tuple[str, ...], str | None]:
    """A byline in a language's own layout ([byline] patterns: "김민수 기자",
    "Олена Коваленко — 5 листопада 2024"): names from group `names`, a date from `rest`."""
    for pattern in _byline_patterns():
        m = pattern.match(text.strip())
        if m:
            found = find_dates(m["rest"] or "")
            return tuple(split_names(m["names"])), found[0].value if found else None
    return (), None


@lru_cache(maxsize=1)
def _byline_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in metadata_cues()["byline"].get("patterns", []))


def desk_line(text: str) -> bool:
    """A desk or team credited as the author ("Militarnyi OSINT desk", "Reuters Graphics
    team"): furniture of the head, never a headline (metadata.toml [byline] desk)."""
    return _desk().match(text.strip()) is not None


@lru_cache(maxsize=1)
def _desk() -> re.Pattern[str]:
    return re.compile(metadata_cues()["byline"]["desk"])


def is_byline_or_date(text: str) -> bool:
    """A line that only says who wrote the article or when ("By Jane Doe | 3 March 2025")."""
    return bool(byline(text)[0]) or date_line(text) is not None


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
    """The person of a "Name, Job" line ("Dr Helen Marsh, Senior Research Fellow"), or of a
    paper's author line with no comma after the name ("Park Ji-hoon Research Fellow, Russia
    Team (jhpark@…)"), or None."""
    if "," not in text or len(text.split()) > 16:
        return None
    head, tail = text.split(",", 1)
    jobs = _job_words()
    words = head.split()
    for n in (2, 3):  # the name, then a job title opening with a job word
        if len(words) > n and words[n].lower() in jobs and words[n][:1].isupper():
            name = strip_honorifics(" ".join(words[:n]))
            if is_person_name(name) and not _has_job_word(name):
                return name
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

@lru_cache(maxsize=1)
def _separators() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in metadata_cues()["byline"]["separators"]))


def split_names(text: str) -> list[str]:
    """The parts of a list of names, split where [byline] separators join them ("A and B",
    "A, B & C"), stripped, empty parts dropped."""
    # "A, Senior Fellow, and B": the list's last comma keeps its "and"
    return [_AND.sub("", p.strip()) for p in _separators().split(text) if _AND.sub("", p.strip())]


def author_names(text: str) -> list[str]:
    """The people an author line without "By" names: one ("Justin McCurry in Tokyo",
    "Dr Helen Marsh, Senior Fellow") or a list of names, perhaps with the outlet last
    ("Dara Massicot, Bruce W. Bennett", "Martina Herzog and Andreas Stein, dpa"), or
    several with their jobs ("Jana Novak, Senior Research Fellow; Tomas Berg, Fellow")."""
    pairs = [job_line_name(part) for part in text.split("; ")]
    if len(pairs) >= 2 and all(pairs):
        return [name for name in pairs if name]
    name = job_line_name(text)
    if name:
        return [name]
    parts = split_names(text)
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


def head_limit(units: list[Unit]) -> int:
    """Where the page head ends: the first real paragraph (or 40 lines)."""
    for i, unit in enumerate(units[:40]):
        if unit.kept and unit.prose and unit.words >= 25:
            return i
    return min(len(units), 40)


def page_authors(units: list[Unit]) -> tuple[list[str], str]:
    """Authors from a "By" byline ("explicit"), else author lines above the date ("inferred")."""
    body = body_units(units)
    for pos, (_, unit) in enumerate(body):
        # a byline with each writer's job ("By A, Research Fellow for …, and B, Research
        # Analyst, …") runs longer than a plain one, but is never a sentence
        if unit.words <= 16 or (unit.words <= 32 and not unit.prose):
            found = byline(unit.text)[0]
            if found:
                return list(found) + _more_bylined(body[pos + 1:pos + 5]), "explicit"
    for pos, (_, unit) in enumerate(body):  # "Drew Thompson" just above "15 November 2024"
        if pos > 0 and unit.words <= 12 and date_line(unit.text):
            names: list[str] = []  # one author line each, just above the date
            for _, line in reversed(body[max(0, pos - 6):pos]):
                text = line.text.strip()
                line_names = author_names(text)
                if not line_names and is_job_title_line(text):
                    continue  # "Senior OSINT editor" under the author's name
                if not line_names or line.words > 16:
                    break
                names[:0] = [strip_honorifics(n) for n in line_names]
            if names:
                return names, "inferred"
    for _, unit in body[:40]:  # "Victor Cha and Ellen Kim | November 2024", "Nov 14, 2024 | Victor Cha",
        # "Chad O'Carroll — June 17, 2025, 7:58 p.m. KST"
        parts = _SEGMENT_SEP.split(unit.text.strip())
        if len(parts) == 2 and unit.words <= 16:
            for names_at in (0, 1):
                names = author_names(parts[names_at])
                if names and date_line(parts[1 - names_at]):
                    return [strip_honorifics(n) for n in names], "inferred"
    card = _signed_with_email(units)
    if card:
        return [card], "explicit"
    noted = [n for i in bio_units(units) for n in bio_names(units[i].text)]
    if noted:  # "Jane Roe is a senior fellow at …" above or under the article
        return list(dict.fromkeys(noted)), "explicit"
    # a platform's author card ended the article ("Written by Tomasz Wierzbicki", Medium):
    # the line that opened the tail names the writer
    first_tail = next((u for u in units if u.dropped == "tail"), None)
    if first_tail is not None and first_tail.words <= 8 and first_tail.text.lower().startswith(
            "written by "):
        found = byline(first_tail.text)[0]
        if found:
            return list(found), "explicit"
    return [], "inferred"


_AND = re.compile(r"^(?:and|&)\s+", re.IGNORECASE)
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


def _signed_with_email(units: list[Unit]) -> str | None:
    """The writer a news site's article ends with: a name on its own line over the
    writer's e-mail address ("Kang Seo-yeon" / "seoyeon@koreatimes.co.kr"), or a name and
    a writer's job under the last paragraph ("Kim Ji-eun, staff reporter")."""
    kept = [i for i, u in enumerate(units) if u.kept and u.prose]
    if not kept:
        return None
    tail = units[kept[-1] + 1:kept[-1] + 5]
    for line, below in zip(tail, tail[1:], strict=False):
        name = line.text.strip()
        if _EMAIL.match(below.text.strip()) and is_person_name(name):
            return name
    for line in tail[:2]:  # "Kim Ji-eun, staff reporter" under the last paragraph
        if line.dropped in FURNITURE_REASONS:
            break
        name, _, job = line.text.strip().partition(", ")
        words = job.lower().split()
        if (words and len(words) <= 4 and words[-1] in _WRITERS
                and all(w in _job_words() or w in _WRITERS for w in words)
                and is_person_name(name) and not _has_job_word(name)):
            return name
    return None


# the last word of a writer's sign-off ("Kim Ji-eun, staff reporter")
_WRITERS = frozenset({"reporter", "correspondent", "writer", "editor", "columnist",
                      "journalist", "contributor"})
# "Name | date", "Name · date", "Name — date" (NK News): a name and a date in two segments
_SEGMENT_SEP = re.compile(r"\s+[|•·—–]\s+")


def _more_bylined(after: list[tuple[int, Unit]]) -> list[str]:
    """Writers a byline goes on to name on lines of their own, each perhaps under its job
    ("By Ellie Cook" / "Security & Defense Reporter" / "and Brendan Cole")."""
    names: list[str] = []
    for _, unit in after:
        text = unit.text.strip()
        if _AND.match(text) and unit.words <= 12:
            more = byline("By " + _AND.sub("", text))[0]
            if not more:
                break
            names += more
        elif not (is_job_title_line(text) or (unit.words <= 6 and _has_job_word(text))):
            break
    return names


_CREDIT_TAIL = re.compile(r"[\s(,;:-]+(?:sources?|via|additional reporting)\b.*$", re.IGNORECASE)


def hint_authors(names: list[str], publisher: str | None) -> list[str]:
    """Author names a format states, without a site name or a job ("The Economist",
    "High Representative") that an author field sometimes holds."""
    jobs = _job_words()
    # a ministry the page's metadata names as its creator ("DCTERMS.creator": "Ministerie
    # van Buitenlandse Zaken") issued the page; it is no writer
    body = any_institution()
    out = []
    for name in names:
        name = " ".join(name.split())
        credited = byline(name)[0] if " by " in name.lower() else ()
        if credited:  # "Story by A Abridged translation by B": an extractor's whole credit block
            out += [n for n in credited if n not in out]
            continue
        # "Hoang Anh Source Reuters": the writer, then the credit of the wires used
        name = strip_honorifics(_CREDIT_TAIL.sub("", name))
        if (not name or len(name.split()) < 2 or publishers().canonical(name)
                or body.search(name)
                or (publisher and name_key(name) == name_key(publisher))
                or any(w.lower().strip(".,") in jobs for w in name.split())
                or desk_line(name)):  # "Tracker team" in a front matter's author field
            continue
        out.append(name)
    return out


TITLE_SEP = re.compile(r"\s+[|–—>•·-]\s+|\s+::\s+|\s*_(?=[A-Z])")  # "Headline | Site"


def names_line(text: str) -> bool:
    """Writers without "By" ("Ann Park and Tom Kessler", "… | November 2024"): never a
    headline."""
    return len(author_names(TITLE_SEP.split(text)[0])) >= 2


_SENTENCE_END = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])")


@lru_cache(maxsize=1)
def _bio() -> re.Pattern[str]:
    return re.compile(metadata_cues()["byline"]["bio"])


def bio_names(text: str) -> list[str]:
    """The people an author's note names ("Jane Roe is a senior fellow at …. JOHN DOE is
    Professor of …"), or [] when the unit is not such a note: every sentence that opens
    with a name says that person's job; other sentences ("She previously worked at …")
    may follow one that does."""
    names: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        m = _bio().match(sentence)
        if m and is_person_name(m["name"]) and not _has_job_word(m["name"]):
            name = m["name"].title() if m["name"].isupper() else m["name"]
            if name not in names:
                names.append(name)
    return names


def bio_units(units: list[Unit]) -> list[int]:
    """Indexes of author's notes (bio_names) set above the article's first paragraph or
    below its last one, a dozen lines at most away: a note inside the article is its
    text (a profile of someone), never furniture."""
    notes = {i for i, u in enumerate(units) if u.words <= 60 and bio_names(u.text)}
    if not notes:
        return []
    long = [i for i, u in enumerate(units) if u.kept and u.prose and u.words >= 25
            and i not in notes]
    if not long:
        return []
    first, last = long[0], long[-1]
    return sorted(i for i in notes if first - 12 <= i < first or last < i <= last + 12)
