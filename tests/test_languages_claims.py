"""Attributed sentences in Ukrainian, Russian, Korean and Chinese by mechanism (issue 11):
each case is a layout or grammar the rules read, written here for the test (not a labelled
story), with the perspective a reader expects of the sentence's speaker."""

from __future__ import annotations

import pytest

from briefing.core.claims import suggest_claims
from briefing.core.claims.script_rules import script_rules
from briefing.core.perspectives import load_default_perspectives


def claims(text: str, title: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title)}


def test_korean_sentences_split_without_capitals() -> None:
    text = ("미 국방부 대변인은 16일 “북한군 사상자가 발생했다”고 밝혔다. 그는 “정확한 규모는 "
            "확인되지 않았다”고 설명했다.\n")
    found = claims(text)
    assert found["그는 “정확한 규모는 확인되지 않았다”고 설명했다."] == ["us"]
    assert found["미 국방부 대변인은 16일 “북한군 사상자가 발생했다”고 밝혔다."] == ["us"]


@pytest.mark.parametrize(("title", "text", "quote", "want"), [
    ("통일부 정례브리핑 (2024. 11. 4.)",
     "질문 : 북한 매체의 보도는 어떻습니까?\n"
     "답변 : 북한은 관련 내용을 주민들에게 알리지 않고 있는 것으로 보입니다. 정부는 관련 동향을 "
     "면밀히 주시하고 있습니다.\n",
     "정부는 관련 동향을 면밀히 주시하고 있습니다.", ["south_korean"]),
    ("Брифинг официального представителя МИД России, Москва, 20 ноября 2024 года",
     "Вопрос: Как в Москве оценивают заявления Сеула?\n"
     "Ответ: Мы неоднократно предупреждали южнокорейскую сторону о последствиях таких шагов.\n"
     "Рассчитываем, что в Сеуле проявят благоразумие и не дадут втянуть себя в авантюру.\n",
     "Ответ: Мы неоднократно предупреждали южнокорейскую сторону о последствиях таких шагов.",
     ["russian"]),
])
def test_a_briefing_role_turn_speaks_for_the_body_in_the_title(
        title: str, text: str, quote: str, want: list[str]) -> None:
    found = claims(text, title)
    assert found[quote] == want
    assert all(q.startswith(("Ответ", "Рассчит", "답변", "정부")) for q in found
               if found[q] == want)  # the questions are no statements of the host


def test_a_bodys_own_statement_says_what_has_no_speaker() -> None:
    title = "Заява Генерального штабу Збройних Сил України щодо участі військових КНДР"
    text = ("Генеральний штаб Збройних Сил України інформує.\n"
            "Підрозділи КНДР діяли у складі російських штурмових груп поблизу Плехового.\n"
            "Внаслідок вогневого ураження противник втратив щонайменше 200 військовослужбовців.\n")
    found = claims(text, title)
    assert found["Підрозділи КНДР діяли у складі російських штурмових груп поблизу "
                 "Плехового."] == ["ukrainian"]


def test_an_abbreviation_does_not_end_the_sentence() -> None:
    text = ("Не менее 100 военнослужащих КНДР погибли и около 1 тыс. были ранены в Курской "
            "области, сообщил журналистам член комитета по разведке Южной Кореи Ли Сон Гвон "
            "после закрытого брифинга Национальной службы разведки.\n")
    assert list(claims(text).values()) == [["south_korean"]]


def test_a_cue_after_a_preposition_is_not_the_speakers() -> None:
    text = ("Міністр закордонних справ України Андрій Сибіга під час візиту до Сеула "
            "підкреслив, що Київ розраховує на підтримку.\n")
    assert list(claims(text).values()) == [["ukrainian"]]


@pytest.mark.parametrize(("text", "want"), [
    ("俄国防部称，俄军在库尔斯克州击退乌军多次反扑。\n", ["russian"]),
    ("美军官员表示，朝鲜士兵伤亡增加。\n", ["us"]),
    ("러 외무부는 한국의 무기 지원에 대해 강하게 경고했다고 전했다.\n", ["russian"]),
])
def test_a_countrys_one_letter_name_before_a_body(text: str, want: list[str]) -> None:
    assert list(claims(text).values()) == [want]


def test_a_body_belongs_to_the_country_of_the_pages_language() -> None:
    uk = "Повітряні сили поінформували, що вночі збито 40 ударних дронів над Україною.\n"
    assert list(claims(uk).values()) == [["ukrainian"]]


@pytest.mark.parametrize(("text", "quote", "want"), [
    # the sentence's subject speaks when the verb opens a later clause
    ("中方反对任何激化矛盾的行为，呼吁有关方面停止向战场输送武器。\n",
     "中方反对任何激化矛盾的行为，呼吁有关方面停止向战场输送武器。", ["chinese"]),
    # a name with an adverb ("还") takes the perspective it was introduced with
    ("韩国国会情报委员会委员李成权对记者说，朝鲜士兵出现伤亡。李成权还指出，朝鲜正准备增派部队。\n",
     "李成权还指出，朝鲜正准备增派部队。", ["south_korean"]),
    # the verb before a source phrase has the sentence's speaker
    ("Китайский МИД повторяет, что не располагает информацией, однако, по оценке ряда "
     "экспертов, Пекин обеспокоен.\n",
     "Китайский МИД повторяет, что не располагает информацией, однако, по оценке ряда "
     "экспертов, Пекин обеспокоен.", ["chinese"]),
    # a possessive points back: his administration is the last speaker's
    ("Президент Юн Сук Йоль заявив, що Сеул не виключає постачання зброї. Водночас його "
     "адміністрація пояснює, що йдеться про оборонні системи.\n",
     "Водночас його адміністрація пояснює, що йдеться про оборонні системи.", ["south_korean"]),
])
def test_the_speaker_by_word_order(text: str, quote: str, want: list[str]) -> None:
    assert claims(text)[quote] == want


@pytest.mark.parametrize(("text", "want"), [
    # present tense and verbs no form list spells out: the lemma says "reporting verb"
    ("Песков констатирует, что переговоры о прекращении огня зашли в тупик.\n", ["russian"]),
    ("Захарова говорит, что Запад лжёт о присутствии войск КНДР в Курской области.\n",
     ["russian"]),
    ("Зеленський каже, що війська КНДР уже воюють на фронті в Курській області.\n",
     ["ukrainian"]),
    ("Южнокорейская разведка опасается, что КНДР получит в обмен военные технологии.\n",
     ["south_korean"]),
])
def test_a_reporting_verb_is_known_by_its_lemma(text: str, want: list[str]) -> None:
    assert list(claims(text).values()) == [want]


def test_a_gerund_of_a_reporting_verb_reports_nothing_in_russian() -> None:
    assert claims("Войска КНДР, прибывшие в Курскую область, обещая помощь, стоят там.\n") == {}


@pytest.mark.parametrize(("text", "want"), [
    # an official of a side named by the inventory in the page's own script
    ("За словами депутата Лі Сон Квона, у розвідці вважають, що солдати КНДР погано знайомі "
     "з дронами.\n", ["south_korean"]),
    ("Помощник президента Ушаков заявил, что контакты с Сеулом не обсуждались.\n",
     ["russian"]),
    ("特朗普表示，他将尽快结束俄乌冲突。\n", ["us"]),
    ("나토는 북한군의 전투 투입이 확인됐다고 밝혔다.\n", ["nato_european"]),
    # a Korean page's anonymous military source is the home side's
    ("군 관계자는 “북한군이 전선에 투입됐다”고 말했다.\n", ["south_korean"]),
])
def test_a_speaker_named_by_the_languages_inventory(text: str, want: list[str]) -> None:
    assert list(claims(text).values()) == [want]


def test_a_south_korean_newspaper_is_not_north_korea() -> None:
    found = claims("조선일보는 북한군 1만여명이 러시아에 파병됐다고 보도했다.\n")
    assert list(found.values()) != [["north_korean"]]


def test_a_transcripts_turn_named_by_its_speakers_role() -> None:
    text = ("Питання: Скільки північнокорейських військових зараз перебуває на території Росії?\n"
            "Президент України: За нашими даними, в Росії зараз перебуває близько 12 тисяч "
            "військових. Частина з них уже воює в Курській області.\n")
    found = claims(text, "Спільна пресконференція Президента України та Генерального секретаря НАТО")
    assert found["Частина з них уже воює в Курській області."] == ["ukrainian"]
    assert not any(q.startswith("Питання") for q in found)


def test_an_interviewees_turn_takes_the_side_he_was_introduced_with() -> None:
    text = ("Посол России в КНДР Александр Мацегора рассказал «РГ» о новом договоре.\n"
            "Что изменилось после визита в Пхеньян?\n"
            "Александр Мацегора: Отношения вышли на новый уровень. Растет товарооборот между "
            "нашими странами.\n")
    found = claims(text, "Посол России в КНДР: Пхеньян не просит ничего сверх договора")
    assert found["Растет товарооборот между нашими странами."] == ["russian"]


def test_an_official_bodys_own_page_says_what_has_no_speaker() -> None:
    text = ("Вооруженные Силы Российской Федерации продолжают проведение специальной военной "
            "операции.\n"
            "Потери ВСУ за сутки на курском направлении составили более 290 военнослужащих.\n")
    found = {s.quote: s.perspectives for s in suggest_claims(
        text, load_default_perspectives(), title="Сводка Министерства обороны",
        publisher="Ministry of Defence of Russia")}
    assert found["Потери ВСУ за сутки на курском направлении составили более 290 "
                 "военнослужащих."] == ["russian"]
    # the same sentences on a newspaper's page have no speaker
    assert suggest_claims(text, load_default_perspectives(), publisher="Kommersant") == []


def test_a_korean_reporting_verb_in_either_style() -> None:
    text = "중국 외교부 마오닝 대변인은 “관련 상황을 알지 못한다”는 기존 입장을 되풀이했습니다.\n"
    assert list(claims(text).values()) == [["chinese"]]


def test_a_role_then_where_and_when_points_to_the_last_speaker() -> None:
    text = ("Президент України Володимир Зеленський заявив, що втрати КНДР зростають.\n"
            "За попередніми даними, загиблих уже понад три тисячі, написав глава держави у "
            "Telegram у понеділок.\n")
    found = claims(text)
    assert found["За попередніми даними, загиблих уже понад три тисячі, написав глава держави "
                 "у Telegram у понеділок."] == ["ukrainian"]


def test_every_side_the_language_data_names_is_a_perspective_of_the_app() -> None:
    """A cue list under a key the app has no perspective for ("nato" beside
    "nato_european") suggested claims with a side no one could see or export."""
    keys = {p.key for p in load_default_perspectives()}
    for script, rules in script_rules().items():
        assert set(rules.speakers) <= keys, (script, sorted(set(rules.speakers) - keys))
