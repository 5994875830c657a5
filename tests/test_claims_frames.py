"""Attribution mechanisms of round 13 (issue 9): reporting-verb frames with no content,
clauses that are not speakers, a person named again by family name, and institutions
whose names do not say their country. Invented sentences, one grammar each."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives

PERSPECTIVES = load_default_perspectives()


def sides(text: str) -> dict[str, list[str]]:
    """{sentence: perspective keys} for every suggestion."""
    return {s.quote: sorted(s.perspectives) for s in suggest_claims(text, PERSPECTIVES)}


def test_a_reporting_verb_with_a_vague_object_reports_nothing_of_no_side() -> None:
    found = sides("Export statistics tell a similar story. The loss counts say little about "
                  "morale. Those figures tell us something.")
    assert found == {}


def test_a_side_that_says_little_still_takes_a_position() -> None:
    found = sides("Russian officials have said very little in public.")
    assert found == {"Russian officials have said very little in public.": ["russian"]}


def test_nothing_or_much_opening_a_clause_is_content() -> None:
    found = sides("The Kremlin said nothing had changed. Kyiv said much of the town was "
                  "destroyed.")
    assert found == {"The Kremlin said nothing had changed.": ["russian"],
                     "Kyiv said much of the town was destroyed.": ["ukrainian"]}


def test_a_clause_opened_by_a_pronoun_is_not_a_speaker() -> None:
    text = ("I read every official estimate I could locate, and here is what I learned. "
            "We rarely agree, and that tells you a lot.")
    assert sides(text) == {}


def test_a_person_named_again_by_family_name_is_the_subject_he_refers_to() -> None:
    text = ("When Russian Deputy Foreign Minister Pavel Orlin arrived in Geneva, the press "
            "waited for one answer.\n\nOrlin did not give it. Instead, he said that Moscow "
            "wanted a broader settlement.")
    found = sides(text)
    assert found == {"Instead, he said that Moscow wanted a broader settlement.": ["russian"]}


def test_an_institution_listed_by_name_speaks_for_its_side() -> None:
    text = ("The two captured soldiers remain in custody, where the SBU says they are "
            "treated in line with the law.")
    assert list(sides(text).values()) == [["ukrainian"]]


def test_a_government_page_states_its_position_in_the_third_person() -> None:
    text = ("The Netherlands continues its support for Ukraine. The government has set aside "
            "more money for air defence. The summit was held in March.")
    found = {s.quote: s.perspectives for s in suggest_claims(
        text, PERSPECTIVES, title="Dutch support for Ukraine", publisher="Government.nl")}
    assert found == {"The Netherlands continues its support for Ukraine.": ["nato_european"],
                     "The government has set aside more money for air defence.":
                         ["nato_european"]}


def test_a_home_official_named_again_by_family_name_keeps_the_home_side() -> None:
    text = ("'The deployment is a new low,' Minister Jansen said.\n\n"
            "Support will continue 'as long as it takes', Jansen said.")
    found = {s.quote: s.perspectives for s in suggest_claims(
        text, PERSPECTIVES, title="Minister condemns deployment", publisher="Government.nl")}
    assert list(found.values()) == [["nato_european"], ["nato_european"]]


def test_a_possessive_source_speaks_for_the_subject_of_its_sentence() -> None:
    found = sides("Tokyo has so far refused to send weapons, but its defence minister warned "
                  "last year that South Korea would reconsider. Putin toured a command post "
                  "near Kursk, according to a video his office posted on Telegram.")
    assert found == {
        "Tokyo has so far refused to send weapons, but its defence minister warned last year "
        "that South Korea would reconsider.": [],
        "Putin toured a command post near Kursk, according to a video his office posted on "
        "Telegram.": ["russian"]}


def test_its_western_allies_keep_their_own_side() -> None:
    found = sides("Ukraine and its Western allies say about 11,000 troops were sent.")
    assert list(found.values()) == [["nato_european", "ukrainian", "us"]]


def test_a_person_named_by_role_as_a_subject_is_who_she_means() -> None:
    text = ("Russia's foreign ministry spokeswoman Maria Zakharova was asked about the "
            "troops at a weekly briefing. \"Our position has not changed,\" she said.")
    found = sides(text)
    assert found == {"\"Our position has not changed,\" she said.": ["russian"]}


def test_a_pull_quote_repeating_the_body_is_suggested_once() -> None:
    text = ("\"They are being used as cannon fodder,\" a Ukrainian commander told me.\n\n"
            "They arrived in November. \"They are being used as cannon fodder,\" a Ukrainian "
            "commander told me.")
    found = suggest_claims(text, PERSPECTIVES)
    assert [(s.start, s.perspectives) for s in found] == [(0, ["ukrainian"])]


def test_a_reporting_word_after_a_determiner_and_a_nationality_is_a_noun() -> None:
    found = sides("Russian officials rejected the American estimate as propaganda.")
    assert found == {"Russian officials rejected the American estimate as propaganda.":
                     ["russian"]}


def test_a_passive_with_an_adverb_names_no_speaker_without_by() -> None:
    assert sides("Beijing has avoided comment on the Korean deployment since it was first "
                 "reported in October.") == {}


def test_a_transcript_speaker_of_no_stated_side_speaks_for_the_country_they_speak_as() -> None:
    text = ("MINISTER ANDERS HOLM: Good morning. Norway has been clear that the pressure must "
            "stay, and we will renew the sanctions. Norway will spend more this year.\n\n"
            "Q: What about China?\n\n"
            "MINISTER ANDERS HOLM: China has influence in Pyongyang. Norway is open to talks, "
            "but we need legal certainty.")
    found = suggest_claims(text, PERSPECTIVES, title="Doorstep by Minister Anders Holm",
                           publisher="")
    answers = [s for s in found if "Norway will spend" in s.quote or "China has" in s.quote]
    assert [s.perspectives for s in answers] == [["nato_european"], ["nato_european"]]


def test_a_speaker_who_names_several_countries_alike_gets_none() -> None:
    text = ("OFFICIAL ANDERS HOLM: We follow this closely. Ukraine has asked for help. Russia "
            "has refused talks.\n\nQ: And then?\n\nOFFICIAL ANDERS HOLM: Ukraine will need "
            "more. Russia will not stop.")
    found = suggest_claims(text, PERSPECTIVES, title="Briefing", publisher="")
    assert all(s.perspectives == [] for s in found)


def test_according_to_a_list_of_sources_names_each() -> None:
    found = sides("According to information from South Korea, Ukraine and the United States, "
                  "more than 10,000 soldiers have been sent. According to the NIS, Ukraine "
                  "and Russia are fighting hard.")
    assert list(found.values()) == [["south_korean", "ukrainian", "us"], ["south_korean"]]


def test_a_government_page_reporting_others_figures_gives_them_to_their_source() -> None:
    # (round 15: the page's own side is no longer added to what it reports "according to"
    # another; the independently labelled pages give such a sentence to its source alone)
    found = {s.quote: sorted(s.perspectives) for s in suggest_claims(
        "According to data from the Pentagon, some 300 soldiers have died.", PERSPECTIVES,
        title="Netherlands condemns deployment", publisher="Government.nl")}
    assert list(found.values()) == [["us"]]


def test_the_subject_of_a_when_clause_is_who_and_said_reports() -> None:
    text = ("The first reply came in October, when Russian Deputy Foreign Minister Andrei "
            "Rudenko was asked about the troops and said: \"We have nothing to add.\"")
    assert list(sides(text).values()) == [["russian"]]


def test_a_side_that_gives_a_comparative_figure_states_it() -> None:
    found = sides("Russian officials give much lower figures. The soldiers gave different "
                  "answers.")
    assert found == {"Russian officials give much lower figures.": ["russian"]}


def test_a_known_name_before_a_sideless_appositive_is_the_speaker() -> None:
    found = sides("Kyrylo Budanov, a member of the Defence Council's intelligence committee, "
                  "said after the briefing that the losses were heavy. Anna Berg, an "
                  "independent researcher, said the figure was too high.")
    assert list(found.values()) == [["ukrainian"], []]


def test_a_place_before_a_non_governmental_body_is_not_a_side() -> None:
    found = sides("\"The cost is high,\" said Kim Min-ho, a researcher at a private Seoul "
                  "think tank. A Chinese think tank said the risk was low.")
    assert list(found.values()) == [[], ["chinese"]]


def test_a_supporter_of_a_side_speaks_for_it() -> None:
    found = sides("Pro-Kremlin bloggers said the village was retaken. A pro-war channel said "
                  "it was fake.")
    assert list(found.values()) == [["russian"], []]
