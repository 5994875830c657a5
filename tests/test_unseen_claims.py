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
# before any rule saw them) were merged: without claims rules for them (branch meta12) they
# pull dev pooled down to .930/.835/.868/.764 (claims12 sets its own, higher floors).
FLOORS = {
    "dev": {"statements_found": 0.92, "statements_right": 0.82, "precision": 0.85,
            "figures_right": 0.75},
    "test": {"statements_found": 0.90, "statements_right": 0.75, "precision": 0.77,
             "figures_right": 0.66},
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
