"""The labelled unseen pages are consistent with their own schema (tests/data/unseen/README.md).

This checks the labels, not the app: every page is labelled, every labelled text is really in
its page, statements and figures sit inside labelled body text, and keys are known. Quality
of the app on these pages is measured by the quality tests and benchmarks/quality_*.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import lxml.html
import pytest

UNSEEN = Path(__file__).parent / "data" / "unseen"
HALVES = ("dev", "test")
GENRES = {
    "briefing-transcript", "press-conference", "doorstep", "wire-story", "agency-story",
    "footnoted-paper", "magazine-longform", "newsletter", "markdown-page",
    "government-statement", "social-roundup",
}
PERSPECTIVES = {"ukrainian", "us", "south_korean", "chinese", "russian", "north_korean",
                "nato_european"}
PAGE_KEYS = {"genre", "language", "title", "publisher", "authors", "date", "body", "furniture",
             "statements", "figures"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FOOTNOTE_MARK = re.compile(r"\[\^?\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+")


def fold(text: str) -> str:
    """NFC, typographic quotes and dashes as in the page, whitespace folded to one space."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def plain_text(path: Path) -> str:
    """The page as plain text: markup gone, link text kept, footnote markers removed."""
    raw = path.read_bytes().decode("utf-8")
    if path.suffix == ".html":
        root = lxml.html.fromstring(raw)
        for bad in root.xpath("//script|//style|//sup|//noscript"):
            bad.drop_tree()
        # a table row reads as its cells joined by " | ", as a Markdown table row does
        for cell in root.xpath("//tr/*[self::td or self::th][following-sibling::td or following-sibling::th]"):
            cell.tail = " | "
        for block in root.xpath("//p|//div|//li|//h1|//h2|//h3|//h4|//tr|//br|//blockquote"):
            block.tail = "\n" + (block.tail or "")
        raw = root.text_content()
    elif path.suffix == ".md":
        raw = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", raw)  # images
        raw = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", raw)  # links
        raw = re.sub(r"^\[\^\d+\]:\s*", "", raw, flags=re.M)  # footnote definitions
        # emphasis marks, not underscores inside a word ("20241028_briefing_eng.pdf")
        raw = re.sub(r"`|\*\*|\*|(?<!\w)__?|__?(?!\w)", "", raw)
        raw = re.sub(r"^\s{0,3}(#{1,6}|>|[-+]|\d+\.)\s+", "", raw, flags=re.M)
    raw = FOOTNOTE_MARK.sub("", raw)
    return fold(raw)


def halves_with_labels() -> list[str]:
    return [h for h in HALVES if (UNSEEN / h / "labels.json").exists()]


def load(half: str) -> dict:
    return json.loads((UNSEEN / half / "labels.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("half", halves_with_labels())
def test_every_page_is_labelled_and_every_label_has_a_page(half: str) -> None:
    labels = load(half)
    assert labels["schema"] == "briefing-unseen/1"
    pages = {p.name for p in (UNSEEN / half).iterdir() if p.suffix in (".txt", ".html", ".md")}
    assert pages == set(labels["pages"])


@pytest.mark.parametrize("half", halves_with_labels())
def test_labels_follow_the_schema_and_their_texts_are_in_the_page(half: str) -> None:
    problems: list[str] = []
    for name, page in load(half)["pages"].items():
        where = f"{half}/{name}"
        if set(page) != PAGE_KEYS:
            problems.append(f"{where}: keys {sorted(set(page) ^ PAGE_KEYS)}")
            continue
        if page["genre"] not in GENRES:
            problems.append(f"{where}: unknown genre {page['genre']!r}")
        if page["date"] is not None and not DATE.match(page["date"]):
            problems.append(f"{where}: date {page['date']!r}")
        text = plain_text(UNSEEN / half / name)
        body = [fold(b) for b in page["body"]]
        if not body:
            problems.append(f"{where}: no body")
        for entry in body:
            if entry not in text:
                problems.append(f"{where}: body entry not in page: {entry[:70]!r}")
        for line in page["furniture"]:
            if fold(line) not in text:
                problems.append(f"{where}: furniture not in page: {line[:70]!r}")
            if any(fold(line) in b for b in body):
                problems.append(f"{where}: furniture inside body text: {line[:70]!r}")
        for kind in ("statements", "figures"):
            for item in page[kind]:
                if not any(fold(item["text"]) in b for b in body):
                    problems.append(f"{where}: {kind[:-1]} not in body: {item['text'][:70]!r}")
                unknown = set(item["perspectives"]) - PERSPECTIVES
                if unknown:
                    problems.append(f"{where}: unknown perspectives {sorted(unknown)}")
        for figure in page["figures"]:
            if fold(figure["figure"]).split()[0] not in fold(figure["text"]):
                problems.append(f"{where}: figure {figure['figure']!r} not in its sentence")
            if not isinstance(figure["value"], int | float):
                problems.append(f"{where}: figure value {figure['value']!r}")
    assert not problems, "\n".join(problems)


def test_each_half_covers_enough_genres() -> None:
    for half in halves_with_labels():
        counts: dict[str, int] = {}
        for page in load(half)["pages"].values():
            counts[page["genre"]] = counts.get(page["genre"], 0) + 1
        covered = [g for g, n in counts.items() if n >= 3]
        assert len(covered) >= 8, f"{half}: genres with 3+ pages: {counts}"
