"""An outlet is no speaker in Chinese: a wire that passes on another's words ("据路透社
报道，韩国国家情报院表示…") gives them to the one with a side after its clause; an outlet
being told ("对法新社说") or interviewing ("接受…采访时") ends the speaker's words; a clause
of a lone adverb ("…被问及…时，仅表示") takes its speaker from the clause before. Cases
written for the test."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str) -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives for s in suggest_claims(text, load_default_perspectives())}


LEAD = "朝鲜向俄罗斯派兵已近两个月。\n"


def test_a_wire_passes_on_the_words_of_the_side_after_it() -> None:
    relayed = "据路透社12月23日报道，韩国国家情报院当天表示，朝鲜可能追加派兵。"
    assert claims(LEAD + relayed + "\n")[relayed] == ["south_korean"]


def test_the_outlet_being_told_is_not_the_speaker() -> None:
    told = "美国国务院发言人米勒对塔斯社说，朝俄合作违反安理会决议。"
    analyst = "复旦大学教授郑明远接受中央社采访时表示，北京不愿批评莫斯科。"
    found = claims(LEAD + told + "\n" + analyst + "\n")
    assert found[told] == ["us"]  # TASS, a Russian outlet, is only told
    assert found[analyst] == []  # the analyst, not Beijing nor the outlet


def test_a_lone_adverbs_clause_takes_the_speaker_before_it() -> None:
    alone = "中国外交部发言人林剑16日在例行记者会上被问及朝鲜士兵伤亡时，仅表示“不掌握有关情况”。"
    assert claims(LEAD + alone + "\n")[alone] == ["chinese"]


def test_whose_account_or_figures_a_sentence_gives() -> None:
    account = "据韩国和乌克兰方面的说法，已有一万余名朝鲜军人被派往俄罗斯。"
    figures = "據中國海關總署數據，今年前11個月中朝貿易額約19億美元。"
    found = claims(LEAD + account + "\n" + figures + "\n")
    assert found[account] == ["south_korean", "ukrainian"]
    assert found[figures] == ["chinese"]
