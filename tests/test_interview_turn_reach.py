"""How far an interview's turn rules reach in Russian and Ukrainian (issue 11): a briefing's
"Ответ:" is the host body's when the lead names no interviewee; a press conference's
answerers change with the one each question names; a dashed paragraph with the narrator's
words in it is direct speech, not a turn; and the dashed line after an answer is the
interviewer's even without its "?". The stories are made up for the test."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str, title: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title)}


def test_a_briefings_answers_are_the_hosts_not_the_first_side_its_lead_reports() -> None:
    found = claims("Москва, 5 декабря 2024 года\n"
                   "Госдеп США накануне заявил, что войска КНДР воюют в Курской области.\n"
                   "Вопрос: Как вы прокомментируете заявление Госдепа?\n"
                   "Ответ: Это очередная ложь. Мы не раз говорили об этом.\n",
                   "Брифинг официального представителя МИД России М.В.Захаровой")
    assert found["Госдеп США накануне заявил, что войска КНДР воюют в Курской области."] == ["us"]
    assert found["Ответ: Это очередная ложь."] == ["russian"]
    assert found["Мы не раз говорили об этом."] == ["russian"]
    found = claims("Київ, 5 грудня 2024 року\n"
                   "Речниця МЗС РФ Марія Захарова заявила, що Україна провокує ескалацію.\n"
                   "Питання: Як ви оцінюєте заяву Захарової?\n"
                   "Відповідь: Це чергова брехня Кремля. Ми маємо докази.\n",
                   "Брифінг речника МЗС України Георгія Тихого")
    assert found["Відповідь: Це чергова брехня Кремля."] == ["ukrainian"]


def test_a_press_conferences_answer_is_the_one_its_question_names() -> None:
    found = claims("Министр иностранных дел России Сергей Лавров и министр иностранных дел "
                   "КНДР Чхве Сон Хи ответили на вопросы журналистов.\n"
                   "Вопрос (к Чхве Сон Хи): Направит ли КНДР новые войска?\n"
                   "Ответ: Это решение примет наше руководство. Мы выполняем договор.\n"
                   "Вопрос (к Сергею Лаврову): Как Москва оценивает позицию Сеула?\n"
                   "Ответ: Сеул идет на поводу у Вашингтона.\n",
                   "Пресс-конференция по итогам переговоров")
    assert found["Ответ: Это решение примет наше руководство."] == ["north_korean"]
    assert found["Мы выполняем договор."] == ["north_korean"]
    assert found["Ответ: Сеул идет на поводу у Вашингтона."] == ["russian"]
    assert not any(q.startswith("Вопрос") for q in found)


def test_a_dashed_paragraph_with_the_narrators_words_is_direct_speech_not_a_turn() -> None:
    found = claims("Президент Украины Владимир Зеленский дал интервью телеканалу.\n"
                   "— Почему молчит Пекин?\n"
                   "— Китай должен повлиять на Пхеньян, — заявил Зеленский.\n"
                   "— Это провокация Киева, — ответил пресс-секретарь Кремля Дмитрий Песков.\n",
                   "Зеленский: КНДР отправит новые войска")
    assert found["— Это провокация Киева, — ответил пресс-секретарь Кремля Дмитрий Песков."] \
        == ["russian"]
    found = claims("Речник ГУР Андрій Юсов дав інтерв'ю телеканалу.\n"
                   "– Чи будуть нові поставки?\n"
                   "– Ми не допустимо ескалації, – заявив речник Кремля Дмитро Пєсков.\n",
                   "Юсов про війська КНДР")
    assert found["– Ми не допустимо ескалації, – заявив речник Кремля Дмитро Пєсков."] \
        == ["russian"]


def test_the_dashed_line_after_an_answer_is_the_interviewers_without_its_question_mark() -> None:
    text = ("Посол России в КНДР Александр Мацегора ответил на вопросы «Известий».\n"
            "— Что изменил договор?\n"
            "— Договор закрепил союзнические отношения.\n"
            "— Расскажите о поставках оружия из Сеула.\n"
            "— Это было бы ошибкой Сеула.\n")
    found = claims(text, "Посол России: Пхеньян не просит лишнего")
    assert found["— Договор закрепил союзнические отношения."] == ["russian"]
    assert "— Расскажите о поставках оружия из Сеула." not in found
    assert found["— Это было бы ошибкой Сеула."] == ["russian"]


def test_a_transcripts_turns_named_with_initials_and_questions_labelled_by_their_outlet() -> None:
    found = claims("Владимир Путин ответил на вопросы представителей СМИ.\n"
                   "Вопрос (ТАСС): Пентагон утверждает, что военные КНДР воюют в Курской "
                   "области. Это так?\n"
                   "В.Путин: Это наше дело. Мы действуем в рамках договора.\n"
                   "Вопрос: Будут ли переговоры с Вашингтоном?\n"
                   "С.В.Лавров: Мы открыты к диалогу.\n",
                   "Ответы на вопросы журналистов")
    assert found["В.Путин: Это наше дело."] == ["russian"]
    assert found["Мы действуем в рамках договора."] == ["russian"]
    assert found["С.В.Лавров: Мы открыты к диалогу."] == ["russian"]
    assert not any(q.startswith("Вопрос") or q.startswith("Пентагон") for q in found)


def test_a_ukrainian_question_addressed_to_one_of_two_ministers() -> None:
    found = claims("Міністр закордонних справ України Андрій Сибіга і міністр закордонних "
                   "справ Південної Кореї Чо Тхе Йоль відповіли на запитання журналістів.\n"
                   "Питання до міністра Чо Тхе Йоля: Чи надасть Сеул зброю Україні?\n"
                   "Відповідь: Ми розглядаємо всі варіанти.\n"
                   "Питання (Укрінформ): Що Київ просить у Сеула?\n"
                   "Відповідь (Андрій Сибіга): Ми просимо системи ППО.\n",
                   "Стенограма брифінгу")
    assert found["Відповідь: Ми розглядаємо всі варіанти."] == ["south_korean"]
    assert found["Відповідь (Андрій Сибіга): Ми просимо системи ППО."] == ["ukrainian"]


def test_the_one_who_spoke_with_the_outlet_and_his_own_tagged_answer() -> None:
    found = claims("Керівник ЦПД Андрій Коваленко поговорив з НВ.\n"
                   "– Що отримує Пхеньян?\n"
                   "– Гроші й технології. Це найнебезпечніше.\n"
                   "– Росія це визнає?\n"
                   "– Ні. Пропагандисти називають це фейком, – каже Коваленко.\n"
                   "– Розкажіть про реакцію Сеула.\n"
                   "– Сеул розглядає постачання зброї.\n",
                   "«Пхеньян отримує технології»: інтерв'ю з Андрієм Коваленком")
    assert found["– Гроші й технології."] == ["ukrainian"]
    assert found["Пропагандисти називають це фейком, – каже Коваленко."] == ["ukrainian"]
    assert found["– Сеул розглядає постачання зброї."] == ["ukrainian"]
    assert "– Розкажіть про реакцію Сеула." not in found


def test_a_labelled_answer_goes_on_in_its_next_paragraphs_and_a_question_in_its_own() -> None:
    found = claims("Москва, 5 декабря.\n"
                   "Посол КНДР в России Син Хон Чхоль ответил на вопросы «Известий».\n"
                   "Вопрос: Пентагон утверждает, что в Курской области воюют солдаты КНДР.\n"
                   "Что вы на это скажете?\n"
                   "Ответ: Это ложь Вашингтона.\n"
                   "Договор носит оборонительный характер.\n"
                   "Вопрос: Как вы оцениваете позицию Сеула?\n"
                   "Ответ: Сеул провоцирует напряженность.\n",
                   "Интервью")
    assert found["Ответ: Это ложь Вашингтона."] == ["north_korean"]
    assert found["Договор носит оборонительный характер."] == ["north_korean"]
    assert found["Ответ: Сеул провоцирует напряженность."] == ["north_korean"]
    assert not any(q.startswith(("Вопрос", "Что вы")) for q in found)
