"""Figures written in Ukrainian, Russian, Korean and Chinese notation, as numeric claims.

"11 тисяч військових", "10 тысяч военных", "1만1천여명", "一万一千名", "八千名": the figure,
what it counts and whose troops, with the same units and English subjects as the
English figures ("North Korean troops"), so the claims view lines them up together.
The vocabulary is data: the [numbers] tables of resources/claims/languages/<code>.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.core.models import NumericClaim
from briefing.core.resources import resource

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# (a decimal point ends no sentence: "1.1万名")
_SENTENCE = re.compile(r"(?:[^.!?。！？\n]|(?<=\d)\.(?=\d))+[.!?。！？]?")


@dataclass
class NumberRules:
    """The [numbers] tables of every language file, merged."""

    scales: dict[str, float] = field(default_factory=dict)
    qualifiers: list[str] = field(default_factory=list)
    units: dict[str, tuple[str, str]] = field(default_factory=dict)  # noun -> (unit, subject)
    counters: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)
    nationality: dict[str, str] = field(default_factory=dict)  # cue -> "North Korean"


@lru_cache(maxsize=1)
def number_rules() -> NumberRules:
    rules = NumberRules()
    folder = resource("claims", "languages")
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        data = tomllib.loads(path.read_text(encoding="utf-8")).get("numbers", {})
        rules.scales.update({k.lower(): float(v) for k, v in data.get("scales", {}).items()})
        rules.qualifiers.extend(q.lower() for q in data.get("qualifiers", []))
        for unit in data.get("unit", []):
            for noun in unit.get("nouns", []):
                rules.units[noun.lower()] = (unit["name"], unit["subject"])
            for counter in unit.get("counters", []):  # "명", "名": a count of people
                rules.counters[counter] = (unit["name"], unit["subject"], unit.get("context", []))
        for label, cues in data.get("nationality", {}).items():
            for cue in cues:
                rules.nationality[cue.lower()] = label
    return rules


def chinese_number(text: str) -> float | None:
    """一万一千 -> 11000, 八千 -> 8000, 1万1千 -> 11000, 300 -> 300; None if not a number."""
    total = section = 0.0
    digits = ""
    for ch in text:
        if ch.isdigit() or (digits and ch in ".,"):  # "1.1万", "3,000"
            digits += ch
            continue
        value = float(digits.replace(",", "")) if digits else None
        digits = ""
        if ch in _CN_DIGITS:
            section += _CN_DIGITS[ch]
        elif ch in _CN_UNITS or ch in "천백":
            unit = _CN_UNITS.get(ch) or {"천": 1000, "백": 100}[ch]
            section = section - (section % 10) + (value if value is not None else
                                                  (section % 10 or 1)) * unit
        elif ch in "万만萬":
            if value is not None:
                section += value
            total += (section or 1) * 10_000
            section = 0
        else:
            return None
    if digits:
        section += float(digits.replace(",", ""))
    result = total + section
    return result or None


def _nationality(rules: NumberRules, sentence: str) -> str | None:
    low = sentence.lower()
    found = [(low.find(cue), label) for cue, label in rules.nationality.items() if cue in low]
    return min(found)[1] if found else None


def _qualifier(rules: NumberRules, before: str) -> str | None:
    low = before.lower().rstrip()
    for q in sorted(rules.qualifiers, key=len, reverse=True):
        if low.endswith(q) and (len(low) == len(q) or not low[-len(q) - 1].isalnum()
                                or not q.isalpha() or not q.isascii()):
            return q
    return None


_CYRILLIC_FIGURE = re.compile(
    r"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?)(?:\s*(?P<scale>[а-яіїєё]+\.?))?"
    r"(?P<words>(?:\s+[а-яіїєёА-ЯІЇЄЁ'’-]+){1,3})")
_COUNTER_FIGURE = re.compile(
    # a figure not inside another ("3,000", "1.1万") nor a vague one ("数千名", "几千名")
    r"(?<![0-9.,数几])"
    r"(?P<num>[0-9一二两三四五六七八九十百千万萬零〇](?:[0-9一二两三四五六七八九十百千万萬零〇]|"
    r"[.,](?=[0-9]))*(?:만[0-9]*(?:천)?|천)?[0-9]*)"
    r"(?P<approx>여|多|余)?\s?(?P<counter>명|名)")


def foreign_numeric_claims(text: str, start: int = 0, end: int | None = None,
                           perspectives: list[str] | None = None) -> list[NumericClaim]:
    """Figures in text[start:end] written in another language's notation; offsets into text."""
    rules = number_rules()
    end = len(text) if end is None else end
    keys = list(perspectives or [])
    out: list[NumericClaim] = []
    for sm in _SENTENCE.finditer(text, start, end):
        s0, sentence = sm.start(), sm.group()
        nationality = _nationality(rules, sentence)
        for m in _CYRILLIC_FIGURE.finditer(sentence):
            scale = (m.group("scale") or "").lower()
            words = m.group("words").split()
            if scale and scale not in rules.scales:
                words.insert(0, scale)
                scale = ""
            hit = next(((i, rules.units[w.lower()]) for i, w in enumerate(words)
                        if w.lower() in rules.units), None)
            if hit is None:
                continue
            i, (unit, subject) = hit
            figure = float(m.group("num").replace(",", ".")) * rules.scales.get(scale, 1.0)
            stop = m.end("words") - len(" ".join(words[i + 1:])) - (1 if words[i + 1:] else 0)
            out.append(_claim(text, s0 + m.start(), s0 + stop, figure, unit, subject,
                              nationality, keys, _qualifier(rules, sentence[:m.start()])))
        for m in _COUNTER_FIGURE.finditer(sentence):
            unit, subject, context = rules.counters[m.group("counter")]
            if context and not any(c in sentence for c in context):
                continue
            count = chinese_number(m.group("num"))
            if count is None:
                continue
            qualifier = "more than" if m.group("approx") else _qualifier(
                rules, sentence[:m.start()])
            out.append(_claim(text, s0 + m.start(), s0 + m.end(), count, unit, subject,
                              nationality, keys, qualifier))
    return out


def _claim(text: str, start: int, end: int, figure: float, unit: str, subject: str,
           nationality: str | None, keys: list[str], qualifier: str | None) -> NumericClaim:
    label = f"{nationality} {subject}" if nationality else subject
    return NumericClaim(figure=figure, text=text[start:end].strip(), unit=unit, subject=label,
                        start=start, end=end, perspectives=list(keys), qualifier=qualifier)
