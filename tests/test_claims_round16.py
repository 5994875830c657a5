"""Attribution mechanisms of round 16 (issue 9), by cause of loss rather than by page.
Invented sentences, one mechanism each."""

from __future__ import annotations

import tomllib

from briefing.core.claims import suggest_claims
from briefing.core.claims.affiliation import affiliation, bare_country, foreign
from briefing.core.perspectives import load_default_perspectives
from briefing.core.resources import resource

PERSPECTIVES = load_default_perspectives()


def found(text: str, **kw: str) -> dict[str, tuple[list[str], str | None]]:
    """{sentence: (perspective keys, speaker)} for every suggestion."""
    return {s.quote: (sorted(s.perspectives), s.speaker)
            for s in suggest_claims(text, PERSPECTIVES, **kw)}


def test_the_hand_lists_never_contradict_the_generated_country_table() -> None:
    # One place decides a country's side: the generated table, or the documented overrides.
    data = tomllib.loads(resource("claims", "attribution.toml").read_text(encoding="utf-8"))
    aff = data["affiliation"]
    table = tomllib.loads(resource("claims", "countries.toml").read_text(encoding="utf-8"))
    overridden = set(aff.get("overrides", {}))
    assert not (set(aff["others"]) & set(table["nato_european"])) - overridden
    assert not (set(aff["countries"]["nato_european"]) & set(table["others"])) - overridden


def test_an_eu_member_outside_nato_speaks_for_the_european_side() -> None:
    # Ireland and Austria are EU members: the generated table puts them on the European side.
    assert bare_country("Ireland") == ("nato_european", "Ireland")
    assert affiliation("the Austrian foreign minister") == ("nato_european", "Austrian")
    assert not foreign("the Irish government")
    assert foreign("the Indian government")


def test_a_government_body_of_a_named_country_leading_in_its_own_voice_is_the_issuer() -> None:
    # No known publisher: the lead "The Government of <country> condemns ..." and "we" make
    # the page that government's statement; its bare assertions are its statements.
    text = ("The Government of Finland strongly condemns the missile strikes on Odesa. "
            "Finland has summoned the Russian ambassador. We call on all states to act.")
    got = found(text, title="Finland condemns the strikes", publisher="Valtioneuvosto")
    assert got["Finland has summoned the Russian ambassador."][0] == ["nato_european"]
    assert got["We call on all states to act."][0] == ["nato_european"]
