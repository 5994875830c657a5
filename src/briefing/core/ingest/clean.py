"""Remove page furniture from scraped article text, keeping every article paragraph.

The page is split into lines ("units": a paragraph, a heading or a menu item)
and each is judged by its shape and by the rules in
`resources/cleaning/boilerplate.toml`:

- prose (a sentence: ends in sentence punctuation, or is long) is kept unless
  a drop rule names it (copyright line, subscribe prompt, cookie banner);
- runs of short non-sentence lines are menus or teaser lists and go, as do
  such lines before the first and after the last prose paragraph;
- a tail marker ("Related Articles", "Comments") ends the article, a block
  marker ("Top stories") drops the headline list after it;
- a second copy of the article (the same paragraphs again) goes.

When in doubt a line is kept: losing an article sentence costs the analyst
more than a stray menu line. `clean_units` keeps every unit with the reason it
was dropped, so metadata can still read the byline and date lines that the
cleaned text leaves out.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.ingest.language_data import with_languages
from briefing.core.ingest.scripts import word_count as count_words
from briefing.core.resources import resource

# Full stops, commas and closing quotes of Chinese and Japanese need no space after them.
# a sentence's end; a note marker may follow it ("… with caution.¹", "… in 2024.[1]")
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』）]*(?:[¹²³⁰⁴-⁹]+|\[\d{1,3}\])?$")
_INNER_PUNCT = re.compile(r"[.!?;:,]\s|[，。、；：！？]")
_CAMEL = re.compile(r"[a-z)][A-Z]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□►▸‣⁃*]|-(?=\s))\s*")
_MARKER_STRIP = " \t•·▪*-–—:.…|>»«\"'"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Rules:
    """The compiled contents of boilerplate.toml."""

    tail: frozenset[str]
    tail_lines: re.Pattern[str] | None  # tail markers with a site's name in them
    block: frozenset[str]
    drop: tuple[tuple[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]], ...]
    absorb: frozenset[str]
    inline: tuple[re.Pattern[str], ...]
    max_words: int
    menu_run: int
    label_words: int
    tail_after_words: int
    closing: re.Pattern[str] | None = None  # a letter's last line, before its signature


def _compile_kind(patterns: list[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """One alternation for the ^-anchored patterns (used with match) and one for the rest.

    A line is then tested against two regexes per kind, not against ~100 one by one.
    """
    anchored = [p[1:] for p in patterns if p.startswith("^")]
    loose = [p for p in patterns if not p.startswith("^")]

    def alternation(pats: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None

    return alternation(anchored), alternation(loose)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read and compile resources/cleaning/boilerplate.toml (once per process)."""
    with resource("cleaning", "boilerplate.toml").open("rb") as fh:
        data = with_languages("boilerplate", tomllib.load(fh))
    drop = tuple((kind, _compile_kind(pats)) for kind, pats in data.get("drop", {}).items())
    limits = data.get("limits", {})
    markers = data.get("markers", {})
    return Rules(
        tail=frozenset(marker_key(m) for m in markers.get("tail", [])),
        tail_lines=(re.compile("|".join(f"(?:{p})" for p in markers["tail_lines"]))
                    if markers.get("tail_lines") else None),
        block=frozenset(marker_key(m) for m in markers.get("block", [])),
        drop=drop,
        absorb=frozenset(data.get("absorb", {}).get("kinds", [])),
        inline=tuple(re.compile(p, re.IGNORECASE)
                     for p in data.get("inline", {}).get("patterns", [])),
        max_words=int(limits.get("max_words", 45)),
        menu_run=int(limits.get("menu_run", 3)),
        label_words=int(limits.get("label_words", 25)),
        tail_after_words=int(limits.get("tail_after_words", 60)),
        closing=(re.compile("|".join(f"(?:{p})" for p in markers["closing"]), re.IGNORECASE)
                 if markers.get("closing") else None),
    )


@dataclass
class Unit:
    """One line of the page and what the cleaner decided about it."""

    text: str
    prose: bool
    words: int
    dropped: str | None = None  # why it went: "tail", "menu", "duplicate", a rule kind...
    run: int = 0  # length of the run of non-sentence lines it was dropped with ("menu")

    @property
    def kept(self) -> bool:
        return self.dropped is None


def fold(text: str) -> str:
    """Lower-case with curly quotes and dashes folded, for comparing phrases."""
    return (text.lower().replace("’", "'").replace("‘", "'").replace("“", '"')
            .replace("”", '"').replace("–", "-").replace("—", "-"))


def line_key(text: str) -> str:
    """A line's text folded, spaces tidied: what an analyst's keep/drop choice is filed under
    (core/cleaning_choices.py), so it finds the same line when the page is read again."""
    return " ".join(fold(text).split())


def marker_key(text: str) -> str:
    return fold(text).strip(_MARKER_STRIP)


def word_count(text: str) -> int:
    return count_words(text)


def is_prose(text: str, label_words: int = 25) -> bool:
    """A sentence-like line: ends in sentence punctuation, or is long running text."""
    words = word_count(text)
    if len(_CAMEL.findall(text)) >= 3:  # "IntroductionBuilding the FoundationsWelcome..."
        return False
    if _SENTENCE_END.search(text.rstrip()):
        return words >= 2 or text.rstrip().endswith(("?", "!"))
    return words >= label_words and bool(_INNER_PUNCT.search(text))


def normalise(text: str) -> list[list[str]]:
    """Lines of the text grouped into blank-line separated blocks, whitespace tidied."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text)  # zero-width and control characters
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None if it is not wrapped.

    Wrapped text has most lines near one width (at most ~110 columns), and many of the
    filled lines stop mid-sentence with the sentence going on in the next line.
    """
    lines = [line for block in blocks for line in block]
    if len(lines) < 6:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(len(lengths) * 0.9) - 1]
    if width > 110 or width < 40:
        return None
    if sum(1 for n in lengths if n > 1.2 * width) > max(1, 0.03 * len(lengths)):
        return None  # long unwrapped paragraphs: lines are paragraphs already
    breaks = sum(1 for block in blocks for a, b in zip(block, block[1:], strict=False)
                 if len(a) >= 0.7 * width and not _SENTENCE_END.search(a)
                 and not _BULLET.match(b))
    full = sum(1 for n in lengths if n >= 0.7 * width)
    return width if breaks >= 3 and breaks >= 0.3 * full else None


def _ends_paragraph(line: str, width: int) -> bool:
    """In wrapped text, a short line (or a sentence end well short of the margin)."""
    return len(line) < 0.7 * width or (bool(_SENTENCE_END.search(line))
                                       and len(line) < 0.9 * width)


def unwrap(blocks: list[list[str]]) -> list[str]:
    """Rejoin paragraphs that were hard-wrapped across lines; else one unit per line."""
    width = _wrap_width(blocks)
    if width is None:
        return [line for block in blocks for line in block]
    out: list[str] = []
    for block in blocks:
        para = ""
        for line in block:
            if para and not _BULLET.match(line) and any(ch.isalpha() for ch in line):
                para += ("" if para.endswith("-") and line[:1].islower() else " ") + line
            else:
                if para:
                    out.append(para)
                para = line
            if _ends_paragraph(line, width):
                out.append(para)
                para = ""
        if para:
            out.append(para)
    return out


def split_units(text: str, rules: Rules | None = None) -> list[Unit]:
    """The page as units, with inline junk (scraper ids) already removed."""
    rules = rules or load_rules()
    units = []
    for line in unwrap(normalise(text)):
        for pattern in rules.inline:
            line = pattern.sub("", line).strip()
        if line:
            units.append(Unit(line, is_prose(line, rules.label_words), word_count(line)))
    return units


def rule_kind(text: str, rules: Rules, words: int | None = None) -> str | None:
    """The [drop] kind a line matches, if it is short enough to be furniture."""
    if (word_count(text) if words is None else words) > rules.max_words:
        return None
    body = fold(_BULLET.sub("", text))  # lower case: IGNORECASE makes `re` ~5x slower
    for kind, (anchored, loose) in rules.drop:
        if (anchored and anchored.match(body)) or (loose and loose.search(body)):
            return kind
    return None


def _cut_tail(units: list[Unit], rules: Rules) -> None:
    prose_words = 0
    for i, unit in enumerate(units):
        if prose_words >= rules.tail_after_words and (
                marker_key(unit.text) in rules.tail
                or (rules.tail_lines is not None and unit.words <= 8
                    and rules.tail_lines.match(marker_key(unit.text)))):
            for later in units[i:]:
                later.dropped = later.dropped or "tail"
            return
        if unit.prose:
            prose_words += unit.words


def _drop_blocks(units: list[Unit], rules: Rules) -> None:
    i = 0
    while i < len(units):
        unit = units[i]
        if unit.kept and not unit.prose and marker_key(unit.text) in rules.block:
            unit.dropped = "teaser"
            j = i + 1
            while j < len(units) and (not units[j].kept or not units[j].prose
                                      or rule_kind(units[j].text, rules, units[j].words)):
                units[j].dropped = units[j].dropped or "teaser"
                j += 1
            i = j
        else:
            i += 1


def sentence_case(text: str) -> bool:
    """A line of running words ("Troops arrived in Kursk in October"), not a menu label.

    Menu items and section names are short and Title Case; list items and table rows
    that belong to the article are longer and mostly lower case.
    """
    words = _BULLET.sub("", text).split()
    if len(words) < 5:
        return False
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return lower >= 0.5 * (len(words) - 1)


def _drop_menus(units: list[Unit], rules: Rules) -> None:
    """Runs of short Title Case non-sentence lines: menus (dropped lines do not break a run).

    A run is kept when the line before it introduces a list ("...three kinds:"), or when
    it sits inside the article and most of its lines hold figures (a table).
    """
    run: list[int] = []

    def flush(mid_article: bool) -> None:
        labels = [k for k in run if units[k].kept]
        if len(labels) >= rules.menu_run:
            before = run[0] - 1
            while before >= 0 and not units[before].kept:
                before -= 1
            is_list = before >= 0 and units[before].text.endswith(":")
            figures = sum(1 for k in labels if any(ch.isdigit() for ch in units[k].text))
            is_table = mid_article and before >= 0 and figures * 2 >= len(labels)
            if not (is_list or is_table):
                for k in labels:
                    units[k].dropped = "menu"
                    units[k].run = len(labels)
        run.clear()

    for i, unit in enumerate(units):
        if _DIVIDER.match(unit.text):  # "——————————" closes a block (a sign-off above it)
            flush(mid_article=True)
        elif not unit.kept or not (unit.prose or sentence_case(unit.text)):
            run.append(i)
        else:
            flush(mid_article=True)
    flush(mid_article=False)


def heading_over_paragraph(units: list[Unit], at: int, fewest: int = 4) -> bool:
    """The line heads the paragraph right under it ("Kremlin declines to comment" over
    the first post of a live page, 'Zelensky: "We need more Patriots"'): four (or
    `fewest`) to twelve words in sentence case, as a headline is written, where menu items
    are one or two words or Title Case; a quotation mark opening a word is not its case."""
    text = units[at].text
    words = [w.lstrip("\"“‘'«") or w for w in text.split()]
    below = at + 1
    if (below >= len(units) or not units[below].kept or not units[below].prose
            or units[below].words < 12 or not fewest <= len(words) <= 12 or units[at].prose
            or any(ch.isdigit() for ch in text) or not words[0][:1].isupper()):
        return False
    # a quotation after a colon starts again with a capital ('Zelensky: "We need …"')
    rest = [w for k, w in enumerate(words[1:]) if not words[k].endswith(":")]
    return bool(rest) and sum(1 for w in rest if w[:1].islower()) >= 0.6 * len(rest)


_SIGNATURE = re.compile(r"^[-—–~\s]*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*$")
_DIVIDER = re.compile(r"^\s*[-—–_=*~·•]{3,}\s*$")


def _absorb(units: list[Unit], rules: Rules) -> None:
    """Short non-sentence lines inside a prompt box go with it.

    Only lines with prompt lines on both sides ("Trusted by 114,000+ subscribers"
    between "Subscribe..." and "No spam..."), at most three in a row: a heading that
    merely follows a box is article text.
    """
    i = 0
    while i < len(units):
        if not (units[i].kept and not units[i].prose and units[i].words <= 12):
            i += 1
            continue
        j = i
        while j < len(units) and units[j].kept and not units[j].prose and units[j].words <= 12:
            j += 1
        before = units[i - 1].dropped if i > 0 else None
        after = units[j].dropped if j < len(units) else None
        if j - i <= 3 and before in rules.absorb and after in rules.absorb:
            for k in range(i, j):
                units[k].dropped = "absorbed"
        i = j


def _trim_ends(units: list[Unit], rules: Rules) -> None:
    """Non-sentence lines before the first and after the last prose line are furniture.

    A list the last paragraph introduces ("...three kinds of weapons:") stays, and so does
    the writer's signature under a letter's closing line ("Stay safe, and thank you for
    reading." then "Oksana").
    """
    kept = [i for i, u in enumerate(units) if u.kept]
    prose = [i for i in kept if units[i].prose]
    if not prose:
        return
    last = prose[-1]
    list_end = last
    if units[last].text.endswith(":"):
        while list_end + 1 < len(units) and units[list_end + 1].kept:
            list_end += 1
    elif (rules.closing is not None and rules.closing.search(units[last].text)
          and last + 1 < len(units) and units[last + 1].kept
          and _SIGNATURE.match(units[last + 1].text)):
        list_end = last + 1
    first_section = _first_numbered_heading(units, kept, prose[0])
    for i in kept:
        if i < prose[0] and i != first_section:
            units[i].dropped = "head"
        elif i > list_end:
            units[i].dropped = "foot"


_NUMBERED = re.compile(r"^(\d)[.:)]?\s+\S")


def _first_numbered_heading(units: list[Unit], kept: list[int], first: int) -> int | None:
    """The heading of a newsletter's first numbered section just above its first paragraph
    ("1 big thing: …" over the story, with "2. …", "3. …" heading the later ones): article
    text, not the page head."""
    before = [i for i in kept if i < first]
    if not before:
        return None
    top = before[-1]
    m = _NUMBERED.match(units[top].text)
    if m is None or m[1] != "1" or units[top].prose or top + 1 != first:
        return None
    later = {m2[1] for i in kept if i > first and not units[i].prose
             and (m2 := _NUMBERED.match(units[i].text))}
    return top if "2" in later else None


_PULL_QUOTE = re.compile(r"^[\"“«‘'][^\"“”«»]{10,200}[\"”»’']$")


def _drop_repeats(units: list[Unit]) -> None:
    """A second copy of a paragraph goes; short lines go with a repeated copy; so does a
    pull quote ("\"Every soldier who comes home is a teacher\"" beside the paragraph that
    quotes it in full; a heading of a few quoted words, "\"A new stage\"", stays)."""
    seen: set[str] = set()
    repeat: list[bool] = []
    for unit in units:
        key = " ".join(_WORD.findall(fold(unit.text)))
        repeat.append(unit.kept and key in seen)
        if unit.kept:
            seen.add(key)
    keys = [" ".join(_WORD.findall(fold(u.text))) for u in units]
    for i, unit in enumerate(units):
        if unit.kept and not repeat[i] and unit.words >= 6 and _PULL_QUOTE.match(
                unit.text.strip()) and any(
                j != i and units[j].kept and units[j].words > unit.words + 5
                and keys[i] in keys[j] for j in range(max(0, i - 3), min(len(units), i + 4))):
            # a pull quote: a quoted line the paragraph beside it says in full
            unit.dropped = "duplicate"
            continue
        if not repeat[i]:
            continue
        if unit.words >= 8:
            unit.dropped = "duplicate"
            continue
        neighbours = [j for j in (i - 1, i + 1, i - 2, i + 2) if 0 <= j < len(units)]
        if any(repeat[j] and units[j].words >= 8 for j in neighbours):
            unit.dropped = "duplicate"


def clean_units(text: str) -> list[Unit]:
    """Every unit of the page, each marked kept or dropped (with the reason)."""
    rules = load_rules()
    units = split_units(text, rules)
    _cut_tail(units, rules)
    for unit in units:
        if unit.kept:
            unit.dropped = rule_kind(unit.text, rules, unit.words)
    _drop_post_names(units)
    _drop_blocks(units, rules)
    _absorb(units, rules)
    _drop_menus(units, rules)
    _trim_ends(units, rules)
    _drop_repeats(units)
    return units


_HANDLE = re.compile(r"^@\w{2,30}$")


def _drop_post_names(units: list[Unit]) -> None:
    """The account's display name over a dropped handle line ("Andrii Sybiha 🇺🇦" over
    "@andrii_sybiha"): the head of an embedded post, furniture like the handle; the post's
    text under it stays."""
    for above, unit in zip(units, units[1:], strict=False):
        if (unit.dropped and _HANDLE.match(unit.text) and above.kept and not above.prose
                and above.words <= 6):
            above.dropped = unit.dropped


def join_units(units: list[Unit]) -> str:
    """The kept units as text, paragraphs separated by a blank line."""
    return "\n\n".join(u.text for u in units if u.kept)


def clean_text(text: str) -> str:
    """Cleaned article text: paragraphs separated by "\\n\\n"."""
    return join_units(clean_units(text))
