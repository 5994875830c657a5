"""Highlights keep their place when the text around them changes."""

from __future__ import annotations

import pytest

from briefing.core.anchoring import find_quote, make_anchor, reanchor

TEXT = ("South Korean officials estimate as many as 15,000 North Korean troops have been deployed. "
        "Officials said more would come. Later, officials said more would come.")


def test_anchor_records_quote_and_context() -> None:
    start = TEXT.index("as many as")
    a = make_anchor(TEXT, start, start + len("as many as 15,000"))
    assert a.quote == "as many as 15,000"
    assert a.prefix.endswith("officials estimate ")
    assert a.suffix.startswith(" North Korean troops")


def test_anchor_refuses_empty_or_out_of_range_span() -> None:
    with pytest.raises(ValueError):
        make_anchor(TEXT, 5, 5)
    with pytest.raises(ValueError):
        make_anchor(TEXT, 0, len(TEXT) + 1)


def test_unchanged_text_keeps_position() -> None:
    a = make_anchor(TEXT, 10, 30)
    assert reanchor(TEXT, a) == (10, 30)


def test_shifted_text_finds_quote() -> None:
    start = TEXT.index("15,000")
    a = make_anchor(TEXT, start, start + 6)
    shifted = "Menu\nHome\nWorld\n\n" + TEXT
    s, e = reanchor(shifted, a)
    assert shifted[s:e] == "15,000"
    assert s == start + len("Menu\nHome\nWorld\n\n")


def test_repeated_quote_is_placed_by_its_context() -> None:
    second = TEXT.rindex("officials said more would come")
    a = make_anchor(TEXT, second, second + len("officials said more would come"))
    changed = "Intro paragraph added. " + TEXT
    s, e = reanchor(changed, a)
    assert changed[s:e] == "officials said more would come"
    assert changed[s - len("Later, "):s] == "Later, "


def test_reflowed_whitespace_still_anchors() -> None:
    start = TEXT.index("North Korean troops")
    a = make_anchor(TEXT, start, start + len("North Korean troops have been deployed"))
    reflowed = TEXT.replace("troops have", "troops\n  have")
    s, e = reanchor(reflowed, a)
    assert " ".join(reflowed[s:e].split()) == "North Korean troops have been deployed"


def test_vanished_quote_cannot_be_placed() -> None:
    a = make_anchor(TEXT, 0, 20)
    assert reanchor("Completely different article text.", a) is None


def test_find_quote_exact_and_whitespace_tolerant() -> None:
    assert find_quote(TEXT, "15,000 North") == (TEXT.index("15,000"), TEXT.index("15,000") + 12)
    assert find_quote(TEXT, "15,000\nNorth  Korean") is not None
    assert find_quote(TEXT, "not in the text") is None
