"""Layouts and grammar read in issue 11's fourth language round (lang15), each case written
here for the test with the furniture such pages carry: a Chinese date line with the author's
label beside it, a copyright holder named before "版权所有", a diplomat's posting (驻…大使),
a joint chiefs' short name (韩联参), a noun holding 说 (说法), a report to a body (向国会报告),
an academic of no side, and a Korean broadcast's sound bites under their captions."""

from __future__ import annotations

import pytest

from briefing.core.claims import suggest_claims
from briefing.core.ingest.dates import date_line
from briefing.core.ingest.pipeline import read_article
from briefing.core.perspectives import load_default_perspectives

ZH_BODY = ("外交部发言人表示，中方在乌克兰问题上的立场是一贯的、明确的。中方始终致力于劝和促谈，"
           "支持一切有利于和平解决危机的努力。希望各方推动局势降温，为政治解决创造条件。\n")


def claims(text: str, title: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title)}


def test_a_chinese_date_line_with_the_author_and_editor_labels_beside_it() -> None:
    assert date_line("2024-12-23 18:12:40 来源：观察者网 作者：齐倩") == ("2024-12-23", "plain")
    assert date_line("来源：国防网 责任编辑：刘明 2024-11-28 20:05") == ("2024-11-28", "plain")
    # a line that says more than its labels stays a sentence, not a date line
    assert date_line("2024-12-23 韩国联合参谋本部表示朝鲜军队伤亡约1100人") is None


def test_a_headline_above_a_chinese_date_line_with_an_author_and_font_tools() -> None:
    page = ("观察者网\n首页 国际 中国 评论 财经 科技 军事 视频\n登录 注册\n观察者网 > 国际\n"
            "韩联参：在俄朝军伤亡约1100人 或追加派兵\n2024-12-23 18:12:40 来源：观察者网 作者：齐倩\n"
            "大 中 小 分享到：\n" + ZH_BODY)
    meta = read_article(page.encode("utf-8"), "page.txt")[1].metadata
    assert (meta.title, meta.published) == ("韩联参：在俄朝军伤亡约1100人 或追加派兵", "2024-12-23")


def test_the_copyright_holder_before_the_notice_publishes_an_unlisted_chinese_page() -> None:
    page = ("中华人民共和国驻某国大使馆\n首页 使馆新闻 领事服务\n当前位置：首页 > 使馆新闻\n"
            "驻某国大使接受当地媒体专访\n2024/12/10\n" + ZH_BODY
            + "【打印本页】 【关闭窗口】\n中华人民共和国驻某国大使馆 版权所有\n")
    meta = read_article(page.encode("utf-8"), "page.txt")[1].metadata
    assert meta.publisher == "中华人民共和国驻某国大使馆"
    # a "来源：" label naming an unlisted app is not taken for the site
    page = ("国际\n乌方称朝鲜军人伤亡超三千\n来源：某某新闻客户端 | 2024年12月17日 07:45\n" + ZH_BODY)
    assert read_article(page.encode("utf-8"), "page.txt")[1].metadata.publisher is None


def test_an_ambassador_speaks_for_the_country_that_sent_him_not_where_he_is_posted() -> None:
    text = ("2024年12月10日，驻俄罗斯大使张汉晖接受俄罗斯《消息报》专访。专访全文如下：\n"
            "问：中方如何看待？\n答：中方在乌克兰危机问题上始终秉持客观公正立场。我们不掌握有关情况。\n"
            "俄罗斯驻华大使莫尔古洛夫表示，俄中关系处于历史最好水平。\n")
    found = claims(text)
    assert found["答：中方在乌克兰危机问题上始终秉持客观公正立场。"] == ["chinese"]
    assert found["我们不掌握有关情况。"] == ["chinese"]
    assert found["俄罗斯驻华大使莫尔古洛夫表示，俄中关系处于历史最好水平。"] == ["russian"]


def test_chinese_short_names_reports_to_a_body_nouns_with_shuo_and_academics() -> None:
    text = ("韩联参称，朝鲜军队似乎正在准备向俄罗斯追加派遣兵力。\n"
            "韩国国家情报院此前曾向国会报告，朝鲜已向俄罗斯派遣约1.1万名军人。\n"
            "对于上述说法，俄罗斯总统新闻秘书佩斯科夫表示，克里姆林宫“没有什么可补充的”。\n"
            "中国人民大学教授李大为接受采访时说，各方公布的数据都带有宣传色彩。\n")
    found = claims(text)
    assert found["韩联参称，朝鲜军队似乎正在准备向俄罗斯追加派遣兵力。"] == ["south_korean"]
    assert found["韩国国家情报院此前曾向国会报告，朝鲜已向俄罗斯派遣约1.1万名军人。"] == [
        "south_korean"]
    assert found["对于上述说法，俄罗斯总统新闻秘书佩斯科夫表示，克里姆林宫“没有什么可补充的”。"] == [
        "russian"]
    assert found["中国人民大学教授李大为接受采访时说，各方公布的数据都带有宣传色彩。"] == []


def test_korean_broadcast_sound_bites_belong_to_their_captioned_speakers() -> None:
    text = ("[기자]\n미국 국무부는 북한군이 이동한 것으로 보고 있습니다.\n"
            "[토니 블링컨 / 미국 국무장관 (현지시간 31일)]\n"
            "“약 8천 명이 쿠르스크로 이동한 것으로 파악하고 있습니다. 며칠 안에 투입될 것입니다.”\n"
            "러시아는 파병 사실을 인정하지 않고 있습니다.\n"
            "[녹취] 마리야 자하로바 / 러시아 외무부 대변인\n"
            "“러시아와 북한의 협력은 국제법의 틀 안에서 이뤄지고 있습니다.”\n"
            "[양욱 / 아산정책연구원 연구위원]\n“손실이 클 수밖에 없습니다.”\n"
            "연합뉴스TV 김수강입니다.\n")
    found = claims(text)
    assert found["“약 8천 명이 쿠르스크로 이동한 것으로 파악하고 있습니다."] == ["us"]
    assert found["며칠 안에 투입될 것입니다.”"] == ["us"]
    assert found["“러시아와 북한의 협력은 국제법의 틀 안에서 이뤄지고 있습니다.”"] == ["russian"]
    assert found["“손실이 클 수밖에 없습니다.”"] == []
    # the reporter's narration after a sound bite is nobody's claim by the caption (a
    # denial held is the denying side's own, heldout8's convention: Russia's, not the US's)
    assert found.get("러시아는 파병 사실을 인정하지 않고 있습니다.") in (None, ["russian"])


def test_an_interview_with_bare_questions_and_the_interviewee_as_him_in_the_lead() -> None:
    """Questions in bold on the site (bare lines ending in "?"), answers with no marker; the
    lead says the paper spoke "with him", the title's head names him and the lead his post."""
    title = "Андрей Руденко: «Договор с КНДР не направлен против третьих стран»"
    text = ("Заместитель министра иностранных дел России Андрей Руденко курирует в МИДе "
            "отношения со странами Азии. «Ведомости» поговорили с ним о договоре с КНДР.\n"
            "В Сеуле говорят о поставках оружия Украине. Что ответит Москва?\n"
            "Это стало бы грубой ошибкой. Мы рассчитываем, что в Сеуле взвесят последствия.\n"
            "Как к договору относится Пекин?\n"
            "С китайскими партнерами у нас полное взаимопонимание.\n"
            "Госдеп США ранее назвал такое сотрудничество «угрозой для всего региона».\n")
    found = claims(text, title)
    assert found["Это стало бы грубой ошибкой."] == ["russian"]
    assert found["Мы рассчитываем, что в Сеуле взвесят последствия."] == ["russian"]
    assert found["С китайскими партнерами у нас полное взаимопонимание."] == ["russian"]
    assert found["Госдеп США ранее назвал такое сотрудничество «угрозой для всего региона»."] == [
        "us"]
    assert "Как к договору относится Пекин?" not in found


def test_a_turns_one_word_reply_is_a_sentence_of_its_own() -> None:
    from briefing.core.claims.script_rules import script_rules, sentences

    rules = script_rules()["cyrillic"]
    text = "Коваленко: Так. Російські пропагандисти заперечують їхню присутність."
    assert [text[a:b] for a, b in sentences(text, rules.dateline_rx, rules.abbreviations)] == [
        "Коваленко: Так.", "Російські пропагандисти заперечують їхню присутність."]


KO_BODY = ("국가정보원은 북한군의 러시아 파병 동향과 관련하여 다음과 같이 파악하고 있다고 밝혔다. "
           "국정원은 러시아로 이동한 북한군 가운데 상당수가 전선 지역에 배치되었다고 설명했다. "
           "정부는 관련 동향을 동맹국과 긴밀히 공유하고 있다고 덧붙였다.\n")
RU_BODY = ("Министр обороны Южной Кореи заявил, что Сеул пока не изменит свою позицию. "
           "По его словам, правительство внимательно следит за сотрудничеством России и КНДР. "
           "В Москве эти заявления пока не комментировали.\n")
UK_BODY = ("Міністр оборони Південної Кореї заявив, що Сеул поки не змінить свою позицію. "
           "За його словами, уряд уважно стежить за співпрацею Росії та КНДР. "
           "У Москві ці заяви поки не коментували.\n")


@pytest.mark.parametrize(("page", "title", "date"), [
    # a headline over its subtitle (standfirst), both above the byline and date line:
    # the headline comes first, whichever line is longer
    ("МК\nПолитика\nЧем грозит переброска новых войск КНДР?\nЭксперт оценил заявления Сеула\n"
     "06.11.2024 в 12:30, просмотров: 2104\n" + RU_BODY,
     "Чем грозит переброска новых войск КНДР?", "2024-11-06"),
    ("ZN.UA\nУ Сеулі заявили про можливе перекидання нових військ КНДР\n"
     "Розвідка Південної Кореї попереджає про другу хвилю\nАвтор: Іван Петренко\n"
     "5 листопада 2024, 10:00\n" + UK_BODY,
     "У Сеулі заявили про можливе перекидання нових військ КНДР", "2024-11-05"),
    ("中国新闻网\n韩国国情院称朝鲜或再向俄罗斯派兵\n乌方称朝军已在库尔斯克参战\n"
     "2024年11月05日 10:00 来源：中国新闻网\n编辑：李四\n" + ZH_BODY,
     "韩国国情院称朝鲜或再向俄罗斯派兵", "2024-11-05"),
    # a labelled subtitle, a byline with its e-mail, a bracketed dateline byline, an
    # author labelled "Текст:", a ministry's office beside its date, a Chinese menu row
    ("연합뉴스\n홈 정치 북한 경제 사회 세계\n[단독] 국정원 \"북한군 1만명 추가 파병 가능성\"\n"
     "부제: 러시아 쿠르스크에 이미 배치…\n기사입력 2024-11-05 10:00 | 최종수정 2024-11-05 11:20\n"
     + KO_BODY, "[단독] 국정원 \"북한군 1만명 추가 파병 가능성\"", "2024-11-05"),
    ("경향신문\n정치\n국정원 \"북한군 1만명 추가 파병 가능성\"\n홍길동 기자 hong@khan.co.kr\n"
     "입력 : 2024.11.05 10:00\n" + KO_BODY, "국정원 \"북한군 1만명 추가 파병 가능성\"", "2024-11-05"),
    ("뉴시스\n[서울=뉴시스] 김철수 기자\n北 \"러시아 파병은 정당한 권리\"…국제사회 비판에 반발\n"
     "등록 2024.11.05 10:00:00수정 2024.11.05 11:00:00\n" + KO_BODY,
     "北 \"러시아 파병은 정당한 권리\"…국제사회 비판에 반발", "2024-11-05"),
    ("Российская газета\nВ Сеуле заявили о возможной переброске новых войск КНДР\n"
     "Текст: Иван Петров\n06.11.2024 12:30\n" + RU_BODY,
     "В Сеуле заявили о возможной переброске новых войск КНДР", "2024-11-06"),
    ("통일부\n알림마당 > 보도자료\n北 \"러시아 파병은 정당한 권리\"…국제사회 비판에 반발\n"
     "담당부서 정세분석국 등록일 2024-11-05 조회수 1,204\n" + KO_BODY,
     "北 \"러시아 파병은 정당한 권리\"…국제사회 비판에 반발", "2024-11-05"),
    ("德国之声中文网\nDW 中文 新闻 德国 欧洲 中国 台湾 香港 国际 评论\n分析：朝鲜出兵俄罗斯 北京为何沉默？\n"
     "2024年11月15日\n作者：苏安迪\n" + ZH_BODY, "分析：朝鲜出兵俄罗斯 北京为何沉默？", "2024-11-15"),
])
def test_headlines_by_the_page_layout_in_each_language(page: str, title: str, date: str) -> None:
    meta = read_article(page.encode("utf-8"), "page.txt")[1].metadata
    assert (meta.title, meta.published) == (title, date)


@pytest.mark.parametrize(("line", "value"), [
    ("2024년 11월 05일 15시 20분", "2024-11-05"),  # a time in Korean words
    ("기사입력 2024-11-05 오후 3:20 | 최종수정 2024-11-05 오후 4:01", "2024-11-05"),
    ("《人民日报》（2024年11月05日 第03版）", "2024-11-05"),  # a print edition's stamp
    ("环球时报 2024-11-05 10:00 发布于北京", "2024-11-05"),  # a post's place stamp
    ("2024年11月5日 星期二 10:00 来源：参考消息网", "2024-11-05"),  # the weekday
])
def test_date_lines_with_the_furniture_beside_them(line: str, value: str) -> None:
    assert date_line(line) is not None and date_line(line)[0] == value


def test_a_labelled_chinese_date_with_an_unreadable_order_is_not_the_title() -> None:
    page = ("RFI 华语\n外交部：中方在乌克兰问题上的立场是一贯的\n发表时间： 05/11/2024 - 10:00\n"
            + ZH_BODY)
    meta = read_article(page.encode("utf-8"), "page.txt")[1].metadata
    assert meta.title == "外交部：中方在乌克兰问题上的立场是一贯的"


RU_TITLE = "Захарова ответила на заявления Сеула о поставках оружия Киеву"


@pytest.mark.parametrize(("page", "publisher"), [
    # a site the table does not know, named atop the page and again at its foot
    ("Северная правда\nГлавная Новости Политика Экономика\n" + RU_TITLE + "\n06.11.2024 12:30\n"
     + RU_BODY + "© 2024 «Северная правда». Все права защищены.\n", "Северная правда"),
    ("Вечерний курьер\n" + RU_TITLE + "\n06.11.2024 12:30\n" + RU_BODY
     + "При использовании материалов ссылка на «Вечерний курьер» обязательна.\n",
     "Вечерний курьер"),
    ("东方观察网\n首页 国际 军事 评论\n外交部：中方在乌克兰问题上的立场是一贯的\n2024-11-05 10:00\n"
     + ZH_BODY + "东方观察网版权所有，未经授权不得转载\n", "东方观察网"),
    ("새벽신문\n홈 > 정치\n北 \"러시아 파병은 정당한 권리\"…국제사회 비판에 반발\n2024-11-05 10:00\n"
     + KO_BODY + "<저작권자 © 새벽신문, 무단전재 및 재배포 금지>\n", "새벽신문"),
    # only at the foot: a legal form before the quoted name, a rights notice after it
    ("Главная Новости Политика Экономика\n" + RU_TITLE + "\n06.11.2024 12:30\n" + RU_BODY
     + "© ООО «Невский вестник», 2024\n", "Невский вестник"),
    ("Новини Політика Війна Економіка\nБуданов: КНДР готує нову партію снарядів для Росії\n"
     "05.11.2024 10:00\n" + UK_BODY + "© 2024 ТОВ «Західний кур'єр». Усі права захищені.\n",
     "Західний кур'єр"),
    ("首页 国际 军事 评论\n外交部：中方在乌克兰问题上的立场是一贯的\n2024-11-05 10:00\n" + ZH_BODY
     + "Copyright © 2024 东方观察网 版权所有\n", "东方观察网"),
])
def test_an_unlisted_site_is_named_by_its_masthead_and_its_footer(page: str,
                                                                   publisher: str) -> None:
    assert read_article(page.encode("utf-8"), "page.txt")[1].metadata.publisher == publisher


def test_a_topic_before_the_verb_is_not_the_speaker() -> None:
    text = ("Про присутність військових КНДР на території Росії першою повідомила Служба безпеки "
            "України у жовтні.\n"
            "Міністр закордонних справ України Андрій Сибіга провів розмову з Ван І.\n"
            "Як передає РБК-Україна, про це Сибіга написав у соцмережі X.\n")
    found = claims(text)
    assert found["Про присутність військових КНДР на території Росії першою повідомила Служба "
                 "безпеки України у жовтні."] == ["ukrainian"]
    assert found["Як передає РБК-Україна, про це Сибіга написав у соцмережі X."] == ["ukrainian"]
    zh = "中国外交部发言人林剑在本周例行记者会上被问及朝鲜军人出现在库尔斯克一事时，只是重申“不了解相关情况”。"
    assert claims(zh + "\n")[zh] == ["chinese"]
    # the speaker named inside the topic's clause, before the verb, still speaks
    ru = ("О переброске войск КНДР в Курскую область начальник ГУР Кирилл Буданов сообщил "
          "журналистам в понедельник.")
    assert claims(ru + "\n")[ru] == ["ukrainian"]
    ru2 = "О потерях КНДР Буданов сообщил, что погибли около 200 человек."
    assert claims(ru2 + "\n")[ru2] == ["ukrainian"]


@pytest.mark.parametrize(("sentence", "side"), [
    ("俄驻韩大使季诺维也夫警告称，韩方向乌提供武器将破坏两国关系。", ["russian"]),  # sent by 俄
    ("中国驻朝鲜大使王亚军表示，中朝友谊历久弥坚。", ["chinese"]),
    ("朝鲜外务省发表谈话，强烈谴责韩国向乌提供武器。", ["north_korean"]),  # an adverb alone
    ("У Білому домі заявили, що Пхеньян отримує технології.", ["us"]),  # the locative
    ("В Белом доме заявили, что Пхеньян получает технологии.", ["us"]),
    ("Посол України в Республіці Корея Дмитро Пономаренко заявив, що Київ чекає на допомогу.",
     ["ukrainian"]),
    ("Российский посол в Сеуле Георгий Зиновьев предупредил о последствиях.", ["russian"]),
    ("주한 러시아 대사는 한국의 무기 지원이 양국 관계를 파괴할 것이라고 경고했다.", ["russian"]),
])
def test_a_speakers_side_by_the_country_that_sent_them(sentence: str, side: list[str]) -> None:
    assert claims(sentence + "\n" + sentence + "\n")[sentence] == side


def test_a_chinese_name_whose_last_character_the_segmenter_splits_off_is_found(tmp_path) -> None:
    from briefing.core.search import IndexDoc, SearchIndex

    ix = SearchIndex(tmp_path)
    list(ix.rebuild([IndexDoc(1, "韩联参", "韩国国家情报院称朝鲜已派遣约1.1万名军人。", language="zh"),
                     IndexDoc(2, "其他", "外交部发言人表示，中方不掌握有关情况。", language="zh")], 2))
    assert [h.article_id for h in ix.search("国家情报院", limit=10).hits] == [1]
    ix.close()


def test_role_turns_in_an_interview_are_the_interviewees_named_in_the_lead() -> None:
    """"Вопрос:"/"Ответ:" and "Питання:"/"Відповідь:" turns: the one the lead says answered
    the paper's questions speaks, with the side his title gives him."""
    text = ("Посол России в КНДР Александр Мацегора ответил на вопросы «Известий».\n"
            "Вопрос: Что изменил договор?\n"
            "Ответ: Договор закрепил союзнические отношения. Мы действуем строго в рамках "
            "международного права.\n")
    found = claims(text, "Интервью с послом: «Пхеньян не просит лишнего»")
    assert found["Ответ: Договор закрепил союзнические отношения."] == ["russian"]
    assert found["Мы действуем строго в рамках международного права."] == ["russian"]
    assert "Вопрос: Что изменил договор?" not in found
    text = ("Речник ГУР Андрій Юсов відповів на запитання журналістів.\n"
            "Питання: Скільки військових КНДР у Росії?\n"
            "Відповідь: За нашими даними, близько 11 тисяч. Частина вже в боях.\n")
    found = claims(text, "Юсов про війська КНДР")
    assert found["Відповідь: За нашими даними, близько 11 тисяч."] == ["ukrainian"]
    assert found["Частина вже в боях."] == ["ukrainian"]
