"""Claim suggestions on material nobody tuned them on (issue 9), and the mechanisms behind them.

The first tests run benchmarks/quality_claims.py on both halves of tests/data/unseen/ through
the real import pipeline and hold the pooled scores. Thresholds sit a few points under the
scores measured at the commit that set them (benchmarks/results/quality_claims.json); on the
frozen test half they are BELOW the issue's targets (statements right >= 0.90, precision
>= 0.90, figures >= 0.85): the gap is real and reported, not hidden.

The other tests exercise each mechanism on invented sentences (never copied from the pages).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.claims import numeric_claims, suggest_claims
from briefing.core.ingest.pipeline import import_files
from briefing.core.perspectives import load_default_perspectives
from briefing.core.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import quality_claims  # noqa: E402  (a benchmark script, not a package)

PERSPECTIVES = load_default_perspectives()

# Pooled floors: a few points under the scores measured on each half.
# Measured when set (claims9 merged with the 68-page dev half: 45 pages its rules were
# written with + 24 labelled after them; then qualified role labels and coordinated
# subjects): dev .952/.888/.901/.829, test .913/.767/.790/.676 (found/right/prec/figs).
# The dev floors were lowered when 24 new dev pages (suffix _7/_8, weak genres, labelled
# before any rule saw them) were merged: they pulled dev pooled down to .938/.860/.884/.778.
# Raised after claims12's attribution and figures12's figures (a figure is the side of the
# clause that reports it) were merged: dev .968/.908/.909/.920, test .928/.796/.803/.757.
# claims13 (verb frames, clause structure, document voice, coreference by possessives) with
# 10 new dev pages (suffix _10, labelled before any rule saw them; out of sample, on
# arrival, batch 1 scored .843/.471/.539/.481 and batch 2 .919/.770/.829/.708):
# dev .963/.908/.917/.906, test .928/.800/.805/.757. The dev figures floor goes from .90
# to .89 because the new pages pull dev figures down (the old dev pages alone: .920).
# Test floors lowered when 12 frozen test pages (suffix _9, written by a session that never
# read the rules, merged after this session's rules were final) joined the test half: it
# measures .922/.797/.801/.708 on 42 pages (the 12 alone .903/.786/.806/.594, out of sample).
# Round 14: 10 new dev pages (suffix _11, weak genres) measured out of sample on arrival
# .844/.698/.819/.627 (main's rules alone: .844/.693/.814/.627); they pulled dev down to
# .956/.894/.911/.872. At the round's final rules: dev .970/.917/.920/.888, test
# .930/.803/.790/.698 (the floors sit just under them).
# Round 15 (figures15): 10 new dev pages (suffix _12, labelled by a session that never read
# the rules) scored figures right .381 out of sample and pull dev down: the dev floors for
# statements go down to just under the measured dev values (.955/.890/.906). At this
# branch's final rules (table rows, figures as written, a count's owner): dev
# .955/.890/.907/.903, test .930/.803/.787/.717. claims15 measured the _12 pages on arrival at
# .783/.627/.705/.405. Merged (figures15 + claims15 + lang15): dev .965/.911/.918/.915, test
# .938/.819/.797/.736. The ten _13 pages of labels16 (no rule has seen them) then join dev:
# out of sample .862/.604/.714/.578, they pull dev to .956/.883/.902/.876; the floors sit
# just under the measured values.
# Round 16 (claims16: one table decides a country's side; a government body's own lead;
# the verb's subject by grammar, never the content after it; the writer's questions and
# notes on sources are no claims; stance verbs in every form): dev .963/.904/.918/.887 (the
# _13 pages alone .862/.604/.714/.578 -> .911/.800/.893/.667), test .938/.819/.797/.736.
# figures16 (figure mechanisms only): dev figures .876 -> .902 (the _13 pages .578 -> .700),
# test figures .736 -> .736 (the labels disagree on captured soldiers, "several thousand").
# Round 17 (claims17: probes of invented doorsteps, Markdown notes, magazine pieces and
# statements): dev unchanged, test .930/.820/.834/.745 (a news lead no longer makes its
# subject the page's issuer: five Markdown statements that had its wrong side are no longer
# suggested, so found falls as precision rises). Merged with figures16, meta16 and the
# lead's turn ends: dev .964/.906/.919/.913, test .938/.834/.840/.759. The ten _14 pages
# of labels17 then join dev (no rule has seen them: .730/.658/.868/.705 alone at this
# round's end, .719/.643/.860/.679 when they arrived): they pull dev to .946/.887/.916/.893,
# and the dev floors go under that.
# Round 18 (claims18, claims18b, figures18, the lead's colon rule): dev .964/.918/.931/.916,
# test .939/.838/.838/.797 (figures .759 -> .797; statements flat). The ten _15 pages of
# labels18 then join dev (no rule has seen them: .793/.638/.782/.662 alone at this round's
# end, .793/.624/.767/.622 when they arrived): dev .951/.897/.922/.894; floors under both.
# Round 19 (claims19, figures19, lang19, meta19): dev .961/.918/.932/.926, test
# .939/.838/.836/.797 (flat: the round's rules lifted the pages they were written on); the
# _15 pages, the helpers' hold-out, .793/.638/.782/.662 -> .803/.657/.795/.703. The ten _16
# pages of labels19 then join dev (no rule has seen them: .871/.737/.834/.697 alone at this
# round's end, .871/.732/.829/.685 when they arrived): dev .954/.904/.925/.905.
FLOORS = {
    "dev": {"statements_found": 0.94, "statements_right": 0.89, "precision": 0.91,
            "figures_right": 0.89},
    "test": {"statements_found": 0.93, "statements_right": 0.83, "precision": 0.83,
             "figures_right": 0.79},
}

@pytest.mark.parametrize("half", ["dev", "test"])
def test_pooled_scores_on_unseen_pages_hold(half: str, tmp_path: Path) -> None:
    result = quality_claims.score(half, tmp_path / "ws")
    pooled = result["pooled"]
    assert pooled["statements"] > 100 and pooled["figures"] > 50
    low = {k: (pooled[k], floor) for k, floor in FLOORS[half].items() if pooled[k] < floor}
    assert not low, f"{half} half pooled scores fell under their floors: {low}"
    assert set(result["genres"]) >= {"briefing-transcript", "press-conference", "wire-story"}


def _by_quote(text: str, **meta: str) -> dict[str, list[str]]:
    return {s.quote: s.perspectives for s in suggest_claims(text, PERSPECTIVES, **meta)}


def _speakers(text: str, **meta: str) -> dict[str, str | None]:
    return {s.quote: s.speaker for s in suggest_claims(text, PERSPECTIVES, **meta)}


# -- transcripts -------------------------------------------------------------------------------

BRIEFING = """Q: Thanks. Is the deployment growing? South Korea's spy agency told lawmakers that \
two more brigades are on the way.

A: We cannot confirm that. Our own count has not changed this week.

Q: Will you send more shells?

A: Yes. We will announce a package soon.
"""


def test_answers_are_statements_of_the_briefer_named_in_the_title() -> None:
    got = _by_quote(BRIEFING, title="Pentagon Press Secretary Holds a Press Briefing")
    assert got["A: We cannot confirm that."] == ["us"]
    assert got["Our own count has not changed this week."] == ["us"]
    assert got["We will announce a package soon."] == ["us"]


def test_a_question_is_not_a_claim_but_speech_it_reports_is() -> None:
    got = _by_quote(BRIEFING, title="Pentagon Press Secretary Holds a Press Briefing")
    assert "Is the deployment growing?" not in got
    assert "Will you send more shells?" not in " ".join(got)
    reported = next(q for q in got if q.startswith("South Korea's spy agency"))
    assert got[reported] == ["south_korean"]


def test_a_label_names_its_speaker_by_surname_or_by_a_fuller_label() -> None:
    text = ("MS. JEAN-PIERRE: Good afternoon, everybody. We have a few updates today.\n\n"
            "Q: Does the President believe the figure?\n\n"
            "MS. JEAN-PIERRE: He has been very clear about that.\n\n"
            "DEFENCE MINISTER OF ESTONIA HANNO PEVKUR: Europe has to spend more now.\n\n"
            "Q: How much more?\n\n"
            "MR. PEVKUR: At least three percent of our economy.\n")
    got = _by_quote(text)
    assert got["MS. JEAN-PIERRE: He has been very clear about that."] == ["us"]
    assert got["MR. PEVKUR: At least three percent of our economy."] == ["nato_european"]


def test_a_role_label_is_resolved_from_the_header_and_moderators_do_not_count() -> None:
    text = ("Spokesperson of the Ministry of Foreign Affairs of Ukraine Olena Koval held a "
            "briefing for journalists.\n\n"
            "MODERATOR: We begin. Please keep questions short.\n\n"
            "SPOKESPERSON: Our partners have received the evidence we collected.\n\n"
            "QUESTION [Anna Lis, Radio Lviv]: Have the partners answered yet?\n\n"
            "SPOKESPERSON: We expect an answer this week.\n")
    got = _by_quote(text, title="Briefing by the MFA spokesperson")
    assert got["SPOKESPERSON: We expect an answer this week."] == ["ukrainian"]
    assert not any(q.startswith("MODERATOR") for q in got)
    assert "Please keep questions short." not in got


def test_white_house_questions_and_unlabelled_answers() -> None:
    text = ("THE PRESIDENT: Thank you all for coming out this morning.\n\n"
            "Q    Mr. President, will you send more air defence to Kyiv?\n\n"
            "THE PRESIDENT: We are going to keep sending what they need.\n")
    got = _by_quote(text, title="Remarks by President Biden Before Departing for Camp David")
    assert got["THE PRESIDENT: We are going to keep sending what they need."] == ["us"]
    assert not any("will you send" in q for q in got)
    plain = ("Q: What is your response to the new sanctions list?\n\n"
             "We firmly oppose illegal unilateral sanctions. They solve nothing.\n\n"
             "Q: Any comment on the drills?\n\n"
             "I would refer you to the competent authorities.\n")
    got = _by_quote(plain, title="Foreign Ministry Spokesperson's Regular Press Conference",
                    publisher="Ministry of Foreign Affairs of the People's Republic of China")
    assert got["We firmly oppose illegal unilateral sanctions."] == ["chinese"]
    assert got["I would refer you to the competent authorities."] == ["chinese"]


def test_ordinary_prose_with_colons_is_not_a_transcript() -> None:
    text = ("Note: this story was updated.\n\n"
            "The minister had a message for Moscow: stop the transfers now.\n")
    got = _speakers(text)
    assert "Note: this story was updated." not in got


# -- attribution ---------------------------------------------------------------------------------

def test_a_bare_organisation_never_inherits_the_previous_speakers_side() -> None:
    text = ("Secretary Blinken said the troops were in Kursk. "
            "The Indian government said it was following the reports closely.")
    got = _by_quote(text)
    assert got["Secretary Blinken said the troops were in Kursk."] == ["us"]
    assert got["The Indian government said it was following the reports closely."] == []


def test_content_after_said_is_not_the_speaker() -> None:
    text = "A Russian official said North Korea would send more workers to the region."
    assert _by_quote(text) == {text: ["russian"]}


def test_speakers_placed_by_grammar_not_by_a_list() -> None:
    text = ("Latvia's Inese Berzina told reporters the Baltic states would send more. "
            "A Ukrainian drone unit said it had hit two positions overnight. "
            "The Ministry of Defence of Ukraine said the attacks were repelled.")
    got = _by_quote(text)
    assert list(got.values()) == [["nato_european"], ["ukrainian"], ["ukrainian"]]


def test_back_references_go_to_the_nearest_compatible_speaker() -> None:
    text = ("South Korea's Joint Chiefs of Staff (JCS) briefed lawmakers on Monday. "
            "Foreign Minister Park Min-jae of the Republic of Korea met Secretary of State "
            "Jane Doyle of the United States in Washington. "
            "The Secretary said the allies would respond together. "
            "According to the same JCS, the launches came from near the capital.")
    got = _by_quote(text)
    assert got["The Secretary said the allies would respond together."] == ["us"]
    assert got["According to the same JCS, the launches came from near the capital."] == \
        ["south_korean"]


def test_colon_attributions_and_quotes_split_around_went_on() -> None:
    text = ("Russian Foreign Ministry spokeswoman Irina Volkova had a message for Seoul: "
            "\"Do not send weapons to Kyiv.\" "
            "She went on: \"Any such step would be a grave mistake.\"")
    got = _by_quote(text)
    assert list(got.values()) == [["russian"], ["russian"]]


@pytest.mark.parametrize("text", [
    "It's still early and we're working from thin information (that's war), but here's "
    "another way to see it: Moscow is running short of shells.",
    "Sometimes humour can be the most effective way to say a thing, and one joke has been "
    "doing the rounds lately, playing off the old quip: Never ask a dictator why he needs help.",
    "It is simple: The shells are old and many fail.",
])
def test_a_writers_own_lead_before_a_colon_names_no_speaker(text: str) -> None:
    """A colon attribution is one clause, '<speaker> <verb phrase>:'; a lead of two
    clauses, or a dummy 'it', is the writer's own sentence, not a speaker's."""
    assert _by_quote(text) == {}


def test_a_newer_named_subject_blocks_an_older_speaker() -> None:
    text = ("Prime Minister Keir Starmer said Britain would train more Ukrainian crews.\n\n"
            "Mia Holt, a researcher in Oslo, was asked about the plan. "
            "Her verdict was short: \"It is too little.\"")
    got = _by_quote(text)
    assert got["Her verdict was short: \"It is too little.\""] == []


def test_a_footnoted_sentence_is_still_a_sentence() -> None:
    text = "Ukrainian intelligence said the shells had a high failure rate.[7]"
    assert list(_by_quote(text).values()) == [["ukrainian"]]


# -- figures -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "high", "unit", "qualifier"), [
    ("some nine thousand soldiers crossed the river", 9000, None, "troops", "some"),
    ("roughly two thousand three hundred troops", 2300, None, "troops", "roughly"),
    ("a thousand engineers arrived", 1000, None, "troops", None),
    ("between 10,000–12,000 troops", 10000, 12000, "troops", "between"),
    ("up to 3,000 to 4,000 soldiers", 3000, 4000, "troops", "up to"),
    ("at least 40 tanks", 40, None, "equipment", "at least"),
    ("more than 650 million euros of aid", 650e6, None, "eur", "more than"),
    ("about 4,000 North Koreans were killed or wounded", 4000, None, "casualties", "about"),
    ("more than sixty KN-23 ballistic missiles", 60, None, "missiles", "more than"),
])
def test_figures_as_written(text: str, value: float, high: float | None, unit: str,
                            qualifier: str | None) -> None:
    [c] = numeric_claims(text)
    assert (c.figure, c.value_high, c.unit, c.qualifier) == (value, high, unit, qualifier)


def test_calibres_years_and_vague_amounts_are_not_counts() -> None:
    assert numeric_claims("170 mm guns fired in 2024 at a few thousand targets") == []
    assert numeric_claims("one of them said so") == []


# -- the command line ----------------------------------------------------------------------------

def test_cli_suggest_json_names_the_speaker_of_an_imported_transcript(
        workspace_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "briefing.txt"
    page.write_text(
        "Deputy Pentagon Press Secretary Holds a Press Briefing\n\n"
        "MS. SINGH: Good afternoon. We now assess that about 3,000 more soldiers have "
        "arrived in the region.\n\n"
        "Q: Thank you. Can you say where they are?\n\n"
        "MS. SINGH: I am not going to get into locations from here.\n", encoding="utf-8")
    with Workspace.open(workspace_dir) as ws:
        [done] = [p.result for p in import_files(ws, [page])]
        aid = done.article_id
    assert main(["--workspace", str(workspace_dir), "suggest", str(aid), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    answer = next(r for r in rows if "get into locations" in r["quote"])
    assert answer["speaker"] == "MS. SINGH" and answer["perspectives"] == ["US"]
    assert not any("Can you say where" in r["quote"] for r in rows)
    assert main(["--workspace", str(workspace_dir), "claims", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert any(r["figure"] == 3000 and r["qualifier"] == "about" and "value_high" in r
               for r in figures)


def test_a_figure_with_its_noun_left_out_counts_what_the_figure_before_it_counted() -> None:
    text = ("Officials said 11,000 troops were sent; about 3,000 more could follow. "
            "The agency put losses at 4,000, of whom some 300 were killed.")
    got = [(c.figure, c.unit) for c in numeric_claims(text)]
    assert (3000, "troops") in got and (300, "casualties") in got
    assert [c.figure for c in numeric_claims("In 2024, 500 troops left.")] == [500]


def test_fractions_are_shares() -> None:
    [c] = numeric_claims("roughly half of the artillery shells came from Pyongyang")
    assert (c.figure, c.unit, c.qualifier) == (50, "percent", "roughly")


def test_topic_experts_carrying_verbs_and_initials() -> None:
    text = ("Anna Berg, a Russia expert at a Swedish institute, said the figure was low. "
            "The Kremlin continues to deny that the troops are there. "
            "South Korea's Joint Chiefs of Staff briefed reporters on Monday. "
            "The JCS said a launch had taken place. "
            "Moscow denies everything.")
    got = _by_quote(text)
    assert got["Anna Berg, a Russia expert at a Swedish institute, said the figure was low."] \
        == []
    assert got["The Kremlin continues to deny that the troops are there."] == ["russian"]
    assert got["The JCS said a launch had taken place."] == ["south_korean"]
    assert got["Moscow denies everything."] == ["russian"]


def test_turns_run_together_in_one_paragraph() -> None:
    text = ("Regular press conference, 4 November. Question: Any comment on the troops? "
            "Guo Jiakun: We are not aware of the situation. China supports dialogue. "
            "Question: And the sanctions? Guo Jiakun: We oppose unilateral sanctions.")
    got = _by_quote(text)
    assert got["Guo Jiakun: We are not aware of the situation."] == ["chinese"]
    assert got["China supports dialogue."] == ["chinese"]
    assert not any("?" in q for q in got)


def test_a_government_body_speaks_in_its_own_statement() -> None:
    text = ("The Council adopted new measures today. We call on all states to stop arming "
            "Russia. The Council recalls that the transfers violate UN resolutions.")
    got = _by_quote(text, publisher="Council of the European Union")
    assert got["We call on all states to stop arming Russia."] == ["nato_european"]
    assert got["The Council recalls that the transfers violate UN resolutions."] == \
        ["nato_european"]
    assert "We call on all states to stop arming Russia." not in _by_quote(
        text, publisher="Kyiv Post")


@pytest.mark.parametrize(("sentence", "side"), [
    ("Lawmakers briefed by Ukraine's military intelligence said the losses were heavy.",
     "ukrainian"),
    ("Members of parliament briefed by the Pentagon said more troops were coming.", "us"),
    ("Lawmakers briefed by Russia's FSB said the border was secure.", "russian"),
    ("Finland's defence minister told reporters the alliance would respond.", "nato_european"),
])
def test_lawmakers_briefed_by_an_agency_and_country_bodies_for_every_side(
        sentence: str, side: str) -> None:
    assert _by_quote(sentence) == {sentence: [side]}


# -- meetings and calls: what the parties say together -------------------------------------

READOUT = """Prime Minister Jane Doe met today with Ukrainian Foreign Minister Andrii Sybiha \
on the margins of the summit to reaffirm their support for a just peace.

The two leaders condemned the transfer of missiles to Russia. They agreed to meet again in \
spring. The Foreign Minister briefed the Prime Minister on the situation at the front.
"""


def test_what_the_parties_of_a_meeting_say_together_is_said_by_both_sides() -> None:
    got = _by_quote(READOUT, title="Prime Minister's meeting with the Foreign Minister of "
                    "Ukraine", publisher="U.S. Department of State")
    both = {"us", "ukrainian"}
    assert set(got["The two leaders condemned the transfer of missiles to Russia."]) == both
    assert set(got["They agreed to meet again in spring."]) == both
    # one party named by role is that party alone
    assert got["The Foreign Minister briefed the Prime Minister on the situation at the "
               "front."] == ["ukrainian"]


def test_people_met_in_reporting_are_not_a_meeting_of_two_sides() -> None:
    text = ("Ukrainian commanders I spoke with in Sumy last month said that the attackers "
            "were adapting fast.")
    assert _by_quote(text)[text] == ["ukrainian"]


# -- a government's own statement and readout ----------------------------------------------

def test_the_issuer_of_a_statement_speaks_its_assertions_even_of_no_known_side() -> None:
    text = ("India is deeply concerned about the fighting near the border. India calls on "
            "all parties to show restraint.\n\nIndia will keep working with its partners "
            "for a peaceful settlement.")
    got = _by_quote(text, title="Statement by the Official Spokesperson on the situation "
                    "in Europe", publisher="Ministry of External Affairs of India")
    assert got["India will keep working with its partners for a peaceful settlement."] == []
    assert got["India is deeply concerned about the fighting near the border."] == []


def test_a_government_body_speaking_in_its_own_readout_and_its_aides_are_its_side() -> None:
    text = ("The President of Russia noted that trade had grown by a fifth.\n\n"
            "Presidential Aide Ivan Petrov told reporters that the talks had lasted an hour.")
    got = _by_quote(text, title="Telephone conversation with the President of Brazil",
                    publisher="President of Russia")
    assert got["The President of Russia noted that trade had grown by a fifth."] == ["russian"]
    assert got["Presidential Aide Ivan Petrov told reporters that the talks had lasted an "
               "hour."] == ["russian"]


def test_g7_ministers_speak_for_the_west() -> None:
    text = "The G7 foreign ministers stated that they condemned the missile transfers."
    assert set(_by_quote(text)[text]) == {"us", "nato_european"}


# -- anonymous and role-only speakers ------------------------------------------------------

def test_a_nationality_in_a_role_only_speaker_is_the_speakers_side() -> None:
    # an independent scholar of a nationality speaks for no side (the labels' "independent
    # analyst"); one who advises a government speaks for it
    scholar = "A Chinese scholar who advises the State Council said the talks had stalled."
    official = '"The rules are finished," said a senior U.S. official who was in the room.'
    expert = "A Korea expert said the talks had stalled."
    got = _by_quote(" ".join([scholar, official, expert]))
    assert got[scholar] == ["chinese"]
    assert got[official] == ["us"]
    assert got[expert] == []  # the country is the topic of the expertise, not a side


def test_an_appositive_renames_a_subject_that_names_its_side() -> None:
    text = ("Poland's military intelligence service, the SKW, estimates that 3,000 more "
            "troops have arrived.")
    assert _by_quote(text)[text] == ["nato_european"]


def test_a_role_only_speaker_right_after_a_group_is_one_of_the_group() -> None:
    text = ("Ukrainian pilots I met near Sumy said the attacks had slowed. \"They wait for "
            "fog now,\" said a helicopter pilot who asked not to be named.")
    got = _by_quote(text)
    assert got["\"They wait for fog now,\" said a helicopter pilot who asked not to be "
               "named."] == ["ukrainian"]


# -- round-ups: a post's header names who posted it ----------------------------------------

ROUNDUP = """Here are the main posts of the morning.

7:40 a.m. — Ukrainian Air Force (@KpsZSU)

Our air defence shot down 40 of 52 drones overnight. Debris fell on two districts.

In a later post, UAF said the attack had targeted energy sites.

The ministry later said the strike had been repelled.

Reactions abroad

The Russian Foreign Ministry said nothing.
"""


def test_a_post_header_is_not_a_claim_and_names_the_poster_of_the_paragraphs_under_it() -> None:
    got = _by_quote(ROUNDUP)
    assert not any("7:40" in quote for quote in got)
    assert got["Our air defence shot down 40 of 52 drones overnight."] == ["ukrainian"]
    assert got["Debris fell on two districts."] == ["ukrainian"]
    assert got["In a later post, UAF said the attack had targeted energy sites."] == [
        "ukrainian"]  # an acronym of the poster's name


def test_the_ministry_does_not_mean_a_ministry_named_only_later() -> None:
    got = _by_quote(ROUNDUP)
    assert "russian" not in got["The ministry later said the strike had been repelled."]


def test_a_g7_statement_speaks_for_the_west_and_a_publisher_named_with_its_country() -> None:
    g7 = "We are gravely concerned by the transfer of missiles to Russia."
    got = _by_quote(g7, title="G7 Leaders' Statement on the war in Ukraine",
                    publisher="G7 Presidency")
    assert set(got[g7]) == {"us", "nato_european"}
    own = "We call on Russia to stop the war it started."
    got = _by_quote(own, title="Statement by Minister Smith on the war",
                    publisher="Foreign Affairs Canada")
    assert got[own] == ["nato_european"]


def test_a_second_predicate_after_and_with_auxiliaries_is_the_subject_s() -> None:
    first = ("Ukraine's defence ministry published a video of the strike and has also said "
             "the bridge was hit twice.")
    second = ("Poland's foreign minister visited the border post and later said the crossing "
              "would stay open.")
    got = _speakers(f"{first} {second}")
    assert got[first] == "Ukraine's defence ministry"
    assert got[second] == "Poland's foreign minister"


def test_a_rank_or_title_before_a_name_makes_a_label_a_person_who_answers() -> None:
    text = ("AMBASSADOR JANE MORROW (United States): Good morning. The Council met today.\n\n"
            "AMBASSADOR PARK SEUNG-HO (Republic of Korea): Thank you, Jane. We will respond "
            "in stages.\n\n"
            "QUESTION (Reuters): Ambassador Park, will Seoul send weapons?\n\n"
            "AMBASSADOR PARK: We have not decided that yet.")
    got = _by_quote(text)
    assert got["We will respond in stages."] == ["south_korean"]
    assert got["AMBASSADOR PARK: We have not decided that yet."] == ["south_korean"]


def test_quoted_paragraphs_under_a_line_naming_a_person_are_that_person_s() -> None:
    first = "\u201cThe troops are fighting in a war that is not theirs.\u201d"
    second = "\u201cWe will keep imposing costs on those who enable the war.\u201d"
    text = ("The government announced new sanctions today.\n\n"
            "Quotes attributable to the Hon Jane Roe MP, Minister for Trade:\n\n"
            f"{first}\n\n{second}")
    got = _speakers(text)
    assert got[first] == got[second] == "the Hon Jane Roe MP, Minister for Trade"


def test_a_release_in_its_own_voice_by_a_government_of_no_side_of_ours() -> None:
    text = ("Australia has today imposed sanctions on ten entities.\n\n"
            "This deployment is a dangerous expansion of the war. We are deeply concerned "
            "by the transfer of missiles.\n\n"
            "The listings are available on the Department of Trade website.")
    got = _speakers(text, publisher="Foreign Minister")
    by = _by_quote(text, publisher="Foreign Minister")
    assert got["We are deeply concerned by the transfer of missiles."] == "Foreign Minister"
    assert by["This deployment is a dangerous expansion of the war."] == []
    assert "The listings are available on the Department of Trade website." not in got
    # a publisher whose side is merely not known is not guessed to be of none
    assert _speakers(text.replace("Australia", "The company"), publisher="Foreign Minister"
                     ).get("This deployment is a dangerous expansion of the war.") is None


def test_a_relative_clause_between_subject_and_verb_is_not_a_clause_before_it() -> None:
    text = ("Poland's foreign ministry, which does not post on social media, confirmed the "
            "arrests in a text message.")
    assert _speakers(text)[text] == "Poland's foreign ministry"
    assert _by_quote(text)[text] == ["nato_european"]


def test_a_paragraph_opening_with_a_handle_is_the_poster_s_and_handles_name_their_owner(
        ) -> None:
    text = ("Posts from the weekend\n\n"
            "@MFA_Russia (Telegram): \u201cThe reports of foreign troops are fakes. Nothing "
            "has changed on the ground.\u201d\n\n"
            "It added in a later post that the West was lying.\n\n"
            "@some_analyst (X): \u201cThis is the first capture in decades.\u201d")
    got = _by_quote(text)
    assert got["@MFA_Russia (Telegram): \u201cThe reports of foreign troops are fakes. "
               "Nothing has changed on the ground.\u201d"] == ["russian"]
    assert got["It added in a later post that the West was lying."] == ["russian"]
    assert _speakers(text)["@some_analyst (X): \u201cThis is the first capture in "
                           "decades.\u201d"] == "@some_analyst"


def test_an_unnamed_official_in_a_story_datelined_in_a_capital_is_of_its_country() -> None:
    text = ("MOSCOW \u2014 On the morning the treaty was ratified, officials met in the "
            "Kremlin.\n\n"
            "\u201cEverything changed that day,\u201d said one senior official who was there. "
            "\u201cWe had told ourselves for years that this was not our war.\u201d")
    assert _by_quote(text)["\u201cWe had told ourselves for years that this was not our "
                           "war.\u201d"] == ["russian"]  # the quotation continues
    assert _by_quote(text)["\u201cEverything changed that day,\u201d said one senior "
                           "official who was there."] == ["russian"]
    undated = text.replace("MOSCOW \u2014 ", "")
    assert _by_quote(undated).get("\u201cEverything changed that day,\u201d said one senior "
                                  "official who was there.") == []


def test_a_name_closing_a_relative_clause_keeps_the_side_of_the_head_before_it() -> None:
    text = ("A Polish border guard on the night shift, who asked to be identified by his "
            "first name, Tomasz, said the crossings had doubled.")
    assert _by_quote(text)[text] == ["nato_european"]


def test_list_labels_with_connectors_and_a_bracketed_place_name_the_source() -> None:
    text = ("Here are the estimates.\n\n"
            "Ministry of Defence of Ukraine: about 4,000 killed and wounded by March.\n\n"
            "NIS (Seoul): roughly 11,000 troops deployed in the first wave.")
    got = _by_quote(text)
    assert got["Ministry of Defence of Ukraine: about 4,000 killed and wounded by March."] == [
        "ukrainian"]
    assert got["NIS (Seoul): roughly 11,000 troops deployed in the first wave."] == [
        "south_korean"]


def test_the_hearer_after_told_is_not_an_inverted_speaker() -> None:
    text = ("\u201cWe have not seen their units for weeks,\u201d Maj. Anna Kowalska, a "
            "spokesperson for Poland's Border Guard in the east, told the Daily News.")
    assert _by_quote(text)[text] == ["nato_european"]
    assert "Daily News" not in (_speakers(text)[text] or "")


def test_a_family_name_first_however_short_refers_back_to_the_person() -> None:
    text = ("Fu Cong, China's permanent representative to the United Nations, spoke after "
            "the vote. \u201cThe conflict has caused great suffering,\u201d Fu said. "
            "Chinese Foreign Minister Wang Yi spoke in Johannesburg. Wang said China was "
            "willing to talk to all parties.")
    got = _by_quote(text)
    assert got["\u201cThe conflict has caused great suffering,\u201d Fu said."] == ["chinese"]
    assert got["Wang said China was willing to talk to all parties."] == ["chinese"]


def test_notes_about_the_document_and_offers_to_the_reader_are_not_claims() -> None:
    text = ("SPOKESPERSON KATO: This is a provisional translation. The original Japanese "
            "text prevails. We are concerned by the launch.\n\n"
            "Q: Will Tokyo respond?\n\n"
            "SPOKESPERSON KATO: We will consult our partners.\n\n"
            "Get 15% off with code NEWS15. Content is available under the Creative Commons "
            "licence.")
    got = _speakers(text)
    assert "We are concerned by the launch." in got
    assert not any(k.startswith(("This is a provisional", "The original Japanese", "Get 15%",
                                 "Content is available")) for k in got)


def test_captions_and_a_text_announcing_itself_are_signposts_not_claims() -> None:
    text = ("This paper examines what Russia has delivered since 2023, officials say.\n\n"
            "Figure 2: Estimated shell transfers to Russia, 2023-2025.\n\n"
            "Russian officials say the transfers ended in March.")
    got = _speakers(text)
    assert list(got) == ["Russian officials say the transfers ended in March."]


def test_a_long_head_before_an_appositive_name_gives_the_side() -> None:
    text = ("The Republican chair of the House Foreign Affairs Committee, John Doe, wrote on "
            "X: \u201cThe regime is now importing soldiers from abroad.\u201d")
    assert _by_quote(text)[text] == ["us"]


def test_a_named_poster_with_an_auxiliary_before_posted() -> None:
    text = ("Poland's foreign minister Jan Nowak has posted on X that Moscow is using "
            "foreign troops as cannon fodder.")
    assert _by_quote(text)[text] == ["nato_european"]


def test_she_in_an_inserted_clause_is_the_person_the_sentence_opens_with() -> None:
    text = ("Russian officials said nothing. Kim Yo Jong, the leader's sister, was more "
            "direct: any deployment, she said in a statement, would be lawful.")
    got = _by_quote(text)
    assert got["Kim Yo Jong, the leader's sister, was more direct: any deployment, she said "
               "in a statement, would be lawful."] == ["north_korean"]


def test_an_adverb_after_a_subject_is_not_part_of_it_and_we_opens_a_joint_statement() -> None:
    text = "Poland firmly rejects the claims made in Moscow."
    assert _speakers(text)[text] == "Poland"
    assert _by_quote(text)[text] == ["nato_european"]
    joint = ("We, the Foreign Ministers of Canada, France and Germany and the High "
             "Representative of the European Union, strongly condemn the transfers.")
    got = _by_quote(joint, title="G7 Foreign Ministers' Statement on the transfers",
                    publisher="G7 Presidency")
    assert set(got[joint]) == {"us", "nato_european"}


def test_an_unsigned_quotation_set_apart_on_a_government_page_is_its_side() -> None:
    text = ("The Council today adopted new sanctions against Russia.\n\n"
            "Quote\n\n"
            "\u201cForeign soldiers are now dying in Europe for this war. Every country that "
            "helps Russia must know there is a price.\u201d\n\n"
            "Background")
    got = _by_quote(text, title="EU adopts new sanctions",
                    publisher="Council of the European Union")
    assert got["\u201cForeign soldiers are now dying in Europe for this war. Every country "
               "that helps Russia must know there is a price.\u201d"] == ["nato_european"]
