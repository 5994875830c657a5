"""The words around a figure: the noun it counts, its qualifier, whose it is, the currency
named after it, and the clause it sits in. Shared by the figure reader (numeric.py) and its
readers of figures whose noun is elsewhere (elided, predicate, part of a whole)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from briefing.core.claims.cues import normalise
from briefing.core.claims.figure_sources import states_figure
from briefing.core.claims.numbers import Num
from briefing.core.claims.numeric_rules import NumericRules

# Model names and calibres between a figure and its noun ("60 KN-23 missiles", "170 mm
# Koksan guns", "180 K2 tanks") are skipped like modifiers.
_CODE = re.compile(r"(?:[A-Z][\w-]*|\d+(?:mm)?|\d+[A-Z][\w-]*|mm|[a-z]+-\d+)$")
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")  # "N" of "N. Korean", "U.S" of "U.S. troops"
TOKEN = re.compile(r"%|[\w'-]+(?:\.[\w'-]+)*")
LOOK_BACK = 400  # characters searched before a figure for whose troops/money it counts


def nationality_at(rules: NumericRules, text: str, pos: int) -> tuple[str, int] | None:
    """Nationality phrase starting exactly at pos (with its end), if any."""
    m = rules.nationality_rx.match(text, pos)
    if not m or (m.group() == "us"):  # the pronoun "us"
        return None
    return rules.nationality[m.group().lower()], m.end()


def nearest_nationality(rules: NumericRules, text: str, start: int, stop: int) -> str | None:
    found = [m for m in rules.nationality_rx.finditer(text, start, stop) if m.group() != "us"]
    return rules.nationality[found[-1].group().lower()] if found else None


def counted_side(rules: NumericRules, text: str, start: int, stop: int,
                 captives: bool = False) -> str | None:
    """Whose men or things a figure ending its clause at `stop` counts, when its noun does
    not say: the side named nearest before it that is not the figure's source. Who states a
    figure is not whose it is: "Ukrainian President Volodymyr Zelensky put the total at
    around 4,000" counts no Ukrainian troops; nor is who takes prisoners whose they are
    (`captives`: "Ukraine later captured two soldiers")."""
    found = [m for m in rules.nationality_rx.finditer(text, start, stop) if m.group() != "us"
             and not states_figure(text, m.start(), m.end(), stop)
             and not _PLACE.search(text, max(0, m.start() - 8), m.start())
             and not _RECIPIENT.match(text, m.end())
             and not (captives and rules.captor_rx is not None
                      and rules.captor_rx.match(text, m.end()))]
    return rules.nationality[found[-1].group().lower()] if found else None


# A country named as where, not whose ("North Korea now has 12,000 troops in Russia, and
# Kyiv says 4,000 of them ...", "shipped containers of munitions to Russia").
_PLACE = re.compile(r"\b(?:in|to|into|inside)\s+$", re.IGNORECASE)
# A country supplied, not the supplier: "North Korea has provided Russia with 9 million shells".
_RECIPIENT = re.compile(r"\s+with\b", re.IGNORECASE)


def clause_start(text: str, pos: int) -> int:
    """Where the sentence holding pos starts (bounded look-back keeps long texts linear)."""
    lo = max(0, pos - LOOK_BACK)
    cut = max(text.rfind(". ", lo, pos), text.rfind("\n", lo, pos))
    return cut + 1 if cut >= 0 else lo


def first_nationality(rules: NumericRules, text: str, start: int, stop: int) -> str | None:
    """The first country named in the passage: who pays or receives, usually."""
    found = [m for m in rules.nationality_rx.finditer(text, start, stop) if m.group() != "us"]
    return rules.nationality[found[0].group().lower()] if found else None


def read_noun(rules: NumericRules, text: str, pos: int, limit: int, one: bool = False):
    """After a figure: skip modifiers/nationality, match a counted noun.

    Returns (unit, subject noun, nationality, end of noun) or None.
    """
    tokens: list[re.Match[str]] = []
    last = pos
    for t in TOKEN.finditer(text, pos, min(limit, pos + 120)):
        gap = text[last:t.start()]
        if gap.strip(" \t\n*_\"“”'’()/") and not (
                gap == ". " and tokens and _INITIALS.fullmatch(tokens[-1].group())):
            # ("N. Korean troops", "10,000 U.S. troops": an initial, an abbreviation)
            break  # punctuation ends the phrase: "In 2024, 500 troops" is not 2024 troops
        tokens.append(t)
        last = t.end()
    nationality = None
    i = 0
    proper = 0
    while i < len(tokens) and i < 9 + proper:
        for n in range(min(rules.max_noun_words, len(tokens) - i), 0, -1):
            phrase = " ".join(t.group().lower().rstrip("'’") for t in tokens[i:i + n])
            if one and phrase not in rules.nouns and phrase + "s" in rules.nouns and \
                    phrase not in rules.nationality:
                phrase += "s"  # "one ballistic missile" (not "one North Korean" missile)
            if phrase in rules.nouns:
                unit, subject = rules.nouns[phrase]
                stop = tokens[i + n - 1].end()
                if nationality is None and phrase in rules.nationality:
                    nationality = rules.nationality[phrase]  # "11,000 North Koreans"
                if n == 1 and phrase in rules.counters_of and i + 1 < len(tokens) and \
                        tokens[i + 1].group().lower() == "of":
                    # "170 units of 170 mm self-propelled guns": the guns are counted
                    inner = read_noun(rules, text, tokens[i + 1].end(), limit)
                    if inner is not None:
                        return inner[0], inner[1], inner[2] or nationality, inner[3]
                return unit, subject, nationality, stop
        if tokens[i].group().lower() in rules.counters_of and i + 1 < len(tokens) and \
                tokens[i + 1].group().lower() == "of":
            # "17 pieces of enemy equipment": the equipment is counted
            inner = read_noun(rules, text, tokens[i + 1].end(), limit)
            return (inner[0], inner[1], inner[2] or nationality, inner[3]) if inner else None
        nat = nationality_at(rules, text, tokens[i].start())
        if nat is not None:
            nationality = nat[0]
            while i < len(tokens) and tokens[i].start() < nat[1]:
                i += 1
            continue
        word = tokens[i].group()
        if _CALIBRE.fullmatch(word):
            i += 1  # "120 170-mm self-propelled guns": a calibre, not the noun
            continue
        if word.lower() == "or" and i + 1 < len(tokens) and tokens[i + 1].group().lower() == "so":
            i += 2  # "3,000 or so troops"
            continue
        if word[:1].isupper() and proper < 8:
            # A name that qualifies the noun: "10,000 Democratic People's Republic of Korea
            # (DPRK) soldiers"
            proper += 1
            i += 1
            continue
        if word.lower() not in rules.modifiers and not _CODE.match(word) and not \
                _COMPOUND.fullmatch(word) and not (
                word.lower() == "and" and i + 1 < len(tokens)
                and _CODE.match(tokens[i + 1].group())):
            return None
        i += 1
    return None


def qualifier_at(rules: NumericRules, text: str, pos: int) -> str | None:
    before = re.sub(r"\s+", " ", text[max(0, pos - 30):pos].lower()).rstrip()
    for q in rules.qualifiers:
        if before.endswith(q) and (len(before) == len(q) or not before[-len(q) - 1].isalnum()):
            return q
    return None


def words_after(rules: NumericRules, text: str, pos: int) -> set[str]:
    """Up to six words after a counted noun, within its clause (punctuation or a clause
    word such as "unless" or "although" ends it)."""
    words: set[str] = set()
    last = pos
    for i, t in enumerate(TOKEN.finditer(text, pos, min(len(text), pos + 50))):
        word = t.group().lower()
        if i >= 6 or re.search(r"[,;:.()]", text[last:t.start()]) or word in rules.casualty_stop:
            break
        words.add(word)
        last = t.end()
    return words


def force_size(rules: NumericRules, text: str, start: int, noun_end: int) -> bool:
    """Does a figure of troops starting at `start` size a side's whole forces ("North Korea
    has 1.28 million active military personnel"), not troops sent? A named side has them (a
    verb of possession in the figure's clause), and nothing after the noun says where they
    are or that they were sent ("North Korea now has 12,000 troops in Russia")."""
    if rules.strength_rx is None or rules.placed_rx is None:
        return False
    lead = re.sub(r"\s+", " ", text[clause_start(text, start):start]).rstrip()
    qualifier = qualifier_at(rules, text, start)
    if qualifier and lead.lower().endswith(qualifier):
        lead = lead[:-len(qualifier)].rstrip()
    has = rules.strength_rx.search(lead + " ")
    if has is None:
        return False
    owner = lead[max(0, has.start() - 60):has.start()]
    if not any(m.group() != "us" and not states_figure(owner, m.start(), m.end(), len(owner))
               for m in rules.nationality_rx.finditer(owner)):
        return False
    return rules.placed_rx.match(text, noun_end) is None and \
        not words_after(rules, text, noun_end) & rules.deployed


def noun_in(rules: NumericRules, words: str) -> tuple[str, str] | None:
    """The head (last) counted noun of a header or row label ("Wounded or killed (total)",
    "Troop casualties": casualties); a word for troops sent ("Deployed") counts troops."""
    tokens = [t.lower() for t in TOKEN.findall(words)]
    found: tuple[str, str] | None = None
    i = 0
    while i < len(tokens):
        for n in range(min(rules.max_noun_words, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + n])
            if phrase not in rules.nouns and n == 1 and phrase + "s" in rules.nouns:
                phrase += "s"  # "Troop", "Tank"
            if phrase in rules.nouns:
                found = rules.nouns[phrase]
                i += n - 1
                break
            if n == 1 and phrase in rules.deployed:
                found = ("troops", "troops")
        i += 1
    return found


def is_year(text: str, num: Num) -> bool:
    """A bare year ("2024"), which is never a count; "two thousand" and "several thousand"
    (2,000 in words) are counts."""
    return 1900 <= num.value <= 2100 and text[num.start:num.end].isdigit() and not num.cur


ELIDED_BACK = 300  # characters before the passage searched for the figure being continued


_CALIBRE = re.compile(r"\d+(?:\.\d+)?-?mm", re.IGNORECASE)
# A hyphenated compound before the noun modifies it ("100 multiple-rocket launchers",
# "50 Russian-made drones").
_COMPOUND = re.compile(r"[a-z]+(?:-[a-z]+)+", re.IGNORECASE)


def noun_before(rules: NumericRules, text: str, pos: int, since: int | None = None,
                 units: tuple[str, ...] = ("troops", "people"),
                 objects: bool = True) -> tuple[str, str] | None:
    """The last counted noun in the text just before pos (after `since`, if given) ("...
    North Korean soldiers. Some eleven thousand of them ..."); `objects=False` passes over
    a noun governed by a preposition ("training with Russian units")."""
    found = side_noun_before(rules, text, pos, since, units, objects)
    return found[0] if found is not None else None


def side_noun_before(rules: NumericRules, text: str, pos: int, since: int | None = None,
                     units: tuple[str, ...] = ("troops", "people"),
                     objects: bool = True) -> tuple[tuple[str, str], str | None] | None:
    """`noun_before`, with the side named right before that noun ("North Korean soldiers
    ... at least 100 of them": North Korean), or None."""
    lo = max(0, pos - ELIDED_BACK) if since is None else max(since, pos - ELIDED_BACK)
    window = normalise(text[lo:pos])
    tokens = list(TOKEN.finditer(window))
    words = [t.group().lower() for t in tokens]
    for i in range(len(words) - 1, -1, -1):
        for n in range(min(rules.max_noun_words, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in rules.nouns and (not units or rules.nouns[phrase][0] in units):
                if not objects and _governed(words, i):
                    break
                if phrase in rules.nationality:  # "North Koreans"
                    return rules.nouns[phrase], rules.nationality[phrase]
                side = [m for m in rules.nationality_rx.finditer(
                    window, max(0, tokens[i].start() - 30), tokens[i].start())
                    if m.group() != "us" and not window[m.end():tokens[i].start()].strip(
                        " -").count(" ") > 1]
                return rules.nouns[phrase], (rules.nationality[side[-1].group().lower()]
                                             if side else None)
    return None


_PREPOSITIONS = frozenset({"with", "alongside", "to", "into", "among", "against", "from", "by",
                           "within", "beside", "under"})


def _governed(words: list[str], i: int) -> bool:
    """Is the noun starting at words[i] the object of a preposition, past up to two words
    of modifiers or names ("with Russian units", "alongside North Korean troops")?"""
    return any(w in _PREPOSITIONS for w in words[max(0, i - 3):i])


OFFER = re.compile(r"(?:\s+(?:of\s+)?(?:dollars|euros?|pounds))?\s*(?:off\b|a\s+month\b|"
                    r"per\s+month\b|/\s?month\b|a\s+week\b|per\s+week\b)", re.IGNORECASE)


CURRENCY_WORD = re.compile(
    r"\s+(?:of\s+)?(?:(?:us|australian|canadian|new\s+zealand|singapore|hong\s+kong|taiwan)\s+)?"
    r"(?:dollars|euros?|pounds(?:\s+sterling)?|won|yuan|roubles|rubles|"
    r"hryvnias?|yen|(?:danish\s+|norwegian\s+)?kroner|(?:swedish\s+)?kronor|"
    r"(?:swiss\s+)?francs)\b", re.IGNORECASE)


_CURRENCY_NAMES = {"dollars": "usd", "us dollars": "usd", "australian dollars": "aud",
                   "canadian dollars": "cad", "new zealand dollars": "nzd",
                   "singapore dollars": "sgd", "hong kong dollars": "hkd",
                   "taiwan dollars": "twd", "euro": "eur", "euros": "eur",
                   "pounds": "gbp", "pounds sterling": "gbp", "won": "krw", "yuan": "cny",
                   "roubles": "rub", "rubles": "rub", "hryvnia": "uah", "hryvnias": "uah",
                   "yen": "jpy", "kroner": "dkk", "danish kroner": "dkk",
                   "norwegian kroner": "nok", "kronor": "sek", "swedish kronor": "sek",
                   "francs": "chf", "swiss francs": "chf"}


def currency_word(text: str, pos: int) -> str | None:
    """"650 million euros" -> "eur" (the currency named after the figure)."""
    m = CURRENCY_WORD.match(text, pos)
    if m is None:
        return None
    words = m.group().lower().split()
    return _CURRENCY_NAMES.get(" ".join(words[1:] if words[0] == "of" else words))


def bare_dollars(text: str, pos: int) -> bool:
    """Is the currency named after the figure plain "dollars", whose country is not said?"""
    m = CURRENCY_WORD.match(text, pos)
    return m is not None and m.group().lower().split()[-1:] == ["dollars"] and \
        len(m.group().split()) - (m.group().lower().split()[0] == "of") == 1


def page_dollar(rules: NumericRules, text: str) -> str | None:
    """The dollar of the page's country: the country with its own dollar named most often
    in `text`, at least `page_dollar_mentions` times and more often than the United States
    ("Prime Minister of Australia" ... "a package worth $245 million": Australian dollars)."""
    if rules.dollar_rx is None:
        return None
    return _page_dollar(rules.dollar_rx, rules.us_rx, rules.page_dollar_mentions,
                        tuple(rules.dollars.items()), text)


@lru_cache(maxsize=8)  # one page's figures ask again and again
def _page_dollar(dollar_rx: re.Pattern[str], us_rx: re.Pattern[str] | None, least: int,
                 dollars: tuple[tuple[str, str], ...], text: str) -> str | None:
    codes = dict(dollars)
    named = Counter(codes[m.group().lower()] for m in dollar_rx.finditer(text))
    if not named:
        return None
    (code, count), *rest = named.most_common(2)
    us = len(us_rx.findall(text)) if us_rx is not None else 0
    if count < least or count <= us or (rest and rest[0][1] == count):
        return None
    return code


_BULLET = re.compile(r"^[\s*•·–—-]+")


def stat_line_noun(rules: NumericRules, text: str, start: int, after: int, limit: int):
    """The noun of a figure heading its line before a colon, as in a list of key numbers
    ("11,000: North Korean troops in the first wave (NIS)", "about 4,700: North Koreans
    killed or wounded"): what it counts is said after the colon. Read as `read_noun`."""
    if text[after:after + 2] != ": ":
        return None
    line = text.rfind("\n", 0, start) + 1
    lead = " ".join(_BULLET.sub("", text[line:start], count=1).lower().split())
    if lead and lead not in rules.qualifiers:
        return None  # "The figure was 11,000: troops and more" is a sentence, not a list
    return read_noun(rules, text, after + 2, limit)
