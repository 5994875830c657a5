"""Claim suggestion on documents read as wholes (issue 9): who issues a statement, who a
briefer is, quotations over paragraphs, signed posts, reference entries and figures that
complete a clause. Each case is a grammar or layout, not a page."""

from __future__ import annotations

from briefing.core.claims import numeric_claims, suggest_claims
from briefing.core.claims.cues import matcher_for
from briefing.core.claims.home import home_side, statement_issuer
from briefing.core.perspectives import load_default_perspectives

PERSPECTIVES = load_default_perspectives()


def sides(text: str, title: str = "", publisher: str = "") -> dict[str, list[str]]:
    """{sentence: perspective keys} for every suggestion."""
    return {s.quote: s.perspectives
            for s in suggest_claims(text, PERSPECTIVES, title=title, publisher=publisher)}


def test_a_press_secretary_label_answers_and_the_reporter_asks() -> None:
    text = ("Press Secretary Kobayashi: Good afternoon. Japan will host the meeting.\n\n"
            "Reporter (NHK): What is the government's view of the deployment?\n\n"
            "Press Secretary Kobayashi: Japan is seriously concerned about the deployment.\n\n"
            "Reporter (Kyodo): Will Japan impose sanctions?\n\n"
            "Press Secretary Kobayashi: We will consider appropriate measures.")
    found = sides(text, "Press Conference by Press Secretary Kobayashi",
                  "Ministry of Foreign Affairs of Japan")
    answer = [q for q in found if q.endswith("We will consider appropriate measures.")]
    assert answer and not any(q.endswith("?") for q in found)
    # A Japanese official speaks for none of the perspectives.
    assert found[answer[0]] == []


def test_a_deputy_or_acting_briefer_speaks_for_the_publisher_as_the_briefer_would() -> None:
    text = ("DEPUTY SPOKESPERSON: The ministry will hold a seminar on family reunions.\n\n"
            "Reporter (KBS): Is the government considering a new proposal to the North?\n\n"
            "DEPUTY SPOKESPERSON: The government is reviewing several options for dialogue.")
    found = sides(text, "Regular Press Briefing by the Deputy Spokesperson of the Ministry of "
                  "Unification", "Ministry of Unification")
    answers = [q for q in found if "government is reviewing" in q or "seminar" in q]
    assert len(answers) == 2 and all(found[q] == ["south_korean"] for q in answers)


def test_the_publisher_side_from_data_and_web_address() -> None:
    matcher = matcher_for(PERSPECTIVES)
    assert home_side(matcher, "Ministry of Defence of Ukraine")[0] == "ukrainian"
    assert home_side(matcher, "The Federal Government")[0] == "nato_european"
    assert home_side(matcher, "www.mid.ru")[0] == "russian"
    assert home_side(matcher, "", "Regular press conference | fmprc.gov.cn")[0] == "chinese"
    assert home_side(matcher, "The Atlantic") is None
    # a ministry named in its own language, with no country in its name
    assert home_side(matcher, "Ministère des Armées")[0] == "nato_european"


def test_a_briefer_of_a_ministry_named_without_its_country_speaks_for_its_side() -> None:
    # invented: France's defence ministry names no country; its briefer and the figures
    # he gives are its side's
    text = ("COLONEL MARTIN DUVAL (Spokesperson, General Staff): Good morning. We have "
            "trained about 9,000 soldiers this year.\n\n"
            "Question (AFP): Will the training continue?\n\n"
            "COLONEL DUVAL: Yes, it will continue next year.")
    found = suggest_claims(text, PERSPECTIVES, title="Weekly press briefing",
                           publisher="Ministère des Armées")
    trained = next(s for s in found if "9,000" in s.quote)
    assert trained.perspectives == ["nato_european"]
    assert [(c.figure, c.unit, c.perspectives) for c in numeric_claims(
        text, trained.start, trained.end, trained.perspectives)] == [
        (9000, "troops", ["nato_european"])]


def test_statement_titles_name_their_issuer_and_headlines_do_not() -> None:
    assert statement_issuer("Statement by the Ministry of Foreign Affairs of Ukraine on the "
                            "DPRK troops") == "Ministry of Foreign Affairs of Ukraine"
    assert statement_issuer("Foreign Ministry Spokeswoman Maria Zakharova's answer to a media "
                            "question") == "Foreign Ministry Spokeswoman Maria Zakharova"
    assert statement_issuer("Readout of the Secretary's call with Foreign Minister Cho") == ""
    assert statement_issuer("Zelensky's message to the West") is None
    assert statement_issuer("Kremlin Comment on Troops Sparks Anger") is None


def test_every_assertion_of_a_statement_is_the_issuer_s() -> None:
    text = ("The Ministry of Foreign Affairs of Ukraine strongly condemns the deployment of "
            "DPRK troops to Russia.\n\n"
            "This is a flagrant violation of international law.\n\n"
            "We demand that the DPRK immediately withdraw its troops.\n\n"
            "1. Ukraine will continue to defend itself.")
    found = sides(text, "MFA Statement on the deployment of DPRK troops")
    assert found["This is a flagrant violation of international law."] == ["ukrainian"]
    assert found["We demand that the DPRK immediately withdraw its troops."] == ["ukrainian"]
    assert any(q.endswith("Ukraine will continue to defend itself.") for q in found)


def test_a_statement_quoted_over_paragraphs_is_the_introducer_s() -> None:
    text = ("Following the meeting, Deputy National Security Adviser Kim Tae-hyo issued the "
            "following statement on behalf of the government:\n\n"
            "\"The Government strongly condemns the dispatch of troops to Russia.\n\n"
            "These countermeasures will include diplomatic and military measures.\n\n"
            "Nothing is excluded.\"\n\n"
            "The meeting ended at noon.")
    found = sides(text)
    assert found["These countermeasures will include diplomatic and military measures."] == [
        "south_korean"]
    assert "The meeting ended at noon." not in found


def test_a_post_signed_by_a_dash_line_and_a_poster_line_before_a_post() -> None:
    text = ("Officials reacted quickly on Friday.\n\n"
            "Today we confirmed the first clashes with North Korean units.\n\n"
            "— Defence of Ukraine (@DefenceU) November 5, 2024\n\n"
            "Maria Zakharova, the Russian foreign ministry spokeswoman:\n\n"
            "Another Western fake, and nothing more.")
    found = sides(text)
    assert found["Today we confirmed the first clashes with North Korean units."] == [
        "ukrainian"]
    assert found["Another Western fake, and nothing more."] == ["russian"]


def test_reference_entries_and_editorial_notes_are_not_statements() -> None:
    text = ("(Transcript of the spoken word)\n\n"
            "The ministry said 3,000 soldiers had been killed.\n\n"
            "\"N. Korea sent over 20,000 containers to Russia: ministry,\" Yonhap News Agency, "
            "February 18, 2025.\n\n"
            "TASS (2024), 'Lavrov: cooperation in line with international law', 1 November "
            "2024.")
    found = sides(text)
    # the entry is no statement; the figure its headline quotes is the source's, and a
    # bare "ministry" there is the ministry of the national outlet's country (figures16)
    entry = ("\"N. Korea sent over 20,000 containers to Russia: ministry,\" Yonhap News "
             "Agency, February 18, 2025.")
    assert found == {"The ministry said 3,000 soldiers had been killed.": [],
                     entry: ["south_korean"]}


def test_back_references_take_the_nearest_speaker_of_the_same_kind() -> None:
    text = ("Serhiy, a 34-year-old drone pilot with Ukraine's 47th Brigade, pointed at the "
            "tree line. \"They come in waves,\" he said.\n\n"
            "Britain's defence ministry said Russia had lost 1,500 troops a day.\n\n"
            "\"They fight differently,\" the pilot said.\n\n"
            "Interviews with Russian milbloggers show frustration. Another milblogger "
            "complained that supplies were short.")
    found = sides(text)
    assert found["\"They come in waves,\" he said."] == ["ukrainian"]
    assert found["\"They fight differently,\" the pilot said."] == ["ukrainian"]
    assert found["Another milblogger complained that supplies were short."] == ["russian"]


def test_a_question_that_reports_speech_is_a_claim_of_the_reported_speaker() -> None:
    text = ("GEN. RYDER: Good afternoon. We have seen the reports.\n\n"
            "Q: Do you have a response to the Chinese Foreign Ministry, which said on Monday "
            "that it was not aware of the situation?\n\n"
            "GEN. RYDER: I would refer you to them.")
    found = sides(text, "Pentagon Press Secretary Pat Ryder Holds a Press Briefing",
                  "U.S. Department of Defense")
    question = next(q for q in found if q.startswith("Q: Do you have"))
    assert found[question] == ["chinese"]


def test_figures_that_complete_a_clause_about_their_noun() -> None:
    def read(text: str) -> list[tuple[float, str]]:
        return [(c.figure, c.unit) for c in numeric_claims(text)]

    assert read("He said North Korean losses had reached \"about 4,000\".") == [
        (4000.0, "casualties")]
    assert read("The number of North Korean soldiers could rise to 100,000.") == [
        (100000.0, "troops")]
    assert read("Washington put the casualty count at \"more than 300\".") == [
        (300.0, "casualties")]
    assert read("The soldiers arrived at 5 and left.") == []
    assert read("the deployment of more than 10,000 Democratic People's Republic of Korea "
                "(DPRK) soldiers") == [(10000.0, "troops")]
    assert read("an additional 3,000 or so troops") == [(3000.0, "troops")]
    assert read("North Korea has deployed 12 000 troops.") == [(12000.0, "troops")]
    assert read("It said 103 drones were shot down and 68 were lost.") == [
        (103.0, "missiles"), (68.0, "missiles")]


def test_a_joint_statement_speaks_for_every_issuer_and_adds_what_it_reports() -> None:
    text = ("We strongly condemn the deployment of DPRK troops to Russia.\n\n"
            "Foreign Minister Cho Tae-yul said that the Republic of Korea would respond in a "
            "phased manner.\n\n"
            "We note, according to Ukrainian estimates, that many soldiers have been killed.")
    found = sides(text, "UK-Republic of Korea Foreign Ministers joint statement on DPRK-Russia "
                  "military cooperation", "GOV.UK")
    assert sorted(found["We strongly condemn the deployment of DPRK troops to Russia."]) == [
        "nato_european", "south_korean"]
    cho = next(q for q in found if q.startswith("Foreign Minister Cho"))
    assert found[cho] == ["south_korean"]
    note = next(q for q in found if q.startswith("We note"))
    assert sorted(found[note]) == ["nato_european", "south_korean", "ukrainian"]


def test_a_doorstep_is_its_speaker_s_before_the_first_question() -> None:
    text = ("Check against delivery!\n\n"
            "Good morning. We will adopt the 15th package of sanctions against Russia today.\n\n"
            "Q. Ukraine says 3,000 North Korean soldiers have been killed. Should Europe act?\n\n"
            "We are already acting, and we will do more.\n\n"
            "Q. On Georgia, will there be sanctions today?\n\n"
            "We will discuss Georgia, and the situation is very worrying.")
    found = sides(text, "Foreign Affairs Council: Doorstep by High Representative Kaja Kallas "
                  "upon arrival", "European External Action Service")
    assert "Check against delivery!" not in found
    assert found["We will adopt the 15th package of sanctions against Russia today."] == [
        "nato_european"]
    question = next(q for q in found if q.startswith("Q. Ukraine says"))
    assert found[question] == ["ukrainian"]


def test_the_west_people_in_the_same_sentence_and_passive_agents() -> None:
    text = ("Western intelligence agencies paint a similar picture.\n\n"
            "I spoke with the Foreign Minister of the Republic of Korea last week, and he told "
            "me that Seoul sees it the same way.\n\n"
            "South Korean lawmakers were told yesterday by their intelligence service that "
            "some of the troops had been killed.\n\n"
            "Ukraine's Defence Intelligence (HUR) put North Korean casualties at 4,000.")
    found = sides(text)
    assert sorted(found["Western intelligence agencies paint a similar picture."]) == [
        "nato_european", "us"]
    spoke = next(q for q in found if q.startswith("I spoke with"))
    assert "south_korean" in found[spoke]
    told = next(q for q in found if q.startswith("South Korean lawmakers"))
    assert found[told] == ["south_korean"]
    assert found["Ukraine's Defence Intelligence (HUR) put North Korean casualties at 4,000."] \
        == ["ukrainian"]


def test_plural_round_numbers_and_calibres() -> None:
    def read(text: str) -> list[tuple[float, str]]:
        return [(c.figure, c.unit) for c in numeric_claims(text)]

    assert read("He sent millions of artillery shells and thousands of men.") == [
        (1000000.0, "shells"), (1000.0, "troops")]
    assert read("about 120 170-mm self-propelled guns") == [(120.0, "equipment")]
    assert read("North Korean soldiers arrived. Some eleven thousand of them are in Kursk.") \
        == [(11000.0, "troops")]


def test_a_figure_with_its_source_in_brackets_after_it() -> None:
    text = ("Estimates vary widely.\n\n"
            "About 11,000 North Korean troops are in Kursk (NIS).\n\n"
            "Some 4,000 have been killed or wounded (Source: HUR).\n\n"
            "Participants: Andrii Yusov, representative of the Defence Intelligence of Ukraine "
            "(HUR).")
    found = sides(text)
    assert found["About 11,000 North Korean troops are in Kursk (NIS)."] == ["south_korean"]
    assert found["Some 4,000 have been killed or wounded (Source: HUR)."] == ["ukrainian"]
    assert not any(q.startswith("Participants") for q in found)


def test_a_government_page_in_its_own_voice_speaks_for_its_publisher() -> None:
    text = ("The situation in the Kursk region remains tense. We have repeatedly warned our "
            "partners about this.\n\n"
            "Q: Can you confirm the number of North Korean troops?\n\n"
            "A: We do not comment on intelligence matters.\n\n"
            "Q: Will there be new sanctions?\n\n"
            "A: All options remain on the table.")
    found = sides(text, "Regular press conference, 4 November",
                  "Ministry of Foreign Affairs of the Russian Federation")
    assert found["The situation in the Kursk region remains tense."] == ["russian"]
    release = ("The Council today adopted a 15th package of restrictive measures.\n\n"
               "The package also targets 52 vessels of the shadow fleet.")
    assert "The package also targets 52 vessels of the shadow fleet." not in sides(
        release, "EU adopts 15th package", "Council of the European Union") or sides(
        release, "EU adopts 15th package", "Council of the European Union")[
        "The package also targets 52 vessels of the shadow fleet."] == []


def test_a_quotation_signed_at_its_end_with_a_dash() -> None:
    text = ("Officials reacted quickly on Friday.\n\n"
            "\"North Korea is now a direct participant in this war. The world must respond.\" "
            "— Andrii Sybiha, Ukraine's foreign minister")
    found = sides(text)
    assert list(found.values()) == [["ukrainian"]]


def test_an_exchange_inside_an_article_ends_at_its_next_heading_table_or_notes() -> None:
    """'Q: ... A: ...' set inside an article: the answer is the answerer's, but the
    article's next section, its table and its reference list are not."""
    text = ("Ukraine's military intelligence said on Monday that about 11,000 North Korean "
            "soldiers were in the Kursk region.\n\n"
            "Q: How many troops are there now?\n\n"
            "A: I think the number is closer to 12,000 by now.\n\n"
            "What the allies say\n\n"
            "Russia's foreign ministry said the reports were invented by Western media.\n\n"
            "Source | Estimate\n\nGUR | 11,000\n\n"
            'Yonhap, "Seoul sees troop build-up", 4 November 2024.\n')
    found = {s.quote: s for s in suggest_claims(text, PERSPECTIVES)}
    answer = next(s for q, s in found.items() if q.startswith("A: I think"))
    assert answer.speaker == "A"
    denial = found["Russia's foreign ministry said the reports were invented by Western media."]
    assert denial.perspectives == ["russian"]
    assert not any(q.startswith("Yonhap") for q in found)  # a reference entry, not a turn


def test_a_statement_titled_without_its_issuer_speaks_for_the_country_its_lead_names() -> None:
    # "Statement on ..." names no issuer; the publisher is a ministry whose name says no
    # country, and the lead names one none of the perspectives covers: its assertions are
    # statements of no side; its narrative of the past is not.
    text = ("Chile views with deep concern the reported transfer of artillery shells to the "
            "region.\n\n"
            "Chile considers these reports serious and will raise them at the Council.\n\n"
            "The Minister travelled to Geneva last week.")
    found = sides(text, "Statement on the Transfer of Artillery Shells",
                  "Department of Foreign Affairs")
    assert found.get("Chile views with deep concern the reported transfer of artillery "
                     "shells to the region.") == []
    assert found.get("Chile considers these reports serious and will raise them at the "
                     "Council.") == []
    assert "The Minister travelled to Geneva last week." not in found
    # A publisher with no statement title and a headline is left to ordinary attribution.
    assert not sides(text.split("\n\n")[0], "Chile views deployment with concern",
                     "Daily News")
