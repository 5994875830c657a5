"""Attribution mechanisms of round 18 (issue 9), meant to hold on unseen pages: an
independent expert known only by nationality speaks for no side; a back-reference ("the
same scholar", "he", "the ministry") means the speaker just named even when that one is of
no side, not an older speaker of a side. Invented sentences, one grammar each."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives

PERSPECTIVES = load_default_perspectives()


def sides(text: str, **kw: str) -> dict[str, list[str]]:
    """{sentence: perspective keys} for every suggestion."""
    return {s.quote: sorted(s.perspectives) for s in suggest_claims(text, PERSPECTIVES, **kw)}


def test_an_expert_known_by_nationality_speaks_for_no_side() -> None:
    text = ("Several Chinese analysts say the alliance worries Beijing. "
            "Russian scholars interviewed for this report argued that the treaty was "
            "symbolic. Seoul-based analysts said sanctions would not bite.")
    assert list(sides(text).values()) == [[], [], []]


def test_an_expert_tied_to_a_state_speaks_for_it() -> None:
    text = ('"Beijing will stay quiet," a Chinese scholar who advises the Foreign Ministry '
            "told reporters. A Russian researcher at a state-run institute said the "
            "deployment was legal.")
    assert list(sides(text).values()) == [["chinese"], ["russian"]]


def test_officials_and_bloggers_keep_their_side() -> None:
    text = ("Chinese officials said the talks were useful. "
            "Russian military bloggers wrote that the units were tired.")
    assert list(sides(text).values()) == [["chinese"], ["russian"]]


def test_the_same_expert_is_the_one_named_before_not_an_older_side() -> None:
    text = ('"Nobody asked us," a senior Chinese scholar told us in March. Chinese officials '
            "worry that the treaty weakens their leverage. The same scholar put it more "
            'sharply: Pyongyang, he said, "has found a second patron."')
    found = sides(text)
    assert found['The same scholar put it more sharply: Pyongyang, he said, "has found a '
                 'second patron."'] == []


def test_a_body_named_again_after_one_of_no_side_is_that_one() -> None:
    text = ("Russia's Defense Ministry dismissed the reports as rumours.\n\n"
            "The allies will hold a missile exercise, the Japanese Defense Ministry said.\n\n"
            "A Pentagon official said the pledge held, according to the ministry.")
    found = sides(text)
    assert found["A Pentagon official said the pledge held, according to the ministry."] == [
        "us"]


def test_a_progressive_reporting_verb_has_its_subject_as_speaker() -> None:
    text = ("By the middle of January the Ukrainian General Staff was claiming that 3,000 "
            "of them had been killed. Russian officials have been saying that the units "
            "are volunteers.")
    assert list(sides(text).values()) == [["ukrainian"], ["russian"]]


def test_a_speaker_of_no_side_quoting_another_sides_words_reports_that_side() -> None:
    said = ('"China has consistently said that it wants peace in the region," the Indian '
            "minister says.")
    own = '"We urge Beijing to use its influence with Pyongyang."'
    found = sides(said + "\n\n" + own)
    assert found[said] == ["chinese"]
    assert found[own] == []  # the minister speaks on, not China


def test_a_line_that_reports_before_a_colon_is_its_speakers_statement() -> None:
    claimed = ("A Russian military blogger claimed that more than 50,000 North Koreans "
               "were ready to come:")
    posted = "Foreign Minister Andrii Sybiha posted:"
    text = (f'{claimed}\n\n"If the command asks, they will come."\n\n{posted}\n\n'
            '"The world must respond."')
    found = sides(text)
    assert found[claimed] == ["russian"]
    assert posted not in found  # only points at the post below, which is his
    assert found['"The world must respond."'] == ["ukrainian"]


def test_an_unnamed_official_after_a_body_of_one_side_is_one_of_its_officials() -> None:
    text = ("South Korea's foreign ministry said on Sunday it was ready to accept the two "
            'soldiers. "They are citizens of the Republic," a ministry official told '
            "reporters.\n\nIndia's foreign ministry said it was watching. A senior official "
            "said nothing had been decided.")
    found = list(sides(text).values())
    assert found[1] == ["south_korean"]
    assert found[3] == []  # after a body of no side of ours, none is guessed


def test_an_unnamed_official_far_from_any_body_stays_of_no_side() -> None:
    text = ("South Korea's foreign ministry said on Sunday it was ready to accept them.\n\n"
            "The war went on.\n\nThe front moved.\n\nNothing changed for weeks.\n\n"
            "A senior official said nothing had been decided.")
    assert list(sides(text).values())[-1] == []


def test_a_weak_verb_after_a_subject_pronoun_is_a_verb_not_a_noun() -> None:
    text = ("Ukrainian President Volodymyr Zelensky said the front was holding. Russian "
            "units, he added, were trying to hide their losses.")
    assert list(sides(text).values()) == [["ukrainian"], ["ukrainian"]]


def test_a_side_that_has_not_confirmed_states_a_standing_position() -> None:
    standing = "Moscow has not officially confirmed the presence of the troops."
    never = "The Kremlin has never acknowledged any of this."
    denial = "Russia did not deny the reports."
    found = sides(" ".join([standing, never, denial]))
    assert found == {standing: ["russian"]}


def test_since_between_auxiliary_and_verb_is_an_adverb() -> None:
    text = ("Ukrainian President Volodymyr Zelensky raised the alarm in October. He has "
            "since repeated that Pyongyang could send more troops.")
    found = sides(text)
    assert found["He has since repeated that Pyongyang could send more troops."] == [
        "ukrainian"]


def test_a_subject_closed_by_a_contact_clause_is_the_speaker() -> None:
    text = ("SEOUL — The presidency is in limbo. An official I spoke to said the government "
            "could not revisit the decision. Diplomats we interviewed in Seoul told us the "
            "same.")
    found = sides(text)
    assert found["An official I spoke to said the government could not revisit the "
                 "decision."] == ["south_korean"]
    assert "Diplomats we interviewed in Seoul told us the same." in found


def test_bloggers_channels_and_media_are_sources_of_a_weak_verb() -> None:
    text = ("Pro-Kremlin military bloggers on Telegram dismissed the Ukrainian claim. "
            "Russian channels dismissed the report as a fake.")
    assert list(sides(text).values()) == [["russian"], ["russian"]]


def test_neither_confirm_nor_deny_in_the_present_is_a_stated_stance() -> None:
    text = "Russian officials neither confirm nor deny the deliveries."
    assert sides(text) == {text: ["russian"]}


def test_an_offer_and_an_assessment_in_the_present_are_statements() -> None:
    offer = "Zelensky has offered to return them in exchange for Ukrainian prisoners."
    assess = "Ukrainian intelligence officers assess that the units are exhausted."
    prospect = "Washington and Seoul should jointly assess the lessons of Kursk."
    found = sides(" ".join([offer, assess, prospect]))
    assert found == {offer: ["ukrainian"], assess: ["ukrainian"]}


def test_it_with_an_adverb_before_its_verb_is_the_body_named_before() -> None:
    text = ("Russia's defence ministry said its forces had advanced near Kupiansk. It also "
            "claimed to have destroyed a launcher. It also shows how the war has changed.")
    found = sides(text)
    assert found["It also claimed to have destroyed a launcher."] == ["russian"]
    assert "It also shows how the war has changed." not in found


def test_have_written_and_an_aside_naming_a_handle() -> None:
    written = "Some Ukrainian officers, however, have written that the shells often fail."
    aside = ("South Korea's foreign ministry, in a short text shared by @mofa.bsky.social, "
             'said it "strongly condemns" the deployment.')
    found = sides(written + " " + aside)
    assert found == {written: ["ukrainian"], aside: ["south_korean"]}


def test_a_long_dash_signature_names_the_quotations_source() -> None:
    text = ('"Our soldiers went because our ally asked. They will come home as heroes." '
            "— KCNA, quoting the leader at a ceremony in Pyongyang, via @nknews "
            "(Bluesky, 17:10)")
    assert set(map(tuple, sides(text).values())) == {("north_korean",)}


def test_the_paragraph_under_a_wrote_colon_is_the_text_written() -> None:
    text = ("Ukrainian President Volodymyr Zelensky posted a video of the prisoner. "
            "The president wrote:\n\n"
            "Ukraine is ready to hand the soldiers over if an exchange can be organised.\n\n"
            "Here are the latest developments:\n\n"
            "The front line did not move overnight.")
    found = sides(text)
    assert found["Ukraine is ready to hand the soldiers over if an exchange can be "
                 "organised."] == ["ukrainian"]
    assert "The front line did not move overnight." not in found


def test_a_member_states_leader_speaks_for_the_alliance() -> None:
    text = ("The Taoiseach has said Ireland could join a peacekeeping mission. "
            "Viktor Orbán said this morning that the war cannot be won on the battlefield.")
    assert list(sides(text).values()) == [["nato_european"], ["nato_european"]]


def test_information_from_a_list_of_sources_is_all_of_theirs() -> None:
    text = ("Information from South Korea, the United States and Ukraine shows that 11,000 "
            "soldiers have been sent.")
    assert sides(text) == {text: ["south_korean", "ukrainian", "us"]}


def test_a_closing_according_to_only_relays_a_speaker_of_a_side() -> None:
    relayed = ("Campbell, the U.S. deputy secretary of state, said 3,000 soldiers had been "
               "hurt, according to South Korea's foreign ministry.")
    captive = ("Two captured soldiers told interrogators they had not known where they were "
               "going, according to Ukraine's security service.")
    found = sides(relayed + " " + captive)
    assert found[relayed] == ["us"]
    assert found[captive] == ["ukrainian"]


def test_a_line_naming_the_document_is_no_statement() -> None:
    title = "Joint statement by the Foreign Secretary and the Minister following their talks."
    text = (f"{title}\n\nThe two ministers condemned the deployment of North Korean troops. "
            "We will continue to support Ukraine.")
    found = suggest_claims(text, PERSPECTIVES, title="UK-Republic of Korea Foreign Ministers' "
                           "joint statement", publisher="GOV.UK")
    assert title not in {s.quote for s in found}
    assert found  # the statement's own sentences still are


def test_have_given_a_comparative_figure_is_a_sides_statement() -> None:
    text = "Our South Korean partners have given lower estimates of the losses."
    assert sides(text) == {text: ["south_korean"]}


def test_ruling_something_out_states_a_position() -> None:
    text = "The Kremlin has ruled out, for now, any talks on the prisoners."
    assert sides(text) == {text: ["russian"]}
