"""Titles and dates of Korean and Chinese pages by their layouts (issue 11): a post's stamp
line with its view counter, a row of share buttons, a page's tool line, a paper's byline
dateline, and a date line that carries a byline or a source beside it. Each page is
written for the test with the furniture such pages carry."""

from __future__ import annotations

import pytest

from briefing.core.ingest.dates import date_line
from briefing.core.ingest.pipeline import read_article

KO_BODY = ("국가정보원은 북한군의 러시아 파병 동향과 관련하여 다음과 같이 파악하고 있다고 밝혔다. "
           "국정원은 러시아로 이동한 북한군 가운데 상당수가 전선 지역에 배치되었다고 설명했다. "
           "정부는 관련 동향을 동맹국과 긴밀히 공유하고 있다고 덧붙였다.\n")
ZH_BODY = ("外交部发言人表示，中方在乌克兰问题上的立场是一贯的、明确的。中方始终致力于劝和促谈，"
           "支持一切有利于和平解决危机的努力。希望各方推动局势降温，为政治解决创造条件。\n")
RU_BODY = ("Министр обороны Южной Кореи заявил, что Сеул пока не изменит свою позицию. "
           "По его словам, правительство внимательно следит за сотрудничеством России и КНДР. "
           "В Москве эти заявления пока не комментировали.\n")


def metadata(text: str) -> tuple[str | None, str | None]:
    _extracted, refined = read_article(text.encode("utf-8"), "page.txt")
    return refined.metadata.title, refined.metadata.published


@pytest.mark.parametrize(("text", "title", "date"), [
    ("국가정보원\n홈 > 알림·소식 > 보도자료\n북한군 러시아 파병 관련 추가 정보 공유\n"
     "작성일 2024-11-13 조회수 2,418\n" + KO_BODY,
     "북한군 러시아 파병 관련 추가 정보 공유", "2024-11-13"),
    ("세계일보\n국제 > 인터뷰\n“중국, 북·러 밀착 못마땅하지만 제동 안 걸 것”\n"
     "김민서 기자 입력 : 2024-12-02 06:00:00 수정 : 2024-12-02 07:12:31\n"
     "페이스북 트위터 카카오스토리 밴드 URL복사 인쇄\n" + KO_BODY,
     "“중국, 북·러 밀착 못마땅하지만 제동 안 걸 것”", "2024-12-02"),
    ("中华人民共和国商务部\n当前位置：首页 > 新闻发布\n商务部新闻发言人就出口管制答记者问\n"
     "发布时间：2024-12-19 16:30 来源：商务部新闻办公室\n【字体：大 中 小】 打印本页 分享\n"
     + ZH_BODY, "商务部新闻发言人就出口管制答记者问", "2024-12-19"),
    ("新京报\n国际\n乌方称朝鲜军人在库尔斯克伤亡超三千\n新京报讯（记者 陈静）\n"
     "2024-12-24 09:18 来源：新京报\n分享到：微信 微博 QQ空间\n" + ZH_BODY,
     "乌方称朝鲜军人在库尔斯克伤亡超三千", "2024-12-24"),
    # a print edition's stamp under the headline and its deck is the date, not the title
    ("Известия\nГлавное Политика Мир Армия\nМир\nСеул ищет компромисс\n"
     "Южная Корея пока не будет поставлять оружие Киеву\n"
     "Газета «Известия» №215 от 19.11.2024, стр. 3\n" + RU_BODY,
     "Сеул ищет компромисс", "2024-11-19"),
])
def test_title_and_date_around_the_furniture(text: str, title: str, date: str) -> None:
    assert metadata(text) == (title, date)


@pytest.mark.parametrize(("line", "want"), [
    ("작성일 2024-11-13 조회수 2,418", "2024-11-13"),   # a view counter is no words
    ("发布时间：2024-12-19 16:30 来源：商务部新闻办公室", "2024-12-19"),  # time in the date
    ("Газета «Известия» №212 от 14.11.2024, стр. 2", "2024-11-14"),  # a print edition
    ("Газета «День» №198 від 21.11.2024", "2024-11-21"),
])
def test_a_date_line_with_its_furniture(line: str, want: str) -> None:
    found = date_line(line)
    assert found is not None and found[0] == want


@pytest.mark.parametrize("line", [
    "국방부 정례브리핑(2024.11.25)",  # a headline holding its date: "11.25" is no time
    "Брифінг 25.11.2024 у Києві щодо обміну полоненими",
])
def test_a_headline_holding_a_date_is_no_date_line(line: str) -> None:
    assert date_line(line) is None
