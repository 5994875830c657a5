"""Attribution grammar: who the subject of a reporting verb is (asides, clauses after the
verb, possessives, unnamed members of a group) and which side a country speaks for.
Invented sentences, one mechanism each (issue 9)."""

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


def test_a_clause_after_the_verb_is_what_was_said_never_the_speaker() -> None:
    text = ("The Joint Monitoring Panel, set up by nine states after the old panel was "
            "closed, found that Russia had shipped two million barrels of diesel.")
    (sides, speaker), = found(text).values()
    assert speaker is None or not speaker.startswith("Russia had")
    assert sides != ["russian"]


def test_a_prepositional_aside_between_subject_and_verb_leaves_the_subject() -> None:
    text = ("Lavrov, on his third visit to Pyongyang in a month, said Kim had promised "
            "more workers.")
    (sides, speaker), = found(text).values()
    assert (sides, speaker) == (["russian"], "Lavrov")


def test_one_of_an_unnamed_group_is_an_unknown_speaker_not_the_last_one() -> None:
    text = ("The Kremlin said the talks were useful. One, at a think tank in Vienna, told "
            "me that the leadership \"did not like being surprised\" by its neighbour.")
    got = found(text)
    assert got["The Kremlin said the talks were useful."][0] == ["russian"]
    sides, speaker = got["One, at a think tank in Vienna, told me that the leadership "
                         "\"did not like being surprised\" by its neighbour."]
    assert (sides, speaker) == ([], "One")


def test_a_place_after_a_bracketed_acronym_goes_on_with_the_name_before_it() -> None:
    text = ("The brigades moved in March, the National Intelligence Service (NIS) in Seoul "
            "said in a note to lawmakers.")
    (sides, speaker), = found(text).values()
    assert sides == ["south_korean"]
    assert speaker == "the National Intelligence Service (NIS) in Seoul"


def test_the_writers_question_is_not_a_claim_but_a_sides_reported_question_is() -> None:
    text = ("How many drones, and by whose count?\n\n"
            "China: broker or bystander?\n\n"
            "The Kremlin spokesman said: who will pay for this?")
    got = found(text)
    assert "How many drones, and by whose count?" not in got
    assert "China: broker or bystander?" not in got
    assert got["The Kremlin spokesman said: who will pay for this?"][0] == ["russian"]


def test_the_writers_note_on_its_sources_is_not_a_claim_of_them() -> None:
    text = ("Kyiv said 3,000 soldiers had arrived.\n\n"
            "Numbers here are as reported by the cited sources; we do not endorse them.")
    got = found(text)
    assert got["Kyiv said 3,000 soldiers had arrived."][0] == ["ukrainian"]
    assert len(got) == 1


def test_a_possessive_name_is_the_person_named_before() -> None:
    text = ("Andriy Kostin, Ukraine's prosecutor general, said the missiles were unreliable. "
            "Kostin's office said later that many had exploded in the air.")
    got = found(text)
    assert got["Kostin's office said later that many had exploded in the air."] == (
        ["ukrainian"], "Kostin's office")


def test_a_relative_clause_holding_a_subordinate_clause_still_describes_the_subject() -> None:
    text = ("Kyiv has said that 3,000 died. A senior Japanese defence official, who spoke on "
            "condition of anonymity because he was not allowed to brief reporters, said the "
            "figure was plausible. \"They learn fast,\" he said.")
    got = found(text)
    sides, speaker = got["\"They learn fast,\" he said."]
    assert sides != ["ukrainian"]  # not the speaker before the official
    official = next(v for k, v in got.items() if k.startswith("A senior Japanese"))
    assert official[1] == "A senior Japanese defence official"


def test_stance_verbs_in_every_form_report_what_a_side_holds() -> None:
    text = ("Ukraine's General Staff disputes the claim that the offensive is over.\n\n"
            "Chinese diplomats, asked about the troops, repeat that they know nothing.\n\n"
            "South Korean officials fear a transfer of missile technology.")
    got = found(text)
    assert got["Ukraine's General Staff disputes the claim that the offensive is over."][0] \
        == ["ukrainian"]
    assert got["Chinese diplomats, asked about the troops, repeat that they know nothing."][0] \
        == ["chinese"]
    assert got["South Korean officials fear a transfer of missile technology."][0] == \
        ["south_korean"]


def test_a_question_someone_of_no_side_is_reported_asking_stays_a_statement() -> None:
    text = "An independent researcher said: who will pay for all of this in the end?"
    assert found(text)[text] == ([], "An independent researcher")


def test_a_time_adverbial_aside_before_the_verb_leaves_the_subject() -> None:
    text = ("The Ukrainian Air Force, for the first time publicly, confirmed that the new "
            "radars were in service.")
    assert found(text)[text] == (["ukrainian"], "The Ukrainian Air Force")
