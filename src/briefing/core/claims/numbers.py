"""Where the figures are in a text, before anything is said of what they count: digits
("15,000", "$2.8bn", "60%"), number words read with text2num ("eleven thousand"), dozens,
shares ("one in three", "half of"), vague plurals ("thousands of") and "several hundred";
labels ("resolution 2397"), days of a month and calibres are passed over."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from text_to_num import text2num

from briefing.core.claims.numeric_rules import NumericRules

_FIGURE = re.compile(
    # a sign may follow a hyphen ("€5bn-€6bn"); a bare number may not ("KN-23")
    r"(?:(?<![\w$.,:])(?=[$€£₩₴₽¥A-Z])|(?<![\w$.,:])(?<![A-Za-z]-)(?<![A-Za-z]\u2011))"
    r"(?P<cur>(?:US|NZ|AU?|CA?|S|HK)\$\s?|\$|USD\s?|€|£|₩|₴|₽|¥|EUR\s?|GBP\s?|KRW\s?|UAH\s?|RUB\s?|CNY\s?|JPY\s?|NOK\s?|DKK\s?|SEK\s?|CHF\s?|CAD\s?|AUD\s?|NZD\s?|SGD\s?|PLN\s?|CZK\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.\-–]|\s?mm\b)|\d{1,3},\d{1,2}(?=\s?(?:thousand|million|billion|trillion|mn|bn|tn)\b)|\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|tn|k|m|b)(?![\w]))?"
    # (not the "1" of "1,000km": a figure is never the head of a longer grouped number)
    r"(?P<pct>\s?%)?(?:\+|-plus\b)?(?![\w])(?!:\d)(?!,\d{3})")
_SMALL = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
          "seventy|eighty|ninety")
_SCALE = "hundred|thousand|million|billion"
_WORDS = re.compile(
    rf"(?<![\w'-])(?:(?:a|an)\s+(?={_SCALE}))?(?:{_SMALL}|{_SCALE})(?:(?:-|\s+(?:and\s+)?)"
    rf"(?:{_SMALL}|{_SCALE}))*(?![\w'-])", re.IGNORECASE)
RANGE = re.compile(r"\s*(?:–|—|-|to|and|or)\s*", re.IGNORECASE)
CURRENCY_SIGNS = {"$": "usd", "us$": "usd", "usd": "usd", "€": "eur", "eur": "eur",
                  "£": "gbp", "gbp": "gbp", "₩": "krw", "krw": "krw", "₴": "uah", "uah": "uah",
                  "₽": "rub", "rub": "rub", "¥": "jpy", "jpy": "jpy", "cny": "cny",
                  # dollars of other countries, by sign or code ("NZ$130 million", "NOK 35
                  # billion")
                  "nz$": "nzd", "nzd": "nzd", "a$": "aud", "au$": "aud", "aud": "aud",
                  "c$": "cad", "ca$": "cad", "cad": "cad", "s$": "sgd", "sgd": "sgd",
                  "hk$": "hkd", "nok": "nok", "dkk": "dkk", "sek": "sek", "chf": "chf",
                  "pln": "pln", "czk": "czk"}


# Plural round numbers, read as their lower bound ("thousands of men" -> 1,000), as the
# labels of the unseen pages read them.
_VAGUE_VALUES = {"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
                 "tens of thousands": 1e4, "hundreds of thousands": 1e5, "millions": 1e6,
                 "tens of millions": 1e7, "hundreds of millions": 1e8, "billions": 1e9,
                 "tens of billions": 1e10, "hundreds of billions": 1e11}
_VAGUE = re.compile(r"(?<![\w-])(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions|"
                    r"billions)|"
                    r"dozens|scores|hundreds|thousands|millions|billions)(?=[\"”’']?\s+(?:of|more)\b)",
                    re.IGNORECASE)
# "several hundred", "a few thousand": the labels read "several" as two and "a few" as three.
# "another few thousand": "few" with no "a" is read as its least plural, two.
_SEVERAL_VALUES = {"several": 2.0, "a few": 3.0, "a couple of": 2.0, "few": 2.0}
_SEVERAL = re.compile(r"(?<![\w-])(?P<n>several|a\s+few|(?<=another\s)few|a\s+couple\s+of)\s+"
                      r"(?P<scale>(?:hundred|"
                      r"thousand|million|billion)(?:\s+(?:thousand|million))?)(?![\w-])",
                      re.IGNORECASE)
_FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 33.0,
              "one third": 33.0, "two thirds": 67.0, "a quarter": 25.0, "one quarter": 25.0,
              "three quarters": 75.0, "a tenth": 10.0, "one tenth": 10.0, "a fifth": 20.0,
              "one fifth": 20.0, "two fifths": 40.0, "three fifths": 60.0}
# A fraction of a span of time ("three quarters of a century", "half of the year") is a
# duration, not a share of anything counted.
_FRACTION = re.compile(r"(?<![\w-])(?P<frac>(?:a|one|two|three)[ -](?:thirds?|quarters?|tenth|"
                       r"fifths?)|"
                       r"(?:a\s+|one\s+)?half)\s+of\b(?!\s+(?:(?:a|an|the|this|that|last|"
                       r"next)\s+)?(?:century|decade|year|month|week|day|hour)s?(?![\w'’]))",
                       re.IGNORECASE)
# "one and a half million rounds", "two and a half thousand men", "1 and a half million"
_AND_A_HALF = re.compile(rf"(?<![\w-])(?P<n>{_SMALL}|\d{{1,3}})\s+and\s+a\s+half\s+"
                         rf"(?P<scale>hundred|thousand|million|billion)(?![\w-])", re.IGNORECASE)
_HALF_A = re.compile(r"\bhalf\s+$", re.IGNORECASE)
_DOZEN = re.compile(r"(?<![\w-])(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                    r"dozen(?![\w-])", re.IGNORECASE)
_ONE_IN = re.compile(r"(?<![\w-])(?P<n>one|two|three|four|five|six|seven|eight|nine|[1-9])\s+"
                     r"(?:in|out\s+of)\s+(?P<d>two|three|four|five|six|seven|eight|nine|ten|"
                     r"\d{1,3})(?![\w-])", re.IGNORECASE)
_PERIOD_HALF = re.compile(r"\b(?:first|second|latter|former|last|next|this)\s+$", re.I)
_WORD_BEFORE = re.compile(r"([\w.]+)\s*$")


_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:,|and|&|-|–|to)"
                           rf"\s*)?$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s*(?:(?:and|&|-|–|to)\s*\d{{1,2}}(?:st|nd|rd|th)?"
                          rf"\s*)?(?:of\s+)?{_MONTHS}\b", re.IGNORECASE)


def _day_of_month(text: str, start: int, end: int) -> bool:
    """A day of a month ("December 14 and 15", "3 November", "14-15 Dec"), not a count."""
    if end - start > 2 or not text[start:end].isdigit():
        return False
    return bool(_MONTH_BEFORE.search(text, max(0, start - 24), start)
                or _MONTH_AFTER.match(text, end))


_NAME_BEFORE = re.compile(r"(?:^|(?<=[^\s.!?:;\"“(\[]))\s+([A-Z][\w-]*)\s$")
_MONTH_WORD = re.compile(rf"{_MONTHS}\.?$", re.IGNORECASE)


def _model_number(rules: NumericRules, text: str, start: int, end: int) -> bool:
    """A number that names a model after its capitalised name, mid-sentence ("the Mirage
    2000 jets", "more Leopard 2 tanks"): not a count. A month ("in March 2,000"), a
    possessive ("Russia's 600") or a qualifier opening a sentence ("About 2000") is not a
    name."""
    if not text[start:end].isdigit():
        return False
    m = _NAME_BEFORE.search(text, max(0, start - 30), start)
    if m is None or m.start(1) == 0:
        return False
    word = m.group(1)
    return not (_MONTH_WORD.match(word) or word.lower() in rules.qualifiers
                or word.lower() in rules.not_after)


def _label_before(rules: NumericRules, text: str, pos: int) -> bool:
    """Is the number at pos a label ("resolution 2397", "No. 3", "page 12")?"""
    m = _WORD_BEFORE.search(text, max(0, pos - 14), pos)
    return m is not None and m.group(1).lower() in rules.not_after


@dataclass(frozen=True)
class Num:
    """A figure found in a text: where it is, its value, and its sign or per cent."""

    start: int
    end: int
    value: float
    cur: str | None  # currency unit from a sign before the figure ("$", "€")
    pct: bool
    scale: str | None = None

# Continental European forms: a decimal comma before a scale word ("€1,5 billion"), dots
# grouping thousands ("11.000 soldiers", "1.200.000 shells": three digits after each dot,
# no scale word, not a percentage).
_MODEL_SLASH = re.compile(r"[A-Za-z]-?\d+/$")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _value(num: str, scale: str | None, rules: NumericRules, pct: bool = False) -> float:
    if _DECIMAL_COMMA.fullmatch(num):
        num = num.replace(",", ".")
    elif not scale and not pct and _DOT_GROUPS.fullmatch(num):
        num = num.replace(".", "")
    value = float(re.sub(r"[,\s\u00a0\u202f]", "", num))  # "15,000", "12 000"
    if scale:
        value = scaled(value, rules.scales.get(scale.lower(), 1.0))
    return value


def scaled(value: float, scale: float) -> float:
    """value * scale as written: "$4.1 billion" is 4,100,000,000, not 4,099,999,999.9999995."""
    return float(f"{value * scale:.12g}")


def _instead(out: list[Num], num: Num) -> list[Num]:
    """`out` with `num` in place of the numbers read inside its words ("two dozen": not
    "two"; "several hundred": not "hundred")."""
    return [n for n in out if not (num.start <= n.start < num.end)] + [num]


_WORD_RANGE = re.compile(rf"^(?P<low>(?:{_SMALL})(?:\s+(?:{_SMALL}))*)\s+and\s+(?P<high>.+)$")


def _word_figures(text: str, m: re.Match[str], words: str) -> list[Num]:
    """The figure of number words ("eleven thousand"), with its scale word; "four and six
    million" is no one number but a range's two ends, the low end read in the high end's
    scale by the range that joins them ("between four and six million rounds")."""
    try:
        value = float(text2num(" ".join(words.split()), "en"))
    except ValueError:
        pair = _WORD_RANGE.match(" ".join(words.split()))
        if pair is None:
            return []
        try:
            low, high = (float(text2num(pair.group(g), "en")) for g in ("low", "high"))
        except ValueError:
            return []
        cut = re.search(r"\s+and\s+", m.group(), re.IGNORECASE)
        assert cut is not None
        scale = pair.group("high").split()[-1]
        return [Num(m.start(), m.start() + cut.start(), low, None, False),
                Num(m.start() + cut.end(), m.end(), high, None, False,
                    scale if scale in _SCALE.split("|") else None)]
    at = m.start()
    half = _HALF_A.search(text, max(0, at - 6), at)
    if half is not None and m.group()[:2].lower() in ("a ", "an"):
        value, at = value / 2, half.start()  # "half a million shells"
    last = words.split()[-1]
    return [Num(at, m.end(), value, None, False,
                last if last in ("thousand", "million", "billion") else None)]


def find_numbers(text: str, rules: NumericRules, start: int, end: int,
                 counts_one: Callable[[int], bool]) -> list[Num]:
    """Figures in digits ("15,000", "$2.8bn", "60%") and in words ("eleven thousand").
    `counts_one(pos)` says whether a bare "one" ending at pos counts something ("one
    ballistic missile") rather than being a pronoun ("one of them")."""
    out: list[Num] = []
    partner = -1  # where the second number of a skipped range ("aged 18 to 25") starts
    for m in _FIGURE.finditer(text, start, end):
        if m.start() == partner or _label_before(rules, text, m.start()) or \
                _day_of_month(text, m.start(), m.end()) or \
                _model_number(rules, text, m.start(), m.end()):
            # "resolution 2397", "page 12", "December 14 and 15", "aged 18 to 25": not figures
            link = RANGE.match(text, m.end())
            partner = link.end() if link is not None else -1
            continue
        if _MODEL_SLASH.search(text, max(0, m.start() - 12), m.start()):
            continue  # "KN-23/24 missiles": the second model of a pair, not a count
        scale = m.group("scale")
        if scale and len(scale) == 1 and text[m.end("num"):m.end("num") + 1] == " ":
            continue  # "5 m": a distance, not "5m" (five million)
        if re.match(r"[\s-]?mm\b", text[m.end():m.end() + 4]):
            continue  # "170 mm guns": a calibre, not a count
        cur = m.group("cur")
        out.append(Num(m.start(), m.end(), _value(m.group("num"), scale, rules,
                                                  bool(m.group("pct"))),
                        CURRENCY_SIGNS.get(cur.strip().lower()) if cur else None,
                        bool(m.group("pct")), scale))
    for m in _WORDS.finditer(text, start, end):
        words = re.sub(r"^(?:a|an)\s+", "one ", m.group().lower().replace("-", " "))
        if words == "one" and (m.group().lower() != "one" or not counts_one(m.end())):
            continue  # "one of them", "a report": not a count; "one ballistic missile" is
        if words in ("hundred", "thousand", "million", "billion"):
            continue  # "a few thousand": not a count
        if re.search(r"\d", text[max(0, m.start() - 2):m.start()]):
            continue  # "2.8 million": the scale word of a digit figure
        out.extend(_word_figures(text, m, words))
    for m in _AND_A_HALF.finditer(text, start, end):
        n = m.group("n")
        count = float(n) if n.isdigit() else float(text2num(n.lower(), "en"))
        scale = 100.0 if m.group("scale").lower() == "hundred" else rules.scales.get(
            m.group("scale").lower(), 1.0)
        out = _instead(out, Num(m.start(), m.end(), (count + 0.5) * scale, None, False,
                                m.group("scale")))
    for m in _DOZEN.finditer(text, start, end):  # "a dozen missiles", "two dozen drones"
        count = 1 if m.group("n").lower() in ("a", "one") else text2num(m.group("n").lower(), "en")
        out = _instead(out, Num(m.start(), m.end(), 12.0 * count, None, False))
    for m in _ONE_IN.finditer(text, start, end):  # "one in three", "four in ten": a share
        n, d = m.group("n"), m.group("d")
        n_value = float(n) if n.isdigit() else float(text2num(n.lower(), "en"))
        d_value = float(d) if d.isdigit() else float(text2num(d.lower(), "en"))
        if d_value >= 2 and n_value < d_value:
            out = _instead(out, Num(m.start(), m.end(), float(round(100 * n_value / d_value)),
                                    None, True))
    for m in _SEVERAL.finditer(text, start, end):  # "several hundred", "a few thousand"
        scale = 1.0
        for word in m.group("scale").lower().split():
            scale *= rules.scales.get(word, 100.0 if word == "hundred" else 1.0)
        count = _SEVERAL_VALUES[" ".join(m.group("n").lower().split())]
        out = _instead(out, Num(m.start(), m.end(), count * scale, None, False))
    for m in _VAGUE.finditer(text, start, end):  # "thousands of men": its lower bound
        out.append(Num(m.start(), m.end("vague"), _VAGUE_VALUES[
            " ".join(m.group("vague").lower().split())], None, False))
    for m in _FRACTION.finditer(text, start, end):  # "half of", "a third of": a percentage
        if _PERIOD_HALF.search(text, max(0, m.start() - 8), m.start()):
            continue  # "the second half of 2024": a period, not a share
        share = _FRACTIONS[" ".join(m.group("frac").lower().replace("-", " ").split())]
        out.append(Num(m.start(), m.end("frac"), share, None, True))
    out.sort(key=lambda n: n.start)
    return out
