"""Attribution mechanisms of round 14 (issue 9), meant to hold on pages no rule saw: every
country's name and demonym from a generated table; one sentence's speakers settled (a
pronoun binds to the speaker named before it, a speaker inside another's that-clause is part
of the report, one of a group speaks for the group); back-references by kind and recency
(portfolios, "the spy agency"); stances without a speech verb; entry headings that report a
side; a statement's own voice; round-up post headers. Invented sentences, one grammar
each."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.claims.kinds import kin
from briefing.core.perspectives import load_default_perspectives

PERSPECTIVES = load_default_perspectives()


def sides(text: str, **kw: str) -> dict[str, list[str]]:
    """{sentence: perspective keys} for every suggestion."""
    return {s.quote: sorted(s.perspectives) for s in suggest_claims(text, PERSPECTIVES, **kw)}


def test_a_member_state_named_by_its_demonym_speaks_for_the_alliance() -> None:
    found = sides("A Slovak defence ministry spokesperson said the shipment left on Monday. "
                  "The Portuguese foreign minister said more help was coming.")
    assert list(found.values()) == [["nato_european"], ["nato_european"]]


def test_a_speaker_of_a_country_of_no_perspective_does_not_inherit_one() -> None:
    text = ("Ukrainian President Volodymyr Zelensky said the front was holding. "
            "The Kenyan foreign ministry said it had summoned the ambassador.")
    found = sides(text)
    assert found["The Kenyan foreign ministry said it had summoned the ambassador."] == []


def test_a_pronoun_refers_to_the_speaker_named_earlier_in_its_sentence() -> None:
    text = ("South Korean Foreign Minister Cho Tae-yul said the talks went well. "
            "According to Zakharova, the West has sent weapons worth $200 billion, which, she "
            "said, only prolongs the conflict.")
    assert list(sides(text).values())[-1] == ["russian"]


def test_a_speaker_inside_anothers_reported_content_is_part_of_it() -> None:
    nested = ("A Ukrainian drone operator told me that the shells often failed, and that "
              "Russian gunners complained about them.")
    assert list(sides(nested).values()) == [["ukrainian"]]
    joined = ("South Korea's spy agency has reported that 11,000 troops were sent, and U.S. "
              "officials estimated that 1,000 were wounded.")
    assert list(sides(joined).values()) == [["south_korean", "us"]]


def test_a_ministry_named_again_is_the_nearest_of_the_same_portfolio() -> None:
    text = ("The allies condemned the launch, the Japanese Defense Ministry said.\n\n"
            "Russia's Foreign Ministry has dismissed the reports as rumours.\n\n"
            "The three sides agreed to hold a missile defense exercise, the Defense Ministry "
            "said.")
    found = sides(text)
    assert found["The three sides agreed to hold a missile defense exercise, the Defense "
                 "Ministry said."] == []


def test_a_ministry_of_another_portfolio_is_a_sibling_of_the_government_named() -> None:
    text = ("South Korea's Ministry of Unification said the deployment was illegal, while "
            "the defense ministry said it was checking the reports.")
    assert list(sides(text).values()) == [["south_korean"]]


def test_neither_confirming_nor_denying_is_a_stated_stance_of_the_subject() -> None:
    found = sides("The Kremlin has neither confirmed nor denied the reports. "
                  "Neither Moscow nor Pyongyang has confirmed the deployment.")
    assert found == {"The Kremlin has neither confirmed nor denied the reports.": ["russian"]}


def test_a_stance_without_a_speech_verb_is_the_sides_statement() -> None:
    found = sides("Chinese officials worry that the deal weakens their leverage. "
                  "South Korean officials share that worry. Western governments disagree. "
                  "Officials in Seoul worry about the harvest.")
    assert list(found.values()) == [["chinese"], ["south_korean"], ["nato_european", "us"]]


def test_a_ministry_of_no_named_country_belongs_to_the_government_named_before_it() -> None:
    text = ("Chinese Foreign Ministry spokesperson Mao Ning said Beijing was not aware of it.\n\n"
            "President Yoon Suk Yeol had said in November that arms could be sent. Acting "
            "President Han Duck-soo has not repeated that, and the foreign ministry said "
            "there was no change in policy.")
    found = sides(text)
    assert [v for k, v in found.items() if "no change in policy" in k] == [["south_korean"]]


def test_a_body_named_again_in_other_words_is_the_same_kind() -> None:
    assert kin("The spy agency", "South Korea's National Intelligence Service")
    assert kin("the foreign ministry official", "a senior foreign ministry official")
    assert not kin("The spy agency", "Russia's Foreign Ministry")
    assert not kin("the agency", "the National Intelligence Service")  # no kind named


def test_an_entry_heading_that_reports_a_side_is_its_statement() -> None:
    text = ("NATO chief warns allies over North Korea\n\n"
            "Seoul says about 4,700 North Koreans killed or wounded\n\n"
            "South Korea's spy agency told lawmakers that 4,700 had been killed or wounded.\n\n"
            "Seoul's limited options\n\n"
            "Read more: what the war costs")
    found = sides(text)
    assert found["Seoul says about 4,700 North Koreans killed or wounded"] == ["south_korean"]
    assert "Seoul's limited options" not in found and len(found) == 2  # nor the headline


def test_a_statement_that_opens_in_a_countrys_voice_is_that_countrys() -> None:
    text = ("Portugal strongly condemns the deployment of North Korean troops to Russia. "
            "We are deeply concerned about this escalation.\n\n"
            "Portugal's support for Ukraine remains firm. "
            "China has stated that it wants the conflict to de-escalate.")
    found = sides(text, title="Ministry of Foreign Affairs")
    assert found["Portugal's support for Ukraine remains firm."] == ["nato_european"]
    assert found["We are deeply concerned about this escalation."] == ["nato_european"]
    assert found["China has stated that it wants the conflict to de-escalate."] == ["chinese"]


def test_a_government_text_names_itself_with_a_capital() -> None:
    text = ("Estonia strongly condemns the deployment. We call on Russia to stop.\n\n"
            "Foreign Minister Tsahkna discussed it with his Ukrainian counterpart Andrii "
            "Sybiha, who said the troops were already in Kursk.\n\n"
            "The Ministry has also informed the Russian chargé d'affaires of Estonia's "
            "position.")
    found = sides(text, title="Estonia condemns the deployment",
                  publisher="Republic of Estonia Ministry of Foreign Affairs")
    assert [v for k, v in found.items() if k.startswith("The Ministry")] == [["nato_european"]]


def test_a_named_speaker_before_an_appositive_with_a_relative_clause() -> None:
    found = sides("Park Sun-won, an opposition lawmaker who sits on the parliament's "
                  "intelligence committee, said the assessment was grim.")
    assert list(found.values()) == [["south_korean"]]


def test_a_person_introduced_earlier_answers_by_family_name() -> None:
    text = ("Principal Deputy National Security Adviser Kim Tae-hyo spoke after the meeting. "
            "Asked whether weapons could be sent, Kim answered that the government had not "
            "ruled it out. The milblogger channel did not mention North Koreans by name.")
    found = sides(text)
    assert list(found.values()) == [["south_korean"]]


def test_parties_and_channels_listed_as_data_speak_for_their_side() -> None:
    found = sides('"Casualties are high," said a lawmaker with the ruling People Power Party. '
                  'The popular channel Rybar called the video "a staged show for Western '
                  'audiences."')
    assert list(found.values()) == [["south_korean"], ["russian"]]


def test_a_pronoun_and_a_time_phrase_carry_the_sentences_subject() -> None:
    found = sides("South Korean Foreign Minister Cho Tae-yul said the talks went well. He "
                  "added that Chinese officials had privately expressed irritation.\n\n"
                  "Ukrainian officials said the front held. South Korea's spy agency assessed "
                  "in November that 11,000 troops had been sent, and in January told lawmakers "
                  "that 300 had been killed.")
    assert list(found.values()) == [["south_korean"]] * 2 + [["ukrainian"], ["south_korean"]]


def test_a_post_under_its_accounts_name_and_time_is_the_accounts() -> None:
    text = ("Below is a selection of what the militaries posted on Telegram.\n\n"
            "Russian Defense Ministry, Monday 10:12 a.m.\n\n"
            "Over the past day the enemy lost up to 360 servicemen and three tanks.\n\n"
            "HUR, Monday 1:47 p.m.\n\n"
            "At least 30 soldiers were killed or wounded.\n\n"
            "The post, like every update, did not mention North Korean soldiers.")
    found = sides(text)
    assert found == {
        "Over the past day the enemy lost up to 360 servicemen and three tanks.": ["russian"],
        "At least 30 soldiers were killed or wounded.": ["ukrainian"]}


def test_one_of_a_group_speaks_for_the_groups_side() -> None:
    text = ("In late December, the paratroopers of a Russian airborne assault regiment "
            "learned that reinforcements were coming. \"We thought they meant guys from "
            "Siberia,\" one of them, a 34-year-old sergeant from Ivanovo, told the magazine.")
    found = sides(text)
    assert list(found.values()) == [["russian"]]


def test_another_member_of_the_group_named_before_speaks_for_it() -> None:
    text = ("The Russian soldiers the magazine spoke to describe the North Koreans as "
            "disciplined. \"They walk in a line across a field,\" said a marine who served "
            "near the village.")
    assert list(sides(text).values()) == [["russian"]]


def test_one_alone_speaks_for_the_group_the_sentence_before_names() -> None:
    text = ("Privately, some American officials are uneasy. One said that the stockpile was "
            "\"the most useful thing an ally could give\" right now.")
    found = sides(text)
    assert found["One said that the stockpile was \"the most useful thing an ally could "
                 "give\" right now."] == ["us"]


def test_one_of_a_group_of_independent_scholars_speaks_for_no_side() -> None:
    text = ("In private, Chinese scholars are less calm. One, at a university in Shanghai, "
            "told me that the leadership \"did not like being surprised\". Another said "
            "the war suited Beijing well.")
    found = sides(text)
    assert found and all(keys == [] for keys in found.values())


def test_one_after_a_sentence_about_something_else_stays_unknown() -> None:
    text = ("American officials met in Seoul on Monday. The weather was cold. One said the "
            "talks had gone well.")
    assert sides(text).get("One said the talks had gone well.") in (None, [])


def test_what_an_analyst_says_a_side_fears_is_the_analysts_statement() -> None:
    text = ("Anna Berg, a scholar at the Stockholm Institute, has argued that China fears "
            "being seen as part of a bloc with Russia.")
    assert list(sides(text).values()) == [[]]


def test_a_sides_words_an_analyst_relays_are_that_sides() -> None:
    text = ("Anna Berg, a scholar at the Stockholm Institute, wrote that China had said it "
            "was \"not aware\" of the deployment.")
    assert list(sides(text).values()) == [["chinese"]]


def test_a_sides_words_named_by_a_noun_in_a_statement_are_that_sides() -> None:
    text = ("The Ministry notes the assurance of the Embassy of the Russian Federation in "
            "Lima that the cooperation is not directed against third countries. It also "
            "notes the statement of the Ministry of Foreign Affairs of the People's Republic "
            "of China that China is \"not a party\" to the crisis.")
    assert list(sides(text).values()) == [["russian"], ["chinese"]]


def test_a_blogger_or_channel_of_no_side_is_of_the_side_the_page_gives_its_kind() -> None:
    text = ("Russian pro-war Telegram channels have praised the newcomers all week. The "
            "posts below are translated.\n\n"
            "Oleg Petrov, a blogger with about a million subscribers, claimed that 20,000 "
            "more soldiers were ready to come.\n\n"
            "The channel \"Severny Veter\" wrote that the units had lost a battalion.\n\n"
            "The military blogger known as \"Grom\" was more cautious:\n\n"
            "\"We do not write about them, and we ask you not to post their videos.\"")
    found = sides(text)
    assert found["Oleg Petrov, a blogger with about a million subscribers, claimed that "
                 "20,000 more soldiers were ready to come."] == ["russian"]
    assert found["The channel \"Severny Veter\" wrote that the units had lost a "
                 "battalion."] == ["russian"]
    assert found["\"We do not write about them, and we ask you not to post their "
                 "videos.\""] == ["russian"]


def test_a_blogger_on_a_page_that_gives_bloggers_no_side_has_none() -> None:
    text = ("Oleg Petrov, a blogger with about a million subscribers, claimed that 20,000 "
            "more soldiers were ready to come.")
    assert list(sides(text).values()) == [[]]


def test_a_line_framing_the_quotation_below_is_its_speakers_statement() -> None:
    text = ("The parade drew sharp words.\n\n"
            "The Chinese Embassy in the United States struck a similar note:\n\n"
            "\"Today we commemorate history to cherish peace.\"\n\n"
            "By the summer, Ukrainian officials were telling a different story:\n\n"
            "\"They are leaving the front.\"")
    found = sides(text)
    assert found["The Chinese Embassy in the United States struck a similar note:"] == [
        "chinese"]
    assert found["\"Today we commemorate history to cherish peace.\""] == ["chinese"]
    assert found["By the summer, Ukrainian officials were telling a different story:"] == [
        "ukrainian"]
    assert "The parade drew sharp words." not in found


def test_a_verb_that_frames_the_words_below_makes_the_line_a_statement() -> None:
    text = ("John Kirby, the White House national security spokesman, put it this way on "
            "16 December:\n\n\"We know they have suffered casualties.\"")
    found = sides(text)
    assert found["John Kirby, the White House national security spokesman, put it this way "
                 "on 16 December:"] == ["us"]


def test_a_title_alone_does_not_give_a_framing_line_an_earlier_speakers_side() -> None:
    text = ("Ukraine's Minister of Foreign Affairs said the talks went well.\n\n"
            "The Honourable Anne Roe, Minister of Foreign Affairs, today welcomed the "
            "decision warmly:\n\n\"This is a good day.\"")
    found = sides(text)
    line = ("The Honourable Anne Roe, Minister of Foreign Affairs, today welcomed the "
            "decision warmly:")
    assert found.get(line) in (None, [])


def test_a_key_figures_item_is_its_cited_sources_statement() -> None:
    text = ("Numbers worth keeping\n\n"
            "12,000: North Korean troops sent to Russia since October, per South Korea's "
            "NIS\n\n"
            "4–6 million: artillery rounds shipped to Russia (HUR)\n\n"
            "$200 billion: China-Russia trade last year, per Chinese customs")
    found = sides(text)
    assert found["12,000: North Korean troops sent to Russia since October, per South "
                 "Korea's NIS"] == ["south_korean"]
    assert found["4–6 million: artillery rounds shipped to Russia (HUR)"] == ["ukrainian"]
    assert found["$200 billion: China-Russia trade last year, per Chinese customs"] == [
        "chinese"]
    assert "Numbers worth keeping" not in found


def test_officials_there_are_of_the_place_the_sentence_before_opens_with() -> None:
    text = ("Seoul's worry is about what Pyongyang gets in return. Officials there say "
            "Russia has supplied air-defence systems.")
    assert sides(text)["Officials there say Russia has supplied air-defence systems."] == [
        "south_korean"]


def test_a_place_or_time_aside_leaves_the_subject_before_it_the_speaker() -> None:
    text = ("Lavrov, on his first visit to Pyongyang since the two countries signed a "
            "treaty in June, praised the North Korean troops who fought in Kursk. \"They "
            "fought heroically,\" he told his counterpart on Friday.")
    assert list(sides(text).values()) == [["russian"], ["russian"]]


def test_a_side_making_its_position_clear_states_it() -> None:
    text = ("Russia has made it clear that it will respond. Beijing has been very clear "
            "that it is not a party. The map made clear how far the troops had come.")
    found = sides(text)
    assert found["Russia has made it clear that it will respond."] == ["russian"]
    assert found["Beijing has been very clear that it is not a party."] == ["chinese"]
    assert "The map made clear how far the troops had come." not in found


def test_what_a_writer_wrote_about_and_a_newsroom_post_are_no_side() -> None:
    text = ("Jan de Vries (Bluesky), co-author of a book on North Korea's army, noted that "
            "the kit was standard issue. NHK's Seoul bureau chief says Seoul is watching "
            "Tokyo closely.")
    assert list(sides(text).values()) == [[], []]


def test_a_former_official_who_now_teaches_speaks_for_no_side() -> None:
    text = ("\"He has something to sell,\" says Daniel Park, a former South Korean diplomat "
            "who now teaches in London. Former ambassador Kim Min-su, now a South Korean "
            "opposition MP, "
            "said Beijing prefers a slow war.")
    assert list(sides(text).values()) == [[], ["south_korean"]]


def test_a_side_that_spent_months_denying_states_its_denial() -> None:
    text = ("The Kremlin, for its part, spent months denying that the soldiers existed. "
            "Moscow spent weeks refusing to admit that they were there.")
    assert list(sides(text).values()) == [["russian"], ["russian"]]


def test_the_subject_of_a_cleft_with_an_appositive_speaks() -> None:
    text = ("It was not until late April that Valery Gerasimov, the chief of the general "
            "staff, thanked the Korean comrades for their part.")
    assert list(sides(text).values()) == [["russian"]]


def test_they_in_an_answer_are_the_other_side_the_sentence_before_names() -> None:
    text = ("Q: Zelenskyy said Ukraine had captured two soldiers. Do you have access?\n\n"
            "MR. SMITH: On the prisoners, I'd refer you to the Ukrainians. They have said "
            "they captured two soldiers, and we have no reason to doubt that.\n\n"
            "Q: And China?\n\n"
            "MR. SMITH: We have raised it with Beijing. Our allies agree. They have said "
            "this is serious.")
    found = sides(text, title="Department of State Press Briefing",
                  publisher="U.S. Department of State")
    assert found["They have said they captured two soldiers, and we have no reason to "
                 "doubt that."] == ["ukrainian", "us"]
    assert found["They have said this is serious."] == ["us"]


def test_a_role_before_a_name_places_the_subject_of_a_weak_verb() -> None:
    text = "Ukraine's Ambassador to Chile, Ivan Petrenko, welcomed the sanctions."
    assert list(sides(text).values()) == [["ukrainian"]]


def test_a_persons_answers_or_remarks_are_that_persons_words() -> None:
    text = ("Spokesperson Lin Jian's answers did not change: \"I'm not aware of the "
            "specifics.\" On the second day he added that the two countries are \"friendly "
            "neighbours\".")
    assert list(sides(text).values()) == [["chinese"], ["chinese"]]


def test_an_opening_statement_under_a_role_label_is_the_officials() -> None:
    text = ("Minister: I have one announcement today. The navy will take part in the "
            "exercise next week.\n\n"
            "Q: What is the ministry's assessment of the deployment?\n\n"
            "A: We are gathering information with great interest.")
    found = suggest_claims(text, PERSPECTIVES, title="Press Conference by the Defense "
                           "Minister", publisher="Ministry of Defense of Japan")
    quotes = {s.quote for s in found}
    assert "The navy will take part in the exercise next week." in quotes
    assert "A: We are gathering information with great interest." in quotes
    assert not any("assessment" in q for q in quotes)


def test_western_in_a_list_of_sides_is_the_west() -> None:
    text = "Western and Ukrainian officials say the soldiers have been fighting in Kursk."
    assert list(sides(text).values()) == [["nato_european", "ukrainian", "us"]]


def test_a_side_that_does_not_rule_something_out_states_a_position() -> None:
    text = ("Seoul has not ruled out sending weapons. Lawmakers said the NIS did not rule "
            "out a third deployment. Moscow did not deny it.")
    found = sides(text)
    assert found["Seoul has not ruled out sending weapons."] == ["south_korean"]
    assert found["Lawmakers said the NIS did not rule out a third deployment."] == [
        "south_korean"]
    assert "Moscow did not deny it." not in found
