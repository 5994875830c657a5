"""The analyst corrects cleaning: a real line the rules dropped goes back, furniture they
kept goes, and both choices hold through every re-clean, the archive and the CLI.

Real workspace (SQLite file, Whoosh index, originals), a real page imported through the
import pipeline; the page's sentences are made up for this test."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core import archive
from briefing.core.backups import list_backups
from briefing.core.cleaning_choices import (
    apply_choice,
    choose_line,
    current_choice,
    paragraph_at,
    reason_words,
    removed_lines,
)
from briefing.core.details import edit_details
from briefing.core.errors import CleaningError
from briefing.core.ingest.clean import clean_units
from briefing.core.ingest.pipeline import import_files
from briefing.core.reclean import reclean
from briefing.core.store import db as db_module
from briefing.core.store import schema
from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace

SUBSCRIBE = "Subscribe to our newsletter."
AFTER = ("That was the message the defence ministry sent to every workshop owner last week, "
         "asking them to register for weekly updates on orders and payments.")
SPONSOR = "Presented by Baltic Defence Expo — register by May 15."
PAGE = f"""Drone makers race to meet army orders

Home | World | Europe | Business | Opinion

Kyiv's drone makers say the army ordered 40,000 interceptor drones in March, twice the \
number of the month before. The factories now work in three shifts.

{SUBSCRIBE}

{AFTER}

{SPONSOR}

Officials in Lviv said the first batch of 5,000 drones had reached brigades near \
Pokrovsk, where the fighting has been heaviest this spring.

Sign up for our daily briefing
Share this article
Related Articles
"""


def test_the_page_has_a_real_line_a_rule_drops_and_furniture_the_rules_keep() -> None:
    verdicts = {u.text: u.dropped for u in clean_units(PAGE)}
    assert verdicts[SUBSCRIBE] == "subscription"  # a rule drops the article's own sentence
    assert verdicts[SPONSOR] is None  # and keeps the sponsor's line


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "drones.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def imported(workspace_dir: Path, page: Path):
    with Workspace.open(workspace_dir) as ws:
        [progress] = list(import_files(ws, [page]))
        yield ws, progress.result.article_id


def _found(ws: Workspace, query: str) -> set[int]:
    return {h.article_id for h in ws.index.search(query).hits}


def test_removed_lines_name_each_reason_in_words(imported) -> None:
    ws, aid = imported
    removed = {r.text: r.why for r in removed_lines(ws, aid)}
    assert removed[SUBSCRIBE] == "newsletter or subscription prompt"
    assert removed["Share this article"] == "navigation/menu"
    assert removed["Related Articles"] == "below the article's end"
    assert SPONSOR not in removed
    assert [r.number for r in removed_lines(ws, aid)] == list(range(1, len(removed) + 1))
    assert reason_words("duplicate") == "repeated line"
    assert reason_words("byline") == "byline or date (in the details)"
    assert reason_words("no_such_kind") == "page furniture (no such kind)"


def test_a_line_put_back_is_in_its_place_searchable_and_highlights_stay_on_their_words(
        imported) -> None:
    ws, aid = imported
    text = ws.articles.text(aid)
    assert SUBSCRIBE not in text and not _found(ws, "newsletter")
    start = text.index("weekly updates")
    mark = ws.highlights.add(aid, text, start, start + len("weekly updates"))
    result = choose_line(ws, aid, "subscribe to our newsletter", "keep")  # folded, no stop
    assert "text" in result.changed and not result.orphaned
    paragraphs = ws.articles.text(aid).split("\n\n")
    assert paragraphs.index(SUBSCRIBE) + 1 == paragraphs.index(AFTER)  # in page order
    assert _found(ws, "newsletter") == {aid}
    moved = ws.highlights.get(mark.id)
    assert not moved.orphaned and moved.start > mark.start
    assert ws.articles.text(aid)[moved.start:moved.end] == "weekly updates"
    assert SUBSCRIBE not in {r.text for r in removed_lines(ws, aid)}


def test_a_kept_line_dropped_leaves_text_and_index_and_is_listed_as_your_choice(
        imported) -> None:
    ws, aid = imported
    assert _found(ws, "Baltic") == {aid}
    choose_line(ws, aid, SPONSOR.replace("—", "-"), "drop")  # a plain dash still matches
    assert "Baltic" not in ws.articles.text(aid)
    assert not _found(ws, "Baltic")
    [mine] = [r for r in removed_lines(ws, aid) if r.text == SPONSOR]
    assert mine.chosen and mine.why == "your choice"
    choose_line(ws, aid, SPONSOR, "keep")  # putting it back forgets the choice
    assert SPONSOR in ws.articles.text(aid) and current_choice(ws, aid, SPONSOR) is None


def test_both_choices_survive_re_cleaning_and_confirmed_details_stay(imported) -> None:
    ws, aid = imported
    edit_details(ws, aid, {"title": "Drone orders (analyst's title)"})
    choose_line(ws, aid, SUBSCRIBE, "keep")
    choose_line(ws, aid, SPONSOR, "drop")
    before = ws.articles.text(aid)
    [result] = list(reclean(ws, [aid]))
    assert result.error is None and "text" not in result.changed
    text = ws.articles.text(aid)
    assert text == before and SUBSCRIBE in text and SPONSOR not in text
    assert ws.articles.get(aid).title == "Drone orders (analyst's title)"


def test_a_highlight_on_a_dropped_paragraph_is_orphaned_then_placed_again(imported) -> None:
    ws, aid = imported
    text = ws.articles.text(aid)
    start = text.index("Baltic Defence Expo")
    mark = ws.highlights.add(aid, text, start, start + len("Baltic Defence Expo"))
    result = choose_line(ws, aid, SPONSOR, "drop")
    assert result.orphaned == [(mark.id, "Baltic Defence Expo")]
    assert ws.highlights.get(mark.id).orphaned  # kept, never lost
    apply_choice(ws, aid, SPONSOR, None)  # what undo does
    back = ws.highlights.get(mark.id)
    assert not back.orphaned and ws.articles.text(aid)[back.start:back.end] == "Baltic Defence Expo"


def test_refusals_say_why_and_change_nothing(imported) -> None:
    ws, aid = imported
    text = ws.articles.text(aid)
    with pytest.raises(CleaningError, match="no article #99"):
        choose_line(ws, 99, SUBSCRIBE, "keep")
    with pytest.raises(CleaningError, match="no removed line of article"):
        choose_line(ws, aid, "A line that is nowhere on the page.", "keep")
    with pytest.raises(CleaningError, match="no paragraph of article"):
        choose_line(ws, aid, "A paragraph that is nowhere.", "drop")
    with pytest.raises(CleaningError, match="has no choice of yours"):
        choose_line(ws, aid, SPONSOR, None)
    with pytest.raises(CleaningError, match="keep or drop"):
        choose_line(ws, aid, SPONSOR, "maybe")
    assert ws.articles.text(aid) == text and not ws.cleaning.lines(aid)


def test_the_only_paragraph_cannot_be_dropped_and_a_missing_original_is_said(
        imported) -> None:
    ws, aid = imported
    one = "A single paragraph that is the whole article and nothing else, said the minister."
    only = ws.articles.add(NewArticle(
        title="One", text=one, text_hash="one", source_file="one.txt", original_hash="0" * 64,
        format="txt", words=len(one.split())))
    with pytest.raises(CleaningError, match="only paragraph"):
        choose_line(ws, only, one, "drop")
    with pytest.raises(CleaningError, match="original file of article .* is missing"):
        removed_lines(ws, only)


def test_paragraph_at_finds_the_paragraph_under_an_offset() -> None:
    text = "First one.\n\nSecond one here."
    assert paragraph_at(text, 3) == "First one."
    assert paragraph_at(text, text.index("here")) == "Second one here."
    assert paragraph_at(text, len("First one.") + 1) is None  # the break between them
    assert paragraph_at(text, 500) is None


def run(capsys, *argv: str) -> tuple[int, str, str]:  # noqa: ANN001
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_lists_puts_back_drops_resets_and_says_no_in_one_line(
        capsys, workspace_dir: Path, page: Path) -> None:
    w = ("--workspace", str(workspace_dir))
    assert run(capsys, *w, "import", str(page))[0] == 0
    code, out, err = run(capsys, *w, "cleaning", "1")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("#1 Drone makers race to meet army orders: ")
    number = next(n for n, line in enumerate(lines) if SUBSCRIBE in line)
    assert lines[number].strip() == f"{number}. [newsletter or subscription prompt] {SUBSCRIBE}"
    code, out, err = run(capsys, *w, "cleaning", "1", "--keep", str(number))
    assert code == 0, err
    assert out.startswith("recleaned  #1 Drone makers race to meet army orders: changed text")
    code, out, err = run(capsys, *w, "cleaning", "1", "--drop", SPONSOR)
    assert code == 0, err
    code, out, _ = run(capsys, *w, "cleaning", "1")
    assert f"your choice: kept “{SUBSCRIBE}”" in out and f"your choice: dropped “{SPONSOR}”" in out
    assert f"[your choice] {SPONSOR}" in out
    code, out, err = run(capsys, *w, "cleaning", "1", "--reset", SPONSOR)
    assert code == 0, err
    code, out, _ = run(capsys, *w, "search", "Baltic")
    assert "Drone makers" in out
    for argv, said in [
        (("cleaning", "7"), "briefing: cleaning: no article #7\n"),
        (("cleaning", "1", "--keep", "99"), "briefing: cleaning --keep: no removed line 99 "
         "in article #1 (it has 5); `briefing cleaning 1` lists them\n"),
        (("cleaning", "1", "--drop", "Nothing like this"),
         "briefing: cleaning --drop: no paragraph of article #1 reads “Nothing like this”\n"),
        (("cleaning", "1", "--reset", "Nothing like this"),
         "briefing: cleaning --reset: article #1 has no choice of yours for "
         "“Nothing like this”\n"),
    ]:
        code, out, err = run(capsys, *w, *argv)
        assert (code, out, err) == (1, "", said)


def test_choices_travel_in_an_archive_and_an_archive_without_them_still_imports(
        imported, tmp_path: Path) -> None:
    ws, aid = imported
    choose_line(ws, aid, SUBSCRIBE, "keep")
    choose_line(ws, aid, SPONSOR, "drop")
    out = tmp_path / "drones.briefing"
    archive.export_archive(ws, out)
    with Workspace.open(tmp_path / "colleague") as other:
        archive.import_archive(other, out)
        [there] = other.articles.ids()
        assert sorted(other.cleaning.lines(there)) == [(SPONSOR, "drop"), (SUBSCRIBE, "keep")]
        list(reclean(other, [there]))
        assert SUBSCRIBE in other.articles.text(there)
        assert SPONSOR not in other.articles.text(there)
    # an archive written before choices existed: no "cleaning" in the article records
    old = tmp_path / "old.briefing"
    manifest, parts = archive.read_archive(out)
    records = json.loads(parts["articles.json"])
    for record in records:
        del record["cleaning"]
    parts["articles.json"] = archive._dump(records)
    manifest["parts"]["articles.json"] = {"sha256": archive._sha(parts["articles.json"]),
                                          "size": len(parts["articles.json"])}
    with zipfile.ZipFile(old, "w") as z:
        z.writestr(archive.MANIFEST, archive._dump(manifest))
        for name, data in parts.items():
            z.writestr(name, data)
    with Workspace.open(tmp_path / "third") as third:
        report = archive.import_archive(third, old)
        assert report.articles == 1
        [there] = third.articles.ids()
        assert not third.cleaning.lines(there)


def test_a_library_of_the_previous_schema_is_backed_up_then_migrated(
        workspace_dir: Path, page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    previous = schema.MIGRATIONS[:-1]
    with monkeypatch.context() as patch:
        patch.setattr(db_module, "MIGRATIONS", previous)
        patch.setattr(db_module, "SCHEMA_VERSION", len(previous))
        with Workspace.open(workspace_dir) as ws:
            assert ws.db.user_version == len(previous)
            [progress] = list(import_files(ws, [page]))
            assert progress.result.status == "imported"
    with Workspace.open(workspace_dir) as ws:
        assert ws.db.user_version == schema.SCHEMA_VERSION
        [backup] = [b for b in list_backups(workspace_dir) if b.kind == "migration"]
        assert backup.verified and backup.articles == 1
        with sqlite3.connect(backup.path) as copy:
            tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
        assert "cleaning_choices" not in tables  # the copy was taken before migrating
        choose_line(ws, 1, SUBSCRIBE, "keep")
        assert SUBSCRIBE in ws.articles.text(1)


def test_lines_the_details_hold_say_so(workspace_dir: Path, tmp_path: Path) -> None:
    """The headline and the byline are not thrown away: they went to the article's details,
    and the list says so instead of naming the rule that took them off the text."""
    page = tmp_path / "byline.txt"
    page.write_text("Home | World | Europe\n\nDrone makers race to meet army orders\n\n"
                    "By Olena Kovalenko\n\n12 March 2025\n\n" + PAGE.split("\n\n", 2)[2],
                    encoding="utf-8")
    with Workspace.open(workspace_dir) as ws:
        [progress] = list(import_files(ws, [page]))
        article = ws.articles.get(progress.result.article_id)
        assert article.title == "Drone makers race to meet army orders"
        assert article.authors == ["Olena Kovalenko"]
        why = {line.text: line.why for line in removed_lines(ws, article.id)}
        assert why["Drone makers race to meet army orders"].startswith("the headline (in the details")
        assert why["By Olena Kovalenko"] == "byline or date (in the details)"
        assert why["12 March 2025"] == "byline or date (in the details)"
        assert why["Home | World | Europe"] == "above the article's start"
