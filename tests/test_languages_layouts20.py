"""Titles, dates and publishers of Korean and Chinese pages in layouts no dev story has
(issue 11, round 20): a "게재 일자 :" stamp with its weekday in Han, a two-digit year
("25.01.08 11:05"), a stamp above the headline under a row of section names, a radio
programme's name over a transcript's headline, a labelled byline over the headline,
traditional-character stamps ("發佈日期：", "最後更新日期：", "週四") under a menu, and a
site's name in Hangul or Han atop the page. Each page is made up for the test."""

from __future__ import annotations

import pytest

from briefing.core.ingest.dates import date_line, find_dates
from briefing.core.ingest.kickers import cjk_masthead, menu_line
from briefing.core.ingest.pipeline import read_article

KO_BODY = ("국방부는 이날 북한이 추가 도발을 감행할 가능성이 높다고 밝혔다.\n"
           "국방부 관계자는 기자들과 만나 \"동향을 면밀히 추적하고 있다\"고 말했다.\n"
           "합동참모본부는 대비 태세를 강화했다고 설명했다.\n")
ZH_BODY = ("外交部发言人表示，中方在乌克兰问题上的立场是一贯的、明确的。\n"
           "发言人说，中方始终致力于劝和促谈，支持一切有利于和平解决危机的努力。\n"
           "她还表示，希望各方推动局势降温，为政治解决创造条件。\n")
ZH_TRAD_BODY = ("韓國國家情報院指北韓已向俄羅斯派遣約一萬名士兵。\n"
                "分析人士認為，此舉將令朝鮮半島局勢更趨緊張。\n"
                "美國國務院表示對事態發展深表關注。\n")


def metadata(text: str) -> tuple[str | None, str | None, str | None]:
    _extracted, refined = read_article(text.encode("utf-8"), "page.txt")
    meta = refined.metadata
    return meta.title, meta.published, meta.publisher


@pytest.mark.parametrize(("line", "date"), [
    ("게재 일자 : 2024년 12월 19일(木)", "2024-12-19"),
    ("입력 25.01.08 11:05", "2025-01-08"),
    ("25.01.08 11:05 l 최종 업데이트 25.01.08 14:30", "2025-01-08"),
    ("發佈日期：2024年11月05日（星期二）18:20", "2024-11-05"),
    ("2024年11月21日 週四 下午 3:45", "2024-11-21"),
])
def test_stamp_lines_are_date_lines(line: str, date: str) -> None:
    found = date_line(line)
    assert found is not None and found[0] == date


def test_a_two_digit_year_needs_a_clock_time_after_it() -> None:
    assert find_dates("규정 25.01.08 개정") == []
    assert find_dates("v1.25.01.08 11:05") == []


@pytest.mark.parametrize(("text", "menu"), [
    ("뉴스 스포츠 연예", True), ("首頁 港聞 國際 財經", True), ("國際 兩岸 評論", True),
    ("북한군 러시아 파병 관련 추가 정보 공유", False), ("普丁 俄羅斯 回應", False),
])
def test_a_row_of_section_names_is_a_menu(text: str, menu: bool) -> None:
    assert menu_line(text) is menu


@pytest.mark.parametrize(("text", "name"), [
    ("한빛일보", True), ("동해방송 뉴스", True), ("港島日報", True), ("亚太观察网", True),
    ("북한", False), ("국방부 \"북한 도발\"", False), ("俄罗斯外交部", False),
])
def test_an_outlets_name_in_hangul_or_han(text: str, name: bool) -> None:
    assert cjk_masthead(text) is name


@pytest.mark.parametrize(("text", "title", "date", "publisher"), [
    ("한빛일보\n정치 경제 사회 국제 오피니언\n[단독] 국방부 \"북한, 연말 추가 도발 가능성 높아\"\n"
     "게재 일자 : 2024년 12월 19일(木)\n김민수 기자\n" + KO_BODY,
     "[단독] 국방부 \"북한, 연말 추가 도발 가능성 높아\"", "2024-12-19", "한빛일보"),
    ("누리뉴스\n[주장] 우크라이나 전쟁, 이제는 출구를 찾아야 한다\n"
     "25.01.08 11:05 l 최종 업데이트 25.01.08 14:30\n이정호(nuri123)\n" + KO_BODY,
     "[주장] 우크라이나 전쟁, 이제는 출구를 찾아야 한다", "2025-01-08", "누리뉴스"),
    ("푸른방송\n뉴스 스포츠 연예\n기사입력 2024-11-21 09:40 최종수정 2024-11-21 10:15\n"
     "\"러시아 파병 북한군 사상자 발생\"…정보당국 분석\n정다은 기자\n" + KO_BODY,
     "\"러시아 파병 북한군 사상자 발생\"…정보당국 분석", "2024-11-21", "푸른방송"),
    ("라디오한마당\n김현정의 아침 시사\n\"북한군 파병, 한반도 안보에 직접적 위협\"\n"
     "2024.11.12 08:30\n■ 방송 : 라디오한마당 아침 시사\n■ 진행 : 김현정 앵커\n"
     "◇ 김현정> 오늘 북한군 파병 문제 짚어보겠습니다. 교수님 나와 계시죠?\n"
     "◇ 이철수> 네, 안녕하세요.\n◇ 김현정> 파병 규모는 어느 정도로 보십니까?\n"
     "◇ 이철수> 정보당국은 1만 명 이상으로 추정하고 있습니다.\n",
     "\"북한군 파병, 한반도 안보에 직접적 위협\"", "2024-11-12", "라디오한마당"),
    ("서울평론\n글 : 이영희 기자\n[분석] 북·러 조약 발효, 무엇이 달라지나\n발행일 2024.12.05\n"
     + KO_BODY, "[분석] 북·러 조약 발효, 무엇이 달라지나", "2024-12-05", "서울평론"),
    ("星島新聞網\n首頁 港聞 國際 財經\n分析｜北韓派兵俄羅斯 東北亞局勢再添變數\n"
     "發佈日期：2024年11月05日（星期二）18:20\n最後更新日期：2024年11月06日（星期三）09:10\n"
     "撰文：陳家明\n" + ZH_TRAD_BODY,
     "分析｜北韓派兵俄羅斯 東北亞局勢再添變數", "2024-11-05", "Sing Tao Daily"),
    ("新視界新聞\n國際 兩岸 評論\n普丁：俄羅斯將回應西方長程武器\n2024年11月21日 週四 下午 3:45\n"
     "記者王小明／綜合報導\n" + ZH_TRAD_BODY,
     "普丁：俄羅斯將回應西方長程武器", "2024-11-21", "新視界新聞"),
    ("东方观察\n乌克兰称在库尔斯克与朝鲜士兵交火\n2024-11-05 14:02:11\n" + ZH_BODY
     + "本文来源：东方观察\n", "乌克兰称在库尔斯克与朝鲜士兵交火", "2024-11-05", "东方观察"),
])
def test_korean_and_chinese_layouts(text: str, title: str, date: str, publisher: str) -> None:
    assert metadata(text) == (title, date, publisher)


@pytest.mark.parametrize(("name", "publisher"), [
    ("纽约时报中文网", "The New York Times Chinese"), ("美國之音中文網", "Voice of America Chinese"),
    ("韩联社", "Yonhap"), ("塔斯社", "TASS"), ("明報", "Ming Pao"), ("星島新聞網", "Sing Tao Daily"),
])
def test_chinese_names_of_outlets(name: str, publisher: str) -> None:
    text = (f"{name}\n首页 国际 军事 评论 视频\n朝俄条约生效后 外界关注两国军事合作\n2024-12-02 14:30\n"
            + ZH_BODY)
    assert metadata(text)[2] == publisher


@pytest.mark.parametrize(("line", "date"), [
    ("입력 : 2024. 12. 19. 오후 3:05 수정 : 2024. 12. 19. 오후 3:40", "2024-12-19"),
    ("기자명 이하늘 기자 입력 2024.12.19 10:30", "2024-12-19"),
    ("2024年12月19日 10:30 ｜ 更新 2024年12月20日 09:00", "2024-12-19"),
    ("撰文：陳家明 2024年12月19日", "2024-12-19"),
    ("2024年12月19日 下午4:30", "2024-12-19"),
    ("發稿時間：2024-12-19 10:30", "2024-12-19"),
])
def test_more_stamp_lines(line: str, date: str) -> None:
    found = date_line(line)
    assert found is not None and found[0] == date


def test_a_headlines_date_in_brackets_stays_words() -> None:
    assert date_line("통일부 정례브리핑 (2024. 11. 4.)") is None


@pytest.mark.parametrize(("text", "title", "publisher"), [
    ("새날신문\n국제\n트럼프 \"우크라이나 전쟁 24시간 안에 끝낼 것\"\n"
     "취임 앞두고 종전 구상 거듭 강조…젤렌스키 \"정의로운 평화 원해\"\n"
     "기자명 이하늘 기자 입력 2024.12.19 10:30\n" + KO_BODY,
     "트럼프 \"우크라이나 전쟁 24시간 안에 끝낼 것\"", "새날신문"),
    ("華聲日報\n國際\n普丁：俄羅斯將回應西方長程武器\n俄方稱有權對提供武器國家採取行動 烏方批評為核訛詐\n"
     "2024年11月21日 下午4:30\n撰文：王小明\n" + ZH_TRAD_BODY,
     "普丁：俄羅斯將回應西方長程武器", "華聲日報"),
    ("纽约时报中文网\n国际 中国 商业与经济 观点\n朝鲜士兵在俄罗斯前线伤亡惨重\n2024年12月20日\n"
     + ZH_BODY, "朝鲜士兵在俄罗斯前线伤亡惨重", "The New York Times Chinese"),
    ("RFI - 法国国际广播电台\n朝鲜出兵俄罗斯 北京为何沉默？\n发表时间： 15/11/2024 - 10:30\n"
     + ZH_BODY, "朝鲜出兵俄罗斯 北京为何沉默？", "RFI Chinese"),
])
def test_masthead_over_rubric_and_headline(text: str, title: str, publisher: str) -> None:
    found = metadata(text)
    assert (found[0], found[2]) == (title, publisher)
