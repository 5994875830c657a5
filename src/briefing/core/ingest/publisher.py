"""Who published an article: licence, dateline, labelled, masthead and copyright lines,
site names and web addresses, resolved against resources/cleaning/publishers.toml.

Read by briefing.core.ingest.metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from briefing.core.ingest.bylines import (
    body_units,
    byline,
    head_limit,
    is_person_name,
    split_names,
    strip_honorifics,
)
from briefing.core.ingest.clean import Unit, is_prose
from briefing.core.ingest.cues import metadata_cues, name_key, publishers
from briefing.core.ingest.dates import strict_date_line
from briefing.core.ingest.kickers import cjk_masthead, menu_line, section_label
from briefing.core.ingest.types import DocumentHints
from briefing.core.institutions import (
    any_institution,
    country_less_office,
    government_country,
    office_name,
)

_SENTENCE_END = re.compile(r"(?:(?<=[a-zа-яёіїєґʼ'’]{2})|(?<=[a-zа-яёіїєґʼ'’][»\"”]))\.\s+"
                           r"(?=[A-ZА-ЯЁІЇЄҐ])")
# a rights sentence after the holder's name ("© 2024 RTVI. Все права защищены.", "… NHK.
# All rights reserved."): an acronym's period ends the name too
_RIGHTS_SENTENCE = re.compile(r"\.?\s+(?:все|усі|всі|all)\s+(?:права|rights)\s+(?:защищены|"
                              r"захищені|захищено|reserved)\b.*$", re.IGNORECASE)
# a company's legal form before its quoted name ("ООО «Невский вестник»", "ТОВ «…»", "АО «…»")
_LEGAL_QUOTED = re.compile(r"^(?:[A-ZА-ЯЁІЇЄҐ]{2,5}\s+)*«(?P<name>[^«»]{2,60})»$")
# the scripts of issue 11, whose sites' names the table may not know
_ISSUE11_NAME = re.compile(r"[\u0400-\u04ff\u3400-\u9fff\uac00-\ud7af]")


def publisher_and_year(units: list[Unit],
                        authors: list[str]) -> tuple[str | None, str | None, str]:
    """The publisher named by the page, a copyright year if one was stated, and how the
    publisher was found ("dateline" for a wire dateline, "licence" for a syndication line,
    "labelled" for a "From:" line, else a provenance)."""
    pubs = publishers()
    author_keys = {name_key(a) for a in authors}
    texts = [u.text for u in units]
    year: str | None = None

    def resolve(name: str, caseless: bool = False) -> str | None:
        # "Munitions Watch contributors. Text licensed under CC BY 4.0": the name ends
        # with its sentence (a licence or rights sentence may follow); "U.S. Department"
        # is not a sentence end
        name = _SENTENCE_END.split(_RIGHTS_SENTENCE.sub("", name), maxsplit=1)[0].strip(" ,.;:")
        known = pubs.canonical(name)
        if known:
            return known
        # "The Spectator (1828) Ltd": the company's founding year is not part of the name
        cleaned = _FOUNDED.sub("", pubs.strip_legal(name))
        quoted = _LEGAL_QUOTED.match(cleaned)
        if quoted:
            cleaned = quoted["name"].strip()
            known = pubs.canonical(cleaned)
            if known:
                return known
        if "/" in cleaned:  # "© Bundeswehr/Jana Neumann": a photo's agency and photographer
            return None
        if cleaned.startswith("The ") and institution_line(cleaned[4:]):
            cleaned = cleaned[4:]  # "© 2024 The Ministry of X": the ministry's name has no "The"
        words = cleaned.split()
        if name_key(cleaned) in author_keys or (author_keys and all(
                name_key(part) in author_keys for part in split_names(cleaned))):
            return None  # "© 2025 Ann Smith & Bo Lee": the writers' own copyright
        # An institution's full name is long ("Embassy of the People's Republic of China
        # in the United States of America"); other names stay short.
        limit = 14 if any_institution().search(cleaned) or office_name(cleaned) else 6
        # a name starts with a capital; a copyright holder's may start with a letter of a
        # script without case ("中华人民共和国驻…大使馆 版权所有"); a "来源：" label's
        # unknown name may be a wire or an app, not the site
        first = cleaned[:1]
        named = first.isupper() or (caseless and first.isalpha() and not first.islower())
        return cleaned if 1 <= len(words) <= limit and named else None

    kept_idx = [i for i, u in enumerate(units) if u.kept and u.prose]
    attached = set(range(kept_idx[-1] + 1, kept_idx[-1] + 4)) if kept_idx else set()
    found: str | None = None
    how = "explicit"
    head_end = head_limit(units)
    for kind in ("licence", "dateline", "labelled", "owner", "head", "copyright"):
        if kind == "head":  # the site's name atop the page, when it is a known publisher
            if found is None:
                found, at = _head_publisher(texts[:8])
                how = "inferred"
                org = _head_institution(texts[:min(at, 3)])
                if found and org:
                    # a ministry's own name atop its page beats a known publisher's name
                    # further down, which is a menu item ("Foreign Policy" in its menu)
                    found = org
            if found is None:
                found = _masthead_echoed(texts)
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
            if kind == "copyright":
                text = copyright_part(text)
            # several patterns may read one line ("© Ministry of Foreign Affairs, Republic
            # of Korea, 2024": up to the first comma, or the whole name): the best-evidenced
            # name first, a known publisher, then an institution's, then the patterns' order
            caseless = kind == "copyright"
            matches = sorted(((m, resolve(m["name"], caseless=caseless))
                              for pattern in pubs.patterns.get(kind, ())
                              if (m := pattern.search(text))), key=lambda mn: _evidence(mn[1]))
            for m, name in matches:
                # A copyright year right after the article dates it (a syndication line);
                # a site footer's year is only the year the page was saved.
                if (kind == "copyright" and i in attached and m["year"] and year is None
                        and (found is None or name == found)):
                    year = m["year"]
                if name and found is None:
                    found, how = name, (kind if kind in ("dateline", "licence") else "explicit")
    if found:
        return found, year, how
    last = kept_idx[-1] if kept_idx else len(units)
    foot = [u.text for u in units[last + 1:last + 7]]
    signed, by_issuer = _labelled_publisher(foot, resolve)
    if signed and by_issuer:  # "Issued by: Ministry of X" under the last paragraph
        return signed, year, "explicit"
    head_org = _head_institution(texts[:3])
    if head_org:  # "Federal Foreign Office" atop a ministry's page, not in the table
        return head_org, year, "inferred"
    if signed and (stated_origin(signed) or site_name_line(signed)):
        # "Source: Ministry of X", "Source: Global Affairs Canada" as the page's last line;
        # not "Source: IISS research; NIS; HUR" (the data's)
        return signed, year, "explicit"
    tail_lines = [u.text for u in units[kept_idx[-1]:kept_idx[-1] + 4]] if kept_idx else []
    for text in tail_lines[1:]:  # a statement signed by its issuer under the last paragraph
        signed = _head_institution([text.strip().lstrip("—–- ")])
        if signed:
            return signed, year, "explicit"
    contact = _contact_publisher([u.text for u in units[last + 1:]][-25:])
    if contact:  # "Ministry of X | 2-2-1 Kasumigaseki, Tokyo | Tel: +81 3 …" in the footer
        return contact, year, "inferred"
    for text in tail_lines:  # "... this position. Bloomberg" / a lone "REUTERS" line
        for pattern in pubs.patterns.get("credit", ()):
            m = pattern.search(text)
            if m and pubs.canonical(m["name"]):
                return pubs.canonical(m["name"]), year, "explicit"
    long = [i for i in kept_idx if units[i].words >= 25]
    # "Armistice Notes is a one-person blog about …" under the article's last paragraph
    for text in texts[max(long[-1] + 1 if long else 0, len(texts) - 6):]:
        for pattern in pubs.patterns.get("about", ()):
            m = pattern.search(text)
            name = resolve(m["name"]) if m else None
            if name:
                return name, year, "inferred"
    for text in texts:
        sig = pubs.signatures.get(name_key(text))
        if sig:
            return sig, year, "inferred"
    for _, unit in body_units(units):
        if unit.kept or unit.words > 8:
            continue
        for pattern in pubs.patterns.get("masthead", ()):
            m = pattern.search(unit.text)
            name = resolve(m["name"]) if m else None
            if name:
                return name, year, "inferred"
    return None, year, "inferred"

_FOUNDED = re.compile(r"\s*\((?:1[6-9]|20)\d{2}\)$")
_RIGHTS_TAIL = re.compile(r"\s+[-–—]\s+(?:any reproduction|reproduction|all rights|"
                          r"tous droits|no part of)\b.*$", re.IGNORECASE)
_COPY_SIGN = re.compile(r"(?<=[.!?])\s+(?=(?:©|\(c\)|copyright\b))", re.IGNORECASE)


def copyright_part(text: str) -> str:
    """The copyright statement of a footer line: from its sign when a sentence comes
    before it ("Content licensed under CC BY 4.0. © 2025 Korea–Europe Security
    Initiative."), without a rights sentence after a dash ("© Le Monde 2025 - Any
    reproduction prohibited without the consent of …")."""
    if len(text) >= 300:
        return text
    parts = _COPY_SIGN.split(text, maxsplit=1)
    part = _DOUBLE_SIGN.sub("©", _RIGHTS_TAIL.sub("", parts[-1]))
    # "© 2025 Ministry of X | Accessibility | Privacy": the footer's links after the name
    return _FOOTER_LINKS.split(part, maxsplit=1)[0] if "©" in part[:12] else part


# "© Copyright 1997-2025 VnExpress.net", "Copyright © 2025 …", "Copyright© Mediacorp": one sign
_DOUBLE_SIGN = re.compile(r"^(?:©|\(c\))\s*copyright\b\s*|^copyright\s*(?:©|\(c\))\s*",
                          re.IGNORECASE)
_FOOTER_LINKS = re.compile(r"\s+[|•·]\s+")


def _evidence(name: str | None) -> tuple[int, int]:
    """How surely a name a pattern read is a publisher's: a known one, then an
    institution's or an office's, then any other name, a name holding a year ("…, 2024")
    last; the longer of two such (a pattern reading up to a comma cuts a name short)."""
    if not name:
        return 4, 0
    if publishers().canonical(name):
        return 0, -len(name)
    if re.search(r"\b(?:19|20)\d{2}\b", name):
        return 3, -len(name)
    return (1 if any_institution().search(name) or office_name(name) else 2), -len(name)


DOMAIN_NAME = re.compile(r"(?:[\w-]+\.)+[a-z]{2,6}", re.IGNORECASE)


def name_words(name: str) -> set[str]:
    return {w for w in re.split(r"[\W_]+", name.lower()) if len(w) > 2}


def stated_origin(name: str | None) -> bool:
    """A name a syndication or "From:" line gives that is a publisher: a known one or an
    institution's ("originally published in German" names a language, not a source)."""
    if not name:
        return False
    return publishers().canonical(name) is not None or any_institution().search(name) is not None

_SITE_SPLIT = re.compile(r"\s*(?::|\||·|•|\s-\s|–|—)\s*")


def _head_publisher(lines: list[str]) -> tuple[str | None, int]:
    """A known publisher named by one of the page's first lines ("Yonhap News Agency",
    "38 North: Informed Analysis of North Korea", "Office of the President" above
    "Republic of Korea"), and the index of its line (the number of lines if none)."""
    pubs = publishers()
    for i, line in enumerate(lines):
        if _turn().match(line) and len(line.split()) > 6:
            continue  # "CCTV: Could you confirm …": a questioner's outlet, not the site's
        candidates = [line, _SITE_SPLIT.split(line, maxsplit=1)[0]]
        if i + 1 < len(lines):
            candidates += [f"{line}, {lines[i + 1]}", f"{line} {lines[i + 1]}"]
        for candidate in candidates:
            known = pubs.canonical(candidate) if len(candidate.split()) <= 16 else None
            if known:
                return known, i
    return None, len(lines)

_ISSUER_LABEL = re.compile(r"^\s*(?:from\s*:|(?:issued|published|released) by\b)",
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


def issuer_line(text: str) -> bool:
    """A labelled line naming the body that issued the page ("From Department of Foreign
    Affairs", "Issued by the Ministry of Defence", "Source: Xinhua"): furniture above or
    under a headline, never the headline itself ("From Kyiv to Pyongyang: …" names no
    institution)."""
    for pattern in publishers().patterns.get("labelled", ()):
        m = pattern.match(text.strip())
        if m and (publishers().canonical(m["name"]) or institution_line(m["name"])):
            return True
    return False


def _masthead_echoed(lines: list[str]) -> str | None:
    """The page's first line when the foot of the page names it again ("Северная правда"
    atop, "© 2024 «Северная правда». Все права защищены." or "ссылка на «…» обязательна"
    below; "东方观察网" and "东方观察网版权所有"): a site's name the table does not know, in
    the form the site shows it. Only in Cyrillic, Hangul and Han (issue 11)."""
    head = next((line.strip() for line in lines[:2] if line.strip()), "")
    if (not head or not _ISSUE11_NAME.search(head) or re.search(r"\d|[.!?:;,。，：]", head)
            or len(head.split()) > 4 or len(head) > 24):
        return None
    key = name_key(head)
    if len(key) < 2:
        return None
    for line in lines[max(2, len(lines) - 15):]:
        if line.strip() != head and key in name_key(line):
            return head
    return None


_LOWER_IN_NAMES = {"of", "the", "for", "and", "on", "in"}


def uncapped(line: str) -> str:
    """A line set in capitals as a name is written ("MINISTRY OF FOREIGN AFFAIRS OF JAPAN"
    -> "Ministry of Foreign Affairs of Japan"); abbreviations ("U.S.", "G7") and lines not
    all in capitals stay as they are."""
    if not line.isupper() or len(re.findall(r"[A-Z]{3,}", line)) < 2:
        return line
    words = []
    for k, word in enumerate(line.split()):
        low = word.lower()
        if k and low in _LOWER_IN_NAMES:
            words.append(low)
        elif "." in word or any(ch.isdigit() for ch in word) or len(word) <= 3 and k:
            words.append(word)  # "U.S.", "G7", "EU"
        else:
            words.append("-".join(p[:1] + p[1:].lower() for p in word.split("-")))
    return " ".join(words)


_CONTACT = re.compile(r"\b(?:tel|phone|fax|e-?mail)\b\.?\s*:?|\+\d[\d ()-]{6,}|@\w|"
                      r"\b\d+[-\w]*\s+[A-Z][\w-]*\s+(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|"
                      r"Square|Place|Lane|Way)\b|\b(?:P\.?O\.? Box|Postbus|Postfach)\b",
                      re.IGNORECASE)


def _contact_publisher(lines: list[str]) -> str | None:
    """The site's name opening its footer's address or contact line ("Ministry of Foreign
    Affairs of Ruritania | 12 Main Street, Tarvas | Tel: +1 555 0100"): a known publisher
    or an institution's name, the rest an address, a telephone number or an e-mail."""
    for line in lines:
        parts = [p.strip() for p in re.split(r"\s*[|•·]\s*|\s+[–—-]\s+", line) if p.strip()]
        if len(parts) < 2 or not any(_CONTACT.search(p) for p in parts[1:]):
            continue
        head = parts[0].rstrip(",")
        known = publishers().canonical(head)
        if known or institution_line(head):
            return known or uncapped(head)
    return None


def office_line(text: str) -> bool:
    """A line that is only an office's name ("Minister of Foreign Affairs", "Prime Minister
    of Australia"), as under a speaker's name; not a headline about its holder ("President
    of Russia Meets Kim Jong Un")."""
    text = uncapped(text.strip())
    words = text.split()
    return office_name(text) and not is_person_name(" ".join(words[-2:]))


def _head_institution(lines: list[str]) -> str | None:
    """An institution's name as the first line of its own page ("Federal Foreign Office",
    "Ministry of Defence of Ruritania", "Prime Minister of Australia"), alone or beside a
    section label ("Media release | Ministry of Defence of Ruritania", "News | Reuters")."""
    for k, line in enumerate(lines):
        if k and office_line(line) and is_person_name(strip_honorifics(lines[k - 1].strip())):
            continue  # "Hon Winston Peters" / "Minister of Foreign Affairs": the speaker's job
        if institution_line(line) and not event_named(line):
            below = lines[k + 1].strip() if k + 1 < len(lines) else ""
            if (government_country(line.strip()) and institution_line(below)
                    and not event_named(below) and not government_country(below)):
                return uncapped(below)  # "Australian Government" / "Department of Foreign …"
            return uncapped(line.strip())
        parts = [p.strip() for p in _LABEL_SEP.split(line)]
        if len(parts) < 2:
            continue  # no label beside a name (a line of prose: not asked about every part)
        names = [p for p in parts if site_name_line(p) and not section_label_line(p)]
        if len(names) == 1 and all(
                p in names or section_label_line(p) for p in parts):
            return publishers().canonical(names[0]) or names[0]
        bodies = [p for p in parts if institution_line(p) and not event_named(p)]
        if len(bodies) == 1 and len(parts) == 2 and not is_prose(line):
            return uncapped(bodies[0])  # "France Diplomacy - Ministry for Europe and …""
    return None


def event_named(line: str) -> bool:
    """A headline naming an event of its institution ("Department Press Briefing on
    Support for Ukraine"), Title Case as an institution's name is: not the site's name
    (metadata.toml [masthead] event_words)."""
    words = {w.lower().strip(".,:;") for w in line.split()}
    return bool(words & set(metadata_cues()["masthead"]["event_words"]))


_LABEL_SEP = re.compile(r"\s+[|•·–—>›»/-]\s+")  # also a breadcrumb's "Home > Ministry of X > News"


def institution_line(line: str) -> bool:
    """A line that is only an institution's or an office's name ("Foreign, Commonwealth &
    Development Office", "Embassy of the People's Republic of China in the United States
    of America", "Minister for Foreign Affairs of Australia"): Title Case, at most fourteen
    words, no sentence; not a press unit ("Office of the Spokesperson") and not an office
    with its holder's name ("Secretary of State Antony Blinken")."""
    line = uncapped(line.strip())
    words = line.split()
    if sub_unit_line(line) or not 2 <= len(words) <= 14 or is_prose(line):
        return False
    if "," in line and is_person_name(line.split(",", 1)[0]):
        return False  # "Matthew Miller, Department Spokesperson": a speaker and his job
    if not all(w[:1].isupper() or w in ("of", "the", "for", "and", "on", "in", "&")
               for w in words):
        return False
    return any_institution().search(line) is not None or office_line(line)

_FOOTER_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?"
                          r"((?:19|20)\d{2})", re.IGNORECASE)


def footer_year(units: list[Unit]) -> str | None:
    """The last year a copyright line names (the year the page was saved)."""
    years = [m.group(1) for u in units[-40:] for m in [_FOOTER_YEAR.search(u.text)] if m]
    return years[-1] if years else None


def host_publisher(address: str | None) -> str | None:
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


def hinted_publisher(hints: DocumentHints) -> str | None:
    """The publisher the format's own metadata names (a site name, og:site_name, a
    masthead link), as the library shows it."""
    publisher = site_publisher(hints.publisher) or next(
        (org for org in map(_organisation, hints.authors) if org), None)
    if publisher and DOMAIN_NAME.fullmatch(publisher):
        # a site named by its address ("English.news.cn"): the publisher behind it, if known
        publisher = host_publisher(publisher.lower()) or publisher
    if publisher and publishers().canonical(publisher) is None:
        # a site-name string the table does not know ("Kyodo_English") on the address of a
        # known publisher it names ("Kyodo News"); a blog's own name on its platform's
        # address ("Channel Watch" on substack.com) stays
        host = host_publisher(hints.url) or host_publisher(hints.site_host)
        if host and name_words(host) & name_words(publisher):
            publisher = host
    return publisher


def _organisation(name: str) -> str | None:
    """An author field naming an organisation (<meta name="author" content="Ministry of
    Foreign Affairs">): the page's publisher, no writer."""
    name = " ".join(name.split())
    return publishers().canonical(name) or (name if institution_line(name) else None)


def site_publisher(name: str | None) -> str | None:
    """A publisher named by a site name or title tail, as the library shows it."""
    if not name or not name.strip():
        return None
    head = _SITE_SPLIT.split(name.strip(), maxsplit=1)[0]  # "38 North: Informed Analysis…"
    return publishers().canonical(name) or publishers().canonical(head) or head


def with_country(publisher: str | None, lines: list[str]) -> str | None:
    """An office's name that does not say its country, under its government's banner atop
    the page ("Minister for Foreign Affairs" below "Australian Government"), with the
    country: "Minister for Foreign Affairs of Australia"."""
    if not publisher or not country_less_office(publisher):
        return publisher
    for line in lines:
        country = government_country(line.strip())
        if country:
            return f"{publisher} of {country}"
    return publisher


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def expanded(publisher: str | None, lines: list[str]) -> str | None:
    """A publisher found only as its acronym ("KIEP" atop the page) spelt out by a line
    of the page's head whose capitals make it ("Korea Institute for International
    Economic Policy", perhaps with "(KIEP)" after it): the name a reader knows it by."""
    if not publisher or not _ACRONYM.match(publisher):
        return publisher
    for line in lines:
        name = re.sub(rf"\s*\({publisher}\)$", "", line.strip())
        words = name.split()
        if not 2 <= len(words) <= 12 or is_prose(name):
            continue
        capitals = [w for w in words if w.lower() not in _CONNECTORS]
        if all(w[:1].isupper() for w in capitals) and _abbreviates(
                publisher, "".join(w[0] for w in capitals)):
            return name
    return publisher


def _abbreviates(acronym: str, initials: str) -> bool:
    """The acronym is the name's initials, one of them perhaps left out ("KIEP": Korea
    Institute for International Economic Policy), in order and from the first."""
    if not initials.startswith(acronym[0]) or len(initials) - len(acronym) not in (0, 1):
        return False
    rest = iter(initials)
    return all(ch in rest for ch in acronym)


_CONNECTORS = {"of", "the", "for", "and", "on", "in", "&", "des", "du", "de", "la", "le"}
_NOT_A_NAME = re.compile(r"[\d!?;,:“”\"()]|\.$|^(?:home|menu|news|search|latest|top stories|"
                         r"sign in|log in|subscribe|share|skip to\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _section_words() -> frozenset[str]:
    return frozenset(metadata_cues()["masthead"]["section_words"])


def sub_unit_line(text: str) -> bool:
    """A government body's press unit ("Office of the Spokesperson", "Press Service"):
    it signs the page, the body above it publishes it (metadata.toml [masthead])."""
    key = name_key(text.strip(" *_#—–-"))
    units = {name_key(u) for u in metadata_cues()["masthead"]["sub_units"]}
    # "Press and information team of the Delegation to Ukraine": a unit of a named body
    return key in units or any(key.startswith(f"{u} of ") for u in units)


@lru_cache(maxsize=1)
def _turn() -> re.Pattern[str]:
    return re.compile(metadata_cues()["kind"]["turn"])


def section_label_line(text: str) -> bool:
    """A section label or breadcrumb above a headline ("Press Releases", "Speeches and
    Transcripts", "Home › Newsroom › Statements"): only section words and connectors
    (resources/cleaning/metadata.toml [masthead])."""
    words = [w for w in re.split(r"[^\w'’]+", text.lower()) if w]
    return bool(words) and all(w in _section_words() or w in _CONNECTORS for w in words)


def site_name_line(text: str) -> bool:
    """A line that is an organisation's name, as a site shows it above its headline: a
    known publisher, or two to eight words (an institution's up to fourteen) in Title Case
    with no digits, sentence punctuation or a person's name ("The Harbour Courier",
    "Ministry of Foreign Affairs of Ruritania")."""
    text = text.strip(" *_#")
    if publishers().canonical(text) or institution_line(text) or cjk_masthead(text):
        return True
    if section_label_line(text) or sub_unit_line(text):
        return False
    words = text.split()
    if len(words) == 1 and DOMAIN_NAME.fullmatch(text) and text[:1].isupper():
        return True  # "Korea.net": a site named by its address
    limit = 14 if any_institution().search(text) else 8
    titled = {w.lower() for w in words} & set(metadata_cues()["masthead"]["publication_words"])
    return (2 <= len(words) <= limit and not is_prose(text) and not _NOT_A_NAME.search(text)
            and all(w[:1].isupper() or w in _CONNECTORS for w in words)
            and (any_institution().search(text) is not None or bool(titled)
                 or not (is_person_name(text) or re.search(r"\w['’]s\b", text))))


def masthead_publisher(units: list[Unit], title: str) -> str | None:
    """The site's name on a line of its own right above the headline (a menu may come
    between): the weakest evidence of a publisher, taken only when the page's tags, JSON-LD,
    copyright, <title> and address name none."""
    key = name_key(title)
    limit = head_limit(units) + 1
    at = next((i for i, u in enumerate(units[:limit])
               if name_key(u.text.lstrip("# ").strip(" *_")) == key), None)
    if at is None:
        return None
    for i in range(at - 1, max(-1, at - 4), -1):
        text = units[i].text.strip(" *_#")
        if (units[i].dropped == "navigation" or section_label_line(text)
                or sub_unit_line(text) or byline(text)[0] or menu_line(text)
                or section_label(text) or strict_date_line(text)) and not site_name_line(text):
            # a menu, a rubric ("국제"), the byline ("글 : 이영희 기자") or the stamp
            # ("기사입력 2024-11-21 09:40") between the site's name and the headline
            continue
        if site_name_line(text):
            return publishers().canonical(text) or text
        # "RFI - 法国国际广播电台": a known outlet's name beside its other name
        known = [publishers().canonical(p) for p in _NAME_PARTS.split(text)]
        return next((k for k in known if k), None) if len(known) > 1 else None
    return None


_NAME_PARTS = re.compile(r"\s+[-–—|]\s+")
