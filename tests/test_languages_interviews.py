"""Interviews without named turns, independent analysts and foreign bodies in Korean,
Ukrainian, Russian and Chinese (issue 11, round 3): each case is a layout or grammar the
rules read, written here for the test, with what a reader expects of each sentence."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str, title: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title)}


def test_korean_dash_questions_give_the_quoted_answers_to_the_interviewee() -> None:
    text = ("한반도 정세가 요동치고 있다. 북한 문제 전문가인 박영호 한림대 연구위원을 만나 "
            "전망을 들어 봤다.\n"
            "―러시아는 북한에 무엇을 줄까.\n"
            "“식량과 에너지가 먼저입니다. 기술 이전은 그다음 문제입니다.”\n"
            "―한국 정부의 대응은.\n"
            "“미국과 긴밀히 협의해야 합니다.”\n"
            "박 위원은 국방부가 대응 방안을 검토하고 있다고 전했다.\n")
    found = claims(text)
    assert found["“식량과 에너지가 먼저입니다."] == []
    assert found["기술 이전은 그다음 문제입니다.”"] == []
    assert found["“미국과 긴밀히 협의해야 합니다.”"] == []
    assert not any(q.startswith("―") for q in found)  # the questions are nobody's claim


def test_korean_interviewee_with_a_side_speaks_for_it() -> None:
    text = ("국방부 대변인실 관계자를 만나 파병 동향을 물었다.\n"
            "―북한군 규모는.\n"
            "“1만명 이상으로 보고 있습니다.”\n")
    assert claims(text)["“1만명 이상으로 보고 있습니다.”"] == ["south_korean"]


def test_ukrainian_dash_turns_give_the_answers_to_the_interviewee() -> None:
    text = ("Про війну й Пекін Радіо Свобода поговорило з політологом Іваном Коваленком.\n"
            "– Чого хоче Китай?\n"
            "– Стабільності. Китай не хоче великої війни в Азії.\n"
            "Коваленко зауважує, що МЗС КНР уникає прямих відповідей.\n")
    found = claims(text)
    assert found["– Стабільності."] == []
    assert found["Китай не хоче великої війни в Азії."] == []
    assert found["Коваленко зауважує, що МЗС КНР уникає прямих відповідей."] == []
    assert "– Чого хоче Китай?" not in found


def test_russian_dash_turns_give_the_answers_to_a_side_interviewee() -> None:
    text = ("Корреспондент побеседовал с заместителем главы МИД России Андреем Руденко.\n"
            "– Что изменит договор?\n"
            "– Договор закрепляет взаимную помощь. Мы не скрываем этого.\n")
    found = claims(text)
    assert found["– Договор закрепляет взаимную помощь."] == ["russian"]
    assert found["Мы не скрываем этого."] == ["russian"]


def test_chinese_independent_scholar_and_foreign_ministry_speak_for_no_side() -> None:
    text = ("伦敦大学东亚问题专家陈明对记者表示，北京对此“并不满意”。\n"
            "法国外交部发言人则批评说，任何国家都不应为战争提供支持。\n"
            "中国外交部发言人毛宁在记者会上被问及此事时，只是重申中方立场没有变化。\n")
    found = claims(text)
    assert found["伦敦大学东亚问题专家陈明对记者表示，北京对此“并不满意”。"] == []
    assert found["法国外交部发言人则批评说，任何国家都不应为战争提供支持。"] == []
    assert found["中国外交部发言人毛宁在记者会上被问及此事时，只是重申中方立场没有变化。"] == ["chinese"]


def test_korean_perfect_of_a_reporting_verb_is_an_attribution() -> None:
    text = "앞서 합참은 북한이 단거리 탄도미사일을 발사했다고 밝힌 바 있다.\n"
    assert claims(text)["앞서 합참은 북한이 단거리 탄도미사일을 발사했다고 밝힌 바 있다."] == [
        "south_korean"]


def test_ukrainian_interviewee_named_before_v_interviu_speaks_for_his_side() -> None:
    text = ("Речник Повітряних сил Юрій Ігнат в інтерв'ю виданню розповів про нові загрози.\n"
            "– Чи бачите ви ракети з КНДР?\n"
            "– Так, уламки вже знаходили. Їхня точність низька.\n")
    found = claims(text)
    assert found["– Так, уламки вже знаходили."] == ["ukrainian"]
    assert found["Їхня точність низька."] == ["ukrainian"]


def test_chinese_turns_of_an_analyst_introduced_as_an_expert_speak_for_no_side() -> None:
    text = ("本报日前专访了南京大学朝鲜问题专家孙立。\n"
            "本报：俄朝合作会持续吗？\n"
            "孙立：短期内会继续。对莫斯科来说，这是补充兵力的办法。\n")
    found = claims(text)
    assert found["孙立：短期内会继续。"] == []
    assert found["对莫斯科来说，这是补充兵力的办法。"] == []  # 来说 reports nothing


def test_russian_hedged_replies_and_a_connective_before_he() -> None:
    text = ("Пресс-секретарь Кремля Дмитрий Песков заявил, что решение примет президент. "
            "При этом он оговорился, что сроки пока не определены.\n"
            "Глава МИД России Сергей Лавров на вопрос журналистов ограничился тем, что "
            "Москва «внимательно следит» за ситуацией.\n")
    found = claims(text)
    assert found["При этом он оговорился, что сроки пока не определены."] == ["russian"]
    assert found["Глава МИД России Сергей Лавров на вопрос журналистов ограничился тем, что "
                 "Москва «внимательно следит» за ситуацией."] == ["russian"]


def test_he_before_a_source_phrase_is_still_the_speaker() -> None:
    text = ("Депутат парламента Южной Кореи Ли Сон Гвон заявил, что КНДР направила новые войска. "
            "Он также отметил, что, по данным разведки, часть военных уже в Курской области.\n")
    found = claims(text)
    assert found["Он также отметил, что, по данным разведки, часть военных уже в Курской "
                 "области."] == ["south_korean"]


def test_ukrainian_gerund_reports_for_the_clause_subject() -> None:
    text = ("Речник Кремля Дмитро Пєсков не став відповідати, наголосивши, що Москва "
            "\"не обговорює\" такі питання.\n")
    assert claims(text)["Речник Кремля Дмитро Пєсков не став відповідати, наголосивши, що "
                        "Москва \"не обговорює\" такі питання."] == ["russian"]


def test_a_sentence_pointing_back_gives_its_speaker_to_the_one_before() -> None:
    russian = claims("Сеул может ускорить поставки снарядов союзникам. Об этом заявил министр "
                     "обороны Южной Кореи, сообщает агентство Рёнхап.\n")
    assert russian["Сеул может ускорить поставки снарядов союзникам."] == ["south_korean"]
    ukrainian = claims("Пхеньян готує новий запуск ракети. Про це повідомив речник ГУР Андрій "
                       "Юсов.\n")
    assert ukrainian["Пхеньян готує новий запуск ракети."] == ["ukrainian"]


def test_ukrainian_interview_with_bold_plain_questions() -> None:
    text = ("Інтерв'ю\n"
            "Речник Генштабу Дмитро Лиховій в інтерв'ю нашому виданню розповів про ситуацію.\n"
            "**Скільки військових КНДР зараз на фронті?**\n"
            "За нашими даними, кілька тисяч. Вони діють разом із російськими підрозділами.\n"
            "**Чи можуть вони з'явитися на території України?**\n"
            "Ми такого не виключаємо.\n"
            "Раніше Пентагон повідомив, що війська КНДР уже брали участь у боях.\n"
            "Поділитися: Facebook Telegram\n")
    found = claims(text)
    assert found["За нашими даними, кілька тисяч."] == ["ukrainian"]
    assert found["Ми такого не виключаємо."] == ["ukrainian"]
    assert found["Раніше Пентагон повідомив, що війська КНДР уже брали участь у боях."] == ["us"]
    assert not any(q.startswith(("**", "Поділитися")) for q in found)


def test_korean_q_and_a_letters_and_a_chinese_zhuanfang_by_wen_da() -> None:
    korean = claims("북한 문제 전문가인 김철수 연구위원을 만나 북한군 동향을 물었다.\n"
                    "Q. 북한군은 어디에 배치됐나.\n"
                    "A. 대부분 쿠르스크 지역에 있습니다.\n")
    assert korean["A. 대부분 쿠르스크 지역에 있습니다."] == []  # an analyst: no side
    chinese = claims("本报日前专访了中国人民大学国际关系专家李明。\n"
                     "问：朝俄合作前景如何？\n"
                     "答：合作会持续，但空间有限。\n")
    assert chinese["答：合作会持续，但空间有限。"] == []


def test_a_text_cited_by_its_author_is_the_authors_claim() -> None:
    text = ("Президент України Володимир Зеленський оприлюднив у своєму Telegram-каналі нове "
            "звернення.\n"
            "Про це він написав у понеділок.\n"
            "\"Ми готові до обміну полоненими\", – йдеться в дописі президента.\n")
    found = claims(text)
    assert found["Про це він написав у понеділок."] == ["ukrainian"]
    assert found["\"Ми готові до обміну полоненими\", – йдеться в дописі президента."] == [
        "ukrainian"]
