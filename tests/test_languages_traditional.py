"""Traditional Chinese (Taiwan's, Hong Kong's outlets) read with the simplified rules: the
page is folded to simplified characters by OpenCC before cues and verbs are matched, and
the suggestions keep the page's own characters and offsets. Cases written for the test."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.claims.han_forms import fold_traditional
from briefing.core.perspectives import load_default_perspectives


def claims(text: str, title: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title)}


def test_the_fold_keeps_every_character_at_its_place() -> None:
    text = "俄羅斯外交部發言人說，報告屬實。English stays."
    folded = fold_traditional(text)
    assert len(folded) == len(text)
    assert folded.startswith("俄罗斯外交部发言人说，报告属实。")
    assert fold_traditional("No Han here.") == "No Han here."


def test_traditional_verbs_and_bodies_are_read_as_simplified() -> None:
    said = "俄羅斯外交部發言人札哈羅娃表示，莫斯科與平壤的合作符合國際法。"
    called = "烏克蘭國防部認為，北韓士兵已在前線作戰。"
    text = "（中央社記者台北17日電）北韓派兵協助俄羅斯作戰已近兩個月。\n" + said + "\n" + called + "\n"
    found = claims(text)
    assert found[said] == ["russian"]  # the quote is the page's own traditional text
    assert found[called] == ["ukrainian"]


def test_a_suggestion_points_at_the_traditional_page() -> None:
    said = "中國外交部發言人林劍表示，中方立場是一貫的。"
    text = "北韓派兵已近兩個月。\n" + said + "\n"
    hit = next(s for s in suggest_claims(text, load_default_perspectives())
               if s.quote == said)
    assert text[hit.start:hit.end] == said
    assert hit.perspectives == ["chinese"]


def test_a_stop_inside_corner_quotes_ends_no_sentence() -> None:
    """「…。」 (Taiwan's and Hong Kong's quotation marks): the quoted words and who said
    them after are one sentence."""
    quoted = "「北京在等待美國新政府的政策，不會在此時冒險表態。」李明哲說。"
    text = "北韓派兵已近兩個月。\n淡江大學副教授李明哲認為，中國的沉默與美國政局有關。\n" + quoted + "\n"
    found = claims(text)
    assert found[quoted] == []  # the analyst, his own view
