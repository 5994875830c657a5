"""The publisher of a page in Russian, Ukrainian, Korean or Chinese by mechanism (issue 11):
the agency in a wire dateline, a copyright line without a year, a "source" line in the head,
and the language's main outlets named in their own script. Each page is written for the
test, with the furniture such pages carry."""

from __future__ import annotations

import pytest

from briefing.core.ingest.pipeline import read_article

BODY = {
    "ru": ("Министр заявил, что сотрудничество двух стран не нарушает международное право. "
           "По его словам, договор носит исключительно оборонительный характер и не направлен "
           "против третьих стран. Он также отметил, что отношения будут развиваться дальше.\n"
           "Переговоры продолжатся в следующем месяце в Москве, сообщили в ведомстве.\n"),
    "uk": ("Міністр заявив, що співпраця двох країн порушує міжнародне право. За його словами, "
           "військові КНДР уже перебувають на території Курської області і готуються до боїв. "
           "Він також зазначив, що Україна поінформувала партнерів про ці дані.\n"
           "Переговори з партнерами продовжаться наступного місяця в Брюсселі, додали у "
           "відомстві.\n"),
    "ko": ("국방부는 북한군이 러시아 쿠르스크 지역에 배치된 것으로 보인다고 밝혔다. 국방부 "
           "관계자는 북한군의 전투 참여 여부를 면밀히 확인하고 있다고 설명했다. 정부는 관련 "
           "동향을 동맹국과 긴밀히 공유하고 있다고 덧붙였다.\n"),
    "zh": ("外交部发言人表示，中方在乌克兰问题上的立场是一贯的、明确的。中方始终致力于劝和促谈，"
           "支持一切有利于和平解决危机的努力。希望各方推动局势降温，为政治解决创造条件。\n"),
}


def publisher(text: str) -> str | None:
    _extracted, refined = read_article(text.encode("utf-8"), "page.txt")
    return refined.metadata.publisher


@pytest.mark.parametrize(("lang", "head", "tail", "want"), [
    # the agency after a Russian wire dateline's dash
    ("ru", "Лавров: договор носит оборонительный характер\nМОСКВА, 8 ноя — РИА Новости. ",
     "", "RIA Novosti"),
    # a Ukrainian wire dateline with the agency between slashes
    ("uk", "Сибіга: КНДР уже в Курській області\nКИЇВ, 5 листопада. /Укрінформ/. ", "",
     "Ukrinform"),
    # Korean datelines in brackets, with and without the city
    ("ko", "국방부 \"북한군 쿠르스크 배치\"\n[서울=뉴시스] ", "", "Newsis"),
    ("ko", "국방부 \"북한군 쿠르스크 배치\"\n(연합뉴스) ", "", "Yonhap"),
    # a Chinese site's own dateline
    ("zh", "外交部：中方立场一贯明确\n中新网11月1日电 ", "", "China News Service"),
    # a copyright line without a year, in each script
    ("ru", "Лавров: договор носит оборонительный характер\n", "© Известия\n", "Izvestia"),
    ("uk", "Сибіга: КНДР уже в Курській області\n", "© Главком, 2024\n", "Glavcom"),
    ("ko", "국방부 \"북한군 쿠르스크 배치\"\n", "Copyright ⓒ 서울신문 All Rights Reserved.\n",
     "Seoul Shinmun"),
    # an acronym's name, then the rights sentence after its period
    ("ru", "Лавров: договор носит оборонительный характер\n",
     "© 2024 НТВК. Все права защищены.\n", "НТВК"),
])
def test_the_publisher_a_page_names(lang: str, head: str, tail: str, want: str) -> None:
    assert publisher(head + BODY[lang] + tail) == want


@pytest.mark.parametrize(("lang", "head", "want"), [
    ("ru", "Коммерсантъ\nЛавров: договор носит оборонительный характер\n", "Kommersant"),
    ("uk", "Інтерфакс-Україна\nСибіга: КНДР уже в Курській області\n", "Interfax-Ukraine"),
    ("zh", "新京报\n外交部：中方立场一贯明确\n", "The Beijing News"),
])
def test_the_outlets_own_name_atop_its_page(lang: str, head: str, want: str) -> None:
    assert publisher(head + BODY[lang]) == want
