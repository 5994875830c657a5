"""Who a source is: an anonymous diplomatic source placed in a city ("베이징의 한 외교
소식통") speaks for no side, and "이 소식통" refers back to him; the head word of a body
named before ("Центр" after "Центр протидії дезінформації") stands for that body, which
"draws attention" to what it reports; a generic body named again in Russian is the one
just named in full; what is written or spread as a claim is reported. Cases written for
the test."""

from __future__ import annotations

import pytest

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str) -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives for s in suggest_claims(text, load_default_perspectives())}


def test_a_source_placed_in_a_city_has_no_side() -> None:
    placed = "베이징의 한 외교 소식통은 \"중국 지도부는 북한의 파병을 우려하고 있다\"고 전했다."
    again = "이 소식통은 중국이 러시아를 비판할 수는 없는 처지라고 설명했다."
    found = claims("북한군 파병 논란이 이어지고 있다. " + placed + " " + again + "\n")
    assert found[placed] == []
    assert found[again] == []
    named = "중국 외교부 대변인은 \"관련 상황을 알지 못한다\"고 말했다."
    assert claims("북한군 파병 논란이 이어지고 있다. " + named + "\n")[named] == ["chinese"]


def test_a_bodys_head_word_stands_for_the_body_named_before() -> None:
    lead = "Центр протидії дезінформації фіксує кампанію російських пропагандистів."
    calls = "Центр закликає користувачів перевіряти джерела та не поширювати відео."
    notes = "ЦПД також звертає увагу, що російські блогери пишуть про «добровольців»."
    found = claims(lead + "\n" + calls + "\n" + notes + "\n")
    assert found[calls] == ["ukrainian"]
    assert found[notes] == ["ukrainian"]


def test_what_a_speaker_wrote_is_reported() -> None:
    wrote = "젤렌스키 우크라이나 대통령은 텔레그램에 \"북한군 사상자가 3천 명을 넘었다\"고 썼다."
    customs = "중국 해관총서에 따르면 북·중 교역액은 5%가량 줄었다."
    found = claims("북한군 파병 논란이 이어지고 있다. " + wrote + " " + customs + "\n")
    assert found[wrote] == ["ukrainian"]
    assert found[customs] == ["chinese"]


def test_a_generic_body_named_again_is_the_one_just_named_in_full() -> None:
    """In Russian a bare "разведка" right after "Национальная служба разведки Южной Кореи"
    is that service, not the page's home country's."""
    full = "Национальная служба разведки Южной Кореи подтвердила, что установила их личности."
    again = "Представитель разведки сказал, что один из пленных ехал «на учения»."
    found = claims("Двое военных КНДР попали в плен в Курской области.\n" + full + "\n"
                   + again + "\n")
    assert found[full] == ["south_korean"]
    assert found[again] == ["south_korean"]


@pytest.mark.parametrize(("sentence", "side"), [
    ("Російські телеграм-канали поширюють твердження, що відео нібито згенеровані.",
     ["russian"]),
    ("Российские телеграм-каналы распространяют утверждения, что видео сгенерированы.",
     ["russian"]),
])
def test_spreading_a_claim_reports_it(sentence: str, side: list[str]) -> None:
    assert claims("Військові КНДР воюють на Курщині.\n" + sentence + "\n")[sentence] == side


@pytest.mark.parametrize(("sentence", "side"), [
    ("Сама КНДР продолжает отрицать присутствие своих войск в России.", ["north_korean"]),
    ("Ранее Дмитрий Песков отказывался подтверждать присутствие военных КНДР.", ["russian"]),
    ("Пхеньян продовжує заперечувати участь своїх військових у війні.", ["north_korean"]),
])
def test_going_on_or_refusing_to_deny_or_confirm_reports(sentence: str, side: list[str]
                                                         ) -> None:
    assert claims("Военные КНДР воюют в Курской области.\n" + sentence + "\n")[sentence] == side
