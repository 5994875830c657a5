"""Furniture of the issue 11 languages' pages kept out of titles: a menu opened by "Войти"
("Войти Подписка на «НГ» Архив"), a story's tool bar ("字級 列印 分享", traditional
characters too); and the Ukrainian Centre for Countering Disinformation known as a
publisher. Pages written for the test."""

from __future__ import annotations

from briefing.core.ingest.pipeline import read_article


def test_a_menu_opened_by_log_in_is_no_title() -> None:
    page = ("Независимая газета\nВойти Подписка на «НГ» Архив\n09.12.2024 20:00:00\n"
            "Сеул взвешивает цену помощи Киеву\n"
            "Политический кризис в Южной Корее отодвинул на второй план дискуссию о поставках "
            "оружия Украине, а Сеул, казалось, был близок к решению. Эксперты считают, что "
            "решение отложено как минимум до весны, когда станет ясна позиция новой "
            "администрации США.\n")
    _e, refined = read_article(page.encode(), "ng.txt")
    assert refined.metadata.title == "Сеул взвешивает цену помощи Киеву"


def test_a_tool_bar_in_traditional_characters_is_furniture() -> None:
    page = ("中央社 CNA\n北韓兵赴俄參戰 北京沉默\n字級 列印 分享\n"
            "（中央社記者台北17日電）北韓派兵協助俄羅斯作戰已近兩個月，中國官方至今仍未正面表態。"
            "中國外交部發言人16日僅表示不掌握有關情況。分析人士認為北京不願批評莫斯科。\n")
    _e, refined = read_article(page.encode(), "cna.txt")
    assert "字級 列印 分享" not in refined.text
    assert refined.metadata.title != "字級 列印 分享"


def test_the_disinformation_centre_is_a_publisher() -> None:
    page = ("Центр протидії дезінформації\nГоловна / Новини\n18.12.2024\n"
            "ЦПД: російська пропаганда приховує втрати КНДР\n"
            "Центр протидії дезінформації фіксує скоординовану кампанію російських "
            "пропагандистів, мета якої приховати участь північнокорейських військових у "
            "бойових діях. Такі твердження не відповідають дійсності.\n")
    _e, refined = read_article(page.encode(), "cpd.txt")
    assert refined.metadata.publisher == "Центр протидії дезінформації"


def test_a_rubric_path_and_a_channels_subscriber_count_are_no_titles() -> None:
    """"Все новости / Мир" above a comment count, "312 тыс. подписчиков" under a channel's
    name: the headline is the line after them."""
    site = ("Вечерний город\nВсе новости / Мир\n28 декабря 2024, 13:45\n41 комментарий\n"
            "В Киеве насчитали потери КНДР под Курском\n"
            "Президент Украины заявил, что потери северокорейских военных в Курской области "
            "превысили три тысячи человек. В Кремле от комментариев отказались, а в Сеуле "
            "дают более осторожные оценки потерь.\n")
    channel = ("Канал\n@channel_news\n312 тыс. подписчиков\n3 января 2025\n"
               "Главное о солдатах КНДР к этому часу\n"
               "Зеленский заявил, что за два дня боев погибли и были ранены до батальона "
               "северокорейских военных. В Кремле от комментариев отказались, а в Сеуле дают "
               "более осторожные оценки потерь.\n")
    _e, refined = read_article(site.encode(), "site.txt")
    assert refined.metadata.title == "В Киеве насчитали потери КНДР под Курском"
    _e, refined = read_article(channel.encode(), "channel.txt")
    assert refined.metadata.title == "Главное о солдатах КНДР к этому часу"
