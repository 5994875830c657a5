"""The speaker book: names normalised, assignments followed by every statement of the
speaker across the library, under the analyst's highlight corrections, kept across
restarts and re-imports; `briefing speakers` lists and assigns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.errors import SpeakerError
from briefing.core.speaker_names import (
    BookLookup,
    is_listed_speaker,
    speaker_key,
    speaker_name,
)
from briefing.core.speakers import assign_speaker, library_speakers
from briefing.core.suggestions import accept_suggestion, library_comparisons, pending_suggestions
from briefing.core.workspace import Workspace

REPORT = """Brigade reports from the river crossing

By Jane Doe

Taras Hnatenko said on Monday that 3,000 troops had crossed the river near the village. \
Mr Hnatenko told reporters that the brigade had lost 200 soldiers in the first week. \
He said the attack would continue until the bridgehead was secure.

Analysts in the region were more cautious. The weather has turned, and supply lines are long.
"""
FOLLOW_UP = """Second week at the bridgehead

Ukrainian commander Taras Hnatenko said 1,200 more troops had joined the brigade on Sunday.
"""


@pytest.mark.parametrize(("mention", "name"), [
    ("Mr. Kyrylo  Budanov", "Kyrylo Budanov"),
    ("General Kyrylo Budanov", "Kyrylo Budanov"),
    ("A frustrated Zelensky", "Zelensky"),
    ("John Foreman, who paid close attention to North Korea", "John Foreman"),
    ("Germany, Ukraine's second-biggest backer", "Germany"),
    ("A former commander of US Army Pacific, Charles Flynn", "Charles Flynn"),
    ("Ukrainian, South Korean, and US officials", "Ukrainian, South Korean, and US officials"),
    ("“Dr Jane Doe,”", "Jane Doe"),
])
def test_speaker_names_drop_case_titles_and_appositions(mention: str, name: str) -> None:
    assert speaker_name(mention) == name
    assert speaker_key(mention) == name.casefold()


def test_book_lookup_matches_the_ways_one_speaker_is_written() -> None:
    book = BookLookup({"antony blinken": ("Antony Blinken", "us"),
                       "kyrylo budanov": ("Kyrylo Budanov", "ukrainian"),
                       "kim": ("Kim", "north_korean"),
                       "ukrainian official": ("Ukrainian official", "ukrainian")})
    assert book.find("US Secretary of State Antony Blinken")[0] == "antony blinken"
    assert book.find("Mr Budanov")[0] == "kyrylo budanov"
    assert book.find("mr.  KYRYLO budanov")[0] == "kyrylo budanov"
    assert book.find("he", cue="Budanov")[0] == "kyrylo budanov"
    assert book.find("he", cue="Ukrainian") is None
    assert book.find("A senior Ukrainian official") is None  # a common noun is no name
    assert book.find("Blinken's deputy") is None
    # a surname shared by two booked names belongs to neither
    two = BookLookup({"john smith": ("John Smith", "us"), "adam smith": ("Adam Smith", "us")})
    assert two.find("Mr Smith") is None


def test_a_booked_common_noun_or_list_is_no_surname_of_other_speakers() -> None:
    """A Ukrainian statement's "the Service" booked as Ukrainian must not make South
    Korea's intelligence service Ukrainian, nor "Pyongyang and Moscow" make Moscow
    theirs; "the military" points back at whoever was named and is not listed."""
    book = BookLookup({"service": ("Service", "ukrainian"),
                       "pyongyang and moscow": ("Pyongyang and Moscow", "ukrainian"),
                       "budanov": ("Budanov", "ukrainian")})
    assert book.find("Service")[0] == "service"  # the mention booked, as written
    assert book.find("South Korea's National Intelligence Service") is None
    assert book.find("Moscow") is None
    assert book.find("Kyrylo Budanov")[0] == "budanov"  # a person's surname still is
    nis = BookLookup({"national intelligence service": ("National Intelligence Service",
                                                        "south_korean"),
                      "defence intelligence service": ("Defence Intelligence Service", "us")})
    assert nis.find("South Korea's National Intelligence Service")[0] == \
        "national intelligence service"  # a booked body's longer mention still is
    assert nis.find("Service") is None  # a common noun is no surname of the booked bodies
    assert not is_listed_speaker("the military")
    assert not is_listed_speaker("the spy agency")
    assert is_listed_speaker("the Foreign Ministry")


def _article(ws: Workspace, title: str, text: str) -> int:
    from briefing.core.store.articles import NewArticle
    return ws.articles.add(NewArticle(title=title, text=text, text_hash=title,
                                      source_file=f"{title}.txt", original_hash=title,
                                      format="txt", words=len(text.split())))


def test_assignment_is_followed_everywhere_under_the_analysts_corrections(
        workspace_dir: Path) -> None:
    with Workspace.open(workspace_dir) as ws:
        a = _article(ws, "Brigade reports", REPORT)
        b = _article(ws, "Second week", FOLLOW_UP)
        before = pending_suggestions(ws, a)
        assert [s.speaker for s in before] == ["Taras Hnatenko", "Mr Hnatenko", "He"]
        assert all(s.perspectives == [] for s in before)
        [entry] = library_speakers(ws, unassigned=True)
        assert entry.name == "Taras Hnatenko" and entry.statements == 3
        assert entry.without_perspective == 2  # "Ukrainian commander ..." has a cue

        entry = assign_speaker(ws, "hnatenko", "ukrainian")  # a mention finds the speaker
        assert (entry.name, entry.perspective, entry.statements) == \
            ("Taras Hnatenko", "ukrainian", 4)
        assert sorted(entry.articles) == [a, b]
        assert library_speakers(ws, unassigned=True) == []
        after = pending_suggestions(ws, a) + pending_suggestions(ws, b)
        assert [s.perspectives for s in after] == [["ukrainian"]] * 4
        assert after[0].cue == "speaker book: Taras Hnatenko"

        # the analyst's correction on a highlight wins over the book
        first = after[0]
        h = accept_suggestion(ws, a, first, perspectives=["us"])
        assert ws.highlights.get(h.id).perspectives == ["us"]
        assert first.quote not in [s.quote for s in pending_suggestions(ws, a)]
        figures = {e.text: e.perspectives for r in library_comparisons(ws) for e in r.entries}
        assert figures["3,000"] == ["us"] and figures["1,200"] == ["ukrainian"]

    # kept across a restart
    with Workspace.open(workspace_dir) as ws:
        assert ws.speakers.get("Mr. Taras Hnatenko") == "ukrainian"
        assert [s.perspectives for s in pending_suggestions(ws, b)] == [["ukrainian"]]
        with pytest.raises(SpeakerError, match="unknown perspective"):
            ws.speakers.assign("Taras Hnatenko", "martian")
        cleared = assign_speaker(ws, "Taras Hnatenko", None)
        assert cleared.perspective is None and cleared.statements == 4
        assert [s.perspectives for s in pending_suggestions(ws, a)] == [[], []]  # cues again
        assert [s.perspectives for s in pending_suggestions(ws, b)] == [["ukrainian"]]
        with pytest.raises(SpeakerError, match="not in the speaker book"):
            assign_speaker(ws, "Taras Hnatenko", None)


def test_cli_speakers_list_assign_clear_and_reimport(workspace_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "brigade.txt"
    page.write_text(REPORT, encoding="utf-8")
    w = ["--workspace", str(workspace_dir)]
    assert main([*w, "import", str(page)]) == 0
    capsys.readouterr()
    assert main([*w, "speakers", "--unassigned", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["name"] == "Taras Hnatenko" and row["perspective"] is None
    assert row["source"] == "none" and row["statements"] == 2

    assert main([*w, "speakers", "assign", "Mr. Hnatenko", "--perspective", "Ukrainian"]) == 0
    assert capsys.readouterr().out.strip() == \
        "Taras Hnatenko -> Ukrainian: 3 statement(s) in 1 article(s) follow"
    assert main([*w, "suggest", "1", "--json"]) == 0
    assert {tuple(s["perspectives"]) for s in json.loads(capsys.readouterr().out)} == \
        {("Ukrainian",)}

    # re-imported after deletion: a new article, the same book
    assert main([*w, "delete", "1"]) == 0
    assert main([*w, "import", str(page)]) == 0
    capsys.readouterr()
    assert main([*w, "list", "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)
    assert main([*w, "suggest", str(article["id"]), "--json"]) == 0
    assert [s["perspectives"] for s in json.loads(capsys.readouterr().out)] == [["Ukrainian"]] * 3
    assert main([*w, "speakers"]) == 0
    assert "Taras Hnatenko" in capsys.readouterr().out

    assert main([*w, "speakers", "assign", "Taras Hnatenko", "--clear"]) == 0
    assert "follow the cues again" in capsys.readouterr().out
    assert main([*w, "speakers", "assign", "Taras Hnatenko", "--clear"]) == 1
    assert capsys.readouterr().err.strip() == \
        "briefing: speakers assign: 'Taras Hnatenko' is not in the speaker book"
    assert main([*w, "speakers", "assign", "X", "--perspective", "Martian"]) == 1
    assert "unknown perspective 'Martian'" in capsys.readouterr().err


def test_a_perspective_a_speaker_is_booked_under_is_not_deleted(workspace_dir: Path) -> None:
    from briefing.core.store.perspectives import PerspectiveError

    with Workspace.open(workspace_dir) as ws:
        mine = ws.perspectives.add("Brigade", "#336699", "", [])
        ws.speakers.assign("Taras Hnatenko", mine.key)
        with pytest.raises(PerspectiveError, match="1 speaker\\(s\\) in the speaker book"):
            ws.perspectives.delete(mine.key)
        assert ws.speakers.get("Taras Hnatenko") == mine.key
        ws.speakers.clear("Taras Hnatenko")
        ws.perspectives.delete(mine.key)
        assert ws.perspectives.get(mine.key) is None


def test_a_speaker_is_listed_with_the_side_of_their_own_statements(workspace_dir: Path) -> None:
    """A sentence that also reports another source carries both sides; the speaker list
    shows the speaker's own side, the one most of their statements carry."""
    text = ("Brigade at the river\n\nUkrainian commander Taras Hnatenko said on Monday that "
            "3,000 troops had crossed the river, while US officials put the number at around "
            "2,000.\n\nUkrainian commander Taras Hnatenko said 1,200 more troops had joined "
            "the brigade on Sunday.\n")
    with Workspace.open(workspace_dir) as ws:
        a = _article(ws, "Brigade at the river", text)
        assert [s.perspectives for s in pending_suggestions(ws, a)] == [
            ["ukrainian", "us"], ["ukrainian"]]
        [entry] = [e for e in library_speakers(ws) if e.name.endswith("Taras Hnatenko")]
        assert entry.statements == 2 and entry.cue_perspectives == ["ukrainian"]
