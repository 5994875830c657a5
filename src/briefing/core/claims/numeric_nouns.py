"""What a figure counts when its noun does not follow it plainly: a rate's period ("each
day"), men taken prisoner, a bare "one", a group sized ("an army of 1.2m", "an 11,000-strong
force"), a table cell's column, and a small count of officials who are the sentence's
sources. Split from numeric.py; the vocabulary is resources/claims/numeric.toml."""

from __future__ import annotations

import re

from briefing.core.claims.affiliation import affiliations
from briefing.core.claims.numbers import Num
from briefing.core.claims.numeric_rules import NumericRules
from briefing.core.claims.numeric_words import (
    TOKEN,
    clause_start,
    is_year,
    nearest_nationality,
    noun_in,
    qualifier_at,
    read_noun,
)
from briefing.core.claims.tables import date_cell, table_row


def per_period(rules: NumericRules, norm: str, after: int, label: str) -> str:
    """The subject of a rate says its period ("daily Russian casualties"): "losing an
    average of 1,000 soldiers in Ukraine each day" is not to be lined up with a war's total.
    A subject carried from the figure before ("six trains a week, two a week") has it."""
    m = rules.rate_rx.match(norm, after) if rules.rate_rx is not None else None
    if m is None:
        return label
    period = rules.rate_subjects[m.group("period").lower()]
    return label if label.startswith(period + " ") else f"{period} {label}".strip()


def taken(unit: str) -> tuple[str, str]:
    """Unit and subject of men taken prisoner: still the soldiers (or people) counted, the
    subject saying what became of them ("had captured two North Korean soldiers": troops,
    "North Korean prisoners"), so that the figure answers "how many soldiers" and lines up
    with other counts of prisoners by its subject."""
    return ("people" if unit == "people" else "troops"), "prisoners"


def captured(rules: NumericRules, text: str, start: int, after: int, noun_end: int) -> bool:
    """Troops counted as prisoners: "had captured two soldiers", "two captured soldiers",
    and the same participle after the noun ("two soldiers captured by Ukraine"), which is
    not the passive of an event ("two soldiers were captured")."""
    if rules.prisoner_lead_rx is not None and \
            rules.prisoner_lead_rx.search(text, max(0, start - 40), start):
        return True
    if rules.prisoner_after_rx is not None and rules.prisoner_after_rx.match(text, noun_end):
        return True
    return bool({w.lower() for w in TOKEN.findall(text[after:noun_end])}
                & rules.prisoner_modifiers)


def counts_one(rules: NumericRules, text: str, at: int, end: int) -> bool:
    """Does a bare "one" ending at `at` count something ("one ballistic missile")? Not when
    it picks an individual out: "one of the captured men", "one Ukrainian officer who
    fought them", "one European official said" -- a person, not a figure. A qualifier
    makes it a count again ("at least one of the dead")."""
    read = read_noun(rules, text, at, end, one=True)
    if read is None:
        return False
    if qualifier_at(rules, text, at - 3) is not None:
        return True
    if re.match(r"\s+of\b", text[at:at + 4], re.IGNORECASE):
        return False  # "one of the men", "one of the missiles hit a school"
    return read[0] not in rules.individual_units


def collective(rules: NumericRules, text: str, num: Num,
                after: int) -> tuple[str, str, str | None, int] | None:
    """A figure sizing a group: "North Korea's army of 1.2m", "an 11,000-strong force"."""
    if num.cur or num.pct or not rules.collectives or is_year(text, num):
        return None
    strong = _STRONG.match(text, num.end)
    if strong is not None:
        for t in TOKEN.finditer(text, strong.end(), min(len(text), strong.end() + 40)):
            word = t.group().lower()
            if word in rules.collectives:
                return (*rules.collectives[word], nearest_nationality(
                    rules, text, clause_start(text, num.start), num.start), after)
            if rules.nouns.get(word, ("",))[0] == "troops":
                return "troops", rules.nouns[word][1], None, t.end()
    lead = re.sub(r"\s+", " ", text[max(0, num.start - 60):num.start]).rstrip()
    qualifier = qualifier_at(rules, text, num.start)
    if qualifier and lead.lower().endswith(qualifier):
        lead = lead[:-len(qualifier)].rstrip()
    m = _COLLECTIVE_BEFORE.search(lead)
    if m is None or m.group(1).lower() not in rules.collectives:
        return None
    unit, subject = rules.collectives[m.group(1).lower()]
    nationality = nearest_nationality(rules, text, clause_start(text, num.start), num.start)
    return unit, subject, nationality, after


def in_table(rules: NumericRules, text: str, base: int, num: Num,
              after: int) -> tuple[str, str, str | None, int] | None:
    """Unit and subject of a figure in a table cell: what its column's header counts
    ("Killed": casualties, "Deployed": troops), else what the row's first cell names
    ("Ballistic missiles (KN-23/KN-24) | about 100")."""
    row = table_row(text, base + num.start, base + num.end)
    if row is None or row.header is None or num.cur or num.pct or is_year(text, Num(
            base + num.start, base + num.end, num.value, None, False)):
        return None  # "Jan 2025" in an "As of" column
    column = row.column(base + num.start)
    if date_cell(row.cells[column].text):
        return None
    for words in (row.heading(base + num.start), row.cells[0].text if column else ""):
        noun = noun_in(rules, words)
        if noun is not None:
            return noun[0], noun[1], "", after  # the row's source is not the troops' side
    return None


_STRONG = re.compile(r"[-\u2011]strong\b", re.IGNORECASE)


_COLLECTIVE_BEFORE = re.compile(r"\b([a-z]+) of$", re.IGNORECASE)


_ACCORDING = re.compile(r"\b(?:according\s+to|citing|told|said|say|says)\s+$", re.IGNORECASE)
_SAYS_AFTER = re.compile(r"(?:\s+who\b[^.;:]{0,100}?|[^.;:,]{0,12}?)\s+(?:said|say|says|told|tell|"
                         r"added|warned|estimated|believe|believed)\b", re.IGNORECASE)


def is_source(rules: NumericRules, norm: str, num: Num, noun_end: int) -> bool:
    """Is a small count of officials the sentence's sources, not a figure it states
    ("according to two officials briefed on the meeting", "Two lawmakers who attended the
    session ... said")? A qualified count is a figure ("interviews with more than twenty
    officials")."""
    if num.value >= 10 or qualifier_at(rules, norm, num.start) is not None:
        return False
    return bool(_ACCORDING.search(norm, max(0, num.start - 20), num.start)
                or _SAYS_AFTER.match(norm, noun_end))


_OWNED = re.compile(r"^(?:its|their)\s+", re.IGNORECASE)  # "6 per cent of its GDP"
_ADJECTIVE = ("ian", "ish", "ese", "ean", "ic", "ch", "i")  # "Danish", "Estonian", "Chinese"
_WHERE_BEFORE = re.compile(r"\b(?:to|in|into|from|with|than)\s+(?:the\s+)?$", re.IGNORECASE)


def share_owner(norm: str, start: int, subject: str) -> str:
    """Whose whole a share is of: "Estonia spends 3.4 per cent of GDP on defence" is
    Estonia's GDP, not Denmark's "three per cent of GDP on defence", and the two are no
    sources that disagree. A whole with no owner of its own ("GDP", "its GDP") takes the
    country named before the figure in its clause; "the shells", "North Korea's trade" say
    whose already, or are not a country's."""
    owned = _OWNED.match(subject)
    bare = subject[owned.end():] if owned else subject
    if subject == "percent" or (not owned and bare[:1].islower()) or re.match(
            r"(?:the|a|an|this|that|these|those)\b", bare, re.IGNORECASE) or \
            re.search(r"['’]s?\b", bare):
        return subject  # "the shells", "North Korea's recorded": no owner to add
    aff = affiliations()
    lo = clause_start(norm, start)
    names = [m for rx in (aff.country_rx, aff.other_rx) if rx is not None
             for m in rx.finditer(norm, lo, start)
             if not _WHERE_BEFORE.search(norm, max(0, m.start() - 12), m.start())]
    if not names:
        return bare if owned else subject
    name = re.sub(r"['’]s?$", "", max(names, key=lambda m: m.start()).group())
    return f"{name} {bare}" if name.lower().endswith(_ADJECTIVE) else f"{name}'s {bare}"
