"""Numeric claims: figures with their unit and what they count.

"as many as 15,000 North Korean troops" -> figure 15000, unit troops, subject
"North Korean troops", qualifier "as many as". Only figures followed by a known noun
(or a currency / percent sign) count; years, dates, distances and bare numbers do not.
Vocabulary lives in resources/claims/numeric.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.claims.cues import normalise
from briefing.core.claims.numeric_languages import foreign_numeric_claims
from briefing.core.models import NumericClaim
from briefing.core.resources import resource

_FIGURE = re.compile(
    r"(?<![\w$.,])(?P<cur>US\$|\$|USD\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|bn|tn|k|m|b)(?![\w]))?"
    r"(?P<pct>\s?%)?\+?(?![\w])")
_TOKEN = re.compile(r"%|[\w'-]+(?:\.[\w'-]+)*")
_OTHER_SCRIPT = re.compile(r"[\u0400-\u052f\uac00-\ud7af\u4e00-\u9fff]")
LOOK_BACK = 400  # characters searched before a figure for whose troops/money it counts
_TRAILING = frozenset({"for", "of", "in", "the", "a", "an", "to", "and", "or", "on", "at", "by"})
_MONEY_WORDS = ("military aid", "aid", "weapons", "arms", "loan", "cash", "payment", "gdp",
                "munitions", "assistance", "sanctions", "revenue", "exports", "imports")


@dataclass(frozen=True)
class NumericRules:
    qualifiers: tuple[str, ...]
    scales: dict[str, float]
    nouns: dict[str, tuple[str, str]]  # noun phrase -> (unit, subject noun)
    max_noun_words: int
    modifiers: frozenset[str]
    casualty_words: frozenset[str]
    casualty_lead: tuple[str, ...]
    nationality: dict[str, str]
    nationality_rx: re.Pattern[str]


@lru_cache(maxsize=1)
def numeric_rules() -> NumericRules:
    """The shipped vocabulary, parsed once."""
    data = tomllib.loads(resource("claims", "numeric.toml").read_text(encoding="utf-8"))
    nouns: dict[str, tuple[str, str]] = {}
    for unit in data["unit"]:
        for noun, subject in unit["nouns"].items():
            nouns[noun.lower()] = (unit["name"], subject)
    nat = {k.lower(): v for k, v in data["nationality"].items()}
    ordered = sorted(nat, key=lambda k: (-len(k), k))
    rx = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(k) for k in ordered) + r")(?![\w'-])",
                    re.IGNORECASE)
    return NumericRules(
        qualifiers=tuple(sorted((q.lower() for q in data["qualifiers"]), key=len, reverse=True)),
        scales={k.lower(): float(v) for k, v in data["scales"].items()},
        nouns=nouns,
        max_noun_words=max(len(n.split()) for n in nouns),
        modifiers=frozenset(m.lower() for m in data["modifiers"]),
        casualty_words=frozenset(w.lower() for w in data["casualty_words"]),
        casualty_lead=tuple(w.lower() for w in data["casualty_lead"]),
        nationality=nat,
        nationality_rx=rx,
    )


def _nationality_at(rules: NumericRules, text: str, pos: int) -> tuple[str, int] | None:
    """Nationality phrase starting exactly at pos (with its end), if any."""
    m = rules.nationality_rx.match(text, pos)
    if not m or (m.group() == "us"):  # the pronoun "us"
        return None
    return rules.nationality[m.group().lower()], m.end()


def _nearest_nationality(rules: NumericRules, text: str, start: int, stop: int) -> str | None:
    found = [m for m in rules.nationality_rx.finditer(text, start, stop) if m.group() != "us"]
    return rules.nationality[found[-1].group().lower()] if found else None


def _clause_start(text: str, pos: int) -> int:
    """Where the sentence holding pos starts (bounded look-back keeps long texts linear)."""
    lo = max(0, pos - LOOK_BACK)
    cut = max(text.rfind(". ", lo, pos), text.rfind("\n", lo, pos))
    return cut + 1 if cut >= 0 else lo


def _first_nationality(rules: NumericRules, text: str, start: int, stop: int) -> str | None:
    """The first country named in the passage: who pays or receives, usually."""
    found = [m for m in rules.nationality_rx.finditer(text, start, stop) if m.group() != "us"]
    return rules.nationality[found[0].group().lower()] if found else None


def _read_noun(rules: NumericRules, text: str, pos: int, limit: int):
    """After a figure: skip modifiers/nationality, match a counted noun.

    Returns (unit, subject noun, nationality, end of noun) or None.
    """
    tokens = list(_TOKEN.finditer(text, pos, min(limit, pos + 120)))
    nationality = None
    i = 0
    while i < len(tokens) and i < 7:
        for n in range(min(rules.max_noun_words, len(tokens) - i), 0, -1):
            phrase = " ".join(t.group().lower() for t in tokens[i:i + n])
            if phrase in rules.nouns:
                unit, subject = rules.nouns[phrase]
                return unit, subject, nationality, tokens[i + n - 1].end()
        nat = _nationality_at(rules, text, tokens[i].start())
        if nat is not None:
            nationality = nat[0]
            while i < len(tokens) and tokens[i].start() < nat[1]:
                i += 1
            continue
        if tokens[i].group().lower() not in rules.modifiers:
            return None
        i += 1
    return None


def _qualifier(rules: NumericRules, text: str, pos: int) -> str | None:
    before = re.sub(r"\s+", " ", text[max(0, pos - 30):pos].lower()).rstrip()
    for q in rules.qualifiers:
        if before.endswith(q) and (len(before) == len(q) or not before[-len(q) - 1].isalnum()):
            return q
    return None


def _value(num: str, scale: str | None, rules: NumericRules) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= rules.scales.get(scale.lower(), 1.0)
    return value


def numeric_claims(text: str, start: int = 0, end: int | None = None,
                   perspectives: Iterable[str] = ()) -> list[NumericClaim]:
    """Figures with a unit in text[start:end]; offsets are into `text`."""
    rules = numeric_rules()
    end = len(text) if end is None else end
    base = start
    norm = normalise(text[start:end])  # work on the passage only: offsets + base
    start, end = 0, len(norm)
    keys = list(perspectives)
    out: list[NumericClaim] = []
    for m in _FIGURE.finditer(norm, start, end):
        scale = m.group("scale")
        if scale and len(scale) == 1 and norm[m.end("num"):m.end("num") + 1] == " ":
            continue  # "5 m": a distance, not "5m" (five million)
        figure = _value(m.group("num"), scale, rules)
        after = m.end()
        nationality = None
        if m.group("pct") or re.match(r"\s+(?:per\s+cent|percent)\b", norm[after:after + 12],
                                      re.IGNORECASE):
            unit = "percent"
            tail = re.match(r"(?:\s+(?:per\s+cent|percent))?\s+of\s+((?:[\w'-]+\s?){1,3})",
                            norm[after:end], re.IGNORECASE)
            words = tail.group(1).split() if tail else []
            while words and words[-1].lower() in _TRAILING:
                words.pop()
            subject = " ".join(words) or "percent"
            unit_text = re.match(r"\s+(?:per\s+cent|percent)", norm[after:after + 12], re.I)
            after += unit_text.end() if unit_text else 0
            noun_end = after
        elif m.group("cur"):
            unit = "usd"
            window = norm[max(start, m.start() - 80):min(end, after + 80)].lower()
            word = next((w for w in _MONEY_WORDS if re.search(rf"\b{w}\b", window)), "money")
            nationality = _first_nationality(rules, norm, _clause_start(norm, m.start()), m.start())
            subject = word
            noun_end = after
        else:
            read = _read_noun(rules, norm, after, end)
            if read is None:
                continue
            unit, subject, nationality, noun_end = read
            if unit == "troops":
                tail_words = {w.lower() for w in _TOKEN.findall(norm[noun_end:noun_end + 50])[:6]}
                lead = norm[max(start, m.start() - 40):m.start()].lower()
                if tail_words & rules.casualty_words or \
                        any(re.search(rf"\b{re.escape(w)}\b", lead) for w in rules.casualty_lead):
                    unit, subject = "casualties", "casualties"
            if nationality is None:
                nat = _nationality_at(rules, norm, noun_end + 1) if noun_end < end else None
                nationality = nat[0] if nat else _nearest_nationality(
                    rules, norm, _clause_start(norm, m.start()), m.start())
        label = f"{nationality} {subject}" if nationality else subject
        out.append(NumericClaim(
            figure=figure, text=text[base + m.start():base + after].strip(), unit=unit,
            subject=label, start=base + m.start(), end=base + after,
            perspectives=list(keys), qualifier=_qualifier(rules, norm, m.start())))
    if _OTHER_SCRIPT.search(norm):  # "11 тисяч військових", "1만1천여명", "一万一千名"
        out.extend(foreign_numeric_claims(text, base, base + len(norm), keys))
    return out
