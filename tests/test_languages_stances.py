"""Russian and Ukrainian stances reported without a verb of saying (issue 11): a side that
"goes on insisting" or "advocates" ("продолжают настаивать", "выступает за"), Russia's
short name after a generic body on a Ukrainian page ("Міноборони РФ"), and an interviewee
who counts himself in ("Пекин, как и мы, …"). The sentences are made up for the test."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def sides(sentence: str, lead: str = "Текст новости.\n", title: str = "Новости") -> list[str] | None:
    """The perspectives the app suggests for `sentence` after `lead`, None if it has none."""
    found = [s.perspectives for s in suggest_claims(lead + sentence + "\n",
                                                     load_default_perspectives(), title=title)
             if s.quote.strip() == sentence]
    return found[0] if found else None


def test_going_on_insisting_is_the_sides_stance() -> None:
    assert sides("В Сеуле продолжают настаивать на том, что Москва передает Пхеньяну "
                 "технологии.") == ["south_korean"]
    assert sides("У Сеулі продовжують наполягати на тому, що Москва передає Пхеньяну "
                 "технології.") == ["south_korean"]


def test_advocating_is_the_sides_stance() -> None:
    assert sides("Пекин последовательно выступает за политическое урегулирование кризиса.") \
        == ["chinese"]
    assert sides("Пекін послідовно виступає за політичне врегулювання кризи.") == ["chinese"]


def test_a_generic_body_with_russias_short_name_is_russias_on_a_ukrainian_page() -> None:
    assert sides("Міноборони РФ повідомило про звільнення населеного пункту.") == ["russian"]
    assert sides("Міноборони повідомило про знищення ворожих дронів.") == ["ukrainian"]


def test_an_interviewee_who_counts_himself_in_speaks_for_his_side() -> None:
    lead = ("Заместитель министра иностранных дел России Андрей Руденко дал интервью.\n"
            "Как к договору относится Пекин?\n")
    title = "Андрей Руденко: «Договор не направлен против третьих стран»"
    assert sides("Пекин, как и мы, выступает против санкционного давления на Пхеньян.",
                 lead, title) == ["russian"]
    assert sides("Пекин выступает против санкционного давления на Пхеньян.",
                 lead, title) == ["chinese"]


def test_what_a_text_says_rejections_and_cited_figures_in_russian() -> None:
    assert sides("Как говорится в сообщении Минобороны России, ВСУ потеряли 500 человек.") \
        == ["russian"]
    assert sides("Кремль отверг обвинения Сеула.") == ["russian"]
    assert sides("Пхеньян отрицает отправку войск в Россию.") == ["north_korean"]
    assert sides("Такие данные привело Минобороны России.") == ["russian"]


def test_a_participle_clause_between_the_speaker_and_the_verb() -> None:
    assert sides("Министр обороны России Андрей Белоусов, посетивший Пхеньян, заявил о "
                 "готовности углублять сотрудничество.") == ["russian"]


def test_the_short_last_word_of_a_korean_name_in_another_case() -> None:
    assert sides("За словами Юн Сук Йоля, Сеул може переглянути свою позицію.") \
        == ["south_korean"]
    assert sides("По словам Юн Сук Ёля, Сеул может пересмотреть свою позицию.") \
        == ["south_korean"]


def test_a_side_named_after_a_preposition_before_the_speaker_is_whom_he_met() -> None:
    assert sides("В ходе встречи с Путиным Ким Чен Ын заявил о поддержке России.") \
        == ["north_korean"]
    assert sides("У китайському МЗС заявили, що Пекін не володіє інформацією.") == ["chinese"]
    assert sides("В Кремле заявили, что не будут комментировать эти сообщения.") \
        == ["russian"]


def test_a_role_named_back_in_the_genitive_or_as_there() -> None:
    assert sides("По словам госсекретаря, Вашингтон и Сеул едины в оценке угрозы.",
                 "Госсекретарь США Энтони Блинкен провел переговоры в Сеуле.\n") == ["us"]
    assert sides("Там додали, що росіяни приховують загиблих.",
                 "У ГУР Міноборони України заявили, що військові КНДР зазнали втрат.\n") \
        == ["ukrainian"]
    assert sides("Як зазначили в розвідці, більшість із них — спецпризначенці.",
                 "Головне управління розвідки повідомило, що КНДР готує нову партію.\n") \
        == ["ukrainian"]
    # the role after a preposition is whom the speaker met: no side for him from it
    assert sides("За словами міністра, Київ розраховує на підтримку Сеула.",
                 "Глава МЗС України провів переговори з міністром Південної Кореї.\n") \
        != ["south_korean"]
