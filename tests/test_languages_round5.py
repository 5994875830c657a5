"""Mechanisms of issue 11's fifth language round (lang16), each case written here for the
test: Korean reporting verbs known by their lemma in any tense, style and connective ending
(Kiwi's morphemes), never when negated or when the verb modifies a noun."""

from __future__ import annotations

import pytest

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str, title: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title)}


@pytest.mark.parametrize(("sentence", "side"), [
    # present tense, broadcast style, connective endings, an auxiliary after the verb
    ("국정원은 북한이 추가 파병을 준비하고 있다고 설명합니다.", ["south_korean"]),
    ("외교부는 북한의 러시아 파병을 강하게 규탄한다.", ["south_korean"]),
    ("크렘린은 북한군의 참전 보도를 근거 없는 주장이라고 일축했으며 추가 언급을 피했다.", ["russian"]),
    ("젤렌스키 대통령은 북한군 사상자가 늘고 있다고 말했고, 추가 지원을 요청했다.", ["ukrainian"]),
    ("백악관은 북한군이 전투에 참여하고 있다고 확인해줬다.", ["us"]),
    ("중국 외교부는 이 문제에 대해 깊은 우려를 표명했다.", ["chinese"]),
])
def test_a_korean_reporting_verb_by_its_lemma(sentence: str, side: list[str]) -> None:
    text = "북한군 파병 논란이 이어지고 있다. " + sentence + "\n"
    assert claims(text).get(sentence) == side


def test_a_negated_or_modifying_korean_verb_reports_nothing() -> None:
    negated = "중국은 이 문제에 대해 공개적으로 입장을 밝히지 않고 있다."
    modifying = "러시아는 북한군이 배치된 사실을 밝힌 보도를 부인하는 대신 침묵을 지켰다."
    found = claims("북한군 파병 논란이 이어지고 있다. " + negated + " " + modifying + "\n")
    assert negated not in found
    assert modifying not in found


def test_a_role_turn_answer_that_reports_another_side_is_that_sides() -> None:
    """'Ответ:' turns of an interview whose lead names who answers are his, except a
    sentence naming another speaker with a side (the turns by role of eee9806 gave every
    sentence of the answer to the interviewee)."""
    text = ("Замглавы МИД РФ Сергей Рябков дал интервью ТАСС.\n"
            "Вопрос: Как Москва ответит на поставки оружия?\n"
            "Ответ: Ответ будет жестким. Госдеп США заявил, что поддерживает Сеул. "
            "По данным Пентагона, их там тысячи.\n")
    found = claims(text, title="Рябков: Москва ответит на поставки оружия")
    assert found["Ответ: Ответ будет жестким."] == ["russian"]
    assert found["Госдеп США заявил, что поддерживает Сеул."] == ["us"]
    assert found["По данным Пентагона, их там тысячи."] == ["us"]


def test_a_dash_interviews_answer_stays_the_interviewees() -> None:
    """Outside role turns an answer's sentence about another side is still the
    interviewee's view ("Китай традиційно вважає …": the analyst's, no side)."""
    text = ("Радіо Свобода поговорило зі сходознавцем Юрієм Пойтою.\n"
            "– Чи допоможе Пекін Москві?\n"
            "– Китай традиційно вважає Північну Корею своєю зоною впливу. Це давня позиція.\n")
    found = claims(text)
    assert found["– Китай традиційно вважає Північну Корею своєю зоною впливу."] == []


@pytest.mark.parametrize(("sentence", "side"), [
    ("В администрации южнокорейского президента, как передает агентство Yonhap, заявили, "
     "что решение о поставках оружия не принято.", ["south_korean"]),
    ("Как пишет Bloomberg со ссылкой на осведомленных чиновников, Вашингтон рассчитывает, "
     "что Сеул хотя бы частично поможет Киеву.", ["us"]),
    ("Как пишет Reuters, войска КНДР понесли первые потери в Курской области.", []),
    ("Як повідомляє Reuters, у Києві заявили, що війська КНДР зазнали втрат.", ["ukrainian"]),
])
def test_an_outlet_passing_on_words_yields_to_the_speaker_it_cites(sentence: str,
                                                                   side: list[str]) -> None:
    """'как пишет/передает X', 'як повідомляє X': the outlet is only the speaker when the
    sentence names no one with a side for its verb."""
    lead = ("Війська КНДР вже перебувають у Курській області. " if sentence[0] == "Я"
            else "Войска КНДР уже находятся в Курской области. ")
    assert claims(lead + sentence + "\n").get(sentence) == side


@pytest.mark.parametrize(("sentence", "speaker", "side"), [
    # a name ending in 은 is no particle (the listed endings read "김정" and lost the side)
    ("김정은 국무위원장은 러시아와의 협력을 계속 강화하겠다고 말했다.", "김정은 국무위원장",
     ["north_korean"]),
    ("러시아 측은 이 보도를 근거 없는 주장이라고 일축했다.", "러시아 측", ["russian"]),
    # the speaker between the quotative and the verb, not the reported clause's subject
    ("국회에서도 북한군 파병에 대한 우려가 나왔다고 정부 관계자는 전했다.", "정부 관계자",
     ["south_korean"]),
])
def test_a_korean_speaker_by_kiwis_particles(sentence: str, speaker: str, side: list[str]
                                            ) -> None:
    found = {s.quote: s for s in suggest_claims("북한군 파병 논란이 이어지고 있다. " + sentence
                                                + "\n", load_default_perspectives())}
    assert (found[sentence].speaker, found[sentence].perspectives) == (speaker, side)


@pytest.mark.parametrize(("text", "sentence", "side"), [
    ("Війська КНДР вже перебувають у Курській області, де тривають бої. ",
     "У Кремлі відмовилися коментувати ці повідомлення.", ["russian"]),
    ("Війська КНДР вже перебувають у Курській області, де тривають бої. ",
     "Міністр закордонних справ України Андрій Сибіга підсумував, що Пхеньян став учасником "
     "війни.", ["ukrainian"]),
    ("Войска КНДР уже находятся в Курской области, где идут бои, и их тысячи. ",
     "Зеленский поделился, что ситуация на фронте тяжелая.", ["ukrainian"]),
    ("朝鲜军队已在库尔斯克州参战。",
     "乌克兰总统办公室主任叶尔马克在社交媒体上写道，朝鲜士兵正在库尔斯克作战。", ["ukrainian"]),
    # a quotation first, then "…이라고 그는": the pronoun after the quotative is the speaker
    ("젤렌스키 우크라이나 대통령은 북한군 사상자가 늘고 있다고 말했다. ",
     "“이것은 명백한 국제법 위반”이라고 그는 강조했다.", ["ukrainian"]),
])
def test_more_reporting_verbs_and_a_pronoun_after_the_quotation(text: str, sentence: str,
                                                                 side: list[str]) -> None:
    assert claims(text + sentence + "\n").get(sentence) == side


def test_a_mentioned_situation_is_no_report() -> None:
    """'你提到的情况' (the situation you mentioned) reports nothing: 提到 is not a verb here,
    and the answer stays the spokesperson's."""
    text = "郭嘉昆：我不了解你提到的具体情况。中方的立场是一贯的。\n"
    assert claims(text, title="2024年11月5日外交部发言人郭嘉昆主持例行记者会").get(
        "郭嘉昆：我不了解你提到的具体情况。") == ["chinese"]


@pytest.mark.parametrize(("before", "sentence", "side"), [
    ("Речниця МЗС Китаю Мао Нін заявила, що Пекін не причетний до конфлікту. ",
     "Речниця також наголосила, що Китай виступає за мир.", ["chinese"]),
    ("Речниця МЗС Китаю Мао Нін заявила, що Пекін не причетний до конфлікту. ",
     "Дипломатка додала, що Китай виступає за мир.", ["chinese"]),
    ("Начальник ГУР Кирило Буданов заявив, що КНДР перекинула війська. ",
     "Генерал також зазначив, що північнокорейські військові зазнають втрат.", ["ukrainian"]),
    ("Официальный представитель МИД России Мария Захарова заявила, что Москва не будет "
     "комментировать эти сообщения. ",
     "Эта дипломат добавила, что сотрудничество с КНДР законно.", ["russian"]),
    ("국가정보원은 북한이 러시아에 1만여명을 파병했다고 밝혔다. ",
     "그러면서 그는 북한군이 전투에 투입됐다고 덧붙였다.", ["south_korean"]),
    ("국가정보원은 북한이 러시아에 1만여명을 파병했다고 밝혔다. ",
     "해당 당국자는 북한군 사상자가 늘고 있다고 덧붙였다.", ["south_korean"]),
    ("자하로바 러시아 외무부 대변인은 한국의 무기 지원에 경고했다. ",
     "대변인은 한국이 대가를 치를 것이라고 덧붙였다.", ["russian"]),
    ("外交部发言人林剑表示，中方对此不掌握情况。",
     "这位发言人表示，中方始终主张政治解决。", ["chinese"]),
])
def test_a_role_alone_or_after_a_demonstrative_is_the_last_speaker(
        before: str, sentence: str, side: list[str]) -> None:
    assert claims(before + sentence + "\n").get(sentence) == side


def test_a_demonstrative_before_a_side_names_that_side() -> None:
    """"这位韩国官员" names a side of its own: not the last speaker's."""
    text = "外交部发言人林剑表示，中方对此不掌握情况。这名韩国官员表示，朝鲜已向俄罗斯派兵。\n"
    assert claims(text).get("这名韩国官员表示，朝鲜已向俄罗斯派兵。") == ["south_korean"]


@pytest.mark.parametrize(("sentence", "side"), [
    ("미 국방정보국(DIA)은 북한군이 전투에 투입됐다고 평가했다.", ["us"]),
    ("주러시아 북한대사관은 이를 날조라고 주장했다.", ["north_korean"]),
    ("주한 러시아대사관은 이 보도가 사실이 아니라고 반박했다.", ["russian"]),
])
def test_a_korean_body_by_its_countrys_prefix_and_an_embassy_by_its_sender(
        sentence: str, side: list[str]) -> None:
    assert claims("북한군 파병 논란이 이어지고 있다. " + sentence + "\n").get(sentence) == side
