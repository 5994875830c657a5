"""Transcripts and interviews whose turns carry no names, in the issue 11 languages: a
briefing's "Q." / "A." turns whose speaker only the lead names, a speech under a bracketed
heading naming its speaker, an interview with bare question lines under a title that
quotes its interviewee. Cases written for the test."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str, title: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title)}


def test_a_briefings_answers_are_the_briefers_the_lead_names() -> None:
    answer = "A. 무기 지원 방식은 신중하게 결정할 것입니다."
    then = "시기는 아직 정해지지 않았습니다."
    text = ("신원식 국방부 장관은 8일 국방부 청사에서 북한군 파병에 대해 브리핑했습니다.\n"
            "Q. 무기를 직접 지원합니까?\n" + answer + " " + then + "\n")
    found = claims(text, title="국방부 장관, 북한군 파병 관련 브리핑")
    assert found[answer] == ["south_korean"]
    assert found[then] == ["south_korean"]
    assert "Q. 무기를 직접 지원합니까?" not in found


def test_a_speech_under_a_heading_is_its_speakers_until_a_heading_with_no_side() -> None:
    said = "북한군의 일부는 이미 전투에 참가하고 있는 것으로 보입니다."
    asked = "참관단 파견 계획에 변함이 없습니다."
    text = ("국가안보실은 8일 브리핑을 열었다.\n[조태용 국가안보실장]\n" + said + "\n"
            "[사진 설명]\n" + asked + "\n")
    found = claims(text)
    assert found[said] == ["south_korean"]
    assert asked not in found  # past "[사진 설명]" the speech has ended


def test_a_bare_question_interview_under_a_quoting_title_is_the_interviewees() -> None:
    text = ("Заступник начальника Головного управління розвідки Вадим Скібіцький розповів "
            "виданню про війська КНДР.\n"
            "Скільки північнокорейських військових на Курщині?\n"
            "Близько 11–12 тисяч. Частина вже бере участь у штурмах.\n"
            "Як поводиться Китай?\n"
            "Пекін дистанціюється публічно, але не заважає.\n"
            "Скібіцький також зазначив, що розвідка обмінюється інформацією з Сеулом.\n")
    found = claims(text, title="Скібіцький: «Північна Корея вчиться воювати»")
    assert found["Близько 11–12 тисяч."] == ["ukrainian"]
    assert found["Пекін дистанціюється публічно, але не заважає."] == ["ukrainian"]
    # the name before "також" is the one the lead introduced
    assert found["Скібіцький також зазначив, що розвідка обмінюється інформацією з Сеулом."
                 ] == ["ukrainian"]
    assert "Як поводиться Китай?" not in found


def test_a_labelled_answer_that_reports_another_side_is_that_sides() -> None:
    """"A. …" is a role label: the briefer reporting China's stated position gives China's
    claim; his own sentences stay his side's."""
    reported = "A. 중국 측은 \"북·러 협력 상황을 알지 못한다\"는 입장을 밝혀 왔습니다."
    own = "정부는 중국이 건설적인 역할을 해 주기를 기대하고 있습니다."
    text = ("김태효 국가안보실 1차장은 8일 북한군 파병에 대해 브리핑했습니다.\n"
            "Q. 중국과는 어떻게 협의하고 있습니까?\n" + reported + " " + own + "\n")
    found = claims(text, title="국가안보실 1차장, 북한군 파병 관련 브리핑")
    assert found[reported] == ["chinese"]
    assert found[own] == ["south_korean"]
