"""Mechanisms of issue 11's seventh language round (lang19), each case written here for the
test: Korean attribution grammar new stories need (a lawmaker relaying the intelligence
service's report, stances held and denials, a report passed on by the paper)."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str, title: str = "", publisher: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, load_default_perspectives(), title=title,
                                    publisher=publisher)}


def test_a_lawmaker_relaying_a_report_speaks_for_its_source() -> None:
    """A lawmaker named by his seat ("야당 간사인 김 의원") or by no cue at all passes on
    the intelligence service's report ("국정원이 …고 보고했다고", "국정원으로부터 …는 보고를
    받았다고"): the report's side; a foreign parliament's member stays his country's."""
    relayed = ("박철수 의원은 국정원이 북한군 사상자가 2천명을 넘었다고 보고했다고 "
               "기자들에게 전했다.")
    received = "박철수 의원은 국정원으로부터 북한이 추가 파병을 준비 중이라는 보고를 받았다고 밝혔다."
    seat = "야당 간사인 최영호 의원은 \"포로 신문 결과가 공유됐다\"고 말했다."
    foreign = "러시아 하원 국방위원장인 카르타폴로프 의원은 북한군 참전설을 부인했다."
    found = claims("북한군 사상자 늘어\n" + "\n".join([relayed, received, seat, foreign]))
    assert found[relayed] == ["south_korean"]
    assert found[received] == ["south_korean"]
    assert found[seat] == ["south_korean"]
    assert found[foreign] == ["russian"]
    analyst = "김영수 교수는 러시아가 기술을 넘길 것이라고 분석했다."
    assert claims("제목\n" + analyst)[analyst] == []


def test_stances_held_denials_and_reports_passed_on() -> None:
    """A stance repeated ("…는 입장만 반복하고 있다"), a denial held ("…을 인정하지 않고
    있다"), a possibility held open ("가능성을 열어뒀다") and a report the paper passes on
    ("…다고 보고한 것으로 알려졌다") are the subject's claims; the paper's own hearsay about
    troops ("북한군은 … 배치된 것으로 알려졌다") is no one's."""
    repeated = "크렘린궁은 \"언급할 것이 없다\"는 입장만 반복하고 있습니다."
    denial = "북한은 파병 사실을 공식적으로 인정하지 않고 있다."
    open_ = "대통령실은 살상무기 지원 가능성을 열어뒀다."
    passed = "국정원은 북한이 추가 파병을 준비하고 있다고 보고한 것으로 알려졌다."
    hearsay = "북한군은 쿠르스크 전선에 배치된 것으로 알려졌다."
    found = claims("제목\n" + "\n".join([repeated, denial, open_, passed, hearsay]))
    assert found[repeated] == ["russian"]
    assert found[denial] == ["north_korean"]
    assert found[open_] == ["south_korean"]
    assert found[passed] == ["south_korean"]
    assert hearsay not in found


def test_a_report_going_on_and_a_quoted_subheading() -> None:
    """"…다는 것이다" / "…했다는 설명이다" right after a speaker's sentence go on with his
    report; a line of a speaker and his quoted words only ("국정원 \\"…\\"") is his claim;
    the same ending after the paper's own sentence, or a subheading naming no side, is no
    one's; "당국은" names the authorities just quoted again."""
    said = "국방부 관계자는 북한군이 드론 전술을 익히고 있다고 말했다."
    goes_on = "북한군이 이를 귀환 후 활용할 수 있다는 것이다."
    head = "국정원 \"북한, 러시아에 추가 파병 준비\""
    explained = "이미 선발대가 출발했다는 설명이다."
    plain = "북한군은 지난달 쿠르스크에 도착했다."
    stray = "현지 사정이 어렵다는 것이다."
    loose = "현장 \"분위기 삼엄\""
    again = "당국은 포로의 의사를 최우선으로 고려한다는 방침이다."
    text = "\n\n".join(["제목", f"{said} {goes_on}", head, f"국정원은 추가 파병을 경고했다. "
                       f"{explained}", plain, stray, loose, again])
    found = claims(text)
    assert found[goes_on] == ["south_korean"]
    assert found[head] == ["south_korean"]
    assert found[explained] == ["south_korean"]
    assert found[again] == ["south_korean"]
    assert stray not in found and loose not in found and plain not in found


def test_more_broadcasters_sound_bite_captions() -> None:
    """MBC's "▶ 인터뷰 ◀ 이름/직함", "[인터뷰: 이름/직함]" over the quotation, and SBS's
    words inside the caption's brackets ("[이름/직함 : …]") are the captioned speaker's; the
    reporter's line after them is not."""
    text = ("◀ 리포트 ▶\n우크라이나 보안국은 포로 심문 영상을 공개했습니다.\n"
            "▶ 인터뷰 ◀ 김영수/북한군 포로\n\"전쟁이 이런 줄 몰랐습니다.\"\n"
            "[인터뷰: 박민호/국가안보실 2차장]\n\"한반도 안보에도 위협입니다.\"\n"
            "[존 커비/미국 백악관 국가안보소통보좌관 : 사상자가 수백 명에 이릅니다.]\n"
            "현지에서는 전투가 이어지고 있습니다.\n")
    found = claims(text)
    assert found["\"전쟁이 이런 줄 몰랐습니다.\""] == ["north_korean"]
    assert found["\"한반도 안보에도 위협입니다.\""] == ["south_korean"]
    assert found["[존 커비/미국 백악관 국가안보소통보좌관 : 사상자가 수백 명에 이릅니다.]"] == ["us"]
    assert "현지에서는 전투가 이어지고 있습니다." not in found


def test_two_lawmakers_briefing_together_and_their_lead() -> None:
    """Two lawmakers joined by 과 as one long subject, "이같이 밝혔다" pointing back to the
    one-sentence lead, "이들에 따르면" and "박 의원은" naming them again."""
    lead = "(서울=뉴스1) 김기자 기자 = 파병된 북한군의 사상자가 늘고 있다는 분석이 나왔다."
    both = ("국회 정보위원회 소속 여당 간사 최민수 의원과 야당 간사 박영철 의원은 19일 "
            "비공개 보고 후 기자들과 만나 이같이 밝혔다.")
    they = "이들에 따르면 국정원은 북한군 사상자가 1100명에 이른다고 보고했다."
    one = "박 의원은 \"드론 공격에 노출돼 피해가 큰 것으로 안다\"고 말했다."
    found = claims("\n\n".join(["제목", lead, both, they, one]))
    assert found[lead] == ["south_korean"]
    assert found[both] == ["south_korean"]
    assert found[they] == ["south_korean"]
    assert found[one] == ["south_korean"]


def test_a_dropped_speaker_goes_on_about_a_topic() -> None:
    """A broadcast's next sentence drops its speaker and opens on what it reports
    ("사망자는 …추정된다고 밝혔습니다"): still the last speaker's; a sideless speaker whose
    quoted clause has its own subject, or a named expert, is not."""
    said = "국정원은 북한군 사상자가 3천 명을 넘었다고 보고했습니다."
    dropped = "사망자는 300여 명으로 추정된다고 밝혔습니다."
    expert = "김영수 교수는 피해가 더 클 것이라고 말했습니다."
    named = "페트렌코는 북한군이 없다고 말했습니다."
    found = claims("제목\n" + " ".join([said, dropped]) + "\n" + " ".join([expert, named]))
    assert found[dropped] == ["south_korean"]
    assert found[expert] == []
    assert found[named] == []


def test_russian_relayed_speech_and_assessments_given() -> None:
    """"В администрации президента, как передает издание …, склоняются к …": the side named
    before the outlet's clause; "Такую оценку дал министр …" and "не исключил, что …" report;
    "Представитель ведомства" and "чиновник ведомства" are the body just quoted."""
    relayed = ("В администрации южнокорейского президента, как передает издание «Хангёре» "
               "со ссылкой на источник, пока склоняются к отправке наблюдателей.")
    given = "Такую оценку дал министр обороны Южной Кореи Ким Ён Хён."
    open_ = "Глава Пентагона Ллойд Остин не исключил, что КНДР отправит дополнительные силы."
    body = "Об этом сообщил журналистам представитель ОКНШ Южной Кореи."
    again = "Представитель ведомства отметил, что данные уточняются."
    clerk = "Пленных будут допрашивать неделю, пояснил чиновник ведомства на условиях анонимности."
    found = claims("Заголовок\n" + "\n".join([relayed, given, open_, body, again, clerk]))
    assert found[relayed] == ["south_korean"]
    assert found[given] == ["south_korean"]
    assert found[open_] == ["us"]
    assert found[again] == ["south_korean"]
    assert found[clerk] == ["south_korean"]


def test_quoted_heads_of_a_live_page_and_envoys_posted_abroad() -> None:
    """A live page's lines "[속보] 국정원 \\"…\\"", "14:05 합참 \\"…\\"" and a head naming two
    speakers (젤렌스키 "…"…러 "…": both sides); "황준국 주유엔 대사" is the home country's
    envoy, "주유엔 러시아 대사" Russia's."""
    flash = "[속보] 국정원 \"북한군 사상자 3천명 넘어\""
    timed = "14:05 합참 \"북한, 동해상으로 탄도미사일 발사\""
    two = "젤렌스키 \"북한군 사상자 3천명\"…러 \"할 말 없다\""
    ours = "황준국 주유엔 대사는 \"불법 군사협력을 규탄한다\"고 했다."
    theirs = "바실리 네벤자 주유엔 러시아 대사는 이를 \"근거 없는 주장\"이라고 반박했다."
    found = claims("\n\n".join(["제목", flash, timed, two, ours, theirs]))
    assert found[flash] == ["south_korean"]
    assert found[timed] == ["south_korean"]
    assert sorted(found[two]) == ["russian", "ukrainian"]
    assert found[ours] == ["south_korean"]
    assert found[theirs] == ["russian"]


def test_an_official_reports_bullets_in_noun_form() -> None:
    """A report's bullets ending in a noun form with no full stop ("□ …것으로 파악", "○ …로
    추정됨") are sentences: the body the first opens on assesses, and a passive or a
    bullet about the troops is still that body's view, not the troops' words."""
    first = "□ 국정원은 북한군이 쿠르스크 지역에서 전투에 참가 중인 것으로 파악"
    passive = "○ 북한군 사상자는 최소 1,100명 이상으로 추정됨"
    seen = "□ 또한, 북한이 추가 파병을 준비 중인 동향을 포착하였음"
    found = claims("\n\n".join([first, passive, seen]), title="북한군 동향 설명자료")
    assert found[first] == ["south_korean"]
    assert found[passive] == ["south_korean"]
    assert found[seen] == ["south_korean"]
    assert claims("○ 북한군 동향을 계속 주시 예정") == {}


def test_an_interviews_plain_answers_under_dash_questions() -> None:
    """Answers written as plain paragraphs under "―" questions are the interviewee's (the
    one the lead says gave the interview); a paragraph naming another side's speaker is
    that speaker's."""
    text = ("올레나 코발 주한 우크라이나 대사는 지난 10일 중앙일보와 인터뷰를 갖고 입장을 밝혔다.\n\n"
            "―포로 송환 문제는 어떻게 되나.\n\n"
            "포로들이 원한다면 한국 정부와 협력할 준비가 돼 있다. 제네바 협약이 원칙이다.\n\n"
            "―한국에 바라는 것은.\n\n"
            "방공무기 지원이 가장 시급하다.\n\n"
            "러시아 외무부는 이에 대해 \"도발\"이라고 반발했다.\n")
    found = claims(text, title="[인터뷰] 주한 우크라이나 대사")
    assert found["포로들이 원한다면 한국 정부와 협력할 준비가 돼 있다."] == ["ukrainian"]
    assert found["제네바 협약이 원칙이다."] == ["ukrainian"]
    assert found["방공무기 지원이 가장 시급하다."] == ["ukrainian"]
    assert found["러시아 외무부는 이에 대해 \"도발\"이라고 반발했다."] == ["russian"]
    assert not any(q.startswith("―") for q in found)


def test_officials_named_in_hangul_without_their_body() -> None:
    """Officials the perspectives name in English, spelled as Korean papers do, speak for
    their side with no body or country beside the name."""
    lines = {"위성락 의원은 파병이 장기화할 수 있다고 말했다.": ["south_korean"],
             "마체고라 대사는 협력이 합법적이라고 주장했다.": ["russian"],
             "유소우 대변인은 북한군이 재배치됐다고 밝혔다.": ["ukrainian"]}
    found = claims("제목\n" + "\n".join(lines))
    for line, side in lines.items():
        assert found[line] == side


def test_topics_marked_without_a_particle_and_experts_after_the_quotation() -> None:
    """"러시아 역시 …", "미국 또한 …", "국정원 측에선 …" name the speaker; "…라며 반문했다"
    reports; "…이라고 전문가들은 분석했다": the experts speak, for no side."""
    also = "러시아 역시 북한군 참전 사실을 부인했다."
    too = "미국 또한 \"심각한 우려\"를 표명했다."
    side = "국정원 측에선 북한군 사상자가 더 늘 것이라고 전망했다."
    asked = "국정원은 \"북한군이 왜 거기 있겠나\"라며 반문했다."
    experts = "중국으로선 난처한 입장이라고 전문가들은 분석했다."
    found = claims("제목\n" + "\n".join([also, too, side, asked, experts]))
    assert found[also] == ["russian"]
    assert found[too] == ["us"]
    assert found[side] == ["south_korean"]
    assert found[asked] == ["south_korean"]
    assert found[experts] == []


def test_a_quotation_announced_by_the_sentence_before_it() -> None:
    """"젤렌스키 대통령은 텔레그램에 다음과 같이 썼다." then a quoted paragraph: his words,
    sentence by sentence; "…고 못 박았다" reports like "못박았다"."""
    text = ("제목\n\n젤렌스키 대통령은 텔레그램에 다음과 같이 썼다.\n\n"
            "\"북한군 사상자가 3000명을 넘었다. 러시아는 병력을 더 요구하고 있다.\"\n\n"
            "국방부는 \"포로 교환은 없다\"고 못 박았다.\n")
    found = claims(text)
    assert found["\"북한군 사상자가 3000명을 넘었다."] == ["ukrainian"]
    assert found["러시아는 병력을 더 요구하고 있다.\""] == ["ukrainian"]
    assert found["국방부는 \"포로 교환은 없다\"고 못 박았다."] == ["south_korean"]


def test_russian_sources_named_and_speech_passed_on() -> None:
    """"Со слов …", "Как следует из доклада …", "По сведениям …", "По утверждению …" name
    whose information it is; "передал слова …" and "пересказал депутатам показания …"
    report; a speaker with no side "сославшись на данные НСР" speaks for the source."""
    lines = {
        "Со слов депутата Ли Сон Гвона, разведка зафиксировала потери.": ["south_korean"],
        "Как следует из доклада НСР, военные КНДР не умеют противостоять дронам.": [
            "south_korean"],
        "По сведениям американских военных, КНДР готовит новую партию.": ["us"],
        "По утверждению ГУР, потери КНДР превысили 3 тысячи.": ["ukrainian"],
        "Пак Сон Вон передал слова представителей разведки о том, что войска готовятся.": [
            "south_korean"],
        "Представитель НСР пересказал депутатам показания пленных.": ["south_korean"],
    }
    found = claims("Заголовок\n" + "\n".join(lines))
    for line, side in lines.items():
        assert found[line] == side
    cited = "Иван Петров, сославшись на данные Пентагона, сообщил, что потери растут."
    assert claims("Заголовок\n" + cited)[cited] == ["us"]


def test_he_after_a_sound_bite_or_an_answer_is_its_speaker() -> None:
    """"그는 …" right after a captioned sound bite is the captioned speaker, not the last
    speaker the narration named."""
    text = ("제목\n\n[기자]\n러시아는 파병 사실을 부인했습니다.\n\n"
            "[토니 블링컨 / 미국 국무장관]\n\"약 8천 명이 쿠르스크로 이동했습니다.\"\n\n"
            "그는 러시아가 북한에 기술을 넘길 수 있다고 우려했습니다.\n")
    assert claims(text)["그는 러시아가 북한에 기술을 넘길 수 있다고 우려했습니다."] == ["us"]


def test_a_line_drawn_a_distance_kept_a_reply_withheld() -> None:
    """Stances that papers report as idioms are the subject's claims: "선을 그었다", "거리를
    뒀다", "입장을 고수했다", "언급을 피했다", "함구하고 있다"."""
    lines = {"대통령실은 살상무기 직접 지원과는 선을 그었다.": ["south_korean"],
             "중국 외교부는 \"양국의 일\"이라며 거리를 뒀다.": ["chinese"],
             "러시아 외무부는 기존 입장을 고수했다.": ["russian"],
             "크렘린궁은 북한군 관련 질문에 언급을 피했다.": ["russian"],
             "북한은 파병 사실에 대해 함구하고 있다.": ["north_korean"]}
    found = claims("제목\n" + "\n".join(lines))
    for line, side in lines.items():
        assert found[line] == side
