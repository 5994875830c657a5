"""Attribution mechanisms of round 15 (issue 9), written by cause of loss rather than by
page: the subject of a reporting verb is found past asides ("X, for its part, has said",
"X, speaking in Moscow, said") and never in the content after the verb. Invented
sentences, one grammar each."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives

PERSPECTIVES = load_default_perspectives()


def found(text: str, **kw: str) -> dict[str, tuple[list[str], str | None]]:
    """{sentence: (perspective keys, speaker)} for every suggestion."""
    return {s.quote: (sorted(s.perspectives), s.speaker)
            for s in suggest_claims(text, PERSPECTIVES, **kw)}


def test_an_aside_and_an_auxiliary_between_subject_and_verb_leave_the_subject() -> None:
    text = ("Russian officials have said little about it. Beijing, for its part, has "
            "repeatedly said that it knows nothing of the transfers.")
    got = found(text)
    assert got["Beijing, for its part, has repeatedly said that it knows nothing of the "
               "transfers."] == (["chinese"], "Beijing")


def test_a_participle_phrase_after_the_subject_is_an_aside_not_a_clause() -> None:
    # the words after "said" are what was said: never the speaker
    text = ("The Ukrainian foreign minister, speaking to reporters after talks in Warsaw, "
            "said Moscow would \"pay for every village it burned\".")
    (sides, speaker), = found(text).values()
    assert sides == ["ukrainian"]
    assert speaker is not None and speaker.startswith("The Ukrainian foreign minister")


def test_a_relative_clause_names_the_noun_phrase_it_follows_not_the_whole_clause() -> None:
    text = ("The Polish side was represented by a senior Ukrainian diplomat, who said the "
            "talks had been useful.")
    (sides, speaker), = found(text).values()
    assert (sides, speaker) == (["ukrainian"], "a senior Ukrainian diplomat")


def test_according_to_names_a_short_source_not_the_clause_after_its_comma() -> None:
    text = ("According to a source close to the defence ministry, the first units arrived "
            "in the border region in early December, after weeks of training.")
    (sides, speaker), = found(text).values()
    assert speaker == "a source close to the defence ministry"


def test_the_owner_of_an_estimate_reported_inside_a_sentence_is_its_source() -> None:
    got = found("North Korea has sent what Kyiv estimates to be 12,000 troops.\n\n"
                "The Kremlin spokesman, asked about a Pentagon estimate that 1,200 of them "
                "were killed, said he had nothing to add.")
    assert [s for s, _ in got.values()] == [["ukrainian"], ["russian", "us"]]
    assert found("What the report calls a victory is a retreat of 3 kilometres.") == {}


def test_an_issuers_we_sentence_relaying_an_assessment_keeps_the_issuer() -> None:
    text = ("We note with concern the assessment of the Republic of Korea that more than "
            "1,000 containers of munitions have been shipped.")
    got = found(text, title="Joint statement by the G7 Foreign Ministers on the DPRK")
    assert list(got.values())[0][0] == ["nato_european", "south_korean", "us"]


def test_a_government_site_named_by_its_address_speaks_in_its_own_statement() -> None:
    # one place (home.is_official) decides that a publisher is a government body
    text = ("Norway strongly condemns the launch of ballistic missiles by North Korea.\n\n"
            "We are deeply concerned about this development.\n\n"
            "Russia's dependence on Pyongyang shows how isolated the Kremlin has become.\n")
    got = found(text, title="Norway condemns North Korea's missile launch",
                publisher="Government.no")
    assert got["Russia's dependence on Pyongyang shows how isolated the Kremlin has "
               "become."][0] == ["nato_european"]


def test_an_answer_turn_is_its_speakers_with_the_turns_side() -> None:
    text = ("MR. MILLER: Good afternoon. We assess that the troops are in Kursk.\n\n"
            "QUESTION: How many are there?\n\n"
            "MR. MILLER: We think about 10,000 of them.\n")
    got = found(text, title="Department Press Briefing", publisher="U.S. Department of State")
    answer = [v for q, v in got.items() if q.endswith("We think about 10,000 of them.")]
    assert answer == [(["us"], "MR. MILLER")]


def test_a_single_closing_quotation_mark_puts_the_speaker_after_the_verb() -> None:
    text = "'We will continue to stand with Ukraine,' says Polish Foreign Minister Jan Nowak."
    (sides, speaker), = found(text).values()
    assert (sides, speaker) == (["nato_european"], "Polish Foreign Minister Jan Nowak")


def test_a_person_never_introduced_is_not_whoever_held_the_office_before() -> None:
    text = ("Nowak discussed the situation with South Korea's Minister of Foreign Affairs, "
            "Cho Tae-yul.\n\n"
            "Minister of Foreign Affairs Jan Nowak said the deployment was illegal.\n")
    got = found(text)
    assert got["Minister of Foreign Affairs Jan Nowak said the deployment was illegal."][0] \
        != ["south_korean"]


def test_a_parenthetical_reporting_verb_between_commas_names_its_speaker() -> None:
    got = found("In private, says a Ukrainian diplomat in Warsaw, they expect a long war.\n\n"
                "Russia, said one Ukrainian official, has lost the initiative.\n")
    assert list(got.values()) == [(["ukrainian"], "a Ukrainian diplomat"),
                                  (["ukrainian"], "one Ukrainian official")]


def test_a_stance_without_a_speech_verb_reports_a_side() -> None:
    got = found("Ukrainian officials have made similar claims.")
    assert list(got.values()) == [(["ukrainian"], "Ukrainian officials")]


def test_a_think_tank_with_council_in_its_name_is_no_government_body() -> None:
    text = ("Pyongyang had already become one of Russia's main suppliers of shells.\n\n"
            "European governments reacted with alarm but, so far, with little strategy.\n\n"
            "We recommend that the EU open a security dialogue with Seoul.\n")
    got = found(text, title="The Asian front of Russia's war",
                publisher="European Council on Foreign Relations")
    # its authors' "we" is theirs; its narrative is no government's statement
    assert [q for q in got if not q.startswith("We ")] == []


def test_a_quotation_ending_in_a_verb_does_not_make_the_attribution_passive() -> None:
    text = ("\"We thought they would be used as cannon fodder, and they were,\" said a colonel "
            "in the Ukrainian army's intelligence directorate.")
    (sides, speaker), = found(text).values()
    assert sides == ["ukrainian"]


def test_a_member_of_a_nations_body_is_of_that_nation_a_resident_of_a_city_is_not() -> None:
    got = found("An officer in the Ukrainian army's intelligence command said the unit was ready.\n\n"
                "A professor in London said the unit was ready.\n")
    assert [s for s, _ in got.values()] == [["ukrainian"], []]


def test_a_post_opened_by_its_posters_handle_is_the_handles_with_its_side() -> None:
    text = ("@mod-ukraine-en (Telegram, 09:12): \"Our units destroyed 12 Russian tanks.\"\n\n"
            "@nato.int (Bluesky, 16:20): \"The deployment is a significant escalation.\"\n\n"
            "@someblogger (X, 10:40): \"Well, now it is official.\"\n")
    got = found(text)
    assert [v for v in got.values()] == [(["ukrainian"], "@mod-ukraine-en"),
                                        (["nato_european"], "@nato.int")]


def test_a_stranger_sharing_a_surname_is_not_the_person_named_before() -> None:
    text = ("Kim Jong Un said his soldiers had fought heroically.\n\n"
            "\"China does not want to endorse it,\" explained Kim Heung-kyu, a professor at "
            "a university in Suwon.\n")
    got = found(text)
    assert got["\"China does not want to endorse it,\" explained Kim Heung-kyu, a professor "
               "at a university in Suwon."][0] != ["north_korean"]


def test_a_short_quotation_does_not_pair_its_closing_mark_with_the_next_one() -> None:
    text = ("Dmitry Peskov called the reports \"fake news\", and Russian diplomats denied "
            "them. Yet the legal basis was in plain sight. \"It is the alliance of 1950 "
            "brought back to life,\" a South Korean diplomat summed up.")
    got = found(text)
    assert "Yet the legal basis was in plain sight." not in got
    assert got["\"It is the alliance of 1950 brought back to life,\" a South Korean diplomat "
               "summed up."][0] == ["south_korean"]


def test_amounts_in_other_governments_currencies_are_read_with_their_currency() -> None:
    from briefing.core.claims import numeric_claims
    for text, want in (("The Government has proposed NOK 35 billion in support.", "nok"),
                       ("New Zealand has provided more than NZ$130 million in aid.", "nzd"),
                       ("The ministry pledged DKK 1.3 billion for air defence.", "dkk")):
        claims = numeric_claims(text, 0, len(text))
        assert [c.unit for c in claims] == [want], text


def test_the_rest_of_a_headline_after_a_dash_is_no_site_name() -> None:
    from briefing.core.claims.cues import matcher_for
    from briefing.core.claims.home import home_side
    matcher = matcher_for(PERSPECTIVES)
    assert home_side(matcher, "", "Policy Brief No. 7 — What does North Korea get out of "
                                  "the war?") is None
    assert home_side(matcher, "", "Press remarks — Ministry of Foreign Affairs of "
                                  "Ukraine")[0] == "ukrainian"


def test_a_statement_reporting_another_sides_words_is_that_sides() -> None:
    text = ("The Ministry of Foreign Affairs of the Republic of Lithuania strongly condemns "
            "the deployment.\n\n"
            "The Kremlin called the reports \"fakes\".\n\n"
            "We note the assessment of the Republic of Korea that 15,000 soldiers were sent.\n")
    got = found(text, title="Statement of the Ministry of Foreign Affairs on the deployment",
                publisher="Ministry of Foreign Affairs of the Republic of Lithuania")
    assert got["The Kremlin called the reports \"fakes\"."][0] == ["russian"]
    assert got["We note the assessment of the Republic of Korea that 15,000 soldiers were "
               "sent."][0] == ["nato_european", "south_korean"]


def test_a_paragraph_opening_a_quotation_goes_on_quoting_the_last_speaker() -> None:
    text = ("\"The deployment is a dangerous escalation,\" the Ukrainian foreign minister "
            "says.\n\n"
            "\"We will not stand by while a state under sanctions supplies troops to an "
            "aggressor. These sanctions send a clear message.\"\n\n"
            "\"A school with live ammunition\"\n\n"
            "The sanctions come into force today.\n")
    got = found(text)
    assert [v[0] for q, v in got.items() if q.startswith("\"We will not")] == [["ukrainian"]]
    assert "\"A school with live ammunition\"" not in got  # a pull quote, not speech


def test_a_model_code_or_role_between_a_figure_and_its_noun_is_skipped() -> None:
    from briefing.core.claims import numeric_claims
    for text, want in (("Poland will receive 14 Leopard 2A8 tanks next year.", (14, "tanks")),
                       ("Denmark has delivered 24 F-16 fighter aircraft.", (24, "aircraft")),
                       ("Norway has received more than 85,000 refugees.", (85000, "refugees"))):
        claims = numeric_claims(text, 0, len(text))
        assert [(c.figure, c.subject) for c in claims] == [want], text


def test_a_whole_and_a_half_of_a_scale_is_read_as_one_figure() -> None:
    from briefing.core.claims import numeric_claims
    text = "The initiative will deliver one and a half million rounds of ammunition."
    assert [c.figure for c in numeric_claims(text, 0, len(text))] == [1_500_000]
    text = "They came in brigades of roughly two and a half thousand men each."
    assert [c.figure for c in numeric_claims(text, 0, len(text))] == [2_500]


def test_a_source_revising_its_own_estimate_states_the_new_figure() -> None:
    text = ("South Korea's spy agency said 11,000 troops had been sent. In January it revised "
            "its estimate of casualties to about 3,000 killed or wounded.")
    got = found(text)
    assert got["In January it revised its estimate of casualties to about 3,000 killed or "
               "wounded."][0] == ["south_korean"]


def test_a_handle_that_runs_words_together_opens_with_a_known_name() -> None:
    text = "@yonhapnews.bsky.social (Bluesky, 14:30): \"About 4,700 troops were killed or wounded.\""
    (sides, speaker), = found(text).values()
    assert (sides, speaker) == (["south_korean"], "@yonhapnews.bsky.social")


def test_declining_to_comment_is_a_stated_stance() -> None:
    got = found("The Kremlin has refused to comment on the capture.")
    assert list(got.values()) == [(["russian"], "The Kremlin")]


def test_a_post_embedded_as_a_card_is_its_posters_every_sentence() -> None:
    # display name, the bare handle under it, the post under that: the poster says all of
    # it, even a sentence that describes another side; an unknown analyst speaks for none
    text = ("Reactions came quickly.\n\n"
            "Defence Minister Rustem Umerov posted an hour later:\n\n"
            "Rustem Umerov\n\n@rustem_umerov\n\n"
            "Moscow has finally admitted what everyone saw. Our drones saw the columns "
            "first. Who pays for this?\n\n"
            "1.1K Reposts 4K Likes\n\n"
            "Pat Doyle\n\n@patdoyle_analysis\n\n"
            "The parade was mostly theatre. Nothing about the front changes.\n\n"
            "Other analysts were more cautious.")
    got = found(text)
    for sentence in ("Moscow has finally admitted what everyone saw.",
                     "Our drones saw the columns first.", "Who pays for this?"):
        assert got[sentence][0] == ["ukrainian"], sentence
    assert got["The parade was mostly theatre."][0] == []
    assert got["Nothing about the front changes."][0] == []
    assert "Other analysts were more cautious." not in got
    assert "Reactions came quickly." not in got


def test_a_line_naming_its_speaker_before_a_colon_introduces_the_paragraph_under_it() -> None:
    # not only "X said:": "X put it this way on Monday:" too; the paragraph under it is
    # what was said, quoted or not (a block quotation loses its marks)
    text = ("The estimates differ.\n\n"
            "Kremlin spokesman Dmitry Peskov put it this way on Monday:\n\n"
            "Our partners in Pyongyang act within the treaty and nobody else is concerned.\n\n"
            "Analysts were not persuaded.")
    got = found(text)
    assert got["Our partners in Pyongyang act within the treaty and nobody else is "
               "concerned."][0] == ["russian"]
    assert "Analysts were not persuaded." not in got


def test_a_heading_labelled_with_a_person_gives_that_persons_words() -> None:
    # "Person: words" heading a live blog's entry (its time stamp above) reports the
    # person's words; "Place: topic" is a section on the place, and a labelled heading
    # with no time stamp above it is not an entry's. Reuters spells the Ukrainian
    # president "Zelenskiy".
    entry = ("Updates through the day.\n\n16:20 GMT\n\n"
             "Zelenskiy: Moscow cannot hold the bridgehead alone\n\n"
             "The president spoke in Kharkiv on Monday evening after the strike.\n\n")
    assert found(entry)["Zelenskiy: Moscow cannot hold the bridgehead alone"][0] == \
        ["ukrainian"]
    assert not found(entry.replace("16:20 GMT", "Read more"))
    place = ("Updates through the day.\n\n15:10 GMT\n\n"
             "Seoul: No decision on the new sanctions\n\n"
             "The cabinet met on Tuesday to review the package again.")
    assert not found(place)


def test_a_persons_possessive_subject_is_who_a_later_pronoun_means() -> None:
    # "Umerov's count is the lowest." names no speech, but its owner is who "He" is next;
    # a place's possessive ("Moscow's troops ...") is not a person a pronoun goes back to
    text = ("The counts disagree. Umerov's count is the lowest of the three. He told "
            "reporters on Friday that about 2,000 soldiers had been wounded.")
    got = found(text)
    assert got["He told reporters on Friday that about 2,000 soldiers had been wounded."][
        0] == ["ukrainian"]
