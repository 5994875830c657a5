"""Mechanisms of issue 11's sixth language round (lang18c), each case written here for the
test: layouts and attribution grammar the ninth set's Russian and Ukrainian stories exposed
(a Telegram post's bullets, broadcast transcripts, a state body's own statement …)."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str, title: str = "", publisher: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title,
                                    publisher=publisher)}


def test_a_posts_bullet_is_not_part_of_its_sentence() -> None:
    """A Telegram post's "▪️" / "•" / emoji bullets open lines; the claim starts after them,
    while a Korean release's plain "□" paragraph mark stays in its sentence."""
    text = ("Канал новостей\nГлавное к этому часу\n"
            "▪️ Песков заявил, что Кремлю нечего добавить к сказанному.\n"
            "• В Госдепе заявили, что Пхеньян скрывает свои потери.\n"
            "🔹 Зеленский сообщил, что бои под Курском продолжаются.\n")
    found = claims(text)
    assert found["Песков заявил, что Кремлю нечего добавить к сказанному."] == ["russian"]
    assert found["В Госдепе заявили, что Пхеньян скрывает свои потери."] == ["us"]
    assert found["Зеленский сообщил, что бои под Курском продолжаются."] == ["ukrainian"]
    assert not any(q.startswith(("▪", "•", "🔹")) for q in found)
    korean = "□ 국정원은 북한군 일부가 전투에 참가하기 시작한 것으로 파악했다고 밝혔다.\n"
    assert claims("북한군 파병 논란이 이어지고 있다.\n" + korean).get(korean.strip()) == [
        "south_korean"]


def test_a_broadcast_transcripts_capitalised_turns() -> None:
    """Turns labelled with a full name in capitals: the guest's side is where the lead
    introduced him (a Korean name's short last word included), not the title's quoted head;
    "our intelligence" in his answer is his side's; the host, whose turns ask, claims
    nothing, not even a remark between questions."""
    text = ("Посол Республики Корея в России Ли Мин Хо в эфире канала рассказал о позиции "
            "Сеула.\n"
            "[00:02:10]\n"
            "ИРИНА СМИРНОВА: Сколько военных КНДР сейчас в России?\n"
            "ЛИ МИН ХО: По данным нашей разведки, около десяти тысяч. Часть из них уже "
            "воюет.\n"
            "ИРИНА СМИРНОВА: В Кремле называют это делом двух стран.\n"
            "ЛИ МИН ХО: Мы с этим не согласны. Это нарушает резолюции ООН.\n"
            "ИРИНА СМИРНОВА: Что дальше?\n")
    found = claims(text, title="«Мы не враги России»: посол — о солдатах КНДР")
    assert found["ЛИ МИН ХО: По данным нашей разведки, около десяти тысяч."] == [
        "south_korean"]
    assert found["Часть из них уже воюет."] == ["south_korean"]
    assert found["Это нарушает резолюции ООН."] == ["south_korean"]
    assert not any(q.startswith("ИРИНА") for q in found)


def test_the_question_answered_and_a_joined_predicate_are_not_the_speaker() -> None:
    """"Мао Нин на вопрос о потерях КНДР ответила": the side asked about is the topic;
    "МИД Великобритании вызвал посла КНДР и потребовал": the envoy summoned is the object."""
    first = ("Официальный представитель МИД КНР Мао Нин на вопрос о потерях КНДР ответила, "
             "что Пекин не располагает информацией.")
    second = ("МИД Великобритании вызвал посла КНДР в Лондоне и потребовал прекратить "
              "поддержку агрессии.")
    third = "Речник МЗС Китаю на запитання про втрати КНДР відповів, що Пекін нічого не знає."
    found = claims("Войска КНДР воюют под Курском.\n" + first + "\n" + second + "\n")
    assert found[first] == ["chinese"]
    assert found[second] == ["nato_european"]
    assert claims("Війська КНДР воюють під Курськом.\n" + third + "\n")[third] == ["chinese"]


def test_a_short_quoted_name_and_a_passive_participle_stay_in_the_speakers_clause() -> None:
    """"в эфире «Эха» предположил": the outlet's quoted name is no clause boundary;
    "Кнутов, опрошенный «Фонтанкой», считает" and "в заявлении, распространенном ЦТАК,
    обвинил": the participle clause is passed over to the speaker before it."""
    analyst = ("Военный аналитик Андрей Петров в эфире «Эха» предположил, что КНДР "
               "увеличит контингент.")
    historian = ("Военный историк Иван Сидоров, опрошенный «Вестником», считает, что "
                 "цифры завышены.")
    minister = ("Министр обороны КНДР Но Гван Чхоль в заявлении, распространенном ЦТАК, "
                "обвинил США в затягивании войны.")
    found = claims("Войска КНДР воюют под Курском.\n" + analyst + "\n" + historian + "\n"
                   + minister + "\n")
    assert found[analyst] == []
    assert found[historian] == []
    assert found[minister] == ["north_korean"]


def test_the_interlocutor_of_a_transcript_is_its_guest() -> None:
    """"Собеседник «РГ» отметил, …" after the turns: the guest who answered them."""
    text = ("Посол России в КНДР Иван Орлов ответил на вопросы газеты.\n"
            "Как изменились отношения?\n"
            "Иван Орлов: Отношения вышли на новый уровень.\n"
            "Сеул заявляет, что может поставлять оружие Украине. Что скажете?\n"
            "Иван Орлов: Это ошибка Сеула.\n"
            "Собеседник «РГ» отметил, что авиасообщение будет расширено.\n")
    found = claims(text, title="Посол России в КНДР: отношения вышли на новый уровень")
    assert found["Собеседник «РГ» отметил, что авиасообщение будет расширено."] == ["russian"]


def test_think_tanks_estimates_and_a_pronoun_telling_an_outlet() -> None:
    """A think tank speaks for no side even called American; a side "giving estimates"
    states its view; "— сказала она BFM.ru" is still the one named before (a sideless
    analyst), not whoever the outlet's name was near."""
    isw = ("Американский Институт изучения войны (ISW) в своей сводке отметил, что части "
           "КНДР атакуют пехотой.")
    estimate = "Южнокорейские военные дают более осторожные оценки."
    estimate_uk = "Південнокорейські військові дають обережніші оцінки."
    analyst = "Кореевед Анна Иванова считает, что Сеул не торопится."
    quote = "«Сеул будет тянуть время до выборов», — сказала она BFM.ru."
    found = claims("В министерстве обороны Республики Корея BFM.ru сообщили, что позиция "
                   "не изменилась.\n" + isw + "\n" + estimate + "\n" + analyst + "\n"
                   + quote + "\n")
    assert found[isw] == []
    assert found[estimate] == ["south_korean"]
    assert found[quote] == []
    assert claims("Війська КНДР воюють під Курськом.\n" + estimate_uk + "\n")[
        estimate_uk] == ["south_korean"]


def test_a_state_bodys_own_page_speaks_for_its_side() -> None:
    """A page published by a state body named in its script ("Служба зовнішньої розвідки
    України"): its sentences with no speaker of their own are its side's; a side it reports
    is that side's; a news site's sentences with no speaker stay unclaimed."""
    text = ("Служба зовнішньої розвідки України встановила, що Росія передає КНДР технології.\n"
            "Крім того, КНДР передала Росії балістичні ракети.\n"
            "Офіційна Москва публічно заперечує передачу технологій.\n"
            "СЗР продовжує відстежувати цю співпрацю.\n")
    own = claims(text, title="СЗР: Москва розплачується технологіями",
                 publisher="Служба зовнішньої розвідки України")
    assert own["Крім того, КНДР передала Росії балістичні ракети."] == ["ukrainian"]
    assert own["СЗР продовжує відстежувати цю співпрацю."] == ["ukrainian"]
    assert own["Офіційна Москва публічно заперечує передачу технологій."] == ["russian"]
    news = claims(text, title="СЗР: Москва розплачується технологіями", publisher="Главком")
    assert "Крім того, КНДР передала Росії балістичні ракети." not in news


def test_a_dash_answer_reporting_another_sides_words_is_that_sides() -> None:
    """In an interview with dash turns, "— Пекін каже, що …" and "— Росія погрожує …" report
    those sides' words; "— Китай вважає …" (a view held) stays the interviewee's."""
    text = ("Посол України в Республіці Корея Іван Коваль розповів виданню про позицію Сеула.\n"
            "— Як реагує Москва?\n"
            "— Росія погрожує Сеулу «наслідками». Але корейці вже не бояться.\n"
            "— А Китай?\n"
            "— Пекін каже, що нічого не знає про ці війська. Китай вважає Пхеньян своєю "
            "зоною впливу.\n")
    found = claims(text, title="Посол України в Кореї: «Сеул не боїться погроз»")
    assert found["— Росія погрожує Сеулу «наслідками»."] == ["russian"]
    assert found["Але корейці вже не бояться."] == ["ukrainian"]
    assert found["— Пекін каже, що нічого не знає про ці війська."] == ["chinese"]
    assert found["Китай вважає Пхеньян своєю зоною впливу."] == ["ukrainian"]


def test_what_a_report_states_impersonally_is_its_authors() -> None:
    """"У звіті також зазначено, що …" after the body that issued the report: that body's."""
    first = ("Об'єднаний комітет начальників штабів Південної Кореї заявив у звіті, що КНДР "
             "готує нових військових.")
    second = "У звіті також зазначено, що солдати КНДР погано підготовлені."
    second_ru = "В докладе также отмечено, что солдаты КНДР плохо подготовлены."
    found = claims(first + "\n" + second + "\n")
    assert found[second] == ["south_korean"]
    ru = claims("Объединенный комитет начальников штабов Республики Корея сообщил, что КНДР "
                "готовит новых военных.\n" + second_ru + "\n")
    assert ru[second_ru] == ["south_korean"]
