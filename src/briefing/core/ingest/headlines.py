"""Which line of a page is its headline, and the author lines around it.

The cleaner's units are searched for the headline by its shape and its neighbours: above
a byline or a date line, over a standfirst or a subtitle, under a masthead or a section
label, never a navigation line, a series code or a date. Split from metadata.py, which
reads the other fields.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.core.ingest.bylines import (
    TITLE_SEP,
    author_line,
    author_names,
    body_units,
    byline,
    desk_line,
    head_limit,
    is_job_title_line,
    job_line_name,
    names_line,
    strip_honorifics,
)
from briefing.core.ingest.clean import Unit, word_count
from briefing.core.ingest.cues import metadata_cues, publishers
from briefing.core.ingest.dates import (
    date_line,
    find_dates,
    relative_date,
    strict_date_line,
    yearless_date,
)
from briefing.core.ingest.kickers import menu_item_again, menu_line, section_label
from briefing.core.ingest.page_dates import labelled_numeric_line
from briefing.core.ingest.publisher import (
    event_named,
    institution_line,
    issuer_line,
    office_line,
    section_label_line,
    site_name_line,
    sub_unit_line,
)
from briefing.core.ingest.title_site import (
    MD_HEADING,
    institution_start,
    strip_title_tags,
)
from briefing.core.institutions import any_institution

_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af]")


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


@lru_cache(maxsize=1)
def _never_title() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in metadata_cues()["title"].get("never", []))

@lru_cache(maxsize=1)
def issue_line() -> re.Pattern[str]:
    return re.compile(metadata_cues()["title"]["issue_line"])


_DATES_OUT = re.compile(r"\d")

_NOT_HEADLINE = {"advert", "image_credit", "navigation", "share", "subscription", "cookie",
                 "copyright", "banner", "credits", "comments"}


def _headline_shape(text: str) -> bool:
    """Title-shaped; a headline may name a date ("…Press Conference on January 13, 2025",
    "Russian Offensive Campaign Assessment, December 21, 2024"), a date line may not."""
    return _title_shape(text) or (word_count(text) >= 4 and not strict_date_line(text)
                                  and _title_shape(_undated(text)))


def _undated(text: str) -> str:
    """The line without its dates and the punctuation left around them."""
    for found in sorted(find_dates(text), key=lambda f: f.start, reverse=True):
        text = (text[:found.start].rstrip(" ,;:–—-") + " " + text[found.end:]).strip()
    return _DATES_OUT.sub("", text).strip(" ,;:–—-")


def _headline(unit: Unit, before: Unit | None = None) -> str | None:
    """The unit's text if it can be a headline (see title_by_anchor); not the value of a
    label line above it ("From:" then the department's name)."""
    if unit.dropped in _NOT_HEADLINE:
        return None
    if before is not None and before.words <= 3 and before.text.rstrip().endswith(":"):
        return None
    line = MD_HEADING.sub("", unit.text).strip()
    # the page's own headline keeps a type label it carries ("Transcript: Press briefing
    # of …"); other tags a site adds go ("(LEAD) …")
    text = line if TYPE_LABEL.match(line) and (
        strip_title_tags(line) == line.split(":", 1)[1].strip()) else strip_title_tags(line)
    if yearless_date(text) or relative_date(text) is not None or menu_line(text):
        return None
    if (word_count(text) < int(metadata_cues()["title"]["min_words"])  # "Military & Defense"
            or not _headline_shape(text)):
        return None
    if (_author_line(text) or byline(text)[0] or is_job_title_line(text) or desk_line(text)
            or names_line(text) or office_line(text) or issuer_line(text)
            # "Government of the Netherlands" over its date; not "Department Press
            # Briefing on …", Title Case as a name is
            or (institution_line(text) and not event_named(text))
            or any(p.search(text) for p in _never_title()) or _bare_dateline(text)
            # a date beside the issuer's name ("January 10, 2025 · Ministry of …")
            or (find_dates(text) and institution_line(_undated(text)) and not event_named(text))):
        return None
    return text


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")

_LINK_WORDS = {"of", "for", "the", "and", "at", "in", "on", "a", "an", "to", "with", "from",
               "de", "du", "des", "la", "le", "von", "van", "der", "den", "bin", "al"}


def _author_line(text: str) -> bool:
    """A line naming a person ("Justin McCurry in Tokyo", "Jane Doe, Senior Fellow"), not a
    headline whose first words look like a name ("President Lee, Chancellor Merz vow closer
    cooperation …", "What Is Pyongyang Getting for Its Soldiers? …", "Russian Offensive
    Campaign Assessment, December 21, 2024"): after an author's name come a place, an
    outlet, a job or a date, never a question or a clause of lower-case words."""
    name = author_line(text)
    if not name:
        return False
    rest = text.strip()[len(name):]
    if re.search(r"[?!]", rest):
        return False
    if len(name.split()) >= 4 and strict_date_line(rest.strip(" ,;|–—-")):
        return False  # a four-word "name" and a date: a headline with its date
    lower = [w for w in _LOWER_WORD.findall(rest) if w not in _LINK_WORDS]
    return len(lower) < 3


_CONTINUED = re.compile(r"^(?:by|of|on|at|with|from|to|for|after|ahead of)\s")


def _bare_dateline(text: str) -> bool:
    """A wire dateline with nothing after it ("Pyongyang, November 2 (KCNA) --"): it opens
    the article's first paragraph, it is never the headline."""
    for pattern in publishers().patterns.get("dateline", ()):
        m = pattern.search(text)
        if m and not text[m.end():].strip(" -–—.:"):
            return True
    return False


def title_by_anchor(units: list[Unit]) -> tuple[int, str, int] | None:
    """(index, headline, anchor index): the headline next to the page's byline or date line.

    Across layouts the headline sits just above "By A and B" or the date line (a
    standfirst, an author line or a job title may come between), or, on some sites,
    just below the date. Navigation, section labels and banners are never taken.
    """
    limit = head_limit(units)
    strict = [i for i in range(limit) if units[i].words <= 20
              and (strict_date_line(units[i].text) or byline(units[i].text)[0]
                   or yearless_date(units[i].text) or relative_date(units[i].text) is not None)]
    # a date among labelled segments ("Briefing – January 7, 2025") anchors only when
    # the page has no line that is just a date or a byline: it may be the headline
    anchors = strict or [i for i in range(limit) if units[i].words <= 20
                         and date_line(units[i].text)]
    for anchor in anchors[:2]:
        below = _below(units, anchor, limit)
        if below is not None and issue_line().search(units[anchor].text):
            return below  # a series' name over its issue line, the paper's title under it
        for i in range(anchor - 1, max(-1, anchor - 7), -1):
            words = {w.lower() for w in units[i].text.split()} if i == 0 else set()
            if below is not None and (section_label(units[i].text)
                                      or units[i].dropped == "navigation"
                                      or _BREADCRUMB.search(units[i].text)
                                      # the site's name atop the page ("The Harbour Courier")
                                      or (len(words) <= 4 and words & set(metadata_cues()[
                                          "masthead"]["publication_words"]))):
                # "Політика" / date / headline, "Головна / Новини" / date / headline: over
                # the date a rubric or breadcrumb, the headline is under it
                return below
            head = MD_HEADING.sub("", units[i - 1].text).strip() if i > 0 else ""
            split = _split_title_head(head)
            title = _headline(units[i], None if split or i == 0 else units[i - 1])
            if title and split:  # "Arms for Rations:" / "The Economics of …": one title
                return i - 1, f"{head} {title}", anchor
            if title:
                # a standfirst without a full stop under the headline: the longer line
                upper = _headline(units[i - 1], units[i - 2] if i > 1 else None) if i > 0 else None
                # ("KOREA JoongAng DAILY | MORNING BRIEF" above is a masthead, not a headline)
                if (upper and len(title.split()) >= 8 and " | " not in upper
                        and 3 <= len(upper.split()) < len(title.split())
                        and not _masthead_above(upper, title)
                        and not menu_item_again(units, i - 1)
                        # "War in Ukraine" over a sentence-case headline: a kicker
                        and (len(upper.split()) > 3 or _title_case(title))):
                    return i - 1, upper, anchor
                if upper and (_headline_over_standfirst(upper, title)
                              or _title_over_subtitle(upper, title)):
                    return i - 1, upper, anchor
                if (_CONTINUED.match(title) and head and len(head.split()) <= 5
                        and not head.endswith((".", ":", "?", "!"))):
                    # "Doorstep statement" / "by NATO Secretary General Mark Rutte ahead of
                    # …": one headline set on two lines
                    return i - 1, f"{head} {title}", anchor
                return i, title, anchor
        if not strict:  # "Department Press Briefing – November 4, 2024": the anchor itself
            title = _headline(units[anchor], units[anchor - 1] if anchor > 0 else None)
            if title:
                return anchor, title, anchor
        if below is not None:
            return below
    return None


# a breadcrumb trail ("Home / Newsroom / Press Statements", "Start / Press releases")
_BREADCRUMB = re.compile(r"^[^/>›»|]{2,30}(?:\s[/>›»]\s[^/>›»|]{2,40})+$")

_ISSUE11_SCRIPTS = re.compile(r"[\u0400-\u04ff\u3400-\u9fff\uac00-\ud7af]")


def _split_title_head(head: str) -> bool:
    """The first line of a title set on two lines, ending with its colon ("Arms for
    Rations:"): three to eight words, not a label ("Issued by:"), a type tag
    ("Transcript:") or a site's or institution's name."""
    bare = head[:-1].strip()
    return (head.endswith(":") and len(head.split()) <= 8 and _title_shape(bare)
            and not TYPE_LABEL.match(head + " ") and publishers().canonical(bare) is None
            and not institution_line(bare))


def _title_over_subtitle(upper: str, lower: str) -> bool:
    """A Title Case title over its sentence-case subtitle ("Arms for Rations: The Economics
    of …" over "What the trade in shells tells us about …"). A kicker over a headline is
    short ("War in Ukraine"): the title has five words or more."""
    return (len(upper.split()) >= 5 and _title_case(upper) and not _title_case(lower)
            and " | " not in upper and not _masthead_above(upper, lower))


def _headline_over_standfirst(upper: str, lower: str) -> bool:
    """Two heading-like lines stacked above the date or byline in Cyrillic, Hangul or Han
    ("Чем грозит переброска войск КНДР?" over "Эксперт оценил заявления Сеула", "韩国国情院称…"
    over "乌方称…"): the page's headline comes first, its subtitle (standfirst) under it,
    whichever is longer. Not when the upper line is a rubric, a masthead or a site's name."""
    if not (_ISSUE11_SCRIPTS.search(upper) and _ISSUE11_SCRIPTS.search(lower)):
        return False
    long_enough = (len(upper) >= 8 if _CJK.search(upper) and len(upper.split()) <= 3
                   else len(upper.split()) >= 3)
    return (long_enough and " | " not in upper and not section_label(upper)
            and not menu_line(upper) and not _masthead_above(upper, lower)
            and publishers().canonical(upper) is None)


def _below(units: list[Unit], anchor: int, limit: int) -> tuple[int, str, int] | None:
    """The headline under a date line (within three lines), if any."""
    for i in range(anchor + 1, min(limit, anchor + 4)):
        title = _headline(units[i], units[i - 1])
        if title:
            return i, title, anchor
    return None


def authors_between(units: list[Unit], start: int, end: int) -> list[str]:
    """Author lines without "By" between the headline and the date line ("Rachel Minsky",
    "Dr Helen Marsh, Senior Research Fellow, …"), honorifics off; job lines alone skipped,
    and so is a name over an office's ("Minister of Foreign Affairs"): the minister
    issuing a release, not its writer."""
    names: list[str] = []
    for k, unit in enumerate(units[start + 1:end], start + 1):
        text = unit.text.strip()
        if k + 1 < len(units) and office_line(units[k + 1].text):
            continue  # "Hon Winston Peters" over "Minister of Foreign Affairs": who speaks
        found = [] if (is_job_title_line(text) and not job_line_name(text)) else (
            author_names(text))
        if found and (unit.words <= 16 or job_line_name(text)):  # a long job: an affiliation
            for name in found:
                name = strip_honorifics(name)
                if name not in names:
                    names.append(name)
    return names


def _institution_name(text: str) -> bool:
    """A line that is only an institution's name ("Ministry of Foreign Affairs", "Office of
    the Prime Minister"): the body issuing the page, under or over its headline, never the
    headline itself."""
    words = text.split()
    return (len(words) <= 8 and institution_start().match(text) is not None
            and len(words) >= 3 and words[1 if words[0] != "The" else 2] in ("of", "for")
            and all(w[:1].isupper() or w in ("of", "for", "the", "and", "&") for w in words))


def _title_case(text: str) -> bool:
    """Most longer words capitalised: a headline's case, not a standfirst's (a sentence)."""
    words = [w for w in text.split() if len(w) >= 4 and w[:1].isalpha()]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _masthead_above(upper: str, lower: str) -> bool:
    """A site's name above a Title Case headline ("The Harbour Courier" over "Allies Pledge
    New Air Defence Systems …"), not a headline above its standfirst: a standfirst is a
    sentence, and a name line never is."""
    parts = TITLE_SEP.split(upper)  # "France Diplomacy - Ministry for Europe and …"
    if len(parts) > 1 and any(institution_line(p) or publishers().canonical(p) for p in parts):
        return True
    return (publishers().canonical(upper) is not None or section_label_line(upper)
            or sub_unit_line(upper)  # "Press and Information Department"
            or institution_line(upper)  # "Minister for Foreign Affairs of Australia"
            or (site_name_line(upper) and (any_institution().search(upper) is not None
                                           or _title_case(lower))))


def title_from_units(units: list[Unit]) -> str | None:
    cues = metadata_cues()["title"]
    code = re.compile(cues["code_prefix"])
    body = body_units(units)
    first_prose = next((i for i, u in body if u.kept and u.prose), len(units))
    for i, unit in body:  # "CO24175 | Title": a series code names the title line
        if i >= first_prose:
            break
        text = MD_HEADING.sub("", unit.text)
        if code.match(text) and _title_shape(code.sub("", text)):
            return code.sub("", text).strip()
    candidates: list[str] = []  # title-shaped lines above the article's opening, nearest first
    for i in range(first_prose - 1, max(-1, first_prose - 10), -1):
        unit = units[i]
        text = MD_HEADING.sub("", unit.text).strip()
        if unit.dropped == "navigation" and candidates:
            break  # a menu between two lines: the upper one is the site's, not the story's
        if (unit.dropped in ("advert", "image_credit", "navigation", "share", "subscription",
                             "cookie", "copyright")
                or date_line(text) or byline(text)[0] or labelled_numeric_line(text)):
            continue
        if (_author_line(text) or word_count(text) < 3 or is_job_title_line(text)
                or names_line(text) or any(p.search(text) for p in _never_title())
                or _institution_name(text) or (institution_line(text) and not event_named(text))):
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
        if (len(lower.split()) >= 8 and 4 <= len(upper.split()) < len(lower.split())
                and " | " not in upper  # "Asia | Russia-Ukraine war": a section trail
                and not _masthead_above(upper, lower)):
            return upper
    if candidates:
        return candidates[0]
    # a transcript's title too long for a headline's shape over its first turn ("Press
    # Conference by H.E. Mr. …, Minister of …, with …, 14 January 2025, Ankara"): no sentence
    if first_prose + 1 < len(units):
        text = MD_HEADING.sub("", units[first_prose].text).strip()
        if (event_named(text) and is_turn(units[first_prose + 1].text) and not is_turn(text)
                and word_count(text) <= 45 and not text.endswith((".", "?", "!", '"', "”"))
                and not re.search(r"[a-z]{3}\.\s+[A-Z]", text)):
            return text
    # A headline that is a question ("Why is Kim sending troops?") heads the body itself.
    kept = [u for _, u in body if u.kept]
    if (len(kept) >= 2 and kept[0].prose and kept[1].prose and kept[0].words <= 16
            and kept[0].text.endswith(("?", "!")) and _title_shape(kept[0].text)
            and not any(p.search(kept[0].text) for p in _never_title())  # "QUESTION: …?"
            and kept[0].words < kept[1].words):
        return MD_HEADING.sub("", kept[0].text).strip()
    return None


# A type label before a headline ("Transcript: …", "Opinion: …").
TYPE_LABEL = re.compile(r"^[A-Z][a-z]+(?: [a-z]+)?:\s")


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
