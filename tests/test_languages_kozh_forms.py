"""Korean and Chinese attribution forms a wire, broadcast transcript and briefing use that
the rules missed (issue 11, lang18b): each case is a made-up sentence written for the test
the way a careful Korean or Chinese news writer would put it."""

from __future__ import annotations

import pytest

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives

KO_LEAD = "(서울=연합뉴스) 북한군의 러시아 파병 논란이 이어지고 있다. "
ZH_LEAD = "新华社北京12月20日电 朝鲜向俄罗斯派兵的问题持续受到关注。"


def claims(text: str, title: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title)}


@pytest.mark.parametrize(("sentence", "side"), [
    # a source phrase's whole noun phrase, not its last word
    ("정부 관계자에 따르면 북한은 추가 파병을 준비하고 있다.", ["south_korean"]),
    ("미국 국방부의 발표에 따르면 북한군은 쿠르스크에 배치됐다.", ["us"]),
    ("우크라이나 측 주장에 따르면 북한군 포로 2명이 생포됐다.", ["ukrainian"]),
    ("국정원에 의하면 북한군은 추가 병력을 준비 중이다.", ["south_korean"]),
    # hearsay the paper passes on, a stance expressed
    ("국방부 당국자는 북한군 동향을 면밀히 추적하고 있다고 한다.", ["south_korean"]),
    ("주한 러시아대사관은 \"한국의 무기 지원은 관계를 파괴할 것\"이라는 입장을 냈다.", ["russian"]),
    # a view held or the words held back, a stance held, an estimate
    ("국정원은 북한군이 러시아에 추가 파병할 가능성이 있다고 봤다.", ["south_korean"]),
    ("국방부 측은 \"사실관계를 확인 중\"이라고 말을 아꼈다.", ["south_korean"]),
    ("미국 측은 이번 조치가 불가피했다는 입장이다.", ["us"]),
    ("국정원은 북한군 사상자를 1천명으로 추산했다.", ["south_korean"]),
    # whose view the sentence ends on: that one's, not the topic's (북한군)
    ("북한군의 피해가 예상보다 크다는 게 국정원의 판단이다.", ["south_korean"]),
    # an outlet citing one with a side: he speaks
    ("로이터통신은 우크라이나 정보당국을 인용해 북한군 사상자가 늘고 있다고 보도했다.", ["ukrainian"]),
    # a president's office is the home one's unless another country is named
    ("우크라이나 대통령실은 북한군 사상자 수를 공개했다.", ["ukrainian"]),
    ("대통령실은 단계적 대응 방침을 재확인했다.", ["south_korean"]),
])
def test_korean_attribution_forms(sentence: str, side: list[str]) -> None:
    assert claims(KO_LEAD + sentence + "\n").get(sentence) == side


def test_a_surname_and_role_points_back_to_the_one_named() -> None:
    first = "전하규 국방부 대변인은 \"북한군 사상자가 늘고 있다\"고 말했다."
    again = "전 대변인은 북한군의 전투 경험이 악용될 수 있다며 우려를 나타냈다."
    found = claims(KO_LEAD + first + "\n" + again + "\n")
    assert found[again] == ["south_korean"]


def test_a_korean_broadcast_interview_caption_names_the_speaker_of_the_quote_under_it() -> None:
    text = ("【기자】\n미 국무부도 북한군의 피해가 크다고 평가했습니다.\n\n"
            "인터뷰 : 매슈 밀러 / 미 국무부 대변인\n"
            "\"북한군은 러시아의 총알받이로 쓰이고 있습니다.\"\n\n"
            "【기자】\n북한군은 드론 공격에 취약한 것으로 나타났습니다.\n")
    found = claims(text)
    assert found["\"북한군은 러시아의 총알받이로 쓰이고 있습니다.\""] == ["us"]
    assert "북한군은 드론 공격에 취약한 것으로 나타났습니다." not in found


@pytest.mark.parametrize(("sentence", "side"), [
    ("美联社引述韩国官员的话报道，朝鲜可能增派兵力。", ["south_korean"]),
    ("韩联社援引美国官员的话说，朝鲜士兵伤亡数百人。", ["us"]),
    ("路透社报道，乌克兰军方称朝鲜士兵伤亡惨重。", ["ukrainian"]),
    ("朝鮮中央通訊社報導，金正恩視察了部隊。", ["north_korean"]),
    ("俄罗斯总统新闻秘书佩斯科夫对此不予置评。", ["russian"]),
    ("韩国国情院的报告显示，朝鲜士兵缺乏作战经验。", ["south_korean"]),
    # Taiwan's names: 南韓, 北韓, 五角大廈
    ("據美國之音報導，五角大廈也證實了這一消息。", ["us"]),
    ("南韓國防部指出，北韓可能獲得俄羅斯技術。", ["south_korean"]),
])
def test_chinese_attribution_forms(sentence: str, side: list[str]) -> None:
    assert claims(ZH_LEAD + sentence + "\n").get(sentence) == side


def test_a_negated_chinese_verb_reports_nothing() -> None:
    sentence = "对此，俄罗斯方面没有回应。"
    assert sentence not in claims(ZH_LEAD + sentence + "\n")


def test_a_chinese_tv_sound_bite_runs_to_the_next_label() -> None:
    text = ("【解说】乌克兰总统泽连斯基在社交媒体上表示，朝鲜士兵伤亡惨重。\n"
            "【同期】美国国务院发言人 米勒\n"
            "朝鲜士兵正在被当作炮灰使用。\n"
            "【解说】目前战事仍在持续。\n")
    found = claims(text)
    assert found["朝鲜士兵正在被当作炮灰使用。"] == ["us"]
    assert "【解说】目前战事仍在持续。" not in found


def test_a_briefings_answers_speak_for_the_body_its_title_names() -> None:
    """A Korean Q&A whose lead names no one who spoke: the title's one body answers."""
    korean = ("[질의응답]\n\nQ. 북한군 포로 송환 요청이 있었습니까?\n"
              "A. 현재까지 그런 요청은 없었습니다.\n")
    found = claims(korean, title="외교부 대변인 정례브리핑")
    assert found["A. 현재까지 그런 요청은 없었습니다."] == ["south_korean"]


def test_hong_kong_quotation_and_zhi() -> None:
    """Hong Kong's 「」 quotation ends a claim like ”; its "指，" reports like 指出."""
    said = "美國國務院發言人米勒說：「北韓士兵正被當作炮灰。」"
    zhi = "南韓國家情報院周四向國會報告指，北韓士兵傷亡逾千人。"
    found = claims(ZH_LEAD + "\n" + said + "\n" + zhi + "\n")
    assert found[said] == ["us"]
    assert found[zhi] == ["south_korean"]


def test_a_chinese_named_turn_takes_the_side_the_lead_gave_the_name() -> None:
    text = ("本报记者近日专访了乌克兰国防部顾问科瓦连科。\n"
            "记者：朝鲜士兵的战斗力如何？\n"
            "科瓦连科：朝鲜士兵纪律严明，但缺乏经验。\n")
    assert claims(text)["科瓦连科：朝鲜士兵纪律严明，但缺乏经验。"] == ["ukrainian"]


def test_a_korean_partys_lawmaker_speaks_for_the_side() -> None:
    sentence = "더불어민주당 위성락 의원은 \"살상무기 지원은 신중해야 한다\"고 말했다."
    assert claims(KO_LEAD + sentence + "\n")[sentence] == ["south_korean"]


def test_a_korean_caption_on_the_line_of_its_quotation() -> None:
    bite = "[녹취] 존 커비/미국 백악관 국가안보소통보좌관 : \"북한군 사상자가 수백 명에 이릅니다.\""
    text = "[리포트]\n러시아는 침묵하고 있습니다.\n\n" + bite + "\n\n러시아는 여전히 답이 없습니다.\n"
    found = claims(text)
    assert found[bite] == ["us"]
    assert "러시아는 여전히 답이 없습니다." not in found


@pytest.mark.parametrize("sentence", [
    "그러면서 \"추가 파병 가능성도 있다\"라고 했다.",
    "이어 \"북한군은 추가 파병을 준비하고 있다\"고 덧붙였다.",
    "\"추가 파병 가능성을 주시하고 있다\"고도 했다.",
    "또 북한군의 추가 파병 가능성을 주시하고 있다고 밝혔다.",
])
def test_a_korean_sentence_with_its_subject_dropped_is_the_last_speakers(sentence: str) -> None:
    """Korean drops the subject when the one just named speaks on; the quotation's own
    words (북한군은, 주시하고 있다) name no speaker."""
    first = "전하규 국방부 대변인은 \"북한군 사상자가 늘고 있다\"고 말했다."
    assert claims(KO_LEAD + first + "\n" + sentence + "\n").get(sentence) == ["south_korean"]


def test_a_speaker_named_after_the_quotation_still_speaks() -> None:
    sentence = "\"북한군의 피해가 크다\"고 미 국무부 관계자는 말했다."
    assert claims(KO_LEAD + sentence + "\n")[sentence] == ["us"]


def test_korean_briefing_turns_by_a_named_official_or_a_named_spokesperson() -> None:
    text = ("■ 김인애 부대변인 : 정부는 북한군 동향을 면밀히 주시하고 있습니다.\n"
            "■ 기자 : 추가 파병 가능성은요?\n"
            "▶ 김태효 국가안보실 1차장 : 모든 가능성을 열어두고 있습니다.\n")
    found = claims(text, title="통일부 정례브리핑")
    assert found["■ 김인애 부대변인 : 정부는 북한군 동향을 면밀히 주시하고 있습니다."] == ["south_korean"]
    assert found["▶ 김태효 국가안보실 1차장 : 모든 가능성을 열어두고 있습니다."] == ["south_korean"]
    assert "■ 기자 : 추가 파병 가능성은요?" not in found


@pytest.mark.parametrize(("sentence", "side"), [
    # 「」 end a clause like “”: the speaker after the quotation, not its words
    ("「北韓士兵正被當作炮灰。」美國國務院發言人米勒說。", ["us"]),
    # whose view, without 의; words held back after -며
    ("\"북한군 피해가 크다\"는 게 정부 설명이다.", ["south_korean"]),
    ("국방부 관계자는 \"북한군 피해가 크다\"며 말을 아꼈다.", ["south_korean"]),
])
def test_a_speaker_after_the_quotation_and_views_without_a_genitive(sentence: str,
                                                                   side: list[str]) -> None:
    assert claims(sentence + "\n")[sentence] == side
