"""Wrong sides and suggestions nobody would label, found by probing invented pages of the
weak genres (doorsteps, Markdown notes, magazine pieces) in layouts the dev pages lack.
One mechanism each (issue 9)."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives

PERSPECTIVES = load_default_perspectives()


def found(text: str, **kw: str) -> dict[str, tuple[list[str], str | None]]:
    """{sentence: (perspective keys, speaker)} for every suggestion."""
    return {s.quote: (sorted(s.perspectives), s.speaker)
            for s in suggest_claims(text, PERSPECTIVES, **kw)}


DOORSTEP = (
    "FOREIGN MINISTER WEBER: Good morning. Today we will talk about Ukraine and about our "
    "own security. China tells us it is neutral in this war. That is not neutrality.\n\n"
    "Q: Minister, the Russian foreign minister said yesterday that European troops would be "
    "a legitimate target. What is your answer?\n\n"
    "FOREIGN MINISTER WEBER: Moscow claims it wants peace. We will not be intimidated.\n\n"
    "Q: Do sanctions work?\n\n"
    "FOREIGN MINISTER WEBER: Yes. Russia's economy is overheating, and inflation is high. "
    "The Kremlin would like us to believe otherwise.\n")


def test_a_country_the_speaker_reports_or_talks_about_is_not_their_own() -> None:
    # A minister of no stated side who talks about Russia ("Russia's economy is ...", "The
    # Kremlin would like us to believe ...") does not speak for Russia.
    got = found(DOORSTEP, title="Doorstep by Foreign Minister Anna Weber")
    assert got["We will not be intimidated."][0] != ["russian"]
    assert "russian" not in got["That is not neutrality."][0]
    assert got["FOREIGN MINISTER WEBER: Moscow claims it wants peace."][0] == ["russian"]


NOTES = (
    "Q&A with an officer\n\n"
    "Q: How many North Koreans are you facing?\n\n"
    "A: Around two battalions in our sector. They attack in small groups now.\n\n"
    "Links\n\n"
    "ISW daily assessment — the best daily map.\n\n"
    "Kyiv Independent: Budanov interview\n\n"
    "Russian Ministry of Defence, Telegram, 17 March 2025.\n\n"
    "Office of the President of Ukraine, 18 March 2025.\n")


def test_a_link_after_an_exchange_ended_at_a_heading_is_not_a_new_turn() -> None:
    # "Kyiv Independent: Budanov interview" in a link list is a link, not Kyiv Independent
    # answering; the notes under it are nobody's statements.
    got = found(NOTES, title="Notes from the front: week 12")
    assert "A: Around two battalions in our sector." in got
    assert "Russian Ministry of Defence, Telegram, 17 March 2025." not in got
    assert "Office of the President of Ukraine, 18 March 2025." not in got
    assert not any(speaker == "Kyiv Independent" for _, speaker in got.values())


INTERVIEW = (
    "An interview with Brig. Gen. Oleksandr Marchenko, deputy commander of Ukraine's 47th "
    "Brigade\n\n"
    "Marchenko met me in a bunker near Pokrovsk. He has been fighting since 2014.\n\n"
    "Q: How has the war changed since the North Koreans arrived?\n\n"
    "A: In Kursk they changed a lot. Russia gave them the experience they needed.\n\n"
    "Q: What do you need most?\n\n"
    "A: Artillery shells, at least 6,000 a day. The enemy fires three times that.\n\n"
    "The Kremlin did not answer a request for comment. The Chinese foreign ministry said it "
    "was not aware of the situation.\n\n"
    "For Marchenko, none of this matters much.\n")


def test_bare_answers_belong_to_the_interviewee_the_introduction_names() -> None:
    # "A:" in a magazine interview is the person the introducing line names, with their side.
    got = found(INTERVIEW, title="The general who wants more shells")
    assert got["A: In Kursk they changed a lot."][0] == ["ukrainian"]
    assert "Marchenko" in (got["A: Artillery shells, at least 6,000 a day."][1] or "")


def test_the_writers_narration_after_the_last_answer_is_not_the_answer() -> None:
    # After the last "A:", the writer's report of others ("... did not answer a request for
    # comment", "The Chinese foreign ministry said") is no longer the interviewee speaking.
    got = found(INTERVIEW, title="The general who wants more shells")
    assert "The Kremlin did not answer a request for comment." not in got
    assert got["The Chinese foreign ministry said it was not aware of the situation."][0] == \
        ["chinese"]
    assert "For Marchenko, none of this matters much." not in got


def test_unnamed_officials_belong_to_the_place_the_writer_moved_to() -> None:
    # "In Seoul, officials said": Seoul's officials, not the side of the speaker before.
    text = ("Zelenskyy said the North Koreans were learning fast. \"They adapt,\" he said.\n\n"
            "In Seoul, officials said they were watching the rotation closely.\n\n"
            "In Washington, the mood was different. Officials told me that the Pentagon saw "
            "the deployment as a test.\n")
    got = found(text)
    assert got["In Seoul, officials said they were watching the rotation closely."][0] == \
        ["south_korean"]
    assert got["Officials told me that the Pentagon saw the deployment as a test."][0] == ["us"]


def test_he_after_an_opening_time_clause_is_the_clauses_subject() -> None:
    # "After Zelenskyy visited the front, he said ...": Zelenskyy, not the speaker before.
    text = ("The Pentagon said the deployment was a test. "
            "After Zelenskyy visited the front, he said the North Koreans were learning. "
            "When Kim Jong Un inspected the corps, he told the officers they would fight.\n")
    got = found(text)
    assert got["After Zelenskyy visited the front, he said the North Koreans were learning."][0] \
        == ["ukrainian"]
    assert got["When Kim Jong Un inspected the corps, he told the officers they would fight."][0] \
        == ["north_korean"]


STATEMENT = (
    "The Ministry of Defence of Ukraine informs that North Korean units have suffered heavy "
    "losses in the Kursk region.\n\n"
    "South Korea's National Intelligence Service has given a lower estimate of 3,000 "
    "casualties.\n\n"
    "Background\n\n"
    "North Korea and Russia signed a treaty on comprehensive strategic partnership in June "
    "2024. The treaty includes a mutual defence clause.\n\n"
    "The Kremlin has called the reports of losses \"a lie\".\n")


def test_a_statements_background_section_is_not_its_position() -> None:
    # Under "Background" a ministry recalls facts: nobody's statement; what it reports
    # others saying there is still theirs.
    got = found(STATEMENT, title="Statement of the Ministry of Defence of Ukraine on losses",
                publisher="Ministry of Defence of Ukraine")
    assert got["The Ministry of Defence of Ukraine informs that North Korean units have "
               "suffered heavy losses in the Kursk region."][0] == ["ukrainian"]
    assert "The treaty includes a mutual defence clause." not in got
    assert got["The Kremlin has called the reports of losses \"a lie\"."][0] == ["russian"]


def test_a_body_that_has_given_an_estimate_states_it() -> None:
    # "X has given a lower estimate of ..." is X's figure, not the issuing ministry's.
    got = found(STATEMENT, title="Statement of the Ministry of Defence of Ukraine on losses",
                publisher="Ministry of Defence of Ukraine")
    assert got["South Korea's National Intelligence Service has given a lower estimate of "
               "3,000 casualties."][0] == ["south_korean"]


def test_doorstep_remarks_by_a_named_speaker_are_all_theirs() -> None:
    # "Doorstep remarks by X" is one kind of statement: the unlabelled opening remarks are
    # X's, as the answers after "Q." are.
    text = ("Good morning. Today we will discuss the sanctions package.\n\n"
            "Q. On North Korea?\n\n"
            "The North Korean troops are still there. We are doing more.\n")
    got = found(text, title="Doorstep remarks by High Representative Kaja Kallas upon "
                            "arrival at the Foreign Affairs Council")
    assert got["Today we will discuss the sanctions package."][0] == ["nato_european"]
    assert got["The North Korean troops are still there."][0] == ["nato_european"]


def test_a_role_label_in_a_joint_press_point_is_the_role_its_title_names() -> None:
    # "PRIME MINISTER:" at a NATO press point with the Prime Minister of Japan is Japan's
    # prime minister (no side of ours), not NATO's host; "SECRETARY GENERAL:" is NATO's.
    text = ("SECRETARY GENERAL: Thank you. North Korea is sending troops to Russia.\n\n"
            "PRIME MINISTER: Thank you, Mark. We are concerned about the cooperation between "
            "Russia and North Korea.\n\n"
            "Q: Prime Minister, will Japan spend more?\n\n"
            "PRIME MINISTER: We have already decided to raise the budget.\n")
    got = found(text, title="Joint press point with NATO Secretary General Mark Rutte and "
                            "the Prime Minister of Japan, Shigeru Ishiba", publisher="NATO")
    assert got["North Korea is sending troops to Russia."][0] == ["nato_european"]
    assert got["PRIME MINISTER: We have already decided to raise the budget."][0] == []


def test_a_news_lead_with_a_country_subject_is_not_that_countrys_statement() -> None:
    # A blog opening "North Korea has sent ..." whose writer later says "we" is not a North
    # Korean statement: its unattributed sentences are nobody's.
    text = ("North Korea has sent more troops to Russia this winter.\n\n"
            "The new units are better trained than the first wave.\n\n"
            "We should expect more of them in the spring.\n")
    got = found(text, title="Kursk, month three")
    assert "The new units are better trained than the first wave." not in got
    # A statement's own lead in its own voice still is one: "Norway strongly condemns ..."
    own = found("Norway strongly condemns the deployment of North Korean troops.\n\n"
                "We call on Pyongyang to withdraw them.\n", title="Deployment of troops")
    assert own["We call on Pyongyang to withdraw them."][0] == ["nato_european"]


def test_naming_verbs_report_words_without_quotation_marks() -> None:
    # "The Kremlin called the report a lie": reported words; "called up reservists" is not.
    got = found("The Kremlin called the report a lie. Russia and North Korea called their "
                "cooperation lawful. Russia called up reservists in the Far East.")
    assert got["The Kremlin called the report a lie."][0] == ["russian"]
    assert got["Russia and North Korea called their cooperation lawful."][0] == \
        ["north_korean", "russian"]
    assert "Russia called up reservists in the Far East." not in got


def test_a_quotation_left_open_for_the_next_paragraph_is_the_speakers_to_its_end() -> None:
    # '"...," said X. "B. C.' then a paragraph opening with a quotation mark: the
    # quotation runs on, so B and C are X's too.
    text = ("Seoul is worried.\n\n"
            "\"We need to understand this,\" said a senior South Korean official. \"Money and "
            "oil. It will make his army more dangerous.\n\n"
            "\"And nothing can stop it.\"\n")
    got = found(text)
    assert got["It will make his army more dangerous."][0] == ["south_korean"]
    assert "Seoul is worried." not in got


def test_a_role_is_not_given_the_side_of_who_a_question_beside_it_reports() -> None:
    # A title that is a journalist's question ("QUESTION: Prime Minister, the Kremlin says
    # ...") names the Prime Minister, not the Kremlin: the role's clause ends at its comma.
    text = ("PRIME MINISTER: Thank you. Today we signed a 100-year partnership.\n\n"
            "QUESTION: Prime Minister, will you send troops?\n\n"
            "PRIME MINISTER: We will play our full part.\n")
    got = found(text, title="QUESTION: Prime Minister, the Kremlin says British troops "
                            "would be a target. Would you still send them?",
                publisher="Prime Minister's Office, 10 Downing Street")
    assert "russian" not in got["Today we signed a 100-year partnership."][0]
    assert "russian" not in got["PRIME MINISTER: We will play our full part."][0]


def test_a_qualified_office_and_surname_names_a_person_of_the_publishers_side() -> None:
    # "FOREIGN MINISTER WEBER:" on the Federal Foreign Office's page is its minister.
    got = found(DOORSTEP, title="Doorstep by Foreign Minister Anna Weber",
                publisher="Federal Foreign Office")
    assert got["We will not be intimidated."][0] == ["nato_european"]
    assert got["FOREIGN MINISTER WEBER: Moscow claims it wants peace."][0] == \
        ["nato_european", "russian"]
