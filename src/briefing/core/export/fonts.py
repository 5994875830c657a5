"""Fonts for Hangul, Han and Cyrillic in the .docx note (resources/export/fonts.toml).

Word draws each character with the run font of its script class: w:ascii/w:hAnsi for
Latin and Cyrillic, w:eastAsia for Hangul, Han and kana. A template that names no East
Asian font leaves Korean and Chinese to Word's own guess (often boxes on a machine set
up for English), so the shipped template names one, and every run holding East Asian
characters names the font and language of its script: Korean then gets a Korean font
and Chinese a Chinese one under any template, and LibreOffice, missing the Windows font,
falls back by the run's language to an installed CJK font of the right variant.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefing.core.resources import resource


@dataclass(frozen=True)
class EastAsianFont:
    script: str        # ko, ja, zh
    pattern: re.Pattern[str]
    font: str          # the w:eastAsia font name
    lang: str          # the w:lang w:eastAsia tag, e.g. ko-KR


@dataclass(frozen=True)
class NoteFonts:
    latin: str                        # ascii/hAnsi/cs: Latin and Cyrillic
    east_asian: tuple[EastAsianFont, ...]
    default: EastAsianFont            # the template's East Asian font
    any_east_asian: re.Pattern[str]   # one character of any East Asian script


@cache
def note_fonts() -> NoteFonts:
    """The fonts data, read once."""
    with open(resource("export", "fonts.toml"), "rb") as fh:
        data = tomllib.load(fh)
    fonts = tuple(EastAsianFont(e["script"], re.compile(f"[{e['chars']}]"), e["font"], e["lang"])
                  for e in data["east_asian"])
    default = next(f for f in fonts if f.script == data["east_asian_default"])
    every = "".join(e["chars"] for e in data["east_asian"])
    return NoteFonts(data["latin"], fonts, default, re.compile(f"[{every}]"))


def east_asian_font(text: str) -> EastAsianFont | None:
    """The East Asian script of `text` (the first in the data it holds), or None."""
    fonts = note_fonts()
    if fonts.any_east_asian.search(text) is None:
        return None
    return next((f for f in fonts.east_asian if f.pattern.search(text)), fonts.default)


def _set_run_font(run, font: EastAsianFont) -> None:
    """Name `font` as the run's East Asian font and its language as the run's East Asian
    language, keeping whatever else the run's properties say."""
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        # rFonts comes first in rPr after the run style (CT_RPr's order)
        style = rpr.find(qn("w:rStyle"))
        if style is not None:
            style.addnext(fonts)
        else:
            rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font.font)
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)  # a theme font would override the name
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        _place_lang(rpr, lang)
    lang.set(qn("w:eastAsia"), font.lang)


# rPr children the schema (CT_RPr's sequence) orders after w:lang
_AFTER_LANG = {qn(t) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")}


def _place_lang(rpr, lang) -> None:
    """Put `lang` at the end of the run properties, before the few the schema puts after it."""
    for child in rpr:
        if child.tag in _AFTER_LANG:
            child.addprevious(lang)
            return
    rpr.append(lang)


def mark_east_asian_runs(root) -> int:
    """Give every run under `root` whose text holds Hangul, Han or kana its script's font
    and language; returns how many runs were marked."""
    marked = 0
    pattern = note_fonts().any_east_asian
    for run in root.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if not text or pattern.search(text) is None:
            continue
        font = east_asian_font(text)
        if font is not None:
            _set_run_font(run, font)
            marked += 1
    return marked
